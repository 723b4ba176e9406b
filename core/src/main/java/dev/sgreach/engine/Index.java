package dev.sgreach.engine;

import com.google.common.collect.ImmutableList;
import dev.sgreach.model.Cidr;
import dev.sgreach.model.Direction;
import dev.sgreach.model.Network;
import dev.sgreach.model.NetworkInterface;
import dev.sgreach.model.Peer;
import dev.sgreach.model.PrefixList;
import dev.sgreach.model.Rule;
import dev.sgreach.model.SecurityGroup;
import dev.sgreach.model.Traffic;
import dev.sgreach.model.VpcPeering;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A {@link Network} compiled once for answering: ENIs, groups and VPCs interned to ints, each group's rules compiled
 * with their key ranges and resolved peers, group membership per ENI, active peerings as a set of VPC pairs, and the
 * ENIs' private addresses sorted for "which ENIs lie in this CIDR". Immutable after construction, so safe to share
 * between threads.
 *
 * <p>Three-valued results are ints: {@link #F}, {@link #T}, {@link #U}.
 */
final class Index {
  static final int F = 0;
  static final int T = 1;
  static final int U = 2;

  /**
   * Interface types that AWS does not filter with security groups when the ENI carries none (a NAT gateway, a
   * Gateway Load Balancer and its endpoints, a Transit Gateway attachment, a Network Load Balancer created without
   * groups). An ENI of any other type with no group admits nothing.
   */
  static final Set<String> UNFILTERED_TYPES = Set.of("natGateway", "nat_gateway", "gateway_load_balancer",
      "gateway_load_balancer_endpoint", "transit_gateway", "network_load_balancer");

  final Network network;
  final NetworkInterface[] enis;
  final Map<String, Integer> eniIndex;
  final int[] eniVpc;
  final int[][] eniGroups;
  final boolean[] eniMissingGroup;
  final boolean[] eniUnfiltered;

  final Map<String, Integer> groupIndex;
  /** The group at each index, or null for a group id that ENIs or rules name but the snapshot lacks. */
  final SecurityGroup[] groups;
  final CompiledRule[][] ingress;
  final CompiledRule[][] egress;
  /** Per group, the rules of each direction arranged for lookup by protocol and key; null for a missing group. */
  final RuleTable[] ingressTables;
  final RuleTable[] egressTables;
  /** Each ENI's private addresses (IPv4 first, then IPv6), computed once. */
  final List<Cidr>[] eniAddresses;
  /** ENI indexes carrying each group. */
  final int[][] carriers;
  /**
   * Equivalence classes of ENIs: two ENIs share a class when they carry the same set of groups, sit in the same VPC
   * and are both filtered or both unfiltered, so their rules judge any given peer alike.
   */
  final int[] eniClass;
  /** A representative ENI of each class. */
  final int[] classRepresentative;
  /** Per ENI, the families of its private addresses: 1 for IPv4, 2 for IPv6. */
  final byte[] eniFamilies;
  /**
   * Per direction (0 ingress, 1 egress) and class, the families (1 IPv4, 2 IPv6) for which the class admits all
   * traffic from or to anywhere (an all-protocol rule with a {@code /0} peer, or an unfiltered interface type): its
   * side of any flow of that family is allowed without looking further.
   */
  final byte[][] classOpen;

  private final Map<String, Integer> vpcIndex;
  private final Set<Long> activePeerings;

  /** Delegated prefixes of all ENIs, with the ENI owning each. */
  private final Cidr[] prefixBlocks;
  private final int[] prefixEni;

  /** Private addresses of all ENIs, sorted, with the ENI owning each. */
  private final Cidr[] sortedAddresses;
  private final int[] sortedAddressEni;

  Index(Network network) {
    this.network = network;
    int n = network.interfaces().size();
    enis = network.interfaces().values().toArray(new NetworkInterface[0]);
    eniIndex = new HashMap<>(n * 2);
    vpcIndex = new HashMap<>();
    groupIndex = new HashMap<>();
    List<SecurityGroup> groupList = new ArrayList<>();
    for (SecurityGroup sg : network.securityGroups().values()) {
      groupIndex.put(sg.id(), groupList.size());
      groupList.add(sg);
    }
    // ids named by ENIs or rules but absent from the snapshot get an index with a null group
    for (NetworkInterface e : enis) {
      for (String g : e.securityGroupIds()) {
        internGroup(g, groupList);
      }
    }
    for (SecurityGroup sg : network.securityGroups().values()) {
      for (Rule r : sg.ingress()) {
        if (r.peer() instanceof Peer.GroupPeer gp) {
          internGroup(gp.groupId(), groupList);
        }
      }
      for (Rule r : sg.egress()) {
        if (r.peer() instanceof Peer.GroupPeer gp) {
          internGroup(gp.groupId(), groupList);
        }
      }
    }
    groups = groupList.toArray(new SecurityGroup[0]);

    eniVpc = new int[n];
    eniGroups = new int[n][];
    eniMissingGroup = new boolean[n];
    eniUnfiltered = new boolean[n];
    @SuppressWarnings("unchecked")
    List<Cidr>[] addressLists = new List[n];
    eniAddresses = addressLists;
    int[] carrierCount = new int[groups.length];
    List<Cidr> addrs = new ArrayList<>();
    List<Integer> addrEni = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      NetworkInterface e = enis[i];
      eniIndex.put(e.id(), i);
      eniVpc[i] = internVpc(e.vpcId());
      int[] gs = new int[e.securityGroupIds().size()];
      int k = 0;
      for (String g : e.securityGroupIds()) {
        int gi = groupIndex.get(g);
        if (contains(gs, k, gi)) {
          continue;
        }
        gs[k++] = gi;
        carrierCount[gi]++;
        if (groups[gi] == null) {
          eniMissingGroup[i] = true;
        }
      }
      eniGroups[i] = k == gs.length ? gs : Arrays.copyOf(gs, k);
      eniUnfiltered[i] = k == 0 && UNFILTERED_TYPES.contains(e.interfaceType());
      eniAddresses[i] = e.addressBlocks();
      for (Cidr a : e.privateAddresses()) {
        addrs.add(a);
        addrEni.add(i);
      }
    }
    carriers = new int[groups.length][];
    for (int g = 0; g < groups.length; g++) {
      carriers[g] = new int[carrierCount[g]];
      carrierCount[g] = 0;
    }
    for (int i = 0; i < n; i++) {
      for (int g : eniGroups[i]) {
        carriers[g][carrierCount[g]++] = i;
      }
    }
    List<Cidr> pBlocks = new ArrayList<>();
    List<Integer> pEni = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      for (Cidr p : enis[i].prefixes()) {
        pBlocks.add(p);
        pEni.add(i);
      }
    }
    prefixBlocks = pBlocks.toArray(new Cidr[0]);
    prefixEni = pEni.stream().mapToInt(Integer::intValue).toArray();
    eniClass = new int[n];
    Map<List<Integer>, Integer> classes = new HashMap<>();
    List<Integer> reps = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      int[] sorted = eniGroups[i].clone();
      Arrays.sort(sorted);
      List<Integer> key = new ArrayList<>(sorted.length + 2);
      for (int g : sorted) {
        key.add(g);
      }
      key.add(-2 - eniVpc[i]);
      key.add(eniUnfiltered[i] ? -1 : -2);
      final int eni = i;
      eniClass[i] = classes.computeIfAbsent(key, k -> {
        reps.add(eni);
        return reps.size() - 1;
      });
    }
    classRepresentative = reps.stream().mapToInt(Integer::intValue).toArray();
    eniFamilies = new byte[n];
    for (int i = 0; i < n; i++) {
      for (Cidr a : eniAddresses[i]) {
        eniFamilies[i] |= (byte) familyBit(a.family());
      }
    }
    Integer[] order = new Integer[addrs.size()];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> addrs.get(a).compareTo(addrs.get(b)));
    sortedAddresses = new Cidr[order.length];
    sortedAddressEni = new int[order.length];
    for (int i = 0; i < order.length; i++) {
      sortedAddresses[i] = addrs.get(order[i]);
      sortedAddressEni[i] = addrEni.get(order[i]);
    }

    activePeerings = new HashSet<>();
    for (VpcPeering p : network.peerings().values()) {
      if (p.isActive()) {
        int a = internVpc(p.requesterVpcId());
        int b = internVpc(p.accepterVpcId());
        activePeerings.add(pairKey(a, b));
        activePeerings.add(pairKey(b, a));
      }
    }

    ingress = new CompiledRule[groups.length][];
    egress = new CompiledRule[groups.length][];
    classOpen = new byte[2][classRepresentative.length];
    ingressTables = new RuleTable[groups.length];
    egressTables = new RuleTable[groups.length];
    for (int g = 0; g < groups.length; g++) {
      SecurityGroup sg = groups[g];
      if (sg != null) {
        ingress[g] = compile(sg, g, sg.ingress());
        egress[g] = compile(sg, g, sg.egress());
        ingressTables[g] = new RuleTable(ingress[g]);
        egressTables[g] = new RuleTable(egress[g]);
      }
    }
    for (int k = 0; k < classRepresentative.length; k++) {
      int rep = classRepresentative[k];
      if (eniUnfiltered[rep]) {
        classOpen[0][k] = 3;
        classOpen[1][k] = 3;
        continue;
      }
      for (int g : eniGroups[rep]) {
        classOpen[0][k] |= (byte) openFamilies(ingress[g]);
        classOpen[1][k] |= (byte) openFamilies(egress[g]);
      }
    }
  }

  private static boolean contains(int[] a, int len, int v) {
    for (int i = 0; i < len; i++) {
      if (a[i] == v) {
        return true;
      }
    }
    return false;
  }

  private void internGroup(String id, List<SecurityGroup> groupList) {
    if (!groupIndex.containsKey(id)) {
      groupIndex.put(id, groupList.size());
      groupList.add(null);
    }
  }

  private int internVpc(String id) {
    if (id.isEmpty()) {
      return -1;
    }
    return vpcIndex.computeIfAbsent(id, k -> vpcIndex.size());
  }

  private static long pairKey(int a, int b) {
    return ((long) a << 32) | (b & 0xFFFFFFFFL);
  }

  private CompiledRule[] compile(SecurityGroup sg, int g, List<Rule> rules) {
    CompiledRule[] out = new CompiledRule[rules.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = new CompiledRule(sg, g, rules.get(i));
    }
    return out;
  }

  /** 1 for IPv4, 2 for IPv6. */
  static int familyBit(int family) {
    return family == 4 ? 1 : 2;
  }

  /** The families for which these rules admit all traffic from or to anywhere. */
  private static int openFamilies(CompiledRule[] rules) {
    int bits = 0;
    if (rules != null) {
      for (CompiledRule r : rules) {
        if (r.protocol == -1 && r.kind == CompiledRule.CIDR && r.cidr.length() == 0) {
          bits |= familyBit(r.cidr.family());
        }
      }
    }
    return bits;
  }

  /** Rule buckets: 0 all protocols, 1 tcp, 2 udp, 3 icmp, 4 icmpv6, 5 any other protocol. */
  static int bucket(int protocol) {
    return switch (protocol) {
      case -1 -> 0;
      case 6 -> 1;
      case 17 -> 2;
      case 1 -> 3;
      case 58 -> 4;
      default -> 5;
    };
  }

  /**
   * One group's rules of one direction, arranged so that a flow finds the rules admitting its protocol and key
   * without scanning the others: all-protocol rules in one list, and per protocol bucket a sorted segment table whose
   * segment holds exactly the rules covering it (keys for TCP/UDP/ICMP/ICMPv6, protocol numbers for the rest).
   */
  static final class RuleTable {
    private static final CompiledRule[] NONE = new CompiledRule[0];
    final CompiledRule[] allProtocols;
    private final int[][] starts = new int[6][];
    private final CompiledRule[][][] covering = new CompiledRule[6][][];

    RuleTable(CompiledRule[] rules) {
      List<CompiledRule> all = new ArrayList<>();
      List<List<CompiledRule>> byBucket = new ArrayList<>();
      for (int b = 0; b < 6; b++) {
        byBucket.add(new ArrayList<>());
      }
      for (CompiledRule r : rules) {
        int b = bucket(r.protocol);
        if (b == 0) {
          all.add(r);
        } else {
          byBucket.get(b).add(r);
        }
      }
      allProtocols = all.toArray(NONE);
      for (int b = 1; b < 6; b++) {
        build(b, byBucket.get(b));
      }
    }

    private static int low(int bucket, CompiledRule r) {
      return bucket == 5 ? r.protocol : r.low;
    }

    private static int high(int bucket, CompiledRule r) {
      return bucket == 5 ? r.protocol : r.high;
    }

    private void build(int b, List<CompiledRule> rules) {
      java.util.TreeSet<Integer> points = new java.util.TreeSet<>();
      for (CompiledRule r : rules) {
        points.add(low(b, r));
        points.add(high(b, r) + 1);
      }
      int[] st = points.stream().mapToInt(Integer::intValue).toArray();
      CompiledRule[][] cov = new CompiledRule[st.length][];
      for (int i = 0; i < st.length; i++) {
        List<CompiledRule> here = new ArrayList<>();
        for (CompiledRule r : rules) {
          if (low(b, r) <= st[i] && st[i] <= high(b, r)) {
            here.add(r);
          }
        }
        cov[i] = here.toArray(NONE);
      }
      starts[b] = st;
      covering[b] = cov;
    }

    /** The rules of protocol bucket {@code b} that admit {@code key} (a protocol number for bucket 5). */
    CompiledRule[] covering(int b, int key) {
      int[] st = starts[b];
      int lo = 0;
      int hi = st.length;
      while (lo < hi) { // first start > key
        int mid = (lo + hi) >>> 1;
        if (st[mid] <= key) {
          lo = mid + 1;
        } else {
          hi = mid;
        }
      }
      return lo == 0 ? NONE : covering[b][lo - 1];
    }
  }

  /** True when two ENIs' VPCs are the same, unknown, or joined by an active peering. */
  boolean connected(int eniA, int eniB) {
    int a = eniVpc[eniA];
    int b = eniVpc[eniB];
    return a == b || a < 0 || b < 0 || activePeerings.contains(pairKey(a, b));
  }

  /**
   * True when a live group reference of ENI {@code self}'s rule matches ENI {@code other}: it carries the group, in
   * the same VPC, across an active peering of the snapshot, or across the unrecorded active peering the reference
   * itself reports.
   */
  boolean referenceMatches(CompiledRule r, int self, int other) {
    return carries(other, r.referencedGroup) && (connected(self, other) || r.impliedPeerVpc == -2
        || r.impliedPeerVpc >= 0 && r.impliedPeerVpc == eniVpc[other]);
  }

  /** True when the ENI carries the group. */
  boolean carries(int eni, int group) {
    for (int g : eniGroups[eni]) {
      if (g == group) {
        return true;
      }
    }
    return false;
  }

  /** The ENI index for an id, or -1. */
  int eni(String id) {
    Integer i = eniIndex.get(id);
    return i == null ? -1 : i;
  }

  /** The compiled rules of a group in a direction, or null for a group missing from the snapshot. */
  CompiledRule[] rules(int group, Direction d) {
    return d == Direction.INGRESS ? ingress[group] : egress[group];
  }

  /**
   * Whether a rule's peer matches the other side.
   *
   * @param self the ENI whose rule it is
   * @param other the other side's ENI, or -1 for an outside party
   * @param otherAddress the other side's address
   */
  int peerMatch(CompiledRule r, int self, int other, Cidr otherAddress) {
    switch (r.kind) {
      case CompiledRule.CIDR:
        return r.cidr.overlaps(otherAddress) ? T : F; // a delegated prefix matches if some address of it does
      case CompiledRule.GROUP:
        if (other < 0 || r.deadReference) {
          return F;
        }
        return referenceMatches(r, self, other) ? T : F;
      default:
        if (r.entries == null) {
          return U;
        }
        for (Cidr c : r.entries) {
          if (c.overlaps(otherAddress)) {
            return T;
          }
        }
        return F;
    }
  }

  /**
   * One side's judgement of one address pair: does some rule of some group on {@code self}, in direction {@code d},
   * admit {@code traffic} with the other side as peer?
   */
  int side(Direction d, int self, int other, Cidr otherAddress, Traffic traffic) {
    if (self < 0 || (classOpen[d == Direction.INGRESS ? 0 : 1][eniClass[self]]
        & familyBit(otherAddress.family())) != 0) {
      return T; // an outside party, or an all-traffic rule from or to anywhere of this family (or unfiltered)
    }
    int result = eniMissingGroup[self] ? U : F;
    int proto = traffic.protocol().number();
    int key = traffic.key();
    int b = bucket(proto);
    int lookupKey = b == 5 ? proto : key;
    for (int g : eniGroups[self]) {
      RuleTable table = d == Direction.INGRESS ? ingressTables[g] : egressTables[g];
      if (table == null) {
        continue;
      }
      int m = matchAny(table.allProtocols, self, other, otherAddress);
      if (m == T) {
        return T;
      }
      int m2 = matchAny(table.covering(b, lookupKey), self, other, otherAddress);
      if (m2 == T) {
        return T;
      }
      if (m == U || m2 == U) {
        result = U;
      }
    }
    return result;
  }

  /** Judges the peers of rules already known to admit the flow's protocol and key. */
  private int matchAny(CompiledRule[] rules, int self, int other, Cidr otherAddress) {
    int result = F;
    for (CompiledRule r : rules) {
      int m = peerMatch(r, self, other, otherAddress);
      if (m == T) {
        return T;
      }
      if (m == U) {
        result = U;
      }
    }
    return result;
  }

  /** True when an address pair of these families may carry the traffic (ICMP: IPv4 only; ICMPv6: IPv6 only). */
  static boolean usable(Cidr a, Cidr b, int trafficFamily) {
    return a.family() == b.family() && (trafficFamily == 0 || trafficFamily == a.family());
  }

  /** The flow's outcome between two parties over every usable address pair (Kleene "or" of the pairs). */
  int flow(int src, List<Cidr> srcAddresses, int dst, List<Cidr> dstAddresses, Traffic traffic) {
    int result = F;
    int fam = traffic.family();
    int ni = srcAddresses.size();
    int nj = dstAddresses.size();
    // the egress side depends only on the destination address, the ingress side only on the source address:
    // judge each once (-1 = not yet judged) instead of once per address pair
    int[] egressBy = new int[nj];
    int[] ingressBy = new int[ni];
    Arrays.fill(egressBy, -1);
    Arrays.fill(ingressBy, -1);
    for (int i = 0; i < ni; i++) {
      Cidr x = srcAddresses.get(i);
      for (int j = 0; j < nj; j++) {
        Cidr y = dstAddresses.get(j);
        if (!usable(x, y, fam)) {
          continue;
        }
        int e = egressBy[j];
        if (e < 0) {
          e = egressBy[j] = side(Direction.EGRESS, src, dst, y, traffic);
        }
        if (e == F) {
          continue;
        }
        int in = ingressBy[i];
        if (in < 0) {
          in = ingressBy[i] = side(Direction.INGRESS, dst, src, x, traffic);
        }
        if (e == T && in == T) {
          return T;
        }
        if (in != F) {
          result = U;
        }
      }
    }
    return result;
  }

  /** Sets the bit of every ENI that has a private address inside {@code block}. */
  void markWithin(Cidr block, java.util.BitSet out) {
    for (int i = lowerBound(block.networkAddress()); i < sortedAddresses.length && block.contains(sortedAddresses[i]);
        i++) {
      out.set(sortedAddressEni[i]);
    }
    for (int i = 0; i < prefixEni.length; i++) {
      if (prefixBlocks[i].overlaps(block)) {
        out.set(prefixEni[i]);
      }
    }
  }

  private int lowerBound(Cidr key) {
    int lo = 0;
    int hi = sortedAddresses.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (sortedAddresses[mid].compareTo(key) < 0) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  static Outcome outcome(int v) {
    return v == T ? Outcome.ALLOWED : v == U ? Outcome.UNKNOWN : Outcome.DENIED;
  }

  /** A rule compiled for matching: its protocol and key range, and its peer resolved against the snapshot. */
  final class CompiledRule {
    static final int CIDR = 0;
    static final int GROUP = 1;
    static final int PREFIX_LIST = 2;

    final SecurityGroup group;
    final int groupIndex;
    final Rule rule;
    final int protocol;
    final int low;
    final int high;
    final int kind;
    final Cidr cidr;
    final int referencedGroup;
    final boolean deadReference;
    /**
     * For a reference that AWS reports as going through an active peering the snapshot has no record of: the VPC the
     * reference names (-2 when it names none), which counts as joined to the rule's VPC; -1 otherwise. A peering
     * recorded in the snapshot decides by its own status.
     */
    final int impliedPeerVpc;
    /** A prefix list's entries; null when the list or its entries are missing. */
    final Cidr[] entries;
    /** The peer's blocks that hold a public address (the CIDR, or the prefix list's entries), for exposure. */
    final List<Cidr> publicBlocks;

    CompiledRule(SecurityGroup group, int groupIndex, Rule rule) {
      this.group = group;
      this.groupIndex = groupIndex;
      this.rule = rule;
      this.protocol = rule.ports().protocol().number();
      com.google.common.collect.Range<Integer> keys = rule.ports().keys();
      this.low = keys.lowerEndpoint();
      this.high = keys.upperEndpoint();
      Peer p = rule.peer();
      if (p instanceof Peer.CidrPeer c) {
        kind = CIDR;
        cidr = c.cidr();
        referencedGroup = -1;
        deadReference = false;
        impliedPeerVpc = -1;
        entries = null;
      } else if (p instanceof Peer.GroupPeer g) {
        kind = GROUP;
        cidr = null;
        referencedGroup = Index.this.groupIndex.get(g.groupId());
        String status = g.peeringStatus();
        deadReference = status != null && !status.isEmpty() && !status.equalsIgnoreCase("active");
        boolean unrecordedActive = !deadReference && status != null && !status.isEmpty()
            && g.peeringId() != null && !g.peeringId().isEmpty() && !network.peerings().containsKey(g.peeringId());
        impliedPeerVpc = !unrecordedActive ? -1 : g.vpcId() == null || g.vpcId().isEmpty() ? -2 : internVpc(g.vpcId());
        entries = null;
      } else {
        kind = PREFIX_LIST;
        cidr = null;
        referencedGroup = -1;
        deadReference = false;
        impliedPeerVpc = -1;
        PrefixList list = network.prefixLists().get(((Peer.PrefixListPeer) p).prefixListId());
        entries = list == null || list.entries().isEmpty() ? null : list.entries().get().toArray(new Cidr[0]);
      }
      List<Cidr> pub = new ArrayList<>();
      if (cidr != null && Internet.includesPublic(cidr)) {
        pub.add(cidr);
      } else if (entries != null) {
        for (Cidr c : entries) {
          if (Internet.includesPublic(c)) {
            pub.add(c);
          }
        }
      }
      publicBlocks = pub.isEmpty() ? List.of() : List.copyOf(pub);
    }

    boolean admits(int proto, int key) {
      return protocol == -1 || protocol == proto && low <= key && key <= high;
    }

    boolean sameProtocol(int proto) {
      return protocol == -1 || protocol == proto;
    }
  }

  /** The ENI's group objects (null entries for missing groups skipped). */
  ImmutableList<SecurityGroup> presentGroups(int eni) {
    ImmutableList.Builder<SecurityGroup> b = ImmutableList.builder();
    for (int g : eniGroups[eni]) {
      if (groups[g] != null) {
        b.add(groups[g]);
      }
    }
    return b.build();
  }

  /** The ids of groups the ENI carries that the snapshot lacks. */
  ImmutableList<String> missingGroups(int eni) {
    ImmutableList.Builder<String> b = ImmutableList.builder();
    for (int g : eniGroups[eni]) {
      if (groups[g] == null) {
        b.add(enis[eni].securityGroupIds().stream().filter(id -> groupIndex.get(id) == g).findFirst().orElse("?"));
      }
    }
    return b.build();
  }
}
