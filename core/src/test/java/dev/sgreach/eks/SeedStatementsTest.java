package dev.sgreach.eks;

import static dev.sgreach.model.Traffic.tcp;
import static dev.sgreach.model.Traffic.udp;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sgreach.eks.EksTopology.TargetType;
import dev.sgreach.engine.Endpoint;
import dev.sgreach.engine.Reachability;
import dev.sgreach.engine.RuleMatch;
import dev.sgreach.engine.Verdict;
import dev.sgreach.model.Network;
import dev.sgreach.model.NetworkInterface;
import dev.sgreach.model.Peer;
import dev.sgreach.model.Ports;
import dev.sgreach.model.Rule;
import dev.sgreach.model.SecurityGroup;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Every statement of seed/eks-security-group-deepdive.md about which SG sits on which ENI and which SG admits which,
 * checked against the builder's output and against the engine's verdicts. Each test quotes its bullet.
 */
class SeedStatementsTest {
  static final Network PRIV = SeedClusters.privateOnly();
  static final Network PUB = SeedClusters.publicAndPrivate();
  static final EksCluster P = EksCluster.of(PRIV, SeedClusters.PRIVATE_ONLY);
  static final EksCluster C = EksCluster.of(PUB, SeedClusters.PUBLIC_AND_PRIVATE);

  static String csg(EksCluster c) {
    return c.clusterSecurityGroup().orElseThrow().id();
  }

  static String cpsg(EksCluster c) {
    return c.controlPlaneSecurityGroups().get(0).id();
  }

  static String shared(EksCluster c) {
    return c.sharedNodeSecurityGroup().orElseThrow().id();
  }

  static String ng1(EksCluster c) {
    return c.nodegroupSecurityGroup("ng1").orElseThrow().id();
  }

  static String backend(EksCluster c) {
    return c.groups(SecurityGroupRole.LBC_BACKEND_SG).get(0).id();
  }

  static List<NetworkInterface> enis(EksCluster c, InterfaceRole role) {
    return c.interfaces(role).stream().map(RecognisedInterface::eni).toList();
  }

  static Endpoint eni(NetworkInterface e) {
    return Endpoint.eni(e.id());
  }

  /** True when the group has an inbound rule from {@code peer} admitting exactly these ports (or wider). */
  static boolean admits(Network n, String groupId, String peer, Ports ports) {
    SecurityGroup g = n.securityGroup(groupId).orElseThrow();
    return g.ingress().stream().anyMatch(r -> r.peer().equals(Peer.group(peer))
        && (r.ports().isAllTraffic() || r.ports().protocol().equals(ports.protocol())
            && r.ports().from() <= ports.from() && ports.to() <= r.ports().to()));
  }

  static List<String> ingressGroups(Verdict v) {
    return v.flows().stream().flatMap(f -> f.ingress().orElseThrow().matches().stream())
        .map(m -> m.group().id()).distinct().toList();
  }

  @Nested
  class General {
    // "eks控制平面eni将分配Cluster SG和Additional SG"
    @Test
    void control_plane_enis_carry_the_cluster_sg_and_the_additional_sg() {
      for (EksCluster c : List.of(P, C)) {
        assertThat(enis(c, InterfaceRole.CONTROL_PLANE)).hasSize(2).allSatisfy(e ->
            assertThat(e.securityGroupIds()).containsExactly(csg(c), cpsg(c)));
      }
    }

    // "托管节点将分配Cluster SG"
    @Test
    void managed_nodes_carry_the_cluster_sg() {
      for (EksCluster c : List.of(P, C)) {
        assertThat(enis(c, InterfaceRole.MANAGED_NODE)).isNotEmpty().allSatisfy(e ->
            assertThat(e.securityGroupIds()).containsExactly(csg(c)));
      }
    }

    // "fargate节点将分配Cluster SG"
    @Test
    void fargate_pods_carry_the_cluster_sg() {
      assertThat(enis(C, InterfaceRole.FARGATE_POD)).singleElement().satisfies(e ->
          assertThat(e.securityGroupIds()).containsExactly(csg(C)));
    }

