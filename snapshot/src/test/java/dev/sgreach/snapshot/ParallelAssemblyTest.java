package dev.sgreach.snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.sgreach.model.Network;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A region's groups are checked against the rules file and built on several threads ({@link
 * NetworkAssembler#parallelGroups}): the network, and the first error reported, must be what one thread gives.
 */
class ParallelAssemblyTest {
  private static final int GROUPS = 40;

  @TempDir
  Path dir;

  @Test
  void groupsBuiltOnSeveralThreadsGiveTheSameNetwork() throws IOException {
    write(List.of());

    Network one = onOneThread(() -> Snapshots.read(dir));
    Network several = onSeveralThreads(() -> Snapshots.read(dir));

    assertThat(several).isEqualTo(one);
    assertThat(several.securityGroups()).hasSize(GROUPS);
    assertThat(several.securityGroup("sg-7").orElseThrow().ingress()).singleElement()
        .satisfies(r -> assertThat(r.ruleId()).isEqualTo("sgr-7"));
  }

  @Test
  void theFirstDisagreeingGroupInFileOrderIsReportedWhicheverThreadFindsItFirst() throws IOException {
    write(List.of(7, 30, 31));

    SnapshotException one = catchThrowableOfType(SnapshotException.class,
        () -> onOneThread(() -> Snapshots.read(dir)));
    SnapshotException several = catchThrowableOfType(SnapshotException.class,
        () -> onSeveralThreads(() -> Snapshots.read(dir)));

    assertThat(one).as("one thread").hasMessageContaining("$.SecurityGroups[7]: 'sg-7' gives security group sg-7"
        + " other rules than");
    assertThat(several).as("several threads: the same first error").hasMessage(one.getMessage());
  }

  /** {@code GROUPS} groups, each admitting tcp/443 from its own /32; the groups in {@code stale} say tcp/80. */
  private void write(List<Integer> stale) throws IOException {
    List<String> groups = new ArrayList<>();
    List<String> rules = new ArrayList<>();
    for (int g = 0; g < GROUPS; g++) {
      int port = stale.contains(g) ? 80 : 443;
      String cidr = "10.0." + g + ".1/32";
      groups.add("{\"GroupId\": \"sg-" + g + "\", \"IpPermissions\": [{\"IpProtocol\": \"tcp\", \"FromPort\": " + port
          + ", \"ToPort\": " + port + ", \"IpRanges\": [{\"CidrIp\": \"" + cidr + "\"}]}]}");
      rules.add("{\"SecurityGroupRuleId\": \"sgr-" + g + "\", \"GroupId\": \"sg-" + g + "\", \"IsEgress\": false,"
          + " \"IpProtocol\": \"tcp\", \"FromPort\": 443, \"ToPort\": 443, \"CidrIpv4\": \"" + cidr + "\"}");
    }
    AwsJson.write(dir, "ec2-describe-security-groups.json", "{\"SecurityGroups\": [" + String.join(", ", groups)
        + "]}");
    Files.writeString(dir.resolve("ec2-describe-security-group-rules.json"), "{\"SecurityGroupRules\": ["
        + String.join(", ", rules) + "]}");
    AwsJson.noInterfaces(dir);
  }

  private static <T> T onOneThread(Supplier<T> read) {
    return with(Integer.MAX_VALUE, read);
  }

  private static <T> T onSeveralThreads(Supplier<T> read) {
    return with(1, read);
  }

  private static <T> T with(int parallelGroups, Supplier<T> read) {
    int before = NetworkAssembler.parallelGroups;
    NetworkAssembler.parallelGroups = parallelGroups;
    try {
      return read.get();
    } finally {
      NetworkAssembler.parallelGroups = before;
    }
  }
}
