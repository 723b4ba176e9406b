package dev.sgreach.benchmarks;

import com.google.common.collect.ImmutableList;
import dev.sgreach.model.Cidr;
import dev.sgreach.model.InternetGateway;
import dev.sgreach.model.NatGateway;
import dev.sgreach.model.Network;
import dev.sgreach.model.NetworkAcl;
import dev.sgreach.model.Ports;
import dev.sgreach.model.RouteTable;
import dev.sgreach.model.RouteTarget;
import dev.sgreach.model.Subnet;
import dev.sgreach.model.TransitGateway;
import dev.sgreach.model.VpcEndpoint;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/**
 * The packet path of a generated region ({@link RegionGenerator.Spec#withPath}): {@code subnets} /20 subnets spread
 * over the VPCs (four zones), each with its own network ACL and route table, and per VPC an internet gateway, a NAT
 * gateway, an egress-only gateway and an S3 gateway endpoint, plus a transit gateway joining every VPC.
 *
 * <ul>
 *   <li>ACLs: 20 entries per direction (AWS's default quota), the two {@code *} denies included: denies of SSH and RDP
 *       from anywhere and of a few hosts, allows of HTTPS, DNS, application ports and ICMP path-MTU messages, of the
 *       ephemeral ports 1024-65535 (TCP and UDP) for replies, of all IPv6; most ACLs end with an allow-all (rule
 *       1000), one in five does not, so that some flows and replies are denied.</li>
 *   <li>Routes: local (IPv4 and IPv6); every eighth subnet is public ({@code 0.0.0.0/0} and {@code ::/0} to the
 *       internet gateway), the rest go out through the NAT gateway and the egress-only gateway; the S3 prefix list to
 *       the gateway endpoint; the peer VPC's block to the active peering (a blackhole to the deleted one); every other
 *       VPC's block to the transit gateway; a corporate block to a virtual private gateway.</li>
 *   <li>The transit gateway has one VPC attachment per VPC (its subnets 1-4, one per zone), all associated with one
 *       route table into which they all propagate.</li>
 * </ul>
 * Its randomness is its own (seeded from the spec), so the groups, rules and ENI groups of a region are the same with
 * and without the path.
 */
final class RegionPath {
  private static final String[] AZS = {"us-east-1a", "us-east-1b", "us-east-1c", "us-east-1d"};
  private static final int HOSTS = 4096;

  /** The generator's id maker. */
  interface Ids {
    String hex(long n, int digits);
  }

  /** Where an ENI goes: its subnet's id, zone, index and IPv6 /64. */
  record Slot(int vpc, int index, String subnetId, String zone, int ipv6Block) {}

  private final RegionGenerator.Spec spec;
  private final List<String> vpcIds;
  private final int[] activePeerVpc;
  private final String[] activePeeringId;
  private final int deadPeerA;
  private final int deadPeerB;
  private final String deadPeeringId;
  private final Ids ids;
  private final Random rnd;
  private final int[] subnetsOf;
  private final int[][] nextHost;
  private final String tgw;

  RegionPath(RegionGenerator.Spec spec, List<String> vpcIds, int[] activePeerVpc, String[] activePeeringId,
      int deadPeerA, int deadPeerB, String deadPeeringId, Ids ids) {
    this.spec = spec;
    this.vpcIds = vpcIds;
    this.activePeerVpc = activePeerVpc;
    this.activePeeringId = activePeeringId;
    this.deadPeerA = deadPeerA;
    this.deadPeerB = deadPeerB;
    this.deadPeeringId = deadPeeringId;
    this.ids = ids;
    this.rnd = new Random(spec.seed() * 31 + 0x5ab);
    this.subnetsOf = new int[spec.vpcs()];
    for (int k = 0; k < spec.subnets(); k++) {
      subnetsOf[k % spec.vpcs()]++;
    }
    this.nextHost = new int[spec.vpcs()][];
    for (int v = 0; v < spec.vpcs(); v++) {
      nextHost[v] = new int[subnetsOf[v]];
      java.util.Arrays.fill(nextHost[v], 10); // AWS keeps the first four; the NAT gateway has the sixth
    }
    this.tgw = "tgw-" + ids.hex(0xa000, 17);
  }

  private String subnetId(int v, int k) {
    return "subnet-" + ids.hex(0x8000_0000L + v * 1024L + k, 17);
  }

  private static String block(int v, int k) {
    return "10." + (v * 16 + k / 16) + "." + ((k % 16) * 16) + ".0/20";
  }

  private static int ipv6(int v, int k) {
    return (v << 8) | k;
  }

