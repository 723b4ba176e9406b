package dev.sgreach.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every example in README.md runs as documented: each {@code ./sgreach} line of a {@code sh} block runs through the
 * command line in-process (from the repository root) and exits with the status its {@code # exit N} comment gives
 * (0 when none); a {@code sh} block with one command followed by a {@code text} block prints exactly that text; the
 * {@code jshell} block runs in {@code sgreach shell}; the test command is the one {@code .ci/run} runs.
 */
@org.junit.jupiter.api.extension.ExtendWith(GraphvizExtension.class)
class ReadmeExamplesTest {
  private static final Pattern FENCE = Pattern.compile("(?ms)^```(\\w*)\\n(.*?)^```\\n");
  private static final Pattern EXIT = Pattern.compile("\\s+#\\s*exit\\s+(\\d+)\\s*$");

  @TempDir
  Path tmp;

  record Block(String lang, String body, int start) {}

  static String readme() throws IOException {
    return Files.readString(Cli.ROOT.resolve("README.md"));
  }

  static List<Block> blocks(String text) {
    List<Block> out = new ArrayList<>();
    Matcher m = FENCE.matcher(text);
    while (m.find()) {
      out.add(new Block(m.group(1), m.group(2), m.start()));
    }
    return out;
  }

  static List<String> commands(Block b) {
    return b.body().lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
  }

  @Test
  void every_sgreach_command_runs_as_documented() throws IOException {
    List<Block> blocks = blocks(readme());
    int ran = 0;
    for (int i = 0; i < blocks.size(); i++) {
      Block b = blocks.get(i);
      if (!b.lang().equals("sh")) {
        continue;
      }
      List<String> commands = commands(b);
      for (String line : commands) {
        if (!line.startsWith("./sgreach ")) {
          continue;
        }
        Matcher exit = EXIT.matcher(line);
        int expected = exit.find() ? Integer.parseInt(exit.group(1)) : 0;
        String command = exit.replaceFirst("");
        String[] args = command.substring("./sgreach ".length()).trim().split("\\s+");
        Cli.Result r = Cli.run(args);
        assertThat(r.exitCode()).as("exit status of %s; stderr: %s", command, r.err()).isEqualTo(expected);
        assertThat(r.err()).as("stderr of %s", command).isEmpty();
        assertThat(r.out()).as("stdout of %s", command).isNotEmpty();
        if (commands.size() == 1 && i + 1 < blocks.size() && blocks.get(i + 1).lang().equals("text")) {
          assertThat(r.out()).as("stdout of %s", command).isEqualTo(blocks.get(i + 1).body());
        }
        ran++;
      }
    }
    assertThat(ran).isGreaterThanOrEqualTo(8);
  }

  @Test
  void getting_started_has_exactly_two_commands_and_the_second_is_what_ci_runs() throws IOException {
    String text = readme();
    String section = text.substring(text.indexOf("## Getting started"), text.indexOf("\n## ", text.indexOf(
        "## Getting started") + 3));
    List<String> commands = blocks(section).stream().filter(b -> b.lang().equals("sh"))
        .flatMap(b -> commands(b).stream()).toList();
    assertThat(commands).hasSize(2);
    assertThat(commands.get(0)).startsWith("./sgreach reach --snapshot examples/");
    assertThat(commands.get(1)).isEqualTo(ciTestCommand()).doesNotContain(" -q");
  }

  static String ciTestCommand() throws IOException {
    Matcher m = Pattern.compile("(?m)^TEST_COMMAND='([^']+)'$").matcher(Files.readString(Cli.ROOT.resolve(".ci/run")));
    assertThat(m.find()).as(".ci/run defines TEST_COMMAND").isTrue();
    return m.group(1);
  }

  @Test
  void the_jshell_tour_runs_in_sgreach_shell() throws IOException {
    List<Block> tours = blocks(readme()).stream().filter(b -> b.lang().equals("jshell")).toList();
    assertThat(tours).hasSize(1);
    Path script = tmp.resolve("tour.jsh");
    Files.writeString(script, tours.get(0).body());
    Cli.Result r = Cli.run("shell", "--snapshot", Cli.MINIMAL, script.toString());
    assertThat(r.exitCode()).as("jshell output: %s", r.out()).isEqualTo(0);
    assertThat(r.out()).doesNotContain("Error:").doesNotContain("Exception")
        .contains("DENIED ingress of eni-0a1b2c3d4e5f60a03")
        .contains("aws ec2 authorize-security-group-ingress --group-id sg-0a1b2c3d4e5f60b03")
        .contains("tcp 80, 443")
        .contains("allowed: eni-lb -> eni-svc on tcp/8080");
  }

  @org.junit.jupiter.api.Test
  void readme_quotes_the_user_style_eks_test_exactly_as_it_runs_in_the_build() throws Exception {
    String source = java.nio.file.Files.readString(java.nio.file.Path.of("..", "testkit", "src", "test", "java",
        "com", "example", "infra", "EksClusterTest.java"));
    org.assertj.core.api.Assertions.assertThat(readme()).contains("```java\n" + source + "```");
  }

  @Test
  void the_coordinates_name_this_version_and_the_junit_versions_are_those_the_build_runs() throws IOException {
    String text = readme();
    String version = System.getProperty("sgreach.expectedVersion");
    List<String> junits = new ArrayList<>();
    Matcher m = Pattern.compile("(?m)^invoker\\.goals\\.\\d+ = .*-Djunit\\.version=(\\S+)")
        .matcher(Files.readString(Cli.ROOT.resolve("examples/testkit-consumer/invoker.properties")));
    while (m.find()) {
      junits.add(m.group(1));
    }

    assertThat(junits).as("JUnit versions the consumer project runs on").hasSize(3);
    assertThat(text).contains("<artifactId>sgreach-bom</artifactId>\n      <version>" + version + "</version>")
        .contains("platform(\"dev.sgreach:sgreach-bom:" + version + "\")")
        .contains("Group `dev.sgreach`, version `" + version + "`");
    for (String junit : junits) {
      assertThat(text).as("README names JUnit %s", junit).contains(junit);
    }
    String bom = Files.readString(Cli.ROOT.resolve("bom/pom.xml"));
    assertThat(bom).as("the BOM's versions").contains("<artifactId>sgreach-bom</artifactId>\n  <version>" + version
        + "</version>").doesNotContain("<parent>");
    for (String artifact : List.of("sgreach-core", "sgreach-snapshot", "sgreach-aws", "sgreach-testkit", "sgreach-cli")) {
      assertThat(bom).as("the BOM manages %s at %s", artifact, version)
          .contains("<artifactId>" + artifact + "</artifactId>\n        <version>" + version + "</version>");
    }
  }
}
