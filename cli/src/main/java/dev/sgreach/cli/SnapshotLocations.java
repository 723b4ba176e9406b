package dev.sgreach.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.sgreach.snapshot.ResponseKind;
import dev.sgreach.snapshot.SnapshotReader;
import dev.sgreach.snapshot.Snapshots;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where a security group or ENI is written in a snapshot folder: the file and the lines of its object in the
 * {@code SecurityGroups} or {@code NetworkInterfaces} array (AWS CLI, CloudMapper and Batfish layouts, also inside a
 * recording's {@code data}), in the files the snapshot reader reads (its layout only: never a backup copy beside it).
 * Reports use it to point at the JSON a finding is about. A folder that cannot be read, or
 * an id no file holds, has no location; nothing here fails a command.
 */
final class SnapshotLocations {
  /** A group's or ENI's object: the file (relative to the snapshot folder, with {@code /}) and its lines. */
  record Location(String file, int startLine, int endLine) {}

  private static final JsonFactory JSON = new JsonFactory();

  private final Path folder;
  private Map<String, Location> groups;
  private Map<String, Location> interfaces;

  SnapshotLocations(Path folder) {
    this.folder = folder;
  }

  /** The file holding the folder's security groups, when there is one. */
  Optional<String> groupsFile() {
    return files(ResponseKind.SECURITY_GROUPS).stream().findFirst().map(this::relative);
  }

  Optional<Location> group(String id) {
    if (groups == null) {
      groups = scan(ResponseKind.SECURITY_GROUPS, "SecurityGroups", "GroupId");
    }
    return Optional.ofNullable(groups.get(id));
  }

  Optional<Location> networkInterface(String id) {
    if (interfaces == null) {
      interfaces = scan(ResponseKind.NETWORK_INTERFACES, "NetworkInterfaces", "NetworkInterfaceId");
    }
    return Optional.ofNullable(interfaces.get(id));
  }

  /** The files of this kind the snapshot reader reads from the folder (its layout only, in its order). */
  private List<Path> files(ResponseKind kind) {
    try {
      return Snapshots.reader().folder(folder).inputs().stream().filter(i -> i.kind() == kind)
          .map(SnapshotReader.Input::file).toList();
    } catch (RuntimeException e) {
      return List.of(); // an unreadable folder was reported when the snapshot was read
    }
  }

  private String relative(Path file) {
    return folder.relativize(file).toString().replace('\\', '/');
  }

  private Map<String, Location> scan(ResponseKind kind, String arrayField, String idField) {
    Map<String, Location> out = new HashMap<>();
    for (Path file : files(kind)) {
      try (JsonParser p = JSON.createParser(file.toFile())) {
        scan(p, relative(file), arrayField, idField, out);
      } catch (IOException e) {
        // a broken file was reported when the snapshot was read; it simply gives no locations
      }
    }
    return out;
  }

  /** Walks the file; each object directly inside an array named {@code arrayField} is an item. */
  private static void scan(JsonParser p, String file, String arrayField, String idField, Map<String, Location> out)
      throws IOException {
    List<String> containers = new ArrayList<>(); // per open container: the field it is the value of ("" if none)
    String field = "";
    int itemDepth = -1;
    int itemStart = 0;
    String itemId = null;
    for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
      switch (t) {
        case FIELD_NAME -> {
          field = p.currentName();
          if (itemDepth == containers.size() && field.equals(idField)) {
            JsonToken value = p.nextToken();
            if (value == JsonToken.VALUE_STRING) {
              itemId = p.getText();
            } else if (value != null && value.isStructStart()) {
              p.skipChildren();
            }
            field = "";
          }
        }
        case START_OBJECT, START_ARRAY -> {
          if (t == JsonToken.START_OBJECT && itemDepth < 0 && !containers.isEmpty()
              && containers.get(containers.size() - 1).equals("[" + arrayField)) {
            itemDepth = containers.size() + 1;
            itemStart = p.currentTokenLocation().getLineNr();
            itemId = null;
          }
          containers.add((t == JsonToken.START_ARRAY ? "[" : "{") + field);
          field = "";
        }
        case END_OBJECT, END_ARRAY -> {
          if (itemDepth == containers.size() && t == JsonToken.END_OBJECT) {
            if (itemId != null) {
              out.putIfAbsent(itemId, new Location(file, itemStart, p.currentTokenLocation().getLineNr()));
            }
            itemDepth = -1;
          }
          containers.remove(containers.size() - 1);
          field = "";
        }
        default -> field = "";
      }
    }
  }
}
