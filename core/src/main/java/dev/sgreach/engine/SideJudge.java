package dev.sgreach.engine;

import static dev.sgreach.engine.Tri.F;
import static dev.sgreach.engine.Tri.T;
import static dev.sgreach.engine.Tri.U;

import com.google.common.collect.ImmutableList;
import dev.sgreach.model.Cidr;
import dev.sgreach.model.Direction;
import dev.sgreach.model.NetworkInterface;
import dev.sgreach.model.Protocol;
import dev.sgreach.model.Traffic;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.ToIntFunction;

/**
 * Decides one side of one flow: does the sender's egress (or the receiver's ingress) admit this traffic with this
 * party on the other end? This is the only place that knows what decides it (DESIGN.md, "Reachability semantics"):
 *
 * <ul>
 *   <li>an ENI's traffic to itself meets no security group ({@link #SELF_TRAFFIC}): allowed; nor, in the VPC CNI's
 *       standard mode ({@link PodSecurityGroupMode#STANDARD}), does traffic between a pod's branch ENI and an ENI
 *       of its own node or another pod there ({@link #onOneHost}): allowed;</li>
 *   <li>nor does its traffic with an outside party at an address security groups never filter
 *       ({@link NeverFiltered}: Amazon DNS, instance metadata, Time Sync, ...): allowed;</li>
 *   <li>the party itself ({@link #party}): an outside party (no ENI of the snapshot) carries no group and admits
 *       everything; an ENI of a type AWS does not filter ({@link #unfiltered}) admits everything; an ENI carrying a
 *       group the snapshot lacks is unknown unless a rule it has admits the flow; an ENI with no group admits
 *       nothing;</li>
 *   <li>the OR over the groups on the ENI and their rules that admit the protocol and key
 *       ({@link CompiledRule#admits});</li>
 *   <li>each such rule's peer against the other party ({@link #peer}): a CIDR when it shares an address with the
 *       other side's address (so a delegated prefix is matched when some address in it is); a prefix list likewise
 *       through its entries, unknown when they are missing; a group reference when the other party is an ENI
 *       carrying the group in the same VPC, across an active peering of the snapshot, or across the unrecorded
 *       active peering the reference reports ({@link #reference}), never an outside party.</li>
 * </ul>
 *
 * <p>It answers in three forms built on that one decision: {@link #judge} gives the three-valued answer as an int
 * (the fast path of point queries and sweeps); {@link #explain} gives it with its evidence as a {@link SideCheck}
 * (the rules that admit, or the near misses, or the missing data); {@link #keys} gives every key the side admits in
 * each protocol's key space (open ports, exposure). {@link #prepare} arranges one side for a sweep over many other
 * parties (who-can-reach and what-can-be-reached). Instances are immutable.
 *
 * <p>Two lookups serve the fast path and must stay true to {@link #peer}: a {@link RuleTable} lists exactly the rules
 * whose protocol and keys admit a flow ({@link CompiledRule#admits}), and its {@link RuleTable.Sieve} turns a party
 * away only when {@link #peer} would say F for every rule of a list (a reference needs a carried group, a CIDR an
 * overlapping address). A new kind of peer, or a new way for one to match, belongs in {@link #peer} and in the sieve.
 */
final class SideJudge {
  /**
   * Interface types that AWS does not filter with security groups when the ENI carries none (a NAT gateway, a
   * Gateway Load Balancer and its endpoints, a Transit Gateway attachment, a Network Load Balancer created without
   * groups). An ENI of any other type with no group admits nothing.
   */
  static final Set<String> UNFILTERED_TYPES = Set.of("natGateway", "nat_gateway", "gateway_load_balancer",
      "gateway_load_balancer_endpoint", "transit_gateway", "network_load_balancer");


  private final Index index;
  /** Addresses whose traffic security groups never filter. */
  private final NeverFiltered neverFiltered;
  /** Per class: true when the class's ENIs are of a type AWS does not filter. */
  private final boolean[] unfilteredClass;
  /**
   * Per direction (0 ingress, 1 egress) and class: the families (bits, see {@link Index#familyBit}) for which the
   * class's side of any flow is allowed without reading further: the class is unfiltered, or one of its groups has an
   * all-traffic rule whose peer holds every address of that family.
   */
  private final byte[][] openFamilies;
  /**
   * Per ENI, its class's facts packed for the point-query path (one read instead of several): bits 0-1 the families
   * open on ingress, bits 2-3 on egress ({@link #openFamilies}), bit 4 unfiltered, bit 5 a missing group carried,
   * bit 6 listeners decide its ingress ({@link #listenerBound}), bit 7 its packets may leave as its node's
   * ({@link PodSnat#translates}).
   */
  private final byte[] eniFlags;
  private static final int UNFILTERED = 16;
  private static final int MISSING = 32;
  private static final int LISTENERS = 64;
  private static final int TRANSLATED = 128;
  /**
   * Per rule: its peer against the whole public address space ({@link Internet#holdsPublic}), IPv4 in bits 0-1, IPv6
   * in bits 2-3: F there is F against the internet of every ENI ({@link #internet}).
   */
  private final byte[] publicPeer;
  /** What the internet is for each ENI: the public space outside its VPC and its peers ({@link Internet#holds}). */
  private final Internet internet;
  /** Per group: its ingress rules whose {@link #publicPeer} value is not F for some family. */
  private final CompiledRule[][] fromInternet;

