package dev.sgreach.engine;

import dev.sgreach.engine.NaiveEvaluator.Addr;
import dev.sgreach.engine.NaiveEvaluator.Party;
import dev.sgreach.model.Cidr;
import dev.sgreach.model.Direction;
import dev.sgreach.model.Network;
import dev.sgreach.model.NetworkInterface;
import dev.sgreach.model.Protocol;
import dev.sgreach.model.Rule;
import dev.sgreach.model.SecurityGroup;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checks an engine verdict's proof with the naive oracle, flow by flow: the explained address pair is a pair of the
 * two members, each side's outcome is the oracle's, every rule named as admitting really admits (and those rules
 * alone suffice), every near miss really misses, unknown sides name missing data, and a denied flow proposes one fix
 * per blocking side that has a group to add it to. {@link #fixProblems} then applies a flow's fixes and checks that
 * the flow gets through and that nothing else opens between the two ENIs, either way.
 */
final class ProofCheck {
  private final NaiveEvaluator oracle;
  private final Network network;

  ProofCheck(NaiveEvaluator oracle, Network network) {
    this.oracle = oracle;
    this.network = network;
  }

  /** The oracle's party for an engine member: its ENI (or none) and its addresses. */
  static Party party(Member m) {
    List<Addr> addresses = new ArrayList<>();
    for (Cidr c : m.addresses()) {
      addresses.add(addr(c));
    }
    return new Party(m.eni().orElse(null), addresses, m.publicAddress().map(ProofCheck::addr).orElse(null));
  }

  static Addr addr(Cidr c) {
    NaiveEvaluator.Block b = NaiveEvaluator.block(c);
    return new Addr(b.family(), b.value(), b.length());
  }

  /** Everything wrong with the verdict's proof; empty when the oracle agrees with every part of it. */
  List<String> problems(Verdict v) {
    List<String> out = new ArrayList<>();
    for (Flow f : v.flows()) {
      flowProblems(f, out);
    }
    return out;
  }

  private void flowProblems(Flow f, List<String> out) {
    String at = f + ": ";
    Party s = party(f.source());
    Party d = party(f.destination());
    NaiveOutcome expected = oracle.reach(s, d, f.traffic());
    if (!ProductionEvaluator.naive(f.outcome()).equals(expected)) {
      out.add(at + "flow outcome " + f.outcome() + ", oracle " + expected);
    }
    if (f.egress().isEmpty() || f.ingress().isEmpty()) {
      boolean anyPair = false;
      for (Addr a : s.addresses()) {
        for (Addr b : d.addresses()) {
          anyPair |= oracle.usablePair(a, b, f.traffic());
        }
      }
      if (untold(s, d, f.traffic()) && f.outcome() == Outcome.UNKNOWN && f.remark().isPresent()) {
        return;
      }
      if (anyPair || f.remark().isEmpty()) {
        out.add(at + "no sides explained, but the members have a usable address pair (or no remark says why)");
      }
      return;
    }
    SideCheck e = f.egress().get();
    SideCheck i = f.ingress().get();
    List<Cidr> sentFrom = f.source().addresses();
    Party pod = s;
    if (!s.outside() && e.member().eni().isPresent() && !e.member().eni().get().id().equals(s.eni().id())) {
      // a pod's packet translated to its node's primary ENI: the node's side must be the one the oracle names
      Party node = oracle.podNode(s);
      Addr to = oracle.throughPublic(s, d) ? d.publicAt() : addr(e.remoteAddress());
      String way = oracle.throughPublic(s, d) ? oracle.podSnat(s, new Party(null, List.of(to)), to)
          : oracle.podSnat(s, d, to);
      if (node == null || !node.eni().id().equals(e.member().eni().get().id()) || way.equals("itself")) {
        out.add(at + "the egress side is " + e.member().label() + "'s, but the oracle sends as " + way);
        return;
      }
      s = node;
      sentFrom = List.of(node.eni().privateIpv4().get(0));
    }
    if (oracle.throughPublic(s, d)) {
      publicProblems(at, f, e, i, s, d, sentFrom, out);
      return;
    }
    if (!e.remoteAddress().equals(i.localAddress()) || !e.localAddress().equals(i.remoteAddress())
        || !sentFrom.contains(e.localAddress())
        || !f.destination().addresses().contains(e.remoteAddress())) {
      out.add(at + "the two sides do not explain one address pair of the members: " + e.localAddress() + " -> "
          + e.remoteAddress() + " and " + i.remoteAddress() + " -> " + i.localAddress());
      return;
    }
    sideProblems(at, e, s, d, f, out);
    sideProblems(at, i, d, s, f, out);
    switch (f.outcome()) {
      case ALLOWED -> {
        if (e.outcome() != Outcome.ALLOWED || i.outcome() != Outcome.ALLOWED) {
          out.add(at + "allowed, but the explained pair is " + e.outcome() + " / " + i.outcome());
        } else if (oracleWithOnly(List.of(e, i)).reach(pod, d, f.traffic()) != NaiveOutcome.ALLOWED
            && !untold(pod, d, f.traffic())) {
          out.add(at + "the rules of the proof alone do not admit the flow");
        }
      }
      case DENIED -> {
        if (f.blockingSides().isEmpty()) {
          out.add(at + "denied, but no side of the explained pair blocks");
        }
      }
      case UNKNOWN -> {
        if (e.outcome() == Outcome.DENIED || i.outcome() == Outcome.DENIED
            || e.outcome() != Outcome.UNKNOWN && i.outcome() != Outcome.UNKNOWN) {
          out.add(at + "unknown, but the explained pair is " + e.outcome() + " / " + i.outcome());
        }
      }
      default -> throw new IllegalStateException();
    }
    int fixable = 0;
    for (SideCheck side : f.blockingSides()) {
      fixable += side.member().eni().map(x -> presentGroups(x).isEmpty() ? 0 : 1).orElse(0);
    }
    if (f.fixes().size() != (f.outcome() == Outcome.DENIED ? fixable : 0)) {
      out.add(at + f.fixes().size() + " fixes for " + fixable + " fixable blocking sides");
    }
    for (Fix fix : f.fixes()) {
      boolean onABlockingSide = f.blockingSides().stream().anyMatch(side -> side.direction()
          == fix.rule().direction() && side.member().eni().map(x -> presentGroups(x).stream()
          .anyMatch(g -> g.id().equals(fix.groupId()))).orElse(false));
      if (!onABlockingSide) {
        out.add(at + "fix " + fix + " is not on a group of a blocking side in that side's direction");
      }
    }
  }

  /**
   * True when, for some usable pair, the network cannot tell which ENI a pod's packet leaves as (standard mode's
   * SNAT with the VPC's blocks or the node's primary ENI missing): the proof then shows one way, and its rules and
   * fixes decide that way only, the flow staying unknown unless the other way agrees.
   */
  private boolean untold(Party s, Party d, dev.sgreach.model.Traffic t) {
    for (Addr a : s.addresses()) {
      for (Addr b : d.addresses()) {
        if (oracle.usablePair(a, b, t)) {
          Addr to = oracle.throughPublic(s, d) ? d.publicAt() : b;
          String way = oracle.throughPublic(s, d) ? oracle.podSnat(s, new Party(null, List.of(to)), to)
              : oracle.podSnat(s, d, b);
          if (way.equals("maybe") || way.equals("node") && oracle.podNode(s) == null) {
            return true;
          }
        }
      }
    }
    return false;
  }

  private List<SecurityGroup> presentGroups(NetworkInterface eni) {
    return eni.securityGroupIds().stream().map(id -> network.securityGroups().get(id)).filter(g -> g != null)
        .toList();
  }

  /** One side: the oracle's outcome, every match a real match, every near miss a real miss, unknowns explained. */
  private void sideProblems(String at, SideCheck side, Party self, Party other, Flow f, List<String> out) {
    boolean egress = side.direction() == Direction.EGRESS;
    Addr otherAt = addr(side.remoteAddress());
    NaiveOutcome expected = oracle.side(self, egress, other, otherAt, f.traffic());
    if (!ProductionEvaluator.naive(side.outcome()).equals(expected)) {
      out.add(at + side.title() + " is " + side.outcome() + ", oracle " + expected);
    }
    boolean admitsAll = self.outside() || oracle.unfiltered(self.eni()) || oracle.toItself(self, other)
        || oracle.onOneNode(self, other) || other.outside() && oracle.neverFiltered(self.eni(), otherAt) == NaiveOutcome.ALLOWED;
    if (side.outcome() == Outcome.ALLOWED && !admitsAll && side.matches().isEmpty()) {
      out.add(at + side.title() + " is allowed by no rule it names");
    }
    for (RuleMatch m : side.matches()) {
      if (!admits(self, m.group(), m.rule(), side.direction(), other, addr(m.matchedAddress()), f)) {
        out.add(at + side.title() + " names " + m + ", which does not admit the flow");
      }
    }
    for (NearMiss n : side.nearMisses()) {
      if (admits(self, n.group(), n.rule(), side.direction(), other, otherAt, f)) {
        out.add(at + side.title() + " calls " + n + " a near miss, but it admits the flow");
      }
    }
    if (side.outcome() == Outcome.UNKNOWN && side.missing().isEmpty()) {
      out.add(at + side.title() + " is unknown but names no missing data");
    }
  }

  /** True when the rule is one of the self ENI's groups' rules of that direction and admits the flow. */
  private boolean admits(Party self, SecurityGroup group, Rule rule, Direction d, Party other, Addr otherAt,
      Flow f) {
    if (self.outside() || !self.eni().securityGroupIds().contains(group.id())
        || !network.securityGroups().get(group.id()).rules(d).contains(rule)) {
      return false;
    }
    var t = f.traffic();
    return oracle.portsMatch(rule, t.protocol().number(), t.port(), t.icmpType(), t.icmpCode())
        && oracle.peerMatches(rule, self.eni(), other, otherAt) == NaiveOutcome.ALLOWED;
  }

  /** The oracle over the network with every group keeping only the rules these sides name as admitting. */
  private NaiveEvaluator oracleWithOnly(List<SideCheck> sides) {
    Map<String, SecurityGroup.Builder> kept = new HashMap<>();
    for (SecurityGroup g : network.securityGroups().values()) {
      kept.put(g.id(), g.toBuilder().clearRules());
    }
    for (SideCheck side : sides) {
      for (RuleMatch m : side.matches()) {
        kept.get(m.group().id()).rule(m.rule());
      }
    }
    Network.Builder b = network.toBuilder();
    kept.values().forEach(g -> b.replace(g.build()));
    return new NaiveEvaluator(b.build(), oracle.podMode());
  }

  /**
   * A flow addressed to the destination's public address: the egress side judges the public address as an outside
   * party's, the ingress side the public address the sender is seen with (or is unknown, naming why).
   */
  private void publicProblems(String at, Flow f, SideCheck e, SideCheck i, Party s, Party d, List<Cidr> sentFrom,
      List<String> out) {
    Addr publicAt = d.publicAt();
    if (!addr(e.remoteAddress()).equals(publicAt) || !sentFrom.contains(e.localAddress())
        || !f.destination().addresses().contains(i.localAddress())) {
      out.add(at + "through the public address " + publicAt + ", but the sides explain " + e.localAddress()
          + " -> " + e.remoteAddress() + " and " + i.remoteAddress() + " -> " + i.localAddress());
      return;
    }
    sideProblems(at, e, s, new Party(null, List.of(publicAt)), f, out);
    boolean seen = s.publicAt() != null || !s.eni().publicIpv4().isEmpty();
    if (seen) {
      Addr from = addr(i.remoteAddress());
      sideProblems(at, i, d, new Party(null, List.of(from)), f, out);
    } else if (i.outcome() != Outcome.UNKNOWN || i.missing().isEmpty()) {
      out.add(at + "the sender has no public address, yet the ingress side is " + i.outcome()
          + " or names no missing data");
    }
  }

  // ---------------------------------------------------------------- fixes

  /**
   * Applies the flow's fixes and checks, with the oracle: when every blocking side got a fix, the flow is allowed (or
   * unknown, when a side of the explained pair was unknown); and between the two ENIs (their whole ENIs; an outside
   * party as it is) nothing else changes in the traffic's key space, in either direction (one direction for a flow
   * from an ENI to itself).
   */
  List<String> fixProblems(Flow f) {
    List<String> out = new ArrayList<>();
    if (f.fixes().isEmpty()) {
      return out;
    }
    String at = f + " with " + f.fixes() + ": ";
    Network.Builder b = network.toBuilder();
    Map<String, SecurityGroup.Builder> changed = new HashMap<>();
    for (Fix fix : f.fixes()) {
      changed.computeIfAbsent(fix.groupId(), id -> network.securityGroups().get(id).toBuilder()).rule(fix.rule());
    }
    changed.values().forEach(g -> b.replace(g.build()));
    NaiveEvaluator after = new NaiveEvaluator(b.build(), oracle.podMode());
    Party s = party(f.source());
    Party d = party(f.destination());
    boolean sideUnknown = f.egress().map(x -> x.outcome() == Outcome.UNKNOWN).orElse(false)
        || f.ingress().map(x -> x.outcome() == Outcome.UNKNOWN).orElse(false);
    NaiveOutcome now = after.reach(s, d, f.traffic());
    boolean complete = f.fixes().size() == f.blockingSides().size();
    if (complete && now != NaiveOutcome.ALLOWED
        && !((sideUnknown || untold(s, d, f.traffic())) && now == NaiveOutcome.UNKNOWN)) {
      out.add(at + "the flow is " + now + " after the fixes");
    }
    Party ws = whole(s);
    Party wd = whole(d);
    Protocol p = f.traffic().protocol();
    Protocol space = p.isKeyed() ? p : Protocol.ALL;
    int key = p.isKeyed() ? f.traffic().key() : p.number();
    changedKeys(at + "forward: ", oracle.openPorts(ws, wd, space), after.openPorts(ws, wd, space), key, out);
    if (!ws.equals(wd)) {
      Evaluator.Open before = oracle.openPorts(wd, ws, space);
      Evaluator.Open later = after.openPorts(wd, ws, space);
      if (standsIn(ws) || standsIn(wd)) {
        // a stand-in address may be any address of its block, so an address rule naming the other end (the only
        // fix when both carry the same groups) may also hold it the other way: the reverse may become unknown,
        // never allowed
        BitSet maybe = (BitSet) later.unknown().clone();
        maybe.andNot(before.unknown());
        maybe.andNot(before.allowed());
        BitSet u = (BitSet) later.unknown().clone();
        u.andNot(maybe);
        later = new Evaluator.Open(later.allowed(), u);
      }
      changedKeys(at + "reverse: ", before, later, -1, out);
    }
    return out;
  }

  /** True when some address of the party is a stand-in ({@link Network#standInAddresses()}). */
  private boolean standsIn(Party p) {
    return !p.outside() && p.eni().privateAddresses().stream().anyMatch(network.standInAddresses()::containsKey);
  }

  private Party whole(Party p) {
    return p.outside() ? p : oracle.whole(p.eni());
  }

  /** Every key but {@code allowedToChange} (-1: none) must keep its verdict. */
  private static void changedKeys(String at, Evaluator.Open before, Evaluator.Open after, int allowedToChange,
      List<String> out) {
    BitSet a = (BitSet) before.allowed().clone();
    a.xor(after.allowed());
    BitSet u = (BitSet) before.unknown().clone();
    u.xor(after.unknown());
    a.or(u);
    if (allowedToChange >= 0) {
      a.clear(allowedToChange);
    }
    if (!a.isEmpty()) {
      out.add(at + "the fixes change the verdict of keys " + Agreement.ranges(a));
    }
  }

  static Optional<Flow> firstFixed(Verdict v) {
    return v.flows().stream().filter(f -> !f.fixes().isEmpty()).findFirst();
  }
}
