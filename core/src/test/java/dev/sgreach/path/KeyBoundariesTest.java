package dev.sgreach.path;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sgreach.engine.Outcome;
import dev.sgreach.model.Network;
import dev.sgreach.model.Protocol;
import dev.sgreach.model.Traffic;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link PacketPaths#keyBoundaries}: on seeded random networks, every key of a segment gets the answer of the
 * segment's first key, for random ends, protocols and keys (the promise that lets open ports and exposure walk once
 * per segment instead of once per port).
 */
class KeyBoundariesTest {
  private static final int NETWORKS = 120;

  @Test
  void every_key_of_a_segment_gets_the_answer_of_its_first_key() {
    for (long seed = 1; seed <= NETWORKS; seed++) {
      RandomPathNetworks g = new RandomPathNetworks(seed);
      Network n = g.network();
      PacketPaths paths = PacketPaths.of(n);
      Random r = new Random(seed);
      for (int q = 0; q < 40; q++) {
        RandomPathNetworks.Query query = g.query();
        Protocol p = switch (r.nextInt(4)) {
          case 0 -> Protocol.TCP;
          case 1 -> Protocol.UDP;
          case 2 -> Protocol.ICMP;
          default -> Protocol.ICMPV6;
        };
        int family = query.from().address().family();
        if (p.equals(Protocol.ICMP) && family == 6 || p.equals(Protocol.ICMPV6) && family == 4) {
          continue;
        }
        int[] b = paths.keyBoundaries(p);
        assertThat(b[0]).isZero();
        int[] interesting = {0, 22, 52, 53, 54, 79, 80, 81, 443, 1023, 1024, 32767, 32768, 61000, 65535, 2048, 2049,
            768, 772, 32768 + 1};
        int key = switch (r.nextInt(3)) {
          case 0 -> r.nextInt(65536);
          case 1 -> interesting[r.nextInt(interesting.length)];
          default -> { // the last key of a random segment
            int j = r.nextInt(b.length);
            yield j + 1 < b.length ? b[j + 1] - 1 : 65535;
          }
        };
        int segment = java.util.Arrays.binarySearch(b, key);
        int start = segment >= 0 ? b[segment] : b[-segment - 2];
        Outcome atStart = paths.outcome(query.from(), query.to(), traffic(p, start), query.clientPorts());
        Outcome atKey = paths.outcome(query.from(), query.to(), traffic(p, key), query.clientPorts());
        assertThat(atKey).as("seed %d: %s on %s key %d (segment from %d)", seed, query, p, key, start)
            .isEqualTo(atStart);
      }
    }
  }

  @Test
  void from_the_internet_the_destination_subnets_acl_alone_cuts_the_keys() {
    int judged = 0;
    for (long seed = 1; seed <= NETWORKS; seed++) {
      RandomPathNetworks g = new RandomPathNetworks(seed);
      Network n = g.network();
      PacketPaths paths = PacketPaths.of(n);
      Random r = new Random(seed * 31);
      for (int q = 0; q < 40; q++) {
        RandomPathNetworks.Query query = g.query();
        if (query.to().eni().isEmpty() || query.to().address().isIpv6()) {
          continue;
        }
        PathEnd from = PathEnd.outside(query.from().address().isIpv4() ? "8.8.4.4" : "2600:1f00::99");
        if (from.address().family() != query.to().address().family()) {
          continue;
        }
        Protocol p = r.nextBoolean() ? Protocol.TCP : Protocol.UDP;
        int[] b = paths.keyBoundariesFromInternet(p, query.to());
        int key = r.nextInt(65536);
        int segment = java.util.Arrays.binarySearch(b, key);
        int start = segment >= 0 ? b[segment] : b[-segment - 2];
        Outcome atStart = paths.outcome(from, query.to(), traffic(p, start), query.clientPorts());
        Outcome atKey = paths.outcome(from, query.to(), traffic(p, key), query.clientPorts());
        assertThat(atKey).as("seed %d: %s -> %s on %s key %d (segment from %d)", seed, from, query.to(), p, key,
            start).isEqualTo(atStart);
        judged++;
      }
    }
    assertThat(judged).isGreaterThan(500);
  }

  private static Traffic traffic(Protocol p, int key) {
    return switch (p.number()) {
      case 6 -> Traffic.tcp(key);
      case 17 -> Traffic.udp(key);
      case 1 -> Traffic.icmp(key / 256, key % 256);
      default -> Traffic.icmpv6(key / 256, key % 256);
    };
  }
}