  /**
   * Why an ENI's traffic to itself is allowed: it never leaves the ENI, and security groups filter only what passes
   * through an ENI (EC2 user guide, "Security group rules": rules control traffic that reaches and leaves the
   * resources they are associated with).
   */
  static final String SELF_TRAFFIC = "traffic from an ENI to itself does not pass through it: no security group applies";

  /** How the VPC CNI enforces pods' own groups, which decides {@link #onOneHost}. */
  private final PodSecurityGroupMode podMode;
  /**
   * The ENIs whose flows sweeps must judge one by one, since their class does not decide them: those with a
   * stand-in address ({@link Index#standInEnis}) and, in standard mode, branch ENIs (their traffic may leave as their
   * node's, {@link PodSnat}) and the ENIs of their nodes.
   */
  private final java.util.BitSet judgedAlone;
  /** Which ENI a pod's packets leave as (standard mode's source NAT). */
  private final PodSnat snat;
  /**
   * Per ENI: for a Network Load Balancer's ENI without groups ({@link #listenerBound}), the keys its listeners
   * accept connections on (sure when the listeners are in the snapshot; every key possible when not); null for any
   * other ENI.
   */
  private final KeySets[] listenerKeys;

  /**
   * Why traffic between a pod's branch ENI and its own node is allowed in standard mode (VPC CNI README,
   * POD_SECURITY_GROUP_ENFORCING_MODE: traffic from another pod or service on the same host, such as the kubelet or
   * NodeLocal DNS, is not enforced by security group rules).
   */
  static final String ONE_HOST = "a pod with security groups and its own node: in the VPC CNI's standard mode this"
      + " traffic stays on the host and meets no security group";

  SideJudge(Index index) {
    this(index, PodSecurityGroupMode.DEFAULT);
  }

  SideJudge(Index index, PodSecurityGroupMode podMode) {
    this.index = index;
    this.podMode = podMode;
    this.judgedAlone = (java.util.BitSet) index.standInEnis.clone();
    this.snat = new PodSnat(index, podMode);
    this.listenerKeys = new KeySets[index.enis.length];
    for (int i = 0; i < index.enis.length; i++) {
      if (snat.translates(i)) {
        judgedAlone.set(i); // a pod whose packets may leave as its node: its class does not decide its flows
      }
      if (listenerBound(index.enis[i], index.eniGroups[i].length)) {
        listenerKeys[i] = listenerKeys(index.enis[i]);
        judgedAlone.set(i); // its listeners, not its class, decide what it accepts
      }
    }
    if (podMode == PodSecurityGroupMode.STANDARD) {
      java.util.Set<Integer> podHosts = new java.util.HashSet<>();
      for (int i = 0; i < index.enis.length; i++) {
        if (index.eniBranch[i] && index.eniHost[i] >= 0) {
          podHosts.add(index.eniHost[i]);
        }
      }
      for (int i = 0; i < index.enis.length; i++) {
        if (index.eniHost[i] >= 0 && podHosts.contains(index.eniHost[i])) {
          judgedAlone.set(i);
        }
      }
    }
    this.neverFiltered = new NeverFiltered(index);
    int classes = index.classCount();
    this.unfilteredClass = new boolean[classes];
    this.openFamilies = new byte[2][classes];
    byte[][] byGroup = new byte[2][index.groups.length];
    for (int g = 0; g < index.groups.length; g++) {
      byGroup[0][g] = (byte) allAddressFamilies(index.ingress[g]);
      byGroup[1][g] = (byte) allAddressFamilies(index.egress[g]);
    }
    for (int k = 0; k < classes; k++) {
      int rep = index.classRepresentative[k];
      unfilteredClass[k] = unfiltered(index.enis[rep], index.eniGroups[rep].length);
      if (unfilteredClass[k]) {
        openFamilies[0][k] = 3;
        openFamilies[1][k] = 3;
        continue;
      }
      for (int g : index.eniGroups[rep]) {
        openFamilies[0][k] |= byGroup[0][g];
        openFamilies[1][k] |= byGroup[1][g];
      }
    }
    this.publicPeer = publicMatches();
    this.internet = new Internet(index.network);
    this.fromInternet = new CompiledRule[index.groups.length][];
    for (int g = 0; g < fromInternet.length; g++) {
      CompiledRule[] rules = index.ingress[g];
      fromInternet[g] = rules == null ? null
          : java.util.Arrays.stream(rules).filter(r -> publicPeer[r.id] != 0).toArray(CompiledRule[]::new);
    }
    this.eniFlags = new byte[index.enis.length];
    for (int i = 0; i < eniFlags.length; i++) {
      int k = index.eniClass[i];
      eniFlags[i] = (byte) (openFamilies[0][k] | openFamilies[1][k] << 2 | (unfilteredClass[k] ? UNFILTERED : 0)
          | (index.eniMissingGroup[i] ? MISSING : 0) | (listenerKeys[i] != null ? LISTENERS : 0)
          | (snat.translates(i) ? TRANSLATED : 0));
    }
  }

