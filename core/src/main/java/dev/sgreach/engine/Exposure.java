package dev.sgreach.engine;

import com.google.common.collect.ImmutableList;
import dev.sgreach.model.NetworkInterface;

/**
 * What the internet can open towards ENIs of the snapshot: for each ENI with at least one inbound rule whose CIDR or
 * prefix-list peer includes a public address (any address outside the private, shared, loopback, link-local,
 * documentation, benchmark and multicast ranges; for IPv6 anything in {@code 2000::/3} outside {@code 2001:db8::/32}),
 * the traffic those rules admit and the rules themselves.
 *
 * <p>An ENI that carries no group and whose type AWS does not filter (a NAT gateway, a Transit Gateway attachment,
 * ...) is listed with everything of its address families open and no rules.
 *
 * <p>This is the security-group view: whether the ENI also has a public address or sits behind an internet-facing
 * load balancer is reported ({@link Exposed#hasPublicAddress()}) but not required.
 *
 * @param interfaces the exposed ENIs in snapshot order
 */
public record Exposure(ImmutableList<Exposed> interfaces) {

  /** True when no ENI is exposed. */
  public boolean isEmpty() {
    return interfaces.isEmpty();
  }

  /**
   * One exposed ENI.
   *
   * @param eni the ENI
   * @param open the traffic the internet can open (ICMP only towards IPv4 addresses, ICMPv6 only towards IPv6)
   * @param rules the inbound rules that admit internet sources
   * @param fromAnywhere true when some rule admits {@code 0.0.0.0/0} or {@code ::/0}
   * @param hasPublicAddress true when the ENI has a public IPv4 or an IPv6 address
   */
  public record Exposed(NetworkInterface eni, OpenPorts open, ImmutableList<RuleMatch> rules, boolean fromAnywhere,
      boolean hasPublicAddress) {}
}
