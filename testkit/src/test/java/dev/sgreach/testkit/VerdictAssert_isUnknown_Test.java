package dev.sgreach.testkit;

import static dev.sgreach.testkit.Expect.expectAssertionError;
import static dev.sgreach.testkit.SgreachAssertions.assertThat;
import static dev.sgreach.testkit.SgreachAssertions.eni;
import static dev.sgreach.testkit.SgreachAssertions.securityGroup;
import static dev.sgreach.testkit.SgreachAssertions.tcp;
import static dev.sgreach.testkit.error.ShouldHaveOutcome.shouldHaveOutcome;
import static org.assertj.core.api.BDDAssertions.then;

import dev.sgreach.engine.Coverage;
import dev.sgreach.engine.Outcome;
import dev.sgreach.engine.Reachability;
import dev.sgreach.engine.Verdict;
import dev.sgreach.model.Direction;
import org.junit.jupiter.api.Test;

class VerdictAssert_isUnknown_Test {
  private final Reachability engine = Reachability.of(Fixtures.withMissingGroup());

  @Test
  void should_pass_when_the_snapshot_lacks_a_group() {
    // GIVEN
    Verdict verdict = engine.reach(eni("eni-legacy"), eni("eni-web"), tcp(443));
    // WHEN/THEN
    assertThat(verdict).isUnknown();
  }

  @Test
  void should_fail_when_denied() {
    // GIVEN
    Verdict verdict = engine.reach(eni("eni-db"), eni("eni-web"), tcp(443));
    // WHEN
    AssertionError error = expectAssertionError(() -> assertThat(verdict).isUnknown());
    // THEN
    then(error).hasMessage(shouldHaveOutcome(verdict, Outcome.UNKNOWN).create());
  }
}
