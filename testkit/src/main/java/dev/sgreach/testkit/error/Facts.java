package dev.sgreach.testkit.error;

import dev.sgreach.eks.Finding;
import dev.sgreach.eks.LintReport;
import dev.sgreach.eks.Severity;
import dev.sgreach.engine.Endpoint;
import dev.sgreach.engine.Fix;
import dev.sgreach.engine.Flow;
import dev.sgreach.engine.FlowGroup;
import dev.sgreach.engine.Member;
import dev.sgreach.engine.NearMiss;
import dev.sgreach.engine.Outcome;
import dev.sgreach.engine.RuleMatch;
import dev.sgreach.engine.SideCheck;
import dev.sgreach.engine.Verdict;
import dev.sgreach.model.AwsCli;
import dev.sgreach.model.Direction;
import dev.sgreach.model.Echo;
import dev.sgreach.model.Traffic;
import dev.sgreach.model.Warning;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A failure message as Truth lays it out: one fact a line, a fixed key and a runtime value, keys padded so that the
 * colons line up; a blank line between groups. Also renders the engine's proof of a flow as facts, so every message
 * words a proof the same way.
 */
final class Facts {
  /** How many members of one side of a group of member flows a message names before it counts the rest. */
  static final int LISTED = 8;
  private static final String NL = System.lineSeparator();
  private final List<String[]> rows = new ArrayList<>();

  static Facts facts() {
    return new Facts();
  }

  /** One fact; the value's control characters escaped ({@link Echo#visible}), so no value can forge a line. */
  Facts add(String key, Object value) {
    rows.add(new String[] {key, Echo.visible(String.valueOf(value))});
    return this;
  }

  /** One fact a line of a multi-line value (e.g. {@code OpenPorts.toString()}), all under the same key. */
  Facts lines(String key, Object value) {
    for (String line : String.valueOf(value).split("\\R")) {
      add(key, line);
    }
    return this;
  }

  Facts blank() {
    rows.add(null);
    return this;
  }

  /** The facts of one member flow: its members, then the proof of each side, then the fixes. */
  Facts flow(Flow f) {
    return flow(f, false);
  }

  private Facts flow(Flow f, boolean withOutcome) {
    add("flow", f.source().label() + " -> " + f.destination().label());
    if (withOutcome) {
      add("outcome", f.outcome().word());
    }
    return proof(f).fixes(f.fixes());
  }

  /** The proof of each side of a flow, without its fixes. */
  private Facts proof(Flow f) {
    return proof(f, false);
  }

  /**
   * The proof of each side; {@code grouped}: the flow stands for a {@link FlowGroup}, whose flows that do not get
   * through may be admitted by different rules on the side that lets them out, so that side is one line.
   */
  private Facts proof(Flow f, boolean grouped) {
    f.remark().ifPresent(r -> add("remark", r));
    boolean brief = grouped && !f.isAllowed();
    f.egress().ifPresent(s -> side(s, brief));
    f.ingress().ifPresent(s -> side(s, brief));
    return this;
  }

  private Facts fixes(List<Fix> fixes) {
    for (Fix fix : fixes) {
      add("fix", fix.describe());
      add("fix command", fix.awsCliCommand());
    }
    return this;
  }

  /**
   * {@code flows} of a group: the one member pair, or how many member flows and which members take part (at most
   * {@value #LISTED} a side, then a count).
   */
  private Facts members(FlowGroup g) {
    if (g.count() == 1) {
      return add("flow", g.proof().source().label() + " -> " + g.proof().destination().label());
    }
    if (g.isEveryPair()) {
      return add("flows", g.count() + " member flows").add("from", list(g.sources())).add("to",
          list(g.destinations()));
    }
    return pairs(g.count(), List.of(g));
  }

  /** {@code flows}: how many member flows, then the first {@value #LISTED} pairs of these groups. */
  private Facts pairs(long count, List<FlowGroup> groups) {
    List<String> pairs = groups.stream().flatMap(g -> g.pairs(LISTED).stream()).limit(LISTED)
        .map(FlowGroup.MemberPair::label).toList();
    return add("flows", count + " member flows: " + String.join(", ", pairs)
        + (count > LISTED ? " and " + (count - LISTED) + " more" : ""));
  }

