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
import dev.sgreach.model.VpcPeering;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.stream.IntStream;

/**
 * A {@link Network} compiled once for answering (see the package documentation for the design). Built in named
 * steps: {@link #internNames}, {@link #attachGroups}, {@link #compileRules} (with the {@link PeerIndex}),
 * {@link #joinPeeredVpcs}, {@link #collectAddresses} (with the {@link AddressIndex}) and {@link #classify} (with
 * {@link #layOutClasses}). Immutable after construction, so safe to share between threads.
 *
 * <p>The index holds facts only. What they mean for a flow (which side admits what) is decided by
 * {@link SideJudge}.
 */
final class Index {
  /**
   * From this many groups on, groups' rules compile on several threads (the common fork-join pool): a region's
   * compilation is most of its indexing, and each group's is independent. Tests lower it to compile small networks
   * that way too.
   */
  static int parallelGroups = 512;

  final Network network;
  final NetworkInterface[] enis;
  private final Map<String, Integer> eniIndex;

  /** Every group id the snapshot holds, ENIs carry or rules reference, interned; see {@link #groups}. */
  private final Map<String, Integer> groupIndex;
  /** The group at each index, or null for a group id that ENIs or rules name but the snapshot lacks. */
  final SecurityGroup[] groups;
  /** The group id at each index (present or not). */
  final String[] groupIds;

  /** Per ENI, its interned VPC, or -1 when the ENI names none. */
  final int[] eniVpc;
  /**
   * Per ENI, the instance its traffic starts and ends on ({@link Network#hostInstance}: a branch ENI's node), interned,
   * or -1 when not known.
   */
  final int[] eniHost;
  /** Per ENI, true for a branch ENI: a pod with its own security groups. */
  final boolean[] eniBranch;
  /** Per ENI, the groups it carries, each once, in AWS's order. */
  final int[][] eniGroups;
  /** Per ENI, one bit per group it carries (the group number modulo 64), for {@link RuleTable.Sieve}. */
  final long[] eniGroupBits;
  /** Per ENI, true when it carries a group the snapshot lacks. */
  final boolean[] eniMissingGroup;
  /** Per group, the ENIs carrying it. */
  final int[][] carriers;

  /** Per group and direction, its compiled rules; null for a group the snapshot lacks. */
  final CompiledRule[][] ingress;
  final CompiledRule[][] egress;
  /** Per group and direction, its rules arranged for lookup by protocol and key; null for a missing group. */
  final RuleTable[] ingressTables;
  final RuleTable[] egressTables;
  /** How many rules were compiled ({@link CompiledRule#id} runs below this). */
  final int ruleCount;

  /**
   * The rules again, indexed by peer, per direction (0 ingress, 1 egress): for judging many ENIs' sides against one
   * other party ({@link SidesAgainst}) by finding the rules whose peer can match it, instead of reading every
   * ENI's rules. Built on first use ({@link #byPeer(Direction)}): only sweeps over every ENI ask it.
   */
  private volatile PeerIndex[] byPeer;

  /** Per VPC, the VPCs joined to it by an active peering of the snapshot, sorted. */
  private final int[][] peeredVpcs;
  /**
   * Per pair of VPC ids ({@code a + " " + b}, both orders): whether one Transit Gateway of the snapshot carries
   * security-group references between them (T), may (U: an option not captured), absent when none does.
   */
  private final Map<String, Integer> transitReferencing;
  /** True when the snapshot holds Transit Gateway data (or says it collected routes, which include them). */
  final boolean transitKnown;

  /** Per ENI, the addresses an ENI endpoint stands for (private IPv4, IPv6, delegated prefixes). */
  final ImmutableList<Cidr>[] eniAddresses;
  /** Per ENI, the families of those addresses: bit 1 IPv4, bit 2 IPv6. */
  final byte[] eniFamilies;
  /** Per ENI, true when it has a public or Elastic IPv4 address. */
  final boolean[] eniPublicIpv4;
  /** Every private address that more than one ENI lists, to those ENIs in snapshot order. */
  private final Map<Cidr, List<Integer>> sharedPrivate = new HashMap<>();
  /** Every public or Elastic IPv4 address of an ENI that has a private IPv4 address, to that ENI. */
  private final Map<Cidr, Integer> publicOwner = new HashMap<>();
  /** Built on first use ({@link #addresses()}): only who-can-reach questions about blocks ask it. */
  private volatile AddressIndex addresses;
  /** Stand-in addresses and the blocks they stand for ({@link Network#standInAddresses()}). */
  final java.util.Map<Cidr, Cidr> standIns;
  /** The ENIs with a stand-in address: sweeps judge them one by one ({@link ReachersQuery}). */
  final java.util.BitSet standInEnis;

