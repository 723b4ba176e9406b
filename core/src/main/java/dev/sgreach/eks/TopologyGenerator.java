package dev.sgreach.eks;

import static dev.sgreach.eks.EksTags.*;

import com.google.common.collect.ImmutableList;
import dev.sgreach.eks.EksTopology.AppSpec;
import dev.sgreach.eks.EksTopology.IngressSpec;
import dev.sgreach.eks.EksTopology.NodeGroupSpec;
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
  private static final String EKSCTL_VERSION_VALUE = "0.100.0";
  private static final String CFN_EGRESS = "CloudFormation default egress";
  private static final String EC2_EGRESS = "EC2 default egress";
  private static final String AWS_SERVICE_ACCOUNT = "727180483921";

  private final EksTopology.Builder spec;
  private final String c;
  private final Map<String, SecurityGroup.Builder> groups = new LinkedHashMap<>();
  private final Map<String, NetworkInterface> enis = new LinkedHashMap<>();
  private final Network.Builder net = Network.builder();
  private final List<Subnet> privateSubnets = new ArrayList<>();
  private final List<Subnet> publicSubnets = new ArrayList<>();
  private final Map<String, List<NetworkInterface>> nodesOf = new LinkedHashMap<>();
  private final Map<String, List<NetworkInterface>> podEnisOf = new LinkedHashMap<>();
  private String vpcId;
  private String vpcCidr;
  private String clusterSg;
  private String controlPlaneSg;
  private String sharedSg;

  /** A subnet with its first address as an int and a counter for handing out addresses. */
  private static final class Subnet {
    final String id;
    final String az;
    final int base;
    int next = 10;

    Subnet(String id, String az, int base) {
      this.id = id;
      this.az = az;
      this.base = base;
    }

    String nextAddress() {
      int a = base + next++;
      return ((a >>> 24) & 255) + "." + ((a >>> 16) & 255) + "." + ((a >>> 8) & 255) + "." + (a & 255);
    }
  }

  TopologyGenerator(EksTopology.Builder spec) {
    this.spec = spec;
    this.c = spec.cluster;
  }

  Network generate() {
    vpc();
    clusterSecurityGroup();
    controlPlaneSecurityGroup();
    sharedSecurityGroup();
    for (NodeGroupSpec ng : spec.nodegroupList()) {
      if (!ng.managed()) {
        nodegroupSecurityGroup(ng.name());
      }
    }
    controlPlaneEnis();
    for (NodeGroupSpec ng : spec.nodegroupList()) {
      nodes(ng);
    }
    for (AppSpec app : spec.apps) {
      pods(app);
    }
    endpointsAndBastions();
    loadBalancers();
    groups.values().forEach(b -> net.add(b.build()));
    enis.values().forEach(net::add);
    net.add(new EksClusterInfo(c, vpcId, clusterSg, ImmutableList.of(controlPlaneSg),
        privateSubnets.stream().map(s -> s.id).collect(ImmutableList.toImmutableList()), spec.publicAccess,
        spec.privateAccess, spec.publicAccess ? ImmutableList.of("0.0.0.0/0") : ImmutableList.of()));
    return net.build();
  }

  // ------------------------------------------------------------------ VPC

  private static int ipv4(String cidr) {
    String[] p = cidr.substring(0, cidr.indexOf('/')).split("\\.");
    return (Integer.parseInt(p[0]) << 24) | (Integer.parseInt(p[1]) << 16) | (Integer.parseInt(p[2]) << 8)
        | Integer.parseInt(p[3]);
  }

  private void vpc() {
    boolean existing = spec.vpc != null;
    vpcCidr = existing ? spec.vpc.cidr() : "192.168.0.0/16";
    if (!vpcCidr.endsWith("/16")) {
      throw new IllegalArgumentException("VPC block " + vpcCidr + " must be a /16 (the builder cuts four /19s)");
    }
    vpcId = existing ? spec.vpc.vpcId() : Ids.id("vpc", c + "/vpc");
    net.add(new Vpc(vpcId, spec.account, ImmutableList.of(Cidr.parse(vpcCidr))));
    int base = ipv4(vpcCidr);
    // eksctl's layout: public /19s first, then private /19s, one of each per zone
    String[] zones = {spec.region + "a", spec.region + "b"};
    for (int i = 0; i < 2; i++) {
      publicSubnets.add(new Subnet(existing ? spec.vpc.publicSubnets().get(i) : Ids.id("subnet", c + "/public" + i),
          zones[i], base + (i * 32 << 8)));
      privateSubnets.add(new Subnet(existing ? spec.vpc.privateSubnets().get(i)
          : Ids.id("subnet", c + "/private" + i), zones[i], base + ((64 + i * 32) << 8)));
    }
    SecurityGroup.Builder def = SecurityGroup.builder(Ids.id("sg", vpcId + "/default")).name("default")
        .description("default VPC security group").vpc(vpcId).owner(spec.account);
    def.allowIn(Ports.allTraffic(), Peer.group(def.build().id()), "VPC default SG self");
    def.allowOut(Ports.allTraffic(), ANY4, EC2_EGRESS);
    groups.put(def.build().id(), def);
  }

  private NetworkInterface.Builder eniIn(Subnet s, String seed) {
    return NetworkInterface.builder(Ids.id("eni", c + "/" + seed)).vpc(vpcId).subnet(s.id).availabilityZone(s.az)
        .owner(spec.account).address(s.nextAddress());
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
    nodegroup.ifPresent(ng -> {
      b.tag(EKSCTL_NODEGROUP_NAME, ng).tag(EKSCTL_NODEGROUP_TYPE, managedNodegroup ? "managed" : "unmanaged");
      if (!managedNodegroup) {
        b.tag(EKSCTL_NODEGROUP_NAME_V1ALPHA2, ng);
      }
    });
    b.allowOut(Ports.allTraffic(), ANY4, CFN_EGRESS);
    return b;
  }

  private void clusterSecurityGroup() {
    String name = "eks-cluster-sg-" + c + "-" + Ids.digits(c + "/cluster-sg", 10);
    clusterSg = Ids.id("sg", c + "/cluster-sg");
    newGroup(clusterSg, name, CLUSTER_SG_DESCRIPTION)
        .tag("Name", name).tag(EKS_CLUSTER_NAME, c).tag(clusterTag(c), "owned")
        .allowIn(Ports.allTraffic(), Peer.group(clusterSg), "EKS cluster SG self")
        .allowOut(Ports.allTraffic(), ANY4, "EKS cluster SG egress");
  }

  private void controlPlaneSecurityGroup() {
    controlPlaneSg = eksctlGroup(clusterStack(c), LOGICAL_CONTROL_PLANE_SG, CONTROL_PLANE_SG_DESCRIPTION,
        Optional.empty(), false).build().id();
  }

  private void sharedSecurityGroup() {
    if (spec.sharedSgId != null) {
      sharedSg = spec.sharedSgId;
      newGroup(sharedSg, spec.sharedSgName, "Shared SG for " + c + ": bastion, VPC endpoints and nodes (made by the"
          + " user before eksctl)")
          .tag("Name", spec.sharedSgName)
          .allowIn(Ports.allTraffic(), Peer.group(sharedSg), "user: members of the shared SG reach each other")
          .allowOut(Ports.allTraffic(), ANY4, EC2_EGRESS);
    } else {
      sharedSg = eksctlGroup(clusterStack(c), LOGICAL_SHARED_NODE_SG, SHARED_NODE_SG_DESCRIPTION, Optional.empty(),
          false).build().id();
      g(sharedSg).allowIn(Ports.allTraffic(), Peer.group(sharedSg), INTER_NODEGROUP_RULE);
    }
    // manageSharedNodeSecurityGroupRules (default true): IngressDefaultClusterToNodeSG, IngressNodeToDefaultClusterSG
    g(sharedSg).allowIn(Ports.allTraffic(), Peer.group(clusterSg), CLUSTER_TO_NODE_SG_RULE);
    g(clusterSg).allowIn(Ports.allTraffic(), Peer.group(sharedSg), NODE_TO_CLUSTER_SG_RULE);
  }

  private String nodegroupSg(String ng) {
    return Ids.id("sg", nodegroupStack(c, ng) + "/" + LOGICAL_NODEGROUP_SG);
  }

  private void nodegroupSecurityGroup(String ng) {
    String sg = eksctlGroup(nodegroupStack(c, ng), LOGICAL_NODEGROUP_SG, nodegroupSgDescription(ng),
        Optional.of(ng), false).tag(clusterTag(c), "owned")
        .allowIn(Ports.tcp(1025, 65535), Peer.group(controlPlaneSg), "[IngressInterCluster] Allow worker nodes in"
            + " group " + ng + " to communicate with control plane (kubelet and workload TCP ports)")
        .allowIn(Ports.tcp(443), Peer.group(controlPlaneSg), "[IngressInterClusterAPI] Allow worker nodes in group "
            + ng + " to communicate with control plane (workloads using HTTPS port, commonly used with extension API"
            + " servers)")
        .build().id();
    g(controlPlaneSg)
        .allowIn(Ports.tcp(443), Peer.group(sg), "Allow control plane to receive API requests from worker nodes in"
            + " group " + ng)
        .allowOut(Ports.tcp(1025, 65535), Peer.group(sg), "Allow control plane to communicate with worker nodes in"
            + " group " + ng + " (kubelet and workload TCP ports)")
        .allowOut(Ports.tcp(443), Peer.group(sg), "Allow control plane to communicate with worker nodes in group "
            + ng + " (workloads using HTTPS port, commonly used with extension API servers)");
  }

  // ------------------------------------------------------------------ ENIs

  private void controlPlaneEnis() {
    String role = "AROA" + Ids.hex(c + "/role", 17).toUpperCase() + ":AmazonEKS";
    for (int i = 0; i < privateSubnets.size(); i++) {
      add(eniIn(privateSubnets.get(i), "control-plane" + i).description(CONTROL_PLANE_ENI_PREFIX + c)
          .requester(role, false)
          .attachment(new NetworkInterface.Attachment(Optional.empty(), Ids.digits(c + "/eks-account", 12), 1))
          .groups(clusterSg, controlPlaneSg).build());
    }
  }

  private void nodes(NodeGroupSpec ng) {
    List<NetworkInterface> list = new ArrayList<>();
    for (int i = 0; i < ng.nodes(); i++) {
      String instance = Ids.id("i", c + "/" + ng.name() + "/" + i);
      NetworkInterface.Builder b = eniIn(privateSubnets.get(i % privateSubnets.size()), ng.name() + "/node" + i)
          .attachedTo(instance, 0);
      if (ng.managed()) {
        // eksctl's launch template: the cluster SG (+ attachIDs); instance tags eks:* (propagation to the ENI
        // UNCONFIRMED, written so the nodegroup can be told)
        b.groups(clusterSg).tag(EKS_CLUSTER_NAME, c).tag(EKS_NODEGROUP_NAME, ng.name());
      } else {
        b.groups(sharedSg, nodegroupSg(ng.name()));
      }
      NetworkInterface eni = b.build();
      add(eni);
      list.add(eni);
    }
    nodesOf.put(ng.name(), list);
  }

  private String nodeIdentitySg(String ng) {
    return spec.nodegroups.get(ng).managed() ? clusterSg : nodegroupSg(ng);
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
    return privateSubnets.stream().filter(s -> s.id.equals(id)).findFirst().orElseThrow();
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
      spec.nodegroupList().stream().filter(n -> !n.managed()).forEach(n -> dnsTargets.add(nodegroupSg(n.name())));
      for (String target : dnsTargets) {
        g(target).allowIn(Ports.tcp(53), Peer.group(id), "user (seed): pods of " + app.name() + " to CoreDNS tcp 53")
            .allowIn(Ports.udp(53), Peer.group(id), "user (seed): pods of " + app.name() + " to CoreDNS udp 53");
      }
    }
    return id;
  }

  private void endpointsAndBastions() {
    for (String service : spec.endpointServices) {
      String vpce = Ids.id("vpce", c + "/endpoint/" + service);
      for (Subnet s : privateSubnets) {
        add(eniIn(s, "endpoint/" + service + "/" + s.az).interfaceType(TYPE_VPC_ENDPOINT)
            .description(ENDPOINT_DESCRIPTION_PREFIX + " " + vpce).requester(AWS_SERVICE_ACCOUNT, true)
            .groups(sharedSg).build());
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
        add(eniIn(s, "alb/" + name + "/" + s.az).description(ELB_ALB_PREFIX + name + "/" + lbId)
            .requester(AMAZON_ELB, true)
            .attachment(new NetworkInterface.Attachment(Optional.empty(), AMAZON_ELB, 1))
            .groups(managed, backend).build());
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
