package dev.sgreach.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sgreach.graph.GraphEdge;
import dev.sgreach.graph.GraphNode;
import dev.sgreach.graph.SecurityGroupGraph;
import dev.sgreach.model.Network;
import dev.sgreach.model.SecurityGroup;
import org.junit.jupiter.api.Test;

/**
 * A busy region (DESIGN.md's 10,000 groups with 60 + 60 rules each and 100,000 ENIs in ten VPCs) draws as a summary
 * a person can read, not a hairball: one node per VPC plus the internet, address blocks, prefix lists and missing
 * groups, with every group counted once. Nothing here is timed.
 */
class RegionGraphTest {
  @Test
  void a_region_of_ten_thousand_groups_draws_as_a_summary_by_vpc() {
    Network region = RegionGenerator.generate(RegionGenerator.Spec.busyRegion(42));
    SecurityGroupGraph g = SecurityGroupGraph.of(region);
    assertThat(g.isSummary()).isTrue();
    assertThat(g.title()).isEqualTo("Summary of 10,000 security groups (every security group of the snapshot) by EKS"
        + " role and VPC");
    assertThat(g.nodes()).hasSizeLessThanOrEqualTo(20);
    assertThat(g.nodes()).filteredOn(n -> n.kind() == GraphNode.Kind.GROUP_SUMMARY).hasSize(region.vpcs().size());
    long counted = g.nodes().stream().filter(n -> n.kind() == GraphNode.Kind.GROUP_SUMMARY)
        .mapToLong(n -> n.resources().size()).sum();
    assertThat(counted).as("every group in exactly one VPC node").isEqualTo(region.securityGroups().size());
    for (GraphNode n : g.nodes()) {
      if (n.kind() == GraphNode.Kind.GROUP_SUMMARY) {
        String vpc = region.securityGroup(n.resources().get(0)).map(SecurityGroup::vpcId).orElseThrow();
        assertThat(n.title()).isEqualTo("groups of " + vpc);
        assertThat(n.details().get(0)).isEqualTo(String.format(java.util.Locale.ROOT, "%,d security groups",
            region.securityGroups().values().stream().filter(s -> s.vpcId().equals(vpc)).count()));
      }
    }
    assertThat(g.nodes()).extracting(GraphNode::title).contains("internet", "address blocks", "prefix lists");
    assertThat(g.edges()).hasSizeLessThanOrEqualTo(150);
    long rules = g.edges().stream().mapToLong(e -> e.rules().size()).sum();
    long openEgress = region.securityGroups().values().stream().filter(s -> s.egress().stream()
        .anyMatch(r -> r.ports().isAllTraffic() && r.peer() instanceof dev.sgreach.model.Peer.CidrPeer c
            && c.cidr().isAnywhere())).count();
    long allRules = region.securityGroups().values().stream().mapToLong(s -> s.ingress().size() + s.egress().size())
        .sum();
    assertThat(rules).as("every rule is on an arrow, except the open egress rules noted in the nodes")
        .isBetween(allRules - openEgress * 2, allRules - openEgress);
    assertThat(g.edges()).allMatch(e -> e.kind() != GraphEdge.Kind.ATTACHMENT);
    assertThat(g.toDot().length()).isLessThan(100_000);
  }
}
