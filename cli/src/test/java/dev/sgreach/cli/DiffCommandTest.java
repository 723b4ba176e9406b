package dev.sgreach.cli;

import static dev.sgreach.cli.Cli.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sgreach.model.Network;
import dev.sgreach.model.Rule;
import dev.sgreach.model.SecurityGroup;
import dev.sgreach.snapshot.Snapshots;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** {@code sgreach diff} over the shipped examples: nothing against itself, exactly the closed flows of one rule. */
class DiffCommandTest {

  @ParameterizedTest
  @ValueSource(strings = {"examples/minimal", "examples/ekscluster1", "examples/ekscluster-privonly"})
  void an_example_against_itself_prints_nothing_and_exits_0(String example) {
    Cli.Result r = run("diff", example, example);
    assertThat(r.out()).as("stdout").isEmpty();
    assertThat(r.err()).as("stderr").isEmpty();
    assertThat(r.exitCode()).as("exit status").isZero();
  }

  /** The example with one rule taken out of one group: the after folder of the loader below. */
  private static Cli.Result withoutRule(String example, String groupId, int ingressRule, String... more) {
    Network before = Snapshots.read(Cli.ROOT.resolve(example));
    SecurityGroup g = before.securityGroups().get(groupId);
    Rule rule = g.ingress().get(ingressRule);
    Network after = before.toBuilder().replace(g.toBuilder().removeRule(rule).build()).build();
    String[] args = new String[3 + more.length];
    args[0] = "diff";
    args[1] = "before";
    args[2] = "after";
    System.arraycopy(more, 0, args, 3, more.length);
    return run(Cli.env().withLoader((Path dir) -> dir.endsWith("after") ? after : before), args);
  }

  @Test
  void minimal_without_the_db_rule_for_app_closes_app_to_db_on_5432_only() {
    Cli.Result r = withoutRule(Cli.MINIMAL, "sg-0a1b2c3d4e5f60b03", 0);
    assertThat(r.exitCode()).as("exit status").isEqualTo(1);
    assertThat(r.out()).isEqualTo("""
        security groups:
          sg-0a1b2c3d4e5f60b03 (db): changed
            removed ingress tcp 5432 from 111122223333/sg-0a1b2c3d4e5f60b02 "PostgreSQL from app"
        closed:
          sg-0a1b2c3d4e5f60b02 (app) -> sg-0a1b2c3d4e5f60b03 (db)
            tcp 5432: eni-0a1b2c3d4e5f60a02 -> eni-0a1b2c3d4e5f60a03
              on tcp/5432 used to be admitted by sg-0a1b2c3d4e5f60b02 (app): egress tcp 5432 to 111122223333/sg-0a1b2c3d4e5f60b03 "PostgreSQL"
              on tcp/5432 used to be admitted by sg-0a1b2c3d4e5f60b03 (db): ingress tcp 5432 from 111122223333/sg-0a1b2c3d4e5f60b02 "PostgreSQL from app"
              now blocked by ingress of eni-0a1b2c3d4e5f60a03
        """);
  }

  @Test
  void ekscluster1_without_the_kubelet_probe_rule_closes_the_probes_to_the_pods_only() {
    Cli.Result r = withoutRule("examples/ekscluster1", "sg-c2e0e6c1157902781", 0);
    assertThat(r.exitCode()).as("exit status").isEqualTo(1);
    assertThat(r.out()).isEqualTo("""
        security groups:
          sg-c2e0e6c1157902781 (podsg-app-pod-sg): changed
            removed ingress tcp 8443 from sg-3b3fb05deb52eb4c1 "user (eks-ug sg-pods): kubelet probes from the nodes of ng1"
        closed:
          sg-16404157b8ec1bb02 (eksctl-ekscluster1-cluster-ClusterSharedNodeSecurityGroup-6JTF3YWCHSC0) + sg-3b3fb05deb52eb4c1 (eksctl-ekscluster1-nodegroup-ng1-SG-H0TCOOHYPAA0) -> sg-c2e0e6c1157902781 (podsg-app-pod-sg)
            tcp 8443: eni-89e8e819ae676866a, eni-8f006b6d8ce3597d0 -> eni-74499aa33b730849e
              on tcp/8443 used to be admitted by sg-16404157b8ec1bb02 (eksctl-ekscluster1-cluster-ClusterSharedNodeSecurityGroup-6JTF3YWCHSC0): egress all traffic to 0.0.0.0/0 "CloudFormation default egress"
              on tcp/8443 used to be admitted by sg-3b3fb05deb52eb4c1 (eksctl-ekscluster1-nodegroup-ng1-SG-H0TCOOHYPAA0): egress all traffic to 0.0.0.0/0 "CloudFormation default egress"
              on tcp/8443 used to be admitted by sg-c2e0e6c1157902781 (podsg-app-pod-sg): ingress tcp 8443 from sg-3b3fb05deb52eb4c1 "user (eks-ug sg-pods): kubelet probes from the nodes of ng1"
              now blocked by ingress of eni-74499aa33b730849e
        """);
  }

