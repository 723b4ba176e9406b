package dev.sgreach.benchmarks;

import com.google.common.collect.ImmutableList;
import dev.sgreach.model.Cidr;
import dev.sgreach.model.Direction;
import dev.sgreach.model.Network;
import dev.sgreach.model.NetworkInterface;
import dev.sgreach.model.Peer;
import dev.sgreach.model.Ports;
import dev.sgreach.model.PrefixList;
import dev.sgreach.model.Protocol;
import dev.sgreach.model.Rule;
import dev.sgreach.model.SecurityGroup;
import dev.sgreach.model.Vpc;
import dev.sgreach.model.VpcPeering;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

/**
 * A seeded generator of "one busy region" (DESIGN.md, Performance): security groups with a realistic mix of rules,
 * ENIs carrying 1–5 of them, spread over a handful of VPCs with a couple of active peerings. The same {@link Spec}
 * (size and seed) always gives the same {@link Network}.
 *
 * <p>The mix, per rule: about 40% security-group references (mostly same VPC, some through an active peering, a few
 * through a deleted peering or to a group that no longer exists), 42% IPv4 CIDRs of lengths /0 to /32 (private VPC
 * blocks and subnets, hosts, corporate ranges, public office and partner blocks, {@code 0.0.0.0/0}), 14% IPv6 CIDRs
 * (VPC blocks, hosts, {@code ::/0}) and 4% managed prefix lists. Protocols: mostly TCP on common ports and ranges, some
 * UDP, all traffic ({@code -1}), ICMP/ICMPv6 and ESP/GRE. Most groups keep AWS's default egress rule (all traffic to
 * {@code 0.0.0.0/0}) among their egress rules. Only "edge" groups ({@value #EDGE_PERCENT}% of them: load balancers,
 * bastions, public APIs) name public addresses in their inbound rules; internal groups' inbound rules name private
 * blocks, VPC IPv6 blocks, the corporate and all-VPC prefix lists and other groups.
 *
 * <p>ENIs belong to "workloads" (an autoscaling group, a service, a nodegroup): every ENI of a workload carries the
 * same set of groups, as in real accounts. {@link Spec#enisPerWorkload()} sets how much ENIs share group sets; 1
 * gives every ENI its own random set (the worst case for engines that judge equivalence classes once). Every
 * prefix list's entries are known and every group an ENI carries is in the snapshot, so all verdicts are allowed
 * or denied (never unknown).
 *
 * <p>With {@link Spec#withPath} the region also holds the packet path ({@link RegionPath}) and every ENI sits in one
 * of its subnets, the VPC's ENIs going round its subnets; the groups and rules are the same as without it.
 */
public final class RegionGenerator {

  /**
   * How big a region to generate.
   *
   * @param securityGroups number of security groups
   * @param rulesPerDirection ingress rules per group, and as many egress rules
   * @param interfaces number of ENIs
   * @param vpcs number of VPCs (1..16)
   * @param enisPerWorkload average ENIs sharing one set of groups (1 = no sharing)
   * @param seed the random seed
   */
  public record Spec(int securityGroups, int rulesPerDirection, int interfaces, int vpcs, int enisPerWorkload,
      long seed, int subnets) {
    /** A region without packet-path data (security groups only, as before subnets existed here). */
    public Spec(int securityGroups, int rulesPerDirection, int interfaces, int vpcs, int enisPerWorkload, long seed) {
      this(securityGroups, rulesPerDirection, interfaces, vpcs, enisPerWorkload, seed, 0);
    }

    public Spec {
      if (subnets != 0 && (subnets < vpcs * 8 || subnets > vpcs * 256)) {
        throw new IllegalArgumentException("subnets must be 0 (no path data) or 8..256 per VPC, got " + subnets);
      }
      if (vpcs < 1 || vpcs > 16) {
        throw new IllegalArgumentException("vpcs must be 1..16, got " + vpcs);
      }
      if (securityGroups < vpcs * 5) {
        throw new IllegalArgumentException("need at least 5 security groups per VPC");
      }
      if (rulesPerDirection < 1 || interfaces < 1 || enisPerWorkload < 1) {
        throw new IllegalArgumentException("sizes must be positive");
      }
    }

    /** DESIGN.md's busy region: 10,000 groups x (60 + 60) rules, 100,000 ENIs, 10 VPCs. */
    public static Spec busyRegion(long seed) {
      return new Spec(10_000, 60, 100_000, 10, 10, seed);
    }

    /** A small region for tests: 200 groups x (12 + 12) rules, 2,000 ENIs, 4 VPCs. */
    public static Spec small(long seed) {
      return new Spec(200, 12, 2_000, 4, 5, seed);
    }

    /**
     * The same region with the whole packet path ({@link RegionPath}): this many subnets spread over the VPCs, each
     * with its own network ACL (20 entries per direction) and route table, the VPCs' gateways, endpoints, peering
     * routes and a transit gateway.
     */
    public Spec withPath(int subnetCount) {
      return new Spec(securityGroups, rulesPerDirection, interfaces, vpcs, enisPerWorkload, seed, subnetCount);
    }

    /** The busy region scaled by {@code factor} (groups and ENIs; rules per group unchanged). */
    public static Spec scaled(double factor, long seed) {
      return new Spec(Math.max(50, (int) (10_000 * factor)), 60, Math.max(10, (int) (100_000 * factor)), 10, 10,
          seed);
    }
  }

