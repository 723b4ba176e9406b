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
  /** Families (1 IPv4, 2 IPv6) whose every address the member's own address rules admit (a {@code /0} peer). */
  private final int anyAddress;
  /**
   * Per class: -1 not yet judged, else the families for which every ENI of the class with an address of that family
   * is surely allowed (both sides decided without looking at its addresses).
   */
  private final byte[] decidedByClass;
  private final Direction theirs;

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
    int any = 0;
    for (CompiledRule r : addressRules) {
      if (r.kind == CompiledRule.CIDR && r.cidr.length() == 0) {
        any |= Index.familyBit(r.cidr.family());
      } else if (r.kind == CompiledRule.PREFIX_LIST && r.entries != null) {
        for (Cidr e : r.entries) {
          if (e.length() == 0) {
            any |= Index.familyBit(e.family());
          }
        }
      }
    }
    this.anyAddress = any;
    this.theirs = own == Direction.INGRESS ? Direction.EGRESS : Direction.INGRESS;
    int classes = index.classRepresentative.length;
    this.refByClass = new byte[classes];
    Arrays.fill(refByClass, (byte) -1);
    this.otherSideByClass = new byte[classes * Math.max(1, myAddresses.size())];
    Arrays.fill(otherSideByClass, (byte) -1);
    this.decidedByClass = new byte[classes];
    Arrays.fill(decidedByClass, (byte) -1);
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
    boolean all = admitsAllCandidates();
    if (all) {
      out.set(0, index.enis.length);
    }
    BitSet referenced = new BitSet();
    for (CompiledRule r : refRules) {
      referenced.set(r.referencedGroup);
    }
    List<Cidr> blocks = new ArrayList<>();
    for (CompiledRule r : addressRules) {
      if (r.kind == CompiledRule.CIDR) {
        blocks.add(r.cidr);
      } else if (r.entries == null) {
        outsideUnknown.add(r.group.label() + ": " + r.rule.describe()
            + ": the prefix list's entries are not in the snapshot");
      } else {
        blocks.addAll(List.of(r.entries));
      }
    }
    for (Cidr block : blocks) {
      if (families.contains(block.family())) {
        outside.add(block);
      }
    }
    if (all) {
      return;
    }
    for (int g = referenced.nextSetBit(0); g >= 0; g = referenced.nextSetBit(g + 1)) {
      for (int e : index.carriers[g]) {
        out.set(e);
      }
    }
    // mark each address once: blocks inside an earlier (wider or equal) block add nothing
    blocks.sort(null);
    Cidr kept = null;
    for (Cidr block : blocks) {
      if (kept != null && kept.contains(block)) {
        continue;
      }
      kept = block;
      index.markWithin(block, out);
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
    int decided = decidedByClass[cls];
    if (decided < 0) {
      decided = decided(c, cls, ref);
      decidedByClass[cls] = (byte) decided;
    }
    if ((index.eniFamilies[c] & decided) != 0) {
      return Index.T;
    }
    List<Cidr> theirAddresses = index.eniAddresses[c];
    int result = Index.F;
    for (int i = 0, n = myAddresses.size(); i < n; i++) {
      Cidr mine = myAddresses.get(i);
      for (int j = 0, m = theirAddresses.size(); j < m; j++) {
        Cidr their = theirAddresses.get(j);
        if (!Index.usable(mine, their, family)) {
          continue;
        }
        int other = otherSide(c, cls, i);
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

  /**
   * The candidates' side (their rules in the other direction) towards member address {@code i}, for class
   * {@code cls}; cached per class and address.
   */
  private int otherSide(int c, int cls, int i) {
    int slot = cls * myAddresses.size() + i;
    int other = otherSideByClass[slot];
    if (other < 0) {
      Cidr mine = myAddresses.get(i);
      other = (index.classOpen[theirs == Direction.INGRESS ? 0 : 1][cls] & Index.familyBit(mine.family())) != 0
          ? Index.T : index.side(theirs, c, me, mine, traffic);
      otherSideByClass[slot] = (byte) other;
    }
    return other;
  }

  /** The families for which every ENI of class {@code cls} is surely allowed, whatever its addresses. */
  private int decided(int c, int cls, int ref) {
    int families = 0;
    for (int i = 0, n = myAddresses.size(); i < n; i++) {
      Cidr mine = myAddresses.get(i);
      int bit = Index.familyBit(mine.family());
      if ((families & bit) != 0 || family != 0 && family != mine.family()) {
        continue;
      }
      boolean mineSure = ref == Index.T || (anyAddress & bit) != 0;
      if (mineSure && otherSide(c, cls, i) == Index.T) {
        families |= bit;
      }
    }
    return families;
  }

  private int judgeRefs(int c) {
    if (baseline == Index.T) {
      return Index.T;
    }
    for (CompiledRule r : refRules) {
      if (index.referenceMatches(r, me, c)) {
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