    // "Cluster SG会添加自身作为入站规则": every holder of the cluster SG reaches every other on any port
    @Test
    void cluster_sg_admits_itself_so_control_plane_managed_nodes_and_fargate_talk_freely() {
      assertThat(admits(PUB, csg(C), csg(C), Ports.allTraffic())).isTrue();
      Reachability r = Reachability.of(PUB);
      Verdict v = r.reach(C.managedNodes(), C.fargatePods(), tcp(12345));
      assertThat(v.isAllowed()).isTrue();
      assertThat(ingressGroups(v)).containsExactly(csg(C));
      assertThat(r.reach(C.fargatePods(), C.controlPlane(), tcp(443)).isAllowed()).isTrue();
      assertThat(r.reach(C.controlPlane(), C.managedNodes(), udp(9999)).isAllowed()).isTrue();
    }

    // "自管节点将分配Nodegroup SG和Shared SG"
    @Test
    void self_managed_nodes_carry_the_nodegroup_sg_and_the_shared_sg() {
      assertThat(enis(C, InterfaceRole.SELF_MANAGED_NODE)).singleElement().satisfies(e ->
          assertThat(e.securityGroupIds()).containsExactlyInAnyOrder(shared(C), ng1(C)));
    }

    // "Nodegroup SG与Additional SG相互添加（特定端口）以允许访问"
    @Test
    void nodegroup_sg_and_additional_sg_admit_each_other_on_specific_ports() {
      assertThat(admits(PUB, ng1(C), cpsg(C), Ports.tcp(443))).isTrue();
      assertThat(admits(PUB, ng1(C), cpsg(C), Ports.tcp(1025, 65535))).isTrue();
      assertThat(admits(PUB, ng1(C), cpsg(C), Ports.tcp(22))).isFalse();
      assertThat(admits(PUB, cpsg(C), ng1(C), Ports.tcp(443))).isTrue();
      assertThat(admits(PUB, cpsg(C), ng1(C), Ports.tcp(10250))).isFalse();
      Reachability r = Reachability.of(PUB);
      Verdict api = r.reach(C.nodegroup("ng1"), C.controlPlane(), tcp(443));
      assertThat(api.isAllowed()).isTrue();
      assertThat(ingressGroups(api)).contains(cpsg(C));
      Verdict kubelet = r.reach(C.controlPlane(), C.nodegroup("ng1"), tcp(10250));
      assertThat(kubelet.isAllowed()).isTrue();
      assertThat(ingressGroups(kubelet)).contains(ng1(C));
    }

    // "所有其他需要与eks集群互访的资源都将分配Shared SG，且Shared SG与Cluster SG相互添加以允许访问"
    @Test
    void other_resources_carry_the_shared_sg_and_shared_and_cluster_sg_admit_each_other() {
      assertThat(enis(P, InterfaceRole.BASTION)).singleElement()
          .satisfies(e -> assertThat(e.securityGroupIds()).contains(shared(P)));
      assertThat(enis(P, InterfaceRole.VPC_ENDPOINT)).isNotEmpty()
          .allSatisfy(e -> assertThat(e.securityGroupIds()).containsExactly(shared(P)));
      for (EksCluster c : List.of(P, C)) {
        Network n = c.network();
        assertThat(admits(n, shared(c), csg(c), Ports.allTraffic())).isTrue();
        assertThat(admits(n, csg(c), shared(c), Ports.allTraffic())).isTrue();
      }
      Reachability r = Reachability.of(PRIV);
      assertThat(r.reach(P.bastions(), P.managedNodes(), tcp(22)).isAllowed()).isTrue();
      assertThat(r.reach(P.managedNodes(), P.vpcEndpoints(), tcp(443)).isAllowed()).isTrue();
      Reachability r1 = Reachability.of(PUB);
      assertThat(r1.reach(C.selfManagedNodes(), C.managedNodes(), tcp(8080)).isAllowed()).isTrue();
      assertThat(r1.reach(C.managedNodes(), C.selfManagedNodes(), udp(53)).isAllowed()).isTrue();
    }
  }

