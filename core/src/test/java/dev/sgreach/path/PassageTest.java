package dev.sgreach.path;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sgreach.engine.Outcome;
import dev.sgreach.model.Layer;
import dev.sgreach.model.Network;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * {@link PacketPaths#passage} and {@link PacketPaths#mayTranslateSource} on seeded random networks: the passage's
 * outcome is the fast answer, its seen source the explained verdict's, and whenever the source may not be translated
 * the destination sees the sender's own address. {@link PacketPaths#of(Network, Set)} restricts the layers.
 */
class PassageTest {
  @Test
  void the_passage_agrees_with_the_walk_and_a_source_kept_untranslated_is_seen_as_it_is() {
    int kept = 0;
    int translated = 0;
    for (long seed = 1; seed <= 200; seed++) {
      RandomPathNetworks g = new RandomPathNetworks(seed);
      Network n = g.network();
      PacketPaths paths = PacketPaths.of(n);
      for (int q = 0; q < 30; q++) {
        RandomPathNetworks.Query x = g.query();
        PacketPaths.Passage p = paths.passage(x.from(), x.to(), x.traffic(), x.clientPorts());
        PathVerdict v = paths.check(x.from(), x.to(), x.traffic(), x.clientPorts());
        String where = "seed " + seed + ": " + x;
        assertThat(p.outcome()).as(where).isEqualTo(v.outcome());
        assertThat(p.sourceAsSeen()).as(where).isEqualTo(v.sourceAsSeen());
        if (!paths.mayTranslateSource(x.from(), x.to()) && p.sourceAsSeen().isPresent()) {
          assertThat(p.sourceAsSeen()).as(where).contains(x.from().address());
          kept++;
        } else if (p.sourceAsSeen().filter(s -> !s.equals(x.from().address())).isPresent()) {
          translated++;
        }
      }
    }
    assertThat(kept).isGreaterThan(100);
    assertThat(translated).isGreaterThan(20);
  }

  @Test
  void layers_left_out_are_not_judged() {
    for (long seed = 1; seed <= 60; seed++) {
      RandomPathNetworks g = new RandomPathNetworks(seed);
      Network n = g.network();
      PacketPaths none = PacketPaths.of(n, EnumSet.of(Layer.SECURITY_GROUPS));
      PacketPaths aclsOnly = PacketPaths.of(n, EnumSet.of(Layer.NETWORK_ACLS));
      assertThat(none.layers()).isEmpty();
      assertThat(aclsOnly.layers()).isSubsetOf(Layer.NETWORK_ACLS);
      for (int q = 0; q < 20; q++) {
        RandomPathNetworks.Query x = g.query();
        assertThat(none.outcome(x.from(), x.to(), x.traffic(), x.clientPorts())).isEqualTo(Outcome.ALLOWED);
        PathVerdict v = aclsOnly.check(x.from(), x.to(), x.traffic(), x.clientPorts());
        assertThat(v.hops()).as("seed %d: %s", seed, x).noneMatch(h -> h.step() == Hop.Step.ROUTE);
      }
    }
  }
}
