package dev.sgreach.model;

import com.google.common.collect.ImmutableList;

/**
 * An Elastic Load Balancing v2 load balancer as {@code elbv2 describe-load-balancers} returns it. Its ENIs carry
 * its security groups (an NLB created without groups has none; a Gateway LB can have none).
 *
 * @param arn the load balancer ARN
 * @param name its name
 * @param type {@code application}, {@code network} or {@code gateway}
 * @param scheme {@code internet-facing} or {@code internal}
 * @param vpcId the VPC
 * @param securityGroupIds its security groups
 */
public record LoadBalancer(String arn, String name, String type, String scheme, String vpcId,
    ImmutableList<String> securityGroupIds) {
  public LoadBalancer {
    if (arn == null || arn.isBlank()) {
      throw new IllegalArgumentException("load balancer needs a LoadBalancerArn");
    }
    name = name == null ? "" : name;
    type = type == null ? "" : type;
    scheme = scheme == null ? "" : scheme;
    vpcId = vpcId == null ? "" : vpcId;
    securityGroupIds = securityGroupIds == null ? ImmutableList.of() : securityGroupIds;
  }
}
