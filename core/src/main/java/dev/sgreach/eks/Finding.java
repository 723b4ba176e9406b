package dev.sgreach.eks;

import com.google.common.collect.ImmutableList;
import dev.sgreach.engine.Fix;
import dev.sgreach.engine.Verdict;
import dev.sgreach.path.PathVerdict;
import java.util.Optional;

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

  /** The finding with its proof and fixes as text. */
  public String describe() {
    StringBuilder b = new StringBuilder().append(severity).append(" [").append(check).append("] ").append(title)
        .append('\n').append("  ").append(detail).append('\n');
    proof.filter(v -> severity != Severity.INFO).ifPresent(v -> b.append(v.explain().indent(2)));
    path.filter(v -> severity != Severity.INFO).ifPresent(v -> b.append(v.explain().indent(2)));
    for (Fix f : fixes) {
      b.append("  fix: ").append(f.describe()).append('\n').append("    ").append(f.awsCliCommand()).append('\n');
    }
    textFix.ifPresent(t -> b.append("  fix: ").append(t).append('\n'));
    return b.toString();
  }

  @Override
  public String toString() {
    return severity + " [" + check + "] " + title;
  }
}
