package dev.sgreach.cli;

import com.google.common.collect.ImmutableList;
import dev.sgreach.model.Network;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine;

/** Runs the command line in-process and captures what it prints; the test side of {@link Main#commandLine}. */
final class Cli {
  /** The repository root: the nearest folder up from here holding {@code mvnw}. */
  static final Path ROOT = findRoot();
  static final String MINIMAL = "examples/minimal";

  private Cli() {}

  /**
   * What one run left behind.
   *
   * @param exitCode the exit status
   * @param out standard output
   * @param err standard error
   */
  record Result(int exitCode, String out, String err) {}

  /** The real environment (snapshot folders read by the adapter), relative paths against the repository root. */
  static Environment env() {
    return new Environment(NetworkLoader.SNAPSHOT_FOLDER, ImmutableList.of(), ROOT, () -> System.in, false);
  }

  /** An environment whose every snapshot is this network. */
  static Environment env(Network network) {
    return env().withLoader(dir -> network);
  }

  static Result run(String... args) {
    return run(env(), args);
  }

  static Result run(Environment env, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cl = Main.commandLine(env);
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    int code = cl.execute(args);
    return new Result(code, out.toString(), err.toString());
  }

  /**
   * Runs with {@code out} as standard output (a writer that fails, say); what the result holds as {@code out} is
   * empty.
   */
  static Result runWithOut(PrintWriter out, Environment env, String... args) {
    StringWriter err = new StringWriter();
    CommandLine cl = Main.commandLine(env);
    cl.setOut(out);
    cl.setErr(new PrintWriter(err, true));
    int code = cl.execute(args);
    return new Result(code, "", err.toString());
  }

  /** Runs with this text on standard input. */
  static Result runWithStdin(String stdin, String... args) {
    return run(env().withStdin(() -> new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8))), args);
  }

  private static Path findRoot() {
    for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
      if (Files.exists(p.resolve("mvnw")) && Files.isDirectory(p.resolve("cli"))) {
        return p;
      }
    }
    throw new IllegalStateException("no repository root above " + Path.of("").toAbsolutePath());
  }
}
