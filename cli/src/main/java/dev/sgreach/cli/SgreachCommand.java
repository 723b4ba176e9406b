package dev.sgreach.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The top-level {@code sgreach} command: a map of its subcommands. */
@Command(name = "sgreach", mixinStandardHelpOptions = true, versionProvider = ManifestVersion.class,
    header = "Can this reach that under AWS security groups, and why (not)?",
    description = "Answers reachability questions with proof over a snapshot folder of AWS CLI JSON "
        + "(ec2-describe-security-groups.json, ec2-describe-network-interfaces.json, ...).",
    subcommands = {ReachCommand.class, PortsCommand.class, WhoCanReachCommand.class,
        WhatCanBeReachedCommand.class, ExposureCommand.class,
        LintCommand.class, MatrixCommand.class, GraphCommand.class, DiffCommand.class, SnapshotCommand.class,
        ShellCommand.class, HelpCommand.class},
    commandListHeading = "%nCommands:%n",
    exitCodeOnInvalidInput = ExitCodes.BAD_INPUT, exitCodeOnExecutionException = ExitCodes.BAD_INPUT,
    exitCodeListHeading = "%nExit status:%n",
    exitCodeList = {
        "0:success (reach: allowed)",
        "1:reach: denied; exposure: something is exposed; lint: an error-level finding",
        "2:bad input (options, traffic spec, endpoint, snapshot, queries file), an internal error, out of memory "
            + "or stack (raise it with SGREACH_JAVA_OPTS), or an answer that could not be written to standard output",
        "3:reach: unknown, the answer depends on data missing from the snapshot; exposure: only maybe exposed"})
final class SgreachCommand implements Callable<Integer> {
  final Environment environment;

  @Spec
  CommandSpec spec;

  SgreachCommand(Environment environment) {
    this.environment = environment;
  }

  @Override
  public Integer call() {
    spec.commandLine().getErr().print("sgreach: missing command: reach, ports, who-can-reach, what-can-be-reached,"
        + " exposure, lint, matrix, graph, diff, snapshot or shell (see 'sgreach --help')\n");
    spec.commandLine().getErr().flush();
    return ExitCodes.BAD_INPUT;
  }
}
