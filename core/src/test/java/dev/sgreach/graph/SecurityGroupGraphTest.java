package dev.sgreach.graph;

import static dev.sgreach.graph.Pictures.edges;
import static dev.sgreach.graph.Pictures.node;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sgreach.eks.EksCluster;
import dev.sgreach.eks.SecurityGroupRole;
import dev.sgreach.eks.SeedClusters;
import dev.sgreach.model.Direction;
import dev.sgreach.model.Network;
import dev.sgreach.model.NetworkInterface;
import dev.sgreach.model.Peer;
import dev.sgreach.model.Ports;
import dev.sgreach.model.Rule;
import dev.sgreach.model.SecurityGroup;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** The picture's data: what becomes a node, which way arrows point, what merges, what a focus and a summary draw. */
class SecurityGroupGraphTest {
  static Stream<Network> seeds() {
    return Stream.of(SeedClusters.publicAndPrivate(), SeedClusters.privateOnly());
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void every_group_is_a_node_labelled_with_its_name_id_and_eks_role(Network n) {
    SecurityGroupGraph g = SecurityGroupGraph.of(n);
    EksCluster cluster = EksCluster.discover(n).get(0);
    assertThat(g.isSummary()).isFalse();
    for (SecurityGroup sg : n.securityGroups().values()) {
      GraphNode node = node(g, sg.id());
      assertThat(node.kind()).isEqualTo(GraphNode.Kind.SECURITY_GROUP);
      assertThat(node.title()).isEqualTo(sg.name());
      assertThat(node.details()).contains(sg.id());
      String role = cluster.group(sg.id()).map(r -> r.role().title() + r.nodegroup().map(ng -> " " + ng).orElse(""))
          .orElse(sg.name().equals("default") ? "VPC default SG" : "user SG");
      assertThat(node.details()).as("role line of %s", sg.label()).contains(role);
      assertThat(node.role()).isEqualTo(cluster.group(sg.id()).map(r -> r.role()));
      assertThat(node.context()).isFalse();
    }
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void every_group_reference_is_an_arrow_in_the_direction_traffic_flows(Network n) {
    SecurityGroupGraph g = SecurityGroupGraph.of(n);
    Set<List<String>> pairs = new HashSet<>();
    for (SecurityGroup sg : n.securityGroups().values()) {
      for (Rule r : Stream.concat(sg.ingress().stream(), sg.egress().stream()).toList()) {
        if (!(r.peer() instanceof Peer.GroupPeer p)) {
          continue;
        }
        boolean in = r.direction() == Direction.INGRESS;
        GraphNode from = node(g, in ? p.groupId() : sg.id());
        GraphNode to = node(g, in ? sg.id() : p.groupId());
        GraphEdge.Kind kind = in ? GraphEdge.Kind.INGRESS_RULE : GraphEdge.Kind.EGRESS_RULE;
        List<GraphEdge> arrows = edges(g, from, to).stream().filter(e -> e.kind() == kind).toList();
        assertThat(arrows).as("%s arrow %s -> %s for %s", kind, from.id(), to.id(), r).hasSize(1);
        assertThat(arrows.get(0).rules()).contains(r);
        assertThat(arrows.get(0).isGroupReference()).isTrue();
        pairs.add(List.of(from.id(), to.id(), kind.name()));
      }
    }
    assertThat(g.edges().stream().filter(GraphEdge::isGroupReference)).as("one arrow per pair and kind")
        .hasSize(pairs.size());
  }

  @Test
  void rules_between_one_pair_merge_into_one_arrow_with_their_ports() {
    Network n = SeedClusters.publicAndPrivate();
    EksCluster c = EksCluster.of(n, "ekscluster1");
    SecurityGroupGraph g = SecurityGroupGraph.of(n);
    GraphNode cp = node(g, c.controlPlaneSecurityGroups().get(0).id());
    GraphNode ng = node(g, c.nodegroupSecurityGroup("ng1").orElseThrow().id());
    assertThat(edges(g, cp, ng)).extracting(GraphEdge::kind, GraphEdge::caption).containsExactly(
        org.assertj.core.groups.Tuple.tuple(GraphEdge.Kind.EGRESS_RULE, "egress tcp 443, 1025-65535"),
        org.assertj.core.groups.Tuple.tuple(GraphEdge.Kind.INGRESS_RULE, "tcp 443, 1025-65535"));
    assertThat(edges(g, cp, ng).get(1).rules()).hasSize(2);
    assertThat(edges(g, cp, ng).get(1).descriptions()).allMatch(d -> d.startsWith("[IngressInterCluster"));
  }

  @Test
  void addresses_prefix_lists_and_missing_groups_are_nodes_and_open_egress_is_noted_not_drawn() {
    SecurityGroupGraph g = SecurityGroupGraph.of(Pictures.threeTiers());
    GraphNode web = node(g, "sg-web");
    GraphNode db = node(g, "sg-db");
    assertThat(node(g, "0.0.0.0/0").kind()).isEqualTo(GraphNode.Kind.INTERNET);
    assertThat(node(g, "::/0").lines()).containsExactly("internet", "::/0");
    assertThat(edges(g, node(g, "0.0.0.0/0"), web)).extracting(GraphEdge::caption).containsExactly("tcp 443");
    assertThat(node(g, "198.51.100.0/24").kind()).isEqualTo(GraphNode.Kind.CIDR);
    assertThat(node(g, "pl-corp").lines()).containsExactly("pl-corp", "corp", "entries not collected");
    assertThat(node(g, "sg-gone").kind()).isEqualTo(GraphNode.Kind.MISSING_GROUP);
    assertThat(node(g, "sg-gone").lines()).containsExactly("sg-gone", "not in the snapshot");
    // the default egress of web and app: a line in the label, no arrow to the internet
    assertThat(web.details()).contains("egress: all traffic to 0.0.0.0/0");
    assertThat(g.edges()).noneMatch(e -> e.from().equals(web.id()) && e.kind() == GraphEdge.Kind.EGRESS_RULE);
    // db's restricted egress is drawn
    assertThat(edges(g, db, node(g, "10.0.0.0/8"))).extracting(GraphEdge::kind, GraphEdge::caption)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(GraphEdge.Kind.EGRESS_RULE, "egress tcp 443"));
    assertThat(db.details()).noneMatch(d -> d.startsWith("egress:"));
  }

  @Test
  void enis_are_drawn_as_classes_of_one_role_and_one_set_of_groups_with_their_count() {
    Network n = SeedClusters.privateOnly();
    EksCluster c = EksCluster.of(n, SeedClusters.PRIVATE_ONLY);
    SecurityGroupGraph g = SecurityGroupGraph.of(n);
    List<GraphNode> classes = g.nodes().stream().filter(x -> x.kind() == GraphNode.Kind.ENI_CLASS).toList();
    assertThat(classes).extracting(GraphNode::title)
        .containsExactlyInAnyOrder("VPC endpoint", "control plane", "managed node managed-ng", "bastion");
    GraphNode endpoints = classes.stream().filter(x -> x.title().equals("VPC endpoint")).findFirst().orElseThrow();
    int count = c.interfaces(dev.sgreach.eks.InterfaceRole.VPC_ENDPOINT).size();
    assertThat(endpoints.details()).containsExactly(count + " ENIs");
    assertThat(endpoints.resources()).hasSize(count);
    GraphNode cp = classes.stream().filter(x -> x.title().equals("control plane")).findFirst().orElseThrow();
    assertThat(g.edges().stream().filter(e -> e.from().equals(cp.id())))
        .extracting(GraphEdge::kind, e -> g.node(e.to()).orElseThrow().resources().get(0))
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple(GraphEdge.Kind.ATTACHMENT, c.clusterSecurityGroup().orElseThrow().id()),
            org.assertj.core.groups.Tuple.tuple(GraphEdge.Kind.ATTACHMENT, c.controlPlaneSecurityGroups().get(0).id()));
  }

