package dev.sgreach.eks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sgreach.engine.Fix;
import dev.sgreach.model.Network;
import dev.sgreach.model.Peer;
import dev.sgreach.model.Ports;
import dev.sgreach.model.Rule;
import org.junit.jupiter.api.Test;

/** {@link EksChecks}: clean on both seed clusters, and an ERROR with proof and fix on each broken variant. */
class LintTest {
  static final Network PUB = SeedClusters.publicAndPrivate();
  static final EksCluster C = EksCluster.of(PUB, "ekscluster1");

  static Finding onlyError(LintReport report, String check) {
    assertThat(report.errors()).as(report.describe()).isNotEmpty()
        .allSatisfy(f -> assertThat(f.check()).isEqualTo(check));
    return report.errors().get(0);
  }

  @Test
  void both_seed_clusters_pass_without_errors_or_warnings() {
    LintReport pub = EksChecks.lint(PUB, "ekscluster1");
    LintReport priv = EksChecks.lint(SeedClusters.privateOnly(), "ekscluster-privonly");
    for (LintReport r : new LintReport[] {pub, priv}) {
      assertThat(r.hasErrors()).as(r.describe()).isFalse();
      assertThat(r.warnings()).as(r.describe()).isEmpty();
    }
    assertThat(pub.findings(Severity.INFO)).extracting(Finding::check).contains("nodes-to-api",
        "control-plane-to-kubelet", "control-plane-to-webhooks", "node-to-node", "pods-to-coredns",
        "kubelet-to-pods", "lb-to-targets");
    assertThat(priv.findings(Severity.INFO)).extracting(Finding::check).contains("private-endpoints",
        "bastion-to-api");
  }

  @Test
  void every_check_a_finding_names_is_in_the_catalogue_and_every_catalogued_check_runs_on_the_seed_clusters() {
    java.util.Set<String> ran = new java.util.TreeSet<>();
    for (LintReport r : new LintReport[] {EksChecks.lint(PUB, "ekscluster1"),
        EksChecks.lint(SeedClusters.privateOnly(), "ekscluster-privonly"),
        EksChecks.lint(SeedClusters.publicAndPrivateTopology().managedNodeGroup("mng2", 2).build(), "ekscluster1"),
        EksChecks.lint(Variants.withRule(PUB, C.controlPlaneSecurityGroups().get(0).id(),
            Rule.ingress(Ports.tcp(443), Peer.cidr("0.0.0.0/0"))), "ekscluster1")}) {
      r.findings().forEach(f -> ran.add(f.check()));
    }
    assertThat(EksChecks.CHECKS.keySet()).containsExactlyInAnyOrderElementsOf(ran);
  }

  @Test
  void without_the_control_plane_enis_the_checks_that_need_them_are_unknown_never_passed() {
    Network.Builder b = Network.builder();
    PUB.securityGroups().values().forEach(b::add);
    PUB.interfaces().values().stream().filter(e -> !e.description().startsWith("Amazon EKS")).forEach(b::add);
    PUB.vpcs().values().forEach(b::add);
    PUB.eksClusters().values().forEach(b::add);
    PUB.loadBalancers().values().forEach(b::add);

    LintReport report = EksChecks.lint(b.build(), "ekscluster1");

    assertThat(report.hasErrors()).as(report.describe()).isFalse();
    assertThat(report.hasUnknowns()).isTrue();
    assertThat(report.unknowns()).extracting(Finding::check).containsExactly("nodes-to-api",
        "control-plane-to-kubelet", "control-plane-to-webhooks", "exposure");
    assertThat(report.unknowns()).allSatisfy(f -> {
      assertThat(f.title()).isEqualTo("control-plane ENIs of ekscluster1 are not in the snapshot");
      assertThat(f.detail()).contains("Amazon EKS ekscluster1");
    });
    assertThat(report.findings(Severity.INFO)).extracting(Finding::check).doesNotContain("nodes-to-api",
        "control-plane-to-kubelet");
    assertThat(report.describe()).contains("UNKNOWN [nodes-to-api] control-plane ENIs of ekscluster1 are not in the"
        + " snapshot\n").contains("0 errors, 0 warnings, 4 unknown (missing data), ");
  }

