package dev.sgreach.terraform;

import static dev.sgreach.terraform.Plans.plan;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sgreach.engine.Endpoint;
import dev.sgreach.engine.Outcome;
import dev.sgreach.engine.Reachability;
import dev.sgreach.model.Cidr;
import dev.sgreach.model.Network;
import dev.sgreach.model.NetworkInterface;
import dev.sgreach.model.Peer;
import dev.sgreach.model.Ports;
import dev.sgreach.model.Rule;
import dev.sgreach.model.SecurityGroup;
import dev.sgreach.model.Traffic;
import dev.sgreach.model.Warning;
import dev.sgreach.planned.InputException;
import dev.sgreach.planned.PlannedNetwork;
import dev.sgreach.planned.PlannedResource.Action;
import dev.sgreach.planned.Unknown;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Each resource type the plan reader reads, with each action, and the references between them. */
class TerraformPlanTest {
  private static final String VPC = "{'cidr_block': '10.0.0.0/16'}";
  private static final String VPC_UNKNOWN = "{'id': true, 'default_security_group_id': true}";
  private static final String SUBNET = "{'cidr_block': '10.0.1.0/24', 'map_public_ip_on_launch': false}";
  private static final String SUBNET_UNKNOWN = "{'id': true, 'vpc_id': true}";
  private static final String SG_UNKNOWN = "{'id': true, 'vpc_id': true, 'egress': true}";

  /** Root resources with the given expressions: {@code res("aws_instance.web", "{'subnet_id': ...}")}. */
  static String res(String address, String expressions) {
    int dot = address.indexOf('.');
    return "{'address': '" + address + "', 'mode': 'managed', 'type': '" + address.substring(0, dot) + "', 'name': '"
        + address.substring(dot + 1) + "', 'expressions': " + expressions + "}";
  }

  static String refs(String... references) {
    StringBuilder b = new StringBuilder("{'references': [");
    for (int i = 0; i < references.length; i++) {
      b.append(i == 0 ? "" : ", ").append("'").append(references[i]).append("'");
    }
    return b.append("]}").toString();
  }

  /** A VPC and a subnet, created, with the configuration that links them. */
  static Plans vpcAndSubnet() {
    return plan().change("aws_vpc.main", "create", null, VPC, VPC_UNKNOWN)
        .change("aws_subnet.a", "create", null, SUBNET, SUBNET_UNKNOWN);
  }

  static final String VPC_CONFIG = res("aws_vpc.main", "{}") + ", " + res("aws_subnet.a",
      "{'vpc_id': " + refs("aws_vpc.main.id", "aws_vpc.main") + "}");

  private static SecurityGroup group(PlannedNetwork p, String id) {
    return p.network().securityGroup(id).orElseThrow(() -> new AssertionError("no group " + id + " in "
        + p.network().securityGroups().keySet()));
  }

  private static NetworkInterface eni(PlannedNetwork p, String address) {
    return p.network().interfaces().get(p.resource(address).orElseThrow().interfaceIds().get(0));
  }

  @Nested
  class SecurityGroups {
    @Test
    void create_with_inline_ingress_has_no_egress_and_its_vpc_through_the_reference() {
      PlannedNetwork p = vpcAndSubnet()
          .change("aws_security_group.web", "create", null, "{'name': 'web', 'description': 'web tier', 'ingress':"
              + " [{'protocol': 'tcp', 'from_port': 443, 'to_port': 443, 'cidr_blocks': ['0.0.0.0/0'],"
              + " 'ipv6_cidr_blocks': [], 'prefix_list_ids': [], 'security_groups': [], 'self': false,"
              + " 'description': 'https'}]}", SG_UNKNOWN)
          .config("{'resources': [" + VPC_CONFIG + ", " + res("aws_security_group.web", "{'vpc_id': "
              + refs("aws_vpc.main.id", "aws_vpc.main") + ", 'ingress': {'constant_value': []}}") + "]}")
          .parse().apply();
      SecurityGroup web = group(p, "tf:aws_security_group.web");
      assertThat(web.ingress()).containsExactly(Rule.ingress(Ports.tcp(443), Peer.cidr("0.0.0.0/0"))
          .withDescription("https"));
      assertThat(web.egress()).as("the provider revokes AWS's default egress").isEmpty();
      assertThat(web.vpcId()).isEqualTo("tf:aws_vpc.main");
      assertThat(web.description()).isEqualTo("web tier");
      SecurityGroup vpcDefault = group(p, "tf:aws_vpc.main/default_security_group");
      assertThat(vpcDefault.egress()).containsExactly(Rule.egress(Ports.allTraffic(), Peer.cidr("0.0.0.0/0"))
          .withDescription("EC2 default egress"));
      assertThat(p.network().vpcs().get("tf:aws_vpc.main").cidrs()).containsExactly(Cidr.parse("10.0.0.0/16"));
    }

    @Test
    void update_with_inline_rules_replaces_the_snapshots_rules() {
      Network base = Network.builder().add(SecurityGroup.builder("sg-0123456789abcdef0").name("web")
          .allowIn(Ports.tcp(22), Peer.cidr("0.0.0.0/0")).allowOut(Ports.allTraffic(), Peer.cidr("0.0.0.0/0"))
          .build()).build();
      PlannedNetwork p = plan().change("aws_security_group.web", "update", "{'id': 'sg-0123456789abcdef0'}",
              "{'id': 'sg-0123456789abcdef0', 'name': 'web', 'ingress': [{'protocol': '6', 'from_port': 443,"
                  + " 'to_port': 443, 'cidr_blocks': ['10.0.0.0/8']}], 'egress': []}", "{}")
          .config("{'resources': [" + res("aws_security_group.web", "{'ingress': [{}], 'egress': {}}") + "]}")
          .parse().applyTo(base);
      SecurityGroup web = group(p, "sg-0123456789abcdef0");
      assertThat(web.ingress()).as("protocol 6 is tcp").containsExactly(Rule.ingress(Ports.tcp(443),
          Peer.cidr("10.0.0.0/8")));
      assertThat(web.egress()).isEmpty();
      assertThat(p.resource("aws_security_group.web").orElseThrow().placeholder()).isFalse();
    }