  @Test
  void an_eni_carrying_a_group_missing_from_the_snapshot_says_so_and_outside_eks_classes_follow_the_interface_type() {
    SecurityGroupGraph g = SecurityGroupGraph.of(Pictures.threeTiers());
    GraphNode dbEnis = g.nodes().stream().filter(x -> x.resources().contains("eni-db")).findFirst().orElseThrow();
    assertThat(dbEnis.lines()).containsExactly("instance ENI", "eni-db", "also carries sg-lost");
    GraphNode webEnis = g.nodes().stream().filter(x -> x.resources().contains("eni-web1")).findFirst().orElseThrow();
    assertThat(webEnis.lines()).containsExactly("ENI", "2 ENIs");
    assertThat(node(g, "sg-web").details()).as("no EKS cluster: no role line").containsExactly("sg-web",
        "egress: all traffic to 0.0.0.0/0");
  }

  @Test
  void a_focus_on_a_group_draws_its_neighbourhood_with_the_neighbours_as_context() {
    SecurityGroupGraph g = SecurityGroupGraph.builder(Pictures.threeTiers()).focus("sg-app").build();
    assertThat(g.title()).isEqualTo("Security groups: the neighbourhood of sg-app");
    assertThat(node(g, "sg-app").context()).isFalse();
    assertThat(node(g, "sg-web").context()).isTrue();
    assertThat(node(g, "sg-db").context()).isTrue();
    assertThat(node(g, "sg-web").details()).as("a neighbour's own rules are not drawn, nor noted")
        .containsExactly("sg-web");
    // web's arrow from the internet and db's other peers are not app's neighbourhood
    assertThat(g.nodes()).extracting(GraphNode::title).doesNotContain("internet", "198.51.100.0/24", "sg-gone");
    assertThat(g.edges()).extracting(e -> e.from() + ">" + e.to()).containsExactly("sg_web>sg_app", "pl_corp>sg_app",
        "sg_app>sg_db", "enis_1>sg_app");
  }

