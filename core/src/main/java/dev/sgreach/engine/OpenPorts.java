package dev.sgreach.engine;

import com.google.common.collect.DiscreteDomain;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableRangeSet;
import com.google.common.collect.Range;
import com.google.common.collect.RangeSet;
import dev.sgreach.model.Protocol;
import dev.sgreach.model.Traffic;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Exactly which traffic gets through between two members, per protocol: TCP and UDP as port ranges, ICMP and ICMPv6
 * as ranges of {@code type * 256 + code} keys, and every other IP protocol as a set of protocol numbers.
 *
 * <p>Sets are canonical ({@code [0..79]} and {@code [80..443]} read as {@code [0..443]}) and use closed-open ranges
 * internally; {@link #toString()} prints them as people write ports. Traffic in an {@code unknown} set depends on data
 * the snapshot lacks.
 */
public final class OpenPorts {
  private static final List<Protocol> KEYED = List.of(Protocol.TCP, Protocol.UDP, Protocol.ICMP, Protocol.ICMPV6);

  private final ImmutableMap<Protocol, ImmutableRangeSet<Integer>> allowed;
  private final ImmutableMap<Protocol, ImmutableRangeSet<Integer>> unknown;
  private final ImmutableRangeSet<Integer> allowedProtocols;
  private final ImmutableRangeSet<Integer> unknownProtocols;

  OpenPorts(Map<Protocol, ? extends RangeSet<Integer>> allowed, Map<Protocol, ? extends RangeSet<Integer>> unknown,
      RangeSet<Integer> allowedProtocols, RangeSet<Integer> unknownProtocols) {
    ImmutableMap.Builder<Protocol, ImmutableRangeSet<Integer>> a = ImmutableMap.builder();
    ImmutableMap.Builder<Protocol, ImmutableRangeSet<Integer>> u = ImmutableMap.builder();
    for (Protocol p : KEYED) {
      a.put(p, canonical(allowed.get(p)));
      u.put(p, canonical(unknown.get(p)));
    }
    this.allowed = a.build();
    this.unknown = u.build();
    this.allowedProtocols = canonical(allowedProtocols);
    this.unknownProtocols = canonical(unknownProtocols);
  }

  private static ImmutableRangeSet<Integer> canonical(RangeSet<Integer> set) {
    if (set == null) {
      return ImmutableRangeSet.of();
    }
    List<Range<Integer>> ranges = new ArrayList<>();
    for (Range<Integer> r : set.asRanges()) {
      ranges.add(r.canonical(DiscreteDomain.integers()));
    }
    return ImmutableRangeSet.unionOf(ranges);
  }

  /**
   * The allowed keys of TCP, UDP (ports), ICMP or ICMPv6 ({@code type * 256 + code}).
   *
   * @throws IllegalArgumentException for other protocols: use {@link #allowedProtocols()}
   */
  public ImmutableRangeSet<Integer> allowed(Protocol protocol) {
    ImmutableRangeSet<Integer> s = allowed.get(protocol);
    if (s == null) {
      throw new IllegalArgumentException(
          "open ports are kept for tcp, udp, icmp and icmpv6; for " + protocol + " use allowedProtocols()");
    }
    return s;
  }

  /** The keys whose verdict is unknown, for TCP, UDP, ICMP or ICMPv6. */
  public ImmutableRangeSet<Integer> unknown(Protocol protocol) {
    ImmutableRangeSet<Integer> s = unknown.get(protocol);
    if (s == null) {
      throw new IllegalArgumentException(
          "open ports are kept for tcp, udp, icmp and icmpv6; for " + protocol + " use unknownProtocols()");
    }
    return s;
  }

  /** Allowed TCP ports. */
  public ImmutableRangeSet<Integer> tcp() {
    return allowed.get(Protocol.TCP);
  }

  /** Allowed UDP ports. */
  public ImmutableRangeSet<Integer> udp() {
    return allowed.get(Protocol.UDP);
  }

  /** The other IP protocols (not 1, 6, 17, 58) that are allowed, as protocol numbers. */
  public ImmutableRangeSet<Integer> allowedProtocols() {
    return allowedProtocols;
  }

  /** The other IP protocols whose verdict is unknown. */
  public ImmutableRangeSet<Integer> unknownProtocols() {
    return unknownProtocols;
  }

  /** The verdict these sets give for one flow. */
  public Outcome outcomeOf(Traffic traffic) {
    Protocol p = traffic.protocol();
    RangeSet<Integer> a = allowed.get(p);
    RangeSet<Integer> u = unknown.get(p);
    int key = a == null ? p.number() : traffic.key();
    if (a == null) {
      a = allowedProtocols;
      u = unknownProtocols;
    }
    return a.contains(key) ? Outcome.ALLOWED : u.contains(key) ? Outcome.UNKNOWN : Outcome.DENIED;
  }

  /** True when nothing at all is allowed. */
  public boolean isEmpty() {
    return allowed.values().stream().allMatch(RangeSet::isEmpty) && allowedProtocols.isEmpty();
  }

  /** True when something's verdict is unknown. */
  public boolean hasUnknown() {
    return unknown.values().stream().anyMatch(s -> !s.isEmpty()) || !unknownProtocols.isEmpty();
  }

  /**
   * One line per protocol with something allowed, e.g. {@code tcp 22, 443, 1025-65535} or
   * {@code icmp 3/4, 8/any}; then {@code unknown ...} lines; {@code nothing} when empty.
   */
  @Override
  public String toString() {
    StringBuilder b = new StringBuilder();
    for (Protocol p : KEYED) {
      line(b, p.awsName(), allowed.get(p), p);
    }
    line(b, "protocols", allowedProtocols, null);
    for (Protocol p : KEYED) {
      line(b, "unknown " + p.awsName(), unknown.get(p), p);
    }
    line(b, "unknown protocols", unknownProtocols, null);
    return b.length() == 0 ? "nothing" : b.toString().stripTrailing();
  }

  private static void line(StringBuilder b, String head, RangeSet<Integer> set, Protocol p) {
    if (set.isEmpty()) {
      return;
    }
    b.append(head).append(' ').append(format(set, p)).append('\n');
  }

  /** Formats a key set: ports as {@code 22, 80-90}, ICMP keys as {@code type/code}, protocol numbers plainly. */
  static String format(RangeSet<Integer> set, Protocol p) {
    List<String> parts = new ArrayList<>();
    for (Range<Integer> r : set.asRanges()) {
      int lo = r.lowerEndpoint();
      int hi = r.upperEndpoint() - 1; // canonical closed-open
      if (p != null && p.isIcmp()) {
        parts.add(icmpRange(lo, hi));
      } else if (p != null && lo == 0 && hi == 65535) {
        parts.add("all");
      } else {
        parts.add(lo == hi ? Integer.toString(lo) : lo + "-" + hi);
      }
    }
    return String.join(", ", parts);
  }

  private static String icmpRange(int lo, int hi) {
    if (lo == 0 && hi == 65535) {
      return "all";
    }
    if (lo % 256 == 0 && hi % 256 == 255) {
      int t0 = lo / 256;
      int t1 = hi / 256;
      return t0 == t1 ? t0 + "/any" : t0 + "-" + t1 + "/any";
    }
    if (lo == hi) {
      return lo / 256 + "/" + lo % 256;
    }
    return lo / 256 + "/" + lo % 256 + "-" + hi / 256 + "/" + hi % 256;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof OpenPorts p && p.allowed.equals(allowed) && p.unknown.equals(unknown)
        && p.allowedProtocols.equals(allowedProtocols) && p.unknownProtocols.equals(unknownProtocols);
  }

  @Override
  public int hashCode() {
    return allowed.hashCode() * 31 + allowedProtocols.hashCode();
  }
}
