package dev.sgreach.engine;

import dev.sgreach.model.Cidr;
import dev.sgreach.model.Rule;
import dev.sgreach.model.SecurityGroup;

/**
 * A rule that admits a flow, with the group it belongs to and the address of the other side it matched.
 *
 * @param group the security group holding the rule
 * @param rule the rule
 * @param matchedAddress the other side's address that the rule's peer matched
 */
public record RuleMatch(SecurityGroup group, Rule rule, Cidr matchedAddress) {
  /** {@code sg-0a1 (web): ingress tcp 443 from sg-0b2 "desc" [sgr-..]}. */
  public String describe() {
    return group.label() + ": " + rule.describe();
  }

  @Override
  public String toString() {
    return describe();
  }
}
