package dev.sgreach.path;

import com.google.common.collect.ImmutableList;
import dev.sgreach.model.Cidr;
import dev.sgreach.model.InternetGateway;
import dev.sgreach.model.NatGateway;
import dev.sgreach.model.Network;
import dev.sgreach.model.NetworkAcl;
import dev.sgreach.model.NetworkInterface;
import dev.sgreach.model.Ports;
import dev.sgreach.model.PrefixList;
import dev.sgreach.model.RouteTable;
import dev.sgreach.model.RouteTarget;
import dev.sgreach.model.Subnet;
import dev.sgreach.model.Traffic;
import dev.sgreach.model.TransitGateway;
import dev.sgreach.model.Vpc;
import dev.sgreach.model.VpcEndpoint;
import dev.sgreach.model.VpcPeering;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

/**
 * Seeded generator of small random networks that stress the packet path, and of queries on them. Deterministic for a
 * seed: {@code new RandomPathNetworks(seed)}, then {@link #network()}, then {@link #query()} in the same order give
 * the same answers.
 *
 * <p>What a network holds: 2-3 VPCs (IPv4 and often IPv6 blocks; sometimes no {@code describe-vpcs} record, once in a
 * while two VPCs with one block) with 2-3 subnets each in two zones; per VPC a default ACL (sometimes missing) and
 * up to two custom ACLs of 0-7 entries per direction (random rule numbers and order, allow and deny, protocol -1,
 * TCP/UDP ranges around the ephemeral bounds, ICMP and ICMPv6 type/code, protocol 50, IPv4 and IPv6 CIDRs from
 * {@code /0} to {@code /32} and {@code /128}, sometimes the listed {@code *} rules, rarely a subnet in two ACLs); a
 * main route table (sometimes missing) and up to two custom ones (local routes, routes more specific than local,
 * default and specific routes to internet, egress-only and NAT gateways, peerings, transit gateways, virtual private
 * gateways, blackholes, propagated routes, prefix-list routes to a gateway endpoint whose entries are known, unknown
 * or absent); internet and egress-only gateways (attached, detached or only named by routes); public and private NAT
 * gateways; an active or inactive peering between two VPCs; a transit gateway (attachments with subnets in one or
 * both zones, one or two route tables, associations, propagations, static routes, blackholes, truncated route lists,
 * and sometimes a peered second gateway); ENIs with IPv4, IPv6 and public addresses. In about one network in ten the
 * ACLs or the route tables are left out altogether, so the layer is not covered.
 */
final class RandomPathNetworks {
  private final Random r;
  private final List<String> vpcIds = new ArrayList<>();
  private final List<Integer> vpcNumbers = new ArrayList<>();
  private final List<Boolean> vpcHasV6 = new ArrayList<>();
  private final List<List<String>> subnetsOfVpc = new ArrayList<>();
  private final List<String> subnetIds = new ArrayList<>();
  private final List<String> subnetZone = new ArrayList<>();
  private final List<Integer> subnetVpc = new ArrayList<>();
  private final List<Integer> subnetNumber = new ArrayList<>();
  private final List<NetworkInterface> enis = new ArrayList<>();
  private final List<String> natIds = new ArrayList<>();
  private final List<Integer> natVpc = new ArrayList<>();
  private final List<String> igwOfVpc = new ArrayList<>();
  private final List<String> eigwOfVpc = new ArrayList<>();
  private String peeringId;
  private final List<String> tgwIds = new ArrayList<>();
  private String endpointId;
  private Network network;

  RandomPathNetworks(long seed) {
    this.r = new Random(seed);
  }

  static Network generate(long seed) {
    return new RandomPathNetworks(seed).network();
  }

  private boolean chance(double p) {
    return r.nextDouble() < p;
  }

  private <T> T pick(List<T> list) {
    return list.get(r.nextInt(list.size()));
  }

