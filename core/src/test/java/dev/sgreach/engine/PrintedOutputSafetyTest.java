package dev.sgreach.engine;

import static dev.sgreach.model.Traffic.tcp;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sgreach.eks.EksCluster;
import dev.sgreach.eks.SeedClusters;
import dev.sgreach.model.AwsCli;
import dev.sgreach.model.Network;
import dev.sgreach.model.NetworkInterface;
import dev.sgreach.model.Peer;
import dev.sgreach.model.Ports;
import dev.sgreach.model.Rule;
import dev.sgreach.model.SecurityGroup;
import dev.sgreach.model.ShellWord;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every printed command is safe to paste, and no text from a snapshot can forge a line or recolour a terminal. The
 * commands are pasted into a real POSIX shell (with {@code aws} a function that does nothing) to show that a hostile
 * value runs nothing.
 */
class PrintedOutputSafetyTest {
  private static final String HOSTILE_GROUP = "sg-0a1b$(touch pwned-group)";
  private static final String HOSTILE_PEER = "sg-0c2d`touch pwned-peer`";

  @TempDir
  Path dir;

  /** web -> db on 5432 is denied; the db group's id (and the web group's, referenced by the fix) are hostile. */
  private static Network hostile(String dbGroup, String webGroup) {
    return Network.builder()
        .add(SecurityGroup.builder(webGroup).name("web").vpc("vpc-1")
            .allowOut(Ports.allTraffic(), Peer.cidr("0.0.0.0/0")).build())
        .add(SecurityGroup.builder(dbGroup).name("db\u001b[31m red\nforged: line").vpc("vpc-1")
            .allowIn(Ports.tcp(5433), Peer.group(webGroup), "it's \u001b]0;title\u0007 $(touch pwned-desc)").build())
        .add(NetworkInterface.builder("eni-web").vpc("vpc-1").address("10.0.1.5").groups(webGroup).build())
        .add(NetworkInterface.builder("eni-db").vpc("vpc-1").address("10.0.2.7").groups(dbGroup).build())
        .build();
  }

  @Test
  void a_fix_on_a_group_whose_id_is_not_an_id_prints_no_command_and_pasting_it_runs_nothing() throws Exception {
    Verdict v = Reachability.of(hostile(HOSTILE_GROUP, "sg-web")).reach("eni-web", "eni-db", tcp(5432));
    Fix fix = v.fixes().get(0);
    assertThat(fix.awsCliCommand())
        .isEqualTo("# no command: 'sg-0a1b$(touch pwned-group)' is not an AWS resource id");
    paste(fix.awsCliCommand());
    assertThat(dir.resolve("pwned-group")).doesNotExist();
  }

  @Test
  void a_fix_whose_peer_group_id_is_not_an_id_prints_no_command_and_pasting_it_runs_nothing() throws Exception {
    Verdict v = Reachability.of(hostile("sg-db", HOSTILE_PEER)).reach("eni-web", "eni-db", tcp(5432));
    String command = v.fixes().get(0).awsCliCommand();
    assertThat(command).startsWith("# no command: 'sg-0c2d`touch pwned-peer`' is not an AWS resource id");
    paste(command);
    assertThat(dir.resolve("pwned-peer")).doesNotExist();
  }

  @Test
  void every_value_of_a_printed_command_is_one_shell_word_whatever_the_description_holds() throws Exception {
    Rule rule = Rule.ingress(Ports.tcp(443), Peer.cidr("10.0.0.0/8"))
        .withDescription("it's $(touch pwned-a) `touch pwned-b`; touch pwned-c");
    String authorize = AwsCli.authorize("sg-0a1", rule);
    assertThat(authorize).isEqualTo("aws ec2 authorize-security-group-ingress --group-id sg-0a1 --ip-permissions"
        + " 'IpProtocol=tcp,FromPort=443,ToPort=443,IpRanges=[{CidrIp=10.0.0.0/8,"
        + "Description=\"its $(touch pwned-a) touch pwned-b; touch pwned-c\"}]'");
    assertThat(words(authorize)).containsExactly("aws", "ec2", "authorize-security-group-ingress", "--group-id",
        "sg-0a1", "--ip-permissions", "IpProtocol=tcp,FromPort=443,ToPort=443,IpRanges=[{CidrIp=10.0.0.0/8,"
            + "Description=\"its $(touch pwned-a) touch pwned-b; touch pwned-c\"}]");
    for (String f : List.of("pwned-a", "pwned-b", "pwned-c")) {
      assertThat(dir.resolve(f)).doesNotExist();
    }
    assertThat(ShellWord.quote("it's")).isEqualTo("'it'\\''s'");
    assertThat(words("x " + ShellWord.quote("it's $(a)"))).containsExactly("x", "it's $(a)");
  }

