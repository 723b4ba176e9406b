package dev.sgreach.path;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sgreach.engine.Outcome;
import dev.sgreach.model.Cidr;
import dev.sgreach.model.Network;
import dev.sgreach.model.NetworkAcl;
import dev.sgreach.model.NetworkInterface;
import dev.sgreach.model.Traffic;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link PacketPaths#internetSources}: on seeded random networks, a path from any internet address (outside the
 * snapshot's VPCs and public addresses) to an ENI gets the answer the path from the representative of that address's
 * piece of the internet gets, so that judging the representatives answers for the whole internet.
 */
class InternetSourcesTest {
  @Test
  void every_internet_source_is_answered_like_the_representative_of_its_piece() {
    int compared = 0;
    for (long seed = 1; seed <= 150; seed++) {
      RandomPathNetworks g = new RandomPathNetworks(seed);
      Network n = g.network();
      PacketPaths paths = PacketPaths.of(n);
      Random r = new Random(seed);
      List<Cidr> near = new ArrayList<>();
      for (NetworkAcl acl : n.networkAcls().values()) {
        acl.entries().forEach(e -> near.add(e.cidr()));
      }
      for (NetworkInterface e : n.interfaces().values()) {
        List<Cidr> targets = new ArrayList<>(e.publicIpv4());
        e.ipv6().forEach(targets::add);
        for (Cidr address : targets) {
          PathEnd to = PathEnd.of(e, address);
          List<Cidr> reps = paths.internetSources(to, List.of(Cidr.parse("54.0.0.0/8")));
          assertThat(reps).as("seed %d: %s", seed, to).isNotEmpty().isSorted();
          for (int q = 0; q < 6; q++) {
            Cidr src = source(r, address.family(), near);
            if (src == null || !Addresses.onInternet(src) || n.vpcs().values().stream().anyMatch(v -> v.cidrs()
                .stream().anyMatch(c -> c.contains(src))) || n.interfaces().values().stream().anyMatch(x -> x
                .publicIpv4().contains(src)) || n.natGateways().values().stream().anyMatch(x -> x.addresses()
                .stream().anyMatch(a -> a.publicIp().equals(java.util.Optional.of(src))))) {
              continue; // the snapshot's own addresses are not the internet
            }
            Cidr rep = reps.stream().filter(x -> x.compareTo(src) <= 0).reduce((a, b) -> b).orElseThrow();
            Traffic t = r.nextBoolean() ? Traffic.tcp(443) : Traffic.udp(53);
            Outcome fromSource = paths.outcome(PathEnd.outside(src), to, t, ClientPorts.ANY_CLIENT);
            Outcome fromRep = paths.outcome(PathEnd.outside(rep), to, t, ClientPorts.ANY_CLIENT);
            assertThat(fromSource).as("seed %d: from %s (piece of %s) to %s on %s", seed, src, rep, to, t)
                .isEqualTo(fromRep);
            compared++;
          }
        }
      }
    }
    assertThat(compared).isGreaterThan(200);
  }

  /** A random address of the family, often just inside or outside a block the network names. */
  private static Cidr source(Random r, int family, List<Cidr> near) {
    List<Cidr> same = near.stream().filter(c -> c.family() == family && !c.isAnywhere()).toList();
    if (family == 4) {
      long a = !same.isEmpty() && r.nextBoolean() ? same.get(r.nextInt(same.size())).low() + r.nextInt(3) - 1
          : 0x01000000L + (r.nextLong() & 0xFFFFFFFFL) % 0xDF000000L;
      a &= 0xFFFFFFFFL;
      return Cidr.parse(((a >>> 24) & 0xFF) + "." + ((a >>> 16) & 0xFF) + "." + ((a >>> 8) & 0xFF) + "." + (a & 0xFF));
    }
    return Cidr.parse(String.format("2%03x:%x::%x", r.nextInt(0x1000), r.nextInt(0x10000), r.nextInt(0x10000)));
  }
}
