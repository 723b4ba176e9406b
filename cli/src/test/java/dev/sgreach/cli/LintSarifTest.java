package dev.sgreach.cli;

import static dev.sgreach.cli.Cli.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sgreach.snapshot.Snapshots;
import dev.sgreach.eks.EksCluster;
import dev.sgreach.eks.SeedClusters;
import dev.sgreach.model.Network;
import dev.sgreach.model.Peer;
import dev.sgreach.model.Ports;
import dev.sgreach.model.Rule;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code lint --format sarif}: the log satisfies what the SARIF 2.1.0 schema requires of every object it holds, and
 * each result points at the JSON object of the security group to change.
 */
class LintSarifTest {
  /**
   * The SARIF 2.1.0 schema's definitions for the objects sgreach writes ({@code sarif-schema-2.1.0.json}, OASIS):
   * required properties, "at least one of" properties, and every property the schema allows (all these objects
   * have {@code additionalProperties: false}, so any other key is invalid).
   */
  record Definition(Set<String> required, Set<String> anyOf, Set<String> allowed) {}

  static final Map<String, Definition> SCHEMA = Map.ofEntries(
      Map.entry("sarifLog", new Definition(Set.of("version", "runs"), Set.of(),
          Set.of("$schema", "version", "runs", "inlineExternalProperties", "properties"))),
      Map.entry("run", new Definition(Set.of("tool"), Set.of(), Set.of("tool", "invocations", "conversion",
          "language", "versionControlProvenance", "originalUriBaseIds", "artifacts", "logicalLocations", "graphs",
          "results", "automationDetails", "runAggregates", "baselineGuid", "redactionTokens", "defaultEncoding",
          "defaultSourceLanguage", "newlineSequences", "columnKind", "externalPropertyFileReferences",
          "threadFlowLocations", "taxonomies", "addresses", "translations", "policies", "webRequests", "webResponses",
          "specialLocations", "properties"))),
      Map.entry("tool", new Definition(Set.of("driver"), Set.of(), Set.of("driver", "extensions", "properties"))),
      Map.entry("toolComponent", new Definition(Set.of("name"), Set.of(), Set.of("guid", "name", "organization",
          "product", "productSuite", "shortDescription", "fullDescription", "fullName", "version", "semanticVersion",
          "dottedQuadFileVersion", "releaseDateUtc", "downloadUri", "informationUri", "globalMessageStrings",
          "notifications", "rules", "taxa", "locations", "language", "contents", "isComprehensive",
          "localizedDataSemanticVersion", "minimumRequiredLocalizedDataSemanticVersion", "associatedComponent",
          "translationMetadata", "supportedTaxonomies", "properties"))),
      Map.entry("reportingDescriptor", new Definition(Set.of("id"), Set.of(), Set.of("id", "deprecatedIds", "guid",
          "deprecatedGuids", "name", "deprecatedNames", "shortDescription", "fullDescription", "messageStrings",
          "defaultConfiguration", "helpUri", "help", "relationships", "properties"))),
      Map.entry("multiformatMessageString", new Definition(Set.of("text"), Set.of(),
          Set.of("text", "markdown", "properties"))),
      Map.entry("reportingConfiguration", new Definition(Set.of(), Set.of(),
          Set.of("enabled", "level", "rank", "parameters", "properties"))),
      Map.entry("result", new Definition(Set.of("message"), Set.of(), Set.of("ruleId", "ruleIndex", "rule", "kind",
          "level", "message", "analysisTarget", "locations", "guid", "correlationGuid", "occurrenceCount",
          "partialFingerprints", "fingerprints", "stacks", "codeFlows", "graphs", "graphTraversals",
          "relatedLocations", "suppressions", "baselineState", "rank", "attachments", "hostedViewerUri",
          "workItemUris", "provenance", "fixes", "taxa", "webRequest", "webResponse", "properties"))),
      Map.entry("message", new Definition(Set.of(), Set.of("text", "id"),
          Set.of("text", "markdown", "id", "arguments", "properties"))),
      Map.entry("location", new Definition(Set.of(), Set.of(), Set.of("id", "physicalLocation", "logicalLocations",
          "message", "annotations", "relationships", "properties"))),
      Map.entry("physicalLocation", new Definition(Set.of(), Set.of("address", "artifactLocation"),
          Set.of("address", "artifactLocation", "region", "contextRegion", "properties"))),
      Map.entry("artifactLocation", new Definition(Set.of(), Set.of(),
          Set.of("uri", "uriBaseId", "index", "description", "properties"))),
      Map.entry("region", new Definition(Set.of(), Set.of("startLine", "charOffset", "byteOffset"),
          Set.of("startLine", "startColumn", "endLine", "endColumn", "charOffset", "charLength", "byteOffset",
              "byteLength", "snippet", "message", "sourceLanguage", "properties"))),
      Map.entry("logicalLocation", new Definition(Set.of(), Set.of(),
          Set.of("name", "index", "fullyQualifiedName", "decoratedName", "parentIndex", "kind", "properties"))));

