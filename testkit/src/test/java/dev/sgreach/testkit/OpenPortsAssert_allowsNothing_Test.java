package dev.sgreach.testkit;

import static dev.sgreach.testkit.Expect.expectAssertionError;
import static dev.sgreach.testkit.SgreachAssertions.*;
import static org.assertj.core.api.BDDAssertions.then;

import static dev.sgreach.testkit.error.ShouldAllowNothing.shouldAllowNothing;

import dev.sgreach.engine.OpenPorts;
import dev.sgreach.engine.Reachability;
import org.junit.jupiter.api.Test;

class OpenPortsAssert_allowsNothing_Test {
  private final Reachability engine = Reachability.of(Fixtures.threeTier());

  @Test
  void should_pass_when_nothing_is_open() {
    assertThat(engine.openPorts(eni("eni-db"), eni("eni-web"))).allowsNothing();
  }

  @Test
  void should_fail_with_what_is_open() {
    // GIVEN
    OpenPorts open = engine.openPorts(eni("eni-web"), eni("eni-app"));
    // WHEN
    AssertionError error = expectAssertionError(() -> assertThat(open).allowsNothing());
    // THEN
    then(error).hasMessage(shouldAllowNothing(open).create());
    then(error).hasMessage("""

        expected open: nothing
        but was      : tcp 8080
        """);
  }
}
