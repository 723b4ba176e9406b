package dev.sgreach.eks;

import com.google.common.collect.ImmutableList;
import dev.sgreach.model.Network;
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
 * <p>Ids are derived from names (same input, same ids). Rule descriptions are AWS's exact text where the creator
 * writes one (eksctl, the LBC's {@code elbv2.k8s.aws/targetGroupBinding=shared}); rules AWS creates without a
 * description get one naming their origin ({@code EKS cluster SG self}, {@code CloudFormation default egress}, ...).
 */
public final class EksTopology {
  private EksTopology() {}

  /** A builder for a cluster with this name. */
  public static Builder builder(String clusterName) {
    return new Builder(clusterName);
  }

  /** An ingress's {@code alb.ingress.kubernetes.io/target-type}. */
  public enum TargetType {
    /** Targets are the nodes' primary ENIs, on the service's NodePort. */
    INSTANCE,
    /** Targets are the pods' ENIs (node ENI holding the pod IP, branch ENI, Fargate ENI), on the pod port. */
    IP
  }

  /** One nodegroup. */
  record NodeGroupSpec(String name, boolean managed, int nodes) {}

  /** A workload: pods on a nodegroup (one per node) or one pod on a Fargate profile, with or without own groups. */
  record AppSpec(String name, String runsOn, int podPort, boolean ownSecurityGroup) {}

  /** An ALB ingress (implicit IngressGroup) in front of an app. */
  record IngressSpec(String name, String namespace, String app, TargetType type, int nodePort, int listenPort) {}

  /** An existing VPC with two private and two public subnets. */
  record VpcSpec(String vpcId, String cidr, List<String> privateSubnets, List<String> publicSubnets) {}

  /** Describes a cluster; {@link #build()} generates it. */
  public static final class Builder {
    final String cluster;
    String region = "us-east-1";
    String account = "111122223333";
    String kubernetesVersion = "1.21";
    VpcSpec vpc;
    boolean publicAccess = true;
    boolean privateAccess = false;
    String sharedSgId;
    String sharedSgName;
    final List<String> endpointServices = new ArrayList<>();
    final List<String> bastions = new ArrayList<>();
    final Map<String, NodeGroupSpec> nodegroups = new LinkedHashMap<>();
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
     * Use an existing VPC ({@code vpc.subnets} given): its id, its IPv4 /16 block, and the ids of two private and two
     * public subnets (zones a and b). Without this, eksctl creates a VPC of {@code 192.168.0.0/16}.
     */
    public Builder existingVpc(String vpcId, String cidr, String privateA, String privateB, String publicA,
        String publicB) {
      vpc = new VpcSpec(vpcId, cidr, List.of(privateA, privateB), List.of(publicA, publicB));
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

    /**
     * {@code privateCluster.enabled}: private endpoint only, and interface VPC endpoints for {@code ec2},
     * {@code ecr.api}, {@code ecr.dkr} and {@code sts} carrying the shared node SG (eksctl's defaults; the S3 gateway
     * endpoint has no ENI and no group, so it is not generated). Add more with {@link #vpcEndpoints}.
     */
    public Builder privateCluster() {
      endpointAccess(false, true);
      return vpcEndpoints("ec2", "ecr.api", "ecr.dkr", "sts");
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
      return this;
    }

    /** A bastion instance (the seed's Cloud9) carrying its own group and the shared node SG. */
    public Builder bastion(String name) {
      bastions.add(name);
      return this;
    }

    /** An eksctl {@code managedNodeGroups} entry with this many nodes. */
    public Builder managedNodeGroup(String name, int nodes) {
      return nodegroup(new NodeGroupSpec(name, true, nodes));
    }

    /** An eksctl {@code nodeGroups} (self-managed, "unmanaged") entry with this many nodes. */
    public Builder selfManagedNodeGroup(String name, int nodes) {
      return nodegroup(new NodeGroupSpec(name, false, nodes));
    }

    private Builder nodegroup(NodeGroupSpec ng) {
      if (ng.nodes() < 1) {
        throw new IllegalArgumentException("nodegroup " + ng.name() + " needs at least one node");
      }
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
      return new TopologyGenerator(this).generate();
    }

    ImmutableList<NodeGroupSpec> nodegroupList() {
      return ImmutableList.copyOf(nodegroups.values());
    }
  }
}
