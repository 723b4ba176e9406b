package dev.sgreach.cli;

import dev.sgreach.engine.Reachers;
import dev.sgreach.model.Cidr;
import dev.sgreach.model.NetworkInterface;
import dev.sgreach.model.Traffic;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code sgreach who-can-reach}: everything that can open one flow to a target. */
@Command(name = "who-can-reach", mixinStandardHelpOptions = true, versionProvider = ManifestVersion.class,
    header = "Which ENIs and outside address blocks can open this flow to TO?",
    description = {
        "Lists the ENIs of the snapshot whose flow to TO is allowed (TO itself excluded), the outside address blocks "
            + "TO's rules admit, and the ENIs whose verdict is unknown for lack of data.%n",
        "TO: an ENI id, an instance id, a security group id or an address; a group-valued TO counts an ENI that "
            + "reaches at least one member."},
    exitCodeListHeading = "%nExit status:%n",
    exitCodeList = {
        "0:answered (whether or not anything can reach TO)",
        "2:bad input: options, traffic spec, endpoint, snapshot"})
final class WhoCanReachCommand extends AnalysisCommand {
  @Option(names = "--to", required = true, paramLabel = "Y", description = "The target endpoint.")
  String to;

  @Option(names = "--port", required = true, paramLabel = "SPEC", converter = TrafficConverter.class,
      description = "The traffic: tcp/PORT, udp/PORT, icmp/TYPE/CODE, icmpv6/TYPE/CODE or a protocol number.")
  Traffic traffic;

  @Override
  public Integer call() {
    Reachers r = reachability().whoCanReach(endpoint(to), traffic);
    StringBuilder text = new StringBuilder("who can reach ").append(to).append(" on ").append(traffic.spec())
        .append(":\n");
    for (NetworkInterface e : r.allowedInterfaces()) {
      text.append("  ").append(e.label()).append('\n');
    }
    for (Cidr c : r.outsideBlocks()) {
      text.append("  outside ").append(c.toCidrString()).append('\n');
    }
    for (NetworkInterface e : r.unknownInterfaces()) {
      text.append("  unknown ").append(e.label()).append('\n');
    }
    for (String s : r.outsideUnknown()) {
      text.append("  unknown outside: ").append(s).append('\n');
    }
    if (r.isEmpty() && r.unknownInterfaces().isEmpty() && r.outsideUnknown().isEmpty()) {
      text.append("  nothing\n");
    }
    print(text.toString(), Json.reachers(to, r));
    return ExitCodes.OK;
  }
}