  @Test
  void a_path_whose_verdict_is_unknown_is_an_unknown_finding_not_a_warning() {
    String csg = C.clusterSecurityGroup().orElseThrow().id();
    Network.Builder b = Network.builder();
    PUB.securityGroups().values().stream().filter(g -> !g.id().equals(csg)).forEach(b::add);
    PUB.interfaces().values().forEach(b::add);
    PUB.vpcs().values().forEach(b::add);
    PUB.eksClusters().values().forEach(b::add);
    PUB.loadBalancers().values().forEach(b::add);

    LintReport report = EksChecks.lint(b.build(), "ekscluster1");

    assertThat(report.warnings()).as(report.describe()).isEmpty();
    assertThat(report.unknowns()).isNotEmpty().allSatisfy(f -> {
      assertThat(f.proof()).hasValueSatisfying(v -> assertThat(v.isUnknown()).isTrue());
      assertThat(f.detail()).contains("the snapshot lacks data to decide");
    });
  }

  @Test
  void removing_the_node_to_api_rules_is_an_error_naming_the_path_and_the_fix() {
    String cp = C.controlPlaneSecurityGroups().get(0).id();
    String csg = C.clusterSecurityGroup().orElseThrow().id();
    Network broken = Variants.withoutRules(PUB, cp, r -> r.ports().equals(Ports.tcp(443))
        && r.direction() == dev.sgreach.model.Direction.INGRESS);
    broken = Variants.withoutRules(broken, csg, Variants.described(EksTags.NODE_TO_CLUSTER_SG_RULE));
    LintReport report = EksChecks.lint(broken, "ekscluster1");
    assertThat(report.errors()).extracting(Finding::title)
        .contains("blocked (none of 2 flows allowed): eks:ekscluster1/nodegroup:ng1 -> eks:ekscluster1/control-plane"
            + " on tcp/443");
    Finding f = report.errors().stream().filter(e -> e.check().equals("nodes-to-api")).findFirst().orElseThrow();
    assertThat(f.proof().orElseThrow().isDenied()).isTrue();
    assertThat(f.fixes()).isNotEmpty().allSatisfy(fix -> {
      assertThat(fix.rule().ports()).isEqualTo(Ports.tcp(443));
      assertThat(fix.awsCliCommand()).startsWith("aws ec2 authorize-security-group-ingress --group-id sg-");
    });
    assertThat(f.describe()).contains("fix: add to").contains("ingress tcp 443 from");
  }

  @Test
  void a_missing_lbc_backend_rule_is_an_error_with_the_lbc_shaped_fix() {
    String csg = C.clusterSecurityGroup().orElseThrow().id();
    String backend = C.groups(SecurityGroupRole.LBC_BACKEND_SG).get(0).id();
    Network broken = Variants.withoutRules(PUB, csg, Variants.described(EksTags.LBC_RULE));
    Finding f = onlyError(EksChecks.lint(broken, "ekscluster1"), "lb-to-targets");
    assertThat(f.title()).contains("nodegroup:mng1").contains("tcp/30080");
    assertThat(f.fixes()).singleElement().satisfies(fix -> {
      assertThat(fix.groupId()).isEqualTo(csg);
      assertThat(fix.rule()).isEqualTo(Rule.ingress(Ports.tcp(30080), Peer.group(backend))
          .withDescription(EksTags.LBC_RULE));
    });
  }

  @Test
  void load_balancers_without_any_backend_rule_are_an_error() {
    Network broken = PUB;
    for (var g : PUB.securityGroups().values()) {
      if (g.ingress().stream().anyMatch(Variants.described(EksTags.LBC_RULE))) {
        broken = Variants.withoutRules(broken, g.id(), Variants.described(EksTags.LBC_RULE));
      }
    }
    Finding f = onlyError(EksChecks.lint(broken, "ekscluster1"), "lb-to-targets");
    assertThat(f.title()).contains("no elbv2.k8s.aws/targetGroupBinding=shared rule");
    assertThat(f.textFix()).get().asString().contains("k8s-traffic").doesNotContain("null");
  }

  @Test
  void pods_with_their_own_sg_without_dns_rules_are_an_error() {
    Network broken = SeedClusters.publicAndPrivateTopology().podDnsRules(false).build();
    LintReport report = EksChecks.lint(broken, "ekscluster1");
    Finding f = onlyError(report, "pods-to-coredns");
    assertThat(report.errors()).hasSize(2);
    assertThat(f.title()).contains("pods-with-sg:").contains("-> eks:ekscluster1/nodes on tcp/53");
    assertThat(f.fixes()).isNotEmpty().allSatisfy(fix -> assertThat(fix.rule().ports()).isEqualTo(Ports.tcp(53)));
  }