  static final String OWNER = "111122223333";
  static final String PEER_OWNER = "444455556666";
  /** Share of groups (in percent) whose inbound rules may name public addresses. */
  static final int EDGE_PERCENT = 10;
  private static final String[] AZS = {"us-east-1a", "us-east-1b", "us-east-1c", "us-east-1d"};
  private static final int[] TCP_PORTS = {22, 80, 443, 443, 443, 3306, 5432, 6379, 8080, 8443, 9090, 9200, 10250,
      2379, 27017, 5439, 3389, 25, 587, 11211};
  private static final int[][] TCP_RANGES = {{1024, 65535}, {30000, 32767}, {0, 65535}, {8000, 8999},
      {9100, 9110}, {5000, 5010}, {1025, 1025}};
  private static final int[] UDP_PORTS = {53, 53, 123, 161, 500, 4500, 514, 1194, 8472};
  private static final String[] DESCRIPTIONS = {"", "", "", "https from load balancer", "ssh from bastion",
      "kubelet", "database clients", "monitoring", "office", "partner api", "vpn", "dns", "ntp"};

  private final Spec spec;
  private final Random rnd;
  private final long idSalt;

  private final List<String> vpcIds = new ArrayList<>();
  private final List<List<String>> groupsByVpc = new ArrayList<>();
  private final String[] groupIds;
  private final int[] groupVpc;
  /** Per VPC: the active peering to another VPC, or -1. */
  private final int[] activePeerVpc;
  private final String[] activePeeringId;
  private int deadPeerVpcA = -1;
  private int deadPeerVpcB = -1;
  private String deadPeeringId = "";
  private final List<Cidr> v4Pool = new ArrayList<>();
  /** The private part of {@link #v4Pool}: what internal groups' inbound rules name. */
  private final List<Cidr> v4PrivatePool = new ArrayList<>();
  private final List<Cidr> v6PrivatePool = new ArrayList<>();
  private final List<Cidr> v6Pool = new ArrayList<>();
  private final List<String> prefixListIds = new ArrayList<>();
  private final Peer anywhere4 = Peer.cidr("0.0.0.0/0");
  private final Peer anywhere6 = Peer.cidr("::/0");
  /** Next ENI host number per VPC (IPv4) — addresses are handed out in order, never reused. */
  private final int[] nextHost;
  /** The packet path, when the spec asks for subnets: then ENIs go into its subnets. */
  private RegionPath path;
  /** Per VPC: how many ENIs went to subnets so far (ENIs go round the VPC's subnets). */
  private int[] enisPlaced;

  private RegionGenerator(Spec spec) {
    this.spec = spec;
    this.rnd = new Random(spec.seed());
    this.idSalt = mix(spec.seed() * 0x9E3779B97F4A7C15L + 7);
    this.groupIds = new String[spec.securityGroups()];
    this.groupVpc = new int[spec.securityGroups()];
    this.activePeerVpc = new int[spec.vpcs()];
    this.activePeeringId = new String[spec.vpcs()];
    this.nextHost = new int[spec.vpcs()];
  }

  /** Generates the region described by {@code spec}; the same spec always gives an equal network. */
  public static Network generate(Spec spec) {
    return new RegionGenerator(spec).build();
  }

