package dev.sgreach.testkit;

import static dev.sgreach.testkit.error.ShouldHaveNoEksWarnings.shouldHaveNoEksWarnings;
import static dev.sgreach.testkit.error.ShouldPassEksChecks.shouldPassEksChecks;

import dev.sgreach.eks.EksCluster;
import dev.sgreach.eks.LintReport;
import dev.sgreach.engine.Endpoint;
import org.assertj.core.api.AbstractAssert;
import org.assertj.core.api.AssertionErrorCollector;

/**
 * Assertions about an {@link EksCluster}: its health as {@link dev.sgreach.eks.EksChecks} judges it, and the door to
 * flow assertions from each of its roles. Obtain it with {@link SgreachAssertions#assertThat(EksCluster)}.
 *
 * <pre>{@code
 * assertThat(cluster).passesEksChecks();
 * assertThat(cluster).nodegroup("ng1").canReach(controlPlane()).on(tcp(443));
 * assertThat(cluster).controlPlane().canReach(nodes()).on(tcp(10250));
 * assertThat(cluster).controlPlane().isNotExposedToInternet();
 * }</pre>
 *
 * <p>The role methods return the {@link EndpointAssert} of the role's ENIs, which also takes roles as targets
 * ({@link EksRole}, written {@code controlPlane()}, {@code nodegroup("ng1")}, ... with the static import of
 * {@link SgreachAssertions}) and resolves them against this cluster. A role with no ENIs in the snapshot (a cluster
 * without Fargate) is a bad argument, not a failed assertion: the engine refuses it with an
 * {@link IllegalArgumentException} naming the role.
 */
public class EksClusterAssert extends AbstractAssert<EksClusterAssert, EksCluster> {
  private AssertionErrorCollector collector;

  /**
   * An assertion on this cluster; prefer {@link SgreachAssertions#assertThat(EksCluster)}. Public, with exactly the
   * actual type, for AssertJ's soft-assertion proxies.
   *
   * @param actual the cluster
   */
  public EksClusterAssert(EksCluster actual) {
    super(actual, EksClusterAssert.class);
  }

  /** In soft mode, the assertions reached through this one collect their failures here instead of throwing. */
  void collectInto(AssertionErrorCollector softly) {
    this.collector = softly;
  }

  /**
   * Verifies that the cluster's EKS checks ({@link EksCluster#lint()}) find no error: every path a healthy cluster
   * needs is open (nodes to the API, the control plane to the kubelets and webhooks, node to node, pods to CoreDNS,
   * load balancers to their targets, nodes to the VPC endpoints) and nothing that must stay closed is open to the
   * internet. The failure lists every error with its proof and fix. A check the snapshot cannot decide (its
   * control-plane ENIs, a group or prefix list a verdict depends on, a pod's node are missing) fails it too, listing
   * what is missing: a cluster is never taken to pass on data that is not there.
   *
   * @return this assertion
   */
  public EksClusterAssert passesEksChecks() {
    isNotNull();
    LintReport report = actual.lint();
    if (report.hasErrors() || report.hasUnknowns()) {
      throwAssertionError(shouldPassEksChecks(report));
    }
    return myself;
  }

  /**
   * Verifies that the cluster's EKS checks give no warning either: no needed path open for only some members, no
   * check the snapshot cannot decide, no node or pod admitting a public block.
   *
   * @return this assertion
   */
  public EksClusterAssert hasNoEksWarnings() {
    isNotNull();
    LintReport report = actual.lint();
    if (!report.warnings().isEmpty()) {
      throwAssertionError(shouldHaveNoEksWarnings(report));
    }
    return myself;
  }

  /**
   * Assertions about the ENIs of one role of this cluster.
   *
   * @param role the role, e.g. {@code nodegroup("ng1")}
   * @return the assertion on the role's endpoint, which resolves roles given as targets against this cluster
   * @throws IllegalArgumentException when the role has no ENIs in the snapshot, or names a missing nodegroup
   */
  public EndpointAssert role(EksRole role) {
    isNotNull();
    return endpointAssert(scope().resolve(role));
  }

  /**
   * Assertions about any endpoint of the cluster's network (an address on the internet, a database's group), with
   * this cluster's roles usable as targets: {@code endpoint(address("203.0.113.9")).cannotReach(nodes())}.
   *
   * @param endpoint the endpoint
   * @return the assertion on the endpoint
   * @throws IllegalArgumentException when the endpoint names nothing in the network
   */
  public EndpointAssert endpoint(Endpoint endpoint) {
    isNotNull();
    return endpointAssert(EndpointAssert.requireEndpoint(endpoint, "endpoint"));
  }

  private EndpointAssert endpointAssert(Endpoint endpoint) {
    Scope scope = scope();
    scope.reachability().resolve(endpoint);
    return new EndpointAssert(endpoint, scope);
  }

  private Scope scope() {
    return new Scope(Engines.of(actual.network()), collector, info.description(), actual);
  }

  /**
   * Assertions about the control-plane ENIs.
   *
   * @return the assertion on the role
   */
  public EndpointAssert controlPlane() {
    return role(EksRole.controlPlane());
  }

  /**
   * Assertions about every node ENI, managed and self-managed.
   *
   * @return the assertion on the role
   */
  public EndpointAssert nodes() {
    return role(EksRole.nodes());
  }

  /**
   * Assertions about the node ENIs of one nodegroup.
   *
   * @param name the nodegroup's name
   * @return the assertion on the role
   * @throws IllegalArgumentException when the cluster has no nodegroup of that name, listing those it has
   */
  public EndpointAssert nodegroup(String name) {
    return role(EksRole.nodegroup(name));
  }

  /**
   * Assertions about the node ENIs of managed nodegroups.
   *
   * @return the assertion on the role
   */
  public EndpointAssert managedNodes() {
    return role(EksRole.managedNodes());
  }

  /**
   * Assertions about the node ENIs of self-managed nodegroups.
   *
   * @return the assertion on the role
   */
  public EndpointAssert selfManagedNodes() {
    return role(EksRole.selfManagedNodes());
  }

  /**
   * Assertions about the Fargate pod ENIs.
   *
   * @return the assertion on the role
   */
  public EndpointAssert fargatePods() {
    return role(EksRole.fargatePods());
  }

  /**
   * Assertions about the branch ENIs of every pod with its own security groups.
   *
   * @return the assertion on the role
   */
  public EndpointAssert podsWithSecurityGroups() {
    return role(EksRole.podsWithSecurityGroups());
  }

  /**
   * Assertions about the ENIs of the load balancers of the AWS Load Balancer Controller.
   *
   * @return the assertion on the role
   */
  public EndpointAssert loadBalancers() {
    return role(EksRole.loadBalancers());
  }

  /**
   * Assertions about the ENIs of the interface VPC endpoints that carry the cluster's groups.
   *
   * @return the assertion on the role
   */
  public EndpointAssert vpcEndpoints() {
    return role(EksRole.vpcEndpoints());
  }

  /**
   * Assertions about the bastions: instances carrying the shared node SG without being nodes.
   *
   * @return the assertion on the role
   */
  public EndpointAssert bastions() {
    return role(EksRole.bastions());
  }
}
