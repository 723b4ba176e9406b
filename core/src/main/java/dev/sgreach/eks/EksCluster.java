package dev.sgreach.eks;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import dev.sgreach.engine.Endpoint;
import dev.sgreach.model.EksClusterInfo;
import dev.sgreach.model.Network;
import dev.sgreach.model.NetworkInterface;
import dev.sgreach.model.SecurityGroup;
import dev.sgreach.model.Traffic;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * One EKS cluster as seen through the security groups and ENIs of a {@link Network}: every group and ENI placed in
 * its role (DOMAIN.md tables a-e), what could not be placed and why, and the roles as query endpoints for the
 * reachability engine.
 *
 * <p>Groups: the EKS cluster SG (tag {@code aws:eks:cluster-name}, or {@code describe-cluster
 * clusterSecurityGroupId}), eksctl's control-plane SG and shared node SG (CloudFormation logical ids, or a
 * user-given shared SG found as the peer of eksctl's {@code IngressNodeToDefaultClusterSG} rule), nodegroup, SSH and
 * EFA groups, the LBC's managed and backend groups, pod groups. ENIs: control plane ({@code Amazon EKS <cluster>}),
 * managed nodes (instance + cluster SG), self-managed nodes (instance + nodegroup SG), trunk and branch ENIs (pods with
 * their own groups, linked to the node that hosts them), Fargate pods, load balancers ({@code ELB app/...},
 * {@code ELB net/...}), VPC endpoints, bastions and other holders of the shared SG.
 *
 * <pre>{@code
 * EksCluster c = EksCluster.of(network, "ekscluster1");
 * Reachability.of(network).reach(c.nodegroup("ng1"), c.controlPlane(), Traffic.tcp(443));
 * }</pre>
 *
 * <p>Endpoint labels follow the command-line syntax of {@link EksEndpoints}: {@code eks:<cluster>/<role>[:<name>]}.
 */
public final class EksCluster {
  /**
   * The traffic the EKS checks ask about between roles: tcp/443 (API server, webhooks), tcp/10250 (kubelet),
   * tcp/9443 (the Load Balancer Controller's webhook), tcp/53 and udp/53 (CoreDNS). The default ports of
   * {@code sgreach matrix}.
   */
  public static final ImmutableList<Traffic> ROLE_TRAFFIC = ImmutableList.of(Traffic.tcp(443), Traffic.tcp(10250),
      Traffic.tcp(9443), Traffic.tcp(53), Traffic.udp(53));

  private final Network network;
  private final Recogniser.Result result;
  private final ImmutableList<Unrecognised> unrecognised;
  /** The VPC CNI mode its checks assume for pods with security groups (not in EC2 data). */
  private final dev.sgreach.engine.PodSecurityGroupMode podMode;

  private EksCluster(Network network, Recogniser.Result result, ImmutableList<Unrecognised> unrecognised,
      dev.sgreach.engine.PodSecurityGroupMode podMode) {
    this.network = network;
    this.result = result;
    this.unrecognised = unrecognised;
    this.podMode = podMode;
  }

  /**
   * This cluster with its checks assuming the VPC CNI's {@code POD_SECURITY_GROUP_ENFORCING_MODE} is {@code mode}
   * (the {@code aws-node} setting, which no EC2 data holds; {@link dev.sgreach.engine.PodSecurityGroupMode#DEFAULT}
   * unless set).
   */
  public EksCluster withPodSecurityGroupMode(dev.sgreach.engine.PodSecurityGroupMode mode) {
    return new EksCluster(network, result, unrecognised, java.util.Objects.requireNonNull(mode, "mode"));
  }

  /** The mode this cluster's checks assume for pods with security groups. */
  public dev.sgreach.engine.PodSecurityGroupMode podSecurityGroupMode() {
    return podMode;
  }

