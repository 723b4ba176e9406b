package dev.sgreach.graph;

import com.google.common.collect.ImmutableList;
import dev.sgreach.model.Peer;
import dev.sgreach.model.Rule;

/**
 * One arrow of a {@link SecurityGroupGraph}, read as traffic flow: from the side that opens connections to the side
 * that accepts them.
 *
 * <ul>
 *   <li>{@link Kind#INGRESS_RULE}: the inbound rules of the group {@code to} that admit {@code from} (the referenced
 *       group, CIDR or prefix list), merged into one arrow per pair;</li>
 *   <li>{@link Kind#EGRESS_RULE}: the outbound rules of the group {@code from} that allow traffic to {@code to};</li>
 *   <li>{@link Kind#ATTACHMENT}: the ENI class {@code from} carries the group {@code to} (no rules).</li>
 * </ul>
 *
 * A flow between two ENIs needs both an egress rule on the sender's groups and an ingress rule on the receiver's, so
 * an arrow alone does not say the flow is allowed: ask {@code reach} for that.
 *
 * @param from the node traffic comes from (for an attachment: the ENI class)
 * @param to the node traffic goes to (for an attachment: the group)
 * @param kind which rules the arrow stands for
 * @param label the merged protocols and ports, e.g. {@code tcp 443, 1025-65535; udp 53} (empty for attachments; in a
 *     summary prefixed with the number of rules)
 * @param rules the rules merged into this arrow, in snapshot order
 */
public record GraphEdge(String from, String to, Kind kind, String label, ImmutableList<Rule> rules) {

  /** Which rules an arrow stands for. */
  public enum Kind {
    /** Inbound rules of the arrow's target group. */
    INGRESS_RULE,
    /** Outbound rules of the arrow's source group. */
    EGRESS_RULE,
    /** An ENI class carrying a group. */
    ATTACHMENT;

    /** The kind as a CSS-style class name: {@code ingress-rule}, {@code egress-rule}, {@code attachment}. */
    public String cssClass() {
      return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
  }

  /** True when every rule of the arrow names a security group as its peer. */
  public boolean isGroupReference() {
    return !rules.isEmpty() && rules.stream().allMatch(r -> r.peer() instanceof Peer.GroupPeer);
  }

  /** The text drawn on the arrow: the label, prefixed with {@code egress} for outbound rules. */
  public String caption() {
    return kind == Kind.EGRESS_RULE ? "egress " + label : label;
  }

  /** The distinct rule descriptions, for a tooltip. */
  public ImmutableList<String> descriptions() {
    return rules.stream().map(Rule::description).filter(d -> !d.isEmpty()).distinct()
        .collect(ImmutableList.toImmutableList());
  }

  @Override
  public String toString() {
    return from + " -> " + to + " " + kind + (label.isEmpty() ? "" : " [" + label + "]");
  }
}
