package dev.sgreach.cli;

import dev.sgreach.aws.LiveSnapshot;
import dev.sgreach.model.AwsId;
import dev.sgreach.model.Echo;
import dev.sgreach.model.Network;
import java.io.PrintWriter;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code sgreach snapshot}: collects a region from AWS (read-only) into a snapshot folder. */
@Command(name = "snapshot", mixinStandardHelpOptions = true, versionProvider = ManifestVersion.class,
    header = "Collect security groups, ENIs, prefix lists, VPCs, peerings, EKS clusters, load balancers and the "
        + "packet path (subnets, network ACLs, route tables, gateways, endpoints, transit gateways) from AWS into a "
        + "snapshot folder.",
    description = {
        "Calls only Describe/Get/List/Search operations (docs/iam-policy.json is the policy it needs). The load is "
            + "complete or it fails: a denied call names the missing IAM action, a call that still fails after "
            + "retries fails the load, and nothing is written unless everything loaded. Progress shows "
            + "on standard error when it is a terminal. The folder is DESIGN.md's layout of plain AWS CLI JSON, readable by every other "
            + "command with --snapshot."},
    exitCodeListHeading = "%nExit status:%n",
    exitCodeList = {"0:the folder was written", "2:bad input (a --vpc or --cluster that matches nothing too), or the"
        + " load failed (denied, throttled, unreachable); the old folder is then left as it was"})
final class SnapshotCommand implements Callable<Integer> {
  @ParentCommand
  SgreachCommand parent;

  @Spec
  CommandSpec spec;

  @Option(names = "--region", paramLabel = "R", description = "The region (default: the AWS default region chain).")
  String region;

  @Option(names = "--profile", paramLabel = "P", description = "A named AWS profile for credentials and region.")
  String profile;

  @Option(names = "--vpc", paramLabel = "ID", description = "Only this VPC (repeatable).")
  List<String> vpcs = new ArrayList<>();

  @Option(names = "--cluster", paramLabel = "NAME", description = "Only this EKS cluster (and, without --vpc, its VPC).")
  String cluster;

  @Option(names = "--endpoint-url", paramLabel = "URL",
      description = "One endpoint for EC2, EKS and ELBv2, like the AWS CLI's --endpoint-url.")
  String endpointUrl;

  @Option(names = "--out", paramLabel = "DIR", required = true, description = "The snapshot folder to write.")
  String out;

  @Option(names = "--debug", description = "Print stack traces of errors.")
  boolean debug;

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    URI endpoint = null;
    if (endpointUrl != null) {
      try {
        endpoint = URI.create(endpointUrl);
      } catch (IllegalArgumentException e) {
        throw new BadInputException("--endpoint-url " + Echo.quote(endpointUrl) + " is not a URL");
      }
    }
    for (String vpc : vpcs) {
      if (!AwsId.VPC.matches(vpc)) {
        throw new BadInputException("--vpc " + Echo.quote(vpc) + " is not " + AwsId.VPC.description());
      }
    }
    if (cluster != null && !AwsId.EKS_CLUSTER_NAME.matches(cluster)) {
      throw new BadInputException("--cluster " + Echo.quote(cluster) + " is not " + AwsId.EKS_CLUSTER_NAME
          .description());
    }
    if (out.isBlank()) {
      throw new BadInputException("--out '' names no folder: give the snapshot folder to write");
    }
    Network n;
    try (Progress progress = parent.environment.progress(err)) {
      n = LiveSnapshot.collect(new LiveSnapshot.Options(region, profile, vpcs, cluster, endpoint,
          parent.environment.resolve(out)), LiveProgress.of(progress));
    }
    PrintWriter o = spec.commandLine().getOut();
    o.print("wrote " + out + ": " + n.securityGroups().size() + " security groups, " + n.interfaces().size()
        + " network interfaces, " + n.prefixLists().size() + " prefix lists, " + n.eksClusters().size()
        + " EKS clusters, " + n.loadBalancers().size() + " load balancers, " + n.subnets().size() + " subnets, "
        + n.networkAcls().size() + " network ACLs, " + n.routeTables().size() + " route tables\n");
    o.flush();
    return ExitCodes.OK;
  }
}
