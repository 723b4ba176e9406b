package dev.sgreach.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Seeded mutations of the shipped examples, each field of each response file dropped, set to null, given another JSON
 * type, given twice, or cut off with the rest of the file, and every command run on the result. Each run must give
 * its normal answer (the unmutated one: exit status and standard output alike), or exit 2 with one line naming the
 * mutated file and a JSON path; never a stack trace, an internal error, exit 1 by accident, or another answer
 * without a warning.
 *
 * <p>One exception, written down as {@link #OPTIONAL}: fields AWS itself leaves out when they have no value (a
 * description, tags, an ENI's public address or attachment, ...). Without one, the snapshot is another valid snapshot,
 * whose answer may differ; those mutations must still never crash, and an exit 2 from them must still be one line.
 *
 * <p>A run samples {@value #DEFAULT_MUTATIONS} mutations per example and seed; {@code -Dsgreach.fuzz.mutations=N}
 * samples more, {@code -Dsgreach.fuzz.seed=S} picks the seed. A failure names the seed, the mutation and the command
 * to rerun it.
 */
class SnapshotFuzzTest {
  private static final int DEFAULT_MUTATIONS = 40;
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final JsonFactory FACTORY = new JsonFactory();

  /**
   * Fields whose absence (or null) AWS itself produces, so that a snapshot without them is valid and may answer
   * differently. Every other field is required, or read only where present with its absence meaning what AWS means
   * by it, and its mutations must not change an answer silently.
   */
  static final Set<String> OPTIONAL = Set.of("Description", "GroupName", "Tags", "TagSet", "Value",
      "InterfaceType", "Attachment", "InstanceId", "InstanceOwnerId", "DeviceIndex", "Association", "PublicIp",
      "RequesterId", "RequesterManaged", "AvailabilityZone", "SubnetId", "VpcId", "OwnerId", "UserId",
      "Ipv4Prefixes", "Ipv6Prefixes", "PrivateIpAddress", "GroupOwnerId", "SecurityGroupRuleId",
      "clusterSecurityGroupId", "endpointPublicAccess", "endpointPrivateAccess", "publicAccessCidrs",
      "securityGroupIds", "subnetIds", "vpcId", "Scheme", "Type", "LoadBalancerName", "SecurityGroups",
      "CidrBlock", "CidrBlockAssociationSet", "Ipv6CidrBlockAssociationSet", "PrefixListName");

  /** How a field is mutated. */
  enum Kind { DROP, NULL, RETYPE, DUPLICATE, TRUNCATE }

  /** One mutation: a field (the path of its value) of one file, and how. */
  record Mutation(String file, List<Object> path, Kind kind) {
    String field() {
      return (String) path.get(path.size() - 1);
    }

    @Override
    public String toString() {
      StringBuilder b = new StringBuilder(file).append(": $");
      for (Object p : path) {
        b.append(p instanceof Integer i ? "[" + i + "]" : "." + p);
      }
      return b.append(' ').append(kind).toString();
    }
  }

  /** An example and the commands run on it ({@code --snapshot} is added after the command's name). */
  record Example(String folder, List<List<String>> commands) {}

  static final List<Example> EXAMPLES = List.of(
      new Example("examples/minimal", List.of(
          List.of("reach", "--queries", "QUERIES"),
          List.of("exposure"),
          List.of("who-can-reach", "--to", "eni-0a1b2c3d4e5f60a03", "--port", "tcp/5432"))),
      new Example("examples/ekscluster1", List.of(
          List.of("lint"),
          List.of("exposure"),
          List.of("reach", "--from", "eks:ekscluster1/nodegroup:ng1", "--to", "eks:ekscluster1/control-plane",
              "--port", "tcp/443"))));

  static Stream<Long> seeds() {
    Long seed = Long.getLong("sgreach.fuzz.seed");
    return seed != null ? Stream.of(seed) : Stream.of(1L, 2L);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void every_command_answers_as_before_or_refuses_the_mutated_file_in_one_located_line(long seed,
      @TempDir Path tmp) throws IOException {
    int perExample = Integer.getInteger("sgreach.fuzz.mutations", DEFAULT_MUTATIONS);
    Random random = new Random(seed);
    int refused = 0;
    int same = 0;
    for (Example example : EXAMPLES) {
      Path source = Cli.ROOT.resolve(example.folder());
      Path clean = copy(source, tmp.resolve("clean-" + source.getFileName()));
      List<Cli.Result> baseline = new ArrayList<>();
      for (List<String> command : example.commands()) {
        baseline.add(run(command, clean));
      }
      List<Mutation> all = mutations(clean);
      Collections.shuffle(all, random);
      for (Mutation m : all.subList(0, Math.min(perExample, all.size()))) {
        Path mutated = copy(source, tmp.resolve("m" + refused + "-" + same + "-" + source.getFileName()));
        apply(m, mutated);
        for (int c = 0; c < example.commands().size(); c++) {
          List<String> command = example.commands().get(c);
          Cli.Result r = run(command, mutated);
          String what = "seed " + seed + ", mutation " + m + ", command " + String.join(" ", command)
              + " (rerun: ./mvnw -B -ntp -pl cli -am test -Dtest=SnapshotFuzzTest -Dsurefire.failIfNoSpecifiedTests=false"
              + " -Dsgreach.fuzz.seed=" + seed + " -Dsgreach.fuzz.mutations=" + perExample + ")\nexit " + r.exitCode()
              + "\nstdout: " + r.out() + "\nstderr: " + r.err();
          check(m, baseline.get(c), r, what);
          if (r.exitCode() == 2) {
            refused++;
          } else {
            same++;
          }
        }
        deleteTree(mutated);
      }
    }
    assertThat(refused).as("runs refused (the mutations must reach the reader's checks)").isPositive();
    assertThat(same).as("runs answered").isPositive();
  }

  private static void check(Mutation m, Cli.Result before, Cli.Result r, String what) {
    assertThat(r.err()).as(what).doesNotContain("\tat ").doesNotContain("internal error")
        .doesNotContain("Exception");
    assertThat(r.exitCode()).as(what).isBetween(0, 3);
    boolean optional = OPTIONAL.contains(m.field()) && (m.kind() == Kind.DROP || m.kind() == Kind.NULL);
    if (r.exitCode() == 2 && !(before.exitCode() == 2)) {
      assertThat(r.out()).as(what).isEmpty();
      assertThat(r.err()).as(what).startsWith("sgreach: ").endsWith("\n");
      assertThat(r.err().strip().lines()).as(what).hasSize(1);
      if (!optional) {
        // the mutated file and a path in it, or (two sources that now disagree) the other file naming it
        assertThat(r.err()).as("the line names the mutated file and a JSON path: " + what)
            .contains(m.file()).contains(": $");
      }
      return;
    }
    if (optional || r.out().contains("warning: ") || r.err().contains("warning: ")) {
      return;
    }
    assertThat(r.exitCode()).as("the same exit status as without the mutation: " + what)
        .isEqualTo(before.exitCode());
    assertThat(r.out()).as("the same answer as without the mutation: " + what).isEqualTo(before.out());
  }

  private static Cli.Result run(List<String> command, Path folder) {
    List<String> args = new ArrayList<>();
    for (String a : command) {
      args.add(a.equals("QUERIES") ? folder.resolve("queries.txt").toString() : a);
    }
    args.addAll(1, List.of("--snapshot", folder.toString()));
    return Cli.run(args.toArray(String[]::new));
  }

  // ---------------------------------------------------------------- mutations

  /** Every field of every response file of the folder, in every kind of mutation. */
  static List<Mutation> mutations(Path folder) throws IOException {
    List<Mutation> out = new ArrayList<>();
    for (Path file : jsonFiles(folder)) {
      String name = folder.relativize(file).toString();
      JsonNode root = JSON.readTree(file.toFile());
      walk(root, new ArrayList<>(), path -> {
        for (Kind k : Kind.values()) {
          out.add(new Mutation(name, List.copyOf(path), k));
        }
      });
    }
    return out;
  }

  private interface FieldSink {
    void field(List<Object> path);
  }

  private static void walk(JsonNode node, List<Object> path, FieldSink sink) {
    if (node instanceof ObjectNode o) {
      for (Map.Entry<String, JsonNode> e : o.properties()) {
        path.add(e.getKey());
        sink.field(path);
        walk(e.getValue(), path, sink);
        path.remove(path.size() - 1);
      }
    } else if (node instanceof ArrayNode a) {
      for (int i = 0; i < a.size(); i++) {
        path.add(i);
        walk(a.get(i), path, sink);
        path.remove(path.size() - 1);
      }
    }
  }

  static void apply(Mutation m, Path folder) throws IOException {
    Path file = folder.resolve(m.file());
    String text = Files.readString(file);
    switch (m.kind()) {
      case DUPLICATE -> {
        int at = offset(text, m.path());
        JsonNode value = at(JSON.readTree(text), m.path());
        Files.writeString(file, text.substring(0, at) + JSON.writeValueAsString(m.field()) + ": "
            + JSON.writeValueAsString(value) + ", " + text.substring(at));
      }
      case TRUNCATE -> Files.writeString(file, text.substring(0, offset(text, m.path())));
      default -> {
        JsonNode root = JSON.readTree(text);
        ObjectNode parent = (ObjectNode) at(root, m.path().subList(0, m.path().size() - 1));
        JsonNode value = parent.get(m.field());
        switch (m.kind()) {
          case DROP -> parent.remove(m.field());
          case NULL -> parent.putNull(m.field());
          default -> parent.set(m.field(), retyped(value));
        }
        Files.writeString(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root));
      }
    }
  }

  /** A value of another JSON type than {@code value}. */
  private static JsonNode retyped(JsonNode value) {
    if (value.isTextual()) {
      return JSON.getNodeFactory().numberNode(7);
    }
    if (value.isNumber()) {
      return JSON.getNodeFactory().textNode(value.asText() + "x");
    }
    if (value.isBoolean()) {
      return JSON.getNodeFactory().textNode("yes");
    }
    if (value.isArray()) {
      return JSON.getNodeFactory().objectNode();
    }
    if (value.isObject()) {
      return JSON.getNodeFactory().arrayNode().add("x");
    }
    return JSON.getNodeFactory().booleanNode(true);
  }

  private static JsonNode at(JsonNode root, List<Object> path) {
    JsonNode n = root;
    for (Object p : path) {
      n = p instanceof Integer i ? n.get(i) : n.get((String) p);
    }
    return n;
  }

  /** Where in the text the field of {@code path} starts (its name's opening quote). */
  private static int offset(String text, List<Object> path) throws IOException {
    try (JsonParser p = FACTORY.createParser(text)) {
      for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
        if (t == JsonToken.FIELD_NAME && pathOf(p.getParsingContext()).equals(path)) {
          return (int) p.currentTokenLocation().getCharOffset();
        }
      }
    }
    throw new IllegalStateException("no field " + path);
  }

  /** The path of the parser's position: field names of objects, indexes of arrays, from the root. */
  private static List<Object> pathOf(JsonStreamContext context) {
    java.util.LinkedList<Object> path = new java.util.LinkedList<>();
    for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
      path.addFirst(c.inObject() ? c.getCurrentName() : (Object) c.getCurrentIndex());
    }
    return path;
  }

  // ---------------------------------------------------------------- files

  private static List<Path> jsonFiles(Path folder) throws IOException {
    try (Stream<Path> walk = Files.walk(folder)) {
      return walk.filter(p -> p.toString().endsWith(".json") && Files.isRegularFile(p)).sorted().toList();
    }
  }

  private static Path copy(Path from, Path to) throws IOException {
    try (Stream<Path> walk = Files.walk(from)) {
      for (Path p : walk.toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else if (!p.getFileName().toString().equals("eksctl.yaml")) {
          Files.copy(p, target);
        }
      }
    }
    return to;
  }

  private static void deleteTree(Path dir) throws IOException {
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
