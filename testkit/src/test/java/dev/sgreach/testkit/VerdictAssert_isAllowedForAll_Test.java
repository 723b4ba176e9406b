package dev.sgreach.testkit;

import static dev.sgreach.testkit.Expect.expectAssertionError;
import static dev.sgreach.testkit.SgreachAssertions.assertThat;
import static dev.sgreach.testkit.SgreachAssertions.eni;
import static dev.sgreach.testkit.SgreachAssertions.securityGroup;
import static dev.sgreach.testkit.SgreachAssertions.tcp;
import static dev.sgreach.testkit.error.ShouldHaveCoverage.shouldHaveCoverage;
import static org.assertj.core.api.BDDAssertions.then;

import dev.sgreach.engine.Coverage;
import dev.sgreach.engine.Outcome;
import dev.sgreach.engine.Reachability;
import dev.sgreach.engine.Verdict;
import dev.sgreach.model.Direction;
import org.junit.jupiter.api.Test;

class VerdictAssert_isAllowedForAll_Test {
  private final Reachability engine = Reachability.of(Fixtures.withMissingGroup());

  @Test
  void should_pass_when_every_member_flow_is_allowed() {
    // GIVEN
    Verdict verdict = engine.reach(securityGroup("sg-app"), eni("eni-db"), tcp(5433));
    // WHEN/THEN
    assertThat(verdict).isAllowedForAll();
  }

  @Test
  void should_fail_when_no_member_flow_is_allowed() {
    // GIVEN
    Verdict verdict = engine.reach(securityGroup("sg-app"), eni("eni-db"), tcp(5432));
    // WHEN
    AssertionError error = expectAssertionError(() -> assertThat(verdict).isAllowedForAll());
    // THEN
    then(error).hasMessage(shouldHaveCoverage(verdict, Coverage.ALL).create());
  }
}
