package dev.sgreach.engine;

import dev.sgreach.model.Cidr;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Rules of one direction arranged so that a flow finds the rules admitting its protocol and key without scanning the
 * others: all-protocol rules in one list, and per protocol bucket a sorted table of key segments, each segment
 * holding exactly the rules that cover it (keys for TCP, UDP, ICMP and ICMPv6, protocol numbers for the rest).
 * Whether a rule admits a key is {@link CompiledRule#admits}; this is an index over that answer.
 */
final class RuleTable {
  private static final CompiledRule[] NONE = new CompiledRule[0];
  private static final int BUCKETS = 6;
  /** The bucket of protocols other than TCP, UDP, ICMP and ICMPv6, keyed by protocol number. */
  private static final int OTHER = 5;

  /** The rules of protocol {@code -1}: they admit every flow's protocol and key. */
  final CompiledRule[] allProtocols;
  /** The {@link Sieve} of {@link #allProtocols}: three longs, kept in the object itself. */
  private final long allRefs;
  private final long allRange;
  private final long allFlags;
  /** Per segment (at the positions of {@link #starts}), its {@link Sieve}: three longs each. */
  private final long[] sieves;
  /** Per bucket, its rules in rule order. */
  private final CompiledRule[][] byBucket = new CompiledRule[BUCKETS][];
  /**
   * Every bucket's segment starts in one array (bucket b's are {@code starts[from[b] .. from[b + 1] - 1]}), and the
   * rules covering each segment at the same positions: one array to search, one to read, for any flow.
   */
  private final int[] starts;
  private final CompiledRule[][] covering;
  private final int[] from = new int[BUCKETS + 1];

  RuleTable(CompiledRule[] rules) {
    List<CompiledRule> all = new ArrayList<>();
    List<List<CompiledRule>> byBucket = new ArrayList<>();
    for (int b = 0; b < BUCKETS; b++) {
      byBucket.add(new ArrayList<>());
    }
    for (CompiledRule r : rules) {
      int b = bucket(r.protocol);
      if (b == 0) {
        all.add(r);
      } else {
        byBucket.get(b).add(r);
      }
    }
    allProtocols = all.toArray(NONE);
    List<int[]> st = new ArrayList<>();
    List<CompiledRule[][]> cov = new ArrayList<>();
    int total = 0;
    for (int b = 1; b < BUCKETS; b++) {
      this.byBucket[b] = byBucket.get(b).toArray(NONE);
      Object[] built = build(b, byBucket.get(b));
      st.add((int[]) built[0]);
      cov.add((CompiledRule[][]) built[1]);
      from[b] = total;
      total += ((int[]) built[0]).length;
    }
    from[BUCKETS] = total;
    starts = new int[total];
    covering = new CompiledRule[total][];
    for (int b = 1; b < BUCKETS; b++) {
      System.arraycopy(st.get(b - 1), 0, starts, from[b], st.get(b - 1).length);
      System.arraycopy(cov.get(b - 1), 0, covering, from[b], cov.get(b - 1).length);
    }
    long[] allSieve = Sieve.of(allProtocols);
    allRefs = allSieve[0];
    allRange = allSieve[1];
    allFlags = allSieve[2];
    sieves = new long[total * 3];
    java.util.Map<CompiledRule[], long[]> shared = new java.util.IdentityHashMap<>();
    for (int i = 0; i < total; i++) {
      long[] sieve = shared.computeIfAbsent(covering[i], Sieve::of);
      System.arraycopy(sieve, 0, sieves, i * 3, 3);
    }
  }

  /**
   * What a list of rules can match, summed up so that most flows they cannot admit are turned away without reading
   * a rule: the referenced groups (one bit per group number modulo 64), the span of their IPv4 CIDR blocks, and
   * whether they hold IPv6 CIDR blocks or prefix lists (not summed up: those rules must be read). A flow is turned
   * away only when no rule can match it: a reference matches only an ENI carrying the group, a CIDR only an address
   * it overlaps. It adds no decision of its own.
   */
  static final class Sieve {
    static final long IPV6 = 1;
    static final long PREFIX_LISTS = 2;

    private Sieve() {}

    static long[] of(CompiledRule[] rules) {
      long refs = 0;
      long low = 0xFFFFFFFFL;
      long high = 0;
      boolean anyV4 = false;
      long flags = 0;
      for (CompiledRule r : rules) {
        if (r.kind == CompiledRule.GROUP) {
          refs |= 1L << (r.referencedGroup & 63);
        } else if (r.kind == CompiledRule.CIDR && r.cidr.isIpv4()) {
          long start = r.cidr.low();
          long end = start + (1L << (32 - r.cidr.length())) - 1;
          low = Math.min(low, start);
          high = Math.max(high, end);
          anyV4 = true;
        } else if (r.kind == CompiledRule.CIDR) {
          flags |= IPV6;
        } else {
          flags |= PREFIX_LISTS;
        }
      }
      // the IPv4 span as first << 32 | last; an empty span as first > last
      long range = anyV4 ? low << 32 | high : 0xFFFFFFFFL << 32;
      return new long[] {refs, range, flags};
    }

    /** True when some rule the sieve sums up may match the other party: its groups' bits, or its address. */
    static boolean mayMatch(long refs, long range, long flags, long groupBits, Cidr other) {
      if ((flags & PREFIX_LISTS) != 0 || (refs & groupBits) != 0) {
        return true;
      }
      if (!other.isIpv4()) {
        return (flags & IPV6) != 0;
      }
      long start = other.low();
      long end = start + (1L << (32 - other.length())) - 1;
      return (range >>> 32) <= end && start <= (range & 0xFFFFFFFFL);
    }
  }

  /** True when some all-protocol rule may match the other party (see {@link Sieve}). */
  boolean allMayMatch(long groupBits, Cidr other) {
    return Sieve.mayMatch(allRefs, allRange, allFlags, groupBits, other);
  }

  /** True when some rule of segment {@code seg} may match the other party (see {@link Sieve}). */
  boolean mayMatch(int seg, long groupBits, Cidr other) {
    int at = seg * 3;
    return Sieve.mayMatch(sieves[at], sieves[at + 1], sieves[at + 2], groupBits, other);
  }

  /** The rules of a segment. */
  CompiledRule[] rules(int seg) {
    return covering[seg];
  }

  /** Buckets: 0 all protocols, 1 tcp, 2 udp, 3 icmp, 4 icmpv6, 5 any other protocol. */
  static int bucket(int protocol) {
    return switch (protocol) {
      case -1 -> 0;
      case 6 -> 1;
      case 17 -> 2;
      case 1 -> 3;
      case 58 -> 4;
      default -> OTHER;
    };
  }

  private static int low(int bucket, CompiledRule r) {
    return bucket == OTHER ? r.protocol : r.low;
  }

  private static int high(int bucket, CompiledRule r) {
    return bucket == OTHER ? r.protocol : r.high;
  }

  /** One bucket's segment starts and the rules covering each segment. */
  private static Object[] build(int b, List<CompiledRule> rules) {
    TreeSet<Integer> points = new TreeSet<>();
    for (CompiledRule r : rules) {
      points.add(low(b, r));
      points.add(high(b, r) + 1);
    }
    int[] st = points.stream().mapToInt(Integer::intValue).toArray();
    @SuppressWarnings("unchecked")
    List<CompiledRule>[] here = new List[st.length];
    for (CompiledRule r : rules) { // in rule order, so each segment lists its rules in rule order
      int from = java.util.Arrays.binarySearch(st, low(b, r));
      int to = java.util.Arrays.binarySearch(st, high(b, r) + 1);
      for (int i = from; i < to; i++) {
        if (here[i] == null) {
          here[i] = new ArrayList<>(2);
        }
        here[i].add(r);
      }
    }
    CompiledRule[][] cov = new CompiledRule[st.length][];
    CompiledRule[] previous = null;
    for (int i = 0; i < st.length; i++) {
      CompiledRule[] segment = here[i] == null ? NONE : here[i].toArray(NONE);
      // neighbouring segments covered by the same rules share one array
      cov[i] = previous != null && java.util.Arrays.equals(previous, segment) ? previous : segment;
      previous = cov[i];
    }
    return new Object[] {st, cov};
  }

  /** The rules of exactly this protocol (not -1), whatever keys they admit, in rule order. */
  CompiledRule[] ofProtocol(int protocol) {
    int b = bucket(protocol);
    if (b != OTHER) {
      return byBucket[b];
    }
    return java.util.Arrays.stream(byBucket[b]).filter(r -> r.protocol == protocol).toArray(CompiledRule[]::new);
  }

  /**
   * The segment holding a flow's protocol (not -1) and key: its rules are exactly those admitting it; -1 when no rule
   * of the protocol admits the key.
   */
  int segment(int protocol, int key) {
    int b = bucket(protocol);
    int k = b == OTHER ? protocol : key;
    int lo = from[b];
    int hi = from[b + 1];
    int first = lo;
    while (lo < hi) { // the first start above k
      int mid = (lo + hi) >>> 1;
      if (starts[mid] <= k) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo == first ? -1 : lo - 1;
  }

  /**
   * The rules of one protocol (not -1) that admit {@code key}; {@code protocol} and {@code key} as a flow has them.
   */
  CompiledRule[] covering(int protocol, int key) {
    int seg = segment(protocol, key);
    return seg < 0 ? NONE : covering[seg];
  }

}
