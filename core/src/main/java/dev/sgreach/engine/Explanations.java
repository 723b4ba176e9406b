package dev.sgreach.engine;

import dev.sgreach.model.Warning;

/** Renders verdicts and flows as the indented text the command line prints; one place for the wording. */
final class Explanations {
  private Explanations() {}

  static String verdict(Verdict v) {
    StringBuilder b = new StringBuilder();
    b.append(v.outcome().word()).append(": ").append(v.from().label()).append(" -> ").append(v.to().label())
        .append(" on ").append(v.traffic().spec()).append('\n');
    b.append("  layers checked: ").append(layers(v.layersChecked())).append('\n');
    if (v.flows().size() > 1) {
      long allowed = v.flows().stream().filter(Flow::isAllowed).count();
      b.append("  ").append(v.coverage().word()).append(": ").append(allowed).append(" of ")
          .append(v.flows().size()).append(" member flows allowed\n");
      for (Flow f : v.flows()) {
        b.append(indent(flow(f), "  "));
      }
    } else {
      b.append(body(v.flows().get(0)));
    }
    for (Warning w : v.warnings()) {
      b.append("  warning: ").append(w.message()).append('\n');
    }
    return b.toString();
  }

  static String flow(Flow f) {
    return f.outcome().word() + ": " + f.source().label() + " -> " + f.destination().label() + " on "
        + f.traffic().spec() + "\n" + body(f);
  }

  private static String body(Flow f) {
    StringBuilder b = new StringBuilder();
    f.remark().ifPresent(r -> b.append("  ").append(r).append('\n'));
    f.egress().ifPresent(s -> side(b, s));
    f.ingress().ifPresent(s -> side(b, s));
    for (Fix fix : f.fixes()) {
      b.append("  fix: ").append(fix.describe()).append('\n');
      b.append("    ").append(fix.awsCliCommand()).append('\n');
    }
    f.path().ifPresent(p -> b.append(indent(p.explain(), "  ")));
    return b.toString();
  }

  /** {@code security groups, network ACLs, routes}: the layers a verdict judged. */
  static String layers(java.util.Set<dev.sgreach.model.Layer> layers) {
    return layers.stream().map(dev.sgreach.model.Layer::words).collect(java.util.stream.Collectors.joining(", "));
  }

  private static void side(StringBuilder b, SideCheck s) {
    b.append("  ").append(s.title()).append(" (").append(s.localAddress()).append(s.direction().word()
        .equals("egress") ? " -> " : " <- ").append(s.remoteAddress()).append("): ");
    switch (s.outcome()) {
      case ALLOWED -> b.append("allowed");
      case DENIED -> b.append("blocked");
      case UNKNOWN -> b.append("unknown");
    }
    s.note().ifPresent(n -> b.append(" (").append(n).append(')'));
    b.append('\n');
    for (RuleMatch m : s.matches()) {
      b.append("    by ").append(m.describe()).append('\n');
    }
    if (s.outcome() == Outcome.DENIED && s.nearMisses().isEmpty() && s.note().isEmpty()) {
      b.append("    no ").append(s.direction().word()).append(" rule admits this protocol ")
          .append(s.direction().word().equals("egress") ? "towards " : "from ").append(s.remoteAddress())
          .append('\n');
    }
    for (NearMiss n : s.nearMisses()) {
      b.append("    near miss: ").append(n.describe()).append('\n');
    }
    for (String m : s.missing()) {
      b.append("    missing: ").append(m).append('\n');
    }
  }

  private static String indent(String text, String prefix) {
    StringBuilder b = new StringBuilder();
    for (String line : text.split("\n")) {
      b.append(prefix).append(line).append('\n');
    }
    return b.toString();
  }
}
