package dev.sgreach.snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.sgreach.eks.SeedClusters;
import dev.sgreach.model.Network;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A snapshot folder is read in its documented layout only: its own files, region and account folders, Batfish's
 * {@code aws_configs/} and CloudMapper's {@code account-data/}; every folder that holds a response holds both the
 * groups and the ENIs.
 */
class LayoutTest {
  @TempDir
  Path tmp;

  @Test
  void a_backup_copy_and_a_git_folder_are_not_read_and_are_listed_as_left_out() throws IOException {
    Path snap = Snapshots.write(SeedClusters.privateOnly(), tmp.resolve("snap"));
    // a backup of another state, which merged in would make every group "described differently"
    Snapshots.write(SeedClusters.publicAndPrivate(), snap.resolve("2023-backup"));
    Files.createDirectories(snap.resolve(".git"));
    Files.writeString(snap.resolve(".git/ec2-describe-security-groups.json"), "not json");

    SnapshotReader reader = Snapshots.reader().folder(snap);

    assertThat(reader.read()).isEqualTo(SeedClusters.privateOnly());
    assertThat(reader.ignored()).containsExactly(snap.resolve(".git"), snap.resolve("2023-backup"));
    assertThat(reader.inputs()).extracting(SnapshotReader.Input::shownAs)
        .allSatisfy(name -> assertThat(name).doesNotContain("backup").doesNotContain(".git"));
  }

  @Test
  void region_and_account_folders_are_read_and_merged() throws IOException {
    Network a = new RandomSnapshots(3).network();
    Network b = new RandomSnapshots(4).network();
    Snapshots.write(a, tmp.resolve("accounts/111122223333/us-east-1"));
    Snapshots.write(b, tmp.resolve("eu-west-1"));

    Network both = Snapshots.read(tmp);

    assertThat(both.securityGroups()).containsAllEntriesOf(a.securityGroups()).containsAllEntriesOf(b.securityGroups());
    assertThat(both.interfaces()).containsAllEntriesOf(a.interfaces()).containsAllEntriesOf(b.interfaces());
  }

  @Test
  void a_folder_of_the_layout_without_the_enis_is_refused_naming_it() throws IOException {
    Path region = Snapshots.write(SeedClusters.privateOnly(), tmp.resolve("us-east-1"));
    Files.delete(region.resolve("ec2-describe-network-interfaces.json"));
    Snapshots.write(SeedClusters.publicAndPrivate(), tmp.resolve("eu-west-1"));

    SnapshotException e = catchThrowableOfType(SnapshotException.class, () -> Snapshots.read(tmp));

    assertThat(e).hasMessageStartingWith("us-east-1: $: holds no ec2-describe-network-interfaces.json (nor"
        + " NetworkInterfaces.json): a snapshot folder needs both the security groups and the network interfaces");
  }

  @Test
  void an_empty_path_is_refused_rather_than_read_as_the_working_directory() {
    SnapshotException e = catchThrowableOfType(SnapshotException.class, () -> Snapshots.read(Path.of("")));

    assertThat(e).hasMessageContaining("an empty path names no snapshot folder");
  }

  @Test
  void a_prefix_list_entries_file_must_be_named_by_its_list() throws IOException {
    Path snap = Snapshots.write(SeedClusters.privateOnly(), tmp.resolve("snap"));
    Path entries = Files.createDirectories(snap.resolve("ec2-get-managed-prefix-list-entries"));
    Files.writeString(entries.resolve("monitoring.json"), "{\"Entries\": []}");

    SnapshotException e = catchThrowableOfType(SnapshotException.class, () -> Snapshots.read(snap));

    assertThat(e).hasMessageStartingWith("ec2-get-managed-prefix-list-entries/monitoring.json: $: 'monitoring' names"
        + " no prefix list");
  }
}
