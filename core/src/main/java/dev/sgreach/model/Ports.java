package dev.sgreach.model;

import com.google.common.collect.Range;

/**
 * What a security-group rule admits apart from its peer: an IP protocol with, for TCP/UDP, an inclusive port range
 * ({@code FromPort..ToPort}), or for ICMP/ICMPv6 a type ({@code FromPort}) and code ({@code ToPort}), where -1 means
 * any. For {@code -1} (all traffic) and every protocol other than TCP, UDP, ICMP and ICMPv6, AWS ignores the ports:
 * the rule admits the whole protocol.
 *
 * @param protocol the IP protocol, {@link Protocol#ALL} for all traffic
 * @param from TCP/UDP first port, or ICMP type (-1 any); -1 where ports do not apply
 * @param to TCP/UDP last port, or ICMP code (-1 any); -1 where ports do not apply
 */
public record Ports(Protocol protocol, int from, int to) {
  /** Every key of a protocol's key space (see {@link Traffic#key()}). */
  static final Range<Integer> ALL_KEYS = Range.closed(0, Protocol.MAX_KEY);

  public Ports {
    if (protocol == null) {
      throw new IllegalArgumentException("protocol is missing");
    }
    if (protocol.hasPorts()) {
      if (from < 0 || from > 65535 || to < 0 || to > 65535) {
        throw new IllegalArgumentException(
            protocol.awsName() + " port range " + from + ".." + to + " must lie in 0..65535");
      }
      if (from > to) {
        throw new IllegalArgumentException(
            protocol.awsName() + " port range " + from + ".." + to + " is empty: FromPort is above ToPort");
      }
    } else if (protocol.isIcmp()) {
      if (from < -1 || from > 255) {
        throw new IllegalArgumentException(protocol.awsName() + " type (" + from + ") must be -1 (any) or 0..255");
      }
      if (to < -1 || to > 255) {
        throw new IllegalArgumentException(protocol.awsName() + " code (" + to + ") must be -1 (any) or 0..255");
      }
      if (from == -1) {
        to = -1; // AWS: with any type the code is any too
      }
    } else {
      from = -1;
      to = -1;
    }
  }

  /** All traffic: every protocol, every port ({@code IpProtocol = -1}). */
  public static Ports allTraffic() {
    return new Ports(Protocol.ALL, -1, -1);
  }

  /** TCP on one port. */
  public static Ports tcp(int port) {
    return new Ports(Protocol.TCP, port, port);
  }

  /** TCP on {@code from..to}, both inclusive. */
  public static Ports tcp(int from, int to) {
    return new Ports(Protocol.TCP, from, to);
  }

  /** UDP on one port. */
  public static Ports udp(int port) {
    return new Ports(Protocol.UDP, port, port);
  }

  /** UDP on {@code from..to}, both inclusive. */
  public static Ports udp(int from, int to) {
    return new Ports(Protocol.UDP, from, to);
  }

  /** ICMP (IPv4) of one type and code; -1 for any. */
  public static Ports icmp(int type, int code) {
    return new Ports(Protocol.ICMP, type, code);
  }

  /** Every ICMP (IPv4) message. */
  public static Ports icmpAll() {
    return new Ports(Protocol.ICMP, -1, -1);
  }

  /** ICMPv6 of one type and code; -1 for any. */
  public static Ports icmpv6(int type, int code) {
    return new Ports(Protocol.ICMPV6, type, code);
  }

  /** Every ICMPv6 message. */
  public static Ports icmpv6All() {
    return new Ports(Protocol.ICMPV6, -1, -1);
  }

  /** A whole IP protocol by number, e.g. {@code protocol(50)} for ESP; ports are ignored. */
  public static Ports protocol(int number) {
    return new Ports(Protocol.of(number), -1, -1);
  }

  /** Exactly this traffic and nothing else: one port, one ICMP type and code, or one whole protocol. */
  public static Ports exactly(Traffic traffic) {
    Protocol p = traffic.protocol();
    if (p.hasPorts()) {
      return new Ports(p, traffic.port(), traffic.port());
    }
    if (p.isIcmp()) {
      return new Ports(p, traffic.icmpType(), traffic.icmpCode());
    }
    return protocol(p.number());
  }