  Network network() {
    if (network != null) {
      return network;
    }
    Network.Builder b = Network.builder();
    int vpcCount = 2 + r.nextInt(2);
    boolean overlap = chance(0.08);
    for (int v = 0; v < vpcCount; v++) {
      int number = overlap && v == 2 ? 1 : v;
      String id = "vpc-" + v;
      vpcIds.add(id);
      vpcNumbers.add(number);
      boolean v6 = chance(0.7);
      vpcHasV6.add(v6);
      List<Cidr> blocks = new ArrayList<>();
      blocks.add(Cidr.parse("10." + number + ".0.0/16"));
      if (v6) {
        blocks.add(Cidr.parse("2600:1f18:" + v + "::/56"));
      }
      if (chance(0.9)) {
        b.add(new Vpc(id, "", ImmutableList.copyOf(blocks)));
      }
      List<String> subs = new ArrayList<>();
      int count = 2 + r.nextInt(2);
      for (int s = 0; s < count; s++) {
        String sid = "subnet-" + v + s;
        String zone = s % 2 == 0 ? "az1" : pick(List.of("az1", "az2", "az2"));
        List<Cidr> sb = new ArrayList<>();
        sb.add(Cidr.parse("10." + number + "." + s + ".0/24"));
        if (v6 && chance(0.8)) {
          sb.add(Cidr.parse("2600:1f18:" + v + ":" + s + "::/64"));
        }
        b.add(new Subnet(sid, id, "", zone, chance(0.5) ? "use1-" + zone : "", ImmutableList.copyOf(sb)));
        subs.add(sid);
        subnetIds.add(sid);
        subnetZone.add(zone);
        subnetVpc.add(v);
        subnetNumber.add(s);
      }
      subnetsOfVpc.add(subs);
      String igw = "igw-" + v;
      igwOfVpc.add(igw);
      double g = r.nextDouble();
      if (g < 0.6) {
        b.add(InternetGateway.attached(igw, id));
      } else if (g < 0.7) {
        b.add(new InternetGateway(igw, false, "", ImmutableList.of(new InternetGateway.Attachment(id, "detached"))));
      }
      String eigw = "eigw-" + v;
      eigwOfVpc.add(eigw);
      if (v6 && chance(0.5)) {
        b.add(InternetGateway.egressOnly(eigw, id));
      }
    }
    if (chance(0.7)) {
      peeringId = "pcx-01";
      boolean sides = chance(0.5);
      VpcPeering.Side a = sides ? new VpcPeering.Side("", "", ImmutableList.of(Cidr.parse("10." + vpcNumbers.get(0)
          + ".0.0/16"))) : VpcPeering.Side.UNKNOWN;
      VpcPeering.Side c = sides ? new VpcPeering.Side("", "", ImmutableList.of(Cidr.parse("10." + vpcNumbers.get(1)
          + ".0.0/16"))) : VpcPeering.Side.UNKNOWN;
      b.add(new VpcPeering(peeringId, vpcIds.get(0), vpcIds.get(1), chance(0.8) ? "active" : "pending-acceptance",
          a, c));
    }
    for (int v = 0; v < vpcCount; v++) {
      if (chance(0.6)) {
        String nat = "nat-" + v;
        int s = pickSubnetOf(v);
        boolean isPublic = chance(0.75);
        String priv = "10." + vpcNumbers.get(v) + "." + subnetNumber.get(s) + ".100";
        NatGateway.Address addr = new NatGateway.Address(Cidr.parse(priv),
            isPublic ? Optional.of(Cidr.parse("3.0." + v + ".100")) : Optional.empty(), "eni-nat" + v);
        b.add(new NatGateway(nat, chance(0.8) ? vpcIds.get(v) : "", subnetIds.get(s), chance(0.9) ? "available"
            : "deleting", !isPublic, ImmutableList.of(addr)));
        natIds.add(nat);
        natVpc.add(v);
        if (chance(0.6)) {
          NetworkInterface.Builder e = NetworkInterface.builder("eni-nat" + v).vpc(vpcIds.get(v))
              .subnet(subnetIds.get(s)).availabilityZone(subnetZone.get(s)).interfaceType("nat_gateway")
              .address(priv);
          if (isPublic) {
            e.publicIp("3.0." + v + ".100");
          }
          enis.add(e.build());
        }
      }
    }
    if (chance(0.5)) {
      transitGateways(b);
    }
    if (chance(0.45)) {
      endpointId = "vpce-s3";
      double p = r.nextDouble();
      if (p < 0.6) {
        b.add(PrefixList.of("pl-s3", "com.amazonaws.us-east-1.s3", "52.216.0.0/15", "54.231.0.0/16"));
      } else if (p < 0.8) {
        b.add(PrefixList.withUnknownEntries("pl-s3", "com.amazonaws.us-east-1.s3"));
      }
      if (chance(0.8)) {
        b.add(new VpcEndpoint(endpointId, VpcEndpoint.Type.GATEWAY, vpcIds.get(0), "com.amazonaws.us-east-1.s3",
            chance(0.9) ? "available" : "pending", ImmutableList.of(), ImmutableList.of(), ImmutableList.of(),
            ImmutableList.of()));
      }
    }
    boolean withAcls = chance(0.9);
    boolean withRoutes = chance(0.9);
    for (int v = 0; v < vpcCount; v++) {
      if (withAcls) {
        acls(b, v);
      }
      if (withRoutes) {
        routeTables(b, v);
      }
    }
    for (int s = 0; s < subnetIds.size(); s++) {
      int count = 1 + r.nextInt(2);
      for (int i = 0; i < count; i++) {
        enis.add(eni(s, i));
      }
    }
    enis.forEach(b::add);
    network = b.build();
    return network;
  }

