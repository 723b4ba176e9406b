package dev.sgreach.eks;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.collect.ImmutableList;
import dev.sgreach.model.Listener;
import dev.sgreach.model.LoadBalancer;
import dev.sgreach.model.Network;
import dev.sgreach.model.NetworkInterface;
import dev.sgreach.model.Peer;
import dev.sgreach.model.Ports;
import dev.sgreach.model.Rule;
import dev.sgreach.model.SecurityGroup;
import dev.sgreach.model.TargetGroup;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Load balancers whose frontend groups the user chose: the AWS Load Balancer Controller's
 * {@code alb.ingress.kubernetes.io/security-groups} annotation without {@code manage-backend-security-group-rules}
 * gives the load balancer the user's groups and adds no backend rule to the targets (LBC docs, "Ingress annotations":
 * security-groups, manage-backend-security-group-rules). Their ENIs are known by the load balancer they belong to
 * (ENI description {@code ELB app/NAME/ID}, describe-load-balancers) and the cluster's nodes and pods their target
 * groups register (describe-target-health), so {@code lint} checks their targets. With an NLB, instance targets see
 * the client's address (elbv2 NLB user guide, "Edit target group attributes": client IP preservation).
 */
class UserChosenLoadBalancerTest {
  static final Network PUB = SeedClusters.publicAndPrivate();
  static final EksCluster C = EksCluster.of(PUB, "ekscluster1");
  static final NetworkInterface NODE = C.interfaces(InterfaceRole.MANAGED_NODE).stream().map(RecognisedInterface::eni)
      .filter(e -> e.attachment().map(a -> a.deviceIndex() == 0).orElse(false)).findFirst().orElseThrow();
  static final String ALB = "arn:aws:elasticloadbalancing:us-west-2:111122223333:loadbalancer/app/shop/3f1c2a9b8d7e6f50";
  static final String NLB = "arn:aws:elasticloadbalancing:us-west-2:111122223333:loadbalancer/net/api/9a8b7c6d5e4f3a2b";

  /** The cluster with one user-made load balancer whose target group registers the node on {@code port}. */
  static Network withLoadBalancer(String arn, String type, String lbGroup, String targetType, int port,
      Rule nodeRule) {
    String tail = arn.substring(arn.indexOf("loadbalancer/") + "loadbalancer/".length());
    Network.Builder b = PUB.toBuilder();
    List<String> groups = lbGroup.isEmpty() ? List.of() : List.of(lbGroup);
    if (!lbGroup.isEmpty()) {
      b.add(SecurityGroup.builder(lbGroup).name("shop-frontend").vpc(NODE.vpcId())
          .allowIn(Ports.tcp(443), Peer.cidr("0.0.0.0/0")).allowOut(Ports.allTraffic(), Peer.cidr("0.0.0.0/0"))
          .build());
    }
    b.add(NetworkInterface.builder("eni-0ab1c2d3e4f5a6b70").vpc(NODE.vpcId()).subnet(NODE.subnetId())
        .interfaceType(type.equals("network") ? "network_load_balancer" : "interface").description("ELB " + tail)
        .requester("amazon-elb", true).address("192.168.200.10").groups(groups).build());
    b.add(new LoadBalancer(arn, tail.split("/")[1], type, "internet-facing", NODE.vpcId(), ImmutableList.copyOf(groups))
        .withListeners(ImmutableList.of(new Listener(arn.replace(":loadbalancer/", ":listener/") + "/1", arn,
            type.equals("network") ? "TCP" : "HTTPS", 443))));
    b.add(new TargetGroup(arn.replace(":loadbalancer/" + tail.split("/")[0], ":targetgroup"), "k8s-shop-web",
        type.equals("network") ? "TCP" : "HTTP", port, targetType, NODE.vpcId(), ImmutableList.of(arn))
        .withTargets(ImmutableList.of(new TargetGroup.Target(targetType.equals("ip")
            ? NODE.privateIpv4().get(0).addressString() : NODE.instanceId().orElseThrow(), port))));
    Network n = b.build();
    if (nodeRule != null) {
      n = Variants.withRule(n, C.clusterSecurityGroup().orElseThrow().id(), nodeRule);
    }
    return n;
  }

  static List<Finding> registered(LintReport report) {
    return report.findings().stream().filter(f -> f.check().equals("lb-to-targets")
        && f.title().contains("target group k8s-shop-web")).toList();
  }