  /**
   * Per ENI, its class: ENIs of one class carry the same groups, sit in the same VPC, are alike unfiltered or not
   * and have addresses of the same families, so their rules judge any given peer alike and any peer's rules judge
   * them alike except where an address rule tells their addresses apart.
   */
  final int[] eniClass;
  /** Per class, its first ENI, which stands for it. */
  final int[] classRepresentative;
  /** Per class, its ENIs in snapshot order. */
  final int[][] classMembers;
  /** Per group, the classes whose ENIs carry it. */
  final int[][] classesOfGroup;
  /** Per class, what its ENIs share, laid out by class for sweeps: families, a missing group, the groups. */
  final byte[] classFamilies;
  final boolean[] classMissingGroup;
  /** The groups of class k are {@code classGroups[classGroupStart[k] .. classGroupStart[k + 1] - 1]}. */
  final int[] classGroupStart;
  final int[] classGroups;

  @SuppressWarnings("unchecked")
  Index(Network network) {
    this.network = network;
    this.enis = network.interfaces().values().toArray(new NetworkInterface[0]);
    this.eniIndex = new HashMap<>(enis.length * 2);
    for (int i = 0; i < enis.length; i++) {
      eniIndex.put(enis[i].id(), i);
    }
    // step 1: names to numbers
    Interner names = internNames(network, enis);
    this.groupIndex = names.groups;
    this.groupIds = names.groupIds.toArray(new String[0]);
    this.groups = new SecurityGroup[groupIds.length];
    for (int g = 0; g < groups.length; g++) {
      groups[g] = network.securityGroups().get(groupIds[g]);
    }
    this.eniVpc = new int[enis.length];
    for (int i = 0; i < enis.length; i++) {
      eniVpc[i] = names.vpc(enis[i].vpcId());
    }
    // step 3, first half: every name the rules use, interned in rule order (as a sequential compilation would)
    this.ingress = new CompiledRule[groups.length][];
    this.egress = new CompiledRule[groups.length][];
    this.ingressTables = new RuleTable[groups.length];
    this.egressTables = new RuleTable[groups.length];
    int[] firstId = numberRules(names);
    this.ruleCount = firstId[groups.length];
    // step 3, second half, on the common pool for a region, while this thread does steps 2 and 5 (ENI-side only):
    // the interner is frozen, so both sides only read it
    ForkJoinTask<?> compiling = groups.length >= parallelGroups
        ? ForkJoinPool.commonPool().submit(() -> compileRules(firstId, names)) : null;
    if (compiling == null) {
      compileRules(firstId, names);
    }
    this.eniHost = new int[enis.length];
    this.eniBranch = new boolean[enis.length];
    Map<String, Integer> hosts = new HashMap<>();
    for (int i = 0; i < enis.length; i++) {
      eniBranch[i] = enis[i].interfaceType().equals("branch");
      String host = network.hostInstance(enis[i]).orElse(null);
      Integer number = host == null ? null : hosts.get(host);
      if (host != null && number == null) {
        number = hosts.size();
        hosts.put(host, number);
      }
      eniHost[i] = number == null ? -1 : number;
    }
    // step 2: who carries what
    this.eniGroups = new int[enis.length][];
    this.eniMissingGroup = new boolean[enis.length];
    this.eniGroupBits = new long[enis.length];
    this.carriers = attachGroups();
    // step 5: addresses
    this.eniAddresses = new ImmutableList[enis.length];
    this.eniFamilies = new byte[enis.length];
    this.eniPublicIpv4 = new boolean[enis.length];
    collectAddresses();
    if (compiling != null) {
      compiling.join();
    }
    names.thaw();
    // step 4: which VPCs are joined
    this.peeredVpcs = joinPeeredVpcs(names);
    this.transitReferencing = transitReferencing(network);
    this.transitKnown = !network.transitGateways().isEmpty() || network.covers(dev.sgreach.model.Layer.ROUTES);
    // step 5 is done above
    this.standIns = network.standInAddresses();
    this.standInEnis = new java.util.BitSet();
    if (!standIns.isEmpty()) {
      for (int i = 0; i < enis.length; i++) {
        for (Cidr a : eniAddresses[i]) {
          if (standIns.containsKey(a)) {
            standInEnis.set(i);
          }
        }
      }
    }
    // step 6: ENI classes, and what a class's ENIs share, laid out by class
    this.eniClass = new int[enis.length];
    this.classRepresentative = classify();
    this.classMembers = members(classRepresentative.length);
    this.classesOfGroup = classesOfGroups();
    int classes = classRepresentative.length;
    this.classFamilies = new byte[classes];
    this.classMissingGroup = new boolean[classes];
    this.classGroupStart = new int[classes + 1];
    this.classGroups = layOutClasses();
  }

