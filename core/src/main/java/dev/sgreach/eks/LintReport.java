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

  /**
   * The errors and warnings with proofs in short and fixes, then a count line. Each distinct fix's command is printed
   * once, at the first finding it fixes, and a later finding names the fix in one line; why a check matters is said
   * at its first finding; findings in a row that say the same but for the traffic (node to node on tcp/53, udp/53
   * and tcp/1025, blocked alike) are written as one, naming each traffic.
   */
  public String describe() {
    StringBuilder b = new StringBuilder("lint of EKS cluster " + dev.sgreach.model.Echo.visible(cluster) + "\n");
    java.util.Set<String> printed = new java.util.HashSet<>();
    java.util.Set<String> explained = new java.util.HashSet<>();
    java.util.List<Finding> shown = findings.stream().filter(f -> f.severity() != Severity.INFO).toList();
    for (int i = 0; i < shown.size(); ) {
      // findings in a row that say the same but for the traffic are written as one
      int j = i + 1;
      while (j < shown.size() && shown.get(i).sameButTraffic(shown.get(j))) {
        j++;
      }
      Finding f = shown.get(i);
      b.append(Finding.describe(shown.subList(i, j), printed, explained.add(f.check() + "\n" + f.detail())));
      i = j;
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
