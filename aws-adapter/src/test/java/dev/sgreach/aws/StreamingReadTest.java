package dev.sgreach.aws;

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
 * Large response files are read item by item rather than as one tree (a region's JSON would not fit in memory
 * otherwise), and files are parsed in parallel. Forcing the streaming path on small files must change nothing: the
 * same network, the same located errors.
 */
class StreamingReadTest {
  private final long threshold = SnapshotReader.streamThreshold;

  @AfterEach
  void restore() {
    SnapshotReader.streamThreshold = threshold;
  }

  private static Path realdata(String path) throws Exception {
    return Path.of(StreamingReadTest.class.getResource("/realdata/" + path).toURI());
  }

  @Test
  void streaming_reads_the_same_network_as_the_tree(@TempDir Path tmp) throws Exception {
    Path seed = Snapshots.write(SeedClusters.publicAndPrivate(), tmp.resolve("seed"));
    for (Path folder : new Path[] {seed, realdata("cloudmapper/account-data/demo/us-east-1"),
        realdata("batfish/networks/hybrid-cloud-aws/aws_configs")}) {
      Network tree = Snapshots.read(folder);
      SnapshotReader.streamThreshold = 0;
      Network streamed = Snapshots.read(folder);
      SnapshotReader.streamThreshold = threshold;
      assertThat(streamed).as(folder.toString()).isEqualTo(tree);
    }
  }

  @Test
  void streaming_reports_syntax_and_value_errors_with_file_path_and_value(@TempDir Path tmp) throws Exception {
    SnapshotReader.streamThreshold = 0;
    Path folder = Files.createDirectories(tmp.resolve("bad"));
    Path sgs = folder.resolve("ec2-describe-security-groups.json");
    Files.writeString(sgs, "{\"SecurityGroups\": [{\"GroupId\": \"sg-1\", \"IpPermissions\": [{\"IpProtocol\": \"tcp\","
        + " \"FromPort\": 1, \"ToPort\": 2, \"IpRanges\": [{\"CidrIp\": \"10.0.0.300/8\"}]}]}]}");
    assertThatThrownBy(() -> Snapshots.read(folder)).isInstanceOf(SnapshotException.class)
        .hasMessageStartingWith("ec2-describe-security-groups.json: $.SecurityGroups[0].IpPermissions[0].IpRanges[0]"
            + ".CidrIp: '10.0.0.300/8'");
    Files.writeString(sgs, "{\"SecurityGroups\": [{\"GroupId\": \"sg-1\"}, {\"GroupId\": ");
    assertThatThrownBy(() -> Snapshots.read(folder)).isInstanceOf(SnapshotException.class)
        .hasMessageContaining("ec2-describe-security-groups.json: $.SecurityGroups[1].GroupId")
        .hasMessageContaining("is not valid JSON");
  }
}
