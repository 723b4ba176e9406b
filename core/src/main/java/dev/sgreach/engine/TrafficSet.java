package dev.sgreach.engine;

import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableRangeSet;
import com.google.common.collect.Range;
import com.google.common.collect.RangeSet;
import com.google.common.collect.TreeRangeSet;
import dev.sgreach.model.Protocol;
import dev.sgreach.model.Traffic;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A set of traffic as security groups see it: per protocol with keys (TCP and UDP ports, ICMP and ICMPv6
 * {@code type * 256 + code}) a set of keys, and every other IP protocol as a set of protocol numbers. What a
 * {@link FlowChange} opened, closed or left unknown.
 *
 * <p>Immutable; sets are canonical closed-open ranges, printed as people write ports ({@code tcp 22, 80-90}).
 */
public final class TrafficSet {
  private static final TrafficSet EMPTY = new TrafficSet(empties(), ImmutableRangeSet.of());

  private final ImmutableMap<Protocol, ImmutableRangeSet<Integer>> keyed;
  private final ImmutableRangeSet<Integer> protocols;

  private TrafficSet(ImmutableMap<Protocol, ImmutableRangeSet<Integer>> keyed, ImmutableRangeSet<Integer> protocols) {
    this.keyed = keyed;
    this.protocols = protocols;
  }

  /** No traffic at all. */
  public static TrafficSet empty() {
    return EMPTY;
  }

  /** From key sets per keyed protocol (missing protocols empty) and other protocols' numbers. */
  static TrafficSet of(java.util.Map<Protocol, ? extends RangeSet<Integer>> keys, RangeSet<Integer> others) {
    ImmutableMap.Builder<Protocol, ImmutableRangeSet<Integer>> b = ImmutableMap.builder();
    for (Protocol p : Protocol.KEYED) {
      RangeSet<Integer> s = keys.get(p);
      b.put(p, s == null ? ImmutableRangeSet.of() : ImmutableRangeSet.copyOf(s));
    }
    return new TrafficSet(b.build(), ImmutableRangeSet.copyOf(others));
  }

  private static ImmutableMap<Protocol, ImmutableRangeSet<Integer>> empties() {
    ImmutableMap.Builder<Protocol, ImmutableRangeSet<Integer>> b = ImmutableMap.builder();
    for (Protocol p : Protocol.KEYED) {
      b.put(p, ImmutableRangeSet.of());
    }
    return b.build();
  }

  /**
   * The keys of TCP, UDP (ports), ICMP or ICMPv6 ({@code type * 256 + code}) in the set.
   *
   * @throws IllegalArgumentException for other protocols: use {@link #protocols()}
   */
  public ImmutableRangeSet<Integer> keys(Protocol protocol) {
    ImmutableRangeSet<Integer> s = keyed.get(protocol);
    if (s == null) {
      throw new IllegalArgumentException("keys are kept for tcp, udp, icmp and icmpv6; for " + protocol
          + " use protocols()");
    }
    return s;
  }

  /** The other IP protocols (not 1, 6, 17, 58) in the set, as protocol numbers. */
  public ImmutableRangeSet<Integer> protocols() {
    return protocols;
  }

  /** True when the set holds this one flow. */
  public boolean contains(Traffic traffic) {
    Protocol p = traffic.protocol();
    RangeSet<Integer> s = keyed.get(p);
    return s == null ? protocols.contains(p.number()) : s.contains(traffic.key());
  }

  /** True when a rule with these ports admits some traffic of the set. */
  public boolean meets(dev.sgreach.model.Ports ports) {
    Protocol p = ports.protocol();
    if (p.isAll()) {
      return !isEmpty();
    }
    ImmutableRangeSet<Integer> s = keyed.get(p);
    if (s == null) {
      return protocols.contains(p.number());
    }
    Range<Integer> k = ports.keys();
    return s.intersects(Range.closedOpen(k.lowerEndpoint(), k.upperEndpoint() + 1));
  }

  /** True when the set holds nothing. */
  public boolean isEmpty() {
    return keyed.values().stream().allMatch(RangeSet::isEmpty) && protocols.isEmpty();
  }

  /** The union of two sets. */
  public TrafficSet union(TrafficSet other) {
    ImmutableMap.Builder<Protocol, ImmutableRangeSet<Integer>> b = ImmutableMap.builder();
    for (Protocol p : Protocol.KEYED) {
      b.put(p, keyed.get(p).union(other.keyed.get(p)));
    }
    return new TrafficSet(b.build(), protocols.union(other.protocols));
  }

  /** This set without the traffic of another. */
  public TrafficSet minus(TrafficSet other) {
    ImmutableMap.Builder<Protocol, ImmutableRangeSet<Integer>> b = ImmutableMap.builder();
    for (Protocol p : Protocol.KEYED) {
      b.put(p, keyed.get(p).difference(other.keyed.get(p)));
    }
    return new TrafficSet(b.build(), protocols.difference(other.protocols));
  }

  /** This set with these flows taken out (each flow's one key). */
  public TrafficSet without(java.util.Collection<Traffic> traffic) {
    java.util.Map<Protocol, RangeSet<Integer>> keys = new java.util.HashMap<>();
    for (Protocol p : Protocol.KEYED) {
      keys.put(p, TreeRangeSet.create(keyed.get(p)));
    }
    RangeSet<Integer> others = TreeRangeSet.create(protocols);
    for (Traffic t : traffic) {
      RangeSet<Integer> s = keys.get(t.protocol());
      if (s != null) {
        s.remove(Range.closedOpen(t.key(), t.key() + 1));
      } else {
        others.remove(Range.closedOpen(t.protocol().number(), t.protocol().number() + 1));
      }
    }
    return of(keys, others);
  }

  /** The first flow of the set (in {@link Protocol#KEYED} order, then by protocol number), to ask for its proof. */
  public Optional<Traffic> first() {
    for (Protocol p : Protocol.KEYED) {
      ImmutableRangeSet<Integer> s = keyed.get(p);
      if (!s.isEmpty()) {
        return Optional.of(Traffic.of(p, s.asRanges().iterator().next().lowerEndpoint()));
      }
    }
    return protocols.isEmpty() ? Optional.empty()
        : Optional.of(Traffic.protocol(protocols.asRanges().iterator().next().lowerEndpoint()));
  }

  /** One part per protocol, e.g. {@code tcp 22, 443} and {@code icmp 8/any}; empty for the empty set. */
  public List<String> parts() {
    List<String> out = new ArrayList<>();
    for (Protocol p : Protocol.KEYED) {
      if (!keyed.get(p).isEmpty()) {
        out.add(p.awsName() + " " + OpenPorts.format(keyed.get(p), p));
      }
    }
    if (!protocols.isEmpty()) {
      out.add("protocols " + OpenPorts.format(protocols, null));
    }
    return out;
  }

  /** {@code tcp 22, 443; udp 53}, or {@code nothing}. */
  @Override
  public String toString() {
    List<String> parts = parts();
    return parts.isEmpty() ? "nothing" : String.join("; ", parts);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TrafficSet t && t.keyed.equals(keyed) && t.protocols.equals(protocols);
  }

  @Override
  public int hashCode() {
    return keyed.hashCode() * 31 + protocols.hashCode();
  }
}
