package dev.sgreach.testkit.error;

import static dev.sgreach.testkit.error.Facts.facts;

import dev.sgreach.engine.OpenPorts;
import org.assertj.core.error.BasicErrorMessageFactory;
import org.assertj.core.error.ErrorMessageFactory;

/** Creates the message of {@code allowsNothing()} on open ports: everything that is open or unknown. */
public class ShouldAllowNothing extends BasicErrorMessageFactory {
  private ShouldAllowNothing(Facts facts) {
    super("%n%s", unquotedString(facts.render()));
  }

  /**
   * The message for open ports that are not empty.
   *
   * @param actual the open ports
   * @return the factory
   */
  public static ErrorMessageFactory shouldAllowNothing(OpenPorts actual) {
    return new ShouldAllowNothing(facts().add("expected open", "nothing").lines("but was", actual));
  }
}
