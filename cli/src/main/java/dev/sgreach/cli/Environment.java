package dev.sgreach.cli;

import com.google.common.collect.ImmutableList;
import dev.sgreach.eks.EksEndpoints;
import dev.sgreach.engine.Endpoint;
import dev.sgreach.model.Network;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.function.Supplier;

/**
 * What the commands need from the world: how to load a snapshot, extra endpoint parsers, the folder relative paths
 * start from, standard input, and whether to show progress (standard error is a terminal). Tests build their own.
 */
record Environment(NetworkLoader loader, ImmutableList<EndpointParser> parsers, Path workingDirectory,
    Supplier<InputStream> stdin, boolean progress) {

  /** The real world: snapshot folders, ServiceLoader parsers, the current directory, System.in. */
  static Environment system() {
    ImmutableList<EndpointParser> parsers = ServiceLoader.load(EndpointParser.class).stream()
        .map(ServiceLoader.Provider::get).collect(ImmutableList.toImmutableList());
    return new Environment(NetworkLoader.SNAPSHOT_FOLDER, parsers, Path.of(""), () -> System.in,
        Progress.standardErrorIsTerminal());
  }

  Environment withLoader(NetworkLoader value) {
    return new Environment(value, parsers, workingDirectory, stdin, progress);
  }

  Environment withParsers(List<EndpointParser> value) {
    return new Environment(loader, ImmutableList.copyOf(value), workingDirectory, stdin, progress);
  }

  Environment withWorkingDirectory(Path value) {
    return new Environment(loader, parsers, value, stdin, progress);
  }

  Environment withStdin(Supplier<InputStream> value) {
    return new Environment(loader, parsers, workingDirectory, value, progress);
  }

  Environment withProgress(boolean value) {
    return new Environment(loader, parsers, workingDirectory, stdin, value);
  }

  /** Progress of long work on {@code err}: shown when standard error is a terminal, else silent. */
  Progress progress(java.io.PrintWriter err) {
    return new Progress(err, progress, System::nanoTime);
  }

  /** A path as the user wrote it, resolved against the working directory (relative paths stay relative). */
  Path resolve(String path) {
    return workingDirectory.resolve(path);
  }

  /**
   * Parses an endpoint: the plug-in parsers first, then {@link Endpoint#parse(String)} (the one reader of every
   * written form), with EKS roles resolved against the network at once so that an unknown cluster or nodegroup is
   * reported here. A planned resource ({@code tf:...}) is returned as written, for the command to resolve with its
   * change.
   *
   * @throws IllegalArgumentException naming the text when nothing reads it
   */
  Endpoint endpoint(String text, Network network) {
    for (EndpointParser p : parsers) {
      Optional<Endpoint> e = p.parse(text, network);
      if (e.isPresent()) {
        return e.get();
      }
    }
    Endpoint e = Endpoint.parse(text);
    return e instanceof Endpoint.EksRole r ? EksEndpoints.resolve(network, r) : e;
  }
}
