package dev.sgreach.testkit;

import static dev.sgreach.testkit.Expect.expectAssertionError;
import static dev.sgreach.testkit.SgreachAssertions.*;
import static org.assertj.core.api.BDDAssertions.then;

import static dev.sgreach.testkit.error.ShouldNotBeExposedToInternet.shouldNotBeExposedToInternet;

import dev.sgreach.engine.Reachability;
import dev.sgreach.model.Network;
import org.junit.jupiter.api.Test;

class NetworkAssert_isNotExposedToInternet_Test {

  @Test
  void should_pass_when_no_eni_is_exposed() {
    // GIVEN
    Network network = Fixtures.threeTier().toBuilder().removeInterface("eni-web").build();
    // WHEN/THEN
    assertThat(network).isNotExposedToInternet();
  }

  @Test
  void should_fail_listing_every_exposed_eni() {
    // GIVEN
    Network network = Fixtures.threeTier();
    // WHEN
    AssertionError error = expectAssertionError(() -> assertThat(network).isNotExposedToInternet());
    // THEN
    then(error).hasMessage(shouldNotBeExposedToInternet("network", Reachability.of(network).exposure()).create());
  }
}
