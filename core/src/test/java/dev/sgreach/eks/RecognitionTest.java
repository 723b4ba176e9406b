package dev.sgreach.eks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sgreach.model.Network;
import dev.sgreach.model.NetworkInterface;
import dev.sgreach.model.Peer;
import dev.sgreach.model.Ports;
import dev.sgreach.model.SecurityGroup;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The recogniser against the builder's output and against eksctl-shaped data written by hand from DOMAIN.md's
 * tables (not produced by the builder).
 */
class RecognitionTest {
  static final Peer ANY4 = Peer.cidr("0.0.0.0/0");
  static final String VPC = "vpc-0handmade0000001";

  static Map<String, String> groupRoles(EksCluster c) {
    return c.groups().stream().collect(Collectors.toMap(g -> g.group().id(),
        g -> g.role() + g.nodegroup().map(n -> ":" + n).orElse("")));
  }

  static Map<String, String> eniRoles(EksCluster c) {
    return c.interfaces().stream().collect(Collectors.toMap(r -> r.eni().id(),
        r -> r.role() + r.nodegroup().map(n -> ":" + n).orElse("")));
  }

  @Test
  void every_group_and_eni_of_the_public_and_private_seed_has_its_role() {
    Network n = SeedClusters.publicAndPrivate();
    EksCluster c = EksCluster.of(n, "ekscluster1");
    Map<String, String> roles = groupRoles(c);
    assertThat(roles.values()).containsExactlyInAnyOrder("CLUSTER_SG", "CONTROL_PLANE_SG", "SHARED_NODE_SG",
        "NODEGROUP_SG:ng1", "LBC_BACKEND_SG", "LBC_MANAGED_SG", "LBC_MANAGED_SG", "LBC_MANAGED_SG",
        "LBC_MANAGED_SG", "POD_SG");
    assertThat(eniRoles(c).values().stream().sorted().toList()).containsExactly("CONTROL_PLANE", "CONTROL_PLANE",
        "FARGATE_POD", "LOAD_BALANCER", "LOAD_BALANCER", "LOAD_BALANCER", "LOAD_BALANCER", "LOAD_BALANCER",
        "LOAD_BALANCER", "LOAD_BALANCER", "LOAD_BALANCER", "MANAGED_NODE:mng1", "POD_WITH_SG:ng1",
        "SELF_MANAGED_NODE:ng1", "TRUNK:ng1");
    // everything the builder made is placed, except the VPC's default group, which is reported
    assertThat(c.groups().size() + c.unrecognised().size()).isEqualTo(n.securityGroups().size());
    assertThat(c.interfaces()).hasSize(n.interfaces().size());
    assertThat(c.unrecognised()).singleElement().satisfies(u -> {
      assertThat(n.securityGroup(u.id()).orElseThrow().name()).isEqualTo("default");
      assertThat(u.reason()).contains("default security group");
    });
    assertThat(c.nodegroups()).containsExactly(Map.entry("ng1", InterfaceRole.SELF_MANAGED_NODE),
        Map.entry("mng1", InterfaceRole.MANAGED_NODE));
  }

  @Test
  void every_group_and_eni_of_the_private_seed_has_its_role() {
    Network n = SeedClusters.privateOnly();
    EksCluster c = EksCluster.of(n, "ekscluster-privonly");
    assertThat(groupRoles(c).values()).containsExactlyInAnyOrder("CLUSTER_SG", "CONTROL_PLANE_SG",
        "SHARED_NODE_SG", "MEMBER_SG");
    Map<String, Long> counts = c.interfaces().stream()
        .collect(Collectors.groupingBy(r -> r.role().name(), Collectors.counting()));
    assertThat(counts).containsExactlyInAnyOrderEntriesOf(Map.of("CONTROL_PLANE", 2L, "MANAGED_NODE", 1L,
        "VPC_ENDPOINT", 20L, "BASTION", 1L));
    assertThat(c.interfaces()).hasSize(n.interfaces().size());
    // the user-given shared SG has no eksctl tag: it is found through eksctl's rule on the cluster SG
    assertThat(c.sharedNodeSecurityGroup().orElseThrow().name()).isEqualTo("sharedNodeSecurityGroup");
    assertThat(c.group(c.sharedNodeSecurityGroup().orElseThrow().id()).orElseThrow().evidence())
        .contains("IngressNodeToDefaultClusterSG");
  }

  // ---------------------------------------------------------------- eksctl-shaped data written by hand