  @Test
  void kubelet_probes_blocked_from_the_pods_own_node_are_an_error() {
    Network broken = SeedClusters.publicAndPrivateTopology().podProbeRules(false).build();
    Finding f = onlyError(EksChecks.lint(broken, "ekscluster1"), "kubelet-to-pods");
    assertThat(f.title()).contains("node-of:eni-").contains("tcp/8443");
    EksCluster c = EksCluster.of(broken, "ekscluster1");
    String ng1 = c.nodegroupSecurityGroup("ng1").orElseThrow().id();
    String shared = c.sharedNodeSecurityGroup().orElseThrow().id();
    assertThat(f.fixes()).extracting(Fix::rule).extracting(r -> ((Peer.GroupPeer) r.peer()).groupId())
        .containsAnyOf(ng1, shared);
  }

  /**
   * VPC CNI README, POD_SECURITY_GROUP_ENFORCING_MODE; EKS user guide, "Security groups for Pods": in standard mode
   * the kubelet's probes to a pod on its own node are not enforced by security group rules, so a cluster whose pod
   * groups do not admit the node is healthy there (INFO, saying the mode was assumed); strict mode keeps the ERROR.
   */
  @Test
  void in_standard_mode_kubelet_probes_are_not_filtered_and_the_check_passes_saying_so() {
    Network noProbeRules = SeedClusters.publicAndPrivateTopology().podProbeRules(false).build();
    EksCluster strict = EksCluster.of(noProbeRules, "ekscluster1");
    assertThat(strict.podSecurityGroupMode()).isEqualTo(dev.sgreach.engine.PodSecurityGroupMode.STRICT);
    assertThat(strict.lint().errors()).extracting(Finding::check).containsOnly("kubelet-to-pods");
    LintReport standard = strict.withPodSecurityGroupMode(dev.sgreach.engine.PodSecurityGroupMode.STANDARD).lint();
    assertThat(standard.hasErrors()).as(standard.describe()).isFalse();
    assertThat(standard.findings(Severity.INFO)).filteredOn(f -> f.check().equals("kubelet-to-pods"))
        .isNotEmpty().allSatisfy(f -> {
          assertThat(f.detail()).contains("standard mode (POD_SECURITY_GROUP_ENFORCING_MODE, assumed");
          assertThat(f.proof().orElseThrow().explain()).contains("meets no security group");
        });
  }

  @Test
  void a_control_plane_sg_open_to_the_internet_is_an_error_with_the_revoke_command() {
    String cp = C.controlPlaneSecurityGroups().get(0).id();
    Network broken = Variants.withRule(PUB, cp, Rule.ingress(Ports.tcp(443), Peer.cidr("0.0.0.0/0")));
    Finding f = onlyError(EksChecks.lint(broken, "ekscluster1"), "exposure");
    assertThat(f.title()).contains("eks:ekscluster1/control-plane").contains("0.0.0.0/0");
    assertThat(f.proof().orElseThrow().isAllowed()).isTrue();
    assertThat(f.textFix()).get().asString()
        .contains("aws ec2 revoke-security-group-ingress --group-id " + cp);
  }

  @Test
  void a_private_cluster_whose_nodes_cannot_reach_the_endpoints_is_an_error() {
    Network priv = SeedClusters.privateOnly();
    EksCluster p = EksCluster.of(priv, "ekscluster-privonly");
    Network broken = Variants.withoutRules(priv, p.sharedNodeSecurityGroup().orElseThrow().id(),
        Variants.described(EksTags.CLUSTER_TO_NODE_SG_RULE));
    LintReport report = EksChecks.lint(broken, "ekscluster-privonly");
    assertThat(report.errors()).extracting(Finding::title).containsExactly("blocked (none of 20 flows allowed): "
        + "eks:ekscluster-privonly/nodegroup:managed-ng -> eks:ekscluster-privonly/endpoints on tcp/443");
  }

  @Test
  void a_public_only_cluster_says_sgs_do_not_decide_node_to_api() {
    Network n = EksTopology.builder("pub").managedNodeGroup("m", 1).build();
    LintReport r = EksChecks.lint(n, "pub");
    assertThat(r.hasErrors()).isFalse();
    assertThat(r.findings(Severity.INFO)).filteredOn(f -> f.check().equals("nodes-to-api")).singleElement()
        .satisfies(f -> assertThat(f.detail()).contains("publicAccessCidrs"));
  }
}