  /**
   * The cluster with this name.
   *
   * @throws IllegalArgumentException when the network shows no sign of it, listing the clusters it does show
   */
  public static EksCluster of(Network network, String name) {
    for (EksCluster c : discover(network)) {
      if (c.name().equals(name)) {
        return c;
      }
    }
    throw new IllegalArgumentException("no EKS cluster '" + name + "' in the snapshot; clusters found: "
        + (names(network).isEmpty() ? "none" : String.join(", ", names(network))));
  }

  /** The names of every cluster the network shows signs of, sorted. */
  public static ImmutableList<String> names(Network network) {
    return Recogniser.clusterNames(network);
  }

  /** Every cluster the network shows signs of, by name. */
  public static ImmutableList<EksCluster> discover(Network network) {
    List<Recogniser.Result> results = new ArrayList<>();
    Set<String> claimed = new HashSet<>();
    for (String name : names(network)) {
      Recogniser.Result r = Recogniser.recognise(network, name);
      results.add(r);
      claimed.addAll(r.groups().keySet());
      claimed.addAll(r.interfaces().keySet());
    }
    ImmutableList.Builder<EksCluster> out = ImmutableList.builder();
    for (Recogniser.Result r : results) {
      out.add(new EksCluster(network, r, unrecognised(network, r, claimed),
          dev.sgreach.engine.PodSecurityGroupMode.DEFAULT));
    }
    return out.build();
  }

  private static ImmutableList<Unrecognised> unrecognised(Network network, Recogniser.Result r, Set<String> claimed) {
    Map<String, Unrecognised> out = new LinkedHashMap<>();
    r.problems().values().stream().filter(u -> !claimed.contains(u.id())).forEach(u -> out.put(u.id(), u));
    Predicate<String> inVpc = v -> r.vpcId().isEmpty() || v.isEmpty() || v.equals(r.vpcId());
    for (SecurityGroup g : network.securityGroups().values()) {
      if (inVpc.test(g.vpcId()) && !claimed.contains(g.id()) && !out.containsKey(g.id())) {
        out.put(g.id(), new Unrecognised(g.id(), "security group", g.name().equals("default")
            ? "the VPC's default security group; no ENI of an EKS cluster carries it"
            : "no EKS, eksctl or LBC tag, name or rule marks it, and no ENI of an EKS cluster carries it"));
      }
    }
    for (NetworkInterface e : network.interfaces().values()) {
      if (inVpc.test(e.vpcId()) && !claimed.contains(e.id()) && !out.containsKey(e.id())) {
        out.put(e.id(), new Unrecognised(e.id(), "network interface", "carries no group of an EKS cluster and no"
            + " EKS description or tag (type " + e.interfaceType() + ", description '" + e.description() + "'"
            + e.instanceId().map(i -> ", instance " + i).orElse("") + ")"));
      }
    }
    return ImmutableList.copyOf(out.values());
  }

  /** The cluster name. */
  public String name() {
    return result.cluster();
  }

  /** The network this view is over. */
  public Network network() {
    return network;
  }

  /** The cluster's VPC, empty when nothing says. */
  public String vpcId() {
    return result.vpcId();
  }

  /** What {@code describe-cluster} said, when the snapshot has it. */
  public Optional<EksClusterInfo> info() {
    return result.info();
  }

  /** Every recognised group, in snapshot order of recognition. */
  public ImmutableList<RecognisedGroup> groups() {
    return result.groups().values().asList();
  }

  /** Every recognised ENI. */
  public ImmutableList<RecognisedInterface> interfaces() {
    return result.interfaces().values().asList();
  }

  /** What sits in the cluster's VPC but could not be placed, with the reason; sgreach never guesses. */
  public ImmutableList<Unrecognised> unrecognised() {
    return unrecognised;
  }

  /** The role of this group, if recognised. */
  public Optional<RecognisedGroup> group(String securityGroupId) {
    return Optional.ofNullable(result.groups().get(securityGroupId));
  }

  /** The role of this ENI, if recognised. */
  public Optional<RecognisedInterface> networkInterface(String eniId) {
    return Optional.ofNullable(result.interfaces().get(eniId));
  }

