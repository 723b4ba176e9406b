package dev.sgreach.cli;

import dev.sgreach.engine.Reachers;
import dev.sgreach.model.Cidr;
import dev.sgreach.model.NetworkInterface;
import dev.sgreach.model.Traffic;
import picocli.CommandLine.Option;

/** What {@code who-can-reach} and {@code what-can-be-reached} share: the traffic option and the listing. */
abstract class ReachersCommand extends AnalysisCommand {
  @Option(names = "--port", required = true, paramLabel = "SPEC", converter = TrafficConverter.class,
      description = "The traffic: tcp/PORT, udp/PORT, icmp/TYPE/CODE, icmpv6/TYPE/CODE or a protocol number.")
  Traffic traffic;

  /** Prints the ENIs, outside blocks and unknowns under a heading; exit 0 whenever it answers. */
  Integer print(String heading, String jsonKey, String endpoint, Reachers r) {
    StringBuilder text = new StringBuilder(heading).append(":\n");
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
    print(text.toString(), Json.reachers(jsonKey, endpoint, r));
    return ExitCodes.OK;
  }
}
