package dev.sgreach.engine;

import dev.sgreach.model.Rule;
import dev.sgreach.model.SecurityGroup;

/**
 * A rule on the blocking side that almost admits the flow: it matches the protocol but not the port (or ICMP
 * type/code), or the protocol and port but not the peer.
 *
 * @param group the security group holding the rule
 * @param rule the rule
 * @param reason what does not match, e.g. {@code port 5432 is outside 5433} or {@code 10.0.1.5 is not in 10.1.0.0/16}
 */
public record NearMiss(SecurityGroup group, Rule rule, String reason) {
  /** One line: the rule and why it misses. */
  public String describe() {
    return group.label() + ": " + rule.describe() + ": " + reason;
  }

  @Override
  public String toString() {
    return describe();
  }
}
