package dev.sgreach.cli;

import static dev.sgreach.cli.BadInputTest.assertBadInput;
import static dev.sgreach.cli.Cli.MINIMAL;
import static dev.sgreach.cli.Cli.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Values echoed in error messages are short and cannot forge output: a 5 MB value shows its first characters and
 * its length, control characters are escapes, and no error line exceeds {@link Errors#LINE_LIMIT} characters.
 */
class EchoedValuesTest {
  static final String WEB = ReachCommandTest.WEB;
  static final String DB = ReachCommandTest.DB;
  static final String HUGE = "x".repeat(5 * 1024 * 1024);

  @TempDir
  Path tmp;

  static void assertShortLine(Cli.Result r) {
    assertThat(r.err().length()).as("length of the error line").isLessThanOrEqualTo(Errors.LINE_LIMIT + 100);
  }

  @Test
  void a_huge_spec_is_shown_by_its_start_and_length() {
    Cli.Result r = run("reach", "--snapshot", MINIMAL, "--from", WEB, "--to", DB, "--port", "tcp/" + HUGE);
    assertBadInput(r, "traffic spec 'tcp/" + "x".repeat(76) + "'... (5242884 characters)");
    assertShortLine(r);
  }

  @Test
  void a_huge_endpoint_or_option_value_gives_a_short_error() {
    Cli.Result endpoint = run("reach", "--snapshot", MINIMAL, "--from", HUGE, "--to", DB, "--port", "tcp/1");
    assertBadInput(endpoint, "characters)");
    assertShortLine(endpoint);
    Cli.Result option = run("reach", "--snapshot", MINIMAL, "--" + HUGE);
    assertBadInput(option, "unknown option '--" + "x".repeat(78) + "'... (5242882 characters)");
    assertShortLine(option);
  }

  @Test
  void a_huge_queries_line_gives_a_short_error() throws IOException {
    // beyond the 1 MiB a line may hold, the limit is the error; within it, the line is echoed by its start
    Path q = Files.writeString(tmp.resolve("q.txt"), WEB + " " + DB + " tcp/1\n" + HUGE + "\n");
    Cli.Result r = run("reach", "--snapshot", MINIMAL, "--queries", q.toString());
    assertBadInput(r, "q.txt:2: the line is longer than 1 MiB");
    assertShortLine(r);
    String big = "x".repeat(QueryFile.Limits.DEFAULT.lineBytes());
    Files.writeString(q, WEB + " " + DB + " tcp/1\n" + big + "\n");
    Cli.Result within = run("reach", "--snapshot", MINIMAL, "--queries", q.toString());
    assertBadInput(within, "q.txt:2: expected FROM TO SPEC, found 1 field in 'xxx", "characters)");
    assertShortLine(within);
  }

  @Test
  void control_characters_in_echoed_values_are_escapes() {
    Cli.Result r = run("reach", "--snapshot", MINIMAL, "--from", "web\u001b[31m\rsgreach: allowed", "--to", DB,
        "--port", "tcp/1");
    assertBadInput(r, "web\\u001b[31m");
    assertThat(r.err()).doesNotContain("\u001b").doesNotContain("\r");
    Cli.Result bidi = run("reach", "--snapshot", MINIMAL, "--from", WEB, "--to", DB, "--port", "tcp/1\u202e0");
    assertBadInput(bidi, "'tcp/1\\u202e0'");
  }
}
