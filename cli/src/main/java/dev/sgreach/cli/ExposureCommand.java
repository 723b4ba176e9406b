package dev.sgreach.cli;

import dev.sgreach.engine.Exposure;
import dev.sgreach.engine.Outcome;
import dev.sgreach.engine.RuleMatch;
import dev.sgreach.model.AwsCli;
import dev.sgreach.model.Cidr;
import dev.sgreach.model.Echo;
import java.util.LinkedHashSet;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code sgreach exposure}: what the internet can open to ENIs of the snapshot. */
@Command(name = "exposure", mixinStandardHelpOptions = true, versionProvider = ManifestVersion.class,
    header = "Which ENIs can the internet open connections to, on which ports, through which rules?",
    description = {
        "Lists every ENI (or, with --of, the ENIs of one endpoint) whose inbound rules admit public addresses, "
            + "with the traffic they admit, the rules and the public addresses it can be reached at (an ENI with "
            + "none is exposed by security groups only). When the snapshot holds network ACLs or route tables, "
            + "each says whether the internet really gets there (a public address, a route to an attached "
            + "internet gateway, network ACLs both ways) or the ENI is open by security groups only; without "
            + "them (or with --layers sg) this is the security-group view. --of takes a public or Elastic IP too: "
            + "it stands for the ENI it belongs to."},
    exitCodeListHeading = "%nExit status:%n",
    exitCodeList = {
        "0:nothing is exposed (with path data: at most open by security groups only)",
        "1:something is exposed (with path data: the internet really gets there)",
        "3:nothing is surely exposed, but some exposure depends on data missing from the snapshot",
        "2:bad input: options, endpoint, snapshot"})
final class ExposureCommand extends AnalysisCommand {
  @Option(names = "--of", paramLabel = "X",
      description = "Only the ENIs of this endpoint (ENI, instance, security group or address).")
  String of;

  @Override
  Integer answer() {
    Exposure exposure = of == null ? reachability().exposure() : reachability().exposure(endpoint(of));
    StringBuilder text = new StringBuilder();
    if (exposure.pathChecked()) {
      text.append("layers checked: ").append(exposure.layersChecked().stream().map(l -> l.words())
          .collect(java.util.stream.Collectors.joining(", "))).append('\n');
    }
    Set<String> revokes = new java.util.HashSet<>();
    for (Exposure.Exposed x : exposure.interfaces()) {
      text.append(Echo.visible(x.eni().label()))
          .append(x.open().isEmpty() ? ": maybe exposed (missing data)" : ": exposed")
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
        if (!rules.add(m.describe())) {
          continue;
        }
        text.append("    by ").append(Echo.visible(m.describe())).append('\n');
        // the command that removes the rule, once in the whole listing
        String revoke = AwsCli.revoke(m.group().id(), m.rule());
        text.append(revokes.add(revoke) ? "      " + revoke : "      (revoke command above)").append('\n');
      }
      path(text, x);
    }
    if (exposure.isEmpty()) {
      text.append(of == null ? "no network interface is exposed to the internet\n"
          : "no network interface of " + Echo.visible(of) + " is exposed to the internet\n");
    }
    print(text.toString(), Json.exposure(exposure));
    return switch (exposure.outcome()) {
      case ALLOWED -> ExitCodes.DENIED; // exit 1: something is exposed
      case UNKNOWN -> ExitCodes.UNKNOWN;
      case DENIED -> ExitCodes.OK;
    };
  }

  /** What the packet path makes of one exposed ENI, with the hop that shows it. */
  private static void path(StringBuilder text, Exposure.Exposed x) {
    switch (x.path()) {
      case OPEN -> text.append("  path: the internet gets there");
      case BLOCKED -> text.append("  path: closed, open by security groups only");
      case UNKNOWN -> text.append("  path: unknown (data missing from the snapshot)");
      case NOT_CHECKED -> {
        return;
      }
    }
    x.pathProof().ifPresent(p -> {
      text.append(" (").append(p.source().label()).append(" -> ").append(p.destination().label()).append(" on ")
          .append(p.traffic().spec()).append(')');
      p.hops().stream().filter(h -> h.outcome() != dev.sgreach.engine.Outcome.ALLOWED).findFirst()
          .ifPresent(h -> text.append(": ").append(dev.sgreach.model.Echo.visible(h.describe())));
    });
    if (x.pathProof().isEmpty() && x.path() == Exposure.PathReach.BLOCKED) {
      text.append(": no public address, and the internet reaches no private one");
    }
    text.append('\n');
  }
}
