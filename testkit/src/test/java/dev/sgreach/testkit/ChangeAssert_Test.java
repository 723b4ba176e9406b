package dev.sgreach.testkit;

import static dev.sgreach.testkit.SgreachAssertions.assertThat;
import static dev.sgreach.testkit.SgreachAssertions.eni;
import static dev.sgreach.testkit.SgreachAssertions.flow;
import static dev.sgreach.testkit.SgreachAssertions.flowFromInternet;
import static dev.sgreach.testkit.SgreachAssertions.securityGroup;
import static dev.sgreach.testkit.SgreachAssertions.tcp;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.BDDAssertions.then;

import dev.sgreach.model.Network;
import dev.sgreach.model.Peer;
import dev.sgreach.model.Ports;
import dev.sgreach.model.Rule;
import dev.sgreach.model.SecurityGroup;
import dev.sgreach.snapshot.Snapshots;
import java.nio.file.Path;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The assertions over two states: what a change opens and closes, with the proofs in the failure messages. */
class ChangeAssert_Test {
  private static final String WEB = "eni-0a1b2c3d4e5f60a01";
  private static final String WEB_SG = "sg-0a1b2c3d4e5f60b01";
  private static final String DB_SG = "sg-0a1b2c3d4e5f60b03";

  private static Network minimal() {
    return Snapshots.read(new SnapshotSource(Path.of("examples/minimal")).resolve());
  }

  private static Network withSshFromAnywhere(Network n) {
    SecurityGroup web = n.securityGroups().get(WEB_SG);
    return n.toBuilder().replace(web.toBuilder().allowIn(Ports.tcp(22), Peer.cidr("0.0.0.0/0"), "ssh").build())
        .build();
  }

  private static Network withoutDbRule(Network n) {
    SecurityGroup db = n.securityGroups().get(DB_SG);
    Rule rule = db.ingress().get(0);
    return n.toBuilder().replace(db.toBuilder().removeRule(rule).build()).build();
  }

  @Test
  void should_pass_when_nothing_changes() {
    Network n = minimal();
    assertThat(n).comparedTo(n).opensNothing().closesNothing().opensNothingFromInternet();
  }

  @Test
  void should_fail_with_the_opened_flow_and_its_rule_when_the_change_opens_ssh_to_the_internet() {
    Network before = minimal();
    Network after = withSshFromAnywhere(before);
    Throwable t = catchThrowable(() -> assertThat(after).comparedTo(before).opensNothingFromInternet());
    then(t).isInstanceOf(AssertionError.class).hasMessageContainingAll(
        "expected to open: nothing from the internet",
        "but opens       : 1 flow(s)",
        "opened", "internet -> sg-0a1b2c3d4e5f60b01 (web)", "tcp 22", "to ENIs", WEB,
        "admitted by", "ingress tcp 22 from 0.0.0.0/0 \"ssh\"");
    then(catchThrowable(() -> assertThat(after).comparedTo(before).opensNothing())).isInstanceOf(AssertionError.class);
    assertThat(after).comparedTo(before).closesNothing().opensOnly(flowFromInternet(eni(WEB), tcp(22)));
  }

  @Test
  void should_fail_opensOnly_naming_what_else_opens_and_what_does_not() {
    Network before = minimal();
    Network after = withSshFromAnywhere(before);
    Throwable t = catchThrowable(() -> assertThat(after).comparedTo(before)
        .opensOnly(flow(securityGroup(WEB_SG), securityGroup(DB_SG), tcp(5432))));
    then(t).isInstanceOf(AssertionError.class).hasMessageContainingAll(
        "expected to open : sg-0a1b2c3d4e5f60b01 -> sg-0a1b2c3d4e5f60b03 on tcp/5432",
        "but does not open: sg-0a1b2c3d4e5f60b01 -> sg-0a1b2c3d4e5f60b03 on tcp/5432",
        "but also opens   : 1 flow(s)", "internet -> sg-0a1b2c3d4e5f60b01 (web)");
  }

  @Test
  void should_fail_closesNothing_with_the_rule_that_used_to_admit_and_the_blocking_side() {
    Network before = minimal();
    Network after = withoutDbRule(before);
    Throwable t = catchThrowable(() -> assertThat(after).comparedTo(before).closesNothing());
    then(t).isInstanceOf(AssertionError.class).hasMessageContainingAll(
        "expected to close: no flow", "but closes       : 1 flow(s)",
        "closed", "sg-0a1b2c3d4e5f60b02 (app) -> sg-0a1b2c3d4e5f60b03 (db)", "tcp 5432",
        "before", "allowed", "ingress tcp 5432 from 111122223333/sg-0a1b2c3d4e5f60b02",
        "after            : denied", "blocked at       : ingress of eni-0a1b2c3d4e5f60a03");
    assertThat(after).comparedTo(before).opensNothing();
  }

  /** A pull-request pipeline's test: the plan's change, injected, asserted on. */
  @Nested
  @SgreachSnapshot(value = "examples/minimal", plan = "examples/minimal/plan-open-ssh.json")
  class APlanUnderTest {
    @SgreachSnapshot Network after;

    @Test
    void should_inject_the_network_after_the_plan_and_the_change(Change change) {
      then(after.securityGroups().get(WEB_SG).ingress()).anyMatch(r -> r.ports().equals(Ports.tcp(22)));
      then(change.after()).isSameAs(after);
      then(change.description()).contains("examples/minimal").contains("plan-open-ssh.json");
      assertThat(change).opensOnly(flowFromInternet(eni(WEB), tcp(22))).closesNothing();
      then(catchThrowable(() -> assertThat(change).opensNothingFromInternet())).isInstanceOf(AssertionError.class)
          .hasMessageContaining("SSH for the on-call engineer");
    }
  }
}
