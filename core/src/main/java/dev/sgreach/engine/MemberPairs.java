package dev.sgreach.engine;

import com.google.common.collect.ImmutableList;
import java.util.List;
import java.util.function.BiFunction;

/**
 * The member pairs of one {@link Verdict}, each at a position in the verdict's order: for {@link Reachability#reach},
 * every source member with every destination member (position {@code i * destinations + j}), source by source, an ENI
 * with itself left out when there are other pairs; for a verdict made from its flows, the flows' own order.
 *
 * <p>Holds no explained flow but those given: a pair's flow is explained when it is asked for ({@link #flow}).
 */
final class MemberPairs {
  final ImmutableList<Member> sources;
  final ImmutableList<Member> destinations;
  /** True when a pair of an ENI with itself is left out (the verdict has other pairs). */
  final boolean selfLeftOut;
  /** The flows of a verdict made from its flows; null for the pairs of a reach question. */
  private final ImmutableList<Flow> listed;
  /** Explains one pair as the verdict gives it (fixes shared); null when the flows are listed. */
  private final BiFunction<Member, Member, Flow> explain;
  /** Per source, how many pairs come before its first one; made on the first positional look-up. */
  private volatile long[] rowStarts;

  private MemberPairs(List<Member> sources, List<Member> destinations, boolean selfLeftOut, ImmutableList<Flow> listed,
      BiFunction<Member, Member, Flow> explain) {
    this.sources = ImmutableList.copyOf(sources);
    this.destinations = ImmutableList.copyOf(destinations);
    this.selfLeftOut = selfLeftOut;
    this.listed = listed;
    this.explain = explain;
  }

  /** Every source with every destination, explained on demand by {@code explain}. */
  static MemberPairs crossing(List<Member> sources, List<Member> destinations, boolean selfLeftOut,
      BiFunction<Member, Member, Flow> explain) {
    return new MemberPairs(sources, destinations, selfLeftOut, null, explain);
  }

  /** The pairs of these flows, in their order. */
  static MemberPairs listing(ImmutableList<Flow> flows) {
    return new MemberPairs(ImmutableList.of(), ImmutableList.of(), false, flows, null);
  }

  /** True when the pairs are the given flows'. */
  boolean isListing() {
    return listed != null;
  }

  Member source(long position) {
    return listed != null ? listed.get((int) position).source()
        : sources.get((int) (position / destinations.size()));
  }

  Member destination(long position) {
    return listed != null ? listed.get((int) position).destination()
        : destinations.get((int) (position % destinations.size()));
  }

  /** The position of source {@code i} with destination {@code j} (crossing pairs only). */
  long position(int i, int j) {
    return (long) i * destinations.size() + j;
  }

  /** True when source {@code i} with destination {@code j} is one of the pairs (crossing pairs only). */
  boolean counts(int i, int j) {
    return !selfLeftOut || !Reachability.self(sources.get(i), destinations.get(j));
  }

  /** The flow of the pair at this position, explained now unless the pairs are listed flows. */
  Flow flow(long position) {
    return listed != null ? listed.get((int) position) : explain.apply(source(position), destination(position));
  }

  /** The position of the {@code n}-th pair (from 0) in the verdict's order, leaving out the pairs that do not count. */
  long nth(long n) {
    if (listed != null) {
      return n;
    }
    long[] starts = rowStarts();
    int lo = 0;
    int hi = sources.size() - 1;
    while (lo < hi) { // the last row starting at or before n
      int mid = (lo + hi + 1) >>> 1;
      if (starts[mid] <= n) {
        lo = mid;
      } else {
        hi = mid - 1;
      }
    }
    long left = n - starts[lo];
    for (int j = 0; j < destinations.size(); j++) {
      if (counts(lo, j) && left-- == 0) {
        return position(lo, j);
      }
    }
    throw new IndexOutOfBoundsException("no member pair " + n);
  }

  private long[] rowStarts() {
    long[] starts = rowStarts;
    if (starts == null) {
      java.util.Map<String, Integer> byEni = new java.util.HashMap<>();
      for (Member d : destinations) {
        d.eni().ifPresent(e -> byEni.merge(e.id(), 1, Integer::sum));
      }
      starts = new long[sources.size()];
      long at = 0;
      for (int i = 0; i < sources.size(); i++) {
        starts[i] = at;
        Member s = sources.get(i);
        at += destinations.size() - (selfLeftOut && s.eni().isPresent()
            ? byEni.getOrDefault(s.eni().get().id(), 0) : 0);
      }
      rowStarts = starts;
    }
    return starts;
  }
}
