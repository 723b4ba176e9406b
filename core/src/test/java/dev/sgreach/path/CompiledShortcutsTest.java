package dev.sgreach.path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sgreach.engine.Outcome;
import dev.sgreach.model.Network;
import dev.sgreach.model.NetworkInterface;
import dev.sgreach.model.Traffic;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The compiled shortcuts of the walk answer exactly as the lookups they stand for: an ENI found by identity (an equal
 * copy, or another network's ENI, by its id), and "which subnet holds this address" taken from the destination ENI
 * itself only when no other ENI of its VPC holds that address.
 */
class CompiledShortcutsTest {
  private static final Traffic HTTPS = Traffic.tcp(443);

  /**
   * Two ENIs of one VPC in different subnets both claim 10.0.2.20 (a snapshot taken mid-change): the VPC delivers
   * the packet to one subnet only, so the walk to the other ENI is denied at delivery, on the fast path as in the
   * proof; the shortcut from the destination ENI must not send each to its own subnet.
   */
  @Test
  void an_address_two_enis_of_a_vpc_claim_is_delivered_to_one_of_them() {
    Network n = Fixture.standard()
        .put(Fixture.eni("eni-dup", "vpc-a", "subnet-db", "az2").addresses("10.0.2.20").build()).build();
    PacketPaths paths = PacketPaths.of(n);
    NetworkInterface web = n.networkInterface("eni-web").orElseThrow();
    List<Outcome> outcomes = new java.util.ArrayList<>();
    for (String id : List.of("eni-app", "eni-dup")) {
      PathEnd to = PathEnd.of(n.networkInterface(id).orElseThrow(), dev.sgreach.model.Cidr.parse("10.0.2.20"));
      PathVerdict v = paths.check(PathEnd.of(web), to, HTTPS);
      assertThat(paths.outcome(PathEnd.of(web), to, HTTPS)).as("fast answer to %s", id).isEqualTo(v.outcome());
      if (v.outcome() == Outcome.DENIED) {
        assertThat(v.explain()).as("proof to %s", id).contains("another holder of that address gets it");
      }
      outcomes.add(v.outcome());
    }
    assertThat(outcomes).as("one of the two claimants gets the packet").containsExactlyInAnyOrder(Outcome.ALLOWED,
        Outcome.DENIED);
  }

  /** Without a second claimant the same walk reaches the ENI: the shortcut's case. */
  @Test
  void an_address_one_eni_holds_is_delivered_to_it() {
    Network n = Fixture.standard().build();
    PacketPaths paths = PacketPaths.of(n);
    PathEnd to = PathEnd.of(n.networkInterface("eni-app").orElseThrow());
    assertThat(paths.outcome(PathEnd.of(n.networkInterface("eni-web").orElseThrow()), to, HTTPS))
        .isEqualTo(Outcome.ALLOWED);
  }

  /** An equal copy of a snapshot's ENI is that ENI (found by id, not identity); another snapshot's is refused. */
  @Test
  void an_equal_copy_of_an_eni_is_judged_as_it_and_a_foreign_eni_is_refused() {
    Network n = Fixture.standard().build();
    PacketPaths paths = PacketPaths.of(n);
    NetworkInterface web = n.networkInterface("eni-web").orElseThrow();
    NetworkInterface copy = web.toBuilder().build();
    assertThat(copy).isEqualTo(web).isNotSameAs(web);
    PathEnd db = PathEnd.of(n.networkInterface("eni-db").orElseThrow());
    assertThat(paths.check(PathEnd.of(copy), db, HTTPS).explain())
        .isEqualTo(paths.check(PathEnd.of(web), db, HTTPS).explain());
    NetworkInterface foreign = web.toBuilder().subnet("subnet-app").build();
    assertThatThrownBy(() -> paths.outcome(PathEnd.of(foreign), db, HTTPS))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("eni-web is not a network interface");
  }
}
