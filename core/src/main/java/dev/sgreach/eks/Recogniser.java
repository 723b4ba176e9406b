package dev.sgreach.eks;

import static dev.sgreach.eks.EksTags.*;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import dev.sgreach.model.Cidr;
import dev.sgreach.model.EksClusterInfo;
import dev.sgreach.model.LoadBalancer;
import dev.sgreach.model.Network;
import dev.sgreach.model.NetworkInterface;
import dev.sgreach.model.Peer;
import dev.sgreach.model.Rule;
import dev.sgreach.model.SecurityGroup;
import dev.sgreach.model.TargetGroup;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Places the security groups and ENIs of one cluster in their roles from tags, names, descriptions, interface types
 * and {@code describe-cluster}, following DOMAIN.md tables a-e. The one place where recognition rules live.
 */
final class Recogniser {
  private final Network network;
  private final String cluster;
  private final Optional<EksClusterInfo> info;
  private final String vpcId;
  private final Map<String, RecognisedGroup> groups = new LinkedHashMap<>();
  private final Map<String, RecognisedInterface> interfaces = new LinkedHashMap<>();
  private final Map<String, Unrecognised> problems = new LinkedHashMap<>();

  /** The result: immutable maps in snapshot order. */
  record Result(String cluster, String vpcId, Optional<EksClusterInfo> info,
      ImmutableMap<String, RecognisedGroup> groups, ImmutableMap<String, RecognisedInterface> interfaces,
      ImmutableMap<String, Unrecognised> problems) {}

  private Recogniser(Network network, String cluster) {
    this.network = network;
    this.cluster = cluster;
    this.info = Optional.ofNullable(network.eksClusters().get(cluster));
    this.vpcId = findVpc();
  }

  /**
   * The names of every cluster the network shows signs of: {@code describe-cluster} entries, the cluster SG's
   * {@code aws:eks:cluster-name} tag, eksctl's cluster-name tags, control-plane ENI descriptions, the LBC's
   * {@code elbv2.k8s.aws/cluster} tag.
   */
  static ImmutableList<String> clusterNames(Network network) {
    Set<String> names = new TreeSet<>(network.eksClusters().keySet());
    for (SecurityGroup sg : network.securityGroups().values()) {
      sg.tag(EKS_CLUSTER_NAME).ifPresent(names::add);
      sg.tag(EKSCTL_CLUSTER_NAME).ifPresent(names::add);
      sg.tag(LBC_CLUSTER).ifPresent(names::add);
    }
    for (NetworkInterface eni : network.interfaces().values()) {
      if (eni.description().startsWith(CONTROL_PLANE_ENI_PREFIX) && eni.instanceId().isEmpty()) {
        names.add(eni.description().substring(CONTROL_PLANE_ENI_PREFIX.length()));
      }
    }
    names.removeIf(String::isBlank);
    return ImmutableList.copyOf(names);
  }

  static Result recognise(Network network, String cluster) {
    Recogniser r = new Recogniser(network, cluster);
    r.run();
    return new Result(cluster, r.vpcId, r.info, ImmutableMap.copyOf(r.groups), ImmutableMap.copyOf(r.interfaces),
        ImmutableMap.copyOf(r.problems));
  }

  private String findVpc() {
    if (info.isPresent() && !info.get().vpcId().isEmpty()) {
      return info.get().vpcId();
    }
    for (SecurityGroup sg : network.securityGroups().values()) {
      if (cluster.equals(sg.tag(EKS_CLUSTER_NAME).orElse(null)) || cluster.equals(sg.tag(EKSCTL_CLUSTER_NAME)
          .orElse(null)) || cluster.equals(sg.tag(LBC_CLUSTER).orElse(null))) {
        return sg.vpcId();
      }
    }
    for (NetworkInterface eni : network.interfaces().values()) {
      if (isControlPlane(eni)) {
        return eni.vpcId();
      }
    }
    return "";
  }

  boolean inVpc(String other) {
    return vpcId.isEmpty() || other.isEmpty() || other.equals(vpcId);
  }

  private boolean isControlPlane(NetworkInterface eni) {
    return eni.description().equals(CONTROL_PLANE_ENI_PREFIX + cluster) && eni.instanceId().isEmpty();
  }

