package dev.sgreach.engine;

import dev.sgreach.model.AwsCli;
import dev.sgreach.model.Rule;

/**
 * The smallest change that opens a denied flow on one side: one rule to add to one security group, as data and as
 * the {@code aws ec2 authorize-security-group-ingress/egress} command that adds it.
 *
 * <p>The rule admits exactly the asked traffic (one port, one ICMP type/code, or one protocol). Its peer is the other
 * side's security group when the other side is an ENI carrying one, in the same or a peered VPC (the AWS practice that
 * survives address changes), and otherwise the other side's single address ({@code /32} or {@code /128}).
 *
 * @param groupId the group to add the rule to
 * @param groupLabel the group's id and name, for people
 * @param rule the rule to add
 */
public record Fix(String groupId, String groupLabel, Rule rule) {

  /** {@code add to sg-0a1 (db): ingress tcp 5432 from sg-0b2}. */
  public String describe() {
    return "add to " + groupLabel + ": " + rule.describe();
  }

  /**
   * The AWS CLI command that adds the rule ({@link AwsCli#authorize}: every value validated and shell-quoted; a
   * shell comment instead when an id is not an id's form).
   */
  public String awsCliCommand() {
    return AwsCli.authorize(groupId, rule);
  }

  @Override
  public String toString() {
    return describe();
  }
}
