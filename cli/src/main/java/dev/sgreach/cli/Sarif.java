package dev.sgreach.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.common.hash.Hashing;
import dev.sgreach.eks.EksChecks;
import dev.sgreach.eks.Finding;
import dev.sgreach.eks.LintReport;
import dev.sgreach.eks.Severity;
import dev.sgreach.engine.Fix;
import dev.sgreach.engine.Flow;
import dev.sgreach.engine.RuleMatch;
import dev.sgreach.engine.Verdict;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code lint --format sarif}: the findings as one SARIF 2.1.0 log for code-scanning pipelines.
 *
 * <ul>
 *   <li>One run; the tool is {@code sgreach}, its rules are the checks of {@link EksChecks#CHECKS}, each with its
 *       description and default level (error, or warning for a check whose findings here are all warnings).</li>
 *   <li>One result per error or warning finding (checks that passed are not results), with the check as
 *       {@code ruleId}, the severity as {@code level}, the title, why it matters and the fixes (rules to add with
 *       their {@code aws ec2} commands, or the revoke command) as the message, the fix commands again in
 *       {@code properties.fixes}, and a fingerprint of cluster, check and title.</li>
 *   <li>A <b>location</b> is what to change: the security group a fix adds a rule to, else the group whose rule admits
 *       what must stay closed (exposure), else the ENI that cannot be reached; physically, the object of that group
 *       or ENI in the snapshot's JSON file ({@code ec2-describe-security-groups.json} lines from its {@code {} to its
 *       {@code }}), logically the group or ENI as {@code <cluster>/<id>} (kind {@code resource}). The first is the
 *       result's location, the others are related locations. A finding about no one resource (no backend rule
 *       anywhere) points at the security-groups file and the cluster. Paths are the {@code --snapshot} folder as
 *       given, relative to {@code %SRCROOT%} (the working directory) unless it was absolute.</li>
 * </ul>
 */
final class Sarif {
  static final String SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/"
      + "sarif-schema-2.1.0.json";
  static final String SOURCE_ROOT = "%SRCROOT%";
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final String snapshotAsGiven;
  private final Path workingDirectory;
  private final SnapshotLocations locations;

  Sarif(String snapshotAsGiven, Path snapshotFolder, Path workingDirectory) {
    this.snapshotAsGiven = snapshotAsGiven;
    this.workingDirectory = workingDirectory;
    this.locations = new SnapshotLocations(snapshotFolder);
  }

  ObjectNode log(List<LintReport> reports, String version) {
    ObjectNode log = NODES.objectNode();
    log.put("$schema", SCHEMA);
    log.put("version", "2.1.0");
    ObjectNode run = log.putArray("runs").addObject();
    ObjectNode driver = run.putObject("tool").putObject("driver");
    driver.put("name", "sgreach");
    if (version != null) {
      driver.put("version", version);
    }
    Set<String> checks = new LinkedHashSet<>(EksChecks.CHECKS.keySet());
    reports.forEach(r -> r.findings().forEach(f -> checks.add(f.check())));
    Map<String, Integer> ruleIndex = new LinkedHashMap<>();
    ArrayNode rules = driver.putArray("rules");
    for (String check : checks) {
      ruleIndex.put(check, ruleIndex.size());
      ObjectNode rule = rules.addObject();
      rule.put("id", check);
      String description = EksChecks.CHECKS.getOrDefault(check, check);
      rule.putObject("shortDescription").put("text", description);
      rule.putObject("fullDescription").put("text", description + ".");
      rule.putObject("defaultConfiguration").put("level", defaultLevel(reports, check));
    }
    if (!isAbsolute()) {
      run.putObject("originalUriBaseIds").putObject(SOURCE_ROOT).put("uri",
          directoryUri(workingDirectory.toAbsolutePath().normalize()));
    }
    ArrayNode results = run.putArray("results");
    for (LintReport r : reports) {
      for (Finding f : r.findings()) {
        if (f.severity() != Severity.INFO) {
          results.add(result(r.cluster(), f, ruleIndex.get(f.check())));
        }
      }
    }
    return log;
  }

  private static String defaultLevel(List<LintReport> reports, String check) {
    boolean error = reports.stream().flatMap(r -> r.findings().stream())
        .anyMatch(f -> f.check().equals(check) && f.severity() == Severity.ERROR);
    return error || reports.stream().flatMap(r -> r.findings().stream())
        .noneMatch(f -> f.check().equals(check) && (f.severity() == Severity.WARNING
            || f.severity() == Severity.UNKNOWN)) ? "error" : "warning";
  }

