package dev.sgreach.aws;

import java.util.Optional;

/**
 * A live load failed, and nothing was returned or written: an AWS call was denied, still failed after the retries,
 * or could not be made at all (no region, no credentials, no connection).
 *
 * <p>The message is one line naming the IAM action of the call ({@code ec2:DescribeSecurityGroupRules}), the region
 * and what went wrong; when access was denied it names the missing permission. It never holds credentials, nor the
 * encoded authorization message AWS attaches to a denial. Errors in the data AWS returned are
 * {@link dev.sgreach.snapshot.SnapshotException}s naming the call and the JSON path instead.
 */
public final class LiveLoadException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String action;
  private final String region;
  private final String errorCode;
  private final boolean accessDenied;

  LiveLoadException(String message, String action, String region, String errorCode, boolean accessDenied,
      Throwable cause) {
    super(message, cause);
    this.action = action;
    this.region = region;
    this.errorCode = errorCode;
    this.accessDenied = accessDenied;
  }

  /** The IAM action of the failed call, e.g. {@code ec2:DescribeSecurityGroups}; empty when no call was made. */
  public String action() {
    return action;
  }

  /** The region of the load, empty when it could not be determined. */
  public String region() {
    return region;
  }

  /** AWS's error code, e.g. {@code UnauthorizedOperation} or {@code RequestLimitExceeded}, when AWS answered. */
  public Optional<String> errorCode() {
    return Optional.ofNullable(errorCode);
  }

  /** True when AWS refused the call for lack of permission: {@link #action()} is the IAM action to grant. */
  public boolean isAccessDenied() {
    return accessDenied;
  }
}
