package dev.sgreach.engine;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import com.google.common.collect.Sets;
import dev.sgreach.model.Layer;
import dev.sgreach.model.Traffic;
import dev.sgreach.path.PathFix;
import dev.sgreach.model.Warning;

/**
 * The answer to {@code reach(from, to, traffic)} with its proof: one {@link Flow} per pair of members, and for
 * group-valued endpoints whether all, some or none of them get through.
 *
 * <p>The overall {@link #outcome()} is {@link Outcome#ALLOWED} when every member flow is allowed,
 * {@link Outcome#DENIED} when at least one is denied, and {@link Outcome#UNKNOWN} otherwise.
 *
 * @param from the asked source
 * @param to the asked destination
 * @param traffic the flow asked about
 * @param outcome the overall verdict
 * @param coverage whether all, some or none of the member flows are allowed
 * @param flows one flow per (source member, destination member)
 * @param warnings the network's warnings that concern the groups on these flows
 * @param layersChecked the layers this verdict judged: always {@link Layer#SECURITY_GROUPS}, and the path layers
 *     ({@link Layer#NETWORK_ACLS}, {@link Layer#ROUTES}) the snapshot covers unless the engine was restricted to fewer
 */
public record Verdict(
    Endpoint from,
    Endpoint to,
    Traffic traffic,
    Outcome outcome,
    Coverage coverage,
    ImmutableList<Flow> flows,
    ImmutableList<Warning> warnings,
    ImmutableSet<Layer> layersChecked) {

  /** Security groups alone, when the layers are not given. */
  public static final ImmutableSet<Layer> SECURITY_GROUPS_ONLY = Sets.immutableEnumSet(Layer.SECURITY_GROUPS);

  public Verdict {
    layersChecked = layersChecked == null || layersChecked.isEmpty() ? SECURITY_GROUPS_ONLY : layersChecked;
  }

  /** A verdict of security groups alone. */
  public Verdict(Endpoint from, Endpoint to, Traffic traffic, Outcome outcome, Coverage coverage,
      ImmutableList<Flow> flows, ImmutableList<Warning> warnings) {
    this(from, to, traffic, outcome, coverage, flows, warnings, SECURITY_GROUPS_ONLY);
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

  /** Every fix proposed by the denied member flows, without repeats. */
  public ImmutableList<Fix> fixes() {
    return flows.stream().flatMap(f -> f.fixes().stream()).distinct().collect(ImmutableList.toImmutableList());
  }

  /**
   * Every change of the packet path proposed by the denied member flows (network ACL entries, routes), without
   * repeats: the path's part of the fix, beside the rules of {@link #fixes()}.
   */
  public ImmutableList<PathFix> pathFixes() {
    return flows.stream().flatMap(f -> f.path().stream()).filter(p -> !p.isAllowed())
        .flatMap(p -> p.fixes().stream()).distinct().collect(ImmutableList.toImmutableList());
  }

  /**
   * The member flows grouped by outcome and proof ({@link FlowGroup}): flows that end alike for the same reasons,
   * in the order of their first flow.
   */
  public ImmutableList<FlowGroup> groups() {
    return FlowGroup.of(flows);
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
        + (flows.size() > 1 ? " (" + coverage.word() + " of " + flows.size() + " member flows)" : "");
  }
}
