package dev.sgreach.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.common.collect.ImmutableList;
import dev.sgreach.eks.EksCluster;
import dev.sgreach.eks.Finding;
import dev.sgreach.eks.LintReport;
import dev.sgreach.engine.Fix;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code sgreach lint}: the EKS health checks of a cluster's security groups. */
@Command(name = "lint", mixinStandardHelpOptions = true, versionProvider = ManifestVersion.class,
    header = "Does an EKS cluster's security-group setup allow what a healthy cluster needs, and nothing it must not?",
    description = {
        "Checks the paths a healthy EKS cluster needs (nodes -> API tcp/443; control plane -> kubelet tcp/10250 and "
            + "webhooks; node <-> node; pods -> CoreDNS tcp+udp/53; load balancer -> targets; kubelet -> pods with "
            + "their own security groups; bastion and nodes -> VPC endpoints in private clusters) and what it must "
            + "not have (control plane or nodes open to 0.0.0.0/0 or ::/0). Each finding has a severity, the flow's "
            + "proof and the fix.",
        "Without --cluster, every cluster found in the snapshot is checked.",
        "A check that needs data the snapshot lacks (the control-plane ENIs, a group or prefix list a path depends on, "
            + "a pod's node) is a finding of its own, 'unknown', naming what is missing; it is never a pass.",
        "--format sarif writes SARIF 2.1.0 for code scanning: one result per error, warning or unknown, located at "
            + "the security group to change (its object in ec2-describe-security-groups.json) or the ENI concerned."},
    exitCodeListHeading = "%nExit status:%n",
    exitCodeList = {
        "0:every check decided, no error-level finding",
        "1:at least one error-level finding",
        "2:bad input: options, unknown cluster, snapshot",
        "3:no error-level finding, but some check could not be decided for missing data"})
final class LintCommand extends AnalysisCommand {
  enum Format { text, json, sarif }

  @Option(names = "--cluster", paramLabel = "NAME", description = "The EKS cluster to check (default: every one).")
  String cluster;

  @Option(names = "--format", paramLabel = "FORMAT",
      description = "text (default), json (as --json) or sarif (SARIF 2.1.0 for code-scanning pipelines).")
  Format format;

  @Override
  Integer answer() {
    if (snapshot.json && format != null && format != Format.json) {
      throw new BadInputException("--json and --format " + format + " ask for two outputs: give one");
    }
    List<String> names = cluster == null ? EksCluster.names(network()) : List.of(cluster);
    if (names.isEmpty()) {
      throw new BadInputException("no EKS cluster found in the snapshot: it needs eks-describe-cluster/<name>.json "
          + "or groups tagged aws:eks:cluster-name");
    }
    ImmutableList.Builder<LintReport> reports = ImmutableList.builder();
    for (String name : names) {
      reports.add(dev.sgreach.eks.EksChecks.lint(EksCluster.of(network(), name)
          .withPodSecurityGroupMode(snapshot.podSgMode()), snapshot.layers()));
    }
    StringBuilder text = new StringBuilder();
    ArrayNode json = JsonNodeFactory.instance.arrayNode();
    boolean errors = false;
    boolean unknowns = false;
    for (LintReport r : reports.build()) {
      text.append(r.describe());
      json.add(json(r));
      errors |= r.hasErrors();
      unknowns |= r.hasUnknowns();
    }
    if (format == Format.sarif) {
      java.io.PrintWriter out = spec.commandLine().getOut();
      String where = snapshot.snapshot != null ? snapshot.snapshot
          : snapshot.plan != null ? snapshot.plan : snapshot.eksctl;
      out.print(Json.write(new Sarif(where, environment().resolve(where),
          environment().workingDirectory()).log(reports.build(), Main.class.getPackage().getImplementationVersion())));
      out.flush();
    } else if (format == Format.json) {
      spec.commandLine().getOut().print(Json.write(json));
      spec.commandLine().getOut().flush();
    } else {
      print(text.toString(), json);
    }
    return errors ? ExitCodes.DENIED : unknowns ? ExitCodes.UNKNOWN : ExitCodes.OK;
  }

  private static JsonNode json(LintReport r) {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    o.put("cluster", r.cluster());
    o.put("errors", r.errors().size());
    o.put("warnings", r.warnings().size());
    o.put("unknown", r.unknowns().size());
    ArrayNode findings = o.putArray("findings");
    for (Finding f : r.findings()) {
      ObjectNode n = findings.addObject();
      n.put("severity", f.severity().name().toLowerCase(java.util.Locale.ROOT));
      n.put("check", f.check());
      n.put("title", f.title());
      n.put("detail", f.detail());
      f.proof().ifPresent(v -> n.put("outcome", v.outcome().word()));
      ArrayNode fixes = n.putArray("fixes");
      for (Fix fix : f.fixes()) {
        fixes.addObject().put("rule", fix.describe()).put("awsCli", fix.awsCliCommand());
      }
      f.textFix().ifPresent(t -> n.put("textFix", t));
      f.path().ifPresent(v -> {
        n.put("pathOutcome", v.outcome().word());
        v.blockingHop().ifPresent(h -> n.put("blockingHop", h.describe()));
        ArrayNode pathFixes = n.putArray("pathFixes");
        v.fixes().forEach(x -> pathFixes.addObject().put("change", x.describe()).put("awsCli", x.awsCliCommand()));
      });
    }
    return o;
  }
}
