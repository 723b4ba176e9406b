package dev.sgreach.graph;

import com.google.common.collect.ImmutableList;
import dev.sgreach.model.Network;
import java.util.Objects;
import java.util.Optional;

/**
 * The security-group relations of a snapshot as a picture's data, the seed document's hand-drawn diagrams generated:
 * security groups as nodes labelled with their name, id and EKS role; the rules that name another group, a CIDR
 * block, the internet or a prefix list as arrows in the direction traffic flows, merged per pair and labelled with
 * their protocols and ports; ENIs as classes of the same role carrying the same groups, with their count. Render it
 * with {@link #toDot()} (Graphviz) or {@link #toMermaid()}.
 *
 * <pre>{@code
 * SecurityGroupGraph g = SecurityGroupGraph.of(network);                        // everything
 * SecurityGroupGraph c = SecurityGroupGraph.builder(network).cluster("ekscluster1").focus("nodegroup:ng1").build();
 * String dot = c.toDot();
 * }</pre>
 *
 * <p>The package documentation ({@code dev.sgreach.graph}) says how arrows read, what a focus selects and when a
 * picture becomes a summary.
 */
public final class SecurityGroupGraph {
  /** A picture drawing more security groups than this (selected and neighbours) is drawn as a summary. */
  public static final int MAX_GROUPS = 60;
  /** A picture with more rule arrows than this (after merging per pair) is drawn as a summary. */
  public static final int MAX_RULE_ARROWS = 150;
  /** A picture with more ENI classes than this is drawn as a summary. */
  public static final int MAX_ENI_CLASSES = 60;
  /** Ranges or ICMP types named per protocol on an arrow of a group-by-group picture before "+N more". */
  static final int PORTS_PER_PROTOCOL = 24;

  /** How much to draw. */
  public enum Detail {
    /** Group by group unless the picture is too large to read ({@link #MAX_GROUPS} etc.), then a summary. */
    AUTO,
    /** Always group by group. */
    GROUPS,
    /** Always the summary by EKS role and VPC. */
    SUMMARY
  }

  private final String title;
  private final ImmutableList<String> notes;
  private final boolean summary;
  private final ImmutableList<GraphNode> nodes;
  private final ImmutableList<GraphEdge> edges;

  private SecurityGroupGraph(String title, ImmutableList<String> notes, boolean summary, ImmutableList<GraphNode> nodes,
      ImmutableList<GraphEdge> edges) {
    this.title = title;
    this.notes = notes;
    this.summary = summary;
    this.nodes = nodes;
    this.edges = edges;
  }

  /** The picture of every security group of the network, group by group unless it is too large. */
  public static SecurityGroupGraph of(Network network) {
    return builder(network).build();
  }

  /** A builder for a picture of this network. */
  public static Builder builder(Network network) {
    return new Builder(network);
  }

  /** What the picture shows, e.g. {@code security groups of EKS cluster ekscluster1}. */
  public String title() {
    return title;
  }

  /** The legend: how to read arrows and lines, and why a picture is a summary. */
  public ImmutableList<String> notes() {
    return notes;
  }

  /** True when the picture is the summary by EKS role and VPC rather than group by group. */
  public boolean isSummary() {
    return summary;
  }

  /** Every node: groups first, then the peers rules name, then ENI classes. */
  public ImmutableList<GraphNode> nodes() {
    return nodes;
  }

  /** Every arrow: rule arrows in snapshot order, then ENI attachments. */
  public ImmutableList<GraphEdge> edges() {
    return edges;
  }

  /** The node with this id. */
  public Optional<GraphNode> node(String id) {
    return nodes.stream().filter(n -> n.id().equals(id)).findFirst();
  }

  /** The picture in Graphviz's DOT language; {@code dot -Tsvg} renders it. */
  public String toDot() {
    return DotWriter.write(this);
  }

  /** The picture as a Mermaid flowchart (renders on GitHub and in Mermaid's own tools). */
  public String toMermaid() {
    return MermaidWriter.write(this);
  }

  @Override
  public String toString() {
    return "SecurityGroupGraph[" + title + ": " + nodes.size() + " nodes, " + edges.size() + " edges"
        + (summary ? ", summary" : "") + "]";
  }

  /** Chooses what to draw; {@link #build()} draws it. */
  public static final class Builder {
    private final Network network;
    private String cluster;
    private String focus;
    private Detail detail = Detail.AUTO;

    private Builder(Network network) {
      this.network = Objects.requireNonNull(network, "network");
    }

    /** Draws only this EKS cluster's groups and the other groups of its VPC. */
    public Builder cluster(String name) {
      this.cluster = name;
      return this;
    }

    /**
     * Draws one neighbourhood: the groups the focus names and everything their rules connect them to. The focus is
     * a group id or name, a group role ({@code cluster-sg}, {@code lbc-backend-sg}, ...: see
     * {@link dev.sgreach.eks.SecurityGroupRole#id()}), or an EKS role as endpoints write it ({@code control-plane},
     * {@code nodegroup:ng1}, {@code eks:<cluster>/fargate}: the groups its ENIs carry).
     */
    public Builder focus(String text) {
      this.focus = text;
      return this;
    }

    /** Group by group, summary, or whichever fits ({@link Detail#AUTO}, the default). */
    public Builder detail(Detail value) {
      this.detail = Objects.requireNonNull(value, "detail");
      return this;
    }

    /**
     * The picture.
     *
     * @throws IllegalArgumentException when the cluster is unknown (listing those found) or the focus names nothing
     *     in the snapshot (saying what it accepts)
     */
    public SecurityGroupGraph build() {
      Roles roles = Roles.of(network);
      Selection selection = Selection.of(network, roles, cluster, focus);
      boolean summary = detail == Detail.SUMMARY
          || (detail == Detail.AUTO && selection.groups().size() > MAX_GROUPS);
      Canvas canvas = null;
      if (!summary) {
        canvas = GroupPicture.draw(network, roles, selection.groups());
        summary = detail == Detail.AUTO && (canvas.count(GraphNode.Kind.SECURITY_GROUP, GraphNode.Kind.MISSING_GROUP)
            > MAX_GROUPS || canvas.ruleEdges() > MAX_RULE_ARROWS
            || canvas.count(GraphNode.Kind.ENI_CLASS) > MAX_ENI_CLASSES);
      }
      ImmutableList.Builder<String> notes = ImmutableList.builder();
      notes.add("solid arrow A -> B: an inbound rule of B admits A; dashed: an outbound rule of A allows B");
      String title;
      if (summary) {
        canvas = SummaryPicture.draw(network, roles, selection.groups());
        title = "Summary of " + Text.count(selection.groups().size(), "security group") + " ("
            + selection.description() + ") by EKS role and VPC";
        notes.add(detail == Detail.SUMMARY ? "summary as asked"
            : "more than " + MAX_GROUPS + " groups, " + MAX_RULE_ARROWS + " arrows or " + MAX_ENI_CLASSES
                + " ENI classes: summarised; focus on a group or role to draw it group by group");
        return new SecurityGroupGraph(title, notes.build(), true, canvas.frozenNodes(),
            canvas.frozenEdges(SummaryPicture.PORTS_PER_PROTOCOL, true));
      }
      title = "Security groups: " + selection.description();
      notes.add("dotted line: ENIs of one role carrying the group, counted; egress all traffic to anywhere is noted"
          + " in the group");
      return new SecurityGroupGraph(title, notes.build(), false, canvas.frozenNodes(),
          canvas.frozenEdges(PORTS_PER_PROTOCOL, false));
    }
  }
}
