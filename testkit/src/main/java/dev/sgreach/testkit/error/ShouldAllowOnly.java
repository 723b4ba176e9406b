package dev.sgreach.testkit.error;

import static dev.sgreach.testkit.error.Facts.facts;

import dev.sgreach.engine.OpenPorts;
import dev.sgreach.model.Traffic;
import java.util.List;
import org.assertj.core.error.BasicErrorMessageFactory;
import org.assertj.core.error.ErrorMessageFactory;

/**
 * Creates the message of {@code allowsOnly(traffic)} on open ports: what is open, the expected traffic that is not,
 * and what is open (or unknown) beyond it.
 */
public class ShouldAllowOnly extends BasicErrorMessageFactory {
  private ShouldAllowOnly(Facts facts) {
    super("%n%s", unquotedString(facts.render()));
  }

  /**
   * The message for open ports that are not exactly the expected traffic.
   *
   * @param actual the open ports
   * @param expected the traffic expected to be open, and nothing else
   * @param notOpen the expected traffic that is not open
   * @param unexpected what is open (or unknown) beyond the expected traffic, as text; empty when nothing
   * @return the factory
   */
  public static ErrorMessageFactory shouldAllowOnly(OpenPorts actual, List<Traffic> expected, List<Traffic> notOpen,
      String unexpected) {
    Facts f = facts().lines("open", actual).add("expected only", Facts.traffic(expected));
    if (!notOpen.isEmpty()) {
      f.add("not open", Facts.traffic(notOpen));
    }
    if (!unexpected.isEmpty()) {
      f.lines("unexpected", unexpected);
    }
    return new ShouldAllowOnly(f);
  }
}
