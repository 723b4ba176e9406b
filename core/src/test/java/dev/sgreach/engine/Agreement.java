package dev.sgreach.engine;

import dev.sgreach.model.Network;
import dev.sgreach.model.NetworkInterface;
import dev.sgreach.model.Protocol;
import dev.sgreach.model.Traffic;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Compares a candidate {@link Evaluator} with the {@link NaiveEvaluator} oracle on one seed's random network:
 *
 * <ul>
 *   <li>point queries in both directions, between every kind of endpoint (ENIs, addresses, security groups,
 *       instances, named groups): the verdict with its proof (overall, coverage and each member pair), the fast
 *       path ({@code outcome}), and, when the candidate gives proofs, the proof itself ({@link ProofCheck});</li>
 *   <li>the fixes of one denied flow: applied, they make the flow allowed and open nothing else between the two
 *       ENIs;</li>
 *   <li>open ports over one protocol's whole key space;</li>
 *   <li>who-can-reach and what-can-be-reached: the ENIs, and which sampled outside addresses take part;</li>
 *   <li>exposure: which ENIs are exposed, what and through which rules for a few, one key space brute force.</li>
 * </ul>
 *
 * <p>Every answer the two give differently becomes one line naming the seed, the query and both answers.
 */
final class Agreement {
  /** Per seed: point queries (each asked both ways), open-ports queries, who-can-reach (and what-can-be-reached). */
  static final int REACH = 80;
  static final int OPEN = 6;
  static final int WHO = 10;
  static final int OUTSIDE_SAMPLE = 12;
  static final int EXPOSED_DETAILS = 3;

  private Agreement() {}

  /** The disagreements on this seed, at most {@code limit} of them; empty when the candidate agrees. */
  static List<String> disagreements(long seed, Function<Network, Evaluator> candidateFactory, int limit) {
    RandomNetworks g = new RandomNetworks(seed);
    Network network = g.network();
    NaiveEvaluator oracle = new NaiveEvaluator(network);
    Evaluator candidate = candidateFactory.apply(network);
    ProofCheck proofs = new ProofCheck(oracle, network);
    List<String> out = new ArrayList<>();
    boolean fixChecked = false;
    for (int i = 0; i < REACH && out.size() < limit; i++) {
      String from = g.endpoint();
      String to = g.endpoint();
      Traffic t = g.traffic();
      if (oracle.bothOutside(from, to)) {
        continue; // two outside parties: no security group is involved, not a question for the engine
      }
      for (String[] q : new String[][] {{from, to}, {to, from}}) {
        String query = "reach(" + q[0] + " -> " + q[1] + ", " + t + ")";
        compare(out, seed, query, () -> oracle.verdict(q[0], q[1], t), () -> candidate.verdict(q[0], q[1], t));
        compare(out, seed, "outcome" + query.substring(5), () -> oracle.reach(q[0], q[1], t),
            () -> candidate.outcome(q[0], q[1], t));
        Optional<Verdict> proof = candidate.proof(q[0], q[1], t);
        if (proof.isPresent()) {
          proofs.problems(proof.get()).forEach(p -> out.add("seed " + seed + ": proof of " + query + ": " + p));
          Optional<Flow> fixed = ProofCheck.firstFixed(proof.get());
          if (!fixChecked && fixed.isPresent()) {
            fixChecked = true;
            proofs.fixProblems(fixed.get()).forEach(p -> out.add("seed " + seed + ": fix of " + query + ": " + p));
          }
        }
      }
    }
    for (int i = 0; i < OPEN && out.size() < limit; i++) {
      String from = g.singleEndpoint();
      String to = g.singleEndpoint();
      Protocol p = g.protocolSpace();
      if (oracle.bothOutside(from, to)) {
        continue;
      }
      String space = Evaluator.keyed(p) ? p.toString() : "other protocols";
      compare(out, seed, "openPorts(" + from + " -> " + to + ", " + space + ")",
          () -> show(oracle.openPorts(from, to, p)), () -> show(candidate.openPorts(from, to, p)));
    }
    for (boolean towards : new boolean[] {true, false}) {
      String name = towards ? "whoCanReach" : "whatCanBeReached";
      for (int i = 0; i < WHO && out.size() < limit; i++) {
        String e = g.endpoint();
        Traffic t = g.traffic();
        List<String> sample = new ArrayList<>();
        for (int k = 0; k < OUTSIDE_SAMPLE; k++) {
          sample.add(g.outsideAddress());
        }
        compare(out, seed, name + "(" + e + ", " + t + ")",
            () -> show(towards ? oracle.whoCanReach(e, t) : oracle.whatCanBeReached(e, t)),
            () -> show(towards ? candidate.whoCanReach(e, t) : candidate.whatCanBeReached(e, t)));
        Evaluator.Outside expected = oracle.outsideReachers(e, t, sample, towards);
        Evaluator.Outside actual;
        try {
          actual = candidate.outsideReachers(e, t, sample, towards);
        } catch (RuntimeException ex) {
          out.add("seed " + seed + ": outside parties of " + name + "(" + e + ", " + t + ") threw " + ex);
          continue;
        }
        String query = "outside parties of " + name + "(" + e + ", " + t + ") among " + new TreeSet<>(sample);
        compare(out, seed, query + ", allowed", expected::allowed, actual::allowed);
        if (!actual.unknown().containsAll(expected.unknown())) {
          out.add("seed " + seed + ": " + query + ", unknown\n    oracle: " + expected.unknown()
              + "\n    engine says nothing may be unknown among: " + actual.unknown());
        }
      }
    }
    if (out.size() < limit) {
      compare(out, seed, "exposure()", oracle::exposed, candidate::exposed);
      List<NetworkInterface> enis = new ArrayList<>(network.interfaces().values());
      for (int i = 0; i < EXPOSED_DETAILS && out.size() < limit; i++) {
        String id = enis.get(g.nextInt(enis.size())).id();
        compare(out, seed, "exposure(" + id + ")", () -> oracle.exposure(id), () -> candidate.exposure(id));
      }
      String id = enis.get(g.nextInt(enis.size())).id();
      Protocol p = g.protocolSpace();
      compare(out, seed, "exposure(" + id + ") keys of " + (Evaluator.keyed(p) ? p : "other protocols"),
          () -> show(oracle.exposureKeys(id, p)), () -> show(candidate.exposureKeys(id, p)));
    }
    return out;
  }

  private static void compare(List<String> out, long seed, String query, Supplier<Object> oracle,
      Supplier<Object> candidate) {
    Object expected = oracle.get();
    Object actual;
    try {
      actual = candidate.get();
    } catch (RuntimeException e) {
      actual = "threw " + e + " at " + Arrays.toString(Arrays.copyOf(e.getStackTrace(), 4));
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
