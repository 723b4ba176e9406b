package dev.sgreach.model;

import inet.ipaddr.AddressStringException;
import inet.ipaddr.AddressStringParameters.RangeParameters;
import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressString;
import inet.ipaddr.IPAddressStringParameters;
import java.math.BigInteger;

/**
 * An IPv4 or IPv6 address block in CIDR form, such as a rule's {@code CidrIp}/{@code CidrIpv6}, a prefix-list
 * entry, an ENI's delegated prefix, or a single address ({@code /32}, {@code /128}).
 *
 * <p>Like AWS, sgreach canonicalises a block: {@code 10.0.0.5/16} means {@code 10.0.0.0/16}. Parsing is strict:
 * no empty strings, no octal or short IPv4 forms, no masks, no segment ranges or wildcards ({@code 203.0.113.0-255/32},
 * {@code 10.0.*.0}: AWS writes neither). Values are immutable and compare by family,
 * network and length.
 */
public final class Cidr implements Comparable<Cidr> {
  private static final IPAddressStringParameters STRICT = new IPAddressStringParameters.Builder()
      .allowEmpty(false)
      .allowSingleSegment(false)
      .allowWildcardedSeparator(false)
      .allowMask(false)
      .allowPrefixOnly(false)
      .allowAll(false)
      .setEmptyAsLoopback(false)
      .getIPv4AddressParametersBuilder()
      .allow_inet_aton(false)
      .allowLeadingZeros(false)
      .allowPrefixesBeyondAddressSize(false)
      .allowWildcardedSeparator(false)
      .setRangeOptions(RangeParameters.NO_RANGE)
      .getParentBuilder()
      .getIPv6AddressParametersBuilder()
      .allowPrefixesBeyondAddressSize(false)
      .allowWildcardedSeparator(false)
      .setRangeOptions(RangeParameters.NO_RANGE)
      .getParentBuilder()
      .toParams();

  private final int family;
  private final long hi;
  private final long lo;
  private final int length;

  private Cidr(int family, long hi, long lo, int length) {
    this.family = family;
    this.length = length;
    // zero the host bits
    if (family == 4) {
      long mask = length == 0 ? 0 : (0xFFFFFFFFL << (32 - length)) & 0xFFFFFFFFL;
      this.hi = 0;
      this.lo = lo & mask;
    } else {
      this.hi = length >= 64 ? hi : (length == 0 ? 0 : hi & (-1L << (64 - length)));
      this.lo = length <= 64 ? 0 : (length == 128 ? lo : lo & (-1L << (128 - length)));
    }
  }

  /**
   * Parses a block ({@code 10.0.0.0/8}, {@code 2600:1f18::/56}) or a single address ({@code 10.0.0.5},
   * {@code 2600:1f18::5}); host bits are cleared ({@code 10.0.0.5/16} is {@code 10.0.0.0/16}).
   *
   * @throws IllegalArgumentException naming the text and why it is not an address block
   */
  public static Cidr parse(String text) {
    if (text == null) {
      throw new IllegalArgumentException("address is missing");
    }
    String t = text.trim();
    if (t.isEmpty()) {
      throw new IllegalArgumentException("address '' is empty");
    }
    Cidr plain = t.indexOf(':') < 0 ? plainIpv4(t) : plainIpv6(t);
    return plain != null ? plain : strict(text, t);
  }

