package dev.sgreach.graph;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a {@link SecurityGroupGraph} as a Mermaid flowchart ({@code flowchart LR}). Node ids are the graph's
 * (letters, digits, underscores); every label is a double-quoted string in which {@code " # & < > | `} are written as
 * Mermaid entity codes ({@code #34;} ...), control characters as visible escapes, and lines are joined with
 * {@code <br/>}. Inbound-rule arrows are {@code -->}, outbound {@code -.->}, attachments {@code -.-}.
 */
final class MermaidWriter {
  private MermaidWriter() {}

  static String write(SecurityGroupGraph g) {
    StringBuilder b = new StringBuilder("flowchart LR\n");
    b.append("  %% ").append(comment(g.title())).append('\n');
    g.notes().forEach(n -> b.append("  %% ").append(comment(n)).append('\n'));
    Map<String, List<String>> byStyle = new LinkedHashMap<>();
    for (GraphNode n : g.nodes()) {
      String label = "\"" + String.join("<br/>", n.lines().stream().map(MermaidWriter::escape).toList()) + "\"";
      b.append("  ").append(n.id()).append(switch (n.kind()) {
        case INTERNET -> "{{" + label + "}}";
        case CIDR, PREFIX_LIST, ADDRESS_SUMMARY -> "[/" + label + "/]";
        case ENI_CLASS -> "[[" + label + "]]";
        case SECURITY_GROUP, MISSING_GROUP, GROUP_SUMMARY -> "(" + label + ")";
      }).append('\n');
      String style = styleName(n);
      byStyle.computeIfAbsent(style, k -> new ArrayList<>()).add(n.id());
    }
    for (GraphEdge e : g.edges()) {
      b.append("  ").append(e.from()).append(switch (e.kind()) {
        case INGRESS_RULE -> " -->|\"" + escape(e.caption()) + "\"| ";
        case EGRESS_RULE -> " -.->|\"" + escape(e.caption()) + "\"| ";
        case ATTACHMENT -> " -.- ";
      }).append(e.to()).append('\n');
    }
    for (Map.Entry<String, List<String>> s : byStyle.entrySet()) {
      b.append("  classDef ").append(s.getKey()).append(' ').append(classDef(s.getKey())).append('\n');
      b.append("  class ").append(String.join(",", s.getValue())).append(' ').append(s.getKey()).append('\n');
    }
    return b.toString();
  }

  /** One class per fill colour and border: {@code s_ffd8a8} or {@code s_ffffff_dashed}. */
  private static String styleName(GraphNode n) {
    boolean dashed = n.context() || n.kind() == GraphNode.Kind.MISSING_GROUP;
    return "s_" + Style.fill(n).substring(1) + (dashed ? "_dashed" : "");
  }

  private static String classDef(String styleName) {
    String[] parts = styleName.split("_");
    return "fill:#" + parts[1] + ",stroke:#555555" + (parts.length > 2 ? ",stroke-dasharray:4 3" : "");
  }

  /** A comment's text: on one line, never starting a directive. */
  private static String comment(String text) {
    return Text.visible(text).replace("%%", "% %");
  }

  /** Text for inside a Mermaid double-quoted label. */
  static String escape(String text) {
    String t = Text.visible(text);
    StringBuilder b = new StringBuilder(t.length());
    for (int i = 0; i < t.length(); i++) {
      char c = t.charAt(i);
      switch (c) {
        case '"', '#', '&', '<', '>', '|', '`' -> b.append('#').append((int) c).append(';');
        default -> b.append(c);
      }
    }
    return b.toString();
  }
}
