package dev.sgreach.engine;

import static org.junit.jupiter.api.Assertions.fail;

import dev.sgreach.model.Direction;
import dev.sgreach.model.Network;
import dev.sgreach.model.NetworkInterface;
import dev.sgreach.model.Protocol;
import dev.sgreach.model.Rule;
import dev.sgreach.model.SecurityGroup;
import dev.sgreach.model.Traffic;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Property test: on seeded random network pairs (a {@link RandomNetworks} network and {@link RandomChanges} of it),
 * {@link NetworkDiff} names exactly what a naive diff finds: every ordered pair of ENIs of either network (never an
 * ENI with itself) judged by the naive oracle ({@link NaiveEvaluator}) before and after at both ends of every port
 * class (the keys between consecutive rule boundaries of either network, per protocol), and the internet's keys to
 * every ENI from the oracle's exposure. A key denied before and allowed after is opened, the reverse closed, and one
 * unknown on exactly one side an unknown change.
 *
 * <p>Seeds 1..40 by default (the oracle's exposure reads every key, so a seed costs about a second); rerun one with {@code -Dsgreach.seed=N}:
 *
 * <pre>
 * ./mvnw -B -ntp -pl core test -Dtest=DiffAgreesWithNaiveDiffTest -Dsgreach.seed=17
 * </pre>
 */
class DiffAgreesWithNaiveDiffTest {

  @TestFactory
  Stream<DynamicTest> diff_agrees_with_the_naive_diff() {
    String one = System.getProperty("sgreach.seed");
    long count = Long.parseLong(System.getProperty("sgreach.seeds", "40").trim());
    Stream<Long> seeds = one != null && !one.isBlank() ? Stream.of(Long.parseLong(one.trim()))
        : java.util.stream.LongStream.rangeClosed(1, count).boxed();
    return seeds.map(seed -> DynamicTest.dynamicTest("seed " + seed, () -> check(seed)));
  }

  private static void check(long seed) {
    Network before = RandomNetworks.generate(seed);
    Network after = RandomChanges.change(before, seed);
    List<String> diffs = disagreements(before, after, 10);
    if (!diffs.isEmpty()) {
      fail("diff and naive diff disagree on seed " + seed + " (rerun: ./mvnw -B -ntp -pl core test"
          + " -Dtest=DiffAgreesWithNaiveDiffTest -Dsgreach.seed=" + seed + "):\n  " + String.join("\n  ", diffs)
          + "\nbefore:\n" + RandomNetworks.describe(before) + "\nafter:\n" + RandomNetworks.describe(after));
    }
  }

  static List<String> disagreements(Network before, Network after, int limit) {
    NetworkDiff diff = NetworkDiff.between(before, after);
    // a diff judges pods with security groups in the default mode
    NaiveEvaluator nb = new NaiveEvaluator(before, PodSecurityGroupMode.DEFAULT);
    NaiveEvaluator na = new NaiveEvaluator(after, PodSecurityGroupMode.DEFAULT);
    Set<String> ids = new LinkedHashSet<>(after.interfaces().keySet());
    ids.addAll(before.interfaces().keySet());
    List<String> out = new ArrayList<>();
    List<Traffic> keys = sampleKeys(before, after);
    for (String x : ids) {
      for (String y : ids) {
        if (x.equals(y)) {
          continue;
        }
        for (Traffic t : keys) {
          String naive = naiveKind(pair(nb, before, x, y, t), pair(na, after, x, y, t));
          String engine = engineKind(diff, x, y, t);
          if (!naive.equals(engine)) {
            out.add(x + " -> " + y + " on " + t.spec() + ": naive " + naive + ", diff " + engine);
            if (out.size() >= limit) {
              return out;
            }
          }
        }
      }
    }
    for (String y : ids) {
      for (Protocol p : List.of(Protocol.TCP, Protocol.UDP, Protocol.ICMP, Protocol.ICMPV6, Protocol.ALL)) {
        Evaluator.Open b = before.interfaces().containsKey(y) ? nb.exposureKeys(y, p) : null;
        Evaluator.Open a = after.interfaces().containsKey(y) ? na.exposureKeys(y, p) : null;
        int top = p.isKeyed() ? Protocol.MAX_KEY : 255;
        for (int k = 0; k <= top; k++) {
          if (!p.isKeyed() && (k == 1 || k == 6 || k == 17 || k == 58)) {
            continue;
          }
          Traffic t = p.isKeyed() ? Traffic.of(p, k) : Traffic.protocol(k);
          String naive = naiveKind(value(b, k), value(a, k));
          String engine = engineKind(diff, "internet", y, t);
          if (!naive.equals(engine)) {
            out.add("internet -> " + y + " on " + t.spec() + ": naive " + naive + ", diff " + engine);
            if (out.size() >= limit) {
              return out;
            }
          }
        }
      }
    }
    return out;
  }

  private static NaiveOutcome value(Evaluator.Open o, int key) {
    if (o == null) {
      return NaiveOutcome.DENIED;
    }
    return o.allowed().get(key) ? NaiveOutcome.ALLOWED : o.unknown().get(key) ? NaiveOutcome.UNKNOWN
        : NaiveOutcome.DENIED;
  }

  private static NaiveOutcome pair(NaiveEvaluator n, Network net, String x, String y, Traffic t) {
    NetworkInterface a = net.interfaces().get(x);
    NetworkInterface b = net.interfaces().get(y);
    if (a == null || b == null) {
      return NaiveOutcome.DENIED;
    }
    return n.reach(n.whole(a), n.whole(b), t);
  }

  private static String naiveKind(NaiveOutcome b, NaiveOutcome a) {
    if (b == a) {
      return "unchanged";
    }
    if (b == NaiveOutcome.DENIED && a == NaiveOutcome.ALLOWED) {
      return "opened";
    }
    if (b == NaiveOutcome.ALLOWED && a == NaiveOutcome.DENIED) {
      return "closed";
    }
    return "unknown";
  }

  private static String engineKind(NetworkDiff diff, String x, String y, Traffic t) {
    List<String> kinds = new ArrayList<>();
    for (FlowChange f : diff.flows()) {
      boolean from = x.equals("internet") ? f.from().isInternet() : f.from().interfaceIds().contains(x);
      if (from && f.to().interfaceIds().contains(y) && f.traffic().contains(t)) {
        kinds.add(f.kind().word());
      }
    }
    return kinds.isEmpty() ? "unchanged" : String.join("+", kinds);
  }

  /**
   * Both ends of every key class: per keyed protocol, the keys where some rule of either network starts or stops
   * (rules for all traffic included), and each boundary's predecessor; for other protocols, every protocol number
   * a rule names and one that none names.
   */
  private static List<Traffic> sampleKeys(Network before, Network after) {
    List<Traffic> out = new ArrayList<>();
    for (Protocol p : Protocol.KEYED) {
      TreeSet<Integer> cuts = new TreeSet<>(List.of(0, Protocol.MAX_KEY));
      TreeSet<Integer> others = new TreeSet<>();
      for (Network n : List.of(before, after)) {
        for (SecurityGroup g : n.securityGroups().values()) {
          for (Direction d : Direction.values()) {
            for (Rule r : g.rules(d)) {
              if (r.ports().protocol().equals(p)) {
                var range = r.ports().keys();
                int lo = range.lowerEndpoint();
                int hi = range.upperEndpoint(); // closed ranges
                cuts.add(lo);
                cuts.add(Math.max(0, lo - 1));
                cuts.add(hi);
                cuts.add(Math.min(Protocol.MAX_KEY, hi + 1));
              }
            }
          }
        }
      }
      cuts.forEach(k -> out.add(Traffic.of(p, Math.max(0, Math.min(Protocol.MAX_KEY, k)))));
    }
    TreeSet<Integer> numbers = new TreeSet<>(List.of(0, 50, 255));
    for (Network n : List.of(before, after)) {
      for (SecurityGroup g : n.securityGroups().values()) {
        for (Direction d : Direction.values()) {
          for (Rule r : g.rules(d)) {
            Protocol q = r.ports().protocol();
            if (!q.isAll() && !q.isKeyed()) {
              numbers.add(q.number());
            }
          }
        }
      }
    }
    numbers.forEach(k -> out.add(Traffic.protocol(k)));
    return out;
  }
}
