package dev.sgreach.engine;

import dev.sgreach.model.Cidr;
import dev.sgreach.model.Network;
import dev.sgreach.model.NetworkInterface;
import dev.sgreach.model.Peer;
import dev.sgreach.model.Ports;
import dev.sgreach.model.PrefixList;
import dev.sgreach.model.Protocol;
import dev.sgreach.model.Rule;
import dev.sgreach.model.SecurityGroup;
import dev.sgreach.model.Traffic;
import dev.sgreach.model.Vpc;
import dev.sgreach.model.VpcPeering;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

/**
 * Seeded generator of small random networks that stress every corner of the semantics, plus pickers of random
 * endpoints and traffic for them. Everything is deterministic for a seed: {@code new RandomNetworks(seed)} then
 * {@link #network()}, {@link #endpoint()}, {@link #traffic()} in the same order give the same answers.
 *
 * <p>What a network holds: 2-3 VPCs (IPv4 blocks in and outside RFC 1918, IPv6 blocks; sometimes one VPC without its
 * record) with one active and one non-active peering, and sometimes an active peering to a VPC outside the snapshot
 * whose blocks only the peering records (or nothing does, and only a subnet of it is known); 3-12 groups with 0-8 rules per
 * direction (IPv4 and IPv6 CIDRs including {@code /0}, {@code /32}, {@code /128}, odd lengths and host bits; protocol
 * -1; TCP/UDP ranges touching 0, 1, 65534, 65535; ICMP and ICMPv6 type/code combinations; protocols 0, 47, 50, 132
 * ...; self references, references to other groups, references across peerings with peering fields and statuses,
 * stale references; prefix lists with entries, with unknown entries, and absent); 3-15 ENIs with 0-5 groups
 * (occasionally one missing from the network), 1-3 private IPv4 and 0-2 IPv6 addresses (a few ENIs IPv6-only),
 * some delegated prefixes and public IPv4 addresses, interface types (some AWS does not filter, most of those without
 * groups), and attachments to a few instances; pods' branch ENIs whose trunk tag names an ENI attached to an instance
 * (their node), or one the network lacks. Each network also draws the VPC CNI pod mode the engine and the oracle
 * assume for it ({@link #podModeOf}): strict or standard. Addresses come from small pools so that CIDR rules often match; no
 * address belongs to two ENIs.
 *
 * <p>Endpoints ({@link #endpoint()}) are ENI ids, addresses (an ENI's, in a delegated prefix, outside), and
 * group-valued ones: a carried security group ({@code sg-...}), an instance ({@code i-...}) or a named group
 * ({@code {a,b,...}}, the shape of an EKS role); {@link #singleEndpoint()} gives one-member endpoints only.
 */
public final class RandomNetworks {

  /** Groups carried by ENIs but absent from the network. */
  static final List<String> MISSING_GROUPS = List.of("sg-missing1", "sg-missing2");
  /** Groups referenced by rules, carried by nothing and absent from the network. */
  static final String STALE_GROUP = "sg-stale";

