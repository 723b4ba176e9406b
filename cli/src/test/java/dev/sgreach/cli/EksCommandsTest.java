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
    assertThat(pub.out()).isEqualTo("lint of EKS cluster ekscluster1\n0 errors, 0 warnings, 41 checks passed\n");
    Cli.Result priv = run("lint", "--snapshot", PRIV, "--cluster", "ekscluster-privonly");
    assertThat(priv.exitCode()).as(priv.err()).isEqualTo(0);
    assertThat(priv.out()).startsWith("lint of EKS cluster ekscluster-privonly\n0 errors, 0 warnings, ");
  }

  @Test
  void lint_exits_1_naming_the_broken_path_and_the_fix() throws Exception {
    Network broken = brokenNodesToApi();
    EksCluster c = EksCluster.of(broken, "ekscluster1");
    SecurityGroup csg = c.clusterSecurityGroup().orElseThrow();
    String shared = c.sharedNodeSecurityGroup().orElseThrow().id();

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
  void lint_names_a_blocking_network_acl_hop_and_the_entry_to_add_in_text_and_json() throws Exception {
    Network network = SeedClusters.publicAndPrivate();
    Network.Builder b = network.toBuilder();
    for (dev.sgreach.model.NetworkAcl acl : network.networkAcls().values()) {
      com.google.common.collect.ImmutableList.Builder<dev.sgreach.model.NetworkAcl.Entry> entries =
          com.google.common.collect.ImmutableList.builder();
      acl.entries().stream().filter(dev.sgreach.model.NetworkAcl.Entry::egress).forEach(entries::add);
      entries.add(dev.sgreach.model.NetworkAcl.Entry.inbound(100, dev.sgreach.model.NetworkAcl.Action.ALLOW,
          Ports.tcp(443), "0.0.0.0/0"));
      entries.add(dev.sgreach.model.NetworkAcl.Entry.inbound(110, dev.sgreach.model.NetworkAcl.Action.ALLOW,
          Ports.tcp(10250), "0.0.0.0/0"));
      b.replace(new dev.sgreach.model.NetworkAcl(acl.id(), acl.vpcId(), acl.ownerId(), acl.isDefault(),
          entries.build(), acl.subnetIds()));
    }
    Network broken = b.build();

    Cli.Result r = run(Cli.env(broken), "lint", "--snapshot", "x");
    assertThat(r.exitCode()).as(r.err()).isEqualTo(1);
    assertThat(r.out()).contains("ERROR [path-control-plane] path blocked (")
        .contains("reply to the client's ephemeral ports (Linux 32768-61000, assumed)")
        .contains("aws ec2 create-network-acl-entry --network-acl-id acl-");
    JsonNode json = new ObjectMapper().readTree(run(Cli.env(broken), "lint", "--snapshot", "x", "--json").out());
    JsonNode finding = null;
    for (JsonNode f : json.at("/0/findings")) {
      if (f.path("check").asText().equals("path-control-plane") && f.path("severity").asText().equals("error")) {
        finding = f;
        break;
      }
    }
    assertThat(finding).as(json.toPrettyString()).isNotNull();
    assertThat(finding.path("pathOutcome").asText()).isEqualTo("denied");
    assertThat(finding.path("blockingHop").asText()).startsWith("denied: inbound acl-");
    assertThat(finding.at("/pathFixes/0/awsCli").asText()).startsWith("aws ec2 create-network-acl-entry ");
  }

  /** ekscluster1 without its node -> API paths: the control-plane SG's tcp/443 rule, the cluster SG's from the shared SG. */
  static Network brokenNodesToApi() {
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
    return network.toBuilder().replace(cpb.build()).replace(csgb.build()).build();
  }

  static Network withoutRules(Network n, String groupId, java.util.function.Predicate<dev.sgreach.model.Rule> drop) {
    SecurityGroup g = n.securityGroup(groupId).orElseThrow();
    SecurityGroup.Builder b = g.toBuilder().clearRules();
    g.ingress().stream().filter(drop.negate()).forEach(b::rule);
    g.egress().stream().filter(drop.negate()).forEach(b::rule);
    return n.toBuilder().replace(b.build()).build();
  }

  static Cli.Result lint(Network n) {
    return run(Cli.env(n), "lint", "--snapshot", "x", "--cluster", "ekscluster1");
  }

  @Test
  void lint_exits_1_when_the_lbc_backend_rule_is_missing() {
    Network n = SeedClusters.publicAndPrivate();
    String csg = EksCluster.of(n, "ekscluster1").clusterSecurityGroup().orElseThrow().id();
    Cli.Result r = lint(withoutRules(n, csg, rule -> rule.description()
        .equals("elbv2.k8s.aws/targetGroupBinding=shared")));
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.out()).contains("ERROR [lb-to-targets]").contains("nodegroup:mng1").contains("tcp/30080")
        .contains("aws ec2 authorize-security-group-ingress --group-id " + csg
            + " --ip-permissions 'IpProtocol=tcp,FromPort=30080,ToPort=30080");
  }

  @Test
  void lint_exits_1_when_pods_with_their_own_sg_lack_dns_to_coredns() {
    Cli.Result r = lint(SeedClusters.publicAndPrivateTopology().podDnsRules(false).build());
    assertThat(r.exitCode()).isEqualTo(1);
    // blocked alike on tcp/53 and udp/53: one finding naming both, with both fixes
    assertThat(r.out()).contains("ERROR [pods-to-coredns]").contains("-> eks:ekscluster1/nodes on tcp/53, udp/53")
        .contains("IpProtocol=tcp,FromPort=53,ToPort=53").contains("IpProtocol=udp,FromPort=53,ToPort=53");
  }

  @Test
  void lint_exits_1_when_kubelet_probes_to_a_pod_with_its_own_sg_are_blocked_from_its_node() {
    Cli.Result r = lint(SeedClusters.publicAndPrivateTopology().podProbeRules(false).build());
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.out()).contains("ERROR [kubelet-to-pods]").contains("tcp/8443")
        .contains("IpProtocol=tcp,FromPort=8443,ToPort=8443");
  }

  @Test
  void lint_exits_1_when_the_control_plane_sg_admits_the_internet() {
    Network n = SeedClusters.publicAndPrivate();
    SecurityGroup cp = EksCluster.of(n, "ekscluster1").controlPlaneSecurityGroups().get(0);
    Network open = n.toBuilder().replace(cp.toBuilder()
        .allowIn(Ports.tcp(443), dev.sgreach.model.Peer.cidr("0.0.0.0/0")).build()).build();
    Cli.Result r = lint(open);
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.out()).contains("ERROR [exposure]").contains("eks:ekscluster1/control-plane").contains("0.0.0.0/0")
        .contains("aws ec2 revoke-security-group-ingress --group-id " + cp.id());
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
        + "tcp/443\n  layers checked: security groups, network ACLs, routes\n  all: 2 of 2 member flows allowed\n");
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
        + "  layers checked: security groups, network ACLs, routes\n  some: 1 of 2 member flows allowed\n");
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
