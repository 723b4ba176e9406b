package dev.sgreach.engine;

import dev.sgreach.model.Echo;
import dev.sgreach.model.Warning;
import java.util.List;

/**
 * Renders verdicts and flows as the indented text the command line prints; one place for the wording.
 *
 * <p>Every value that comes from a snapshot (ids, names, descriptions, reasons) is written through
 * {@link Echo#visible}, so a control character in a group's description can neither start a line of its own nor
 * recolour a terminal; commands come from {@link Fix#awsCliCommand()} (validated and shell-quoted).
 *
 * <p>A verdict over several member flows is written as its {@link FlowGroup}s: one proof per group of flows that end
 * alike for the same reasons, headed by how many flows it stands for and which members take part (at most
 * {@value #LISTED} per side, then a count), and each fix once, after the groups.
 */
final class Explanations {
  /** How many members of one side of a group are named before the rest are counted. */
  static final int LISTED = 8;

  private Explanations() {}

  static String verdict(Verdict v) {
    StringBuilder b = new StringBuilder();
    b.append(v.outcome().word()).append(": ").append(text(v.from().label())).append(" -> ")
        .append(text(v.to().label())).append(" on ").append(v.traffic().spec()).append('\n');
    b.append("  layers checked: ").append(layers(v.layersChecked())).append('\n');
    if (v.memberFlows() > 1) {
      b.append("  ").append(v.coverage().word()).append(": ").append(v.allowedFlows()).append(" of ")
          .append(v.memberFlows()).append(" member flows allowed\n");
      for (FlowGroup g : v.groups()) {
        b.append("  ").append(g.outcome().word()).append(": ").append(members(g)).append('\n');
        b.append(indent(body(g.proof(), false, g.count() > 1), "  "));
      }
      fixes(b, v.fixes());
    } else {
      b.append(body(v.groups().get(0).proof(), true, false));
    }
    for (Warning w : v.warnings()) {
      b.append("  warning: ").append(text(w.message())).append('\n');
    }
    return b.toString();
  }

  /**
   * The proof in short, for a report whose own lines already name the question, the outcome and the fixes (lint):
   * per group of member flows its members (for several flows), then for a flow that gets through the rules on both
   * sides, and for one that does not only the sides that stop it, with why; then the warnings.
   */
  static String inShort(Verdict v) {
    StringBuilder b = new StringBuilder();
    boolean several = v.memberFlows() > 1;
    for (FlowGroup g : v.groups()) {
      Flow f = g.proof();
      if (several) {
        b.append(g.outcome().word()).append(": ").append(members(g)).append('\n');
      }
      if (!v.isAllowed() && f.isAllowed()) {
        continue;
      }
      StringBuilder proof = new StringBuilder();
      f.remark().ifPresent(r -> proof.append("  ").append(text(r)).append('\n'));
      for (SideCheck s : java.util.stream.Stream.of(f.egress(), f.ingress()).flatMap(java.util.Optional::stream)
          .toList()) {
        if (f.isAllowed() || s.outcome() != Outcome.ALLOWED) {
          side(proof, s, false, true);
        }
      }
      String text = proof.toString();
      b.append(several ? text : text.replaceAll("(?m)^  ", ""));
    }
    for (Warning w : v.warnings()) {
      b.append("warning: ").append(text(w.message())).append('\n');
    }
    return b.toString();
  }

  /** {@code eni-1 (10.0.0.1) -> eni-2 (10.0.0.2)}, or for a group its count and sides. */
  private static String members(FlowGroup g) {
    if (g.count() == 1) {
      return text(g.proof().source().label()) + " -> " + text(g.proof().destination().label());
    }
    if (g.isEveryPair()) {
      return g.count() + " member flows, from " + list(g.sources()) + " to " + list(g.destinations());
    }
    StringBuilder b = new StringBuilder().append(g.count()).append(" member flows: ");
    List<FlowGroup.MemberPair> pairs = g.pairs(LISTED);
    for (int i = 0; i < pairs.size(); i++) {
      b.append(i == 0 ? "" : ", ").append(text(pairs.get(i).label()));
    }
    if (g.count() > LISTED) {
      b.append(" and ").append(g.count() - LISTED).append(" more");
    }
    return b.toString();
  }