    @Test
    void delete_removes_the_group_and_enis_still_carrying_it_become_unknown() {
      Network base = Network.builder().add(SecurityGroup.builder("sg-0123456789abcdef0").build())
          .add(NetworkInterface.builder("eni-0123456789abcdef0").address("10.0.1.5").groups("sg-0123456789abcdef0")
              .build()).build();
      PlannedNetwork p = plan().change("aws_security_group.web", "delete", "{'id': 'sg-0123456789abcdef0'}", null,
          null).parse().applyTo(base);
      assertThat(p.network().securityGroups()).doesNotContainKey("sg-0123456789abcdef0");
      assertThat(p.resource("aws_security_group.web").orElseThrow().action()).isEqualTo(Action.DELETE);
      assertThat(p.network().warnings()).extracting(Warning::kind).contains(Warning.Kind.MISSING_SECURITY_GROUP);
    }

    @Test
    void replace_gives_a_new_id_so_rules_outside_the_plan_naming_the_old_one_match_nothing() {
      Network base = Network.builder()
          .add(SecurityGroup.builder("sg-0old0000000000000").allowIn(Ports.tcp(80), Peer.cidr("0.0.0.0/0")).build())
          .add(SecurityGroup.builder("sg-0db00000000000000").allowIn(Ports.tcp(5432), Peer.group("sg-0old0000000000000"))
              .build()).build();
      for (String actions : new String[] {"delete,create", "create,delete"}) {
        PlannedNetwork p = plan().change("aws_security_group.web", actions, "{'id': 'sg-0old0000000000000'}",
                "{'name': 'web', 'ingress': [{'protocol': 'tcp', 'from_port': 443, 'to_port': 443, 'cidr_blocks':"
                    + " ['0.0.0.0/0']}]}", "{'id': true, 'egress': true}")
            .parse().applyTo(base);
        assertThat(p.network().securityGroups()).as(actions).doesNotContainKey("sg-0old0000000000000")
            .containsKey("tf:aws_security_group.web");
        assertThat(p.resource("aws_security_group.web").orElseThrow().action().isReplace()).isTrue();
        assertThat(p.network().warnings()).as(actions).extracting(Warning::kind)
            .contains(Warning.Kind.STALE_REFERENCE);
      }
    }

    @Test
    void no_op_keeps_the_group_as_the_plan_states_it() {
      PlannedNetwork p = plan().change("aws_security_group.web", "no-op", "{'id': 'sg-0a'}", "{'id': 'sg-0a',"
          + " 'name': 'web', 'ingress': [], 'egress': [{'protocol': '-1', 'from_port': 0, 'to_port': 0,"
          + " 'cidr_blocks': ['0.0.0.0/0']}]}", "{}").parse().apply();
      assertThat(group(p, "sg-0a").egress()).containsExactly(Rule.egress(Ports.allTraffic(), Peer.cidr("0.0.0.0/0")));
      assertThat(p.resource("aws_security_group.web").orElseThrow().action()).isEqualTo(Action.NO_OP);
    }

    @Test
    void the_default_group_resource_adopts_a_new_vpcs_default_group_and_keeps_only_its_inline_rules() {
      PlannedNetwork p = plan().change("aws_vpc.main", "create", null, VPC, VPC_UNKNOWN)
          .change("aws_default_security_group.d", "create", null, "{'ingress': [], 'egress': [{'protocol': 'tcp',"
              + " 'from_port': 443, 'to_port': 443, 'cidr_blocks': ['0.0.0.0/0']}]}", "{'id': true, 'vpc_id': true}")
          .config("{'resources': [" + res("aws_vpc.main", "{}") + ", " + res("aws_default_security_group.d",
              "{'vpc_id': " + refs("aws_vpc.main.id", "aws_vpc.main") + "}") + "]}")
          .parse().apply();
      SecurityGroup d = group(p, "tf:aws_vpc.main/default_security_group");
      assertThat(d.ingress()).as("the self rule is removed").isEmpty();
      assertThat(d.egress()).containsExactly(Rule.egress(Ports.tcp(443), Peer.cidr("0.0.0.0/0")));
      assertThat(p.resource("aws_default_security_group.d").orElseThrow().securityGroupIds()).containsExactly(d.id());
    }

    @Test
    void an_inline_peer_the_plan_does_not_know_makes_verdicts_it_could_decide_unknown() {
      PlannedNetwork p = plan()
          .change("aws_security_group.web", "create", null, "{'name': 'web', 'ingress': [{'protocol': 'tcp',"
              + " 'from_port': 22, 'to_port': 22, 'cidr_blocks': [null]}], 'egress': []}",
              "{'id': true, 'ingress': [{'cidr_blocks': [true]}]}")
          .change("aws_network_interface.e", "create", null, "{'private_ips': ['10.0.1.5']}",
              "{'id': true, 'security_groups': true}")
          .config("{'resources': [" + res("aws_security_group.web", "{'ingress': [{'cidr_blocks': "
              + refs("aws_eip.bastion.public_ip", "aws_eip.bastion") + "}]}") + ", " + res("aws_network_interface.e",
              "{'security_groups': " + refs("aws_security_group.web.id", "aws_security_group.web") + "}") + "]}")
          .parse().apply();
      Reachability r = Reachability.of(p.network());
      String e = eni(p, "aws_network_interface.e").id();
      assertThat(r.reach(Endpoint.address("198.51.100.9"), Endpoint.eni(e), Traffic.tcp(22)).outcome())
          .isEqualTo(Outcome.UNKNOWN);
      assertThat(r.reach(Endpoint.address("198.51.100.9"), Endpoint.eni(e), Traffic.tcp(80)).outcome())
          .as("no rule could admit tcp/80").isEqualTo(Outcome.DENIED);
      assertThat(p.unknowns(Unknown.Kind.RULE)).singleElement().satisfies(u -> {
        assertThat(u.resource()).isEqualTo("aws_security_group.web");
        assertThat(u.attribute()).isEqualTo("ingress[0]");
      });
    }
  }

