package dev.sgreach.engine;

import dev.sgreach.model.Direction;
import dev.sgreach.model.Peer;
import dev.sgreach.model.Ports;
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

  /** The AWS CLI command that adds the rule. */
  public String awsCliCommand() {
    Ports p = rule.ports();
    StringBuilder perm = new StringBuilder("IpProtocol=").append(p.protocol().awsName());
    if (p.protocol().hasPorts() || p.protocol().isIcmp()) {
      perm.append(",FromPort=").append(p.awsFromPort()).append(",ToPort=").append(p.awsToPort());
    }
    String desc = rule.description().isEmpty() ? "" : ",Description=\"" + rule.description().replace("'", "") + "\"";
    Peer peer = rule.peer();
    if (peer instanceof Peer.CidrPeer c) {
      if (c.cidr().isIpv4()) {
        perm.append(",IpRanges=[{CidrIp=").append(c.cidr().toCidrString()).append(desc).append("}]");
      } else {
        perm.append(",Ipv6Ranges=[{CidrIpv6=").append(c.cidr().toCidrString()).append(desc).append("}]");
      }
    } else if (peer instanceof Peer.GroupPeer g) {
      perm.append(",UserIdGroupPairs=[{GroupId=").append(g.groupId());
      if (g.userId() != null && !g.userId().isEmpty()) {
        perm.append(",UserId=").append(g.userId());
      }
      perm.append(desc).append("}]");
    } else if (peer instanceof Peer.PrefixListPeer pl) {
      perm.append(",PrefixListIds=[{PrefixListId=").append(pl.prefixListId()).append(desc).append("}]");
    }
    Direction d = rule.direction();
    return "aws ec2 " + d.authorizeCommand() + " --group-id " + groupId + " --ip-permissions '" + perm + "'";
  }

  @Override
  public String toString() {
    return describe();
  }
}
