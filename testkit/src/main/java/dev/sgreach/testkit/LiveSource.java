package dev.sgreach.testkit;

import dev.sgreach.aws.LiveLoader;
import dev.sgreach.model.Network;
import java.net.URI;

/**
 * A live AWS account, loaded read-only through the AWS adapter's {@link LiveLoader} with the default credential chain
 * (or the named profile). {@code -Dsgreach.endpoint=URL} points the clients at another endpoint (a local test
 * server, like the AWS CLI's {@code --endpoint-url}).
 */
record LiveSource(String region, String profile) implements NetworkSource {

  @Override
  public Network load() {
    LiveLoader.Builder b = LiveLoader.builder();
    if (!region.isEmpty()) {
      b.region(region);
    }
    if (!profile.isEmpty()) {
      b.profile(profile);
    }
    String endpoint = System.getProperty(ENDPOINT_PROPERTY, "");
    if (!endpoint.isEmpty()) {
      b.endpoint(URI.create(endpoint));
    }
    try (LiveLoader loader = b.build()) {
      return loader.load();
    }
  }

  @Override
  public String describe() {
    return "live AWS" + (region.isEmpty() ? "" : " region " + region) + (profile.isEmpty() ? "" : " profile " + profile);
  }
}
