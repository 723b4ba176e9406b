package dev.sgreach.testkit;

import dev.sgreach.eks.EksCluster;
import dev.sgreach.engine.Endpoint;
import dev.sgreach.engine.OpenPorts;
import dev.sgreach.engine.Reachability;
import dev.sgreach.engine.Verdict;
import dev.sgreach.model.Cidr;
import dev.sgreach.model.Network;
import dev.sgreach.model.Traffic;
import org.assertj.core.annotation.CheckReturnValue;

/**
 * The single entry point of sgreach's assertions: {@code assertThat} for a network, an EKS cluster, an engine, a
 * verdict and open ports, and the helpers that name traffic, endpoints and EKS roles, so one static import gives the
 * whole vocabulary.
 *
 * <pre>{@code
 * import static dev.sgreach.testkit.SgreachAssertions.*;
 *
 * assertThat(network).endpoint(securityGroup("sg-web")).canReach(securityGroup("sg-db")).on(tcp(5432));
 * assertThat(network).endpoint(securityGroup("sg-db")).isReachableOnlyFrom(securityGroup("sg-web")).on(tcp(5432));
 * assertThat(network).endpoint(eni("eni-db")).isNotExposedToInternet();
 * assertThat(cluster).nodegroup("ng1").canReach(controlPlane()).on(tcp(443));
 * assertThat(cluster).passesEksChecks();
 * }</pre>
 *
 * <p>Every assertion asks the engine ({@link Reachability}) and reads its answer; none evaluates a rule itself. See
 * the package documentation for the vocabulary and how it maps to InSpec and awspec matchers.
 */
@CheckReturnValue
public class SgreachAssertions {

  /** For extension: a project's own entry point may extend this one. */
  protected SgreachAssertions() {}

  /**
   * Assertions about a network: flows between its endpoints and checks of the whole snapshot.
   *
   * @param actual the network
   * @return the assertion
   */
  public static NetworkAssert assertThat(Network actual) {
    Unfinished.check(); // a chain left unfinished before this one checked nothing
    return new NetworkAssert(actual);
  }

  /**
   * Assertions about an EKS cluster: its EKS checks, and flows from and to its roles.
   *
   * @param actual the cluster, e.g. {@code EksCluster.of(network, "ekscluster1")} or injected by
   *     {@link SgreachSnapshot}
   * @return the assertion
   */
  public static EksClusterAssert assertThat(EksCluster actual) {
    Unfinished.check(); // a chain left unfinished before this one checked nothing
    return new EksClusterAssert(actual);
  }

  /**
   * Assertions about the network of an already compiled engine, reusing it.
   *
   * @param actual the engine
   * @return the assertion on its network
   */
  public static NetworkAssert assertThat(Reachability actual) {
    Unfinished.check(); // a chain left unfinished before this one checked nothing
    return new NetworkAssert(actual == null ? null : Engines.remember(actual).network());
  }

  /**
   * Assertions about one verdict of the engine.
   *
   * @param actual the verdict
   * @return the assertion
   */
  public static VerdictAssert assertThat(Verdict actual) {
    Unfinished.check(); // a chain left unfinished before this one checked nothing
    return new VerdictAssert(actual);
  }

  /**
   * Assertions about the open ports the engine found between two members.
   *
   * @param actual the open ports
   * @return the assertion
   */
  public static OpenPortsAssert assertThat(OpenPorts actual) {
    Unfinished.check(); // a chain left unfinished before this one checked nothing
    return new OpenPortsAssert(actual);
  }

  /**
   * Assertions about a change: what it opens and closes ({@code opensNothing()}, {@code opensNothingFromInternet()},
   * {@code opensOnly(...)}, {@code closesNothing()}).
   *
   * @param actual the change, e.g. injected by {@link SgreachSnapshot#plan()}
   * @return the assertion
   */
  public static ChangeAssert assertThat(Change actual) {
    if (actual == null) {
      throw new IllegalArgumentException("the change under test is null");
    }
    return new ChangeAssert(actual);
  }

  /**
   * A flow a change is expected to open, for {@link ChangeAssert#opensOnly(ExpectedFlow...)}.
   *
   * @param from the sender
   * @param to the receiver
   * @param traffic the traffic
   * @return the flow
   */
  public static ExpectedFlow flow(Endpoint from, Endpoint to, Traffic traffic) {
    if (from == null) {
      throw new IllegalArgumentException("flow needs a sender: use flowFromInternet(to, traffic) for the internet");
    }
    return new ExpectedFlow(java.util.Optional.of(from), to, traffic);
  }

  /**
   * A flow from the internet (any public address) a change is expected to open.
   *
   * @param to the receiver
   * @param traffic the traffic
   * @return the flow
   */
  public static ExpectedFlow flowFromInternet(Endpoint to, Traffic traffic) {
    return new ExpectedFlow(java.util.Optional.empty(), to, traffic);
  }

  // ------------------------------------------------------------------ traffic: not assertions, one entry point

  /**
   * A TCP connection to this port.
   *
   * @param port 0..65535
   * @return the traffic
   */
  public static Traffic tcp(int port) {
    return Traffic.tcp(port);
  }

  /**
   * A UDP flow to this port.
   *
   * @param port 0..65535
   * @return the traffic
   */
  public static Traffic udp(int port) {
    return Traffic.udp(port);
  }

  /**
   * An ICMP (IPv4) message; echo request is {@code icmp(8, 0)}.
   *
   * @param type 0..255
   * @param code 0..255
   * @return the traffic
   */
  public static Traffic icmp(int type, int code) {
    return Traffic.icmp(type, code);
  }

  /**
   * An ICMPv6 message; echo request is {@code icmpv6(128, 0)}.
   *
   * @param type 0..255
   * @param code 0..255
   * @return the traffic
   */
  public static Traffic icmpv6(int type, int code) {
    return Traffic.icmpv6(type, code);
  }

