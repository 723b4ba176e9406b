package dev.sgreach.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real {@code ./sgreach} launcher, end to end, from another working directory. Runs after {@code package} (as a
 * failsafe integration test), so the shaded jar exists and the launcher runs it without building.
 */
class LauncherIT {
  @TempDir
  Path elsewhere;

  record Run(int exitCode, String out, String err) {}

  Run launch(String... args) throws IOException, InterruptedException {
    return launch(Map.of(), args);
  }

  Run launch(Map<String, String> env, String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Cli.ROOT.resolve("sgreach").toString());
    command.addAll(List.of(args));
    Path out = elsewhere.resolve("out.txt");
    Path err = elsewhere.resolve("err.txt");
    ProcessBuilder pb = new ProcessBuilder(command).directory(elsewhere.toFile())
        .redirectOutput(out.toFile()).redirectError(err.toFile()).redirectInput(ProcessBuilder.Redirect.PIPE);
    pb.environment().putAll(env);
    Process p = pb.start();
    p.getOutputStream().close();
    assertThat(p.waitFor(10, TimeUnit.MINUTES)).as("launcher finished").isTrue();
    return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }

  @Test
  void launcher_answers_queries_like_the_in_process_command() throws Exception {
    assertThat(Cli.ROOT.resolve("cli/target/sgreach.jar")).as("the shaded jar, built by package").exists();
    String minimal = Cli.ROOT.resolve(Cli.MINIMAL).toString();
    Run r = launch("reach", "--snapshot", minimal, "--queries", minimal + "/queries.txt");
    Cli.Result expected = Cli.run("reach", "--snapshot", minimal, "--queries", minimal + "/queries.txt");
    assertThat(r.out()).isEqualTo(expected.out()).contains("\tallowed\n", "\tdenied\n", "\tunknown\n");
    assertThat(r.exitCode()).as("stderr: %s", r.err()).isEqualTo(1);
  }

  @Test
  void launcher_reports_bad_input_on_one_line_with_status_2() throws Exception {
    Run r = launch("reach", "--snapshot", Cli.ROOT.resolve(Cli.MINIMAL).toString(), "--from", "eni-0a1b2c3d4e5f60a01",
        "--to", "eni-0a1b2c3d4e5f60a03", "--port", "tcp/abc");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).endsWith("\n").contains("'tcp/abc'");
    assertThat(r.err().lines().filter(l -> l.startsWith("sgreach: ") && !l.contains("building"))).hasSize(1);
  }

  private static final Path JAR = Cli.ROOT.resolve("cli/target/sgreach.jar");
  private static final Path ARCHIVE = Cli.ROOT.resolve("cli/target/sgreach.jsa");

  private String[] query() {
    String minimal = Cli.ROOT.resolve(Cli.MINIMAL).toString();
    return new String[] {"reach", "--snapshot", minimal, "--from", "eni-0a1b2c3d4e5f60a01", "--to",
        "eni-0a1b2c3d4e5f60a03", "--port", "tcp/5432"};
  }

  @Test
  void launcher_keeps_a_class_data_archive_beside_the_jar_and_answers_the_same_with_it() throws Exception {
    Files.deleteIfExists(ARCHIVE);

    Run first = launch(query());
    Run second = launch(query());

    assertThat(ARCHIVE).as("made on first use").exists();
    assertThat(Files.getLastModifiedTime(ARCHIVE)).as("newer than the jar")
        .isGreaterThanOrEqualTo(Files.getLastModifiedTime(JAR));
    assertThat(second.out()).isEqualTo(first.out()).startsWith("denied: ");
    assertThat(List.of(first.exitCode(), second.exitCode())).containsOnly(1);
    assertThat(first.err() + second.err()).as("no CDS notice anywhere").isEmpty();
  }

  @Test
  void a_broken_or_disabled_archive_is_never_a_failure() throws Exception {
    Run reference = launch(Map.of("SGREACH_CDS", "0"), query());
    try {
      Files.deleteIfExists(ARCHIVE);
      Files.writeString(ARCHIVE, "not an archive");

      Run broken = launch(query());

      assertThat(broken.out()).isEqualTo(reference.out());
      assertThat(broken.exitCode()).isEqualTo(reference.exitCode()).isEqualTo(1);
      assertThat(broken.err()).isEmpty();
    } finally {
      Files.deleteIfExists(ARCHIVE);
    }
  }
}
