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

  /**
   * With thousands of distinct endpoints the endpoints are resolved on several threads before the lines are checked
   * in order: the error reported is still the first line's, whether an unknown ENI or two outside parties.
   */
  @Test
  void among_thousands_of_endpoints_the_first_bad_line_is_named() throws IOException {
    StringBuilder head = new StringBuilder();
    for (int i = 0; i < 12_000; i++) {
      head.append("198.18.").append(i / 250).append('.').append(i % 250 + 1).append(' ').append(DB)
          .append(" tcp/5432\n");
    }
    String gone = WEB + " eni-0gone tcp/5432\n";
    String twoOutside = "203.0.113.9 198.51.100.7 tcp/22\n";
    String q = file(head + gone + twoOutside);
    assertBadInput(run("reach", "--snapshot", MINIMAL, "--queries", q), q + ":12001: ", "eni-0gone");
    String r = file(head + twoOutside + gone);
    assertBadInput(run("reach", "--snapshot", MINIMAL, "--queries", r), r + ":12001: ", "outside the snapshot");
    Cli.Result good = run("reach", "--snapshot", MINIMAL, "--queries", file(head.toString()));
    assertThat(good.out().lines()).hasSize(12_000).allMatch(l -> l.endsWith("\ttcp/5432\tdenied"))
        .startsWith("198.18.0.1\t" + DB + "\ttcp/5432\tdenied");
  }

  /** A plug-in endpoint parser was never promised calls from several threads: with one, one thread resolves. */
  @Test
  void a_plugged_endpoint_parser_is_called_from_one_thread_however_many_endpoints() throws IOException {
    java.util.Set<Thread> callers = java.util.concurrent.ConcurrentHashMap.newKeySet();
    EndpointParser counting = (text, network) -> {
      callers.add(Thread.currentThread());
      return java.util.Optional.empty();
    };
    StringBuilder in = new StringBuilder();
    for (int i = 0; i < 12_000; i++) {
      in.append("198.18.").append(i / 250).append('.').append(i % 250 + 1).append(' ').append(DB)
          .append(" tcp/5432\n");
    }
    Cli.Result r = run(Cli.env().withParsers(java.util.List.of(counting)), "reach", "--snapshot", MINIMAL,
        "--queries", file(in.toString()));
    assertThat(r.out().lines()).hasSize(12_000);
    assertThat(callers).as("the threads that called the parser").hasSize(1);
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

  // limits: each is one line naming the file and the line, exit 2, and reading stops there (never out of memory)

  /** Standard input that repeats {@code pattern} until {@code total} bytes have been read (or for ever, with -1). */
  static java.io.InputStream repeating(String pattern, long total) {
    byte[] unit = pattern.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    byte[] chunk = new byte[unit.length * Math.max(1, (1 << 16) / unit.length)];
    for (int i = 0; i < chunk.length; i += unit.length) {
      System.arraycopy(unit, 0, chunk, i, unit.length);
    }
    return new java.io.InputStream() {
      long at;

      @Override
      public int read() {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
      }

      @Override
      public int read(byte[] b, int off, int len) {
        if (total >= 0 && at >= total) {
          return -1;
        }
        int from = (int) (at % chunk.length);
        int n = (int) Math.min(Math.min(len, chunk.length - from), total < 0 ? Long.MAX_VALUE : total - at);
        System.arraycopy(chunk, from, b, off, n);
        at += n;
        return n;
      }
    };
  }

  private static Cli.Result stdin(java.io.InputStream in) {
    return run(Cli.env().withStdin(() -> in), "reach", "--snapshot", MINIMAL, "--queries", "-");
  }

  @Test
  void dev_zero_is_one_line_naming_the_nul_byte_not_an_out_of_memory_error() {
    org.junit.jupiter.api.Assumptions.assumeTrue(Files.isReadable(Path.of("/dev/zero")), "a system with /dev/zero");
    assertBadInput(run("reach", "--snapshot", MINIMAL, "--queries", "/dev/zero"),
        "sgreach: /dev/zero:1: not UTF-8 text: a NUL byte at column 1 (a binary file, or UTF-16 text without a"
        + " byte-order mark?)");
  }

  @Test
  void a_utf16_file_is_named_as_utf16_at_its_line() throws IOException {
    String text = APP + " " + DB + " tcp/5432\n";
    Path withMark = tmp.resolve("utf16.txt");
    Files.write(withMark, text.getBytes(java.nio.charset.StandardCharsets.UTF_16)); // big-endian, with its mark
    assertBadInput(run("reach", "--snapshot", MINIMAL, "--queries", withMark.toString()), withMark + ":1: not UTF-8"
        + " text: the file starts with a UTF-16 byte-order mark (convert it, e.g. iconv -f UTF-16 -t UTF-8)");
    Path little = tmp.resolve("utf16le.txt");
    byte[] le = ("\uFEFF" + text).getBytes(java.nio.charset.StandardCharsets.UTF_16LE); // as Windows writes it
    Files.write(little, le);
    assertBadInput(run("reach", "--snapshot", MINIMAL, "--queries", little.toString()), little + ":1: not UTF-8"
        + " text: the file starts with a UTF-16 byte-order mark");
    Path bare = tmp.resolve("utf16-no-mark.txt");
    Files.write(bare, ("# queries\n" + text).getBytes(java.nio.charset.StandardCharsets.UTF_16LE));
    assertBadInput(run("reach", "--snapshot", MINIMAL, "--queries", bare.toString()), bare + ":1: not UTF-8 text:"
        + " a NUL byte at column 2");
  }

  @Test
  void a_line_longer_than_the_limit_is_named_and_endless_input_without_a_line_end_stops_there() throws IOException {
    String q = file(APP + " " + DB + " tcp/5432\n" + "x".repeat(QueryFile.Limits.DEFAULT.lineBytes() + 1) + "\n");
    assertBadInput(run("reach", "--snapshot", MINIMAL, "--queries", q), q + ":2: the line is longer than 1 MiB"
        + " (1048576 bytes), the most a queries line may hold");
    assertBadInput(stdin(repeating(APP + " ", -1)), "sgreach: <stdin>:1: the line is longer than 1 MiB");
  }

  @Test
  void a_line_of_the_limit_is_read() throws IOException {
    String q = file("#" + "x".repeat(QueryFile.Limits.DEFAULT.lineBytes() - 1) + "\r\n" + APP + " " + DB
        + " tcp/5432\n");
    Cli.Result r = run("reach", "--snapshot", MINIMAL, "--queries", q);
    assertThat(r.err()).isEmpty();
    assertThat(r.out()).isEqualTo(APP + "\t" + DB + "\ttcp/5432\tallowed\n");
  }

  @Test
  void the_limits_are_a_mebibyte_a_line_ten_million_queries_and_a_gibibyte_a_file() {
    assertThat(QueryFile.Limits.DEFAULT).isEqualTo(new QueryFile.Limits(1 << 20, 10_000_000, 1L << 30));
    assertThat(QueryFile.bytes(1L << 30)).isEqualTo("1 GiB (1073741824 bytes)");
    assertThat(QueryFile.bytes(3 << 10)).isEqualTo("3 KiB (3072 bytes)");
    assertThat(QueryFile.bytes(100)).isEqualTo("100 bytes");
  }

  @Test
  void more_queries_than_the_limit_are_named_at_the_first_line_beyond_it() {
    // the default's ten million take seconds to parse: the same code under a smaller limit
    String line = APP + " " + DB + " tcp/5432\n# a comment\n\n";
    BadInputException e = org.assertj.core.api.Assertions.catchThrowableOfType(BadInputException.class,
        () -> QueryFile.read(repeating(line, -1), "q.txt", true, new QueryFile.Limits(1 << 20, 1000, 1L << 30)));
    assertThat(e).hasMessage("q.txt:3001: more than 1000 queries in one file, the most a queries file may hold:"
        + " split it into smaller files");
    assertThat(QueryFile.read(repeating(line, (long) line.length() * 1000), "q.txt", true,
        new QueryFile.Limits(1 << 20, 1000, 1L << 30)).size()).isEqualTo(1000);
  }

  @Test
  void a_file_longer_than_the_limit_is_named_at_the_line_it_reached() {
    String comment = "#" + "x".repeat(1022) + "\n"; // 1 KiB a line: a 1 MiB limit is crossed in line 1025
    QueryFile.Limits mebibyte = new QueryFile.Limits(1 << 20, 10_000_000, 1L << 20);
    BadInputException e = org.assertj.core.api.Assertions.catchThrowableOfType(BadInputException.class,
        () -> QueryFile.read(repeating(comment, -1), "<stdin>", false, mebibyte));
    assertThat(e).hasMessage("<stdin>:1025: the file is longer than 1 MiB (1048576 bytes), the most a queries file"
        + " may hold: split it into smaller files");
    assertThat(QueryFile.read(repeating(comment, 1 << 20), "<stdin>", false, mebibyte).size()).isZero();
  }
}
