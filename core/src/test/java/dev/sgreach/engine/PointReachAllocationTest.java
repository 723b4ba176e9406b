package dev.sgreach.engine;

import static dev.sgreach.model.Traffic.tcp;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sgreach.model.Network;
import dev.sgreach.model.NetworkInterface;
import dev.sgreach.model.Peer;
import dev.sgreach.model.Ports;
import dev.sgreach.model.SecurityGroup;
import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

/**
 * A reach of one ENI to one ENI, with its proof and fix, costs that pair's work, whatever the region's size: it once
 * gathered its fixes for sharing (which one pair can never do) in bit sets as long as the ENIs' positions in the
 * region, about 12 KB a query on a region of 100,000 ENIs. Measured as bytes allocated by this thread (HotSpot's
 * thread allocation counter), not time.
 */
class PointReachAllocationTest {
  private static final int ENIS = 60_000;

  @Test
  void one_pairs_reach_allocates_nothing_per_eni_of_the_region() {
    Network.Builder b = Network.builder();
    b.add(SecurityGroup.builder("sg-0000000000000000a").vpc("vpc-1")
        .allowOut(Ports.allTraffic(), Peer.cidr("0.0.0.0/0")).build());
    b.add(SecurityGroup.builder("sg-0000000000000000b").vpc("vpc-1")
        .allowOut(Ports.allTraffic(), Peer.cidr("0.0.0.0/0")).build());
    b.add(SecurityGroup.builder("sg-0000000000000000c").vpc("vpc-1")
        .allowIn(Ports.tcp(443), Peer.group("sg-0000000000000000a")).build());
    for (int i = 0; i < ENIS; i++) { // the last two ENIs, at the end of the region, are the pair asked about
      String sg = i == ENIS - 2 ? "sg-0000000000000000b" : i == ENIS - 1 ? "sg-0000000000000000c"
          : "sg-0000000000000000a";
      b.add(NetworkInterface.builder(String.format("eni-%017x", i)).vpc("vpc-1")
          .address("10." + (i / 65536) + "." + (i / 256 % 256) + "." + (i % 256)).groups(sg).build());
    }
    Reachability r = Reachability.of(b.build());
    Endpoint from = Endpoint.eni(String.format("eni-%017x", ENIS - 2));
    Endpoint to = Endpoint.eni(String.format("eni-%017x", ENIS - 1));
    Verdict v = r.reach(from, to, tcp(443));
    assertThat(v.outcome()).isEqualTo(Outcome.DENIED);
    assertThat(v.fixes()).singleElement()
        .satisfies(f -> assertThat(f.rule().peer()).isEqualTo(Peer.group("sg-0000000000000000b")));

    com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long thread = Thread.currentThread().getId();
    int calls = 2_000;
    long before = threads.getThreadAllocatedBytes(thread);
    for (int i = 0; i < calls; i++) {
      r.reach(from, to, tcp(443));
    }
    long perCall = (threads.getThreadAllocatedBytes(thread) - before) / calls;

    assertThat(perCall).as("bytes allocated per point reach on a region of %d ENIs (two bit sets over the ENIs"
        + " would be %d)", ENIS, 2 * ENIS / 8).isLessThan(8_192);
  }
}