  // ---------------------------------------------------------------- construction steps

  /**
   * Step 1: intern every group id (the snapshot's groups first, in order, then ids that ENIs carry or rules
   * reference but the snapshot lacks) and every VPC id met on the way.
   */
  private static Interner internNames(Network network, NetworkInterface[] enis) {
    Interner in = new Interner(network);
    // plain loops, no lambda per item: this runs once per load, mostly before the JIT has inlined anything
    for (String id : network.securityGroups().keySet()) {
      in.group(id);
    }
    for (NetworkInterface e : enis) {
      for (String id : e.securityGroupIds()) {
        in.group(id);
      }
    }
    for (SecurityGroup sg : network.securityGroups().values()) {
      for (Direction d : Direction.values()) {
        for (Rule r : sg.rules(d)) {
          if (r.peer() instanceof Peer.GroupPeer gp) {
            in.group(gp.groupId());
          }
        }
      }
    }
    return in;
  }

  /**
   * Step 2: each ENI's groups (each once, also as bits), whether it carries a missing one, and each group's
   * carriers.
   */
  private int[][] attachGroups() {
    int[] carrierCount = new int[groups.length];
    for (int i = 0; i < enis.length; i++) {
      List<String> ids = enis[i].securityGroupIds();
      int[] gs = new int[ids.size()];
      int k = 0;
      for (String id : ids) {
        int g = groupIndex.get(id);
        if (contains(gs, k, g)) {
          continue;
        }
        gs[k++] = g;
        carrierCount[g]++;
        eniMissingGroup[i] |= groups[g] == null;
      }
      eniGroups[i] = k == gs.length ? gs : Arrays.copyOf(gs, k);
      for (int j = 0; j < k; j++) {
        eniGroupBits[i] |= 1L << (gs[j] & 63);
      }
    }
    int[][] out = new int[groups.length][];
    for (int g = 0; g < groups.length; g++) {
      out[g] = new int[carrierCount[g]];
      carrierCount[g] = 0;
    }
    for (int i = 0; i < enis.length; i++) {
      for (int g : eniGroups[i]) {
        out[g][carrierCount[g]++] = i;
      }
    }
    return out;
  }

  /**
   * Step 3, first half: interns every name the rules use and numbers the rules in group order, ingress before
   * egress, whichever thread compiles a group; returns each group's first rule number (and the count at the end).
   */
  private int[] numberRules(Interner names) {
    int[] firstId = new int[groups.length + 1];
    for (int g = 0; g < groups.length; g++) {
      SecurityGroup sg = groups[g];
      firstId[g + 1] = firstId[g] + (sg == null ? 0 : sg.ingress().size() + sg.egress().size());
      if (sg != null) {
        names.internRuleNames(sg);
      }
    }
    // every name the rules use is interned: the interner is only read from here on, so groups compile
    // independently, and on several threads when there are many
    names.freeze();
    return firstId;
  }

  /** Step 3, second half: compiles every group, numbering its rules from {@code firstId[g]}. */
  private void compileRules(int[] firstId, Interner names) {
    IntStream all = IntStream.range(0, groups.length);
    (groups.length >= parallelGroups ? all.parallel() : all).forEach(g -> compileGroup(g, firstId[g], names));
  }

