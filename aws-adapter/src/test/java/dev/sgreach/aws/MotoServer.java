package dev.sgreach.aws;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * moto's server (a real implementation of the EC2, EKS and ELBv2 APIs) for the live-loader tests, installed and run
 * by the tests themselves so that {@code ./mvnw verify} needs no manual step.
 *
 * <ul>
 *   <li><b>Install:</b> a virtual environment in {@code <repository>/.moto/venv} (git-ignored; override with
 *       {@code -Dsgreach.moto.home=DIR}), made with {@code python3 -m venv} (override the interpreter with
 *       {@code -Dsgreach.python=PATH}) and filled by pip from {@code moto-requirements.txt}. It is reused while the
 *       requirements are unchanged; a file lock keeps parallel builds from installing twice.
 *   <li><b>Start:</b> {@code python -m moto.server -H 127.0.0.1 -p PORT} on a free port, ready when
 *       {@code /moto-api/} answers; output in {@code target/moto-server.log}.
 *   <li><b>Stop:</b> {@link #close()}, called by JUnit at the end of the run (and by a shutdown hook as a fallback).
 * </ul>
 *
 * A missing Python or a failing pip is an error with the command's output, never a skipped test.
 */
final class MotoServer implements AutoCloseable {
  private static final Duration START_TIMEOUT = Duration.ofSeconds(90);
  private static final Duration INSTALL_TIMEOUT = Duration.ofMinutes(10);
  private static final boolean WINDOWS = System.getProperty("os.name", "").toLowerCase().contains("win");

  private final Process process;
  private final URI endpoint;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private final Thread shutdownHook;

  private MotoServer(Process process, URI endpoint) {
    this.process = process;
    this.endpoint = endpoint;
    this.shutdownHook = new Thread(this::stop, "moto-server-stop");
    Runtime.getRuntime().addShutdownHook(shutdownHook);
  }

  /** Installs moto when needed and starts it. */
  static MotoServer start() {
    Path python = install();
    Path log = Path.of("target", "moto-server.log").toAbsolutePath();
    IllegalStateException last = null;
    for (int attempt = 0; attempt < 3; attempt++) {
      int port = freePort();
      try {
        Files.createDirectories(log.getParent());
        Process p = new ProcessBuilder(python.toString(), "-m", "moto.server", "-H", "127.0.0.1", "-p",
            String.valueOf(port)).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        MotoServer server = new MotoServer(p, URI.create("http://127.0.0.1:" + port));
        try {
          server.awaitReady(log);
          return server;
        } catch (IllegalStateException e) {
          server.close();
          last = e;
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot start moto's server with " + python, e);
      }
    }
    throw Objects.requireNonNull(last);
  }

  /** The server's address, for {@code endpointOverride}. */
  URI endpoint() {
    return endpoint;
  }

  /** Forgets every resource created so far. */
  void reset() {
    try {
      HttpResponse<String> r = http.send(HttpRequest.newBuilder(endpoint.resolve("/moto-api/reset"))
          .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
      if (r.statusCode() != 200) {
        throw new IllegalStateException("moto reset answered " + r.statusCode() + ": " + r.body());
      }
    } catch (IOException e) {
      throw new UncheckedIOException("moto reset failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    stop();
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (IllegalStateException shuttingDown) {
      // the hook is running or has run
    }
  }

  private void stop() {
    process.descendants().forEach(ProcessHandle::destroy);
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void awaitReady(Path log) {
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("moto's server exited with " + process.exitValue() + " before it was"
            + " ready; its output (" + log + "):\n" + tail(log));
      }
      try {
        HttpResponse<Void> r = http.send(HttpRequest.newBuilder(endpoint.resolve("/moto-api/"))
            .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
        if (r.statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // not listening yet
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
      sleep(200);
    }
    throw new IllegalStateException("moto's server did not answer on " + endpoint + " within " + START_TIMEOUT
        .toSeconds() + " s; its output (" + log + "):\n" + tail(log));
  }

  // ------------------------------------------------------------------ installation

  /** The venv's python, after creating the venv and installing the requirements if needed. */
  static Path install() {
    return install(home(), System.getProperty("sgreach.python", WINDOWS ? "python" : "python3"));
  }

  /** {@link #install()} into {@code home} with this Python interpreter. */
  static Path install(Path home, String interpreter) {
    Path venv = home.resolve("venv");
    Path python = venv.resolve(WINDOWS ? "Scripts/python.exe" : "bin/python");
    String requirements = requirements();
    Path marker = venv.resolve("sgreach-requirements.txt");
    try {
      Files.createDirectories(home);
      try (FileChannel channel = FileChannel.open(home.resolve("install.lock"), StandardOpenOption.CREATE,
          StandardOpenOption.WRITE); FileLock lock = channel.lock()) {
        if (Files.isRegularFile(marker) && Files.readString(marker).equals(requirements)
            && Files.isExecutable(python)) {
          return python;
        }
        checkPython(interpreter);
        deleteTree(venv);
        run(List.of(interpreter, "-m", "venv", venv.toString()), "creating a Python virtual environment for moto"
            + " failed (on Debian/Ubuntu install python3-venv)");
        Path file = home.resolve("requirements.txt");
        Files.writeString(file, requirements);
        run(List.of(python.toString(), "-m", "pip", "install", "--disable-pip-version-check", "--no-input", "-q",
            "-r", file.toString()), "installing moto with pip failed (PyPI must be reachable, or set PIP_INDEX_URL)");
        Files.writeString(marker, requirements);
        return python;
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot prepare moto in " + home, e);
    }
  }

  private static void checkPython(String interpreter) {
    try {
      run(List.of(interpreter, "--version"), "the Python interpreter '" + interpreter + "' does not run");
    } catch (UncheckedIOException e) {
      throw new IllegalStateException("Python 3 was not found: '" + interpreter + "' cannot be run. The live-AWS"
          + " tests install moto (a local EC2/EKS API server) into .moto/venv with 'python3 -m venv' and pip;"
          + " install Python 3 with its venv module, or point -Dsgreach.python=/path/to/python3 at one.", e);
    }
  }

  private static String run(List<String> command, String whatFailed) {
    try {
      Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
      p.getOutputStream().close();
      byte[] out;
      try (InputStream in = p.getInputStream()) {
        out = in.readAllBytes();
      }
      if (!p.waitFor(INSTALL_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new IllegalStateException(whatFailed + ": '" + String.join(" ", command) + "' did not finish");
      }
      String text = new String(out, StandardCharsets.UTF_8);
      if (p.exitValue() != 0) {
        throw new IllegalStateException(whatFailed + ": '" + String.join(" ", command) + "' exited with "
            + p.exitValue() + ":\n" + lastLines(text));
      }
      return text;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot run " + command.get(0), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** {@code -Dsgreach.moto.home}, else {@code .moto} in the repository root (the folder holding {@code mvnw}). */
  private static Path home() {
    String configured = System.getProperty("sgreach.moto.home");
    if (configured != null && !configured.isBlank()) {
      return Path.of(configured).toAbsolutePath();
    }
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.isRegularFile(dir.resolve("mvnw")) && Files.isDirectory(dir.resolve(".mvn"))) {
        return dir.resolve(".moto");
      }
    }
    return Path.of("target", "moto").toAbsolutePath();
  }

  private static String requirements() {
    try (InputStream in = MotoServer.class.getResourceAsStream("/moto-requirements.txt")) {
      return new String(Objects.requireNonNull(in, "moto-requirements.txt is missing").readAllBytes(),
          StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  private static int freePort() {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("no free port on 127.0.0.1", e);
    }
  }

  private static String tail(Path log) {
    try {
      return lastLines(Files.readString(log));
    } catch (IOException e) {
      return "(no output: " + e.getMessage() + ")";
    }
  }

  private static String lastLines(String text) {
    List<String> lines = new ArrayList<>(text.lines().toList());
    return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
