package dev.sgreach.snapshot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Test fixtures as a current AWS response holds them: hand-written or legacy JSON with the lists AWS always returns
 * filled in where they are absent ({@code IpPermissions}, {@code Ipv6Ranges}, an ENI's {@code Groups}, ...), so that
 * a test about one shape is not stopped by the reader's completeness check. Present values are never changed.
 */
public final class AwsJson {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Map<String, List<String>> ITEM_LISTS = Map.of(
      "SecurityGroups", List.of("IpPermissions", "IpPermissionsEgress"),
      "NetworkInterfaces", List.of("Groups", "PrivateIpAddresses", "Ipv6Addresses"));
  private static final List<String> PERMISSION_LISTS = List.of("IpRanges", "Ipv6Ranges", "PrefixListIds",
      "UserIdGroupPairs");

  private AwsJson() {}

  /** The response with its required lists filled in (also inside a recording's {@code data}). */
  static String complete(String json) {
    try {
      JsonNode root = JSON.readTree(json);
      if (root instanceof ObjectNode o) {
        complete(o.get("data") instanceof ObjectNode data ? data : o);
      }
      return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A completed copy of {@code file} under the same name in a fresh temporary folder: for legacy captures (responses
   * recorded before AWS returned {@code Ipv6Ranges} or {@code PrefixListIds}) that a test reads for their content.
   */
  public static Path completed(Path file) {
    try {
      Path dir = Files.createTempDirectory("sgreach-completed");
      dir.toFile().deleteOnExit();
      Path out = completeCopy(file, dir, file.getFileName().toString());
      out.toFile().deleteOnExit();
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The file, completed, written into {@code dir} under {@code name}. */
  static Path completeCopy(Path file, Path dir, String name) {
    try {
      Path out = dir.resolve(name);
      Files.createDirectories(out.getParent());
      return Files.writeString(out, complete(Files.readString(file)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Writes {@code json}, completed, as {@code dir/name}. */
  static Path write(Path dir, String name, String json) throws IOException {
    return Files.writeString(dir.resolve(name), complete(json));
  }

  /** Writes an empty describe-network-interfaces response into {@code dir}, unless it holds one. */
  static void noInterfaces(Path dir) throws IOException {
    Path file = dir.resolve(ResponseKind.NETWORK_INTERFACES.fileName());
    if (!Files.exists(file)) {
      Files.writeString(file, "{\"NetworkInterfaces\": []}");
    }
  }

  /** Writes an empty describe-security-groups response into {@code dir}, unless it holds one. */
  static void noGroups(Path dir) throws IOException {
    Path file = dir.resolve(ResponseKind.SECURITY_GROUPS.fileName());
    if (!Files.exists(file)) {
      Files.writeString(file, "{\"SecurityGroups\": []}");
    }
  }

  private static void complete(ObjectNode response) {
    ITEM_LISTS.forEach((field, lists) -> {
      if (response.get(field) instanceof ArrayNode items) {
        for (JsonNode item : items) {
          if (item instanceof ObjectNode o) {
            lists.forEach(l -> emptyIfAbsent(o, l));
            if (field.equals("SecurityGroups")) {
              for (String l : List.of("IpPermissions", "IpPermissionsEgress")) {
                for (JsonNode p : o.get(l)) {
                  if (p instanceof ObjectNode permission) {
                    PERMISSION_LISTS.forEach(pl -> emptyIfAbsent(permission, pl));
                  }
                }
              }
            }
          }
        }
      }
    });
  }

  private static void emptyIfAbsent(ObjectNode o, String field) {
    if (!o.has(field)) {
      o.putArray(field);
    }
  }
}