  /** The recognised groups of one role. */
  public ImmutableList<SecurityGroup> groups(SecurityGroupRole role) {
    return result.groups().values().stream().filter(g -> g.role() == role).map(RecognisedGroup::group)
        .collect(ImmutableList.toImmutableList());
  }

  /** The recognised ENIs of these roles, in snapshot order. */
  public ImmutableList<RecognisedInterface> interfaces(InterfaceRole... roles) {
    Set<InterfaceRole> wanted = Set.of(roles);
    return result.interfaces().values().stream().filter(r -> wanted.contains(r.role()))
        .collect(ImmutableList.toImmutableList());
  }

  /** The EKS cluster SG. */
  public Optional<SecurityGroup> clusterSecurityGroup() {
    return groups(SecurityGroupRole.CLUSTER_SG).stream().findFirst();
  }

  /** The shared node SG (eksctl's, or the user-given one). */
  public Optional<SecurityGroup> sharedNodeSecurityGroup() {
    return groups(SecurityGroupRole.SHARED_NODE_SG).stream().findFirst();
  }

  /** The additional control-plane groups (eksctl's {@code ControlPlaneSecurityGroup}, the seed's "Additional SG"). */
  public ImmutableList<SecurityGroup> controlPlaneSecurityGroups() {
    return groups(SecurityGroupRole.CONTROL_PLANE_SG);
  }

  /** The group of a self-managed nodegroup, if it has one. */
  public Optional<SecurityGroup> nodegroupSecurityGroup(String nodegroup) {
    return result.groups().values().stream().filter(g -> g.role() == SecurityGroupRole.NODEGROUP_SG
        && g.nodegroup().equals(Optional.of(nodegroup))).map(RecognisedGroup::group).findFirst();
  }

  /**
   * The nodegroups seen, by name: {@link InterfaceRole#MANAGED_NODE} or {@link InterfaceRole#SELF_MANAGED_NODE}. A
   * self-managed nodegroup is known from its SG even without instances; a managed one only from its nodes' tags or SSH
   * group.
   */
  public ImmutableMap<String, InterfaceRole> nodegroups() {
    Map<String, InterfaceRole> out = new LinkedHashMap<>();
    for (RecognisedGroup g : result.groups().values()) {
      if (g.role() == SecurityGroupRole.NODEGROUP_SG) {
        out.put(g.nodegroup().orElseThrow(), InterfaceRole.SELF_MANAGED_NODE);
      } else if (g.role() == SecurityGroupRole.NODEGROUP_SSH_SG) {
        out.putIfAbsent(g.nodegroup().orElseThrow(), InterfaceRole.MANAGED_NODE);
      }
    }
    for (RecognisedInterface r : interfaces(InterfaceRole.MANAGED_NODE, InterfaceRole.SELF_MANAGED_NODE)) {
      r.nodegroup().ifPresent(n -> out.putIfAbsent(n, r.role()));
    }
    return ImmutableMap.copyOf(out);
  }

  /**
   * The ENIs of the node that hosts a pod with its own groups (branch ENI → trunk → instance), without the trunk;
   * empty when the trunk or its instance is not in the snapshot.
   */
  public ImmutableList<NetworkInterface> hostOf(String branchEniId) {
    return networkInterface(branchEniId).flatMap(RecognisedInterface::hostInstance)
        .map(i -> network.interfacesOfInstance(i).stream()
            .filter(e -> result.interfaces().containsKey(e.id())
                && result.interfaces().get(e.id()).role() != InterfaceRole.TRUNK)
            .collect(ImmutableList.toImmutableList()))
        .orElse(ImmutableList.of());
  }

  // ------------------------------------------------------------------ role endpoints

  /** The label of a role endpoint: {@code eks:<cluster>/<role>} or {@code eks:<cluster>/<role>:<name>}. */
  String label(String role, String qualifier) {
    return EksEndpoints.PREFIX + name() + "/" + role + (qualifier == null ? "" : ":" + qualifier);
  }

