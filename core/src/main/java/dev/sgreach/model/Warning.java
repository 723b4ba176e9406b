package dev.sgreach.model;

/**
 * Something found while building a {@link Network} that a reader of its verdicts should know.
 *
 * @param kind what sort of problem
 * @param subject the id it is about ({@code sg-...}, {@code eni-...}, {@code pl-...})
 * @param message one line saying what is wrong and what it does to verdicts
 */
public record Warning(Kind kind, String subject, String message) {
  /** The kinds of warning. */
  public enum Kind {
    /**
     * A rule references a security group that is not in the snapshot (deleted, or in an account not collected). The
     * reference still matches ENIs of the snapshot that carry that group id, and nothing else.
     */
    STALE_REFERENCE,
    /** A rule references a group through a peering that is not active; the reference matches nothing. */
    STALE_PEERING_REFERENCE,
    /** An ENI carries a group that is not in the snapshot: verdicts that depend on its rules are unknown. */
    MISSING_SECURITY_GROUP,
    /** A rule names a prefix list that is not in the snapshot: verdicts that depend on it are unknown. */
    MISSING_PREFIX_LIST,
    /** A prefix list's entries were not collected: verdicts that depend on it are unknown. */
    UNKNOWN_PREFIX_LIST_ENTRIES,
    /**
     * Two ENIs claim the same private address (possible in two VPCs); an address endpoint for it must name the VPC
     * ({@code vpc-.../ADDRESS}) or it is ambiguous.
     */
    DUPLICATE_ADDRESS,
    /**
     * A subnet is associated with two network ACLs, or explicitly with two route tables, where AWS allows one:
     * answers that depend on which one applies are unknown.
     */
    AMBIGUOUS_ASSOCIATION,
    /**
     * A Network Load Balancer's ENI carries no group and its listeners are unknown (describe-listeners not collected,
     * or its load balancer not in the snapshot): what it accepts is unknown on every port.
     */
    UNKNOWN_LISTENERS
  }

  @Override
  public String toString() {
    return "warning: " + message;
  }
}
