package dev.sgreach.testkit;

import static dev.sgreach.testkit.Expect.expectAssertionError;
import static dev.sgreach.testkit.SgreachAssertions.*;
import static org.assertj.core.api.BDDAssertions.then;

import static org.assertj.core.api.Assertions.catchThrowable;

import dev.sgreach.engine.Endpoint;
import dev.sgreach.model.Network;
import org.junit.jupiter.api.Test;

class NetworkAssert_endpoint_Test {
  private final Network network = Fixtures.threeTier();

  @Test
  void should_pass_through_to_the_endpoint_assertions() {
    assertThat(network).endpoint("eni-web").canReach(endpoint("eni-app")).on(tcp(8080));
  }

  @Test
  void should_fail_for_a_null_network() {
    // WHEN
    AssertionError error = expectAssertionError(() -> assertThat((Network) null).endpoint(eni("eni-web")));
    // THEN
    then(error).hasMessageContaining("Expecting actual not to be null");
  }

  @Test
  void should_refuse_an_endpoint_missing_from_the_snapshot() {
    // WHEN
    Throwable thrown = catchThrowable(() -> assertThat(network).endpoint(eni("eni-nope")));
    // THEN
    then(thrown).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("no network interface eni-nope in the snapshot");
  }

  @Test
  void should_refuse_a_null_endpoint() {
    // WHEN
    Throwable thrown = catchThrowable(() -> assertThat(network).endpoint((Endpoint) null));
    // THEN
    then(thrown).isInstanceOf(NullPointerException.class).hasMessageStartingWith("endpoint must not be null");
  }
}
