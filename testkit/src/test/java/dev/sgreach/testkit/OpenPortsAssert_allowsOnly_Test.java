package dev.sgreach.testkit;

import static dev.sgreach.testkit.Expect.expectAssertionError;
import static dev.sgreach.testkit.SgreachAssertions.*;
import static org.assertj.core.api.BDDAssertions.then;

import static dev.sgreach.testkit.error.ShouldAllowOnly.shouldAllowOnly;

import dev.sgreach.engine.OpenPorts;
import dev.sgreach.engine.Reachability;
import java.util.List;
import org.junit.jupiter.api.Test;

class OpenPortsAssert_allowsOnly_Test {
  private final Reachability engine = Reachability.of(Fixtures.withMissingGroup());

  @Test
  void should_pass_when_exactly_the_traffic_is_open() {
    assertThat(engine.openPorts(eni("eni-web"), eni("eni-db"))).allowsOnly(tcp(5432));
  }

  @Test
  void should_fail_when_something_else_is_open() {
    // GIVEN
    OpenPorts open = engine.openPorts(eni("eni-web"), eni("eni-db"));
    // WHEN
    AssertionError error = expectAssertionError(() -> assertThat(open).allowsOnly(tcp(5433)));
    // THEN
    then(error).hasMessage(shouldAllowOnly(open, List.of(tcp(5433)), List.of(tcp(5433)), "tcp 5432").create());
  }

  @Test
  void should_fail_when_traffic_is_unknown() {
    // GIVEN
    OpenPorts open = engine.openPorts(eni("eni-legacy"), eni("eni-web"));
    // WHEN
    AssertionError error = expectAssertionError(() -> assertThat(open).allowsOnly(tcp(443), tcp(80)));
    // THEN
    then(error).hasMessage("""

        open         : unknown tcp 80, 443
        expected only: tcp/443, tcp/80
        not open     : tcp/443, tcp/80
        """);
  }

  @Test
  void should_fail_with_the_literal_message() {
    // GIVEN
    OpenPorts open = engine.openPorts(address("203.0.113.9"), eni("eni-web"));
    // WHEN
    AssertionError error = expectAssertionError(() -> assertThat(open).allowsOnly(tcp(443), udp(53)));
    // THEN
    then(error).hasMessage("""

        open         : tcp 80, 443
        expected only: tcp/443, udp/53
        not open     : udp/53
        unexpected   : tcp 80
        """);
  }
}
