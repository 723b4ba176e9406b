package dev.sgreach.eks;

/**
 * A security group or ENI in a cluster's VPC that sgreach could not place in any cluster role, and why. sgreach
 * reports these rather than guess.
 *
 * @param id the {@code sg-...} or {@code eni-...} id
 * @param kind {@code security group} or {@code network interface}
 * @param reason what was found and what was missing
 */
public record Unrecognised(String id, String kind, String reason) {
  /** {@code eni-0a1 (network interface): reason}. */
  public String describe() {
    return id + " (" + kind + "): " + reason;
  }

  @Override
  public String toString() {
    return describe();
  }
}
