package dev.sgreach.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.common.collect.ImmutableList;
import dev.sgreach.engine.Endpoint;
import dev.sgreach.engine.Reachability;
import dev.sgreach.model.Echo;
import dev.sgreach.model.Network;
import dev.sgreach.planned.PlannedNetwork;
import dev.sgreach.planned.Unknown;
import java.io.PrintWriter;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * What the analysis commands share: the snapshot options (and a change applied over them), loading, endpoint parsing
 * and printing.
 *
 * <p><b>A change that could not be placed completely</b> ({@link PlannedNetwork#complete()} false: a rule whose group
 * is not known, a deferred resource) never gives a definite all-clear: the command warns on standard error, naming
 * what was not placed, and an answer that would say "nothing" (status 0 for the commands where 0 means nothing was
 * found) or "denied" ({@code reach}, status 1) becomes unknown (status 3), since the missing change could add a rule.
 * An allowed answer still holds: the change's placed rules already admit it.
 */
abstract class AnalysisCommand implements Callable<Integer> {
  @ParentCommand
  SgreachCommand parent;

  @Spec
  CommandSpec spec;

  @Mixin
  SnapshotOptions snapshot;

  private SnapshotOptions.Loaded loaded;
  private Reachability reachability;

  Environment environment() {
    return parent.environment;
  }

  /** The command's answer and exit status, before an incomplete change is taken into account. */
  abstract Integer answer();

  @Override
  public final Integer call() {
    int status = answer();
    Optional<PlannedNetwork> p = planned();
    if (p.isEmpty() || p.get().complete()) {
      return status;
    }
    ImmutableList<Unknown> unplaced = p.get().unknowns(Unknown.Kind.UNPLACED);
    PrintWriter err = spec.commandLine().getErr();
    err.print("sgreach: warning: " + Errors.oneLine(p.get().source() + ": " + unplaced.size()
        + " change(s) could not be placed, so an answer of nothing or denied is unknown: " + unplaced.get(0)
        + (unplaced.size() > 1 ? " (and " + (unplaced.size() - 1) + " more)" : "")) + "\n");
    err.flush();
    if (deniedIsAnAnswer()) {
      return status == ExitCodes.DENIED ? ExitCodes.UNKNOWN : status;
    }
    return status == ExitCodes.OK ? ExitCodes.UNKNOWN : status;
  }

  /**
   * True for commands whose status 1 says a flow is denied and 0 that it is allowed ({@code reach}); for the others
   * 0 says nothing was found.
   */
  boolean deniedIsAnAnswer() {
    return false;
  }

  /** The snapshot's network compiled for answering; loaded and indexed once. */
  Reachability reachability() {
    if (reachability == null) {
      Network n = network();
      try (Progress progress = environment().progress(spec.commandLine().getErr());
          Progress.Task t = progress.task("indexing " + n.securityGroups().size() + " security groups and "
              + n.interfaces().size() + " ENIs")) {
        reachability = compile(n);
      }
    }
    return reachability;
  }

  /**
   * A network compiled as the options ask: the layers ({@code --layers}), the client ports ({@code --client-ports})
   * and the pods' mode ({@code --pod-sg-mode}).
   */
  Reachability compile(Network n) {
    java.util.Set<dev.sgreach.model.Layer> layers = snapshot.layers();
    dev.sgreach.engine.PodSecurityGroupMode pods = snapshot.podSgMode();
    return snapshot.clientPorts().map(c -> Reachability.of(n, layers, c, pods))
        .orElseGet(() -> Reachability.of(n, layers, pods));
  }

  /** The network to answer about, loaded once (showing progress on a terminal while a large one loads). */
  Network network() {
    return loaded().network();
  }

  /** The planned network when a change was given. */
  Optional<PlannedNetwork> planned() {
    return loaded == null ? Optional.empty() : loaded.planned();
  }

  /** The snapshot's own network, before any change ({@code null} when only a change was given). */
  Network base() {
    return loaded().base();
  }

  private SnapshotOptions.Loaded loaded() {
    if (loaded == null) {
      try (Progress progress = environment().progress(spec.commandLine().getErr());
          Progress.Task t = progress.task("loading " + snapshot.source())) {
        loaded = snapshot.load(environment(), spec.commandLine().getErr());
      }
    }
    return loaded;
  }

  /**
   * An endpoint as written, read by the plug-in parsers or {@link Endpoint#parse(String)}; a planned resource
   * ({@code tf:ADDRESS}) is resolved by the change given with {@code --plan} or {@code --eksctl}.
   */
  Endpoint endpoint(String text) {
    Network n = network();
    Endpoint e = environment().endpoint(text, n);
    if (e instanceof Endpoint.Planned p) {
      return planned().orElseThrow(() -> new BadInputException("endpoint " + Echo.quote(text) + " names a planned "
          + "resource: give the change with --plan PLAN.json or --eksctl FILE")).endpoint(p);
    }
    return e;
  }

  /** Prints the JSON form with {@code --json}, else the text (which ends with a newline). */
  void print(String text, JsonNode json) {
    PrintWriter out = spec.commandLine().getOut();
    out.print(snapshot.json ? Json.write(json) : text);
    out.flush();
  }
}
