package dev.sgreach.planned;

import dev.sgreach.model.Direction;
import dev.sgreach.model.Peer;
import dev.sgreach.model.Ports;
import dev.sgreach.model.PrefixList;
import dev.sgreach.model.Rule;
import dev.sgreach.model.SecurityGroup;

/**
 * How a value a change leaves unknown is written in the core model, so that the engine answers unknown where it could
 * decide: one place for the readers of Terraform plans and eksctl files.
 */
public final class Placeholders {
  private Placeholders() {}

  /**
   * A prefix list standing for a set of addresses that is not known (a rule's CIDR or peer group the change leaves
   * unknown): its entries are not known, so every rule naming it makes the verdicts it could decide unknown.
   *
   * @param id the placeholder's id, e.g. {@code tf:aws_security_group.web.ingress[0].cidr_blocks}
   * @param what what it stands for, shown as the list's name
   */
  public static PrefixList unknownAddresses(String id, String what) {
    return PrefixList.withUnknownEntries(id, what);
  }

  /**
   * A rule whose peer, protocol or ports are not known: all traffic to or from {@link #unknownAddresses} with this id,
   * so that it decides nothing and makes unknown every verdict it could decide.
   */
  public static Rule unknownRule(Direction direction, String placeholderId, String description) {
    return new Rule(direction, Ports.allTraffic(), Peer.prefixList(placeholderId), description, "");
  }

  /**
   * A group whose rules are only partly known: {@code known} rules, and each way {@link #unknownRule} to the unknown
   * set {@code placeholderId}, so that what the known rules allow is allowed and everything else is unknown.
   */
  public static SecurityGroup partlyKnown(SecurityGroup known, String placeholderId, String description) {
    return known.toBuilder()
        .rule(unknownRule(Direction.INGRESS, placeholderId, description))
        .rule(unknownRule(Direction.EGRESS, placeholderId, description))
        .build();
  }

  /** A rule with the same direction and description whose peer is the unknown set {@code placeholderId}. */
  public static Rule withUnknownPeer(Rule rule, String placeholderId) {
    return new Rule(rule.direction(), rule.ports(), Peer.prefixList(placeholderId), rule.description(), rule.ruleId());
  }
}
