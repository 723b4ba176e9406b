package dev.sgreach.model;

/**
 * One concrete flow to ask about: a protocol and, for TCP/UDP, the destination port, or for ICMP/ICMPv6 the type and
 * code. Other protocols ({@code 50} for ESP, {@code 47} for GRE, ...) have no port.
 *
 * <p>Build with the static factories, made for static import: {@code tcp(443)}, {@code udp(53)},
 * {@code icmp(8, 0)}, {@code icmpv6(128, 0)}, {@code protocol(50)}. ICMP flows exist only between IPv4 addresses,
 * ICMPv6 flows only between IPv6 addresses.
 */
public final class Traffic {
  private static final String FORMS =
      "tcp/PORT, udp/PORT, icmp/TYPE/CODE, icmpv6/TYPE/CODE or an IP protocol number 0-255";

  private final Protocol protocol;
  private final int port;
  private final int icmpType;
  private final int icmpCode;

  private Traffic(Protocol protocol, int port, int icmpType, int icmpCode) {
    this.protocol = protocol;
    this.port = port;
    this.icmpType = icmpType;
    this.icmpCode = icmpCode;
  }

  /** A TCP connection to {@code port} (0..65535). */
  public static Traffic tcp(int port) {
    return new Traffic(Protocol.TCP, checkPort(port), -1, -1);
  }

  /** A UDP flow to {@code port} (0..65535). */
  public static Traffic udp(int port) {
    return new Traffic(Protocol.UDP, checkPort(port), -1, -1);
  }

  /** An ICMP (IPv4) message of this type and code, each 0..255; e.g. echo request is {@code icmp(8, 0)}. */
  public static Traffic icmp(int type, int code) {
    return new Traffic(Protocol.ICMP, -1, checkByte("ICMP type", type), checkByte("ICMP code", code));
  }

  /** An ICMPv6 message of this type and code, each 0..255; e.g. echo request is {@code icmpv6(128, 0)}. */
  public static Traffic icmpv6(int type, int code) {
    return new Traffic(Protocol.ICMPV6, -1, checkByte("ICMPv6 type", type), checkByte("ICMPv6 code", code));
  }

  /**
   * Traffic of an IP protocol that has no ports in security-group rules (anything but 6, 17, 1 and 58), e.g.
   * {@code protocol(50)} for ESP.
   *
   * @throws IllegalArgumentException for TCP, UDP, ICMP and ICMPv6, which need a port or type/code
   */
  public static Traffic protocol(int number) {
    if (number < 0 || number > 255) {
      throw new IllegalArgumentException("IP protocol number (" + number + ") must be in 0..255");
    }
    Protocol p = Protocol.of(number);
    if (p.hasPorts()) {
      throw new IllegalArgumentException(
          "protocol " + number + " is " + p.awsName() + ": use " + p.awsName() + "(port) to name the port");
    }
    if (p.isIcmp()) {
      throw new IllegalArgumentException(
          "protocol " + number + " is " + p.awsName() + ": use " + p.awsName() + "(type, code)");
    }
    return new Traffic(p, -1, -1, -1);
  }

  /**
   * Parses a traffic SPEC, the one parser the command line, queries files and the library share: {@code tcp/PORT},
   * {@code udp/PORT}, {@code icmp/TYPE/CODE}, {@code icmpv6/TYPE/CODE} (names in any case), or a bare IP protocol
   * number 0-255 for a protocol without ports ({@code 50} for ESP). Numbers are ASCII digits only.
   *
   * <p>A bare {@code 6}, {@code 17}, {@code 1} or {@code 58} is refused with a pointer to its form
   * ({@code 6 is tcp: give tcp/PORT}): their rules name ports or types, so the flow must too. A bare number above 255
   * names no IP protocol; when it could be a port the message asks whether {@code tcp/N} was meant.
   *
   * @throws IllegalArgumentException naming the text (quoted with {@link Echo#quote}) and what to write instead
   */
  public static Traffic parse(String spec) {
    if (spec == null || spec.isBlank()) {
      throw new IllegalArgumentException("traffic spec is empty: give " + FORMS);
    }
    String s = spec.strip();
    String[] parts = s.split("/", -1);
    String head = parts[0].toLowerCase(java.util.Locale.ROOT);
    try {
      switch (head) {
        case "tcp", "udp" -> {
          if (parts.length != 2) {
            throw bad(spec, head + " takes one port: " + head + "/PORT");
          }
          int port = number(spec, "port", parts[1]);
          return head.equals("tcp") ? tcp(port) : udp(port);
        }
        case "icmp", "icmpv6" -> {
          if (parts.length != 3) {
            throw bad(spec, head + " takes a type and a code: " + head + "/TYPE/CODE");
          }
          int type = number(spec, head.equals("icmp") ? "ICMP type" : "ICMPv6 type", parts[1]);
          int code = number(spec, head.equals("icmp") ? "ICMP code" : "ICMPv6 code", parts[2]);
          return head.equals("icmp") ? icmp(type, code) : icmpv6(type, code);
        }
        case "-1", "all" -> throw bad(spec, Echo.quote(parts[0]) + " (all protocols) is for rules; a flow has one "
            + "protocol: give " + FORMS);
        default -> {
          if (!Protocol.isAsciiNumber(head)) {
            throw bad(spec, "unknown protocol " + Echo.quote(parts[0]) + " (give " + FORMS + ")");
          }
          Traffic t = bareProtocol(spec, head);
          if (parts.length != 1) {
            int n = t.protocol().number();
            throw bad(spec, "IP protocol " + n + " has no ports or types in security-group rules: give " + n);
          }
          return t;
        }
      }
    } catch (SpecException e) {
      throw e;
    } catch (IllegalArgumentException e) {
      throw bad(spec, e.getMessage()); // a factory's range check: port (70000) must be in 0..65535
    }
  }

