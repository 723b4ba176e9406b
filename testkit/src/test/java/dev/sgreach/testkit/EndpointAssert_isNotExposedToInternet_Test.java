package dev.sgreach.testkit;

import static dev.sgreach.testkit.Expect.expectAssertionError;
import static dev.sgreach.testkit.SgreachAssertions.*;
import static org.assertj.core.api.BDDAssertions.then;

import static dev.sgreach.testkit.error.ShouldNotBeExposedToInternet.shouldNotBeExposedToInternet;

import dev.sgreach.engine.Reachability;
import dev.sgreach.model.Network;
import org.junit.jupiter.api.Test;

class EndpointAssert_isNotExposedToInternet_Test {
  private final Network network = Fixtures.threeTier();

  @Test
  void should_pass_when_no_inbound_rule_admits_a_public_block() {
    assertThat(network).endpoint(eni("eni-db")).isNotExposedToInternet();
    assertThat(network).endpoint(securityGroup("sg-app")).isNotExposedToInternet();
  }

  @Test
  void should_fail_with_what_is_open_and_through_which_rules() {
    // WHEN
    AssertionError error = expectAssertionError(
        () -> assertThat(network).endpoint(eni("eni-web")).isNotExposedToInternet());
    // THEN
    then(error).hasMessage(
        shouldNotBeExposedToInternet("eni-web", Reachability.of(network).exposure(eni("eni-web"))).create());
  }

  @Test
  void should_fail_with_the_literal_message() {
    // WHEN
    AssertionError error = expectAssertionError(
        () -> assertThat(network).endpoint(securityGroup("sg-web")).isNotExposedToInternet());
    // THEN
    then(error).hasMessage("""

        subject       : sg-web
        expected      : not exposed to the internet
        but was       : exposed on 1 network interface(s)

        exposed       : eni-web (10.0.1.5)
        open          : tcp 80, 443
        ingress rule  : sg-web (web): ingress tcp 443 from 0.0.0.0/0 "https"
        ingress rule  : sg-web (web): ingress tcp 80 from 0.0.0.0/0 "http"
        public address: no
        """);
  }
}