  private ObjectNode result(String cluster, Finding f, int index) {
    ObjectNode o = NODES.objectNode();
    o.put("ruleId", f.check());
    o.put("ruleIndex", index);
    o.put("level", f.severity() == Severity.ERROR ? "error" : "warning");
    o.putObject("message").put("text", message(f));
    List<String[]> resources = resources(f);
    ArrayNode locs = o.putArray("locations");
    if (resources.isEmpty()) {
      locs.add(clusterLocation(cluster));
    } else {
      locs.add(location(cluster, resources.get(0)));
      if (resources.size() > 1) {
        ArrayNode related = o.putArray("relatedLocations");
        for (int i = 1; i < resources.size(); i++) {
          related.add(location(cluster, resources.get(i)).put("id", i));
        }
      }
    }
    o.putObject("partialFingerprints").put("sgreachFinding/v1", Hashing.sha256()
        .hashString(cluster + "\n" + f.check() + "\n" + f.title(), StandardCharsets.UTF_8).toString());
    ObjectNode props = o.putObject("properties");
    props.put("cluster", cluster);
    ArrayNode fixes = props.putArray("fixes");
    f.fixes().forEach(x -> fixes.add(x.awsCliCommand()));
    f.path().ifPresent(v -> v.fixes().forEach(x -> fixes.add(x.awsCliCommand())));
    f.textFix().ifPresent(fixes::add);
    return o;
  }

  private static String message(Finding f) {
    StringBuilder b = new StringBuilder(f.title()).append(": ").append(f.detail()).append('.');
    for (Fix x : f.fixes()) {
      b.append("\nFix: ").append(x.describe()).append("\n  ").append(x.awsCliCommand());
    }
    f.path().flatMap(v -> v.blockingHop()).ifPresent(h -> b.append("\nBlocked at: ").append(h.describe()));
    f.path().ifPresent(v -> v.fixes().forEach(x -> b.append("\nFix: ").append(x.describe()).append("\n  ")
        .append(x.awsCliCommand())));
    f.textFix().ifPresent(t -> b.append("\nFix: ").append(t));
    return b.toString();
  }

  /** What to change, as {kind, id}: the groups the fixes change, else the admitting groups, else unreachable ENIs. */
  private static List<String[]> resources(Finding f) {
    Set<String> groups = new LinkedHashSet<>();
    f.fixes().forEach(x -> groups.add(x.groupId()));
    Set<String> enis = new LinkedHashSet<>();
    if (groups.isEmpty() && f.proof().isPresent()) {
      Verdict v = f.proof().get();
      for (dev.sgreach.engine.FlowGroup group : v.groups()) { // an allowed group's flows share their rules
        Flow flow = group.proof();
        if (flow.isAllowed()) {
          flow.ingress().ifPresent(s -> s.matches().stream().map(RuleMatch::group).forEach(g -> groups.add(g.id())));
        } else {
          group.destinations().forEach(m -> m.eni().ifPresent(e -> enis.add(e.id())));
        }
      }
    }
    List<String[]> out = new ArrayList<>();
    groups.forEach(g -> out.add(new String[] {"group", g}));
    if (groups.isEmpty()) {
      enis.forEach(e -> out.add(new String[] {"eni", e}));
    }
    return out;
  }

  private ObjectNode location(String cluster, String[] resource) {
    ObjectNode loc = NODES.objectNode();
    Optional<SnapshotLocations.Location> at = resource[0].equals("group") ? locations.group(resource[1])
        : locations.networkInterface(resource[1]);
    ObjectNode physical = loc.putObject("physicalLocation");
    ObjectNode artifact = physical.putObject("artifactLocation");
    artifact(artifact, at.map(SnapshotLocations.Location::file).orElse(null));
    at.ifPresent(a -> physical.putObject("region").put("startLine", a.startLine()).put("endLine", a.endLine()));
    ObjectNode logical = loc.putArray("logicalLocations").addObject();
    logical.put("name", resource[1]);
    logical.put("fullyQualifiedName", cluster + "/" + resource[1]);
    logical.put("kind", "resource");
    return loc;
  }

  private ObjectNode clusterLocation(String cluster) {
    ObjectNode loc = NODES.objectNode();
    artifact(loc.putObject("physicalLocation").putObject("artifactLocation"), locations.groupsFile().orElse(null));
    ObjectNode logical = loc.putArray("logicalLocations").addObject();
    logical.put("name", cluster);
    logical.put("fullyQualifiedName", cluster);
    logical.put("kind", "namespace");
    return loc;
  }

  /** The artifact: a file of the snapshot folder, or the folder itself when no file holds the resource. */
  private void artifact(ObjectNode artifact, String fileInFolder) {
    String base = snapshotAsGiven.replace('\\', '/');
    String path = fileInFolder == null ? (base.endsWith("/") ? base : base + "/")
        : (base.endsWith("/") ? base : base + "/") + fileInFolder;
    if (isAbsolute()) {
      artifact.put("uri", Path.of(path).toUri().toString());
    } else {
      artifact.put("uri", relativeUri(path));
      artifact.put("uriBaseId", SOURCE_ROOT);
    }
  }

  private boolean isAbsolute() {
    return Path.of(snapshotAsGiven).isAbsolute();
  }

  private static String directoryUri(Path dir) {
    String u = dir.toUri().toString();
    return u.endsWith("/") ? u : u + "/";
  }

  /** A relative path as a URI reference: each segment percent-encoded as a URI path needs. */
  private static String relativeUri(String path) {
    try {
      String normalised = path.startsWith("./") ? path.substring(2) : path;
      return new URI(null, null, normalised, null).getRawPath();
    } catch (java.net.URISyntaxException e) {
      throw new IllegalArgumentException("--snapshot " + dev.sgreach.model.Echo.quote(path)
          + " cannot be written as a URI: " + e.getMessage(), e);
    }
  }
}
