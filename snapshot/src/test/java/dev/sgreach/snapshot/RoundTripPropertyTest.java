package dev.sgreach.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sgreach.model.Network;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * For many seeded random networks holding every form a snapshot carries (the packet path's parts included),
 * {@code read(write(n))} is {@code n}: the
 * writer's model-to-JSON mapping and the streaming reader's JSON-to-model mapping are inverse. (The live adapter's
 * test does the same for networks loaded from moto and for its SDK mapping.)
 */
class RoundTripPropertyTest {
  private static final long FIRST_SEED = Long.getLong("sgreach.seed", 1L);
  private static final int NETWORKS = Integer.getInteger("sgreach.networks", 200);

  @TempDir
  Path dir;

  @Test
  void every_generated_network_reads_back_equal() {
    for (long seed = FIRST_SEED; seed < FIRST_SEED + NETWORKS; seed++) {
      Network n = new RandomSnapshots(seed).network();
      Path folder = Snapshots.write(n, dir.resolve("s" + seed));

      Network back = Snapshots.read(folder);

      String rerun = "seed " + seed + " (rerun: ./mvnw -B -ntp -pl snapshot -am test -Dtest=RoundTripPropertyTest"
          + " -Dsurefire.failIfNoSpecifiedTests=false -Dsgreach.seed=" + seed + " -Dsgreach.networks=1)";
      assertThat(back.securityGroups()).as(rerun).isEqualTo(n.securityGroups());
      n.interfaces().forEach((id, eni) -> assertThat(back.interfaces().get(id)).as(rerun)
          .usingRecursiveComparison().isEqualTo(eni));
      assertThat(back.interfaces()).as(rerun).isEqualTo(n.interfaces());
      assertThat(back.prefixLists()).as(rerun).isEqualTo(n.prefixLists());
      assertThat(back.peerings()).as(rerun).isEqualTo(n.peerings());
      assertThat(back.subnets()).as(rerun).isEqualTo(n.subnets());
      assertThat(back.networkAcls()).as(rerun).isEqualTo(n.networkAcls());
      assertThat(back.routeTables()).as(rerun).isEqualTo(n.routeTables());
      assertThat(back.internetGateways()).as(rerun).isEqualTo(n.internetGateways());
      assertThat(back.natGateways()).as(rerun).isEqualTo(n.natGateways());
      assertThat(back.vpcEndpoints()).as(rerun).isEqualTo(n.vpcEndpoints());
      n.transitGateways().forEach((id, g) -> assertThat(back.transitGateways().get(id)).as(rerun)
          .usingRecursiveComparison().isEqualTo(g));
      assertThat(back.transitGateways()).as(rerun).isEqualTo(n.transitGateways());
      assertThat(back.layers()).as(rerun).isEqualTo(n.layers());
      assertThat(back).as(rerun).isEqualTo(n);
    }
  }
}
