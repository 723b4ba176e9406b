package dev.sgreach.graph;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * DOT quoting: what Graphviz reads back from a quoted label is the text itself (cli's tests render the DOT through
 * {@code dot -Tsvg} and compare the SVG's text).
 */
class DotWriterTest {
  /** What Graphviz makes of a quoted string in a label: its escapes undone and its character entities decoded. */
  private static String graphvizReads(String quoted) {
    assertThat(quoted).startsWith("\"").endsWith("\"");
    String body = quoted.substring(1, quoted.length() - 1);
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < body.length(); i++) {
      char c = body.charAt(i);
      assertThat(c).as("raw quote or line break inside %s", quoted).isNotIn('"', '\n', '\r');
      if (c == '\\') {
        char next = body.charAt(++i);
        b.append(next == 'n' ? "\n" : String.valueOf(next));
      } else {
        b.append(c);
      }
    }
    return b.toString().replace("&amp;", "&");
  }

  @Test
  void quoted_labels_read_back_as_the_visible_text() {
    String visible = Text.visible(Pictures.NASTY_NAME);
    assertThat(graphvizReads(DotWriter.quote(visible))).isEqualTo(visible);
    assertThat(DotWriter.quote("a\\N & \"b\"\nc")).isEqualTo("\"a\\\\N &amp; \\\"b\\\"\\nc\"");
  }

  @Test
  void every_node_and_edge_statement_is_one_line_and_names_come_only_inside_quotes() {
    String dot = SecurityGroupGraph.of(Pictures.nastyNames()).toDot();
    assertThat(dot).startsWith("digraph sgreach {\n").endsWith("}\n");
    assertThat(dot.lines().skip(1).takeWhile(l -> !l.equals("}")))
        .allMatch(l -> l.startsWith("  ") && l.endsWith("];"));
    assertThat(dot).contains("label=\"we\\\"b\\\\N <script>&amp;amp;</script> #35; |x| `md` %%{init}%%\\\\nline2"
        + "\\\\u0007\\nsg-nasty\"");
    assertThat(dot).contains("tooltip=\"desc with \\\"quotes\\\" and\\\\nnewline &amp; <tags>\"");
  }
}
