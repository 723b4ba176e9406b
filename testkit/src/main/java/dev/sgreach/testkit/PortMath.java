package dev.sgreach.testkit;

import com.google.common.collect.Range;
import com.google.common.collect.RangeSet;
import com.google.common.collect.TreeRangeSet;
import dev.sgreach.engine.OpenPorts;
import dev.sgreach.engine.Outcome;
import dev.sgreach.model.Protocol;
import dev.sgreach.model.Traffic;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Set arithmetic on the engine's {@link OpenPorts} against the traffic a test expects: what is open beyond it, and the
 * expected traffic that is not open. It compares results; it never evaluates a rule.
 */
final class PortMath {
  private static final List<Protocol> KEYED = List.of(Protocol.TCP, Protocol.UDP, Protocol.ICMP, Protocol.ICMPV6);

  private PortMath() {}

  /** The expected traffic that the engine does not report as allowed. */
  static List<Traffic> notOpen(OpenPorts open, List<Traffic> expected) {
    return expected.stream().filter(t -> open == null || open.outcomeOf(t) != Outcome.ALLOWED).toList();
  }

  /**
   * What is allowed, then what is unknown, beyond the expected traffic: one line a protocol, e.g.
   * {@code tcp 22, 8000-8080} or {@code unknown udp all}; empty when nothing.
   */
  static String beyond(OpenPorts open, List<Traffic> expected) {
    List<String> lines = new ArrayList<>();
    for (boolean unknown : new boolean[] {false, true}) {
      String prefix = unknown ? "unknown " : "";
      for (Protocol p : KEYED) {
        RangeSet<Integer> rest = minus(unknown ? open.unknown(p) : open.allowed(p), expected, p);
        if (!rest.isEmpty()) {
          lines.add(prefix + p.awsName() + " " + format(rest, p));
        }
      }
      RangeSet<Integer> rest = minus(unknown ? open.unknownProtocols() : open.allowedProtocols(), expected, null);
      if (!rest.isEmpty()) {
        lines.add(prefix + "protocols " + format(rest, null));
      }
    }
    return String.join(System.lineSeparator(), lines);
  }

  /** The first allowed traffic beyond the expected traffic, to ask the engine for its proof. */
  static Optional<Traffic> firstBeyond(OpenPorts open, List<Traffic> expected) {
    for (Protocol p : KEYED) {
      RangeSet<Integer> rest = minus(open.allowed(p), expected, p);
      if (!rest.isEmpty()) {
        int key = rest.asRanges().iterator().next().lowerEndpoint();
        return Optional.of(switch (p.number()) {
          case 6 -> Traffic.tcp(key);
          case 17 -> Traffic.udp(key);
          case 1 -> Traffic.icmp(key / 256, key % 256);
          default -> Traffic.icmpv6(key / 256, key % 256);
        });
      }
    }
    RangeSet<Integer> rest = minus(open.allowedProtocols(), expected, null);
    return rest.isEmpty() ? Optional.empty()
        : Optional.of(Traffic.protocol(rest.asRanges().iterator().next().lowerEndpoint()));
  }

  /** The keys of {@code set} (of protocol {@code p}, or protocol numbers when null) minus the expected traffic's. */
  private static RangeSet<Integer> minus(RangeSet<Integer> set, List<Traffic> expected, Protocol p) {
    RangeSet<Integer> rest = TreeRangeSet.create(set);
    for (Traffic t : expected) {
      if (p == null && !KEYED.contains(t.protocol())) {
        rest.remove(Range.closedOpen(t.protocol().number(), t.protocol().number() + 1));
      } else if (t.protocol().equals(p)) {
        rest.remove(Range.closedOpen(t.key(), t.key() + 1));
      }
    }
    return rest;
  }

  /** Ports as {@code 22, 80-90} ({@code all} for every port), ICMP keys as {@code type/code}, numbers plainly. */
  private static String format(RangeSet<Integer> set, Protocol p) {
    List<String> parts = new ArrayList<>();
    for (Range<Integer> r : set.asRanges()) {
      int lo = r.lowerEndpoint();
      int hi = r.upperEndpoint() - 1;
      if (p != null && lo == 0 && hi == 65535) {
        parts.add("all");
      } else if (p != null && p.isIcmp()) {
        parts.add(lo == hi ? icmp(lo) : icmp(lo) + "-" + icmp(hi));
      } else {
        parts.add(lo == hi ? Integer.toString(lo) : lo + "-" + hi);
      }
    }
    return String.join(", ", parts);
  }

  private static String icmp(int key) {
    return key / 256 + "/" + key % 256;
  }
}