  private static final List<String> V4_POOL = pool(
      List.of("10.0.0.", "10.0.1.", "10.1.15.", "10.1.16.", "192.168.0.", "54.240.7."),
      List.of("0", "1", "2", "3", "5", "6", "7", "8", "127", "128", "200", "255"));
  private static final List<String> V6_POOL = pool(
      List.of("2600:1f18:0:1::", "2600:1f18:0:2::", "2001:db8:8000::", "2001:db8::", "fd00::", "2a05:d018:0:100::"),
      List.of("1", "2", "3", "5", "a", "ff", "1:0:1"));
  private static final List<String> V4_PREFIXES =
      List.of("10.0.9.0/28", "10.0.9.16/28", "10.0.9.32/28", "10.0.9.48/28", "10.0.9.64/28");
  private static final List<String> V6_PREFIXES =
      List.of("2600:1f18:0:1:a::/80", "2600:1f18:0:1:b::/80", "2600:1f18:0:2:c::/80", "2001:db8:8000:0:d::/80");
  private static final List<String> V4_EXTRA = List.of("8.8.8.8", "203.0.113.7", "52.217.1.1", "100.64.0.1",
      "0.0.0.0", "255.255.255.255", "127.255.255.255", "128.0.0.0", "10.0.9.80", "10.1.0.0", "172.16.5.5",
      // addresses security groups never filter: metadata, DNS (also vpc-b's base + 2), Time Sync, ECS, activation
      "169.254.169.254", "169.254.169.253", "169.254.169.123", "169.254.170.2", "169.254.169.251", "10.1.0.2",
      "10.1.0.1", "10.0.1.1");
  private static final List<String> V6_EXTRA = List.of("2a05:d018::1", "::", "::1", "8000::",
      "7fff:ffff:ffff:ffff:ffff:ffff:ffff:ffff", "2001:db8:7fff::9", "fd00::1:2:3", "2600:1f18:0:3::1",
      "fd00:ec2::254", "fd00:ec2::123", "fd00:ec2::253");
  private static final List<String> V4_RULE_CIDRS = List.of("0.0.0.0/0", "10.0.0.0/16", "10.0.0.0/24",
      "10.0.1.0/25", "10.0.1.128/25", "10.1.2.3/20", "10.0.0.7/31", "192.168.0.0/24", "172.16.0.0/12",
      "8.8.8.8/32", "10.0.9.16/28", "10.0.9.0/26", "128.0.0.0/1", "0.0.0.0/1", "10.0.0.0/8", "10.0.0.255/32",
      "10.1.16.0/23", "10.0.9.20/30", "10.0.9.37/32", "10.0.9.56/29",
      // VPC blocks outside RFC 1918 (vpc-a's or vpc-c's secondary block, the far peer's), parts and supersets
      "54.240.0.0/16", "54.240.7.0/24", "54.0.0.0/8", "52.94.0.0/16", "52.94.3.0/24", "54.240.0.0/15");
  private static final List<String> V6_RULE_CIDRS = List.of("::/0", "2600:1f18::/32", "2600:1f18:0:1::/64",
      "2600:1f18:0:1:a::/80", "2001:db8:8000::1/33", "2001:db8::/32", "fd00::/8", "::/1", "8000::/1",
      "2600:1f18:0:2::ff/120", "::/128", "2600:1f18:0:1:a:0:0:5/128", "2600:1f18:0:1:b:8000::/96",
      // the VPCs' IPv6 blocks (vpc-a's and vpc-b's are both 2600:1f18::/56), the far peer's, and supersets
      "2600:1f18::/56", "2a05:d018:0:100::/56", "2a05:d018:0:200::/56", "2a05:d018::/32", "2a05:d018::/44",
      "2600:1f18::/44");
  private static final List<String> NON_ACTIVE = List.of("pending-acceptance", "deleted", "rejected", "expired",
      "failed");
  private static final int[] PORT_EDGES = {0, 1, 2, 21, 22, 53, 80, 443, 1024, 8080, 32768, 65533, 65534, 65535};
  private static final int[] OTHER_PROTOCOLS = {0, 2, 4, 47, 50, 51, 132, 254, 255};
  private static final int[] ICMP_TYPES = {0, 3, 8, 11, 255};
  private static final int[] ICMPV6_TYPES = {1, 128, 129, 135, 0, 255};
  private static final int[] ICMP_CODES = {0, 1, 4, 255};
  /** Interface types: mostly filtered ones, and every type AWS does not filter when the ENI carries no group. */
  private static final List<String> TYPES = List.of("interface", "interface", "interface", "branch", "trunk",
      "vpc_endpoint", "lambda", "nat_gateway", "natGateway", "gateway_load_balancer",
      "gateway_load_balancer_endpoint", "transit_gateway", "network_load_balancer");
  static final Set<String> UNFILTERED_TYPES = Set.of("nat_gateway", "natGateway", "gateway_load_balancer",
      "gateway_load_balancer_endpoint", "transit_gateway", "network_load_balancer");
  private static final List<String> PUBLIC_IPS = List.of("52.1.2.3", "3.5.7.9", "54.0.0.1", "18.200.1.1",
      "8.8.8.9", "44.192.0.5");

  /** The pod mode each generated network was drawn with (by identity: the mode is not network data). */
  private static final Map<Network, PodSecurityGroupMode> MODES =
      Collections.synchronizedMap(new java.util.IdentityHashMap<>());

  /** The VPC CNI pod mode drawn for a network this class generated; the default for any other network. */
  public static PodSecurityGroupMode podModeOf(Network network) {
    return MODES.getOrDefault(network, PodSecurityGroupMode.DEFAULT);
  }

