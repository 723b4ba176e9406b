package dev.sgreach.terraform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sgreach.model.Direction;
import dev.sgreach.model.Network;
import dev.sgreach.model.NetworkInterface;
import dev.sgreach.model.Peer;
import dev.sgreach.model.Ports;
import dev.sgreach.model.Rule;
import dev.sgreach.model.SecurityGroup;
import dev.sgreach.planned.PlannedNetwork;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * Seeded random networks written as plans, read back: a plan that leaves every object as it is ({@code no-op}, ids
 * known) must give the network back, and a plan that creates it all (ids unknown, every link a reference in the
 * configuration, some rules inline and some as {@code aws_security_group_rule} or
 * {@code aws_vpc_security_group_ingress_rule} resources) must give it back with {@code tf:} placeholders for ids.
 * The writer below shares no code with the reader. On failure the message names the seed; rerun one seed with
 * {@code -Dsgreach.seed=N}.
 */
class PlanRoundTripTest {
  private static final int NETWORKS = 200;

  private record Generated(Network network, String json, Map<String, String> placeholders) {}

  @Test
  void a_no_op_plan_gives_the_network_back_and_a_creating_plan_gives_it_back_under_placeholders() {
    long first = Long.getLong("sgreach.seed", 1L);
    int count = System.getProperty("sgreach.seed") == null ? NETWORKS : 1;
    for (long seed = first; seed < first + count; seed++) {
      for (boolean create : new boolean[] {false, true}) {
        Generated g = generate(new Random(seed), create);
        PlannedNetwork p = TerraformPlan.parse("seed-" + seed + ".json", g.json()).apply();
        Network expected = create ? rename(g.network(), g.placeholders()) : g.network();
        assertThat(view(p.network())).as("seed %d (%s plan); rerun with -Dsgreach.seed=%d", seed,
            create ? "create" : "no-op", seed).isEqualTo(view(expected));
        assertThat(p.unknowns().stream().filter(u -> u.kind() != dev.sgreach.planned.Unknown.Kind.ADDRESS))
            .as("seed %d", seed).isEmpty();
      }
    }
  }

  /** Groups with their rules as sets (EC2 keeps no order), and ENIs with their groups and addresses. */
  private static List<String> view(Network n) {
    List<String> out = new ArrayList<>();
    for (SecurityGroup g : n.securityGroups().values()) {
      TreeSet<String> rules = new TreeSet<>();
      g.ingress().forEach(r -> rules.add(r.direction() + " " + r.ports() + " " + r.peer().describe()));
      g.egress().forEach(r -> rules.add(r.direction() + " " + r.ports() + " " + r.peer().describe()));
      out.add(g.id() + " vpc=" + g.vpcId() + " " + rules);
    }
    for (NetworkInterface e : n.interfaces().values()) {
      out.add(e.id() + " " + e.securityGroupIds() + " " + e.privateIpv4());
    }
    out.sort(null);
    return out;
  }

  private static Network rename(Network n, Map<String, String> to) {
    UnaryOperator<String> r = id -> to.getOrDefault(id, id);
    Network.Builder b = Network.builder();
    for (SecurityGroup g : n.securityGroups().values()) {
      SecurityGroup.Builder sb = SecurityGroup.builder(r.apply(g.id())).vpc(g.vpcId());
      for (Rule x : g.ingress()) {
        sb.rule(renamed(x, r));
      }
      for (Rule x : g.egress()) {
        sb.rule(renamed(x, r));
      }
      b.add(sb.build());
    }
    for (NetworkInterface e : n.interfaces().values()) {
      NetworkInterface.Builder eb = NetworkInterface.builder(r.apply(e.id()));
      e.privateIpv4().forEach(eb::address);
      e.securityGroupIds().forEach(id -> eb.groups(r.apply(id)));
      b.add(eb.build());
    }
    return b.build();
  }

  private static Rule renamed(Rule x, UnaryOperator<String> r) {
    Peer p = x.peer() instanceof Peer.GroupPeer g ? Peer.group(r.apply(g.groupId())) : x.peer();
    return new Rule(x.direction(), x.ports(), p, "", "");
  }

  // ------------------------------------------------------------------ the writer

