package dev.sgreach.engine;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import com.google.common.collect.Sets;
import dev.sgreach.model.Layer;
import dev.sgreach.model.Traffic;
import dev.sgreach.path.PathFix;
import dev.sgreach.model.Warning;
import java.util.AbstractList;
import java.util.List;

/**
 * The answer to {@code reach(from, to, traffic)} with its proof: for group-valued endpoints, whether all, some or none
 * of the member flows (one per pair of members) get through, and the flows grouped by how they end and why
 * ({@link #groups()}), one proof per group.
 *
 * <p>The overall {@link #outcome()} is {@link Outcome#ALLOWED} when every member flow is allowed,
 * {@link Outcome#DENIED} when at least one is denied, and {@link Outcome#UNKNOWN} otherwise.
 *
 * <p>A verdict holds its groups and counts, not one explained flow per member pair: a security group of 3,000 ENIs to
 * itself is about 9 million member flows, which the engine decides per ENI class pair where that is exact (see
 * {@link Reachability#reach}). {@link #flows()} is therefore a view that explains a member flow when it is read;
 * reading all of a large verdict's flows costs what they are. Read {@link #groups()}, {@link #memberFlows()} and
 * {@link #allowedFlows()} instead where the members may be many.
 *
 * <p>A verdict made by a reach question keeps its engine, to explain the flows it is asked for.
 */
public final class Verdict {
  /** Security groups alone, when the layers are not given. */
  public static final ImmutableSet<Layer> SECURITY_GROUPS_ONLY = Sets.immutableEnumSet(Layer.SECURITY_GROUPS);

  private final Endpoint from;
  private final Endpoint to;
  private final Traffic traffic;
  private final Outcome outcome;
  private final Coverage coverage;
  private final ImmutableList<Warning> warnings;
  private final ImmutableSet<Layer> layersChecked;
  private final MemberPairs pairs;
  private final ImmutableList<FlowGroup> groups;
  private final long memberFlows;
  private final long allowedFlows;
  private final ImmutableList<Fix> fixes;
  private final ImmutableList<PathFix> pathFixes;

  /**
   * A verdict made from its member flows.
   *
   * @param from the asked source
   * @param to the asked destination
   * @param traffic the flow asked about
   * @param outcome the overall verdict
   * @param coverage whether all, some or none of the member flows are allowed
   * @param flows one flow per (source member, destination member)
   * @param warnings the network's warnings that concern the groups on these flows
   * @param layersChecked the layers this verdict judged: always {@link Layer#SECURITY_GROUPS}, and the path layers
   *     ({@link Layer#NETWORK_ACLS}, {@link Layer#ROUTES}) the snapshot covers unless the engine was restricted to
   *     fewer
   */
  public Verdict(Endpoint from, Endpoint to, Traffic traffic, Outcome outcome, Coverage coverage, List<Flow> flows,
      ImmutableList<Warning> warnings, ImmutableSet<Layer> layersChecked) {
    this(from, to, traffic, outcome, coverage, warnings, layersChecked, listed(ImmutableList.copyOf(flows)));
  }

  /** A verdict of security groups alone, made from its member flows. */
  public Verdict(Endpoint from, Endpoint to, Traffic traffic, Outcome outcome, Coverage coverage, List<Flow> flows,
      ImmutableList<Warning> warnings) {
    this(from, to, traffic, outcome, coverage, flows, warnings, SECURITY_GROUPS_ONLY);
  }

  /** A verdict of a reach question, its flows judged by {@link ReachQuery}. */
  Verdict(Endpoint from, Endpoint to, Traffic traffic, Outcome outcome, Coverage coverage,
      ImmutableList<Warning> warnings, ImmutableSet<Layer> layersChecked, ReachQuery.Judged judged) {
    this.from = from;
    this.to = to;
    this.traffic = traffic;
    this.outcome = outcome;
    this.coverage = coverage;
    this.warnings = warnings;
    this.layersChecked = layersChecked == null || layersChecked.isEmpty() ? SECURITY_GROUPS_ONLY : layersChecked;
    this.pairs = judged.pairs();
    this.groups = judged.groups();
    this.memberFlows = judged.total();
    this.allowedFlows = judged.allowed();
    this.fixes = judged.fixes();
    this.pathFixes = judged.pathFixes();
  }

  private static ReachQuery.Judged listed(ImmutableList<Flow> flows) {
    long allowed = flows.stream().filter(Flow::isAllowed).count();
    long denied = flows.stream().filter(f -> f.outcome() == Outcome.DENIED).count();
    ImmutableList<Fix> fixes = flows.stream().flatMap(f -> f.fixes().stream()).distinct()
        .collect(ImmutableList.toImmutableList());
    ImmutableList<PathFix> pathFixes = flows.stream().flatMap(f -> f.path().stream()).filter(p -> !p.isAllowed())
        .flatMap(p -> p.fixes().stream()).distinct().collect(ImmutableList.toImmutableList());
    return new ReachQuery.Judged(MemberPairs.listing(flows), FlowGroup.of(flows), allowed, denied, flows.size(),
        fixes, pathFixes);
  }

