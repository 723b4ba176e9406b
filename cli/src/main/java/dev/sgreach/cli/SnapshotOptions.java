package dev.sgreach.cli;

import dev.sgreach.eksctl.EksctlConfig;
import dev.sgreach.engine.PodSecurityGroupMode;
import dev.sgreach.model.Echo;
import dev.sgreach.model.Layer;
import dev.sgreach.model.Network;
import dev.sgreach.path.ClientPorts;
import dev.sgreach.planned.PlannedNetwork;
import dev.sgreach.terraform.TerraformPlan;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import picocli.CommandLine.Option;

/**
 * The options every analysis command shares: where the network comes from (a snapshot folder, with a Terraform plan
 * or an eksctl ClusterConfig applied to it, or an eksctl file alone), JSON output, stack traces on failure, the layers
 * judged ({@code --layers}), the client's ephemeral ports ({@code --client-ports}) and the VPC CNI mode assumed for
 * pods with security groups ({@code --pod-sg-mode}).
 */
final class SnapshotOptions {
  @Option(names = "--snapshot", paramLabel = "DIR",
      description = "Snapshot folder of AWS CLI JSON (CloudMapper or Batfish layout). Required unless --eksctl or "
          + "--plan describes everything.")
  String snapshot;

  @Option(names = "--plan", paramLabel = "PLAN.json",
      description = "A Terraform plan (terraform show -json): answer about the network as it will be after "
          + "terraform apply (over --snapshot when given).")
  String plan;

  @Option(names = "--eksctl", paramLabel = "FILE",
      description = "An eksctl ClusterConfig (eksctl.io/v1alpha5 YAML): answer about the cluster eksctl would create "
          + "(inside the --snapshot VPC when given; alone, with placeholder ids).")
  String eksctl;

  @Option(names = "--json", description = "Print machine-readable JSON instead of text.")
  boolean json;

  @Option(names = "--debug", description = "Print the stack trace when something fails.")
  boolean debug;

  @Option(names = "--layers", paramLabel = "LIST", defaultValue = "all",
      description = "Layers to judge: all (default: security groups and whatever path layers the snapshot holds), or"
          + " a comma list of sg, nacl, routes; 'sg' gives the security-group answer on any snapshot.")
  String layers;

  @Option(names = "--client-ports", paramLabel = "FROM-TO|KIND",
      description = "The client's ephemeral port range replies are checked on: FROM-TO, or linux (32768-61000),"
          + " windows (49152-65535), any (1024-65535). Default: per source kind (Linux for instances).")
  String clientPorts;

  @Option(names = "--pod-sg-mode", paramLabel = "strict|standard",
      description = "The VPC CNI's POD_SECURITY_GROUP_ENFORCING_MODE for pods with security groups (not in EC2"
          + " data): strict (default, the CNI's default: the branch ENI's groups judge everything) or standard (a"
          + " pod's traffic with its own node, such as kubelet probes, meets no security group).")
  String podSgMode;

  /** The mode {@code --pod-sg-mode} names, or the default. */
  PodSecurityGroupMode podSgMode() {
    if (podSgMode == null) {
      return PodSecurityGroupMode.DEFAULT;
    }
    try {
      return PodSecurityGroupMode.parse(podSgMode);
    } catch (IllegalArgumentException e) {
      throw new BadInputException("--pod-sg-mode " + Echo.quote(podSgMode) + ": write strict or standard (the VPC"
          + " CNI's POD_SECURITY_GROUP_ENFORCING_MODE)");
    }
  }

  /** The layers {@code --layers} names (security groups always among them). */
  Set<Layer> layers() {
    EnumSet<Layer> out = EnumSet.of(Layer.SECURITY_GROUPS);
    String text = layers.trim().toLowerCase(Locale.ROOT);
    if (text.equals("all")) {
      return EnumSet.allOf(Layer.class);
    }
    for (String part : text.split(",", -1)) {
      switch (part.trim()) {
        case "sg", "security-groups" -> out.add(Layer.SECURITY_GROUPS);
        case "nacl", "acl", "network-acls" -> out.add(Layer.NETWORK_ACLS);
        case "routes", "route" -> out.add(Layer.ROUTES);
        default -> throw new BadInputException("--layers " + Echo.quote(layers) + ": " + Echo.quote(part.trim())
            + " is not a layer; write all, or a comma list of sg, nacl, routes");
      }
    }
    return out;
  }

