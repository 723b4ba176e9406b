package dev.sgreach.testkit;

import static dev.sgreach.testkit.Expect.expectAssertionError;
import static dev.sgreach.testkit.SgreachAssertions.assertThat;
import static dev.sgreach.testkit.SgreachAssertions.eni;
import static dev.sgreach.testkit.SgreachAssertions.securityGroup;
import static dev.sgreach.testkit.SgreachAssertions.tcp;
import static dev.sgreach.testkit.error.ShouldBeBlockedAt.shouldBeBlockedAt;
import static org.assertj.core.api.BDDAssertions.then;

import dev.sgreach.engine.Coverage;
import dev.sgreach.engine.Outcome;
import dev.sgreach.engine.Reachability;
import dev.sgreach.engine.Verdict;
import dev.sgreach.model.Direction;
import org.junit.jupiter.api.Test;

class VerdictAssert_isBlockedAtIngress_Test {
  private final Reachability engine = Reachability.of(Fixtures.withMissingGroup());

  @Test
  void should_pass_when_the_receiver_blocks() {
    // GIVEN
    Verdict verdict = engine.reach(eni("eni-web"), eni("eni-db"), tcp(5433));
    // WHEN/THEN
    assertThat(verdict).isBlockedAtIngress();
  }

  @Test
  void should_fail_when_the_sender_blocks() {
    // GIVEN
    Verdict verdict = engine.reach(eni("eni-db"), eni("eni-web"), tcp(443));
    // WHEN
    AssertionError error = expectAssertionError(() -> assertThat(verdict).isBlockedAtIngress());
    // THEN
    then(error).hasMessage(shouldBeBlockedAt(verdict, Direction.INGRESS).create());
  }

  @Test
  void should_fail_with_the_literal_message() {
    // GIVEN
    Verdict verdict = engine.reach(eni("eni-web"), eni("eni-db"), tcp(5432));
    // WHEN
    AssertionError error = expectAssertionError(() -> assertThat(verdict).isBlockedAtIngress());
    // THEN
    then(error).hasMessage("""

        from               : eni-web
        to                 : eni-db
        traffic            : tcp/5432
        expected blocked at: ingress
        but was            : allowed
        flow               : eni-web (10.0.1.5) -> eni-db (10.0.2.7)
        egress rule        : sg-web (web): egress all traffic to 0.0.0.0/0
        ingress rule       : sg-db (db): ingress tcp 5432 from sg-web "from web"
        """);
  }
}
