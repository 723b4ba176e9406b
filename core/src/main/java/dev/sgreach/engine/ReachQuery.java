package dev.sgreach.engine;

import com.google.common.collect.ImmutableList;
import dev.sgreach.model.Traffic;
import dev.sgreach.path.PathFix;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.LongStream;

/**
 * The member flows of one {@link Reachability#reach} question, worked out per ENI class pair where that is exact and
 * per member pair elsewhere, by the reasoning of {@link MatrixQuery#byClass} and {@link MatrixQuery#classPairDecides}
 * (the one place it is decided).
 *
 * <p>For two classes whose pairs are decided alike, one pair (the first in the verdict's order) is explained and
 * stands for all of them, counted by the members on each side: a group of 3,000 ENIs of a few classes to itself costs
 * a few explained flows, not 9 million. Every other pair (an outside party, a single or public address, an address
 * rule on a side, any pair when path layers are judged) is explained on its own and kept as its position only, once
 * its group has a proof. The work is the classes' pairs plus those other pairs; the memory, the members plus one proof
 * per group, eight bytes per pair decided on its own, and the distinct fixes.
 */
final class ReachQuery {
  private final Index index;
  private final FlowJudge flows;

  ReachQuery(Index index, FlowJudge flows) {
    this.index = index;
    this.flows = flows;
  }

  /** What a verdict holds of its member flows. */
  record Judged(MemberPairs pairs, ImmutableList<FlowGroup> groups, long allowed, long denied, long total,
      ImmutableList<Fix> fixes, ImmutableList<PathFix> pathFixes) {}

  /** A group in the making: its proof, and the blocks and single pairs it holds so far. */
  private static final class Builder {
    final Flow first;
    final List<FlowGroup.Block> blocks = new ArrayList<>();
    final LongStream.Builder singles = LongStream.builder();

    Builder(Flow first) {
      this.first = first;
    }
  }

  /**
   * The member flows of these sources and destinations on this traffic.
   *
   * @throws IllegalArgumentException when a source and a destination are both outside parties
   */
  Judged judge(List<Member> sources, List<Member> destinations, Traffic t) {
    requireNoOutsidePair(sources, destinations);
    if (sources.size() == 1 && destinations.size() == 1) {
      return onePair(sources, destinations, t);
    }
    Fixes.Sharing sharing = flows.sharing();
    // shared fixes are known once every flow is in; a pair explained later (Verdict#flows) gets them then
    @SuppressWarnings("unchecked")
    Map<List<Object>, Fix>[] shared = new Map[1];
    MemberPairs pairs = MemberPairs.crossing(sources, destinations,
        Reachability.hasOtherPair(sources, destinations), (s, d) -> Fixes.apply(flows.explainPair(s, d, t), shared[0]));
    long[] counts = new long[3];
    Set<Fix> fixes = new LinkedHashSet<>();
    Set<PathFix> pathFixes = new LinkedHashSet<>();
    Map<List<Object>, Builder> groups = new LinkedHashMap<>();
    split(pairs, t, new MatrixQuery(index, flows), (at, block) -> {
      Flow f = flows.explainPair(pairs.source(at), pairs.destination(at), t);
      sharing.add(f);
      fixes.addAll(f.fixes());
      f.path().filter(p -> !p.isAllowed()).ifPresent(p -> pathFixes.addAll(p.fixes()));
      Builder g = groups.computeIfAbsent(FlowGroup.signature(f), x -> new Builder(f));
      if (block != null) {
        counts[Tri.of(f.outcome())] += block.count();
        g.blocks.add(block);
      } else {
        counts[Tri.of(f.outcome())]++;
        g.singles.add(at);
      }
    });
    shared[0] = sharing.replacements();
    ImmutableList<FlowGroup> out = groups.values().stream()
        .map(g -> new FlowGroup(Fixes.apply(g.first, shared[0]), pairs, g.blocks, g.singles.build().toArray()))
        .collect(ImmutableList.toImmutableList());
    ImmutableList<Fix> allFixes = fixes.stream().map(x -> shared[0].getOrDefault(Fixes.key(x), x)).distinct()
        .collect(ImmutableList.toImmutableList());
    return new Judged(pairs, out, counts[Tri.T], counts[Tri.F], counts[0] + counts[1] + counts[2], allFixes,
        ImmutableList.copyOf(pathFixes));
  }

  /**
   * The member flow of a question of one source and one destination (a point query): its one flow is the verdict's
   * one group, as {@link #judge} would make it, without the class tables, the signatures that group flows, or the
   * sharing of fixes (a flow's fixes are one per direction, so there is no rule to share).
   */
  private Judged onePair(List<Member> sources, List<Member> destinations, Traffic t) {
    MemberPairs pairs = MemberPairs.crossing(sources, destinations, Reachability.hasOtherPair(sources, destinations),
        (s, d) -> flows.explainPair(s, d, t));
    Flow f = flows.explainPair(sources.get(0), destinations.get(0), t);
    ImmutableList<Fix> fixes = f.fixes().size() < 2 ? f.fixes()
        : f.fixes().stream().distinct().collect(ImmutableList.toImmutableList());
    ImmutableList<PathFix> pathFixes = f.path().filter(p -> !p.isAllowed())
        .map(p -> p.fixes().stream().distinct().collect(ImmutableList.toImmutableList())).orElse(ImmutableList.of());
    Outcome o = f.outcome();
    return new Judged(pairs, ImmutableList.of(new FlowGroup(f, pairs, List.of(), new long[] {0})),
        o == Outcome.ALLOWED ? 1 : 0, o == Outcome.DENIED ? 1 : 0, 1, fixes, pathFixes);
  }