  static SecurityGroup.Builder cfn(String id, String stack, String logical, String description) {
    return SecurityGroup.builder(id).vpc(VPC).name(stack + "-" + logical + "-ABCDEFGHIJKL").description(description)
        .tag("Name", stack + "/" + logical).tag("aws:cloudformation:logical-id", logical)
        .tag("aws:cloudformation:stack-name", stack).tag("alpha.eksctl.io/cluster-name", "c1")
        .allowOut(Ports.allTraffic(), ANY4);
  }

  static NetworkInterface.Builder eni(String id, String address, String... groups) {
    return NetworkInterface.builder(id).vpc(VPC).address(address).groups(groups);
  }

  /** A cluster c1 as DOMAIN.md tables a-e describe it, no describe-cluster; and a few things that cannot be placed. */
  static Network handmade() {
    return Network.builder()
        // table b: cluster SG, known only by its tags
        .add(SecurityGroup.builder("sg-cluster").vpc(VPC).name("eks-cluster-sg-c1-123456789")
            .tag("aws:eks:cluster-name", "c1").tag("kubernetes.io/cluster/c1", "owned")
            .allowIn(Ports.allTraffic(), Peer.group("sg-cluster"))
            .allowIn(Ports.allTraffic(), Peer.group("sg-shared"),
                "Allow unmanaged nodes to communicate with control plane (all ports)")
            .allowOut(Ports.allTraffic(), ANY4).build())
        // table a
        .add(cfn("sg-cp", "eksctl-c1-cluster", "ControlPlaneSecurityGroup",
            "Communication between the control plane and worker nodegroups")
            .allowIn(Ports.tcp(443), Peer.group("sg-ng1")).build())
        .add(cfn("sg-shared", "eksctl-c1-cluster", "ClusterSharedNodeSecurityGroup",
            "Communication between all nodes in the cluster")
            .allowIn(Ports.allTraffic(), Peer.group("sg-shared")).build())
        .add(cfn("sg-ng1", "eksctl-c1-nodegroup-ng1", "SG",
            "Communication between the control plane and worker nodes in group ng1")
            .tag("kubernetes.io/cluster/c1", "owned").tag("alpha.eksctl.io/nodegroup-name", "ng1")
            .tag("alpha.eksctl.io/nodegroup-type", "unmanaged")
            .allowIn(Ports.tcp(1025, 65535), Peer.group("sg-cp")).build())
        .add(cfn("sg-ng2", "eksctl-c1-nodegroup-ng2", "SG",
            "Communication between the control plane and worker nodes in group ng2").build())
        .add(cfn("sg-ssh", "eksctl-c1-nodegroup-mng1", "SSH", "Allow SSH access")
            .name("eksctl-c1-nodegroup-mng1-remoteAccess").allowIn(Ports.tcp(22), Peer.cidr("10.0.0.0/16")).build())
        .add(cfn("sg-efa", "eksctl-c1-nodegroup-ng1", "EFASG", "EFA-enabled security group").build())
        // table c: an NLB made by the LBC for a Service
        .add(SecurityGroup.builder("sg-nlb").vpc(VPC).name("k8s-default-svc-0123456789")
            .tag("elbv2.k8s.aws/cluster", "c1").tag("service.k8s.aws/stack", "default/svc")
            .tag("service.k8s.aws/resource", "ManagedLBSecurityGroup").allowIn(Ports.tcp(443), ANY4).build())
        .add(SecurityGroup.builder("sg-backend").vpc(VPC).name("k8s-traffic-c1-0123456789")
            .tag("elbv2.k8s.aws/cluster", "c1").tag("elbv2.k8s.aws/resource", "backend-sg")
            .allowOut(Ports.allTraffic(), ANY4).build())
        .add(SecurityGroup.builder("sg-pod").vpc(VPC).name("pod-sg").allowOut(Ports.allTraffic(), ANY4).build())
        .add(SecurityGroup.builder("sg-rds").vpc(VPC).name("rds").build())
        .add(SecurityGroup.builder("sg-stray").vpc(VPC).name("stray").build())
        // table d: control plane, managed node (nodegroup from its SSH SG), self-managed node + CNI secondary ENI
        .add(eni("eni-cp1", "10.0.1.10", "sg-cluster", "sg-cp").description("Amazon EKS c1")
            .attachment(new NetworkInterface.Attachment(Optional.empty(), "999988887777", 1)).build())
        .add(eni("eni-cp2", "10.0.2.10", "sg-cluster", "sg-cp").description("Amazon EKS c1").build())
        .add(eni("eni-mng", "10.0.1.20", "sg-cluster", "sg-ssh").attachedTo("i-mng", 0).build())
        .add(eni("eni-ng1", "10.0.1.30", "sg-shared", "sg-ng1", "sg-efa").attachedTo("i-ng1", 0).build())
        .add(eni("eni-ng1-cni", "10.0.1.31", "sg-shared", "sg-ng1", "sg-efa").attachedTo("i-ng1", 1)
            .description("aws-K8S-i-ng1").tag("cluster.k8s.amazonaws.com/name", "c1")
            .tag("node.k8s.amazonaws.com/instance_id", "i-ng1").build())
        .add(eni("eni-trunk", "10.0.1.32", "sg-shared", "sg-ng1", "sg-efa").attachedTo("i-ng1", 2)
            .interfaceType("trunk").description("aws-k8s-trunk-eni").tag("eks:eni:owner", "eks-vpc-resource-controller")
            .tag("kubernetes.io/cluster/c1", "owned").build())
        .add(eni("eni-branch", "10.0.1.33", "sg-pod").interfaceType("branch").description("aws-k8s-branch-eni")
            .tag("vpcresources.k8s.aws/trunk-eni-id", "eni-trunk").tag("vpcresources.k8s.aws/vlan-id", "1")
            .tag("eks:eni:owner", "eks-vpc-resource-controller").tag("kubernetes.io/cluster/c1", "owned").build())
        // Fargate: no instance, no description, the cluster SG
        .add(eni("eni-fargate", "10.0.2.40", "sg-cluster").requester("123456789012", true).build())
        // NLB (type network_load_balancer) and an old-style endpoint ENI (type interface, "VPC Endpoint Interface:")
        .add(eni("eni-nlb", "10.0.3.10", "sg-nlb", "sg-backend").interfaceType("network_load_balancer")
            .description("ELB net/k8s-default-svc-0123456789/50dc6c495c0c9188").requester("amazon-elb", true).build())
        .add(eni("eni-vpce", "10.0.2.50", "sg-shared").description("VPC Endpoint Interface: vpce-0123456789abcdef0")
            .requester("727180483921", true).build())
        // other holders of the shared SG: a database, a bastion
        .add(eni("eni-rds", "10.0.2.60", "sg-rds", "sg-shared").description("RDSNetworkInterface")
            .requester("amazon-rds", true).build())
        .add(eni("eni-bastion", "10.0.3.70", "sg-shared").attachedTo("i-bastion", 0).build())
        // what cannot be placed
        .add(eni("eni-two-ngs", "10.0.1.80", "sg-ng1", "sg-ng2").attachedTo("i-odd", 0).build())
        .add(eni("eni-lost-branch", "10.0.1.81", "sg-shared").interfaceType("branch")
            .description("aws-k8s-branch-eni").tag("vpcresources.k8s.aws/trunk-eni-id", "eni-gone").build())
        .add(eni("eni-foreign-elb", "10.0.3.90", "sg-cluster").description("ELB app/someone-else/0123456789abcdef")
            .requester("amazon-elb", true).build())
        .add(eni("eni-nat", "10.0.3.5").interfaceType("nat_gateway")
            .description("Interface for NAT Gateway nat-0123456789abcdef0").build())
        .build();
  }

