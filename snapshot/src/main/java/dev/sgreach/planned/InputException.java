package dev.sgreach.planned;

import java.util.Optional;

/**
 * A Terraform plan or an eksctl ClusterConfig could not be read: the file is not JSON or YAML, a value has the wrong
 * type, a required field is missing, or a value is one AWS, Terraform or eksctl would refuse.
 *
 * <p>The message is one line naming the file, the path inside it and the offending value, e.g.
 * {@code plan.json: $.resource_changes[3].change.after.ingress[0].from_port: 'abc' is not a port number} or
 * {@code eksctl.yaml: $.managedNodeGroups[0].privateNetworking: 'yes please' is not true or false}. Reading is
 * complete-or-fail: no partial network is ever returned.
 */
public final class InputException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private static final int MAX_VALUE_LENGTH = 120;

  private final String file;
  private final String path;
  private final String value;

  /**
   * A located error.
   *
   * @param file the file as shown to the user
   * @param path where in it, e.g. {@code $.resource_changes[3].change.after}; {@code $} for the whole file
   * @param value the offending value as text, null when the value is missing
   * @param reason what is wrong with it; when it already quotes the value, the value is not repeated
   */
  public InputException(String file, String path, String value, String reason) {
    this(file, path, value, reason, null);
  }

  /** A located error caused by another exception. */
  public InputException(String file, String path, String value, String reason, Throwable cause) {
    super(format(file, path, value, reason), cause);
    this.file = file;
    this.path = path;
    this.value = value;
  }

  private static String format(String file, String path, String value, String reason) {
    String shown = value == null ? null : abbreviate(value);
    String text = reason == null ? "" : reason;
    if (shown != null && !text.contains("'" + shown + "'")) {
      text = "'" + shown + "' " + text;
    }
    return (file + ": " + path + ": " + text).replace("\r", " ").replace("\n", " ").trim();
  }

  private static String abbreviate(String value) {
    return value.length() <= MAX_VALUE_LENGTH ? value : value.substring(0, MAX_VALUE_LENGTH) + "...";
  }

  /** The file the bad value is in. */
  public String file() {
    return file;
  }

  /** The path of the bad value inside {@link #file()}, e.g. {@code $.nodeGroups[1].ssh.allow}. */
  public String path() {
    return path;
  }

  /** The bad value as text, empty when the value is missing. */
  public Optional<String> value() {
    return Optional.ofNullable(value);
  }
}