  private static void conforms(String definition, JsonNode node, String path) {
    Definition d = SCHEMA.get(definition);
    assertThat(node.isObject()).as("%s is an object", path).isTrue();
    for (String r : d.required()) {
      assertThat(node.has(r)).as("%s has the required %s", path, r).isTrue();
    }
    if (!d.anyOf().isEmpty()) {
      assertThat(d.anyOf()).as("%s has one of %s", path, d.anyOf()).anyMatch(node::has);
    }
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      String f = it.next();
      assertThat(d.allowed()).as("%s.%s is a property the schema allows", path, f).contains(f);
    }
  }

  /** Walks the log, checking each object against its definition, types, enums and minimums. */
  static void assertValidSarif(JsonNode log) {
    conforms("sarifLog", log, "$");
    assertThat(log.get("version").asText()).isEqualTo("2.1.0");
    assertThat(log.get("$schema").asText()).startsWith("https://");
    assertThat(log.get("runs").isArray()).isTrue();
    for (int i = 0; i < log.get("runs").size(); i++) {
      JsonNode run = log.get("runs").get(i);
      String p = "$.runs[" + i + "]";
      conforms("run", run, p);
      conforms("tool", run.get("tool"), p + ".tool");
      JsonNode driver = run.get("tool").get("driver");
      conforms("toolComponent", driver, p + ".tool.driver");
      assertThat(driver.get("name").asText()).isEqualTo("sgreach");
      JsonNode rules = driver.get("rules");
      for (int r = 0; r < rules.size(); r++) {
        JsonNode rule = rules.get(r);
        String rp = p + ".tool.driver.rules[" + r + "]";
        conforms("reportingDescriptor", rule, rp);
        conforms("multiformatMessageString", rule.get("shortDescription"), rp + ".shortDescription");
        conforms("multiformatMessageString", rule.get("fullDescription"), rp + ".fullDescription");
        conforms("reportingConfiguration", rule.get("defaultConfiguration"), rp + ".defaultConfiguration");
        assertThat(rule.at("/defaultConfiguration/level").asText()).isIn("none", "note", "warning", "error");
      }
      run.path("originalUriBaseIds").forEach(base -> {
        conforms("artifactLocation", base, p + ".originalUriBaseIds");
        assertThat(base.get("uri").asText()).startsWith("file:").endsWith("/");
      });
      JsonNode results = run.get("results");
      for (int r = 0; r < results.size(); r++) {
        JsonNode result = results.get(r);
        String rp = p + ".results[" + r + "]";
        conforms("result", result, rp);
        conforms("message", result.get("message"), rp + ".message");
        assertThat(result.get("level").asText()).isIn("none", "note", "warning", "error");
        assertThat(result.get("ruleIndex").asInt()).isBetween(0, rules.size() - 1);
        assertThat(rules.get(result.get("ruleIndex").asInt()).get("id").asText())
            .isEqualTo(result.get("ruleId").asText());
        assertThat(result.get("locations")).as("%s.locations", rp).isNotEmpty();
        for (String field : List.of("locations", "relatedLocations")) {
          JsonNode locs = result.path(field);
          for (int l = 0; l < locs.size(); l++) {
            JsonNode loc = locs.get(l);
            String lp = rp + "." + field + "[" + l + "]";
            conforms("location", loc, lp);
            conforms("physicalLocation", loc.get("physicalLocation"), lp + ".physicalLocation");
            conforms("artifactLocation", loc.at("/physicalLocation/artifactLocation"), lp + ".artifactLocation");
            if (loc.at("/physicalLocation").has("region")) {
              JsonNode region = loc.at("/physicalLocation/region");
              conforms("region", region, lp + ".region");
              assertThat(region.get("startLine").asInt()).isPositive();
              assertThat(region.get("endLine").asInt()).isGreaterThanOrEqualTo(region.get("startLine").asInt());
            }
            loc.get("logicalLocations").forEach(ll -> conforms("logicalLocation", ll, lp + ".logicalLocations"));
          }
        }
      }
    }
  }

  @Test
  void a_broken_cluster_is_a_valid_sarif_log_whose_results_point_at_the_group_to_change(@TempDir Path tmp)
      throws Exception {
    Network broken = EksCommandsTest.brokenNodesToApi();
    Path folder = tmp.resolve("snap");
    Snapshots.write(broken, folder);
    Cli.Result r = run(Cli.env().withWorkingDirectory(tmp), "lint", "--snapshot", "snap", "--format", "sarif");
    assertThat(r.exitCode()).as(r.err()).isEqualTo(1);
    JsonNode log = new ObjectMapper().readTree(r.out());
    assertValidSarif(log);
    JsonNode run = log.at("/runs/0");
    assertThat(run.at("/originalUriBaseIds/%SRCROOT%/uri").asText()).isEqualTo(tmp.toUri().toString());
    JsonNode result = run.get("results").get(0);
    assertThat(result.get("ruleId").asText()).isEqualTo("nodes-to-api");
    assertThat(result.get("level").asText()).isEqualTo("error");
    String csg = EksCluster.of(broken, "ekscluster1").clusterSecurityGroup().orElseThrow().id();
    assertThat(result.at("/message/text").asText())
        .startsWith("blocked (none of 2 flows allowed): eks:ekscluster1/nodegroup:ng1 -> eks:ekscluster1/control-plane"
            + " on tcp/443: kubelets and pods reach the API server")
        .contains("\nFix: add to " + csg)
        .contains("aws ec2 authorize-security-group-ingress --group-id " + csg);
    JsonNode location = result.at("/locations/0");
    assertThat(location.at("/physicalLocation/artifactLocation/uri").asText())
        .isEqualTo("snap/ec2-describe-security-groups.json");
    assertThat(location.at("/physicalLocation/artifactLocation/uriBaseId").asText()).isEqualTo("%SRCROOT%");
    assertThat(location.at("/logicalLocations/0/name").asText()).isEqualTo(csg);
    assertThat(location.at("/logicalLocations/0/fullyQualifiedName").asText()).isEqualTo("ekscluster1/" + csg);
    // the region is that group's object in the file
    List<String> lines = Files.readAllLines(folder.resolve("ec2-describe-security-groups.json"));
    int start = location.at("/physicalLocation/region/startLine").asInt();
    int end = location.at("/physicalLocation/region/endLine").asInt();
    assertThat(lines.get(start - 1).strip()).isEqualTo("{");
    assertThat(lines.subList(start - 1, end)).filteredOn(l -> l.contains("\"GroupId\""))
        .first().asString().contains("\"" + csg + "\"");
    assertThat(result.at("/properties/fixes/0").asText()).startsWith("aws ec2 authorize-security-group-ingress");
    assertThat(result.at("/partialFingerprints/sgreachFinding~1v1").asText()).hasSize(64);
  }

  @Test
  void an_exposure_points_at_the_group_whose_rule_admits_the_internet() throws Exception {
    Network n = SeedClusters.publicAndPrivate();
    String cp = EksCluster.of(n, "ekscluster1").controlPlaneSecurityGroups().get(0).id();
    Network open = n.toBuilder().replace(n.securityGroup(cp).orElseThrow().toBuilder()
        .rule(Rule.ingress(Ports.tcp(443), Peer.cidr("0.0.0.0/0"))).build()).build();
    Cli.Result r = run(Cli.env(open), "lint", "--snapshot", "x", "--format", "sarif");
    assertThat(r.exitCode()).isEqualTo(1);
    JsonNode log = new ObjectMapper().readTree(r.out());
    assertValidSarif(log);
    JsonNode exposure = log.at("/runs/0/results/0");
    assertThat(exposure.get("ruleId").asText()).isEqualTo("exposure");
    assertThat(exposure.at("/locations/0/logicalLocations/0/name").asText()).isEqualTo(cp);
    // no folder "x": the location names the folder, without lines
    assertThat(exposure.at("/locations/0/physicalLocation/artifactLocation/uri").asText()).isEqualTo("x/");
    assertThat(exposure.at("/locations/0/physicalLocation").has("region")).isFalse();
    assertThat(exposure.at("/message/text").asText()).contains("aws ec2 revoke-security-group-ingress --group-id " + cp);
  }

  @Test
  void a_healthy_cluster_has_its_checks_as_rules_and_no_results() throws Exception {
    Cli.Result r = run("lint", "--snapshot", EksCommandsTest.PUB, "--format", "sarif");
    assertThat(r.exitCode()).as(r.err()).isEqualTo(0);
    JsonNode log = new ObjectMapper().readTree(r.out());
    assertValidSarif(log);
    assertThat(log.at("/runs/0/results")).isEmpty();
    assertThat(log.at("/runs/0/tool/driver/rules")).extracting(x -> x.get("id").asText())
        .containsExactlyElementsOf(dev.sgreach.eks.EksChecks.CHECKS.keySet());
  }

  @Test
  void sarif_and_json_are_two_outputs() {
    BadInputTest.assertBadInput(run("lint", "--snapshot", EksCommandsTest.PUB, "--json", "--format", "sarif"),
        "--json and --format sarif");
    assertThat(run("lint", "--snapshot", EksCommandsTest.PUB, "--format", "json").out()).startsWith("[ {");
  }
}
