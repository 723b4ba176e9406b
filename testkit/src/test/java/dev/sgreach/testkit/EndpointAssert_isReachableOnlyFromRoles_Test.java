package dev.sgreach.testkit;

import static dev.sgreach.testkit.Expect.expectAssertionError;
import static dev.sgreach.testkit.SgreachAssertions.*;
import static org.assertj.core.api.BDDAssertions.then;

import dev.sgreach.eks.EksCluster;
import org.junit.jupiter.api.Test;

/** {@code isReachableOnlyFrom(roles...)}: roles as the sources, resolved against the cluster the chain started from. */
class EndpointAssert_isReachableOnlyFromRoles_Test {
  private final EksCluster cluster = EksFixtures.cluster();

  @Test
  void should_pass_when_every_reacher_carries_one_of_the_roles() {
    // the load balancers, and the ng1 node with its trunk (kubelet probes through the nodegroup SG)
    assertThat(cluster).podsWithSecurityGroups().isReachableOnlyFrom(loadBalancers(), sharedNodeSecurityGroup())
        .on(tcp(8443));
  }

  @Test
  void should_fail_as_the_same_assertion_with_the_role_endpoints_fails() {
    // WHEN
    AssertionError viaRole = expectAssertionError(
        () -> assertThat(cluster).podsWithSecurityGroups().isReachableOnlyFrom(loadBalancers()).on(tcp(8443)));
    AssertionError viaEndpoint = expectAssertionError(() -> assertThat(cluster.network())
        .endpoint(cluster.podsWithSecurityGroups()).isReachableOnlyFrom(cluster.loadBalancers()).on(tcp(8443)));
    // THEN
    then(viaRole).hasMessage(viaEndpoint.getMessage());
    then(viaRole.getMessage()).contains("unexpected        : eni-89e8e819ae676866a (192.168.64.12)");
  }
}