  private void group(SecurityGroup sg, SecurityGroupRole role, Optional<String> nodegroup, String evidence) {
    if (problems.containsKey(sg.id())) {
      return; // found ambiguous: never placed by a weaker rule
    }
    groups.putIfAbsent(sg.id(), new RecognisedGroup(sg, role, nodegroup, evidence));
  }

  private void eni(NetworkInterface eni, InterfaceRole role, Optional<String> nodegroup, Optional<String> host,
      String evidence) {
    interfaces.putIfAbsent(eni.id(), new RecognisedInterface(eni, role, nodegroup, host, evidence));
  }

  private void problem(String id, String kind, String reason) {
    problems.putIfAbsent(id, new Unrecognised(id, kind, reason));
  }

  private void run() {
    recogniseGroups();
    recogniseInterfaces();
    recogniseCarriedGroups();
  }

  // ------------------------------------------------------------------ groups by their own marks

  private void recogniseGroups() {
    List<SecurityGroup> inVpc = network.securityGroups().values().stream().filter(g -> inVpc(g.vpcId())).toList();
    // cluster SG: describe-cluster first, else the aws:eks:cluster-name tag (table b, e)
    String fromInfo = info.map(EksClusterInfo::clusterSecurityGroupId).orElse("");
    if (!fromInfo.isEmpty() && network.securityGroup(fromInfo).isPresent()) {
      group(network.securityGroup(fromInfo).get(), SecurityGroupRole.CLUSTER_SG, Optional.empty(),
          "describe-cluster clusterSecurityGroupId");
    } else {
      List<SecurityGroup> tagged = inVpc.stream()
          .filter(g -> cluster.equals(g.tag(EKS_CLUSTER_NAME).orElse(null))).toList();
      if (tagged.size() == 1) {
        group(tagged.get(0), SecurityGroupRole.CLUSTER_SG, Optional.empty(), "tag " + EKS_CLUSTER_NAME + "=" + cluster);
      } else {
        for (SecurityGroup g : tagged) {
          problem(g.id(), "security group", tagged.size() + " groups carry tag " + EKS_CLUSTER_NAME + "=" + cluster
              + " and there is no describe-cluster to say which is the cluster SG");
        }
      }
    }
    info.ifPresent(i -> i.securityGroupIds().forEach(id -> network.securityGroup(id).ifPresent(g ->
        group(g, SecurityGroupRole.CONTROL_PLANE_SG, Optional.empty(), "describe-cluster securityGroupIds"))));
    String clusterStack = clusterStack(cluster);
    for (SecurityGroup g : inVpc) {
      String logical = g.tag(CFN_LOGICAL_ID).orElse("");
      String stack = g.tag(CFN_STACK_NAME).orElse("");
      String name = g.tag("Name").orElse("");
      if (stack.equals(clusterStack) || name.startsWith(clusterStack + "/")) {
        String id = logical.isEmpty() ? name.substring(name.indexOf('/') + 1) : logical;
        if (id.equals(LOGICAL_CONTROL_PLANE_SG)) {
          group(g, SecurityGroupRole.CONTROL_PLANE_SG, Optional.empty(), "eksctl " + clusterStack + "/" + id);
        } else if (id.equals(LOGICAL_SHARED_NODE_SG)) {
          group(g, SecurityGroupRole.SHARED_NODE_SG, Optional.empty(), "eksctl " + clusterStack + "/" + id);
        }
      }
      Optional<String> ng = nodegroupOfStack(stack, cluster)
          .or(() -> nodegroupOfStack(name.contains("/") ? name.substring(0, name.indexOf('/')) : "", cluster));
      if (ng.isPresent()) {
        String id = logical.isEmpty() ? name.substring(name.indexOf('/') + 1) : logical;
        String evidence = "eksctl " + nodegroupStack(cluster, ng.get()) + "/" + id;
        switch (id) {
          case LOGICAL_NODEGROUP_SG -> group(g, SecurityGroupRole.NODEGROUP_SG, ng, evidence);
          case LOGICAL_SSH_SG -> group(g, SecurityGroupRole.NODEGROUP_SSH_SG, ng, evidence);
          case LOGICAL_EFA_SG -> group(g, SecurityGroupRole.EFA_SG, ng, evidence);
          default -> { }
        }
      } else if (g.tag(clusterTag(cluster)).isPresent() && g.tag(EKSCTL_NODEGROUP_NAME).isPresent()
          && "unmanaged".equals(g.tag(EKSCTL_NODEGROUP_TYPE).orElse(""))) {
        group(g, SecurityGroupRole.NODEGROUP_SG, g.tag(EKSCTL_NODEGROUP_NAME),
            "tags " + clusterTag(cluster) + ", " + EKSCTL_NODEGROUP_NAME + ", " + EKSCTL_NODEGROUP_TYPE + "=unmanaged");
      }
      if (cluster.equals(g.tag(LBC_CLUSTER).orElse(null))) {
        if (LBC_BACKEND_RESOURCE.equals(g.tag(LBC_RESOURCE).orElse(""))) {
          group(g, SecurityGroupRole.LBC_BACKEND_SG, Optional.empty(),
              "tags " + LBC_CLUSTER + "=" + cluster + ", " + LBC_RESOURCE + "=" + LBC_BACKEND_RESOURCE);
        } else if (isManagedLbResource(g.tags())) {
          group(g, SecurityGroupRole.LBC_MANAGED_SG, Optional.empty(),
              "tags " + LBC_CLUSTER + "=" + cluster + ", */resource=" + LBC_MANAGED_RESOURCE);
        }
      }
    }
    // a user-given shared SG has no eksctl tags: eksctl's IngressNodeToDefaultClusterSG on the cluster SG names it
    clusterSg().ifPresent(csg -> {
      for (Rule r : csg.group().ingress()) {
        if (r.description().equals(NODE_TO_CLUSTER_SG_RULE) && r.peer() instanceof Peer.GroupPeer p) {
          network.securityGroup(p.groupId()).ifPresent(g -> group(g, SecurityGroupRole.SHARED_NODE_SG,
              Optional.empty(), "peer of eksctl's IngressNodeToDefaultClusterSG rule on the cluster SG"));
        }
      }
    });
  }

