package dev.sgreach.cli;

import static dev.sgreach.cli.Cli.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/**
 * The whole path on the command line: {@code --layers}, {@code --client-ports}, the path in {@code reach}'s proof and
 * JSON, and {@code exposure} telling real exposure from exposure by security groups only, on the shipped
 * {@code examples/ekscluster1} (which holds network ACLs and route tables).
 */
class PathOptionsTest {
  private static final String PUB = EksCommandsTest.PUB;
  private static final String[] NODES_TO_API = {"reach", "--snapshot", PUB, "--from", "eks:ekscluster1/nodegroup:ng1",
      "--to", "eks:ekscluster1/control-plane", "--port", "tcp/443"};

  private static String[] with(String[] base, String... more) {
    String[] out = java.util.Arrays.copyOf(base, base.length + more.length);
    System.arraycopy(more, 0, out, base.length, more.length);
    return out;
  }

  @Test
  void reach_checks_every_layer_the_snapshot_holds_and_layers_sg_only_the_groups() throws Exception {
    Cli.Result whole = run(NODES_TO_API);
    Cli.Result sg = run(with(NODES_TO_API, "--layers", "sg"));

    assertThat(whole.exitCode()).as(whole.err()).isEqualTo(0);
    assertThat(whole.out()).contains("  layers checked: security groups, network ACLs, routes\n")
        .contains("path allowed: ").contains("reply to the client's ephemeral ports (Linux 32768-61000, assumed)");
    assertThat(sg.exitCode()).as(sg.err()).isEqualTo(0);
    assertThat(sg.out()).contains("  layers checked: security groups\n").doesNotContain("path allowed");
    JsonNode json = new ObjectMapper().readTree(run(with(NODES_TO_API, "--json")).out());
    assertThat(json.at("/layersChecked/1").asText()).isEqualTo("network ACLs");
    assertThat(json.at("/flows/0/path/outcome").asText()).isEqualTo("allowed");
    assertThat(json.at("/flows/0/path/forward/0/step").asText()).isEqualTo("route table");
  }

  @Test
  void client_ports_are_taken_as_given() {
    Cli.Result r = run(with(NODES_TO_API, "--client-ports", "1024-2000"));

    assertThat(r.exitCode()).as(r.err()).isEqualTo(0);
    assertThat(r.out()).contains("reply to the client's ephemeral ports (custom 1024-2000, as given)");
    assertThat(run(with(NODES_TO_API, "--client-ports", "windows")).out())
        .contains("(Windows 49152-65535, as given)");
  }

  @Test
  void bad_layers_and_client_ports_are_one_line_of_bad_input() {
    BadInputTest.assertBadInput(run(with(NODES_TO_API, "--layers", "sg,firewall")), "--layers 'sg,firewall'",
        "'firewall' is not a layer");
    BadInputTest.assertBadInput(run(with(NODES_TO_API, "--client-ports", "9-3")), "--client-ports '9-3'");
    BadInputTest.assertBadInput(run(with(NODES_TO_API, "--client-ports", "0-70000")), "--client-ports '0-70000'");
  }

  @Test
  void exposure_tells_what_the_internet_really_reaches_from_what_only_the_groups_open() throws Exception {
    Cli.Result whole = run("exposure", "--snapshot", PUB);
    Cli.Result sg = run("exposure", "--snapshot", PUB, "--layers", "sg");

    // the internet-facing ALB's ENIs have public addresses in public subnets routed to the internet gateway
    assertThat(whole.exitCode()).as(whole.out()).isEqualTo(1);
    assertThat(whole.out()).startsWith("layers checked: security groups, network ACLs, routes\n")
        .contains("  path: the internet gets there (");
    assertThat(sg.exitCode()).isEqualTo(1);
    assertThat(sg.out()).doesNotContain("path:").doesNotContain("layers checked");
    JsonNode json = new ObjectMapper().readTree(run("exposure", "--snapshot", PUB, "--json").out());
    assertThat(json.path("reallyExposed").asBoolean()).isTrue();
    assertThat(json.at("/interfaces/0/path").asText()).isIn("open", "blocked", "unknown");
  }
}
