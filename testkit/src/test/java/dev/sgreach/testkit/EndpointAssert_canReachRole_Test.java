package dev.sgreach.testkit;

import static dev.sgreach.testkit.Expect.expectAssertionError;
import static dev.sgreach.testkit.SgreachAssertions.*;
import static dev.sgreach.testkit.error.ShouldReach.shouldReach;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.BDDAssertions.then;

import dev.sgreach.eks.EksCluster;
import dev.sgreach.engine.Reachability;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code canReach(role).on(...)}: a role as the target, resolved against the cluster the chain started from. */
class EndpointAssert_canReachRole_Test {
  private final EksCluster cluster = EksFixtures.cluster();

  @Test
  void should_pass_when_every_member_flow_to_the_role_is_allowed() {
    assertThat(cluster).nodegroup("ng1").canReach(controlPlane()).on(tcp(443));
    assertThat(cluster).endpoint(cluster.nodegroup("mng1")).canReach(nodegroup("ng1")).on(udp(53));
  }

  @Test
  void should_fail_when_some_member_flows_are_denied_giving_the_coverage() {
    // GIVEN
    EksCluster broken = EksFixtures.withoutNodesToApi();
    // WHEN
    AssertionError error = expectAssertionError(() -> assertThat(broken).nodes().canReach(controlPlane()).on(tcp(443)));
    // THEN
    then(error).hasMessage(shouldReach(broken.nodes(), broken.controlPlane(),
        List.of(Reachability.of(broken.network()).reach(broken.nodes(), broken.controlPlane(), tcp(443)))).create());
  }

  @Test
  void should_fail_with_the_literal_message_listing_every_member_flow() {
    // WHEN
    AssertionError error = expectAssertionError(
        () -> assertThat(EksFixtures.withoutNodesToApi()).nodes().canReach(controlPlane()).on(tcp(443)));
    // THEN
    then(error).hasMessage("""

        from       : eks:ekscluster1/nodes
        to         : eks:ekscluster1/control-plane

        traffic    : tcp/443
        expected   : allowed
        but was    : denied
        coverage   : some (2 of 4 member flows allowed)
        flows      : 2 member flows
        from       : eni-89e8e819ae676866a (192.168.64.12)
        to         : eni-b8129e0eb6881a6f2 (192.168.64.10), eni-9e17fbb9f4fb132e9 (192.168.96.10)
        outcome    : denied
        egress     : allowed
        blocked at : ingress of eni-b8129e0eb6881a6f2 (192.168.64.10 <- 192.168.64.12)
        near miss  : sg-672db92717210bf45 (eks-cluster-sg-ekscluster1-1459552893): ingress all traffic from \
        sg-672db92717210bf45 "EKS cluster SG self": peer sg-672db92717210bf45: eni-89e8e819ae676866a (192.168.64.12) \
        does not carry sg-672db92717210bf45
        flows      : 2 member flows
        from       : eni-b1880e6c6158c5439 (192.168.64.11)
        to         : eni-b8129e0eb6881a6f2 (192.168.64.10), eni-9e17fbb9f4fb132e9 (192.168.96.10)
        outcome    : allowed
        fix        : add to sg-672db92717210bf45 (eks-cluster-sg-ekscluster1-1459552893): ingress tcp 443 from \
        sg-16404157b8ec1bb02 "sgreach fix: tcp/443 from sg-16404157b8ec1bb02"
        fix command: aws ec2 authorize-security-group-ingress --group-id sg-672db92717210bf45 --ip-permissions \
        'IpProtocol=tcp,FromPort=443,ToPort=443,UserIdGroupPairs=[{GroupId=sg-16404157b8ec1bb02,Description="sgreach \
        fix: tcp/443 from sg-16404157b8ec1bb02"}]'
        """);
  }

  @Test
  void should_refuse_a_role_when_the_chain_did_not_start_from_a_cluster() {
    // WHEN
    Throwable thrown = catchThrowable(
        () -> assertThat(cluster.network()).endpoint(cluster.nodes()).canReach(controlPlane()));
    // THEN
    then(thrown).isInstanceOf(IllegalArgumentException.class).hasMessage("EKS role 'control-plane' needs a cluster to"
        + " resolve against: start the chain from assertThat(cluster), or pass the role's endpoint, role.in(cluster)");
  }

  @Test
  void should_refuse_a_null_role() {
    // WHEN
    Throwable thrown = catchThrowable(() -> assertThat(cluster).nodes().canReach((EksRole) null));
    // THEN
    then(thrown).isInstanceOf(NullPointerException.class).hasMessageStartingWith("role must not be null");
  }
}
