package dev.sgreach.cli;

import dev.sgreach.snapshot.Snapshots;
import dev.sgreach.model.Network;
import java.nio.file.Path;

/**
 * Where the command line's network comes from: the {@code --snapshot} folder, read into a {@link Network}.
 *
 * <p>The default reads an AWS CLI JSON snapshot folder with {@link Snapshots#read(Path)} (the snapshot module: no AWS
 * SDK class is loaded); tests pass networks built
 * in code.
 */
@FunctionalInterface
public interface NetworkLoader {
  /** Reads snapshot folders with the snapshot module. */
  NetworkLoader SNAPSHOT_FOLDER = Snapshots::read;

  /**
   * Loads the network of a snapshot folder.
   *
   * @throws RuntimeException with a one-line message naming the file, JSON path and value when the snapshot is
   *     broken; the command line prints the message and exits with status 2
   */
  Network load(Path snapshot);
}
