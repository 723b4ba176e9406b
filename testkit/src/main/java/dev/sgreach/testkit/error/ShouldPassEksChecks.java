package dev.sgreach.testkit.error;

import dev.sgreach.eks.LintReport;
import dev.sgreach.eks.Severity;
import org.assertj.core.error.BasicErrorMessageFactory;
import org.assertj.core.error.ErrorMessageFactory;

/**
 * Creates the message of {@code passesEksChecks()}: every ERROR finding of the cluster's EKS checks, each with the
 * path that is broken (or the thing that must not be open), why it matters, the member flows that do not get through
 * and the side that blocks them, and the fix as an {@code aws ec2} command; or, when there is no error but some check
 * could not be decided, every UNKNOWN finding with the data the snapshot lacks.
 */
public class ShouldPassEksChecks extends BasicErrorMessageFactory {
  private ShouldPassEksChecks(Facts facts) {
    super("%n%s", unquotedString(facts.render()));
  }

  /**
   * The message for a cluster whose EKS checks found errors.
   *
   * @param report the lint report of the cluster
   * @return the factory
   */
  public static ErrorMessageFactory shouldPassEksChecks(LintReport report) {
    return new ShouldPassEksChecks(report.hasErrors()
        ? Facts.lint(report, Severity.ERROR, "no errors from the EKS checks")
        : Facts.lint(report, Severity.UNKNOWN, "every EKS check decided (none lacking data)"));
  }
}
