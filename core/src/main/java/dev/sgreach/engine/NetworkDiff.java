package dev.sgreach.engine;

import com.google.common.collect.ImmutableList;
import dev.sgreach.model.Direction;
import dev.sgreach.model.Network;
import dev.sgreach.model.Rule;
import java.util.Optional;

/**
 * What a change does to a network: the security-group rules it adds, removes or changes, the ENIs that gain or lose
 * groups, appear or disappear, and, from those, the flows it opens and closes.
 *
 * <pre>{@code
 * NetworkDiff d = NetworkDiff.between(before, after);
 * d.opened().forEach(f -> System.out.println(f));   // opened: sg-1 (web) -> sg-2 (db): tcp 5432
 * }</pre>
 *
 * <p><b>Rules</b> are matched per group and direction by rule id when both sides have one
 * ({@code SecurityGroupRuleId}), otherwise by content (protocol, ports and peer); a matched pair that differs (in
 * content, or only in its description) is {@link RuleChange.Kind#CHANGED}.
 *
 * <p><b>Flows</b> are compared key by key for every protocol (TCP and UDP ports, ICMP types and codes, other protocol
 * numbers) between every pair of ENIs of the two networks (matched by id; never an ENI with itself) and from the
 * internet (any public address) to every ENI: denied before and allowed after is opened, allowed before and denied
 * after is closed, and a key that is unknown on one side only is an unknown change. An ENI that exists on one side
 * only has everything denied on the other, so a new ENI's flows are opened and a removed one's closed. The diff
 * compares verdicts: a key that is unknown both before and after has the same verdict on both sides and is not listed
 * (the analysis commands on either network report it as unknown).
 *
 * <p>The work is done over the engine's ENI classes, not over ENI pairs: only pairs where the sender's egress or the
 * receiver's ingress can have changed (a changed ENI, or one carrying a group whose rules changed) are judged, once
 * per pair of classes and address signature. {@link #flows()} has one {@link FlowChange} per such pair and kind,
 * each naming all the ENI pairs it stands for, sorted for reading by kind, sending group set, receiving group set and
 * traffic, so that a reader can group them by group set (or EKS role) and port range.
 *
 * @param groups the groups with rule changes, added or removed, in the after network's order then the removed ones
 * @param interfaces the ENIs that appear, disappear or gain or lose groups, likewise in order
 * @param flows the flows opened, closed or unknown, sorted by kind, then by sender, receiver and traffic
 */
public record NetworkDiff(ImmutableList<GroupChange> groups, ImmutableList<AttachmentChange> interfaces,
    ImmutableList<FlowChange> flows) {

  /** What changes from {@code before} to {@code after}. */
  public static NetworkDiff between(Network before, Network after) {
    return between(Reachability.of(before), Reachability.of(after));
  }

  /** What changes between two compiled networks (reusing their indexes). */
  public static NetworkDiff between(Reachability before, Reachability after) {
    return new DiffQuery(before, after).run();
  }

  /** The flows the change opens. */
  public ImmutableList<FlowChange> opened() {
    return of(FlowChange.Kind.OPENED);
  }

  /** The flows the change closes. */
  public ImmutableList<FlowChange> closed() {
    return of(FlowChange.Kind.CLOSED);
  }

  /** The flows the change may open or close: unknown on one side of it. */
  public ImmutableList<FlowChange> unknown() {
    return of(FlowChange.Kind.UNKNOWN);
  }

  private ImmutableList<FlowChange> of(FlowChange.Kind kind) {
    return flows.stream().filter(f -> f.kind() == kind).collect(ImmutableList.toImmutableList());
  }

  /** True when some flow is surely opened or closed. */
  public boolean changesFlows() {
    return flows.stream().anyMatch(f -> f.kind() != FlowChange.Kind.UNKNOWN);
  }

  /** True when nothing changed at all: no rule, no attachment, no flow. */
  public boolean isEmpty() {
    return groups.isEmpty() && interfaces.isEmpty() && flows.isEmpty();
  }

  /**
   * A group whose rules changed, or that appeared or disappeared.
   *
   * @param groupId the group
   * @param label the group as shown ({@code sg-1 (web)}), after the change or, for a removed group, before it
   * @param kind added, removed or changed
   * @param rules its rule changes (every rule for an added or removed group)
   */
  public record GroupChange(String groupId, String label, Kind kind, ImmutableList<RuleChange> rules) {
    /** What happened to the group. */
    public enum Kind {
      ADDED, REMOVED, CHANGED;

      /** {@code added}, {@code removed}, {@code changed}. */
      public String word() {
        return name().toLowerCase(java.util.Locale.ROOT);
      }
    }
  }

  /**
   * One rule added, removed or changed.
   *
   * @param direction ingress or egress
   * @param kind added, removed or changed
   * @param before the rule before the change (empty when added)
   * @param after the rule after the change (empty when removed)
   */
  public record RuleChange(Direction direction, Kind kind, Optional<Rule> before, Optional<Rule> after) {
    /** What happened to the rule. */
    public enum Kind {
      ADDED, REMOVED, CHANGED;

      /** {@code added}, {@code removed}, {@code changed}. */
      public String word() {
        return name().toLowerCase(java.util.Locale.ROOT);
      }
    }

    /** {@code added ingress tcp 443 from 0.0.0.0/0} or {@code changed ... -> ...}. */
    @Override
    public String toString() {
      return switch (kind) {
        case ADDED -> "added " + after.orElseThrow().describe();
        case REMOVED -> "removed " + before.orElseThrow().describe();
        case CHANGED -> "changed " + before.orElseThrow().describe() + " -> " + after.orElseThrow().describe();
      };
    }
  }

  /**
   * An ENI that appeared, disappeared, or gained or lost groups.
   *
   * @param interfaceId the ENI
   * @param label as shown ({@code eni-1 (10.0.1.5)})
   * @param kind appeared, disappeared or regrouped
   * @param gained the groups it carries after but not before (all of them for an ENI that appeared)
   * @param lost the groups it carried before but not after (all of them for an ENI that disappeared)
   */
  public record AttachmentChange(String interfaceId, String label, Kind kind, ImmutableList<String> gained,
      ImmutableList<String> lost) {
    /** What happened to the ENI. */
    public enum Kind {
      APPEARED, DISAPPEARED, REGROUPED;

      /** {@code appeared}, {@code disappeared}, {@code regrouped}. */
      public String word() {
        return name().toLowerCase(java.util.Locale.ROOT);
      }
    }
  }
}
