package dev.sgreach.cli;

import dev.sgreach.engine.Exposure;
import dev.sgreach.engine.Outcome;
import dev.sgreach.engine.RuleMatch;
import dev.sgreach.model.Cidr;
import java.util.LinkedHashSet;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code sgreach exposure}: what the internet can open to ENIs of the snapshot. */
@Command(name = "exposure", mixinStandardHelpOptions = true, versionProvider = ManifestVersion.class,
    header = "Which ENIs can the internet open connections to, on which ports, through which rules?",
    description = {
        "Lists every ENI (or, with --of, the ENIs of one endpoint) whose inbound rules admit public addresses, "
            + "with the traffic they admit and the rules. This is the security-group view: an ENI is listed whether "
            + "or not it has a public address, and the listing gives the public addresses it can be reached at "
            + "(an ENI with none is exposed by security groups only: routes are not checked). --of takes a public "
            + "or Elastic IP too: it stands for the ENI it belongs to."},
    exitCodeListHeading = "%nExit status:%n",
    exitCodeList = {
        "0:nothing is exposed",
        "1:something is exposed",
        "3:nothing is surely exposed, but some exposure depends on data missing from the snapshot",
        "2:bad input: options, endpoint, snapshot"})
final class ExposureCommand extends AnalysisCommand {
  @Option(names = "--of", paramLabel = "X",
      description = "Only the ENIs of this endpoint (ENI, instance, security group or address).")
  String of;

  @Override
  public Integer call() {
    Exposure exposure = of == null ? reachability().exposure() : reachability().exposure(endpoint(of));
    StringBuilder text = new StringBuilder();
    for (Exposure.Exposed x : exposure.interfaces()) {
      text.append(x.eni().label())
          .append(x.outcome() == Outcome.ALLOWED ? ": exposed" : ": maybe exposed (missing data)")
          .append(x.fromAnywhere() ? " to anywhere" : "")
          .append(x.publicAddresses().isEmpty() ? ", no public address (exposed by security groups only)"
              : ", reachable at " + x.publicAddresses().stream().map(Cidr::toString)
                  .collect(java.util.stream.Collectors.joining(", ")))
          .append('\n');
      for (String line : x.open().toString().split("\n")) {
        text.append("  ").append(line).append('\n');
      }
      Set<String> rules = new LinkedHashSet<>();
      for (RuleMatch m : x.rules()) {
        rules.add(m.describe());
      }
      for (String r : rules) {
        text.append("    by ").append(r).append('\n');
      }
    }
    if (exposure.isEmpty()) {
      text.append(of == null ? "no network interface is exposed to the internet\n"
          : "no network interface of " + of + " is exposed to the internet\n");
    }
    print(text.toString(), Json.exposure(exposure));
    return switch (exposure.outcome()) {
      case ALLOWED -> ExitCodes.DENIED; // exit 1: something is exposed
      case UNKNOWN -> ExitCodes.UNKNOWN;
      case DENIED -> ExitCodes.OK;
    };
  }
}
