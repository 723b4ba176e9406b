package dev.sgreach.testkit;

import dev.sgreach.eks.EksCluster;
import dev.sgreach.eks.EksEndpoints;
import dev.sgreach.engine.Endpoint;
import java.util.Objects;
import java.util.function.Function;

/**
 * A role of an EKS cluster named without the cluster: "the control plane", "nodegroup ng1". An assertion that starts
 * from {@code assertThat(cluster)} resolves it against that cluster, so a target can be written as briefly as the
 * source:
 *
 * <pre>{@code
 * import static dev.sgreach.testkit.SgreachAssertions.*;
 *
 * assertThat(cluster).nodegroup("ng1").canReach(controlPlane()).on(tcp(443));
 * assertThat(cluster).controlPlane().canReach(managedNodes()).on(tcp(10250));
 * }</pre>
 *
 * <p>A role is a value: two roles are equal when they name the same role, and {@link #toString()} is the command
 * line's spelling after the cluster ({@code control-plane}, {@code nodegroup:ng1}; see {@link EksEndpoints}). Outside
 * a cluster's assertion, {@link #in(EksCluster)} gives the engine endpoint, e.g. for
 * {@code engine.reach(nodegroup("ng1").in(cluster), controlPlane().in(cluster), tcp(443))}.
 *
 * <p>The factories are also on {@link SgreachAssertions}, the single entry point.
 */
public final class EksRole {
  private final String spec;
  private final Function<EksCluster, Endpoint> resolver;

  private EksRole(String spec, Function<EksCluster, Endpoint> resolver) {
    this.spec = spec;
    this.resolver = resolver;
  }

  private static String requireName(String name, String what) {
    Objects.requireNonNull(name, what + " must not be null");
    if (name.isBlank()) {
      throw new IllegalArgumentException(what + " must not be blank");
    }
    return name;
  }

  /**
   * The control-plane ENIs ({@code Amazon EKS <cluster>}).
   *
   * @return the role
   */
  public static EksRole controlPlane() {
    return new EksRole("control-plane", EksCluster::controlPlane);
  }

  /**
   * Every node ENI, managed and self-managed.
   *
   * @return the role
   */
  public static EksRole nodes() {
    return new EksRole("nodes", EksCluster::nodes);
  }

  /**
   * The node ENIs of managed nodegroups.
   *
   * @return the role
   */
  public static EksRole managedNodes() {
    return new EksRole("managed-nodes", EksCluster::managedNodes);
  }

  /**
   * The node ENIs of self-managed nodegroups.
   *
   * @return the role
   */
  public static EksRole selfManagedNodes() {
    return new EksRole("self-managed-nodes", EksCluster::selfManagedNodes);
  }

  /**
   * The node ENIs of one nodegroup, managed or self-managed; resolving it fails with an
   * {@link IllegalArgumentException} listing the nodegroups when the cluster has none of that name.
   *
   * @param name the nodegroup's name, e.g. {@code ng1}
   * @return the role
   */
  public static EksRole nodegroup(String name) {
    requireName(name, "nodegroup");
    return new EksRole("nodegroup:" + name, c -> c.nodegroup(name));
  }

  /**
   * The Fargate pod ENIs.
   *
   * @return the role
   */
  public static EksRole fargatePods() {
    return new EksRole("fargate", EksCluster::fargatePods);
  }

  /**
   * The branch ENIs of every pod with its own security groups.
   *
   * @return the role
   */
  public static EksRole podsWithSecurityGroups() {
    return new EksRole("pods-with-sg", EksCluster::podsWithSecurityGroups);
  }

  /**
   * The branch (or Fargate) ENIs of the pods carrying this security group.
   *
   * @param securityGroupId {@code sg-...}
   * @return the role
   */
  public static EksRole podsWithSecurityGroup(String securityGroupId) {
    requireName(securityGroupId, "securityGroupId");
    return new EksRole("pods-with-sg:" + securityGroupId, c -> c.podsWithSecurityGroup(securityGroupId));
  }

  /**
   * The ENIs of every load balancer that carries the cluster's AWS Load Balancer Controller groups.
   *
   * @return the role
   */
  public static EksRole loadBalancers() {
    return new EksRole("load-balancers", EksCluster::loadBalancers);
  }

  /**
   * The ENIs of one load balancer, by the name in its ENI description ({@code ELB app/<name>/<id>}).
   *
   * @param name the load balancer's name, e.g. {@code k8s-default-echoserv-0123456789}
   * @return the role
   */
  public static EksRole loadBalancer(String name) {
    requireName(name, "name");
    return new EksRole("load-balancers:" + name, c -> c.loadBalancer(name));
  }

  /**
   * The ENIs of the interface VPC endpoints that carry the cluster's groups.
   *
   * @return the role
   */
  public static EksRole vpcEndpoints() {
    return new EksRole("endpoints", EksCluster::vpcEndpoints);
  }

  /**
   * The instances that carry the shared node SG without being nodes (bastions, Cloud9).
   *
   * @return the role
   */
  public static EksRole bastions() {
    return new EksRole("bastions", EksCluster::bastions);
  }

  /**
   * Every ENI that carries the EKS cluster security group.
   *
   * @return the role
   */
  public static EksRole clusterSecurityGroup() {
    return new EksRole("cluster-sg", EksCluster::clusterSg);
  }

  /**
   * Every ENI that carries the shared node security group.
   *
   * @return the role
   */
  public static EksRole sharedNodeSecurityGroup() {
    return new EksRole("shared-sg", EksCluster::sharedSg);
  }

  /**
   * This role in a cluster: the engine endpoint that stands for its ENIs, labelled
   * {@code eks:<cluster>/<role>}. The endpoint may have no members (a cluster without Fargate), which the engine
   * refuses when asked about it.
   *
   * @param cluster the cluster
   * @return the endpoint
   * @throws IllegalArgumentException when the cluster has no nodegroup of a {@link #nodegroup(String)} role's name
   */
  public Endpoint in(EksCluster cluster) {
    Objects.requireNonNull(cluster, "cluster");
    return resolver.apply(cluster);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof EksRole r && r.spec.equals(spec);
  }

  @Override
  public int hashCode() {
    return spec.hashCode();
  }

  /**
   * The role as the command line writes it after the cluster, e.g. {@code nodegroup:ng1}.
   *
   * @return the role's spelling
   */
  @Override
  public String toString() {
    return spec;
  }
}
