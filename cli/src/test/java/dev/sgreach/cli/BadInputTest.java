package dev.sgreach.cli;

import static dev.sgreach.cli.Cli.MINIMAL;
import static dev.sgreach.cli.Cli.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sgreach.engine.Endpoint;
import dev.sgreach.model.Network;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every kind of bad input: one line on standard error, nothing on standard output, exit status 2. */
class BadInputTest {
  static final String WEB = ReachCommandTest.WEB;
  static final String DB = ReachCommandTest.DB;

  @TempDir
  Path tmp;

  static void assertBadInput(Cli.Result r, String... fragments) {
    assertThat(r.exitCode()).as("exit status; stderr: %s", r.err()).isEqualTo(2);
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).startsWith("sgreach: ").endsWith("\n").doesNotContain("\tat ").contains(fragments);
    assertThat(r.err().strip().lines()).hasSize(1);
  }

  @Test
  void bad_spec() {
    assertBadInput(run("reach", "--snapshot", MINIMAL, "--from", WEB, "--to", DB, "--port", "tcp/http"),
        "'tcp/http'", "--port");
    assertBadInput(run("reach", "--snapshot", MINIMAL, "--from", WEB, "--to", DB, "--port", "tcp/70000"),
        "70000");
    assertBadInput(run("who-can-reach", "--snapshot", MINIMAL, "--to", DB, "--port", "sctp/1"), "'sctp/1'");
  }

  @Test
  void unknown_eni_and_bad_endpoint() {
    assertBadInput(run("reach", "--snapshot", MINIMAL, "--from", "eni-0nope", "--to", DB, "--port", "tcp/1"),
        "eni-0nope");
    assertBadInput(run("reach", "--snapshot", MINIMAL, "--from", "web", "--to", DB, "--port", "tcp/1"), "'web'");
    assertBadInput(run("ports", "--snapshot", MINIMAL, "--from", "i-0nope", "--to", DB), "i-0nope");
    assertBadInput(run("exposure", "--snapshot", MINIMAL, "--of", "sg-0nope"), "sg-0nope");
  }

  @Test
  void both_outside_is_bad_input() {
    assertBadInput(run("reach", "--snapshot", MINIMAL, "--from", "1.1.1.1", "--to", "8.8.8.8", "--port", "tcp/1"),
        "outside");
  }

  @Test
  void missing_unknown_and_conflicting_options() {
    assertBadInput(run("reach", "--snapshot", MINIMAL, "--from", WEB), "'--to=Y'", "'--port=SPEC'");
    assertBadInput(run("reach", "--from", WEB, "--to", DB, "--port", "tcp/1"), "--snapshot");
    assertBadInput(run("reach", "--snapshot", MINIMAL, "--bogus"), "'--bogus'");
    assertBadInput(run("reach", "--bogus"), "'--bogus'");
    assertBadInput(run("reach", "--snapshot", MINIMAL, "--queries", "q", "--from", WEB), "--queries");
    assertBadInput(run("ports", "--snapshot", MINIMAL, "--from", WEB), "--to");
    assertBadInput(run("frobnicate"), "frobnicate");
    assertBadInput(run(), "missing command");
  }

  @Test
  void missing_snapshot_folder() {
    assertBadInput(run("reach", "--snapshot", "no/such/dir", "--from", WEB, "--to", DB, "--port", "tcp/1"),
        "no/such/dir");
  }

  private Path copyOfMinimal() throws IOException {
    Path dir = Files.createDirectories(tmp.resolve("snap"));
    for (String f : List.of("ec2-describe-security-groups.json", "ec2-describe-network-interfaces.json")) {
      Files.copy(Cli.ROOT.resolve(MINIMAL).resolve(f), dir.resolve(f));
    }
    return dir;
  }

  @Test
  void truncated_snapshot_json_names_the_file() throws IOException {
    Path dir = copyOfMinimal();
    Path sgs = dir.resolve("ec2-describe-security-groups.json");
    String json = Files.readString(sgs);
    Files.writeString(sgs, json.substring(0, json.length() / 2));
    assertBadInput(run("reach", "--snapshot", dir.toString(), "--from", WEB, "--to", DB, "--port", "tcp/5432"),
        "ec2-describe-security-groups.json");
  }

  @Test
  void bad_cidr_names_file_path_and_value() throws IOException {
    Path dir = copyOfMinimal();
    Path sgs = dir.resolve("ec2-describe-security-groups.json");
    Files.writeString(sgs, Files.readString(sgs).replaceFirst("0\\.0\\.0\\.0/0", "10.0.0.300/8"));
    assertBadInput(run("reach", "--snapshot", dir.toString(), "--from", WEB, "--to", DB, "--port", "tcp/5432"),
        "ec2-describe-security-groups.json", "$.SecurityGroups[0].IpPermissions[0].IpRanges[0].CidrIp",
        "'10.0.0.300/8'");
  }

  @Test
  void eks_endpoints_naming_no_cluster_of_the_snapshot_are_bad_input() {
    assertBadInput(run("reach", "--snapshot", MINIMAL, "--from", "eks:c1/nodes", "--to", DB, "--port", "tcp/1"),
        "no EKS cluster 'c1' in the snapshot; clusters found: none");
  }

  @Test
  void eks_endpoints_go_through_the_plugged_parser() {
    EndpointParser eks = (text, network) -> text.equals("eks:demo/web-and-app")
        ? Optional.of(Endpoint.group(text, List.of(Endpoint.eni(WEB), Endpoint.eni(ReachCommandTest.APP))))
        : Optional.empty();
    Cli.Result r = run(Cli.env().withParsers(List.of(eks)), "reach", "--snapshot", MINIMAL, "--from",
        "eks:demo/web-and-app", "--to", DB, "--port", "tcp/5432");
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.out()).startsWith("denied: eks:demo/web-and-app -> " + DB + " on tcp/5432\n")
        .contains("some: 1 of 2 member flows allowed");
  }

  @Test
  void internal_errors_exit_2_without_stack_trace_unless_debug() {
    NetworkLoader broken = dir -> {
      throw new IllegalStateException("boom");
    };
    Cli.Result r = run(Cli.env().withLoader(broken), "reach", "--snapshot", "x", "--from", WEB, "--to", DB,
        "--port", "tcp/1");
    assertBadInput(r, "internal error", "boom", "--debug");
    Cli.Result d = run(Cli.env().withLoader(broken), "reach", "--snapshot", "x", "--from", WEB, "--to", DB,
        "--port", "tcp/1", "--debug");
    assertThat(d.exitCode()).isEqualTo(2);
    assertThat(d.out()).isEmpty();
    assertThat(d.err()).contains("internal error").contains("\tat ");
  }

  @Test
  void networks_built_in_code_load_through_the_seam() {
    Network empty = Network.builder().build();
    assertBadInput(run(Cli.env(empty), "reach", "--snapshot", "any", "--from", WEB, "--to", DB, "--port", "tcp/1"),
        "no network interface " + WEB);
  }
}