  @Nested
  class PrivateOnly {
    // "创建Shared SG，并挂载到cloud9保证其可以访问集群控制平面"
    @Test
    void the_cloud9_bastion_carries_the_shared_sg_and_reaches_the_private_api() {
      assertThat(shared(P)).startsWith("sg-07bb").hasSize(20);
      Verdict v = Reachability.of(PRIV).reach(P.bastions(), P.controlPlane(), tcp(443));
      assertThat(v.isAllowed()).isTrue();
      assertThat(v.flows().get(0).ingress().orElseThrow().matches()).extracting(m -> m.rule().description())
          .contains(EksTags.NODE_TO_CLUSTER_SG_RULE);
      assertThat(P.info().orElseThrow().endpointPublicAccess()).isFalse();
      assertThat(P.info().orElseThrow().endpointPrivateAccess()).isTrue();
    }

    // "下列endpoint将被创建，且共享安全组（Shared SG）被分配到endpoint上"
    @Test
    void the_endpoints_carry_the_shared_sg_and_admit_nodes_and_the_bastion() {
      List<NetworkInterface> endpoints = enis(P, InterfaceRole.VPC_ENDPOINT);
      assertThat(endpoints).hasSize(20);
      assertThat(endpoints.stream().map(NetworkInterface::description).distinct()).hasSize(10);
      Reachability r = Reachability.of(PRIV);
      assertThat(r.reach(P.bastions(), P.vpcEndpoints(), tcp(443)).isAllowed()).isTrue();
      assertThat(r.reach(P.nodegroup("managed-ng"), P.vpcEndpoints(), tcp(443)).isAllowed()).isTrue();
    }
  }

  @Nested
  class PublicAndPrivateRules {
    // "LB托管安全组 -- 安全组名称类似k8s-ingressname-随机字符串，包含应用对外访问端口，例如80"
    // "LB共享后端安全组 -- 安全组名称类似k8s-traffic-eks集群名称-随机字符串"
    @Test
    void lbc_groups_are_named_as_the_seed_says_and_the_managed_one_opens_the_listener() {
      assertThat(C.groups(SecurityGroupRole.LBC_MANAGED_SG)).isNotEmpty().allSatisfy(g -> {
        assertThat(g.name()).matches("k8s-default-[a-z0-9]{1,8}-[0-9a-f]{10}");
        assertThat(g.ingress()).singleElement().satisfies(r -> {
          assertThat(r.ports()).isEqualTo(Ports.tcp(80));
          assertThat(r.peer()).isEqualTo(Peer.cidr("0.0.0.0/0"));
        });
      });
      assertThat(C.groups(SecurityGroupRole.LBC_BACKEND_SG)).singleElement().satisfies(g -> {
        assertThat(g.name()).matches("k8s-traffic-ekscluster1-[0-9a-f]{10}");
        assertThat(g.ingress()).isEmpty();
      });
      // the groups' part (the internet reaches the load balancers' public addresses, not these private ones)
      assertThat(Reachability.of(PUB, java.util.EnumSet.of(dev.sgreach.model.Layer.SECURITY_GROUPS))
          .reach(Endpoint.address("198.51.100.20"), C.loadBalancers(), tcp(80)).isAllowed()).isTrue();
    }

    // "Cluster SG: 允许自身; 允许Shared SG; 允许LB共享后端安全组，且使用Nodeport端口(instance mode)或者Pod端口(ip mode)"
    @Test
    void cluster_sg_admits_itself_the_shared_sg_and_the_backend_sg_on_node_and_pod_ports() {
      assertThat(admits(PUB, csg(C), csg(C), Ports.allTraffic())).isTrue();
      assertThat(admits(PUB, csg(C), shared(C), Ports.allTraffic())).isTrue();
      assertThat(admits(PUB, csg(C), backend(C), Ports.tcp(30080))).isTrue();
      assertThat(admits(PUB, csg(C), backend(C), Ports.tcp(8080))).isTrue();
    }