  private static Generated generate(Random rnd, boolean create) {
    int groups = 1 + rnd.nextInt(5);
    List<SecurityGroup.Builder> gs = new ArrayList<>();
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < groups; i++) {
      String id = String.format("sg-%017x", 0x1000 + i);
      ids.add(id);
      gs.add(SecurityGroup.builder(id).vpc("vpc-0000000000000000a"));
    }
    StringBuilder changes = new StringBuilder();
    StringBuilder config = new StringBuilder();
    Map<String, String> placeholders = new LinkedHashMap<>();
    List<List<Rule>> inline = new ArrayList<>();
    for (int i = 0; i < groups; i++) {
      inline.add(new ArrayList<>());
      placeholders.put(ids.get(i), "tf:aws_security_group.g" + i);
    }
    int ruleResources = 0;
    for (int i = 0; i < groups; i++) {
      int n = rnd.nextInt(6);
      for (int k = 0; k < n; k++) {
        Direction d = rnd.nextBoolean() ? Direction.INGRESS : Direction.EGRESS;
        Ports ports = switch (rnd.nextInt(5)) {
          case 0 -> Ports.allTraffic();
          case 1 -> Ports.udp(53);
          case 2 -> Ports.icmp(rnd.nextBoolean() ? -1 : 8, rnd.nextBoolean() ? -1 : 0);
          default -> {
            int from = rnd.nextInt(65000);
            yield Ports.tcp(from, from + rnd.nextInt(500));
          }
        };
        Peer peer = switch (rnd.nextInt(4)) {
          case 0 -> Peer.cidr("0.0.0.0/0");
          case 1 -> Peer.cidr("10." + rnd.nextInt(256) + ".0.0/16");
          case 2 -> Peer.cidr("2600:1f18:" + Integer.toHexString(rnd.nextInt(65536)) + "::/48");
          default -> Peer.group(ids.get(rnd.nextInt(groups)));
        };
        Rule rule = new Rule(d, ports, peer, "", "");
        if (gs.get(i).build().rules(d).stream().anyMatch(r -> r.ports().equals(ports) && r.peer().equals(peer))) {
          continue;
        }
        gs.get(i).rule(rule);
        int how = rnd.nextInt(3);
        boolean otherGroup = peer instanceof Peer.GroupPeer g && !g.groupId().equals(ids.get(i));
        if (create && otherGroup && (how == 0 || d == Direction.EGRESS)) {
          how = 1; // a created group's id is unknown: name it through a rule resource's reference
        }
        if (how == 0 || d == Direction.EGRESS && how == 2) {
          inline.get(i).add(rule);
        } else if (how == 1) {
          String address = "aws_security_group_rule.r" + ruleResources++;
          changes.append(", ").append(change(address, create, ruleJson(rule, ids.get(i), create, false),
              "{'id': true" + (create ? ", 'security_group_id': true, 'source_security_group_id': true" : "")
                  + "}"));
          config.append(", ").append(TerraformPlanTest.res(address, "{'security_group_id': " + ref("g" + i)
              + (peer instanceof Peer.GroupPeer g && create ? ", 'source_security_group_id': "
              + ref("g" + ids.indexOf(g.groupId())) : "") + "}"));
        } else {
          String address = "aws_vpc_security_group_ingress_rule.v" + ruleResources++;
          changes.append(", ").append(change(address, create, ruleJson(rule, ids.get(i), create, true),
              "{'id': true" + (create ? ", 'security_group_id': true" + (peer instanceof Peer.GroupPeer
                  ? ", 'referenced_security_group_id': true" : "") : "") + "}"));
          config.append(", ").append(TerraformPlanTest.res(address, "{'security_group_id': " + ref("g" + i)
              + (peer instanceof Peer.GroupPeer g ? ", 'referenced_security_group_id': "
              + ref("g" + ids.indexOf(g.groupId())) : "") + "}"));
        }
      }
    }
    StringBuilder head = new StringBuilder();
    for (int i = 0; i < groups; i++) {
      StringBuilder in = new StringBuilder();
      StringBuilder out = new StringBuilder();
      for (Rule r : inline.get(i)) {
        (r.direction() == Direction.INGRESS ? in : out).append(in.length() == 0 && r.direction() == Direction.INGRESS
            || out.length() == 0 && r.direction() == Direction.EGRESS ? "" : ", ").append(block(r, ids.get(i)));
      }
      String after = "{" + (create ? "" : "'id': '" + ids.get(i) + "', ") + "'vpc_id': 'vpc-0000000000000000a',"
          + " 'name': 'g" + i + "', 'ingress': [" + in + "], 'egress': [" + out + "]}";
      head.append(head.length() == 0 ? "" : ", ").append(change("aws_security_group.g" + i, create, after,
          create ? "{'id': true}" : "{}"));
      config.append(", ").append(TerraformPlanTest.res("aws_security_group.g" + i, "{'ingress': {},"
          + " 'egress': {}}"));
    }
    Network.Builder nb = Network.builder();
    for (SecurityGroup.Builder g : gs) {
      nb.add(g.build());
    }
    int enis = rnd.nextInt(5);
    for (int e = 0; e < enis; e++) {
      String id = String.format("eni-%017x", 0x2000 + e);
      String ip = "10.0." + e + ".10";
      List<String> carried = new ArrayList<>();
      for (String g : ids) {
        if (rnd.nextInt(3) == 0) {
          carried.add(g);
        }
      }
      if (carried.isEmpty()) {
        carried.add(ids.get(0));
      }
      nb.add(NetworkInterface.builder(id).vpc("vpc-0000000000000000a").address(ip).groups(carried).build());
      placeholders.put(id, "tf:aws_network_interface.e" + e);
      String groupsJson = create ? "null" : "[" + String.join(", ", carried.stream().map(g -> "'" + g + "'")
          .toList()) + "]";
      changes.append(", ").append(change("aws_network_interface.e" + e, create, "{" + (create ? ""
          : "'id': '" + id + "', ") + "'private_ips': ['" + ip + "'], 'security_groups': " + groupsJson + "}",
          create ? "{'id': true, 'security_groups': true}" : "{}"));
      List<String> refs = new ArrayList<>();
      carried.forEach(g -> {
        refs.add("aws_security_group.g" + ids.indexOf(g) + ".id");
        refs.add("aws_security_group.g" + ids.indexOf(g));
      });
      config.append(", ").append(TerraformPlanTest.res("aws_network_interface.e" + e, "{'security_groups': "
          + TerraformPlanTest.refs(refs.toArray(String[]::new)) + "}"));
    }
    String json = ("{'format_version': '1.2', 'resource_changes': [" + head + changes + "], 'configuration':"
        + " {'root_module': {'resources': [" + config.substring(2) + "]}}}").replace('\'', '"');
    return new Generated(nb.build(), json, placeholders);
  }

  private static String ref(String group) {
    return TerraformPlanTest.refs("aws_security_group." + group + ".id", "aws_security_group." + group);
  }

  private static String change(String address, boolean create, String after, String unknown) {
    int dot = address.indexOf('.');
    return "{'address': '" + address + "', 'mode': 'managed', 'type': '" + address.substring(0, dot)
        + "', 'name': '" + address.substring(dot + 1) + "', 'change': {'actions': ['" + (create ? "create" : "no-op")
        + "'], 'before': null, 'after': " + after + ", 'after_unknown': " + unknown + "}}";
  }

  private static String protocol(Ports p) {
    return p.isAllTraffic() ? "-1" : p.protocol().awsName();
  }

  /** An inline block with one peer. */
  private static String block(Rule r, String self) {
    Peer p = r.peer();
    String cidrs = p instanceof Peer.CidrPeer c && c.cidr().isIpv4() ? "['" + c.cidr().toCidrString() + "']" : "[]";
    String v6 = p instanceof Peer.CidrPeer c && c.cidr().isIpv6() ? "['" + c.cidr().toCidrString() + "']" : "[]";
    boolean isSelf = p instanceof Peer.GroupPeer g && g.groupId().equals(self);
    String groups = p instanceof Peer.GroupPeer g && !isSelf ? "['" + g.groupId() + "']" : "[]";
    return "{'protocol': '" + protocol(r.ports()) + "', 'from_port': " + r.ports().awsFromPort() + ", 'to_port': "
        + r.ports().awsToPort() + ", 'cidr_blocks': " + cidrs + ", 'ipv6_cidr_blocks': " + v6
        + ", 'prefix_list_ids': [], 'security_groups': " + groups + ", 'self': " + isSelf + ", 'description': ''}";
  }

  /** A rule resource; a group peer is a reference when the plan creates everything. */
  private static String ruleJson(Rule r, String group, boolean create, boolean onePeer) {
    Peer p = r.peer();
    String target = create ? "" : "'security_group_id': '" + group + "', ";
    if (onePeer) {
      String peer = p instanceof Peer.CidrPeer c ? "'" + (c.cidr().isIpv4() ? "cidr_ipv4" : "cidr_ipv6") + "': '"
          + c.cidr().toCidrString() + "'" : create ? "'referenced_security_group_id': null"
          : "'referenced_security_group_id': '" + ((Peer.GroupPeer) p).groupId() + "'";
      String ports = r.ports().isAllTraffic() ? "'from_port': null, 'to_port': null"
          : "'from_port': " + r.ports().awsFromPort() + ", 'to_port': " + r.ports().awsToPort();
      return "{" + target + "'ip_protocol': '" + protocol(r.ports()) + "', " + ports + ", " + peer + "}";
    }
    String cidrs = p instanceof Peer.CidrPeer c && c.cidr().isIpv4() ? "['" + c.cidr().toCidrString() + "']" : "[]";
    String v6 = p instanceof Peer.CidrPeer c && c.cidr().isIpv6() ? "['" + c.cidr().toCidrString() + "']" : "[]";
    String source = p instanceof Peer.GroupPeer g && !create ? ", 'source_security_group_id': '" + g.groupId() + "'"
        : "";
    return "{" + target + "'type': '" + r.direction().word() + "', 'protocol': '" + protocol(r.ports())
        + "', 'from_port': " + r.ports().awsFromPort() + ", 'to_port': " + r.ports().awsToPort() + ", 'cidr_blocks': "
        + cidrs + ", 'ipv6_cidr_blocks': " + v6 + ", 'prefix_list_ids': [], 'self': false" + source + "}";
  }
}