  /** A bad spec, already worded: {@code traffic spec 'X' is invalid: why}. */
  private static final class SpecException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    SpecException(String message) {
      super(message);
    }
  }

  /** A bare number: an IP protocol without ports, a pointer for the four that have them, or no protocol at all. */
  private static Traffic bareProtocol(String spec, String digits) {
    long n = digits.length() > 9 ? Long.MAX_VALUE : Long.parseLong(digits);
    if (n > 255) {
      String number = n == Long.MAX_VALUE ? Echo.quote(digits) : Long.toString(n);
      throw bad(spec, "no IP protocol " + number + " (protocols are 0-255)"
          + (n <= 65535 ? "; did you mean tcp/" + n + "?" : ""));
    }
    Protocol p = Protocol.of((int) n);
    if (p.hasPorts()) {
      throw bad(spec, n + " is " + p.awsName() + ": give " + p.awsName() + "/PORT");
    }
    if (p.isIcmp()) {
      throw bad(spec, n + " is " + p.awsName() + ": give " + p.awsName() + "/TYPE/CODE");
    }
    return new Traffic(p, -1, -1, -1);
  }

  private static SpecException bad(String spec, String why) {
    return new SpecException("traffic spec " + Echo.quote(spec) + " is invalid: " + why);
  }

  /** A field of the spec: ASCII digits 0-9 only (no signs, no other scripts' digits); the factories check the range. */
  private static int number(String spec, String what, String text) {
    if (text.isEmpty()) {
      throw bad(spec, "the " + what + " is missing");
    }
    if (!Protocol.isAsciiNumber(text)) {
      throw bad(spec, Echo.quote(text) + " is not a " + what + ": give a number in ASCII digits (0-9)");
    }
    if (text.length() > 9) {
      throw bad(spec, what + " " + Echo.quote(text) + " is too large");
    }
    return Integer.parseInt(text);
  }

  private static int checkPort(int port) {
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port (" + port + ") must be in 0..65535");
    }
    return port;
  }

  private static int checkByte(String what, int value) {
    if (value < 0 || value > 255) {
      throw new IllegalArgumentException(what + " (" + value + ") must be in 0..255");
    }
    return value;
  }

  /** The IP protocol. */
  public Protocol protocol() {
    return protocol;
  }

  /** The TCP/UDP destination port, or -1 for other protocols. */
  public int port() {
    return port;
  }

  /** The ICMP/ICMPv6 type, or -1 for other protocols. */
  public int icmpType() {
    return icmpType;
  }

  /** The ICMP/ICMPv6 code, or -1 for other protocols. */
  public int icmpCode() {
    return icmpCode;
  }

  /**
   * The flow's position in its protocol's key space, the space {@link Ports#keys()} covers: the port for TCP/UDP,
   * {@code type * 256 + code} for ICMP and ICMPv6, 0 for every other protocol.
   */
  public int key() {
    if (protocol.hasPorts()) {
      return port;
    }
    if (protocol.isIcmp()) {
      return icmpType * 256 + icmpCode;
    }
    return 0;
  }

  /**
   * The address family the flow can travel in: 4 for ICMP, 6 for ICMPv6, 0 (either) for everything else.
   */
  public int family() {
    return protocol.family();
  }

  /**
   * The traffic at one key of a protocol's key space, the inverse of {@link #key()}: the port for TCP and UDP,
   * {@code type * 256 + code} for ICMP and ICMPv6; for any other protocol the key is ignored.
   *
   * @throws IllegalArgumentException for {@link Protocol#ALL} or a key outside 0..65535
   */
  public static Traffic of(Protocol protocol, int key) {
    if (protocol.isKeyed() && (key < 0 || key > Protocol.MAX_KEY)) {
      throw new IllegalArgumentException(protocol.awsName() + " key (" + key + ") must be in 0.." + Protocol.MAX_KEY);
    }
    return switch (protocol.number()) {
      case -1 -> throw new IllegalArgumentException("traffic is one protocol, not all of them");
      case 6 -> tcp(key);
      case 17 -> udp(key);
      case 1 -> icmp(key / 256, key % 256);
      case 58 -> icmpv6(key / 256, key % 256);
      default -> protocol(protocol.number());
    };
  }

  /** The command line's SPEC form, e.g. {@code tcp/443}, {@code icmp/8/0}, {@code 50}. */
  public String spec() {
    if (protocol.hasPorts()) {
      return protocol.awsName() + "/" + port;
    }
    if (protocol.isIcmp()) {
      return protocol.awsName() + "/" + icmpType + "/" + icmpCode;
    }
    return Integer.toString(protocol.number());
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Traffic t && t.protocol.equals(protocol) && t.port == port && t.icmpType == icmpType
        && t.icmpCode == icmpCode;
  }

  @Override
  public int hashCode() {
    return ((protocol.number() * 31 + port) * 31 + icmpType) * 31 + icmpCode;
  }

  @Override
  public String toString() {
    return spec();
  }
}