  private final long seed;
  private final Random rnd;
  private final Set<Integer> portEdges = new TreeSet<>();
  private final Set<Integer> protocolsUsed = new TreeSet<>();
  private final Set<Integer> icmpTypesUsed = new TreeSet<>();
  private Network network;

  public RandomNetworks(long seed) {
    this.seed = seed;
    this.rnd = new Random(seed * 0x9E3779B97F4A7C15L + 17);
  }

  /** The network of this seed. */
  public static Network generate(long seed) {
    return new RandomNetworks(seed).network();
  }

  public long seed() {
    return seed;
  }

  private static List<String> pool(List<String> heads, List<String> tails) {
    List<String> out = new ArrayList<>();
    for (String h : heads) {
      for (String t : tails) {
        out.add(h + t);
      }
    }
    return List.copyOf(out);
  }

  private <T> T pick(List<T> list) {
    return list.get(rnd.nextInt(list.size()));
  }

  private int pick(int[] values) {
    return values[rnd.nextInt(values.length)];
  }

  private boolean chance(double p) {
    return rnd.nextDouble() < p;
  }

  // ---------------------------------------------------------------------------------------------------------------
  // the network

  /** The ids in the ARNs (and ENI descriptions) of the three Network Load Balancers ENIs may belong to. */
  private static final String[] NLB_IDS = {"50dc6c495c0c9188", "6d0ecf831eec9f09", "0a1b2c3d4e5f6071"};

  /**
   * The load balancers of the NLB ENIs: most are in the network, most of those with their listeners (none, or a few
   * on the ports rules use, of every listener protocol), so that an NLB without groups is exposed on its listeners,
   * not at all, or unknown.
   */
  private void loadBalancers(Network.Builder b, Set<Integer> nlbs) {
    for (int lb : nlbs) {
      if (!chance(0.8)) {
        continue;
      }
      String arn = "arn:aws:elasticloadbalancing:us-east-1:111122223333:loadbalancer/net/nlb" + lb + "/"
          + NLB_IDS[lb];
      dev.sgreach.model.LoadBalancer balancer = new dev.sgreach.model.LoadBalancer(arn, "nlb" + lb, "network",
          "internet-facing", "", com.google.common.collect.ImmutableList.of());
      if (chance(0.75)) {
        com.google.common.collect.ImmutableList.Builder<dev.sgreach.model.Listener> ls =
            com.google.common.collect.ImmutableList.builder();
        for (int k = rnd.nextInt(4); k > 0; k--) {
          ls.add(new dev.sgreach.model.Listener(arn.replace(":loadbalancer/", ":listener/") + "/" + k, arn,
              pick(List.of("TCP", "UDP", "TCP_UDP", "TLS", "QUIC")), pick(List.of(22, 53, 80, 443, 8080))));
        }
        balancer = balancer.withListeners(ls.build());
      }
      b.add(balancer);
    }
  }

  /** The network (built on first call, then the same instance). */
  public Network network() {
    if (network == null) {
      PodSecurityGroupMode mode = chance(0.5) ? PodSecurityGroupMode.STANDARD : PodSecurityGroupMode.STRICT;
      network = build();
      MODES.put(network, mode);
    }
    return network;
  }

