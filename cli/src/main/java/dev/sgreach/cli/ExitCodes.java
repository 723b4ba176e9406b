package dev.sgreach.cli;

/** The exit statuses the command line's contract fixes. */
final class ExitCodes {
  /** Allowed, or success. */
  static final int OK = 0;
  /** Denied (reach), or something found (exposure). */
  static final int DENIED = 1;
  /** Bad input of any kind, and internal errors. */
  static final int BAD_INPUT = 2;
  /** The verdict depends on data missing from the snapshot. */
  static final int UNKNOWN = 3;

  private ExitCodes() {}
}
