package dev.sgreach.model;

/** Which way a security-group rule looks: inbound ({@code IpPermissions}) or outbound ({@code IpPermissionsEgress}). */
public enum Direction {
  /** An inbound rule: the peer is the source of the connection, the ENI carrying the group its destination. */
  INGRESS,
  /** An outbound rule: the ENI carrying the group opens the connection, the peer is its destination. */
  EGRESS;

  /** The AWS CLI verb that adds a rule of this direction, e.g. {@code authorize-security-group-ingress}. */
  public String authorizeCommand() {
    return this == INGRESS ? "authorize-security-group-ingress" : "authorize-security-group-egress";
  }

  /** The AWS CLI verb that removes a rule of this direction, e.g. {@code revoke-security-group-ingress}. */
  public String revokeCommand() {
    return this == INGRESS ? "revoke-security-group-ingress" : "revoke-security-group-egress";
  }

  /** {@code "ingress"} or {@code "egress"}. */
  public String word() {
    return this == INGRESS ? "ingress" : "egress";
  }
}
