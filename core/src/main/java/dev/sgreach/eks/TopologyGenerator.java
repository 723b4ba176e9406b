package dev.sgreach.eks;

import static dev.sgreach.eks.EksTags.*;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableListMultimap;
import com.google.common.collect.ImmutableMap;
import dev.sgreach.eks.EksTopology.AppSpec;
import dev.sgreach.eks.EksTopology.IngressSpec;
import dev.sgreach.eks.EksTopology.TargetType;
import dev.sgreach.model.Cidr;
import dev.sgreach.model.EksClusterInfo;
import dev.sgreach.model.LoadBalancer;
import dev.sgreach.model.Network;
import dev.sgreach.model.NetworkInterface;
import dev.sgreach.model.Peer;
import dev.sgreach.model.Ports;
import dev.sgreach.model.Rule;
import dev.sgreach.model.SecurityGroup;
import dev.sgreach.model.Vpc;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Turns an {@link EksTopology.Builder}'s description into the network eksctl, EKS and the LBC would leave behind. */
final class TopologyGenerator {
  private static final Peer ANY4 = Peer.cidr("0.0.0.0/0");
  private static final Peer ANY6 = Peer.cidr("::/0");
  private static final Cidr ANY_PUBLIC = Cidr.parse("0.0.0.0/0");
  private static final String EKSCTL_VERSION_VALUE = "0.100.0";
  private static final String CFN_EGRESS = "CloudFormation default egress";
  private static final String EC2_EGRESS = "EC2 default egress";
  private static final String AWS_SERVICE_ACCOUNT = "727180483921";
  /** Where the builder takes public addresses from: TEST-NET-3 (RFC 5737), never a real host. */
  private static final int PUBLIC_POOL = (203 << 24) | (0 << 16) | (113 << 8);

  private final EksTopology.Builder spec;
  private final String c;
  private final Map<String, SecurityGroup.Builder> groups = new LinkedHashMap<>();
  private final Map<String, NetworkInterface> enis = new LinkedHashMap<>();
  private final Network.Builder net = Network.builder();
  private final List<Subnet> privateSubnets = new ArrayList<>();
  private final List<Subnet> publicSubnets = new ArrayList<>();
  private final Map<String, List<NetworkInterface>> nodesOf = new LinkedHashMap<>();
  private final Map<String, List<NetworkInterface>> podEnisOf = new LinkedHashMap<>();
  private final Map<String, List<String>> origins = new LinkedHashMap<>();
  private final Map<String, String> userGroups = new LinkedHashMap<>();
  private final ImmutableListMultimap.Builder<String, Rule> rulesOnUserGroups = ImmutableListMultimap.builder();
  private final Map<Cidr, Cidr> assigned = new LinkedHashMap<>();
  private int nextPublic = 10;
  private String vpcId;
  private String clusterSg;
  private String controlPlaneSg;
  private final List<String> extraControlPlaneSgs = new ArrayList<>();
  private String sharedSg;
  private final Map<String, List<String>> endpointEnis = new LinkedHashMap<>();

  /** A subnet with its block and a counter for handing out addresses. */
  private final class Subnet {
    final String id;
    final String az;
    final boolean isPrivate;
    final Cidr block;
    final Cidr ipv6Block;
    int next = 10;

    Subnet(String id, String az, boolean isPrivate, Cidr block, Cidr ipv6Block) {
      this.id = id;
      this.az = az;
      this.isPrivate = isPrivate;
      this.block = block;
      this.ipv6Block = ipv6Block;
    }

    String nextAddress() {
      Cidr address;
      do {
        long a = block.low() + next++;
        address = Cidr.parseAddress(((a >>> 24) & 255) + "." + ((a >>> 16) & 255) + "." + ((a >>> 8) & 255) + "."
            + (a & 255));
      } while (spec.takenAddresses.contains(address) && block.contains(address));
      if (!block.contains(address)) {
        throw new IllegalArgumentException("subnet " + id + " (" + block.toCidrString() + ") has no room for more"
            + " addresses");
      }
      assigned.put(address, block);
      return address.addressString();
    }

    /** The address {@code offset} (4..9) into the subnet's block, below where {@link #nextAddress} starts. */
    String reservedAddress(int offset) {
      long a = block.low() + offset;
      Cidr address = Cidr.parseAddress(((a >>> 24) & 255) + "." + ((a >>> 16) & 255) + "." + ((a >>> 8) & 255) + "."
          + (a & 255));
      assigned.put(address, block);
      return address.addressString();
    }

    /** The next IPv6 address of the subnet's /64, when the VPC has an IPv6 block; the counter is shared. */
    String ipv6Address(int index) {
      long hi = ipv6Block.high();
      String address = String.format("%x:%x:%x:%x::%x", (hi >>> 48) & 0xFFFF, (hi >>> 32) & 0xFFFF,
          (hi >>> 16) & 0xFFFF, hi & 0xFFFF, index);
      assigned.put(Cidr.parseAddress(address), ipv6Block);
      return address;
    }
  }

