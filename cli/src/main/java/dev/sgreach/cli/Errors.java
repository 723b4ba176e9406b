package dev.sgreach.cli;

import dev.sgreach.aws.LiveLoadException;
import dev.sgreach.aws.SnapshotException;
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

  /** The user-facing text of an exception; unexpected ones are marked as internal errors. */
  static String message(Throwable ex) {
    String text = ex.getMessage() == null || ex.getMessage().isBlank() ? ex.getClass().getSimpleName()
        : ex.getMessage();
    boolean expected = ex instanceof IllegalArgumentException || ex instanceof BadInputException
        || ex instanceof java.io.UncheckedIOException || ex instanceof java.io.IOException
        || ex instanceof SnapshotException || ex instanceof LiveLoadException
        || ex instanceof software.amazon.awssdk.core.exception.SdkClientException;
    return oneLine(expected ? text : "internal error: " + ex.getClass().getName() + ": " + text
        + " (run with --debug for the stack trace)");
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