  private static String list(List<Member> members) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < Math.min(LISTED, members.size()); i++) {
      b.append(i == 0 ? "" : ", ").append(text(members.get(i).label()));
    }
    if (members.size() > LISTED) {
      b.append(" and ").append(members.size() - LISTED).append(" more");
    }
    return b.toString();
  }

  static String flow(Flow f) {
    return f.outcome().word() + ": " + text(f.source().label()) + " -> " + text(f.destination().label()) + " on "
        + f.traffic().spec() + "\n" + body(f, true, false);
  }

  /**
   * A flow's proof; {@code grouped}: it stands for a group, where a side that admits a flow that does not get
   * through is one line (the admitting rules differ between the group's flows, see {@link FlowGroup}).
   */
  private static String body(Flow f, boolean withFixes, boolean grouped) {
    StringBuilder b = new StringBuilder();
    boolean brief = grouped && !f.isAllowed();
    f.remark().ifPresent(r -> b.append("  ").append(text(r)).append('\n'));
    f.egress().ifPresent(s -> side(b, s, brief));
    f.ingress().ifPresent(s -> side(b, s, brief));
    if (withFixes) {
      fixes(b, f.fixes());
    }
    f.path().ifPresent(p -> b.append(indent(p.explain(), "  ")));
    return b.toString();
  }

  /** {@code security groups, network ACLs, routes}: the layers a verdict judged. */
  static String layers(java.util.Set<dev.sgreach.model.Layer> layers) {
    return layers.stream().map(dev.sgreach.model.Layer::words).collect(java.util.stream.Collectors.joining(", "));
  }

  private static void fixes(StringBuilder b, List<Fix> fixes) {
    for (Fix fix : fixes) {
      b.append("  fix: ").append(text(fix.describe())).append('\n');
      b.append("    ").append(fix.awsCliCommand()).append('\n');
    }
  }

  private static void side(StringBuilder b, SideCheck s, boolean brief) {
    side(b, s, brief, false);
  }

  /**
   * One side: its address pair and outcome, then the rules that admit it, or why not; {@code joined}: a side that
   * does not admit with exactly one reason gives it on the same line ({@code blocked: no ingress rule admits ...}).
   */
  private static void side(StringBuilder b, SideCheck s, boolean brief, boolean joined) {
    b.append("  ").append(text(s.title())).append(" (").append(s.localAddress()).append(s.direction().word()
        .equals("egress") ? " -> " : " <- ").append(s.remoteAddress()).append("): ");
    switch (s.outcome()) {
      case ALLOWED -> b.append("allowed");
      case DENIED -> b.append("blocked");
      case UNKNOWN -> b.append("unknown");
    }
    s.note().ifPresent(n -> b.append(" (").append(text(n)).append(')'));
    if (joined && s.outcome() != Outcome.ALLOWED) {
      List<String> reasons = reasons(s);
      if (reasons.size() == 1) {
        b.append(": ").append(reasons.get(0)).append('\n');
        return;
      }
    }
    b.append('\n');
    if (brief && s.outcome() == Outcome.ALLOWED) {
      return;
    }
    for (RuleMatch m : s.matches()) {
      b.append("    by ").append(text(m.describe())).append('\n');
    }
    for (String reason : reasons(s)) {
      b.append("    ").append(reason).append('\n');
    }
  }

  /** Why a side does not admit: no rule of the protocol, the near misses, the missing data (escaped). */
  private static List<String> reasons(SideCheck s) {
    List<String> out = new java.util.ArrayList<>();
    if (s.outcome() == Outcome.DENIED && s.nearMisses().isEmpty() && s.note().isEmpty()) {
      out.add("no " + s.direction().word() + " rule admits this protocol "
          + (s.direction().word().equals("egress") ? "towards " : "from ") + s.remoteAddress());
    }
    for (NearMiss n : s.nearMisses()) {
      out.add("near miss: " + text(n.describe()));
    }
    for (String m : s.missing()) {
      out.add("missing: " + text(m));
    }
    return out;
  }

  /** Text from a snapshot or a caller, with control characters escaped. */
  private static String text(String s) {
    return Echo.visible(s);
  }

  private static String indent(String text, String prefix) {
    StringBuilder b = new StringBuilder();
    for (String line : text.split("\n")) {
      b.append(prefix).append(line).append('\n');
    }
    return b.toString();
  }
}
