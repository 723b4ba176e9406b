package dev.sgreach.model;

import com.google.common.collect.ImmutableList;
import java.util.Locale;
import java.util.Optional;

/**
 * An Elastic Load Balancing v2 target group, as {@code elbv2 describe-target-groups} returns it, with what
 * {@code describe-target-group-attributes} ({@code preserve_client_ip.enabled}) and {@code describe-target-health}
 * (its registered targets) add when they were collected.
 *
 * @param arn the target group ARN
 * @param name its name
 * @param protocol {@code TCP}, {@code UDP}, {@code TCP_UDP}, {@code TLS}, {@code HTTP}, {@code HTTPS}, ... (empty for
 *     a Lambda target group)
 * @param port the port its targets receive traffic on unless a target names its own (0 for a Lambda target group)
 * @param targetType {@code instance}, {@code ip}, {@code alb} or {@code lambda}
 * @param vpcId the VPC
 * @param loadBalancerArns the load balancers that forward to it
 * @param preserveClientIp the {@code preserve_client_ip.enabled} attribute, empty when the attributes were not
 *     collected (or the group has no such attribute)
 * @param targets the registered targets, empty when {@code describe-target-health} was not collected
 */
public record TargetGroup(String arn, String name, String protocol, int port, String targetType, String vpcId,
    ImmutableList<String> loadBalancerArns, Optional<Boolean> preserveClientIp,
    Optional<ImmutableList<Target>> targets) {
  public TargetGroup {
    if (arn == null || arn.isBlank()) {
      throw new IllegalArgumentException("target group needs a TargetGroupArn");
    }
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("target group " + arn + " has Port " + port + ": a port is 1 to 65535");
    }
    name = name == null ? "" : name;
    protocol = protocol == null ? "" : protocol;
    targetType = targetType == null || targetType.isEmpty() ? "instance" : targetType;
    vpcId = vpcId == null ? "" : vpcId;
    loadBalancerArns = loadBalancerArns == null ? ImmutableList.of() : loadBalancerArns;
    preserveClientIp = preserveClientIp == null ? Optional.empty() : preserveClientIp;
    targets = targets == null ? Optional.empty() : targets;
  }

  /**
   * One registered target: an instance id ({@code i-...}), an IP address, a Lambda function ARN or an ALB ARN, by
   * the group's target type, and the port it receives traffic on.
   *
   * @param id the target's {@code Id}
   * @param port its port ({@code Port}; the group's port when the target names none)
   */
  public record Target(String id, int port) {
    public Target {
      if (id == null || id.isBlank()) {
        throw new IllegalArgumentException("target needs an Id");
      }
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException("target " + id + " has Port " + port + ": a port is 1 to 65535");
      }
    }
  }

  /** A target group known from describe-target-groups alone: attributes and targets not collected. */
  public TargetGroup(String arn, String name, String protocol, int port, String targetType, String vpcId,
      ImmutableList<String> loadBalancerArns) {
    this(arn, name, protocol, port, targetType, vpcId, loadBalancerArns, Optional.empty(), Optional.empty());
  }

  /** This group with its attribute {@code preserve_client_ip.enabled}. */
  public TargetGroup withPreserveClientIp(boolean value) {
    return new TargetGroup(arn, name, protocol, port, targetType, vpcId, loadBalancerArns, Optional.of(value),
        targets);
  }

  /** This group with its registered targets. */
  public TargetGroup withTargets(ImmutableList<Target> value) {
    return new TargetGroup(arn, name, protocol, port, targetType, vpcId, loadBalancerArns, preserveClientIp,
        Optional.of(value));
  }

  /** The traffic a target receives from the load balancer on {@code targetPort}, by the group's protocol. */
  public ImmutableList<Ports> ports(int targetPort) {
    return Listener.ports(protocol, targetPort);
  }

  /**
   * Whether the targets of this group see the client's address rather than the load balancer's, and why: the one
   * place that decides it.
   *
   * <ul>
   *   <li>behind an Application Load Balancer (or a Gateway Load Balancer) no: it opens its own connections (or
   *       encapsulates in GENEVE) from its own addresses (elbv2 ALB user guide, "Target security groups");</li>
   *   <li>behind a Network Load Balancer, a UDP, TCP_UDP, QUIC or TCP_QUIC group always preserves it (it cannot be
   *       disabled);</li>
   *   <li>otherwise the {@code preserve_client_ip.enabled} attribute when collected, else the default, said to be
   *       an assumption: on for instance targets, off for ip targets of TCP and TLS (elbv2 NLB user guide, "Edit
   *       target group attributes": client IP preservation, default settings).</li>
   * </ul>
   *
   * <p>A preserved address crosses only within its family: an IPv6 client of an IPv4 target (or an IPv4 client of
   * an IPv6 target) is seen with the load balancer's address; the caller asks {@link ClientIp#seenBy}.
   *
   * @param lb the load balancer that forwards to this group
   */
  public ClientIp clientIp(LoadBalancer lb) {
    String t = lb.type().toLowerCase(Locale.ROOT);
    if (t.equals("application") || t.equals("gateway")) {
      return new ClientIp(false, false, "the " + t + " load balancer connects to its targets from its own"
          + " addresses");
    }
    String p = protocol.toUpperCase(Locale.ROOT);
    if (p.equals("UDP") || p.equals("TCP_UDP") || p.equals("QUIC") || p.equals("TCP_QUIC")) {
      return new ClientIp(true, false, "client IP preservation is always on for " + p + " target groups");
    }
    if (preserveClientIp.isPresent()) {
      return new ClientIp(preserveClientIp.get(), false, "target group " + label() + " has"
          + " preserve_client_ip.enabled=" + preserveClientIp.get());
    }
    boolean on = !targetType.equalsIgnoreCase("ip");
    return new ClientIp(on, true, "assumed " + (on ? "on" : "off") + ": the default for " + targetType
        + " targets, as the attributes of target group " + label() + " were not collected (save aws elbv2"
        + " describe-target-group-attributes)");
  }

  /** The group's name, else its ARN. */
  public String label() {
    return name.isEmpty() ? arn : name;
  }

  /**
   * Whether a Network Load Balancer's targets see the client's address.
   *
   * @param preserved true when the target sees the client's address (within one address family)
   * @param assumed true when this is AWS's default because the attribute was not collected
   * @param why the reason, in AWS terms
   */
  public record ClientIp(boolean preserved, boolean assumed, String why) {
    /**
     * True when a target at an address of {@code targetFamily} (4 or 6) sees a client of {@code clientFamily} with
     * the client's own address: preserved, and both of one family (elbv2 NLB user guide, client IP preservation:
     * IPv6 clients of IPv4 targets are seen with the load balancer's IPv4 address).
     */
    public boolean seenBy(int clientFamily, int targetFamily) {
      return preserved && clientFamily == targetFamily;
    }
  }
}