  /** Compiles group {@code g}'s rules, numbered from {@code id} (ingress, then egress), and their tables. */
  private void compileGroup(int g, int id, Interner names) {
    SecurityGroup sg = groups[g];
    if (sg == null) {
      return;
    }
    ingress[g] = new CompiledRule[sg.ingress().size()];
    for (int i = 0; i < ingress[g].length; i++) {
      ingress[g][i] = new CompiledRule(id++, sg, g, sg.ingress().get(i), names);
    }
    egress[g] = new CompiledRule[sg.egress().size()];
    for (int i = 0; i < egress[g].length; i++) {
      egress[g][i] = new CompiledRule(id++, sg, g, sg.egress().get(i), names);
    }
    ingressTables[g] = new RuleTable(ingress[g]);
    egressTables[g] = new RuleTable(egress[g]);
  }

  /** Step 4: the active peerings of the snapshot, as each VPC's sorted list of VPCs joined to it. */
  private static int[][] joinPeeredVpcs(Interner names) {
    List<int[]> pairs = new ArrayList<>();
    for (VpcPeering p : names.network.peerings().values()) {
      if (p.isActive() && !p.betweenRegions()) { // an inter-Region peering carries no group reference
        pairs.add(new int[] {names.vpc(p.requesterVpcId()), names.vpc(p.accepterVpcId())});
      }
    }
    List<TreeSet<Integer>> joined = new ArrayList<>();
    for (int v = 0; v < names.vpcCount(); v++) {
      joined.add(new TreeSet<>());
    }
    for (int[] p : pairs) {
      joined.get(p[0]).add(p[1]);
      joined.get(p[1]).add(p[0]);
    }
    int[][] out = new int[joined.size()][];
    for (int v = 0; v < out.length; v++) {
      out[v] = joined.get(v).stream().mapToInt(Integer::intValue).toArray();
    }
    return out;
  }

  /**
   * Step 4, Transit Gateways: VPCs whose available VPC attachments sit on one gateway whose
   * {@code SecurityGroupReferencingSupport} is enabled, as are both attachments' (AWS networking blog, "Introducing
   * security group referencing for AWS Transit Gateway"; EC2 API TransitGatewayOptions). An option not captured makes
   * the pair U.
   */
  private static Map<String, Integer> transitReferencing(Network network) {
    Map<String, Integer> out = new HashMap<>();
    for (dev.sgreach.model.TransitGateway tgw : network.transitGateways().values()) {
      if (tgw.securityGroupReferencing().equals(java.util.Optional.of(false))) {
        continue;
      }
      boolean gatewayKnown = tgw.securityGroupReferencing().isPresent();
      List<dev.sgreach.model.TransitGateway.Attachment> vpcs = tgw.attachments().stream()
          .filter(a -> a.isVpc() && a.isAvailable() && !a.securityGroupReferencing().equals(java.util.Optional.of(false)))
          .toList();
      for (var a : vpcs) {
        for (var b : vpcs) {
          if (a.resourceId().equals(b.resourceId())) {
            continue;
          }
          int v = gatewayKnown && a.securityGroupReferencing().isPresent() && b.securityGroupReferencing().isPresent()
              ? Tri.T : Tri.U;
          out.merge(a.resourceId() + " " + b.resourceId(), v, Math::max);
        }
      }
    }
    return out;
  }

  /** Step 5: each ENI's addresses and their families, and whether it has a public IPv4 address. */
  private void collectAddresses() {
    for (int i = 0; i < enis.length; i++) {
      eniPublicIpv4[i] = !enis[i].publicIpv4().isEmpty();
      if (eniPublicIpv4[i] && !enis[i].privateIpv4().isEmpty()) {
        for (Cidr p : enis[i].publicIpv4()) {
          publicOwner.putIfAbsent(p, i);
        }
      }
      eniAddresses[i] = enis[i].addressBlocks();
      for (Cidr a : eniAddresses[i]) {
        eniFamilies[i] |= (byte) familyBit(a.family());
      }
    }
    network.sharedAddresses().asMap().forEach((a, owners) ->
        sharedPrivate.put(a, owners.stream().map(e -> eniIndex.get(e.id())).toList()));
  }

