package dev.sgreach.testkit;

import dev.sgreach.eks.EksCluster;
import dev.sgreach.eks.SecurityGroupRole;
import dev.sgreach.eks.SeedClusters;
import dev.sgreach.model.Direction;
import dev.sgreach.model.Network;
import dev.sgreach.model.Ports;
import dev.sgreach.model.Rule;
import dev.sgreach.model.SecurityGroup;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * The seed's {@code ekscluster1} ({@link SeedClusters#publicAndPrivate()}) and broken variants of it for the EKS
 * assertion tests.
 */
final class EksFixtures {
  static final String NAME = "ekscluster1";
  /** eksctl's rule on the cluster SG that admits the self-managed nodes' shared SG. */
  static final String NODE_TO_CLUSTER_SG_RULE = "Allow unmanaged nodes to communicate with control plane (all ports)";
  /** The rule the AWS Load Balancer Controller puts on target SGs. */
  static final String LBC_RULE = "elbv2.k8s.aws/targetGroupBinding=shared";

  private static final Network SEED = SeedClusters.publicAndPrivate();

  private EksFixtures() {}

  static Network network() {
    return SEED;
  }

  static EksCluster cluster() {
    return EksCluster.of(SEED, NAME);
  }

  /**
   * {@code ekscluster1} where the self-managed nodegroup {@code ng1} cannot reach the API: the control-plane SG lost
   * its tcp/443 rule from the nodegroup SG, and the cluster SG the rule that admits the shared node SG.
   */
  static EksCluster withoutNodesToApi() {
    EksCluster c = cluster();
    Network n = withoutRules(SEED, c.controlPlaneSecurityGroups().get(0).id(),
        r -> r.direction() == Direction.INGRESS && r.ports().equals(Ports.tcp(443)));
    n = withoutRules(n, c.clusterSecurityGroup().orElseThrow().id(),
        r -> r.description().equals(NODE_TO_CLUSTER_SG_RULE));
    return EksCluster.of(n, NAME);
  }

  /** {@code ekscluster1} whose cluster SG lost the LBC's backend rule: the ALBs no longer reach mng1's NodePort. */
  static EksCluster withoutBackendRuleOnClusterSg() {
    EksCluster c = cluster();
    return EksCluster.of(withoutRules(SEED, c.clusterSecurityGroup().orElseThrow().id(),
        r -> r.description().equals(LBC_RULE)), NAME);
  }

  /** {@code ekscluster1} with a pod whose own SG allows no DNS to the nodes. */
  static EksCluster withoutPodDnsRules() {
    return EksCluster.of(SeedClusters.publicAndPrivateTopology().podDnsRules(false).build(), NAME);
  }

  /** The id of the pods' own SG. */
  static String podSecurityGroup(EksCluster c) {
    return c.groups(SecurityGroupRole.POD_SG).get(0).id();
  }

  /** The network with the rules of one group that match removed; fails when none matches. */
  static Network withoutRules(Network n, String groupId, Predicate<Rule> which) {
    SecurityGroup sg = n.securityGroup(groupId).orElseThrow();
    SecurityGroup.Builder b = sg.toBuilder().clearRules();
    List<Rule> rules = new ArrayList<>(sg.ingress());
    rules.addAll(sg.egress());
    int kept = 0;
    for (Rule r : rules) {
      if (!which.test(r)) {
        b.rule(r);
        kept++;
      }
    }
    if (kept == rules.size()) {
      throw new IllegalStateException("no rule of " + groupId + " matched");
    }
    return n.toBuilder().replace(b.build()).build();
  }

  /** The network with a rule added to a group. */
  static Network withRule(Network n, String groupId, Rule rule) {
    return n.toBuilder().replace(n.securityGroup(groupId).orElseThrow().toBuilder().rule(rule).build()).build();
  }
}
