package dev.sgreach.engine;

import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableRangeSet;
import com.google.common.collect.Range;
import com.google.common.collect.RangeSet;
import com.google.common.collect.TreeRangeSet;
import dev.sgreach.model.Protocol;
import dev.sgreach.model.Traffic;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Exactly which traffic gets through between two members, per protocol: TCP and UDP as port ranges, ICMP and ICMPv6
 * as ranges of {@code type * 256 + code} keys, and every other IP protocol as a set of protocol numbers.
 *
 * <p>Sets are canonical ({@code [0..79]} and {@code [80..443]} read as {@code [0..443]}) and use closed-open ranges
 * internally; {@link #toString()} prints them as people write ports. Traffic in an {@code unknown} set depends on data
 * the snapshot lacks; a key is never both allowed and unknown.
 */
public final class OpenPorts {
  private final ImmutableMap<Protocol, ImmutableRangeSet<Integer>> allowed;
  private final ImmutableMap<Protocol, ImmutableRangeSet<Integer>> unknown;
  private final ImmutableRangeSet<Integer> allowedProtocols;
  private final ImmutableRangeSet<Integer> unknownProtocols;

  private OpenPorts(ImmutableMap<Protocol, ImmutableRangeSet<Integer>> allowed,
      ImmutableMap<Protocol, ImmutableRangeSet<Integer>> unknown, ImmutableRangeSet<Integer> allowedProtocols,
      ImmutableRangeSet<Integer> unknownProtocols) {
    this.allowed = allowed;
    this.unknown = unknown;
    this.allowedProtocols = allowedProtocols;
    this.unknownProtocols = unknownProtocols;
  }

  /**
   * From the engine's key sets, one per key space ({@link Protocol#KEYED} in order, then other protocol numbers):
   * unknown keys that are also allowed count as allowed, and the keyed protocols' numbers leave the other-protocols
   * space.
   */
  static OpenPorts of(Spans[] allowed, Spans[] unknown) {
    ImmutableMap.Builder<Protocol, ImmutableRangeSet<Integer>> a = ImmutableMap.builder();
    ImmutableMap.Builder<Protocol, ImmutableRangeSet<Integer>> u = ImmutableMap.builder();
    for (int s = 0; s <= KeySets.OTHER_PROTOCOLS; s++) {
      unknown[s].removeAll(allowed[s]);
    }
    for (Protocol p : Protocol.KEYED) {
      int s = KeySets.space(p);
      a.put(p, allowed[s].toRangeSet());
      u.put(p, unknown[s].toRangeSet());
      allowed[KeySets.OTHER_PROTOCOLS].remove(p.number(), p.number());
      unknown[KeySets.OTHER_PROTOCOLS].remove(p.number(), p.number());
    }
    return new OpenPorts(a.build(), u.build(), allowed[KeySets.OTHER_PROTOCOLS].toRangeSet(),
        unknown[KeySets.OTHER_PROTOCOLS].toRangeSet());
  }

  /** Key by key the Kleene OR: allowed where either allows, else unknown where either is unknown. */
  static OpenPorts or(OpenPorts a, OpenPorts b) {
    return combine(a, b, false);
  }

  /**
   * Key by key the value both give, else unknown: for a flow that is one of two and the snapshot cannot tell which.
   */
  static OpenPorts agreed(OpenPorts a, OpenPorts b) {
    return combine(a, b, true);
  }

  private static OpenPorts combine(OpenPorts a, OpenPorts b, boolean agreed) {
    ImmutableMap.Builder<Protocol, ImmutableRangeSet<Integer>> al = ImmutableMap.builder();
    ImmutableMap.Builder<Protocol, ImmutableRangeSet<Integer>> un = ImmutableMap.builder();
    for (Protocol p : Protocol.KEYED) {
      ImmutableRangeSet<Integer>[] c = combine(a.allowed.get(p), a.unknown.get(p), b.allowed.get(p),
          b.unknown.get(p), agreed);
      al.put(p, c[0]);
      un.put(p, c[1]);
    }
    ImmutableRangeSet<Integer>[] o = combine(a.allowedProtocols, a.unknownProtocols, b.allowedProtocols,
        b.unknownProtocols, agreed);
    return new OpenPorts(al.build(), un.build(), o[0], o[1]);
  }

  @SuppressWarnings("unchecked")
  private static ImmutableRangeSet<Integer>[] combine(RangeSet<Integer> aAllowed, RangeSet<Integer> aUnknown,
      RangeSet<Integer> bAllowed, RangeSet<Integer> bUnknown, boolean agreed) {
    RangeSet<Integer> allowed = TreeRangeSet.create(aAllowed);
    RangeSet<Integer> unknown = TreeRangeSet.create(aUnknown);
    unknown.addAll(bUnknown);
    if (agreed) {
      unknown.addAll(aAllowed);
      unknown.addAll(bAllowed);
      allowed.removeAll(TreeRangeSet.create(bAllowed).complement());
    } else {
      allowed.addAll(bAllowed);
    }
    unknown.removeAll(allowed);
    return new ImmutableRangeSet[] {ImmutableRangeSet.copyOf(allowed), ImmutableRangeSet.copyOf(unknown)};
  }

  /** Every key that travels over IPv4 unknown, nothing allowed: a flow whose sender cannot be judged. */
  static OpenPorts unknownOverIpv4() {
    Spans[] allowed = FlowJudge.spans();
    Spans[] unknown = FlowJudge.spans();
    for (int space = 0; space < KeySets.SPACES; space++) {
      if (space == KeySets.OTHER_PROTOCOLS || FlowJudge.carries(space, 4)) {
        unknown[space].add(0, KeySets.top(space));
      }
    }
    return of(allowed, unknown);
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
   * These sets without the given traffic (each flow's one key taken out of its protocol's allowed and unknown sets):
   * what is open beyond what a test expects.
   */
  public OpenPorts without(Collection<Traffic> traffic) {
    ImmutableMap.Builder<Protocol, ImmutableRangeSet<Integer>> a = ImmutableMap.builder();
    ImmutableMap.Builder<Protocol, ImmutableRangeSet<Integer>> u = ImmutableMap.builder();
    for (Protocol p : Protocol.KEYED) {
      a.put(p, minus(allowed.get(p), traffic, p));
      u.put(p, minus(unknown.get(p), traffic, p));
    }
    return new OpenPorts(a.build(), u.build(), minus(allowedProtocols, traffic, null),
        minus(unknownProtocols, traffic, null));
  }

  /** The keys of {@code set} (of keyed protocol {@code p}, or other protocols' numbers when null) minus the flows'. */
  private static ImmutableRangeSet<Integer> minus(ImmutableRangeSet<Integer> set, Collection<Traffic> traffic,
      Protocol p) {
    RangeSet<Integer> rest = TreeRangeSet.create(set);
    for (Traffic t : traffic) {
      if (p == null && !t.protocol().isKeyed()) {
        rest.remove(Range.closedOpen(t.protocol().number(), t.protocol().number() + 1));
      } else if (t.protocol().equals(p)) {
        rest.remove(Range.closedOpen(t.key(), t.key() + 1));
      }
    }
    return ImmutableRangeSet.copyOf(rest);
  }

  /**
   * The first allowed flow, in {@link Protocol#KEYED} order then by protocol number: a flow to ask for the proof of
   * what is open.
   */
  public Optional<Traffic> firstAllowed() {
    for (Protocol p : Protocol.KEYED) {
      ImmutableRangeSet<Integer> s = allowed.get(p);
      if (!s.isEmpty()) {
        return Optional.of(Traffic.of(p, s.asRanges().iterator().next().lowerEndpoint()));
      }
    }
    return allowedProtocols.isEmpty() ? Optional.empty()
        : Optional.of(Traffic.protocol(allowedProtocols.asRanges().iterator().next().lowerEndpoint()));
  }

  /**
   * One line per protocol with something allowed, e.g. {@code tcp 22, 443, 1025-65535} or
   * {@code icmp 3/4, 8/any}; then {@code unknown ...} lines; {@code nothing} when empty.
   */
  @Override
  public String toString() {
    StringBuilder b = new StringBuilder();
    for (Protocol p : Protocol.KEYED) {
      line(b, p.awsName(), allowed.get(p), p);
    }
    line(b, "protocols", allowedProtocols, null);
    for (Protocol p : Protocol.KEYED) {
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

  /**
   * Formats a key set as {@link Protocol#keyRange} prints each range ({@code 22, 80-90}, {@code 3/4, 8/any}); for
   * other protocols ({@code p} null) the protocol numbers plainly.
   */
  static String format(RangeSet<Integer> set, Protocol p) {
    List<String> parts = new ArrayList<>();
    for (Range<Integer> r : set.asRanges()) {
      int lo = r.lowerEndpoint();
      int hi = r.upperEndpoint() - 1; // canonical closed-open
      parts.add(p != null ? p.keyRange(lo, hi) : lo == hi ? Integer.toString(lo) : lo + "-" + hi);
    }
    return String.join(", ", parts);
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
