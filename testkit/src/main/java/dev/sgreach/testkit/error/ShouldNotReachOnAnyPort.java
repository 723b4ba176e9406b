package dev.sgreach.testkit.error;

import static dev.sgreach.testkit.error.Facts.facts;

import dev.sgreach.engine.Endpoint;
import java.util.List;
import org.assertj.core.error.BasicErrorMessageFactory;
import org.assertj.core.error.ErrorMessageFactory;

/**
 * Creates the message of {@code cannotReach(to).onAnyPort()} when something gets through: per member pair what is
 * open, and the rules that open the first of it.
 */
public class ShouldNotReachOnAnyPort extends BasicErrorMessageFactory {
  private ShouldNotReachOnAnyPort(Facts facts) {
    super("%n%s", unquotedString(facts.render()));
  }

  /**
   * The message for a source that can open something to a destination it should not reach at all.
   *
   * @param from the asked source
   * @param to the asked destination
   * @param findings the member pairs with something open or unknown
   * @return the factory
   */
  public static ErrorMessageFactory shouldNotReachOnAnyPort(Endpoint from, Endpoint to, List<PortsFinding> findings) {
    Facts f = facts().add("from", from.label()).add("to", to.label()).add("expected open", "nothing");
    findings.forEach(p -> p.render(f));
    return new ShouldNotReachOnAnyPort(f);
  }
}