  private Network build() {
    Network.Builder b = Network.builder();
    int vpcCount = 2 + rnd.nextInt(2);
    List<String> vpcs = new ArrayList<>(List.of("vpc-a", "vpc-b", "vpc-c").subList(0, vpcCount));
    // a VPC's blocks are not the internet, even when public: an IPv4 block outside RFC 1918, every IPv6 block
    b.add(chance(0.5) ? Vpc.of("vpc-a", "10.0.0.0/16", "2600:1f18:0:1::/56")
        : Vpc.of("vpc-a", "10.0.0.0/16", "2600:1f18:0:1::/56", "54.240.0.0/16"));
    if (chance(0.85)) {
      b.add(Vpc.of("vpc-b", "10.1.0.0/16", "2600:1f18:0:2::/56")); // else its blocks are unknown
    }
    if (vpcCount == 3) {
      b.add(chance(0.5) ? Vpc.of("vpc-c", "192.168.0.0/16")
          : Vpc.of("vpc-c", "192.168.0.0/16", "54.240.0.0/16", "2a05:d018:0:100::/56"));
    }
    // Transit Gateways (often none: references across VPCs are then unknown), with their referencing options
    // on, off or not captured, on the gateway and on each VPC attachment
    int tgws = chance(0.4) ? 0 : 1 + rnd.nextInt(2);
    for (int t = 1; t <= tgws; t++) {
      dev.sgreach.model.TransitGateway.Builder tg = dev.sgreach.model.TransitGateway.builder("tgw-" + t);
      if (chance(0.8)) {
        tg.securityGroupReferencing(chance(0.7));
      }
      for (String v : vpcs) {
        if (chance(0.7)) {
          Boolean option = chance(0.7) ? Boolean.TRUE : chance(0.5) ? Boolean.FALSE : null;
          tg.attachment(new dev.sgreach.model.TransitGateway.Attachment("tgw-attach-" + t + v, "vpc", v, "",
              chance(0.9) ? "available" : "pending", java.util.Optional.empty(),
              com.google.common.collect.ImmutableList.of(), false, java.util.Optional.ofNullable(option),
              java.util.Optional.empty()));
        }
      }
      b.add(tg.build());
    }
    // subnets, whose base + 1 is the VPC router (never filtered); sometimes one in a VPC the network lacks
    b.add(new dev.sgreach.model.Subnet("subnet-a1", "vpc-a", "", "", "", com.google.common.collect.ImmutableList
        .of(Cidr.parse("10.0.1.0/24"))));
    if (chance(0.5)) {
      b.add(new dev.sgreach.model.Subnet("subnet-b1", chance(0.7) ? "vpc-b" : "vpc-elsewhere", "", "", "",
          com.google.common.collect.ImmutableList.of(Cidr.parse("10.1.0.0/20"))));
    }
    // one active and one non-active peering, drawn over the VPCs there are
    List<String> shuffled = new ArrayList<>(vpcs);
    Collections.shuffle(shuffled, rnd);
    List<String> peeringIds = new ArrayList<>();
    if (chance(0.15)) {
      // an active peering between two Regions: it carries no group reference
      b.add(new VpcPeering("pcx-active", shuffled.get(0), shuffled.get(1), "active",
          new VpcPeering.Side("", "us-east-1", com.google.common.collect.ImmutableList.of()),
          new VpcPeering.Side("", "eu-west-1", com.google.common.collect.ImmutableList.of())));
    } else {
      b.add(new VpcPeering("pcx-active", shuffled.get(0), shuffled.get(1), chance(0.8) ? "active" : "Active"));
    }
    peeringIds.add("pcx-active");
    peeringIds.add("pcx-unrecorded"); // named by references, not in the network
    String otherEnd = vpcCount == 3 ? shuffled.get(2) : chance(0.5) ? shuffled.get(1) : "vpc-elsewhere";
    b.add(new VpcPeering("pcx-inactive", shuffled.get(0), otherEnd, pick(NON_ACTIVE)));
    peeringIds.add("pcx-inactive");
    if (chance(0.5)) {
      // an active peering to a VPC outside the snapshot: its blocks are the peering's record of that side, or unknown
      boolean recorded = chance(0.6);
      b.add(new VpcPeering("pcx-far", shuffled.get(1), "vpc-far", "active", VpcPeering.Side.UNKNOWN,
          recorded ? new VpcPeering.Side("", "", com.google.common.collect.ImmutableList.of(
              Cidr.parse("52.94.0.0/16"), Cidr.parse("2a05:d018:0:200::/56"))) : VpcPeering.Side.UNKNOWN));
      if (!recorded && chance(0.6)) {
        b.add(new dev.sgreach.model.Subnet("subnet-far", "vpc-far", "", "", "", com.google.common.collect
            .ImmutableList.of(Cidr.parse("52.94.3.0/24"), Cidr.parse("2a05:d018:0:200::/64"))));
      }
    }

    // prefix lists: known IPv4, known IPv6, known but empty, unknown entries; pl-absent never exists
    b.add(PrefixList.of("pl-v4", "com.amazonaws.test.v4", "10.0.1.0/24", "8.8.8.0/24", "10.0.9.32/28"));
    b.add(PrefixList.of("pl-v6", "com.amazonaws.test.v6", "2600:1f18:0:2::/64", "2001:db8:8000::/40"));
    if (chance(0.5)) {
      b.add(PrefixList.of("pl-empty", "empty", List.of()));
    }
    if (chance(0.7)) {
      b.add(PrefixList.withUnknownEntries("pl-unknown", "not collected"));
    }

    int sgCount = 3 + rnd.nextInt(10);
    List<String> sgIds = new ArrayList<>();
    List<String> sgVpcs = new ArrayList<>();
    for (int i = 1; i <= sgCount; i++) {
      sgIds.add("sg-" + i);
      sgVpcs.add(pick(vpcs));
    }
    for (int i = 0; i < sgCount; i++) {
      SecurityGroup.Builder sg = SecurityGroup.builder(sgIds.get(i)).name("group" + (i + 1)).vpc(sgVpcs.get(i));
      for (boolean egress : new boolean[] {false, true}) {
        int rules = rnd.nextInt(9);
        if (egress && chance(0.35)) {
          // the EC2 default egress, so that many flows get out
          sg.rule(Rule.egress(Ports.allTraffic(), Peer.cidr("0.0.0.0/0")));
          if (chance(0.6)) {
            sg.rule(Rule.egress(Ports.allTraffic(), Peer.cidr("::/0")));
          }
        }
        for (int r = 0; r < rules; r++) {
          Ports ports = ports();
          Peer peer = peer(sgIds.get(i), sgIds, sgVpcs, peeringIds);
          sg.rule(egress ? Rule.egress(ports, peer) : Rule.ingress(ports, peer));
        }
      }
      b.add(sg.build());
    }

    List<String> v4 = new ArrayList<>(V4_POOL);
    List<String> v6 = new ArrayList<>(V6_POOL);
    List<String> p4 = new ArrayList<>(V4_PREFIXES);
    List<String> p6 = new ArrayList<>(V6_PREFIXES);
    Collections.shuffle(v4, rnd);
    Collections.shuffle(v6, rnd);
    Collections.shuffle(p4, rnd);
    Collections.shuffle(p6, rnd);
    List<String> publicIps = new ArrayList<>(PUBLIC_IPS);
    Collections.shuffle(publicIps, rnd);
    int eniCount = 3 + rnd.nextInt(13);
    Set<Integer> nlbs = new java.util.TreeSet<>();
    List<String> onInstances = new ArrayList<>(); // ENIs attached to an instance so far: trunks for branch ENIs
    for (int i = 1; i <= eniCount; i++) {
      String vpc = chance(0.05) ? "" : pick(vpcs);
      NetworkInterface.Builder e = NetworkInterface.builder("eni-" + i).vpc(vpc);
      int groups = rnd.nextInt(6);
      Set<String> carried = new LinkedHashSet<>();
      for (int g = 0; g < groups; g++) {
        List<String> same = new ArrayList<>();
        for (int k = 0; k < sgCount; k++) {
          if (sgVpcs.get(k).equals(vpc)) {
            same.add(sgIds.get(k));
          }
        }
        carried.add(!same.isEmpty() && chance(0.8) ? pick(same) : pick(sgIds));
      }
      if (chance(0.08)) {
        carried.add(pick(MISSING_GROUPS));
      }
      String type = chance(0.7) ? "interface" : chance(0.35) ? "branch" : pick(TYPES);
      if (UNFILTERED_TYPES.contains(type) && chance(0.7) || type.equals("interface") && chance(0.05)) {
        carried.clear(); // most unfiltered types carry no group; a few plain ENIs carry none either
      }
      e.interfaceType(type).groups(carried);
      if (type.equals("network_load_balancer") && chance(0.7)) {
        int lb = rnd.nextInt(3); // its load balancer, which the network may or may not hold
        e.description("ELB net/nlb" + lb + "/" + NLB_IDS[lb]);
        nlbs.add(lb);
      }
      if (chance(0.6)) {
        e.attachedTo("i-" + (1 + rnd.nextInt(4)), rnd.nextInt(3));
        onInstances.add("eni-" + i);
      }
      if (type.equals("branch") && chance(0.85)) {
        // a pod's branch ENI names its trunk: an ENI on an instance (its node), or one the network lacks
        e.tag(dev.sgreach.model.Network.TRUNK_ENI_ID_TAG,
            !onInstances.isEmpty() && chance(0.85) ? pick(onInstances) : "eni-trunk-gone");
      }
      boolean withPublic = chance(0.2) && !publicIps.isEmpty();
      if (withPublic) {
        e.publicIp(publicIps.remove(publicIps.size() - 1));
      }
      boolean v6only = chance(0.07);
      int n4 = v6only ? 0 : 1 + rnd.nextInt(3);
      int n6 = v6only ? 1 + rnd.nextInt(2) : rnd.nextInt(3);
      List<String> own4 = new ArrayList<>();
      for (int k = 0; k < n4 && !v4.isEmpty(); k++) {
        own4.add(v4.remove(v4.size() - 1));
        e.address(own4.get(k));
      }
      if (own4.size() > 1 && !publicIps.isEmpty() && chance(withPublic ? 0.3 : 0.15)) {
        // an Elastic IP associated with a secondary private address
        e.publicIp(publicIps.remove(publicIps.size() - 1), own4.get(1 + rnd.nextInt(own4.size() - 1)));
      }
      for (int k = 0; k < n6 && !v6.isEmpty(); k++) {
        e.address(v6.remove(v6.size() - 1));
      }
      if (chance(0.25) && !p4.isEmpty()) {
        e.prefix(p4.remove(p4.size() - 1));
      }
      if (chance(0.15) && !p6.isEmpty()) {
        e.prefix(p6.remove(p6.size() - 1));
      }
      b.add(e.build());
    }
    loadBalancers(b, nlbs);
    Network built = b.build();
    if (!chance(0.4)) {
      return built;
    }
    // stand-ins: some ENIs' first IPv4 address stands for one AWS assigns somewhere in a block around it
    Network.Builder withStandIns = built.toBuilder();
    for (NetworkInterface eni : built.interfaces().values()) {
      if (!eni.privateIpv4().isEmpty() && chance(0.3)) {
        Cidr a = eni.privateIpv4().get(0);
        withStandIns.standIn(a, a.prefix(pick(new int[] {8, 16, 20, 24, 26, 28, 30, 32})));
      }
    }
    return withStandIns.build();
  }