  /**
   * True when the flow between ENIs {@code a} and {@code b} never leaves one host, so no security group judges it:
   * in standard mode, a pod's branch ENI with an ENI of its own node or another pod's on it ({@link #ONE_HOST}). The
   * one place that decides it.
   */
  boolean onOneHost(int a, int b) {
    return podMode == PodSecurityGroupMode.STANDARD && a >= 0 && b >= 0 && a != b
        && (index.eniBranch[a] || index.eniBranch[b]) && index.eniHost[a] >= 0 && index.eniHost[a] == index.eniHost[b];
  }

  /** The mode this judge assumes for pods with security groups. */
  PodSecurityGroupMode podMode() {
    return podMode;
  }

  /** {@link PodSnat#translates} from the packed flags: one read the flow's side check makes anyway. */
  boolean translates(int eni) {
    return eni >= 0 && (eniFlags[eni] & TRANSLATED) != 0;
  }

  /** Which ENI a pod's packets leave as, in this judge's pod mode ({@link PodSnat#sentAs}). */
  PodSnat snat() {
    return snat;
  }

  /** True when sweeps must judge ENI {@code eni}'s flows one by one (see {@link #judgedAlone}). */
  boolean judgedAlone(int eni) {
    return judgedAlone.get(eni);
  }

  /** True when some ENI's flows must be judged one by one. */
  boolean anyJudgedAlone() {
    return !judgedAlone.isEmpty();
  }

  /**
   * True for a Network Load Balancer's ENI that carries no group: it accepts connections on its listeners' ports and
   * nothing else (elbv2 NLB user guide: a load balancer without security groups admits all client traffic to its
   * listeners), while what it sends on to its targets is not filtered. The one place that decides which ENIs are so.
   */
  static boolean listenerBound(NetworkInterface eni, int groupCount) {
    return unfiltered(eni, groupCount) && eni.interfaceType().equals("network_load_balancer");
  }

  private KeySets listenerKeys(NetworkInterface eni) {
    KeySets k = new KeySets();
    java.util.Optional<com.google.common.collect.ImmutableList<dev.sgreach.model.Ports>> ports =
        index.network.listenerPorts(eni);
    if (ports.isPresent()) {
      ports.get().forEach(p -> k.add(p, true));
    } else {
      k.all(false);
    }
    for (int space = 0; space < KeySets.SPACES; space++) {
      k.sure(space).normalize(); // shared for reading from now on
      k.possible(space).normalize();
    }
    return k;
  }

  /** True for an ENI whose inbound side its load balancer's listeners decide ({@link #listenerBound}). */
  boolean listenerBound(int eni) {
    return eni >= 0 && listenerKeys[eni] != null;
  }

  /** What an ENI {@link #listenerBound} accepts of this traffic: T on a listener's port, U when they are unknown. */
  int listenerValue(int eni, Traffic traffic) {
    KeySets k = listenerKeys[eni];
    int space = KeySets.space(traffic.protocol());
    int key = space == KeySets.OTHER_PROTOCOLS ? traffic.protocol().number() : traffic.key();
    return k.sure(space).contains(key) ? T : k.possible(space).contains(key) ? U : F;
  }

