package dev.sgreach.cli;

import dev.sgreach.engine.Exposure;
import dev.sgreach.engine.RuleMatch;
import dev.sgreach.model.AwsCli;
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
            + "with the traffic they admit and the rules. This is the security-group view: an ENI is listed whether "
            + "or not it has a public address, and the listing says which have one."},
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
  Integer answer() {
    Exposure exposure = of == null ? reachability().exposure() : reachability().exposure(endpoint(of));
    StringBuilder text = new StringBuilder();
    Set<String> revokes = new java.util.HashSet<>();
    for (Exposure.Exposed x : exposure.interfaces()) {
      text.append(Echo.visible(x.eni().label()))
          .append(x.open().isEmpty() ? ": maybe exposed (missing data)" : ": exposed")
          .append(x.fromAnywhere() ? " to anywhere" : "")
          .append(x.hasPublicAddress() ? ", has a public address" : ", no public address").append('\n');
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
    }
    if (exposure.isEmpty()) {
      text.append(of == null ? "no network interface is exposed to the internet\n"
          : "no network interface of " + Echo.visible(of) + " is exposed to the internet\n");
    }
    print(text.toString(), Json.exposure(exposure));
    if (exposure.interfaces().stream().anyMatch(x -> !x.open().isEmpty())) {
      return ExitCodes.DENIED;
    }
    return exposure.isEmpty() ? ExitCodes.OK : ExitCodes.UNKNOWN;
  }
}
