package dev.sgreach.graph;

import com.google.common.collect.DiscreteDomain;
import com.google.common.collect.Range;
import com.google.common.collect.RangeSet;
import com.google.common.collect.TreeRangeSet;
import dev.sgreach.model.Ports;
import dev.sgreach.model.Protocol;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Merges the protocols and ports of several rules into one label: {@code all traffic}, or per protocol (tcp, udp,
 * icmp, icmpv6, then others by number) the union of what the rules admit, e.g. {@code tcp 443, 1025-65535; udp 53;
 * icmp type 3/4, 8}. TCP and UDP ranges are merged ({@code 80-443} and {@code 444} give {@code 80-444}); an ICMP
 * entry is a type ({@code 8}: any code) or {@code type/code}. Protocol -1 admits everything, so it alone is named.
 */
final class PortLabels {
  private boolean all;
  private final Map<Integer, RangeSet<Integer>> ranges = new TreeMap<>();
  private final Map<Integer, TreeSet<Long>> icmp = new TreeMap<>();
  private final TreeSet<Integer> others = new TreeSet<>();

  /** Adds what one rule admits. */
  PortLabels add(Ports p) {
    Protocol proto = p.protocol();
    if (proto.isAll()) {
      all = true;
    } else if (proto.hasPorts()) {
      ranges.computeIfAbsent(proto.number(), k -> TreeRangeSet.create())
          .add(Range.closed(p.from(), p.to()).canonical(DiscreteDomain.integers()));
    } else if (proto.isIcmp()) {
      // type -1: every type; code -1: every code of that type (kept as the key type*1000 + 999)
      icmp.computeIfAbsent(proto.number(), k -> new TreeSet<>()).add(p.from() == -1 ? -1L
          : p.from() * 1000L + (p.to() == -1 ? 999 : p.to()));
    } else {
      others.add(proto.number());
    }
    return this;
  }

  /** The label, naming at most {@code maxPerProtocol} ranges or types of each protocol ("..., +N more"). */
  String label(int maxPerProtocol) {
    if (all) {
      return "all traffic";
    }
    List<String> parts = new ArrayList<>();
    for (Map.Entry<Integer, RangeSet<Integer>> e : ranges.entrySet()) {
      List<String> items = new ArrayList<>();
      for (Range<Integer> r : e.getValue().asRanges()) {
        int lo = r.lowerEndpoint();
        int hi = r.upperEndpoint() - 1; // canonical ranges are [lo..hi+1)
        items.add(lo == 0 && hi == 65535 ? "all ports" : lo == hi ? Integer.toString(lo) : lo + "-" + hi);
      }
      parts.add(Protocol.of(e.getKey()).awsName() + " " + capped(items, maxPerProtocol));
    }
    for (Map.Entry<Integer, TreeSet<Long>> e : icmp.entrySet()) {
      String name = Protocol.of(e.getKey()).awsName();
      if (e.getValue().contains(-1L)) {
        parts.add(name + " all types");
        continue;
      }
      List<String> items = new ArrayList<>();
      TreeSet<Long> keys = e.getValue();
      for (long k : keys) {
        long type = k / 1000;
        long code = k % 1000;
        if (code == 999) {
          items.add(Long.toString(type));
        } else if (!keys.contains(type * 1000 + 999)) {
          items.add(type + "/" + code);
        }
      }
      parts.add(name + " type " + capped(items, maxPerProtocol));
    }
    for (int n : others) {
      parts.add(Protocol.of(n).displayName());
    }
    return String.join("; ", parts);
  }

  private static String capped(List<String> items, int max) {
    if (items.size() <= max) {
      return String.join(", ", items);
    }
    return String.join(", ", items.subList(0, max)) + ", +" + (items.size() - max) + " more";
  }
}
