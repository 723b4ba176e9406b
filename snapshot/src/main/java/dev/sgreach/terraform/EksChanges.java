package dev.sgreach.terraform;

import com.google.common.collect.ImmutableList;
import dev.sgreach.eks.EksTopology;
import dev.sgreach.model.EksClusterInfo;
import dev.sgreach.model.NetworkInterface;
import dev.sgreach.model.Peer;
import dev.sgreach.model.Ports;
import dev.sgreach.model.Rule;
import dev.sgreach.model.SecurityGroup;
import dev.sgreach.planned.InputNode;
import dev.sgreach.planned.PlannedResource.Action;
import dev.sgreach.planned.Unknown;
import dev.sgreach.terraform.PlanState.Kind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * EKS from a plan, where the plan decides groups (DOMAIN-CHANGE.md table 1e, DOMAIN.md section 2):
 * {@code aws_eks_cluster} makes the cluster SG EKS creates (all from itself in, all out) and control-plane ENIs in
 * its subnets carrying it and {@code vpc_config.security_group_ids}; {@code aws_eks_node_group} makes nodes carrying
 * the cluster SG, or the groups of its {@code aws_launch_template}, and the remote-access group EKS creates for
 * {@code remote_access} (tcp 22 from the source groups, or from {@code 0.0.0.0/0} without them; 3389 too for
 * Windows AMIs; the group's exact rules are UNCONFIRMED in AWS's text).
 */
final class EksChanges {
  private final PlanState s;
  private final InterfaceChanges interfaces;
  private final Map<String, PlanState.Resolved> templateGroups = new HashMap<>();
  private final Map<String, String> templateByName = new HashMap<>();

  EksChanges(PlanState s, InterfaceChanges interfaces) {
    this.s = s;
    this.interfaces = interfaces;
  }

  /** {@code aws_launch_template}: the groups it puts on the instances launched from it. */
  void launchTemplate(ResourceChange c) {
    String id = s.registered(c, "id").orElseThrow();
    boolean configured = s.config.configured(c, "vpc_security_group_ids")
        || c.after("vpc_security_group_ids").isKnown() && !c.after("vpc_security_group_ids").list().isEmpty();
    PlanState.Resolved r = configured ? s.ids(c, Kind.GROUP, "vpc_security_group_ids")
        : s.ids(c, Kind.GROUP, "network_interfaces", 0, "security_groups");
    templateGroups.put(id, r);
    c.after("name").text().ifPresent(n -> templateByName.put(n, id));
    s.resource(c, r.ids(), List.of(), id.startsWith("tf:"));
  }

  // ------------------------------------------------------------------ aws_eks_cluster

  private final Map<String, String> clusterAddresses = new HashMap<>();

