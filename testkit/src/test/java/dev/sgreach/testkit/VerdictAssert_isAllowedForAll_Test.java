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

  @Test
  void should_fail_with_the_literal_message() {
    // GIVEN
    Verdict verdict = engine.reach(eni("eni-web"), securityGroup("sg-app"), tcp(8443));
    // WHEN
    AssertionError error = expectAssertionError(() -> assertThat(verdict).isAllowedForAll());
    // THEN
    then(error.getMessage()).startsWith("""

        from             : eni-web
        to               : sg-app
        traffic          : tcp/8443
        expected coverage: all
        but was          : none (0 of 2 member flows allowed)
        flows            : 2 member flows
        from             : eni-web (10.0.1.5)
        to               : eni-app (10.0.3.3), eni-app2 (10.0.3.4)
        outcome          : denied
        egress           : allowed
        blocked at       : ingress of eni-app (10.0.3.3 <- 10.0.1.5)
        near miss        : sg-app (app): ingress tcp 8080 from sg-web: port 8443 is outside 8080
        fix              : add to sg-app (app): ingress tcp 8443 from sg-web "sgreach fix: tcp/8443 from sg-web"
        fix command      : aws ec2 authorize-security-group-ingress --group-id sg-app --ip-permissions \
        'IpProtocol=tcp,FromPort=8443,ToPort=8443,UserIdGroupPairs=[{GroupId=sg-web,Description="sgreach fix: \
        tcp/8443 from sg-web"}]'
        """);
    // the two member flows end alike: one proof, and the fix they share once
    then(error.getMessage()).containsOnlyOnce("blocked at").containsOnlyOnce("fix command");
  }
}
