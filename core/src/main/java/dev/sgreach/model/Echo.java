package dev.sgreach.model;

/**
 * How sgreach shows back text that someone else wrote (a command-line value, a line of a queries file, a name or
 * description from a snapshot) inside its own messages: the one place that decides it.
 *
 * <ul>
 *   <li>Characters that could forge output are written as visible escapes: control characters (C0, DEL, C1), line
 *       and paragraph separators, Unicode bidirectional controls and unpaired surrogates become {@code \n},
 *       {@code \r}, {@code \t} or {@code \}{@code uXXXX}. A backslash the text already holds is left as it is, so the
 *       escaped form is for reading, not for parsing back.</li>
 *   <li>A quoted value longer than {@value #LIMIT} characters is cut there and followed by its length:
 *       {@code 'aaaa...a'... (5242880 characters)}, so a 5 MB line never makes a 5 MB error.</li>
 * </ul>
 */
public final class Echo {
  /** How many characters of a value {@link #quote} shows. */
  public static final int LIMIT = 80;

  private Echo() {}

  /**
   * The value in single quotes as it appears in a message: cut after {@value #LIMIT} characters (with
   * {@code ... (N characters)} after the closing quote), and escaped with {@link #visible}.
   */
  public static String quote(String value) {
    if (value == null) {
      return "null";
    }
    int length = value.codePointCount(0, value.length());
    if (length <= LIMIT) {
      return "'" + visible(value) + "'";
    }
    return "'" + visible(value.substring(0, value.offsetByCodePoints(0, LIMIT))) + "'... (" + length + " characters)";
  }

  /**
   * The text cut after {@code limit} characters, followed by {@code ... (N characters)} when it was longer, and
   * escaped with {@link #visible}.
   */
  public static String shorten(String text, int limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("limit (" + limit + ") must be at least 1");
    }
    int length = text.codePointCount(0, text.length());
    if (length <= limit) {
      return visible(text);
    }
    return visible(text.substring(0, text.offsetByCodePoints(0, limit))) + "... (" + length + " characters)";
  }

  /**
   * The text with every character that could start a new line, move the cursor, recolour a terminal or reorder what
   * a reader sees written as an escape: {@code \n}, {@code \r}, {@code \t}, else {@code \}{@code uXXXX}.
   */
  public static String visible(String text) {
    StringBuilder b = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean hidden = isHidden(text, i);
      if (hidden && b == null) {
        b = new StringBuilder(text.length() + 8).append(text, 0, i);
      }
      if (b == null) {
        continue;
      }
      if (!hidden) {
        b.append(c);
      } else if (c == '\n') {
        b.append("\\n");
      } else if (c == '\r') {
        b.append("\\r");
      } else if (c == '\t') {
        b.append("\\t");
      } else {
        b.append(String.format("\\u%04x", (int) c));
      }
    }
    return b == null ? text : b.toString();
  }

  private static boolean isHidden(String text, int i) {
    char c = text.charAt(i);
    if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029' || isBidiControl(c)) {
      return true;
    }
    if (Character.isHighSurrogate(c)) {
      return i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1));
    }
    if (Character.isLowSurrogate(c)) {
      return i == 0 || !Character.isHighSurrogate(text.charAt(i - 1));
    }
    return false;
  }

  /** The characters that reorder displayed text (Unicode's Bidi_Control property). */
  private static boolean isBidiControl(char c) {
    return c == '\u061c' || c == '\u200e' || c == '\u200f' || (c >= '\u202a' && c <= '\u202e')
        || (c >= '\u2066' && c <= '\u2069');
  }
}