  private Ports ports() {
    double d = rnd.nextDouble();
    if (d < 0.15) {
      return Ports.allTraffic();
    }
    if (d < 0.50) {
      return range(Protocol.TCP);
    }
    if (d < 0.68) {
      return range(Protocol.UDP);
    }
    if (d < 0.80) {
      int type = chance(0.25) ? -1 : chance(0.8) ? pick(ICMP_TYPES) : rnd.nextInt(256);
      int code = chance(0.4) ? -1 : chance(0.8) ? pick(ICMP_CODES) : rnd.nextInt(256);
      if (type >= 0) {
        icmpTypesUsed.add(type);
      }
      return Ports.icmp(type, code);
    }
    if (d < 0.88) {
      int type = chance(0.3) ? -1 : pick(ICMPV6_TYPES);
      int code = chance(0.5) ? -1 : pick(ICMP_CODES);
      return Ports.icmpv6(type, code);
    }
    int p = chance(0.8) ? pick(OTHER_PROTOCOLS) : rnd.nextInt(256);
    if (p == 1 || p == 6 || p == 17 || p == 58) {
      p = 50;
    }
    protocolsUsed.add(p);
    return Ports.protocol(p);
  }

  private Ports range(Protocol protocol) {
    int a = chance(0.75) ? pick(PORT_EDGES) : rnd.nextInt(65536);
    int z = chance(0.4) ? a : chance(0.75) ? pick(PORT_EDGES) : rnd.nextInt(65536);
    int from = Math.min(a, z);
    int to = Math.max(a, z);
    portEdges.add(from);
    portEdges.add(to);
    return new Ports(protocol, from, to);
  }

