package dev.sgreach.testkit;

import dev.sgreach.model.Network;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Properties;

/**
 * Where a test's {@link Network} comes from: a snapshot folder of AWS CLI JSON, or a live account. The JUnit extension
 * asks {@link #lookup(String)}, so the same test runs offline against a shipped snapshot and, with
 * {@code -Dsgreach.region=eu-west-1} (and optionally {@code -Dsgreach.profile=prod}), against the account itself.
 *
 * <p>Snapshot folders are read by {@code sgreach-snapshot}, without the AWS SDK. Live loading goes through the AWS
 * adapter's {@code LiveLoader} (read-only, every page, complete or failing with the IAM action that was denied;
 * {@code -Dsgreach.endpoint=URL} points it at another endpoint), which needs {@code dev.sgreach:sgreach-aws} on the
 * test class path: the testkit depends on it optionally, and a live source without it fails naming the dependency.
 */
public interface NetworkSource {
  /** The system property naming the AWS region to load live from. */
  String REGION_PROPERTY = "sgreach.region";
  /** The system property naming the AWS profile to load live with. */
  String PROFILE_PROPERTY = "sgreach.profile";
  /** The system property naming an endpoint URL for live loading (a local test server), like {@code --endpoint-url}. */
  String ENDPOINT_PROPERTY = "sgreach.endpoint";

  /**
   * Reads the network.
   *
   * @return the network
   * @throws IllegalStateException when the source cannot be read, saying why
   */
  Network load();

  /**
   * Where the network comes from, for messages, e.g. {@code snapshot examples/eks-public-private}.
   *
   * @return the description
   */
  String describe();

  /**
   * A snapshot folder of AWS CLI JSON (see the AWS adapter for its layout). A relative folder is looked for in the
   * working directory and then its parents, so {@code examples/...} is found from a module's directory too.
   *
   * @param folder the folder
   * @return the source
   */
  static NetworkSource snapshot(Path folder) {
    return new SnapshotSource(Objects.requireNonNull(folder, "folder"));
  }

  /**
   * A live AWS account, read with the default credentials chain.
   *
   * @param region the AWS region, e.g. {@code eu-west-1}; may be empty to use the profile's region
   * @param profile the named profile, or empty for the default
   * @return the source
   */
  static NetworkSource live(String region, String profile) {
    return new LiveSource(Objects.requireNonNullElse(region, ""), Objects.requireNonNullElse(profile, ""));
  }

  /**
   * The source a test should use: live when the system properties {@value #REGION_PROPERTY} or
   * {@value #PROFILE_PROPERTY} are set, else the snapshot folder.
   *
   * @param snapshotFolder the snapshot folder the test names
   * @return the source
   */
  static NetworkSource lookup(String snapshotFolder) {
    return lookup(snapshotFolder, System.getProperties());
  }

  /**
   * {@link #lookup(String)} with the given properties instead of the system properties.
   *
   * @param snapshotFolder the snapshot folder the test names
   * @param properties where to read {@value #REGION_PROPERTY} and {@value #PROFILE_PROPERTY}
   * @return the source
   */
  static NetworkSource lookup(String snapshotFolder, Properties properties) {
    String region = properties.getProperty(REGION_PROPERTY, "").trim();
    String profile = properties.getProperty(PROFILE_PROPERTY, "").trim();
    if (!region.isEmpty() || !profile.isEmpty()) {
      return live(region, profile);
    }
    return snapshot(Path.of(snapshotFolder));
  }
}