  private Endpoint enis(String role, String qualifier, List<RecognisedInterface> members) {
    return Endpoint.group(label(role, qualifier), members.stream().map(r -> Endpoint.eni(r.eni().id())).toList());
  }

  /** The control-plane ENIs ({@code Amazon EKS <cluster>}). */
  public Endpoint controlPlane() {
    return enis("control-plane", null, interfaces(InterfaceRole.CONTROL_PLANE));
  }

  /** Every node ENI, managed and self-managed. */
  public Endpoint nodes() {
    return enis("nodes", null, interfaces(InterfaceRole.MANAGED_NODE, InterfaceRole.SELF_MANAGED_NODE));
  }

  /** The ENIs of managed-nodegroup instances. */
  public Endpoint managedNodes() {
    return enis("managed-nodes", null, interfaces(InterfaceRole.MANAGED_NODE));
  }

  /** The ENIs of self-managed nodegroup instances. */
  public Endpoint selfManagedNodes() {
    return enis("self-managed-nodes", null, interfaces(InterfaceRole.SELF_MANAGED_NODE));
  }

  /**
   * The node ENIs of one nodegroup.
   *
   * @throws IllegalArgumentException when no nodegroup has that name, listing those that exist
   */
  public Endpoint nodegroup(String nodegroup) {
    if (!nodegroups().containsKey(nodegroup)) {
      throw new IllegalArgumentException("cluster " + name() + " has no nodegroup '" + nodegroup + "'; nodegroups: "
          + (nodegroups().isEmpty() ? "none" : String.join(", ", nodegroups().keySet())));
    }
    return enis("nodegroup", nodegroup, interfaces(InterfaceRole.MANAGED_NODE, InterfaceRole.SELF_MANAGED_NODE)
        .stream().filter(r -> r.nodegroup().equals(Optional.of(nodegroup))).toList());
  }

  /** The node ENIs whose nodegroup is not known ({@code nodes:unknown-nodegroup}). */
  public Endpoint nodesOfUnknownNodegroup() {
    return enis("nodes", UNKNOWN_NODEGROUP, interfaces(InterfaceRole.MANAGED_NODE, InterfaceRole.SELF_MANAGED_NODE)
        .stream().filter(r -> r.nodegroup().isEmpty()).toList());
  }

  /** The name {@link #nodesOfUnknownNodegroup()} is written with. */
  static final String UNKNOWN_NODEGROUP = "unknown-nodegroup";

  /**
   * The ENIs of the node hosting a pod's branch ENI ({@code node-of:<eni>}, see {@link #hostOf}); no members when
   * the node is not in the snapshot.
   */
  public Endpoint nodeOf(String branchEniId) {
    return Endpoint.group(label("node-of", branchEniId), hostOf(branchEniId).stream()
        .map(e -> Endpoint.eni(e.id())).toList());
  }

  /** The LBC load-balancer ENIs carrying one group ({@code load-balancers:with-<sg>}). */
  public Endpoint loadBalancersWith(String securityGroupId) {
    return enis("load-balancers", WITH + securityGroupId, interfaces(InterfaceRole.LOAD_BALANCER).stream()
        .filter(l -> l.eni().securityGroupIds().contains(securityGroupId)).toList());
  }

  /** How {@link #loadBalancersWith} marks its group, after {@code load-balancers:}. */
  static final String WITH = "with-";

  /**
   * The load balancers' targets behind one group: node, pod-with-SG and Fargate ENIs carrying it
   * ({@code targets:<sg>}).
   */
  public Endpoint targets(String securityGroupId) {
    return enis("targets", securityGroupId, interfaces(InterfaceRole.MANAGED_NODE, InterfaceRole.SELF_MANAGED_NODE,
        InterfaceRole.POD_WITH_SG, InterfaceRole.FARGATE_POD).stream()
        .filter(e -> e.eni().securityGroupIds().contains(securityGroupId)).toList());
  }

