package dev.sgreach.model;

import java.util.Locale;

/**
 * A VPC peering connection ({@code pcx-...}). While its status is {@code active}, a rule in one VPC may reference a
 * security group of the other and match the ENIs that carry it.
 *
 * @param id {@code pcx-...}
 * @param requesterVpcId the requester VPC
 * @param accepterVpcId the accepter VPC
 * @param status {@code active}, {@code pending-acceptance}, {@code deleted}, ...
 */
public record VpcPeering(String id, String requesterVpcId, String accepterVpcId, String status) {
  public VpcPeering {
    if (id == null || id.isBlank()) {
      throw new IllegalArgumentException("VPC peering needs a VpcPeeringConnectionId");
    }
    if (requesterVpcId == null || requesterVpcId.isBlank() || accepterVpcId == null || accepterVpcId.isBlank()) {
      throw new IllegalArgumentException(id + ": VPC peering needs both the requester and the accepter VpcId");
    }
    status = status == null ? "" : status.toLowerCase(Locale.ROOT);
  }

  /** An active peering between two VPCs. */
  public static VpcPeering active(String id, String vpcA, String vpcB) {
    return new VpcPeering(id, vpcA, vpcB, "active");
  }

  /** True when the status is {@code active}. */
  public boolean isActive() {
    return status.equals("active");
  }

  /** True when this peering joins the two VPCs, in either order. */
  public boolean joins(String vpcA, String vpcB) {
    return requesterVpcId.equals(vpcA) && accepterVpcId.equals(vpcB)
        || requesterVpcId.equals(vpcB) && accepterVpcId.equals(vpcA);
  }
}