  /**
   * Traffic of an IP protocol without ports, e.g. {@code protocol(50)} for ESP.
   *
   * @param number the IP protocol number, not 1, 6, 17 or 58
   * @return the traffic
   */
  public static Traffic protocol(int number) {
    return Traffic.protocol(number);
  }

  // ------------------------------------------------------------------ endpoints

  /**
   * An endpoint written as sgreach writes it ({@link Endpoint#parse}): {@code eni-...}, {@code i-...},
   * {@code sg-...}, an IPv4/IPv6 address, {@code vpc-.../ADDRESS} or an EKS role {@code eks:CLUSTER/ROLE[:NAME]}.
   *
   * @param text the endpoint's text
   * @return the endpoint
   */
  public static Endpoint endpoint(String text) {
    return Endpoint.parse(text);
  }

  /**
   * The ENI with this id.
   *
   * @param id {@code eni-...}
   * @return the endpoint
   */
  public static Endpoint eni(String id) {
    return Endpoint.eni(id);
  }

  /**
   * An address: the ENI that owns it (restricted to that address), or else an outside party.
   *
   * @param address an IPv4 or IPv6 address
   * @return the endpoint
   */
  public static Endpoint address(String address) {
    return Endpoint.address(address);
  }

  /**
   * An address block, as a source for {@code isReachableOnlyFrom(...)}: it covers the outside blocks inside it. (To
   * ask about a flow from an outside party, name one of its addresses with {@link #address(String)}.)
   *
   * @param cidr an IPv4 or IPv6 block, e.g. {@code 10.0.0.0/16}
   * @return the endpoint
   */
  public static Endpoint cidr(String cidr) {
    return new Endpoint.Address(Cidr.parse(cidr));
  }

  /**
   * Every ENI attached to this instance.
   *
   * @param id {@code i-...}
   * @return the endpoint
   */
  public static Endpoint instance(String id) {
    return Endpoint.instance(id);
  }

  /**
   * Every ENI that carries this security group.
   *
   * @param id {@code sg-...}
   * @return the endpoint
   */
  public static Endpoint securityGroup(String id) {
    return Endpoint.securityGroup(id);
  }

  // ------------------------------------------------------------------ EKS roles, resolved against assertThat(cluster)

  /**
   * The control-plane ENIs of the cluster under test; see {@link EksRole#controlPlane()}.
   *
   * @return the role
   */
  public static EksRole controlPlane() {
    return EksRole.controlPlane();
  }

  /**
   * Every node ENI of the cluster under test; see {@link EksRole#nodes()}.
   *
   * @return the role
   */
  public static EksRole nodes() {
    return EksRole.nodes();
  }

  /**
   * The node ENIs of one nodegroup of the cluster under test; see {@link EksRole#nodegroup(String)}.
   *
   * @param name the nodegroup's name
   * @return the role
   */
  public static EksRole nodegroup(String name) {
    return EksRole.nodegroup(name);
  }

  /**
   * The node ENIs of managed nodegroups; see {@link EksRole#managedNodes()}.
   *
   * @return the role
   */
  public static EksRole managedNodes() {
    return EksRole.managedNodes();
  }

  /**
   * The node ENIs of self-managed nodegroups; see {@link EksRole#selfManagedNodes()}.
   *
   * @return the role
   */
  public static EksRole selfManagedNodes() {
    return EksRole.selfManagedNodes();
  }

  /**
   * The Fargate pod ENIs; see {@link EksRole#fargatePods()}.
   *
   * @return the role
   */
  public static EksRole fargatePods() {
    return EksRole.fargatePods();
  }

  /**
   * The branch ENIs of pods with their own security groups; see {@link EksRole#podsWithSecurityGroups()}.
   *
   * @return the role
   */
  public static EksRole podsWithSecurityGroups() {
    return EksRole.podsWithSecurityGroups();
  }

  /**
   * The ENIs of the pods carrying this security group; see {@link EksRole#podsWithSecurityGroup(String)}.
   *
   * @param securityGroupId {@code sg-...}
   * @return the role
   */
  public static EksRole podsWithSecurityGroup(String securityGroupId) {
    return EksRole.podsWithSecurityGroup(securityGroupId);
  }

  /**
   * The load-balancer ENIs of the AWS Load Balancer Controller; see {@link EksRole#loadBalancers()}.
   *
   * @return the role
   */
  public static EksRole loadBalancers() {
    return EksRole.loadBalancers();
  }

  /**
   * The ENIs of one load balancer; see {@link EksRole#loadBalancer(String)}.
   *
   * @param name the load balancer's name
   * @return the role
   */
  public static EksRole loadBalancer(String name) {
    return EksRole.loadBalancer(name);
  }

  /**
   * The interface VPC endpoint ENIs; see {@link EksRole#vpcEndpoints()}.
   *
   * @return the role
   */
  public static EksRole vpcEndpoints() {
    return EksRole.vpcEndpoints();
  }

  /**
   * The bastions; see {@link EksRole#bastions()}.
   *
   * @return the role
   */
  public static EksRole bastions() {
    return EksRole.bastions();
  }

  /**
   * Every ENI carrying the EKS cluster security group; see {@link EksRole#clusterSecurityGroup()}.
   *
   * @return the role
   */
  public static EksRole clusterSecurityGroup() {
    return EksRole.clusterSecurityGroup();
  }

  /**
   * Every ENI carrying the shared node security group; see {@link EksRole#sharedNodeSecurityGroup()}.
   *
   * @return the role
   */
  public static EksRole sharedNodeSecurityGroup() {
    return EksRole.sharedNodeSecurityGroup();
  }
}
