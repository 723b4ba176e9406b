package dev.sgreach.testkit.error;

import dev.sgreach.eks.LintReport;
import dev.sgreach.eks.Severity;
import org.assertj.core.error.BasicErrorMessageFactory;
import org.assertj.core.error.ErrorMessageFactory;

/**
 * Creates the message of {@code hasNoEksWarnings()}: every WARNING finding of the cluster's EKS checks (a path only
 * some members get through, a check the snapshot cannot decide, a public block other than {@code 0.0.0.0/0}), laid
 * out as {@link ShouldPassEksChecks} lays out errors.
 */
public class ShouldHaveNoEksWarnings extends BasicErrorMessageFactory {
  private ShouldHaveNoEksWarnings(Facts facts) {
    super("%n%s", unquotedString(facts.render()));
  }

  /**
   * The message for a cluster whose EKS checks gave warnings.
   *
   * @param report the lint report of the cluster
   * @return the factory
   */
  public static ErrorMessageFactory shouldHaveNoEksWarnings(LintReport report) {
    return new ShouldHaveNoEksWarnings(Facts.lint(report, Severity.WARNING, "no warnings from the EKS checks"));
  }
}
