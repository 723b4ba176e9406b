package dev.sgreach.graph;

import com.google.common.collect.ImmutableList;
import dev.sgreach.eks.SecurityGroupRole;
import dev.sgreach.model.Direction;
import dev.sgreach.model.Rule;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Collects a picture's nodes (by a key naming what they stand for) and its arrows (merged per pair and kind), then
 * freezes them: nodes ordered groups first, then peers, then ENI classes; each arrow labelled with its merged ports.
 */
final class Canvas {
  private static final List<GraphNode.Kind> ORDER = List.of(GraphNode.Kind.SECURITY_GROUP,
      GraphNode.Kind.GROUP_SUMMARY, GraphNode.Kind.MISSING_GROUP, GraphNode.Kind.INTERNET, GraphNode.Kind.CIDR,
      GraphNode.Kind.PREFIX_LIST, GraphNode.Kind.ADDRESS_SUMMARY, GraphNode.Kind.ENI_CLASS);

  /** A node being drawn; its label may grow until the canvas is frozen. */
  static final class Draft {
    final String id;
    final GraphNode.Kind kind;
    String title;
    final List<String> details = new ArrayList<>();
    final List<String> resources = new ArrayList<>();
    Optional<SecurityGroupRole> role = Optional.empty();
    boolean context;

    Draft(String id, GraphNode.Kind kind, String title) {
      this.id = id;
      this.kind = kind;
      this.title = title;
    }
  }

  private record EdgeKey(String from, String to, GraphEdge.Kind kind) {}

  private final Map<String, Draft> nodes = new LinkedHashMap<>();
  private final Set<String> ids = new HashSet<>();
  private final Map<EdgeKey, List<Rule>> edges = new LinkedHashMap<>();

  /** The node standing for {@code key}, made by {@code make} (given a fresh id) the first time. */
  Draft node(String key, String idPrefix, String idText, Function<String, Draft> make) {
    Draft d = nodes.get(key);
    if (d == null) {
      String id = Text.identifier(idPrefix, idText);
      for (int n = 2; !ids.add(id); n++) {
        id = Text.identifier(idPrefix, idText) + "_" + n;
      }
      d = make.apply(id);
      nodes.put(key, d);
    }
    return d;
  }

  boolean has(String key) {
    return nodes.containsKey(key);
  }

  Draft get(String key) {
    return nodes.get(key);
  }

  /**
   * Adds a rule of the group {@code ownerKey} naming the peer {@code peerKey} to its arrow, drawn the way traffic
   * flows: an inbound rule from the peer to the owner, an outbound rule from the owner to the peer.
   */
  void rule(String ownerKey, String peerKey, Rule rule) {
    boolean in = rule.direction() == Direction.INGRESS;
    EdgeKey key = new EdgeKey(nodes.get(in ? peerKey : ownerKey).id, nodes.get(in ? ownerKey : peerKey).id,
        in ? GraphEdge.Kind.INGRESS_RULE : GraphEdge.Kind.EGRESS_RULE);
    edges.computeIfAbsent(key, k -> new ArrayList<>()).add(rule);
  }

  /** Draws an ENI class (by key) as carrying a group (by key). */
  void attach(String eniClassKey, String groupKey) {
    edges.putIfAbsent(new EdgeKey(nodes.get(eniClassKey).id, nodes.get(groupKey).id, GraphEdge.Kind.ATTACHMENT),
        List.of());
  }

  long count(GraphNode.Kind... kinds) {
    List<GraphNode.Kind> wanted = List.of(kinds);
    return nodes.values().stream().filter(d -> wanted.contains(d.kind)).count();
  }

  long ruleEdges() {
    return edges.keySet().stream().filter(k -> k.kind() != GraphEdge.Kind.ATTACHMENT).count();
  }

  ImmutableList<GraphNode> frozenNodes() {
    return nodes.values().stream().sorted(Comparator.comparingInt(d -> ORDER.indexOf(d.kind)))
        .map(d -> new GraphNode(d.id, d.kind, d.title, ImmutableList.copyOf(d.details),
            ImmutableList.copyOf(d.resources), d.role, d.context))
        .collect(ImmutableList.toImmutableList());
  }

  /** The arrows, labelled with their merged ports ({@code counted}: prefixed with the number of rules). */
  ImmutableList<GraphEdge> frozenEdges(int maxPerProtocol, boolean counted) {
    ImmutableList.Builder<GraphEdge> out = ImmutableList.builder();
    List<GraphEdge> attachments = new ArrayList<>();
    for (Map.Entry<EdgeKey, List<Rule>> e : edges.entrySet()) {
      EdgeKey k = e.getKey();
      if (k.kind() == GraphEdge.Kind.ATTACHMENT) {
        attachments.add(new GraphEdge(k.from(), k.to(), k.kind(), "", ImmutableList.of()));
        continue;
      }
      PortLabels ports = new PortLabels();
      e.getValue().forEach(r -> ports.add(r.ports()));
      String label = ports.label(maxPerProtocol);
      if (counted) {
        label = Text.count(e.getValue().size(), "rule") + ": " + label;
      }
      out.add(new GraphEdge(k.from(), k.to(), k.kind(), label, ImmutableList.copyOf(e.getValue())));
    }
    return out.addAll(attachments).build();
  }
}
