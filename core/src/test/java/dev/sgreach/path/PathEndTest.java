package dev.sgreach.path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.sgreach.engine.Outcome;
import dev.sgreach.model.Cidr;
import dev.sgreach.model.Network;
import dev.sgreach.model.NetworkAcl;
import dev.sgreach.model.NetworkInterface;
import dev.sgreach.model.Traffic;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * {@link PathEnd}: a value of its ENI and address, which kind of the ENI's addresses it is, and the compiled facts it
 * keeps for the last network that walked it, which must never answer for another network.
 */
class PathEndTest {
  private final Network standard = Fixture.standard().build();
  private final NetworkInterface web = standard.networkInterface("eni-web").orElseThrow();

  @Test
  void an_end_is_equal_to_another_exactly_when_its_eni_and_address_are() {
    PathEnd first = PathEnd.of(web, Cidr.parseAddress("10.0.1.10"));
    assertThat(first).isEqualTo(PathEnd.of(web)).hasSameHashCodeAs(PathEnd.of(web))
        .isNotEqualTo(PathEnd.of(web, Cidr.parseAddress("2600:1f18:a:1::10")))
        .isNotEqualTo(PathEnd.outside("10.0.1.10"));
    assertThat(PathEnd.outside("8.8.8.8")).isEqualTo(new PathEnd(null, Cidr.parseAddress("8.8.8.8")));
    assertThat(first.eni()).containsSame(web);
    assertThat(first).hasToString("eni-web (10.0.1.10)");
  }

  @Test
  void an_end_knows_a_public_address_from_a_private_one() {
    assertThat(PathEnd.of(web, Cidr.parseAddress("54.10.0.10")).isPublicAddress()).as("public 54.10.0.10").isTrue();
    assertThat(PathEnd.of(web).isPublicAddress()).as("private 10.0.1.10").isFalse();
    assertThat(PathEnd.of(web).isPrivateAddress()).as("private 10.0.1.10").isTrue();
    assertThat(PathEnd.of(web, Cidr.parseAddress("2600:1f18:a:1::10")).isPrivateAddress()).as("its IPv6").isTrue();
    assertThat(PathEnd.outside("54.10.0.10").isPublicAddress()).as("an outside party").isFalse();
  }

  @Test
  void an_address_the_eni_does_not_hold_or_a_block_is_refused_with_the_reason() {
    assertThatIllegalArgumentException().isThrownBy(() -> PathEnd.of(web, Cidr.parseAddress("10.0.1.11")))
        .withMessage("eni-web has no address 10.0.1.11");
    assertThatIllegalArgumentException().isThrownBy(() -> new PathEnd(Optional.of(web), Cidr.parse("10.0.1.0/24")))
        .withMessage("path end 10.0.1.0/24 is a block, not an address");
    assertThatIllegalArgumentException().isThrownBy(() -> new PathEnd(Optional.of(web), null))
        .withMessage("path end needs an address");
  }

  /**
   * One end object, asked about in two networks that hold the very same ENI object but not the same network ACL,
   * answers each network's way every time: what it remembers for one network is never used for the other. A network
   * without the ENI still refuses it after another network walked it.
   */
  @Test
  void what_an_end_remembers_for_one_network_never_answers_for_another() {
    Fixture closed = Fixture.standard();
    Network standard = closed.build();
    closed.put(NetworkAcl.defaultAllowAll("acl-default", "vpc-a", "subnet-pub", "subnet-db"));
    closed.put(NetworkAcl.builder("acl-closed").vpc("vpc-a").subnets("subnet-app").build()); // only the * deny
    Network shut = closed.build();
    PathEnd app = PathEnd.of(standard.networkInterface("eni-app").orElseThrow());
    assertThat(shut.networkInterface("eni-app").orElseThrow()).isSameAs(app.eni().orElseThrow());
    PathEnd db = PathEnd.of(standard.networkInterface("eni-db").orElseThrow());
    PacketPaths open = PacketPaths.of(standard);
    PacketPaths blocked = PacketPaths.of(shut);

    for (int round = 0; round < 2; round++) {
      assertThat(open.outcome(app, db, Traffic.tcp(5432))).as("round %d, the open network", round)
          .isEqualTo(Outcome.ALLOWED);
      assertThat(open.mayTranslateSource(app, db)).as("round %d: the local route keeps the source", round).isFalse();
      assertThat(blocked.outcome(app, db, Traffic.tcp(5432))).as("round %d, subnet-app's ACL denies all", round)
          .isEqualTo(Outcome.DENIED);
    }
    PacketPaths without = PacketPaths.of(closed.remove("eni-app").build());
    assertThatIllegalArgumentException().isThrownBy(() -> without.outcome(app, db, Traffic.tcp(5432)))
        .withMessage("eni-app is not a network interface of this snapshot");
  }
}