  Optional<RecognisedGroup> clusterSg() {
    return groups.values().stream().filter(g -> g.role() == SecurityGroupRole.CLUSTER_SG).findFirst();
  }

  private List<RecognisedGroup> rolesOn(NetworkInterface eni) {
    List<RecognisedGroup> out = new ArrayList<>();
    for (String id : eni.securityGroupIds()) {
      RecognisedGroup g = groups.get(id);
      if (g != null) {
        out.add(g);
      }
    }
    return out;
  }

  private static Optional<RecognisedGroup> first(List<RecognisedGroup> on, SecurityGroupRole role) {
    return on.stream().filter(g -> g.role() == role).findFirst();
  }

  // ------------------------------------------------------------------ interfaces

  private void recogniseInterfaces() {
    List<NetworkInterface> inVpc = network.interfaces().values().stream().filter(e -> inVpc(e.vpcId())).toList();
    for (NetworkInterface e : inVpc) {
      if (isControlPlane(e)) {
        eni(e, InterfaceRole.CONTROL_PLANE, Optional.empty(), Optional.empty(),
            "description '" + e.description() + "'");
        for (String id : e.securityGroupIds()) {
          network.securityGroup(id).ifPresent(g -> group(g, SecurityGroupRole.CONTROL_PLANE_SG, Optional.empty(),
              "carried by the control-plane ENIs"));
        }
      }
    }
    for (NetworkInterface e : inVpc) {
      if (!interfaces.containsKey(e.id())) {
        placeInstanceOrService(e);
      }
    }
    // a node's other ENIs (VPC CNI secondary ENIs, custom networking) take the node's role
    for (NetworkInterface e : inVpc) {
      if (interfaces.containsKey(e.id()) || e.instanceId().isEmpty() || isPodEni(e)) {
        continue;
      }
      String instance = e.instanceId().get();
      network.interfacesOfInstance(instance).stream().map(o -> interfaces.get(o.id()))
          .filter(r -> r != null && (r.role() == InterfaceRole.MANAGED_NODE
              || r.role() == InterfaceRole.SELF_MANAGED_NODE))
          .findFirst().ifPresent(node -> {
            problems.remove(e.id());
            eni(e, node.role(), node.nodegroup(), Optional.of(instance), "another ENI of node " + instance);
          });
    }
    // trunk and branch ENIs: linked to their node through the attachment and the trunk-eni-id tag
    for (NetworkInterface e : inVpc) {
      if (e.interfaceType().equals(TYPE_TRUNK) && !interfaces.containsKey(e.id())) {
        Optional<RecognisedInterface> node = nodeOf(e.instanceId());
        if (e.tag(clusterTag(cluster)).isPresent() || node.isPresent()) {
          problems.remove(e.id());
          eni(e, InterfaceRole.TRUNK, node.flatMap(RecognisedInterface::nodegroup), e.instanceId(),
              e.tag(clusterTag(cluster)).isPresent() ? "type trunk, tag " + clusterTag(cluster)
                  : "type trunk on node " + e.instanceId().get());
        }
      }
    }
    for (NetworkInterface e : inVpc) {
      if (e.interfaceType().equals(TYPE_BRANCH) && !interfaces.containsKey(e.id())) {
        placeBranch(e);
      }
    }
    // load balancers whose groups the user chose carry no LBC group: known by their load balancer's targets
    for (NetworkInterface e : inVpc) {
      if (!interfaces.containsKey(e.id())) {
        placeByLoadBalancer(e);
      }
    }
  }

