package dev.sgreach.path;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sgreach.model.Cidr;
import dev.sgreach.model.NetworkAcl;
import dev.sgreach.model.Network;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link AclTable#allowsAll}, the fast path's boolean, equals {@code decide(...).equals(keys)}, the proof's key sets,
 * on every ACL of seeded random networks, for random peers, protocols and key sets (single keys, ranges, several
 * ranges).
 */
class AclTableTest {
  private static final List<String> PEERS = List.of("10.0.0.10", "10.1.0.10", "10.2.1.7", "10.0.1.200", "8.8.8.8",
      "3.3.3.3", "52.217.1.1", "54.1.2.3", "192.168.0.1", "2600:1f00::10", "2600:1f01::1:5", "2001:db8::1", "::1");
  private static final int[] PROTOCOLS = {6, 17, 1, 58, 50, 47};

  @Test
  void the_fast_boolean_equals_the_proofs_key_sets() {
    int compared = 0;
    for (long seed = 1; seed <= 80; seed++) {
      Network n = new RandomPathNetworks(seed).network();
      Random r = new Random(seed);
      for (NetworkAcl acl : n.networkAcls().values()) {
        AclTable table = new AclTable(acl);
        for (int q = 0; q < 40; q++) {
          boolean egress = r.nextBoolean();
          int proto = PROTOCOLS[r.nextInt(PROTOCOLS.length)];
          Cidr peer = Cidr.parseAddress(PEERS.get(r.nextInt(PEERS.size())));
          PortSet keys = keys(r);
          boolean all = table.decide(egress, proto, peer, keys, null).equals(keys);
          assertThat(table.allowsAll(egress, proto, peer, keys))
              .as("seed %d, %s %s proto %d peer %s keys %s", seed, acl.id(), egress ? "out" : "in", proto, peer, keys)
              .isEqualTo(all);
          compared++;
        }
      }
    }
    assertThat(compared).isGreaterThan(1000);
  }

  private static PortSet keys(Random r) {
    int[] edges = {0, 1, 21, 22, 23, 53, 443, 1023, 1024, 32767, 32768, 40000, 49151, 49152, 50000, 61000, 65534,
        65535};
    return switch (r.nextInt(3)) {
      case 0 -> PortSet.single(edges[r.nextInt(edges.length)]);
      case 1 -> range(r, edges);
      default -> range(r, edges).union(range(r, edges));
    };
  }

  private static PortSet range(Random r, int[] edges) {
    int a = edges[r.nextInt(edges.length)];
    int b = edges[r.nextInt(edges.length)];
    return PortSet.of(Math.min(a, b), Math.max(a, b));
  }
}
