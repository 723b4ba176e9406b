package dev.sgreach.cli;

import static dev.sgreach.cli.Cli.MINIMAL;
import static dev.sgreach.cli.Cli.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sgreach.model.Network;
import dev.sgreach.model.NetworkInterface;
import dev.sgreach.model.Peer;
import dev.sgreach.model.Ports;
import dev.sgreach.model.SecurityGroup;
import org.junit.jupiter.api.Test;

/** {@code ports}, {@code who-can-reach}, {@code exposure}, help and version. */
class OtherCommandsTest {
  static final String WEB = ReachCommandTest.WEB;
  static final String APP = ReachCommandTest.APP;
  static final String DB = ReachCommandTest.DB;
  static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void ports_lists_what_gets_through() throws Exception {
    Cli.Result r = run("ports", "--snapshot", MINIMAL, "--from", "8.8.8.8", "--to", WEB);
    assertThat(r.out()).isEqualTo("open from 8.8.8.8 to " + WEB + ":\n  tcp 80, 443\n");
    assertThat(r.exitCode()).isEqualTo(0);
    assertThat(run("ports", "--snapshot", MINIMAL, "--from", DB, "--to", WEB).out())
        .isEqualTo("open from " + DB + " to " + WEB + ": nothing\n");
    JsonNode j = JSON.readTree(run("ports", "--snapshot", MINIMAL, "--from", "8.8.8.8", "--to", WEB, "--json").out());
    assertThat(j.at("/allowed/tcp/0/from").asInt()).isEqualTo(80);
    assertThat(j.at("/allowed/tcp/1/to").asInt()).isEqualTo(443);
    assertThat(j.at("/allowed/udp").size()).isZero();
  }

  @Test
  void ports_needs_single_members() {
    BadInputTest.assertBadInput(run(Cli.env(twoWebs()), "ports", "--snapshot", "x", "--from", "sg-web", "--to",
        "eni-db"), "sg-web");
  }

  @Test
  void who_can_reach_lists_enis_and_outside_blocks() throws Exception {
    Cli.Result r = run("who-can-reach", "--snapshot", MINIMAL, "--to", WEB, "--port", "tcp/443");
    assertThat(r.out()).isEqualTo("who can reach " + WEB + " on tcp/443:\n  " + APP + " (10.0.2.20)\n"
        + "  outside 0.0.0.0/0\n");
    assertThat(r.exitCode()).isEqualTo(0);
    JsonNode j = JSON.readTree(run("who-can-reach", "--snapshot", MINIMAL, "--to", DB, "--port", "tcp/5432",
        "--json").out());
    assertThat(j.at("/interfaces/0/eni").asText()).isEqualTo(APP);
    assertThat(j.at("/outsideBlocks").size()).isZero();
    assertThat(run("who-can-reach", "--snapshot", MINIMAL, "--to", APP, "--port", "udp/53").out())
        .isEqualTo("who can reach " + APP + " on udp/53:\n  nothing\n");
  }

  @Test
  void what_can_be_reached_lists_destinations() throws Exception {
    Cli.Result r = run("what-can-be-reached", "--snapshot", MINIMAL, "--from", APP, "--port", "tcp/5432");
    assertThat(r.exitCode()).isEqualTo(0);
    assertThat(r.out()).startsWith("what " + APP + " can reach on tcp/5432:\n  " + DB + " (10.0.3.30)\n");
    JsonNode j = JSON.readTree(run("what-can-be-reached", "--snapshot", MINIMAL, "--from", APP, "--port",
        "tcp/5432", "--json").out());
    assertThat(j.at("/from").asText()).isEqualTo(APP);
    assertThat(j.at("/interfaces/0/eni").asText()).isEqualTo(DB);
    // examples/minimal has no ec2-describe-vpcs.json: which address is the VPC's Amazon DNS server (never filtered)
    // is not known, so an outside destination that could be it is unknown, and said so
    assertThat(run("what-can-be-reached", "--snapshot", MINIMAL, "--from", DB, "--port", "tcp/443").out())
        .isEqualTo("what " + DB + " can reach on tcp/443:\n  unknown outside: " + DB + ": its VPC's blocks are not"
            + " in the snapshot, so which address is its Amazon DNS server (never filtered by security groups) is not"
            + " known\n");
  }

