package dev.sgreach.cli;

import dev.sgreach.model.Network;
import picocli.CommandLine.Option;

/** The options every analysis command shares: the snapshot folder, JSON output, and stack traces on failure. */
final class SnapshotOptions {
  @Option(names = "--snapshot", required = true, paramLabel = "DIR",
      description = "Snapshot folder of AWS CLI JSON (CloudMapper or Batfish layout).")
  String snapshot;

  @Option(names = "--json", description = "Print machine-readable JSON instead of text.")
  boolean json;

  @Option(names = "--debug", description = "Print the stack trace when something fails.")
  boolean debug;

  /** Refuses an empty {@code --snapshot}, which would name the working directory. */
  static void requireFolder(String snapshot) {
    if (snapshot.isBlank()) {
      throw new BadInputException("--snapshot " + dev.sgreach.model.Echo.quote(snapshot) + " names no folder: give"
          + " the snapshot folder's path (an empty path would read the working directory)");
    }
  }

  /**
   * Loads the snapshot through the environment's loader; with {@code --debug}, each file read (and each subfolder
   * left out) is a line on {@code err}.
   *
   * @throws BadInputException for an empty {@code --snapshot}, which would otherwise name the working directory
   */
  Network load(Environment environment, java.io.PrintWriter err) {
    requireFolder(snapshot);
    java.nio.file.Path folder = environment.resolve(snapshot);
    if (!debug) {
      return environment.loader().load(folder);
    }
    return environment.loader().load(folder, line -> {
      err.print("sgreach: debug: " + Errors.oneLine(line) + "\n");
      err.flush();
    });
  }
}
