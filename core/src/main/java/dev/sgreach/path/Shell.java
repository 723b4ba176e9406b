package dev.sgreach.path;

import dev.sgreach.model.Echo;
import dev.sgreach.model.ShellWord;

/**
 * The path layer's names for {@link ShellWord} (which decides how a value enters a printed command) and
 * {@link Echo#visible} (how text from a snapshot is shown): they only forward, so that there is one quoting function.
 */
final class Shell {
  private Shell() {}

  /** {@link ShellWord#quote}. */
  static String quote(String value) {
    return ShellWord.quote(value);
  }

  /** {@link ShellWord#id}. */
  static String id(String value) {
    return ShellWord.id(value);
  }

  /** {@link Echo#visible}. */
  static String escape(String text) {
    return Echo.visible(text);
  }
}
