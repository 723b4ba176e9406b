package dev.sgreach.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code sgreach shell}: jshell with sgreach on the class path, the library's packages imported and, with
 * {@code --snapshot}, the snapshot loaded as {@code network} and compiled as {@code reachability}.
 */
@Command(name = "shell", mixinStandardHelpOptions = true, versionProvider = ManifestVersion.class,
    header = "Start jshell with the sgreach library ready to use.",
    description = {
        "Starts jshell with sgreach on the class path and dev.sgreach.model.*, dev.sgreach.engine.*, "
            + "dev.sgreach.snapshot.*, dev.sgreach.aws.* and the static Traffic factories (tcp, udp, icmp, icmpv6, protocol) imported. "
            + "With --snapshot DIR, 'network' holds the snapshot and 'reachability' is Reachability.of(network).%n",
        "With SCRIPT, runs the script's snippets, prints their output and exits instead of starting an interactive "
            + "session. jshell keeps its preferences under the system temporary folder, not the user's home."},
    exitCodeListHeading = "%nExit status:%n",
    exitCodeList = {
        "0:jshell ended normally",
        "2:bad input (options, script not found), or jshell could not be started"})
final class ShellCommand implements Callable<Integer> {
  @ParentCommand
  SgreachCommand parent;

  @Spec
  CommandSpec spec;

  @Option(names = "--snapshot", paramLabel = "DIR", description = "Load this snapshot folder as 'network'.")
  String snapshot;

  @Option(names = "--debug", description = "Print the stack trace when something fails.")
  boolean debug;

  @Parameters(arity = "0..1", paramLabel = "SCRIPT", description = "A jshell script to run, then exit.")
  String script;

  @Override
  public Integer call() throws IOException, InterruptedException {
    Environment env = parent.environment;
    Path scriptPath = null;
    if (script != null) {
      scriptPath = env.resolve(script);
      if (!Files.isRegularFile(scriptPath)) {
        throw new BadInputException("jshell script " + script + " does not exist");
      }
    }
    if (snapshot != null) {
      env.loader().load(env.resolve(snapshot)); // a broken snapshot is bad input, reported before jshell starts
    }
    Path prefs = Files.createDirectories(Path.of(System.getProperty("java.io.tmpdir"), "sgreach-jshell-prefs"));
    Path work = Files.createTempDirectory("sgreach-shell");
    try {
      Path startup = work.resolve("sgreach-startup.jsh");
      Files.writeString(startup, startup(env), StandardCharsets.UTF_8);
      List<String> command = new ArrayList<>(List.of(jshell(),
          "--class-path", System.getProperty("java.class.path"),
          "-J-Djava.util.prefs.userRoot=" + prefs, "-R-Djava.util.prefs.userRoot=" + prefs,
          "--startup", "DEFAULT", "--startup", startup.toString()));
      ProcessBuilder pb = new ProcessBuilder().directory(env.workingDirectory().toAbsolutePath().toFile());
      if (scriptPath == null) {
        pb.command(command).inheritIO();
        return pb.start().waitFor() == 0 ? ExitCodes.OK : ExitCodes.BAD_INPUT;
      }
      Path exit = work.resolve("exit.jsh");
      Files.writeString(exit, "/exit\n", StandardCharsets.UTF_8);
      command.add(scriptPath.toString());
      command.add(exit.toString());
      Process p = pb.command(command).redirectErrorStream(true).start();
      p.getOutputStream().close();
      copy(p.getInputStream(), spec.commandLine().getOut());
      return p.waitFor() == 0 ? ExitCodes.OK : ExitCodes.BAD_INPUT;
    } finally {
      try (var files = Files.list(work)) {
        for (Path f : (Iterable<Path>) files::iterator) {
          Files.deleteIfExists(f);
        }
      }
      Files.deleteIfExists(work);
    }
  }

  private String startup(Environment env) {
    StringBuilder b = new StringBuilder()
        .append("import dev.sgreach.model.*;\n")
        .append("import dev.sgreach.engine.*;\n")
        .append("import dev.sgreach.snapshot.*;\n")
        .append("import dev.sgreach.aws.*;\n")
        .append("import static dev.sgreach.model.Traffic.*;\n")
        // jshell's default imports bring java.net.NetworkInterface and java.util.concurrent.Flow: ours win
        .append("import dev.sgreach.model.NetworkInterface;\n")
        .append("import dev.sgreach.engine.Flow;\n");
    if (snapshot != null) {
      String folder = env.resolve(snapshot).toAbsolutePath().toString();
      b.append("var network = Snapshots.read(java.nio.file.Path.of(\"")
          .append(folder.replace("\\", "\\\\").replace("\"", "\\\"")).append("\"));\n")
          .append("var reachability = Reachability.of(network);\n");
    }
    return b.toString();
  }

  private static String jshell() {
    Path p = Path.of(System.getProperty("java.home"), "bin", "jshell");
    return Files.isExecutable(p) ? p.toString() : "jshell";
  }

  private static void copy(InputStream in, PrintWriter out) {
    try (Reader input = new InputStreamReader(in, StandardCharsets.UTF_8)) {
      input.transferTo(out);
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
