package dev.sgreach.engine;

import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
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
 * between the same classes fall in one group unless an address rule tells them apart.
 *
 * @param proof the first of the flows, whose proof stands for the group
 * @param flows the member flows of the group, in the verdict's order ({@code proof} first)
 */
public record FlowGroup(Flow proof, ImmutableList<Flow> flows) {

  /** How many member flows the group holds. */
  public int count() {
    return flows.size();
  }

  /** The outcome every flow of the group has. */
  public Outcome outcome() {
    return proof.outcome();
  }

  /** The distinct sending members, in order. */
  public ImmutableList<Member> sources() {
    return ImmutableList.copyOf(new LinkedHashSet<>(flows.stream().map(Flow::source).toList()));
  }

  /** The distinct receiving members, in order. */
  public ImmutableList<Member> destinations() {
    return ImmutableList.copyOf(new LinkedHashSet<>(flows.stream().map(Flow::destination).toList()));
  }

  /** True when the group holds every pair of its sources and destinations (so listing the two sides says it all). */
  public boolean isEveryPair() {
    return (long) sources().size() * destinations().size() == flows.size();
  }

  /** The flows grouped by outcome and proof, groups in the order of their first flow. */
  static ImmutableList<FlowGroup> of(List<Flow> flows) {
    Map<List<Object>, List<Flow>> groups = new LinkedHashMap<>();
    for (Flow f : flows) {
      groups.computeIfAbsent(signature(f), k -> new ArrayList<>()).add(f);
    }
    return groups.values().stream().map(g -> new FlowGroup(g.get(0), ImmutableList.copyOf(g)))
        .collect(ImmutableList.toImmutableList());
  }

  /** What a flow's proof says apart from which members and addresses take part. */
  private static List<Object> signature(Flow f) {
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
}
