package dev.sgreach.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sgreach.engine.Flow;
import dev.sgreach.engine.FlowChange;
import dev.sgreach.engine.NetworkDiff;
import dev.sgreach.engine.Reachability;
import dev.sgreach.engine.RuleMatch;
import dev.sgreach.engine.SideCheck;
import dev.sgreach.model.Network;
import dev.sgreach.model.Echo;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code sgreach diff}: what a change opens and closes, between two snapshots or a snapshot and a change to it. */
@Command(name = "diff", mixinStandardHelpOptions = true, versionProvider = ManifestVersion.class,
    header = "What does this change open and close?",
    description = {
        "Compares two networks: BEFORE_DIR and AFTER_DIR (two snapshot folders), or --snapshot DIR and the same "
            + "network after --plan PLAN.json (terraform show -json) or --eksctl FILE (the cluster eksctl would "
            + "create; --eksctl alone compares with an empty network). Prints the rules added, removed or changed "
            + "per group, the ENIs that appeared, disappeared or changed groups, and the flows opened, closed or "
            + "made unknown, grouped by the group sets of the two ends and by port range, each with its proof: the "
            + "rules that admit an opened flow, the rule that used to admit a closed one and the side that blocks it "
            + "now. Prints nothing when nothing changed."},
    exitCodeListHeading = "%nExit status:%n",
    exitCodeList = {
        "0:no flow opened or closed",
        "1:some flow was opened or closed",
        "3:no flow surely changed, but some may have (a verdict unknown on one side of the change)",
        "2:bad input: options, snapshot folders, plan or eksctl file"})
final class DiffCommand extends AnalysisCommand {
  /** How many ENIs of an end are named before the rest are counted. */
  private static final int SHOWN = 3;

  @Parameters(arity = "0..2", paramLabel = "DIR", description = "BEFORE_DIR AFTER_DIR: two snapshot folders.")
  List<String> folders = new ArrayList<>();

  @Override
  Integer answer() {
    Network before;
    Network after;
    if (!folders.isEmpty()) {
      if (folders.size() != 2) {
        throw new BadInputException("diff takes two snapshot folders, BEFORE_DIR AFTER_DIR, or --snapshot DIR with "
            + "--plan PLAN.json or --eksctl FILE");
      }
      if (snapshot.snapshot != null || snapshot.plan != null || snapshot.eksctl != null) {
        throw new BadInputException("give either two snapshot folders or --snapshot with --plan/--eksctl, not both");
      }
      before = folder(folders.get(0));
      after = folder(folders.get(1));
    } else {
      if (snapshot.plan == null && snapshot.eksctl == null) {
        throw new BadInputException("diff needs BEFORE_DIR AFTER_DIR, or --snapshot DIR with --plan PLAN.json or "
            + "--eksctl FILE");
      }
      after = network();
      before = snapshot.snapshot == null ? Network.builder().build() : base();
    }
    NetworkDiff diff = NetworkDiff.between(compile(before), compile(after));
    print(text(diff), json(diff));
    if (diff.changesFlows()) {
      return ExitCodes.DENIED;
    }
    return diff.unknown().isEmpty() ? ExitCodes.OK : ExitCodes.UNKNOWN;
  }

  /** One of the two snapshot folders, loaded as {@code --snapshot} would be. */
  private Network folder(String name) {
    return snapshot.loadFolder(environment(), name, spec.commandLine().getErr());
  }

  // ---------------------------------------------------------------- text

  static String text(NetworkDiff diff) {
    StringBuilder b = new StringBuilder();
    if (!diff.groups().isEmpty()) {
      b.append("security groups:\n");
      for (NetworkDiff.GroupChange g : diff.groups()) {
        b.append("  ").append(Echo.visible(g.label())).append(": ").append(g.kind().word()).append('\n');
        for (NetworkDiff.RuleChange r : g.rules()) {
          b.append("    ").append(Echo.visible(r.toString())).append('\n');
        }
      }
    }
    if (!diff.interfaces().isEmpty()) {
      b.append("network interfaces:\n");
      for (NetworkDiff.AttachmentChange a : diff.interfaces()) {
        b.append("  ").append(Echo.visible(a.label())).append(": ").append(a.kind().word());
        a.gained().forEach(g -> b.append(", +").append(Echo.visible(g)));
        a.lost().forEach(g -> b.append(", -").append(Echo.visible(g)));
        b.append('\n');
      }
    }
    for (FlowChange.Kind kind : FlowChange.Kind.values()) {
      Map<String, List<FlowChange>> byEnds = new LinkedHashMap<>();
      for (FlowChange f : diff.flows()) {
        if (f.kind() == kind) {
          byEnds.computeIfAbsent(f.from().label() + " -> " + f.to().label(), k -> new ArrayList<>()).add(f);
        }
      }
      if (byEnds.isEmpty()) {
        continue;
      }
      b.append(kind.word()).append(":\n");
      for (Map.Entry<String, List<FlowChange>> e : byEnds.entrySet()) {
        b.append("  ").append(Echo.visible(e.getKey())).append('\n');
        for (FlowChange f : e.getValue()) {
          b.append("    ").append(f.traffic()).append(": ").append(ends(f)).append('\n');
          proof(b, f);
        }
      }
    }
    return b.toString();
  }

