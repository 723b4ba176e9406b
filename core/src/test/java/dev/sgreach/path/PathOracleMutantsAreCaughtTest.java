package dev.sgreach.path;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The property test has teeth: an oracle with one planted error ({@link NaivePathOracle.Mutation}) disagrees with
 * the path layer on some of the first {@value #SEEDS} seeded networks, for every kind of error. A mutant that
 * survives means the generator no longer exercises that rule.
 */
class PathOracleMutantsAreCaughtTest {
  static final int SEEDS = 300;

  @TestFactory
  Stream<DynamicTest> every_planted_error_is_noticed() {
    return Arrays.stream(NaivePathOracle.Mutation.values()).filter(m -> m != NaivePathOracle.Mutation.NONE)
        .map(m -> DynamicTest.dynamicTest(m.name(), () -> {
          long caughtAt = -1;
          for (long seed = 1; seed <= SEEDS && caughtAt < 0; seed++) {
            List<String> diffs = PathAgreesWithOracleTest.disagreements(seed, 1, m);
            if (!diffs.isEmpty()) {
              caughtAt = seed;
            }
          }
          assertThat(caughtAt).as("the mutant %s agrees with the path layer on seeds 1..%s", m, SEEDS)
              .isPositive();
        }));
  }
}
