package dev.sgreach.testkit;

import static dev.sgreach.testkit.Expect.expectAssertionError;
import static dev.sgreach.testkit.SgreachAssertions.*;
import static org.assertj.core.api.BDDAssertions.then;

import static dev.sgreach.testkit.error.ShouldBeReachableOnlyFrom.shouldBeReachableOnlyFrom;

import dev.sgreach.engine.Reachability;
import dev.sgreach.model.Network;
import dev.sgreach.testkit.error.ReachersFinding;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReachableOnlyFromAssert_on_Test {
  private final Network network = Fixtures.threeTier();
  private final Reachability engine = Reachability.of(network);

  @Test
  void should_pass_when_every_reacher_is_a_source() {
    assertThat(network).endpoint(eni("eni-db")).isReachableOnlyFrom(securityGroup("sg-web")).on(tcp(5432));
    assertThat(network).endpoint(eni("eni-app")).isReachableOnlyFrom(eni("eni-web")).on(tcp(8080));
  }

  @Test
  void should_pass_when_an_outside_block_lies_in_a_source_block() {
    assertThat(network).endpoint(eni("eni-web"))
        .isReachableOnlyFrom(cidr("0.0.0.0/0"), securityGroup("sg-app")).on(tcp(443));
  }

  @Test
  void should_fail_naming_the_uncovered_reachers_with_proof() {
    // WHEN
    AssertionError error = expectAssertionError(() -> assertThat(network).endpoint(eni("eni-db"))
        .isReachableOnlyFrom(securityGroup("sg-web")).on(tcp(5432), tcp(5433)));
    // THEN
    ReachersFinding finding = new ReachersFinding(engine.whoCanReach(eni("eni-db"), tcp(5433)),
        List.of("eni-app (10.0.3.3)", "eni-app2 (10.0.3.4)"),
        List.of(engine.reach(eni("eni-app"), eni("eni-db"), tcp(5433)).flows().get(0),
            engine.reach(eni("eni-app2"), eni("eni-db"), tcp(5433)).flows().get(0)));
    then(error).hasMessage(
        shouldBeReachableOnlyFrom(eni("eni-db"), List.of(securityGroup("sg-web")), List.of(finding)).create());
  }

  @Test
  void should_fail_with_the_literal_message() {
    // WHEN
    AssertionError error = expectAssertionError(() -> assertThat(network).endpoint(eni("eni-app"))
        .isReachableOnlyFrom(eni("eni-db")).on(tcp(8080)));
    // THEN
    then(error).hasMessage("""

        to                : eni-app
        expected only from: eni-db

        traffic           : tcp/8080
        reachable from    : eni-web (10.0.1.5)
        unexpected        : eni-web (10.0.1.5)
        proof             : tcp/8080 allowed
        flow              : eni-web (10.0.1.5) -> eni-app (10.0.3.3)
        egress rule       : sg-web (web): egress all traffic to 0.0.0.0/0
        ingress rule      : sg-app (app): ingress tcp 8080 from sg-web
        """);
  }
}
