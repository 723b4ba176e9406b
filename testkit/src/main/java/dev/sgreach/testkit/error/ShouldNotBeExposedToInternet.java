package dev.sgreach.testkit.error;

import static dev.sgreach.testkit.error.Facts.facts;

import dev.sgreach.engine.Exposure;
import org.assertj.core.error.BasicErrorMessageFactory;
import org.assertj.core.error.ErrorMessageFactory;

/**
 * Creates the message of {@code isNotExposedToInternet()}: each ENI the internet can open something to, what, and the
 * inbound rules that admit internet sources.
 */
public class ShouldNotBeExposedToInternet extends BasicErrorMessageFactory {
  private ShouldNotBeExposedToInternet(Facts facts) {
    super("%n%s", unquotedString(facts.render()));
  }

  /**
   * The message for an endpoint (or a whole network) exposed to the internet.
   *
   * @param subject what was asserted on: an endpoint's label, or {@code network}
   * @param exposure the engine's exposure of it
   * @return the factory
   */
  public static ErrorMessageFactory shouldNotBeExposedToInternet(String subject, Exposure exposure) {
    Facts f = facts().add("subject", subject).add("expected", "not exposed to the internet")
        .add("but was", "exposed on " + exposure.interfaces().size() + " network interface(s)");
    exposure.interfaces().forEach(e -> ExposureFinding.of(e).render(f));
    return new ShouldNotBeExposedToInternet(f);
  }
}
