package dev.sgreach.eks;

/** How much a lint finding matters. */
public enum Severity {
  /** A path a healthy cluster needs is closed, or something that must stay closed is open. */
  ERROR,
  /** Likely trouble: a needed path open for only some members, a public block that is not the internet. */
  WARNING,
  /**
   * A check that could not be decided: the snapshot lacks data it needs (the control-plane ENIs, a group or prefix
   * list the verdict depends on, a pod's node). Never a pass: {@code lint} exits 3 when there is no error but some
   * finding is unknown.
   */
  UNKNOWN,
  /** A check that passed, or a fact worth knowing. */
  INFO
}