  @Test
  void exposure_exits_1_when_something_is_exposed() throws Exception {
    Cli.Result r = run("exposure", "--snapshot", MINIMAL);
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.out()).startsWith(WEB + " (10.0.1.10): exposed to anywhere, reachable at 52.28.0.10\n  tcp 80, 443\n")
        .contains("maybe exposed")
        // each admitting rule with the command that removes it
        .contains("    by sg-0a1b2c3d4e5f60b01 (web): ingress tcp 443 from 0.0.0.0/0 \"HTTPS from anywhere\"\n"
            + "      aws ec2 revoke-security-group-ingress --group-id sg-0a1b2c3d4e5f60b01 --ip-permissions"
            + " 'IpProtocol=tcp,FromPort=443,ToPort=443,IpRanges=[{CidrIp=0.0.0.0/0}]'\n");
    JsonNode j = JSON.readTree(run("exposure", "--snapshot", MINIMAL, "--json").out());
    assertThat(j.get("exposed").asText()).isEqualTo("yes");
    assertThat(j.at("/interfaces/0/eni").asText()).isEqualTo(WEB);
    assertThat(j.at("/interfaces/0/rules/0/peer/cidr").asText()).isEqualTo("0.0.0.0/0");
  }

  @Test
  void exposure_exits_0_when_nothing_and_3_when_only_maybe() {
    Cli.Result app = run("exposure", "--snapshot", MINIMAL, "--of", APP);
    assertThat(app.out()).isEqualTo("no network interface of " + APP + " is exposed to the internet\n");
    assertThat(app.exitCode()).isEqualTo(0);
    Cli.Result db = run("exposure", "--snapshot", MINIMAL, "--of", DB);
    assertThat(db.out())
        .startsWith(DB + " (10.0.3.30): maybe exposed (missing data), no public address (exposed by security groups only)\n");
    assertThat(db.exitCode()).isEqualTo(3);
  }

  @Test
  void help_lists_the_exit_codes() {
    Cli.Result top = run("--help");
    assertThat(top.exitCode()).isEqualTo(0);
    assertThat(top.out()).contains("Exit status:").contains("reach", "ports", "who-can-reach", "exposure", "shell");
    Cli.Result reach = run("reach", "--help");
    assertThat(reach.out()).contains("Exit status:", "0   allowed", "1   denied", "2   bad input", "3   unknown");
    assertThat(run("help", "exposure").out()).contains("1   something is exposed");
  }

  @Test
  void version_is_printed() {
    Cli.Result r = run("--version");
    assertThat(r.exitCode()).isEqualTo(0);
    assertThat(r.out().strip()).isEqualTo("sgreach " + System.getProperty("sgreach.expectedVersion"));
  }

  /** Two web ENIs carrying sg-web, one db: for group-valued endpoints. */
  static Network twoWebs() {
    return Network.builder()
        .add(SecurityGroup.builder("sg-web").vpc("vpc-1").allowOut(Ports.allTraffic(), Peer.cidr("0.0.0.0/0"))
            .build())
        .add(SecurityGroup.builder("sg-db").vpc("vpc-1").allowIn(Ports.tcp(5432), Peer.group("sg-web")).build())
        .add(NetworkInterface.builder("eni-w1").vpc("vpc-1").address("10.0.1.1").groups("sg-web").build())
        .add(NetworkInterface.builder("eni-w2").vpc("vpc-1").address("10.0.1.2").groups("sg-web").build())
        .add(NetworkInterface.builder("eni-db").vpc("vpc-1").address("10.0.2.1").groups("sg-db").build())
        .build();
  }

  @Test
  void group_endpoints_answer_per_member() {
    Cli.Result r = run(Cli.env(twoWebs()), "reach", "--snapshot", "x", "--from", "sg-web", "--to", "eni-db",
        "--port", "tcp/5432");
    assertThat(r.exitCode()).isEqualTo(0);
    assertThat(r.out()).contains("all: 2 of 2 member flows allowed");
  }
}
