package dev.sgreach.engine;

import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Member flows of one {@link Verdict} that end alike for the same reasons: the same outcome, and on each side the
 * same outcome for the same reasons (an allowed flow: the same admitting rules on both sides; a flow that does not get
 * through: the same near misses or missing data on each side that stops it, whatever rules admit it on the other
 * side). One proof stands for all of them; they differ only in which ENIs (and addresses) take part, and in the fixes
 * each would take, which a verdict lists once for all its flows ({@link Verdict#fixes()}).
 *
 * <p>Two ENIs of one ENI class (the same groups in the same VPC) meet a third party's rules alike, so member flows
 * between the same classes fall in one group unless an address rule tells them apart. Where that is exact (see
 * {@link Reachability#reach}) the group holds the two classes' members, not their flows: its size is the members it
 * names, not the pairs it counts, and the proof is that of the first pair; another pair of the group has the same
 * outcome and admitting rules, and may come near (a {@link NearMiss}) other rules that name addresses.
 */
public final class FlowGroup {
  /** One pair of members of a group. */
  public record MemberPair(Member source, Member destination) {
    /** {@code eni-1 (10.0.0.1) -> eni-2 (10.0.0.2)}, not escaped. */
    public String label() {
      return source.label() + " -> " + destination.label();
    }
  }

  /**
   * Every pair of two different ENIs among some sources and some destinations (positions in the verdict's lists,
   * ascending): the member flows of two ENI classes.
   */
  record Block(int[] sources, int[] destinations, long count) {}

  private final Flow proof;
  private final MemberPairs pairs;
  private final ImmutableList<Block> blocks;
  /** Pairs decided one by one: positions in the verdict's order, ascending. */
  private final long[] singles;
  private final long count;

  FlowGroup(Flow proof, MemberPairs pairs, List<Block> blocks, long[] singles) {
    this.proof = proof;
    this.pairs = pairs;
    this.blocks = ImmutableList.copyOf(blocks);
    this.singles = singles;
    long c = singles.length;
    for (Block b : blocks) {
      c += b.count();
    }
    this.count = c;
  }

  /** The proof of the group's first member flow, which stands for all of them. */
  public Flow proof() {
    return proof;
  }

  /** How many member flows the group holds. */
  public long count() {
    return count;
  }

  /** How many of the group's member flows were decided per ENI class pair rather than one by one. */
  long decidedByClass() {
    return count - singles.length;
  }

  /** The outcome every flow of the group has. */
  public Outcome outcome() {
    return proof.outcome();
  }

  /** The distinct sending members, in the verdict's order. */
  public ImmutableList<Member> sources() {
    return side(true);
  }

  /** The distinct receiving members, in the verdict's order. */
  public ImmutableList<Member> destinations() {
    return side(false);
  }

  /** True when the group holds every pair of its sources and destinations (so listing the two sides says it all). */
  public boolean isEveryPair() {
    return (long) sources().size() * destinations().size() == count;
  }

  /**
   * The group's first {@code limit} member pairs in the verdict's order (all of them for a limit at least
   * {@link #count()}); their flows are the verdict's, {@link Verdict#flows()}.
   */
  public ImmutableList<MemberPair> pairs(int limit) {
    List<Long> first = new ArrayList<>();
    for (int k = 0; k < Math.min(limit, singles.length); k++) {
      first.add(singles[k]);
    }
    for (Block b : blocks) {
      int taken = 0;
      for (int i = 0; i < b.sources().length && taken < limit; i++) {
        for (int j = 0; j < b.destinations().length && taken < limit; j++) {
          if (!Reachability.self(pairs.sources.get(b.sources()[i]), pairs.destinations.get(b.destinations()[j]))) {
            first.add(pairs.position(b.sources()[i], b.destinations()[j]));
            taken++;
          }
        }
      }
    }
    return first.stream().sorted().limit(limit)
        .map(p -> new MemberPair(pairs.source(p), pairs.destination(p))).collect(ImmutableList.toImmutableList());
  }

  private ImmutableList<Member> side(boolean sending) {
    if (pairs.isListing()) {
      return Arrays.stream(singles).mapToObj(p -> sending ? pairs.source(p) : pairs.destination(p)).distinct()
          .collect(ImmutableList.toImmutableList());
    }
    int n = sending ? pairs.sources.size() : pairs.destinations.size();
    BitSet in = new BitSet(n);
    for (long p : singles) {
      in.set((int) (sending ? p / pairs.destinations.size() : p % pairs.destinations.size()));
    }
    for (Block b : blocks) {
      for (int i : sending ? b.sources() : b.destinations()) {
        in.set(i);
      }
    }
    List<Member> side = sending ? pairs.sources : pairs.destinations;
    return in.stream().mapToObj(side::get).collect(ImmutableList.toImmutableList());
  }

  /** The flows of a verdict made from its flows, grouped by outcome and proof, in the order of their first flow. */
  static ImmutableList<FlowGroup> of(ImmutableList<Flow> flows) {
    MemberPairs pairs = MemberPairs.listing(flows);
    Map<List<Object>, List<Long>> groups = new LinkedHashMap<>();
    for (int i = 0; i < flows.size(); i++) {
      groups.computeIfAbsent(signature(flows.get(i)), k -> new ArrayList<>()).add((long) i);
    }
    return groups.values().stream()
        .map(g -> new FlowGroup(flows.get(g.get(0).intValue()), pairs, List.of(),
            g.stream().mapToLong(Long::longValue).toArray()))
        .collect(ImmutableList.toImmutableList());
  }

  /** What a flow's proof says apart from which members and addresses take part. */
  static List<Object> signature(Flow f) {
    boolean allowed = f.outcome() == Outcome.ALLOWED;
    return List.of(f.outcome(), f.remark(), side(f.egress(), allowed), side(f.ingress(), allowed));
  }

  /** A side's reasons; for a flow that does not get through, a side that admits it counts by its outcome alone. */
  private static List<Object> side(Optional<SideCheck> side, boolean flowAllowed) {
    if (side.isEmpty()) {
      return List.of();
    }
    SideCheck s = side.get();
    if (!flowAllowed && s.outcome() == Outcome.ALLOWED) {
      return List.of(s.direction(), s.outcome());
    }
    return List.of(s.direction(), s.outcome(), s.note(), s.member().isOutside(),
        s.matches().stream().map(m -> List.of(m.group().id(), m.rule())).toList(),
        s.nearMisses().stream().map(m -> List.of(m.group().id(), m.rule())).toList(), s.missing());
  }

  @Override
  public String toString() {
    return count + " member flows " + proof.outcome().word() + ", e.g. " + proof;
  }
}