  /** Step 6: ENI classes (see {@link #eniClass}); returns each class's representative. */
  private int[] classify() {
    Map<List<Integer>, Integer> classes = new HashMap<>();
    List<Integer> reps = new ArrayList<>();
    for (int i = 0; i < enis.length; i++) {
      int[] sorted = eniGroups[i].clone();
      Arrays.sort(sorted);
      List<Integer> key = new ArrayList<>(sorted.length + 3);
      for (int g : sorted) {
        key.add(g);
      }
      key.add(-1 - eniVpc[i]); // -1 - (-1) = 0 for no VPC; separators stay negative otherwise
      key.add(SideJudge.unfiltered(enis[i], eniGroups[i].length) ? -1 : -2);
      if (SideJudge.listenerBound(enis[i], eniGroups[i].length)) {
        key.add(Integer.MIN_VALUE + i); // its own class: its load balancer's listeners decide what it accepts
      }
      key.add(-10 - eniFamilies[i]);
      final int eni = i;
      eniClass[i] = classes.computeIfAbsent(key, k -> {
        reps.add(eni);
        return reps.size() - 1;
      });
    }
    return reps.stream().mapToInt(Integer::intValue).toArray();
  }

  /** Step 6, continued: each class's families, missing group and groups, laid out by class; returns the groups. */
  private int[] layOutClasses() {
    int total = 0;
    for (int rep : classRepresentative) {
      total += eniGroups[rep].length;
    }
    int[] out = new int[total];
    for (int k = 0, at = 0; k < classRepresentative.length; k++) {
      int rep = classRepresentative[k];
      classFamilies[k] = eniFamilies[rep];
      classMissingGroup[k] = eniMissingGroup[rep];
      classGroupStart[k] = at;
      for (int g : eniGroups[rep]) {
        out[at++] = g;
      }
      classGroupStart[k + 1] = at;
    }
    return out;
  }

  private int[][] members(int classCount) {
    int[] count = new int[classCount];
    for (int c : eniClass) {
      count[c]++;
    }
    int[][] out = new int[classCount][];
    for (int k = 0; k < classCount; k++) {
      out[k] = new int[count[k]];
      count[k] = 0;
    }
    for (int i = 0; i < enis.length; i++) {
      out[eniClass[i]][count[eniClass[i]]++] = i;
    }
    return out;
  }

  private int[][] classesOfGroups() {
    List<List<Integer>> byGroup = new ArrayList<>();
    for (int g = 0; g < groups.length; g++) {
      byGroup.add(new ArrayList<>(1));
    }
    for (int k = 0; k < classRepresentative.length; k++) {
      for (int g : eniGroups[classRepresentative[k]]) {
        byGroup.get(g).add(k);
      }
    }
    int[][] out = new int[groups.length][];
    for (int g = 0; g < out.length; g++) {
      out[g] = byGroup.get(g).stream().mapToInt(Integer::intValue).toArray();
    }
    return out;
  }

  private static boolean contains(int[] a, int len, int v) {
    for (int i = 0; i < len; i++) {
      if (a[i] == v) {
        return true;
      }
    }
    return false;
  }

  /** Interns group and VPC ids for the index and its compiled rules. */
  static final class Interner {
    private final Network network;
    private final Map<String, Integer> groups = new HashMap<>();
    private final List<String> groupIds = new ArrayList<>();
    private final Map<String, Integer> vpcs = new HashMap<>();
    private final Map<String, Cidr[]> entries = new HashMap<>();
    private static final Cidr[] UNKNOWN_ENTRIES = new Cidr[0];
    private boolean frozen;

    Interner(Network network) {
      this.network = network;
    }

    Network network() {
      return network;
    }

    int group(String id) {
      if (frozen) {
        return known(groups.get(id), "security group", id);
      }
      Integer number = groups.get(id);
      if (number == null) {
        number = groupIds.size();
        groups.put(id, number);
        groupIds.add(id);
      }
      return number;
    }

