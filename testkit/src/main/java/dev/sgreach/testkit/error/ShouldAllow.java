package dev.sgreach.testkit.error;

import static dev.sgreach.testkit.error.Facts.facts;

import dev.sgreach.engine.OpenPorts;
import dev.sgreach.model.Traffic;
import java.util.List;
import org.assertj.core.error.BasicErrorMessageFactory;
import org.assertj.core.error.ErrorMessageFactory;

/** Creates the message of {@code allows(traffic)} on open ports: what is open, and the expected traffic that is not. */
public class ShouldAllow extends BasicErrorMessageFactory {
  private ShouldAllow(Facts facts) {
    super("%n%s", unquotedString(facts.render()));
  }

  /**
   * The message for open ports that miss some expected traffic.
   *
   * @param actual the open ports
   * @param expected the traffic expected to be open
   * @param notOpen the expected traffic that is not open
   * @return the factory
   */
  public static ErrorMessageFactory shouldAllow(OpenPorts actual, List<Traffic> expected, List<Traffic> notOpen) {
    return new ShouldAllow(facts().lines("open", actual).add("expected open", Facts.traffic(expected))
        .add("but not open", Facts.traffic(notOpen)));
  }
}
