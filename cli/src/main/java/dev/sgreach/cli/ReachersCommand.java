package dev.sgreach.cli;

import dev.sgreach.engine.Reachers;
import dev.sgreach.model.Cidr;
import dev.sgreach.model.NetworkInterface;
import dev.sgreach.model.Traffic;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import picocli.CommandLine.Option;

/** What {@code who-can-reach} and {@code what-can-be-reached} share: the traffic option and the listing. */
abstract class ReachersCommand extends AnalysisCommand {
  @Option(names = "--port", required = true, paramLabel = "SPEC", converter = TrafficConverter.class,
      description = "The traffic: tcp/PORT, udp/PORT, icmp/TYPE/CODE, icmpv6/TYPE/CODE or a protocol number.")
  Traffic traffic;

  /**
   * Prints the ENIs, outside blocks and unknowns under a heading, written as they are listed (the engine decides by
   * ENI class and lists the ENIs only now); exit 0 whenever it answers.
   */
  Integer print(String heading, String jsonKey, String endpoint, Reachers r) {
    if (snapshot.json) {
      print("", Json.reachers(jsonKey, endpoint, r));
      return ExitCodes.OK;
    }
    PrintWriter out = spec.commandLine().getOut();
    try {
      BufferedWriter w = new BufferedWriter(out, 1 << 16);
      w.write(heading + ":\n");
      for (NetworkInterface e : r.allowedInterfaces()) {
        w.write("  " + e.label() + "\n");
      }
      for (Cidr c : r.outsideBlocks()) {
        w.write("  outside " + c.toCidrString() + "\n");
      }
      for (NetworkInterface e : r.unknownInterfaces()) {
        w.write("  unknown " + e.label() + "\n");
      }
      for (String s : r.outsideUnknown()) {
        w.write("  unknown outside: " + s + "\n");
      }
      if (r.isEmpty() && r.unknownInterfaces().isEmpty() && r.outsideUnknown().isEmpty()) {
        w.write("  nothing\n");
      }
      w.flush();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the answer: " + e.getMessage(), e);
    }
    out.flush();
    return ExitCodes.OK;
  }
}
