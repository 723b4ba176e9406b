package dev.sgreach.eks;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import dev.sgreach.model.Echo;
import dev.sgreach.engine.Endpoint;
import dev.sgreach.model.Network;

/**
 * The written names for EKS roles (read by {@link Endpoint#parse}, so the library, the command line and the testkit
 * share them; every label the EKS checks print is one of them): {@code eks:<cluster>/<role>[:<name>]}, e.g.
 * {@code eks:ekscluster1/nodegroup:ng1} or {@code eks:ekscluster1/control-plane}.
 *
 * <table>
 *   <caption>roles</caption>
 *   <tr><td>{@code control-plane}</td><td>the control-plane ENIs ({@code Amazon EKS <cluster>})</td></tr>
 *   <tr><td>{@code nodes}, {@code managed-nodes}, {@code self-managed-nodes}</td><td>node ENIs</td></tr>
 *   <tr><td>{@code nodegroup:<ng>}</td><td>the node ENIs of one nodegroup</td></tr>
 *   <tr><td>{@code nodes:unknown-nodegroup}</td><td>node ENIs whose nodegroup is not known</td></tr>
 *   <tr><td>{@code node-of:<pod-eni>}</td><td>the ENIs of the node hosting a pod's branch ENI</td></tr>
 *   <tr><td>{@code targets:<sg-id>}</td><td>node and pod ENIs carrying a load balancer's target group</td></tr>
 *   <tr><td>{@code fargate}</td><td>Fargate pod ENIs</td></tr>
 *   <tr><td>{@code pods-with-sg}, {@code pods-with-sg:<sg-id>}</td><td>branch ENIs of pods with their own groups</td></tr>
 *   <tr><td>{@code load-balancers}, {@code load-balancers:<lb-name>}, {@code load-balancers:with-<sg-id>}</td>
 *       <td>LBC load-balancer ENIs (all, of one load balancer, carrying one group)</td></tr>
 *   <tr><td>{@code endpoints}</td><td>interface VPC endpoint ENIs</td></tr>
 *   <tr><td>{@code bastions}, {@code shared-sg-members}</td><td>non-node holders of the shared SG</td></tr>
 *   <tr><td>{@code cluster-sg}, {@code shared-sg}</td><td>every ENI carrying that group</td></tr>
 * </table>
 */
public final class EksEndpoints {
  /** The prefix that marks an EKS role endpoint. */
  public static final String PREFIX = "eks:";

  /** The role names, as written after the cluster. */
  public static final ImmutableList<String> ROLES = ImmutableList.of("control-plane", "nodes",
      "nodes:unknown-nodegroup", "managed-nodes", "self-managed-nodes", "nodegroup:<ng>", "node-of:<pod-eni>",
      "fargate", "pods-with-sg[:<sg-id>]", "load-balancers[:<lb-name>]", "load-balancers:with-<sg-id>",
      "targets:<sg-id>", "endpoints", "bastions", "shared-sg-members", "cluster-sg", "shared-sg");

  /** Roles that take no name. */
  private static final ImmutableSet<String> PLAIN = ImmutableSet.of("control-plane", "managed-nodes",
      "self-managed-nodes", "fargate", "endpoints", "bastions", "shared-sg-members", "cluster-sg", "shared-sg");
  /** Roles that need a name. */
  private static final ImmutableSet<String> NAMED = ImmutableSet.of("nodegroup", "node-of", "targets");
  /** Roles with or without a name. */
  private static final ImmutableSet<String> EITHER = ImmutableSet.of("nodes", "pods-with-sg", "load-balancers");

  private EksEndpoints() {}

  /** True when the text is written as an EKS role endpoint ({@code eks:...}). */
  public static boolean isEksEndpoint(String text) {
    return text != null && text.trim().startsWith(PREFIX);
  }

