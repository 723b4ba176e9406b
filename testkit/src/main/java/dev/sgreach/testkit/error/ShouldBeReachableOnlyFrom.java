package dev.sgreach.testkit.error;

import static dev.sgreach.testkit.error.Facts.facts;

import dev.sgreach.engine.Endpoint;
import java.util.List;
import java.util.stream.Collectors;
import org.assertj.core.error.BasicErrorMessageFactory;
import org.assertj.core.error.ErrorMessageFactory;

/**
 * Creates the message of {@code isReachableOnlyFrom(sources).on(traffic)}: per traffic, everything the engine finds
 * can open the flow, the reachers that none of the expected sources cover, and the rules that let the first of them
 * through.
 */
public class ShouldBeReachableOnlyFrom extends BasicErrorMessageFactory {
  private ShouldBeReachableOnlyFrom(Facts facts) {
    super("%n%s", unquotedString(facts.render()));
  }

  /**
   * The message for a destination reachable from more than the expected sources.
   *
   * @param to the asked destination
   * @param sources the expected sources
   * @param findings per traffic with uncovered reachers, what the engine found
   * @return the factory
   */
  public static ErrorMessageFactory shouldBeReachableOnlyFrom(Endpoint to, List<Endpoint> sources,
      List<ReachersFinding> findings) {
    Facts f = facts().add("to", to.label())
        .add("expected only from", sources.stream().map(Endpoint::label).collect(Collectors.joining(", ")));
    findings.forEach(r -> r.render(f));
    return new ShouldBeReachableOnlyFrom(f);
  }
}
