package dev.sgreach.engine;

/**
 * The oracle's own three-valued verdict (kept apart from the production {@code Outcome} so the oracle shares no code
 * with the engine). ALLOWED is Kleene's TRUE, DENIED its FALSE.
 */
public enum NaiveOutcome {
  ALLOWED,
  DENIED,
  UNKNOWN;

  /** Kleene OR: TRUE wins, then UNKNOWN, else FALSE. */
  public NaiveOutcome or(NaiveOutcome other) {
    if (this == ALLOWED || other == ALLOWED) {
      return ALLOWED;
    }
    if (this == UNKNOWN || other == UNKNOWN) {
      return UNKNOWN;
    }
    return DENIED;
  }

  /** Kleene AND: FALSE wins, then UNKNOWN, else TRUE. */
  public NaiveOutcome and(NaiveOutcome other) {
    if (this == DENIED || other == DENIED) {
      return DENIED;
    }
    if (this == UNKNOWN || other == UNKNOWN) {
      return UNKNOWN;
    }
    return ALLOWED;
  }
}