  /**
   * A load balancer's ENI ({@code ELB app/NAME/ID} joined to describe-load-balancers) whose target groups register a
   * node or pod of this cluster (describe-target-health): one of the cluster's load balancers, whatever groups it
   * carries (the {@code alb.ingress.kubernetes.io/security-groups} annotation gives it the user's, and the LBC then
   * adds no backend rule).
   */
  private void placeByLoadBalancer(NetworkInterface e) {
    Optional<LoadBalancer> lb = network.loadBalancerOf(e);
    if (lb.isEmpty()) {
      return;
    }
    for (TargetGroup g : network.targetGroupsOf(lb.get())) {
      for (TargetGroup.Target t : g.targets().orElse(ImmutableList.of())) {
        Optional<RecognisedInterface> member = memberAt(t.id());
        if (member.isPresent()) {
          problems.remove(e.id());
          eni(e, InterfaceRole.LOAD_BALANCER, Optional.empty(), Optional.empty(), "ENI of load balancer "
              + lb.get().label() + " (description '" + e.description() + "'), whose target group " + g.label()
              + " registers " + member.get().role() + " " + member.get().eni().id() + " (target " + t.id() + ")");
          return;
        }
      }
    }
  }

  /** The cluster's node (an instance target) or the ENI holding an ip target's address, if recognised. */
  private Optional<RecognisedInterface> memberAt(String targetId) {
    if (targetId.startsWith("i-")) {
      return nodeOf(Optional.of(targetId));
    }
    Cidr address;
    try {
      address = Cidr.parse(targetId);
    } catch (IllegalArgumentException notAnAddress) {
      return Optional.empty(); // a Lambda function or an ALB
    }
    return interfaces.values().stream().filter(r -> r.role() != InterfaceRole.LOAD_BALANCER
        && r.eni().addressBlocks().stream().anyMatch(b -> b.contains(address))).findFirst();
  }

  private static boolean isPodEni(NetworkInterface e) {
    return e.interfaceType().equals(TYPE_TRUNK) || e.interfaceType().equals(TYPE_BRANCH);
  }

  private Optional<RecognisedInterface> nodeOf(Optional<String> instance) {
    if (instance.isEmpty()) {
      return Optional.empty();
    }
    return network.interfacesOfInstance(instance.get()).stream().map(o -> interfaces.get(o.id()))
        .filter(r -> r != null && (r.role() == InterfaceRole.MANAGED_NODE
            || r.role() == InterfaceRole.SELF_MANAGED_NODE))
        .findFirst();
  }

