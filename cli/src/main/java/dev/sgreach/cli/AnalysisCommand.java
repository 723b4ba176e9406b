package dev.sgreach.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sgreach.engine.Endpoint;
import dev.sgreach.engine.Reachability;
import dev.sgreach.model.Network;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** What the analysis commands share: the snapshot options, loading, endpoint parsing and printing. */
abstract class AnalysisCommand implements Callable<Integer> {
  @ParentCommand
  SgreachCommand parent;

  @Spec
  CommandSpec spec;

  @Mixin
  SnapshotOptions snapshot;

  private Network network;
  private Reachability reachability;

  Environment environment() {
    return parent.environment;
  }

  /** The snapshot's network compiled for answering; loaded and indexed once. */
  Reachability reachability() {
    if (reachability == null) {
      Network n = network();
      try (Progress progress = environment().progress(spec.commandLine().getErr());
          Progress.Task t = progress.task("indexing " + n.securityGroups().size() + " security groups and "
              + n.interfaces().size() + " ENIs")) {
        java.util.Set<dev.sgreach.model.Layer> layers = snapshot.layers();
        reachability = snapshot.clientPorts().map(c -> Reachability.of(n, layers, c))
            .orElseGet(() -> Reachability.of(n, layers));
      }
    }
    return reachability;
  }

  /** The snapshot's network, loaded once (showing progress on a terminal while a large one loads). */
  Network network() {
    if (network == null) {
      try (Progress progress = environment().progress(spec.commandLine().getErr());
          Progress.Task t = progress.task("loading snapshot " + snapshot.snapshot)) {
        network = snapshot.load(environment());
      }
    }
    return network;
  }

  /** An endpoint as written, read by the plug-in parsers or {@link Endpoint#parse(String)}. */
  Endpoint endpoint(String text) {
    return environment().endpoint(text, network());
  }

  /** Prints the JSON form with {@code --json}, else the text (which ends with a newline). */
  void print(String text, JsonNode json) {
    PrintWriter out = spec.commandLine().getOut();
    out.print(snapshot.json ? Json.write(json) : text);
    out.flush();
  }
}
