package dev.sgreach.cli;

import picocli.CommandLine;

/**
 * The {@code sgreach} command line; {@code ./sgreach} at the repository root runs it.
 *
 * <pre>
 * sgreach reach --snapshot DIR --from X --to Y --port SPEC   exit 0 allowed, 1 denied, 3 unknown, 2 bad input
 * sgreach reach --snapshot DIR --queries FILE                one line per query: FROM TAB TO TAB SPEC TAB verdict
 * sgreach ports --snapshot DIR --from X --to Y
 * sgreach who-can-reach --snapshot DIR --to Y --port SPEC
 * sgreach exposure --snapshot DIR [--of X]
 * sgreach lint --snapshot DIR [--cluster NAME] [--format text|json|sarif]
 * sgreach graph --snapshot DIR [--cluster NAME] [--focus X] [--format dot|mermaid|svg] [--out FILE]
 * sgreach shell [--snapshot DIR] [SCRIPT]
 * </pre>
 *
 * <p>Run {@code sgreach help COMMAND} for each command's options and exit codes.
 */
public final class Main {
  private Main() {}

  /**
   * Runs the command line and exits with its status. A thread of its own that dies of an error no command sees (the
   * progress ticker, a stream copier) ends the process with one line and status 2, never a stack trace: an answer
   * computed beside a failed thread is not trusted.
   */
  public static void main(String[] args) {
    Thread.setDefaultUncaughtExceptionHandler((thread, e) -> {
      System.err.print(Errors.uncaughtLine(thread.getName(), e) + "\n");
      System.err.flush();
      Runtime.getRuntime().halt(ExitCodes.BAD_INPUT);
    });
    System.exit(run(args));
  }

  /**
   * Runs the command line on {@code System.in}, {@code System.out} and {@code System.err} without exiting.
   *
   * @return the exit status
   */
  public static int run(String... args) {
    CommandLine cl = commandLine(Environment.system());
    cl.setOut(StandardOutput.system()); // keeps write errors, which System.out would swallow
    return cl.execute(args);
  }

  /** The configured picocli command line over an environment: the one place exit codes and errors are set up. */
  static CommandLine commandLine(Environment environment) {
    CommandLine cl = new CommandLine(new SgreachCommand(environment));
    cl.setExitCodeExceptionMapper(e -> ExitCodes.BAD_INPUT);
    cl.setParameterExceptionHandler(Errors::handleParameterException);
    cl.setExecutionExceptionHandler(Errors::handleExecutionException);
    cl.setExecutionStrategy(Errors.guard(new CommandLine.RunLast()));
    return cl;
  }
}