  private Peer peer(String self, List<String> sgIds, List<String> sgVpcs, List<String> peeringIds) {
    double d = rnd.nextDouble();
    if (d < 0.30) {
      return Peer.cidr(chance(0.7) ? pick(V4_RULE_CIDRS)
          : pick(V4_POOL) + "/" + (chance(0.5) ? 32 : 8 + rnd.nextInt(25)));
    }
    if (d < 0.45) {
      return Peer.cidr(chance(0.7) ? pick(V6_RULE_CIDRS)
          : pick(V6_POOL) + "/" + (chance(0.5) ? 128 : 16 + rnd.nextInt(113)));
    }
    if (d < 0.55) {
      return Peer.group(self);
    }
    if (d < 0.75) {
      int k = rnd.nextInt(sgIds.size());
      Peer.GroupPeer g = Peer.group(sgIds.get(k));
      if (chance(0.35)) {
        String status = switch (rnd.nextInt(5)) {
          case 0 -> null;
          case 1 -> "";
          case 2 -> "active";
          default -> pick(NON_ACTIVE);
        };
        g = g.viaPeering(sgVpcs.get(k), pick(peeringIds), status);
      }
      return chance(0.2) ? g.ownedBy("111122223333") : g;
    }
    if (d < 0.82) {
      return chance(0.5) ? Peer.group(STALE_GROUP) : Peer.group(pick(MISSING_GROUPS));
    }
    return Peer.prefixList(pick(List.of("pl-v4", "pl-v6", "pl-empty", "pl-unknown", "pl-absent")));
  }