  /**
   * Reads {@code eks:<cluster>/<role>[:<name>]}: the syntax only, as {@link Endpoint#parse} does for every form.
   *
   * @throws IllegalArgumentException on bad syntax, an unknown role (listing the roles), a role that needs a name
   *     given none, or one that takes none given one
   */
  public static Endpoint.EksRole role(String text) {
    String t = text == null ? "" : text.trim();
    int slash = t.indexOf('/');
    if (!t.startsWith(PREFIX) || slash < 0 || slash == PREFIX.length() || slash == t.length() - 1) {
      throw new IllegalArgumentException("EKS endpoint " + Echo.quote(text) + " is not eks:<cluster>/<role>[:<name>];"
          + " roles: " + String.join(", ", ROLES));
    }
    String cluster = t.substring(PREFIX.length(), slash);
    String rest = t.substring(slash + 1);
    int colon = rest.indexOf(':');
    String role = colon < 0 ? rest : rest.substring(0, colon);
    String name = colon < 0 ? null : rest.substring(colon + 1);
    if (name != null && name.isEmpty()) {
      throw new IllegalArgumentException("EKS endpoint " + Echo.quote(text) + ": the name after '" + role
          + ":' is empty");
    }
    if (!PLAIN.contains(role) && !NAMED.contains(role) && !EITHER.contains(role)) {
      throw new IllegalArgumentException("unknown EKS role " + Echo.quote(role) + " in " + Echo.quote(text)
          + "; roles: " + String.join(", ", ROLES));
    }
    if (name == null && NAMED.contains(role) || name != null && PLAIN.contains(role)
        || "nodes".equals(role) && name != null && !name.equals(EksCluster.UNKNOWN_NODEGROUP)) {
      throw new IllegalArgumentException("EKS role '" + role + "' in " + Echo.quote(text) + " "
          + (name == null ? "needs a name: " + role + ":<name>" : "takes no name") + "; roles: "
          + String.join(", ", ROLES));
    }
    return new Endpoint.EksRole(cluster, role, name);
  }

  /**
   * Parses {@code eks:<cluster>/<role>[:<name>]} into the role's endpoint in this network.
   *
   * @throws IllegalArgumentException on bad syntax (see {@link #role}), an unknown cluster (listing the clusters
   *     found) or an unknown nodegroup (listing the nodegroups)
   */
  public static Endpoint parse(Network network, String text) {
    return resolve(network, role(text));
  }

  /**
   * The role's ENIs in this network, as a named group labelled as the role is written.
   *
   * @throws IllegalArgumentException for an unknown cluster (listing the clusters found) or an unknown nodegroup
   *     (listing the nodegroups)
   */
  public static Endpoint resolve(Network network, Endpoint.EksRole r) {
    EksCluster cluster = EksCluster.of(network, r.cluster());
    String name = r.name().isEmpty() ? null : r.name();
    return switch (r.role()) {
      case "control-plane" -> cluster.controlPlane();
      case "nodes" -> name == null ? cluster.nodes() : cluster.nodesOfUnknownNodegroup();
      case "managed-nodes" -> cluster.managedNodes();
      case "self-managed-nodes" -> cluster.selfManagedNodes();
      case "nodegroup" -> cluster.nodegroup(name);
      case "node-of" -> cluster.nodeOf(name);
      case "fargate" -> cluster.fargatePods();
      case "pods-with-sg" -> name == null ? cluster.podsWithSecurityGroups() : cluster.podsWithSecurityGroup(name);
      case "load-balancers" -> name == null ? cluster.loadBalancers()
          : name.startsWith(EksCluster.WITH + "sg-") ? cluster.loadBalancersWith(name.substring(EksCluster.WITH.length()))
          : cluster.loadBalancer(name);
      case "targets" -> cluster.targets(name);
      case "endpoints" -> cluster.vpcEndpoints();
      case "bastions" -> cluster.bastions();
      case "shared-sg-members" -> cluster.sharedSgMembers();
      case "cluster-sg" -> cluster.clusterSg();
      case "shared-sg" -> cluster.sharedSg();
      default -> throw new IllegalArgumentException("unknown EKS role '" + r.role() + "'; roles: "
          + String.join(", ", ROLES));
    };
  }
}
