package dev.sgreach.eksctl;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.util.Optional;

/**
 * The fields of an eksctl {@code ClusterConfig} that decide security groups, rules, subnets and the ENIs eksctl and
 * EKS create (DOMAIN-CHANGE.md table 2a), as read and checked by {@link ConfigReader}; each value keeps the YAML path
 * it came from so that later checks name it.
 */
record ClusterSpec(
    String name,
    String region,
    String version,
    ImmutableMap<String, String> tags,
    ImmutableList<String> availabilityZones,
    Vpc vpc,
    boolean ipv6,
    PrivateCluster privateCluster,
    boolean clusterLogging,
    ImmutableList<String> remoteNetworkCidrs,
    ImmutableList<NodeGroup> nodeGroups,
    ImmutableList<String> fargateProfiles) {

  /** A value with the YAML path it was read from. */
  record At<T>(T value, String path) {}

  /** {@code vpc}. */
  record Vpc(
      Optional<At<String>> id,
      Optional<String> cidr,
      ImmutableList<Subnet> subnets,
      ImmutableList<At<String>> controlPlaneSecurityGroups,
      Optional<At<String>> sharedNodeSecurityGroup,
      Optional<Boolean> manageSharedNodeSecurityGroupRules,
      String manageSharedPath,
      ImmutableList<String> extraCidrs,
      Optional<Boolean> privateAccess,
      Optional<Boolean> publicAccess,
      String clusterEndpointsPath,
      ImmutableList<String> publicAccessCidrs,
      ImmutableList<At<String>> controlPlaneSubnetIds) {

    boolean existing() {
      return id.isPresent() || subnets.stream().anyMatch(s -> s.id().isPresent());
    }
  }

  /** One {@code vpc.subnets.private|public.<key>} entry. */
  record Subnet(boolean isPrivate, String key, String zone, Optional<At<String>> id, Optional<String> cidr,
      String path) {}

  /** {@code privateCluster}. */
  record PrivateCluster(boolean enabled, boolean skipEndpointCreation, ImmutableList<String> additionalServices) {}

  /** One {@code nodeGroups} or {@code managedNodeGroups} entry. */
  record NodeGroup(
      String name,
      boolean managed,
      String path,
      int nodes,
      boolean privateNetworking,
      ImmutableList<At<String>> attachIds,
      boolean withShared,
      boolean withLocal,
      boolean sshAllowed,
      ImmutableList<At<String>> sshSourceSecurityGroups,
      boolean efa,
      Optional<At<String>> launchTemplate,
      ImmutableList<String> availabilityZones,
      ImmutableList<At<String>> subnets) {}
}