  private Network build() {
    Network.Builder net = Network.builder();
    for (int v = 0; v < spec.vpcs(); v++) {
      String id = "vpc-" + hex(v, 17);
      vpcIds.add(id);
      groupsByVpc.add(new ArrayList<>());
      net.add(Vpc.of(id, vpcBlock(v), vpcBlock6(v)));
    }
    peerings(net);
    prefixLists(net);
    cidrPools();
    for (int i = 0; i < spec.securityGroups(); i++) {
      groupIds[i] = "sg-" + hex(0x5000_0000L + i, 17);
      // the first groups go round-robin so that every VPC has some; then a Zipf-like skew
      int v = i < spec.vpcs() * 5 ? i % spec.vpcs() : skewedVpc();
      groupVpc[i] = v;
      groupsByVpc.get(v).add(groupIds[i]);
    }
    for (int i = 0; i < spec.securityGroups(); i++) {
      net.add(securityGroup(i));
    }
    if (spec.subnets() > 0) {
      path = new RegionPath(spec, vpcIds, activePeerVpc, activePeeringId, deadPeerVpcA, deadPeerVpcB, deadPeeringId,
          this::hex);
      path.addTo(net);
    }
    interfaces(net);
    return net.build();
  }

  // ------------------------------------------------------------------ layout

  private static String vpcBlock(int v) {
    return "10." + (v * 16) + ".0.0/12";
  }

  private static String vpcBlock6(int v) {
    return "2600:1f18:4a00:" + Integer.toHexString(v << 8) + "::/56";
  }

  private int skewedVpc() {
    // weight 1/(v+1)
    double total = 0;
    for (int v = 0; v < spec.vpcs(); v++) {
      total += 1.0 / (v + 1);
    }
    double x = rnd.nextDouble() * total;
    for (int v = 0; v < spec.vpcs(); v++) {
      x -= 1.0 / (v + 1);
      if (x <= 0) {
        return v;
      }
    }
    return spec.vpcs() - 1;
  }

  private void peerings(Network.Builder net) {
    java.util.Arrays.fill(activePeerVpc, -1);
    int n = spec.vpcs();
    // a couple of active peerings: (0,1) and (2,3); one deleted peering (1,2)
    int[][] active = {{0, 1}, {2, 3}};
    int k = 0;
    for (int[] p : active) {
      if (p[1] < n) {
        String id = "pcx-" + hex(0x70 + k++, 17);
        net.add(VpcPeering.active(id, vpcIds.get(p[0]), vpcIds.get(p[1])));
        activePeerVpc[p[0]] = p[1];
        activePeerVpc[p[1]] = p[0];
        activePeeringId[p[0]] = id;
        activePeeringId[p[1]] = id;
      }
    }
    if (n > 2) {
      deadPeeringId = "pcx-" + hex(0x7f, 17);
      deadPeerVpcA = 1;
      deadPeerVpcB = 2;
      net.add(new VpcPeering(deadPeeringId, vpcIds.get(1), vpcIds.get(2), "deleted"));
    }
  }

