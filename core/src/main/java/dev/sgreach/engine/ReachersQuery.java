package dev.sgreach.engine;

import static dev.sgreach.engine.Tri.F;
import static dev.sgreach.engine.Tri.T;
import static dev.sgreach.engine.Tri.U;

import dev.sgreach.model.Cidr;
import dev.sgreach.model.Direction;
import dev.sgreach.model.Traffic;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Set;

/**
 * One member's side of a who-can-reach (or what-can-be-reached) sweep, decided by ENI class.
 *
 * <p>The flow between the member and a candidate ENI {@code c} is, per address family {@code f}, the candidate's
 * side (its egress towards the member for who-can-reach, its ingress from the member for what-can-be-reached),
 * which depends only on {@code c}'s class, AND the member's own side, which is its group references (they depend
 * only on {@code c}'s class) OR its address rules (they depend only on {@code c}'s addresses). Kleene logic
 * distributes, so
 *
 * <pre>flow(c) = OR over f of  theirs_f(class) AND (references(class) OR addresses_f(c))</pre>
 *
 * <p>The query judges both class parts once per class ({@link SideJudge#judge} on the class's representative, the
 * references of {@link PreparedSide}), and turns the address rules into runs of the sorted address array
 * ({@link AddressIndex}). A class is then decided whole, or depends on its members' addresses; members are looked at
 * only when the answer is listed ({@link #expand}).
 */
final class ReachersQuery {
  private final Index index;
  private final SideJudge sides;
  private final int me;
  private final List<Cidr> myAddresses;
  private final Traffic traffic;
  private final Direction theirs;
  private final PreparedSide own;
  private final SidesAgainst candidates;
  /** The judge of whole flows, with the packet path when the engine checks one. */
  private final FlowJudge flows;
  /** Per family (0 IPv4, 1 IPv6): the positions in {@link #myAddresses} of the member's addresses of that family. */
  private final int[][] addressesOf = new int[2][];

  /** Per family (0 IPv4, 1 IPv6): the member's address rules' value for addresses outside every matched block. */
  private final int[] baseline = new int[2];
  /** Per family: the runs of sorted-address positions inside a matched block, and the blocks (for prefixes). */
  private final Spans[] matchedPositions = {new Spans(), new Spans()};
  private final List<List<Cidr>> matchedBlocks = List.of(new ArrayList<>(), new ArrayList<>());
  /** Per family: whether the traffic can travel between the member and a candidate in it. */
  private final boolean[] travels = new boolean[2];

  /** Per class: their side per family (-1 when the class has no such address or cannot carry the traffic). */
  private final byte[][] theirSide;
  private final byte[] byReference;
  /** Per class: the class-wide value (members outside every matched block) and whether members can do better. */
  private final byte[] classValue;
  private final BitSet addressDependent = new BitSet();

  ReachersQuery(Index index, SideJudge sides, FlowJudge flows, Direction own, Member member, int me,
      Traffic traffic) {
    this.index = index;
    this.sides = sides;
    this.flows = flows;
    this.me = me;
    this.myAddresses = member.addresses();
    this.traffic = traffic;
    this.theirs = own == Direction.INGRESS ? Direction.EGRESS : Direction.INGRESS;
    this.own = sides.prepare(own, me, traffic);
    this.candidates = sides.against(theirs, me, myAddresses, traffic);
    for (int s = 0, f = 4; s < 2; s++, f = 6) {
      int family = f;
      addressesOf[s] = java.util.stream.IntStream.range(0, myAddresses.size())
          .filter(i -> myAddresses.get(i).family() == family).toArray();
    }
    int classes = index.classCount();
    this.theirSide = new byte[2][classes];
    this.byReference = new byte[classes];
    this.classValue = new byte[classes];
    prepareAddresses();
    decideClasses();
  }

  private static int slot(int family) {
    return family == 4 ? 0 : 1;
  }

  /** The member's address rules as runs of the sorted address array, per family the member can talk in. */
  private void prepareAddresses() {
    boolean unknownPeer = !own.unknownPeers().isEmpty();
    for (Cidr a : myAddresses) {
      int f = a.family();
      travels[slot(f)] |= traffic.family() == 0 || traffic.family() == f;
    }
    for (int s = 0, f = 4; s < 2; s++, f = 6) {
      int base = own.party(f);
      if (base != T && unknownPeer) {
        base = U;
      }
      List<Cidr> blocks = own.matchedBlocks(f);
      for (Cidr b : blocks) {
        if (b.isAnywhere()) {
          base = T;
        }
      }
      baseline[s] = base;
      if (base == T || !travels[s]) {
        continue;
      }
      // mark each address once: blocks inside an earlier (wider or equal) block add nothing
      blocks.sort(null);
      Cidr kept = null;
      for (Cidr block : blocks) {
        if (kept != null && kept.contains(block)) {
          continue;
        }
        kept = block;
        int start = index.addresses().start(block);
        int end = index.addresses().end(block, start);
        if (end > start) {
          matchedPositions[s].add(start, end - 1);
        }
        matchedBlocks.get(s).add(block);
      }
      matchedPositions[s].normalize();
    }
  }

