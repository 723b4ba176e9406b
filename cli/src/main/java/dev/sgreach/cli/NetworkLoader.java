package dev.sgreach.cli;

import dev.sgreach.model.Network;
import dev.sgreach.snapshot.SnapshotReader;
import dev.sgreach.snapshot.Snapshots;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * Where the command line's network comes from: the {@code --snapshot} folder, read into a {@link Network}.
 *
 * <p>The default reads an AWS CLI JSON snapshot folder with the snapshot module's reader (no AWS SDK class is
 * loaded), in the documented layout only; tests pass networks built in code.
 */
@FunctionalInterface
public interface NetworkLoader {
  /** Reads snapshot folders with the snapshot module, telling {@code --debug} which files it reads. */
  NetworkLoader SNAPSHOT_FOLDER = new NetworkLoader() {
    @Override
    public Network load(Path snapshot) {
      return Snapshots.read(snapshot);
    }

    @Override
    public Network load(Path snapshot, Consumer<String> debug) {
      SnapshotReader reader = Snapshots.reader().folder(snapshot);
      for (SnapshotReader.Input in : reader.inputs()) {
        debug.accept("reading " + in.shownAs() + " as " + in.kind());
      }
      for (Path skipped : reader.ignored()) {
        debug.accept("not reading " + snapshot.relativize(skipped) + "/: not a folder of the snapshot layout");
      }
      return reader.read();
    }
  };

  /**
   * Loads the network of a snapshot folder.
   *
   * @throws RuntimeException with a one-line message naming the file, JSON path and value when the snapshot is
   *     broken; the command line prints the message and exits with status 2
   */
  Network load(Path snapshot);

  /** As {@link #load(Path)}, telling {@code debug} which files are read (one line each); by default it tells nothing. */
  default Network load(Path snapshot, Consumer<String> debug) {
    return load(snapshot);
  }
}
