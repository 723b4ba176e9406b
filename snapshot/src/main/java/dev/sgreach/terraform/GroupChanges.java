package dev.sgreach.terraform;

import com.fasterxml.jackson.databind.node.MissingNode;
import dev.sgreach.model.Cidr;
import dev.sgreach.model.Direction;
import dev.sgreach.model.Peer;
import dev.sgreach.model.Ports;
import dev.sgreach.model.Protocol;
import dev.sgreach.model.Rule;
import dev.sgreach.model.SecurityGroup;
import dev.sgreach.planned.InputNode;
import dev.sgreach.planned.Placeholders;
import dev.sgreach.planned.PlannedResource.Action;
import dev.sgreach.planned.Unknown;
import dev.sgreach.terraform.PlanState.Kind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Security groups and their rules from a plan (DOMAIN-CHANGE.md table 1e): {@code aws_security_group} with its inline
 * {@code ingress}/{@code egress} blocks (one block with N peers is N rules), {@code aws_default_security_group} (which
 * adopts a VPC's default group and keeps only its inline rules), {@code aws_security_group_rule} (one resource, one
 * rule per peer) and {@code aws_vpc_security_group_ingress_rule} / {@code _egress_rule} (exactly one peer).
 *
 * <p>A group the AWS provider creates has no egress unless the plan declares some: the provider revokes the default
 * allow-all egress (IPv4 and IPv6) right after {@code CreateSecurityGroup} (terraform-provider-aws
 * {@code vpc_security_group.go}, "AWS defaults all Security Groups to have an ALLOW ALL egress rule. Here we revoke
 * that rule"; the {@code aws_security_group} page's "NOTE on Egress rules"). An {@code ingress} or {@code egress}
 * that the plan leaves unknown only because the configuration does not set it means no inline rules; one the
 * configuration sets but the plan does not know makes that direction unknown.
 */
final class GroupChanges {
  private static final String NO_DESCRIPTION = "";

  private final PlanState s;

  GroupChanges(PlanState s) {
    this.s = s;
  }

  // ------------------------------------------------------------------ groups

  void securityGroup(ResourceChange c) {
    String id = s.registered(c, "id").orElseThrow();
    SecurityGroup existing = s.groups.get(id);
    Val a = c.after();
    String vpc = s.id(c, Kind.VPC, "vpc_id").orElse(existing == null ? "" : existing.vpcId());
    String name = a.get("name").text().or(() -> a.get("name_prefix").text()).orElse(existing == null ? ""
        : existing.name());
    SecurityGroup.Builder b = SecurityGroup.builder(id).name(name).vpc(vpc)
        .description(a.get("description").text().orElse(existing == null ? "" : existing.description()))
        .owner(a.get("owner_id").text().orElse(existing == null ? "" : existing.ownerId()));
    tags(a.get("tags")).forEach(b::tag);
    for (Direction d : Direction.values()) {
      String attribute = d == Direction.INGRESS ? "ingress" : "egress";
      Val blocks = a.get(attribute);
      if (blocks.isUnknown()) {
        if (s.config.configured(c, attribute)) {
          b.rule(unknownRule(c, d, attribute, "the plan does not know the " + attribute + " rules"));
        } else if (!c.action().isReplace() && c.action() != Action.CREATE && existing != null) {
          existing.rules(d).forEach(b::rule); // not managed inline: the group keeps what it has
        }
        continue;
      }
      List<Val> list = blocks.list();
      for (int i = 0; i < list.size(); i++) {
        rulesOfBlock(c, id, d, attribute + "[" + i + "]", list.get(i), list.size()).forEach(b::rule);
      }
    }
    s.groups.put(id, b.build());
    vpcDefault(vpc, name, id);
    s.resource(c, List.of(id), List.of(), id.startsWith("tf:"));
  }

  private void vpcDefault(String vpc, String name, String id) {
    if (name.equals("default") && !vpc.isEmpty()) {
      s.defaultGroupOfVpc.putIfAbsent(vpc, id);
    }
  }

  /** {@code aws_default_security_group}: the VPC's default group, its rules replaced by the inline ones. */
  void defaultSecurityGroup(ResourceChange c) {
    String id = s.registered(c, "id").orElseThrow();
    SecurityGroup existing = s.groups.get(id);
    Val a = c.after();
    String vpc = s.id(c, Kind.VPC, "vpc_id").orElse(existing == null ? "" : existing.vpcId());
    SecurityGroup.Builder b = SecurityGroup.builder(id).name("default").vpc(vpc)
        .description(existing == null ? "default VPC security group" : existing.description())
        .owner(existing == null ? "" : existing.ownerId());
    tags(a.get("tags")).forEach(b::tag);
    for (Direction d : Direction.values()) {
      String attribute = d == Direction.INGRESS ? "ingress" : "egress";
      Val blocks = a.get(attribute);
      if (blocks.isUnknown() && s.config.configured(c, attribute)) {
        b.rule(unknownRule(c, d, attribute, "the plan does not know the " + attribute + " rules"));
        continue;
      }
      List<Val> list = blocks.list();
      for (int i = 0; i < list.size(); i++) {
        rulesOfBlock(c, id, d, attribute + "[" + i + "]", list.get(i), list.size()).forEach(b::rule);
      }
    }
    s.groups.put(id, b.build());
    s.resource(c, List.of(id), List.of(), id.startsWith("tf:"));
  }

  /** A removed group, by its id before the change. */
  void removeGroup(ResourceChange c) {
    c.before().get("id").optText().ifPresent(s.groups::remove);
  }

  private static Map<String, String> tags(Val tags) {
    Map<String, String> out = new LinkedHashMap<>();
    if (tags.isKnown()) {
      for (Map.Entry<String, InputNode> e : tags.node().members()) {
        out.put(e.getKey(), e.getValue().optScalarText().orElse(""));
      }
    }
    return out;
  }

  /** The rules of one inline block: one per peer, or a rule to an unknown set for what the plan does not know. */
  private List<Rule> rulesOfBlock(ResourceChange c, String groupId, Direction d, String path, Val block,
      int blocksOfDirection) {
    List<Rule> out = new ArrayList<>();
    if (block.isUnknown()) {
      out.add(unknownRule(c, d, path, "the plan does not know this rule"));
      return out;
    }
    Optional<Ports> ports = ports(block.get("protocol"), block.get("from_port"), block.get("to_port"));
    String description = block.get("description").text().orElse(NO_DESCRIPTION);
    if (ports.isEmpty()) {
      out.add(unknownRule(c, d, path, "the plan does not know the rule's protocol or ports"));
      return out;
    }
    List<Peer> peers = new ArrayList<>();
    boolean unknownPeer = cidrs(block.get("cidr_blocks"), peers) | cidrs(block.get("ipv6_cidr_blocks"), peers)
        | prefixLists(block.get("prefix_list_ids"), peers);
    Val groupsVal = block.get("security_groups");
    boolean groupsUnknown = groupsVal.isUnknown() || groupsVal.list().stream().anyMatch(Val::isUnknown);
    groupsVal.list().stream().filter(Val::isKnown).forEach(g -> peers.add(Peer.group(g.node().text())));
    if (groupsUnknown) {
      // the configuration's block tells which planned groups, when there is only one block to read
      String attribute = path.substring(0, path.indexOf('['));
      Optional<PlanState.Resolved> r = blocksOfDirection == 1
          ? Optional.of(s.ids(c, Kind.GROUP, attribute, 0, "security_groups")) : Optional.empty();
      if (r.isPresent() && r.get().complete()) {
        r.get().ids().stream().map(Peer::group).filter(p -> !peers.contains(p)).forEach(peers::add);
      } else {
        unknownPeer = true;
      }
    }
    Val self = block.get("self");
    if (self.isUnknown()) {
      unknownPeer = true;
    } else if (self.bool().orElse(false)) {
      peers.add(Peer.group(groupId));
    }
    for (Peer p : peers) {
      out.add(new Rule(d, ports.get(), p, description, ""));
    }
    if (unknownPeer) {
      String set = s.unknownSet(c, path, "peers of " + c.address() + " " + path + ", not known before apply");
      out.add(new Rule(d, ports.get(), Peer.prefixList(set), description, ""));
      s.unknown(Unknown.of(c.address(), path, Unknown.Kind.RULE, set, "a peer of this " + d.word() + " rule is not"
          + " known before apply: verdicts it could decide are unknown"));
    }
    return out;
  }

  /** Adds the known blocks of a CIDR list; true when some are not known. */
  private static boolean cidrs(Val list, List<Peer> peers) {
    return peers(list, peers, v -> Peer.cidr(cidr(v.node())));
  }

  private static boolean prefixLists(Val list, List<Peer> peers) {
    return peers(list, peers, v -> Peer.prefixList(v.node().text()));
  }

  /** Adds a peer for each known element of a list; true when the list or some element is not known. */
  private static boolean peers(Val list, List<Peer> peers, java.util.function.Function<Val, Peer> peer) {
    if (list.isUnknown()) {
      return true;
    }
    boolean unknown = false;
    for (Val v : list.list()) {
      if (v.isUnknown()) {
        unknown = true;
      } else if (v.isKnown()) {
        peers.add(peer.apply(v));
      }
    }
    return unknown;
  }

  static Cidr cidr(InputNode n) {
    try {
      return Cidr.parse(n.text());
    } catch (IllegalArgumentException e) {
      throw n.error("is not an IPv4 or IPv6 CIDR block");
    }
  }

  /**
   * The protocol and ports of a rule, as EC2 reads them ({@code -1} or {@code all} is all traffic and ignores ports;
   * names and numbers alike); empty when the plan does not know them.
   */
  static Optional<Ports> ports(Val protocol, Val from, Val to) {
    if (protocol.isUnknown()) {
      return Optional.empty();
    }
    Protocol p;
    try {
      p = Protocol.parse(protocol.node().text());
    } catch (IllegalArgumentException e) {
      throw protocol.node().error("is not an IP protocol: use -1, all, tcp, udp, icmp, icmpv6 or a number 0..255");
    }
    if (p.isAll()) {
      return Optional.of(Ports.allTraffic());
    }
    if (from.isUnknown() || to.isUnknown()) {
      return Optional.empty();
    }
    try {
      return Optional.of(Ports.of(p, from.integer().orElse(null), to.integer().orElse(null)));
    } catch (IllegalArgumentException e) {
      throw from.node().error("with to_port " + to.scalar().orElse("(none)") + " is not a port range EC2 accepts: "
          + e.getMessage());
    }
  }

  private Rule unknownRule(ResourceChange c, Direction d, String path, String why) {
    String set = s.unknownSet(c, path, "the " + path + " of " + c.address() + ", not known before apply");
    s.unknown(Unknown.of(c.address(), path, Unknown.Kind.RULE, set, why + ": verdicts these rules could decide are"
        + " unknown"));
    return Placeholders.unknownRule(d, set, "not known before apply: " + c.address() + " " + path);
  }

  // ------------------------------------------------------------------ rule resources

  /** Adds the rules of a rule resource's values after the change to its group. */
  void addRuleResource(ResourceChange c) {
    Optional<Target> t = ruleTarget(c);
    if (t.isEmpty()) {
      return;
    }
    s.ensureGroup(t.get().groupId(), c.address());
    List<Rule> rules = ruleResourceRules(c, c.after(), t.get().groupId(), true);
    s.addRules(t.get().groupId(), rules);
    s.resource(c, List.of(t.get().groupId()), List.of(), false);
  }

  /** Removes the rules of a rule resource's values before the change from its group. */
  void removeRuleResource(ResourceChange c) {
    InputNode before = c.before();
    Optional<String> group = before.get("security_group_id").optText();
    if (group.isEmpty() || !s.groups.containsKey(group.get())) {
      return;
    }
    Val b = Val.of(before, InputNode.root(s.file, MissingNode.getInstance()));
    s.removeRules(group.get(), ruleResourceRules(c, b, group.get(), false));
  }

  private record Target(String groupId) {}

  private Optional<Target> ruleTarget(ResourceChange c) {
    Optional<String> g = s.id(c, Kind.GROUP, "security_group_id");
    if (g.isEmpty()) {
      s.unknown(Unknown.of(c.address(), "security_group_id", Unknown.Kind.UNPLACED, "", "the group this rule is"
          + " added to is not known before apply (its reference leads to no planned group): the rule is not in the"
          + " network, so denied verdicts may be unknown"));
      s.resource(c, List.of(), List.of(), false);
    }
    return g.map(Target::new);
  }

  private List<Rule> ruleResourceRules(ResourceChange c, Val v, String groupId, boolean after) {
    return c.type().equals("aws_security_group_rule") ? legacyRule(c, v, groupId, after) : singleRule(c, v, after);
  }

  /** {@code aws_security_group_rule}: one rule per CIDR, IPv6 CIDR, prefix list, source group or self. */
  private List<Rule> legacyRule(ResourceChange c, Val v, String groupId, boolean after) {
    String type = v.get("type").node().text();
    Direction d = switch (type) {
      case "ingress" -> Direction.INGRESS;
      case "egress" -> Direction.EGRESS;
      default -> throw v.get("type").node().error("is not ingress or egress");
    };
    List<Rule> out = new ArrayList<>();
    Optional<Ports> ports = ports(v.get("protocol"), v.get("from_port"), v.get("to_port"));
    if (ports.isEmpty()) {
      out.add(unknownRule(c, d, "protocol", "the plan does not know the rule's protocol or ports"));
      return out;
    }
    String description = v.get("description").text().orElse(NO_DESCRIPTION);
    List<Peer> peers = new ArrayList<>();
    boolean unknownPeer = cidrs(v.get("cidr_blocks"), peers) | cidrs(v.get("ipv6_cidr_blocks"), peers)
        | prefixLists(v.get("prefix_list_ids"), peers);
    boolean self = v.get("self").bool().orElse(false);
    if (self) {
      peers.add(Peer.group(groupId));
    }
    Val source = v.get("source_security_group_id");
    if (source.isKnown()) {
      peers.add(Peer.group(source.node().text()));
    } else if (source.isUnknown() && peers.isEmpty() && !unknownPeer) {
      // source_security_group_id is Optional+Computed: unknown means "from the reference" only without CIDRs/self
      Optional<String> g = after ? s.id(c, Kind.GROUP, "source_security_group_id") : Optional.empty();
      if (g.isPresent()) {
        peers.add(Peer.group(g.get()));
      } else {
        unknownPeer = true;
      }
    }
    Optional<String> ruleId = v.get("security_group_rule_id").text();
    for (Peer p : peers) {
      Rule r = new Rule(d, ports.get(), p, description, "");
      out.add(ruleId.isPresent() && peers.size() == 1 ? r.withRuleId(ruleId.get()) : r);
    }
    if (unknownPeer) {
      String set = s.unknownSet(c, "peer", "the peer of " + c.address() + ", not known before apply");
      out.add(new Rule(d, ports.get(), Peer.prefixList(set), description, ""));
      s.unknown(Unknown.of(c.address(), "cidr_blocks/source_security_group_id", Unknown.Kind.RULE, set, "the rule's"
          + " peer is not known before apply: verdicts it could decide are unknown"));
    }
    return out;
  }

  /** {@code aws_vpc_security_group_ingress_rule} / {@code _egress_rule}: exactly one peer. */
  private List<Rule> singleRule(ResourceChange c, Val v, boolean after) {
    Direction d = c.type().endsWith("_ingress_rule") ? Direction.INGRESS : Direction.EGRESS;
    Optional<Ports> ports = ports(v.get("ip_protocol"), v.get("from_port"), v.get("to_port"));
    if (ports.isEmpty()) {
      return List.of(unknownRule(c, d, "ip_protocol", "the plan does not know the rule's protocol or ports"));
    }
    String description = v.get("description").text().orElse(NO_DESCRIPTION);
    Peer peer = null;
    boolean unknown = false;
    for (String field : List.of("cidr_ipv4", "cidr_ipv6", "prefix_list_id", "referenced_security_group_id")) {
      Val f = v.get(field);
      if (f.isKnown()) {
        peer = switch (field) {
          case "cidr_ipv4", "cidr_ipv6" -> Peer.cidr(cidr(f.node()));
          case "prefix_list_id" -> Peer.prefixList(f.node().text());
          default -> Peer.group(f.node().text());
        };
      } else if (f.isUnknown() && s.config.configured(c, field)) {
        Optional<String> g = after && field.equals("referenced_security_group_id")
            ? s.id(c, Kind.GROUP, field) : Optional.empty();
        if (g.isPresent()) {
          peer = Peer.group(g.get());
        } else {
          unknown = true;
        }
      }
    }
    if (peer == null && !unknown) {
      throw v.node().error("names no peer: one of cidr_ipv4, cidr_ipv6, prefix_list_id and"
          + " referenced_security_group_id is required");
    }
    if (peer == null) {
      String set = s.unknownSet(c, "peer", "the peer of " + c.address() + ", not known before apply");
      s.unknown(Unknown.of(c.address(), "peer", Unknown.Kind.RULE, set, "the rule's peer is not known before apply:"
          + " verdicts it could decide are unknown"));
      peer = Peer.prefixList(set);
    }
    Rule r = new Rule(d, ports.get(), peer, description, "");
    Optional<String> ruleId = v.get("security_group_rule_id").text();
    return List.of(ruleId.map(r::withRuleId).orElse(r));
  }

  /** The AWS-made default group of a VPC the plan creates: all from itself in, all out. */
  static SecurityGroup vpcDefaultGroup(String id, String vpcId, boolean ipv6) {
    SecurityGroup.Builder b = SecurityGroup.builder(id).name("default").description("default VPC security group")
        .vpc(vpcId)
        .allowIn(Ports.allTraffic(), Peer.group(id), "VPC default SG self")
        .allowOut(Ports.allTraffic(), Peer.cidr("0.0.0.0/0"), "EC2 default egress");
    if (ipv6) {
      b.allowOut(Ports.allTraffic(), Peer.cidr("::/0"), "EC2 default egress");
    }
    return b.build();
  }
}
