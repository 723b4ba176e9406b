package dev.sgreach.model;

import com.google.common.collect.ImmutableList;
import java.util.Locale;
import java.util.Optional;

/**
 * A VPC peering connection ({@code pcx-...}). While its status is {@code active}, a rule in one VPC may reference a
 * security group of the other and match the ENIs that carry it, and each VPC's route tables may send the other's
 * blocks to it.
 *
 * <p>What {@code describe-vpc-peering-connections} says about each side ({@code RequesterVpcInfo},
 * {@code AccepterVpcInfo}: owner, Region, IPv4 and IPv6 blocks) is kept in {@link #requester()} and
 * {@link #accepter()}, so that a peer VPC from an account the snapshot does not cover still has known blocks.
 *
 * @param id {@code pcx-...}
 * @param requesterVpcId the requester VPC
 * @param accepterVpcId the accepter VPC
 * @param status {@code active}, {@code pending-acceptance}, {@code deleted}, ...
 * @param requester the requester side's owner, Region and blocks, as far as known
 * @param accepter the accepter side's owner, Region and blocks, as far as known
 */
public record VpcPeering(String id, String requesterVpcId, String accepterVpcId, String status, Side requester,
    Side accepter) {
  public VpcPeering {
    if (id == null || id.isBlank()) {
      throw new IllegalArgumentException("VPC peering needs a VpcPeeringConnectionId");
    }
    if (requesterVpcId == null || requesterVpcId.isBlank() || accepterVpcId == null || accepterVpcId.isBlank()) {
      throw new IllegalArgumentException(id + ": VPC peering needs both the requester and the accepter VpcId");
    }
    status = status == null ? "" : status.toLowerCase(Locale.ROOT);
    requester = requester == null ? Side.UNKNOWN : requester;
    accepter = accepter == null ? Side.UNKNOWN : accepter;
  }

  /** A peering whose sides' owners, Regions and blocks are not known. */
  public VpcPeering(String id, String requesterVpcId, String accepterVpcId, String status) {
    this(id, requesterVpcId, accepterVpcId, status, Side.UNKNOWN, Side.UNKNOWN);
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
  /**
   * True when both sides' Regions are known and differ: an inter-Region peering, which cannot carry security-group
   * references (VPC peering guide, "Update your security groups to reference peer security groups": same Region
   * only).
   */
  public boolean betweenRegions() {
    return !requester.region().isEmpty() && !accepter.region().isEmpty() && !requester.region().equals(accepter.region());
  }

  public boolean joins(String vpcA, String vpcB) {
    return requesterVpcId.equals(vpcA) && accepterVpcId.equals(vpcB)
        || requesterVpcId.equals(vpcB) && accepterVpcId.equals(vpcA);
  }

  /** The VPC at the other end from {@code vpcId}, empty when this peering does not touch {@code vpcId}. */
  public Optional<String> otherEnd(String vpcId) {
    if (requesterVpcId.equals(vpcId)) {
      return Optional.of(accepterVpcId);
    }
    return accepterVpcId.equals(vpcId) ? Optional.of(requesterVpcId) : Optional.empty();
  }

  /** What is known of the side whose VPC is {@code vpcId}: {@link Side#UNKNOWN} when neither side is that VPC. */
  public Side side(String vpcId) {
    if (requesterVpcId.equals(vpcId)) {
      return requester;
    }
    return accepterVpcId.equals(vpcId) ? accepter : Side.UNKNOWN;
  }

  /**
   * One side of a peering as Describe reports it.
   *
   * @param ownerId the side's account, empty when unknown
   * @param region the side's Region, empty when unknown
   * @param cidrs the side's IPv4 ({@code CidrBlockSet}) and IPv6 ({@code Ipv6CidrBlockSet}) blocks, empty when unknown
   */
  public record Side(String ownerId, String region, ImmutableList<Cidr> cidrs) {
    /** Nothing known. */
    public static final Side UNKNOWN = new Side("", "", ImmutableList.of());

    public Side {
      ownerId = ownerId == null ? "" : ownerId;
      region = region == null ? "" : region;
      cidrs = cidrs == null ? ImmutableList.of() : cidrs;
    }
  }
}
