package dev.sgreach.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real {@code ./sgreach} launcher, end to end, from another working directory. Runs after {@code package} (as a
 * failsafe integration test), so the shaded jar exists and the launcher runs it without building.
 */
class LauncherIT {
  @TempDir
  Path elsewhere;

  record Run(int exitCode, String out, String err) {}

  Run launch(String... args) throws IOException, InterruptedException {
    return launch(Map.of(), elsewhere.resolve("out.txt").toFile(), args);
  }

  /** Runs the launcher with these environment variables added and standard output written to {@code stdout}. */
  Run launch(Map<String, String> environment, File stdout, String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Cli.ROOT.resolve("sgreach").toString());
    command.addAll(List.of(args));
    Path err = elsewhere.resolve("err.txt");
    ProcessBuilder pb = new ProcessBuilder(command).directory(elsewhere.toFile())
        .redirectOutput(stdout).redirectError(err.toFile()).redirectInput(ProcessBuilder.Redirect.PIPE);
    pb.environment().remove("JAVA_OPTS");
    pb.environment().remove("SGREACH_JAVA_OPTS");
    pb.environment().putAll(environment);
    Process p = pb.start();
    p.getOutputStream().close();
    assertThat(p.waitFor(10, TimeUnit.MINUTES)).as("launcher finished").isTrue();
    String out = stdout.isFile() && stdout.toPath().startsWith(elsewhere)
        ? Files.readString(stdout.toPath(), StandardCharsets.UTF_8) : "";
    return new Run(p.exitValue(), out, Files.readString(err, StandardCharsets.UTF_8));
  }

  @Test
  void launcher_answers_queries_like_the_in_process_command() throws Exception {
    assertThat(Cli.ROOT.resolve("cli/target/sgreach.jar")).as("the shaded jar, built by package").exists();
    String minimal = Cli.ROOT.resolve(Cli.MINIMAL).toString();
    Run r = launch("reach", "--snapshot", minimal, "--queries", minimal + "/queries.txt");
    Cli.Result expected = Cli.run("reach", "--snapshot", minimal, "--queries", minimal + "/queries.txt");
    assertThat(r.out()).isEqualTo(expected.out()).contains("\tallowed\n", "\tdenied\n", "\tunknown\n");
    assertThat(r.exitCode()).as("stderr: %s", r.err()).isEqualTo(1);
  }

  @Test
  void launcher_reports_bad_input_on_one_line_with_status_2() throws Exception {
    Run r = launch("reach", "--snapshot", Cli.ROOT.resolve(Cli.MINIMAL).toString(), "--from", "eni-0a1b2c3d4e5f60a01",
        "--to", "eni-0a1b2c3d4e5f60a03", "--port", "tcp/abc");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).endsWith("\n").contains("'tcp/abc'");
    assertThat(r.err().lines().filter(l -> l.startsWith("sgreach: ") && !l.contains("building"))).hasSize(1);
  }

  @Test
  void an_answer_written_to_a_full_disk_is_exit_2_with_the_reason() throws Exception {
    File full = new File("/dev/full");
    assertThat(full).as("Linux's always-full device").exists();
    String minimal = Cli.ROOT.resolve(Cli.MINIMAL).toString();
    for (boolean json : new boolean[] {false, true}) {
      List<String> args = new ArrayList<>(List.of("reach", "--snapshot", minimal, "--from", "eni-0a1b2c3d4e5f60a01",
          "--to", "eni-0a1b2c3d4e5f60a03", "--port", "tcp/5432"));
      if (json) {
        args.add("--json");
      }
      Run r = launch(Map.of(), full, args.toArray(String[]::new));
      assertThat(r.exitCode()).as("stderr: %s", r.err()).isEqualTo(2);
      assertThat(r.err()).isEqualTo("sgreach: cannot write the answer to standard output: No space left on device\n");
    }
  }

  @Test
  void the_launcher_passes_java_opts_and_sgreach_java_opts_which_wins() throws Exception {
    Run r = launch(Map.of("JAVA_OPTS", "-Xmx64m -XshowSettings:vm", "SGREACH_JAVA_OPTS", "-Xmx123m"),
        elsewhere.resolve("out.txt").toFile(), "--version");
    assertThat(r.exitCode()).as("stderr: %s", r.err()).isZero();
    assertThat(r.err()).contains("Max. Heap Size: 123.00M");
  }

  @Test
  void a_snapshot_too_big_for_the_heap_is_one_line_and_exit_2() throws Exception {
    Path big = Files.createDirectories(elsewhere.resolve("big"));
    // 2,000 groups of 200 address rules: a 12 MB file, a model that needs far more than a 24 MB heap
    bigFolder(big, 0, 2000);
    assertOutOfMemory(launch(Map.of("SGREACH_JAVA_OPTS", "-Xmx24m"), elsewhere.resolve("out.txt").toFile(),
        "exposure", "--snapshot", big.toString()));
  }

  @Test
  void a_heap_that_fills_while_the_reader_parses_files_on_its_own_threads_is_one_line_and_exit_2() throws Exception {
    // four region folders: the reader parses their files on threads of its own (the command's thread only waits),
    // so the heap runs out on one of those threads, which must end the command the same way
    Path big = Files.createDirectories(elsewhere.resolve("regions"));
    String[] regions = {"us-east-1", "us-east-2", "eu-west-1", "eu-west-2"};
    for (int r = 0; r < regions.length; r++) {
      bigFolder(Files.createDirectories(big.resolve(regions[r])), r * 1000, 1000);
    }
    assertOutOfMemory(launch(Map.of("SGREACH_JAVA_OPTS", "-Xmx24m -XX:ActiveProcessorCount=2"),
        elsewhere.resolve("out.txt").toFile(), "exposure", "--snapshot", big.toString()));
  }

  /**
   * Issue 11: a group x group reach over 3,000 ENIs (8,997,000 member flows) used to explain and hold every member
   * flow (30 s, and out of memory in a small heap); it is answered per ENI class pair, in a 96 MB heap, text and JSON.
   */
  @Test
  void a_group_of_3000_enis_to_itself_is_answered_in_a_small_heap() throws Exception {
    Path nodes = NodeGroupFolder.write(elsewhere.resolve("nodes-3000"), 3000);
    String[] ask = {"reach", "--snapshot", nodes.toString(), "--from", NodeGroupFolder.NODES, "--to",
        NodeGroupFolder.NODES, "--port", "tcp/443"};
    Run text = launch(Map.of("SGREACH_JAVA_OPTS", "-Xmx96m"), elsewhere.resolve("out.txt").toFile(), ask);
    assertThat(text.exitCode()).as("stderr: %s", text.err()).isZero();
    assertThat(text.out()).startsWith("allowed: " + NodeGroupFolder.NODES + " -> " + NodeGroupFolder.NODES)
        .contains("all: 8997000 of 8997000 member flows allowed")
        // the 1,000 nodes that also carry sg-extra send by its egress rule too: a group of their 1,000 x 2,999 flows
        .contains("allowed: 2999000 member flows: " + NodeGroupFolder.eni(0) + " (10.0.1.1) -> "
            + NodeGroupFolder.eni(1) + " (10.0.1.2)")
        .contains("allowed: 5998000 member flows: " + NodeGroupFolder.eni(1) + " (10.0.1.2) -> "
            + NodeGroupFolder.eni(0) + " (10.0.1.1)");
    List<String> json = new ArrayList<>(List.of(ask));
    json.add("--json");
    Run j = launch(Map.of("SGREACH_JAVA_OPTS", "-Xmx96m"), elsewhere.resolve("out.json").toFile(),
        json.toArray(String[]::new));
    assertThat(j.exitCode()).as("stderr: %s", j.err()).isZero();
    com.fasterxml.jackson.databind.JsonNode answer = new com.fasterxml.jackson.databind.ObjectMapper()
        .readTree(j.out());
    assertThat(answer.get("memberFlows").asLong()).isEqualTo(8_997_000L);
    assertThat(answer.get("flowsListed").asBoolean()).isFalse();
    assertThat(answer.get("flows")).isEmpty();
    com.fasterxml.jackson.databind.JsonNode group = answer.get("groups").get(0);
    assertThat(answer.get("groups")).hasSize(2);
    assertThat(group.get("memberFlows").asLong()).isEqualTo(2_999_000L);
    assertThat(group.get("sources").get("count").asInt()).isEqualTo(1000);
    assertThat(group.get("destinations").get("members")).hasSize(3000);
    assertThat(group.get("everyPair").asBoolean()).as("a node with itself is left out").isFalse();
    assertThat(group.get("proof").get("outcome").asText()).isEqualTo("allowed");
  }

  /** The same at 20,000 ENIs (399,980,000 member flows; the issue saw 6.5 GB and no answer after 120 s). */
  @Test
  void a_group_of_20000_enis_to_itself_is_answered_in_a_small_heap() throws Exception {
    Path nodes = NodeGroupFolder.write(elsewhere.resolve("nodes-20000"), 20_000);
    Run r = launch(Map.of("SGREACH_JAVA_OPTS", "-Xmx256m"), elsewhere.resolve("out.txt").toFile(), "reach",
        "--snapshot", nodes.toString(), "--from", NodeGroupFolder.NODES, "--to", NodeGroupFolder.NODES, "--port",
        "tcp/443");
    assertThat(r.exitCode()).as("stderr: %s", r.err()).isZero();
    assertThat(r.out()).contains("all: 399980000 of 399980000 member flows allowed");
  }

  private static void assertOutOfMemory(Run r) {
    assertThat(r.exitCode()).as("stderr: %s", r.err()).isEqualTo(2);
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).startsWith("sgreach: out of memory (the Java heap, at most ").contains("SGREACH_JAVA_OPTS=-Xmx")
        .doesNotContain("\tat ").doesNotContain("Exception in thread");
    assertThat(r.err().lines()).hasSize(1);
  }

  /** A folder of the minimal example's ENIs and {@code count} groups of 200 address rules each, from {@code first}. */
  private static void bigFolder(Path folder, int first, int count) throws IOException {
    Files.copy(Cli.ROOT.resolve(Cli.MINIMAL).resolve("ec2-describe-network-interfaces.json"),
        folder.resolve("ec2-describe-network-interfaces.json"));
    try (Writer w = Files.newBufferedWriter(folder.resolve("ec2-describe-security-groups.json"))) {
      w.write("{\"SecurityGroups\": [\n");
      for (int g = first; g < first + count; g++) {
        StringBuilder cidrs = new StringBuilder();
        for (int c = 0; c < 200; c++) {
          cidrs.append(c == 0 ? "" : ",").append("{\"CidrIp\":\"10.").append(g / 250).append('.').append(g % 250)
              .append('.').append(c).append("/32\"}");
        }
        w.write((g == first ? "" : ",\n") + "{\"GroupId\":\"sg-" + String.format("%017x", g) + "\",\"GroupName\":\"g"
            + g + "\",\"VpcId\":\"vpc-0a1b2c3d4e5f60001\",\"OwnerId\":\"111122223333\",\"Description\":\"d\","
            + "\"IpPermissions\":[{\"IpProtocol\":\"tcp\",\"FromPort\":443,\"ToPort\":443,\"IpRanges\":[" + cidrs
            + "],\"Ipv6Ranges\":[],\"PrefixListIds\":[],\"UserIdGroupPairs\":[]}],\"IpPermissionsEgress\":[]}");
      }
      w.write("]}\n");
    }
  }

  private static final Path JAR = Cli.ROOT.resolve("cli/target/sgreach.jar");
  private static final Path ARCHIVE = Cli.ROOT.resolve("cli/target/sgreach.jsa");

  private String[] query() {
    String minimal = Cli.ROOT.resolve(Cli.MINIMAL).toString();
    return new String[] {"reach", "--snapshot", minimal, "--from", "eni-0a1b2c3d4e5f60a01", "--to",
        "eni-0a1b2c3d4e5f60a03", "--port", "tcp/5432"};
  }

  @Test
  void launcher_keeps_a_class_data_archive_beside_the_jar_and_answers_the_same_with_it() throws Exception {
    Files.deleteIfExists(ARCHIVE);

    Run first = launch(query());
    Run second = launch(query());

    assertThat(ARCHIVE).as("made on first use").exists();
    assertThat(Files.getLastModifiedTime(ARCHIVE)).as("newer than the jar")
        .isGreaterThanOrEqualTo(Files.getLastModifiedTime(JAR));
    assertThat(second.out()).isEqualTo(first.out()).startsWith("denied: ");
    assertThat(List.of(first.exitCode(), second.exitCode())).containsOnly(1);
    assertThat(first.err() + second.err()).as("no CDS notice anywhere").isEmpty();
  }

  @Test
  void a_broken_or_disabled_archive_is_never_a_failure() throws Exception {
    Run reference = launch(Map.of("SGREACH_CDS", "0"), elsewhere.resolve("out.txt").toFile(), query());
    try {
      Files.deleteIfExists(ARCHIVE);
      Files.writeString(ARCHIVE, "not an archive");

      Run broken = launch(query());

      assertThat(broken.out()).isEqualTo(reference.out());
      assertThat(broken.exitCode()).isEqualTo(reference.exitCode()).isEqualTo(1);
      assertThat(broken.err()).isEmpty();
    } finally {
      Files.deleteIfExists(ARCHIVE);
    }
  }
}
