package dev.sgreach.engine;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.List;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Property test: on seeded random networks ({@link RandomNetworks}), the production engine answers exactly as the
 * naive oracle ({@link NaiveEvaluator}) does, on every query path ({@link Agreement}): point queries with proof and
 * by the fast path, between ENIs, addresses, security groups, instances and named groups (EKS roles); the proofs
 * themselves and the fixes ({@link ProofCheck}); open ports; who-can-reach and what-can-be-reached with their outside
 * parties; and exposure.
 *
 * <p>Seeds 1..300 by default, one dynamic test per seed. A failure names the seed, each differing query with both
 * answers, the command that reruns that seed, and dumps the network. To run more:
 *
 * <pre>
 * ./mvnw -B -ntp -pl core test -Dtest=EngineAgreesWithOracleTest -Dsgreach.seeds=3000   # seeds 1..3000
 * ./mvnw -B -ntp -pl core test -Dtest=EngineAgreesWithOracleTest -Dsgreach.seed=17      # seed 17 alone
 * </pre>
 */
class EngineAgreesWithOracleTest {

  @TestFactory
  Stream<DynamicTest> engine_agrees_with_the_naive_oracle() {
    return seeds().mapToObj(seed -> DynamicTest.dynamicTest("seed " + seed, () -> check(seed)));
  }

  /**
   * The same agreement with every group's rules compiled on the common pool (as a region's are), on the first 60
   * seeds: the parallel compilation must number and arrange the rules exactly as one thread does.
   */
  @TestFactory
  Stream<DynamicTest> engine_compiled_on_several_threads_agrees_with_the_naive_oracle() {
    return seeds().limit(60).mapToObj(seed -> DynamicTest.dynamicTest("seed " + seed, () -> {
      int before = Index.parallelGroups;
      Index.parallelGroups = 1;
      try {
        check(seed);
      } finally {
        Index.parallelGroups = before;
      }
    }));
  }

  static LongStream seeds() {
    String one = System.getProperty("sgreach.seed");
    if (one != null && !one.isBlank()) {
      return LongStream.of(Long.parseLong(one.trim()));
    }
    long count = Long.parseLong(System.getProperty("sgreach.seeds", "300").trim());
    return LongStream.rangeClosed(1, count);
  }

  private static void check(long seed) {
    List<String> diffs = Agreement.disagreements(seed, ProductionEvaluator::new, 10);
    if (!diffs.isEmpty()) {
      fail("engine and oracle disagree on seed " + seed + " (rerun: ./mvnw -B -ntp -pl core test"
          + " -Dtest=EngineAgreesWithOracleTest -Dsgreach.seed=" + seed + "):\n  " + String.join("\n  ", diffs)
          + "\nnetwork:\n"
          + RandomNetworks.describe(RandomNetworks.generate(seed)));
    }
  }
}