  @Test
  void a_focus_can_be_a_group_name_a_group_role_or_an_eks_role() {
    Network n = SeedClusters.publicAndPrivate();
    EksCluster c = EksCluster.of(n, "ekscluster1");
    String backend = c.groups(SecurityGroupRole.LBC_BACKEND_SG).get(0).id();
    assertThat(selected(SecurityGroupGraph.builder(n).focus("lbc-backend-sg").build())).containsExactly(backend);
    assertThat(selected(SecurityGroupGraph.builder(n).focus(c.groups(SecurityGroupRole.LBC_BACKEND_SG).get(0).name())
        .build())).containsExactly(backend);
    assertThat(selected(SecurityGroupGraph.builder(n).focus("lbc-managed-sg").build())).hasSize(4);
    // an EKS role: the groups its ENIs carry
    assertThat(selected(SecurityGroupGraph.builder(n).focus("control-plane").build())).containsExactlyInAnyOrder(
        c.clusterSecurityGroup().orElseThrow().id(), c.controlPlaneSecurityGroups().get(0).id());
    assertThat(selected(SecurityGroupGraph.builder(n).focus("eks:ekscluster1/nodegroup:ng1").build()))
        .containsExactlyInAnyOrder(c.sharedNodeSecurityGroup().orElseThrow().id(),
            c.nodegroupSecurityGroup("ng1").orElseThrow().id());
    // cluster-sg is the group role (the EKS cluster SG), not the EKS role of the ENIs carrying it
    assertThat(selected(SecurityGroupGraph.builder(n).focus("cluster-sg").build()))
        .containsExactly(c.clusterSecurityGroup().orElseThrow().id());
  }

