package dev.sgreach.eks;

import com.google.common.collect.ImmutableList;
import dev.sgreach.model.Cidr;
import dev.sgreach.model.InternetGateway;
import dev.sgreach.model.NatGateway;
import dev.sgreach.model.Network;
import dev.sgreach.model.NetworkAcl;
import dev.sgreach.model.Ports;
import dev.sgreach.model.PrefixList;
import dev.sgreach.model.RouteTable;
import dev.sgreach.model.RouteTarget;
import dev.sgreach.model.Subnet;
import dev.sgreach.model.VpcEndpoint;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The packet path of a cluster's VPC as eksctl builds it (DOMAIN-PATH.md table 7b; eksctl's {@code vpc_ipv4.go},
 * {@code vpc_ipv6.go}, {@code vpc_endpoint.go}): subnets, the VPC's default network ACL (allow all, as AWS creates
 * it; eksctl makes none), the main route table (local only), and
 * <ul>
 *   <li>with public subnets: an internet gateway and one public route table {@code 0.0.0.0/0} (and {@code ::/0} with
 *       IPv6) to it for the public subnets; one NAT gateway (eksctl's default {@code vpc.nat.gateway: Single}) in the
 *       first public subnet, with an Elastic IP; a private route table per zone sending {@code 0.0.0.0/0} to it (and,
 *       with IPv6, {@code ::/0} to an egress-only internet gateway);</li>
 *   <li>for a fully private cluster: no internet gateway, no NAT gateway; private route tables with the local routes
 *       and the S3 gateway endpoint's prefix-list route only, and the interface endpoints of its services.</li>
 * </ul>
 * The S3 prefix list's entries here are illustrative (TEST-NET-2, RFC 5737), like the builder's public addresses.
 */
final class TopologyPath {
  /** Where S3 is in a generated network: a documentation block, never a real host. */
  static final String ILLUSTRATIVE_S3_BLOCK = "198.51.100.0/24";

  /** One subnet of the cluster's VPC. */
  record Place(String id, String zone, boolean isPrivate, Cidr block, Cidr ipv6Block) {}

  private final EksTopology.Builder spec;
  private final String cluster;
  private final String vpcId;
  private final Cidr vpcBlock;
  private final Cidr vpcIpv6Block;
  private final Network.Builder net;

  TopologyPath(EksTopology.Builder spec, String vpcId, Network.Builder net) {
    this.spec = spec;
    this.cluster = spec.cluster;
    this.vpcId = vpcId;
    this.vpcBlock = Cidr.parse(spec.vpcCidr);
    this.vpcIpv6Block = spec.vpcIpv6Cidr == null ? null : Cidr.parse(spec.vpcIpv6Cidr);
    this.net = net;
  }

  /**
   * Adds the path.
   *
   * @param places the VPC's subnets, private and public
   * @param address a new private address in the subnet with this id
   * @param publicAddress a new public address
   * @param endpointEnis the ENIs of each interface endpoint service, by service
   * @param endpointGroup the group the interface endpoints carry
   */
  void add(List<Place> places, Function<String, String> address, Supplier<String> publicAddress,
      Map<String, List<String>> endpointEnis, String endpointGroup) {
    List<Place> pub = places.stream().filter(p -> !p.isPrivate()).toList();
    List<Place> priv = places.stream().filter(Place::isPrivate).toList();
    for (Place p : places) {
      ImmutableList.Builder<Cidr> blocks = ImmutableList.<Cidr>builder().add(p.block());
      if (p.ipv6Block() != null) {
        blocks.add(p.ipv6Block());
      }
      net.add(new Subnet(p.id(), vpcId, spec.account, p.zone(), "", blocks.build()));
    }
    defaultAcl(places);
    net.add(withLocal(RouteTable.builder(Ids.id("rtb", vpcId + "/main")).vpc(vpcId).owner(spec.account).main(true))
        .build());

    boolean internet = !spec.fullyPrivate && !pub.isEmpty();
    String nat = null;
    String eigw = null;
    if (internet) {
      String igw = Ids.id("igw", vpcId + "/igw");
      net.add(new InternetGateway(igw, false, spec.account, ImmutableList.of(
          new InternetGateway.Attachment(vpcId, "available"))));
      RouteTable.Builder publicTable = withLocal(RouteTable.builder(Ids.id("rtb", vpcId + "/public")).vpc(vpcId)
          .owner(spec.account)).route("0.0.0.0/0", RouteTarget.of(igw));
      if (vpcIpv6Block != null) {
        publicTable.route("::/0", RouteTarget.of(igw));
      }
      pub.forEach(p -> publicTable.subnets(p.id()));
      net.add(publicTable.build());
      Place natPlace = pub.get(0);
      nat = Ids.id("nat", vpcId + "/nat");
      net.add(new NatGateway(nat, vpcId, natPlace.id(), "available", false, ImmutableList.of(new NatGateway.Address(
          Cidr.parseAddress(address.apply(natPlace.id())), Optional.of(Cidr.parseAddress(publicAddress.get())),
          ""))));
      if (vpcIpv6Block != null) {
        eigw = Ids.id("eigw", vpcId + "/eigw");
        net.add(new InternetGateway(eigw, true, spec.account, ImmutableList.of(
            new InternetGateway.Attachment(vpcId, "attached"))));
      }
    }
    Map<String, RouteTable.Builder> privateTables = new LinkedHashMap<>();
    for (Place p : priv) {
      RouteTable.Builder t = privateTables.computeIfAbsent(p.zone(), z -> {
        RouteTable.Builder b = withLocal(RouteTable.builder(Ids.id("rtb", vpcId + "/private/" + z)).vpc(vpcId)
            .owner(spec.account));
        return b;
      });
      t.subnets(p.id());
    }
    List<String> privateTableIds = new ArrayList<>();
    for (RouteTable.Builder t : privateTables.values()) {
      if (nat != null) {
        t.route("0.0.0.0/0", RouteTarget.of(nat));
      }
      if (eigw != null) {
        t.route("::/0", RouteTarget.of(eigw));
      }
      privateTableIds.add(t.build().id());
    }
    if (spec.fullyPrivate) {
      String s3 = "com.amazonaws." + spec.region + ".s3";
      String list = Ids.id("pl", s3);
      String endpoint = Ids.id("vpce", cluster + "/endpoint/s3");
      net.add(PrefixList.of(list, s3, ILLUSTRATIVE_S3_BLOCK));
      net.add(new VpcEndpoint(endpoint, VpcEndpoint.Type.GATEWAY, vpcId, s3, "available",
          ImmutableList.copyOf(privateTableIds), ImmutableList.of(), ImmutableList.of(), ImmutableList.of()));
      privateTables.values().forEach(t -> t.route(RouteTable.Route.toPrefixList(list, RouteTarget.of(endpoint))));
    }
    privateTables.values().forEach(t -> net.add(t.build()));
    endpointEnis.forEach((service, enis) -> net.add(new VpcEndpoint(Ids.id("vpce", cluster + "/endpoint/" + service),
        VpcEndpoint.Type.INTERFACE, vpcId, "com.amazonaws." + spec.region + "." + service, "available",
        ImmutableList.of(), priv.stream().map(Place::id).collect(ImmutableList.toImmutableList()),
        ImmutableList.copyOf(enis), ImmutableList.of(endpointGroup))));
  }

  /** The VPC's default ACL as AWS creates it: rule 100 allows all IPv4 (101 all IPv6), then the {@code *} denies. */
  private void defaultAcl(List<Place> places) {
    NetworkAcl.Builder b = NetworkAcl.builder(Ids.id("acl", vpcId + "/default")).vpc(vpcId).owner(spec.account)
        .isDefault(true).subnets(places.stream().map(Place::id).toList());
    for (boolean egress : new boolean[] {false, true}) {
      b.entry(new NetworkAcl.Entry(100, egress, Ports.allTraffic(), Cidr.parse("0.0.0.0/0"), NetworkAcl.Action.ALLOW));
      if (vpcIpv6Block != null) {
        b.entry(new NetworkAcl.Entry(101, egress, Ports.allTraffic(), Cidr.parse("::/0"), NetworkAcl.Action.ALLOW));
      }
      b.entry(new NetworkAcl.Entry(32767, egress, Ports.allTraffic(), Cidr.parse("0.0.0.0/0"), NetworkAcl.Action.DENY));
      if (vpcIpv6Block != null) {
        b.entry(new NetworkAcl.Entry(32768, egress, Ports.allTraffic(), Cidr.parse("::/0"), NetworkAcl.Action.DENY));
      }
    }
    net.add(b.build());
  }

  private RouteTable.Builder withLocal(RouteTable.Builder b) {
    b.route(vpcBlock.toCidrString(), RouteTarget.LOCAL);
    if (vpcIpv6Block != null) {
      b.route(vpcIpv6Block.toCidrString(), RouteTarget.LOCAL);
    }
    return b;
  }
}
