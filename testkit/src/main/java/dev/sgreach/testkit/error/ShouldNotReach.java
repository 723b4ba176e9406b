package dev.sgreach.testkit.error;

import dev.sgreach.engine.Endpoint;
import dev.sgreach.engine.Outcome;
import dev.sgreach.engine.Verdict;
import java.util.List;
import org.assertj.core.error.BasicErrorMessageFactory;
import org.assertj.core.error.ErrorMessageFactory;

/**
 * Creates the message of {@code cannotReach(to).on(traffic)} when some traffic is not denied for every member flow:
 * per such traffic the flows that get through with the egress and ingress rules that admit them (or, when unknown,
 * the data the snapshot lacks).
 */
public class ShouldNotReach extends BasicErrorMessageFactory {
  private ShouldNotReach(Facts facts) {
    super("%n%s", unquotedString(facts.render()));
  }

  /**
   * The message for a source that reaches, or may reach, a destination it should not.
   *
   * @param from the asked source
   * @param to the asked destination
   * @param failing the engine's verdicts with a member flow that is not denied, in the order the traffic was asked
   * @return the factory
   */
  public static ErrorMessageFactory shouldNotReach(Endpoint from, Endpoint to, List<Verdict> failing) {
    return new ShouldNotReach(Facts.perTraffic(from, to, failing, Outcome.DENIED, Outcome.DENIED,
        v -> v.allowedFlows() > 0 ? "allowed" : "unknown"));
  }
}
