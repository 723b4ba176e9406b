package dev.sgreach.engine;

import com.google.common.collect.ImmutableList;
import java.util.Optional;

/**
 * Traffic between two sets of ENIs (or from the internet) whose verdict a change moves: opened (denied before,
 * allowed after), closed (allowed before, denied after), or unknown (allowed or denied on one side and unknown on the
 * other, so the change may open or close it).
 *
 * <p>Every ENI of {@link #from()} is alike to every ENI of {@link #to()} (the same groups before and after, the same
 * VPC, and addresses the rules cannot tell apart), so {@link #traffic()} changed the same way for each such pair
 * (never an ENI with itself). The proofs are of one representative pair and the first flow of {@link #traffic()}:
 * {@link #after()} proves an opened flow allowed and a closed one denied (its blocking side); {@link #before()}
 * shows the rules that used to admit a closed flow. A flow from the internet is proved by the inbound rules that
 * admit internet sources and some of the traffic ({@link #internetRules()}), after the change for an opened flow, before it for a closed one.
 *
 * @param kind opened, closed or unknown
 * @param from the sending ENIs, or the internet
 * @param to the receiving ENIs
 * @param traffic what changed this way
 * @param before the representative flow before the change, empty when an end did not exist then or for the internet
 * @param after the representative flow after the change, empty when an end does not exist after or for the internet
 * @param internetRules for a flow from the internet, the inbound rules that admit internet sources (after the change
 *     for opened and unknown, before it for closed)
 */
public record FlowChange(Kind kind, End from, End to, TrafficSet traffic, Optional<Flow> before,
    Optional<Flow> after, ImmutableList<RuleMatch> internetRules) {

  /** {@code opened: web (sg-1) -> db (sg-2): tcp 5432}. */
  @Override
  public String toString() {
    return kind.word() + ": " + from.label() + " -> " + to.label() + ": " + traffic;
  }

  /** How a change moved the verdict. */
  public enum Kind {
    /** Denied before, allowed after (or the ENIs are new and it is allowed). */
    OPENED,
    /** Allowed before, denied after (or an ENI is gone). */
    CLOSED,
    /** Unknown on one side of the change and not on the other, or unknown on both where the facts changed. */
    UNKNOWN;

    /** {@code opened}, {@code closed}, {@code unknown}. */
    public String word() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /**
   * One end of a changed flow: ENIs alike under both networks, named by the groups they carry after the change (before
   * it, for ENIs that are gone), or the internet.
   *
   * @param label how it is shown: the group set ({@code sg-1 (web) + sg-2 (db)}), or {@code internet}
   * @param interfaceIds the ENIs, in network order; empty for the internet
   * @param securityGroupIds the groups they carry after the change (before it, for ENIs that are gone)
   */
  public record End(String label, ImmutableList<String> interfaceIds, ImmutableList<String> securityGroupIds) {
    /** The internet: any public address. */
    public static End internet() {
      return new End("internet", ImmutableList.of(), ImmutableList.of());
    }

    /** True for the internet. */
    public boolean isInternet() {
      return interfaceIds.isEmpty();
    }
  }
}