  /** Every class's parts and class-wide value. */
  private void decideClasses() {
    BitSet referenced = new BitSet();
    for (CompiledRule r : own.references) {
      referenced.set(r.referencedGroup);
    }
    BitSet candidates = new BitSet();
    for (int g = referenced.nextSetBit(0); g >= 0; g = referenced.nextSetBit(g + 1)) {
      for (int k : index.classesOfGroup[g]) {
        candidates.set(k);
      }
    }
    for (int k = 0; k < index.classCount(); k++) {
      int rep = index.classRepresentative[k];
      int ref = candidates.get(k) ? own.byReference(rep) : F;
      byReference[k] = (byte) ref;
      int value = F;
      boolean dependent = false;
      for (int s = 0, f = 4; s < 2; s++, f = 6) {
        theirSide[s][k] = -1;
        if (!travels[s] || (index.classFamilies[k] & Index.familyBit(f)) == 0) {
          continue;
        }
        int mine = Tri.or(ref, baseline[s]);
        boolean better = mine != T && !matchedBlocks.get(s).isEmpty();
        if (mine == F && !better) {
          continue; // nothing of this family can get through: skip judging their side
        }
        int t = theirSideOf(k, rep, f);
        theirSide[s][k] = (byte) t;
        value = Tri.or(value, Tri.and(t, mine));
        dependent |= better && t != F;
      }
      classValue[k] = (byte) value;
      if (dependent && value != T) {
        addressDependent.set(k);
      }
    }
  }

  /** The candidate class's side towards (or from) the member's addresses of one family: the OR over them. */
  private int theirSideOf(int k, int rep, int family) {
    if (candidates.open(k, family)) {
      return T;
    }
    int result = F;
    for (int i : addressesOf[slot(family)]) {
      result = Tri.or(result, candidates.side(k, rep, i));
      if (result == T) {
        break;
      }
    }
    return result;
  }

  /** The member's address rules' value for candidate ENI {@code c}'s addresses of one family. */
  private int addressValue(int c, int family) {
    int s = slot(family);
    for (int p : index.addresses().positions(c)) {
      if (matchedPositions[s].contains(p)) {
        return T;
      }
    }
    for (Cidr prefix : index.addresses().prefixes(c)) {
      if (prefix.family() == family) {
        for (Cidr block : matchedBlocks.get(s)) {
          if (block.overlaps(prefix)) {
            return T;
          }
        }
      }
    }
    return baseline[s];
  }

  /** The flow's value for one candidate ENI of class {@code k} whose class is address-dependent. */
  private int memberValue(int c, int k) {
    int value = F;
    for (int s = 0, f = 4; s < 2; s++, f = 6) {
      if (theirSide[s][k] < 0) {
        continue;
      }
      int mine = Tri.or(byReference[k], addressValue(c, f));
      value = Tri.or(value, Tri.and(theirSide[s][k], mine));
    }
    return value;
  }

  /**
   * Sets the bits of the ENIs (the member's own excluded) whose flow is allowed, and of those whose flow is unknown.
   * A flow with a stand-in address on either end ({@link Index#standInEnis}: an address known only to lie in a block),
   * or with a pod's branch ENI or its node in standard mode ({@link SideJudge#judgedAlone}), is judged whole, pair by
   * pair, since the class and address shortcuts read addresses as they are and classes do not tell hosts apart.
   */
  void expand(BitSet allowed, BitSet unknown) {
    if (flows.paths().isPresent()) {
      expandOverPath(allowed, unknown);
      return;
    }
    boolean meStandsIn = me >= 0 && sides.judgedAlone(me);
    FlowJudge whole = sides.anyJudgedAlone() ? new FlowJudge(index, sides) : null;
    for (int k = 0; k < index.classCount(); k++) {
      int cv = classValue[k];
      boolean dependent = addressDependent.get(k);
      for (int c : index.classMembers[k]) {
        if (c == me) {
          continue;
        }
        int v;
        if (whole != null && (meStandsIn || sides.judgedAlone(c))) {
          v = theirs == Direction.EGRESS
              ? whole.flow(c, index.eniAddresses[c], me, myAddresses, traffic)
              : whole.flow(me, myAddresses, c, index.eniAddresses[c], traffic);
        } else if (cv == F && !dependent) {
          continue;
        } else {
          v = dependent ? Tri.or(cv, memberValue(c, k)) : cv;
        }
        if (v == T) {
          allowed.set(c);
        } else if (v == U) {
          unknown.set(c);
        }
      }
    }
  }