  /** The strict parser (IPAddress with {@link #STRICT}) for the trimmed text {@code t}; {@code text} for messages. */
  static Cidr strict(String text, String t) {
    IPAddress address;
    try {
      address = new IPAddressString(t, STRICT).toAddress();
    } catch (AddressStringException | RuntimeException e) {
      throw new IllegalArgumentException(Echo.quote(text) + " is not an IPv4 or IPv6 address or CIDR block"
          + (e.getMessage() == null ? "" : ": " + e.getMessage()));
    }
    if (address == null || address.isMultiple() && !address.isPrefixed()) {
      throw new IllegalArgumentException(Echo.quote(text) + " is not an IPv4 or IPv6 address or CIDR block");
    }
    if (address.isIPv6() && address.toIPv6().hasZone()) {
      throw new IllegalArgumentException(Echo.quote(text) + " has an IPv6 zone, which AWS addresses never carry");
    }
    boolean v4 = address.isIPv4();
    Integer prefix = address.getNetworkPrefixLength();
    int length = prefix == null ? (v4 ? 32 : 128) : prefix;
    BigInteger value = address.getLower().withoutPrefixLength().getValue();
    if (v4) {
      return new Cidr(4, 0, value.longValue() & 0xFFFFFFFFL, length);
    }
    return new Cidr(6, value.shiftRight(64).longValue(), value.longValue(), length);
  }

  /**
   * The common case read fast: {@code a.b.c.d} or {@code a.b.c.d/n}, each part a decimal 0..255 without leading
   * zeros and {@code n} 0..32 without leading zeros (the form AWS writes). Null for anything else, which the strict
   * parser then decides, so this accepts nothing that parser would refuse or read differently.
   */
  static Cidr plainIpv4(String t) {
    int n = t.length();
    if (n < 7 || n > 18) {
      return null;
    }
    long value = 0;
    int i = 0;
    for (int part = 0; part < 4; part++) {
      long read = decimal(t, i, 3, 255);
      if (read < 0) {
        return null;
      }
      value = value << 8 | (read & 0xFFFF);
      i = (int) (read >>> 16);
      if (part < 3) {
        if (i >= n || t.charAt(i) != '.') {
          return null;
        }
        i++;
      }
    }
    int length = 32;
    if (i < n) {
      long read = t.charAt(i) == '/' ? decimal(t, i + 1, 2, 32) : -1;
      if (read < 0 || (int) (read >>> 16) != n) {
        return null;
      }
      length = (int) (read & 0xFFFF);
    }
    return new Cidr(4, 0, value, length);
  }

  /**
   * The common IPv6 forms read fast: eight groups of 1..4 hex digits (either case), or fewer around one
   * {@code ::}, optionally {@code /n} with {@code n} 0..128 without leading zeros. Null for anything else (an
   * embedded IPv4 part, a zone, a stray character), which the strict parser then decides; like
   * {@link #plainIpv4}, it accepts nothing that parser would refuse or read differently.
   */
  static Cidr plainIpv6(String t) {
    int n = t.length();
    int slash = t.indexOf('/');
    int end = slash < 0 ? n : slash;
    if (end < 2 || n > 43) {
      return null;
    }
    long[] groups = new long[8];
    int count = 0;
    int gap = -1;
    int i = 0;
    if (t.charAt(0) == ':') {
      if (t.charAt(1) != ':') {
        return null;
      }
      gap = 0;
      i = 2;
    }
    while (i < end) {
      int start = i;
      long v = 0;
      while (i < end && i - start < 5) {
        int d = Character.digit(t.charAt(i), 16);
        if (d < 0) {
          break;
        }
        v = v << 4 | d;
        i++;
      }
      int digits = i - start;
      if (digits == 0 || digits > 4 || count == 8) {
        return null;
      }
      groups[count++] = v;
      if (i == end) {
        break;
      }
      if (t.charAt(i) != ':') {
        return null;
      }
      i++;
      if (i < end && t.charAt(i) == ':') {
        if (gap >= 0) {
          return null;
        }
        gap = count;
        i++;
      } else if (i == end) {
        return null;
      }
    }
    if (gap < 0 ? count != 8 : count > 7) {
      return null;
    }
    long hi = 0;
    long lo = 0;
    int filled = gap < 0 ? 8 : count;
    for (int g = 0; g < 8; g++) {
      long v;
      if (gap < 0 || g < gap) {
        v = groups[g];
      } else if (g < gap + 8 - filled) {
        v = 0;
      } else {
        v = groups[g - (8 - filled)];
      }
      if (g < 4) {
        hi = hi << 16 | v;
      } else {
        lo = lo << 16 | v;
      }
    }
    int length = 128;
    if (slash >= 0) {
      long read = decimal(t, slash + 1, 3, 128);
      if (read < 0 || (int) (read >>> 16) != n) {
        return null;
      }
      length = (int) (read & 0xFFFF);
    }
    return new Cidr(6, hi, lo, length);
  }

