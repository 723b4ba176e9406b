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

class CanReachAssert_onlyOn_Test {
  private final Network network = Fixtures.threeTier();
  private final Reachability engine = Reachability.of(network);

  @Test
  void should_pass_when_exactly_the_traffic_is_open() {
    assertThat(network).endpoint(eni("eni-web")).canReach(eni("eni-app")).onlyOn(tcp(8080));
  }

  @Test
  void should_fail_when_more_is_open() {
    // WHEN
    AssertionError error = expectAssertionError(
        () -> assertThat(network).endpoint(address("203.0.113.9")).canReach(eni("eni-web")).onlyOn(tcp(443)));
    // THEN
    Member outside = engine.resolve(address("203.0.113.9")).get(0);
    Member web = engine.resolve(eni("eni-web")).get(0);
    PortsFinding finding = new PortsFinding(outside, web, engine.openPorts(outside, web), List.of(), "tcp 80",
        List.of(engine.reach(address("203.0.113.9"), eni("eni-web"), tcp(80)).flows().get(0)));
    then(error).hasMessage(
        shouldReachOnlyOn(address("203.0.113.9"), eni("eni-web"), List.of(tcp(443)), List.of(finding)).create());
  }

  @Test
  void should_fail_when_expected_traffic_is_not_open() {
    // WHEN
    AssertionError error = expectAssertionError(() -> assertThat(network).endpoint(eni("eni-web"))
        .canReach(eni("eni-app")).onlyOn(tcp(8080), tcp(8443)));
    // THEN
    then(error).hasMessage("""

        from         : eni-web
        to           : eni-app
        expected only: tcp/8080, tcp/8443

        members      : eni-web (10.0.1.5) -> eni-app (10.0.3.3)
        open         : tcp 8080
        not open     : tcp/8443
        proof        : tcp/8443 denied
        flow         : eni-web (10.0.1.5) -> eni-app (10.0.3.3)
        egress rule  : sg-web (web): egress all traffic to 0.0.0.0/0
        blocked at   : ingress of eni-app (10.0.3.3 <- 10.0.1.5)
        near miss    : sg-app (app): ingress tcp 8080 from sg-web: port 8443 is outside 8080
        fix          : add to sg-app (app): ingress tcp 8443 from sg-web "sgreach fix: tcp/8443 from sg-web"
        fix command  : aws ec2 authorize-security-group-ingress --group-id sg-app --ip-permissions \
        'IpProtocol=tcp,FromPort=8443,ToPort=8443,UserIdGroupPairs=[{GroupId=sg-web,Description="sgreach fix: \
        tcp/8443 from sg-web"}]'
        """);
  }
}
