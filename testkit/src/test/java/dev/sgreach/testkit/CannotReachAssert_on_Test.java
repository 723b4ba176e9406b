package dev.sgreach.testkit;

import static dev.sgreach.testkit.Expect.expectAssertionError;
import static dev.sgreach.testkit.SgreachAssertions.*;
import static org.assertj.core.api.BDDAssertions.then;

import static dev.sgreach.testkit.error.ShouldNotReach.shouldNotReach;

import dev.sgreach.engine.Reachability;
import dev.sgreach.model.Network;
import java.util.List;
import org.junit.jupiter.api.Test;

class CannotReachAssert_on_Test {
  private final Network network = Fixtures.withMissingGroup();
  private final Reachability engine = Reachability.of(network);

  @Test
  void should_pass_when_every_traffic_is_denied() {
    assertThat(network).endpoint(eni("eni-db")).cannotReach(eni("eni-web")).on(tcp(443), udp(53));
  }

  @Test
  void should_fail_when_a_traffic_is_allowed() {
    // WHEN
    AssertionError error = expectAssertionError(
        () -> assertThat(network).endpoint(eni("eni-web")).cannotReach(eni("eni-db")).on(tcp(22), tcp(5432)));
    // THEN
    then(error).hasMessage("""

        from          : eni-web
        to            : eni-db

        traffic       : tcp/5432
        expected      : denied
        but was       : allowed
        flow          : eni-web (10.0.1.5) -> eni-db (10.0.2.7)
        egress rule   : sg-web (web): egress all traffic to 0.0.0.0/0
        ingress rule  : sg-db (db): ingress tcp 5432 from sg-web "from web"
        revoke command: aws ec2 revoke-security-group-ingress --group-id sg-db --ip-permissions \
        'IpProtocol=tcp,FromPort=5432,ToPort=5432,UserIdGroupPairs=[{GroupId=sg-web}]'
        """);
  }

  /** No name or description from the snapshot can start a line of its own or recolour a terminal in a message. */
  @Test
  void should_escape_control_characters_from_the_snapshot() {
    // GIVEN a group whose name and rule description hold a newline and terminal escapes
    dev.sgreach.model.Network hostile = network.toBuilder().replace(network.securityGroup("sg-db").orElseThrow()
        .toBuilder().name("db\u001b[31m\nexpected    : denied").clearRules()
        .allowIn(dev.sgreach.model.Ports.tcp(5432), dev.sgreach.model.Peer.group("sg-web"), "x\u001b]0;t\u0007")
        .build()).build();
    // WHEN
    AssertionError error = expectAssertionError(
        () -> assertThat(hostile).endpoint(eni("eni-web")).cannotReach(eni("eni-db")).on(tcp(5432)));
    // THEN
    then(error.getMessage()).doesNotContain("\u001b").doesNotContain("\u0007")
        .contains("ingress rule  : sg-db (db\\u001b[31m\\nexpected    : denied): ingress tcp 5432 from sg-web "
            + "\"x\\u001b]0;t\\u0007\"");
    then(error.getMessage().lines().filter(l -> l.startsWith("expected")).count()).isEqualTo(1);
  }

  @Test
  void should_fail_when_the_verdict_is_unknown() {
    // WHEN
    AssertionError error = expectAssertionError(
        () -> assertThat(network).endpoint(eni("eni-legacy")).cannotReach(eni("eni-web")).on(tcp(443)));
    // THEN
    then(error).hasMessage(shouldNotReach(eni("eni-legacy"), eni("eni-web"),
        List.of(engine.reach(eni("eni-legacy"), eni("eni-web"), tcp(443)))).create());
  }
}