  /** {@code flows} of several groups together: as {@link #members(FlowGroup)} says them of one. */
  private Facts members(List<FlowGroup> groups) {
    if (groups.size() == 1) {
      return members(groups.get(0));
    }
    long count = groups.stream().mapToLong(FlowGroup::count).sum();
    List<Member> sources = groups.stream().flatMap(g -> g.sources().stream()).distinct().toList();
    List<Member> destinations = groups.stream().flatMap(g -> g.destinations().stream()).distinct().toList();
    if ((long) sources.size() * destinations.size() == count) {
      return add("flows", count + " member flows").add("from", list(sources)).add("to", list(destinations));
    }
    return pairs(count, groups);
  }

  private static String list(List<Member> members) {
    String named = members.stream().limit(LISTED).map(Member::label).collect(Collectors.joining(", "));
    return members.size() > LISTED ? named + " and " + (members.size() - LISTED) + " more" : named;
  }

  /** {@code from}, {@code to} and {@code traffic} of a verdict. */
  Facts question(Verdict v) {
    return add("from", v.from().label()).add("to", v.to().label()).add("traffic", v.traffic().spec());
  }

  /**
   * The member flows of a verdict, each with its proof, then the network's warnings about the groups involved. A flow
   * whose outcome is {@code skip} (null: none) gets no proof; in a verdict of several flows it is still listed with
   * its outcome, so the message gives the result of every member pair.
   */
  Facts flows(Verdict v, Outcome skip) {
    if (v.memberFlows() == 1) {
      Flow f = v.groups().get(0).proof();
      if (f.outcome() != skip) {
        flow(f, false);
      }
    } else {
      List<FlowGroup> skipped = new ArrayList<>();
      for (FlowGroup g : v.groups()) {
        if (g.outcome() == skip) {
          skipped.add(g);
          continue;
        }
        members(g).add("outcome", g.outcome().word()).proof(g.proof(), g.count() > 1);
      }
      if (!skipped.isEmpty()) {
        members(skipped).add("outcome", skip.word());
      }
      fixes(v.fixes());
    }
    if (skip == Outcome.DENIED) {
      revokes(v);
    }
    for (Warning w : v.warnings()) {
      add("warning", w.message());
    }
    return this;
  }

  /**
   * For a flow that should be denied: the command that removes each receiver's ingress rule admitting it (each
   * once). The ingress side is the one to close: the sender's egress rules are often "all traffic anywhere", which
   * the sender needs for everything else.
   */
  private void revokes(Verdict v) {
    java.util.Set<String> commands = new java.util.LinkedHashSet<>();
    for (FlowGroup g : v.groups()) { // an allowed group's flows are admitted by the same rules (FlowGroup)
      Flow f = g.proof();
      if (f.isAllowed()) {
        f.ingress().ifPresent(s -> s.matches().forEach(m -> commands.add(AwsCli.revoke(m.group().id(), m.rule()))));
      }
    }
    commands.forEach(c -> add("revoke command", c));
  }

  /**
   * {@code from} and {@code to}, then per verdict a group: its traffic, the expected and actual outcome, and the
   * member flows whose outcome is not {@code skip}, with their proof.
   */
  static Facts perTraffic(Endpoint from, Endpoint to, List<Verdict> verdicts, Outcome expected, Outcome skip,
      Function<Verdict, String> was) {
    Facts f = facts().add("from", from.label()).add("to", to.label());
    for (Verdict v : verdicts) {
      f.blank().add("traffic", v.traffic().spec()).add("expected", expected.word()).add("but was", was.apply(v))
          .coverageIfSeveral(v).flows(v, skip);
    }
    return f;
  }

  /** {@code some (1 of 3 member flows allowed)}. */
  static String coverage(Verdict v) {
    return v.coverage().word() + " (" + v.allowedFlows() + " of " + v.memberFlows() + " member flows allowed)";
  }

  /** {@code coverage} of a verdict with several member flows; nothing for a single flow. */
  Facts coverageIfSeveral(Verdict v) {
    return v.memberFlows() > 1 ? add("coverage", coverage(v)) : this;
  }

