package dev.sgreach.graph;

import com.google.common.collect.ImmutableList;
import dev.sgreach.eks.SecurityGroupRole;
import java.util.Optional;

/**
 * One box of a {@link SecurityGroupGraph}: a security group, a peer a rule names (a group missing from the snapshot,
 * the internet, a CIDR block, a managed prefix list), a class of ENIs that carry the same groups in the same EKS role,
 * or, in a summary, a set of groups or address blocks.
 *
 * @param id the node's name in DOT and Mermaid: ASCII letters, digits and underscores only, the same for the same
 *     snapshot (e.g. {@code sg_0a8b3561dfc102c93}, {@code internet_v4}, {@code enis_3})
 * @param kind what the node stands for
 * @param title the first line of its label: the group's name (or id), the CIDR, the ENIs' role
 * @param details the further lines of its label: the group id, its EKS role, what it carries or counts
 * @param resources the snapshot ids it stands for: group ids, ENI ids, the CIDR block, the prefix-list id
 * @param role the EKS role of a security group (or of the groups a summary node counts), when recognised
 * @param context true for a node drawn only because a rule of the drawn selection names it; its own rules are not
 *     drawn
 */
public record GraphNode(String id, Kind kind, String title, ImmutableList<String> details,
    ImmutableList<String> resources, Optional<SecurityGroupRole> role, boolean context) {

  /** What a node stands for. */
  public enum Kind {
    /** A security group of the snapshot. */
    SECURITY_GROUP,
    /** A group that a rule references or an ENI carries but that the snapshot lacks (a stale or missing group). */
    MISSING_GROUP,
    /** {@code 0.0.0.0/0} or {@code ::/0}. */
    INTERNET,
    /** Any other CIDR block a rule names. */
    CIDR,
    /** A managed prefix list a rule names. */
    PREFIX_LIST,
    /** ENIs carrying the same security groups in the same role, drawn once with their count. */
    ENI_CLASS,
    /** In a summary: the groups of one EKS role of one cluster, or the other groups of one VPC. */
    GROUP_SUMMARY,
    /** In a summary: every CIDR block other than the internet, or every prefix list. */
    ADDRESS_SUMMARY;

    /** The kind as a CSS-style class name: {@code security-group}, {@code eni-class}, ... */
    public String cssClass() {
      return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
  }

  /** The label's lines: the title, then the details. */
  public ImmutableList<String> lines() {
    return ImmutableList.<String>builder().add(title).addAll(details).build();
  }

  /** True for a security group or a set of them (summary), the nodes rules are drawn between. */
  public boolean isGroup() {
    return kind == Kind.SECURITY_GROUP || kind == Kind.MISSING_GROUP || kind == Kind.GROUP_SUMMARY;
  }

  @Override
  public String toString() {
    return id + " " + kind + " " + String.join(" | ", lines());
  }
}
