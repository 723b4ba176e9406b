package dev.sgreach.testkit;

import static dev.sgreach.testkit.Expect.expectAssertionError;
import static dev.sgreach.testkit.SgreachAssertions.*;
import static org.assertj.core.api.BDDAssertions.then;

import static dev.sgreach.testkit.error.ShouldAllow.shouldAllow;

import dev.sgreach.engine.OpenPorts;
import dev.sgreach.engine.Reachability;
import java.util.List;
import org.junit.jupiter.api.Test;

class OpenPortsAssert_allows_Test {
  private final Reachability engine = Reachability.of(Fixtures.threeTier());

  @Test
  void should_pass_when_every_traffic_is_open() {
    assertThat(engine.openPorts(address("203.0.113.9"), eni("eni-web"))).allows(tcp(443), tcp(80));
  }

  @Test
  void should_fail_naming_the_traffic_that_is_not_open() {
    // GIVEN
    OpenPorts open = engine.openPorts(address("203.0.113.9"), eni("eni-web"));
    // WHEN
    AssertionError error = expectAssertionError(() -> assertThat(open).allows(tcp(443), udp(53)));
    // THEN
    then(error).hasMessage(shouldAllow(open, List.of(tcp(443), udp(53)), List.of(udp(53))).create());
    then(error).hasMessage("""

        open         : tcp 80, 443
        expected open: tcp/443, udp/53
        but not open : udp/53
        """);
  }
}
