package dev.sgreach.testkit.error;

import static dev.sgreach.testkit.error.Facts.facts;

import dev.sgreach.engine.Endpoint;
import dev.sgreach.model.Traffic;
import java.util.List;
import org.assertj.core.error.BasicErrorMessageFactory;
import org.assertj.core.error.ErrorMessageFactory;

/**
 * Creates the message of {@code canReach(to).onlyOn(traffic)}: per member pair that differs, what is open, which
 * expected traffic is not open (with the blocking side, near misses and fix), and what is open beyond it (with the
 * rules that open it).
 */
public class ShouldReachOnlyOn extends BasicErrorMessageFactory {
  private ShouldReachOnlyOn(Facts facts) {
    super("%n%s", unquotedString(facts.render()));
  }

  /**
   * The message for a source whose open ports towards a destination are not exactly the expected ones.
   *
   * @param from the asked source
   * @param to the asked destination
   * @param expected the traffic expected to be open, and nothing else
   * @param findings the member pairs that differ
   * @return the factory
   */
  public static ErrorMessageFactory shouldReachOnlyOn(Endpoint from, Endpoint to, List<Traffic> expected,
      List<PortsFinding> findings) {
    Facts f = facts().add("from", from.label()).add("to", to.label()).add("expected only", Facts.traffic(expected));
    findings.forEach(p -> p.render(f));
    return new ShouldReachOnlyOn(f);
  }
}
