package dev.sgreach.model;

import java.util.Locale;

/**
 * A layer of AWS's packet path that a snapshot can hold data for, and so a verdict can check.
 *
 * <p>Security groups are always checked. Network ACLs and routes are checked only when the snapshot holds their data
 * ({@link Network#layers()}): a snapshot without them is judged on security groups alone and says so, never as if
 * the missing layers allowed or denied anything.
 */
public enum Layer {
  /** The security groups on each ENI: the sender's egress and the receiver's ingress (stateful). */
  SECURITY_GROUPS,
  /** The network ACL of each subnet the packet leaves or enters, both ways (stateless). */
  NETWORK_ACLS,
  /**
   * Subnet route tables and what they lead to: the VPC's local route, internet and egress-only internet gateways,
   * NAT gateways, gateway endpoints, VPC peerings and transit gateways.
   */
  ROUTES;

  /** {@code security groups}, {@code network ACLs} or {@code routes}: the words a verdict prints. */
  public String words() {
    return switch (this) {
      case SECURITY_GROUPS -> "security groups";
      case NETWORK_ACLS -> "network ACLs";
      case ROUTES -> "routes";
    };
  }

  @Override
  public String toString() {
    return name().toLowerCase(Locale.ROOT);
  }
}
