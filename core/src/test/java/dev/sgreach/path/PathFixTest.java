package dev.sgreach.path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sgreach.model.NetworkAcl;
import dev.sgreach.model.Ports;
import dev.sgreach.model.RouteTable;
import dev.sgreach.model.RouteTarget;
import org.junit.jupiter.api.Test;

/** Fix commands are safe to paste: every value validated and shell-quoted. */
class PathFixTest {
  @Test
  void commands_name_every_value_in_aws_cli_form() {
    PathFix acl = PathFix.aclEntry("acl-1", NetworkAcl.Entry.inbound(90, NetworkAcl.Action.ALLOW, Ports.udp(53),
        "2600:1f18::5/128"), "");
    assertThat(acl.awsCliCommand()).isEqualTo("aws ec2 create-network-acl-entry --network-acl-id acl-1 --ingress"
        + " --rule-number 90 --protocol 17 --port-range From=53,To=53 --ipv6-cidr-block 2600:1f18::5/128"
        + " --rule-action allow");
    PathFix all = PathFix.aclEntry("acl-1", NetworkAcl.Entry.outbound(5, NetworkAcl.Action.ALLOW,
        Ports.allTraffic(), "0.0.0.0/0"), "");
    assertThat(all.awsCliCommand()).endsWith("--egress --rule-number 5 --protocol -1 --cidr-block 0.0.0.0/0"
        + " --rule-action allow");
    PathFix route = PathFix.route("rtb-1", RouteTable.Route.to("::/0", RouteTarget.of("eigw-1")), false, "");
    assertThat(route.awsCliCommand()).isEqualTo("aws ec2 create-route --route-table-id rtb-1"
        + " --destination-ipv6-cidr-block ::/0 --egress-only-internet-gateway-id eigw-1");
    PathFix pl = PathFix.route("rtb-1", RouteTable.Route.toPrefixList("pl-1", RouteTarget.of("tgw-1")), true, "");
    assertThat(pl.awsCliCommand()).isEqualTo("aws ec2 replace-route --route-table-id rtb-1"
        + " --destination-prefix-list-id pl-1 --transit-gateway-id tgw-1");
  }

  @Test
  void a_value_that_is_not_an_id_is_refused_and_odd_ones_are_quoted() {
    assertThatThrownBy(() -> PathFix.endpointRouteTable("vpce-1", "rtb-1; rm -rf /", ""))
        .hasMessageContaining("'rtb-1; rm -rf /' is not an AWS resource id");
    assertThatThrownBy(() -> PathFix.endpointRouteTable("vpce-1\n", "rtb-1", ""))
        .hasMessageContaining("'vpce-1\\n' is not an AWS resource id");
    assertThat(Shell.quote("it's")).isEqualTo("'it'\\''s'");
    assertThat(Shell.quote("From=1,To=2")).isEqualTo("From=1,To=2");
    assertThat(Shell.quote("a b")).isEqualTo("'a b'");
  }

  /** An id with a control character in the snapshot is printed escaped and gets no command. */
  @Test
  void ids_from_the_snapshot_are_escaped_in_the_proof_and_kept_out_of_commands() {
    dev.sgreach.model.Network n = Fixture.standard()
        .put(NetworkAcl.defaultAllowAll("acl-default", "vpc-a", "subnet-pub", "subnet-app"))
        .put(NetworkAcl.builder("acl-\u001b[31mx").vpc("vpc-a").subnets("subnet-db").build()).build();
    PathVerdict v = Judge.verdict(n, Judge.eni(n, "eni-app"), Judge.eni(n, "eni-db"),
        dev.sgreach.model.Traffic.tcp(5432));
    assertThat(v.explain()).contains("acl-\\u001b[31mx").doesNotContain("\u001b");
    assertThat(v.fixes()).isEmpty();
  }
}