  /**
   * {@link #expand} when the packet path is checked: each candidate's whole flow, pair by pair, security groups AND
   * the path both ways ({@link FlowJudge#flow}), exactly as {@code reach} judges it. The class shortcuts do not
   * carry over: a NAT gateway on the way makes the destination's groups judge another source address, so a flow the
   * groups deny between the two private addresses can still get through.
   */
  private void expandOverPath(BitSet allowed, BitSet unknown) {
    for (int c = 0; c < index.enis.length; c++) {
      if (c == me) {
        continue;
      }
      int v = theirs == Direction.EGRESS
          ? flows.flow(c, index.eniAddresses[c], me, myAddresses, traffic)
          : flows.flow(me, myAddresses, c, index.eniAddresses[c], traffic);
      if (v == T) {
        allowed.set(c);
      } else if (v == U) {
        unknown.set(c);
      }
    }
  }

  /**
   * The outside blocks the member's own rules admit (of the families it has), the addresses security groups never
   * filter for it ({@link NeverFiltered}), what makes outside parties unknown and the blocks where they are
   * ({@code unknownBlocks}: every address of the member's families when the reason holds for any address). A pod
   * whose packets leave the VPC as its node ({@link PodSnat}) can reach, outside the VPC, what its node's rules admit.
   */
  void outside(Set<Cidr> blocks, Set<Cidr> services, Set<String> unknownWhy, Set<Cidr> unknownBlocks,
      String memberLabel) {
    Set<Cidr> mine = new java.util.LinkedHashSet<>();
    Set<String> why = new java.util.LinkedHashSet<>();
    admitted(me, own, myAddresses, mine, why, memberLabel);
    boolean pod = own.direction == Direction.EGRESS && sides.translates(me) && hasFamily(4);
    if (me >= 0 && sides.party(me) != T) {
      if (pod) {
        podServices(services);
      } else {
        services.addAll(sides.neverFilteredBlocks(me, families(myAddresses)));
      }
    }
    if (pod) {
      podOutside(mine, why, blocks, unknownWhy, unknownBlocks);
      return;
    }
    blocks.addAll(mine);
    unknownWhy.addAll(why);
    if (!why.isEmpty()) {
      unknownBlocks.addAll(anywhere(myAddresses));
    }
  }

  /** What ENI {@code eni}'s side {@code side} admits of outside parties, for a member with these addresses. */
  private void admitted(int eni, PreparedSide side, List<Cidr> addresses, Set<Cidr> blocks, Set<String> unknownWhy,
      String label) {
    if (side.direction == Direction.INGRESS && sides.listenerBound(eni)) {
      int v = sides.listenerValue(eni, traffic);
      if (v == T) {
        blocks.addAll(anywhere(addresses));
      } else if (v == U) {
        unknownWhy.add(sides.listenerNote(eni));
      }
      return;
    }
    if (eni >= 0 && sides.party(eni) == T) {
      blocks.addAll(anywhere(addresses));
      return;
    }
    int families = families(addresses);
    for (Cidr b : side.matchedBlocks(0)) {
      if ((families & Index.familyBit(b.family())) != 0) {
        blocks.add(b);
      }
    }
    for (CompiledRule r : side.unknownPeers()) {
      unknownWhy.add(r.group.label() + ": " + r.rule.describe() + ": the prefix list's entries are not in the snapshot");
    }
    if (eni >= 0) {
      String dns = sides.dnsUnknown(eni);
      if (dns != null && (families & 1) != 0 && side.direction == Direction.EGRESS) {
        unknownWhy.add(dns);
      }
      for (String g : index.missingGroups(eni)) {
        unknownWhy.add(label + " carries " + g + ", whose rules are not in the snapshot");
      }
    }
  }

