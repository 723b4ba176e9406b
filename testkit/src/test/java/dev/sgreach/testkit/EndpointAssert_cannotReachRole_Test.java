package dev.sgreach.testkit;

import static dev.sgreach.testkit.Expect.expectAssertionError;
import static dev.sgreach.testkit.SgreachAssertions.*;
import static dev.sgreach.testkit.error.ShouldNotReach.shouldNotReach;
import static org.assertj.core.api.BDDAssertions.then;

import dev.sgreach.eks.EksCluster;
import dev.sgreach.engine.Reachability;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code cannotReach(role).on(...)}: a role as the target, resolved against the cluster the chain started from. */
class EndpointAssert_cannotReachRole_Test {
  private final EksCluster cluster = EksFixtures.cluster();

  @Test
  void should_pass_when_every_member_flow_to_the_role_is_denied() {
    assertThat(cluster).endpoint(address("203.0.113.9")).cannotReach(controlPlane()).onAnyPort();
    assertThat(cluster).loadBalancers().cannotReach(controlPlane()).on(tcp(443), tcp(22));
  }

  @Test
  void should_fail_naming_the_rules_that_let_each_member_flow_through() {
    // WHEN
    AssertionError error = expectAssertionError(
        () -> assertThat(cluster).controlPlane().cannotReach(nodegroup("ng1")).on(tcp(10250)));
    // THEN
    then(error).hasMessage(shouldNotReach(cluster.controlPlane(), cluster.nodegroup("ng1"), List.of(
        Reachability.of(cluster.network()).reach(cluster.controlPlane(), cluster.nodegroup("ng1"), tcp(10250))))
        .create());
  }
}
