package dev.sgreach.testkit;

import static dev.sgreach.testkit.Expect.expectAssertionError;
import static dev.sgreach.testkit.SgreachAssertions.*;
import static org.assertj.core.api.BDDAssertions.then;

import static dev.sgreach.testkit.error.ShouldExposeToInternetOnly.shouldExposeToInternetOnly;

import dev.sgreach.engine.Reachability;
import dev.sgreach.model.Network;
import dev.sgreach.testkit.error.ExposureFinding;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EndpointAssert_exposesToInternetOnly_Test {
  private final Network network = Fixtures.threeTier();
  private final Reachability engine = Reachability.of(network);

  @Test
  void should_pass_when_the_internet_opens_exactly_the_traffic() {
    assertThat(network).endpoint(eni("eni-web")).exposesToInternetOnly(tcp(80), tcp(443));
  }

  @Test
  void should_fail_when_an_eni_is_not_exposed_at_all() {
    // WHEN
    AssertionError error = expectAssertionError(
        () -> assertThat(network).endpoint(eni("eni-db")).exposesToInternetOnly(tcp(443)));
    // THEN
    ExposureFinding finding = new ExposureFinding(network.networkInterface("eni-db").orElseThrow(),
        Optional.empty(), List.of(tcp(443)), "");
    then(error).hasMessage(shouldExposeToInternetOnly(eni("eni-db"), List.of(tcp(443)), List.of(finding)).create());
  }

  @Test
  void should_fail_with_the_literal_message() {
    // WHEN
    AssertionError error = expectAssertionError(
        () -> assertThat(network).endpoint(eni("eni-web")).exposesToInternetOnly(tcp(443), tcp(8443)));
    // THEN
    then(error).hasMessage("""

        subject       : eni-web
        expected only : tcp/443, tcp/8443

        exposed       : eni-web (10.0.1.5)
        open          : tcp 80, 443
        not open      : tcp/8443
        unexpected    : tcp 80
        ingress rule  : sg-web (web): ingress tcp 443 from 0.0.0.0/0 "https"
        ingress rule  : sg-web (web): ingress tcp 80 from 0.0.0.0/0 "http"
        public address: no
        """);
    then(engine.exposure(eni("eni-web")).interfaces()).hasSize(1);
  }
}