    // "Additional SG: 允许Nodegroup SG 443端口"
    @Test
    void additional_sg_admits_the_nodegroup_sg_on_443_only() {
      SecurityGroup cp = PUB.securityGroup(cpsg(C)).orElseThrow();
      assertThat(cp.ingress()).singleElement().satisfies(r -> {
        assertThat(r.peer()).isEqualTo(Peer.group(ng1(C)));
        assertThat(r.ports()).isEqualTo(Ports.tcp(443));
        assertThat(r.description()).isEqualTo("Allow control plane to receive API requests from worker nodes in"
            + " group ng1");
      });
    }

    // "Shared SG: 允许自身; 允许Cluster SG"
    @Test
    void shared_sg_admits_itself_and_the_cluster_sg() {
      SecurityGroup s = PUB.securityGroup(shared(C)).orElseThrow();
      assertThat(s.ingress()).extracting(r -> ((Peer.GroupPeer) r.peer()).groupId())
          .containsExactlyInAnyOrder(shared(C), csg(C));
    }

    // "Nodegroup SG: 允许Additional SG 443 端口 和 1025-65535 端口; 允许LB共享后端安全组, NodePort(instance)或Pod端口(ip)"
    @Test
    void nodegroup_sg_admits_the_additional_sg_and_the_backend_sg() {
      assertThat(admits(PUB, ng1(C), cpsg(C), Ports.tcp(443))).isTrue();
      assertThat(admits(PUB, ng1(C), cpsg(C), Ports.tcp(1025, 65535))).isTrue();
      assertThat(admits(PUB, ng1(C), backend(C), Ports.tcp(30080))).isTrue();
      assertThat(admits(PUB, ng1(C), backend(C), Ports.tcp(8080))).isTrue();
      Reachability r = Reachability.of(PUB);
      assertThat(r.reach(C.loadBalancers(), C.nodegroup("ng1"), tcp(30080)).isAllowed()).isTrue();
    }

    // LBC "aggregation surprise" (DOMAIN.md section 3): NodePort 30080 and pod port 8080 merge into one rule
    @Test
    void backend_rules_are_merged_per_target_group_which_opens_the_ports_between() {
      for (String target : List.of(csg(C), ng1(C))) {
        List<Rule> lbc = PUB.securityGroup(target).orElseThrow().ingress().stream()
            .filter(r -> r.description().equals(EksTags.LBC_RULE)).toList();
        assertThat(lbc).singleElement().satisfies(r -> {
          assertThat(r.ports()).isEqualTo(Ports.tcp(8080, 30080));
          assertThat(r.peer()).isEqualTo(Peer.group(backend(C)));
        });
      }
      assertThat(Reachability.of(PUB).reach(C.loadBalancers(), C.managedNodes(), tcp(9000)).isAllowed()).isTrue();
    }
  }

  @Nested
  class AppsWithoutOwnSg {
    // "如果发布的应用自身不带SG，则使用节点组主ENI的SG — 如果Pod运行在管理节点组，LB共享后端安全组会自动添加到Cluster SG
    //  （如果elb类型为instance，添加Nodeport Port；如果elb类型为ip，添加Pod Port）"
    @Test
    void pods_on_a_managed_nodegroup_get_the_backend_rule_on_the_cluster_sg() {
      Network inst = EksTopology.builder("c").managedNodeGroup("m", 1).app("a", "m", 8080)
          .ingress("a", "a", TargetType.INSTANCE, 30080).build();
      Network ip = EksTopology.builder("c").managedNodeGroup("m", 1).app("a", "m", 8080)
          .ingress("a", "a", TargetType.IP, 0).build();
      assertBackendRule(inst, "c", SecurityGroupRole.CLUSTER_SG, Ports.tcp(30080));
      assertBackendRule(ip, "c", SecurityGroupRole.CLUSTER_SG, Ports.tcp(8080));
      EksCluster c = EksCluster.of(ip, "c");
      // the pod IP is a secondary address of the node's ENI, so the node's groups judge it
      NetworkInterface node = enis(c, InterfaceRole.MANAGED_NODE).get(0);
      assertThat(node.privateIpv4()).hasSize(2);
      Verdict v = Reachability.of(ip).reach(c.loadBalancers(),
          Endpoint.address(node.privateIpv4().get(1).addressString()), tcp(8080));
      assertThat(v.isAllowed()).isTrue();
      assertThat(Reachability.of(ip).reach(c.loadBalancers(), c.managedNodes(), tcp(30080)).isDenied()).isTrue();
    }

