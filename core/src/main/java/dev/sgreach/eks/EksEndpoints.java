package dev.sgreach.eks;

import com.google.common.collect.ImmutableList;
import dev.sgreach.engine.Endpoint;
import dev.sgreach.model.Network;

/**
 * The command line's names for EKS roles: {@code eks:<cluster>/<role>[:<name>]}, e.g.
 * {@code eks:ekscluster1/nodegroup:ng1} or {@code eks:ekscluster1/control-plane}.
 *
 * <table>
 *   <caption>roles</caption>
 *   <tr><td>{@code control-plane}</td><td>the control-plane ENIs ({@code Amazon EKS <cluster>})</td></tr>
 *   <tr><td>{@code nodes}, {@code managed-nodes}, {@code self-managed-nodes}</td><td>node ENIs</td></tr>
 *   <tr><td>{@code nodegroup:<ng>}</td><td>the node ENIs of one nodegroup</td></tr>
 *   <tr><td>{@code fargate}</td><td>Fargate pod ENIs</td></tr>
 *   <tr><td>{@code pods-with-sg}, {@code pods-with-sg:<sg-id>}</td><td>branch ENIs of pods with their own groups</td></tr>
 *   <tr><td>{@code load-balancers}, {@code load-balancers:<lb-name>}</td><td>LBC load-balancer ENIs</td></tr>
 *   <tr><td>{@code endpoints}</td><td>interface VPC endpoint ENIs</td></tr>
 *   <tr><td>{@code bastions}, {@code shared-sg-members}</td><td>non-node holders of the shared SG</td></tr>
 *   <tr><td>{@code cluster-sg}, {@code shared-sg}</td><td>every ENI carrying that group</td></tr>
 * </table>
 */
public final class EksEndpoints {
  /** The prefix that marks an EKS role endpoint. */
  public static final String PREFIX = "eks:";

  /** The role names, as written after the cluster. */
  public static final ImmutableList<String> ROLES = ImmutableList.of("control-plane", "nodes", "managed-nodes",
      "self-managed-nodes", "nodegroup:<ng>", "fargate", "pods-with-sg[:<sg-id>]", "load-balancers[:<lb-name>]",
      "endpoints", "bastions", "shared-sg-members", "cluster-sg", "shared-sg");

  private EksEndpoints() {}

  /** True when the text is written as an EKS role endpoint ({@code eks:...}). */
  public static boolean isEksEndpoint(String text) {
    return text != null && text.trim().startsWith(PREFIX);
  }

  /**
   * Parses {@code eks:<cluster>/<role>[:<name>]} into the role's endpoint.
   *
   * @throws IllegalArgumentException on bad syntax, an unknown cluster (listing the clusters found), an unknown role
   *     (listing the roles) or an unknown nodegroup (listing the nodegroups)
   */
  public static Endpoint parse(Network network, String text) {
    String t = text == null ? "" : text.trim();
    int slash = t.indexOf('/');
    if (!t.startsWith(PREFIX) || slash < 0 || slash == PREFIX.length() || slash == t.length() - 1) {
      throw new IllegalArgumentException("EKS endpoint '" + text + "' is not eks:<cluster>/<role>[:<name>];"
          + " roles: " + String.join(", ", ROLES));
    }
    EksCluster cluster = EksCluster.of(network, t.substring(PREFIX.length(), slash));
    String rest = t.substring(slash + 1);
    int colon = rest.indexOf(':');
    String role = colon < 0 ? rest : rest.substring(0, colon);
    String name = colon < 0 ? null : rest.substring(colon + 1);
    if (name != null && name.isEmpty()) {
      throw new IllegalArgumentException("EKS endpoint '" + text + "': the name after '" + role + ":' is empty");
    }
    Endpoint e = switch (role) {
      case "control-plane" -> name == null ? cluster.controlPlane() : null;
      case "nodes" -> name == null ? cluster.nodes() : null;
      case "managed-nodes" -> name == null ? cluster.managedNodes() : null;
      case "self-managed-nodes" -> name == null ? cluster.selfManagedNodes() : null;
      case "nodegroup" -> name == null ? null : cluster.nodegroup(name);
      case "fargate" -> name == null ? cluster.fargatePods() : null;
      case "pods-with-sg" -> name == null ? cluster.podsWithSecurityGroups() : cluster.podsWithSecurityGroup(name);
      case "load-balancers" -> name == null ? cluster.loadBalancers() : cluster.loadBalancer(name);
      case "endpoints" -> name == null ? cluster.vpcEndpoints() : null;
      case "bastions" -> name == null ? cluster.bastions() : null;
      case "shared-sg-members" -> name == null ? cluster.sharedSgMembers() : null;
      case "cluster-sg" -> name == null ? cluster.clusterSg() : null;
      case "shared-sg" -> name == null ? cluster.sharedSg() : null;
      default -> throw new IllegalArgumentException("unknown EKS role '" + role + "' in '" + text + "'; roles: "
          + String.join(", ", ROLES));
    };
    if (e == null) {
      throw new IllegalArgumentException("EKS role '" + role + "' in '" + text + "' "
          + (name == null ? "needs a name: " + role + ":<name>" : "takes no name") + "; roles: "
          + String.join(", ", ROLES));
    }
    return e;
  }
}
