package dev.sgreach.model;

import com.google.common.collect.ImmutableList;
import java.util.Optional;

/**
 * An Elastic Load Balancing v2 load balancer as {@code elbv2 describe-load-balancers} returns it, with its listeners
 * when {@code elbv2 describe-listeners} was collected. Its ENIs carry its security groups (an NLB created without
 * groups has none; a Gateway LB can have none) and are named by it: ELB gives each the description
 * {@code ELB app/NAME/ID} (or {@code net/}, {@code gwy/}), the tail of the load balancer's ARN ({@link #owns}).
 *
 * @param arn the load balancer ARN
 * @param name its name
 * @param type {@code application}, {@code network} or {@code gateway}
 * @param scheme {@code internet-facing} or {@code internal}
 * @param vpcId the VPC
 * @param securityGroupIds its security groups
 * @param listeners its listeners, empty when describe-listeners was not collected
 * @param enforceInboundRulesOnPrivateLink {@code EnforceSecurityGroupInboundRulesOnPrivateLinkTraffic}: false
 *     ({@code off}) when a Network Load Balancer lets traffic sent through AWS PrivateLink skip its inbound rules;
 *     true ({@code on}, AWS's default) otherwise
 */
public record LoadBalancer(String arn, String name, String type, String scheme, String vpcId,
    ImmutableList<String> securityGroupIds, Optional<ImmutableList<Listener>> listeners,
    boolean enforceInboundRulesOnPrivateLink) {
  /** The part of an ENI's description before the load balancer's ARN tail. */
  private static final String ENI_DESCRIPTION_PREFIX = "ELB ";
  private static final String ARN_RESOURCE = ":loadbalancer/";

  public LoadBalancer {
    if (arn == null || arn.isBlank()) {
      throw new IllegalArgumentException("load balancer needs a LoadBalancerArn");
    }
    name = name == null ? "" : name;
    type = type == null ? "" : type;
    scheme = scheme == null ? "" : scheme;
    vpcId = vpcId == null ? "" : vpcId;
    securityGroupIds = securityGroupIds == null ? ImmutableList.of() : securityGroupIds;
    listeners = listeners == null ? Optional.empty() : listeners;
  }

  /** A load balancer as describe-load-balancers alone tells it: listeners not collected, PrivateLink enforced. */
  public LoadBalancer(String arn, String name, String type, String scheme, String vpcId,
      ImmutableList<String> securityGroupIds) {
    this(arn, name, type, scheme, vpcId, securityGroupIds, Optional.empty(), true);
  }

  /** This load balancer with its listeners (from describe-listeners). */
  public LoadBalancer withListeners(ImmutableList<Listener> value) {
    return new LoadBalancer(arn, name, type, scheme, vpcId, securityGroupIds, Optional.of(value),
        enforceInboundRulesOnPrivateLink);
  }

  /** This load balancer with its {@code EnforceSecurityGroupInboundRulesOnPrivateLinkTraffic} setting. */
  public LoadBalancer withEnforceInboundRulesOnPrivateLink(boolean value) {
    return new LoadBalancer(arn, name, type, scheme, vpcId, securityGroupIds, listeners, value);
  }

  /**
   * True when the ENI is one of this load balancer's: its description is {@code ELB } and the ARN's resource tail
   * ({@code app/NAME/ID}, {@code net/NAME/ID}, {@code gwy/NAME/ID}). The one place that joins ENIs to their load
   * balancer.
   */
  public boolean owns(NetworkInterface eni) {
    return interfaceDescription().filter(eni.description()::equals).isPresent();
  }

  /** The description ELB gives this load balancer's ENIs, {@code ELB net/NAME/ID}; empty for an ARN of no such form. */
  public Optional<String> interfaceDescription() {
    int at = arn.indexOf(ARN_RESOURCE);
    return at < 0 ? Optional.empty()
        : Optional.of(ENI_DESCRIPTION_PREFIX + arn.substring(at + ARN_RESOURCE.length()));
  }

  /** True for a Network Load Balancer. */
  public boolean isNetwork() {
    return type.equalsIgnoreCase("network");
  }

  /** The name, else the ARN. */
  public String label() {
    return name.isEmpty() ? arn : name;
  }
}
