package dev.sgreach.eks;

import com.google.common.collect.ImmutableList;

/**
 * The findings of {@link EksChecks#lint(EksCluster)} for one cluster: every check that ran, passed ({@link
 * Severity#INFO}) or not.
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

  /** True when some path a healthy cluster needs is closed, or something that must be closed is open. */
  public boolean hasErrors() {
    return !errors().isEmpty();
  }

  /**
   * The errors and warnings with proofs and fixes, then a count line. Each distinct fix's command is printed once,
   * at the first finding it fixes; a later finding names the fix in one line.
   */
  public String describe() {
    StringBuilder b = new StringBuilder("lint of EKS cluster " + dev.sgreach.model.Echo.visible(cluster) + "\n");
    java.util.Set<String> printed = new java.util.HashSet<>();
    for (Finding f : findings) {
      if (f.severity() != Severity.INFO) {
        b.append(f.describe(printed));
      }
    }
    b.append(errors().size()).append(" errors, ").append(warnings().size()).append(" warnings, ")
        .append(findings(Severity.INFO).size()).append(" checks passed\n");
    return b.toString();
  }

  @Override
  public String toString() {
    return "LintReport[" + cluster + ": " + errors().size() + " errors, " + warnings().size() + " warnings]";
  }
}