  @Test
  void a_revoke_names_the_rule_by_id_when_known_and_by_its_permission_otherwise() {
    Rule rule = Rule.ingress(Ports.tcp(22), Peer.cidr("0.0.0.0/0")).withDescription("ssh from anywhere");
    assertThat(AwsCli.revoke("sg-0a1", rule.withRuleId("sgr-0123abcd")))
        .isEqualTo("aws ec2 revoke-security-group-ingress --group-id sg-0a1 --security-group-rule-ids sgr-0123abcd");
    assertThat(AwsCli.revoke("sg-0a1", rule)).isEqualTo("aws ec2 revoke-security-group-ingress --group-id sg-0a1"
        + " --ip-permissions 'IpProtocol=tcp,FromPort=22,ToPort=22,IpRanges=[{CidrIp=0.0.0.0/0}]'");
    assertThat(AwsCli.revoke("sg-0a1", rule.withRuleId("sgr-1;reboot")))
        .isEqualTo("# no command: 'sgr-1;reboot' is not an AWS resource id");
  }

  @Test
  void control_characters_from_the_snapshot_are_escaped_in_the_proof() {
    Verdict v = Reachability.of(hostile("sg-db", "sg-web")).reach("eni-web", "eni-db", tcp(5432));
    String text = v.explain();
    assertThat(text).doesNotContain("\u001b").doesNotContain("\u0007").doesNotContain("\nforged")
        .contains("db\\u001b[31m red\\nforged: line")
        .contains("\"it's \\u001b]0;title\\u0007 $(touch pwned-desc)\"");
    assertThat(text.lines()).noneMatch(l -> l.startsWith("forged"));
  }

  @Test
  void control_characters_in_lint_findings_are_escaped() {
    Network seed = SeedClusters.publicAndPrivate();
    EksCluster c = EksCluster.of(seed, "ekscluster1");
    SecurityGroup cp = c.controlPlaneSecurityGroups().get(0);
    SecurityGroup.Builder b = cp.toBuilder().clearRules();
    cp.egress().forEach(b::rule);
    // an internet rule with a description that tries to forge a line of the report
    cp.ingress().forEach(b::rule);
    b.rule(Rule.ingress(Ports.tcp(443), Peer.cidr("0.0.0.0/0")).withDescription("open\n0 errors, 0 warnings\u001b[2K"));
    String report = EksCluster.of(seed.toBuilder().replace(b.build()).build(), "ekscluster1").lint().describe();
    assertThat(report).doesNotContain("\u001b").contains("open\\n0 errors, 0 warnings\\u001b[2K")
        .contains("aws ec2 revoke-security-group-ingress --group-id " + cp.id());
    assertThat(report.lines()).filteredOn(l -> l.startsWith("0 errors")).isEmpty();
  }

  /** Pastes the text into {@code sh} in the temporary folder, with {@code aws} a function that does nothing. */
  private void paste(String command) throws IOException, InterruptedException {
    Process p = new ProcessBuilder("sh", "-c", "aws() { :; }\n" + command).directory(dir.toFile())
        .redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).as("sh finished").isTrue();
    assertThat(p.exitValue()).as("sh exit status; output: %s", out).isZero();
  }

  /** The words a POSIX shell makes of the command (printed one a line by {@code printf}), nothing run. */
  private List<String> words(String command) throws IOException, InterruptedException {
    Path script = Files.writeString(dir.resolve("words.sh"), "printf '%s\\n' " + command + "\n");
    Process p = new ProcessBuilder("sh", script.toString()).directory(dir.toFile()).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).as("sh finished").isTrue();
    return out.lines().toList();
  }
}
