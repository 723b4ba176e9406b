package dev.sgreach.testkit;

import static dev.sgreach.testkit.Expect.expectAssertionError;
import static dev.sgreach.testkit.SgreachAssertions.assertThat;
import static dev.sgreach.testkit.SgreachAssertions.eni;
import static dev.sgreach.testkit.SgreachAssertions.securityGroup;
import static dev.sgreach.testkit.SgreachAssertions.tcp;
import static dev.sgreach.testkit.error.ShouldHaveCoverage.shouldHaveCoverage;
import static org.assertj.core.api.BDDAssertions.then;

import dev.sgreach.engine.Coverage;
import dev.sgreach.engine.Endpoint;
import dev.sgreach.engine.Outcome;
import dev.sgreach.engine.Reachability;
import dev.sgreach.engine.Verdict;
import dev.sgreach.model.Direction;
import java.util.List;
import org.junit.jupiter.api.Test;

class VerdictAssert_isAllowedForSome_Test {
  private final Reachability engine = Reachability.of(Fixtures.withMissingGroup());

  @Test
  void should_pass_when_some_member_flows_are_allowed() {
    // GIVEN
    Endpoint webAndApp = Endpoint.group("web and app", List.of(eni("eni-web"), eni("eni-app")));
    Verdict verdict = engine.reach(webAndApp, eni("eni-db"), tcp(5432));
    // WHEN/THEN
    assertThat(verdict).isAllowedForSome();
  }

  @Test
  void should_fail_when_all_member_flows_are_allowed() {
    // GIVEN
    Verdict verdict = engine.reach(securityGroup("sg-app"), eni("eni-db"), tcp(5433));
    // WHEN
    AssertionError error = expectAssertionError(() -> assertThat(verdict).isAllowedForSome());
    // THEN
    then(error).hasMessage(shouldHaveCoverage(verdict, Coverage.SOME).create());
  }
}
