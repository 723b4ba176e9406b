package dev.sgreach.path;

import static org.junit.jupiter.api.Assertions.fail;

import com.google.common.collect.Range;
import dev.sgreach.engine.Outcome;
import dev.sgreach.model.Network;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Property test: on seeded random networks ({@link RandomPathNetworks}), the path layer's fast answer and its
 * explained answer both equal the naive oracle's ({@link NaivePathOracle}): the outcome, the first hop that denies,
 * and every reply ACL that denies part of the ephemeral range with exactly those ports.
 *
 * <p>Seeds 1..300 by default, one dynamic test per seed, {@value #QUERIES} queries each. {@code
 * -Dsgreach.path.seed=17} runs one seed; {@code -Dsgreach.path.networks=3000} runs seeds 1..3000. A failure names the
 * seed, the rerun command, each differing query with both answers, and dumps the network.
 */
class PathAgreesWithOracleTest {
  static final int QUERIES = 60;

  @TestFactory
  Stream<DynamicTest> the_path_layer_agrees_with_the_naive_oracle() {
    return seeds().mapToObj(seed -> DynamicTest.dynamicTest("seed " + seed, () -> check(seed)));
  }

  static LongStream seeds() {
    String one = System.getProperty("sgreach.path.seed");
    if (one != null && !one.isBlank()) {
      return LongStream.of(Long.parseLong(one.trim()));
    }
    long count = Long.parseLong(System.getProperty("sgreach.path.networks", "300").trim());
    return LongStream.rangeClosed(1, count);
  }

  static List<String> disagreements(long seed, int limit) {
    return disagreements(seed, limit, NaivePathOracle.Mutation.NONE);
  }

  /** The disagreements with an oracle carrying a planted error, at most {@code limit}. */
  static List<String> disagreements(long seed, int limit, NaivePathOracle.Mutation mutation) {
    RandomPathNetworks g = new RandomPathNetworks(seed);
    Network network = g.network();
    PacketPaths paths = PacketPaths.of(network);
    NaivePathOracle oracle = new NaivePathOracle(network, mutation);
    List<String> out = new ArrayList<>();
    for (int i = 0; i < QUERIES && out.size() < limit; i++) {
      RandomPathNetworks.Query q = g.query();
      NaivePathOracle.Answer expected = oracle.judge(q.from(), q.to(), q.traffic(), q.clientPorts());
      String actual;
      Outcome fast;
      try {
        PathVerdict v = paths.check(q.from(), q.to(), q.traffic(), q.clientPorts());
        fast = paths.outcome(q.from(), q.to(), q.traffic(), q.clientPorts());
        actual = answer(v);
        if (fast != v.outcome()) {
          out.add("seed " + seed + ": " + q + "\n    fast path: " + fast.word() + ", explained: " + actual
              + "\n" + v.explain());
          continue;
        }
        if (!actual.equals(expected.toString())) {
          out.add("seed " + seed + ": " + q + "\n    oracle: " + expected + "\n    path:   " + actual + "\n"
              + v.explain());
        }
      } catch (RuntimeException e) {
        out.add("seed " + seed + ": " + q + "\n    oracle: " + expected + "\n    path threw " + e);
      }
    }
    return out;
  }

  /** The explained verdict in the oracle's terms. */
  static String answer(PathVerdict v) {
    String blocker = v.blockingHop().map(Hop::component).orElse("");
    List<String> denials = v.reply().stream().filter(h -> !h.deniedPorts().isEmpty())
        .map(h -> h.component() + " " + ports(h)).collect(Collectors.toList());
    return new NaivePathOracle.Answer(v.outcome(), blocker, denials).toString();
  }

  private static String ports(Hop h) {
    return h.deniedPorts().asRanges().stream().map(PathAgreesWithOracleTest::range)
        .collect(Collectors.joining(", "));
  }

  private static String range(Range<Integer> r) {
    int lo = r.lowerEndpoint();
    int hi = r.upperEndpoint();
    return lo == hi ? Integer.toString(lo) : lo + "-" + hi;
  }

  private static void check(long seed) {
    List<String> diffs = disagreements(seed, 5);
    if (!diffs.isEmpty()) {
      fail("the path layer and the naive oracle disagree on seed " + seed + " (rerun: ./mvnw -B -ntp -pl core test"
          + " -Dtest=PathAgreesWithOracleTest -Dsgreach.path.seed=" + seed + "):\n  " + String.join("\n  ", diffs)
          + "\nnetwork:\n" + RandomPathNetworks.describe(RandomPathNetworks.generate(seed)));
    }
  }
}
