package dev.sgreach.testkit;

import static dev.sgreach.testkit.Expect.expectAssertionError;
import static dev.sgreach.testkit.SgreachAssertions.*;
import static org.assertj.core.api.BDDAssertions.then;

import static dev.sgreach.testkit.error.ShouldReachOnlyOn.shouldReachOnlyOn;

import dev.sgreach.engine.Member;
import dev.sgreach.engine.Reachability;
import dev.sgreach.model.Network;
import dev.sgreach.model.NetworkInterface;
import dev.sgreach.model.Peer;
import dev.sgreach.model.Ports;
import dev.sgreach.testkit.error.PortsFinding;
import java.util.List;
import org.junit.jupiter.api.Test;

class EndpointAssert_canReachOnlyOn_Test {
  private final Network network = Fixtures.threeTier();
  private final Reachability engine = Reachability.of(network);

  @Test
  void should_pass_when_exactly_the_traffic_is_open() {
    assertThat(network).endpoint(eni("eni-web")).canReachOnlyOn(eni("eni-db"), tcp(5432))
        .canReachOnlyOn(eni("eni-app"), tcp(8080));
  }

  @Test
  void should_fail_when_more_is_open() {
    // WHEN
    AssertionError error = expectAssertionError(
        () -> assertThat(network).endpoint(eni("eni-web")).canReachOnlyOn(eni("eni-db"), tcp(5433)));
    // THEN
    Member web = engine.resolve(eni("eni-web")).get(0);
    Member db = engine.resolve(eni("eni-db")).get(0);
    PortsFinding finding = new PortsFinding(web, db, engine.openPorts(web, db), List.of(tcp(5433)), "tcp 5432",
        List.of(engine.reach(eni("eni-web"), eni("eni-db"), tcp(5433)).flows().get(0),
            engine.reach(eni("eni-web"), eni("eni-db"), tcp(5432)).flows().get(0)));
    then(error).hasMessage(
        shouldReachOnlyOn(eni("eni-web"), eni("eni-db"), List.of(tcp(5433)), List.of(finding)).create());
  }

  @Test
  void should_prove_what_is_open_through_a_delegated_prefix_as_open() {
    // GIVEN a node whose pods send from its delegated prefix, and a database that admits ssh from that prefix
    Network withPrefix = Network.builder()
        .add(Fixtures.sg("sg-node").allowOut(Ports.allTraffic(), Fixtures.ANY4).build())
        .add(Fixtures.sg("sg-db").allowIn(Ports.tcp(5432), Peer.group("sg-node"), "from nodes")
            .allowIn(Ports.tcp(22), Peer.cidr("10.0.9.16/28"), "from the node's pods").build())
        .add(NetworkInterface.builder("eni-node").vpc("vpc-1").address("10.0.0.5").prefix("10.0.9.16/28")
            .groups("sg-node").build())
        .add(Fixtures.eni("eni-db", "10.0.2.7", "sg-db"))
        .build();
    // WHEN
    AssertionError error = expectAssertionError(
        () -> assertThat(withPrefix).endpoint(eni("eni-node")).canReachOnlyOn(eni("eni-db"), tcp(5432)));
    // THEN tcp/22 is open beyond the expected traffic, and its proof is the rule that opens it, not a fix
    then(error.getMessage())
        .contains("unexpected   : tcp 22")
        .contains("proof        : tcp/22 allowed")
        .contains("from the node's pods")
        .doesNotContain("tcp/22 denied")
        .doesNotContain("fix");
  }
}