  /** Why an ENI {@link #listenerBound} accepts or refuses a flow, for a proof. */
  String listenerNote(int eni) {
    NetworkInterface e = index.enis[eni];
    return index.network.listenerPorts(e).map(ports -> e.id() + " is a Network Load Balancer's ENI without"
        + " security groups: it accepts connections on its listeners only (" + (ports.isEmpty() ? "none"
        : String.join(", ", ports.stream().map(p -> p.toString()).toList())) + ")")
        .orElse(e.id() + " is a Network Load Balancer's ENI without security groups: it accepts connections on its"
            + " listeners only, and the snapshot lacks them (elbv2 describe-load-balancers and describe-listeners)");
  }

  /** True for an ENI that carries no group and is of a type AWS does not filter: it admits everything. */
  static boolean unfiltered(NetworkInterface eni, int groupCount) {
    return groupCount == 0 && UNFILTERED_TYPES.contains(eni.interfaceType());
  }

  private static int direction(Direction d) {
    return d == Direction.INGRESS ? 0 : 1;
  }

  /** The families whose every address an all-traffic rule of these rules admits (a {@code /0} peer). */
  private static int allAddressFamilies(CompiledRule[] rules) {
    int bits = 0;
    if (rules != null) {
      for (CompiledRule r : rules) {
        if (r.protocol != -1) {
          continue;
        }
        if (r.kind == CompiledRule.CIDR && r.cidr.isAnywhere()) {
          bits |= Index.familyBit(r.cidr.family());
        } else if (r.kind == CompiledRule.PREFIX_LIST && r.entries != null) {
          for (Cidr e : r.entries) {
            if (e.isAnywhere()) {
              bits |= Index.familyBit(e.family());
            }
          }
        }
      }
    }
    return bits;
  }

  // ---------------------------------------------------------------- the decision

  /**
   * What a party's side is before any rule is read: {@link Tri#T} for an outside party ({@code self < 0}) or an
   * unfiltered ENI, {@link Tri#U} for an ENI carrying a group the snapshot lacks (its rules might admit anything),
   * {@link Tri#F} otherwise (only its rules can admit).
   */
  int party(int self) {
    if (self < 0) {
      return T;
    }
    int flags = eniFlags[self];
    return (flags & UNFILTERED) != 0 ? T : (flags & MISSING) != 0 ? U : F;
  }

  /**
   * Whether a rule's peer matches the other party.
   *
   * @param r a rule of a group on ENI {@code self}
   * @param self the ENI whose rule it is
   * @param other the other party's ENI, or -1 for an outside party
   * @param otherAddress the other party's address (or delegated prefix) in the flow
   */
  int peer(CompiledRule r, int self, int other, Cidr otherAddress) {
    Cidr within = standIn(other, otherAddress);
    switch (r.kind) {
      case CompiledRule.CIDR:
        return within == null ? r.cidr.overlaps(otherAddress) ? T : F : inside(r.cidr, within);
      case CompiledRule.GROUP:
        return other < 0 ? F : reference(r, self, other);
      default:
        if (r.entries == null) {
          return U;
        }
        int result = F;
        for (Cidr c : r.entries) {
          int m = within == null ? c.overlaps(otherAddress) ? T : F : inside(c, within);
          if (m == T) {
            return T;
          }
          result = Tri.or(result, m);
        }
        return result;
    }
  }

  /**
   * The block a stand-in address of ENI {@code other} stands for (the real address AWS will assign lies somewhere in
   * it: see {@link dev.sgreach.model.Network#standInAddresses()}), or null for an address as it is.
   */
  Cidr standIn(int other, Cidr otherAddress) {
    return index.standIn(other, otherAddress);
  }

  /** A peer block against an address known only to lie in {@code within}: all of it T, none F, part of it U. */
  private static int inside(Cidr peer, Cidr within) {
    return peer.contains(within) ? T : peer.overlaps(within) ? U : F;
  }

  /**
   * Whether a group reference of ENI {@code self}'s rule matches ENI {@code other}: the reference's peering is not
   * reported inactive, {@code other} carries the group, and the two are in the same VPC, in VPCs joined by an active
   * peering of the snapshot (an inter-Region peering carries no reference), or the reference reports an active
   * peering the snapshot does not record (believed for the VPC it names, any VPC when it names none; unknown when it
   * reports no status: sgreach's missing-data rule). An inbound reference to a VPC joined by neither matches across a
   * Transit Gateway whose security-group referencing is enabled for both VPCs' attachments (AWS networking blog,
   * "Introducing security group referencing for AWS Transit Gateway"); unknown when the snapshot holds no Transit
   * Gateway data. Outbound references never cross a Transit Gateway.
   */
  int reference(CompiledRule r, int self, int other) {
    if (r.peeringStatus == CompiledRule.PEERING_NOT_ACTIVE || !index.carries(other, r.referencedGroup)) {
      return F;
    }
    if (index.connected(self, other)) {
      return T;
    }
    if (r.throughPeering) {
      if (r.peeringRecorded || r.namedVpc >= 0 && r.namedVpc != index.eniVpc[other]) {
        return F; // the snapshot's record of the peering decides; or the reference is to another VPC
      }
      // a peering the snapshot lacks: believed when the reference reports it active, unknown when it says nothing
      return r.peeringStatus == CompiledRule.PEERING_ACTIVE ? T : U;
    }
    if (r.rule.direction() == Direction.INGRESS) {
      // across a Transit Gateway with security-group referencing: inbound rules only, in one Region
      int transit = index.transitJoined(self, other);
      return transit != F || index.transitKnown ? transit : U;
    }
    return F;
  }

