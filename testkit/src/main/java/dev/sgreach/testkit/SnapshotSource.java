package dev.sgreach.testkit;

import dev.sgreach.model.Network;
import dev.sgreach.snapshot.Snapshots;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A snapshot folder, read by the snapshot module (no AWS SDK needed); a relative folder is looked for in the working
 * directory and up.
 */
record SnapshotSource(Path folder) implements NetworkSource {

  @Override
  public Network load() {
    return Snapshots.read(resolve());
  }

  Path resolve() {
    if (folder.isAbsolute()) {
      if (!Files.isDirectory(folder)) {
        throw new IllegalStateException("snapshot folder " + folder + " does not exist");
      }
      return folder;
    }
    Path start = Path.of("").toAbsolutePath();
    for (Path dir = start; dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve(folder);
      if (Files.isDirectory(candidate)) {
        return candidate;
      }
    }
    throw new IllegalStateException("snapshot folder " + folder + " not found in " + start + " or its parents");
  }

  /**
   * A file a test names (a plan, an eksctl file): as it is when absolute, else looked for in the working directory and
   * up.
   */
  static Path findFile(String file) {
    Path p = Path.of(file);
    if (p.isAbsolute()) {
      return p;
    }
    Path start = Path.of("").toAbsolutePath();
    for (Path dir = start; dir != null; dir = dir.getParent()) {
      if (Files.isRegularFile(dir.resolve(p))) {
        return dir.resolve(p);
      }
    }
    throw new IllegalStateException("file " + file + " not found in " + start + " or its parents");
  }

  @Override
  public String describe() {
    return "snapshot " + folder;
  }
}