  private static boolean isPublic(int k) {
    return k % 8 == 0;
  }

  /** The subnet the n-th ENI of VPC v goes to: round the VPC's subnets. */
  Slot slot(int v, int n) {
    int k = n % subnetsOf[v];
    return new Slot(v, k, subnetId(v, k), AZS[k % 4], ipv6(v, k));
  }

  /** The next free address of the slot's subnet. */
  String address(Slot s) {
    int h = nextHost[s.vpc()][s.index()]++;
    if (h >= HOSTS - 1) {
      throw new IllegalStateException(s.subnetId() + " is full: give the region more subnets");
    }
    Cidr b = Cidr.parse(block(s.vpc(), s.index()));
    long a = b.low() + h;
    return ((a >>> 24) & 255) + "." + ((a >>> 16) & 255) + "." + ((a >>> 8) & 255) + "." + (a & 255);
  }

  void addTo(Network.Builder net) {
    String vgw = "vgw-" + ids.hex(0xb000, 17);
    List<TransitGateway.Attachment> attachments = new ArrayList<>();
    List<String> propagations = new ArrayList<>();
    String tgwTable = "tgw-rtb-" + ids.hex(0xa001, 17);
    for (int v = 0; v < spec.vpcs(); v++) {
      String vpc = vpcIds.get(v);
      String igw = "igw-" + ids.hex(0x9000 + v, 17);
      String eigw = "eigw-" + ids.hex(0x9100 + v, 17);
      String nat = "nat-" + ids.hex(0x9200 + v, 17);
      String s3 = "vpce-" + ids.hex(0x9300 + v, 17);
      net.add(InternetGateway.attached(igw, vpc));
      net.add(InternetGateway.egressOnly(eigw, vpc));
      Cidr natSubnet = Cidr.parse(block(v, 0));
      net.add(NatGateway.publicNat(nat, vpc, subnetId(v, 0), address(natSubnet, 5), "3.250." + v + ".5"));
      List<String> tables = new ArrayList<>();
      for (int k = 0; k < subnetsOf[v]; k++) {
        String id = subnetId(v, k);
        net.add(new Subnet(id, vpc, RegionGenerator.OWNER, AZS[k % 4], "use1-az" + (k % 4 + 1), ImmutableList.of(
            Cidr.parse(block(v, k)), Cidr.parse("2600:1f18:4a00:" + Integer.toHexString(ipv6(v, k)) + "::/64"))));
        net.add(acl("acl-" + ids.hex(0x8100_0000L + v * 1024L + k, 17), vpc, id, v));
        String table = "rtb-" + ids.hex(0x8200_0000L + v * 1024L + k, 17);
        tables.add(table);
        net.add(routeTable(table, vpc, id, v, k, igw, eigw, nat, s3, vgw));
      }
      net.add(new VpcEndpoint(s3, VpcEndpoint.Type.GATEWAY, vpc, "com.amazonaws.us-east-1.s3", "available",
          ImmutableList.copyOf(tables), ImmutableList.of(), ImmutableList.of(), ImmutableList.of()));
      String attachment = "tgw-attach-" + ids.hex(0xa100 + v, 17);
      List<String> attachmentSubnets = new ArrayList<>();
      for (int k = 1; k <= 4 && k < subnetsOf[v]; k++) {
        attachmentSubnets.add(subnetId(v, k));
      }
      attachments.add(new TransitGateway.Attachment(attachment, "vpc", vpc, RegionGenerator.OWNER, "available",
          Optional.of(tgwTable), ImmutableList.copyOf(attachmentSubnets), true, Optional.empty(), Optional.empty()));
      propagations.add(attachment);
    }
    TransitGateway.Builder g = TransitGateway.builder(tgw).owner(RegionGenerator.OWNER);
    attachments.forEach(g::attachment);
    g.routeTable(TransitGateway.RouteTable.of(tgwTable, propagations));
    net.add(g.build());
  }

  private static String address(Cidr block, int offset) {
    long a = block.low() + offset;
    return ((a >>> 24) & 255) + "." + ((a >>> 16) & 255) + "." + ((a >>> 8) & 255) + "." + (a & 255);
  }