  @Test
  void theLoadBalancersEniIsRecognisedByItsLoadBalancerAndTheNodeItsTargetGroupRegisters() {
    EksCluster c = EksCluster.of(withLoadBalancer(ALB, "application", "sg-0f00000000000aaaa", "instance", 30081,
        null), "ekscluster1");

    assertThat(c.interfaces(InterfaceRole.LOAD_BALANCER)).filteredOn(r -> r.eni().id().equals(
        "eni-0ab1c2d3e4f5a6b70")).singleElement().satisfies(r -> assertThat(r.evidence())
            .contains("load balancer shop", "k8s-shop-web", NODE.id()));
    assertThat(c.unrecognised()).noneSatisfy(u -> assertThat(u.id()).isEqualTo("eni-0ab1c2d3e4f5a6b70"));
  }

  @Test
  void withoutABackendRuleTheTargetIsBlockedAndTheFixReferencesTheLoadBalancersGroup() {
    LintReport report = EksChecks.lint(withLoadBalancer(ALB, "application", "sg-0f00000000000aaaa", "instance",
        30081, null), "ekscluster1");

    assertThat(registered(report)).singleElement().satisfies(f -> {
      assertThat(f.severity()).isEqualTo(Severity.ERROR);
      assertThat(f.title()).contains("shop", NODE.id(), "tcp/30081");
      assertThat(f.detail()).contains("own addresses");
      assertThat(f.fixes()).singleElement().satisfies(fix -> assertThat(fix.rule())
          .isEqualTo(Rule.ingress(Ports.tcp(30081), Peer.group("sg-0f00000000000aaaa"))));
    });
  }

  @Test
  void aRuleReferencingTheLoadBalancersGroupPassesTheCheck() {
    LintReport report = EksChecks.lint(withLoadBalancer(ALB, "application", "sg-0f00000000000aaaa", "instance",
        30081, Rule.ingress(Ports.tcp(30081), Peer.group("sg-0f00000000000aaaa"))), "ekscluster1");

    assertThat(registered(report)).singleElement().satisfies(f -> assertThat(f.severity())
        .isEqualTo(Severity.INFO));
  }

  @Test
  void anNlbsInstanceTargetSeesTheClientSoAdmittingTheVpcIsNotEnough() {
    Rule vpcOnly = Rule.ingress(Ports.tcp(30082), Peer.cidr("192.168.0.0/16"));
    LintReport preserved = EksChecks.lint(withLoadBalancer(NLB, "network", "sg-0f00000000000bbbb", "instance",
        30082, vpcOnly), "ekscluster1");
    LintReport ipTargets = EksChecks.lint(withLoadBalancer(NLB, "network", "sg-0f00000000000bbbb", "ip", 30082,
        vpcOnly), "ekscluster1");

    assertThat(registered(preserved)).singleElement().satisfies(f -> {
      assertThat(f.severity()).isEqualTo(Severity.ERROR);
      assertThat(f.detail()).contains("assumed on", "must admit the clients", "203.0.113.10");
    });
    assertThat(registered(ipTargets)).singleElement().satisfies(f -> assertThat(f.severity())
        .as(f.detail()).isEqualTo(Severity.INFO));
  }

  @Test
  void anLbcLoadBalancerWhoseTargetsWereNotCollectedIsJudgedAgainstEveryNodeAndSaysSo() {
    LoadBalancer lbc = PUB.loadBalancers().values().iterator().next();
    Network n = PUB.toBuilder().add(new TargetGroup(lbc.arn().replace(":loadbalancer/app", ":targetgroup"),
        "k8s-shop-web", "HTTP", 30080, "instance", lbc.vpcId(), ImmutableList.of(lbc.arn()))).build();

    List<Finding> found = registered(EksChecks.lint(n, "ekscluster1"));

    assertThat(found).isNotEmpty().allSatisfy(f -> assertThat(f.detail()).contains("describe-target-health",
        "every node"));
    assertThat(found).extracting(Finding::severity).doesNotContain(Severity.UNKNOWN);
    assertThat(Optional.of(found.size())).get().isEqualTo((int) C.interfaces(InterfaceRole.MANAGED_NODE,
        InterfaceRole.SELF_MANAGED_NODE).stream().filter(r -> r.eni().attachment().map(a -> a.deviceIndex() == 0)
        .orElse(false)).count());
  }
}
