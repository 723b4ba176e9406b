package com.example.infra;

import static dev.sgreach.testkit.SgreachAssertions.*;

import dev.sgreach.eks.EksCluster;
import dev.sgreach.testkit.SgreachSnapshot;
import org.junit.jupiter.api.Test;

/** The paths our EKS cluster needs, checked against a snapshot of its security groups and ENIs. */
@SgreachSnapshot(value = "examples/ekscluster1", cluster = "ekscluster1")
class EksClusterTest {
  @SgreachSnapshot EksCluster cluster;

  @Test
  void passes_the_eks_checks() {
    assertThat(cluster).passesEksChecks().hasNoEksWarnings();
  }

  @Test
  void every_node_reaches_the_api_server() {
    assertThat(cluster).nodes().canReach(controlPlane()).on(tcp(443));
    assertThat(cluster).fargatePods().canReach(controlPlane()).on(tcp(443));
  }

  @Test
  void the_api_server_reaches_every_kubelet() {
    assertThat(cluster).controlPlane().canReach(nodes()).on(tcp(10250));
    assertThat(cluster).controlPlane().canReach(fargatePods()).on(tcp(10250));
  }

  @Test
  void both_nodegroups_resolve_names_through_coredns_on_the_other() {
    assertThat(cluster).nodegroup("ng1").canReach(nodegroup("mng1")).on(tcp(53), udp(53));
    assertThat(cluster).nodegroup("mng1").canReach(nodegroup("ng1")).on(tcp(53), udp(53));
  }

  @Test
  void the_pod_with_its_own_security_group_reaches_coredns() {
    assertThat(cluster).podsWithSecurityGroups().canReach(nodes()).on(tcp(53), udp(53));
  }

  @Test
  void the_load_balancers_reach_their_targets() {
    assertThat(cluster).loadBalancers().canReach(nodes()).on(tcp(30080)); // instance mode: the NodePort
    assertThat(cluster).loadBalancers().canReachOnlyOn(podsWithSecurityGroups(), tcp(8443)); // ip mode: the pod
  }

  @Test
  void only_the_load_balancers_face_the_internet() {
    assertThat(cluster).controlPlane().isNotExposedToInternet();
    assertThat(cluster).nodes().isNotExposedToInternet();
    assertThat(cluster).loadBalancers().exposesToInternetOnly(tcp(80));
  }

  @Test
  void the_snapshot_has_no_stale_references() {
    assertThat(cluster.network()).hasNoStaleReferences();
  }
}