    /** The VPC's number, or -1 for an empty id (an ENI or reference that names no VPC). */
    int vpc(String id) {
      if (id == null || id.isEmpty()) {
        return -1;
      }
      if (frozen) {
        return known(vpcs.get(id), "VPC", id);
      }
      return vpcs.computeIfAbsent(id, k -> vpcs.size());
    }

    int vpcCount() {
      return vpcs.size();
    }

    /** A prefix list's entries, one array per list; null when the list or its entries are not in the snapshot. */
    Cidr[] entries(String prefixListId) {
      Cidr[] e = frozen ? entries.get(prefixListId) : entries.computeIfAbsent(prefixListId, id -> {
        PrefixList list = network.prefixLists().get(id);
        return list == null || list.entries().isEmpty() ? UNKNOWN_ENTRIES : list.entries().get().toArray(new Cidr[0]);
      });
      if (e == null) {
        throw new IllegalStateException("prefix list " + prefixListId + " was not interned before the rules compiled");
      }
      return e == UNKNOWN_ENTRIES ? null : e;
    }

    /** Interns the VPCs and prefix lists the group's rules name, in rule order (ingress, then egress). */
    void internRuleNames(SecurityGroup sg) {
      for (Direction d : List.of(Direction.INGRESS, Direction.EGRESS)) {
        for (Rule r : sg.rules(d)) {
          if (r.peer() instanceof Peer.GroupPeer gp) {
            group(gp.groupId());
            if (gp.peeringId() != null && !gp.peeringId().isEmpty()) {
              vpc(gp.vpcId());
            }
          } else if (r.peer() instanceof Peer.PrefixListPeer pl) {
            entries(pl.prefixListId());
          }
        }
      }
    }

    /**
     * From here on the interner is only read (safe from several threads): asking for a name not interned yet is a
     * mistake of the index's construction, not of the snapshot.
     */
    void freeze() {
      frozen = true;
    }

    /** Unfreezes, for the steps after the rules (peerings may name VPCs no ENI or rule did). */
    void thaw() {
      frozen = false;
    }

    private static int known(Integer number, String kind, String id) {
      if (number == null) {
        throw new IllegalStateException(kind + " " + id + " was not interned before the rules compiled");
      }
      return number;
    }
  }

  // ---------------------------------------------------------------- lookups

  /** 1 for IPv4, 2 for IPv6: the bit of a family in {@link #eniFamilies} and other family masks. */
  static int familyBit(int family) {
    return family == 4 ? 1 : 2;
  }

  /** The ENI of a member in this index, or -1 for an outside party. */
  int eni(Member m) {
    int slot = m.slotIn(this);
    if (slot != -2) {
      return slot;
    }
    return m.eni().isPresent() ? eni(m.eni().get().id()) : -1;
  }

  /**
   * The block a stand-in address of ENI {@code eni} stands for ({@link Network#standInAddresses()}), or null for an
   * address as it is (and for an outside party, {@code eni < 0}).
   */
  Cidr standIn(int eni, Cidr address) {
    return eni < 0 || standIns.isEmpty() ? null : standIns.get(address);
  }

  /** The ENI index for an id, or -1. */
  int eni(String id) {
    Integer i = eniIndex.get(id);
    return i == null ? -1 : i;
  }

  /** The member an ENI endpoint stands for: the ENI with all its addresses. */
  Member member(int eni) {
    return new Member(java.util.Optional.of(enis[eni]), eniAddresses[eni], this, eni);
  }

  /** An ENI restricted to one of its addresses. */
  Member member(int eni, Cidr address) {
    return new Member(java.util.Optional.of(enis[eni]), ImmutableList.of(address), this, eni);
  }

  /** The ENIs that all list this private address, in snapshot order; empty when at most one does. */
  List<Integer> sharing(Cidr address) {
    return sharedPrivate.getOrDefault(address, List.of());
  }

  /**
   * The ENI that owns a public or Elastic IPv4 address, as a member reached through it (at the private address it is
   * associated with; the primary private address when the snapshot does not say), or null when no ENI owns it.
   */
  Member throughPublic(Cidr publicAddress) {
    Integer i = publicOwner.get(publicAddress);
    if (i == null) {
      return null;
    }
    NetworkInterface e = enis[i];
    Cidr privateAddress = e.privateIpv4().get(0);
    for (Map.Entry<Cidr, Cidr> m : e.publicIpv4ByPrivate().entrySet()) {
      if (m.getValue().equals(publicAddress)) {
        privateAddress = m.getKey();
      }
    }
    return new Member(java.util.Optional.of(e), ImmutableList.of(privateAddress),
        java.util.Optional.of(publicAddress), this, i);
  }

