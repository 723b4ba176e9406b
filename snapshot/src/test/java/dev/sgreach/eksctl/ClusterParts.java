package dev.sgreach.eksctl;

import dev.sgreach.eks.EksCluster;
import dev.sgreach.eks.InterfaceRole;
import dev.sgreach.eks.RecognisedGroup;
import dev.sgreach.eks.RecognisedInterface;
import dev.sgreach.eks.SecurityGroupRole;
import dev.sgreach.model.Network;
import dev.sgreach.model.NetworkInterface;
import dev.sgreach.model.Peer;
import dev.sgreach.model.Rule;
import dev.sgreach.model.SecurityGroup;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;

/**
 * Splits a cluster's network by who made each part, using sgreach's own recognition of EKS roles: what eksctl and EKS
 * create for a ClusterConfig, what Kubernetes objects make (the AWS Load Balancer Controller's groups and load
 * balancers, pods with their own groups on trunk and branch ENIs, Fargate pods, the pod addresses the VPC CNI adds to
 * nodes), and the VPC the user had before running eksctl.
 */
final class ClusterParts {
  private static final Set<SecurityGroupRole> KUBERNETES_GROUPS =
      EnumSet.of(SecurityGroupRole.LBC_MANAGED_SG, SecurityGroupRole.LBC_BACKEND_SG, SecurityGroupRole.POD_SG);
  private static final Set<InterfaceRole> KUBERNETES_ENIS = EnumSet.of(InterfaceRole.TRUNK,
      InterfaceRole.POD_WITH_SG, InterfaceRole.FARGATE_POD, InterfaceRole.LOAD_BALANCER);
  private static final Set<SecurityGroupRole> EKSCTL_GROUPS = EnumSet.of(SecurityGroupRole.CLUSTER_SG,
      SecurityGroupRole.CONTROL_PLANE_SG, SecurityGroupRole.NODEGROUP_SG, SecurityGroupRole.NODEGROUP_SSH_SG,
      SecurityGroupRole.EFA_SG);
  private static final Set<InterfaceRole> EKSCTL_ENIS = EnumSet.of(InterfaceRole.CONTROL_PLANE,
      InterfaceRole.MANAGED_NODE, InterfaceRole.SELF_MANAGED_NODE);

  private ClusterParts() {}

  /** The network without what Kubernetes objects made: what a ClusterConfig can predict, and the user's VPC. */
  static Network withoutKubernetesObjects(Network network, String cluster) {
    EksCluster c = EksCluster.of(network, cluster);
    Set<String> groups = new HashSet<>();
    for (RecognisedGroup g : c.groups()) {
      if (KUBERNETES_GROUPS.contains(g.role())) {
        groups.add(g.group().id());
      }
    }
    Set<String> enis = new HashSet<>();
    Set<String> nodes = new HashSet<>();
    for (RecognisedInterface i : c.interfaces()) {
      if (KUBERNETES_ENIS.contains(i.role())) {
        enis.add(i.eni().id());
      } else if (i.role() == InterfaceRole.MANAGED_NODE || i.role() == InterfaceRole.SELF_MANAGED_NODE) {
        nodes.add(i.eni().id());
      }
    }
    Network.Builder b = Network.builder();
    network.vpcs().values().forEach(b::add);
    network.prefixLists().values().forEach(b::add);
    network.peerings().values().forEach(b::add);
    network.eksClusters().values().forEach(b::add);
    path(network, b);
    for (SecurityGroup sg : network.securityGroups().values()) {
      if (!groups.contains(sg.id())) {
        b.add(withoutRulesNaming(sg, groups));
      }
    }
    for (NetworkInterface e : network.interfaces().values()) {
      if (enis.contains(e.id())) {
        continue;
      }
      if (nodes.contains(e.id())) {
        // the node's primary address only: secondary addresses are pod IPs the VPC CNI assigns
        b.add(withPrimaryAddressOnly(e));
      } else {
        b.add(e);
      }
    }
    return b.build();
  }

  /** The network as the user had it before running eksctl: without what eksctl and EKS create. */
  static Network beforeEksctl(Network network, String cluster) {
    EksCluster c = EksCluster.of(network, cluster);
    Set<String> groups = new HashSet<>();
    for (RecognisedGroup g : c.groups()) {
      if (EKSCTL_GROUPS.contains(g.role())) {
        groups.add(g.group().id());
      }
    }
    Set<String> enis = new HashSet<>();
    for (RecognisedInterface i : c.interfaces()) {
      if (EKSCTL_ENIS.contains(i.role())) {
        enis.add(i.eni().id());
      }
    }
    Network.Builder b = Network.builder();
    network.vpcs().values().forEach(b::add);
    network.prefixLists().values().forEach(b::add);
    network.peerings().values().forEach(b::add);
    path(network, b); // the user's VPC: its subnets, routes, gateways and endpoints were there before eksctl
    for (SecurityGroup sg : network.securityGroups().values()) {
      if (!groups.contains(sg.id())) {
        b.add(withoutRulesNaming(sg, groups));
      }
    }
    network.interfaces().values().stream().filter(e -> !enis.contains(e.id())).forEach(b::add);
    return b.build();
  }

  /** The packet path (no Kubernetes object makes any of it). */
  private static void path(Network network, Network.Builder b) {
    network.subnets().values().forEach(b::add);
    network.networkAcls().values().forEach(b::add);
    network.routeTables().values().forEach(b::add);
    network.internetGateways().values().forEach(b::add);
    network.natGateways().values().forEach(b::add);
    network.vpcEndpoints().values().forEach(b::add);
    network.transitGateways().values().forEach(b::add);
  }

  private static SecurityGroup withoutRulesNaming(SecurityGroup sg, Set<String> groups) {
    SecurityGroup.Builder b = sg.toBuilder().clearRules();
    for (Rule r : sg.ingress()) {
      keep(r, groups, b);
    }
    for (Rule r : sg.egress()) {
      keep(r, groups, b);
    }
    return b.build();
  }

  private static void keep(Rule r, Set<String> groups, SecurityGroup.Builder b) {
    if (!(r.peer() instanceof Peer.GroupPeer p && groups.contains(p.groupId()))) {
      b.rule(r);
    }
  }

  private static NetworkInterface withPrimaryAddressOnly(NetworkInterface e) {
    return new NetworkInterface(e.id(), e.vpcId(), e.subnetId(), e.availabilityZone(), e.interfaceType(),
        e.description(), e.requesterId(), e.requesterManaged(), e.ownerId(), e.attachment(),
        e.privateIpv4().subList(0, 1), e.ipv6(), e.prefixes(), e.publicIpv4(), e.securityGroupIds(), e.tags());
  }
}
