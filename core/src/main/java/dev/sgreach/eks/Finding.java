package dev.sgreach.eks;

import com.google.common.collect.ImmutableList;
import dev.sgreach.engine.Fix;
import dev.sgreach.engine.Verdict;
import dev.sgreach.model.Echo;
import dev.sgreach.path.PathVerdict;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One result of {@link EksChecks}: a severity, the check it comes from, what was found, the engine's verdict that
 * proves it (the flow with the rules that admit or block it), and the fix: rules to add ({@link Fix}, as data and
 * as the {@code aws ec2 authorize-security-group-*} command) or, where a rule must go, a textual fix.
 *
 * @param severity how much it matters
 * @param check the check's id, e.g. {@code nodes-to-api}
 * @param title one line naming the path, e.g. {@code eks:c1/nodegroup:ng1 -> eks:c1/control-plane on tcp/443}
 * @param detail why the path matters, in EKS terms
 * @param proof the engine's verdict for the path, when there is one
 * @param fixes the rules to add
 * @param textFix a fix in words (or a revoke command), when rules to add do not say it
 * @param path the packet path's verdict, for the path checks ({@code path-*}): the hops (network ACL entries,
 *     routes, gateways) both ways, the blocking hop and the ACL entries or routes to add ({@link PathVerdict#fixes()})
 */
public record Finding(Severity severity, String check, String title, String detail, Optional<Verdict> proof,
    ImmutableList<Fix> fixes, Optional<String> textFix, Optional<PathVerdict> path) {

  /** A finding of the security-group checks: no path verdict. */
  public Finding(Severity severity, String check, String title, String detail, Optional<Verdict> proof,
      ImmutableList<Fix> fixes, Optional<String> textFix) {
    this(severity, check, title, detail, proof, fixes, textFix, Optional.empty());
  }

  /** The finding with its proof in short and its fixes as text. */
  public String describe() {
    return describe(new HashSet<>());
  }

  /**
   * The finding as text, a fix already in {@code printed} (by its command) named in one line without its command;
   * the fixes printed here are added to it. Text from the snapshot is escaped ({@link Echo#visible}).
   */
  String describe(Set<String> printed) {
    return describe(printed, true);
  }

  /**
   * The finding as text, the proof in short ({@link Verdict#explainInShort()}: the title names the question and the
   * outcome); the detail (why the path matters) only when {@code withDetail}; a fix already in {@code printed} (by
   * its command) named in one line without its command, and the fixes printed here added to it.
   */
  String describe(Set<String> printed, boolean withDetail) {
    return describe(List.of(this), printed, withDetail);
  }

  /**
   * Findings that {@link #sameButTraffic say the same but for the traffic} as one: the title with each traffic, the
   * detail when {@code withDetail}, the proof in short once, then every fix (a fix already in {@code printed}, by its
   * command, named in one line without its command; the fixes printed here are added to it).
   */
  static String describe(List<Finding> run, Set<String> printed, boolean withDetail) {
    Finding first = run.get(0);
    String title = run.size() == 1 ? first.title : first.titleWithoutTraffic() + " on " + run.stream()
        .map(f -> f.proof.orElseThrow().traffic().spec()).collect(java.util.stream.Collectors.joining(", "));
    StringBuilder b = new StringBuilder().append(first.severity).append(" [").append(first.check).append("] ")
        .append(Echo.visible(title)).append('\n');
    if (withDetail) {
      b.append("  ").append(Echo.visible(first.detail)).append('\n');
    }
    first.proof.filter(v -> first.severity != Severity.INFO).ifPresent(v -> b.append(v.explainInShort().indent(2)));
    first.path.filter(v -> first.severity != Severity.INFO).ifPresent(v -> b.append(v.explain().indent(2)));
    for (Finding finding : run) {
      for (Fix f : finding.fixes) {
        b.append("  fix: ").append(Echo.visible(f.describe()));
        if (printed.add(f.awsCliCommand())) {
          b.append('\n').append("    ").append(f.awsCliCommand()).append('\n');
        } else {
          b.append(" (command above)\n");
        }
      }
      finding.textFix.ifPresent(t -> b.append("  fix: ").append(Echo.visible(t)).append('\n'));
    }
    return b.toString();
  }

  /**
   * True when the two findings say the same but for the traffic: the same severity, check and detail, titles that
   * differ only in their closing {@code on SPEC} (the traffic of their proofs), and the same proof in short.
   */
  boolean sameButTraffic(Finding other) {
    return severity == other.severity && check.equals(other.check) && detail.equals(other.detail)
        && proof.isPresent() && other.proof.isPresent() && path.isEmpty() && other.path.isEmpty()
        && titleWithoutTraffic() != null
        && titleWithoutTraffic().equals(other.titleWithoutTraffic())
        && proof.get().explainInShort().equals(other.proof.get().explainInShort());
  }

  /** The title without its closing {@code on SPEC}, or null when it does not end with its proof's traffic. */
  private String titleWithoutTraffic() {
    String end = proof.map(v -> " on " + v.traffic().spec()).orElse(null);
    return end != null && title.endsWith(end) ? title.substring(0, title.length() - end.length()) : null;
  }

  @Override
  public String toString() {
    return severity + " [" + check + "] " + title;
  }
}
