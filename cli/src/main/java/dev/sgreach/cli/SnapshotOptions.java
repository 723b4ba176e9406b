package dev.sgreach.cli;

import dev.sgreach.model.Echo;
import dev.sgreach.model.Layer;
import dev.sgreach.model.Network;
import dev.sgreach.path.ClientPorts;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import picocli.CommandLine.Option;

/**
 * The options every analysis command shares: the snapshot folder, JSON output, stack traces on failure, the layers
 * judged ({@code --layers}) and the client's ephemeral ports ({@code --client-ports}).
 */
final class SnapshotOptions {
  @Option(names = "--snapshot", required = true, paramLabel = "DIR",
      description = "Snapshot folder of AWS CLI JSON (CloudMapper or Batfish layout).")
  String snapshot;

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

  /** Loads the snapshot through the environment's loader. */
  Network load(Environment environment) {
    return environment.loader().load(environment.resolve(snapshot));
  }
}