  @Nested
  class RuleResources {
    private final String base = res("aws_security_group.db", "{}") + ", " + res("aws_security_group.app", "{}");

    private Plans groups() {
      return plan().change("aws_security_group.db", "create", null, "{'name': 'db'}", SG_UNKNOWN + "")
          .change("aws_security_group.app", "create", null, "{'name': 'app'}", SG_UNKNOWN);
    }

    @Test
    void create_puts_one_rule_per_peer_on_the_planned_group_it_references() {
      PlannedNetwork p = groups()
          .change("aws_security_group_rule.from_app", "create", null, "{'type': 'ingress', 'protocol': 'tcp',"
              + " 'from_port': 5432, 'to_port': 5432, 'cidr_blocks': null, 'self': false}",
              "{'id': true, 'security_group_id': true, 'source_security_group_id': true}")
          .change("aws_security_group_rule.many", "create", null, "{'type': 'ingress', 'protocol': 'all',"
              + " 'from_port': 0, 'to_port': 0, 'cidr_blocks': ['10.1.0.0/16', '10.2.0.0/16'], 'self': true}",
              "{'id': true, 'security_group_id': true, 'source_security_group_id': true}")
          .config("{'resources': [" + base + ", " + res("aws_security_group_rule.from_app", "{'security_group_id': "
              + refs("aws_security_group.db.id", "aws_security_group.db") + ", 'source_security_group_id': "
              + refs("aws_security_group.app.id", "aws_security_group.app") + "}") + ", "
              + res("aws_security_group_rule.many", "{'security_group_id': " + refs("aws_security_group.db.id",
              "aws_security_group.db") + "}") + "]}")
          .parse().apply();
      assertThat(group(p, "tf:aws_security_group.db").ingress()).containsExactly(
          Rule.ingress(Ports.tcp(5432), Peer.group("tf:aws_security_group.app")),
          Rule.ingress(Ports.allTraffic(), Peer.cidr("10.1.0.0/16")),
          Rule.ingress(Ports.allTraffic(), Peer.cidr("10.2.0.0/16")),
          Rule.ingress(Ports.allTraffic(), Peer.group("tf:aws_security_group.db")));
      assertThat(p.unknowns()).as("source_security_group_id unknown beside CIDRs is just unset").isEmpty();
    }

    @Test
    void update_replace_and_delete_take_the_old_rule_out_of_the_snapshots_group() {
      Network net = Network.builder().add(SecurityGroup.builder("sg-0d").allowIn(Ports.tcp(5432),
          Peer.cidr("10.0.0.0/8")).allowIn(Ports.tcp(22), Peer.cidr("10.9.0.0/16")).build()).build();
      String before = "{'type': 'ingress', 'security_group_id': 'sg-0d', 'protocol': 'tcp', 'from_port': 5432,"
          + " 'to_port': 5432, 'cidr_blocks': ['10.0.0.0/8']}";
      for (String actions : new String[] {"update", "delete,create", "create,delete"}) {
        PlannedNetwork p = plan().change("aws_security_group_rule.r", actions, before, before.replace("10.0.0.0/8",
            "10.0.0.0/16"), "{}").parse().applyTo(net);
        assertThat(group(p, "sg-0d").ingress()).as(actions).containsExactly(
            Rule.ingress(Ports.tcp(22), Peer.cidr("10.9.0.0/16")), Rule.ingress(Ports.tcp(5432),
                Peer.cidr("10.0.0.0/16")));
      }
      PlannedNetwork deleted = plan().change("aws_security_group_rule.r", "delete", before, null, null).parse()
          .applyTo(net);
      assertThat(group(deleted, "sg-0d").ingress()).containsExactly(Rule.ingress(Ports.tcp(22),
          Peer.cidr("10.9.0.0/16")));
    }

