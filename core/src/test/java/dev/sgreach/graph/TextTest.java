package dev.sgreach.graph;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextTest {
  @Test
  void control_characters_and_line_breaks_become_visible_escapes() {
    assertThat(Text.visible("a\nb\r\tc\u0007d\u0085e\u2028f")).isEqualTo("a\\nb\\r\\tc\\u0007d\\u0085e\\u2028f");
    assertThat(Text.visible("plain <b> & \"q\"")).isEqualTo("plain <b> & \"q\"");
  }

  @Test
  void identifiers_keep_ascii_letters_and_digits_only() {
    assertThat(Text.identifier("sg_", "0a1-b/c\"d é")).isEqualTo("sg_0a1_b_c_d__");
  }
}