  /**
   * The decimal number at {@code t[start..]}: at most {@code maxDigits} digits, no leading zero, at most {@code max};
   * returned as {@code end << 16 | value}, or -1 when there is none.
   */
  private static long decimal(String t, int start, int maxDigits, int max) {
    int i = start;
    int v = 0;
    while (i < t.length() && i - start < maxDigits + 1 && t.charAt(i) >= '0' && t.charAt(i) <= '9') {
      v = v * 10 + (t.charAt(i) - '0');
      i++;
    }
    int digits = i - start;
    if (digits == 0 || digits > maxDigits || v > max || digits > 1 && t.charAt(start) == '0') {
      return -1;
    }
    return (long) i << 16 | v;
  }

  /** Parses a single address; a block with a prefix length shorter than the full address is refused. */
  public static Cidr parseAddress(String text) {
    Cidr c = parse(text);
    if (!c.isSingleAddress() && text.contains("/")) {
      throw new IllegalArgumentException(Echo.quote(text) + " is a block, not a single address");
    }
    return c;
  }

  /** 4 for IPv4, 6 for IPv6. */
  public int family() {
    return family;
  }

  /** True for an IPv4 block. */
  public boolean isIpv4() {
    return family == 4;
  }

  /** True for an IPv6 block. */
  public boolean isIpv6() {
    return family == 6;
  }

  /** The prefix length: 0..32 for IPv4, 0..128 for IPv6. */
  public int length() {
    return length;
  }

  /** True for a /32 (IPv4) or /128 (IPv6): one address. */
  public boolean isSingleAddress() {
    return length == (family == 4 ? 32 : 128);
  }

  /** True for {@code 0.0.0.0/0} or {@code ::/0}. */
  public boolean isAnywhere() {
    return length == 0;
  }

  /** The high 64 bits of the network address (0 for IPv4). */
  public long high() {
    return hi;
  }

  /** The low 64 bits of the network address (the 32-bit address for IPv4). */
  public long low() {
    return lo;
  }

  /** True when {@code other} lies wholly inside this block (same family). */
  public boolean contains(Cidr other) {
    if (other.family != family || other.length < length) {
      return false;
    }
    if (family == 4) {
      long mask = length == 0 ? 0 : (0xFFFFFFFFL << (32 - length)) & 0xFFFFFFFFL;
      return (other.lo & mask) == lo;
    }
    if (length <= 64) {
      long mask = length == 0 ? 0 : -1L << (64 - length);
      return (other.hi & mask) == hi;
    }
    long mask = length == 128 ? -1L : -1L << (128 - length);
    return other.hi == hi && (other.lo & mask) == lo;
  }

  /** True when the two blocks share at least one address. */
  public boolean overlaps(Cidr other) {
    if (other.family != family) {
      return false;
    }
    // prefix blocks overlap exactly when they agree on the bits of the shorter prefix
    int len = Math.min(length, other.length);
    if (family == 4) {
      long mask = len == 0 ? 0 : (0xFFFFFFFFL << (32 - len)) & 0xFFFFFFFFL;
      return ((lo ^ other.lo) & mask) == 0;
    }
    if (len <= 64) {
      long mask = len == 0 ? 0 : -1L << (64 - len);
      return ((hi ^ other.hi) & mask) == 0;
    }
    long mask = len == 128 ? -1L : -1L << (128 - len);
    return hi == other.hi && ((lo ^ other.lo) & mask) == 0;
  }