  /**
   * {@code --pod-sg-mode standard} holds for both sides of a diff: the pod's own node (eni-8f006b6d8ce3597d0, its
   * trunk, and eni-89e8e819ae676866a, its primary ENI) reaches it on the host without any rule, so removing the
   * kubelet probe rule closes nothing in that mode (VPC CNI README, POD_SECURITY_GROUP_ENFORCING_MODE). It failed
   * while diff compiled both snapshots in the default mode whatever the option said.
   */
  @Test
  void in_standard_mode_removing_the_kubelet_probe_rule_closes_no_probe_from_the_pods_own_node() {
    Cli.Result r = withoutRule("examples/ekscluster1", "sg-c2e0e6c1157902781", 0, "--pod-sg-mode", "standard");
    assertThat(r.out()).contains("removed ingress tcp 8443").doesNotContain("closed:");
    assertThat(r.exitCode()).as(r.out()).isEqualTo(0);
  }

  @Test
  void privonly_without_the_shared_group_rule_closes_what_only_it_admitted() {
    Cli.Result r = withoutRule("examples/ekscluster-privonly", "sg-07bb4afb3fd27e235", 0);
    assertThat(r.exitCode()).as("exit status").isEqualTo(1);
    assertThat(r.out()).isEqualTo("""
        security groups:
          sg-07bb4afb3fd27e235 (sharedNodeSecurityGroup): changed
            removed ingress all traffic from sg-07bb4afb3fd27e235 "user: members of the shared SG reach each other"
        closed:
          sg-07bb4afb3fd27e235 (sharedNodeSecurityGroup) -> sg-07bb4afb3fd27e235 (sharedNodeSecurityGroup)
            tcp all; udp all; icmp all; protocols 0, 2-5, 7-16, 18-57, 59-255: eni-046826d6896148766, eni-227372b5bc2eff1e5, eni-34222668624774b0b (+17 more) -> eni-046826d6896148766, eni-227372b5bc2eff1e5, eni-34222668624774b0b (+17 more)
              on tcp/0 used to be admitted by sg-07bb4afb3fd27e235 (sharedNodeSecurityGroup): egress all traffic to 0.0.0.0/0 "EC2 default egress"
              on tcp/0 used to be admitted by sg-07bb4afb3fd27e235 (sharedNodeSecurityGroup): ingress all traffic from sg-07bb4afb3fd27e235 "user: members of the shared SG reach each other"
              now blocked by ingress of eni-227372b5bc2eff1e5
          sg-07bb4afb3fd27e235 (sharedNodeSecurityGroup) -> sg-23d4984c961b3fc22 (aws-cloud9-cloud9-5e497ca76d816a925c0309b9e79a145e-InstanceSecurityGroup-7KK276VQU9QZ) + sg-07bb4afb3fd27e235 (sharedNodeSecurityGroup)
            tcp all; udp all; icmp all; protocols 0, 2-5, 7-16, 18-57, 59-255: eni-046826d6896148766, eni-227372b5bc2eff1e5, eni-34222668624774b0b (+17 more) -> eni-ab5d16a862957b727
              on tcp/0 used to be admitted by sg-07bb4afb3fd27e235 (sharedNodeSecurityGroup): egress all traffic to 0.0.0.0/0 "EC2 default egress"
              on tcp/0 used to be admitted by sg-07bb4afb3fd27e235 (sharedNodeSecurityGroup): ingress all traffic from sg-07bb4afb3fd27e235 "user: members of the shared SG reach each other"
              now blocked by ingress of eni-ab5d16a862957b727
          sg-23d4984c961b3fc22 (aws-cloud9-cloud9-5e497ca76d816a925c0309b9e79a145e-InstanceSecurityGroup-7KK276VQU9QZ) + sg-07bb4afb3fd27e235 (sharedNodeSecurityGroup) -> sg-07bb4afb3fd27e235 (sharedNodeSecurityGroup)
            tcp all; udp all; icmp all; protocols 0, 2-5, 7-16, 18-57, 59-255: eni-ab5d16a862957b727 -> eni-046826d6896148766, eni-227372b5bc2eff1e5, eni-34222668624774b0b (+17 more)
              on tcp/0 used to be admitted by sg-23d4984c961b3fc22 (aws-cloud9-cloud9-5e497ca76d816a925c0309b9e79a145e-InstanceSecurityGroup-7KK276VQU9QZ): egress all traffic to 0.0.0.0/0 "CloudFormation default egress"
              on tcp/0 used to be admitted by sg-07bb4afb3fd27e235 (sharedNodeSecurityGroup): egress all traffic to 0.0.0.0/0 "EC2 default egress"
              on tcp/0 used to be admitted by sg-07bb4afb3fd27e235 (sharedNodeSecurityGroup): ingress all traffic from sg-07bb4afb3fd27e235 "user: members of the shared SG reach each other"
              now blocked by ingress of eni-046826d6896148766
        """);
  }

