package dev.sgreach.terraform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sgreach.engine.Endpoint;
import dev.sgreach.engine.Reachability;
import dev.sgreach.model.Cidr;
import dev.sgreach.model.Network;
import dev.sgreach.model.NetworkInterface;
import dev.sgreach.model.Peer;
import dev.sgreach.model.Ports;
import dev.sgreach.model.Rule;
import dev.sgreach.model.SecurityGroup;
import dev.sgreach.model.Traffic;
import dev.sgreach.planned.InputException;
import dev.sgreach.planned.PlannedNetwork;
import dev.sgreach.planned.PlannedResource;
import dev.sgreach.planned.Unknown;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every plan in {@code src/test/resources/terraform} (real {@code terraform show -json} output from other projects'
 * test data; see the README there) loads, and what it says about security groups is in the network, or it is refused
 * with a tested reason.
 */
class RealPlansTest {
  static String resource(String name) {
    try (InputStream in = RealPlansTest.class.getResourceAsStream("/terraform/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  static PlannedNetwork apply(String name) {
    return TerraformPlan.parse(name, resource(name)).apply();
  }

  private static SecurityGroup group(PlannedNetwork p, String address) {
    return p.network().securityGroup(p.resource(address).orElseThrow().securityGroupId().orElseThrow())
        .orElseThrow();
  }

  private static NetworkInterface eni(PlannedNetwork p, String address) {
    return p.network().interfaces().get(p.resource(address).orElseThrow().interfaceIds().get(0));
  }

  @Test
  void trivy_a_created_group_has_its_inline_ingress_and_no_egress_since_the_provider_revokes_the_default() {
    PlannedNetwork p = apply("trivy-plan.json");
    SecurityGroup sg = group(p, "aws_security_group.sg");
    assertThat(sg.id()).isEqualTo("tf:aws_security_group.sg");
    assertThat(sg.ingress()).containsExactly(Rule.ingress(Ports.tcp(80), Peer.cidr("0.0.0.0/0")));
    assertThat(sg.egress()).as("egress is unknown in the plan only because it is not configured").isEmpty();
    assertThat(p.resource("aws_security_group.sg").orElseThrow().action()).isEqualTo(PlannedResource.Action.CREATE);
    assertThat(p.unknowns()).isEmpty();
  }

  @Test
  void terragoat_groups_rules_instances_and_enis_follow_the_configuration_references() {
    PlannedNetwork p = apply("checkov-terragoat-tfplan.json");
    SecurityGroup web = group(p, "aws_security_group.web-node");
    assertThat(web.ingress()).containsExactly(Rule.ingress(Ports.tcp(22), Peer.cidr("0.0.0.0/0")),
        Rule.ingress(Ports.tcp(80), Peer.cidr("0.0.0.0/0")));
    assertThat(web.egress()).containsExactly(Rule.egress(Ports.allTraffic(), Peer.cidr("0.0.0.0/0")));
    assertThat(web.vpcId()).isEqualTo("tf:aws_vpc.web_vpc");
    // the RDS group has no inline rules: its rules are the two aws_security_group_rule resources
    SecurityGroup rds = group(p, "aws_security_group.default");
    assertThat(rds.ingress()).containsExactly(Rule.ingress(Ports.tcp(3306), Peer.cidr("172.16.0.0/16")));
    assertThat(rds.egress()).containsExactly(Rule.egress(Ports.allTraffic(), Peer.cidr("0.0.0.0/0")));
    for (String instance : List.of("aws_instance.web_host", "aws_instance.db_app")) {
      NetworkInterface e = eni(p, instance);
      assertThat(e.securityGroupIds()).containsExactly(web.id());
      assertThat(e.instanceId()).contains("tf:" + instance);
      assertThat(Cidr.parse("172.16.10.0/24").contains(e.privateIpv4().get(0))).as("in web_subnet").isTrue();
      assertThat(e.publicIpv4()).as("web_subnet maps a public address on launch").hasSize(1);
    }
    NetworkInterface webEni = eni(p, "aws_network_interface.web-eni");
    assertThat(webEni.privateIpv4()).extracting(Cidr::addressString).containsExactly("172.16.10.100");
    assertThat(webEni.securityGroupIds()).as("no security_groups: EC2 gives the VPC's default group")
        .containsExactly("tf:aws_vpc.web_vpc/default_security_group");
    SecurityGroup vpcDefault = p.network().securityGroup("tf:aws_vpc.web_vpc/default_security_group").orElseThrow();
    assertThat(vpcDefault.ingress()).containsExactly(Rule.ingress(Ports.allTraffic(),
        Peer.group(vpcDefault.id())).withDescription("VPC default SG self"));
    // the EKS cluster: its cluster SG and a control-plane ENI in each of its subnets
    PlannedResource cluster = p.resource("aws_eks_cluster.eks_cluster").orElseThrow();
    assertThat(cluster.securityGroupIds()).containsExactly("tf:aws_eks_cluster.eks_cluster/cluster_security_group");
    assertThat(cluster.interfaceIds()).hasSize(2);
    assertThat(p.network().eksClusters().get("123456789123-acme-corp-eks").endpointPrivateAccess()).isTrue();
    assertThat(p.unknowns(Unknown.Kind.NOT_MODELLED)).extracting(Unknown::resource)
        .containsExactly("aws_db_instance.default", "aws_elb.weblb", "aws_neptune_cluster.default");
    // the internet reaches the web hosts on 22 and 80 through web-node, and nothing else
    Reachability r = Reachability.of(p.network());
    String host = eni(p, "aws_instance.web_host").id();
    assertThat(r.reach(Endpoint.address("198.51.100.7"), Endpoint.eni(host), Traffic.tcp(22)).outcome().word())
        .isEqualTo("allowed");
    assertThat(r.reach(Endpoint.address("198.51.100.7"), Endpoint.eni(host), Traffic.tcp(3306)).outcome().word())
        .isEqualTo("denied");
  }

  @Test
  void a_for_each_module_gives_one_group_per_key_at_its_instance_address() {
    PlannedNetwork p = apply("checkov-for-each-sg-module.json");
    for (String key : List.of("awful_example", "bad_example", "terrible_example")) {
      SecurityGroup sg = group(p, "module.sg[\"" + key + "\"].aws_security_group.bad");
      assertThat(sg.id()).isEqualTo("tf:module.sg[\"" + key + "\"].aws_security_group.bad");
      assertThat(sg.name()).isEqualTo(key);
      assertThat(sg.vpcId()).isEqualTo("vpc-123456abc");
      assertThat(sg.ingress()).containsExactly(Rule.ingress(Ports.allTraffic(), Peer.cidr("0.0.0.0/0"))
          .withDescription("Allow all inbound traffic"));
      assertThat(sg.egress()).isEmpty();
    }
  }

  @Test
  void rule_updates_replace_the_old_rule_in_the_snapshots_group() {
    SecurityGroup target = SecurityGroup.builder("sg-547cc4cd5f94bb695").name("db")
        .rule(Rule.ingress(Ports.tcp(5432), Peer.group("sg-8d21ab5963b0e7917")).withDescription("foo"))
        .allowIn(Ports.tcp(22), Peer.cidr("10.0.0.0/8")).build();
    SecurityGroup other = SecurityGroup.builder("sg-547cc4cd5f94bb696")
        .rule(Rule.ingress(Ports.tcp(8888), Peer.group("sg-8d21ab5963b0e7917")).withDescription("bar")).build();
    Network base = Network.builder().add(target).add(other).build();
    PlannedNetwork p = TerraformPlan.parse("x", resource("checkov-sg-rule-update.json")).applyTo(base);
    assertThat(p.network().securityGroup(target.id()).orElseThrow().ingress()).containsExactly(
        Rule.ingress(Ports.tcp(22), Peer.cidr("10.0.0.0/8")),
        Rule.ingress(Ports.tcp(5432, 5433), Peer.group("sg-8d21ab5963b0e7917")).withDescription("foo")
            .withRuleId("sgr-5a4b695164c564a8f"));
    assertThat(p.network().securityGroup(other.id()).orElseThrow().ingress()).containsExactly(
        Rule.ingress(Ports.udp(8888), Peer.group("sg-8d21ab5963b0e7917")).withDescription("bar")
            .withRuleId("sgr-5a4b695164c564a90"));
    assertThat(p.unknowns()).isEmpty();
  }

  @Test
  void rule_updates_without_a_snapshot_leave_the_groups_other_rules_unknown() {
    PlannedNetwork p = apply("checkov-sg-rule-update.json");
    SecurityGroup g = p.network().securityGroup("sg-547cc4cd5f94bb695").orElseThrow();
    assertThat(g.ingress()).contains(Rule.ingress(Ports.tcp(5432, 5433), Peer.group("sg-8d21ab5963b0e7917"))
        .withDescription("foo").withRuleId("sgr-5a4b695164c564a8f"));
    assertThat(g.ingress()).anySatisfy(r -> assertThat(r.peer()).isEqualTo(Peer.prefixList(
        "sg-547cc4cd5f94bb695:rules")));
    assertThat(p.unknowns(Unknown.Kind.SECURITY_GROUP_RULES)).hasSize(2);
  }

  @Test
  void an_eks_cluster_in_nested_modules_gets_its_cluster_sg_and_the_data_source_owns_nothing() {
    PlannedNetwork p = apply("checkov-eks-data-partial-values.json");
    PlannedResource cluster = p.resource("module.child.module.a.aws_eks_cluster.cluster").orElseThrow();
    assertThat(cluster.securityGroupIds())
        .containsExactly("tf:module.child.module.a.aws_eks_cluster.cluster/cluster_security_group");
    assertThat(p.resources()).doesNotContainKey("module.child.module.b.data.aws_eks_cluster.cluster");
    assertThat(p.network().securityGroups()).hasSize(1);
    SecurityGroup sg = p.network().securityGroups().values().iterator().next();
    assertThat(sg.tags()).containsEntry("aws:eks:cluster-name", "test");
  }

  @Test
  void the_root_module_cluster_loads_beside_a_data_source_without_values() {
    PlannedNetwork p = apply("checkov-eks-root-module-no-values.json");
    assertThat(p.resource("aws_eks_cluster.cluster")).isPresent();
    assertThat(p.resources()).doesNotContainKey("data.aws_eks_cluster.cluster");
  }

  @Test
  void three_clusters_of_one_name_are_refused_as_eks_would() {
    assertThatThrownBy(() -> apply("checkov-eks-nested-child-modules.json")).isInstanceOf(InputException.class)
        .hasMessage("checkov-eks-nested-child-modules.json: $.resource_changes[1].change.after.name: 'test' is also"
            + " the name of module.child_0.module.child_1_a.aws_eks_cluster.cluster in this plan: EKS refuses a"
            + " second cluster of the same name in a region");
  }

  @Test
  void an_empty_remote_access_block_opens_no_ssh_and_the_nodes_carry_their_clusters_unknown_sg() {
    PlannedNetwork p = apply("checkov-eks-node-group-remote-access.json");
    PlannedResource ng = p.resource("aws_eks_node_group.test").orElseThrow();
    assertThat(ng.securityGroupIds()).as("no remote-access group").isEmpty();
    assertThat(ng.interfaceIds()).hasSize(1);
    NetworkInterface node = p.network().interfaces().get(ng.interfaceIds().get(0));
    assertThat(node.securityGroupIds()).containsExactly("tf:aws_eks_node_group.test.cluster_name");
    assertThat(p.network().securityGroups().values()).noneMatch(g -> g.ingress().stream()
        .anyMatch(r -> r.ports().admits(Traffic.tcp(22)) && r.peer() instanceof Peer.CidrPeer));
  }

  @Test
  void terraforms_own_golden_plans_load_and_their_test_resources_change_no_network() {
    for (String name : List.of("terraform-show-json-requires-replace.json", "terraform-show-json-basic-delete.json")) {
      PlannedNetwork p = apply(name);
      assertThat(p.network().securityGroups()).as(name).isEmpty();
      assertThat(p.resources()).as(name).isEmpty();
      assertThat(p.complete()).as(name).isTrue();
    }
  }
}