  /**
   * The block of this prefix length that holds this block's network address: {@code 10.1.2.0/24} at length 16 is
   * {@code 10.1.0.0/16}. A length longer than this block's gives the block's first sub-block of that length.
   *
   * @throws IllegalArgumentException for a length outside 0..32 (IPv4) or 0..128 (IPv6)
   */
  public Cidr prefix(int newLength) {
    if (newLength < 0 || newLength > (family == 4 ? 32 : 128)) {
      throw new IllegalArgumentException("prefix length " + newLength + " is not valid for IPv" + family);
    }
    return new Cidr(family, hi, lo, newLength);
  }

  /** This block as a single address with the full prefix length (its network address). */
  public Cidr networkAddress() {
    return new Cidr(family, hi, lo, family == 4 ? 32 : 128);
  }

  /** The same block written as {@code 10.0.0.0/8}; single addresses keep their {@code /32} or {@code /128}. */
  public String toCidrString() {
    return addressString() + "/" + length;
  }

  /** The network address alone, e.g. {@code 10.0.0.0} or {@code 2600:1f18::}. */
  public String addressString() {
    if (family == 4) {
      return ((lo >>> 24) & 0xFF) + "." + ((lo >>> 16) & 0xFF) + "." + ((lo >>> 8) & 0xFF) + "." + (lo & 0xFF);
    }
    return ipv6Text(hi, lo);
  }

  /**
   * An IPv6 address in the compressed form of RFC 5952: lowercase hexadecimal groups without leading zeros, the
   * longest run of two or more zero groups (the first of equally long ones) written {@code ::}; no mixed IPv4 tail.
   * Written here rather than through the parsing library: proofs print many addresses.
   */
  static String ipv6Text(long hi, long lo) {
    int bestAt = -1;
    int bestLength = 1; // a single zero group is written 0, never ::
    for (int i = 0, run = 0; i < 8; i++) {
      run = group(hi, lo, i) == 0 ? run + 1 : 0;
      if (run > bestLength) {
        bestLength = run;
        bestAt = i - run + 1;
      }
    }
    StringBuilder b = new StringBuilder(39);
    for (int i = 0; i < 8; i++) {
      if (i == bestAt) {
        b.append("::");
        i += bestLength - 1;
        continue;
      }
      if (i > 0 && i != bestAt + bestLength) {
        b.append(':');
      }
      b.append(Integer.toHexString(group(hi, lo, i)));
    }
    return b.toString();
  }

  private static int group(long hi, long lo, int i) {
    return (int) ((i < 4 ? hi >>> (48 - 16 * i) : lo >>> (48 - 16 * (i - 4))) & 0xFFFF);
  }

  /** A single address prints bare ({@code 10.0.0.5}), a block with its length ({@code 10.0.0.0/8}). */
  @Override
  public String toString() {
    return isSingleAddress() ? addressString() : toCidrString();
  }

  @Override
  public boolean equals(Object o) {
    // the same object first: an ENI's own address is usually compared with itself, and this reads neither
    return this == o
        || o instanceof Cidr c && c.family == family && c.hi == hi && c.lo == lo && c.length == length;
  }

  @Override
  public int hashCode() {
    // both words mixed (a sum like hi * 31 + lo lets IPv6 addresses of many /64s share one hash)
    long h = (hi * 0x9E3779B97F4A7C15L ^ lo) * 0xBF58476D1CE4E5B9L;
    return Long.hashCode(h ^ (h >>> 31)) * 31 + length * 7 + family;
  }

  @Override
  public int compareTo(Cidr o) {
    int c = Integer.compare(family, o.family);
    if (c == 0) {
      c = Long.compareUnsigned(hi, o.hi);
    }
    if (c == 0) {
      c = Long.compareUnsigned(lo, o.lo);
    }
    if (c == 0) {
      c = Integer.compare(length, o.length);
    }
    return c;
  }
}
