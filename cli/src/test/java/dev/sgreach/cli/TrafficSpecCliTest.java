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
 * SPEC on the command line and in queries files goes through the one parser ({@code Traffic.parse}): ASCII digits
 * only, a bare number 0-255 that is not 1/6/17/58 is that IP protocol, and everything else is exit 2 with what to
 * write instead.
 */
class TrafficSpecCliTest {
  static final String WEB = ReachCommandTest.WEB;
  static final String DB = ReachCommandTest.DB;

  @TempDir
  Path tmp;

  static Cli.Result reach(String spec) {
    return run("reach", "--snapshot", MINIMAL, "--from", WEB, "--to", DB, "--port", spec);
  }

  @Test
  void digits_of_other_scripts_are_not_ports() {
    assertBadInput(reach("tcp/٨٠٨٠"), "--port", "traffic spec 'tcp/٨٠٨٠' is invalid: '٨٠٨٠' is not a port: give a "
        + "number in ASCII digits (0-9)");
    assertBadInput(reach("udp/５３"), "'５３' is not a port");
  }

  @Test
  void a_bare_number_above_255_asks_whether_a_tcp_port_was_meant() {
    assertBadInput(reach("8080"), "no IP protocol 8080 (protocols are 0-255); did you mean tcp/8080?");
    assertBadInput(run("who-can-reach", "--snapshot", MINIMAL, "--to", DB, "--port", "8080"),
        "did you mean tcp/8080?");
  }

  @Test
  void a_bare_protocol_with_ports_or_types_points_at_its_form() {
    assertBadInput(reach("6"), "6 is tcp: give tcp/PORT");
    assertBadInput(reach("17"), "17 is udp: give udp/PORT");
    assertBadInput(reach("1"), "1 is icmp: give icmp/TYPE/CODE");
    assertBadInput(reach("58"), "58 is icmpv6: give icmpv6/TYPE/CODE");
  }

  @Test
  void a_bare_number_without_ports_is_that_protocol() {
    Cli.Result esp = reach("50");
    assertThat(esp.exitCode()).as("stderr: %s", esp.err()).isIn(0, 1, 3);
    assertThat(esp.out()).contains(WEB + " -> " + DB + " on 50");
    assertThat(reach("0").out()).contains(" on 0\n");
  }

  @Test
  void queries_files_use_the_same_parser() throws IOException {
    Path q = Files.writeString(tmp.resolve("q.txt"), WEB + " " + DB + " tcp/5432\n" + WEB + " " + DB + " 8080\n");
    assertBadInput(run("reach", "--snapshot", MINIMAL, "--queries", q.toString()),
        q + ":2: traffic spec '8080' is invalid: no IP protocol 8080 (protocols are 0-255); did you mean tcp/8080?");
    Path arabic = Files.writeString(tmp.resolve("a.txt"), WEB + " " + DB + " tcp/٥٤٣٢\n");
    assertBadInput(run("reach", "--snapshot", MINIMAL, "--queries", arabic.toString()), ":1: ", "'٥٤٣٢' is not a port");
  }
}
