package dev.sgreach.path;

import dev.sgreach.model.Cidr;
import java.util.List;

/**
 * What internet gateways make of addresses (DOMAIN-PATH.md table 2d, Reachability Analyzer's IGW codes): they do not
 * send to, nor admit from, private (RFC 1918) or shared (RFC 6598) IPv4 space, nor addresses that are not unicast
 * internet addresses at all; IPv6 crosses them only in global unicast space ({@code 2000::/3}). Also the addresses
 * AWS reserves in every subnet block. One place for each of these facts.
 */
final class Addresses {
  private static final List<Cidr> RFC1918 = List.of(Cidr.parse("10.0.0.0/8"), Cidr.parse("172.16.0.0/12"),
      Cidr.parse("192.168.0.0/16"));
  private static final Cidr RFC6598 = Cidr.parse("100.64.0.0/10");
  private static final List<Cidr> NOT_UNICAST_INTERNET = List.of(Cidr.parse("0.0.0.0/8"), Cidr.parse("127.0.0.0/8"),
      Cidr.parse("169.254.0.0/16"), Cidr.parse("224.0.0.0/3"));
  private static final Cidr GLOBAL_V6 = Cidr.parse("2000::/3");

  private Addresses() {}

  /**
   * Why an internet gateway will not carry a packet between this IPv4 address and the internet, or null when it
   * will: {@link ExplanationCode#IGW_DESTINATION_ADDRESS_NOT_IN_RFC1918_EGRESS} for private space,
   * {@link ExplanationCode#IGW_DESTINATION_ADDRESS_NOT_IN_RFC6598_EGRESS} for shared space; for loopback, link-local,
   * multicast and reserved space the reason has no code ({@link #notInternet}).
   */
  static ExplanationCode internetProblem(Cidr ipv4) {
    for (Cidr c : RFC1918) {
      if (c.contains(ipv4)) {
        return ExplanationCode.IGW_DESTINATION_ADDRESS_NOT_IN_RFC1918_EGRESS;
      }
    }
    return RFC6598.contains(ipv4) ? ExplanationCode.IGW_DESTINATION_ADDRESS_NOT_IN_RFC6598_EGRESS : null;
  }

  /** True for IPv4 loopback, link-local, "this network", multicast and reserved space: no internet host is there. */
  static boolean notInternet(Cidr ipv4) {
    for (Cidr c : NOT_UNICAST_INTERNET) {
      if (c.contains(ipv4)) {
        return true;
      }
    }
    return false;
  }

  /** True when an internet gateway carries this address to and from the internet. */
  static boolean onInternet(Cidr address) {
    if (address.isIpv6()) {
      return isGlobalIpv6(address);
    }
    return internetProblem(address) == null && !notInternet(address);
  }

  /**
   * The blocks of one family that are not internet space, for cutting the address line where {@link #onInternet}
   * changes: IPv4 private, shared, loopback, link-local, multicast and reserved space; for IPv6 everything outside
   * {@code 2000::/3}, as the two blocks around it.
   */
  static List<Cidr> notInternetBlocks(int family) {
    if (family == 6) {
      return List.of(Cidr.parse("::/3"), Cidr.parse("4000::/2"), Cidr.parse("8000::/1"));
    }
    List<Cidr> out = new java.util.ArrayList<>(RFC1918);
    out.add(RFC6598);
    out.addAll(NOT_UNICAST_INTERNET);
    return out;
  }

  /** True for global unicast IPv6 ({@code 2000::/3}). */
  static boolean isGlobalIpv6(Cidr address) {
    return GLOBAL_V6.contains(address);
  }

  /**
   * True when AWS reserves the address in its subnet block: the first four addresses (network, VPC router, DNS,
   * future use) and the last.
   */
  static boolean reservedIn(Cidr block, Cidr address) {
    if (!block.contains(address) || block.isSingleAddress()) {
      return false;
    }
    int hostBits = (block.isIpv4() ? 32 : 128) - block.length();
    long offsetLow = address.low() - block.low();
    long offsetHigh = address.high() - block.high();
    if (offsetHigh == 0 && offsetLow >= 0 && offsetLow <= 3) {
      return true;
    }
    // the last address: every host bit set
    if (hostBits <= 64) {
      long hostMask = hostBits == 64 ? -1L : (1L << hostBits) - 1;
      if (block.isIpv4()) {
        hostMask &= 0xFFFFFFFFL;
      }
      return offsetHigh == 0 && (address.low() & hostMask) == hostMask;
    }
    long highMask = hostBits >= 128 ? -1L : (1L << (hostBits - 64)) - 1;
    return (address.low() == -1L) && (address.high() & highMask) == highMask;
  }
}