  private static List<String> selected(SecurityGroupGraph g) {
    return g.nodes().stream().filter(n -> n.kind() == GraphNode.Kind.SECURITY_GROUP && !n.context())
        .map(n -> n.resources().get(0)).toList();
  }

  @Test
  void a_focus_that_names_nothing_says_what_it_accepts() {
    Network n = SeedClusters.publicAndPrivate();
    assertThatThrownBy(() -> SecurityGroupGraph.builder(n).focus("sg-nope").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("focus 'sg-nope': no security group with that id is in the snapshot or referenced by its rules");
    assertThatThrownBy(() -> SecurityGroupGraph.builder(n).focus("kubelets").build())
        .hasMessageStartingWith("focus 'kubelets' is no group id, group name or role of the snapshot; give a security"
            + " group id (sg-...) or name, a group role (cluster-sg, control-plane-sg,")
        .hasMessageContaining("an EKS role (control-plane, nodes,");
    assertThatThrownBy(() -> SecurityGroupGraph.builder(n).focus("efa-sg").build())
        .hasMessage("focus 'efa-sg': EKS cluster ekscluster1 has no group in the role EFA SG");
    assertThatThrownBy(() -> SecurityGroupGraph.builder(n).focus("nodegroup:nope").build())
        .hasMessageStartingWith("cluster ekscluster1 has no nodegroup 'nope'; nodegroups: ");
    assertThatThrownBy(() -> SecurityGroupGraph.builder(Pictures.threeTiers()).focus("control-plane").build())
        .hasMessage("focus 'control-plane' is a role: name the cluster (the snapshot shows none)");
    assertThatThrownBy(() -> SecurityGroupGraph.builder(n).cluster("nope").build())
        .hasMessage("no EKS cluster 'nope' in the snapshot; clusters found: ekscluster1");
  }

  @Test
  void a_cluster_draws_its_groups_and_the_other_groups_of_its_vpc_and_names_clusters_when_there_are_several() {
    Network both = Network.builder().addAll(SeedClusters.publicAndPrivate()).addAll(SeedClusters.privateOnly())
        .build();
    SecurityGroupGraph g = SecurityGroupGraph.builder(both).cluster("ekscluster-privonly").build();
    assertThat(g.title()).isEqualTo("Security groups: the security groups of EKS cluster ekscluster-privonly");
    assertThat(selected(g)).containsExactlyInAnyOrderElementsOf(SeedClusters.privateOnly().securityGroups().keySet());
    EksCluster c = EksCluster.of(both, "ekscluster-privonly");
    assertThat(node(g, c.clusterSecurityGroup().orElseThrow().id()).details())
        .contains("EKS cluster SG (ekscluster-privonly)");
    assertThat(g.nodes()).filteredOn(x -> x.kind() == GraphNode.Kind.ENI_CLASS).extracting(GraphNode::title)
        .contains("control plane (ekscluster-privonly)");
  }

  /** n groups in one VPC, each admitting the previous one on tcp 443. */
  static Network chain(int n) {
    Network.Builder b = Network.builder();
    for (int i = 0; i < n; i++) {
      SecurityGroup.Builder g = SecurityGroup.builder("sg-" + i).name("g" + i).vpc("vpc-" + (i % 2));
      if (i > 0) {
        g.allowIn(Ports.tcp(443), Peer.group("sg-" + (i - 1)));
      }
      g.allowIn(Ports.tcp(22), Peer.cidr("0.0.0.0/0"));
      b.add(g.allowOut(Ports.allTraffic(), Peer.cidr("0.0.0.0/0")).build());
      b.add(NetworkInterface.builder("eni-" + i).vpc("vpc-" + (i % 2)).address("10.0." + (i / 200) + "." + (i % 200 + 1))
          .groups("sg-" + i).build());
    }
    return b.build();
  }

  @Test
  void more_than_sixty_groups_are_drawn_as_a_summary_by_vpc_and_sixty_are_not() {
    assertThat(SecurityGroupGraph.of(chain(SecurityGroupGraph.MAX_GROUPS)).isSummary()).isFalse();
    SecurityGroupGraph g = SecurityGroupGraph.of(chain(SecurityGroupGraph.MAX_GROUPS + 1));
    assertThat(g.isSummary()).isTrue();
    assertThat(g.title()).isEqualTo("Summary of 61 security groups (every security group of the snapshot) by EKS role"
        + " and VPC");
    assertThat(g.notes()).contains("more than 60 groups, 150 arrows or 60 ENI classes: summarised; focus on a group"
        + " or role to draw it group by group");
    assertThat(g.nodes()).extracting(x -> (List<String>) x.lines()).containsExactly(
        List.of("groups of vpc-0", "31 security groups", "31 ENIs", "31 groups with egress all traffic to anywhere"),
        List.of("groups of vpc-1", "30 security groups", "30 ENIs", "30 groups with egress all traffic to anywhere"),
        List.of("internet", "0.0.0.0/0"));
    // the chain crosses between the VPCs both ways: 60 rules, 30 each way; 61 rules from the internet
    assertThat(g.edges()).extracting(e -> e.from() + ">" + e.to() + " " + e.label()).containsExactly(
        "internet>sum_vpc_0 31 rules: tcp 22", "sum_vpc_0>sum_vpc_1 30 rules: tcp 443",
        "internet>sum_vpc_1 30 rules: tcp 22", "sum_vpc_1>sum_vpc_0 30 rules: tcp 443");
  }

  @Test
  void too_many_arrows_also_make_a_summary_and_detail_can_be_forced_either_way() {
    // 20 groups that all admit each other on distinct ports: 400 arrows
    Network.Builder b = Network.builder();
    for (int i = 0; i < 20; i++) {
      SecurityGroup.Builder g = SecurityGroup.builder("sg-" + i).vpc("vpc-1");
      for (int j = 0; j < 20; j++) {
        g.allowIn(Ports.tcp(1000 + j), Peer.group("sg-" + j));
      }
      b.add(g.build());
    }
    Network n = b.build();
    assertThat(SecurityGroupGraph.of(n).isSummary()).isTrue();
    SecurityGroupGraph groups = SecurityGroupGraph.builder(n).detail(SecurityGroupGraph.Detail.GROUPS).build();
    assertThat(groups.isSummary()).isFalse();
    assertThat(groups.edges()).hasSize(400);
    SecurityGroupGraph summary = SecurityGroupGraph.builder(SeedClusters.publicAndPrivate())
        .detail(SecurityGroupGraph.Detail.SUMMARY).build();
    assertThat(summary.notes()).contains("summary as asked");
    assertThat(summary.nodes()).extracting(GraphNode::title).containsExactlyInAnyOrder("control-plane SG (additional)",
        "LB managed SG", "shared node SG", "nodegroup SG", "EKS cluster SG", "groups of " + SeedClusters
            .publicAndPrivate().securityGroups().values().stream().filter(s -> s.name().equals("default")).findFirst()
            .orElseThrow().vpcId(), "pod SG", "LB shared backend SG", "internet");
    GraphNode managed = summary.nodes().stream().filter(x -> x.title().equals("LB managed SG")).findFirst()
        .orElseThrow();
    assertThat(managed.details()).containsExactly("4 security groups", "8 ENIs",
        "4 groups with egress all traffic to anywhere");
    assertThat(summary.edges()).extracting(e -> summary.node(e.from()).orElseThrow().title() + " > "
        + summary.node(e.to()).orElseThrow().title() + ": " + e.label())
        .contains("internet > LB managed SG: 4 rules: tcp 80",
            "LB shared backend SG > EKS cluster SG: 1 rule: tcp 8080-30080");
  }
}
