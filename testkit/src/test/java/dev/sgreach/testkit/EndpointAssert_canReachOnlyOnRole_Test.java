package dev.sgreach.testkit;

import static dev.sgreach.testkit.Expect.expectAssertionError;
import static dev.sgreach.testkit.SgreachAssertions.*;
import static org.assertj.core.api.BDDAssertions.then;

import dev.sgreach.eks.EksCluster;
import org.junit.jupiter.api.Test;

/** {@code canReachOnlyOn(role, ...)}: a role as the target, resolved against the cluster the chain started from. */
class EndpointAssert_canReachOnlyOnRole_Test {
  private final EksCluster cluster = EksFixtures.cluster();

  @Test
  void should_pass_when_exactly_that_traffic_gets_through_to_the_role() {
    assertThat(cluster).loadBalancers().canReachOnlyOn(podsWithSecurityGroups(), tcp(8443));
  }

  @Test
  void should_fail_as_canReach_onlyOn_to_the_role_endpoint_fails() {
    // WHEN
    AssertionError viaRole = expectAssertionError(
        () -> assertThat(cluster).loadBalancers().canReachOnlyOn(podsWithSecurityGroups(), tcp(443)));
    AssertionError viaEndpoint = expectAssertionError(() -> assertThat(cluster.network())
        .endpoint(cluster.loadBalancers()).canReach(cluster.podsWithSecurityGroups()).onlyOn(tcp(443)));
    // THEN
    then(viaRole).hasMessage(viaEndpoint.getMessage());
  }
}
