package dev.sgreach.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sgreach.model.Network;
import dev.sgreach.model.NetworkInterface;
import dev.sgreach.model.Traffic;
import dev.sgreach.model.Warning;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A verdict carries the network's warnings about its two ENIs and every group they carry (missing groups among them),
 * each once, in the network's order: the engine reads them per ENI position; here they are picked from the network's
 * list by subject, on seeded random networks (missing groups and stale references give them warnings).
 */
class VerdictWarningsTest {

  @Test
  void a_verdicts_warnings_are_those_about_its_enis_and_their_groups() {
    int withWarnings = 0;
    for (long seed = 1; seed <= 150; seed++) {
      Network n = RandomNetworks.generate(seed);
      Reachability r = Reachability.of(n);
      List<NetworkInterface> enis = new ArrayList<>(n.interfaces().values());
      for (NetworkInterface a : enis) {
        for (NetworkInterface b : enis) {
          Set<String> subjects = new HashSet<>(a.securityGroupIds());
          subjects.addAll(b.securityGroupIds());
          subjects.add(a.id());
          subjects.add(b.id());
          List<Warning> expected = n.warnings().stream().filter(w -> subjects.contains(w.subject())).toList();
          List<Warning> got = r.reach(Endpoint.eni(a.id()), Endpoint.eni(b.id()), Traffic.tcp(443)).warnings();
          assertThat(got).as("seed %d, %s -> %s", seed, a.id(), b.id()).containsExactlyElementsOf(expected);
          withWarnings += expected.isEmpty() ? 0 : 1;
        }
      }
    }
    assertThat(withWarnings).as("pairs with warnings to carry").isGreaterThan(100);
  }
}