  void cluster(ResourceChange c) {
    String name = s.registered(c, "name").orElseThrow();
    String other = clusterAddresses.putIfAbsent(name, c.address());
    if (other != null) {
      throw c.node().get("change").get("after").get("name").error("is also the name of " + other + " in this plan:"
          + " EKS refuses a second cluster of the same name in a region");
    }
    String clusterSg = s.registered(c, "cluster_security_group_id").orElseThrow();
    Val vc = c.after("vpc_config").first();
    PlanState.Resolved subnets = s.ids(c, Kind.SUBNET, "vpc_config", 0, "subnet_ids");
    if (!subnets.complete()) {
      s.unknown(Unknown.of(c.address(), "vpc_config[0].subnet_ids", Unknown.Kind.UNPLACED, "", "some of the"
          + " cluster's subnets are not known before apply: its control-plane ENIs are placed in the known ones"
          + " only"));
    }
    List<String> extra = new ArrayList<>();
    Val sgs = vc.get("security_group_ids");
    if (sgs.isKnown() || s.config.configured(c, "vpc_config", 0, "security_group_ids")) {
      PlanState.Resolved r = s.ids(c, Kind.GROUP, "vpc_config", 0, "security_group_ids");
      extra.addAll(r.ids());
      if (!r.complete()) {
        extra.add(interfaces.unknownMembership(c, "vpc_config.security_group_ids", "some of the cluster's"
            + " additional groups are not known before apply"));
      }
    }
    String vpc = vc.get("vpc_id").text().orElseGet(() -> subnets.ids().stream()
        .map(id -> s.subnets.get(id)).filter(x -> x != null && !x.vpcId().isEmpty()).map(PlanState.Subnet::vpcId)
        .findFirst().orElse(""));
    if (!s.groups.containsKey(clusterSg)) {
      s.groups.put(clusterSg, EksTopology.clusterSecurityGroup(clusterSg, "eks-cluster-sg-" + name, name, vpc, "",
          false));
    }
    boolean privateAccess = vc.get("endpoint_private_access").bool().orElse(false);
    boolean publicAccess = vc.get("endpoint_public_access").bool().orElse(true);
    List<String> publicCidrs = vc.get("public_access_cidrs").isKnown()
        ? vc.get("public_access_cidrs").list().stream().filter(Val::isKnown).map(v -> v.node().text()).toList()
        : publicAccess ? List.of("0.0.0.0/0") : List.of(); // unset: EKS's default
    List<String> cpGroups = new ArrayList<>();
    cpGroups.add(clusterSg);
    cpGroups.addAll(extra);
    List<String> cpEnis = new ArrayList<>();
    String description = EksTopology.controlPlaneEniDescription(name);
    boolean exists = c.action() == Action.UPDATE || c.action() == Action.NO_OP;
    for (NetworkInterface e : List.copyOf(s.base().interfaces().values())) {
      if (exists && s.enis.containsKey(e.id()) && e.description().equals(description) && e.instanceId().isEmpty()) {
        s.enis.put(e.id(), e.toBuilder().clearGroups().groups(cpGroups).build());
        cpEnis.add(e.id());
      }
    }
    if (cpEnis.isEmpty()) {
      for (String subnetId : subnets.ids()) {
        String id = PlanState.placeholder(c, "control-plane/" + subnetId);
        PlanState.Subnet sn = s.subnets.get(subnetId);
        NetworkInterface.Builder b = NetworkInterface.builder(id).vpc(vpc).subnet(subnetId).description(description)
            .attachment(new NetworkInterface.Attachment(Optional.empty(), "", 1)).groups(cpGroups);
        b.address(s.standIn(c.address(), "private address of control-plane ENI " + id,
            Optional.ofNullable(sn).flatMap(PlanState.Subnet::ipv4), 4, false));
        s.enis.put(id, b.build());
        cpEnis.add(id);
      }
    }
    s.clusters.put(name, new EksClusterInfo(name, vpc, clusterSg, ImmutableList.copyOf(extra),
        ImmutableList.copyOf(subnets.ids()), publicAccess, privateAccess, ImmutableList.copyOf(publicCidrs)));
    s.resource(c, List.of(clusterSg), cpEnis, clusterSg.startsWith("tf:"));
  }

  void removeCluster(ResourceChange c) {
    InputNode before = c.before();
    Optional<String> name = before.get("name").optText();
    if (name.isEmpty()) {
      return;
    }
    String description = EksTopology.controlPlaneEniDescription(name.get());
    s.enis.values().removeIf(e -> e.description().equals(description) && e.instanceId().isEmpty());
    before.get("vpc_config").at(0).get("cluster_security_group_id").optText().ifPresent(s.groups::remove);
    s.clusters.remove(name.get());
  }

  // ------------------------------------------------------------------ aws_eks_node_group

  /**
   * A removed node group takes its nodes: the snapshot's ENIs tagged {@code eks:nodegroup-name} with its name (and
   * its cluster's {@code aws:eks:cluster-name}); when none carries the tag the nodes cannot be told apart and stay.
   */
  void removeNodeGroup(ResourceChange c) {
    Optional<String> name = c.before().get("node_group_name").optText();
    Optional<String> cluster = c.before().get("cluster_name").optText();
    if (name.isEmpty()) {
      return;
    }
    boolean removed = s.enis.values().removeIf(e -> e.tag("eks:nodegroup-name").equals(name)
        && (cluster.isEmpty() || e.tag("aws:eks:cluster-name").map(cluster.get()::equals).orElse(true)));
    if (!removed && !s.base().interfaces().isEmpty()) {
      s.unknown(Unknown.of(c.address(), "", Unknown.Kind.UNPLACED, "", "the nodes of node group " + name.get()
          + " are not tagged eks:nodegroup-name in the snapshot, so they cannot be told apart: they stay in the"
          + " network"));
    }
  }

