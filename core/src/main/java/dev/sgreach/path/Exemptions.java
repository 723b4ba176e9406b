package dev.sgreach.path;

import dev.sgreach.model.Cidr;
import dev.sgreach.model.Traffic;

/**
 * Traffic that network ACLs never see (DOMAIN-PATH.md table 1e, confirmed on AWS's "Network ACL basics" page for the
 * two services below): DNS to the Route 53 Resolver (the VPC's primary IPv4 block plus two, {@code 169.254.169.253},
 * {@code fd00:ec2::253}) and the instance metadata service ({@code 169.254.169.254}, {@code fd00:ec2::254}). Both are
 * answered by the instance's host, so no route table is consulted either. The one place that decides it.
 *
 * <p>What is not confirmed stays unknown: other link-local AWS services ({@code 169.254.169.123} Time Sync and the
 * rest of {@code 169.254.0.0/16} and {@code fd00:ec2::/32}), and other ports at the two services' addresses. The
 * Resolver of another VPC cannot be queried (DOMAIN-PATH.md table 3a: a peer's Amazon DNS server).
 */
final class Exemptions {
  private static final Cidr DNS_V4 = Cidr.parse("169.254.169.253");
  private static final Cidr DNS_V6 = Cidr.parse("fd00:ec2::253");
  private static final Cidr IMDS_V4 = Cidr.parse("169.254.169.254");
  private static final Cidr IMDS_V6 = Cidr.parse("fd00:ec2::254");
  private static final Cidr LINK_LOCAL_V4 = Cidr.parse("169.254.0.0/16");
  private static final Cidr AWS_LINK_LOCAL_V6 = Cidr.parse("fd00:ec2::/32");

  private Exemptions() {}

  /** An exemption's verdict and its reason. */
  record Exemption(int verdict, String reason) {}

  /**
   * The exemption for a packet from a sender in VPC {@code sourceVpc} (-1 for an outside sender) to {@code dst}, or
   * null when ACLs and routes apply as usual.
   */
  static Exemption of(CompiledPaths c, int sourceVpc, Cidr dst, Traffic traffic) {
    boolean dns = dst.equals(DNS_V4) || dst.equals(DNS_V6)
        || sourceVpc >= 0 && dst.equals(c.vpcs[sourceVpc].dnsAddress);
    boolean imds = dst.equals(IMDS_V4) || dst.equals(IMDS_V6);
    boolean linkLocal = LINK_LOCAL_V4.contains(dst) || AWS_LINK_LOCAL_V6.contains(dst);
    if (sourceVpc < 0) {
      return linkLocal ? new Exemption(Tri.DENY, dst + " is a link-local address, which only an instance's own"
          + " host answers: nothing outside can reach it") : null;
    }
    int port = traffic.port();
    int proto = traffic.protocol().number();
    if (dns) {
      if ((proto == 6 || proto == 17) && port == 53) {
        return new Exemption(Tri.ALLOW, dst + " is the Route 53 Resolver (Amazon DNS): network ACLs do not filter"
            + " DNS to it");
      }
      return new Exemption(Tri.UNKNOWN, dst + " is the Route 53 Resolver; AWS documents only DNS (tcp/udp 53)"
          + " there");
    }
    if (imds) {
      if (proto == 6 && port == 80) {
        return new Exemption(Tri.ALLOW, dst + " is the instance metadata service: network ACLs do not filter it");
      }
      return new Exemption(Tri.UNKNOWN, dst + " is the instance metadata service; AWS documents only HTTP"
          + " (tcp/80) there");
    }
    if (linkLocal) {
      return new Exemption(Tri.UNKNOWN, dst + " is a link-local address answered by the instance's host; AWS"
          + " documents network ACLs passing only DNS and instance metadata there");
    }
    int other = c.vpcWithResolverAt(dst);
    if (other >= 0 && other != sourceVpc && !CompiledPaths.anyContains(c.vpcs[sourceVpc].blocks, dst)) {
      return new Exemption(Tri.DENY, dst + " is the Route 53 Resolver of " + c.vpcs[other].id
          + ", which answers only its own VPC");
    }
    return null;
  }
}
