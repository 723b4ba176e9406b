package dev.sgreach.engine;

import static dev.sgreach.model.Traffic.tcp;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sgreach.model.Network;
import dev.sgreach.model.NetworkInterface;
import dev.sgreach.model.Peer;
import dev.sgreach.model.Ports;
import dev.sgreach.model.SecurityGroup;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A group x group {@link Reachability#reach} is bounded by ENI classes, not member pairs: a node group of 20,000 ENIs
 * to itself is 399,980,000 member flows, decided once per class pair and counted by the members, where the engine
 * used to explain and hold every one of them (out of memory, or minutes). A rule that references a security group
 * admits traffic from the private addresses of every ENI that carries it (VPC user guide, "Security group rules",
 * https://docs.aws.amazon.com/vpc/latest/userguide/security-group-rules.html), so every node ENI meets every other
 * alike; an address rule ({@code 10.0.1.0/24}) tells them apart, and those pairs are judged one by one.
 */
class GroupVerdictsTest {
  private static final Peer NODES = Peer.group("sg-nodes");

  /** {@code nodes} ENIs carrying sg-nodes (every third also sg-extra: two classes), addresses 10.0.x.y. */
  static Network nodeGroup(int nodes, Peer admitted) {
    Network.Builder b = Network.builder()
        .add(SecurityGroup.builder("sg-nodes").name("nodes").vpc("vpc-1")
            .allowOut(Ports.allTraffic(), Peer.cidr("0.0.0.0/0")).allowIn(Ports.tcp(443), admitted, "nodes").build())
        .add(SecurityGroup.builder("sg-extra").name("extra").vpc("vpc-1")
            .allowIn(Ports.tcp(22), Peer.cidr("192.0.2.0/24")).build());
    for (int i = 0; i < nodes; i++) {
      String address = "10.0." + (1 + i / 250) + "." + (1 + i % 250);
      b.add(NetworkInterface.builder(String.format("eni-%017x", i)).vpc("vpc-1").address(address)
          .groups(i % 3 == 0 ? new String[] {"sg-nodes", "sg-extra"} : new String[] {"sg-nodes"}).build());
    }
    return b.build();
  }

  @Test
  void twenty_thousand_nodes_to_themselves_are_counted_per_class_not_explained_per_pair() {
    Reachability r = Reachability.of(nodeGroup(20_000, NODES));
    Verdict v = r.reach("sg-nodes", "sg-nodes", tcp(443));
    long pairs = 20_000L * 19_999; // every ordered pair of two different nodes; a node with itself left out
    assertThat(v.outcome()).isEqualTo(Outcome.ALLOWED);
    assertThat(v.coverage()).isEqualTo(Coverage.ALL);
    assertThat(v.memberFlows()).isEqualTo(pairs);
    assertThat(v.allowedFlows()).isEqualTo(pairs);
    // the two classes' four class pairs end alike for the same rules: one group, all of it decided per class pair
    assertThat(v.groups()).singleElement().satisfies(g -> {
      assertThat(g.count()).isEqualTo(pairs);
      assertThat(g.decidedByClass()).isEqualTo(pairs);
      assertThat(g.sources()).hasSize(20_000);
      assertThat(g.isEveryPair()).as("a node with itself is left out").isFalse();
      assertThat(g.pairs(3)).extracting(FlowGroup.MemberPair::label).containsExactly(
          "eni-00000000000000000 (10.0.1.1) -> eni-00000000000000001 (10.0.1.2)",
          "eni-00000000000000000 (10.0.1.1) -> eni-00000000000000002 (10.0.1.3)",
          "eni-00000000000000000 (10.0.1.1) -> eni-00000000000000003 (10.0.1.4)");
    });
    assertThat(v.explain()).contains("all: 399980000 of 399980000 member flows allowed")
        .contains("399980000 member flows: eni-00000000000000000 (10.0.1.1) -> eni-00000000000000001 (10.0.1.2)")
        .contains("and 399979992 more");
    // the proofless answers pair the members the same way, per class pair too
    Endpoint nodes = Endpoint.securityGroup("sg-nodes");
    assertThat(r.outcome(nodes, nodes, tcp(443))).isEqualTo(Outcome.ALLOWED);
    Matrix.Cell cell = r.matrix(List.of(nodes), List.of(nodes), List.of(tcp(443))).cell(0, 0, 0);
    assertThat(List.of(cell.allowed(), cell.denied(), cell.unknown())).containsExactly((int) pairs, 0, 0);
    // the view explains one member flow when it is read: the last pair is the last node to the one before it
    Flow last = v.flows().get(v.flows().size() - 1);
    assertThat(last.toString()).isEqualTo(
        "allowed: eni-00000000000004e1f (10.0.80.250) -> eni-00000000000004e1e (10.0.80.249) on tcp/443");
  }

  @Test
  void an_address_rule_splits_the_group_and_its_pairs_are_judged_one_by_one() {
    // sg-nodes admits 443 from 10.0.1.0/24 only: the nodes at 10.0.1.x reach every node, those at 10.0.2.x none
    Network n = nodeGroup(300, Peer.cidr("10.0.1.0/24"));
    Reachability r = Reachability.of(n);
    Verdict v = r.reach("sg-nodes", "sg-nodes", tcp(443));
    long pairs = 300L * 299;
    long allowed = 250L * 299; // the 250 nodes at 10.0.1.1-250, each to the 299 others
    assertThat(v.outcome()).isEqualTo(Outcome.DENIED);
    assertThat(v.coverage()).isEqualTo(Coverage.SOME);
    assertThat(v.memberFlows()).isEqualTo(pairs);
    assertThat(v.allowedFlows()).isEqualTo(allowed);
    assertThat(v.groups()).extracting(FlowGroup::outcome, FlowGroup::count, FlowGroup::decidedByClass)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(Outcome.ALLOWED, allowed, 0L),
            org.assertj.core.groups.Tuple.tuple(Outcome.DENIED, pairs - allowed, 0L));
    // every member pair's group says what the pair's own flow says
    List<NetworkInterface> enis = List.copyOf(n.interfaces().values());
    Member first = Member.of(enis.get(0));
    Member outsider = Member.of(enis.get(250)); // 10.0.2.1, the first node outside 10.0.1.0/24
    assertThat(r.explain(outsider, first, tcp(443)).outcome()).isEqualTo(Outcome.DENIED);
    assertThat(v.groups().get(1).pairs(1)).extracting(FlowGroup.MemberPair::label)
        .containsExactly(outsider.label() + " -> " + first.label());
  }
}
