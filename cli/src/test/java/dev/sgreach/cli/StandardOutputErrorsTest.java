package dev.sgreach.cli;

import static dev.sgreach.cli.Cli.MINIMAL;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An answer that cannot be written is not an answer: when standard output fails ({@code > /dev/full}, a closed
 * pipe), every command, text or JSON, exits 2 with one line giving the operating system's reason.
 */
class StandardOutputErrorsTest {
  static final String WEB = ReachCommandTest.WEB;
  static final String DB = ReachCommandTest.DB;
  static final String EKS = "examples/ekscluster1";
  static final String FULL = "sgreach: cannot write the answer to standard output: No space left on device\n";

  @TempDir
  Path tmp;

  /** A disk that takes {@code room} bytes, then is full. */
  static final class FullDisk extends OutputStream {
    private int room;

    FullDisk(int room) {
      this.room = room;
    }

    @Override
    public void write(int b) throws IOException {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      if (len > room) {
        room = 0;
        throw new IOException("No space left on device");
      }
      room -= len;
    }
  }

  static List<String[]> everyCommand() {
    List<String[]> runs = new ArrayList<>();
    for (String json : new String[] {null, "--json"}) {
      List<List<String>> commands = List.of(
          List.of("reach", "--snapshot", MINIMAL, "--from", WEB, "--to", DB, "--port", "tcp/5432"),
          List.of("reach", "--snapshot", MINIMAL, "--from", WEB, "--to", ReachCommandTest.APP, "--port", "tcp/8080"),
          List.of("reach", "--snapshot", MINIMAL, "--queries", MINIMAL + "/queries.txt"),
          List.of("ports", "--snapshot", MINIMAL, "--from", WEB, "--to", DB),
          List.of("who-can-reach", "--snapshot", MINIMAL, "--to", WEB, "--port", "tcp/443"),
          List.of("what-can-be-reached", "--snapshot", MINIMAL, "--from", WEB, "--port", "tcp/443"),
          List.of("exposure", "--snapshot", MINIMAL),
          List.of("lint", "--snapshot", EKS),
          List.of("graph", "--snapshot", MINIMAL));
      for (List<String> c : commands) {
        List<String> args = new ArrayList<>(c);
        if (json != null) {
          args.add(json);
        }
        runs.add(args.toArray(String[]::new));
      }
    }
    for (List<String> c : List.of(List.of("lint", "--snapshot", EKS, "--format", "json"),
        List.of("lint", "--snapshot", EKS, "--format", "sarif"),
        List.of("graph", "--snapshot", MINIMAL, "--format", "mermaid"),
        List.of("--help"), List.of("--version"), List.of("reach", "--help"), List.of("help", "exposure"))) {
      runs.add(c.toArray(String[]::new));
    }
    return runs;
  }

  @Test
  void every_command_exits_2_when_its_answer_cannot_be_written() {
    for (String[] args : everyCommand()) {
      Cli.Result r = Cli.runWithOut(StandardOutput.over(new FullDisk(0), StandardCharsets.UTF_8), Cli.env(), args);
      assertThat(r.exitCode()).as("exit status of %s; stderr: %s", String.join(" ", args), r.err()).isEqualTo(2);
      assertThat(r.err()).as("stderr of %s", String.join(" ", args)).isEqualTo(FULL);
    }
  }

  @Test
  void a_disk_that_fills_up_part_way_is_caught_too() {
    Cli.Result r = Cli.runWithOut(StandardOutput.over(new FullDisk(100), StandardCharsets.UTF_8), Cli.env(),
        "graph", "--snapshot", EKS);
    assertThat(r.exitCode()).as("stderr: %s", r.err()).isEqualTo(2);
    assertThat(r.err()).isEqualTo(FULL);
  }

  @Test
  void a_jshell_script_whose_output_cannot_be_written_exits_2() throws IOException {
    Path script = Files.writeString(tmp.resolve("hello.jsh"), "System.out.println(\"hello\");\n");
    Cli.Result r = Cli.runWithOut(StandardOutput.over(new FullDisk(0), StandardCharsets.UTF_8), Cli.env(),
        "shell", script.toString());
    assertThat(r.exitCode()).as("stderr: %s", r.err()).isEqualTo(2);
    assertThat(r.err()).isEqualTo(FULL);
  }

  @Test
  void a_writer_that_keeps_no_reason_still_fails_the_command() {
    Cli.Result r = Cli.runWithOut(new PrintWriter(new FullDisk(0)), Cli.env(), "exposure", "--snapshot", MINIMAL);
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).isEqualTo("sgreach: cannot write the answer to standard output\n");
  }

  @Test
  void a_working_standard_output_carries_the_answer_and_its_status() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    Cli.Result r = Cli.runWithOut(StandardOutput.over(bytes, StandardCharsets.UTF_8), Cli.env(),
        "reach", "--snapshot", MINIMAL, "--from", WEB, "--to", DB, "--port", "tcp/5432");
    assertThat(r.exitCode()).as("stderr: %s", r.err()).isEqualTo(1);
    assertThat(r.err()).isEmpty();
    assertThat(bytes.toString(StandardCharsets.UTF_8))
        .isEqualTo(Cli.run("reach", "--snapshot", MINIMAL, "--from", WEB, "--to", DB, "--port", "tcp/5432").out());
  }
}
