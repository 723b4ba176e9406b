package dev.sgreach.cli;

import static dev.sgreach.cli.Cli.MINIMAL;
import static dev.sgreach.cli.Cli.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sgreach.snapshot.Snapshots;
import dev.sgreach.engine.Reachability;
import dev.sgreach.model.Traffic;
import org.junit.jupiter.api.Test;

/** {@code sgreach reach} with one query: verdicts, proofs, exit statuses, {@code --json}. */
class ReachCommandTest {
  static final String WEB = "eni-0a1b2c3d4e5f60a01";
  static final String APP = "eni-0a1b2c3d4e5f60a02";
  static final String DB = "eni-0a1b2c3d4e5f60a03";

  static String explain(String from, String to, String spec) {
    return Reachability.of(Snapshots.read(Cli.ROOT.resolve(MINIMAL))).reach(from, to, Traffic.parse(spec)).explain();
  }

  @Test
  void should_exit_0_and_print_the_proof_when_allowed() {
    Cli.Result r = run("reach", "--snapshot", MINIMAL, "--from", APP, "--to", DB, "--port", "tcp/5432");
    assertThat(r.exitCode()).isEqualTo(0);
    assertThat(r.out()).isEqualTo(explain(APP, DB, "tcp/5432"))
        .startsWith("allowed: " + APP + " -> " + DB + " on tcp/5432\n")
        .contains("by sg-0a1b2c3d4e5f60b03 (db): ingress tcp 5432 from 111122223333/sg-0a1b2c3d4e5f60b02");
    assertThat(r.err()).isEmpty();
  }

  @Test
  void should_exit_1_with_near_miss_and_fix_when_denied() {
    Cli.Result r = run("reach", "--snapshot", MINIMAL, "--from", WEB, "--to", DB, "--port", "tcp/5432");
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.out()).startsWith("denied: ").contains("near miss: ")
        .contains("aws ec2 authorize-security-group-ingress --group-id sg-0a1b2c3d4e5f60b03");
    assertThat(r.err()).isEmpty();
  }

  @Test
  void should_exit_3_when_the_answer_depends_on_missing_data() {
    Cli.Result r = run("reach", "--snapshot", MINIMAL, "--from", "10.8.0.5", "--to", DB, "--port", "tcp/9187");
    assertThat(r.exitCode()).isEqualTo(3);
    assertThat(r.out()).startsWith("unknown: ").contains("missing: ");
  }

  @Test
  void should_accept_instances_groups_addresses_and_other_protocols() {
    assertThat(run("reach", "--snapshot", MINIMAL, "--from", "i-0a1b2c3d4e5f60c01", "--to",
        "sg-0a1b2c3d4e5f60b02", "--port", "tcp/8080").exitCode()).isEqualTo(0);
    assertThat(run("reach", "--snapshot", MINIMAL, "--from", "203.0.113.9", "--to", "10.0.1.10", "--port",
        "tcp/443").exitCode()).isEqualTo(0);
    assertThat(run("reach", "--snapshot", MINIMAL, "--from", WEB, "--to", APP, "--port", "50").exitCode())
        .isEqualTo(1);
    assertThat(run("reach", "--snapshot", MINIMAL, "--from", WEB, "--to", APP, "--port", "icmp/8/0").out())
        .startsWith("denied: " + WEB + " -> " + APP + " on icmp/8/0\n");
  }

  @Test
  void should_print_the_verdict_as_json() throws Exception {
    Cli.Result r = run("reach", "--snapshot", MINIMAL, "--from", WEB, "--to", DB, "--port", "tcp/5432", "--json");
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.out()).endsWith("}\n");
    JsonNode j = new ObjectMapper().readTree(r.out());
    assertThat(j.get("outcome").asText()).isEqualTo("denied");
    assertThat(j.get("coverage").asText()).isEqualTo("none");
    assertThat(j.at("/traffic/spec").asText()).isEqualTo("tcp/5432");
    JsonNode flow = j.at("/flows/0");
    assertThat(flow.at("/blockedBy/0").asText()).isEqualTo("ingress");
    assertThat(flow.at("/egress/matchedRules/0/groupId").asText()).isEqualTo("sg-0a1b2c3d4e5f60b01");
    assertThat(flow.at("/egress/matchedRules/0/peer/cidr").asText()).isEqualTo("0.0.0.0/0");
    assertThat(flow.at("/ingress/nearMisses/0/reason").asText()).contains("does not carry");
    assertThat(j.at("/fixes/0/groupId").asText()).isEqualTo("sg-0a1b2c3d4e5f60b03");
    assertThat(j.at("/fixes/0/rule/peer/groupId").asText()).isEqualTo("sg-0a1b2c3d4e5f60b01");
    assertThat(j.at("/fixes/0/awsCli").asText()).startsWith("aws ec2 authorize-security-group-ingress ");
    assertThat(j.at("/warnings/0/kind").asText()).isEqualTo("missing_prefix_list");
    assertThat(j.get("explanation").asText()).isEqualTo(explain(WEB, DB, "tcp/5432"));
  }
}
