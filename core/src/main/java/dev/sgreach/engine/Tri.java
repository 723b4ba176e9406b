package dev.sgreach.engine;

/**
 * Kleene's three-valued logic on ints, the engine's internal form of {@link Outcome}: {@link #F} (denied),
 * {@link #T} (allowed), {@link #U} (unknown: depends on data the snapshot lacks). Ordered F &lt; U &lt; T, so "or" is
 * the larger value and "and" the smaller.
 */
final class Tri {
  static final int F = 0;
  static final int U = 1;
  static final int T = 2;

  private Tri() {}

  /** Kleene "or": T if either is T, else U if either is U, else F. */
  static int or(int a, int b) {
    return Math.max(a, b);
  }

  /** Kleene "and": F if either is F, else U if either is U, else T. */
  static int and(int a, int b) {
    return Math.min(a, b);
  }

  static Outcome outcome(int v) {
    return v == T ? Outcome.ALLOWED : v == U ? Outcome.UNKNOWN : Outcome.DENIED;
  }

  static int of(Outcome o) {
    return o == Outcome.ALLOWED ? T : o == Outcome.UNKNOWN ? U : F;
  }
}