  @Test
  void every_role_of_the_handmade_eksctl_network_is_recognised() {
    EksCluster c = EksCluster.of(handmade(), "c1");
    assertThat(c.info()).isEmpty();
    assertThat(groupRoles(c)).containsExactlyInAnyOrderEntriesOf(Map.ofEntries(
        Map.entry("sg-cluster", "CLUSTER_SG"),
        Map.entry("sg-cp", "CONTROL_PLANE_SG"),
        Map.entry("sg-shared", "SHARED_NODE_SG"),
        Map.entry("sg-ng1", "NODEGROUP_SG:ng1"),
        Map.entry("sg-ng2", "NODEGROUP_SG:ng2"),
        Map.entry("sg-ssh", "NODEGROUP_SSH_SG:mng1"),
        Map.entry("sg-efa", "EFA_SG:ng1"),
        Map.entry("sg-nlb", "LBC_MANAGED_SG"),
        Map.entry("sg-backend", "LBC_BACKEND_SG"),
        Map.entry("sg-pod", "POD_SG"),
        Map.entry("sg-rds", "MEMBER_SG")));
    assertThat(eniRoles(c)).containsExactlyInAnyOrderEntriesOf(Map.ofEntries(
        Map.entry("eni-cp1", "CONTROL_PLANE"),
        Map.entry("eni-cp2", "CONTROL_PLANE"),
        Map.entry("eni-mng", "MANAGED_NODE:mng1"),
        Map.entry("eni-ng1", "SELF_MANAGED_NODE:ng1"),
        Map.entry("eni-ng1-cni", "SELF_MANAGED_NODE:ng1"),
        Map.entry("eni-trunk", "TRUNK:ng1"),
        Map.entry("eni-branch", "POD_WITH_SG:ng1"),
        Map.entry("eni-fargate", "FARGATE_POD"),
        Map.entry("eni-nlb", "LOAD_BALANCER"),
        Map.entry("eni-vpce", "VPC_ENDPOINT"),
        Map.entry("eni-rds", "SHARED_SG_MEMBER"),
        Map.entry("eni-bastion", "BASTION")));
    assertThat(c.networkInterface("eni-branch").orElseThrow().hostInstance()).contains("i-ng1");
    assertThat(c.hostOf("eni-branch")).extracting(NetworkInterface::id).containsExactly("eni-ng1", "eni-ng1-cni");
  }