    @Test
    void the_one_peer_rule_resources_read_each_kind_of_peer_and_keep_the_rule_id() {
      PlannedNetwork p = groups()
          .change("aws_vpc_security_group_ingress_rule.from_app", "create", null, "{'ip_protocol': 'tcp',"
              + " 'from_port': 5432, 'to_port': 5432}", "{'id': true, 'security_group_id': true,"
              + " 'referenced_security_group_id': true, 'security_group_rule_id': true}")
          .change("aws_vpc_security_group_egress_rule.all", "create", null, "{'ip_protocol': '-1',"
              + " 'cidr_ipv6': '::/0', 'from_port': null, 'to_port': null}", "{'id': true, 'security_group_id': true,"
              + " 'security_group_rule_id': true}")
          .change("aws_vpc_security_group_ingress_rule.known", "no-op", null, "{'ip_protocol': 'udp', 'from_port':"
              + " 53, 'to_port': 53, 'cidr_ipv4': '10.0.0.0/8', 'security_group_id': 'sg-0e', 'security_group_rule_id':"
              + " 'sgr-0123'}", "{}")
          .config("{'resources': [" + base + ", " + res("aws_vpc_security_group_ingress_rule.from_app",
              "{'security_group_id': " + refs("aws_security_group.db.id", "aws_security_group.db")
              + ", 'referenced_security_group_id': " + refs("aws_security_group.app.id", "aws_security_group.app")
              + "}") + ", " + res("aws_vpc_security_group_egress_rule.all", "{'security_group_id': "
              + refs("aws_security_group.app.id", "aws_security_group.app") + ", 'cidr_ipv6': {'constant_value':"
              + " '::/0'}}") + "]}")
          .parse().apply();
      assertThat(group(p, "tf:aws_security_group.db").ingress()).containsExactly(Rule.ingress(Ports.tcp(5432),
          Peer.group("tf:aws_security_group.app")));
      assertThat(group(p, "tf:aws_security_group.app").egress()).containsExactly(Rule.egress(Ports.allTraffic(),
          Peer.cidr("::/0")));
      assertThat(group(p, "sg-0e").ingress()).contains(Rule.ingress(Ports.udp(53), Peer.cidr("10.0.0.0/8"))
          .withRuleId("sgr-0123"));
    }

    @Test
    void deleting_a_one_peer_rule_takes_it_out_and_forget_leaves_it_in_aws() {
      Network net = Network.builder().add(SecurityGroup.builder("sg-0d").rule(Rule.ingress(Ports.tcp(443),
          Peer.cidr("10.0.0.0/8")).withRuleId("sgr-0a")).build()).build();
      String state = "{'security_group_id': 'sg-0d', 'ip_protocol': 'tcp', 'from_port': 443, 'to_port': 443,"
          + " 'cidr_ipv4': '10.0.0.0/8', 'security_group_rule_id': 'sgr-0a'}";
      assertThat(group(plan().change("aws_vpc_security_group_ingress_rule.r", "delete", state, null, null).parse()
          .applyTo(net), "sg-0d").ingress()).isEmpty();
      PlannedNetwork forgotten = plan().change("aws_vpc_security_group_ingress_rule.r", "forget", state, null, null)
          .parse().applyTo(net);
      assertThat(forgotten.network()).isEqualTo(net);
      assertThat(forgotten.resources()).isEmpty();
    }

    @Test
    void a_rule_whose_group_leads_to_no_planned_group_is_named_and_the_plan_is_not_complete() {
      PlannedNetwork p = plan().change("aws_security_group_rule.r", "create", null, "{'type': 'ingress',"
              + " 'protocol': 'tcp', 'from_port': 22, 'to_port': 22, 'cidr_blocks': ['0.0.0.0/0']}",
              "{'id': true, 'security_group_id': true}")
          .config("{'resources': [" + res("aws_security_group_rule.r", "{'security_group_id': "
              + refs("data.aws_security_group.shared.id", "data.aws_security_group.shared") + "}") + "]}")
          .parse().apply();
      assertThat(p.complete()).isFalse();
      assertThat(p.unknowns(Unknown.Kind.UNPLACED)).singleElement()
          .satisfies(u -> assertThat(u.toString()).startsWith("aws_security_group_rule.r: security_group_id: the"
              + " group this rule is added to is not known before apply"));
    }
  }

  @Nested
  class Interfaces {
    private Plans withGroup() {
      return vpcAndSubnet().change("aws_security_group.web", "create", null, "{'name': 'web', 'ingress': [],"
          + " 'egress': []}", SG_UNKNOWN);
    }

    private String withGroupConfig(String more) {
      return "{'resources': [" + VPC_CONFIG + ", " + res("aws_security_group.web", "{'vpc_id': "
          + refs("aws_vpc.main.id", "aws_vpc.main") + "}") + ", " + more + "]}";
    }

    @Test
    void a_network_interface_carries_the_groups_it_references_and_a_stand_in_address_in_its_subnet() {
      PlannedNetwork p = withGroup()
          .change("aws_network_interface.e", "create", null, "{'private_ips_count': 0}", "{'id': true,"
              + " 'security_groups': true, 'subnet_id': true, 'private_ips': true, 'private_ip': true}")
          .config(withGroupConfig(res("aws_network_interface.e", "{'subnet_id': " + refs("aws_subnet.a.id",
              "aws_subnet.a") + ", 'security_groups': " + refs("aws_security_group.web.id", "aws_security_group.web")
              + "}")))
          .parse().apply();
      NetworkInterface e = eni(p, "aws_network_interface.e");
      assertThat(e.id()).isEqualTo("tf:aws_network_interface.e");
      assertThat(e.securityGroupIds()).containsExactly("tf:aws_security_group.web");
      assertThat(e.subnetId()).isEqualTo("tf:aws_subnet.a");
      assertThat(e.vpcId()).isEqualTo("tf:aws_vpc.main");
      Cidr standIn = e.privateIpv4().get(0);
      assertThat(Cidr.parse("10.0.1.0/24").contains(standIn)).isTrue();
      assertThat(p.standInAddresses()).containsEntry(standIn, Cidr.parse("10.0.1.0/24"));
      assertThat(p.interfacesFor("aws_security_group.web")).containsExactly(e.id());
      assertThat(p.interfacesFor("aws_network_interface.e")).containsExactly(e.id());
    }

    @Test
    void an_interface_without_groups_gets_the_vpcs_default_group() {
      PlannedNetwork p = vpcAndSubnet()
          .change("aws_network_interface.e", "create", null, "{'private_ips': ['10.0.1.9']}", "{'id': true,"
              + " 'security_groups': true, 'subnet_id': true}")
          .config("{'resources': [" + VPC_CONFIG + ", " + res("aws_network_interface.e", "{'subnet_id': "
              + refs("aws_subnet.a.id", "aws_subnet.a") + "}") + "]}")
          .parse().apply();
      assertThat(eni(p, "aws_network_interface.e").securityGroupIds())
          .containsExactly("tf:aws_vpc.main/default_security_group");
    }