    // "如果Pod运行在自管节点组，LB共享后端安全组会自动添加到Nodegroup SG（instance: Nodeport; ip: Pod Port）"
    @Test
    void pods_on_a_self_managed_nodegroup_get_the_backend_rule_on_the_nodegroup_sg() {
      Network inst = EksTopology.builder("c").selfManagedNodeGroup("s", 1).app("a", "s", 8080)
          .ingress("a", "a", TargetType.INSTANCE, 30080).build();
      Network ip = EksTopology.builder("c").selfManagedNodeGroup("s", 1).app("a", "s", 8080)
          .ingress("a", "a", TargetType.IP, 0).build();
      assertBackendRule(inst, "c", SecurityGroupRole.NODEGROUP_SG, Ports.tcp(30080));
      assertBackendRule(ip, "c", SecurityGroupRole.NODEGROUP_SG, Ports.tcp(8080));
      EksCluster c = EksCluster.of(inst, "c");
      assertThat(inst.securityGroup(c.sharedNodeSecurityGroup().orElseThrow().id()).orElseThrow().ingress())
          .noneMatch(r -> r.description().equals(EksTags.LBC_RULE));
      assertThat(Reachability.of(inst).reach(c.loadBalancers(), c.nodegroup("s"), tcp(30080)).isAllowed()).isTrue();
    }
  }

  static void assertBackendRule(Network n, String cluster, SecurityGroupRole role, Ports ports) {
    EksCluster c = EksCluster.of(n, cluster);
    String target = c.groups(role).get(0).id();
    String backend = c.groups(SecurityGroupRole.LBC_BACKEND_SG).get(0).id();
    assertThat(n.securityGroups().values().stream().flatMap(g -> g.ingress().stream()
        .filter(r -> r.description().equals(EksTags.LBC_RULE)).map(r -> g.id() + " " + r.ports() + " "
            + r.peer().describe())).toList())
        .containsExactly(target + " " + ports + " " + backend);
  }

  @Nested
  class AppsWithOwnSg {
    // "一般我们会手工添加应用自带SG且目的端口53，到Cluster SG和Nodegroup SG，方便应用与coredns服务通讯"
    @Test
    void the_pod_sg_is_admitted_on_port_53_by_the_cluster_sg_and_the_nodegroup_sg() {
      String pod = C.groups(SecurityGroupRole.POD_SG).get(0).id();
      for (String target : List.of(csg(C), ng1(C))) {
        assertThat(admits(PUB, target, pod, Ports.tcp(53))).isTrue();
        assertThat(admits(PUB, target, pod, Ports.udp(53))).isTrue();
      }
      Reachability r = Reachability.of(PUB);
      assertThat(r.reach(C.podsWithSecurityGroups(), C.nodes(), udp(53)).isAllowed()).isTrue();
      assertThat(r.reach(C.podsWithSecurityGroups(), C.nodes(), tcp(53)).isAllowed()).isTrue();
      assertThat(r.reach(C.podsWithSecurityGroups(), C.nodes(), tcp(54)).isDenied()).isTrue();
    }

    // "LB共享后端安全组会自动添加到应用自带SG（如果elb类型为ip，添加Pod Port）"; the pod sits on a branch ENI
    // whose trunk is on its node
    @Test
    void ip_mode_puts_the_pod_port_on_the_pod_sg_of_the_branch_eni() {
      NetworkInterface branch = enis(C, InterfaceRole.POD_WITH_SG).get(0);
      String pod = C.groups(SecurityGroupRole.POD_SG).get(0).id();
      assertThat(branch.securityGroupIds()).containsExactly(pod);
      assertThat(branch.interfaceType()).isEqualTo("branch");
      NetworkInterface trunk = PUB.networkInterface(branch.tag(EksTags.TRUNK_ENI_ID).orElseThrow()).orElseThrow();
      NetworkInterface node = enis(C, InterfaceRole.SELF_MANAGED_NODE).get(0);
      assertThat(trunk.instanceId()).isEqualTo(node.instanceId());
      assertThat(C.hostOf(branch.id())).containsExactly(node);
      assertThat(admits(PUB, pod, backend(C), Ports.tcp(8443))).isTrue();
      Verdict v = Reachability.of(PUB).reach(C.loadBalancers(), C.podsWithSecurityGroups(), tcp(8443));
      assertThat(v.isAllowed()).isTrue();
      assertThat(v.flows()).allSatisfy(f -> assertThat(f.ingress().orElseThrow().matches())
          .extracting(RuleMatch::group).extracting(SecurityGroup::id).containsExactly(pod));
    }