  private void placeBranch(NetworkInterface e) {
    Optional<String> trunkId = e.tag(TRUNK_ENI_ID);
    Optional<NetworkInterface> trunk = trunkId.flatMap(network::networkInterface);
    Optional<RecognisedInterface> placedTrunk = trunkId.map(interfaces::get);
    boolean tagged = e.tag(clusterTag(cluster)).isPresent();
    if (placedTrunk.isPresent() || tagged) {
      Optional<String> host = network.hostInstance(e);
      String evidence = placedTrunk.isPresent() ? "type branch, trunk " + trunkId.get() + " of this cluster"
          : "type branch, tag " + clusterTag(cluster) + (trunk.isEmpty()
              ? "; its trunk " + trunkId.orElse("(no trunk-eni-id tag)") + " is not in the snapshot, so its node"
                  + " is unknown" : "");
      eni(e, InterfaceRole.POD_WITH_SG, placedTrunk.flatMap(RecognisedInterface::nodegroup), host, evidence);
    } else if (!rolesOn(e).isEmpty()) {
      problem(e.id(), "network interface", "branch ENI carrying groups of " + cluster + " but with no "
          + clusterTag(cluster) + " tag and no known trunk (" + trunkId.orElse("no " + TRUNK_ENI_ID + " tag")
          + "): its cluster and node cannot be told");
    }
  }

  private void placeInstanceOrService(NetworkInterface e) {
    List<RecognisedGroup> on = rolesOn(e);
    String type = e.interfaceType();
    String desc = e.description();
    if (isPodEni(e)) {
      return; // placed once the nodes are known
    }
    if (desc.startsWith(ELB_ALB_PREFIX) || desc.startsWith(ELB_NLB_PREFIX) || type.equals(TYPE_NLB)) {
      Optional<RecognisedGroup> lbc = on.stream().filter(g -> g.role() == SecurityGroupRole.LBC_MANAGED_SG
          || g.role() == SecurityGroupRole.LBC_BACKEND_SG).findFirst();
      if (lbc.isPresent()) {
        eni(e, InterfaceRole.LOAD_BALANCER, Optional.empty(), Optional.empty(),
            "description '" + desc + "', carries LBC group " + lbc.get().group().id());
      } else if (!on.isEmpty()) {
        problem(e.id(), "network interface", "load-balancer ENI ('" + desc + "') carrying " + ids(on)
            + " of " + cluster + " but no group the LBC made for it: not known to belong to the cluster");
      }
      return;
    }
    if (type.equals(TYPE_VPC_ENDPOINT) || desc.startsWith(ENDPOINT_DESCRIPTION_PREFIX)) {
      if (!on.isEmpty()) {
        eni(e, InterfaceRole.VPC_ENDPOINT, Optional.empty(), Optional.empty(),
            "interface VPC endpoint carrying " + ids(on));
      }
      return;
    }
    if (e.instanceId().isPresent()) {
      placeInstance(e, on);
      return;
    }
    Optional<RecognisedGroup> csg = first(on, SecurityGroupRole.CLUSTER_SG);
    boolean fargateName = desc.startsWith(FARGATE_DESCRIPTION_PREFIX);
    if (fargateName && (!on.isEmpty() || onlyClusterInVpc())) {
      eni(e, InterfaceRole.FARGATE_POD, Optional.empty(), Optional.empty(), "description '" + desc + "'"
          + (on.isEmpty() ? ", the only cluster in VPC " + vpcId : ", carries " + ids(on)));
    } else if (csg.isPresent() && desc.isEmpty()) {
      eni(e, InterfaceRole.FARGATE_POD, Optional.empty(), Optional.empty(), "no instance, no description, carries"
          + " the cluster SG: of the ENIs EKS puts the cluster SG on (control plane, managed nodes, Fargate pods)"
          + " only Fargate pods have neither");
    } else if (first(on, SecurityGroupRole.SHARED_NODE_SG).isPresent() || csg.isPresent()) {
      eni(e, InterfaceRole.SHARED_SG_MEMBER, Optional.empty(), Optional.empty(),
          "not an instance; carries " + ids(on) + (desc.isEmpty() ? "" : ", description '" + desc + "'"));
    } else if (!on.isEmpty()) {
      problem(e.id(), "network interface", "carries " + ids(on) + " but is none of the ENI kinds of table d"
          + " (type " + type + ", description '" + desc + "', no instance)");
    }
  }

  private boolean onlyClusterInVpc() {
    return clusterNames(network).stream().filter(c -> !c.equals(cluster))
        .noneMatch(c -> Recogniser.vpcOf(network, c).equals(vpcId));
  }

  private static String vpcOf(Network network, String cluster) {
    return new Recogniser(network, cluster).vpcId;
  }