    @Test
    void a_deleted_or_replaced_interface_leaves_and_a_no_op_keeps_the_snapshots() {
      Network net = Network.builder().add(SecurityGroup.builder("sg-0a").build())
          .add(NetworkInterface.builder("eni-0e").address("10.0.1.5").groups("sg-0a").build()).build();
      String state = "{'id': 'eni-0e', 'private_ips': ['10.0.1.5'], 'security_groups': ['sg-0a']}";
      assertThat(plan().change("aws_network_interface.e", "delete", state, null, null).parse().applyTo(net)
          .network().interfaces()).doesNotContainKey("eni-0e");
      PlannedNetwork replaced = plan().change("aws_network_interface.e", "create,delete", state,
          "{'private_ips': ['10.0.1.5'], 'security_groups': ['sg-0a']}", "{'id': true}").parse().applyTo(net);
      assertThat(replaced.network().interfaces()).doesNotContainKey("eni-0e").containsKey("tf:aws_network_interface.e");
      assertThat(replaced.network().interfaces().get("tf:aws_network_interface.e").securityGroupIds())
          .containsExactly("sg-0a");
      assertThat(plan().change("aws_network_interface.e", "no-op", state, state, "{}").parse().applyTo(net)
          .network()).isEqualTo(net);
    }

    @Test
    void a_group_attachment_adds_a_group_and_its_removal_takes_it_off() {
      Network net = Network.builder().add(SecurityGroup.builder("sg-0a").build())
          .add(SecurityGroup.builder("sg-0b").build())
          .add(NetworkInterface.builder("eni-0e").address("10.0.1.5").groups("sg-0a").build()).build();
      PlannedNetwork added = plan().change("aws_network_interface_sg_attachment.x", "create", null,
          "{'security_group_id': 'sg-0b', 'network_interface_id': 'eni-0e'}", "{'id': true}").parse().applyTo(net);
      assertThat(added.network().interfaces().get("eni-0e").securityGroupIds()).containsExactly("sg-0a", "sg-0b");
      PlannedNetwork removed = plan().change("aws_network_interface_sg_attachment.x", "delete",
          "{'security_group_id': 'sg-0a', 'network_interface_id': 'eni-0e'}", null, null).parse().applyTo(net);
      assertThat(removed.network().interfaces().get("eni-0e").securityGroupIds()).isEmpty();
    }

    @Test
    void an_instance_update_changes_the_groups_of_its_primary_eni_and_delete_and_replace_remove_it() {
      Network net = Network.builder().add(SecurityGroup.builder("sg-0a").build())
          .add(SecurityGroup.builder("sg-0b").build())
          .add(NetworkInterface.builder("eni-0p").address("10.0.1.5").attachedTo("i-0a", 0).groups("sg-0a").build())
          .build();
      String before = "{'id': 'i-0a', 'primary_network_interface_id': 'eni-0p', 'private_ip': '10.0.1.5',"
          + " 'vpc_security_group_ids': ['sg-0a']}";
      PlannedNetwork updated = plan().change("aws_instance.web", "update", before, before.replace("['sg-0a']",
          "['sg-0b']"), "{}").parse().applyTo(net);
      assertThat(updated.network().interfaces().get("eni-0p").securityGroupIds()).containsExactly("sg-0b");
      assertThat(updated.network().interfaces().get("eni-0p").privateIpv4()).extracting(Cidr::addressString)
          .containsExactly("10.0.1.5");
      PlannedNetwork deleted = plan().change("aws_instance.web", "delete", before, null, null).parse().applyTo(net);
      assertThat(deleted.network().interfaces()).doesNotContainKey("eni-0p");
      PlannedNetwork replaced = plan().change("aws_instance.web", "delete,create", before, "{'private_ip': null,"
          + " 'vpc_security_group_ids': ['sg-0a']}", "{'id': true, 'primary_network_interface_id': true,"
          + " 'private_ip': true}").parse().applyTo(net);
      assertThat(replaced.network().interfaces()).doesNotContainKey("eni-0p")
          .containsKey("tf:aws_instance.web/primary_network_interface");
      assertThat(replaced.network().interfaces().get("tf:aws_instance.web/primary_network_interface").instanceId())
          .contains("tf:aws_instance.web");
    }

    @Test
    void an_instance_whose_groups_go_through_a_local_carries_a_group_of_unknown_rules() {
      PlannedNetwork p = withGroup()
          .change("aws_instance.web", "create", null, "{}", "{'id': true, 'vpc_security_group_ids': true}")
          .change("aws_instance.other", "create", null, "{}", "{'id': true, 'vpc_security_group_ids': true}")
          .config(withGroupConfig(res("aws_instance.web", "{'vpc_security_group_ids': " + refs("local.groups")
              + "}") + ", " + res("aws_instance.other", "{'vpc_security_group_ids': " + refs("aws_security_group.web.id",
              "aws_security_group.web") + "}")))
          .parse().apply();
      NetworkInterface web = eni(p, "aws_instance.web");
      assertThat(web.securityGroupIds()).containsExactly("tf:aws_instance.web.vpc_security_group_ids");
      assertThat(p.unknowns(Unknown.Kind.SECURITY_GROUPS_OF_INTERFACE)).extracting(Unknown::resource)
          .containsExactly("aws_instance.web");
      Reachability r = Reachability.of(p.network());
      NetworkInterface other = eni(p, "aws_instance.other");
      assertThat(r.reach(Endpoint.eni(other.id()), Endpoint.eni(web.id()), Traffic.tcp(443)).outcome())
          .as("web has no egress rule in its known group: the other's egress denies").isEqualTo(Outcome.DENIED);
      assertThat(r.reach(Endpoint.eni(web.id()), Endpoint.eni(other.id()), Traffic.tcp(443)).outcome())
          .as("other admits nothing").isEqualTo(Outcome.DENIED);
      assertThat(r.reach(Endpoint.address("198.51.100.1"), Endpoint.eni(web.id()), Traffic.tcp(443)).outcome())
          .as("web's groups are unknown").isEqualTo(Outcome.UNKNOWN);
    }
  }

