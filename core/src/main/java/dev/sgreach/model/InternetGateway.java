package dev.sgreach.model;

import com.google.common.collect.ImmutableList;
import java.util.Locale;

/**
 * An internet gateway ({@code describe-internet-gateways}) or an egress-only internet gateway
 * ({@code describe-egress-only-internet-gateways}) and the VPCs it is attached to.
 *
 * <p>An internet gateway joins its VPC to the internet both ways: it maps each private IPv4 address that has a public
 * or Elastic IP to that address (1:1 NAT) and passes IPv6 as it is. An egress-only internet gateway passes IPv6 out,
 * and back in only as replies to connections made from inside (DOMAIN-PATH.md tables 2c and 2d).
 *
 * @param id {@code igw-...} or {@code eigw-...}
 * @param egressOnly true for an egress-only internet gateway
 * @param ownerId the owning account, empty when unknown
 * @param attachments the VPC attachments with their states
 */
public record InternetGateway(String id, boolean egressOnly, String ownerId, ImmutableList<Attachment> attachments) {
  public InternetGateway {
    if (id == null || id.isBlank()) {
      throw new IllegalArgumentException(
          "internet gateway needs an InternetGatewayId (or EgressOnlyInternetGatewayId)");
    }
    ownerId = ownerId == null ? "" : ownerId;
    attachments = attachments == null ? ImmutableList.of() : attachments;
  }

  /** An internet gateway attached to this VPC. */
  public static InternetGateway attached(String id, String vpcId) {
    return new InternetGateway(id, false, "", ImmutableList.of(new Attachment(vpcId, "available")));
  }

  /** An egress-only internet gateway attached to this VPC. */
  public static InternetGateway egressOnly(String id, String vpcId) {
    return new InternetGateway(id, true, "", ImmutableList.of(new Attachment(vpcId, "attached")));
  }

  /** True when an attachment to this VPC is in force. */
  public boolean isAttachedTo(String vpcId) {
    for (Attachment a : attachments) {
      if (a.vpcId().equals(vpcId) && a.isAttached()) {
        return true;
      }
    }
    return false;
  }

  /** {@code internet gateway igw-0a1} or {@code egress-only internet gateway eigw-0a1}. */
  public String label() {
    return (egressOnly ? "egress-only internet gateway " : "internet gateway ") + id;
  }

  @Override
  public String toString() {
    return id;
  }

  /**
   * One VPC attachment. Describe reports {@code available} for an attached internet gateway and {@code attached} for
   * an egress-only one; both mean attached. {@code attaching}, {@code detaching} and {@code detached} do not.
   *
   * @param vpcId the VPC
   * @param state the attachment state as AWS writes it
   */
  public record Attachment(String vpcId, String state) {
    public Attachment {
      if (vpcId == null || vpcId.isBlank()) {
        throw new IllegalArgumentException("internet gateway attachment needs a VpcId");
      }
      state = state == null ? "" : state.trim().toLowerCase(Locale.ROOT);
    }

    /** True for {@code available} or {@code attached}. */
    public boolean isAttached() {
      return state.equals("available") || state.equals("attached");
    }
  }
}
