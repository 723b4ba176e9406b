package dev.sgreach.graph;

import dev.sgreach.model.Echo;

/**
 * Text that comes from a snapshot (names, descriptions, tags) made safe to print before a renderer adds its own
 * quoting: control characters and line breaks become visible escapes ({@code \n}, {@code \t}, {@code \u0007}, as
 * {@link Echo#visible} writes them), so a name can never start a new line of DOT or Mermaid, or hide part of a label.
 */
final class Text {
  private Text() {}

  /** The text with every character that could forge output written as an escape ({@link Echo#visible}). */
  static String visible(String text) {
    return Echo.visible(text);
  }

  /** {@code prefix} followed by the text with everything but ASCII letters and digits replaced by {@code _}. */
  static String identifier(String prefix, String text) {
    StringBuilder b = new StringBuilder(prefix);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      b.append((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ? c : '_');
    }
    return b.toString();
  }

  /** A count with its noun, {@code 1 ENI}, {@code 2 ENIs}, thousands grouped: {@code 12,400 ENIs}. */
  static String count(long n, String noun) {
    return count(n, noun, noun + "s");
  }

  /** A count with the singular or plural noun: {@code 1 entry}, {@code 3 entries}. */
  static String count(long n, String singular, String plural) {
    return String.format(java.util.Locale.ROOT, "%,d %s", n, n == 1 ? singular : plural);
  }
}
