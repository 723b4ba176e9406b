package dev.sgreach.cli;

import static dev.sgreach.cli.Cli.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sgreach.eks.EksCluster;
import dev.sgreach.eks.SeedClusters;
import dev.sgreach.model.Network;
import dev.sgreach.model.Ports;
import dev.sgreach.model.SecurityGroup;
import org.junit.jupiter.api.Test;

/** {@code lint} and EKS role endpoints ({@code eks:CLUSTER/ROLE}) on the shipped seed clusters. */
class EksCommandsTest {
  static final String PUB = "examples/ekscluster1";
  static final String PRIV = "examples/ekscluster-privonly";

  @Test
  void lint_passes_on_both_shipped_examples() {
    Cli.Result pub = run("lint", "--snapshot", PUB);
    assertThat(pub.exitCode()).as(pub.err()).isEqualTo(0);
    assertThat(pub.out()).isEqualTo("lint of EKS cluster ekscluster1\n0 errors, 0 warnings, 30 checks passed\n");
    Cli.Result priv = run("lint", "--snapshot", PRIV, "--cluster", "ekscluster-privonly");
    assertThat(priv.exitCode()).as(priv.err()).isEqualTo(0);
    assertThat(priv.out()).startsWith("lint of EKS cluster ekscluster-privonly\n0 errors, 0 warnings, ");
  }

  @Test
  void lint_exits_1_naming_the_broken_path_and_the_fix() throws Exception {
    // remove both node -> API paths: the control-plane SG's tcp/443 rule and the cluster SG's rule from the shared SG
    Network network = SeedClusters.publicAndPrivate();
    EksCluster c = EksCluster.of(network, "ekscluster1");
    SecurityGroup cp = c.controlPlaneSecurityGroups().get(0);
    SecurityGroup csg = c.clusterSecurityGroup().orElseThrow();
    String shared = c.sharedNodeSecurityGroup().orElseThrow().id();
    SecurityGroup.Builder cpb = cp.toBuilder().clearRules();
    cp.egress().forEach(cpb::rule);
    cp.ingress().stream().filter(r -> !r.ports().equals(Ports.tcp(443))).forEach(cpb::rule);
    SecurityGroup.Builder csgb = csg.toBuilder().clearRules();
    csg.egress().forEach(csgb::rule);
    csg.ingress().stream().filter(r -> !r.peer().describe().equals(shared)).forEach(csgb::rule);
    Network broken = network.toBuilder().replace(cpb.build()).replace(csgb.build()).build();

    Cli.Result r = run(Cli.env(broken), "lint", "--snapshot", "x");
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.out())
        .contains("ERROR [nodes-to-api] blocked (none of 2 flows allowed): eks:ekscluster1/nodegroup:ng1 -> "
            + "eks:ekscluster1/control-plane on tcp/443")
        // the fix lands on the control-plane ENIs' first group, the EKS cluster SG
        .contains("fix: add to " + csg.label() + ": ingress tcp 443 from " + shared)
        .contains("aws ec2 authorize-security-group-ingress --group-id " + csg.id());
    JsonNode json = new ObjectMapper().readTree(run(Cli.env(broken), "lint", "--snapshot", "x", "--json").out());
    assertThat(json.at("/0/cluster").asText()).isEqualTo("ekscluster1");
    assertThat(json.at("/0/errors").asInt()).isPositive();
  }

  @Test
  void lint_of_an_unknown_cluster_is_bad_input() {
    BadInputTest.assertBadInput(run("lint", "--snapshot", PUB, "--cluster", "nope"), "nope");
    BadInputTest.assertBadInput(run("lint", "--snapshot", Cli.MINIMAL), "no EKS cluster found in the snapshot");
  }

  @Test
  void role_endpoints_answer_per_member_with_coverage() {
    Cli.Result all = run("reach", "--snapshot", PUB, "--from", "eks:ekscluster1/nodegroup:ng1", "--to",
        "eks:ekscluster1/control-plane", "--port", "tcp/443");
    assertThat(all.exitCode()).isEqualTo(0);
    assertThat(all.out()).startsWith("allowed: eks:ekscluster1/nodegroup:ng1 -> eks:ekscluster1/control-plane on "
        + "tcp/443\n  all: 2 of 2 member flows allowed\n");
    Cli.Result none = run("reach", "--snapshot", PUB, "--from", "8.8.8.8", "--to", "eks:ekscluster1/nodes",
        "--port", "tcp/10250");
    assertThat(none.exitCode()).isEqualTo(1);
    assertThat(none.out()).contains("  none: 0 of ");
    Cli.Result queries = Cli.runWithStdin("eks:ekscluster1/control-plane eks:ekscluster1/nodes tcp/10250\n",
        "reach", "--snapshot", PUB, "--queries", "-");
    assertThat(queries.out())
        .isEqualTo("eks:ekscluster1/control-plane\teks:ekscluster1/nodes\ttcp/10250\tallowed\n");
  }

  @Test
  void some_coverage_when_only_part_of_a_role_gets_through() {
    // the pod with its own SG admits kubelet probes on 8443 from ng1's nodes (which host it), not from mng1's
    Cli.Result some = run("reach", "--snapshot", PUB, "--from", "eks:ekscluster1/nodes", "--to",
        "eks:ekscluster1/pods-with-sg", "--port", "tcp/8443");
    assertThat(some.out()).startsWith("denied: eks:ekscluster1/nodes -> eks:ekscluster1/pods-with-sg on tcp/8443\n"
        + "  some: 1 of 2 member flows allowed\n");
    assertThat(some.exitCode()).isEqualTo(1);
  }

  @Test
  void malformed_role_endpoints_are_bad_input_listing_what_exists() {
    BadInputTest.assertBadInput(run("reach", "--snapshot", PUB, "--from", "eks:ekscluster1/nodegroup:ngX", "--to",
        "eks:ekscluster1/control-plane", "--port", "tcp/443"), "ng1");
    BadInputTest.assertBadInput(run("reach", "--snapshot", PUB, "--from", "eks:nope/nodes", "--to",
        "eks:ekscluster1/control-plane", "--port", "tcp/443"), "ekscluster1");
    BadInputTest.assertBadInput(run("reach", "--snapshot", PUB, "--from", "eks:ekscluster1/wat", "--to",
        "eks:ekscluster1/control-plane", "--port", "tcp/443"), "control-plane");
  }

}
