package dev.sgreach.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
    List<String> command = new ArrayList<>();
    command.add(Cli.ROOT.resolve("sgreach").toString());
    command.addAll(List.of(args));
    Path out = elsewhere.resolve("out.txt");
    Path err = elsewhere.resolve("err.txt");
    Process p = new ProcessBuilder(command).directory(elsewhere.toFile())
        .redirectOutput(out.toFile()).redirectError(err.toFile()).redirectInput(ProcessBuilder.Redirect.PIPE)
        .start();
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
}
