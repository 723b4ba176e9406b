package dev.sgreach.engine;

import java.util.Locale;

/**
 * For a group-valued side (an instance, a security group, an EKS role): whether all, some or none of its member
 * flows get through.
 */
public enum Coverage {
  /** Every member flow is allowed. */
  ALL,
  /** Some member flows are allowed, others are not (denied or unknown). */
  SOME,
  /** No member flow is allowed. */
  NONE;

  /** {@code all}, {@code some} or {@code none}. */
  public String word() {
    return name().toLowerCase(Locale.ROOT);
  }
}
