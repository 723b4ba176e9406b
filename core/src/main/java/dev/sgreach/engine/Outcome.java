package dev.sgreach.engine;

import java.util.Locale;

/**
 * The three-valued answer to "does this flow get through the security groups?".
 *
 * <p>{@link #UNKNOWN} is given only when the answer depends on data the snapshot lacks: an ENI carries a group whose
 * rules were not collected, or a rule names a prefix list whose entries were not collected. sgreach never guesses.
 */
public enum Outcome {
  /** Both the sender's egress and the receiver's ingress admit the flow. */
  ALLOWED,
  /** At least one side admits nothing that matches the flow. */
  DENIED,
  /** The answer depends on data missing from the snapshot. */
  UNKNOWN;

  private final String word = name().toLowerCase(Locale.ROOT);

  /** {@code allowed}, {@code denied} or {@code unknown}: the word the command line prints. */
  public String word() {
    return word;
  }

  /** Kleene "and": denied if either is denied, allowed if both are allowed, else unknown. */
  public Outcome and(Outcome other) {
    if (this == DENIED || other == DENIED) {
      return DENIED;
    }
    return this == ALLOWED && other == ALLOWED ? ALLOWED : UNKNOWN;
  }

  /** Kleene "or": allowed if either is allowed, denied if both are denied, else unknown. */
  public Outcome or(Outcome other) {
    if (this == ALLOWED || other == ALLOWED) {
      return ALLOWED;
    }
    return this == DENIED && other == DENIED ? DENIED : UNKNOWN;
  }
}
