package dev.sgreach.graph;

import dev.sgreach.eks.SecurityGroupRole;

/** The colours and CSS classes both renderers give a node, so that DOT and Mermaid pictures look alike. */
final class Style {
  private Style() {}

  /** The fill colour of a node. */
  static String fill(GraphNode n) {
    if (n.context()) {
      return "#f4f4f4";
    }
    return switch (n.kind()) {
      case SECURITY_GROUP, GROUP_SUMMARY -> n.role().map(Style::roleFill).orElse("#eeeeee");
      case MISSING_GROUP -> "#ffffff";
      case INTERNET -> "#ffd6d6";
      case CIDR, ADDRESS_SUMMARY -> "#fff6d5";
      case PREFIX_LIST -> "#fdebd0";
      case ENI_CLASS -> "#e3f2fd";
    };
  }

  private static String roleFill(SecurityGroupRole r) {
    return switch (r) {
      case CLUSTER_SG -> "#ffd8a8";
      case CONTROL_PLANE_SG -> "#fff3a8";
      case SHARED_NODE_SG -> "#c9f0c9";
      case NODEGROUP_SG, NODEGROUP_SSH_SG, EFA_SG, REMOTE_ACCESS_SG -> "#cfe0ff";
      case LBC_MANAGED_SG -> "#f9c9d4";
      case LBC_BACKEND_SG -> "#f0b5c4";
      case POD_SG -> "#e2d4fb";
      case MEMBER_SG -> "#e6e6e6";
    };
  }

  /** The node's classes: its kind, its EKS role, and {@code context} for neighbours. */
  static String cssClasses(GraphNode n) {
    return n.kind().cssClass() + n.role().map(r -> " " + r.id()).orElse("") + (n.context() ? " context" : "");
  }

  /** The edge's classes: its kind, and {@code group-reference} when every rule names a group. */
  static String cssClasses(GraphEdge e) {
    return e.kind().cssClass() + (e.isGroupReference() ? " group-reference" : "");
  }
}