  void nodeGroup(ResourceChange c) {
    Val a = c.after();
    Optional<String> clusterName = a.get("cluster_name").text().or(() -> s.id(c, Kind.CLUSTER, "cluster_name"));
    String nodegroup = a.get("node_group_name").text().orElse(c.address());
    List<String> groups = new ArrayList<>();
    Val lt = a.get("launch_template").first();
    Optional<PlanState.Resolved> fromTemplate = Optional.empty();
    if (lt.isKnown() || lt.isUnknown()) {
      Optional<String> ltId = s.id(c, Kind.LAUNCH_TEMPLATE, "launch_template", 0, "id")
          .filter(templateGroups::containsKey)
          .or(() -> lt.get("name").text().map(templateByName::get));
      fromTemplate = ltId.map(templateGroups::get);
      if (fromTemplate.isEmpty()) {
        groups.add(interfaces.unknownMembership(c, "launch_template", "the launch template's groups are not in the"
            + " plan"));
      }
    }
    if (fromTemplate.isPresent() && !fromTemplate.get().ids().isEmpty()) {
      // a launch template with groups stops EKS from adding the cluster SG
      groups.addAll(fromTemplate.get().ids());
      if (!fromTemplate.get().complete()) {
        groups.add(interfaces.unknownMembership(c, "launch_template", "some of the launch template's groups are"
            + " not known before apply"));
      }
    } else if (groups.isEmpty()) {
      Optional<String> clusterSg = clusterName.flatMap(n -> Optional.ofNullable(s.clusters.get(n)))
          .map(EksClusterInfo::clusterSecurityGroupId).filter(id -> !id.isEmpty());
      groups.add(clusterSg.orElseGet(() -> interfaces.unknownMembership(c, "cluster_name", "the cluster SG of"
          + " the node group's cluster is not known (the cluster is in neither the plan nor the snapshot)")));
    }
    Val ra = a.get("remote_access").first();
    List<String> own = new ArrayList<>();
    if (ra.isKnown() && (ra.get("ec2_ssh_key").isKnown() || ra.get("ec2_ssh_key").isUnknown())) {
      String raGroup = remoteAccessGroup(c, ra, a.get("ami_type").text().orElse(""));
      groups.add(raGroup);
      own.add(raGroup);
    }
    List<String> nodes = new ArrayList<>();
    boolean creates = c.action() == Action.CREATE || c.action().isReplace() || s.base().interfaces().isEmpty();
    if (creates) {
      int count = a.get("scaling_config").first().get("desired_size").integer().orElse(1);
      PlanState.Resolved subnets = s.ids(c, Kind.SUBNET, "subnet_ids");
      List<String> where = subnets.ids().isEmpty() ? List.of("") : subnets.ids();
      for (int i = 0; i < count; i++) {
        String id = PlanState.placeholder(c, "node/" + i);
        String subnetId = where.get(i % where.size());
        PlanState.Subnet sn = s.subnets.get(subnetId);
        NetworkInterface.Builder b = NetworkInterface.builder(id).subnet(subnetId)
            .vpc(sn == null ? "" : sn.vpcId()).attachedTo(PlanState.placeholder(c, "node/" + i + "/instance"), 0)
            .groups(groups).tag("eks:nodegroup-name", nodegroup);
        clusterName.ifPresent(n -> b.tag("aws:eks:cluster-name", n));
        b.address(s.standIn(c.address(), "private address of node " + id,
            Optional.ofNullable(sn).flatMap(PlanState.Subnet::ipv4), 4, false));
        NetworkInterface eni = b.build();
        s.enis.put(id, eni);
        nodes.add(id);
      }
    }
    // (a node group that exists keeps the snapshot's nodes)
    s.resource(c, own, nodes, true);
  }

  /** The remote-access group EKS makes for {@code remote_access}, with its SSH (and RDP for Windows) rules. */
  private String remoteAccessGroup(ResourceChange c, Val ra, String amiType) {
    String id = s.registered(c, "remote_access_security_group_id").orElseThrow();
    if (s.groups.containsKey(id)) {
      return id;
    }
    SecurityGroup.Builder b = SecurityGroup.builder(id).name("eks-remoteAccess-" + c.address())
        .description("EKS remote access for " + c.address());
    List<Ports> ports = new ArrayList<>(List.of(Ports.tcp(22)));
    if (amiType.startsWith("WINDOWS")) {
      ports.add(Ports.tcp(3389));
    }
    PlanState.Resolved sources = s.ids(c, Kind.GROUP, "remote_access", 0, "source_security_group_ids");
    for (Ports p : ports) {
      if (sources.ids().isEmpty() && sources.complete()) {
        b.rule(Rule.ingress(p, Peer.cidr("0.0.0.0/0")).withDescription("EKS remote access (no source groups)"));
      }
      for (String g : sources.ids()) {
        b.rule(Rule.ingress(p, Peer.group(g)).withDescription("EKS remote access"));
      }
      if (!sources.complete()) {
        String set = s.unknownSet(c, "remote_access.source_security_group_ids", "source groups of "
            + c.address() + ", not known before apply");
        b.rule(Rule.ingress(p, Peer.prefixList(set)).withDescription("EKS remote access"));
      }
    }
    b.allowOut(Ports.allTraffic(), Peer.cidr("0.0.0.0/0"), "EC2 default egress");
    s.groups.put(id, b.build());
    return id;
  }
}