  @Test
  void what_cannot_be_placed_is_reported_with_the_reason() {
    EksCluster c = EksCluster.of(handmade(), "c1");
    Map<String, String> reasons = c.unrecognised().stream()
        .collect(Collectors.toMap(Unrecognised::id, Unrecognised::reason));
    assertThat(reasons).containsOnlyKeys("eni-two-ngs", "eni-lost-branch", "eni-foreign-elb", "eni-nat",
        "sg-stray");
    assertThat(reasons.get("eni-two-ngs")).contains("nodegroup SGs of [ng1, ng2]");
    assertThat(reasons.get("eni-lost-branch")).contains("no kubernetes.io/cluster/c1 tag").contains("eni-gone");
    assertThat(reasons.get("eni-foreign-elb")).contains("no group the LBC made");
    assertThat(reasons.get("eni-nat")).contains("nat_gateway");
    assertThat(reasons.get("sg-stray")).contains("no ENI of an EKS cluster carries it");
  }

  @Test
  void describe_cluster_is_authoritative_for_the_cluster_sg_even_against_tags() {
    Network n = handmade().toBuilder()
        .add(SecurityGroup.builder("sg-other-tagged").vpc(VPC).tag("aws:eks:cluster-name", "c1").build())
        .add(new dev.sgreach.model.EksClusterInfo("c1", VPC, "sg-cluster",
            com.google.common.collect.ImmutableList.of("sg-cp"), null, true, true, null))
        .build();
    EksCluster c = EksCluster.of(n, "c1");
    assertThat(c.clusterSecurityGroup().orElseThrow().id()).isEqualTo("sg-cluster");
    assertThat(c.group("sg-cluster").orElseThrow().evidence()).isEqualTo("describe-cluster clusterSecurityGroupId");
    assertThat(c.unrecognised()).extracting(Unrecognised::id).contains("sg-other-tagged");
    // without describe-cluster, two tagged groups are ambiguous and neither is taken
    Network ambiguous = handmade().toBuilder()
        .add(SecurityGroup.builder("sg-other-tagged").vpc(VPC).tag("aws:eks:cluster-name", "c1").build()).build();
    EksCluster a = EksCluster.of(ambiguous, "c1");
    assertThat(a.clusterSecurityGroup()).isEmpty();
    assertThat(a.unrecognised()).filteredOn(u -> u.id().equals("sg-cluster")).singleElement()
        .satisfies(u -> assertThat(u.reason()).contains("2 groups carry tag aws:eks:cluster-name=c1"));
  }

  @Test
  void clusters_are_discovered_and_an_unknown_name_lists_them() {
    Network both = SeedClusters.publicAndPrivate().toBuilder().addAll(SeedClusters.privateOnly()).build();
    assertThat(EksCluster.names(both)).containsExactly("ekscluster-privonly", "ekscluster1");
    assertThat(EksCluster.discover(both)).extracting(EksCluster::name)
        .containsExactly("ekscluster-privonly", "ekscluster1");
    // each cluster's unrecognised list stays within its VPC
    assertThat(EksCluster.of(both, "ekscluster1").unrecognised()).hasSize(1);
    assertThatThrownBy(() -> EksCluster.of(both, "nope")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no EKS cluster 'nope'").hasMessageContaining("ekscluster-privonly, ekscluster1");
  }
}
