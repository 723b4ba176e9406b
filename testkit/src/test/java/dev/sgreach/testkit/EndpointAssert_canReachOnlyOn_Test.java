package dev.sgreach.testkit;

import static dev.sgreach.testkit.Expect.expectAssertionError;
import static dev.sgreach.testkit.SgreachAssertions.*;
import static org.assertj.core.api.BDDAssertions.then;

import static dev.sgreach.testkit.error.ShouldReachOnlyOn.shouldReachOnlyOn;

import dev.sgreach.engine.Member;
import dev.sgreach.engine.Reachability;
import dev.sgreach.model.Network;
import dev.sgreach.testkit.error.PortsFinding;
import java.util.List;
import org.junit.jupiter.api.Test;

class EndpointAssert_canReachOnlyOn_Test {
  private final Network network = Fixtures.threeTier();
  private final Reachability engine = Reachability.of(network);

  @Test
  void should_pass_when_exactly_the_traffic_is_open() {
    assertThat(network).endpoint(eni("eni-web")).canReachOnlyOn(eni("eni-db"), tcp(5432))
        .canReachOnlyOn(eni("eni-app"), tcp(8080));
  }

  @Test
  void should_fail_when_more_is_open() {
    // WHEN
    AssertionError error = expectAssertionError(
        () -> assertThat(network).endpoint(eni("eni-web")).canReachOnlyOn(eni("eni-db"), tcp(5433)));
    // THEN
    Member web = engine.resolve(eni("eni-web")).get(0);
    Member db = engine.resolve(eni("eni-db")).get(0);
    PortsFinding finding = new PortsFinding(web, db, engine.openPorts(web, db), List.of(tcp(5433)), "tcp 5432",
        List.of(engine.reach(eni("eni-web"), eni("eni-db"), tcp(5433)).flows().get(0),
            engine.reach(eni("eni-web"), eni("eni-db"), tcp(5432)).flows().get(0)));
    then(error).hasMessage(
        shouldReachOnlyOn(eni("eni-web"), eni("eni-db"), List.of(tcp(5433)), List.of(finding)).create());
  }
}