  /**
   * The rule fields as AWS writes them; {@code from}/{@code to} may be null where AWS omits them. TCP/UDP with
   * missing ports, or with -1..-1, means every port (a form some tools write); ICMP with missing values means any.
   */
  public static Ports of(Protocol protocol, Integer from, Integer to) {
    if (protocol.hasPorts()) {
      if ((from == null || from == -1) && (to == null || to == -1)) {
        return new Ports(protocol, 0, 65535);
      }
      if (from == null || to == null) {
        throw new IllegalArgumentException(
            protocol.awsName() + " rule needs both FromPort and ToPort, got " + from + " and " + to);
      }
      return new Ports(protocol, from, to);
    }
    return new Ports(protocol, from == null ? -1 : from, to == null ? -1 : to);
  }

  /** True when the protocol is {@code -1}: every protocol and port. */
  public boolean isAllTraffic() {
    return protocol.isAll();
  }

  /**
   * The keys of the protocol's key space this admits (see {@link Traffic#key()}): the port range for TCP/UDP,
   * {@code [type*256+code]}, {@code [type*256 .. type*256+255]} or everything for ICMP, everything otherwise.
   */
  public Range<Integer> keys() {
    int low = lowestKey();
    int high = highestKey();
    return low == 0 && high == Protocol.MAX_KEY ? ALL_KEYS : Range.closed(low, high);
  }

  /** The lowest of {@link #keys()}, without making the range (the engine compiles a region's rules by it). */
  public int lowestKey() {
    if (protocol.hasPorts()) {
      return from;
    }
    if (protocol.isIcmp() && from != -1) {
      return to == -1 ? from * 256 : from * 256 + to;
    }
    return 0;
  }

  /** The highest of {@link #keys()}. */
  public int highestKey() {
    if (protocol.hasPorts()) {
      return to;
    }
    if (protocol.isIcmp() && from != -1) {
      return to == -1 ? from * 256 + 255 : from * 256 + to;
    }
    return Protocol.MAX_KEY;
  }

  /** True when a flow of this traffic passes this protocol and port check (the peer is checked elsewhere). */
  public boolean admits(Traffic traffic) {
    if (protocol.isAll()) {
      return true;
    }
    if (protocol.number() != traffic.protocol().number()) {
      return false;
    }
    int key = traffic.key();
    if (protocol.hasPorts()) {
      return from <= key && key <= to;
    }
    if (protocol.isIcmp()) {
      return (from == -1 || from == traffic.icmpType()) && (to == -1 || to == traffic.icmpCode());
    }
    return true;
  }

  /** The AWS {@code FromPort} value: -1 where ports do not apply. */
  public int awsFromPort() {
    return protocol.hasPorts() || protocol.isIcmp() ? from : -1;
  }

  /** The AWS {@code ToPort} value: -1 where ports do not apply. */
  public int awsToPort() {
    return protocol.hasPorts() || protocol.isIcmp() ? to : -1;
  }

  /** A short text: {@code tcp 443}, {@code tcp 1025-65535}, {@code icmp 3/4}, {@code icmp any}, {@code all}. */
  @Override
  public String toString() {
    if (protocol.isAll()) {
      return "all traffic";
    }
    if (protocol.hasPorts()) {
      if (from == 0 && to == 65535) {
        return protocol.awsName() + " all ports";
      }
      return protocol.awsName() + " " + (from == to ? Integer.toString(from) : from + "-" + to);
    }
    if (protocol.isIcmp()) {
      if (from == -1) {
        return protocol.awsName() + " all types";
      }
      return protocol.awsName() + " type " + from + (to == -1 ? " any code" : " code " + to);
    }
    return protocol.displayName();
  }

  @Override
  public boolean equals(Object o) {
    return this == o || o instanceof Ports p && p.from == from && p.to == to && p.protocol.equals(protocol); // see Peer
  }

  @Override
  public int hashCode() {
    return (31 * protocol.hashCode() + Integer.hashCode(from)) * 31 + Integer.hashCode(to);
  }
}
