package dev.sgreach.testkit;

import dev.sgreach.model.Network;

/** A live AWS account; the seam where the AWS adapter's live loader plugs in once it exists. */
record LiveSource(String region, String profile) implements NetworkSource {

  @Override
  public Network load() {
    throw new IllegalStateException("live loading is not available in this build (asked for " + describe()
        + " by -D" + REGION_PROPERTY + "/-D" + PROFILE_PROPERTY + "): collect a snapshot folder with the AWS CLI"
        + " (aws ec2 describe-security-groups, describe-network-interfaces, ...) and run without those properties");
  }

  @Override
  public String describe() {
    return "live AWS" + (region.isEmpty() ? "" : " region " + region) + (profile.isEmpty() ? "" : " profile " + profile);
  }
}
