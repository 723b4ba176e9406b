package dev.sgreach.engine;

import com.google.common.collect.ImmutableList;
import dev.sgreach.model.Traffic;
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
 */
public record Verdict(
    Endpoint from,
    Endpoint to,
    Traffic traffic,
    Outcome outcome,
    Coverage coverage,
    ImmutableList<Flow> flows,
    ImmutableList<Warning> warnings) {

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