  /**
   * How many member flows of these sources and destinations are allowed, denied and unknown ({@link Tri} order),
   * without a proof: one value per class block ({@link MatrixQuery#value}), counted by its members.
   *
   * @throws IllegalArgumentException when a source and a destination are both outside parties
   */
  long[] count(List<Member> sources, List<Member> destinations, Traffic t, MatrixQuery classes) {
    requireNoOutsidePair(sources, destinations);
    boolean selfLeftOut = Reachability.hasOtherPair(sources, destinations);
    long[] counts = new long[3];
    MemberPairs pairs = MemberPairs.crossing(sources, destinations, selfLeftOut, null);
    split(pairs, t, classes, (at, block) -> counts[classes.value(pairs.source(at), pairs.destination(at), t)] +=
        block == null ? 1 : block.count());
    return counts;
  }

  /** A piece of the member pairs: a class block with the position of its first pair, or one pair (block null). */
  private interface Piece {
    void take(long position, FlowGroup.Block block);
  }

  /**
   * The member pairs in class blocks and pairs judged one by one, each given to {@code out} in the verdict's order
   * (a block at its first pair).
   */
  private void split(MemberPairs pairs, Traffic t, MatrixQuery classes, Piece out) {
    Map<Integer, List<Integer>> sourcesByClass = byClass(classes, pairs.sources);
    Map<Integer, List<Integer>> destinationsByClass = byClass(classes, pairs.destinations);
    List<FlowGroup.Block> blocks = new ArrayList<>();
    List<Long> blockFirsts = new ArrayList<>();
    LongStream.Builder singles = LongStream.builder();
    for (Map.Entry<Integer, List<Integer>> s : sourcesByClass.entrySet()) {
      for (Map.Entry<Integer, List<Integer>> d : destinationsByClass.entrySet()) {
        // a block of one pair is that pair: the class tables it would take to decide it (two bytes per ENI class)
        // are only worth building for more
        boolean decided = (s.getValue().size() > 1 || d.getValue().size() > 1) && s.getKey() >= 0 && d.getKey() >= 0
            && classes.classPairDecides(s.getKey(), d.getKey(), t);
        block(pairs, s.getValue(), d.getValue(), decided, blocks, blockFirsts, singles);
      }
    }
    long[] single = singles.build().toArray();
    Arrays.sort(single);
    Integer[] order = new Integer[blocks.size()];
    Arrays.setAll(order, k -> k);
    Arrays.sort(order, (a, b) -> Long.compare(blockFirsts.get(a), blockFirsts.get(b)));
    int b = 0;
    int k = 0;
    while (b < order.length || k < single.length) {
      if (k == single.length || b < order.length && blockFirsts.get(order[b]) < single[k]) {
        out.take(blockFirsts.get(order[b]), blocks.get(order[b++]));
      } else {
        out.take(single[k++], null);
      }
    }
  }

  /**
   * The pairs of these sources with these destinations (positions in the verdict's lists): when {@code decided}, one
   * block of the pairs of two different ENIs, with an ENI's pairs with itself on their own (they count only when
   * they are all the verdict has); else every pair on its own. A block is counted from the members' ENIs, not pair by
   * pair.
   */
  private void block(MemberPairs pairs, List<Integer> from, List<Integer> to, boolean decided,
      List<FlowGroup.Block> blocks, List<Long> blockFirsts, LongStream.Builder singles) {
    if (!decided) {
      for (int i : from) {
        for (int j : to) {
          if (pairs.counts(i, j)) {
            singles.add(pairs.position(i, j));
          }
        }
      }
      return;
    }
    Map<Integer, Integer> receivingEnis = new java.util.HashMap<>();
    for (int j : to) {
      receivingEnis.merge(flows.eni(pairs.destinations.get(j)), 1, Integer::sum);
    }
    long selfPairs = 0;
    long first = -1;
    for (int i : from) {
      int eni = flows.eni(pairs.sources.get(i));
      int mine = receivingEnis.getOrDefault(eni, 0);
      selfPairs += mine;
      for (int k = 0; k < to.size() && first < 0; k++) {
        first = flows.eni(pairs.destinations.get(to.get(k))) != eni ? pairs.position(i, to.get(k)) : -1;
      }
      if (mine > 0 && !pairs.selfLeftOut) {
        for (int j : to) {
          if (flows.eni(pairs.destinations.get(j)) == eni) {
            singles.add(pairs.position(i, j));
          }
        }
      }
    }
    long count = (long) from.size() * to.size() - selfPairs;
    if (count > 0) {
      blocks.add(new FlowGroup.Block(from.stream().mapToInt(Integer::intValue).toArray(),
          to.stream().mapToInt(Integer::intValue).toArray(), count));
      blockFirsts.add(first);
    }
  }

  /** Positions of the members by ENI class, in order; members not judged by their class under -1. */
  private Map<Integer, List<Integer>> byClass(MatrixQuery classes, List<Member> members) {
    Map<Integer, List<Integer>> out = new LinkedHashMap<>();
    for (int i = 0; i < members.size(); i++) {
      int eni = flows.eni(members.get(i));
      int k = classes.byClass(members.get(i), eni) ? index.eniClass[eni] : -1;
      out.computeIfAbsent(k, x -> new ArrayList<>()).add(i);
    }
    return out;
  }

  /** Refuses a question with a pair of two outside parties, naming the first such pair. */
  private static void requireNoOutsidePair(List<Member> sources, List<Member> destinations) {
    Member s = firstOutside(sources);
    Member d = s == null ? null : firstOutside(destinations);
    if (d != null) {
      throw new IllegalArgumentException("both " + s.label() + " and " + d.label()
          + " are outside the snapshot: no security group stands between them");
    }
  }

  private static Member firstOutside(List<Member> members) {
    for (Member m : members) {
      if (m.isOutside()) {
        return m;
      }
    }
    return null;
  }
}