  /** 18 numbered entries and the two {@code *} denies per direction. */
  private NetworkAcl acl(String id, String vpc, String subnet, int v) {
    NetworkAcl.Builder b = NetworkAcl.builder(id).vpc(vpc).owner(RegionGenerator.OWNER).subnets(subnet);
    boolean open = rnd.nextInt(5) != 0;
    String vpcBlock = "10." + (v * 16) + ".0.0/12";
    for (boolean egress : new boolean[] {false, true}) {
      List<NetworkAcl.Entry> e = new ArrayList<>();
      e.add(entry(10, egress, NetworkAcl.Action.DENY, Ports.tcp(22), "0.0.0.0/0"));
      e.add(entry(20, egress, NetworkAcl.Action.DENY, Ports.tcp(3389), "0.0.0.0/0"));
      for (int h = 0; h < 4; h++) {
        e.add(entry(30 + h, egress, NetworkAcl.Action.DENY, Ports.allTraffic(),
            (54 + rnd.nextInt(40)) + "." + rnd.nextInt(256) + "." + rnd.nextInt(256) + "." + rnd.nextInt(256) + "/32"));
      }
      e.add(entry(100, egress, NetworkAcl.Action.ALLOW, Ports.tcp(443), "0.0.0.0/0"));
      e.add(entry(110, egress, NetworkAcl.Action.ALLOW, Ports.tcp(80), "0.0.0.0/0"));
      e.add(entry(120, egress, NetworkAcl.Action.ALLOW, Ports.udp(53), vpcBlock));
      e.add(entry(130, egress, NetworkAcl.Action.ALLOW, Ports.tcp(53), vpcBlock));
      e.add(entry(140, egress, NetworkAcl.Action.ALLOW, Ports.tcp(10250), "10.0.0.0/8"));
      e.add(entry(150, egress, NetworkAcl.Action.ALLOW, Ports.tcp(5432), "10.0.0.0/8"));
      e.add(entry(160, egress, NetworkAcl.Action.ALLOW, Ports.icmp(3, 4), "0.0.0.0/0"));
      e.add(entry(170, egress, NetworkAcl.Action.ALLOW, Ports.tcp(1024, 65535), "0.0.0.0/0"));
      e.add(entry(180, egress, NetworkAcl.Action.ALLOW, Ports.udp(1024, 65535), "0.0.0.0/0"));
      e.add(entry(190, egress, NetworkAcl.Action.ALLOW, Ports.allTraffic(), "10.0.0.0/8"));
      e.add(entry(200, egress, NetworkAcl.Action.ALLOW, Ports.allTraffic(), "::/0"));
      e.add(open ? entry(1000, egress, NetworkAcl.Action.ALLOW, Ports.allTraffic(), "0.0.0.0/0")
          : entry(1000, egress, NetworkAcl.Action.DENY, Ports.udp(0, 65535), "0.0.0.0/0"));
      e.add(entry(32767, egress, NetworkAcl.Action.DENY, Ports.allTraffic(), "0.0.0.0/0"));
      e.add(entry(32768, egress, NetworkAcl.Action.DENY, Ports.allTraffic(), "::/0"));
      e.forEach(b::entry);
    }
    return b.build();
  }

  private static NetworkAcl.Entry entry(int number, boolean egress, NetworkAcl.Action action, Ports ports,
      String cidr) {
    return new NetworkAcl.Entry(number, egress, ports, Cidr.parse(cidr), action);
  }

  private RouteTable routeTable(String id, String vpc, String subnet, int v, int k, String igw, String eigw,
      String nat, String s3, String vgw) {
    RouteTable.Builder b = RouteTable.builder(id).vpc(vpc).owner(RegionGenerator.OWNER).subnets(subnet)
        .route("10." + (v * 16) + ".0.0/12", RouteTarget.LOCAL)
        .route("2600:1f18:4a00:" + Integer.toHexString(v << 8) + "::/56", RouteTarget.LOCAL);
    if (isPublic(k)) {
      b.route("0.0.0.0/0", RouteTarget.of(igw)).route("::/0", RouteTarget.of(igw));
    } else {
      b.route("0.0.0.0/0", RouteTarget.of(nat)).route("::/0", RouteTarget.of(eigw));
    }
    b.route(RouteTable.Route.toPrefixList("pl-63a5400a", RouteTarget.of(s3)));
    for (int w = 0; w < spec.vpcs(); w++) {
      if (w == v) {
        continue;
      }
      String other = "10." + (w * 16) + ".0.0/12";
      if (activePeerVpc[v] == w) {
        b.route(other, RouteTarget.of(activePeeringId[v]));
      } else if ((v == deadPeerA && w == deadPeerB) || (v == deadPeerB && w == deadPeerA)) {
        b.route(RouteTable.Route.to(other, RouteTarget.of(deadPeeringId)).withState(RouteTable.State.BLACKHOLE));
      } else {
        b.route(other, RouteTarget.of(tgw));
      }
    }
    b.route("172.20.0.0/14", RouteTarget.of(vgw));
    return b.build();
  }
}
