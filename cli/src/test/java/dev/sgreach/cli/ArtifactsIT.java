package dev.sgreach.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the build publishes and runs, checked once the jars exist (a failsafe test, after {@code package} of the
 * whole reactor): every library jar with its sources and javadoc jars, each naming its module and version; the
 * command-line jar without the test libraries; and offline commands that load no class of the AWS SDK or adapter.
 */
class ArtifactsIT {
  private static final String VERSION = System.getProperty("sgreach.expectedVersion");
  private static final Path JAR = Cli.ROOT.resolve("cli/target/sgreach.jar");

  @TempDir
  Path tmp;

  @ParameterizedTest
  @CsvSource({"core, sgreach-core, dev.sgreach.core", "snapshot, sgreach-snapshot, dev.sgreach.snapshot",
      "aws-adapter, sgreach-aws, dev.sgreach.aws", "testkit, sgreach-testkit, dev.sgreach.testkit",
      "cli, sgreach-cli, dev.sgreach.cli"})
  void every_library_jar_has_sources_and_javadoc_and_names_its_module_and_version(String folder, String artifact,
      String module) throws IOException {
    for (String classifier : List.of("", "-sources", "-javadoc")) {
      Path jar = Cli.ROOT.resolve(folder).resolve("target").resolve(artifact + "-" + VERSION + classifier + ".jar");
      assertThat(jar).as("%s (build the whole reactor: ./mvnw -B -ntp verify)", jar).exists();
      try (JarFile f = new JarFile(jar.toFile())) {
        Manifest m = f.getManifest();
        assertThat(m.getMainAttributes().getValue("Automatic-Module-Name")).as("%s", jar).isEqualTo(module);
        assertThat(m.getMainAttributes().getValue("Implementation-Version")).as("%s", jar).isEqualTo(VERSION);
      }
    }
  }

  @Test
  void the_command_line_jar_names_its_version_and_holds_no_assertj_or_junit() throws IOException {
    try (JarFile f = new JarFile(JAR.toFile())) {
      assertThat(f.getManifest().getMainAttributes().getValue("Implementation-Version")).isEqualTo(VERSION);
      assertThat(f.getManifest().getMainAttributes().getValue("Automatic-Module-Name")).isEqualTo("dev.sgreach.cli");
      assertThat(f.stream().map(e -> e.getName()))
          .noneMatch(n -> n.startsWith("org/assertj/") || n.startsWith("org/junit/") || n.startsWith("org/opentest4j/"))
          .anyMatch(n -> n.startsWith("dev/sgreach/snapshot/"));
    }
  }

  @Test
  void the_benchmarks_are_neither_installed_nor_deployed() throws IOException {
    String pom = Files.readString(Cli.ROOT.resolve("benchmarks/pom.xml"));

    assertThat(pom).contains("<maven.install.skip>true</maven.install.skip>")
        .contains("<maven.deploy.skip>true</maven.deploy.skip>");
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "reach --snapshot examples/minimal --from eni-0a1b2c3d4e5f60a01 --to eni-0a1b2c3d4e5f60a03 --port tcp/5432",
      "reach --snapshot examples/minimal --queries examples/minimal/queries.txt",
      "ports --snapshot examples/minimal --from eni-0a1b2c3d4e5f60a02 --to eni-0a1b2c3d4e5f60a03",
      "who-can-reach --snapshot examples/minimal --to eni-0a1b2c3d4e5f60a01 --port tcp/443 --json",
      "exposure --snapshot examples/minimal",
      "lint --snapshot examples/ekscluster1",
      "reach --snapshot examples/minimal --from eni-0a1b2c3d4e5f60a01 --to eni-nope --port tcp/1",
      "reach --snapshot no/such/folder --from eni-0a1b2c3d4e5f60a01 --to eni-0a1b2c3d4e5f60a03 --port tcp/1"})
  void offline_commands_load_no_aws_sdk_or_adapter_class(String args) throws Exception {
    Path log = tmp.resolve("classes.txt");
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xlog:class+load:file=" + log, "-jar", JAR.toString()));
    command.addAll(List.of(args.split(" ")));
    Process p = new ProcessBuilder(command).directory(Cli.ROOT.toFile()).redirectErrorStream(true)
        .redirectOutput(tmp.resolve("out.txt").toFile()).start();
    assertThat(p.waitFor(2, TimeUnit.MINUTES)).isTrue();

    List<String> loaded = Files.readAllLines(log);
    assertThat(loaded).as("classes loaded").hasSizeGreaterThan(500);
    assertThat(loaded).as("classes of the AWS SDK or the live adapter, for: %s", args)
        .noneMatch(l -> l.contains(" software.amazon.awssdk.") || l.contains(" dev.sgreach.aws."));
  }
}
