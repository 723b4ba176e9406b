package dev.sgreach.testkit;

import static dev.sgreach.testkit.SgreachAssertions.*;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sgreach.model.Network;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code canReach(x)} and {@code cannotReach(x)} check nothing until finished with {@code on(...)}: a chain left
 * unfinished must not pass silently. It fails at the next sgreach assertion (and, with {@code @SgreachSnapshot}, at
 * the end of the test).
 */
class UnfinishedChain_Test {
  private final Network network = Fixtures.threeTier();

  @AfterEach
  void nothing_left_open() {
    Unfinished.check();
  }

  @Test
  void a_can_reach_chain_without_on_fails_at_the_next_assertion_naming_where_it_started() {
    assertThat(network).endpoint(eni("eni-web")).canReach(eni("eni-db")); // checks nothing
    assertThatThrownBy(() -> assertThat(network))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("canReach(eni-db) from eni-web started at UnfinishedChain_Test.java:")
        .hasMessageContaining("never finished with .on(...) or .onlyOn(...): it checks nothing");
  }

  @Test
  void a_cannot_reach_chain_without_on_fails_at_the_end_of_the_test() {
    assertThat(network).endpoint(eni("eni-db")).cannotReach(eni("eni-web"));
    assertThatThrownBy(() -> new SgreachExtension().afterEach(null))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("cannotReach(eni-web) from eni-db")
        .hasMessageContaining(".on(...) or .onAnyPort()");
  }

  @Test
  void finished_chains_leave_nothing_open() {
    assertThat(network).endpoint(eni("eni-web")).canReach(eni("eni-app")).on(tcp(8080));
    assertThat(network).endpoint(eni("eni-db")).cannotReach(eni("eni-web")).onAnyPort();
  }
}
