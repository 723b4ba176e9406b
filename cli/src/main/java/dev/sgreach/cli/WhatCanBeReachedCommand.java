package dev.sgreach.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code sgreach what-can-be-reached}: everything one source can open a flow to. */
@Command(name = "what-can-be-reached", mixinStandardHelpOptions = true, versionProvider = ManifestVersion.class,
    header = "Which ENIs and outside address blocks can FROM open this flow to?",
    description = {
        "Lists the ENIs of the snapshot that FROM's flow reaches (FROM itself excluded), the outside address blocks "
            + "FROM's rules admit, and the ENIs whose verdict is unknown for lack of data.%n",
        "FROM: an ENI id, an instance id, a security group id, an address or an EKS role; a group-valued FROM counts "
            + "an ENI that at least one member reaches."},
    exitCodeListHeading = "%nExit status:%n",
    exitCodeList = {
        "0:answered (whether or not FROM reaches anything)",
        "2:bad input: options, traffic spec, endpoint, snapshot"})
final class WhatCanBeReachedCommand extends ReachersCommand {
  @Option(names = "--from", required = true, paramLabel = "X", description = "The source endpoint.")
  String from;

  @Override
  Integer answer() {
    return print("what " + from + " can reach on " + traffic.spec(), "from", from,
        reachability().whatCanBeReached(endpoint(from), traffic));
  }
}
