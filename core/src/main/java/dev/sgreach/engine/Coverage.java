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
  /** Every member flow is denied. */
  NONE,
  /** No member flow is surely allowed, and some may be: they depend on data the snapshot lacks. */
  UNKNOWN;

  /** {@code all}, {@code some}, {@code none} or {@code unknown}. */
  public String word() {
    return name().toLowerCase(Locale.ROOT);
  }
}
