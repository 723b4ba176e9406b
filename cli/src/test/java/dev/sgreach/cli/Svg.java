package dev.sgreach.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/**
 * An SVG written by Graphviz, parsed as XML: its nodes and edges, each with its DOT name ({@code <title>}), classes
 * and text lines.
 */
final class Svg {
  /**
   * One {@code <g class="node ...">} or {@code <g class="edge ...">}.
   *
   * @param title the DOT name of a node, or {@code from->to} for an edge
   * @param classes the classes after {@code node} or {@code edge}
   * @param texts the text lines, in order
   */
  record Shape(String id, String title, List<String> classes, List<String> texts) {}

  final List<Shape> nodes = new ArrayList<>();
  final List<Shape> edges = new ArrayList<>();
  final List<String> graphLabel = new ArrayList<>();

  static Svg parse(String svg) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setNamespaceAware(true);
    f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
    f.setFeature("http://xml.org/sax/features/external-general-entities", false);
    Document doc = f.newDocumentBuilder().parse(new InputSource(new StringReader(svg)));
    assertThat(doc.getDocumentElement().getLocalName()).isEqualTo("svg");
    Svg out = new Svg();
    NodeList groups = doc.getElementsByTagNameNS("*", "g");
    for (int i = 0; i < groups.getLength(); i++) {
      Element g = (Element) groups.item(i);
      List<String> classes = List.of(g.getAttribute("class").split(" "));
      if (!List.of("graph", "node", "edge").contains(classes.get(0))) {
        continue; // the <g> Graphviz puts around a tooltip's <a>
      }
      if (classes.get(0).equals("graph")) {
        for (Element t : children(g, "text")) {
          out.graphLabel.add(t.getTextContent());
        }
        continue;
      }
      String title = children(g, "title").get(0).getTextContent();
      List<String> texts = new ArrayList<>();
      collectTexts(g, texts);
      Shape s = new Shape(g.getAttribute("id"), title, classes.subList(1, classes.size()), texts);
      (classes.get(0).equals("node") ? out.nodes : out.edges).add(s);
    }
    return out;
  }

  private static List<Element> children(Element e, String name) {
    List<Element> out = new ArrayList<>();
    for (org.w3c.dom.Node c = e.getFirstChild(); c != null; c = c.getNextSibling()) {
      if (c instanceof Element el && el.getLocalName().equals(name)) {
        out.add(el);
      }
    }
    return out;
  }

  private static void collectTexts(Element e, List<String> out) {
    for (org.w3c.dom.Node c = e.getFirstChild(); c != null; c = c.getNextSibling()) {
      if (c instanceof Element el) {
        if (el.getLocalName().equals("text")) {
          out.add(el.getTextContent());
        } else {
          collectTexts(el, out);
        }
      }
    }
  }

  /** The one node whose text has a line equal to {@code line} (a group id, say) and that has this class. */
  Shape node(String cssClass, String line) {
    List<Shape> found = nodes.stream().filter(n -> n.classes().contains(cssClass) && n.texts().contains(line))
        .toList();
    assertThat(found).as("SVG nodes of class %s with the line %s", cssClass, line).hasSize(1);
    return found.get(0);
  }
}