  /**
   * One side of one flow: does ENI {@code self} (or an outside party, -1), in direction {@code d}, admit this traffic
   * with {@code other} at {@code otherAddress} on the other end? {@link Tri#T}, {@link Tri#F} or {@link Tri#U}.
   */
  int judge(Direction d, int self, int other, Cidr otherAddress, Traffic traffic) {
    if (self < 0 || self == other || onOneHost(self, other)) {
      return T; // an outside party; or traffic that meets no security group: to itself, or on one host
    }
    int flags = eniFlags[self];
    if ((flags & LISTENERS) != 0 && d == Direction.INGRESS) {
      return listenerValue(self, traffic);
    }
    int open = flags >> (d == Direction.INGRESS ? 0 : 2);
    if ((open & Index.familyBit(otherAddress.family())) != 0) {
      return T;
    }
    return decide(d, self, other, otherAddress, traffic, null);
  }

  /**
   * The OR over the groups on {@code self} and their rules admitting the traffic (looked up by protocol and key in
   * each group's {@link RuleTable}), of each rule's peer, starting from the party's own value. With no evidence to
   * collect it stops at the first rule that admits; collecting evidence it reads every admitting rule in rule order,
   * and, when nothing admits, the rules of the flow's protocol whose keys miss (the near misses of the port).
   */
  private int decide(Direction d, int self, int other, Cidr otherAddress, Traffic traffic, SideEvidence ev) {
    int result = party(self);
    if (result == T) {
      return T;
    }
    if (other < 0) {
      result = Tri.or(result, neverFiltered(self, d, otherAddress));
      if (result == T) {
        return T;
      }
    }
    int proto = traffic.protocol().number();
    int key = traffic.key();
    for (int g : index.eniGroups[self]) {
      RuleTable table = index.table(g, d);
      if (table == null) {
        continue; // a missing group: the party's U stands for it
      }
      CompiledRule[] all = table.allProtocols;
      if (ev == null) {
        // rules the sieve turns away cannot match the other party: their peers would all be F
        long groupBits = other < 0 ? 0 : index.eniGroupBits[other];
        Cidr within = standIn(other, otherAddress);
        Cidr sieved = within == null ? otherAddress : within; // a stand-in may be anywhere in its block
        if (table.allMayMatch(groupBits, sieved)) {
          int m = any(all, self, other, otherAddress);
          if (m == T) {
            return T; // before looking the protocol's rules up at all
          }
          result = Tri.or(result, m);
        }
        int seg = table.segment(proto, key);
        if (seg >= 0 && table.mayMatch(seg, groupBits, sieved)) {
          int m = any(table.rules(seg), self, other, otherAddress);
          if (m == T) {
            return T;
          }
          result = Tri.or(result, m);
        }
        continue;
      }
      CompiledRule[] covering = table.covering(proto, key);
      for (int i = 0, j = 0; i < all.length || j < covering.length; ) { // both lists are in rule order
        CompiledRule r = j >= covering.length || i < all.length && all[i].id < covering[j].id ? all[i++]
            : covering[j++];
        int m = peer(r, self, other, otherAddress);
        ev.admitting(r, m);
        result = Tri.or(result, m);
      }
    }
    if (ev != null && result != T) {
      for (int g : index.eniGroups[self]) {
        RuleTable table = index.table(g, d);
        for (CompiledRule r : table == null ? new CompiledRule[0] : table.ofProtocol(proto)) {
          if (ev.enoughPortMisses()) {
            return result; // a proof shows only the first few near misses
          }
          if (!r.admits(proto, key) && peer(r, self, other, otherAddress) == T) {
            ev.portMiss(r);
          }
        }
      }
    }
    return result;
  }

  private int any(CompiledRule[] rules, int self, int other, Cidr otherAddress) {
    int result = F;
    for (CompiledRule r : rules) {
      int m = peer(r, self, other, otherAddress);
      if (m == T) {
        return T;
      }
      result = Tri.or(result, m);
    }
    return result;
  }

