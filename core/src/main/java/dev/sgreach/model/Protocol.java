package dev.sgreach.model;

import java.util.List;
import java.util.Locale;

/**
 * An IP protocol as a security-group rule names it: {@code -1} (all traffic) or an IANA protocol number 0..255.
 *
 * <p>EC2 stores {@code tcp}, {@code udp}, {@code icmp} and {@code icmpv6} by name and every other protocol by its
 * number, and accepts either form on input ({@code 6} and {@code tcp} are the same rule). {@link #parse} takes both;
 * {@link #awsName()} gives back the form EC2 returns.
 *
 * @param number {@code -1} for all protocols, else 0..255
 */
public record Protocol(int number) {
  /** All protocols ({@code IpProtocol = "-1"}); ports are ignored. */
  public static final Protocol ALL = new Protocol(-1);
  /** ICMP for IPv4 (1); FromPort/ToPort are the ICMP type and code. */
  public static final Protocol ICMP = new Protocol(1);
  /** TCP (6). */
  public static final Protocol TCP = new Protocol(6);
  /** UDP (17). */
  public static final Protocol UDP = new Protocol(17);
  /** ICMP for IPv6 (58); FromPort/ToPort are the ICMPv6 type and code. */
  public static final Protocol ICMPV6 = new Protocol(58);

  /**
   * The protocols whose rules carry a key range (TCP and UDP ports, ICMP and ICMPv6 type and code), in the order
   * sgreach lists them; every other protocol is matched whole, by number.
   */
  public static final List<Protocol> KEYED = List.of(TCP, UDP, ICMP, ICMPV6);

  /** Every key of a keyed protocol's key space (see {@link Traffic#key()}): 0..65535. */
  public static final int MAX_KEY = 65535;

  public Protocol {
    if (number < -1 || number > 255) {
      throw new IllegalArgumentException("IP protocol (" + number + ") must be -1 (all) or a number in 0..255");
    }
  }

  /** The protocol with this number; -1 means all. */
  public static Protocol of(int number) {
    return switch (number) {
      case -1 -> ALL;
      case 1 -> ICMP;
      case 6 -> TCP;
      case 17 -> UDP;
      case 58 -> ICMPV6;
      default -> new Protocol(number);
    };
  }

  /**
   * Parses the forms EC2 accepts: {@code -1} or {@code all}, a name ({@code tcp}, {@code udp}, {@code icmp},
   * {@code icmpv6}, any case) or a number {@code 0..255}.
   *
   * @throws IllegalArgumentException naming the text when it is none of these
   */
  public static Protocol parse(String text) {
    if (text == null) {
      throw new IllegalArgumentException("IP protocol is missing");
    }
    String t = text.trim().toLowerCase(Locale.ROOT);
    switch (t) {
      case "-1", "all":
        return ALL;
      case "tcp":
        return TCP;
      case "udp":
        return UDP;
      case "icmp":
        return ICMP;
      case "icmpv6", "icmp6", "ipv6-icmp":
        return ICMPV6;
      default:
        break;
    }
    if (isAsciiNumber(t) && t.length() <= 3) {
      int n = Integer.parseInt(t);
      if (n <= 255) {
        return of(n);
      }
    }
    throw new IllegalArgumentException(
        "unknown IP protocol " + Echo.quote(text) + ": use -1, tcp, udp, icmp, icmpv6 or a protocol number 0..255");
  }

  /**
   * True when the text is one or more ASCII digits {@code 0-9}: the only digits AWS and sgreach read as numbers
   * ({@link Character#isDigit} would also take Arabic-Indic, Devanagari and fullwidth digits).
   */
  static boolean isAsciiNumber(String text) {
    if (text.isEmpty()) {
      return false;
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }

  /** True for {@code -1}. */
  public boolean isAll() {
    return number == -1;
  }

  /** True for TCP and UDP, the protocols whose rules carry a port range. */
  public boolean hasPorts() {
    return number == 6 || number == 17;
  }

  /** True for ICMP and ICMPv6, whose rules carry a type and code. */
  public boolean isIcmp() {
    return number == 1 || number == 58;
  }

  /** True for TCP, UDP, ICMP and ICMPv6, whose rules carry a port range or a type and code. */
  public boolean isKeyed() {
    return hasPorts() || isIcmp();
  }

  /**
   * The address family this protocol travels in: 4 for ICMP, 6 for ICMPv6, 0 (either) for every other protocol.
   * An ICMP rule admits nothing between IPv6 addresses, an ICMPv6 rule nothing between IPv4 addresses.
   */
  public int family() {
    return number == 1 ? 4 : number == 58 ? 6 : 0;
  }

  /**
   * Keys {@code low..high} (inclusive) of this protocol's key space as people write them: ports as {@code 22} or
   * {@code 80-90}, ICMP and ICMPv6 keys as {@code 3/4}, {@code 8/any} or {@code 3/0-4/1}, and {@code all} for the
   * whole space. For a protocol without keys the numbers are protocol numbers and print plainly ({@code 50},
   * {@code 0-5}).
   */
  public String keyRange(int low, int high) {
    if (isKeyed() && low == 0 && high == MAX_KEY) {
      return "all";
    }
    if (!isIcmp()) {
      return low == high ? Integer.toString(low) : low + "-" + high;
    }
    if (low % 256 == 0 && high % 256 == 255) {
      return low / 256 == high / 256 ? low / 256 + "/any" : low / 256 + "-" + high / 256 + "/any";
    }
    String first = low / 256 + "/" + low % 256;
    return low == high ? first : first + "-" + high / 256 + "/" + high % 256;
  }

  /** The name EC2 returns: {@code -1}, {@code tcp}, {@code udp}, {@code icmp}, {@code icmpv6}, or the number. */
  public String awsName() {
    return switch (number) {
      case -1 -> "-1";
      case 1 -> "icmp";
      case 6 -> "tcp";
      case 17 -> "udp";
      case 58 -> "icmpv6";
      default -> Integer.toString(number);
    };
  }

  /** A name for people: {@code all}, {@code tcp}, ..., or {@code proto 50}. */
  public String displayName() {
    return switch (number) {
      case -1 -> "all";
      case 1, 6, 17, 58 -> awsName();
      default -> "proto " + number;
    };
  }

  @Override
  public String toString() {
    return displayName();
  }

  @Override
  public boolean equals(Object o) {
    return this == o || o instanceof Protocol p && p.number == number; // written out: see Peer
  }

  @Override
  public int hashCode() {
    return Integer.hashCode(number);
  }
}