  /** The proof of each flow, headed by its traffic and outcome. */
  Facts proofs(List<Flow> proofs) {
    for (Flow f : proofs) {
      add("proof", f.traffic().spec() + " " + f.outcome().word());
      flow(f);
    }
    return this;
  }

  /**
   * The findings of one severity of an EKS lint: {@code cluster}, {@code expected}, {@code but found}, then per
   * finding a group: its check and title, why the path matters, the proof in short and the fixes.
   */
  static Facts lint(LintReport report, Severity severity, String expected) {
    List<Finding> found = report.findings(severity);
    String key = severity.name().toLowerCase(Locale.ROOT);
    Facts f = facts().add("cluster", report.cluster()).add("expected", expected)
        .add("but found", found.size() + " " + key + (found.size() == 1 ? "" : "s"));
    java.util.Set<String> printed = new java.util.HashSet<>();
    for (Finding finding : found) {
      f.blank().add(key, "[" + finding.check() + "] " + finding.title()).add("why", finding.detail());
      finding.proof().ifPresent(f::proofInShort);
      for (Fix fix : finding.fixes()) {
        if (printed.add(fix.awsCliCommand())) {
          f.add("fix", fix.describe());
          f.add("fix command", fix.awsCliCommand());
        } else {
          f.add("fix", fix.describe() + " (command above)");
        }
      }
      finding.textFix().ifPresent(t -> f.add("fix", t));
    }
    return f;
  }

  /**
   * A verdict in short: for a path that is open, the rules that open it; for one that is not, each member flow that
   * does not get through and the side that stops it (no near misses: the fixes follow).
   */
  private void proofInShort(Verdict v) {
    for (FlowGroup g : v.groups()) {
      Flow flow = g.proof();
      if (!v.isAllowed() && flow.isAllowed()) {
        continue;
      }
      if (g.count() == 1) {
        add("flow", flow.source().label() + " -> " + flow.destination().label() + ": " + flow.outcome().word());
      } else {
        members(g).add("outcome", g.outcome().word());
      }
      for (SideCheck s : Stream.of(flow.egress(), flow.ingress()).flatMap(Optional::stream).toList()) {
        switch (s.outcome()) {
          case ALLOWED -> {
            if (v.isAllowed()) {
              s.matches().forEach(m -> add(s.direction().word() + " rule", m.describe()));
            }
          }
          case DENIED -> add("blocked at", where(s));
          case UNKNOWN -> {
            add("unknown at", where(s));
            s.missing().forEach(m -> add("missing", m));
          }
        }
      }
    }
  }

  private void side(SideCheck s, boolean brief) {
    String dir = s.direction().word();
    switch (s.outcome()) {
      case ALLOWED -> {
        if (brief) {
          add(dir, "allowed");
          return;
        }
        if (s.matches().isEmpty()) {
          s.note().ifPresent(n -> add(dir, n));
        }
        for (RuleMatch m : s.matches()) {
          add(dir + " rule", m.describe());
        }
      }
      case DENIED -> {
        add("blocked at", where(s));
        s.note().ifPresent(n -> add("note", n));
        if (s.nearMisses().isEmpty()) {
          add("near miss", "none");
        }
        for (NearMiss n : s.nearMisses()) {
          add("near miss", n.describe());
        }
      }
      case UNKNOWN -> {
        add("unknown at", where(s));
        for (String m : s.missing()) {
          add("missing", m);
        }
      }
    }
  }

  private static String where(SideCheck s) {
    String arrow = s.direction() == Direction.EGRESS ? " -> " : " <- ";
    return s.title() + " (" + s.localAddress() + arrow + s.remoteAddress() + ")";
  }

  static String traffic(List<Traffic> traffic) {
    return traffic.stream().map(Traffic::spec).collect(Collectors.joining(", "));
  }

  String render() {
    int width = 0;
    for (String[] r : rows) {
      if (r != null) {
        width = Math.max(width, r[0].length());
      }
    }
    StringBuilder b = new StringBuilder();
    for (String[] r : rows) {
      if (r != null) {
        b.append(r[0]).append(" ".repeat(width - r[0].length())).append(": ").append(r[1]);
      }
      b.append(NL);
    }
    return b.toString();
  }
}
