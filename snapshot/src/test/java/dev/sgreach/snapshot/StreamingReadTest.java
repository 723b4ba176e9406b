package dev.sgreach.snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sgreach.eks.SeedClusters;
import dev.sgreach.model.Network;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Response files are read item by item from Jackson's stream (no tree), several files in parallel. Reading on one
 * thread or on several must change nothing: the same network, the same located errors.
 */
class StreamingReadTest {
  private final int threads = SnapshotReader.maxThreads;

  @AfterEach
  void restore() {
    SnapshotReader.maxThreads = threads;
  }

  private static Path realdata(String path) throws Exception {
    return Path.of(StreamingReadTest.class.getResource("/realdata/" + path).toURI());
  }

  @Test
  void one_thread_reads_the_same_network_as_several(@TempDir Path tmp) throws Exception {
    Path seed = Snapshots.write(SeedClusters.publicAndPrivate(), tmp.resolve("seed"));
    for (Path folder : new Path[] {seed, realdata("cloudmapper/account-data/demo/us-east-1"),
        realdata("batfish/networks/hybrid-cloud-aws/aws_configs")}) {
      SnapshotReader.maxThreads = 4;
      Network parallel = Snapshots.read(folder);
      SnapshotReader.maxThreads = 1;
      Network sequential = Snapshots.read(folder);
      assertThat(parallel).as(folder.toString()).isEqualTo(sequential);
      assertThat(parallel.securityGroups()).as(folder.toString()).isNotEmpty();
    }
  }

  @Test
  void streaming_reports_syntax_and_value_errors_with_file_path_and_value(@TempDir Path tmp) throws Exception {
    Path folder = Files.createDirectories(tmp.resolve("bad"));
    Path sgs = folder.resolve("ec2-describe-security-groups.json");
    Files.writeString(sgs, "{\"SecurityGroups\": [{\"GroupId\": \"sg-1\", \"IpPermissions\": [{\"IpProtocol\": \"tcp\","
        + " \"FromPort\": 1, \"ToPort\": 2, \"IpRanges\": [{\"CidrIp\": \"10.0.0.300/8\"}]}]}]}");
    assertThatThrownBy(() -> Snapshots.read(folder)).isInstanceOf(SnapshotException.class)
        .hasMessageStartingWith("ec2-describe-security-groups.json: $.SecurityGroups[0].IpPermissions[0].IpRanges[0]"
            + ".CidrIp: '10.0.0.300/8'");
    Files.writeString(sgs, "{\"SecurityGroups\": [{\"GroupId\": \"sg-1\", \"IpPermissions\": [],"
        + " \"IpPermissionsEgress\": []}, {\"GroupId\": ");
    assertThatThrownBy(() -> Snapshots.read(folder)).isInstanceOf(SnapshotException.class)
        .hasMessageContaining("ec2-describe-security-groups.json: $.SecurityGroups[1].GroupId")
        .hasMessageContaining("is not valid JSON");
  }

  @Test
  void many_rules_and_groups_files_read_alike_on_any_number_of_threads(@TempDir Path tmp) throws Exception {
    // several subfolders, each with a groups file whose group reads wait for every rules file
    for (long seed = 1; seed <= 5; seed++) {
      Snapshots.write(new RandomSnapshots(seed).network(), tmp.resolve("accounts").resolve("a" + seed));
    }
    Network[] byThreads = new Network[4];
    for (int threads = 1; threads <= 4; threads++) {
      SnapshotReader.maxThreads = threads;
      try {
        byThreads[threads - 1] = Snapshots.read(tmp);
      } catch (SnapshotException e) {
        byThreads[threads - 1] = null;
        assertThat(e).as("the same network is described twice across seeds only by accident").isNull();
      }
    }
    assertThat(byThreads).doesNotContainNull().containsOnly(byThreads[0]);
  }
}