  /** The Fargate pod ENIs. */
  public Endpoint fargatePods() {
    return enis("fargate", null, interfaces(InterfaceRole.FARGATE_POD));
  }

  /** The branch ENIs of pods with their own security groups. */
  public Endpoint podsWithSecurityGroups() {
    return enis("pods-with-sg", null, interfaces(InterfaceRole.POD_WITH_SG));
  }

  /** The branch (or Fargate) ENIs of pods carrying this security group. */
  public Endpoint podsWithSecurityGroup(String securityGroupId) {
    return enis("pods-with-sg", securityGroupId, interfaces(InterfaceRole.POD_WITH_SG, InterfaceRole.FARGATE_POD)
        .stream().filter(r -> r.eni().securityGroupIds().contains(securityGroupId)).toList());
  }

  /** The load-balancer ENIs carrying the cluster's LBC groups. */
  public Endpoint loadBalancers() {
    return enis("load-balancers", null, interfaces(InterfaceRole.LOAD_BALANCER));
  }

  /** The ENIs of one load balancer, by the name in its ENI description ({@code ELB app/<name>/<id>}). */
  public Endpoint loadBalancer(String lbName) {
    return enis("load-balancers", lbName, interfaces(InterfaceRole.LOAD_BALANCER).stream()
        .filter(r -> r.eni().description().matches("ELB (app|net)/" + java.util.regex.Pattern.quote(lbName) + "/.*"))
        .toList());
  }

  /** The interface VPC endpoint ENIs carrying the cluster's groups. */
  public Endpoint vpcEndpoints() {
    return enis("endpoints", null, interfaces(InterfaceRole.VPC_ENDPOINT));
  }

  /** Instances that carry the shared SG without being nodes (bastions, the seed's Cloud9). */
  public Endpoint bastions() {
    return enis("bastions", null, interfaces(InterfaceRole.BASTION));
  }

  /** Other resources carrying the shared or cluster SG (databases, ...). */
  public Endpoint sharedSgMembers() {
    return enis("shared-sg-members", null, interfaces(InterfaceRole.SHARED_SG_MEMBER));
  }

  /** Every ENI carrying the cluster SG. */
  public Endpoint clusterSg() {
    return carriers("cluster-sg", clusterSecurityGroup());
  }

  /** Every ENI carrying the shared node SG. */
  public Endpoint sharedSg() {
    return carriers("shared-sg", sharedNodeSecurityGroup());
  }

  private Endpoint carriers(String role, Optional<SecurityGroup> sg) {
    return Endpoint.group(label(role, null), sg.map(g -> network.interfacesWith(g.id()).stream()
        .map(e -> Endpoint.eni(e.id())).toList()).orElse(List.of()));
  }

  /**
   * The roles a platform team asks about first, each with members in the snapshot, in this order: the control
   * plane, each nodegroup, Fargate pods, pods with their own groups, load balancers, VPC endpoints, bastions and other
   * members of the shared group. The default rows and columns of {@code sgreach matrix}.
   */
  public ImmutableList<Endpoint> roles() {
    List<Endpoint> all = new java.util.ArrayList<>();
    all.add(controlPlane());
    nodegroups().keySet().forEach(ng -> all.add(nodegroup(ng)));
    all.addAll(List.of(fargatePods(), podsWithSecurityGroups(), loadBalancers(), vpcEndpoints(), bastions(),
        sharedSgMembers()));
    return all.stream().filter(e -> !((Endpoint.Group) e).members().isEmpty())
        .collect(ImmutableList.toImmutableList());
  }

  /** The health checks of {@link EksChecks#lint(EksCluster)}, in this cluster's {@link #podSecurityGroupMode()}. */
  public LintReport lint() {
    return EksChecks.lint(this);
  }

  @Override
  public String toString() {
    return "EksCluster[" + name() + ", " + groups().size() + " groups, " + interfaces().size() + " ENIs, "
        + unrecognised.size() + " unrecognised]";
  }
}
