package dev.sgreach.cli;

import dev.sgreach.engine.OpenPorts;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code sgreach ports}: exactly which traffic gets from one ENI or address to another. */
@Command(name = "ports", mixinStandardHelpOptions = true, versionProvider = ManifestVersion.class,
    header = "Which protocols and ports get from FROM to TO?",
    description = {
        "Prints, per protocol, the exact ports (TCP, UDP), ICMP/ICMPv6 type/code keys, and other IP protocols that "
            + "both FROM's egress and TO's ingress admit, then what is unknown for lack of data.%n",
        "FROM and TO must each stand for one member: an ENI id, or an address (an ENI's or an outside party's)."},
    exitCodeListHeading = "%nExit status:%n",
    exitCodeList = {
        "0:answered (whether or not anything gets through)",
        "2:bad input: options, endpoint, snapshot"})
final class PortsCommand extends AnalysisCommand {
  @Option(names = "--from", required = true, paramLabel = "X", description = "The source endpoint.")
  String from;

  @Option(names = "--to", required = true, paramLabel = "Y", description = "The destination endpoint.")
  String to;

  @Override
  Integer answer() {
    OpenPorts open = reachability().openPorts(endpoint(from), endpoint(to));
    String body = open.toString();
    String text = "open from " + from + " to " + to + ":"
        + (body.equals("nothing") ? " nothing\n" : "\n  " + body.replace("\n", "\n  ") + "\n");
    print(text, Json.openPorts(from, to, open));
    return ExitCodes.OK;
  }
}