  private int pickSubnetOf(int v) {
    List<String> subs = subnetsOfVpc.get(v);
    return subnetIds.indexOf(pick(subs));
  }

  private NetworkInterface eni(int s, int i) {
    int v = subnetVpc.get(s);
    int vn = vpcNumbers.get(v);
    int sn = subnetNumber.get(s);
    NetworkInterface.Builder e = NetworkInterface.builder("eni-" + v + sn + i).vpc(vpcIds.get(v))
        .subnet(subnetIds.get(s)).availabilityZone(subnetZone.get(s));
    String a = "10." + vn + "." + sn + "." + (10 + i);
    e.address(a);
    boolean second = chance(0.15);
    if (second) {
      e.address("10." + vn + "." + sn + "." + (50 + i));
    }
    if (vpcHasV6.get(v) && chance(0.6)) {
      e.address("2600:1f18:" + v + ":" + sn + "::" + Integer.toHexString(16 + i));
    }
    if (chance(0.35)) {
      String pub = "54." + v + "." + sn + "." + (10 + i);
      if (second && chance(0.5)) {
        e.publicIp(pub, a);
      } else {
        e.publicIp(pub);
      }
    }
    return e.build();
  }

  private NetworkAcl.Entry entry(int number, boolean egress, int v) {
    NetworkAcl.Action action = chance(0.65) ? NetworkAcl.Action.ALLOW : NetworkAcl.Action.DENY;
    boolean v6 = chance(0.3);
    Cidr cidr = Cidr.parse(v6 ? pick(v6Cidrs(v)) : pick(v4Cidrs(v)));
    double p = r.nextDouble();
    Ports ports;
    if (p < 0.3) {
      ports = Ports.allTraffic();
    } else if (p < 0.75) {
      int[] range = pick(List.of(new int[] {0, 65535}, new int[] {22, 22}, new int[] {443, 443},
          new int[] {1024, 65535}, new int[] {32768, 61000}, new int[] {40000, 50000}, new int[] {49152, 65535},
          new int[] {1, 1023}, new int[] {53, 53}, new int[] {0, 0}, new int[] {65535, 65535},
          new int[] {32768, 65535}, new int[] {1024, 32767}));
      ports = chance(0.7) ? Ports.tcp(range[0], range[1]) : Ports.udp(range[0], range[1]);
    } else if (p < 0.85) {
      int[] tc = pick(List.of(new int[] {-1, -1}, new int[] {8, 0}, new int[] {0, -1}, new int[] {3, 4},
          new int[] {0, 0}));
      ports = Ports.icmp(tc[0], tc[1]);
    } else if (p < 0.93) {
      int[] tc = pick(List.of(new int[] {-1, -1}, new int[] {128, 0}, new int[] {129, -1}));
      ports = Ports.icmpv6(tc[0], tc[1]);
    } else {
      ports = Ports.protocol(50);
    }
    return new NetworkAcl.Entry(number, egress, ports, cidr, action);
  }

  private List<String> v4Cidrs(int v) {
    int vn = vpcNumbers.get(v);
    return List.of("0.0.0.0/0", "0.0.0.0/0", "10.0.0.0/8", "10." + vn + ".0.0/16", "10." + vn + ".1.0/24",
        "10." + vn + ".0.0/24", "10." + vn + ".0.10/32", "10." + ((vn + 1) % 3) + ".0.0/16", "8.8.8.8/32",
        "3.0.0.0/8", "52.216.0.0/15", "54.0.0.0/8");
  }

