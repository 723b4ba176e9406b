package dev.sgreach.testkit;

import static dev.sgreach.testkit.Expect.expectAssertionError;
import static dev.sgreach.testkit.SgreachAssertions.*;
import static org.assertj.core.api.BDDAssertions.then;

import static dev.sgreach.testkit.error.ShouldNotReachOnAnyPort.shouldNotReachOnAnyPort;

import dev.sgreach.engine.Member;
import dev.sgreach.engine.Reachability;
import dev.sgreach.model.Network;
import dev.sgreach.testkit.error.PortsFinding;
import java.util.List;
import org.junit.jupiter.api.Test;

class CannotReachAssert_onAnyPort_Test {
  private final Network network = Fixtures.threeTier();
  private final Reachability engine = Reachability.of(network);

  @Test
  void should_pass_when_nothing_gets_through() {
    assertThat(network).endpoint(eni("eni-db")).cannotReach(eni("eni-app")).onAnyPort();
  }

  @Test
  void should_fail_with_what_is_open_and_the_rules_that_open_it() {
    // WHEN
    AssertionError error = expectAssertionError(
        () -> assertThat(network).endpoint(eni("eni-web")).cannotReach(eni("eni-db")).onAnyPort());
    // THEN
    Member web = engine.resolve(eni("eni-web")).get(0);
    Member db = engine.resolve(eni("eni-db")).get(0);
    PortsFinding finding = new PortsFinding(web, db, engine.openPorts(web, db), List.of(), "",
        List.of(engine.reach(eni("eni-web"), eni("eni-db"), tcp(5432)).flows().get(0)));
    then(error).hasMessage(shouldNotReachOnAnyPort(eni("eni-web"), eni("eni-db"), List.of(finding)).create());
  }

  @Test
  void should_fail_with_the_literal_message() {
    // WHEN
    AssertionError error = expectAssertionError(
        () -> assertThat(network).endpoint(eni("eni-web")).cannotReach(eni("eni-db")).onAnyPort());
    // THEN
    then(error).hasMessage("""

        from         : eni-web
        to           : eni-db
        expected open: nothing

        members      : eni-web (10.0.1.5) -> eni-db (10.0.2.7)
        open         : tcp 5432
        proof        : tcp/5432 allowed
        flow         : eni-web (10.0.1.5) -> eni-db (10.0.2.7)
        egress rule  : sg-web (web): egress all traffic to 0.0.0.0/0
        ingress rule : sg-db (db): ingress tcp 5432 from sg-web "from web"
        """);
  }
}
