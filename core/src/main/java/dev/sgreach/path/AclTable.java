package dev.sgreach.path;

import dev.sgreach.model.Cidr;
import dev.sgreach.model.NetworkAcl;
import dev.sgreach.model.Ports;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * One network ACL compiled for evaluation: per direction and address family, its entries sorted by rule number with
 * their protocol, key range and CIDR as primitives. {@link #decide} is the one place that applies AWS's ACL rule
 * (DOMAIN-PATH.md table 1a): lowest rule number first, the first entry that matches decides, and what no entry
 * matches is denied by the final {@code *} rule.
 */
final class AclTable {
  final NetworkAcl acl;
  /** [egress ? 1 : 0][family == 6 ? 1 : 0]. */
  private final Dir[][] dirs = new Dir[2][2];

  AclTable(NetworkAcl acl) {
    this.acl = acl;
    for (int e = 0; e < 2; e++) {
      for (int f = 0; f < 2; f++) {
        boolean egress = e == 1;
        int family = f == 0 ? 4 : 6;
        List<NetworkAcl.Entry> list = new ArrayList<>();
        for (NetworkAcl.Entry entry : acl.entries()) {
          if (entry.egress() == egress && entry.cidr().family() == family) {
            list.add(entry);
          }
        }
        list.sort(Comparator.comparingInt(NetworkAcl.Entry::ruleNumber));
        dirs[e][f] = new Dir(list, egress, family);
      }
    }
  }

  /**
   * The entries of one direction and family, sorted, as one flat array of {@value #STRIDE} longs per entry (the
   * block's high and low words with their masks, then protocol, key range and action packed), so that judging a
   * packet reads one contiguous array; and the implicit final deny, for proofs.
   */
  static final class Dir {
    final NetworkAcl.Entry[] entries;
    final long[] rows;
    /** The final {@code *} deny as Describe shows it, used when the ACL's list does not end with it. */
    final NetworkAcl.Entry finalDeny;

    Dir(List<NetworkAcl.Entry> list, boolean egress, int family) {
      int n = list.size();
      entries = list.toArray(new NetworkAcl.Entry[0]);
      rows = new long[n * STRIDE];
      for (int i = 0; i < n; i++) {
        NetworkAcl.Entry e = entries[i];
        Ports p = e.ports();
        Cidr c = e.cidr();
        int r = i * STRIDE;
        rows[r] = c.high();
        rows[r + 1] = highMask(c);
        rows[r + 2] = c.low();
        rows[r + 3] = lowMask(c);
        rows[r + 4] = (long) (p.protocol().number() + 1) << PROTOCOL_SHIFT
            | (e.action() == NetworkAcl.Action.ALLOW ? 1L << ALLOW_BIT : 0)
            | (long) p.keys().lowerEndpoint() << LOW_SHIFT | p.keys().upperEndpoint();
      }
      finalDeny = new NetworkAcl.Entry(family == 4 ? 32767 : 32768, egress, Ports.allTraffic(),
          Cidr.parse(family == 4 ? "0.0.0.0/0" : "::/0"), NetworkAcl.Action.DENY);
    }

    int size() {
      return entries.length;
    }

    boolean matches(int i, int protocol, long high, long low) {
      return AclTable.matches(rows, i, protocol, high, low);
    }

    int keyLow(int i) {
      return AclTable.keyLow(rows, i);
    }

    int keyHigh(int i) {
      return AclTable.keyHigh(rows, i);
    }

    boolean allows(int i) {
      return AclTable.allows(rows, i);
    }
  }

  /** Whether entry {@code i} of rows applies to a packet of this protocol to or from this address (high, low words). */
  private static boolean matches(long[] rows, int i, int protocol, long high, long low) {
    int r = i * STRIDE;
    int p = (int) (rows[r + 4] >>> PROTOCOL_SHIFT & 0x1FF) - 1;
    return (p == -1 || p == protocol) && (high & rows[r + 1]) == rows[r] && (low & rows[r + 3]) == rows[r + 2];
  }

  private static int keyLow(long[] rows, int i) {
    return (int) (rows[i * STRIDE + 4] >>> LOW_SHIFT & KEY_MASK);
  }

  private static int keyHigh(long[] rows, int i) {
    return (int) (rows[i * STRIDE + 4] & KEY_MASK);
  }

  private static boolean allows(long[] rows, int i) {
    return (rows[i * STRIDE + 4] >>> ALLOW_BIT & 1) == 1;
  }

  /**
   * True when every key of {@code lo..hi} is first matched, from entry {@code from} of {@code rows} on, by an entry
   * that allows: the boolean {@link AclTable#decide} answers for one range, without building key sets.
   */
  private static boolean allowsAll(long[] rows, int from, int protocol, long high, long low, int lo, int hi) {
    int n = rows.length / STRIDE;
    for (int i = from; i < n; i++) {
      if (!matches(rows, i, protocol, high, low)) {
        continue;
      }
      int a = keyLow(rows, i);
      int b = keyHigh(rows, i);
      if (b < lo || a > hi) {
        continue;
      }
      if (!allows(rows, i)) {
        return false;
      }
      return (a <= lo || allowsAll(rows, i + 1, protocol, high, low, lo, a - 1))
          && (b >= hi || allowsAll(rows, i + 1, protocol, high, low, b + 1, hi));
    }
    return false; // no entry matches these keys: the final * deny
  }

  private static final int STRIDE = 5;
  private static final int PROTOCOL_SHIFT = 40;
  private static final int ALLOW_BIT = 50;
  private static final int LOW_SHIFT = 20;
  private static final long KEY_MASK = 0xFFFFF;

  /** The mask of a block's high word: the bits of its prefix there (none for IPv4, whose address is the low word). */
  static long highMask(Cidr c) {
    if (c.isIpv4()) {
      return 0;
    }
    int n = Math.min(c.length(), 64);
    return n == 0 ? 0 : -1L << (64 - n);
  }

  /** The mask of a block's low word. */
  static long lowMask(Cidr c) {
    if (c.isIpv4()) {
      return c.length() == 0 ? 0 : (0xFFFFFFFFL << (32 - c.length())) & 0xFFFFFFFFL;
    }
    int n = c.length() - 64;
    return n <= 0 ? 0 : -1L << (64 - n);
  }

  /**
   * How one direction of this ACL judges a packet of {@code protocol} to or from {@code peer} (its destination when
   * outbound, its source when inbound) over a set of destination-port keys: the keys that pass. When {@code parts}
   * is given, which entry decided which keys is added to it, in rule order.
   */
  PortSet decide(boolean egress, int protocol, Cidr peer, PortSet keys, List<Part> parts) {
    Dir d = dirs[egress ? 1 : 0][peer.family() == 6 ? 1 : 0];
    long high = peer.high();
    long low = peer.low();
    PortSet remaining = keys;
    PortSet allowed = PortSet.EMPTY;
    for (int i = 0; i < d.size() && !remaining.isEmpty(); i++) {
      if (!d.matches(i, protocol, high, low)) {
        continue;
      }
      PortSet part = remaining.intersect(d.keyLow(i), d.keyHigh(i));
      if (part.isEmpty()) {
        continue;
      }
      if (d.allows(i)) {
        allowed = allowed.union(part);
      }
      if (parts != null) {
        parts.add(new Part(d.entries[i], part));
      }
      remaining = part == remaining ? PortSet.EMPTY : remaining.minus(part);
    }
    if (parts != null && !remaining.isEmpty()) {
      parts.add(new Part(d.finalDeny, remaining));
    }
    return allowed;
  }

  /**
   * True when this direction passes every key of {@code keys}: {@code decide(...).equals(keys)} without building key
   * sets, for the fast path.
   */
  boolean allowsAll(boolean egress, int protocol, Cidr peer, PortSet keys) {
    return allowsAll(rows(egress, peer.family()), protocol, peer, keys);
  }

  /**
   * {@link #allowsAll(boolean, int, Cidr, PortSet)} over the rows of the direction and family ({@link #rows}): the
   * fast path keeps every ACL's rows in one array ({@link CompiledPaths#aclRows}), so that a check reads the rows
   * without going through this table and its directions first.
   */
  static boolean allowsAll(long[] rows, int protocol, Cidr peer, PortSet keys) {
    for (int k = 0; k < keys.intervals(); k++) {
      if (!allowsAll(rows, 0, protocol, peer.high(), peer.low(), keys.low(k), keys.high(k))) {
        return false;
      }
    }
    return true;
  }

  /** The flat rows of one direction and family (see {@link Dir}). */
  long[] rows(boolean egress, int family) {
    return dirs[egress ? 1 : 0][family == 6 ? 1 : 0].rows;
  }

  /** Where {@link #rows} of a direction and family sit among an ACL's four in {@link CompiledPaths#aclRows}. */
  static int rowsSlot(boolean egress, int family) {
    return (egress ? 2 : 0) + (family == 6 ? 1 : 0);
  }

  /** One entry and the keys it decided, for the proof. */
  record Part(NetworkAcl.Entry entry, PortSet keys) {}

  /** The highest rule number of one direction (any family), 0 when it has none but the final deny. */
  int highestRuleNumber(boolean egress) {
    int max = 0;
    for (NetworkAcl.Entry e : acl.entries()) {
      if (e.egress() == egress && !e.isFinalDeny()) {
        max = Math.max(max, e.ruleNumber());
      }
    }
    return max;
  }

  /** True when one direction already has an entry with this number. */
  boolean hasRuleNumber(boolean egress, int number) {
    for (NetworkAcl.Entry e : acl.entries()) {
      if (e.egress() == egress && e.ruleNumber() == number) {
        return true;
      }
    }
    return false;
  }
}
