package dev.sgreach.eks;

import com.google.common.collect.ImmutableList;
import dev.sgreach.engine.Fix;
import dev.sgreach.engine.Verdict;
import dev.sgreach.model.Echo;
import java.util.HashSet;
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
 */
public record Finding(Severity severity, String check, String title, String detail, Optional<Verdict> proof,
    ImmutableList<Fix> fixes, Optional<String> textFix) {

  /** The finding with its proof and fixes as text. */
  public String describe() {
    return describe(new HashSet<>());
  }

  /**
   * The finding as text, a fix already in {@code printed} (by its command) named in one line without its command;
   * the fixes printed here are added to it. Text from the snapshot is escaped ({@link Echo#visible}).
   */
  String describe(Set<String> printed) {
    StringBuilder b = new StringBuilder().append(severity).append(" [").append(check).append("] ")
        .append(Echo.visible(title)).append('\n').append("  ").append(Echo.visible(detail)).append('\n');
    proof.filter(v -> severity != Severity.INFO).ifPresent(v -> b.append(v.explainWithoutFixes().indent(2)));
    for (Fix f : fixes) {
      b.append("  fix: ").append(Echo.visible(f.describe()));
      if (printed.add(f.awsCliCommand())) {
        b.append('\n').append("    ").append(f.awsCliCommand()).append('\n');
      } else {
        b.append(" (command above)\n");
      }
    }
    textFix.ifPresent(t -> b.append("  fix: ").append(Echo.visible(t)).append('\n'));
    return b.toString();
  }

  @Override
  public String toString() {
    return severity + " [" + check + "] " + title;
  }
}
