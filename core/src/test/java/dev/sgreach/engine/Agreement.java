package dev.sgreach.engine;

import dev.sgreach.model.Network;
import dev.sgreach.model.Protocol;
import dev.sgreach.model.Traffic;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Compares a candidate {@link Evaluator} with the {@link NaiveEvaluator} oracle on one seed's random network: point
 * queries in both directions, open ports over one protocol's whole key space, who-can-reach and what-can-be-reached.
 * Every answer the two give differently becomes one line naming the seed, the query and both answers.
 */
final class Agreement {
  /** Per seed: point queries (each asked both ways), open-ports queries, who-can-reach (and what-can-be-reached). */
  static final int REACH = 80;
  static final int OPEN = 6;
  static final int WHO = 10;

  private Agreement() {}

  /** The disagreements on this seed, at most {@code limit} of them; empty when the candidate agrees. */
  static List<String> disagreements(long seed, Function<Network, Evaluator> candidateFactory, int limit) {
    RandomNetworks g = new RandomNetworks(seed);
    Network network = g.network();
    NaiveEvaluator oracle = new NaiveEvaluator(network);
    Evaluator candidate = candidateFactory.apply(network);
    List<String> out = new ArrayList<>();
    for (int i = 0; i < REACH && out.size() < limit; i++) {
      String from = g.endpoint();
      String to = g.endpoint();
      Traffic t = g.traffic();
      if (oracle.resolve(from).outside() && oracle.resolve(to).outside()) {
        continue; // two outside parties: no security group is involved, not a question for the engine
      }
      compare(out, seed, "reach(" + from + " -> " + to + ", " + t + ")",
          () -> oracle.reach(from, to, t), () -> candidate.reach(from, to, t));
      compare(out, seed, "reach(" + to + " -> " + from + ", " + t + ")",
          () -> oracle.reach(to, from, t), () -> candidate.reach(to, from, t));
    }
    for (int i = 0; i < OPEN && out.size() < limit; i++) {
      String from = g.endpoint();
      String to = g.endpoint();
      Protocol p = g.protocolSpace();
      if (oracle.resolve(from).outside() && oracle.resolve(to).outside()) {
        continue;
      }
      String space = Evaluator.keyed(p) ? p.toString() : "other protocols";
      compare(out, seed, "openPorts(" + from + " -> " + to + ", " + space + ")",
          () -> show(oracle.openPorts(from, to, p)), () -> show(candidate.openPorts(from, to, p)));
    }
    for (int i = 0; i < WHO && out.size() < limit; i++) {
      String to = g.endpoint();
      Traffic t = g.traffic();
      compare(out, seed, "whoCanReach(" + to + ", " + t + ")",
          () -> show(oracle.whoCanReach(to, t)), () -> show(candidate.whoCanReach(to, t)));
    }
    for (int i = 0; i < WHO && out.size() < limit; i++) {
      String from = g.endpoint();
      Traffic t = g.traffic();
      compare(out, seed, "whatCanBeReached(" + from + ", " + t + ")",
          () -> show(oracle.whatCanBeReached(from, t)), () -> show(candidate.whatCanBeReached(from, t)));
    }
    return out;
  }

  private static void compare(List<String> out, long seed, String query, java.util.function.Supplier<Object> oracle,
      java.util.function.Supplier<Object> candidate) {
    Object expected = oracle.get();
    Object actual;
    try {
      actual = candidate.get();
    } catch (RuntimeException e) {
      actual = "threw " + e + " at " + java.util.Arrays.toString(java.util.Arrays.copyOf(e.getStackTrace(), 4));
    }
    if (!Objects.equals(expected, actual)) {
      out.add("seed " + seed + ": " + query + "\n    oracle: " + expected + "\n    engine: " + actual);
    }
  }

  /** Open keys as comparable text: allowed and unknown ranges. */
  static String show(Evaluator.Open open) {
    return "allowed " + ranges(open.allowed()) + ", unknown " + ranges(open.unknown());
  }

  /** Reachers as comparable text, order-insensitive. */
  static String show(Evaluator.Who who) {
    return "allowed " + new TreeSet<>(who.allowed()) + ", unknown " + new TreeSet<>(who.unknown());
  }

  /** A bit set as {@code [0-79, 81, 443-1024]}. */
  static String ranges(BitSet bits) {
    StringBuilder s = new StringBuilder("[");
    int i = bits.nextSetBit(0);
    while (i >= 0) {
      int end = bits.nextClearBit(i) - 1;
      if (s.length() > 1) {
        s.append(", ");
      }
      s.append(i == end ? Integer.toString(i) : i + "-" + end);
      i = bits.nextSetBit(end + 1);
    }
    return s.append(']').toString();
  }
}