  private List<String> v6Cidrs(int v) {
    return List.of("::/0", "::/0", "2600:1f18::/40", "2600:1f18:" + v + "::/56", "2600:1f18:" + v + ":1::/64",
        "2a05:d018::/32");
  }

  private void acls(Network.Builder b, int v) {
    List<String> subs = new ArrayList<>(subnetsOfVpc.get(v));
    java.util.Collections.shuffle(subs, r);
    int customs = r.nextInt(3);
    Set<String> taken = new HashSet<>();
    for (int c = 0; c < customs; c++) {
      NetworkAcl.Builder a = NetworkAcl.builder("acl-" + v + "c" + c).vpc(vpcIds.get(v));
      for (String s : subs) {
        if (chance(0.45) && (taken.add(s) || chance(0.08))) {
          a.subnets(s);
        }
      }
      entries(a, v);
      b.add(a.build());
    }
    if (chance(0.9)) {
      NetworkAcl.Builder d = NetworkAcl.builder("acl-" + v + "d").vpc(vpcIds.get(v)).isDefault(true);
      for (String s : subs) {
        if (!taken.contains(s) && chance(0.85)) {
          d.subnets(s); // the default ACL lists its implicit associations, as Describe does
        }
      }
      if (chance(0.5)) {
        for (boolean egress : new boolean[] {false, true}) {
          d.entry(new NetworkAcl.Entry(100, egress, Ports.allTraffic(), Cidr.parse("0.0.0.0/0"),
              NetworkAcl.Action.ALLOW));
          d.entry(new NetworkAcl.Entry(101, egress, Ports.allTraffic(), Cidr.parse("::/0"), NetworkAcl.Action.ALLOW));
        }
      } else {
        entries(d, v);
      }
      b.add(d.build());
    }
  }

  private void entries(NetworkAcl.Builder a, int v) {
    for (boolean egress : new boolean[] {false, true}) {
      int count = r.nextInt(8);
      Set<Integer> numbers = new LinkedHashSet<>();
      while (numbers.size() < count) {
        numbers.add(pick(List.of(1, 5, 10, 50, 90, 99, 100, 101, 110, 120, 200, 300, 900, 32766)));
      }
      List<Integer> order = new ArrayList<>(numbers);
      java.util.Collections.shuffle(order, r);
      for (int n : order) {
        a.entry(entry(n, egress, v));
      }
      if (chance(0.45)) {
        a.entry(new NetworkAcl.Entry(1000, egress, Ports.allTraffic(), Cidr.parse("0.0.0.0/0"),
            NetworkAcl.Action.ALLOW));
        a.entry(new NetworkAcl.Entry(1001, egress, Ports.allTraffic(), Cidr.parse("::/0"), NetworkAcl.Action.ALLOW));
      }
      if (chance(0.5)) {
        a.entry(new NetworkAcl.Entry(32767, egress, Ports.allTraffic(), Cidr.parse("0.0.0.0/0"),
            NetworkAcl.Action.DENY));
        a.entry(new NetworkAcl.Entry(32768, egress, Ports.allTraffic(), Cidr.parse("::/0"), NetworkAcl.Action.DENY));
      }
    }
  }

  private void routeTables(Network.Builder b, int v) {
    List<String> subs = new ArrayList<>(subnetsOfVpc.get(v));
    int customs = r.nextInt(3);
    Set<String> taken = new HashSet<>();
    for (int c = 0; c < customs; c++) {
      RouteTable.Builder t = RouteTable.builder("rtb-" + v + "c" + c).vpc(vpcIds.get(v));
      for (String s : subs) {
        if (chance(0.45) && (taken.add(s) || chance(0.05))) {
          t.subnets(s);
        }
      }
      routes(t, v);
      b.add(t.build());
    }
    if (chance(0.92)) {
      RouteTable.Builder m = RouteTable.builder("rtb-" + v + "m").vpc(vpcIds.get(v)).main(true);
      routes(m, v);
      b.add(m.build());
    }
  }

