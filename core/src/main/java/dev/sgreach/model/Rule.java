package dev.sgreach.model;

/**
 * One security-group rule in the shape of {@code DescribeSecurityGroupRules}: a direction, a protocol with its port
 * range or ICMP type/code, exactly one peer, and the description and rule id when known.
 *
 * <p>Rules only allow; there are no deny rules and no order. Build them with {@link #ingress(Ports, Peer)} and
 * {@link #egress(Ports, Peer)}, then {@link #withDescription} and {@link #withRuleId}.
 *
 * @param direction inbound or outbound
 * @param ports the protocol and its port range or type/code
 * @param peer the source (inbound) or destination (outbound)
 * @param description the rule's description, empty when none
 * @param ruleId the {@code sgr-...} id when known, else empty
 */
public record Rule(Direction direction, Ports ports, Peer peer, String description, String ruleId) {
  public Rule {
    if (direction == null) {
      throw new IllegalArgumentException("rule direction is missing");
    }
    if (ports == null) {
      throw new IllegalArgumentException("rule protocol and ports are missing");
    }
    if (peer == null) {
      throw new IllegalArgumentException("rule peer is missing: a CIDR, a security group or a prefix list");
    }
    description = description == null ? "" : description;
    ruleId = ruleId == null ? "" : ruleId;
  }

  /** An inbound rule admitting {@code ports} from {@code peer}. */
  public static Rule ingress(Ports ports, Peer peer) {
    return new Rule(Direction.INGRESS, ports, peer, "", "");
  }

  /** An outbound rule admitting {@code ports} towards {@code peer}. */
  public static Rule egress(Ports ports, Peer peer) {
    return new Rule(Direction.EGRESS, ports, peer, "", "");
  }

  /** The same rule with this description. */
  public Rule withDescription(String text) {
    return new Rule(direction, ports, peer, text, ruleId);
  }

  /** The same rule with this {@code sgr-...} id. */
  public Rule withRuleId(String id) {
    return new Rule(direction, ports, peer, description, id);
  }

  /**
   * The rule as one line, e.g. {@code ingress tcp 443 from sg-0a1 "Allow nodes"}; the rule id is appended when known.
   */
  public String describe() {
    StringBuilder b = new StringBuilder()
        .append(direction.word()).append(' ').append(ports)
        .append(direction == Direction.INGRESS ? " from " : " to ").append(peer.describe());
    if (!description.isEmpty()) {
      b.append(" \"").append(description).append('"');
    }
    if (!ruleId.isEmpty()) {
      b.append(" [").append(ruleId).append(']');
    }
    return b.toString();
  }

  @Override
  public String toString() {
    return describe();
  }

  @Override
  public boolean equals(Object o) {
    return this == o || o instanceof Rule r && r.direction == direction && r.ports.equals(ports) && r.peer.equals(peer)
        && r.description.equals(description) && r.ruleId.equals(ruleId); // written out: see Peer
  }

  @Override
  public int hashCode() {
    int h = direction.hashCode();
    h = 31 * h + ports.hashCode();
    h = 31 * h + peer.hashCode();
    h = 31 * h + description.hashCode();
    return 31 * h + ruleId.hashCode();
  }
}