  // ---------------------------------------------------------------- with evidence

  /**
   * One side of one address pair with its evidence: the rules that admit the flow, or the near misses (rules that
   * match the protocol but not the key, or the key but not the peer), or what the snapshot lacks.
   *
   * @param d the side: {@link Direction#EGRESS} for the sender, {@link Direction#INGRESS} for the receiver
   * @param self the side's member, and {@code selfIndex} its ENI (-1 for an outside party)
   * @param selfAddress the side's own address in the pair
   * @param other the other member, and {@code otherIndex} its ENI (-1 outside)
   * @param otherAddress the other member's address in the pair
   */
  SideCheck explain(Direction d, Member self, int selfIndex, Cidr selfAddress, Member other, int otherIndex,
      Cidr otherAddress, Traffic traffic) {
    if (selfIndex < 0) {
      return new SideCheck(d, self, selfAddress, otherAddress, Outcome.ALLOWED, ImmutableList.of(),
          ImmutableList.of(), ImmutableList.of(), Optional.of("outside party: no security group applies"));
    }
    if (selfIndex == otherIndex) {
      return new SideCheck(d, self, selfAddress, otherAddress, Outcome.ALLOWED, ImmutableList.of(),
          ImmutableList.of(), ImmutableList.of(), Optional.of(SELF_TRAFFIC));
    }
    if (onOneHost(selfIndex, otherIndex)) {
      return new SideCheck(d, self, selfAddress, otherAddress, Outcome.ALLOWED, ImmutableList.of(),
          ImmutableList.of(), ImmutableList.of(), Optional.of(ONE_HOST + " (" + podMode.assumption() + ")"));
    }
    if (d == Direction.INGRESS && listenerKeys[selfIndex] != null) {
      Outcome o = Tri.outcome(listenerValue(selfIndex, traffic));
      String note = listenerNote(selfIndex);
      return new SideCheck(d, self, selfAddress, otherAddress, o, ImmutableList.of(), ImmutableList.of(),
          o == Outcome.UNKNOWN ? ImmutableList.of(note) : ImmutableList.of(), Optional.of(note));
    }
    int never = otherIndex < 0 ? neverFiltered(selfIndex, d, otherAddress) : F;
    if (never == T) {
      return new SideCheck(d, self, selfAddress, otherAddress, Outcome.ALLOWED, ImmutableList.of(),
          ImmutableList.of(), ImmutableList.of(), Optional.of(neverFiltered.why(selfIndex, otherAddress)));
    }
    if (unfilteredClass[index.eniClass[selfIndex]]) {
      return new SideCheck(d, self, selfAddress, otherAddress, Outcome.ALLOWED, ImmutableList.of(),
          ImmutableList.of(), ImmutableList.of(), Optional.of("a " + index.enis[selfIndex].interfaceType()
              + " interface with no security group is not filtered by security groups"));
    }
    SideEvidence ev = new SideEvidence(index, otherAddress);
    int result = decide(d, selfIndex, otherIndex, otherAddress, traffic, ev);
    Outcome o = Tri.outcome(result);
    Optional<String> note = index.eniGroups[selfIndex].length == 0
        ? Optional.of(self.label() + " carries no security group, so it admits no " + d.word() + " traffic")
        : Optional.empty();
    if (o == Outcome.ALLOWED) {
      return new SideCheck(d, self, selfAddress, otherAddress, o, ev.matches.build(), ImmutableList.of(),
          ImmutableList.of(), note);
    }
    ImmutableList.Builder<String> missing = ImmutableList.builder();
    missing.addAll(ev.unknown);
    if (never == U) {
      missing.add(neverFiltered.why(selfIndex, otherAddress));
    }
    for (String g : index.missingGroups(selfIndex)) {
      missing.add(self.label() + " carries " + g + ", whose rules are not in the snapshot");
    }
    return new SideCheck(d, self, selfAddress, otherAddress, o, ImmutableList.of(),
        ev.nearMisses(selfIndex, other, otherIndex, traffic),
        o == Outcome.UNKNOWN ? missing.build() : ImmutableList.of(), note);
  }

  // ---------------------------------------------------------------- key spaces

  /**
   * What the internet can open, for many ENIs: each ENI's ingress {@link #keys} against {@link #internet} is its
   * {@link #partyKeys} ORed with its groups' parts, and each group's part (the union over its rules, read only among
   * those whose peer can hold a public address; for the others it is F) is worked out once.
   */
  InternetKeys internetKeys() {
    return new InternetKeys();
  }