  @Nested
  class Eks {
    @Test
    void a_cluster_and_its_node_groups_get_the_cluster_sg_remote_access_and_launch_template_groups() {
      PlannedNetwork p = vpcAndSubnet()
          .change("aws_security_group.extra", "create", null, "{'name': 'extra', 'ingress': [], 'egress': []}",
              SG_UNKNOWN)
          .change("aws_security_group.bastion", "create", null, "{'name': 'bastion'}", SG_UNKNOWN)
          .change("aws_eks_cluster.c", "create", null, "{'name': 'c1', 'vpc_config': [{'endpoint_private_access':"
              + " true, 'endpoint_public_access': false, 'security_group_ids': null, 'subnet_ids': null}]}",
              "{'id': true, 'vpc_config': [{'cluster_security_group_id': true, 'vpc_id': true, 'subnet_ids': true,"
              + " 'security_group_ids': true, 'public_access_cidrs': true}]}")
          .change("aws_eks_node_group.ssh", "create", null, "{'cluster_name': 'c1', 'node_group_name': 'ssh',"
              + " 'scaling_config': [{'desired_size': 2}], 'remote_access': [{'ec2_ssh_key': 'k'}],"
              + " 'launch_template': []}", "{'id': true, 'subnet_ids': true, 'resources': true, 'remote_access':"
              + " [{'source_security_group_ids': true}]}")
          .change("aws_launch_template.lt", "create", null, "{'name': 'lt'}", "{'id': true,"
              + " 'vpc_security_group_ids': true}")
          .change("aws_eks_node_group.lt", "create", null, "{'cluster_name': 'c1', 'node_group_name': 'lt',"
              + " 'scaling_config': [{'desired_size': 1}], 'remote_access': [], 'launch_template': [{'name': 'lt'}]}",
              "{'id': true, 'subnet_ids': true, 'resources': true, 'launch_template': [{'id': true}]}")
          .config("{'resources': [" + VPC_CONFIG + ", " + res("aws_security_group.extra", "{}") + ", "
              + res("aws_security_group.bastion", "{}") + ", " + res("aws_eks_cluster.c", "{'vpc_config':"
              + " [{'subnet_ids': " + refs("aws_subnet.a.id", "aws_subnet.a") + ", 'security_group_ids': "
              + refs("aws_security_group.extra.id", "aws_security_group.extra") + "}]}") + ", "
              + res("aws_eks_node_group.ssh", "{'subnet_ids': " + refs("aws_subnet.a.id", "aws_subnet.a")
              + ", 'remote_access': [{'source_security_group_ids': " + refs("aws_security_group.bastion.id",
              "aws_security_group.bastion") + "}]}") + ", " + res("aws_launch_template.lt", "{'vpc_security_group_ids': "
              + refs("aws_security_group.extra.id", "aws_security_group.extra") + "}") + ", "
              + res("aws_eks_node_group.lt", "{'subnet_ids': " + refs("aws_subnet.a.id", "aws_subnet.a")
              + ", 'launch_template': [{'id': " + refs("aws_launch_template.lt.id", "aws_launch_template.lt")
              + "}]}") + "]}")
          .parse().apply();
      String clusterSg = "tf:aws_eks_cluster.c/cluster_security_group";
      SecurityGroup cluster = group(p, clusterSg);
      assertThat(cluster.ingress()).containsExactly(Rule.ingress(Ports.allTraffic(), Peer.group(clusterSg))
          .withDescription("EKS cluster SG self"));
      assertThat(p.resource("aws_eks_cluster.c").orElseThrow().interfaceIds()).singleElement()
          .satisfies(id -> assertThat(p.network().interfaces().get(id).securityGroupIds())
              .containsExactly(clusterSg, "tf:aws_security_group.extra"));
      assertThat(p.network().eksClusters().get("c1").endpointPublicAccess()).isFalse();
      String ra = "tf:aws_eks_node_group.ssh/remote_access";
      assertThat(group(p, ra).ingress()).containsExactly(Rule.ingress(Ports.tcp(22),
          Peer.group("tf:aws_security_group.bastion")).withDescription("EKS remote access"));
      assertThat(p.resource("aws_eks_node_group.ssh").orElseThrow().interfaceIds()).hasSize(2)
          .allSatisfy(id -> assertThat(p.network().interfaces().get(id).securityGroupIds())
              .containsExactly(clusterSg, ra));
      assertThat(p.resource("aws_eks_node_group.lt").orElseThrow().interfaceIds()).singleElement()
          .satisfies(id -> assertThat(p.network().interfaces().get(id).securityGroupIds())
              .as("a launch template with groups: no cluster SG").containsExactly("tf:aws_security_group.extra"));
      Reachability r = Reachability.of(p.network());
      String node = p.resource("aws_eks_node_group.ssh").orElseThrow().interfaceIds().get(0);
      String cp = p.resource("aws_eks_cluster.c").orElseThrow().interfaceIds().get(0);
      assertThat(r.reach(Endpoint.eni(node), Endpoint.eni(cp), Traffic.tcp(443)).outcome())
          .isEqualTo(Outcome.ALLOWED);
    }
  }