  private void routes(RouteTable.Builder t, int v) {
    int vn = vpcNumbers.get(v);
    Set<String> used = new HashSet<>();
    if (chance(0.97)) {
      t.route("10." + vn + ".0.0/16", RouteTarget.LOCAL);
      used.add("10." + vn + ".0.0/16");
    }
    if (vpcHasV6.get(v) && chance(0.95)) {
      t.route("2600:1f18:" + v + "::/56", RouteTarget.LOCAL);
      used.add("2600:1f18:" + v + "::/56");
    }
    int extra = r.nextInt(5);
    for (int i = 0; i < extra; i++) {
      String dest = pick(List.of("0.0.0.0/0", "0.0.0.0/0", "::/0", "10." + ((vn + 1) % 3) + ".0.0/16",
          "10." + ((vn + 1) % 3) + ".1.0/24", "10." + ((vn + 2) % 3) + ".0.0/16", "8.8.8.0/24", "52.216.0.0/16",
          "10." + vn + ".1.0/24", "2600:1f18:" + ((v + 1) % 3) + "::/56", "192.168.0.0/16", "3.0.0.0/8"));
      if (!used.add(dest)) {
        continue;
      }
      RouteTarget target = chance(0.75) ? sensibleTarget(v, dest) : target(v, Cidr.parse(dest).isIpv6());
      RouteTable.Route route = RouteTable.Route.to(dest, target);
      double s = r.nextDouble();
      if (s < 0.08) {
        route = route.withState(RouteTable.State.BLACKHOLE);
      } else if (s < 0.13 && target.kind() == RouteTarget.Kind.VIRTUAL_PRIVATE_GATEWAY) {
        route = route.withOrigin(RouteTable.Origin.ENABLE_VGW_ROUTE_PROPAGATION);
      }
      t.route(route);
    }
    if (endpointId != null && v == 0 && chance(0.6)) {
      t.route(RouteTable.Route.toPrefixList("pl-s3", RouteTarget.of(endpointId)));
    }
    if (chance(0.05)) {
      t.route(new RouteTable.Route(Optional.of(Cidr.parse("10.9.9.0/24")), Optional.empty(), RouteTarget.none(),
          RouteTable.State.BLACKHOLE, RouteTable.Origin.CREATE_ROUTE));
    }
  }

  /** The target a careful operator would give this destination, as far as the network has one. */
  private RouteTarget sensibleTarget(int v, String dest) {
    Cidr d = Cidr.parse(dest);
    boolean otherVpc = dest.startsWith("10.") || dest.startsWith("2600:1f18:");
    if (otherVpc) {
      List<RouteTarget> options = new ArrayList<>();
      if (peeringId != null && v <= 1) {
        options.add(RouteTarget.of(peeringId));
      }
      tgwIds.forEach(t -> options.add(RouteTarget.of(t)));
      return options.isEmpty() ? target(v, d.isIpv6()) : pick(options);
    }
    if (d.isIpv6()) {
      return RouteTarget.of(chance(0.5) ? eigwOfVpc.get(v) : igwOfVpc.get(v));
    }
    for (int i = 0; i < natIds.size(); i++) {
      if (natVpc.get(i) == v && chance(0.6)) {
        return RouteTarget.of(natIds.get(i));
      }
    }
    return RouteTarget.of(igwOfVpc.get(v));
  }

  private RouteTarget target(int v, boolean v6) {
    List<RouteTarget> options = new ArrayList<>();
    options.add(RouteTarget.of(igwOfVpc.get(v)));
    options.add(RouteTarget.of(igwOfVpc.get(v)));
    if (v6) {
      options.add(RouteTarget.of(eigwOfVpc.get(v)));
    }
    for (int i = 0; i < natIds.size(); i++) {
      if (natVpc.get(i) == v || chance(0.1)) {
        options.add(RouteTarget.of(natIds.get(i)));
      }
    }
    if (peeringId != null && v <= 1) {
      options.add(RouteTarget.of(peeringId));
      options.add(RouteTarget.of(peeringId));
    }
    for (String t : tgwIds) {
      options.add(RouteTarget.of(t));
      options.add(RouteTarget.of(t));
    }
    options.add(RouteTarget.of("vgw-" + v));
    if (chance(0.05)) {
      options.add(RouteTarget.of("eni-appliance"));
    }
    return pick(options);
  }

