package dev.sgreach.snapshot;

import dev.sgreach.model.Network;
import java.nio.file.Path;

/**
 * Snapshot folders: AWS CLI JSON saved from an account, read into a {@link Network} and written back, without the
 * AWS SDK.
 *
 * <p>A snapshot folder holds the responses of {@code aws ec2 describe-security-groups},
 * {@code describe-network-interfaces} and, optionally, {@code describe-security-group-rules}, {@code describe-vpcs},
 * {@code describe-vpc-peering-connections}, {@code describe-managed-prefix-lists} (with one
 * {@code get-managed-prefix-list-entries} file per list), {@code eks describe-cluster} and
 * {@code elbv2 describe-load-balancers}, named as CloudMapper names them ({@code ec2-describe-security-groups.json},
 * see {@link ResponseKind}). Batfish {@code aws_configs} folders, with their {@code accounts/<account>/<region>/}
 * subfolders, read too. For single files, such as cloud-custodian recordings, use {@link #reader()}.
 */
public final class Snapshots {
  private Snapshots() {}

  /**
   * Reads a snapshot folder (and its account and region subfolders) into one network.
   *
   * @throws SnapshotException naming file, JSON path and value when anything in it is broken or impossible, or
   *     naming the files looked for when the folder holds no security groups or network interfaces
   */
  public static Network read(Path folder) {
    return SnapshotReader.create().folder(folder).read();
  }

  /** A reader for single response files and several folders, merged into one network. */
  public static SnapshotReader reader() {
    return SnapshotReader.create();
  }

  /**
   * Writes a network as a snapshot folder of plain AWS CLI JSON, so that {@code read(folder)} gives back an equal
   * network. Security groups are written both as {@code describe-security-groups} (rules grouped into
   * {@code IpPermissions}) and as {@code describe-security-group-rules} (one entry per rule, with its id when
   * known), which is the rule source when read back. Output is deterministic: items sorted by id, fixed formatting.
   *
   * <p>All or nothing: the files are written to a new hidden folder beside {@code folder} ({@code .NAME.sgreach-new-*})
   * which then takes its place by renaming. Snapshot files of the layout already in the folder are replaced or
   * removed; other entries (a {@code queries.txt}, subfolders) are kept. When writing fails (a full disk, a value
   * that cannot be written), the new folder is removed and the old one is left exactly as it was.
   *
   * @return the folder
   * @throws java.io.UncheckedIOException when a file cannot be written (the old folder is then untouched)
   * @throws IllegalArgumentException when an ENI has more public IPv4 addresses than private ones to associate them
   *     with (AWS associates each public address with one private address)
   */
  public static Path write(Network network, Path folder) {
    SnapshotWriter.write(network, folder);
    return folder;
  }
}