  TopologyGenerator(EksTopology.Builder spec) {
    this.spec = spec;
    this.c = spec.cluster;
  }

  EksTopology.Generated generate() {
    vpc();
    clusterSecurityGroup();
    controlPlaneSecurityGroup();
    sharedSecurityGroup();
    for (NodeGroupConfig ng : spec.nodegroupList()) {
      if (!ng.managed() && ng.withLocal()) {
        nodegroupSecurityGroup(ng);
      }
      if (ng.managed() && ng.sshAllowed() && ng.launchTemplate().isEmpty()) {
        sshSecurityGroup(ng);
      }
      if (ng.efa() && !(ng.managed() && atLeast(spec.kubernetesVersion, 1, 33))) {
        efaSecurityGroup(ng);
      }
    }
    controlPlaneEnis();
    for (NodeGroupConfig ng : spec.nodegroupList()) {
      nodes(ng);
    }
    for (AppSpec app : spec.apps) {
      pods(app);
    }
    endpointsAndBastions();
    loadBalancers();
    if (spec.vpcId == null || spec.existingVpcRouting) {
      List<TopologyPath.Place> places = new ArrayList<>();
      for (Subnet s : java.util.stream.Stream.concat(privateSubnets.stream(), publicSubnets.stream()).toList()) {
        places.add(new TopologyPath.Place(s.id, s.az, s.isPrivate, s.block, s.ipv6Block));
      }
      // the NAT gateway's addresses lie below the counters' start, so that they do not shift the other addresses
      new TopologyPath(spec, vpcId, net).add(places, id -> subnet(id).reservedAddress(5), () -> publicAddress(5),
          endpointEnis, sharedSg);
    }
    groups.values().forEach(b -> net.add(b.build()));
    enis.values().forEach(net::add);
    List<String> cpGroups = new ArrayList<>();
    cpGroups.add(controlPlaneSg);
    cpGroups.addAll(extraControlPlaneSgs);
    ImmutableList<String> publicCidrs = !spec.publicAccess ? ImmutableList.of()
        : spec.publicAccessCidrs.isEmpty() ? ImmutableList.of("0.0.0.0/0") : ImmutableList.copyOf(spec.publicAccessCidrs);
    net.add(new EksClusterInfo(c, vpcId, clusterSg, ImmutableList.copyOf(cpGroups),
        privateSubnets.stream().map(s -> s.id).collect(ImmutableList.toImmutableList()), spec.publicAccess,
        spec.privateAccess, publicCidrs));
    ImmutableMap.Builder<String, ImmutableList<String>> o = ImmutableMap.builder();
    origins.forEach((k, v) -> o.put(k, ImmutableList.copyOf(v)));
    return new EksTopology.Generated(net.build(), o.build(), ImmutableMap.copyOf(userGroups),
        rulesOnUserGroups.build(), ImmutableMap.copyOf(assigned));
  }

