package dev.sgreach.cli;

import static dev.sgreach.cli.Cli.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** {@code sgreach matrix} on the shipped examples. */
class MatrixCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String PUB = EksCommandsTest.PUB;

  /** The acceptance check: every cell of the default role matrix is what {@code reach} says when run for it. */
  @Test
  void the_role_matrix_of_ekscluster1_agrees_with_reach_run_per_cell() throws Exception {
    Cli.Result r = run("matrix", "--snapshot", PUB, "--port", "tcp/443,tcp/10250,udp/53", "--json");
    assertThat(r.exitCode()).isZero();
    JsonNode m = JSON.readTree(r.out());
    assertThat(m.get("rows")).hasSize(6);
    assertThat(m.get("cells")).hasSize(6 * 6 * 3);
    for (JsonNode cell : m.get("cells")) {
      Cli.Result reach = run("reach", "--snapshot", PUB, "--from", cell.get("from").asText(), "--to",
          cell.get("to").asText(), "--port", cell.get("traffic").asText(), "--json");
      JsonNode v = JSON.readTree(reach.out());
      long allowed = 0;
      long denied = 0;
      long unknown = 0;
      for (JsonNode f : v.get("flows")) {
        switch (f.get("outcome").asText()) {
          case "allowed" -> allowed++;
          case "denied" -> denied++;
          default -> unknown++;
        }
      }
      String where = cell.get("from").asText() + " -> " + cell.get("to").asText() + " on "
          + cell.get("traffic").asText();
      assertThat(cell.get("allowed").asLong() + "/" + cell.get("denied").asLong() + "/" + cell.get("unknown").asLong())
          .as(where).isEqualTo(allowed + "/" + denied + "/" + unknown);
      String coverage = v.get("coverage").asText();
      assertThat(cell.get("value").asText()).as(where)
          .isEqualTo(coverage.equals("none") && unknown > 0 ? "unknown" : coverage);
    }
  }

  @Test
  void prints_one_table_per_traffic_with_the_shared_prefix_taken_out() {
    Cli.Result r = run("matrix", "--snapshot", PUB, "--rows", "eks:ekscluster1/nodegroup:ng1",
        "--rows", "eks:ekscluster1/load-balancers",
        "--cols", "eks:ekscluster1/control-plane,eks:ekscluster1/nodegroup:mng1",
        "--port", "tcp/443,tcp/10250");
    assertThat(r.exitCode()).isZero();
    assertThat(r.out()).isEqualTo("""
        endpoints of eks:ekscluster1/

        tcp/443         control-plane  nodegroup:mng1
        nodegroup:ng1   all 2/2        all 1/1
        load-balancers  none 0/16      none 0/8

        tcp/10250       control-plane  nodegroup:mng1
        nodegroup:ng1   all 2/2        all 1/1
        load-balancers  all 16/16      all 8/8
        """);
  }

  @Test
  void writes_csv_and_markdown() {
    String[] ask = {"matrix", "--snapshot", PUB,
        "--rows", "eks:ekscluster1/nodegroup:ng1,eks:ekscluster1/load-balancers",
        "--cols", "eks:ekscluster1/control-plane", "--port", "tcp/443", "--format"};
    assertThat(run(concat(ask, "csv")).out()).isEqualTo("""
        from,to,traffic,value,allowed,denied,unknown
        eks:ekscluster1/nodegroup:ng1,eks:ekscluster1/control-plane,tcp/443,all,2,0,0
        eks:ekscluster1/load-balancers,eks:ekscluster1/control-plane,tcp/443,none,0,16,0
        """);
    assertThat(run(concat(ask, "markdown")).out()).isEqualTo("""
        | tcp/443 | eks:ekscluster1/control-plane |
        |---|---|
        | eks:ekscluster1/nodegroup:ng1 | all 2/2 |
        | eks:ekscluster1/load-balancers | none 0/16 |
        """);
  }

  @Test
  void says_unknown_when_no_flow_surely_gets_through_and_some_depend_on_missing_data() {
    // examples/minimal: the db group admits 9187 from a prefix list whose entries the snapshot lacks
    Cli.Result r = run("matrix", "--snapshot", Cli.MINIMAL, "--rows", "10.8.0.5", "--cols", "eni-0a1b2c3d4e5f60a03",
        "--port", "tcp/9187,tcp/22", "--format", "csv");
    assertThat(r.exitCode()).isZero();
    assertThat(r.out()).isEqualTo("""
        from,to,traffic,value,allowed,denied,unknown
        10.8.0.5,eni-0a1b2c3d4e5f60a03,tcp/9187,unknown,0,0,1
        10.8.0.5,eni-0a1b2c3d4e5f60a03,tcp/22,none,0,1,0
        """);
  }

  @Test
  void bad_input_is_one_line_and_exit_2() {
    BadInputTest.assertBadInput(run("matrix", "--snapshot", PUB, "--rows", "eni-0nope"), "eni-0nope");
    BadInputTest.assertBadInput(run("matrix", "--snapshot", PUB, "--port", "tcp/x"), "tcp/x");
    BadInputTest.assertBadInput(run("matrix", "--snapshot", Cli.MINIMAL),
        "--rows is needed: the snapshot has no EKS cluster whose roles could be the default");
    BadInputTest.assertBadInput(run("matrix", "--snapshot", PUB, "--json", "--format", "csv"),
        "--json and --format csv ask for two outputs: give one");
  }

  private static String[] concat(String[] a, String last) {
    String[] out = java.util.Arrays.copyOf(a, a.length + 1);
    out[a.length] = last;
    return out;
  }
}