  private void placeInstance(NetworkInterface e, List<RecognisedGroup> on) {
    String instance = e.instanceId().get();
    List<String> ngs = on.stream().filter(g -> g.role() == SecurityGroupRole.NODEGROUP_SG)
        .map(g -> g.nodegroup().orElse("?")).distinct().toList();
    if (ngs.size() > 1) {
      problem(e.id(), "network interface", "instance " + instance + " carries the nodegroup SGs of " + ngs
          + ": which nodegroup it is in cannot be told");
      return;
    }
    if (ngs.size() == 1) {
      eni(e, InterfaceRole.SELF_MANAGED_NODE, Optional.of(ngs.get(0)), Optional.of(instance),
          "carries nodegroup SG " + first(on, SecurityGroupRole.NODEGROUP_SG).get().group().id() + " of "
              + ngs.get(0));
      return;
    }
    if (first(on, SecurityGroupRole.CLUSTER_SG).isPresent()) {
      Optional<String> ng = e.tag(EKS_NODEGROUP_NAME).or(() -> e.tag(EKSCTL_NODEGROUP_NAME))
          .or(() -> first(on, SecurityGroupRole.NODEGROUP_SSH_SG).flatMap(RecognisedGroup::nodegroup));
      eni(e, InterfaceRole.MANAGED_NODE, ng, Optional.of(instance), "instance ENI carrying the cluster SG"
          + ng.map(n -> ", nodegroup " + n + " from " + (e.tag(EKS_NODEGROUP_NAME).isPresent() ? "tag "
              + EKS_NODEGROUP_NAME : e.tag(EKSCTL_NODEGROUP_NAME).isPresent() ? "tag " + EKSCTL_NODEGROUP_NAME
              : "its SSH SG")).orElse(", nodegroup unknown (no nodegroup tag on the ENI)"));
      return;
    }
    if (first(on, SecurityGroupRole.SHARED_NODE_SG).isPresent()) {
      Optional<String> ng = e.tag(EKSCTL_NODEGROUP_NAME);
      if (ng.isPresent()) {
        eni(e, InterfaceRole.SELF_MANAGED_NODE, ng, Optional.of(instance), "carries the shared node SG and tag "
            + EKSCTL_NODEGROUP_NAME + "=" + ng.get() + " (nodegroup without its own SG)");
      } else {
        eni(e, InterfaceRole.BASTION, Optional.empty(), Optional.of(instance),
            "instance carrying the shared node SG but neither the cluster SG nor a nodegroup SG or tag");
      }
      return;
    }
    if (e.description().startsWith(CNI_SECONDARY_PREFIX) && cluster.equals(e.tag(CNI_CLUSTER_NAME).orElse(null))) {
      return; // placed with its instance's primary ENI
    }
    if (!on.isEmpty()) {
      problem(e.id(), "network interface", "instance " + instance + " carries " + ids(on)
          + " but neither the cluster SG, a nodegroup SG nor the shared node SG");
    }
  }

  // ------------------------------------------------------------------ groups known through their carriers

  private void recogniseCarriedGroups() {
    for (RecognisedInterface r : List.copyOf(interfaces.values())) {
      for (String id : r.eni().securityGroupIds()) {
        Optional<SecurityGroup> g = network.securityGroup(id);
        if (g.isEmpty() || groups.containsKey(id)) {
          continue;
        }
        SecurityGroup sg = g.get();
        if (r.role() == InterfaceRole.POD_WITH_SG || r.role() == InterfaceRole.FARGATE_POD) {
          group(sg, SecurityGroupRole.POD_SG, Optional.empty(), "carried by pod ENI " + r.eni().id());
        } else if (sg.name().startsWith("eks-remoteAccess-") && r.role() == InterfaceRole.MANAGED_NODE) {
          group(sg, SecurityGroupRole.REMOTE_ACCESS_SG, r.nodegroup(), "GroupName eks-remoteAccess-*, carried by"
              + " managed node ENI " + r.eni().id());
        } else {
          group(sg, SecurityGroupRole.MEMBER_SG, Optional.empty(), "carried by " + r.role() + " ENI "
              + r.eni().id());
        }
      }
    }
  }

  private static String ids(List<RecognisedGroup> on) {
    return String.join(", ", on.stream().map(g -> g.group().id() + " (" + g.role() + ")").toList());
  }
}
