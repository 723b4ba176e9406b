package dev.sgreach.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sgreach.graph.GraphEdge;
import dev.sgreach.graph.GraphNode;
import dev.sgreach.graph.SecurityGroupGraph;
import dev.sgreach.model.Echo;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code sgreach graph}: the security-group relations of a snapshot as a picture (DOT, Mermaid, SVG). */
@Command(name = "graph", mixinStandardHelpOptions = true, versionProvider = ManifestVersion.class,
    header = "Draw the security groups of a snapshot, the rules between them and the ENIs that carry them.",
    description = {
        "Security groups are nodes labelled with name, id and EKS role; rules naming another group, a CIDR block, "
            + "the internet or a prefix list are arrows in the direction traffic flows (solid: an inbound rule of "
            + "the target admits the source; dashed: an outbound rule of the source allows the target), merged per "
            + "pair and labelled with their protocols and ports; ENIs are classes of one role carrying the same "
            + "groups, with their count. The outbound rule EC2 gives every group (all traffic to 0.0.0.0/0 or ::/0) "
            + "is noted in the group instead of drawn.",
        "--focus draws one neighbourhood: a group (id or name), a group role (cluster-sg, control-plane-sg, "
            + "shared-node-sg, nodegroup-sg, lbc-managed-sg, lbc-backend-sg, pod-sg, ...) or an EKS role "
            + "(control-plane, nodegroup:NG, fargate, ...: the groups its ENIs carry), with the groups its rules "
            + "connect it to. A picture of more than 60 groups, 150 arrows or 60 ENI classes is drawn as a summary "
            + "by EKS role and VPC (see --detail).",
        "svg runs Graphviz's dot (Debian package graphviz); dot and mermaid are text. --json prints the picture's "
            + "nodes and arrows."},
    exitCodeListHeading = "%nExit status:%n",
    exitCodeList = {"0:the picture was printed or written",
        "2:bad input: options, unknown cluster or focus, snapshot, Graphviz missing (svg)"})
final class GraphCommand extends AnalysisCommand {
  enum Format { dot, mermaid, svg }

  @Option(names = "--cluster", paramLabel = "NAME",
      description = "Only this EKS cluster's groups and the other groups of its VPC.")
  String cluster;

  @Option(names = "--focus", paramLabel = "X", description = "Draw the neighbourhood of a group or role.")
  String focus;

  @Option(names = "--format", paramLabel = "FORMAT", description = "dot (default), mermaid or svg.")
  Format format;

  @Option(names = "--detail", paramLabel = "LEVEL", defaultValue = "auto",
      description = "auto (default: groups, or a summary when too large), groups, or summary.")
  String detail;

  @Option(names = "--out", paramLabel = "FILE", description = "Write the picture to this file instead of printing it.")
  String out;

  @Option(names = "--dot", paramLabel = "PROGRAM", defaultValue = "dot",
      description = "Graphviz's dot program for --format svg (default: dot on the PATH).")
  String dotProgram;

  @Override
  Integer answer() {
    if (snapshot.json && format != null) {
      throw new BadInputException("--json and --format " + format + " ask for two outputs: give one");
    }
    SecurityGroupGraph.Detail level = switch (detail.toLowerCase(Locale.ROOT)) {
      case "auto" -> SecurityGroupGraph.Detail.AUTO;
      case "groups" -> SecurityGroupGraph.Detail.GROUPS;
      case "summary" -> SecurityGroupGraph.Detail.SUMMARY;
      default -> throw new BadInputException("--detail " + Echo.quote(detail) + " is not auto, groups or summary");
    };
    SecurityGroupGraph graph = SecurityGroupGraph.builder(network()).cluster(cluster).focus(focus).detail(level)
        .build();
    Format f = format == null ? Format.dot : format;
    String text = snapshot.json ? Json.write(json(graph)) : switch (f) {
      case dot -> graph.toDot();
      case mermaid -> graph.toMermaid();
      case svg -> Graphviz.svg(graph.toDot(), dotProgram);
    };
    PrintWriter o = spec.commandLine().getOut();
    if (out == null) {
      o.print(text);
    } else {
      Path file = environment().resolve(out);
      try {
        Files.writeString(file, text, StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot write --out " + out + ": " + e.getMessage(), e);
      }
      o.print("wrote " + out + ": " + (snapshot.json ? "json" : f.name()) + ", " + graph.nodes().size()
          + " nodes, " + graph.edges().size() + " arrows" + (graph.isSummary() ? " (summary)" : "") + "\n");
    }
    o.flush();
    return ExitCodes.OK;
  }

  private static JsonNode json(SecurityGroupGraph g) {
    JsonNodeFactory f = JsonNodeFactory.instance;
    ObjectNode o = f.objectNode();
    o.put("title", g.title());
    o.put("summary", g.isSummary());
    ArrayNode notes = o.putArray("notes");
    g.notes().forEach(notes::add);
    ArrayNode nodes = o.putArray("nodes");
    for (GraphNode n : g.nodes()) {
      ObjectNode j = nodes.addObject();
      j.put("id", n.id());
      j.put("kind", n.kind().cssClass());
      j.put("title", n.title());
      ArrayNode details = j.putArray("details");
      n.details().forEach(details::add);
      n.role().ifPresent(r -> j.put("role", r.id()));
      j.put("context", n.context());
      ArrayNode resources = j.putArray("resources");
      n.resources().forEach(resources::add);
    }
    ArrayNode edges = o.putArray("edges");
    for (GraphEdge e : g.edges()) {
      ObjectNode j = edges.addObject();
      j.put("from", e.from());
      j.put("to", e.to());
      j.put("kind", e.kind().cssClass());
      j.put("label", e.label());
      j.put("rules", e.rules().size());
      j.put("groupReference", e.isGroupReference());
      ArrayNode descriptions = j.putArray("descriptions");
      e.descriptions().forEach(descriptions::add);
    }
    return o;
  }
}
