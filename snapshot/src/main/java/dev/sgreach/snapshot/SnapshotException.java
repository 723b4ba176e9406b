package dev.sgreach.snapshot;

import java.util.Optional;

/**
 * A snapshot (saved AWS CLI JSON, or an AWS API response) could not be read into a {@code Network}: the JSON is
 * broken, a value has the wrong type, a required field such as {@code GroupId} is missing, or a value is not what
 * AWS would ever return (an unknown {@code IpProtocol}, a bad CIDR, a port outside 0..65535).
 *
 * <p>The message is one line naming the file, the JSON path inside it and the offending value, e.g.
 * {@code ec2-describe-security-groups.json: $.SecurityGroups[3].IpPermissions[0].IpRanges[1].CidrIp: '10.0.0.300/8'
 * is not an IPv4 or IPv6 address or CIDR block}. Reading is complete-or-fail: no partial network is ever returned.
 */
public final class SnapshotException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private static final int MAX_VALUE_LENGTH = 120;

  private final String file;
  private final String jsonPath;
  private final String value;

  /**
   * A located error.
   *
   * @param file the file (or AWS call) the value came from, as shown to the user
   * @param jsonPath where in that document, e.g. {@code $.SecurityGroups[3].GroupId}; {@code $} for the whole file
   * @param value the offending value as text, null when the value is missing
   * @param reason what is wrong with it; when it already quotes the value, the value is not repeated
   */
  public SnapshotException(String file, String jsonPath, String value, String reason) {
    this(file, jsonPath, value, reason, null);
  }

  /** A located error caused by another exception. */
  public SnapshotException(String file, String jsonPath, String value, String reason, Throwable cause) {
    super(format(file, jsonPath, value, reason), cause);
    this.file = file;
    this.jsonPath = jsonPath;
    this.value = value;
  }

  private static String format(String file, String jsonPath, String value, String reason) {
    String shown = value == null ? null : abbreviate(value);
    String text = reason == null ? "" : reason;
    if (shown != null && !text.contains("'" + shown + "'")) {
      text = "'" + shown + "' " + text;
    }
    return oneLine(file + ": " + jsonPath + ": " + text);
  }

  private static String abbreviate(String value) {
    return value.length() <= MAX_VALUE_LENGTH ? value : value.substring(0, MAX_VALUE_LENGTH) + "...";
  }

  private static String oneLine(String text) {
    return text.replace("\r", " ").replace("\n", " ").trim();
  }

  /** The file the bad value is in (relative to the snapshot folder when read from one), or the AWS call. */
  public String file() {
    return file;
  }

  /** The JSON path of the bad value inside {@link #file()}, e.g. {@code $.SecurityGroups[3].IpPermissions[0]}. */
  public String jsonPath() {
    return jsonPath;
  }

  /** The bad value as text (JSON text for non-strings), empty when the value is missing. */
  public Optional<String> value() {
    return Optional.ofNullable(value);
  }
}
