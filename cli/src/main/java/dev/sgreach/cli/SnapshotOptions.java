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

  /** Loads the snapshot through the environment's loader. */
  Network load(Environment environment) {
    return environment.loader().load(environment.resolve(snapshot));
  }
}
