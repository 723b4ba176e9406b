package dev.sgreach.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code sgreach who-can-reach}: everything that can open one flow to a target. */
@Command(name = "who-can-reach", mixinStandardHelpOptions = true, versionProvider = ManifestVersion.class,
    header = "Which ENIs and outside address blocks can open this flow to TO?",
    description = {
        "Lists the ENIs of the snapshot whose flow to TO is allowed (TO itself excluded), the outside address blocks "
            + "TO's rules admit, and the ENIs whose verdict is unknown for lack of data.%n",
        "TO: an ENI id, an instance id, a security group id, an address or an EKS role; a group-valued TO counts an "
            + "ENI that reaches at least one member."},
    exitCodeListHeading = "%nExit status:%n",
    exitCodeList = {
        "0:answered (whether or not anything can reach TO)",
        "2:bad input: options, traffic spec, endpoint, snapshot"})
final class WhoCanReachCommand extends ReachersCommand {
  @Option(names = "--to", required = true, paramLabel = "Y", description = "The target endpoint.")
  String to;

  @Override
  Integer answer() {
    return print("who can reach " + to + " on " + traffic.spec(), "to", to,
        reachability().whoCanReach(endpoint(to), traffic));
  }
}
