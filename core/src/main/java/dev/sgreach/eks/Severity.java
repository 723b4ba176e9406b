package dev.sgreach.eks;

/** How much a lint finding matters. */
public enum Severity {
  /** A path a healthy cluster needs is closed, or something that must stay closed is open. */
  ERROR,
  /** Likely trouble, or a check that could not be decided from the snapshot. */
  WARNING,
  /** A check that passed, or a fact worth knowing. */
  INFO
}