  // ---------------------------------------------------------------------------------------------------------------
  // endpoints and traffic

  /**
   * A random endpoint of the network: mostly a {@link #singleEndpoint()}, sometimes a security group that some ENI
   * carries, an instance, or a named group of two or three single endpoints.
   */
  public String endpoint() {
    Network n = network();
    double d = rnd.nextDouble();
    if (d < 0.08) {
      List<String> carried = new ArrayList<>(new TreeSet<>(n.interfaces().values().stream()
          .flatMap(e -> e.securityGroupIds().stream()).toList()));
      if (!carried.isEmpty()) {
        return pick(carried);
      }
    }
    if (d < 0.14) {
      List<String> instances = new ArrayList<>(new TreeSet<>(n.interfaces().values().stream()
          .flatMap(e -> e.instanceId().stream()).toList()));
      if (!instances.isEmpty()) {
        return pick(instances);
      }
    }
    if (d < 0.20) {
      int k = 2 + rnd.nextInt(2);
      List<String> parts = new ArrayList<>();
      for (int i = 0; i < k; i++) {
        parts.add(singleEndpoint());
      }
      return "{" + String.join(",", parts) + "}";
    }
    return singleEndpoint();
  }

  /**
   * A random one-member endpoint: an ENI id, an ENI's address, an address in a delegated prefix, an ENI's public or
   * Elastic IP, or outside.
   */
  public String singleEndpoint() {
    Network n = network();
    List<NetworkInterface> enis = new ArrayList<>(n.interfaces().values());
    double d = rnd.nextDouble();
    if (d < 0.55) {
      return pick(enis).id();
    }
    if (d < 0.70) {
      List<Cidr> own = pick(enis).privateAddresses();
      if (!own.isEmpty()) {
        return pick(own).addressString();
      }
    }
    if (d < 0.77) {
      String in = inPrefix();
      if (in != null) {
        return in;
      }
    }
    if (d < 0.84) {
      List<Cidr> publics = enis.stream().flatMap(e -> e.publicIpv4().stream()).toList();
      if (!publics.isEmpty()) {
        return pick(publics).addressString(); // a public or Elastic IP stands for its ENI
      }
    }
    return outsideAddress();
  }

  /** An address inside some delegated prefix (of the pool, so possibly of no ENI), or null. */
  private String inPrefix() {
    if (chance(0.6)) {
      String p = pick(V4_PREFIXES);
      String[] parts = p.substring(0, p.indexOf('/')).split("\\.");
      return parts[0] + "." + parts[1] + "." + parts[2] + "." + (Integer.parseInt(parts[3]) + rnd.nextInt(16));
    }
    String p = pick(V6_PREFIXES);
    return p.substring(0, p.indexOf("::/")) + "::" + Integer.toHexString(rnd.nextInt(0x10000));
  }

  /**
   * A random address, IPv4 or IPv6, drawn from the address pools (so often inside rule CIDRs; it may also be an ENI's
   * address) and a few far-away and edge addresses. Use {@link #endpoint()} for a mix of ENIs and addresses.
   */
  public String outsideAddress() {
    double d = rnd.nextDouble();
    if (d < 0.40) {
      return pick(V4_POOL);
    }
    if (d < 0.60) {
      return pick(V4_EXTRA);
    }
    if (d < 0.82) {
      return pick(V6_POOL);
    }
    return pick(V6_EXTRA);
  }

