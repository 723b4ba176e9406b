package dev.sgreach.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sgreach.model.Network;
import dev.sgreach.model.Rule;
import dev.sgreach.snapshot.RandomSnapshots;
import dev.sgreach.snapshot.ResponseKind;
import dev.sgreach.snapshot.Snapshots;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The two mappings onto the model agree: for many seeded random networks, the live adapter's SDK mapping (model to
 * SDK objects and back, as a live load receives them) and the snapshot module's JSON mapping (model to a folder and
 * back) give the same groups and interfaces. The live-loaded case (moto) is {@code LiveLoaderTest}'s
 * {@code theSnapshotWrittenReadsBackAsAnEqualNetwork}.
 */
class SdkMappingTest {
  private static final long FIRST_SEED = Long.getLong("sgreach.seed", 1L);
  private static final int NETWORKS = Integer.getInteger("sgreach.networks", 150);

  @TempDir
  Path dir;

  @Test
  void the_sdk_mapping_and_the_snapshot_mapping_give_the_same_groups_and_interfaces() {
    for (long seed = FIRST_SEED; seed < FIRST_SEED + NETWORKS; seed++) {
      Network n = new RandomSnapshots(seed).network();
      String rerun = "seed " + seed + " (rerun: ./mvnw -B -ntp -pl aws-adapter -am test -Dtest=SdkMappingTest"
          + " -Dsurefire.failIfNoSpecifiedTests=false -Dsgreach.seed=" + seed + " -Dsgreach.networks=1)";

      Network viaSdk = SdkMapping.toNetwork(SdkMapping.securityGroups(n), List.of(), SdkMapping.networkInterfaces(n));
      Path folder = Snapshots.write(n, dir.resolve("s" + seed));
      Network viaFolder = Snapshots.read(folder);
      // both from describe-security-groups alone: grouped IpPermissions, no rule ids
      Network groupsOnly = Snapshots.reader()
          .file(ResponseKind.SECURITY_GROUPS, folder.resolve(ResponseKind.SECURITY_GROUPS.fileName()))
          .file(ResponseKind.NETWORK_INTERFACES, folder.resolve(ResponseKind.NETWORK_INTERFACES.fileName()))
          .read();

      assertThat(viaSdk.securityGroups()).as(rerun).isEqualTo(groupsOnly.securityGroups());
      assertThat(viaSdk.interfaces()).as(rerun).isEqualTo(viaFolder.interfaces()).isEqualTo(n.interfaces());
      viaSdk.securityGroups().forEach((id, g) -> assertThat(g.ingress()).as(rerun)
          .containsExactlyInAnyOrderElementsOf(withoutRuleIds(n.securityGroups().get(id).ingress())));
    }
  }

  private static List<Rule> withoutRuleIds(List<Rule> rules) {
    return rules.stream().map(r -> r.withRuleId("")).toList();
  }
}
