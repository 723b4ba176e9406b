package dev.sgreach.cli;

import dev.sgreach.snapshot.SnapshotException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.MissingParameterException;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * How failures reach the user: one line on standard error, exit status 2, never a stack trace unless
 * {@code --debug} is given. Picocli's default would exit 1 for an exception, which the contract reserves for
 * "denied".
 */
final class Errors {
  private Errors() {}

  /** Bad options or option values: one line naming the problem and where to find help. */
  static int handleParameterException(ParameterException ex, String[] args) {
    CommandLine cl = ex.getCommandLine();
    PrintWriter err = cl.getErr();
    String message = ex.getMessage();
    if (ex instanceof MissingParameterException && !cl.getUnmatchedArguments().isEmpty()) {
      // picocli checks required options first; an unknown option is the more useful thing to say
      message = "Unknown option or argument: '" + cl.getUnmatchedArguments().get(0) + "'";
    }
    err.print("sgreach: " + oneLine(message) + " (see '" + cl.getCommandSpec().qualifiedName()
        + " --help')\n");
    if (debug(cl.getParseResult())) {
      ex.printStackTrace(err);
    }
    err.flush();
    return ExitCodes.BAD_INPUT;
  }

  /** Anything a command throws: bad input found while running, or an internal error. */
  static int handleExecutionException(Exception ex, CommandLine cl, ParseResult parseResult) {
    PrintWriter err = cl.getErr();
    err.print("sgreach: " + message(ex) + "\n");
    if (debug(parseResult)) {
      ex.printStackTrace(err);
    }
    err.flush();
    return ExitCodes.BAD_INPUT;
  }

  /**
   * Failures of a live load that are the user's to fix (denied, unreachable, no region), known by class name so that
   * offline commands never load an AWS SDK or adapter class, not even to test an exception's type.
   */
  private static final java.util.Set<String> LIVE_FAILURES = java.util.Set.of("dev.sgreach.aws.LiveLoadException",
      "software.amazon.awssdk.core.exception.SdkClientException");

  /** The user-facing text of an exception; unexpected ones are marked as internal errors. */
  static String message(Throwable ex) {
    String text = ex.getMessage() == null || ex.getMessage().isBlank() ? ex.getClass().getSimpleName()
        : ex.getMessage();
    boolean expected = ex instanceof IllegalArgumentException || ex instanceof BadInputException
        || ex instanceof java.io.UncheckedIOException || ex instanceof java.io.IOException
        || ex instanceof SnapshotException || isLiveFailure(ex.getClass());
    return oneLine(expected ? text : "internal error: " + ex.getClass().getName() + ": " + text
        + " (run with --debug for the stack trace)");
  }

  private static boolean isLiveFailure(Class<?> type) {
    for (Class<?> c = type; c != null; c = c.getSuperclass()) {
      if (LIVE_FAILURES.contains(c.getName())) {
        return true;
      }
    }
    return false;
  }

  static String oneLine(String text) {
    return text == null ? "" : text.replace("\r\n", " ").replace('\n', ' ').replace('\r', ' ').trim();
  }

  private static boolean debug(ParseResult pr) {
    for (ParseResult p = pr; p != null; p = p.subcommand()) {
      if (p.hasMatchedOption("--debug")) {
        return true;
      }
    }
    return false;
  }
}