  @Nested
  class EksChangesOverASnapshot {
    private final Network net = Network.builder()
        .add(SecurityGroup.builder("sg-0c").name("eks-cluster-sg-c1-1").build())
        .add(SecurityGroup.builder("sg-0x").build())
        .add(NetworkInterface.builder("eni-0cp").address("10.0.1.5").description("Amazon EKS c1")
            .attachment(new NetworkInterface.Attachment(java.util.Optional.empty(), "", 1)).groups("sg-0c").build())
        .add(NetworkInterface.builder("eni-0n").address("10.0.1.6").attachedTo("i-0n", 0).groups("sg-0c")
            .tag("eks:nodegroup-name", "ng").tag("aws:eks:cluster-name", "c1").build())
        .build();
    private final String cluster = "{'name': 'c1', 'vpc_config': [{'cluster_security_group_id': 'sg-0c',"
        + " 'security_group_ids': [], 'subnet_ids': ['subnet-0a'], 'endpoint_private_access': true,"
        + " 'endpoint_public_access': true, 'public_access_cidrs': ['0.0.0.0/0'], 'vpc_id': 'vpc-0a'}]}";

    @Test
    void an_update_gives_the_existing_control_plane_enis_the_new_additional_groups() {
      PlannedNetwork p = plan().change("aws_eks_cluster.c", "update", cluster, cluster.replace(
          "'security_group_ids': []", "'security_group_ids': ['sg-0x']"), "{}").parse().applyTo(net);
      assertThat(p.network().interfaces().get("eni-0cp").securityGroupIds()).containsExactly("sg-0c", "sg-0x");
      assertThat(p.network().interfaces()).hasSize(2);
    }

    @Test
    void deleting_the_cluster_and_its_node_group_removes_their_enis_and_the_cluster_sg() {
      PlannedNetwork p = plan().change("aws_eks_cluster.c", "delete", cluster, null, null)
          .change("aws_eks_node_group.ng", "delete", "{'cluster_name': 'c1', 'node_group_name': 'ng'}", null, null)
          .parse().applyTo(net);
      assertThat(p.network().interfaces()).isEmpty();
      assertThat(p.network().securityGroups()).containsOnlyKeys("sg-0x");
      assertThat(p.complete()).isTrue();
    }
  }

  @Nested
  class References {
    @Test
    void a_root_instance_reaches_a_group_inside_a_module_through_its_output_and_the_module_gets_the_vpc_by_var() {
      PlannedNetwork p = vpcAndSubnet()
          .change("module.eks.aws_security_group.node", "create", null, "{'name': 'node', 'ingress': [],"
              + " 'egress': []}", SG_UNKNOWN)
          .change("module.eks.module.inner.aws_security_group.deep", "create", null, "{'name': 'deep'}", SG_UNKNOWN)
          .change("aws_instance.app", "create", null, "{}", "{'id': true, 'vpc_security_group_ids': true,"
              + " 'subnet_id': true}")
          .config("{'resources': [" + VPC_CONFIG + ", " + res("aws_instance.app", "{'subnet_id': "
              + refs("aws_subnet.a.id", "aws_subnet.a") + ", 'vpc_security_group_ids': "
              + refs("module.eks.node_sg_id", "module.eks") + "}") + "], 'module_calls': {'eks': {'source': './eks',"
              + " 'expressions': {'vpc_id': " + refs("aws_vpc.main.id", "aws_vpc.main") + "}, 'module': {"
              + "'resources': [" + res("aws_security_group.node", "{'vpc_id': " + refs("var.vpc_id") + "}") + "],"
              + " 'outputs': {'node_sg_id': {'expression': " + refs("module.inner.sg", "module.inner") + "}},"
              + " 'module_calls': {'inner': {'source': './inner', 'expressions': {'vpc': " + refs("var.vpc_id")
              + "}, 'module': {'resources': [" + res("aws_security_group.deep", "{'vpc_id': " + refs("var.vpc")
              + "}") + "], 'outputs': {'sg': {'expression': " + refs("aws_security_group.deep.id",
              "aws_security_group.deep") + "}}}}}}}}}")
          .parse().apply();
      assertThat(group(p, "tf:module.eks.aws_security_group.node").vpcId()).isEqualTo("tf:aws_vpc.main");
      assertThat(group(p, "tf:module.eks.module.inner.aws_security_group.deep").vpcId())
          .as("two variables deep").isEqualTo("tf:aws_vpc.main");
      assertThat(eni(p, "aws_instance.app").securityGroupIds())
          .containsExactly("tf:module.eks.module.inner.aws_security_group.deep");
      assertThat(p.interfacesFor("module.eks.module.inner.aws_security_group.deep"))
          .containsExactly(eni(p, "aws_instance.app").id());
    }

    @Test
    void counted_instances_reference_the_group_of_their_own_index() {
      Plans plan = plan();
      for (int i = 0; i < 2; i++) {
        plan.change("aws_security_group.per[" + i + "]", "create", null, "{'name': 'per" + i + "'}", SG_UNKNOWN)
            .change("aws_instance.x[" + i + "]", "create", null, "{'private_ip': '10.0.0." + (10 + i) + "'}",
                "{'id': true, 'vpc_security_group_ids': true}");
      }
      PlannedNetwork p = plan.config("{'resources': [" + res("aws_security_group.per", "{}") + ", "
          + res("aws_instance.x", "{'vpc_security_group_ids': " + refs("aws_security_group.per[count.index].id",
          "aws_security_group.per[count.index]", "aws_security_group.per") + "}") + "]}").parse().apply();
      assertThat(eni(p, "aws_instance.x[0]").securityGroupIds()).containsExactly("tf:aws_security_group.per[0]");
      assertThat(eni(p, "aws_instance.x[1]").securityGroupIds()).containsExactly("tf:aws_security_group.per[1]");
    }

