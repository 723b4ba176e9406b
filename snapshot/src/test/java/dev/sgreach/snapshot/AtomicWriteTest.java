package dev.sgreach.snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.sgreach.eks.SeedClusters;
import dev.sgreach.model.Network;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code Snapshots.write} is all or nothing: it writes a new folder beside the old one and renames it into place, so
 * that a disk that fills up half-way leaves the old snapshot exactly as it was, and no half-written one.
 */
class AtomicWriteTest {
  @TempDir
  Path tmp;

  @AfterEach
  void restore() {
    SnapshotWriter.opener = Files::newOutputStream;
  }

  /** Every file under the folder with its bytes, by relative path. */
  private static Map<String, String> contents(Path folder) throws IOException {
    Map<String, String> out = new LinkedHashMap<>();
    try (Stream<Path> walk = Files.walk(folder)) {
      for (Path p : walk.filter(Files::isRegularFile).sorted().toList()) {
        out.put(folder.relativize(p).toString(), Files.readString(p));
      }
    }
    return out;
  }

  private static List<String> besides(Path folder) throws IOException {
    try (Stream<Path> list = Files.list(folder.getParent())) {
      return list.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  /** Output streams that take {@code budget} bytes in all, then fail as a full disk does. */
  private static SnapshotWriter.Opener fullAfter(long budget) {
    long[] left = {budget};
    return file -> new FilterOutputStream(Files.newOutputStream(file)) {
      @Override
      public void write(int b) throws IOException {
        if (left[0]-- <= 0) {
          throw new FileSystemException(file.toString(), null, "No space left on device");
        }
        super.write(b);
      }

      @Override
      public void write(byte[] b, int off, int len) throws IOException {
        for (int i = 0; i < len; i++) {
          write(b[off + i]);
        }
      }
    };
  }

  @ParameterizedTest(name = "disk full after {0} bytes")
  @ValueSource(longs = {0, 1, 5_000, 40_000})
  void a_disk_that_fills_up_leaves_the_old_snapshot_as_it_was(long budget) throws IOException {
    Path snap = Snapshots.write(SeedClusters.privateOnly(), tmp.resolve("snap"));
    Files.writeString(snap.resolve("queries.txt"), "eni-a eni-b tcp/443\n");
    Map<String, String> before = contents(snap);
    List<String> beside = besides(snap);

    SnapshotWriter.opener = fullAfter(budget);
    Throwable e = catchThrowable(() -> Snapshots.write(SeedClusters.publicAndPrivate(), snap));

    assertThat(e).isInstanceOf(UncheckedIOException.class).hasMessageContaining("cannot write")
        .rootCause().hasMessageContaining("No space left on device");
    assertThat(contents(snap)).as("the old snapshot, file by file").isEqualTo(before);
    assertThat(besides(snap)).as("nothing left beside it").isEqualTo(beside);
    assertThat(Snapshots.read(snap)).isEqualTo(SeedClusters.privateOnly());
  }

  @Test
  void a_disk_that_fills_up_on_a_first_write_leaves_no_folder_at_all() throws IOException {
    Path snap = tmp.resolve("new");
    SnapshotWriter.opener = fullAfter(10_000);

    assertThat(catchThrowable(() -> Snapshots.write(SeedClusters.publicAndPrivate(), snap)))
        .isInstanceOf(UncheckedIOException.class);

    assertThat(snap).doesNotExist();
    try (Stream<Path> list = Files.list(tmp)) {
      assertThat(list).isEmpty();
    }
  }

  @Test
  void a_value_that_cannot_be_written_leaves_the_old_snapshot_as_it_was() throws IOException {
    Path snap = Snapshots.write(SeedClusters.privateOnly(), tmp.resolve("snap"));
    Map<String, String> before = contents(snap);
    Network unwritable = Network.builder().add(dev.sgreach.model.NetworkInterface.builder("eni-1")
        .addresses("10.0.0.1").publicIp("3.3.3.3").publicIp("4.4.4.4").build()).build();

    assertThat(catchThrowable(() -> Snapshots.write(unwritable, snap))).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("more public IPv4 addresses");

    assertThat(contents(snap)).isEqualTo(before);
    assertThat(besides(snap)).containsExactly("snap");
  }

  @Test
  void rewriting_replaces_the_layouts_files_and_keeps_everything_else() throws IOException {
    Path snap = Snapshots.write(SeedClusters.publicAndPrivate(), tmp.resolve("snap"));
    Files.writeString(snap.resolve("queries.txt"), "q\n");
    Files.createDirectories(snap.resolve("notes"));
    Files.writeString(snap.resolve("notes/why.md"), "because\n");

    Snapshots.write(SeedClusters.privateOnly(), snap);

    assertThat(Snapshots.read(snap)).isEqualTo(SeedClusters.privateOnly());
    assertThat(snap.resolve("queries.txt")).hasContent("q");
    assertThat(snap.resolve("notes/why.md")).hasContent("because");
    assertThat(snap.resolve("elbv2-describe-load-balancers.json")).as("a file the new network has no use for")
        .doesNotExist();
    assertThat(besides(snap)).containsExactly("snap");
  }

  @Test
  void a_file_in_the_folders_place_is_refused_and_kept() throws IOException {
    Path file = Files.writeString(tmp.resolve("snap"), "not a folder");

    assertThat(catchThrowable(() -> Snapshots.write(SeedClusters.privateOnly(), file)))
        .isInstanceOf(UncheckedIOException.class).hasMessageContaining("is not a folder");
    assertThat(file).hasContent("not a folder");
  }
}