    // "LB共享后端安全组会自动添加到Cluster SG（如果elb类型为instance，添加Nodeport Port）"
    @Test
    void instance_mode_puts_the_node_port_on_the_node_groups_not_the_pod_sg() {
      Network n = EksTopology.builder("c").managedNodeGroup("m", 1).appWithSecurityGroup("a", "m", 8443)
          .ingress("a", "a", TargetType.INSTANCE, 31000).build();
      assertBackendRule(n, "c", SecurityGroupRole.CLUSTER_SG, Ports.tcp(31000));
    }
  }

  @Nested
  class Fargate {
    // "应用自身不带SG — elb类型为instance时，LB共享后端安全组将添加Nodeport Port到Cluster SG中"
    @Test
    void fargate_app_without_sg_in_instance_mode_puts_the_node_port_on_the_cluster_sg() {
      Network n = EksTopology.builder("c").managedNodeGroup("m", 1).fargateProfile("fp").app("a", "fp", 8080)
          .ingress("a", "a", TargetType.INSTANCE, 30500).build();
      assertBackendRule(n, "c", SecurityGroupRole.CLUSTER_SG, Ports.tcp(30500));
    }

    // "应用自身不带SG — elb类型为ip时，LB共享后端安全组将添加Pod Port到Cluster SG中"
    @Test
    void fargate_app_without_sg_in_ip_mode_puts_the_pod_port_on_the_cluster_sg() {
      Network n = EksTopology.builder("c").fargateProfile("fp").app("a", "fp", 8080)
          .ingress("a", "a", TargetType.IP, 0).build();
      assertBackendRule(n, "c", SecurityGroupRole.CLUSTER_SG, Ports.tcp(8080));
      EksCluster c = EksCluster.of(n, "c");
      assertThat(Reachability.of(n).reach(c.loadBalancers(), c.fargatePods(), tcp(8080)).isAllowed()).isTrue();
    }

    // "应用自身有SG — elb类型为instance时，LB共享后端安全组将添加Nodeport Port到Cluster SG中"
    @Test
    void fargate_app_with_sg_in_instance_mode_puts_the_node_port_on_the_cluster_sg() {
      Network n = EksTopology.builder("c").managedNodeGroup("m", 1).fargateProfile("fp")
          .appWithSecurityGroup("a", "fp", 8080).ingress("a", "a", TargetType.INSTANCE, 30500).build();
      assertBackendRule(n, "c", SecurityGroupRole.CLUSTER_SG, Ports.tcp(30500));
    }

    // "应用自身有SG — elb类型为ip时，LB共享后端安全组将添加Pod Port到应用自带SG中"
    @Test
    void fargate_app_with_sg_in_ip_mode_puts_the_pod_port_on_the_app_sg() {
      Network n = EksTopology.builder("c").fargateProfile("fp").appWithSecurityGroup("a", "fp", 8080)
          .ingress("a", "a", TargetType.IP, 0).build();
      assertBackendRule(n, "c", SecurityGroupRole.POD_SG, Ports.tcp(8080));
      EksCluster c = EksCluster.of(n, "c");
      assertThat(c.interfaces(InterfaceRole.FARGATE_POD)).singleElement().satisfies(r ->
          assertThat(r.eni().securityGroupIds()).containsExactly(c.groups(SecurityGroupRole.POD_SG).get(0).id()));
      assertThat(Reachability.of(n).reach(c.loadBalancers(), c.fargatePods(), tcp(8080)).isAllowed()).isTrue();
    }
  }
}
