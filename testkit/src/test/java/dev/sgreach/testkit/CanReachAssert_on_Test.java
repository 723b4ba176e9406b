package dev.sgreach.testkit;

import static dev.sgreach.testkit.Expect.expectAssertionError;
import static dev.sgreach.testkit.SgreachAssertions.*;
import static org.assertj.core.api.BDDAssertions.then;

import static dev.sgreach.testkit.error.ShouldReach.shouldReach;

import dev.sgreach.engine.Reachability;
import dev.sgreach.model.Network;
import java.util.List;
import org.junit.jupiter.api.Test;

class CanReachAssert_on_Test {
  private final Network network = Fixtures.threeTier();
  private final Reachability engine = Reachability.of(network);

  @Test
  void should_pass_when_every_traffic_is_allowed() {
    assertThat(network).endpoint(eni("eni-web")).canReach(eni("eni-app")).on(tcp(8080));
  }

  @Test
  void should_pass_when_every_member_of_a_group_gets_through() {
    assertThat(network).endpoint(securityGroup("sg-app")).canReach(eni("eni-db")).on(tcp(5433));
  }

  @Test
  void should_fail_naming_only_the_traffic_that_is_denied() {
    // WHEN
    AssertionError error = expectAssertionError(
        () -> assertThat(network).endpoint(eni("eni-web")).canReach(eni("eni-db")).on(tcp(5432), tcp(5433)));
    // THEN
    then(error).hasMessage(shouldReach(eni("eni-web"), eni("eni-db"),
        List.of(engine.reach(eni("eni-web"), eni("eni-db"), tcp(5433)))).create());
  }

  @Test
  void should_fail_with_the_blocking_side_near_misses_and_fix_command() {
    // WHEN
    AssertionError error = expectAssertionError(
        () -> assertThat(network).endpoint(eni("eni-web")).canReach(eni("eni-db")).on(tcp(5433)));
    // THEN
    then(error).hasMessage("""

        from       : eni-web
        to         : eni-db

        traffic    : tcp/5433
        expected   : allowed
        but was    : denied
        flow       : eni-web (10.0.1.5) -> eni-db (10.0.2.7)
        egress rule: sg-web (web): egress all traffic to 0.0.0.0/0
        blocked at : ingress of eni-db (10.0.2.7 <- 10.0.1.5)
        near miss  : sg-db (db): ingress tcp 5432 from sg-web "from web": port 5433 is outside 5432
        near miss  : sg-db (db): ingress tcp 5433 from sg-app: peer sg-app: eni-web (10.0.1.5) does not carry sg-app
        fix        : add to sg-db (db): ingress tcp 5433 from sg-web "sgreach fix: tcp/5433 from sg-web"
        fix command: aws ec2 authorize-security-group-ingress --group-id sg-db --ip-permissions \
        'IpProtocol=tcp,FromPort=5433,ToPort=5433,UserIdGroupPairs=[{GroupId=sg-web,Description="sgreach fix: \
        tcp/5433 from sg-web"}]'
        """);
  }

  @Test
  void should_fail_per_member_flow_of_a_group() {
    // WHEN
    AssertionError error = expectAssertionError(
        () -> assertThat(network).endpoint(securityGroup("sg-app")).canReach(eni("eni-db")).on(tcp(5432)));
    // THEN
    then(error).hasMessage(shouldReach(securityGroup("sg-app"), eni("eni-db"),
        List.of(engine.reach(securityGroup("sg-app"), eni("eni-db"), tcp(5432)))).create());
  }

  @Test
  void should_carry_the_description_given_to_the_network_assertion() {
    // WHEN
    AssertionError error = expectAssertionError(() -> assertThat(network).as("orders path")
        .endpoint(eni("eni-web")).canReach(eni("eni-db")).on(tcp(5433)));
    // THEN
    then(error.getMessage()).startsWith("[orders path] ");
  }
}
