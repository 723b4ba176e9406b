package dev.sgreach.engine;

import static dev.sgreach.engine.Tri.F;
import static dev.sgreach.engine.Tri.T;
import static dev.sgreach.engine.Tri.U;

import dev.sgreach.model.Cidr;
import dev.sgreach.model.Direction;
import dev.sgreach.model.Traffic;
import java.util.ArrayList;
import java.util.List;

/**
 * The sides of many ENIs (direction {@code d}) against one other party and its addresses, for one traffic: the
 * decision of {@link #judge}, reached from the other end. Instead of reading each ENI's rules, it finds through the
 * {@link PeerIndex} the rules whose peer can match the other party (references to a group it carries, CIDR blocks
 * and prefix lists sharing an address with one of its addresses), keeps those admitting the traffic, and marks
 * their groups; an ENI's side is then its party's value ORed over its groups' marks, with {@link #reference}
 * deciding each candidate reference for that ENI. {@link #side} equals {@link SideJudge#judge} for every ENI.
 */
final class SidesAgainst {
  /** Addresses past the 64 a mark holds are judged the forward way. */
  private static final int MARKED = 64;
  private final Direction direction;
  private final Traffic traffic;
  private final int other;
  private final List<Cidr> otherAddresses;
  /** Per group: bit i set when an address rule of it admits the traffic with the other party at address i. */
  private final long[] addressTrue;
  private final long[] addressUnknown;
  /** Per group: the first candidate reference (an index into {@link #refRules}), -1 for none. */
  private final int[] refHead;
  private final List<CompiledRule> refRules = new ArrayList<>();
  /** Per candidate reference, the next one of its group (an index into {@link #refRules}), -1 for none. */
  private int[] refNext = new int[16];

  private final SideJudge sides;
  private final Index index;

  SidesAgainst(SideJudge sides, Index index, Direction d, int other, List<Cidr> otherAddresses, Traffic traffic) {
    this.sides = sides;
    this.index = index;
    this.direction = d;
    this.traffic = traffic;
    this.other = other;
    this.otherAddresses = otherAddresses;
    int groups = index.groups.length;
    this.addressTrue = new long[groups];
    this.addressUnknown = new long[groups];
    this.refHead = new int[groups];
    java.util.Arrays.fill(refHead, -1);
    PeerIndex peers = index.byPeer(d);
    int proto = traffic.protocol().number();
    int key = traffic.key();
    if (other >= 0) {
      for (int h : index.eniGroups[other]) {
        for (CompiledRule r : peers.referencing[h]) {
          if (r.admits(proto, key)) {
            if (refRules.size() == refNext.length) {
              refNext = java.util.Arrays.copyOf(refNext, 2 * refNext.length);
            }
            refNext[refRules.size()] = refHead[r.groupIndex];
            refRules.add(r);
            refHead[r.groupIndex] = refRules.size() - 1;
          }
        }
      }
    }
    for (int i = 0; i < Math.min(MARKED, otherAddresses.size()); i++) {
      long bit = 1L << i;
      Cidr a = otherAddresses.get(i);
      peers.overlapping(a, rules -> {
        for (CompiledRule r : rules) {
          if (r.admits(proto, key)) {
            addressTrue[r.groupIndex] |= bit;
          }
        }
      });
      for (int l = 0; l < peers.lists.size(); l++) {
        CompiledRule[] rules = peers.listRules.get(l);
        int m = sides.peer(rules[0], -1, -1, a); // the list's entries decide, alike for each rule naming it
        if (m == F) {
          continue;
        }
        long[] marks = m == T ? addressTrue : addressUnknown;
        for (CompiledRule r : rules) {
          if (r.admits(proto, key)) {
            marks[r.groupIndex] |= bit;
          }
        }
      }
    }
  }

  /**
   * True when the side of the ENIs of class {@code k} admits every address of this family at once (what {@link #side}
   * says first for each such address): the class is unfiltered, or has an all-traffic rule whose peer holds them all.
   */
  boolean open(int k, int family) {
    return (sides.openFamilies(direction, k) & Index.familyBit(family)) != 0 || sides.unfilteredClass(k);
  }

  /**
   * The side of the ENIs of class {@code k} (represented by ENI {@code self}) against the other party at its
   * address {@code i}: as {@link SideJudge#judge} for any of them.
   */
  int side(int k, int self, int i) {
    Cidr a = otherAddresses.get(i);
    if (i >= MARKED) {
      return sides.judge(direction, self, other, a, traffic);
    }
    if (open(k, a.family())) {
      return T;
    }
    int result = index.classMissingGroup[k] ? U : F;
    if (other < 0) {
      result = Tri.or(result, sides.neverFiltered(self, direction, a)); // alike for a class: it depends on the VPC alone
      if (result == T) {
        return T;
      }
    }
    long bit = 1L << i;
    for (int at = index.classGroupStart[k], end = index.classGroupStart[k + 1]; at < end; at++) {
      int g = index.classGroups[at];
      if ((addressTrue[g] & bit) != 0) {
        return T;
      }
      for (int c = refHead[g]; c >= 0; c = refNext[c]) {
        int ref = sides.reference(refRules.get(c), self, other);
        if (ref == T) {
          return T;
        }
        result = Tri.or(result, ref);
      }
      if ((addressUnknown[g] & bit) != 0) {
        result = U;
      }
    }
    return result;
  }
}
