package dev.sgreach.aws;

import static java.util.Objects.requireNonNull;

import dev.sgreach.model.Network;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;

/**
 * Live loads in one call: {@link #collect} is the {@code sgreach snapshot} command (load a region, write it as a
 * snapshot folder), {@link #load} the testkit's live source (load a region into a network).
 *
 * <pre>{@code
 * Network n = LiveSnapshot.collect(new LiveSnapshot.Options("us-east-1", null, List.of(), null, null, out),
 *     LoadListener.printingTo(err));
 * }</pre>
 */
public final class LiveSnapshot {
  private LiveSnapshot() {}

  /**
   * What to collect, as the command line gives it; absent options are null (or an empty list).
   *
   * @param region the region, e.g. {@code us-east-1}; null for the default region chain (or the profile's)
   * @param profile a named profile for credentials and region; null for the default credential chain
   * @param vpcIds VPCs to limit the load to; empty for the whole region
   * @param cluster an EKS cluster to describe (and, without VPC ids, to limit the load to its VPC); null for all
   * @param endpointUrl one endpoint for EC2, EKS and ELBv2 (like the AWS CLI's {@code --endpoint-url}); null for AWS
   * @param out the snapshot folder to write; its snapshot files are replaced, other files are left alone
   */
  public record Options(String region, String profile, List<String> vpcIds, String cluster, URI endpointUrl,
      Path out) {
    /** Checks the options; {@code vpcIds} null means none. */
    public Options {
      vpcIds = vpcIds == null ? List.of() : List.copyOf(vpcIds);
      requireNonNull(out, "out");
    }
  }

  /**
   * Loads a region with the default client setup ({@link LiveLoader}) into a network, writing nothing. This is the
   * entry point the testkit's live sources call (by name, since the testkit does not depend on this module): keep
   * its signature.
   *
   * @param region the region, e.g. {@code eu-west-1}; empty for the default region chain (or the profile's)
   * @param profile a named profile for credentials and region; empty for the default credential chain
   * @param endpointUrl one endpoint for EC2, EKS and ELBv2 (a local test server); empty for AWS
   * @throws LiveLoadException naming the IAM action and region of a call that was denied or kept failing
   */
  public static Network load(String region, String profile, String endpointUrl) {
    LiveLoader.Builder b = LiveLoader.builder();
    if (region != null && !region.isEmpty()) {
      b.region(region);
    }
    if (profile != null && !profile.isEmpty()) {
      b.profile(profile);
    }
    if (endpointUrl != null && !endpointUrl.isEmpty()) {
      b.endpoint(URI.create(endpointUrl));
    }
    try (LiveLoader loader = b.build()) {
      return loader.load();
    }
  }

  /**
   * Loads the region with the default client setup ({@link LiveLoader}) and writes the folder. Nothing is written
   * unless the whole load succeeded.
   *
   * @return the network loaded, equal to {@code Snapshots.read(options.out())}
   * @throws LiveLoadException naming the IAM action and region of a call that was denied or kept failing
   * @throws IllegalArgumentException when an option is malformed (e.g. a VPC id not starting with {@code vpc-})
   */
  public static Network collect(Options options, LoadListener listener) {
    LiveLoader.Builder b = LiveLoader.builder().listener(listener).vpcIds(options.vpcIds());
    if (options.region() != null) {
      b.region(options.region());
    }
    if (options.profile() != null) {
      b.profile(options.profile());
    }
    if (options.cluster() != null) {
      b.cluster(options.cluster());
    }
    if (options.endpointUrl() != null) {
      b.endpoint(options.endpointUrl());
    }
    try (LiveLoader loader = b.build()) {
      return loader.loadTo(options.out());
    }
  }
}