  private void prefixLists(Network.Builder net) {
    List<Cidr> s3 = new ArrayList<>();
    for (String c : new String[] {"52.216.0.0/15", "54.231.0.0/16", "3.5.0.0/19", "16.182.0.0/16",
        "18.34.0.0/19", "52.92.16.0/20"}) {
      s3.add(Cidr.parse(c));
    }
    add(net, "pl-63a5400a", "com.amazonaws.us-east-1.s3", s3);
    List<Cidr> cf = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      cf.add(Cidr.parse((13 + i % 5) + "." + (32 + i * 3) + ".0.0/16"));
    }
    add(net, "pl-3b927c52", "com.amazonaws.global.cloudfront.origin-facing", cf);
    List<Cidr> corp = new ArrayList<>();
    corp.add(Cidr.parse("192.168.0.0/16"));
    corp.add(Cidr.parse("172.20.0.0/14"));
    corp.add(Cidr.parse("10.200.0.0/16"));
    corp.add(Cidr.parse("fd00:ab::/32"));
    add(net, "pl-0c0ffee0c0ffee01", "corp-networks", corp);
    List<Cidr> partners = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      partners.add(Cidr.parse("198." + (60 + i) + "." + (i * 7 % 256) + ".0/24"));
    }
    partners.add(Cidr.parse("2a05:d000::/32"));
    add(net, "pl-0beef0beef0beef02", "partners", partners);
    List<Cidr> vpcs = new ArrayList<>();
    for (int v = 0; v < spec.vpcs(); v++) {
      vpcs.add(Cidr.parse(vpcBlock(v)));
    }
    add(net, "pl-0a11a11a11a11a103", "all-vpcs", vpcs);
  }

  private void add(Network.Builder net, String id, String name, List<Cidr> entries) {
    net.add(PrefixList.of(id, name, entries));
    prefixListIds.add(id);
  }

  /** Rules reuse address blocks, as real ones do: draw them from pools. */
  private void cidrPools() {
    int n4 = Math.max(200, spec.securityGroups() / 3);
    Set<Cidr> v4 = new LinkedHashSet<>();
    while (v4.size() < n4) {
      int kind = rnd.nextInt(100);
      int v = rnd.nextInt(spec.vpcs());
      String c;
      if (kind < 3) {
        c = "10.0.0.0/8";
      } else if (kind < 8) {
        c = vpcBlock(v);
      } else if (kind < 25) {
        c = "10." + (v * 16 + rnd.nextInt(2)) + "." + (rnd.nextInt(16) * 16) + ".0/20";
      } else if (kind < 45) {
        c = "10." + (v * 16 + rnd.nextInt(2)) + "." + rnd.nextInt(256) + ".0/24";
      } else if (kind < 52) {
        c = "10." + (v * 16 + rnd.nextInt(2)) + ".0.0/16";
      } else if (kind < 60) {
        c = "10." + (v * 16 + rnd.nextInt(2)) + "." + rnd.nextInt(256) + "." + (rnd.nextInt(16) * 16) + "/28";
      } else if (kind < 72) {
        // a host, likely an ENI's (addresses are handed out from .0.10 upwards)
        c = "10." + (v * 16) + "." + rnd.nextInt(40) + "." + rnd.nextInt(256) + "/32";
      } else if (kind < 78) {
        c = "192.168." + rnd.nextInt(256) + ".0/24";
      } else if (kind < 82) {
        c = "172." + (16 + rnd.nextInt(16)) + ".0.0/16";
      } else if (kind < 92) {
        // office and partner IPs
        c = (rnd.nextBoolean() ? "203.0.113." : (54 + rnd.nextInt(40)) + "." + rnd.nextInt(256) + "."
            + rnd.nextInt(256) + ".") + rnd.nextInt(256) + "/32";
      } else if (kind < 97) {
        c = (3 + rnd.nextInt(60)) + "." + rnd.nextInt(256) + "." + rnd.nextInt(256) + ".0/24";
      } else {
        c = (3 + rnd.nextInt(60)) + "." + rnd.nextInt(256) + ".0.0/16";
      }
      v4.add(Cidr.parse(c));
    }
    v4Pool.addAll(v4);
    for (Cidr c : v4) {
      if (c.toCidrString().startsWith("10.") || c.toCidrString().startsWith("192.168.")
          || c.toCidrString().startsWith("172.")) {
        v4PrivatePool.add(c);
      }
    }
    int n6 = Math.max(50, n4 / 8);
    Set<Cidr> v6 = new LinkedHashSet<>();
    while (v6.size() < n6) {
      int kind = rnd.nextInt(100);
      int v = rnd.nextInt(spec.vpcs());
      String c;
      if (kind < 20) {
        c = vpcBlock6(v);
      } else if (kind < 55) {
        c = "2600:1f18:4a00:" + Integer.toHexString((v << 8) | rnd.nextInt(4)) + "::/64";
      } else if (kind < 75) {
        c = "2600:1f18:4a00:" + Integer.toHexString((v << 8) | rnd.nextInt(4)) + "::a:0:" + Integer.toHexString(
            rnd.nextInt(4000)) + "/128";
      } else {
        c = "2a0" + rnd.nextInt(10) + ":" + Integer.toHexString(rnd.nextInt(0xffff)) + "::/48";
      }
      v6.add(Cidr.parse(c));
    }
    v6Pool.addAll(v6);
    for (Cidr c : v6) {
      if (c.toCidrString().startsWith("2600:1f18:")) {
        v6PrivatePool.add(c);
      }
    }
  }

  // ------------------------------------------------------------------ groups and rules

  private SecurityGroup securityGroup(int i) {
    int v = groupVpc[i];
    SecurityGroup.Builder b = SecurityGroup.builder(groupIds[i])
        .name("svc-" + i + "-" + (i % 3 == 0 ? "web" : i % 3 == 1 ? "app" : "data"))
        .vpc(vpcIds.get(v))
        .owner(OWNER)
        .description("busy region group " + i);
    if (i % 4 == 0) {
      b.tag("team", "team-" + (i % 37));
    }
    int n = spec.rulesPerDirection();
    // edge groups (load balancers, bastions, public APIs) admit internet sources; internal ones only private ones
    boolean edge = rnd.nextInt(100) < EDGE_PERCENT;
    for (int k = 0; k < n; k++) {
      b.rule(rule(Direction.INGRESS, i, v, edge));
    }
    // most groups keep AWS's default egress rule
    boolean defaultEgress = rnd.nextInt(100) < 60;
    for (int k = 0; k < n; k++) {
      if (k == 0 && defaultEgress) {
        b.rule(Rule.egress(Ports.allTraffic(), anywhere4));
      } else {
        b.rule(rule(Direction.EGRESS, i, v, true));
      }
    }
    return b.build();
  }

  private Rule rule(Direction d, int self, int v, boolean publicPeers) {
    int kind = rnd.nextInt(100);
    Peer peer;
    boolean ipv6 = false;
    if (kind < 40) {
      peer = groupPeer(self, v);
    } else if (kind < 82) {
      List<Cidr> pool = publicPeers ? v4Pool : v4PrivatePool;
      peer = publicPeers && rnd.nextInt(1000) < 25 ? anywhere4 : Peer.cidr(pool.get(rnd.nextInt(pool.size())));
    } else if (kind < 96) {
      ipv6 = true;
      List<Cidr> pool = publicPeers ? v6Pool : v6PrivatePool;
      peer = publicPeers && rnd.nextInt(100) < 4 ? anywhere6 : Peer.cidr(pool.get(rnd.nextInt(pool.size())));
    } else {
      // internal groups name only the private lists (corp networks, all VPCs)
      peer = Peer.prefixList(publicPeers ? prefixListIds.get(rnd.nextInt(prefixListIds.size()))
          : prefixListIds.get(2 + 2 * rnd.nextInt(2)));
    }
    Ports ports = ports(ipv6);
    String desc = DESCRIPTIONS[rnd.nextInt(DESCRIPTIONS.length)];
    return new Rule(d, ports, peer, desc, "");
  }

  private Peer groupPeer(int self, int v) {
    int kind = rnd.nextInt(1000);
    if (kind < 30) {
      return Peer.group(groupIds[self]); // self-reference, e.g. "members talk to each other"
    }
    if (kind >= 30 && kind < 130 && activePeerVpc[v] >= 0) {
      int pv = activePeerVpc[v];
      List<String> there = groupsByVpc.get(pv);
      return Peer.group(there.get(rnd.nextInt(there.size())))
          .ownedBy(PEER_OWNER).viaPeering(vpcIds.get(pv), activePeeringId[v], "active");
    }
    if (kind >= 130 && kind < 140 && (v == deadPeerVpcA || v == deadPeerVpcB)) {
      int pv = v == deadPeerVpcA ? deadPeerVpcB : deadPeerVpcA;
      List<String> there = groupsByVpc.get(pv);
      return Peer.group(there.get(rnd.nextInt(there.size())))
          .viaPeering(vpcIds.get(pv), deadPeeringId, "deleted");
    }
    if (kind >= 140 && kind < 142) {
      return Peer.group("sg-" + hex(0x6000_0000L + rnd.nextInt(1000), 17)); // stale: deleted long ago
    }
    List<String> here = groupsByVpc.get(v);
    return Peer.group(here.get(rnd.nextInt(here.size())));
  }

  private Ports ports(boolean ipv6) {
    int kind = rnd.nextInt(100);
    if (kind < 42) {
      return Ports.tcp(TCP_PORTS[rnd.nextInt(TCP_PORTS.length)]);
    }
    if (kind < 55) {
      int[] r = TCP_RANGES[rnd.nextInt(TCP_RANGES.length)];
      return Ports.tcp(r[0], r[1]);
    }
    if (kind < 62) {
      int p = 1024 + rnd.nextInt(60000);
      return Ports.tcp(p, p + rnd.nextInt(20));
    }
    if (kind < 72) {
      return Ports.udp(UDP_PORTS[rnd.nextInt(UDP_PORTS.length)]);
    }
    if (kind < 75) {
      return Ports.udp(1024, 65535);
    }
    if (kind < 85) {
      return Ports.allTraffic();
    }
    if (kind < 95) {
      int t = rnd.nextInt(4);
      if (ipv6) {
        return t == 0 ? Ports.icmpv6All() : t == 1 ? Ports.icmpv6(128, 0) : Ports.icmpv6(1, -1);
      }
      return t == 0 ? Ports.icmpAll() : t == 1 ? Ports.icmp(8, 0) : t == 2 ? Ports.icmp(3, 4) : Ports.icmp(0, -1);
    }
    if (kind < 98) {
      return Ports.protocol(50);
    }
    return new Ports(Protocol.of(47), -1, -1);
  }

  // ------------------------------------------------------------------ interfaces

  private void interfaces(Network.Builder net) {
    int workloads = Math.max(1, (spec.interfaces() + spec.enisPerWorkload() - 1) / spec.enisPerWorkload());
    int[] wVpc = new int[workloads];
    List<ImmutableList<String>> wGroups = new ArrayList<>(workloads);
    for (int w = 0; w < workloads; w++) {
      int v = skewedVpc();
      wVpc[w] = v;
      List<String> here = groupsByVpc.get(v);
      int k = groupCount();
      LinkedHashSet<String> set = new LinkedHashSet<>();
      while (set.size() < Math.min(k, here.size())) {
        set.add(here.get(rnd.nextInt(here.size())));
      }
      wGroups.add(ImmutableList.copyOf(set));
    }
    for (int i = 0; i < spec.interfaces(); i++) {
      // every workload gets at least one ENI; the rest are spread at random
      int w = i < workloads ? i : rnd.nextInt(workloads);
      int v = wVpc[w];
      RegionPath.Slot slot = null;
      NetworkInterface.Builder b = NetworkInterface.builder("eni-" + hex(0x1000_0000L + i, 17))
          .vpc(vpcIds.get(v)).owner(OWNER).groups(wGroups.get(w));
      if (path == null) {
        b.subnet("subnet-" + hex(v * 16L + (i % 4), 17)).availabilityZone(AZS[i % 4]);
      } else {
        if (enisPlaced == null) {
          enisPlaced = new int[spec.vpcs()];
        }
        slot = path.slot(v, enisPlaced[v]++);
        b.subnet(slot.subnetId()).availabilityZone(slot.zone());
      }
      int type = rnd.nextInt(100);
      if (type < 80) {
        b.attachedTo("i-" + hex(0x2000_0000L + i, 17), 0).description("Primary network interface");
      } else if (type < 88) {
        b.interfaceType("interface").requester("amazon-elb", true).description("ELB app/lb-" + (w % 500));
      } else if (type < 94) {
        b.interfaceType("vpc_endpoint").requester("amazon-vpce", true).description("VPC Endpoint Interface");
      } else {
        b.interfaceType("branch").requester("eks", true).description("aws-k8s-branch-eni");
      }
      int addresses = 1 + (rnd.nextInt(100) < 70 ? 0 : rnd.nextInt(100) < 66 ? 1 : 2);
      String first = null;
      for (int a = 0; a < addresses; a++) {
        String address = slot == null ? hostAddress(v) : path.address(slot);
        first = first == null ? address : first;
        b.address(address);
      }
      if (rnd.nextInt(100) < 20) {
        int block = slot == null ? (v << 8) | (i % 4) : slot.ipv6Block();
        b.address("2600:1f18:4a00:" + Integer.toHexString(block) + "::a:" + Integer.toHexString(i >>> 16)
            + ":" + Integer.toHexString(i & 0xffff));
      }
      if (type < 80 && rnd.nextInt(100) < 10) {
        String publicIp = (3 + (i >>> 16) % 50) + "." + ((i >>> 8) & 0xff) + "." + (i & 0xff) + "." + (1 + i % 250);
        b.publicIp(publicIp, first); // as describe-network-interfaces pairs it with the primary address
      }
      net.add(b.build());
    }
  }

  private int groupCount() {
    int x = rnd.nextInt(100);
    return x < 30 ? 1 : x < 60 ? 2 : x < 80 ? 3 : x < 92 ? 4 : 5;
  }

  private String hostAddress(int v) {
    int h = 10 + nextHost[v]++; // skip the network and AWS-reserved addresses
    return "10." + (v * 16 + (h >>> 16)) + "." + ((h >>> 8) & 0xff) + "." + (h & 0xff);
  }

  // ------------------------------------------------------------------ ids

  String hex(long n, int digits) {
    long x = mix(n ^ idSalt);
    String s = Long.toHexString(x);
    if (s.length() < digits) {
      s = "0".repeat(digits - s.length()) + s;
    }
    return s.substring(s.length() - digits).toLowerCase(Locale.ROOT);
  }

  /** SplitMix64's finaliser: a bijection on longs, so distinct inputs give distinct ids. */
  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