  /** The range {@code --client-ports} gives, or empty for the default per source kind. */
  Optional<ClientPorts> clientPorts() {
    if (clientPorts == null) {
      return Optional.empty();
    }
    String text = clientPorts.trim().toLowerCase(Locale.ROOT);
    switch (text) {
      case "linux":
        return Optional.of(ClientPorts.LINUX);
      case "windows":
        return Optional.of(ClientPorts.WINDOWS);
      case "any":
        return Optional.of(ClientPorts.ANY_CLIENT);
      default:
        break;
    }
    String problem = "write FROM-TO with ports 1..65535 (e.g. 32768-61000), or linux, windows or any";
    if (!text.matches("[0-9]{1,5}-[0-9]{1,5}")) {
      throw new BadInputException("--client-ports " + Echo.quote(clientPorts) + ": " + problem);
    }
    String[] ends = text.split("-");
    try {
      return Optional.of(ClientPorts.of(Integer.parseInt(ends[0]), Integer.parseInt(ends[1])));
    } catch (IllegalArgumentException e) {
      throw new BadInputException("--client-ports " + Echo.quote(clientPorts) + ": " + problem);
    }
  }

  /** Refuses an empty {@code --snapshot}, which would name the working directory. */
  static void requireFolder(String snapshot) {
    if (snapshot.isBlank()) {
      throw new BadInputException("--snapshot " + dev.sgreach.model.Echo.quote(snapshot) + " names no folder: give"
          + " the snapshot folder's path (an empty path would read the working directory)");
    }
  }

  /**
   * Loads the network through the environment's loader, with the change applied when one is given; with
   * {@code --debug}, each file read (and each subfolder left out) is a line on {@code err}.
   *
   * @throws BadInputException for an empty {@code --snapshot}, which would otherwise name the working directory
   */
  Loaded load(Environment environment, java.io.PrintWriter err) {
    if (plan != null && eksctl != null) {
      throw new BadInputException("--plan and --eksctl are two changes: give one");
    }
    if (snapshot == null && plan == null && eksctl == null) {
      throw new BadInputException("missing --snapshot DIR (or --eksctl FILE, or --plan PLAN.json, for a network "
          + "that does not exist yet)");
    }
    Network base = snapshot == null ? null : loadFolder(environment, snapshot, err);
    if (plan != null) {
      TerraformPlan p = TerraformPlan.read(environment.resolve(plan));
      return new Loaded(Optional.of(base == null ? p.apply() : p.applyTo(base)), base);
    }
    if (eksctl != null) {
      EksctlConfig c = EksctlConfig.read(environment.resolve(eksctl));
      return new Loaded(Optional.of(base == null ? c.predict() : c.over(base)), base);
    }
    return new Loaded(Optional.empty(), base);
  }

  /**
   * Loads one snapshot folder as the user named it ({@code --snapshot}, or each of {@code diff}'s two folders): an
   * empty name refused, and with {@code --debug} each file read a line on {@code err}.
   */
  Network loadFolder(Environment environment, String name, java.io.PrintWriter err) {
    requireFolder(name);
    java.nio.file.Path folder = environment.resolve(name);
    if (!debug) {
      return environment.loader().load(folder);
    }
    return environment.loader().load(folder, line -> {
      err.print("sgreach: debug: " + Errors.oneLine(line) + "\n");
      err.flush();
    });
  }

  /** What the command answers about, as the user named it: the snapshot, and the change over it. */
  String source() {
    String change = plan != null ? "plan " + plan : eksctl != null ? "eksctl file " + eksctl : null;
    if (change == null) {
      return "snapshot " + snapshot;
    }
    return snapshot == null ? change : "snapshot " + snapshot + " with " + change;
  }

  /**
   * A loaded network: the snapshot's (null when there is none), and the planned network when a change was given.
   */
  record Loaded(Optional<PlannedNetwork> planned, Network base) {
    /** The network to answer about: the planned one when there is a change, else the snapshot's. */
    Network network() {
      return planned.map(PlannedNetwork::network).orElse(base);
    }
  }
}
