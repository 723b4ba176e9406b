package dev.sgreach.path;

import java.util.regex.Pattern;

/** Validates and quotes the values of a printed AWS CLI command so it is safe to paste into a POSIX shell. */
final class Shell {
  private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9_./:=,+@-]+");
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:/-]{0,254}");

  private Shell() {}

  /** The value as one shell word: bare when it holds only safe characters, else single-quoted. */
  static String quote(String value) {
    if (SAFE.matcher(value).matches()) {
      return value;
    }
    return "'" + value.replace("'", "'\\''") + "'";
  }

  /**
   * An AWS resource id ({@code acl-0a1}, {@code tgw-rtb-0b2}, an ARN) checked and quoted.
   *
   * @throws IllegalArgumentException when it is not an id's form
   */
  static String id(String value) {
    if (value == null || !ID.matcher(value).matches()) {
      throw new IllegalArgumentException("'" + escape(String.valueOf(value)) + "' is not an AWS resource id");
    }
    return quote(value);
  }

  /** The text with control characters escaped as {@code \\uXXXX}, for messages. */
  static String escape(String text) {
    StringBuilder b = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < 0x20 || c == 0x7f) {
        b.append(String.format("\\u%04x", (int) c));
      } else {
        b.append(c);
      }
    }
    return b.toString();
  }
}
