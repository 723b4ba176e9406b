package dev.sgreach.planned;

import dev.sgreach.model.Cidr;
import java.util.Optional;

/**
 * A value that a change leaves unknown until it is applied, and what sgreach put in its place (DOMAIN-CHANGE.md
 * section 3). Every verdict that depends on one comes out <b>unknown</b>, never a guess, through the core model's
 * own unknowns: a rule whose peer is a prefix list whose entries are not known (see {@link Placeholders}), a group
 * carried by ENIs but absent from the network, or a stand-in address (see {@link Kind#ADDRESS}).
 *
 * @param resource the address of the resource it belongs to ({@code aws_instance.web}, {@code nodeGroups[0]}, ...)
 * @param attribute the attribute or field path within it ({@code vpc_security_group_ids}, {@code ingress[0]
 *     .cidr_blocks[1]}, {@code vpc.sharedNodeSecurityGroup}, ...)
 * @param kind what sort of value
 * @param subject the id in the network that stands for it (a placeholder group, prefix list or address)
 * @param effect one line saying what is unknown and what it does to verdicts
 * @param within for {@link Kind#ADDRESS}: the block the real address will lie in ({@code 0.0.0.0/0} when nothing is
 *     known)
 */
public record Unknown(String resource, String attribute, Kind kind, String subject, String effect,
    Optional<Cidr> within) {

  public Unknown {
    resource = resource == null ? "" : resource;
    attribute = attribute == null ? "" : attribute;
    if (kind == null) {
      throw new IllegalArgumentException("an unknown needs a kind");
    }
    subject = subject == null ? "" : subject;
    effect = effect == null ? "" : effect;
    within = within == null ? Optional.empty() : within;
  }

  /** An unknown other than an address. */
  public static Unknown of(String resource, String attribute, Kind kind, String subject, String effect) {
    return new Unknown(resource, attribute, kind, subject, effect, Optional.empty());
  }

  /** An address AWS assigns at launch, with its stand-in and the block the real one will be in. */
  public static Unknown address(String resource, String attribute, Cidr standIn, Cidr within, String effect) {
    return new Unknown(resource, attribute, Kind.ADDRESS, standIn.toString(), effect, Optional.of(within));
  }

  /** {@code aws_instance.web: private_ip: ...}, the way it is printed. */
  @Override
  public String toString() {
    return resource + (attribute.isEmpty() ? "" : ": " + attribute) + ": " + effect;
  }

  /** The kinds of unknown values. */
  public enum Kind {
    /**
     * A private or public address AWS assigns at launch. The ENI gets a stand-in ({@link #subject()}) inside the block
     * the real one will be in ({@link #within()}), unused by any other ENI, so that security-group references (which
     * go by the groups an ENI carries) and rules whose block contains or misses the whole of {@code within} are
     * judged right. A CIDR rule that covers only part of {@code within} makes the verdict unknown: the planned network
     * marks the stand-in ({@link dev.sgreach.model.Network#standInAddresses()}) and the engine reads it as
     * "somewhere in {@code within}".
     */
    ADDRESS,
    /**
     * The rules of a group are not all known (a group the user made, given by id, and no snapshot holds it): the group
     * holds the rules that are known (those the change adds) and, each way, one rule admitting all traffic to or from
     * a placeholder prefix list ({@link #subject()}) whose entries are not known, so every verdict its known rules do
     * not already allow is unknown.
     */
    SECURITY_GROUP_RULES,
    /**
     * Which groups an ENI carries is not known: it carries a placeholder group ({@link #subject()}) that is absent from
     * the network, so every verdict on its side that its known groups do not already allow is unknown.
     */
    SECURITY_GROUPS_OF_INTERFACE,
    /**
     * A rule's peer (or protocol and ports) is not known: the rule admits all traffic from or to a placeholder prefix
     * list ({@link #subject()}) whose entries are not known, so verdicts it could decide are unknown.
     */
    RULE,
    /**
     * A change the network could not take in: a rule whose group is not known, a resource Terraform deferred, a
     * plan that is not complete. Verdicts that come out denied may be unknown: see {@link PlannedNetwork#complete()}.
     */
    UNPLACED,
    /**
     * A resource that makes ENIs carrying security groups, of a type sgreach does not read from plans (a database, a
     * load balancer, a function): its ENIs are not in the network, so flows to and from them are not judged.
     */
    NOT_MODELLED
  }
}