  /**
   * What a party admits before any rule is read, as keys: everything for an outside party or an unfiltered ENI,
   * everything possibly (unknown) for an ENI carrying a missing group, nothing otherwise.
   */
  KeySets partyKeys(int self) {
    KeySets k = new KeySets();
    int party = party(self);
    if (party != F) {
      k.all(party == T);
    }
    return k;
  }

  /** See {@link #internetKeys()}; single-threaded, for one exposure question. */
  final class InternetKeys {
    /** Per VPC, family and group ({@link #partKey}): the group's part, absent when not worked out yet. */
    private final Map<Long, KeySets> byGroup = new HashMap<>();

    /**
     * One group's part (the OR over its rules) against the internet of one family as ENI {@code eni} sees it (the
     * internet depends on the ENI's VPC); null when it admits nothing.
     */
    KeySets ofGroup(int g, int eni, int family) {
      if (fromInternet[g] == null || fromInternet[g].length == 0) {
        return null;
      }
      KeySets part = byGroup.computeIfAbsent(partKey(eni, g, family == 4 ? 1 : 2), k -> {
        KeySets p = new KeySets();
        for (CompiledRule r : fromInternet[g]) {
          int m = internet(r, eni, family);
          if (m != F) {
            p.add(r, m == T);
          }
        }
        return p;
      });
      return part.isEmpty() ? null : part;
    }
  }

  /**
   * A key for what group {@code g} makes of the internet for the ENIs of {@code eni}'s VPC, for these families (bits,
   * see {@link Index#familyBit}): ENIs of one VPC see the same internet.
   */
  long partKey(int eni, int g, int families) {
    return ((long) index.eniVpc[eni] + 1) << 34 | (long) g << 2 | families;
  }

  /** A group's ingress rules whose peer may hold a public address; null for a group the snapshot lacks. */
  CompiledRule[] fromInternet(int group) {
    return fromInternet[group];
  }

  /**
   * Every key one side admits, per key space ({@link Protocol#KEYED} in order, then {@link KeySets#OTHER_PROTOCOLS}): the
   * keys it surely admits, and those it may admit (the sure ones plus those that depend on missing data).
   *
   * @param d the side's direction
   * @param self the side's ENI, or -1 for an outside party
   * @param other the other party's ENI, -1 for an outside party (the internet, for exposure)
   * @param otherAddress the other party's address, or null for the internet (which holds no address that security
   *     groups never filter)
   * @param peer each rule's peer against the other party ({@link #peer}, or {@link #internet} for exposure)
   */
  KeySets keys(Direction d, int self, int other, Cidr otherAddress, ToIntFunction<CompiledRule> peer) {
    KeySets k = new KeySets();
    int party = self >= 0 && (self == other || onOneHost(self, other)) ? T : party(self);
    if (party == T && d == Direction.INGRESS && listenerBound(self) && self != other && !onOneHost(self, other)) {
      k.addAll(listenerKeys[self]);
      return k;
    }
    if (self >= 0 && other < 0 && party != T && otherAddress != null) {
      party = Tri.or(party, neverFiltered(self, d, otherAddress));
    }
    if (party == T) {
      k.all(true);
      return k;
    }
    if (party == U) {
      k.all(false);
    }
    for (int g : index.eniGroups[self]) {
      CompiledRule[] rules = index.rules(g, d);
      if (rules == null) {
        continue;
      }
      for (CompiledRule r : rules) {
        int m = peer.applyAsInt(r);
        if (m != F) {
          k.add(r, m == T);
        }
      }
    }
    return k;
  }

  // ---------------------------------------------------------------- the internet

  /**
   * A rule's peer against "the internet" of one family as ENI {@code eni} sees it: an outside party at any public
   * address outside the ENI's VPC and its peers ({@link Internet#holds}, the one place that decides it). It is
   * {@link #peer} for such an outside party, ORed over the internet's addresses: a group reference never matches, a
   * CIDR matches when it holds an internet address, a prefix list when an entry does (unknown without entries).
   */
  int internet(CompiledRule r, int eni, int family) {
    if (((publicPeer[r.id] >> (family == 4 ? 0 : 2)) & 3) == F) {
      return F; // no public address at all
    }
    if (r.kind == CompiledRule.PREFIX_LIST && r.entries == null) {
      return U;
    }
    String vpc = index.enis[eni].vpcId();
    if (r.kind == CompiledRule.CIDR) {
      return internet.holds(vpc, r.cidr);
    }
    int result = F;
    for (Cidr e : r.entries) {
      if (e.family() == family) {
        result = Tri.or(result, internet.holds(vpc, e));
      }
    }
    return result;
  }