  private void transitGateways(Network.Builder b) {
    boolean peered = chance(0.3);
    int gateways = peered ? 2 : 1;
    for (int g = 0; g < gateways; g++) {
      tgwIds.add("tgw-" + g);
    }
    for (int g = 0; g < gateways; g++) {
      TransitGateway.Builder tb = TransitGateway.builder("tgw-" + g);
      List<String> attachments = new ArrayList<>();
      List<String> tables = new ArrayList<>();
      int tableCount = 1 + r.nextInt(2);
      for (int t = 0; t < tableCount; t++) {
        tables.add("tgw-rtb-" + g + t);
      }
      for (int v = 0; v < vpcIds.size(); v++) {
        if (gateways == 2 && v % 2 != g && chance(0.7) || chance(0.12)) {
          continue;
        }
        String id = "tgw-attach-" + g + "v" + v;
        List<String> subs = new ArrayList<>();
        for (String s : subnetsOfVpc.get(v)) {
          if (chance(0.5)) {
            subs.add(s);
          }
        }
        if (subs.isEmpty()) {
          subs.add(subnetsOfVpc.get(v).get(0));
        }
        tb.attachment(new TransitGateway.Attachment(id, "vpc", vpcIds.get(v), "", chance(0.92) ? "available"
            : "pending", chance(0.93) ? Optional.of(pick(tables)) : Optional.empty(), ImmutableList.copyOf(subs),
            vpcHasV6.get(v) && chance(0.5), Optional.empty(), Optional.empty()));
        attachments.add(id);
      }
      if (peered) {
        String peerId = "tgw-attach-peer";
        tb.attachment(TransitGateway.Attachment.peering(peerId, "tgw-" + (1 - g), pick(tables)));
        attachments.add(peerId);
      }
      if (chance(0.15)) {
        tb.attachment(new TransitGateway.Attachment("tgw-attach-vpn" + g, "vpn", "vpn-0", "", "available",
            Optional.of(pick(tables)), ImmutableList.of(), false, Optional.empty(), Optional.empty()));
        attachments.add("tgw-attach-vpn" + g);
      }
      for (String table : tables) {
        if (chance(0.05)) {
          continue; // a table the owner did not share
        }
        List<String> propagations = new ArrayList<>();
        for (String a : attachments) {
          if (!a.startsWith("tgw-attach-peer") && chance(0.6)) {
            propagations.add(a);
          }
        }
        List<TransitGateway.Route> statics = new ArrayList<>();
        Set<String> used = new HashSet<>();
        int count = r.nextInt(3);
        for (int i = 0; i < count; i++) {
          String dest = pick(List.of("10.0.0.0/16", "10.1.0.0/16", "10.2.0.0/16", "10.1.1.0/24", "0.0.0.0/0",
              "10.0.0.0/8", "10.2.1.0/24"));
          if (!used.add(dest)) {
            continue;
          }
          statics.add(chance(0.15) ? TransitGateway.Route.blackhole(dest)
              : TransitGateway.Route.to(dest, pick(attachments.isEmpty() ? List.of("tgw-attach-none")
                  : attachments)));
        }
        tb.routeTable(new TransitGateway.RouteTable(table, ImmutableList.copyOf(propagations),
            ImmutableList.copyOf(statics), chance(0.92), Optional.empty()));
      }
      b.add(tb.build());
    }
  }

  // ------------------------------------------------------------------------------------------------ queries

  /** One query: ends, traffic and client ports. */
  record Query(PathEnd from, PathEnd to, Traffic traffic, ClientPorts clientPorts) {
    @Override
    public String toString() {
      return from.label() + " -> " + to.label() + " " + traffic.spec() + " (" + clientPorts + ")";
    }
  }

  /** A random query whose ends are not both outside and whose addresses and traffic share a family. */
  Query query() {
    network();
    for (int attempt = 0; ; attempt++) {
      PathEnd from = end(false);
      PathEnd to = end(true);
      Traffic t = traffic();
      if (from.isOutside() && to.isOutside() || from.address().family() != to.address().family()
          || t.family() != 0 && t.family() != from.address().family()) {
        continue;
      }
      ClientPorts ports = pick(List.of(ClientPorts.LINUX, ClientPorts.WINDOWS, ClientPorts.ANY_CLIENT,
          ClientPorts.NAT_GATEWAY, ClientPorts.of(32768, 65535), ClientPorts.of(40000, 40010),
          ClientPorts.WINDOWS_2003));
      return new Query(from, to, t, ports);
    }
  }