  private static boolean atLeast(String version, int major, int minor) {
    String[] p = version.split("\\.");
    try {
      int ma = Integer.parseInt(p[0]);
      int mi = p.length > 1 ? Integer.parseInt(p[1]) : 0;
      return ma > major || ma == major && mi >= minor;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  private void origin(String key, String id) {
    origins.computeIfAbsent(key, k -> new ArrayList<>()).add(id);
  }

  // ------------------------------------------------------------------ VPC

  private void vpc() {
    boolean existing = spec.vpcId != null;
    vpcId = existing ? spec.vpcId : Ids.id("vpc", c + "/vpc");
    ImmutableList.Builder<Cidr> blocks = ImmutableList.<Cidr>builder().add(Cidr.parse(spec.vpcCidr));
    if (spec.vpcIpv6Cidr != null) {
      blocks.add(Cidr.parse(spec.vpcIpv6Cidr));
    }
    net.add(new Vpc(vpcId, spec.account, blocks.build()));
    if (existing) {
      List<EksTopology.SubnetSpec> given = spec.subnets;
      int n = given.size();
      for (int k = 0; k < n; k++) {
        EksTopology.SubnetSpec s = given.get(k);
        (s.isPrivate() ? privateSubnets : publicSubnets).add(new Subnet(s.id(), s.zone(), s.isPrivate(),
            Cidr.parse(s.cidr()), ipv6Slot(k)));
      }
    } else {
      origin(clusterStack(c) + "/VPC", vpcId);
      List<String> zones = spec.zones != null ? spec.zones : List.of(spec.region + "a", spec.region + "b");
      List<Cidr> slots = EksTopology.eksctlSubnetBlocks(spec.vpcCidr, zones.size());
      int n = zones.size();
      if (!spec.fullyPrivate) {
        for (int i = 0; i < n; i++) {
          publicSubnets.add(new Subnet(Ids.id("subnet", c + "/public" + i), zones.get(i), false, slots.get(i),
              ipv6Slot(i)));
        }
      }
      for (int i = 0; i < n; i++) {
        privateSubnets.add(new Subnet(Ids.id("subnet", c + "/private" + i), zones.get(i), true, slots.get(n + i),
            ipv6Slot(n + i)));
      }
    }
    if (privateSubnets.isEmpty()) {
      throw new IllegalArgumentException("cluster " + c + " has no private subnet: the control-plane ENIs need one");
    }
    if (!existing || spec.existingVpcDefaultGroup) {
      SecurityGroup.Builder def = SecurityGroup.builder(Ids.id("sg", vpcId + "/default")).name("default")
          .description("default VPC security group").vpc(vpcId).owner(spec.account);
      def.allowIn(Ports.allTraffic(), Peer.group(def.build().id()), "VPC default SG self");
      def.allowOut(Ports.allTraffic(), ANY4, EC2_EGRESS);
      groups.put(def.build().id(), def);
    }
  }

  /** The /64 of the k-th subnet inside the VPC's IPv6 block, or null without one. */
  private Cidr ipv6Slot(int k) {
    if (spec.vpcIpv6Cidr == null) {
      return null;
    }
    Cidr v6 = Cidr.parse(spec.vpcIpv6Cidr);
    long hi = v6.high() + k;
    return Cidr.parse(String.format("%x:%x:%x:%x::/64", (hi >>> 48) & 0xFFFF, (hi >>> 32) & 0xFFFF,
        (hi >>> 16) & 0xFFFF, hi & 0xFFFF));
  }

  private NetworkInterface.Builder eniIn(Subnet s, String seed) {
    NetworkInterface.Builder b = NetworkInterface.builder(Ids.id("eni", c + "/" + seed)).vpc(vpcId).subnet(s.id)
        .availabilityZone(s.az).owner(spec.account);
    String v4 = s.nextAddress();
    b.address(v4);
    if (s.ipv6Block != null) {
      b.address(s.ipv6Address(s.next - 1));
    }
    return b;
  }

  private String nextPublicAddress() {
    return publicAddress(nextPublic++);
  }

  /** The public address {@code offset} into the pool ({@link #nextPublicAddress} starts at 10). */
  private String publicAddress(int offset) {
    int a = PUBLIC_POOL + offset;
    String address = ((a >>> 24) & 255) + "." + ((a >>> 16) & 255) + "." + ((a >>> 8) & 255) + "." + (a & 255);
    assigned.put(Cidr.parseAddress(address), ANY_PUBLIC);
    return address;
  }

  private void add(NetworkInterface eni) {
    enis.put(eni.id(), eni);
  }

  // ------------------------------------------------------------------ groups

  private SecurityGroup.Builder newGroup(String id, String name, String description) {
    SecurityGroup.Builder b = SecurityGroup.builder(id).name(name).description(description).vpc(vpcId)
        .owner(spec.account);
    groups.put(id, b);
    return b;
  }

  private SecurityGroup.Builder g(String id) {
    return groups.get(id);
  }

  /** Adds a rule to a group: to the generated group, or to what eksctl adds to a group the user gave by id. */
  private void addRule(String groupId, Rule rule) {
    SecurityGroup.Builder b = groups.get(groupId);
    if (b != null) {
      b.rule(rule);
    } else {
      rulesOnUserGroups.put(groupId, rule);
    }
  }

  private void userGroup(String id, String setting) {
    userGroups.putIfAbsent(id, setting);
  }

  /** An eksctl-made group: CloudFormation-generated name, stack and eksctl tags, CloudFormation default egress. */
  private SecurityGroup.Builder eksctlGroup(String stack, String logicalId, String description,
      Optional<String> nodegroup, boolean managedNodegroup) {
    String id = Ids.id("sg", stack + "/" + logicalId);
    String name = logicalId.equals(LOGICAL_SSH_SG) ? stack + "-remoteAccess"
        : stack + "-" + logicalId + "-" + Ids.cfnSuffix(stack + logicalId, 12);
    SecurityGroup.Builder b = newGroup(id, name, description)
        .tag("Name", stack + "/" + logicalId)
        .tag(CFN_LOGICAL_ID, logicalId)
        .tag(CFN_STACK_NAME, stack)
        .tag(CFN_STACK_ID, "arn:aws:cloudformation:" + spec.region + ":" + spec.account + ":stack/" + stack + "/"
            + Ids.hex(stack, 8) + "-" + Ids.hex(stack + 1, 4) + "-" + Ids.hex(stack + 2, 4) + "-"
            + Ids.hex(stack + 3, 4) + "-" + Ids.hex(stack + 4, 12))
        .tag(EKSCTL_CLUSTER_NAME, c)
        .tag(EKSCTL_CLUSTER_NAME_OLD, c)
        .tag(EKSCTL_VERSION, EKSCTL_VERSION_VALUE);
    spec.stackTags.forEach(b::tag);
    nodegroup.ifPresent(ng -> {
      b.tag(EKSCTL_NODEGROUP_NAME, ng).tag(EKSCTL_NODEGROUP_TYPE, managedNodegroup ? "managed" : "unmanaged");
      if (!managedNodegroup) {
        b.tag(EKSCTL_NODEGROUP_NAME_V1ALPHA2, ng);
      }
    });
    b.allowOut(Ports.allTraffic(), ANY4, CFN_EGRESS);
    origin(stack + "/" + logicalId, id);
    return b;
  }

  private void clusterSecurityGroup() {
    String name = "eks-cluster-sg-" + c + "-" + Ids.digits(c + "/cluster-sg", 10);
    clusterSg = Ids.id("sg", c + "/cluster-sg");
    groups.put(clusterSg, EksTopology.clusterSecurityGroup(clusterSg, name, c, vpcId, spec.account,
        spec.vpcIpv6Cidr != null).toBuilder());
    origin("eks:" + c + "/cluster-security-group", clusterSg);
  }

  private void controlPlaneSecurityGroup() {
    if (!spec.controlPlaneSgIds.isEmpty()) {
      controlPlaneSg = spec.controlPlaneSgIds.get(0);
      extraControlPlaneSgs.addAll(spec.controlPlaneSgIds.subList(1, spec.controlPlaneSgIds.size()));
      spec.controlPlaneSgIds.forEach(id -> userGroup(id, "vpc.controlPlaneSecurityGroupIDs"));
      return;
    }
    SecurityGroup.Builder cp = eksctlGroup(clusterStack(c), LOGICAL_CONTROL_PLANE_SG, CONTROL_PLANE_SG_DESCRIPTION,
        Optional.empty(), false);
    controlPlaneSg = cp.build().id();
    int v4 = 0;
    int v6 = 0;
    for (String cidr : spec.extraControlPlaneCidrs) {
      boolean isV6 = Cidr.parse(cidr).isIpv6();
      int i = isV6 ? v6++ : v4++;
      cp.allowIn(Ports.tcp(443), Peer.cidr(cidr), "Allow Extra " + (isV6 ? "IPv6 " : "") + "CIDR " + i + " ("
          + cidr + ") to communicate to controlplane");
    }
    for (String cidr : spec.remoteNetworkCidrs) {
      cp.allowIn(Ports.tcp(443), Peer.cidr(cidr), "Allow nodes/pods from remote network (" + cidr
          + ") to communicate to controlplane");
    }
  }

  private void sharedSecurityGroup() {
    boolean eksctlMade = spec.sharedSgId == null;
    if (eksctlMade && !spec.manageSharedNodeSecurityGroupRules) {
      throw new IllegalArgumentException("manageSharedNodeSecurityGroupRules cannot be false when eksctl makes the"
          + " shared node SG (give vpc.sharedNodeSecurityGroup)");
    }
    if (!eksctlMade && spec.sharedSgRulesKnown) {
      sharedSg = spec.sharedSgId;
      newGroup(sharedSg, spec.sharedSgName, "Shared SG for " + c + ": bastion, VPC endpoints and nodes (made by the"
          + " user before eksctl)")
          .tag("Name", spec.sharedSgName)
          .allowIn(Ports.allTraffic(), Peer.group(sharedSg), "user: members of the shared SG reach each other")
          .allowOut(Ports.allTraffic(), ANY4, EC2_EGRESS);
    } else if (!eksctlMade) {
      sharedSg = spec.sharedSgId;
      userGroup(sharedSg, "vpc.sharedNodeSecurityGroup");
    } else {
      sharedSg = eksctlGroup(clusterStack(c), LOGICAL_SHARED_NODE_SG, SHARED_NODE_SG_DESCRIPTION, Optional.empty(),
          false).build().id();
      g(sharedSg).allowIn(Ports.allTraffic(), Peer.group(sharedSg), INTER_NODEGROUP_RULE);
    }
    if (spec.manageSharedNodeSecurityGroupRules) {
      // IngressDefaultClusterToNodeSG, IngressNodeToDefaultClusterSG
      addRule(sharedSg, Rule.ingress(Ports.allTraffic(), Peer.group(clusterSg)).withDescription(
          CLUSTER_TO_NODE_SG_RULE));
      addRule(clusterSg, Rule.ingress(Ports.allTraffic(), Peer.group(sharedSg)).withDescription(
          NODE_TO_CLUSTER_SG_RULE));
    }
  }

  private String nodegroupSg(String ng) {
    return Ids.id("sg", nodegroupStack(c, ng) + "/" + LOGICAL_NODEGROUP_SG);
  }

  private void nodegroupSecurityGroup(NodeGroupConfig config) {
    String ng = config.name();
    SecurityGroup.Builder b = eksctlGroup(nodegroupStack(c, ng), LOGICAL_NODEGROUP_SG, nodegroupSgDescription(ng),
        Optional.of(ng), false).tag(clusterTag(c), "owned")
        .allowIn(Ports.tcp(1025, 65535), Peer.group(controlPlaneSg), "[IngressInterCluster] Allow worker nodes in"
            + " group " + ng + " to communicate with control plane (kubelet and workload TCP ports)")
        .allowIn(Ports.tcp(443), Peer.group(controlPlaneSg), "[IngressInterClusterAPI] Allow worker nodes in group "
            + ng + " to communicate with control plane (workloads using HTTPS port, commonly used with extension API"
            + " servers)");
    if (config.sshAllowed()) {
      sshRules(config, "Allow SSH access to worker nodes in group " + ng).forEach(b::rule);
    }
    String sg = b.build().id();
    addRule(controlPlaneSg, Rule.ingress(Ports.tcp(443), Peer.group(sg)).withDescription("Allow control plane to"
        + " receive API requests from worker nodes in group " + ng));
    addRule(controlPlaneSg, Rule.egress(Ports.tcp(1025, 65535), Peer.group(sg)).withDescription("Allow control plane"
        + " to communicate with worker nodes in group " + ng + " (kubelet and workload TCP ports)"));
    addRule(controlPlaneSg, Rule.egress(Ports.tcp(443), Peer.group(sg)).withDescription("Allow control plane to"
        + " communicate with worker nodes in group " + ng + " (workloads using HTTPS port, commonly used with"
        + " extension API servers)"));
  }

  /**
   * eksctl's SSH rules: tcp 22 from each source group (no description); else from the VPC's IPv4 block for private
   * networking; else from anywhere, IPv4 and IPv6.
   */
  private List<Rule> sshRules(NodeGroupConfig ng, String description) {
    List<Rule> out = new ArrayList<>();
    if (!ng.sshSourceSecurityGroups().isEmpty()) {
      ng.sshSourceSecurityGroups().forEach(s -> out.add(Rule.ingress(Ports.tcp(22), Peer.group(s))));
    } else if (ng.privateNetworking()) {
      out.add(Rule.ingress(Ports.tcp(22), Peer.cidr(spec.vpcCidr))
          .withDescription(description + " (private, only inside VPC)"));
    } else {
      out.add(Rule.ingress(Ports.tcp(22), ANY4).withDescription(description));
      out.add(Rule.ingress(Ports.tcp(22), ANY6).withDescription(description));
    }
    return out;
  }

  private String sshSg(String ng) {
    return Ids.id("sg", nodegroupStack(c, ng) + "/" + LOGICAL_SSH_SG);
  }

  private void sshSecurityGroup(NodeGroupConfig ng) {
    SecurityGroup.Builder b = eksctlGroup(nodegroupStack(c, ng.name()), LOGICAL_SSH_SG, SSH_SG_DESCRIPTION,
        Optional.of(ng.name()), true);
    sshRules(ng, "Allow SSH access to managed worker nodes in group " + ng.name()).forEach(b::rule);
  }

  private String efaSg(String ng) {
    return Ids.id("sg", nodegroupStack(c, ng) + "/" + LOGICAL_EFA_SG);
  }

  private void efaSecurityGroup(NodeGroupConfig ng) {
    String id = efaSg(ng.name());
    String text = "Allow worker nodes in group " + ng.name() + " to communicate to itself (EFA-enabled)";
    eksctlGroup(nodegroupStack(c, ng.name()), LOGICAL_EFA_SG, EFA_SG_DESCRIPTION, Optional.of(ng.name()),
        ng.managed())
        .allowIn(Ports.allTraffic(), Peer.group(id), text)
        .allowOut(Ports.allTraffic(), Peer.group(id), text);
  }

  // ------------------------------------------------------------------ ENIs

  private List<Subnet> controlPlaneSubnets() {
    if (spec.controlPlaneSubnetIds.isEmpty()) {
      return privateSubnets;
    }
    List<Subnet> out = new ArrayList<>();
    for (String id : spec.controlPlaneSubnetIds) {
      out.add(subnetById(id).orElseThrow(() -> new IllegalArgumentException("control-plane subnet " + id
          + " is not one of the cluster's subnets " + allSubnetIds())));
    }
    return out;
  }

  private void controlPlaneEnis() {
    String role = "AROA" + Ids.hex(c + "/role", 17).toUpperCase() + ":AmazonEKS";
    List<String> cpGroups = new ArrayList<>();
    cpGroups.add(clusterSg);
    cpGroups.add(controlPlaneSg);
    cpGroups.addAll(extraControlPlaneSgs);
    List<Subnet> where = controlPlaneSubnets();
    for (int i = 0; i < where.size(); i++) {
      NetworkInterface eni = eniIn(where.get(i), "control-plane" + i).description(EksTopology.controlPlaneEniDescription(c))
          .requester(role, false)
          .attachment(new NetworkInterface.Attachment(Optional.empty(), Ids.digits(c + "/eks-account", 12), 1))
          .groups(cpGroups).build();
      add(eni);
      origin("eks:" + c + "/control-plane", eni.id());
    }
  }

  /** The subnets a nodegroup's nodes go to: private or public, narrowed by its zones or subnet ids. */
  private List<Subnet> nodeSubnets(NodeGroupConfig ng) {
    List<Subnet> kind = ng.privateNetworking() ? privateSubnets : publicSubnets;
    List<Subnet> out = new ArrayList<>();
    for (Subnet s : kind) {
      if ((ng.availabilityZones().isEmpty() || ng.availabilityZones().contains(s.az))
          && (ng.subnets().isEmpty() || ng.subnets().contains(s.id))) {
        out.add(s);
      }
    }
    if (out.isEmpty()) {
      throw new IllegalArgumentException("nodegroup " + ng.name() + " has no " + (ng.privateNetworking() ? "private"
          : "public") + " subnet to go to" + (ng.availabilityZones().isEmpty() ? "" : " in " + ng.availabilityZones())
          + (ng.subnets().isEmpty() ? "" : " among " + ng.subnets())
          + (ng.privateNetworking() ? "" : " (set privateNetworking for a cluster without public subnets)"));
    }
    return out;
  }

  private void nodes(NodeGroupConfig ng) {
    List<NetworkInterface> list = new ArrayList<>();
    List<Subnet> where = nodeSubnets(ng);
    String stack = nodegroupStack(c, ng.name());
    for (int i = 0; i < ng.nodes(); i++) {
      String instance = Ids.id("i", c + "/" + ng.name() + "/" + i);
      NetworkInterface.Builder b = eniIn(where.get(i % where.size()), ng.name() + "/node" + i)
          .attachedTo(instance, 0);
      if (!ng.privateNetworking()) {
        b.publicIp(nextPublicAddress());
      }
      List<String> on = new ArrayList<>();
      if (ng.managed()) {
        if (ng.launchTemplate().isPresent()) {
          // the user's launch template decides the groups; the builder does not know them
          String lt = "launch-template:" + ng.launchTemplate().get();
          userGroup(lt, "managedNodeGroups[" + ng.name() + "].launchTemplate (its security groups)");
          on.add(lt);
        } else {
          // eksctl's launch template: the cluster SG, attachIDs, the SSH SG, the EFA SG
          on.add(clusterSg);
          on.addAll(ng.attachSecurityGroups());
          if (ng.sshAllowed()) {
            on.add(sshSg(ng.name()));
          }
        }
        // instance tags eks:* (propagation to the ENI UNCONFIRMED, written so the nodegroup can be told)
        b.tag(EKS_CLUSTER_NAME, c).tag(EKS_NODEGROUP_NAME, ng.name());
      } else {
        on.addAll(ng.attachSecurityGroups());
        if (ng.withShared()) {
          on.add(sharedSg);
        }
        if (ng.withLocal()) {
          on.add(nodegroupSg(ng.name()));
        }
      }
      ng.attachSecurityGroups().forEach(id -> userGroup(id, (ng.managed() ? "managedNodeGroups[" : "nodeGroups[")
          + ng.name() + "].securityGroups.attachIDs"));
      if (groups.containsKey(efaSg(ng.name()))) {
        on.add(efaSg(ng.name()));
      }
      NetworkInterface eni = b.groups(on).build();
      add(eni);
      list.add(eni);
      origin(stack + "/" + (ng.managed() ? "ManagedNodeGroup" : "NodeGroup"), eni.id());
    }
    nodesOf.put(ng.name(), list);
  }

  private String nodeIdentitySg(String ng) {
    NodeGroupConfig n = spec.nodegroups.get(ng);
    return n.managed() ? clusterSg : n.withLocal() ? nodegroupSg(ng) : sharedSg;
  }

  private void pods(AppSpec app) {
    List<NetworkInterface> pods = new ArrayList<>();
    String podSg = app.ownSecurityGroup() ? podSecurityGroup(app) : null;
    if (spec.fargateProfiles.contains(app.runsOn())) {
      Subnet s = privateSubnets.get(0);
      NetworkInterface.Builder b = eniIn(s, "fargate/" + app.name());
      String ip = b.build().privateIpv4().get(0).addressString();
      NetworkInterface eni = b.description(FARGATE_DESCRIPTION_PREFIX + "ip-" + ip.replace('.', '-') + "."
              + (spec.region.equals("us-east-1") ? "ec2.internal" : spec.region + ".compute.internal"))
          .requester(AWS_SERVICE_ACCOUNT, true).groups(podSg == null ? clusterSg : podSg).build();
      add(eni);
      pods.add(eni);
    } else if (spec.nodegroups.containsKey(app.runsOn())) {
      List<NetworkInterface> nodes = nodesOf.get(app.runsOn());
      if (podSg == null) {
        for (NetworkInterface node : nodes) {
          Subnet s = subnet(node.subnetId());
          NetworkInterface withPod = node.toBuilder().address(s.nextAddress()).build();
          add(withPod);
          nodesOf.get(app.runsOn()).set(nodes.indexOf(node), withPod);
          pods.add(withPod);
        }
      } else {
        NetworkInterface node = nodes.get(0);
        NetworkInterface trunk = trunkOf(node);
        NetworkInterface branch = eniIn(subnet(node.subnetId()), "branch/" + app.name()).interfaceType(TYPE_BRANCH)
            .description(BRANCH_DESCRIPTION).requester(AWS_SERVICE_ACCOUNT, false)
            .tag(TRUNK_ENI_ID, trunk.id()).tag(VLAN_ID, Integer.toString(podEnisOf.values().stream()
                .mapToInt(List::size).sum() + 1))
            .tag(ENI_OWNER, ENI_OWNER_VPCRC).tag(clusterTag(c), "owned").groups(podSg).build();
        add(branch);
        pods.add(branch);
        if (spec.podProbeRules) {
          g(podSg).allowIn(Ports.tcp(app.podPort()), Peer.group(nodeIdentitySg(app.runsOn())),
              "user (eks-ug sg-pods): kubelet probes from the nodes of " + app.runsOn());
        }
      }
    } else {
      throw new IllegalArgumentException("app " + app.name() + " runs on '" + app.runsOn() + "', which is neither a"
          + " nodegroup " + spec.nodegroups.keySet() + " nor a Fargate profile " + spec.fargateProfiles);
    }
    podEnisOf.put(app.name(), pods);
  }

  private Subnet subnet(String id) {
    return subnetById(id).orElseThrow();
  }

  private Optional<Subnet> subnetById(String id) {
    return java.util.stream.Stream.concat(privateSubnets.stream(), publicSubnets.stream())
        .filter(s -> s.id.equals(id)).findFirst();
  }

  private List<String> allSubnetIds() {
    return java.util.stream.Stream.concat(privateSubnets.stream(), publicSubnets.stream()).map(s -> s.id).toList();
  }

  private NetworkInterface trunkOf(NetworkInterface node) {
    String instance = node.instanceId().orElseThrow();
    for (NetworkInterface e : enis.values()) {
      if (e.interfaceType().equals(TYPE_TRUNK) && e.instanceId().equals(Optional.of(instance))) {
        return e;
      }
    }
    NetworkInterface trunk = eniIn(subnet(node.subnetId()), "trunk/" + instance).interfaceType(TYPE_TRUNK)
        .description(TRUNK_DESCRIPTION).requester(AWS_SERVICE_ACCOUNT, false).attachedTo(instance, 2)
        .tag(ENI_OWNER, ENI_OWNER_VPCRC).tag(clusterTag(c), "owned").groups(node.securityGroupIds()).build();
    add(trunk);
    return trunk;
  }

  private String podSecurityGroup(AppSpec app) {
    String id = Ids.id("sg", c + "/pod-sg/" + app.name());
    newGroup(id, app.name() + "-pod-sg", "SecurityGroupPolicy group for the pods of " + app.name())
        .tag("Name", app.name() + "-pod-sg")
        .allowOut(Ports.allTraffic(), ANY4, EC2_EGRESS);
    if (spec.podDnsRules) {
      List<String> dnsTargets = new ArrayList<>();
      dnsTargets.add(clusterSg);
      spec.nodegroupList().stream().filter(n -> !n.managed() && n.withLocal())
          .forEach(n -> dnsTargets.add(nodegroupSg(n.name())));
      for (String target : dnsTargets) {
        addRule(target, Rule.ingress(Ports.tcp(53), Peer.group(id)).withDescription("user (seed): pods of "
            + app.name() + " to CoreDNS tcp 53"));
        addRule(target, Rule.ingress(Ports.udp(53), Peer.group(id)).withDescription("user (seed): pods of "
            + app.name() + " to CoreDNS udp 53"));
      }
    }
    return id;
  }

  private void endpointsAndBastions() {
    for (String service : spec.endpointServices) {
      String vpce = Ids.id("vpce", c + "/endpoint/" + service);
      for (Subnet s : privateSubnets) {
        NetworkInterface eni = eniIn(s, "endpoint/" + service + "/" + s.az).interfaceType(TYPE_VPC_ENDPOINT)
            .description(ENDPOINT_DESCRIPTION_PREFIX + " " + vpce).requester(AWS_SERVICE_ACCOUNT, true)
            .groups(sharedSg).build();
        add(eni);
        endpointEnis.computeIfAbsent(service, k -> new ArrayList<>()).add(eni.id());
        origin(clusterStack(c) + "/VPCEndpoint" + service.replace(".", "").toUpperCase(java.util.Locale.ROOT),
            eni.id());
      }
    }
    for (String name : spec.bastions) {
      String env = "aws-cloud9-" + name + "-" + Ids.hex(c + name, 32);
      String own = Ids.id("sg", c + "/bastion/" + name);
      newGroup(own, env + "-InstanceSecurityGroup-" + Ids.cfnSuffix(env, 12),
          "Security group for AWS Cloud9 environment " + env)
          .tag("Name", env).tag(CFN_LOGICAL_ID, "InstanceSecurityGroup").tag(CFN_STACK_NAME, env)
          .allowOut(Ports.allTraffic(), ANY4, CFN_EGRESS);
      add(eniIn(privateSubnets.get(0), "bastion/" + name).attachedTo(Ids.id("i", c + "/bastion/" + name), 0)
          .groups(own, sharedSg).build());
    }
  }

  // ------------------------------------------------------------------ the LBC

  private void loadBalancers() {
    if (spec.ingresses.isEmpty()) {
      return;
    }
    if (publicSubnets.isEmpty()) {
      throw new IllegalArgumentException("an internet-facing ALB needs public subnets, and cluster " + c
          + " has none");
    }
    String backend = Ids.id("sg", c + "/lbc-backend");
    newGroup(backend, Lbc.backendName(c), LBC_BACKEND_DESCRIPTION)
        .tag(LBC_CLUSTER, c).tag(LBC_RESOURCE, LBC_BACKEND_RESOURCE)
        .allowOut(Ports.allTraffic(), ANY4, EC2_EGRESS);
    // (target SG, source SG) -> [min, max] of tcp ports: the LBC merges every SG-sourced permission into one rule
    Map<String, int[]> merged = new TreeMap<>();
    Map<String, SecurityGroup> built = new LinkedHashMap<>();
    groups.forEach((id, b) -> built.put(id, b.build()));
    for (IngressSpec in : spec.ingresses) {
      String name = Lbc.ingressName(c, in.namespace(), in.name());
      String managed = Ids.id("sg", c + "/lbc/" + in.namespace() + "/" + in.name());
      newGroup(managed, name, LBC_MANAGED_DESCRIPTION)
          .tag(LBC_CLUSTER, c).tag(INGRESS_STACK, in.namespace() + "/" + in.name())
          .tag(INGRESS_RESOURCE, LBC_MANAGED_RESOURCE)
          .allowIn(Ports.tcp(in.listenPort()), ANY4, "LBC listener " + in.listenPort() + " from inbound-cidrs")
          .allowOut(Ports.allTraffic(), ANY4, EC2_EGRESS);
      String lbId = Ids.hex(c + "/alb/" + name, 16);
      for (Subnet s : publicSubnets) {
        NetworkInterface alb = eniIn(s, "alb/" + name + "/" + s.az).description(ELB_ALB_PREFIX + name + "/" + lbId)
            .requester(AMAZON_ELB, true)
            .attachment(new NetworkInterface.Attachment(Optional.empty(), AMAZON_ELB, 1))
            .groups(managed, backend).build();
        // an internet-facing ALB's ENI has a public address AWS assigns, where the internet reaches it
        add(alb.toBuilder().publicIp(nextPublicAddress(), alb.privateAddresses().get(0).addressString()).build());
      }
      net.add(new LoadBalancer("arn:aws:elasticloadbalancing:" + spec.region + ":" + spec.account
          + ":loadbalancer/app/" + name + "/" + lbId, name, "application", "internet-facing", vpcId,
          ImmutableList.of(managed, backend)));
      List<NetworkInterface> targets = new ArrayList<>();
      int port;
      if (in.type() == TargetType.INSTANCE) {
        nodesOf.values().forEach(targets::addAll);
        port = in.nodePort();
      } else {
        List<NetworkInterface> pods = podEnisOf.get(in.app());
        if (pods == null) {
          throw new IllegalArgumentException("ingress " + in.name() + " names app '" + in.app() + "', which is not"
              + " defined (before the ingress)");
        }
        targets.addAll(pods);
        port = spec.apps.stream().filter(a -> a.name().equals(in.app())).findFirst().orElseThrow().podPort();
      }
      for (NetworkInterface t : targets) {
        NetworkInterface current = enis.get(t.id());
        Lbc.Choice choice = Lbc.targetGroup(current, built, c);
        String target = choice.groupId().orElseThrow(() -> new IllegalArgumentException("ingress " + in.name()
            + ": " + choice.reason()));
        merged.merge(target, new int[] {port, port},
            (a, b) -> new int[] {Math.min(a[0], b[0]), Math.max(a[1], b[1])});
      }
    }
    merged.forEach((target, range) -> g(target).rule(Rule.ingress(Ports.tcp(range[0], range[1]),
        Peer.group(backend)).withDescription(LBC_RULE)));
  }
}
