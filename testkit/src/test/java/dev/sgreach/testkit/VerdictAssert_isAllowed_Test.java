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

class VerdictAssert_isAllowed_Test {
  private final Reachability engine = Reachability.of(Fixtures.withMissingGroup());

  @Test
  void should_pass_when_every_member_flow_is_allowed() {
    // GIVEN
    Verdict verdict = engine.reach(securityGroup("sg-app"), eni("eni-db"), tcp(5433));
    // WHEN/THEN
    assertThat(verdict).isAllowed();
  }

  @Test
  void should_fail_when_denied() {
    // GIVEN
    Verdict verdict = engine.reach(eni("eni-web"), eni("eni-db"), tcp(5433));
    // WHEN
    AssertionError error = expectAssertionError(() -> assertThat(verdict).isAllowed());
    // THEN
    then(error).hasMessage(shouldHaveOutcome(verdict, Outcome.ALLOWED).create());
  }

  @Test
  void should_fail_with_the_literal_message() {
    // GIVEN
    Verdict verdict = engine.reach(eni("eni-db"), eni("eni-web"), tcp(443));
    // WHEN
    AssertionError error = expectAssertionError(() -> assertThat(verdict).isAllowed());
    // THEN
    then(error).hasMessage("""

        from        : eni-db
        to          : eni-web
        traffic     : tcp/443
        expected    : allowed
        but was     : denied
        flow        : eni-db (10.0.2.7) -> eni-web (10.0.1.5)
        blocked at  : egress of eni-db (10.0.2.7 -> 10.0.1.5)
        near miss   : none
        ingress rule: sg-web (web): ingress tcp 443 from 0.0.0.0/0 "https"
        fix         : add to sg-db (db): egress tcp 443 to sg-web "sgreach fix: tcp/443 to sg-web"
        fix command : aws ec2 authorize-security-group-egress --group-id sg-db --ip-permissions \
        'IpProtocol=tcp,FromPort=443,ToPort=443,UserIdGroupPairs=[{GroupId=sg-web,Description="sgreach fix: tcp/443 \
        to sg-web"}]'
        """);
  }
}
