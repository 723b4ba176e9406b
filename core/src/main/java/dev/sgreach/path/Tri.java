package dev.sgreach.path;

import dev.sgreach.engine.Outcome;

/** Three-valued answers as ints on the fast path: {@link #DENY}, {@link #ALLOW}, {@link #UNKNOWN}. */
final class Tri {
  static final int DENY = 0;
  static final int ALLOW = 1;
  static final int UNKNOWN = 2;

  private Tri() {}

  /** Kleene "and": deny if either denies, allow if both allow, else unknown. */
  static int and(int a, int b) {
    if (a == DENY || b == DENY) {
      return DENY;
    }
    return a == ALLOW && b == ALLOW ? ALLOW : UNKNOWN;
  }

  static Outcome outcome(int value) {
    return switch (value) {
      case ALLOW -> Outcome.ALLOWED;
      case DENY -> Outcome.DENIED;
      default -> Outcome.UNKNOWN;
    };
  }
}
