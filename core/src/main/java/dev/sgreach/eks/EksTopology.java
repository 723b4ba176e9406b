package dev.sgreach.eks;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableListMultimap;
import com.google.common.collect.ImmutableMap;
import dev.sgreach.model.Cidr;
import dev.sgreach.model.Network;
import dev.sgreach.model.Rule;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Generates the security groups, rules and ENIs that eksctl, EKS and the AWS Load Balancer Controller create for a
 * cluster description, as a {@link Network} (DOMAIN.md sections 1-4): the EKS cluster SG (self rule, default egress,
 * {@code eks-cluster-sg-<cluster>-<id>}), eksctl's {@code ControlPlaneSecurityGroup} and
 * {@code ClusterSharedNodeSecurityGroup} (or a user-given shared SG) with their cross rules, per self-managed nodegroup
 * the {@code SG} with its inline and control-plane rules, control-plane ENIs ({@code Amazon EKS <cluster>}) carrying
 * the cluster SG and the control-plane SG, managed nodes carrying the cluster SG, self-managed nodes carrying the shared
 * and nodegroup SGs, Fargate pods, pods with their own groups on branch ENIs behind a trunk on their node, the LBC's
 * managed and backend groups with ALB ENIs and the backend rules on the target groups the LBC would pick, interface VPC
 * endpoints and bastions carrying the shared SG, and the {@code describe-cluster} record.
 *
 * <pre>{@code
 * Network n = EksTopology.builder("ekscluster1").region("us-east-1")
 *     .endpointAccess(true, true)
 *     .managedNodeGroup("mng1", 1).selfManagedNodeGroup("ng1", 1)
 *     .app("echoserver", "mng1", 8080).ingress("echoserver", "echoserver", TargetType.INSTANCE, 30080)
 *     .build();
 * }</pre>
 *
 * <p>Every eksctl setting that makes or attaches a group has a builder method (DOMAIN-CHANGE.md table 2a):
 * {@link Builder#nodeGroup(NodeGroupConfig)} (attachIDs, withShared, withLocal, SSH, private networking, EFA, launch
 * templates, zones, subnets), {@link Builder#availabilityZones}, {@link Builder#vpcCidr}, an existing VPC
 * ({@link Builder#existingVpc(String, String)} with {@link Builder#existingSubnet}), {@link Builder#ipv6},
 * {@link Builder#privateCluster(boolean)}, {@link Builder#sharedNodeSecurityGroup(String)} and
 * {@link Builder#controlPlaneSecurityGroups} (groups the user made, known by id only),
 * {@link Builder#manageSharedNodeSecurityGroupRules}, {@link Builder#extraControlPlaneCidrs},
 * {@link Builder#remoteNetworkCidrs}, {@link Builder#publicAccessCidrs}, {@link Builder#stackTags}. A group given by id
 * only is not the builder's to invent: the network leaves it out and {@link Builder#generate()} says which groups
 * those are, what eksctl adds to them and where each generated part came from ({@link Generated}).
 *
 * <p>Ids are derived from names (same input, same ids). Rule descriptions are AWS's exact text where the creator
 * writes one (eksctl, the LBC's {@code elbv2.k8s.aws/targetGroupBinding=shared}); rules AWS creates without a
 * description get one naming their origin ({@code EKS cluster SG self}, {@code CloudFormation default egress}, ...).
 * Addresses are the next free ones of each subnet (from {@code .10}); {@link Generated#assignedAddresses()} lists them
 * with their subnet, since AWS picks the real ones at launch.
 */
public final class EksTopology {
  private EksTopology() {}

  /** A builder for a cluster with this name. */
  public static Builder builder(String clusterName) {
    return new Builder(clusterName);
  }

  /**
   * eksctl's subnet blocks of a VPC block ({@code SetSubnets}): the block cut into 8 equal parts for up to 4 zones,
   * 16 for up to 8; zone {@code i} of {@code n} gets part {@code i} as its public subnet and part {@code n + i} as
   * its private one.
   */
  public static List<Cidr> eksctlSubnetBlocks(String vpcBlock, int zoneCount) {
    Cidr vpc = Cidr.parse(vpcBlock);
    int parts = zoneCount * 2 <= 8 ? 8 : 16;
    int bits = parts == 8 ? 3 : 4;
    int length = vpc.length() + bits;
    long base = vpc.low();
    List<Cidr> out = new ArrayList<>();
    for (int i = 0; i < parts; i++) {
      long a = base + ((long) i << (32 - length));
      out.add(Cidr.parse(((a >>> 24) & 255) + "." + ((a >>> 16) & 255) + "." + ((a >>> 8) & 255) + "." + (a & 255)
          + "/" + length));
    }
    return out;
  }

  /**
   * The security group EKS creates for a cluster (DOMAIN.md section 2): all traffic in from itself, all traffic out
   * to {@code 0.0.0.0/0} ({@code ::/0} for an IPv6 cluster), tagged {@code aws:eks:cluster-name} and
   * {@code kubernetes.io/cluster/<cluster>=owned}, with EKS's description; one place for every reader that predicts
   * it (the topology builder, the Terraform plan reader).
   *
   * @param id the group id (a placeholder before the cluster exists)
   * @param name its GroupName, {@code eks-cluster-sg-<cluster>-<number>}
   * @param cluster the cluster name
   * @param vpcId the cluster's VPC
   * @param account the owning account, empty when unknown
   * @param ipv6 true for an IPv6 cluster
   */
  public static dev.sgreach.model.SecurityGroup clusterSecurityGroup(String id, String name, String cluster,
      String vpcId, String account, boolean ipv6) {
    return dev.sgreach.model.SecurityGroup.builder(id).name(name).description(EksTags.CLUSTER_SG_DESCRIPTION)
        .vpc(vpcId).owner(account)
        .tag("Name", name).tag(EksTags.EKS_CLUSTER_NAME, cluster).tag(EksTags.clusterTag(cluster), "owned")
        .allowIn(dev.sgreach.model.Ports.allTraffic(), dev.sgreach.model.Peer.group(id), "EKS cluster SG self")
        .allowOut(dev.sgreach.model.Ports.allTraffic(), dev.sgreach.model.Peer.cidr(ipv6 ? "::/0" : "0.0.0.0/0"),
            "EKS cluster SG egress")
        .build();
  }

  /** The description EKS writes on the control-plane ENIs of a cluster: {@code Amazon EKS <cluster>}. */
  public static String controlPlaneEniDescription(String cluster) {
    return EksTags.CONTROL_PLANE_ENI_PREFIX + cluster;
  }

  /** An ingress's {@code alb.ingress.kubernetes.io/target-type}. */
  public enum TargetType {
    /** Targets are the nodes' primary ENIs, on the service's NodePort. */
    INSTANCE,
    /** Targets are the pods' ENIs (node ENI holding the pod IP, branch ENI, Fargate ENI), on the pod port. */
    IP
  }

  /** A workload: pods on a nodegroup (one per node) or one pod on a Fargate profile, with or without own groups. */
  record AppSpec(String name, String runsOn, int podPort, boolean ownSecurityGroup) {}

  /** An ALB ingress (implicit IngressGroup) in front of an app. */
  record IngressSpec(String name, String namespace, String app, TargetType type, int nodePort, int listenPort) {}

  /** A subnet of an existing VPC: id, zone, private or public, and its IPv4 block. */
  record SubnetSpec(String id, String zone, boolean isPrivate, String cidr) {}

  /**
   * What {@link Builder#generate()} made, with where each part came from.
   *
   * @param network the groups, rules, ENIs and {@code describe-cluster} record
   * @param origins for each thing eksctl or EKS creates, the ids it became: keys are CloudFormation's
   *     {@code <stack>/<LogicalId>} for eksctl's resources ({@code eksctl-c1-cluster/ControlPlaneSecurityGroup},
   *     {@code eksctl-c1-nodegroup-ng1/SG}, {@code eksctl-c1-cluster/VPCEndpointEC2}, ...) and {@code eks:<cluster>/...}
   *     for what EKS creates ({@code eks:c1/cluster-security-group}, {@code eks:c1/control-plane}); nodes are under
   *     {@code <stack>/NodeGroup} (self-managed) or {@code <stack>/ManagedNodeGroup}
   * @param userGroups groups the description names by id only (a user-given shared node SG, control-plane SGs,
   *     {@code attachIDs}, a launch template's groups), with the setting that names each: the builder does not know
   *     their rules, so the network does not hold them and ENIs carrying them make verdicts unknown
   * @param rulesOnUserGroups the rules eksctl adds to user groups ({@code IngressDefaultClusterToNodeSG} on a given
   *     shared SG, the control-plane rules of each nodegroup on a given control-plane SG), to merge with the group
   *     when it is known from elsewhere
   * @param assignedAddresses every address the builder chose, with the block the real address will lie in (the
   *     subnet; {@code 0.0.0.0/0} for public addresses): AWS assigns them at launch
   */
  public record Generated(
      Network network,
      ImmutableMap<String, ImmutableList<String>> origins,
      ImmutableMap<String, String> userGroups,
      ImmutableListMultimap<String, Rule> rulesOnUserGroups,
      ImmutableMap<Cidr, Cidr> assignedAddresses) {}

  /** Describes a cluster; {@link #build()} generates it. */
  public static final class Builder {
    final String cluster;
    String region = "us-east-1";
    String account = "111122223333";
    String kubernetesVersion = "1.21";
    // the VPC: eksctl's own (vpcId null) or an existing one
    String vpcId;
    String vpcCidr = "192.168.0.0/16";
    List<String> zones;
    final List<SubnetSpec> subnets = new ArrayList<>();
    boolean existingVpcDefaultGroup;
    boolean existingVpcRouting;
    String vpcIpv6Cidr;
    boolean publicAccess = true;
    boolean privateAccess = false;
    final List<String> publicAccessCidrs = new ArrayList<>();
    boolean fullyPrivate;
    String sharedSgId;
    String sharedSgName;
    boolean sharedSgRulesKnown;
    boolean manageSharedNodeSecurityGroupRules = true;
    final List<String> controlPlaneSgIds = new ArrayList<>();
    final List<String> controlPlaneSubnetIds = new ArrayList<>();
    final List<String> extraControlPlaneCidrs = new ArrayList<>();
    final List<String> remoteNetworkCidrs = new ArrayList<>();
    final Map<String, String> stackTags = new LinkedHashMap<>();
    final java.util.Set<Cidr> takenAddresses = new java.util.HashSet<>();
    final List<String> endpointServices = new ArrayList<>();
    final List<String> bastions = new ArrayList<>();
    final Map<String, NodeGroupConfig> nodegroups = new LinkedHashMap<>();
    final List<String> fargateProfiles = new ArrayList<>();
    final List<AppSpec> apps = new ArrayList<>();
    final List<IngressSpec> ingresses = new ArrayList<>();
    boolean podDnsRules = true;
    boolean podProbeRules = true;

    private Builder(String cluster) {
      if (cluster == null || !cluster.matches("[A-Za-z0-9][A-Za-z0-9-]{0,99}")) {
        throw new IllegalArgumentException("EKS cluster name '" + cluster + "' must be 1-100 letters, digits and"
            + " dashes, starting with a letter or digit");
      }
      this.cluster = cluster;
    }

    /** The region ({@code metadata.region}); default {@code us-east-1}. */
    public Builder region(String value) {
      region = value;
      return this;
    }

    /** The account that owns everything; default {@code 111122223333}. */
    public Builder account(String value) {
      account = value;
      return this;
    }

    /** The Kubernetes version ({@code metadata.version}); default {@code 1.21} as in the seed. */
    public Builder kubernetesVersion(String value) {
      kubernetesVersion = value;
      return this;
    }

    /**
     * {@code availabilityZones} of a VPC eksctl creates, in order (default: the region's zones {@code a} and
     * {@code b}); eksctl cuts the VPC block into 8 equal subnets for up to 4 zones (16 for up to 8), public ones first
     * then private ones, one of each per zone.
     */
    public Builder availabilityZones(List<String> value) {
      if (value.isEmpty() || value.size() > 8) {
        throw new IllegalArgumentException("eksctl makes subnets in 1 to 8 availability zones, not " + value.size());
      }
      zones = List.copyOf(value);
      return this;
    }

    /** {@code vpc.cidr} of a VPC eksctl creates: an IPv4 block from /16 to /24; default {@code 192.168.0.0/16}. */
    public Builder vpcCidr(String value) {
      Cidr c = Cidr.parse(value);
      if (!c.isIpv4() || c.length() < 16 || c.length() > 24) {
        throw new IllegalArgumentException("vpc.cidr '" + value + "' must be an IPv4 block from /16 to /24");
      }
      vpcCidr = c.toCidrString();
      return this;
    }

    /**
     * Use an existing VPC ({@code vpc.subnets} given): its id, its IPv4 /16 block, and the ids of two private and two
     * public subnets (zones a and b), cut from the block as eksctl would; the VPC's default SG is generated too. This
     * is how the seed's private cluster is described; {@link #existingVpc(String, String)} with
     * {@link #existingSubnet} describes any other.
     */
    public Builder existingVpc(String vpcId, String cidr, String privateA, String privateB, String publicA,
        String publicB) {
      if (!cidr.endsWith("/16")) {
        throw new IllegalArgumentException("VPC block " + cidr + " must be a /16 (the builder cuts four /19s)");
      }
      existingVpc(vpcId, cidr);
      existingVpcDefaultGroup = true;
      List<Cidr> slots = EksTopology.eksctlSubnetBlocks(cidr, 2);
      String[] zs = {region + "a", region + "b"};
      existingSubnet(false, zs[0], publicA, slots.get(0).toCidrString());
      existingSubnet(false, zs[1], publicB, slots.get(1).toCidrString());
      existingSubnet(true, zs[0], privateA, slots.get(2).toCidrString());
      existingSubnet(true, zs[1], privateB, slots.get(3).toCidrString());
      return this;
    }

    /**
     * Use an existing VPC ({@code vpc.id}, or the VPC of the given subnets): eksctl creates no VPC, subnet or default
     * SG; the subnets come from {@link #existingSubnet}.
     */
    public Builder existingVpc(String id, String cidr) {
      vpcId = id;
      vpcCidr = Cidr.parse(cidr).toCidrString();
      return this;
    }

    /**
     * A subnet of the existing VPC ({@code vpc.subnets.private|public.<zone>}): its id, zone and IPv4 block (the block
     * decides the addresses the builder gives the ENIs it places there).
     */
    public Builder existingSubnet(boolean isPrivate, String zone, String id, String cidr) {
      subnets.add(new SubnetSpec(id, zone, isPrivate, Cidr.parse(cidr).toCidrString()));
      return this;
    }

    /**
     * {@code kubernetesNetworkConfig.ipFamily: IPv6}: the VPC's IPv6 block (a /56 Amazon assigns), cut into a /64 per
     * subnet in eksctl's order; ENIs get an IPv6 address and the EKS cluster SG's egress goes to {@code ::/0}.
     */
    public Builder ipv6(String vpcBlock) {
      Cidr c = Cidr.parse(vpcBlock);
      if (!c.isIpv6() || c.length() > 60) {
        throw new IllegalArgumentException("the VPC's IPv6 block '" + vpcBlock + "' must be an IPv6 block of /60 or"
            + " wider (AWS gives a /56)");
      }
      vpcIpv6Cidr = c.toCidrString();
      return this;
    }

    /** {@code vpc.clusterEndpoints}: eksctl's default is public only. */
    public Builder endpointAccess(boolean publicAccess, boolean privateAccess) {
      if (!publicAccess && !privateAccess) {
        throw new IllegalArgumentException("an EKS cluster needs its public or its private endpoint (or both)");
      }
      this.publicAccess = publicAccess;
      this.privateAccess = privateAccess;
      return this;
    }

    /** {@code vpc.publicAccessCIDRs}: the allow-list of the public endpoint (default {@code 0.0.0.0/0}). */
    public Builder publicAccessCidrs(List<String> cidrs) {
      publicAccessCidrs.clear();
      cidrs.forEach(c -> publicAccessCidrs.add(Cidr.parse(c).toCidrString()));
      return this;
    }

    /**
     * {@code privateCluster.enabled}: private endpoint only, no public subnets in a VPC eksctl creates, and interface
     * VPC endpoints for {@code ec2}, {@code ecr.api}, {@code ecr.dkr} and {@code sts} carrying the shared node SG
     * (eksctl's defaults), and, where the builder generates the VPC's path, the S3 gateway endpoint on the private
     * route tables. Add more with {@link #vpcEndpoints}.
     */
    public Builder privateCluster() {
      return privateCluster(true);
    }

    /**
     * {@code privateCluster.enabled}, with or without the endpoints ({@code skipEndpointCreation}); see
     * {@link #privateCluster()}.
     */
    public Builder privateCluster(boolean createEndpoints) {
      endpointAccess(false, true);
      fullyPrivate = true;
      return createEndpoints ? vpcEndpoints("ec2", "ecr.api", "ecr.dkr", "sts") : this;
    }

    /**
     * Describes the existing VPC's packet path too, laid out as eksctl lays out its own VPCs: subnets, the default
     * network ACL, an internet gateway and a public route table for the public subnets, and per zone a private route
     * table with a NAT gateway route, or, for a {@linkplain #privateCluster() private cluster}, none out of the VPC
     * but the S3 gateway endpoint's. Without it the builder leaves an existing VPC's path out (it is the user's, and
     * a snapshot holds it), while for a VPC eksctl makes it always generates the path eksctl builds.
     */
    public Builder existingVpcRouting() {
      existingVpcRouting = true;
      return this;
    }

    /** Interface VPC endpoints (one ENI per private subnet) carrying the shared node SG. */
    public Builder vpcEndpoints(String... services) {
      for (String s : services) {
        if (!endpointServices.contains(s)) {
          endpointServices.add(s);
        }
      }
      return this;
    }

    /**
     * {@code vpc.sharedNodeSecurityGroup}: a group the user made before running eksctl. eksctl then creates no
     * {@code ClusterSharedNodeSecurityGroup} and no self rule on it, but still adds its cross rules with the cluster
     * SG ({@code manageSharedNodeSecurityGroupRules}); the user's own self rule is generated (the seed: "Shared SG
     * allows itself").
     */
    public Builder sharedNodeSecurityGroup(String groupId, String groupName) {
      sharedSgId = groupId;
      sharedSgName = groupName;
      sharedSgRulesKnown = true;
      return this;
    }

    /**
     * {@code vpc.sharedNodeSecurityGroup} as eksctl reads it: a group known by id only. The builder does not invent its
     * rules: it is left out of the network (ENIs carrying it are unknown) and the rules eksctl adds to it are in
     * {@link Generated#rulesOnUserGroups()}.
     */
    public Builder sharedNodeSecurityGroup(String groupId) {
      sharedSgId = groupId;
      sharedSgName = null;
      sharedSgRulesKnown = false;
      return this;
    }

    /**
     * {@code vpc.manageSharedNodeSecurityGroupRules} (default true): eksctl's two cross rules between the shared node
     * SG and the EKS cluster SG. eksctl refuses false unless the shared SG is the user's.
     */
    public Builder manageSharedNodeSecurityGroupRules(boolean value) {
      manageSharedNodeSecurityGroupRules = value;
      return this;
    }

    /**
     * {@code vpc.securityGroup} or {@code vpc.controlPlaneSecurityGroupIDs}: the user's control-plane groups, known by
     * id only. eksctl creates no {@code ControlPlaneSecurityGroup}; the control-plane ENIs carry these after the
     * cluster SG, and nodegroup stacks add their control-plane rules to the first.
     */
    public Builder controlPlaneSecurityGroups(List<String> groupIds) {
      if (groupIds.isEmpty()) {
        throw new IllegalArgumentException("give at least one control-plane security group");
      }
      controlPlaneSgIds.clear();
      controlPlaneSgIds.addAll(groupIds);
      return this;
    }

    /** {@code vpc.controlPlaneSubnetIDs}: the subnets of the control-plane ENIs (default: the private subnets). */
    public Builder controlPlaneSubnets(List<String> subnetIds) {
      controlPlaneSubnetIds.clear();
      controlPlaneSubnetIds.addAll(subnetIds);
      return this;
    }

    /**
     * {@code vpc.extraCIDRs} and {@code vpc.extraIPv6CIDRs}: tcp 443 into eksctl's control-plane SG from each (none
     * when the control-plane SG is the user's).
     */
    public Builder extraControlPlaneCidrs(List<String> cidrs) {
      cidrs.forEach(c -> extraControlPlaneCidrs.add(Cidr.parse(c).toCidrString()));
      return this;
    }

    /**
     * {@code remoteNetworkConfig}'s remote node and pod networks (hybrid nodes): tcp 443 into eksctl's control-plane
     * SG from each (none when the control-plane SG is the user's).
     */
    public Builder remoteNetworkCidrs(List<String> cidrs) {
      cidrs.forEach(c -> remoteNetworkCidrs.add(Cidr.parse(c).toCidrString()));
      return this;
    }

    /** {@code metadata.tags}: stack tags, which CloudFormation puts on every group eksctl makes. */
    public Builder stackTags(Map<String, String> tags) {
      stackTags.putAll(tags);
      return this;
    }

    /**
     * Addresses already in use in the VPC (ENIs of a snapshot the cluster is predicted into): the builder gives none
     * of them to the ENIs it generates.
     */
    public Builder avoidAddresses(java.util.Collection<Cidr> addresses) {
      addresses.forEach(a -> takenAddresses.add(a.networkAddress()));
      return this;
    }

    /** A bastion instance (the seed's Cloud9) carrying its own group and the shared node SG. */
    public Builder bastion(String name) {
      bastions.add(name);
      return this;
    }

    /**
     * An eksctl {@code managedNodeGroups} entry with this many nodes, in the private subnets, as the seed's
     * {@code privateNetworking: true} nodegroups are.
     */
    public Builder managedNodeGroup(String name, int nodes) {
      return nodeGroup(NodeGroupConfig.managed(name).withNodes(nodes).withPrivateNetworking(true));
    }

    /**
     * An eksctl {@code nodeGroups} (self-managed, "unmanaged") entry with this many nodes, in the private subnets, as
     * the seed's {@code privateNetworking: true} nodegroups are.
     */
    public Builder selfManagedNodeGroup(String name, int nodes) {
      return nodeGroup(NodeGroupConfig.selfManaged(name).withNodes(nodes).withPrivateNetworking(true));
    }

    /** A nodegroup with every setting of {@link NodeGroupConfig}. */
    public Builder nodeGroup(NodeGroupConfig ng) {
      if (nodegroups.containsKey(ng.name()) || fargateProfiles.contains(ng.name())) {
        throw new IllegalArgumentException("nodegroup or Fargate profile '" + ng.name() + "' is defined twice");
      }
      nodegroups.put(ng.name(), ng);
      return this;
    }

    /** A Fargate profile; apps placed on it get one Fargate pod ENI each. */
    public Builder fargateProfile(String name) {
      if (nodegroups.containsKey(name) || fargateProfiles.contains(name)) {
        throw new IllegalArgumentException("nodegroup or Fargate profile '" + name + "' is defined twice");
      }
      fargateProfiles.add(name);
      return this;
    }

    /**
     * A workload without its own groups: one pod per node of the nodegroup (its IP a secondary address of the node's
     * ENI, so the node's groups apply), or one Fargate pod carrying the cluster SG.
     */
    public Builder app(String name, String nodegroupOrFargateProfile, int podPort) {
      return app(new AppSpec(name, nodegroupOrFargateProfile, podPort, false));
    }

    /**
     * A workload with its own group (a {@code SecurityGroupPolicy}): one pod on a branch ENI behind a trunk on the
     * first node of the nodegroup, or one Fargate pod carrying only that group. The group admits the pod port from
     * the node's group (kubelet probes) and, unless {@link #podDnsRules(boolean)} is off, the cluster SG and every
     * nodegroup SG admit tcp and udp 53 from it (CoreDNS), as the seed recommends.
     */
    public Builder appWithSecurityGroup(String name, String nodegroupOrFargateProfile, int podPort) {
      return app(new AppSpec(name, nodegroupOrFargateProfile, podPort, true));
    }

    private Builder app(AppSpec app) {
      if (apps.stream().anyMatch(a -> a.name().equals(app.name()))) {
        throw new IllegalArgumentException("app '" + app.name() + "' is defined twice");
      }
      apps.add(app);
      return this;
    }

    /**
     * An ALB ingress {@code name} (namespace {@code default}, listener tcp 80 from {@code 0.0.0.0/0}) to an app:
     * in instance mode every node is a target on {@code nodePort}; in ip mode the app's pods on their pod port.
     */
    public Builder ingress(String name, String app, TargetType type, int nodePort) {
      ingresses.add(new IngressSpec(name, "default", app, type, nodePort, 80));
      return this;
    }

    /** Whether to add the DNS-53 rules for pods with their own groups (default true). */
    public Builder podDnsRules(boolean value) {
      podDnsRules = value;
      return this;
    }

    /** Whether pods' own groups admit their node for kubelet probes (default true). */
    public Builder podProbeRules(boolean value) {
      podProbeRules = value;
      return this;
    }

    /**
     * The network.
     *
     * @throws IllegalArgumentException when an app or ingress names something undefined, or the LBC could not pick
     *     a target group on some target ENI
     */
    public Network build() {
      return generate().network();
    }

    /**
     * The network with where each part came from and what the builder had to choose ({@link Generated}).
     *
     * @throws IllegalArgumentException as {@link #build()}
     */
    public Generated generate() {
      return new TopologyGenerator(this).generate();
    }

    ImmutableList<NodeGroupConfig> nodegroupList() {
      return ImmutableList.copyOf(nodegroups.values());
    }

  }
}
