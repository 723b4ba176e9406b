package dev.sgreach.engine;

import static dev.sgreach.model.Traffic.tcp;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sgreach.model.Network;
import dev.sgreach.model.NetworkInterface;
import dev.sgreach.model.Peer;
import dev.sgreach.model.Ports;
import dev.sgreach.model.SecurityGroup;
import dev.sgreach.model.Traffic;
import java.lang.management.ManagementFactory;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The proofless outcome of one member pair (what {@code reach --queries} asks a million times) costs a pair's work,
 * whatever the region's size: it once built the class tables a group answer needs (two bytes per ENI class and traffic)
 * for every single pair, so 100,000 point queries on a region of 25,000 classes allocated gigabytes. Measured as bytes
 * allocated by this thread (HotSpot's thread allocation counter), not time.
 */
class PointOutcomeAllocationTest {
  private static final int CLASSES = 20_000;

  @Test
  void one_pairs_outcome_allocates_no_table_per_eni_class() {
    Network.Builder b = Network.builder();
    for (int i = 0; i < CLASSES; i++) { // each ENI its own group: one ENI class each
      String sg = String.format("sg-%017x", i);
      b.add(SecurityGroup.builder(sg).vpc("vpc-1").allowIn(Ports.tcp(443), Peer.group(String.format("sg-%017x",
          (i + 1) % CLASSES))).allowOut(Ports.allTraffic(), Peer.cidr("0.0.0.0/0")).build());
      b.add(NetworkInterface.builder(String.format("eni-%017x", i)).vpc("vpc-1")
          .address("10." + (i / 65536) + "." + (i / 256 % 256) + "." + (i % 256)).groups(sg).build());
    }
    Reachability r = Reachability.of(b.build());
    List<Member> from = r.resolve(Endpoint.eni(String.format("eni-%017x", 1)));
    List<Member> to = r.resolve(Endpoint.eni(String.format("eni-%017x", 0)));
    List<Traffic> traffic = List.of(tcp(443), tcp(22), tcp(8080), tcp(3306));
    assertThat(r.outcome(from, to, tcp(443))).isEqualTo(Outcome.ALLOWED);
    assertThat(r.outcome(from, to, tcp(22))).isEqualTo(Outcome.DENIED);

    com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long thread = Thread.currentThread().getId();
    int calls = 2_000;
    long before = threads.getThreadAllocatedBytes(thread);
    for (int i = 0; i < calls; i++) {
      r.outcome(from, to, traffic.get(i % traffic.size()));
    }
    long perCall = (threads.getThreadAllocatedBytes(thread) - before) / calls;

    assertThat(perCall).as("bytes allocated per point outcome on a region of %d ENI classes (a table per class"
        + " would be %d)", CLASSES, 2 * CLASSES).isLessThan(4_096);
  }
}
