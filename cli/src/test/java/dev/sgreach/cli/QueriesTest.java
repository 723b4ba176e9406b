package dev.sgreach.cli;

import static dev.sgreach.cli.BadInputTest.assertBadInput;
import static dev.sgreach.cli.Cli.MINIMAL;
import static dev.sgreach.cli.Cli.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sgreach reach --queries}: exact bytes, order, comments, stdin, validation before answers. */
class QueriesTest {
  static final String WEB = ReachCommandTest.WEB;
  static final String APP = ReachCommandTest.APP;
  static final String DB = ReachCommandTest.DB;

  @TempDir
  Path tmp;

  private String file(String content) throws IOException {
    Path f = tmp.resolve("q.txt");
    Files.writeString(f, content);
    return f.toString();
  }

  @Test
  void should_print_one_tab_separated_line_per_query_in_input_order() {
    Cli.Result r = run("reach", "--snapshot", MINIMAL, "--queries", MINIMAL + "/queries.txt");
    assertThat(r.out()).isEqualTo(""
        + WEB + "\t" + APP + "\ttcp/8080\tallowed\n"
        + APP + "\t" + DB + "\ttcp/5432\tallowed\n"
        + "203.0.113.9\t" + WEB + "\ttcp/443\tallowed\n"
        + "203.0.113.9\t" + DB + "\ttcp/5432\tdenied\n"
        + WEB + "\t" + DB + "\ttcp/5432\tdenied\n"
        + "10.8.0.5\t" + DB + "\ttcp/9187\tunknown\n");
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err()).isEmpty();
  }

  @Test
  void should_exit_0_when_all_allowed_and_echo_fields_as_written() throws IOException {
    String q = file("\uFEFF# header comment\r\n"
        + "\r\n"
        + "   " + WEB + "\t\t" + APP + "   TCP/8080   # trailing comment\r\n"
        + "\t# indented comment\n"
        + APP + " " + DB + " tcp/5432\n"
        + APP + " " + DB + " tcp/5432");
    Cli.Result r = run("reach", "--snapshot", MINIMAL, "--queries", q);
    assertThat(r.out()).isEqualTo(WEB + "\t" + APP + "\tTCP/8080\tallowed\n"
        + APP + "\t" + DB + "\ttcp/5432\tallowed\n"
        + APP + "\t" + DB + "\ttcp/5432\tallowed\n");
    assertThat(r.exitCode()).isEqualTo(0);
  }

  @Test
  void should_exit_1_when_only_unknown() throws IOException {
    Cli.Result r = run("reach", "--snapshot", MINIMAL, "--queries", file("10.8.0.5 " + DB + " tcp/9187\n"));
    assertThat(r.out()).isEqualTo("10.8.0.5\t" + DB + "\ttcp/9187\tunknown\n");
    assertThat(r.exitCode()).isEqualTo(1);
  }

  @Test
  void should_read_standard_input() {
    Cli.Result r = Cli.runWithStdin(APP + " " + DB + " tcp/5432\n" + WEB + " " + DB + " tcp/5432\n",
        "reach", "--snapshot", MINIMAL, "--queries", "-");
    assertThat(r.out()).isEqualTo(APP + "\t" + DB + "\ttcp/5432\tallowed\n" + WEB + "\t" + DB + "\ttcp/5432\tdenied\n");
    assertThat(r.exitCode()).isEqualTo(1);
  }

  @Test
  void an_empty_file_answers_nothing_and_exits_0() throws IOException {
    Cli.Result r = run("reach", "--snapshot", MINIMAL, "--queries", file("# nothing to ask\n\n"));
    assertThat(r.out()).isEmpty();
    assertThat(r.exitCode()).isEqualTo(0);
  }

  @Test
  void a_bad_spec_line_is_named_and_nothing_is_answered() throws IOException {
    String q = file(APP + " " + DB + " tcp/5432\n\n" + WEB + " " + DB + " tcp/postgres\n");
    assertBadInput(run("reach", "--snapshot", MINIMAL, "--queries", q), q + ":3: ", "'tcp/postgres'");
  }

  @Test
  void a_line_with_the_wrong_number_of_fields_is_named() throws IOException {
    String q = file(APP + " " + DB + "\n");
    assertBadInput(run("reach", "--snapshot", MINIMAL, "--queries", q), q + ":1: ", "expected FROM TO SPEC",
        "found 2 fields");
  }

  @Test
  void an_unknown_eni_late_in_the_file_stops_everything_before_output() throws IOException {
    String q = file(APP + " " + DB + " tcp/5432\n" + WEB + " eni-0gone tcp/5432\n");
    assertBadInput(run("reach", "--snapshot", MINIMAL, "--queries", q), q + ":2: ", "eni-0gone");
  }

  @Test
  void bad_stdin_is_named_stdin() {
    assertBadInput(Cli.runWithStdin("a b\n", "reach", "--snapshot", MINIMAL, "--queries", "-"), "<stdin>:1: ");
  }

  @Test
  void a_missing_queries_file_is_bad_input() {
    assertBadInput(run("reach", "--snapshot", MINIMAL, "--queries", "no-such-queries.txt"),
        "no-such-queries.txt");
  }

  @Test
  void json_lists_the_answers() throws IOException {
    Cli.Result r = run("reach", "--snapshot", MINIMAL, "--queries", file(APP + " " + DB + " tcp/5432\n"), "--json");
    JsonNode j = new ObjectMapper().readTree(r.out());
    assertThat(j.at("/0/line").asInt()).isEqualTo(1);
    assertThat(j.at("/0/from").asText()).isEqualTo(APP);
    assertThat(j.at("/0/outcome").asText()).isEqualTo("allowed");
    assertThat(r.exitCode()).isEqualTo(0);
  }

  @Test
  void json_is_streamed_exactly_as_the_whole_document_prints() throws IOException {
    String q = file(APP + " " + DB + " tcp/5432\n# between\n203.0.113.9 " + DB + " tcp/5432\n"
        + "10.8.0.5 " + DB + " tcp/9187\n");
    Cli.Result r = run("reach", "--snapshot", MINIMAL, "--queries", q, "--json");
    com.fasterxml.jackson.databind.node.ArrayNode expected = Json.array();
    expected.add(Json.query(1, APP, DB, "tcp/5432", dev.sgreach.engine.Outcome.ALLOWED));
    expected.add(Json.query(3, "203.0.113.9", DB, "tcp/5432", dev.sgreach.engine.Outcome.DENIED));
    expected.add(Json.query(4, "10.8.0.5", DB, "tcp/9187", dev.sgreach.engine.Outcome.UNKNOWN));
    assertThat(r.out()).isEqualTo(Json.write(expected));
    assertThat(r.exitCode()).isEqualTo(1);
    Cli.Result empty = run("reach", "--snapshot", MINIMAL, "--queries", file("# none\n"), "--json");
    assertThat(empty.out()).isEqualTo(Json.write(Json.array()));
  }

  @Test
  void a_line_between_two_outside_parties_is_named_before_any_answer() throws IOException {
    String q = file(APP + " " + DB + " tcp/5432\n203.0.113.9 198.51.100.7 tcp/22\n");
    assertBadInput(run("reach", "--snapshot", MINIMAL, "--queries", q), q + ":2: ", "outside the snapshot");
  }

  @Test
  void many_queries_repeat_endpoints_and_specs_and_keep_their_order() throws IOException {
    StringBuilder in = new StringBuilder();
    StringBuilder expected = new StringBuilder();
    String[][] pairs = {{WEB, APP, "tcp/8080", "allowed"}, {APP, DB, "tcp/5432", "allowed"},
        {WEB, DB, "tcp/5432", "denied"}, {"10.8.0.5", DB, "tcp/9187", "unknown"}};
    for (int i = 0; i < 20_000; i++) {
      String[] p = pairs[(i * 7) % pairs.length];
      in.append(p[0]).append(' ').append(p[1]).append(' ').append(p[2]).append('\n');
      expected.append(p[0]).append('\t').append(p[1]).append('\t').append(p[2]).append('\t').append(p[3])
          .append('\n');
    }
    Cli.Result r = run("reach", "--snapshot", MINIMAL, "--queries", file(in.toString()));
    assertThat(r.out()).isEqualTo(expected.toString());
    assertThat(r.exitCode()).isEqualTo(1);
  }

  @Test
  void lines_end_with_lf_cr_lf_or_cr_and_a_long_comment_line_is_read_whole() throws IOException {
    String q = file("# " + "x".repeat(200_000) + "\r" + APP + " " + DB + " tcp/5432\r\n\r" + WEB + " " + DB
        + " tcp/5432");
    Cli.Result r = run("reach", "--snapshot", MINIMAL, "--queries", q, "--json");
    JsonNode j = new ObjectMapper().readTree(r.out());
    assertThat(j.findValuesAsText("line")).containsExactly("2", "4");
    assertThat(j.findValuesAsText("outcome")).containsExactly("allowed", "denied");
  }

  @Test
  void a_line_beyond_ascii_is_read_as_text_and_named_when_bad() throws IOException {
    String q = file(APP + " " + DB + " tcp/5432   # caf\u00e9 au lait\n" + WEB + " eni-caf\u00e9 tcp/5432\n");
    assertBadInput(run("reach", "--snapshot", MINIMAL, "--queries", q), q + ":2: ", "eni-caf\u00e9");
    String ok = file(APP + "\u2003" + DB + " tcp/5432\u2003\n"); // an em space: not a separator, stripped at the end
    assertBadInput(run("reach", "--snapshot", MINIMAL, "--queries", ok), ok + ":1: ", "found 2 fields");
  }

  @Test
  void a_file_that_is_not_utf8_is_named_with_its_line() throws IOException {
    Path f = tmp.resolve("latin1.txt");
    Files.write(f, (APP + " " + DB + " tcp/5432\n" + WEB + " " + DB + " tcp/5432 # caf\u00e9\n")
        .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
    assertBadInput(run("reach", "--snapshot", MINIMAL, "--queries", f.toString()), f + ":2: ", "not UTF-8");
  }
}