  /** The asked source. */
  public Endpoint from() {
    return from;
  }

  /** The asked destination. */
  public Endpoint to() {
    return to;
  }

  /** The flow asked about. */
  public Traffic traffic() {
    return traffic;
  }

  /** The overall verdict. */
  public Outcome outcome() {
    return outcome;
  }

  /** Whether all, some or none of the member flows are allowed. */
  public Coverage coverage() {
    return coverage;
  }

  /** The network's warnings that concern the groups and ENIs on these flows. */
  public ImmutableList<Warning> warnings() {
    return warnings;
  }

  /**
   * The layers this verdict judged: always {@link Layer#SECURITY_GROUPS}, and the path layers
   * ({@link Layer#NETWORK_ACLS}, {@link Layer#ROUTES}) the snapshot covers unless the engine was restricted to fewer.
   */
  public ImmutableSet<Layer> layersChecked() {
    return layersChecked;
  }

  /** How many member flows the verdict judges: one per pair of members, an ENI with itself left out. */
  public long memberFlows() {
    return memberFlows;
  }

  /** How many of the member flows are allowed. */
  public long allowedFlows() {
    return allowedFlows;
  }

  /**
   * One flow per (source member, destination member), source by source: a read-only view that explains each flow as
   * it is read (the same flow {@link Reachability#explain} gives for the pair, with the verdict's shared fixes), and
   * holds none of them. Its size is {@link #memberFlows()} (at most {@link Integer#MAX_VALUE}). Reading every flow of
   * a group-valued verdict costs one explanation per member pair: read {@link #groups()} instead.
   */
  public List<Flow> flows() {
    return new AbstractList<>() {
      @Override
      public Flow get(int i) {
        if (i < 0 || i >= size()) {
          throw new IndexOutOfBoundsException("member flow " + i + " of " + memberFlows);
        }
        return pairs.flow(pairs.nth(i));
      }

      @Override
      public int size() {
        return (int) Math.min(memberFlows, Integer.MAX_VALUE);
      }
    };
  }

  /** True when every member flow is allowed. */
  public boolean isAllowed() {
    return outcome == Outcome.ALLOWED;
  }

  /** True when at least one member flow is denied. */
  public boolean isDenied() {
    return outcome == Outcome.DENIED;
  }

  /** True when the answer depends on missing data. */
  public boolean isUnknown() {
    return outcome == Outcome.UNKNOWN;
  }

  /**
   * Every fix proposed by the denied member flows, without repeats. Flows decided per ENI class pair propose their
   * group's proof's fixes: ENIs of one class carry the same groups, so they take the same rule; where that rule names
   * the other member's address (two ENIs that carry the same groups, where a group reference would also open the
   * reverse flow), it is the proof pair's address, and each other pair's flow ({@link #flows()}) names its own.
   */
  public ImmutableList<Fix> fixes() {
    return fixes;
  }

  /**
   * Every change of the packet path proposed by the denied member flows (network ACL entries, routes), without
   * repeats: the path's part of the fix, beside the rules of {@link #fixes()}.
   */
  public ImmutableList<PathFix> pathFixes() {
    return pathFixes;
  }

  /**
   * The member flows grouped by outcome and proof ({@link FlowGroup}): flows that end alike for the same reasons,
   * in the order of their first flow.
   */
  public ImmutableList<FlowGroup> groups() {
    return groups;
  }

  /**
   * The verdict and its proof as text, as the command line prints it: for several member flows, one proof per
   * {@link #groups() group} and each fix once. Text from the snapshot is escaped ({@link dev.sgreach.model.Echo}).
   */
  public String explain() {
    return Explanations.verdict(this);
  }

  /**
   * The proof in short, for a report that names the question, the outcome and the fixes itself (lint): per group of
   * member flows which members take part, then for flows that get through the rules that admit them, and for flows
   * that do not only the side that stops them and why; then the warnings. Text from the snapshot is escaped.
   */
  public String explainInShort() {
    return Explanations.inShort(this);
  }

  @Override
  public String toString() {
    return outcome.word() + ": " + dev.sgreach.model.Echo.visible(from.label() + " -> " + to.label()) + " on "
        + traffic.spec()
        + (memberFlows > 1 ? " (" + coverage.word() + " of " + memberFlows + " member flows)" : "");
  }
}