  /**
   * The peer's blocks that surely hold an internet address for ENI {@code eni} ({@link #internet}), of a family in
   * {@code familyBits} (see {@link Index#familyBit}), in rule order: what a rule admits from the internet.
   */
  List<Cidr> internetBlocks(CompiledRule r, int eni, int familyBits) {
    List<Cidr> out = new ArrayList<>(1);
    String vpc = index.enis[eni].vpcId();
    if (r.kind == CompiledRule.CIDR) {
      if ((familyBits & Index.familyBit(r.cidr.family())) != 0 && internet.holds(vpc, r.cidr) == T) {
        out.add(r.cidr);
      }
    } else if (r.kind == CompiledRule.PREFIX_LIST && r.entries != null) {
      for (Cidr e : r.entries) {
        if ((familyBits & Index.familyBit(e.family())) != 0 && internet.holds(vpc, e) == T) {
          out.add(e);
        }
      }
    }
    return out;
  }

  /** {@link Internet#holds} for ENI {@code eni}'s VPC: whether an address or block is the internet for it. */
  int isInternet(int eni, Cidr block) {
    return internet.holds(index.enis[eni].vpcId(), block);
  }

  /** The first address of {@code block} that is the internet for ENI {@code eni} ({@link Internet#first}), or null. */
  Cidr firstInternetAddress(int eni, Cidr block) {
    return internet.first(index.enis[eni].vpcId(), block);
  }

  private byte[] publicMatches() {
    byte[] out = new byte[index.ruleCount];
    // many rules name the same block or list: judge each peer once
    Map<Object, Byte> byPeer = new HashMap<>();
    for (int g = 0; g < index.groups.length; g++) {
      for (CompiledRule[] rules : new CompiledRule[][] {index.ingress[g], index.egress[g]}) {
        if (rules == null) {
          continue;
        }
        for (CompiledRule r : rules) {
          if (r.kind == CompiledRule.GROUP) {
            continue; // a reference never matches an outside party: F for both families
          }
          Object peer = r.kind == CompiledRule.CIDR ? r.cidr : r.entries == null ? "unknown" : r.entries;
          Byte both = byPeer.get(peer);
          if (both == null) {
            both = (byte) (overInternet(r, 4) | overInternet(r, 6) << 2);
            byPeer.put(peer, both);
          }
          out[r.id] = both;
        }
      }
    }
    return out;
  }

  /** {@link #peer} of the rule for an outside party, ORed over the public blocks of one family. */
  private int overInternet(CompiledRule r, int family) {
    int result = F;
    for (Cidr block : Internet.blocks(family)) {
      result = Tri.or(result, peer(r, -1, -1, block));
      if (result == T) {
        break;
      }
    }
    return result;
  }

  // ---------------------------------------------------------------- sweeps

  /** Many ENIs' sides arranged for judging them against one other party, with the same traffic. */
  SidesAgainst against(Direction d, int other, List<Cidr> otherAddresses, Traffic traffic) {
    return new SidesAgainst(this, index, d, other, otherAddresses, traffic);
  }

  /** One side arranged for judging it against many other parties with the same traffic. */
  PreparedSide prepare(Direction d, int self, Traffic traffic) {
    return new PreparedSide(this, index, d, self, traffic);
  }

  /** The families (bits) for which class {@code k}'s side in direction {@code d} admits every flow at once. */
  int openFamilies(Direction d, int k) {
    return openFamilies[direction(d)][k];
  }

  /**
   * {@link NeverFiltered#judge} for ENI {@code self}'s side in direction {@code d} with an outside party at this
   * address: T when security groups do not filter it; U, for the egress side only, when the address may be the
   * VPC's DNS server (which answers, but never opens a connection to an ENI); else F.
   */
  int neverFiltered(int self, Direction d, Cidr otherAddress) {
    int v = neverFiltered.judge(self, otherAddress);
    return v == U && d == Direction.INGRESS ? F : v;
  }

  /** {@link NeverFiltered#blocks} and, when the DNS address is not known, why (else null). */
  List<Cidr> neverFilteredBlocks(int self, int families) {
    return neverFiltered.blocks(self, families);
  }

  /** Why outside parties may be unknown to ENI {@code self} for lack of its VPC's blocks, or null. */
  String dnsUnknown(int self) {
    return neverFiltered.dnsUnknown(self) ? index.enis[self].id() + ": its VPC's blocks are not in the snapshot, so"
        + " which address is its Amazon DNS server (never filtered by security groups) is not known" : null;
  }

  /** True when class {@code k}'s ENIs are of a type AWS does not filter. */
  boolean unfilteredClass(int k) {
    return unfilteredClass[k];
  }
}
