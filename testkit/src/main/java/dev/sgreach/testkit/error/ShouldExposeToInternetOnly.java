package dev.sgreach.testkit.error;

import static dev.sgreach.testkit.error.Facts.facts;

import dev.sgreach.engine.Endpoint;
import dev.sgreach.model.Traffic;
import java.util.List;
import org.assertj.core.error.BasicErrorMessageFactory;
import org.assertj.core.error.ErrorMessageFactory;

/**
 * Creates the message of {@code exposesToInternetOnly(traffic)}: per ENI that differs, what the internet can open,
 * through which rules, which expected traffic it cannot open, and what it can open beyond it.
 */
public class ShouldExposeToInternetOnly extends BasicErrorMessageFactory {
  private ShouldExposeToInternetOnly(Facts facts) {
    super("%n%s", unquotedString(facts.render()));
  }

  /**
   * The message for an endpoint whose internet exposure is not exactly the expected traffic.
   *
   * @param endpoint the asked endpoint
   * @param expected the traffic the internet is expected to open, and nothing else
   * @param findings the ENIs that differ
   * @return the factory
   */
  public static ErrorMessageFactory shouldExposeToInternetOnly(Endpoint endpoint, List<Traffic> expected,
      List<ExposureFinding> findings) {
    Facts f = facts().add("subject", endpoint.label()).add("expected only", Facts.traffic(expected));
    findings.forEach(e -> e.render(f));
    return new ShouldExposeToInternetOnly(f);
  }
}
