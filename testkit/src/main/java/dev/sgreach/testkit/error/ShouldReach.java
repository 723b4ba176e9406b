package dev.sgreach.testkit.error;

import dev.sgreach.engine.Endpoint;
import dev.sgreach.engine.Outcome;
import dev.sgreach.engine.Verdict;
import java.util.List;
import org.assertj.core.error.BasicErrorMessageFactory;
import org.assertj.core.error.ErrorMessageFactory;

/**
 * Creates the message of {@code canReach(to).on(traffic)} when some traffic does not get through: per failing
 * traffic the engine's outcome, and for each member flow that is not allowed the rules that did match, the side that
 * blocks, the near misses, and the rule to add with its AWS CLI command.
 */
public class ShouldReach extends BasicErrorMessageFactory {
  private ShouldReach(Facts facts) {
    super("%n%s", unquotedString(facts.render()));
  }

  /**
   * The message for a source that does not reach a destination.
   *
   * @param from the asked source
   * @param to the asked destination
   * @param failing the engine's verdicts that are not allowed, in the order the traffic was asked
   * @return the factory
   */
  public static ErrorMessageFactory shouldReach(Endpoint from, Endpoint to, List<Verdict> failing) {
    return new ShouldReach(
        Facts.perTraffic(from, to, failing, Outcome.ALLOWED, Outcome.ALLOWED, v -> v.outcome().word()));
  }
}
