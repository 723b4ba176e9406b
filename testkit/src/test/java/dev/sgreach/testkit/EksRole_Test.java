package dev.sgreach.testkit;

import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.BDDAssertions.then;

import dev.sgreach.eks.EksCluster;
import dev.sgreach.eks.EksEndpoints;
import java.util.List;
import org.junit.jupiter.api.Test;

class EksRole_Test {
  private final EksCluster cluster = EksFixtures.cluster();

  @Test
  void should_be_a_value_spelt_as_the_command_line_spells_the_role() {
    then(EksRole.nodegroup("ng1")).isEqualTo(SgreachAssertions.nodegroup("ng1")).hasSameHashCodeAs(
        EksRole.nodegroup("ng1")).isNotEqualTo(EksRole.nodegroup("mng1")).hasToString("nodegroup:ng1");
    then(EksRole.controlPlane()).hasToString("control-plane");
  }

  @Test
  void should_resolve_to_the_clusters_endpoint_with_the_same_label_as_the_command_line() {
    List<EksRole> roles = List.of(EksRole.controlPlane(), EksRole.nodes(), EksRole.managedNodes(),
        EksRole.selfManagedNodes(), EksRole.nodegroup("ng1"), EksRole.fargatePods(), EksRole.podsWithSecurityGroups(),
        EksRole.podsWithSecurityGroup(EksFixtures.podSecurityGroup(cluster)), EksRole.loadBalancers(),
        EksRole.loadBalancer("k8s-default-podsgapp-80ce10dc7c"), EksRole.vpcEndpoints(), EksRole.bastions(),
        EksRole.clusterSecurityGroup(), EksRole.sharedNodeSecurityGroup());
    for (EksRole role : roles) {
      then(role.in(cluster)).as(role.toString())
          .isEqualTo(EksEndpoints.parse(cluster.network(), "eks:ekscluster1/" + role));
    }
  }

  @Test
  void should_refuse_a_blank_name() {
    then(catchThrowable(() -> EksRole.nodegroup(" "))).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("nodegroup must not be blank");
    then(catchThrowable(() -> EksRole.loadBalancer(null))).isInstanceOf(NullPointerException.class)
        .hasMessage("name must not be null");
  }

  @Test
  void should_fail_to_resolve_a_missing_nodegroup_listing_those_that_exist() {
    then(catchThrowable(() -> EksRole.nodegroup("ng9").in(cluster))).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("cluster ekscluster1 has no nodegroup 'ng9'; nodegroups: ng1, mng1");
  }
}
