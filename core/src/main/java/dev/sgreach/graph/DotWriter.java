package dev.sgreach.graph;

import java.util.List;

/**
 * Writes a {@link SecurityGroupGraph} in Graphviz's DOT language. Every text is quoted; backslashes, double quotes
 * and ampersands are escaped (Graphviz would read {@code \N} and {@code &lt;} in a label), control characters are
 * shown as escapes ({@link Text#visible}), and nodes carry an {@code id}, a {@code class} and a {@code tooltip}, which
 * the SVG output keeps.
 */
final class DotWriter {
  private DotWriter() {}

  static String write(SecurityGroupGraph g) {
    StringBuilder b = new StringBuilder("digraph sgreach {\n");
    b.append("  graph [rankdir=LR, fontname=\"Helvetica\", fontsize=12, labelloc=t, labeljust=l, nodesep=0.35,"
        + " ranksep=0.9, label=").append(quote(lines(g.title(), g.notes()), "\\l")).append("];\n");
    b.append("  node [fontname=\"Helvetica\", fontsize=10, shape=box, style=\"rounded,filled\", color=\"#555555\"];\n");
    b.append("  edge [fontname=\"Helvetica\", fontsize=9, color=\"#333333\"];\n");
    for (GraphNode n : g.nodes()) {
      b.append("  ").append(n.id()).append(" [id=").append(quote(n.id())).append(", class=")
          .append(quote(Style.cssClasses(n))).append(", label=").append(quote(String.join("\n", visible(n.lines()))))
          .append(", fillcolor=").append(quote(Style.fill(n))).append(shape(n)).append("];\n");
    }
    int i = 0;
    for (GraphEdge e : g.edges()) {
      b.append("  ").append(e.from()).append(" -> ").append(e.to()).append(" [id=")
          .append(quote("edge_" + (++i))).append(", class=").append(quote(Style.cssClasses(e)));
      switch (e.kind()) {
        case INGRESS_RULE -> b.append(", label=").append(quote(e.caption()));
        case EGRESS_RULE -> b.append(", label=").append(quote(e.caption())).append(", style=dashed, color=\"#777777\"");
        case ATTACHMENT -> b.append(", style=dotted, arrowhead=none, color=\"#8aa4c8\"");
      }
      List<String> descriptions = e.descriptions();
      if (!descriptions.isEmpty()) {
        b.append(", tooltip=").append(quote(String.join("\n", visible(descriptions.size() <= 12 ? descriptions
            : descriptions.subList(0, 12)))));
      }
      b.append("];\n");
    }
    return b.append("}\n").toString();
  }

  private static String shape(GraphNode n) {
    return switch (n.kind()) {
      case SECURITY_GROUP, GROUP_SUMMARY -> n.context() ? ", style=\"rounded,filled,dashed\"" : "";
      case MISSING_GROUP -> ", style=\"rounded,dashed\", color=\"#b00020\", fontcolor=\"#b00020\"";
      case INTERNET -> ", shape=doubleoctagon, style=filled";
      case CIDR, ADDRESS_SUMMARY -> ", shape=note, style=filled";
      case PREFIX_LIST -> ", shape=folder, style=filled";
      case ENI_CLASS -> ", shape=box3d, style=filled";
    };
  }

  private static String lines(String first, List<String> rest) {
    return String.join("\n", visible(List.of(first))) + "\n" + String.join("\n", visible(rest)) + "\n";
  }

  private static List<String> visible(List<String> lines) {
    return lines.stream().map(Text::visible).toList();
  }

  /**
   * A DOT quoted string; the text's own line breaks must already be escapes, so a {@code \n} here is a line break of
   * the label.
   */
  static String quote(String text) {
    return quote(text, "\\n");
  }

  /** A DOT quoted string whose line breaks become {@code lineBreak} ({@code \l}: left-justified lines). */
  private static String quote(String text, String lineBreak) {
    StringBuilder b = new StringBuilder(text.length() + 2).append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '\\' -> b.append("\\\\");
        case '"' -> b.append("\\\"");
        case '&' -> b.append("&amp;");
        case '\n' -> b.append(lineBreak);
        default -> b.append(c);
      }
    }
    return b.append('"').toString();
  }
}