  /**
   * {@link #outside} for a pod in standard mode: IPv6 and the IPv4 inside its VPC as its own rules admit; the IPv4
   * outside its VPC as its node's primary ENI's rules do; where the snapshot cannot tell inside from outside (no
   * record of the VPC's blocks), allowed where both admit and unknown where either may.
   */
  private void podOutside(Set<Cidr> mine, Set<String> why, Set<Cidr> blocks, Set<String> unknownWhy,
      Set<Cidr> unknownBlocks) {
    PodSnat snat = sides.snat();
    List<Cidr> vpc = snat.vpcBlocks(me);
    Cidr any4 = Cidr.parse("0.0.0.0/0");
    List<Cidr> mine4 = new ArrayList<>();
    for (Cidr b : mine) {
      if (b.isIpv4()) {
        mine4.add(b);
      } else {
        blocks.add(b);
      }
    }
    unknownWhy.addAll(why);
    if (!why.isEmpty() && hasFamily(6)) {
      unknownBlocks.add(Cidr.parse("::/0"));
    }
    if (vpc != null) {
      blocks.addAll(intersection(mine4, vpc));
      if (!why.isEmpty()) {
        unknownBlocks.addAll(vpc);
      }
    }
    int node = snat.node(me);
    Set<Cidr> nodeMine = new java.util.LinkedHashSet<>();
    Set<String> nodeWhy = new java.util.LinkedHashSet<>();
    if (node >= 0) {
      List<Cidr> nodeAddress = List.of(snat.address(node));
      admitted(node, sides.prepare(Direction.EGRESS, node, traffic), nodeAddress, nodeMine, nodeWhy,
          index.enis[node].id());
      unknownWhy.addAll(nodeWhy);
    }
    Cidr far = myAddresses.stream().filter(Cidr::isIpv4).findFirst().get();
    if (vpc == null) {
      unknownWhy.add(snat.remark(me, PodSnat.MAYBE, any4));
      if (node >= 0) {
        blocks.addAll(intersection(mine4, List.copyOf(nodeMine)));
      }
      unknownBlocks.addAll(mine4);
      unknownBlocks.addAll(nodeMine);
      if (!why.isEmpty() || !nodeWhy.isEmpty() || node < 0) {
        unknownBlocks.add(any4);
      }
      return;
    }
    if (node < 0) {
      unknownWhy.add(snat.remark(me, PodSnat.NODE_MISSING, far));
      unknownBlocks.addAll(Internet.complement(any4, vpc));
      return;
    }
    for (Cidr b : nodeMine) {
      blocks.addAll(Internet.complement(b, vpc));
    }
    if (!nodeWhy.isEmpty()) {
      unknownBlocks.addAll(Internet.complement(any4, vpc));
    }
  }

  /**
   * The addresses security groups never filter for a pod that may leave as its node: its own where its packets leave
   * as itself, its node's where they leave as the node, and those of both where the snapshot cannot tell.
   */
  private void podServices(Set<Cidr> services) {
    PodSnat snat = sides.snat();
    int node = snat.node(me);
    java.util.Collection<Cidr> nodeServices = node < 0 ? List.of() : sides.neverFilteredBlocks(node, 1);
    for (Cidr c : sides.neverFilteredBlocks(me, families(myAddresses))) {
      if (snat.sentAs(me, -1, c) == PodSnat.AS_ITSELF || nodeServices.contains(c)) {
        services.add(c);
      }
    }
    for (Cidr c : nodeServices) {
      if (snat.sentAs(me, -1, c) >= 0) {
        services.add(c);
      }
    }
  }

  /** The addresses both lists of blocks hold, as blocks (two CIDR blocks that overlap nest). */
  private static List<Cidr> intersection(List<Cidr> a, List<Cidr> b) {
    List<Cidr> out = new ArrayList<>();
    for (Cidr x : a) {
      for (Cidr y : b) {
        if (x.family() == y.family() && x.overlaps(y)) {
          out.add(x.contains(y) ? y : x);
        }
      }
    }
    return out;
  }

  /** Every address of the families these addresses have. */
  private static List<Cidr> anywhere(List<Cidr> addresses) {
    List<Cidr> out = new ArrayList<>();
    int families = families(addresses);
    if ((families & 1) != 0) {
      out.add(Cidr.parse("0.0.0.0/0"));
    }
    if ((families & 2) != 0) {
      out.add(Cidr.parse("::/0"));
    }
    return out;
  }

  private static int families(List<Cidr> addresses) {
    int families = 0;
    for (Cidr a : addresses) {
      families |= Index.familyBit(a.family());
    }
    return families;
  }

  private boolean hasFamily(int family) {
    for (Cidr a : myAddresses) {
      if (a.family() == family) {
        return true;
      }
    }
    return false;
  }
}