  /** The number of ENI classes. */
  int classCount() {
    return classRepresentative.length;
  }

  /** True when two VPCs are the same, either is unknown (-1), or an active peering of the snapshot joins them. */
  boolean joined(int vpcA, int vpcB) {
    return vpcA == vpcB || vpcA < 0 || vpcB < 0 || Arrays.binarySearch(peeredVpcs[vpcA], vpcB) >= 0;
  }

  /** True when two ENIs' VPCs are {@link #joined}. */
  /**
   * Whether a Transit Gateway of the snapshot carries security-group references between the two ENIs' VPCs: T, U
   * (an option not captured) or F.
   */
  int transitJoined(int eniA, int eniB) {
    Integer v = transitReferencing.get(enis[eniA].vpcId() + " " + enis[eniB].vpcId());
    return v == null ? Tri.F : v;
  }

  boolean connected(int eniA, int eniB) {
    return joined(eniVpc[eniA], eniVpc[eniB]);
  }

  /**
   * The ENIs' addresses sorted by address, built on first use: a question about one or two ENIs (a batch of point
   * queries, a command-line call that loads a region to answer one) does not pay for sorting every address.
   */
  AddressIndex addresses() {
    AddressIndex a = addresses;
    if (a == null) {
      synchronized (this) {
        a = addresses;
        if (a == null) {
          addresses = a = new AddressIndex(enis);
        }
      }
    }
    return a;
  }

  /** The rules of one direction by peer ({@link PeerIndex}), both directions built on first use. */
  PeerIndex byPeer(Direction d) {
    PeerIndex[] p = byPeer;
    if (p == null) {
      synchronized (this) {
        p = byPeer;
        if (p == null) {
          PeerIndex[] built = new PeerIndex[2];
          IntStream sides = IntStream.range(0, 2);
          (groups.length >= parallelGroups ? sides.parallel() : sides)
              .forEach(k -> built[k] = new PeerIndex(k == 0 ? ingress : egress, groups.length));
          byPeer = p = built;
        }
      }
    }
    return p[d == Direction.INGRESS ? 0 : 1];
  }

  /** The ENIs (by position) carrying the group with this id, or null when no ENI names it. */
  int[] carriersOf(String groupId) {
    Integer g = groupIndex.get(groupId);
    return g == null ? null : carriers[g];
  }

  /** True when the ENI carries the group. */
  boolean carries(int eni, int group) {
    if ((eniGroupBits[eni] & 1L << (group & 63)) == 0) {
      return false; // the ENI's group bits (each group number modulo 64) rule most groups out without the list
    }
    for (int g : eniGroups[eni]) {
      if (g == group) {
        return true;
      }
    }
    return false;
  }

  /** The compiled rules of a group in a direction, or null for a group missing from the snapshot. */
  CompiledRule[] rules(int group, Direction d) {
    return d == Direction.INGRESS ? ingress[group] : egress[group];
  }

  /** The rule table of a group in a direction, or null for a group missing from the snapshot. */
  RuleTable table(int group, Direction d) {
    return d == Direction.INGRESS ? ingressTables[group] : egressTables[group];
  }

  /** The ENI's groups that the snapshot holds, in AWS's order. */
  ImmutableList<SecurityGroup> presentGroups(int eni) {
    ImmutableList.Builder<SecurityGroup> b = ImmutableList.builder();
    for (int g : eniGroups[eni]) {
      if (groups[g] != null) {
        b.add(groups[g]);
      }
    }
    return b.build();
  }

  /** The ids of the groups the ENI carries that the snapshot lacks. */
  ImmutableList<String> missingGroups(int eni) {
    ImmutableList.Builder<String> b = ImmutableList.builder();
    for (int g : eniGroups[eni]) {
      if (groups[g] == null) {
        b.add(groupIds[g]);
      }
    }
    return b.build();
  }
}
