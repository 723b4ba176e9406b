package dev.sgreach.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@link Echo}: text someone else wrote, shown back short and unable to forge output. */
class EchoTest {
  @Test
  void short_values_are_quoted_as_they_are() {
    assertThat(Echo.quote("eni-0a1b")).isEqualTo("'eni-0a1b'");
    assertThat(Echo.quote("")).isEqualTo("''");
    assertThat(Echo.quote("a".repeat(Echo.LIMIT))).isEqualTo("'" + "a".repeat(Echo.LIMIT) + "'");
  }

  @Test
  void long_values_show_their_first_80_characters_and_their_length() {
    String fiveMegabytes = "x".repeat(5 * 1024 * 1024);
    assertThat(Echo.quote(fiveMegabytes)).isEqualTo("'" + "x".repeat(80) + "'... (5242880 characters)");
    assertThat(Echo.shorten("abcdef", 3)).isEqualTo("abc... (6 characters)");
    assertThat(Echo.shorten("abc", 3)).isEqualTo("abc");
  }

  @Test
  void characters_are_counted_and_cut_whole() {
    String emoji = "\ud83d\ude00"; // one character, two UTF-16 units
    assertThat(Echo.quote(emoji.repeat(81))).isEqualTo("'" + emoji.repeat(80) + "'... (81 characters)");
    assertThat(Echo.visible(emoji)).isEqualTo(emoji);
  }

  @Test
  void control_separator_and_bidi_characters_become_escapes() {
    assertThat(Echo.visible("a\nb\rc\td")).isEqualTo("a\\nb\\rc\\td");
    assertThat(Echo.visible("\u001b[31mred\u0007")).isEqualTo("\\u001b[31mred\\u0007");
    assertThat(Echo.visible("\u0085\u2028\u2029\u007f")).isEqualTo("\\u0085\\u2028\\u2029\\u007f");
    assertThat(Echo.visible("admin\u202egnp.exe")).isEqualTo("admin\\u202egnp.exe");
    assertThat(Echo.visible("lone \ud800 surrogate \udc00")).isEqualTo("lone \\ud800 surrogate \\udc00");
    assertThat(Echo.quote("line1\nline2")).isEqualTo("'line1\\nline2'");
  }

  @Test
  void ordinary_text_is_left_alone() {
    String text = "Ünïcödé names, 日本語, emoji \ud83d\ude00 and a back\\slash";
    assertThat(Echo.visible(text)).isSameAs(text);
  }
}
