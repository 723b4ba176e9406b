package dev.sgreach.engine;

import dev.sgreach.model.Cidr;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * One direction's rules indexed by peer: the group references to each group, the CIDR rules by block (with the
 * blocks sorted, for the blocks inside a delegated prefix), and the prefix-list rules by list. Facts only, like the
 * rest of the {@link Index}.
 */
final class PeerIndex {
  private static final CompiledRule[] NONE = new CompiledRule[0];

  /** Per referenced group, the rules referencing it. */
  final CompiledRule[][] referencing;
  /**
   * The CIDR rules by their block, but for the all-traffic rules to {@code 0.0.0.0/0} or {@code ::/0} (most groups'
   * default egress rule): each opens its group's side to every address of its family, which
   * {@link SideJudge#openFamilies} says for every class carrying the group before any rule is looked up.
   */
  private final Map<Cidr, CompiledRule[]> byBlock;
  /** The distinct CIDR blocks, sorted. */
  private final Cidr[] blocks;
  /** Per family (0 IPv4, 1 IPv6), the prefix lengths some block has: the only ones worth looking up. */
  private final boolean[][] lengths = {new boolean[33], new boolean[129]};
  /** The prefix-list rules, per distinct entries array (null entries: a list without known entries). */
  final List<Cidr[]> lists = new ArrayList<>();
  final List<CompiledRule[]> listRules = new ArrayList<>();

  PeerIndex(CompiledRule[][] rulesByGroup, int groupCount) {
    List<List<CompiledRule>> refs = new ArrayList<>();
    for (int g = 0; g < groupCount; g++) {
      refs.add(null);
    }
    Map<Cidr, List<CompiledRule>> cidrs = new HashMap<>();
    Map<Object, List<CompiledRule>> pls = new IdentityHashMap<>();
    Object unknownList = new Object();
    for (CompiledRule[] rules : rulesByGroup) {
      if (rules == null) {
        continue;
      }
      for (CompiledRule r : rules) {
        switch (r.kind) {
          case CompiledRule.GROUP -> {
            if (refs.get(r.referencedGroup) == null) {
              refs.set(r.referencedGroup, new ArrayList<>(2));
            }
            refs.get(r.referencedGroup).add(r);
          }
          case CompiledRule.CIDR -> {
            if (r.protocol != -1 || !r.cidr.isAnywhere()) {
              cidrs.computeIfAbsent(r.cidr, c -> new ArrayList<>(2)).add(r);
            }
          }
          default -> pls.computeIfAbsent(r.entries == null ? unknownList : r.entries, e -> new ArrayList<>()).add(r);
        }
      }
    }
    referencing = new CompiledRule[groupCount][];
    for (int g = 0; g < groupCount; g++) {
      referencing[g] = refs.get(g) == null ? NONE : refs.get(g).toArray(NONE);
    }
    byBlock = new HashMap<>(cidrs.size() * 2);
    cidrs.forEach((c, rs) -> byBlock.put(c, rs.toArray(NONE)));
    blocks = cidrs.keySet().toArray(new Cidr[0]);
    java.util.Arrays.sort(blocks);
    for (Cidr c : blocks) {
      lengths[c.family() == 4 ? 0 : 1][c.length()] = true;
    }
    pls.forEach((entries, rs) -> {
      lists.add(entries == unknownList ? null : (Cidr[]) entries);
      listRules.add(rs.toArray(NONE));
    });
  }

  /** The CIDR rules whose block is exactly this one (but for the all-traffic rules to every address). */
  CompiledRule[] withBlock(Cidr block) {
    CompiledRule[] r = byBlock.get(block);
    return r == null ? NONE : r;
  }

  /**
   * Calls {@code each} with the rules of every block that shares an address with {@code address}: the blocks holding
   * it (one per prefix length), and, when it is itself a block (a delegated prefix), the longer blocks inside it;
   * without the all-traffic rules to every address (see {@link #byBlock}).
   */
  void overlapping(Cidr address, java.util.function.Consumer<CompiledRule[]> each) {
    boolean[] present = lengths[address.family() == 4 ? 0 : 1];
    for (int len = 0; len <= address.length(); len++) {
      if (!present[len]) {
        continue;
      }
      CompiledRule[] r = byBlock.get(address.prefix(len));
      if (r != null) {
        each.accept(r);
      }
    }
    if (address.isSingleAddress()) {
      return;
    }
    int lo = 0;
    int hi = blocks.length;
    while (lo < hi) { // the first block not below the address's network
      int mid = (lo + hi) >>> 1;
      if (blocks[mid].compareTo(address) < 0) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    for (int i = lo; i < blocks.length && address.overlaps(blocks[i]); i++) {
      if (blocks[i].length() > address.length()) {
        each.accept(byBlock.get(blocks[i]));
      }
    }
  }
}
