package dev.sgreach.eks;

import com.google.common.collect.ImmutableList;

/**
 * The findings of {@link EksChecks#lint(EksCluster)} for one cluster: every check that ran, passed ({@link
 * Severity#INFO}) or not, and every check that could not be decided for missing data ({@link Severity#UNKNOWN}).
 *
 * @param cluster the cluster name
 * @param findings every finding, in the order the checks ran
 */
public record LintReport(String cluster, ImmutableList<Finding> findings) {

  /** The findings of this severity. */
  public ImmutableList<Finding> findings(Severity severity) {
    return findings.stream().filter(f -> f.severity() == severity).collect(ImmutableList.toImmutableList());
  }

  /** The errors. */
  public ImmutableList<Finding> errors() {
    return findings(Severity.ERROR);
  }

  /** The warnings. */
  public ImmutableList<Finding> warnings() {
    return findings(Severity.WARNING);
  }

  /** The checks that could not be decided, each naming the data it lacks. */
  public ImmutableList<Finding> unknowns() {
    return findings(Severity.UNKNOWN);
  }

  /** True when some path a healthy cluster needs is closed, or something that must be closed is open. */
  public boolean hasErrors() {
    return !errors().isEmpty();
  }

  /** True when some check could not be decided from the snapshot: the cluster is not known to pass. */
  public boolean hasUnknowns() {
    return !unknowns().isEmpty();
  }

  /** The errors and warnings with proofs and fixes, then a count line. */
  public String describe() {
    StringBuilder b = new StringBuilder("lint of EKS cluster " + cluster + "\n");
    for (Finding f : findings) {
      if (f.severity() != Severity.INFO) {
        b.append(f.describe());
      }
    }
    b.append(errors().size()).append(" errors, ").append(warnings().size()).append(" warnings, ");
    if (hasUnknowns()) {
      b.append(unknowns().size()).append(" unknown (missing data), ");
    }
    b.append(findings(Severity.INFO).size()).append(" checks passed\n");
    return b.toString();
  }

  @Override
  public String toString() {
    return "LintReport[" + cluster + ": " + errors().size() + " errors, " + warnings().size() + " warnings, "
        + unknowns().size() + " unknown]";
  }
}
