package dev.sgreach.graph;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sgreach.eks.SeedClusters;
import dev.sgreach.model.Network;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Mermaid output parses: every line is checked against the flowchart grammar's basics (the {@code flowchart LR}
 * header; {@code %%} comments; node statements {@code id<open>"label"<close>} with the shapes sgreach uses; links
 * {@code a -->|"label"| b}, {@code a -.->|"label"| b}, {@code a -.- b}; {@code classDef} and {@code class}), ids are
 * plain, declared before use and no keyword, and every label is a double-quoted string holding no character that
 * ends or changes it (quotes, raw {@code #}, {@code &}, {@code <}, {@code >} other than {@code <br/>}, {@code |},
 * backticks, line breaks). Decoding the labels gives back exactly the graph's text.
 */
class MermaidSyntaxTest {
  private static final String ID = "[A-Za-z][A-Za-z0-9_]*";
  private static final String LABEL = "\"([^\"\\n]*)\"";
  private static final Pattern NODE = Pattern.compile("^  (" + ID + ")(\\(|\\{\\{|\\[/|\\[\\[|\\[)" + LABEL
      + "(\\)|\\}\\}|/\\]|\\]\\]|\\])$");
  private static final Pattern LINK = Pattern.compile("^  (" + ID + ") (-->|-\\.->)\\|" + LABEL + "\\| (" + ID + ")$");
  private static final Pattern PLAIN_LINK = Pattern.compile("^  (" + ID + ") -\\.- (" + ID + ")$");
  private static final Pattern CLASS_DEF = Pattern.compile("^  classDef (" + ID + ") [a-z-]+:[^,;\\n]+(,[a-z-]+:[^,;\\n]+)*$");
  private static final Pattern CLASS = Pattern.compile("^  class (" + ID + "(," + ID + ")*) (" + ID + ")$");
  private static final Pattern COMMENT = Pattern.compile("^  %% [^\\n]*$");
  private static final Set<String> KEYWORDS = Set.of("end", "graph", "flowchart", "subgraph", "class", "classDef",
      "click", "style", "linkStyle", "direction", "default");
  private static final Pattern SHAPES = Pattern.compile("\\(\\)|\\{\\{\\}\\}|\\[//\\]|\\[\\[\\]\\]|\\[\\]");

  static Stream<SecurityGroupGraph> pictures() {
    return Stream.of(
        SecurityGroupGraph.of(SeedClusters.publicAndPrivate()),
        SecurityGroupGraph.of(SeedClusters.privateOnly()),
        SecurityGroupGraph.builder(SeedClusters.publicAndPrivate()).focus("nodegroup-sg").build(),
        SecurityGroupGraph.builder(SeedClusters.publicAndPrivate()).detail(SecurityGroupGraph.Detail.SUMMARY).build(),
        SecurityGroupGraph.of(Pictures.threeTiers()),
        SecurityGroupGraph.of(Pictures.nastyNames()),
        SecurityGroupGraph.of(SecurityGroupGraphTest.chain(80)));
  }

  @ParameterizedTest
  @MethodSource("pictures")
  void mermaid_output_follows_the_flowchart_grammar_and_its_labels_decode_to_the_graph_text(SecurityGroupGraph g) {
    String text = g.toMermaid();
    List<String> lines = text.lines().toList();
    assertThat(text).endsWith("\n");
    assertThat(lines.get(0)).isEqualTo("flowchart LR");
    Set<String> declared = new HashSet<>();
    List<String> nodeLabels = new ArrayList<>();
    List<String> linkLabels = new ArrayList<>();
    for (String line : lines.subList(1, lines.size())) {
      Matcher m;
      if ((m = NODE.matcher(line)).matches()) {
        assertThat(KEYWORDS).as("node id %s", m.group(1)).doesNotContain(m.group(1));
        assertThat(declared.add(m.group(1))).as("%s declared once", m.group(1)).isTrue();
        assertThat(m.group(2) + m.group(4)).as("shape brackets of: %s", line).matches(SHAPES);
        nodeLabels.add(decode(label(m.group(3))));
      } else if ((m = LINK.matcher(line)).matches()) {
        assertThat(declared).as("ends of: %s", line).contains(m.group(1), m.group(4));
        linkLabels.add(decode(label(m.group(3))));
      } else if ((m = PLAIN_LINK.matcher(line)).matches()) {
        assertThat(declared).as("ends of: %s", line).contains(m.group(1), m.group(2));
      } else if ((m = CLASS.matcher(line)).matches()) {
        assertThat(declared).as("members of: %s", line).contains(m.group(1).split(","));
      } else {
        assertThat(line).as("a line that is no node, link, class or comment").matches(l -> CLASS_DEF.matcher(l)
            .matches() || (COMMENT.matcher(l).matches() && !l.startsWith("  %%{")));
      }
    }
    assertThat(nodeLabels).containsExactlyElementsOf(g.nodes().stream()
        .map(n -> String.join("\n", n.lines().stream().map(Text::visible).toList())).toList());
    assertThat(linkLabels).containsExactlyElementsOf(g.edges().stream()
        .filter(e -> e.kind() != GraphEdge.Kind.ATTACHMENT).map(e -> Text.visible(e.caption())).toList());
  }

  /** Checks what may stand in a label and returns it with {@code <br/>} as line breaks, entities still encoded. */
  private static String label(String raw) {
    String body = raw.replace("<br/>", "\n");
    assertThat(body).as("label %s", raw).doesNotContain("<", ">", "&", "|", "`", "\"")
        .doesNotContainPattern("#(?![0-9]+;)");
    return body;
  }

  private static String decode(String label) {
    Matcher m = Pattern.compile("#([0-9]+);").matcher(label);
    StringBuilder b = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(b, Matcher.quoteReplacement(String.valueOf((char) Integer.parseInt(m.group(1)))));
    }
    return m.appendTail(b).toString();
  }

  @org.junit.jupiter.api.Test
  void names_with_quotes_line_breaks_control_and_html_characters_are_escaped_not_lost() {
    Network n = Pictures.nastyNames();
    String mermaid = SecurityGroupGraph.of(n).toMermaid();
    assertThat(mermaid).contains("sg_nasty(\"we#34;b\\N #60;script#62;#38;amp;#60;/script#62; #35;35; #124;x#124;"
        + " #96;md#96; %%{init}%%\\nline2\\u0007<br/>sg-nasty\")");
    assertThat(mermaid).contains("enis_1[[\"weird#34;type ENI<br/>eni-1\"]]");
    assertThat(mermaid.lines()).noneMatch(l -> l.startsWith("line2"));
  }
}
