package dev.sgreach.engine;

import static dev.sgreach.engine.Tri.F;
import static dev.sgreach.engine.Tri.T;

import dev.sgreach.model.Cidr;
import dev.sgreach.model.Direction;
import dev.sgreach.model.Traffic;
import java.util.ArrayList;
import java.util.List;

/**
 * One party's side of one traffic, arranged for a sweep: the rules admitting the traffic split into group
 * references (which depend only on the other party's ENI class) and address rules (which depend only on the other
 * party's address). {@link #judge(int, Cidr)} equals {@link SideJudge#judge} for every other party.
 */
final class PreparedSide {
  final Direction direction;
  final int self;
  /** Per family (0 IPv4, 1 IPv6): the party's value, T when its class admits every address of the family. */
  private final int[] partyByFamily = new int[2];
  final CompiledRule[] references;
  final CompiledRule[] addressRules;

  private final SideJudge sides;

  PreparedSide(SideJudge sides, Index index, Direction d, int self, Traffic traffic) {
    this.sides = sides;
    this.direction = d;
    this.self = self;
    int base = sides.party(self);
    for (int f = 0; f < 2; f++) {
      partyByFamily[f] = base == T || (sides.openFamilies(d, index.eniClass[self]) & (f + 1)) != 0 ? T : base;
    }
    List<CompiledRule> refs = new ArrayList<>();
    List<CompiledRule> addrs = new ArrayList<>();
    if (base != T) {
      int proto = traffic.protocol().number();
      int key = traffic.key();
      for (int g : index.eniGroups[self]) {
        CompiledRule[] rules = index.rules(g, d);
        if (rules == null) {
          continue;
        }
        for (CompiledRule r : rules) {
          if (r.admits(proto, key)) {
            (r.kind == CompiledRule.GROUP ? refs : addrs).add(r);
          }
        }
      }
    }
    this.references = refs.toArray(new CompiledRule[0]);
    this.addressRules = addrs.toArray(new CompiledRule[0]);
  }

  /** The party's value for other parties of a family, before their address or ENI is looked at. */
  int party(int family) {
    return partyByFamily[family == 4 ? 0 : 1];
  }

  /**
   * The OR of the group references against ENI {@code other} (F for an outside party; U where a reference may match
   * across a Transit Gateway or a peering the snapshot lacks).
   */
  int byReference(int other) {
    if (other < 0) {
      return F;
    }
    int result = F;
    for (CompiledRule r : references) {
      result = Tri.or(result, sides.reference(r, self, other));
      if (result == T) {
        return T;
      }
    }
    return result;
  }

  /** The party's value ORed with the address rules against the other party's address. */
  int byAddress(Cidr otherAddress) {
    int result = party(otherAddress.family());
    if (result == T) {
      return T;
    }
    for (CompiledRule r : addressRules) {
      result = Tri.or(result, sides.peer(r, self, -1, otherAddress));
      if (result == T) {
        return T;
      }
    }
    return result;
  }

  /**
   * The address rules' peers in block form, for one family (0: both), in rule order: the blocks whose addresses
   * they match (a CIDR peer, a prefix list's entries), as {@link SideJudge#peer} decides for an address that shares
   * an address with a block.
   */
  List<Cidr> matchedBlocks(int family) {
    List<Cidr> out = new ArrayList<>();
    for (CompiledRule r : addressRules) {
      if (r.kind == CompiledRule.CIDR) {
        if (family == 0 || r.cidr.family() == family) {
          out.add(r.cidr);
        }
      } else if (r.entries != null) {
        for (Cidr e : r.entries) {
          if (family == 0 || e.family() == family) {
            out.add(e);
          }
        }
      }
    }
    return out;
  }

  /** The address rules whose peer is unknown for every address (a prefix list without entries). */
  List<CompiledRule> unknownPeers() {
    List<CompiledRule> out = new ArrayList<>();
    for (CompiledRule r : addressRules) {
      if (r.kind == CompiledRule.PREFIX_LIST && r.entries == null) {
        out.add(r);
      }
    }
    return out;
  }

  /** The side against ENI {@code other} (-1 outside) at {@code otherAddress}: as {@link SideJudge#judge}. */
  int judge(int other, Cidr otherAddress) {
    int ref = byReference(other);
    if (ref == T) {
      return T;
    }
    int result = Tri.or(ref, byAddress(otherAddress));
    if (other < 0 && self >= 0 && result != T) {
      result = Tri.or(result, sides.neverFiltered(self, direction, otherAddress)); // an address groups never filter
    }
    return result;
  }
}
