package dev.sgreach.engine;

import dev.sgreach.engine.Index.CompiledRule;
import dev.sgreach.model.Cidr;
import dev.sgreach.model.Direction;
import dev.sgreach.model.Traffic;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Set;

/**
 * One member's side of a who-can-reach (or what-can-be-reached) sweep, arranged so that the sweep costs per candidate
 * ENI a few array reads instead of a rule scan.
 *
 * <p>The member's own rules (ingress for who-can-reach, egress for what-can-be-reached) that admit the traffic are
 * split into group references, judged once per ENI class, and address rules (CIDRs, prefix lists), judged per
 * candidate address. The candidates' rules in the other direction depend only on their class and the member's
 * address, so they are judged once per class and member address and cached.
 */
final class ReachersQuery {
  private final Index index;
  private final Direction own;
  private final int me;
  private final List<Cidr> myAddresses;
  private final Traffic traffic;
  private final int family;
  private final int baseline;
  private final CompiledRule[] refRules;
  private final CompiledRule[] addressRules;
  /** Per class: -1 not yet judged, else F/T for the member's group-reference rules. */
  private final byte[] refByClass;
  /** Per class and member address: -1 not yet judged, else the candidates' side (F/T/U). */
  private final byte[] otherSideByClass;

  ReachersQuery(Index index, Direction own, int me, List<Cidr> myAddresses, Traffic traffic) {
    this.index = index;
    this.own = own;
    this.me = me;
    this.myAddresses = myAddresses;
    this.traffic = traffic;
    this.family = traffic.family();
    int proto = traffic.protocol().number();
    int key = traffic.key();
    List<CompiledRule> refs = new ArrayList<>();
    List<CompiledRule> addrs = new ArrayList<>();
    int base = Index.F;
    if (me < 0 || index.eniUnfiltered[me]) {
      base = Index.T;
    } else {
      if (index.eniMissingGroup[me]) {
        base = Index.U;
      }
      for (int g : index.eniGroups[me]) {
        CompiledRule[] rules = index.rules(g, own);
        if (rules == null) {
          continue;
        }
        for (CompiledRule r : rules) {
          if (!r.admits(proto, key)) {
            continue;
          }
          if (r.kind == CompiledRule.GROUP) {
            if (!r.deadReference) {
              refs.add(r);
            }
          } else {
            addrs.add(r);
          }
        }
      }
    }
    this.baseline = base;
    this.refRules = refs.toArray(new CompiledRule[0]);
    this.addressRules = addrs.toArray(new CompiledRule[0]);
    int classes = index.classRepresentative.length;
    this.refByClass = new byte[classes];
    Arrays.fill(refByClass, (byte) -1);
    this.otherSideByClass = new byte[classes * Math.max(1, myAddresses.size())];
    Arrays.fill(otherSideByClass, (byte) -1);
  }

  /** True when the member's own side may admit every ENI (so every ENI is a candidate). */
  boolean admitsAllCandidates() {
    if (baseline != Index.F) {
      return true;
    }
    for (CompiledRule r : addressRules) {
      if (r.kind == CompiledRule.PREFIX_LIST && r.entries == null || r.kind == CompiledRule.CIDR && r.cidr.length() == 0) {
        return true;
      }
    }
    return false;
  }

  /** Adds the ENIs the member's own rules can name: carriers of referenced groups, owners of addresses in blocks. */
  void addCandidates(BitSet out, Set<Cidr> outside, Set<String> outsideUnknown, Set<Integer> families,
      String memberLabel) {
    if (admitsAllCandidates()) {
      out.set(0, index.enis.length);
    }
    for (CompiledRule r : refRules) {
      for (int e : index.carriers[r.referencedGroup]) {
        out.set(e);
      }
    }
    for (CompiledRule r : addressRules) {
      if (r.kind == CompiledRule.CIDR) {
        if (families.contains(r.cidr.family())) {
          outside.add(r.cidr);
        }
        index.markWithin(r.cidr, out);
      } else if (r.entries == null) {
        outsideUnknown.add(r.group.label() + ": " + r.rule.describe()
            + ": the prefix list's entries are not in the snapshot");
      } else {
        for (Cidr block : r.entries) {
          if (families.contains(block.family())) {
            outside.add(block);
          }
          index.markWithin(block, out);
        }
      }
    }
  }

  /** The flow's outcome between the member and candidate ENI {@code c} (F/T/U). */
  int judge(int c) {
    int cls = index.eniClass[c];
    int ref = refByClass[cls];
    if (ref < 0) {
      ref = judgeRefs(c);
      refByClass[cls] = (byte) ref;
    }
    List<Cidr> theirs = index.eniAddresses[c];
    int result = Index.F;
    for (int i = 0, n = myAddresses.size(); i < n; i++) {
      Cidr mine = myAddresses.get(i);
      for (int j = 0, m = theirs.size(); j < m; j++) {
        Cidr their = theirs.get(j);
        if (!Index.usable(mine, their, family)) {
          continue;
        }
        int slot = cls * n + i;
        int other = otherSideByClass[slot];
        if (other < 0) {
          Direction theirDirection = own == Direction.INGRESS ? Direction.EGRESS : Direction.INGRESS;
          other = index.side(theirDirection, c, me, mine, traffic);
          otherSideByClass[slot] = (byte) other;
        }
        if (other == Index.F) {
          continue;
        }
        int mineSide = ref == Index.T ? Index.T : ownAddressSide(their);
        if (mineSide == Index.F) {
          continue;
        }
        if (mineSide == Index.T && other == Index.T) {
          return Index.T;
        }
        result = Index.U;
      }
    }
    return result;
  }

  private int judgeRefs(int c) {
    if (baseline == Index.T) {
      return Index.T;
    }
    for (CompiledRule r : refRules) {
      if (index.carries(c, r.referencedGroup) && index.connected(me, c)) {
        return Index.T;
      }
    }
    return Index.F;
  }

  private int ownAddressSide(Cidr their) {
    int result = baseline;
    for (CompiledRule r : addressRules) {
      int m = index.peerMatch(r, me, -1, their);
      if (m == Index.T) {
        return Index.T;
      }
      if (m == Index.U) {
        result = Index.U;
      }
    }
    return result;
  }
}
