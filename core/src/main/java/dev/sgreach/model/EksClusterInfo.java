package dev.sgreach.model;

import com.google.common.collect.ImmutableList;

/**
 * What {@code eks describe-cluster} says about a cluster's networking: its VPC, the EKS-created cluster security
 * group, the additional (control-plane) groups, the endpoint access mode and the public access CIDRs.
 *
 * @param name the cluster name
 * @param vpcId {@code resourcesVpcConfig.vpcId}
 * @param clusterSecurityGroupId {@code resourcesVpcConfig.clusterSecurityGroupId}, empty for pre-2019 clusters
 * @param securityGroupIds {@code resourcesVpcConfig.securityGroupIds}: the additional groups on the control-plane ENIs
 * @param subnetIds {@code resourcesVpcConfig.subnetIds}
 * @param endpointPublicAccess whether the public API endpoint is on
 * @param endpointPrivateAccess whether the private API endpoint is on
 * @param publicAccessCidrs the allow-list EKS enforces on the public endpoint
 */
public record EksClusterInfo(
    String name,
    String vpcId,
    String clusterSecurityGroupId,
    ImmutableList<String> securityGroupIds,
    ImmutableList<String> subnetIds,
    boolean endpointPublicAccess,
    boolean endpointPrivateAccess,
    ImmutableList<String> publicAccessCidrs) {

  public EksClusterInfo {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("EKS cluster needs a name");
    }
    vpcId = vpcId == null ? "" : vpcId;
    clusterSecurityGroupId = clusterSecurityGroupId == null ? "" : clusterSecurityGroupId;
    securityGroupIds = securityGroupIds == null ? ImmutableList.of() : securityGroupIds;
    subnetIds = subnetIds == null ? ImmutableList.of() : subnetIds;
    publicAccessCidrs = publicAccessCidrs == null ? ImmutableList.of() : publicAccessCidrs;
  }
}
