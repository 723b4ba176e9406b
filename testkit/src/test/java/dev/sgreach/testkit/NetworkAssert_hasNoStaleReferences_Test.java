package dev.sgreach.testkit;

import static dev.sgreach.testkit.Expect.expectAssertionError;
import static dev.sgreach.testkit.SgreachAssertions.*;
import static org.assertj.core.api.BDDAssertions.then;

import static dev.sgreach.testkit.error.ShouldHaveNoStaleReferences.shouldHaveNoStaleReferences;

import dev.sgreach.model.Network;
import dev.sgreach.model.Warning;
import org.junit.jupiter.api.Test;

class NetworkAssert_hasNoStaleReferences_Test {

  @Test
  void should_pass_when_every_referenced_group_is_in_the_snapshot() {
    assertThat(Fixtures.threeTier()).hasNoStaleReferences();
  }

  @Test
  void should_fail_when_an_eni_carries_a_group_missing_from_the_snapshot() {
    // GIVEN
    Network network = Fixtures.withMissingGroup();
    // WHEN
    AssertionError error = expectAssertionError(() -> assertThat(network).hasNoStaleReferences());
    // THEN
    then(error).hasMessage(shouldHaveNoStaleReferences(network, network.warnings().stream()
        .filter(w -> w.kind() == Warning.Kind.MISSING_SECURITY_GROUP).toList()).create());
    then(error.getMessage()).contains("which is not in the snapshot");
  }

  @Test
  void should_fail_listing_each_stale_reference() {
    // GIVEN
    Network network = Fixtures.withStaleReference();
    // WHEN
    AssertionError error = expectAssertionError(() -> assertThat(network).hasNoStaleReferences());
    // THEN
    then(error).hasMessage(shouldHaveNoStaleReferences(network,
        network.warnings().stream().filter(w -> w.kind() == Warning.Kind.STALE_REFERENCE).toList()).create());
  }

  @Test
  void should_fail_with_the_literal_message() {
    // WHEN
    AssertionError error = expectAssertionError(
        () -> assertThat(Fixtures.withStaleReference()).hasNoStaleReferences());
    // THEN
    then(error).hasMessage("""

        network  : Network[3 security groups, 4 ENIs, 0 prefix lists, 0 VPCs, 0 peerings, 1 warnings]
        expected : no stale references
        but found: 1
        stale    : sg-db (db) has an ingress rule referencing sg-0deleted, which is not in the snapshot: \
        it matches nothing
        """);
  }
}
