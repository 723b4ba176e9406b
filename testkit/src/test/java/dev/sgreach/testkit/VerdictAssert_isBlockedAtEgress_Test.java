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

class VerdictAssert_isBlockedAtEgress_Test {
  private final Reachability engine = Reachability.of(Fixtures.withMissingGroup());

  @Test
  void should_pass_when_the_sender_blocks() {
    // GIVEN
    Verdict verdict = engine.reach(eni("eni-db"), eni("eni-web"), tcp(443));
    // WHEN/THEN
    assertThat(verdict).isBlockedAtEgress();
  }

  @Test
  void should_fail_when_allowed() {
    // GIVEN
    Verdict verdict = engine.reach(eni("eni-web"), eni("eni-db"), tcp(5432));
    // WHEN
    AssertionError error = expectAssertionError(() -> assertThat(verdict).isBlockedAtEgress());
    // THEN
    then(error).hasMessage(shouldBeBlockedAt(verdict, Direction.EGRESS).create());
  }
}