  private static String ends(FlowChange f) {
    return (f.from().isInternet() ? "internet" : names(f.from().interfaceIds())) + " -> "
        + names(f.to().interfaceIds());
  }

  private static String names(List<String> ids) {
    String shown = String.join(", ", ids.subList(0, Math.min(SHOWN, ids.size())));
    return Echo.visible(ids.size() > SHOWN ? shown + " (+" + (ids.size() - SHOWN) + " more)" : shown);
  }

  private static void proof(StringBuilder b, FlowChange f) {
    String t = f.traffic().first().map(x -> x.spec()).orElse("");
    if (f.from().isInternet()) {
      Set<String> rules = new LinkedHashSet<>();
      f.internetRules().forEach(m -> rules.add(m.describe()));
      String head = f.kind() == FlowChange.Kind.CLOSED ? "used to be admitted by " : "admitted by ";
      rules.forEach(r -> b.append("      ").append(head).append(Echo.visible(r)).append('\n'));
      return;
    }
    switch (f.kind()) {
      case OPENED -> f.after().ifPresent(a -> admitted(b, a, "on " + t + " now admitted by "));
      case CLOSED -> {
        f.before().ifPresent(a -> admitted(b, a, "on " + t + " used to be admitted by "));
        f.after().ifPresentOrElse(a -> a.blockingSides().forEach(s -> b.append("      now blocked by ")
            .append(Echo.visible(s.title())).append('\n')),
            () -> b.append("      an end no longer exists\n"));
      }
      default -> f.after().ifPresent(a -> {
        for (SideCheck s : List.of(a.egress(), a.ingress()).stream().flatMap(java.util.Optional::stream).toList()) {
          s.missing().forEach(m -> b.append("      on ").append(t).append(" unknown: ").append(Echo.visible(m))
              .append('\n'));
        }
      });
    }
  }

  private static void admitted(StringBuilder b, Flow flow, String head) {
    for (SideCheck s : List.of(flow.egress(), flow.ingress()).stream().flatMap(java.util.Optional::stream).toList()) {
      for (RuleMatch m : s.matches()) {
        b.append("      ").append(head).append(Echo.visible(m.describe())).append('\n');
      }
    }
  }

  // ---------------------------------------------------------------- json

  static JsonNode json(NetworkDiff diff) {
    JsonNodeFactory nodes = JsonNodeFactory.instance;
    ObjectNode o = nodes.objectNode();
    o.put("flowsChanged", diff.changesFlows());
    ArrayNode groups = o.putArray("securityGroups");
    for (NetworkDiff.GroupChange g : diff.groups()) {
      ObjectNode n = groups.addObject().put("groupId", g.groupId()).put("label", g.label()).put("change",
          g.kind().word());
      ArrayNode rules = n.putArray("rules");
      for (NetworkDiff.RuleChange r : g.rules()) {
        ObjectNode rn = rules.addObject().put("change", r.kind().word()).put("direction", r.direction().word());
        r.before().ifPresent(x -> rn.set("before", Json.rule(x)));
        r.after().ifPresent(x -> rn.set("after", Json.rule(x)));
      }
    }
    ArrayNode enis = o.putArray("networkInterfaces");
    for (NetworkDiff.AttachmentChange a : diff.interfaces()) {
      ObjectNode n = enis.addObject().put("interfaceId", a.interfaceId()).put("change", a.kind().word());
      a.gained().forEach(n.withArray("gained")::add);
      a.lost().forEach(n.withArray("lost")::add);
    }
    ArrayNode flows = o.putArray("flows");
    for (FlowChange f : diff.flows()) {
      ObjectNode n = flows.addObject().put("change", f.kind().word());
      n.set("from", end(f.from()));
      n.set("to", end(f.to()));
      ArrayNode traffic = n.putArray("traffic");
      f.traffic().parts().forEach(traffic::add);
      f.before().ifPresent(x -> n.set("before", Json.flow(x)));
      f.after().ifPresent(x -> n.set("after", Json.flow(x)));
      if (f.from().isInternet()) {
        ArrayNode rules = n.putArray("internetRules");
        f.internetRules().forEach(m -> rules.add(Json.rule(m.group(), m.rule())));
      }
    }
    return o;
  }

  private static ObjectNode end(FlowChange.End e) {
    ObjectNode n = JsonNodeFactory.instance.objectNode().put("label", e.label());
    e.interfaceIds().forEach(n.withArray("interfaces")::add);
    e.securityGroupIds().forEach(n.withArray("securityGroups")::add);
    return n;
  }
}
