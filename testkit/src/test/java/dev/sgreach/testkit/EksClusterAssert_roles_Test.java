package dev.sgreach.testkit;

import static dev.sgreach.testkit.Expect.expectAssertionError;
import static dev.sgreach.testkit.SgreachAssertions.*;
import static dev.sgreach.testkit.error.ShouldReach.shouldReach;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.BDDAssertions.then;

import dev.sgreach.eks.EksCluster;
import dev.sgreach.eks.SeedClusters;
import dev.sgreach.engine.Reachability;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The role navigation of {@link EksClusterAssert}: each method asserts about the ENIs of its role. */
class EksClusterAssert_roles_Test {
  private final EksCluster cluster = EksFixtures.cluster();

  @Test
  void should_pass_from_each_role_of_the_seed_cluster() {
    assertThat(cluster).controlPlane().canReach(nodes()).on(tcp(10250));
    assertThat(cluster).nodes().canReach(controlPlane()).on(tcp(443));
    assertThat(cluster).nodegroup("ng1").canReach(nodegroup("mng1")).on(tcp(53), udp(53));
    assertThat(cluster).managedNodes().canReach(selfManagedNodes()).on(tcp(1025));
    assertThat(cluster).selfManagedNodes().canReach(managedNodes()).on(tcp(1025));
    assertThat(cluster).fargatePods().canReach(controlPlane()).on(tcp(443));
    assertThat(cluster).podsWithSecurityGroups().canReach(nodes()).on(tcp(53), udp(53));
    assertThat(cluster).loadBalancers().canReach(nodegroup("mng1")).on(tcp(30080));
    assertThat(cluster).role(clusterSecurityGroup()).canReach(controlPlane()).on(tcp(443));
  }

  @Test
  void should_pass_from_the_roles_of_a_private_cluster() {
    EksCluster priv = EksCluster.of(SeedClusters.privateOnly(), SeedClusters.PRIVATE_ONLY);
    assertThat(priv).bastions().canReach(controlPlane()).on(tcp(443));
    assertThat(priv).managedNodes().canReach(vpcEndpoints()).on(tcp(443));
    assertThat(priv).vpcEndpoints().isNotExposedToInternet();
  }

  @Test
  void should_fail_naming_the_role_and_each_member_flow() {
    // GIVEN
    EksCluster broken = EksFixtures.withoutNodesToApi();
    // WHEN
    AssertionError error = expectAssertionError(
        () -> assertThat(broken).nodegroup("ng1").canReach(controlPlane()).on(tcp(443)));
    // THEN
    then(error).hasMessage(shouldReach(broken.nodegroup("ng1"), broken.controlPlane(),
        List.of(Reachability.of(broken.network()).reach(broken.nodegroup("ng1"), broken.controlPlane(), tcp(443))))
        .create());
  }

  @Test
  void should_refuse_a_role_without_members() {
    // WHEN
    Throwable thrown = catchThrowable(() -> assertThat(cluster).bastions());
    // THEN
    then(thrown).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("eks:ekscluster1/bastions has no members in the snapshot");
  }

  @Test
  void should_refuse_a_missing_nodegroup_listing_those_that_exist() {
    // WHEN
    Throwable thrown = catchThrowable(() -> assertThat(cluster).nodegroup("ng9"));
    // THEN
    then(thrown).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("cluster ekscluster1 has no nodegroup 'ng9'; nodegroups: ng1, mng1");
  }

  @Test
  void should_carry_the_description_given_to_the_cluster_assertion() {
    // WHEN
    AssertionError error = expectAssertionError(() -> assertThat(EksFixtures.withoutNodesToApi()).as("api path")
        .nodegroup("ng1").canReach(controlPlane()).on(tcp(443)));
    // THEN
    then(error.getMessage()).startsWith("[api path] ");
  }
}
