package dev.sgreach.cli;

import static dev.sgreach.cli.Cli.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/**
 * Answers that must not claim more than the data shows (issue 11's answer items), each through the command line on
 * a snapshot folder of its own shape under {@code src/test/resources/shapes}.
 */
class AnswerShapesTest {
  static final String SHAPES = "cli/src/test/resources/shapes/";
  static final ObjectMapper JSON = new ObjectMapper();
  /** Carries only a group the snapshot lacks; has a public address. */
  static final String ONLY_MISSING = "eni-0a1b2c3d4e5f60011";
  static final String APP1 = "eni-0a1b2c3d4e5f60012";
  static final String APP = "sg-0a1b2c3d4e5f600a1";
  static final String DUAL = "eni-0a1b2c3d4e5f60031";

  @Test
  void exposure_of_an_eni_carrying_a_missing_group_is_unknown_not_all_clear() throws Exception {
    Cli.Result r = run("exposure", "--snapshot", SHAPES + "missing-group");
    assertThat(r.out()).startsWith(ONLY_MISSING + " (10.0.1.11): maybe exposed (missing data)");
    assertThat(r.exitCode()).as(r.out() + r.err()).isEqualTo(3);
    Cli.Result j = run("exposure", "--snapshot", SHAPES + "missing-group", "--of", ONLY_MISSING, "--json");
    assertThat(j.exitCode()).isEqualTo(3);
    JsonNode n = JSON.readTree(j.out());
    assertThat(n.get("exposed").asText()).as("three-valued, as the text and exit 3 say").isEqualTo("maybe");
    assertThat(n.at("/interfaces/0/exposed").asText()).isEqualTo("maybe");
  }

  @Test
  void exposure_json_says_yes_when_something_is_surely_exposed() throws Exception {
    Cli.Result j = run("exposure", "--snapshot", SHAPES + "dual-stack", "--json");
    assertThat(j.exitCode()).isEqualTo(1);
    assertThat(JSON.readTree(j.out()).get("exposed").asText()).isEqualTo("yes");
  }

  @Test
  void a_group_answer_whose_flows_are_all_unknown_has_coverage_unknown_not_none() throws Exception {
    Cli.Result r = run("reach", "--snapshot", SHAPES + "missing-group", "--from", APP, "--to", ONLY_MISSING,
        "--port", "tcp/8080", "--json");
    assertThat(r.exitCode()).isEqualTo(3);
    JsonNode n = JSON.readTree(r.out());
    assertThat(n.get("outcome").asText()).isEqualTo("unknown");
    assertThat(n.get("coverage").asText()).isEqualTo("unknown");
  }

  @Test
  void group_answers_leave_an_eni_with_itself_out() throws Exception {
    Cli.Result r = run("reach", "--snapshot", SHAPES + "missing-group", "--from", APP, "--to", APP, "--port",
        "tcp/8080", "--json");
    JsonNode flows = JSON.readTree(r.out()).get("flows");
    assertThat(flows).hasSize(2);
    for (JsonNode f : flows) {
      assertThat(f.at("/source/eni").asText()).isNotEqualTo(f.at("/destination/eni").asText());
    }
  }

  @Test
  void an_eni_sending_to_itself_meets_no_security_group() throws Exception {
    // web's rules admit nothing from 10.0.1.31 to 10.0.1.32 on tcp/5432: yet the packets never leave the ENI
    Cli.Result r = run("reach", "--snapshot", SHAPES + "dual-stack", "--from", "10.0.1.31", "--to", "10.0.1.32",
        "--port", "tcp/5432");
    assertThat(r.exitCode()).as(r.out()).isZero();
    assertThat(r.out()).contains("allowed").contains("does not pass through it: no security group applies");
  }

  @Test
  void exposure_by_lists_only_rules_of_the_families_the_eni_can_be_reached_in() {
    Cli.Result r = run("exposure", "--snapshot", SHAPES + "dual-stack");
    assertThat(r.out()).contains("by sg-0a1b2c3d4e5f600b1").contains("0.0.0.0/0").doesNotContain("::/0");
  }

  @Test
  void a_public_ip_endpoint_is_its_eni_reached_through_the_internet_gateway() throws Exception {
    // examples/minimal: the web ENI has the public IP 52.28.0.10 and admits tcp/443 from anywhere
    Cli.Result r = run("reach", "--snapshot", Cli.MINIMAL, "--from", "8.8.8.8", "--to", "52.28.0.10", "--port",
        "tcp/443");
    assertThat(r.exitCode()).as(r.out() + r.err()).isZero();
    assertThat(r.out()).contains("reached through its public address 52.28.0.10: the internet gateway translates it"
        + " to 10.0.1.10");
    Cli.Result x = run("exposure", "--snapshot", Cli.MINIMAL, "--of", "52.28.0.10", "--json");
    assertThat(x.exitCode()).isEqualTo(1);
    JsonNode n = JSON.readTree(x.out());
    assertThat(n.at("/interfaces/0/eni").asText()).isEqualTo(OtherCommandsTest.WEB);
    assertThat(n.at("/interfaces/0/publicAddresses/0").asText()).isEqualTo("52.28.0.10");
  }

  @Test
  void traffic_to_amazon_dns_and_metadata_is_never_filtered_and_without_vpc_blocks_dns_is_unknown() {
    // the locked-down ENI has no egress rule at all; its VPC is 10.2.0.0/16, so Amazon DNS is 10.2.0.2
    Cli.Result dns = run("reach", "--snapshot", SHAPES + "dns", "--from", "eni-0a1b2c3d4e5f60041", "--to",
        "10.2.0.2", "--port", "udp/53");
    assertThat(dns.exitCode()).as(dns.out() + dns.err()).isZero();
    assertThat(dns.out()).contains("the Amazon DNS server of vpc-0a1b2c3d4e5f60002")
        .contains("security groups do not filter traffic to or from it").doesNotContain("fix");
    Cli.Result imds = run("reach", "--snapshot", SHAPES + "dns", "--from", "eni-0a1b2c3d4e5f60041", "--to",
        "169.254.169.254", "--port", "tcp/80");
    assertThat(imds.exitCode()).isZero();
    Cli.Result other = run("reach", "--snapshot", SHAPES + "dns", "--from", "eni-0a1b2c3d4e5f60041", "--to",
        "10.2.0.3", "--port", "udp/53");
    assertThat(other.exitCode()).isEqualTo(1);
    Cli.Result unknown = run("reach", "--snapshot", SHAPES + "dns-no-vpcs", "--from", "eni-0a1b2c3d4e5f60041",
        "--to", "10.2.0.2", "--port", "udp/53");
    assertThat(unknown.exitCode()).as(unknown.out()).isEqualTo(3);
    assertThat(unknown.out()).contains("may be the Amazon DNS server");
  }

  @Test
  void a_private_address_of_enis_in_two_vpcs_is_bad_input_naming_both() {
    Cli.Result r = run("reach", "--snapshot", SHAPES + "same-address-two-vpcs", "--from", "8.8.8.8", "--to",
        "10.0.0.5", "--port", "tcp/22");
    assertThat(r.exitCode()).as(r.out() + r.err()).isEqualTo(2);
    assertThat(r.err()).contains("10.0.0.5 is ambiguous").contains("eni-0a1b2c3d4e5f60051 (vpc-0a1b2c3d4e5f60003)")
        .contains("eni-0a1b2c3d4e5f60052 (vpc-0a1b2c3d4e5f60004)").contains("vpc-0a1b2c3d4e5f60003/10.0.0.5");
    assertThat(r.out()).isEmpty();
  }
}
