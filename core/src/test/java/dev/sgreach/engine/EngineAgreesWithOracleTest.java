package dev.sgreach.engine;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.List;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Property test: on seeded random networks ({@link RandomNetworks}), the production engine answers every point query,
 * open-ports query, who-can-reach and what-can-be-reached query exactly as the naive oracle ({@link NaiveEvaluator})
 * does.
 *
 * <p>Seeds 1..250 by default, one dynamic test per seed. {@code -Dsgreach.seed=17} runs one seed;
 * {@code -Dsgreach.seeds=1000} runs seeds 1..1000. A failure names the seed, each differing query with both answers,
 * and dumps the network.
 */
class EngineAgreesWithOracleTest {

  @TestFactory
  Stream<DynamicTest> engine_agrees_with_the_naive_oracle() {
    return seeds().mapToObj(seed -> DynamicTest.dynamicTest("seed " + seed, () -> check(seed)));
  }

  static LongStream seeds() {
    String one = System.getProperty("sgreach.seed");
    if (one != null && !one.isBlank()) {
      return LongStream.of(Long.parseLong(one.trim()));
    }
    long count = Long.parseLong(System.getProperty("sgreach.seeds", "250").trim());
    return LongStream.rangeClosed(1, count);
  }

  private static void check(long seed) {
    List<String> diffs = Agreement.disagreements(seed, ProductionEvaluator::new, 10);
    if (!diffs.isEmpty()) {
      fail("engine and oracle disagree on seed " + seed + " (rerun with -Dtest=EngineAgreesWithOracleTest"
          + " -Dsgreach.seed=" + seed + "):\n  " + String.join("\n  ", diffs) + "\nnetwork:\n"
          + RandomNetworks.describe(RandomNetworks.generate(seed)));
    }
  }
}
