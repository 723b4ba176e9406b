package dev.sgreach.snapshot.answers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sgreach.snapshot.Snapshots;
import dev.sgreach.model.Network;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The real captures under {@code src/test/resources/realdata} (see its NOTICE.md) and the few service responses the
 * adapter does not read itself ({@code Reservations.json}, CloudMapper's per-service files), read with plain Jackson.
 */
final class RealData {
  static final Path ROOT = resource("realdata");
  private static final ObjectMapper JSON = new ObjectMapper();

  private RealData() {}

  static Path resource(String name) {
    try {
      return Path.of(RealData.class.getClassLoader().getResource(name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  static Path path(String relative) {
    return ROOT.resolve(relative);
  }

  static Network network(String relativeFolder) {
    return Snapshots.read(path(relativeFolder));
  }

  static JsonNode json(String relative) {
    return json(path(relative));
  }

  static JsonNode json(Path file) {
    try {
      return JSON.readTree(Files.readString(file));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  /**
   * Instance id to the ids of its network interfaces, as {@code ec2 describe-instances} (Batfish's
   * {@code Reservations.json}) lists them, for every {@code Reservations.json} under the folder. Instances without
   * interfaces (terminated ones) map to an empty list.
   */
  static Map<String, List<String>> instanceInterfaces(String relativeFolder) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    try (var walk = Files.walk(path(relativeFolder))) {
      for (Path f : walk.filter(p -> p.getFileName().toString().equals("Reservations.json")).sorted().toList()) {
        for (JsonNode r : json(f).path("Reservations")) {
          for (JsonNode i : r.path("Instances")) {
            List<String> enis = new ArrayList<>();
            i.path("NetworkInterfaces").forEach(n -> enis.add(n.path("NetworkInterfaceId").asText()));
            out.put(i.path("InstanceId").asText(), enis);
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  /** The only interface of an instance, as the folder's {@code Reservations.json} lists it. */
  static String onlyInterfaceOf(String relativeFolder, String instanceId) {
    List<String> enis = instanceInterfaces(relativeFolder).get(instanceId);
    if (enis == null || enis.size() != 1) {
      throw new IllegalStateException(instanceId + " has interfaces " + enis + " in " + relativeFolder);
    }
    return enis.get(0);
  }
}
