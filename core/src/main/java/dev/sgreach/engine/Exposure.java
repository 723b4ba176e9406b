package dev.sgreach.engine;

import com.google.common.collect.ImmutableList;
import dev.sgreach.model.Cidr;
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

  /** True when no ENI is exposed, not even maybe. */
  public boolean isEmpty() {
    return interfaces.isEmpty();
  }

  /**
   * Whether anything is exposed: {@link Outcome#ALLOWED} when some ENI surely is, {@link Outcome#UNKNOWN} when some
   * ENI maybe is (its exposure depends on data the snapshot lacks) and none surely is, {@link Outcome#DENIED} when no
   * ENI is listed.
   */
  public Outcome outcome() {
    Outcome o = Outcome.DENIED;
    for (Exposed x : interfaces) {
      if (x.outcome() == Outcome.ALLOWED) {
        return Outcome.ALLOWED;
      }
      o = Outcome.UNKNOWN;
    }
    return o;
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
      boolean hasPublicAddress) {
    /**
     * {@link Outcome#ALLOWED} when the internet can surely open something to the ENI, {@link Outcome#UNKNOWN} when it
     * only maybe can (what it could open depends on missing data: a group the snapshot lacks, a prefix list without
     * entries).
     */
    public Outcome outcome() {
      return open.isEmpty() ? Outcome.UNKNOWN : Outcome.ALLOWED;
    }

    /**
     * The addresses the internet can reach the ENI at: its public and Elastic IPv4 addresses (the internet gateway
     * translates each to its private address) and its IPv6 addresses that are public. Empty for an ENI the internet
     * can reach by its security groups only: with no public address, only a path through something else (a load
     * balancer, a NAT, a peering) can bring internet traffic to it, and routes are not part of this answer.
     */
    public ImmutableList<Cidr> publicAddresses() {
      ImmutableList.Builder<Cidr> b = ImmutableList.builder();
      b.addAll(eni.publicIpv4());
      for (Cidr a : eni.ipv6()) {
        if (Internet.holdsPublic(a)) {
          b.add(a);
        }
      }
      return b.build();
    }
  }
}