  /** Random traffic, biased to the edges of the rules' port ranges, ICMP types and protocol numbers in use. */
  public Traffic traffic() {
    network();
    double d = rnd.nextDouble();
    if (d < 0.50) {
      int port = port();
      return chance(0.6) ? Traffic.tcp(port) : Traffic.udp(port);
    }
    if (d < 0.65) {
      int type = chance(0.5) ? icmpTypeInUse() : chance(0.8) ? pick(ICMP_TYPES) : rnd.nextInt(256);
      int code = chance(0.8) ? pick(ICMP_CODES) : rnd.nextInt(256);
      return Traffic.icmp(type, code);
    }
    if (d < 0.77) {
      return Traffic.icmpv6(pick(ICMPV6_TYPES), pick(ICMP_CODES));
    }
    List<Integer> used = new ArrayList<>(protocolsUsed);
    int p = !used.isEmpty() && chance(0.6) ? pick(used) : chance(0.7) ? pick(OTHER_PROTOCOLS) : rnd.nextInt(256);
    if (p == 1 || p == 6 || p == 17 || p == 58) {
      p = 51;
    }
    return Traffic.protocol(p);
  }

  private int port() {
    List<Integer> edges = new ArrayList<>(portEdges);
    if (!edges.isEmpty() && chance(0.7)) {
      int p = pick(edges) + rnd.nextInt(3) - 1;
      return Math.max(0, Math.min(65535, p));
    }
    return chance(0.7) ? pick(PORT_EDGES) : rnd.nextInt(65536);
  }

  private int icmpTypeInUse() {
    List<Integer> types = new ArrayList<>(icmpTypesUsed);
    return types.isEmpty() ? pick(ICMP_TYPES) : pick(types);
  }

  /** A random protocol whose key space to scan in an open-ports query: TCP, UDP, ICMP, ICMPv6, or "other". */
  public Protocol protocolSpace() {
    return switch (rnd.nextInt(5)) {
      case 0 -> Protocol.TCP;
      case 1 -> Protocol.UDP;
      case 2 -> Protocol.ICMP;
      case 3 -> Protocol.ICMPV6;
      default -> Protocol.ALL;
    };
  }

  /** A random choice; exposed so tests draw all their randomness from the seed. */
  public int nextInt(int bound) {
    return rnd.nextInt(bound);
  }

  // ---------------------------------------------------------------------------------------------------------------
  // reporting

  /** The whole network as text, for failure messages. */
  public static String describe(Network n) {
    StringBuilder s = new StringBuilder();
    s.append(n).append('\n');
    n.peerings().values().forEach(p -> s.append("  peering ").append(p.id()).append(' ').append(p.requesterVpcId())
        .append(" <-> ").append(p.accepterVpcId()).append(" [").append(p.status()).append("]\n"));
    n.prefixLists().values().forEach(p -> s.append("  prefix list ").append(p.id()).append(' ')
        .append(p.entries().map(Object::toString).orElse("(entries unknown)")).append('\n'));
    for (SecurityGroup sg : n.securityGroups().values()) {
      s.append("  ").append(sg.id()).append(" vpc=").append(sg.vpcId()).append('\n');
      for (Rule r : sg.ingress()) {
        s.append("      ").append(rule(r)).append('\n');
      }
      for (Rule r : sg.egress()) {
        s.append("      ").append(rule(r)).append('\n');
      }
    }
    for (NetworkInterface e : n.interfaces().values()) {
      s.append("  ").append(e.id()).append(" vpc=").append(e.vpcId()).append(" addresses=")
          .append(e.privateAddresses());
      if (!e.prefixes().isEmpty()) {
        s.append(" prefixes=").append(e.prefixes());
      }
      s.append(" groups=").append(e.securityGroupIds());
      if (!e.interfaceType().equals("interface")) {
        s.append(" type=").append(e.interfaceType());
      }
      e.instanceId().ifPresent(i -> s.append(" instance=").append(i));
      if (!e.publicIpv4().isEmpty()) {
        s.append(" public=").append(e.publicIpv4());
      }
      s.append('\n');
    }
    n.standInAddresses().forEach((a, w) -> s.append("  stand-in ").append(a).append(" somewhere in ")
        .append(w.toCidrString()).append('\n'));
    return s.toString();
  }

  private static String rule(Rule r) {
    String text = r.describe();
    if (r.peer() instanceof Peer.GroupPeer g && (g.peeringId() != null || g.peeringStatus() != null)) {
      text += " (via " + g.peeringId() + " vpc=" + g.vpcId() + " status=" + g.peeringStatus() + ")";
    }
    return text;
  }
}