  @Test
  void a_plan_over_a_snapshot_names_what_it_opens_to_the_internet() {
    Cli.Result r = run("diff", "--snapshot", Cli.MINIMAL, "--plan", "examples/minimal/plan-open-ssh.json");
    assertThat(r.exitCode()).as("exit status").isEqualTo(1);
    assertThat(r.out()).isEqualTo("""
        security groups:
          sg-0a1b2c3d4e5f60b01 (web): changed
            added ingress tcp 22 from 0.0.0.0/0 "SSH for the on-call engineer"
        opened:
          internet -> sg-0a1b2c3d4e5f60b01 (web)
            tcp 22: internet -> eni-0a1b2c3d4e5f60a01
              admitted by sg-0a1b2c3d4e5f60b01 (web): ingress tcp 22 from 0.0.0.0/0 "SSH for the on-call engineer"
        """);
  }

  @Test
  void reach_answers_about_the_network_after_the_plan() {
    Cli.Result r = run("reach", "--snapshot", Cli.MINIMAL, "--plan", "examples/minimal/plan-open-ssh.json",
        "--from", "8.8.8.8", "--to", "eni-0a1b2c3d4e5f60a01", "--port", "tcp/22");
    assertThat(r.exitCode()).as("exit status; stderr: %s", r.err()).isZero();
    assertThat(run("reach", "--snapshot", Cli.MINIMAL, "--from", "8.8.8.8", "--to", "eni-0a1b2c3d4e5f60a01",
        "--port", "tcp/22").exitCode()).as("before the plan").isEqualTo(1);
  }

  @Test
  void lint_of_the_cluster_eksctl_would_create_passes() {
    Cli.Result r = run("lint", "--eksctl", "examples/ekscluster1/eksctl.yaml");
    assertThat(r.exitCode()).as("exit status; out: %s; err: %s", r.out(), r.err()).isZero();
  }

  @Test
  void eksctl_alone_diffs_against_an_empty_network() {
    Cli.Result r = run("diff", "--eksctl", "examples/ekscluster1/eksctl.yaml", "--json");
    assertThat(r.exitCode()).as("exit status; err: %s", r.err()).isEqualTo(1);
    assertThat(r.out()).contains("\"change\" : \"opened\"");
  }

  @Test
  void a_planned_endpoint_without_a_change_says_to_give_one() {
    Cli.Result r = run("reach", "--snapshot", Cli.MINIMAL, "--from", "tf:aws_instance.web", "--to",
        "eni-0a1b2c3d4e5f60a01", "--port", "tcp/22");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("names a planned resource: give the change with --plan PLAN.json or --eksctl FILE");
  }

  @Test
  void two_changes_at_once_are_bad_input() {
    Cli.Result r = run("exposure", "--snapshot", Cli.MINIMAL, "--plan", "examples/minimal/plan-open-ssh.json",
        "--eksctl", "examples/ekscluster1/eksctl.yaml");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).isEqualTo("sgreach: --plan and --eksctl are two changes: give one\n");
  }

  /**
   * The private cluster's file alone: the user's shared node group ({@code vpc.sharedNodeSecurityGroup}) has unknown
   * rules, but with {@code skipEndpointCreation} and only a managed nodegroup nothing eksctl creates carries it, and
   * the references to it match no ENI of the prediction: it decides no flow, so lint has no unknown verdict. Where
   * it would decide (an ENI carrying it), the placeholder rule it holds makes the flow unknown (the part-A reader
   * tests show that).
   */
  @Test
  void the_private_clusters_file_alone_has_no_verdict_the_unknown_shared_group_decides() {
    Cli.Result r = run("lint", "--eksctl", "examples/ekscluster-privonly/eksctl.yaml");
    assertThat(r.exitCode()).as("exit status; out: %s; err: %s", r.out(), r.err()).isZero();
    assertThat(r.out()).doesNotContain("sg-07bb:rules").doesNotContain("unknown");
  }

  @Test
  void the_private_clusters_file_alone_opens_only_flows_it_knows() {
    Cli.Result r = run("diff", "--eksctl", "examples/ekscluster-privonly/eksctl.yaml", "--json");
    assertThat(r.exitCode()).as("exit status; err: %s", r.err()).isEqualTo(1);
    assertThat(r.out()).doesNotContain("\"change\" : \"unknown\"");
  }
}