    @Test
    void for_each_module_instances_resolve_their_variables_in_their_own_instance() {
      PlannedNetwork p = plan()
          .change("aws_security_group.shared", "create", null, "{'name': 'shared'}", SG_UNKNOWN)
          .change("module.svc[\"a\"].aws_instance.i", "create", null, "{'private_ip': '10.0.0.5'}",
              "{'id': true, 'vpc_security_group_ids': true}")
          .change("module.svc[\"b\"].aws_instance.i", "create", null, "{'private_ip': '10.0.0.6'}",
              "{'id': true, 'vpc_security_group_ids': true}")
          .config("{'resources': [" + res("aws_security_group.shared", "{}") + "], 'module_calls': {'svc': {"
              + "'source': './svc', 'for_each_expression': " + refs("local.svcs") + ", 'expressions': {'sg': "
              + refs("aws_security_group.shared.id", "aws_security_group.shared") + "}, 'module': {'resources': ["
              + res("aws_instance.i", "{'vpc_security_group_ids': " + refs("var.sg") + "}") + "]}}}}")
          .parse().apply();
      assertThat(eni(p, "module.svc[\"a\"].aws_instance.i").securityGroupIds())
          .containsExactly("tf:aws_security_group.shared");
      assertThat(eni(p, "module.svc[\"b\"].aws_instance.i").id())
          .isEqualTo("tf:module.svc[\"b\"].aws_instance.i/primary_network_interface");
    }
  }

  @Nested
  class BadInput {
    @Test
    void what_is_not_a_plan_is_refused_naming_the_path_and_value() {
      assertThatThrownBy(() -> TerraformPlan.parse("p.json", "{not json")).isInstanceOf(InputException.class)
          .hasMessageStartingWith("p.json: $: is not valid JSON (line 1, column 2)");
      assertThatThrownBy(() -> TerraformPlan.parse("p.json", "{\"format_version\": \"2.0\"}"))
          .hasMessage("p.json: $.format_version: '2.0' is a plan format this version of sgreach does not read (0.1 to"
              + " 1.x)");
      assertThatThrownBy(() -> TerraformPlan.parse("p.json", "{\"format_version\": \"1.0\", \"values\": {}}"))
          .hasMessage("p.json: $.resource_changes: is missing: this JSON is Terraform state, not a plan (run"
              + " terraform show -json on a plan file)");
      assertThatThrownBy(() -> TerraformPlan.parse("p.json", "[]"))
          .hasMessage("p.json: $: '[]' is not a Terraform plan: give the output of terraform show -json PLANFILE");
    }

    @Test
    void a_value_aws_would_refuse_is_refused_at_its_path() {
      assertThatThrownBy(() -> plan().change("aws_security_group.web", "create", null, "{'ingress': [{'protocol':"
          + " 'tcp', 'from_port': 443, 'to_port': 22, 'cidr_blocks': ['0.0.0.0/0']}]}", SG_UNKNOWN).parse().apply())
          .isInstanceOf(InputException.class).hasMessage("plan.json: $.resource_changes[0].change.after.ingress[0]"
              + ".from_port: '443' with to_port 22 is not a port range EC2 accepts: tcp port range 443..22 is empty:"
              + " FromPort is above ToPort");
      assertThatThrownBy(() -> plan().change("aws_security_group.web", "create", null, "{'ingress': [{'protocol':"
          + " 'tcp', 'from_port': 1, 'to_port': 2, 'cidr_blocks': ['10.0.0.300/8']}]}", SG_UNKNOWN).parse().apply())
          .hasMessage("plan.json: $.resource_changes[0].change.after.ingress[0].cidr_blocks[0]: '10.0.0.300/8' is"
              + " not an IPv4 or IPv6 CIDR block");
      assertThatThrownBy(() -> plan().change("aws_security_group.web", "create", null, "{'ingress': [{'protocol':"
          + " 'gre-ish', 'from_port': 1, 'to_port': 2}]}", SG_UNKNOWN).parse().apply())
          .hasMessage("plan.json: $.resource_changes[0].change.after.ingress[0].protocol: 'gre-ish' is not an IP"
              + " protocol: use -1, all, tcp, udp, icmp, icmpv6 or a number 0..255");
      assertThatThrownBy(() -> plan().change("aws_security_group.web", "rebuild", null, "{}", "{}").parse())
          .hasMessage("plan.json: $.resource_changes[0].change.actions: '[\"rebuild\"]' is not a Terraform change"
              + " action (no-op, create, read, update, delete, delete+create, create+delete, forget)");
    }

    @Test
    void a_plan_that_is_not_complete_or_errored_or_deferred_says_denied_may_be_unknown() {
      assertThat(plan().top("'complete': false").parse().apply().complete()).isFalse();
      assertThat(plan().top("'errored': true").parse().apply().complete()).isFalse();
      PlannedNetwork deferred = plan().top("'deferred_changes': [{'reason': 'instance_count_unknown',"
          + " 'resource_change': {'address': 'aws_security_group_rule.r', 'mode': 'managed', 'type':"
          + " 'aws_security_group_rule', 'name': 'r', 'change': {'actions': ['create'], 'after': {}}}}]").parse()
          .apply();
      assertThat(deferred.unknowns(Unknown.Kind.UNPLACED)).extracting(Unknown::resource)
          .containsExactly("aws_security_group_rule.r");
    }
  }
}
