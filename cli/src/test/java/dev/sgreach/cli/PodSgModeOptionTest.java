package dev.sgreach.cli;

import static dev.sgreach.cli.Cli.run;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * {@code --pod-sg-mode}: the VPC CNI's POD_SECURITY_GROUP_ENFORCING_MODE (VPC CNI README; EKS user guide, "Security
 * groups for Pods") assumed for pods with security groups, on the shipped {@code examples/ekscluster1} whose pod runs
 * on a branch ENI behind the trunk of its node.
 */
class PodSgModeOptionTest {
  private static final String PUB = EksCommandsTest.PUB;
  /** The pod's node's trunk ENI and the pod's branch ENI in examples/ekscluster1. */
  private static final String[] TRUNK_TO_POD = {"reach", "--snapshot", PUB, "--layers", "sg", "--from",
      "eni-8f006b6d8ce3597d0", "--to", "eni-74499aa33b730849e", "--port", "tcp/1"};

  private static String[] with(String[] base, String... more) {
    String[] out = java.util.Arrays.copyOf(base, base.length + more.length);
    System.arraycopy(more, 0, out, base.length, more.length);
    return out;
  }

  @Test
  void standard_mode_lets_a_pods_own_node_reach_it_and_says_the_mode_was_assumed() {
    Cli.Result strict = run(TRUNK_TO_POD);
    Cli.Result standard = run(with(TRUNK_TO_POD, "--pod-sg-mode", "standard"));

    assertThat(strict.exitCode()).as(strict.out()).isEqualTo(ExitCodes.DENIED);
    assertThat(standard.exitCode()).as(standard.out()).isEqualTo(ExitCodes.OK);
    assertThat(standard.out()).contains("meets no security group")
        .contains("standard mode (POD_SECURITY_GROUP_ENFORCING_MODE, assumed");
  }

  @Test
  void lint_says_which_mode_its_kubelet_probe_check_assumed() {
    Cli.Result standard = run("lint", "--snapshot", PUB, "--pod-sg-mode", "standard", "--json");
    Cli.Result strict = run("lint", "--snapshot", PUB, "--json");

    assertThat(standard.exitCode()).as(standard.out()).isEqualTo(ExitCodes.OK);
    assertThat(standard.out()).contains("kubelet-to-pods")
        .contains("standard mode (POD_SECURITY_GROUP_ENFORCING_MODE, assumed");
    assertThat(strict.out()).contains("strict mode (POD_SECURITY_GROUP_ENFORCING_MODE, assumed");
  }

  @Test
  void a_mode_that_is_neither_strict_nor_standard_is_one_line_of_bad_input() {
    BadInputTest.assertBadInput(run(with(TRUNK_TO_POD, "--pod-sg-mode", "loose")), "--pod-sg-mode 'loose'",
        "write strict or standard");
  }
}