  private PathEnd end(boolean destination) {
    double p = r.nextDouble();
    if (p < 0.6) {
      NetworkInterface e = pick(enis);
      List<Cidr> addresses = new ArrayList<>(e.privateAddresses());
      if (destination) {
        addresses.addAll(e.publicIpv4());
        addresses.addAll(e.publicIpv4());
      }
      return PathEnd.of(e, pick(addresses));
    }
    int v = r.nextInt(vpcIds.size());
    int vn = vpcNumbers.get(v);
    List<String> outside = List.of("8.8.8.8", "2a05:d018::1", "52.216.5.5", "54.231.1.1", "3.0.0.100",
        "3.0.1.100", "10." + vn + ".0.77", "10." + vn + ".1.0", "10." + vn + ".1.1", "10." + vn + ".0.3",
        "10." + vn + ".1.255", "10." + vn + ".200.5", "10." + vn + ".0.100", "10." + vn + ".1.100", "192.168.5.5",
        "172.16.1.1", "169.254.169.254", "169.254.169.253", "169.254.169.123", "10." + vn + ".0.2", "100.64.1.1",
        "2600:1f18:" + v + ":1::77", "fd00:ec2::253", "54.0.0.10");
    Cidr a = Cidr.parse(pick(outside));
    Optional<NetworkInterface> owner = network.interfaceOwning(a);
    if (owner.isPresent()) {
      return PathEnd.of(owner.get(), a);
    }
    for (NetworkInterface e : enis) {
      if (e.publicIpv4().contains(a)) {
        return destination ? PathEnd.of(e, a) : PathEnd.outside(a);
      }
    }
    return PathEnd.outside(a);
  }

  private Traffic traffic() {
    return pick(List.of(Traffic.tcp(443), Traffic.tcp(22), Traffic.tcp(5432), Traffic.tcp(53), Traffic.udp(53),
        Traffic.tcp(80), Traffic.tcp(0), Traffic.tcp(65535), Traffic.udp(40000), Traffic.icmp(8, 0),
        Traffic.icmp(3, 4), Traffic.icmpv6(128, 0), Traffic.protocol(50), Traffic.protocol(0)));
  }

  /** The network as text, for a failure message. */
  static String describe(Network n) {
    StringBuilder b = new StringBuilder();
    n.vpcs().values().forEach(x -> b.append("  ").append(x).append('\n'));
    n.subnets().values().forEach(x -> b.append("  ").append(x.id()).append(' ').append(x.vpcId()).append(' ')
        .append(x.availabilityZone()).append('/').append(x.availabilityZoneId()).append(' ').append(x.cidrs())
        .append('\n'));
    for (NetworkAcl a : n.networkAcls().values()) {
      b.append("  ").append(a.id()).append(a.isDefault() ? " (default)" : "").append(' ').append(a.vpcId())
          .append(" subnets ").append(a.subnetIds()).append('\n');
      a.entries().forEach(e -> b.append("    ").append(e).append('\n'));
    }
    for (RouteTable t : n.routeTables().values()) {
      b.append("  ").append(t.id()).append(t.main() ? " (main)" : "").append(' ').append(t.vpcId())
          .append(" subnets ").append(t.subnetIds()).append('\n');
      t.routes().forEach(x -> b.append("    ").append(x).append('\n'));
    }
    n.internetGateways().values().forEach(x -> b.append("  ").append(x).append('\n'));
    n.natGateways().values().forEach(x -> b.append("  ").append(x).append('\n'));
    n.peerings().values().forEach(x -> b.append("  ").append(x).append('\n'));
    n.transitGateways().values().forEach(x -> b.append("  ").append(x).append('\n'));
    n.vpcEndpoints().values().forEach(x -> b.append("  ").append(x).append('\n'));
    n.prefixLists().values().forEach(x -> b.append("  ").append(x).append(' ').append(x.entries()).append('\n'));
    n.interfaces().values().forEach(x -> b.append("  ").append(x.id()).append(' ').append(x.subnetId()).append(' ')
        .append(x.privateAddresses()).append(" public ").append(x.publicIpv4()).append(' ')
        .append(x.publicIpv4ByPrivate()).append('\n'));
    return b.toString();
  }
}
