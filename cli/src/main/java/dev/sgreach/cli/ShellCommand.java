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
        "With SCRIPT, runs the script's snippets in order and exits instead of starting an interactive session: only "
            + "what the script prints is printed (no banner, no prompt, no value feedback). A snippet that does not "
            + "compile or that throws stops the script with one line on standard error (the script's line, the "
            + "snippet and jshell's message) and exit status 2; System.exit(N) or /exit N ends it with status N. "
            + "Other jshell /commands do not run in scripts, and the script's standard input is empty. The script's "
            + "JVM gets the launcher's JAVA_OPTS and SGREACH_JAVA_OPTS.%n",
        "Interactively, jshell keeps its preferences under the system temporary folder, not the user's home."},
    exitCodeListHeading = "%nExit status:%n",
    exitCodeList = {
        "0:jshell ended normally; SCRIPT: every snippet ran",
        "2:bad input (options, script not found or not UTF-8), jshell could not be started, or a snippet of SCRIPT "
            + "did not compile or threw",
        "N:SCRIPT called System.exit(N) or /exit N"})
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

  /** The class that runs a script, in a JVM of its own (named, not loaded: a JRE without jshell can still start). */
  static final String SCRIPT_RUNNER = "dev.sgreach.cli.ShellScript";

  /** The imports jshell's own {@code DEFAULT} startup gives, which scripts get too. */
  private static final List<String> JSHELL_DEFAULT_IMPORTS = List.of("java.io.*", "java.math.*", "java.net.*",
      "java.nio.file.*", "java.util.*", "java.util.concurrent.*", "java.util.function.*", "java.util.prefs.*",
      "java.util.regex.*", "java.util.stream.*");

  @Override
  public Integer call() throws IOException, InterruptedException {
    Environment env = parent.environment;
    Path scriptPath = null;
    if (script != null) {
      scriptPath = env.resolve(script);
      if (Files.isDirectory(scriptPath)) {
        throw new BadInputException("cannot read jshell script " + script + ": is a folder, not a file");
      }
      if (!Files.isRegularFile(scriptPath)) {
        throw new BadInputException("cannot read jshell script " + script + ": no such file or folder");
      }
      try {
        Errors.utf8(Files.readAllBytes(scriptPath), "jshell script", script); // bad text is bad input, found here
      } catch (IOException e) {
        throw Errors.cannotRead("jshell script", script, e);
      }
    }
    if (snapshot != null) {
      SnapshotOptions.requireFolder(snapshot);
      env.loader().load(env.resolve(snapshot)); // a broken snapshot is bad input, reported before jshell starts
    }
    if (ModuleLayer.boot().findModule("jdk.jshell").isEmpty()) {
      throw new BadInputException("this Java runtime (" + System.getProperty("java.home") + ") has no jshell: run "
          + "sgreach with a JDK 17 or newer (JAVA_HOME)");
    }
    String folder = snapshot == null ? null : env.resolve(snapshot).toAbsolutePath().toString();
    return scriptPath == null ? interactive(env, folder) : runScript(env, scriptPath, folder);
  }

  /** jshell itself, on this terminal, with the startup file; its status 0 is ours, anything else is 2. */
  private int interactive(Environment env, String folder) throws IOException, InterruptedException {
    Path prefs = Files.createDirectories(Path.of(System.getProperty("java.io.tmpdir"), "sgreach-jshell-prefs"));
    Path work = Files.createTempDirectory("sgreach-shell");
    try {
      Path startup = work.resolve("sgreach-startup.jsh");
      Files.writeString(startup, String.join("\n", startup(folder)) + "\n", StandardCharsets.UTF_8);
      List<String> command = List.of(jshell(), "--class-path", System.getProperty("java.class.path"),
          "-J-Djava.util.prefs.userRoot=" + prefs, "-R-Djava.util.prefs.userRoot=" + prefs,
          "--startup", "DEFAULT", "--startup", startup.toString());
      ProcessBuilder pb = new ProcessBuilder(command).directory(env.workingDirectory().toAbsolutePath().toFile());
      return pb.inheritIO().start().waitFor() == 0 ? ExitCodes.OK : ExitCodes.BAD_INPUT;
    } finally {
      Files.deleteIfExists(work.resolve("sgreach-startup.jsh"));
      Files.deleteIfExists(work);
    }
  }

  /**
   * The script in a JVM of its own ({@link ShellScript}), with the launcher's JVM options: its output copied to ours,
   * its exit status returned as it is.
   */
  private int runScript(Environment env, Path scriptPath, String folder) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmOptions(System.getenv()));
    command.addAll(List.of("-Dfile.encoding=UTF-8", "-Dsun.stdout.encoding=UTF-8", "-Dsun.stderr.encoding=UTF-8",
        "-cp", System.getProperty("java.class.path"), SCRIPT_RUNNER));
    if (debug) {
      command.add("--debug");
    }
    if (folder != null) {
      command.add("--snapshot");
      command.add(folder);
    }
    command.add(scriptPath.toAbsolutePath().toString());
    command.add(script);
    Process p = new ProcessBuilder(command).directory(env.workingDirectory().toAbsolutePath().toFile()).start();
    p.getOutputStream().close(); // the script's standard input is empty
    PrintWriter err = spec.commandLine().getErr();
    Thread errors = new Thread(() -> copy(p.getErrorStream(), err), "sgreach-shell-stderr");
    errors.setDaemon(true);
    errors.start();
    copy(p.getInputStream(), spec.commandLine().getOut());
    int status = p.waitFor();
    errors.join();
    return status;
  }

  /**
   * The JVM options the launcher gives sgreach, for the script's JVM too: {@code JAVA_OPTS}, then
   * {@code SGREACH_JAVA_OPTS} (split at spaces), so that {@code -Xmx} reaches the JVM that loads the snapshot.
   */
  static List<String> jvmOptions(java.util.Map<String, String> environment) {
    List<String> options = new ArrayList<>();
    for (String name : List.of("JAVA_OPTS", "SGREACH_JAVA_OPTS")) {
      String value = environment.get(name);
      if (value != null && !value.isBlank()) {
        options.addAll(List.of(value.strip().split("\\s+")));
      }
    }
    return options;
  }

  /** The snippets a script runs first: jshell's default imports, then {@link #startup}. */
  static List<String> scriptStartup(String folder) {
    List<String> snippets = new ArrayList<>();
    JSHELL_DEFAULT_IMPORTS.forEach(i -> snippets.add("import " + i + ";"));
    snippets.addAll(startup(folder));
    return snippets;
  }

  /**
   * The shell's own startup: the library's packages and {@code Traffic}'s factories imported, and with a snapshot
   * folder, {@code network} and {@code reachability}.
   */
  static List<String> startup(String folder) {
    List<String> snippets = new ArrayList<>(List.of(
        "import dev.sgreach.model.*;",
        "import dev.sgreach.engine.*;",
        "import dev.sgreach.snapshot.*;",
        "import dev.sgreach.aws.*;",
        "import static dev.sgreach.model.Traffic.*;",
        // jshell's default imports bring java.net.NetworkInterface and java.util.concurrent.Flow: ours win
        "import dev.sgreach.model.NetworkInterface;",
        "import dev.sgreach.engine.Flow;"));
    if (folder != null) {
      snippets.add("var network = Snapshots.read(java.nio.file.Path.of(" + javaString(folder) + "));");
      snippets.add("var reachability = Reachability.of(network);");
    }
    return snippets;
  }

  /** A Java string literal of the text: quotes, backslashes and control characters escaped. */
  static String javaString(String text) {
    StringBuilder b = new StringBuilder("\"");
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '"' || c == '\\') {
        b.append('\\').append(c);
      } else if (c < 0x20 || (c >= 0x7f && c <= 0x9f)) {
        b.append(String.format("\\%03o", (int) c)); // octal: a unicode escape is read before the string
      } else {
        b.append(c);
      }
    }
    return b.append('"').toString();
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
