package dev.sgreach.path;

import dev.sgreach.model.Layer;
import java.util.stream.Collectors;

/**
 * Renders path verdicts as indented text; one place for the wording. Values from the snapshot (ids, addresses) are
 * printed with control characters escaped, so the text is safe to paste.
 */
final class Explain {
  private Explain() {}

  static String verdict(PathVerdict v) {
    StringBuilder out = new StringBuilder();
    for (String line : text(v).split("\n")) {
      out.append(Shell.escape(line)).append('\n');
    }
    return out.toString();
  }

  private static String text(PathVerdict v) {
    StringBuilder b = new StringBuilder();
    b.append("path ").append(v.outcome().word()).append(": ").append(v.source().label()).append(" -> ")
        .append(v.destination().label()).append(" on ").append(v.traffic().spec()).append('\n');
    if (v.layersChecked().isEmpty()) {
      b.append("  not checked: the snapshot holds no network ACL or route table\n");
      return b.toString();
    }
    b.append("  layers checked: ").append(v.layersChecked().stream().map(Layer::words)
        .collect(Collectors.joining(", "))).append('\n');
    if (!v.layersChecked().contains(Layer.ROUTES)) {
      b.append("  routes not checked (the snapshot holds no route table): the ACLs of the two ends' subnets only\n");
    }
    b.append("  forward:\n");
    v.forward().forEach(h -> b.append("    ").append(h.describe()).append('\n'));
    if (!v.reply().isEmpty()) {
      boolean ports = v.traffic().protocol().hasPorts();
      b.append("  reply").append(ports ? " to the client's ephemeral ports (" + v.clientPorts().describe()
          + (v.clientPortsAssumed() ? ", assumed" : ", as given") + ")" : "").append(":\n");
      v.reply().forEach(h -> b.append("    ").append(h.describe()).append('\n'));
    }
    for (PathFix f : v.fixes()) {
      b.append("  fix: ").append(f.describe()).append('\n');
      b.append("    ").append(f.awsCliCommand()).append('\n');
    }
    return b.toString();
  }
}
