package dev.sgreach.terraform;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import dev.sgreach.model.Cidr;
import dev.sgreach.model.Network;
import dev.sgreach.model.SecurityGroup;
import dev.sgreach.model.Vpc;
import dev.sgreach.planned.InputException;
import dev.sgreach.planned.InputNode;
import dev.sgreach.planned.PlannedNetwork;
import dev.sgreach.planned.PlannedResource.Action;
import dev.sgreach.planned.Unknown;
import dev.sgreach.terraform.PlanState.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Applies a plan to a network, in the order AWS would see the result: first every object the plan removes (deletes,
 * the old halves of replacements, the old values of changed rule resources), then VPCs and subnets, groups and
 * launch templates, rule resources, ENIs and instances, EKS clusters and node groups, group attachments. Ids come from
 * the plan when it knows them and are {@code tf:<address>} placeholders when it does not (DOMAIN-CHANGE.md section 3).
 */
final class PlanApplier {
  /** The types whose security-group facts the applier reads (DOMAIN-CHANGE.md table 1e). */
  static final Set<String> READ_TYPES = Set.of("aws_security_group", "aws_default_security_group",
      "aws_security_group_rule", "aws_vpc_security_group_ingress_rule", "aws_vpc_security_group_egress_rule",
      "aws_network_interface", "aws_network_interface_sg_attachment", "aws_instance", "aws_eks_cluster",
      "aws_eks_node_group", "aws_launch_template", "aws_vpc", "aws_subnet");
  private static final List<String> GROUP_FIELDS = List.of("vpc_security_group_ids", "security_group_ids",
      "security_groups");

  private final PlanReader.Plan plan;
  private final PlanState s;
  private final GroupChanges groups;
  private final InterfaceChanges interfaces;
  private final EksChanges eks;
  private final List<ResourceChange> managed = new ArrayList<>();

  PlanApplier(String file, PlanReader.Plan plan, Network base) {
    this.plan = plan;
    this.s = new PlanState(file, new Configuration(plan.configuration(), plan.changes()), base);
    this.groups = new GroupChanges(s);
    this.interfaces = new InterfaceChanges(s);
    this.eks = new EksChanges(s, interfaces);
    for (ResourceChange c : plan.changes()) {
      if (c.managed() && !c.node().get("deposed").isPresent()) {
        managed.add(c);
      } else if (c.managed() && c.action() == Action.DELETE) {
        managed.add(c); // a deposed object being destroyed
      }
    }
  }

  PlannedNetwork apply() {
    planWarnings();
    register();
    for (ResourceChange c : managed) {
      remove(c);
    }
    each("aws_vpc", this::vpc);
    each("aws_subnet", this::subnet);
    each("aws_security_group", groups::securityGroup);
    each("aws_default_security_group", groups::defaultSecurityGroup);
    each("aws_launch_template", eks::launchTemplate);
    for (ResourceChange c : managed) {
      if (c.action().leavesObject() && c.action() != Action.FORGET && isRuleResource(c.type())) {
        groups.addRuleResource(c);
      }
    }
    each("aws_network_interface", interfaces::networkInterface);
    each("aws_instance", interfaces::instance);
    each("aws_eks_cluster", eks::cluster);
    each("aws_eks_node_group", eks::nodeGroup);
    each("aws_network_interface_sg_attachment", interfaces::attachment);
    notModelled();
    Network network;
    try {
      network = s.network();
    } catch (IllegalArgumentException e) {
      throw new InputException(s.file, "$.resource_changes", null, "leaves a network AWS would not: "
          + e.getMessage(), e);
    }
    return new PlannedNetwork(s.file, network, ImmutableMap.copyOf(s.resources()), s.unknowns());
  }

  private static boolean isRuleResource(String type) {
    return type.equals("aws_security_group_rule") || type.equals("aws_vpc_security_group_ingress_rule")
        || type.equals("aws_vpc_security_group_egress_rule");
  }

  private void each(String type, java.util.function.Consumer<ResourceChange> handler) {
    for (ResourceChange c : managed) {
      if (c.type().equals(type) && c.action().leavesObject() && c.action() != Action.FORGET
          && c.after().node().isPresent()) {
        handler.accept(c);
      }
    }
  }

  private void planWarnings() {
    if (plan.errored()) {
      s.unknown(Unknown.of("", "errored", Unknown.Kind.UNPLACED, "", "Terraform stopped planning with an error:"
          + " changes after the error are not in the plan"));
    }
    if (plan.incomplete()) {
      s.unknown(Unknown.of("", "complete", Unknown.Kind.UNPLACED, "", "the plan is not complete: Terraform will"
          + " plan more changes after this one is applied"));
    }
    for (ResourceChange d : plan.deferred()) {
      if (READ_TYPES.contains(d.type())) {
        s.unknown(Unknown.of(d.address(), "", Unknown.Kind.UNPLACED, "", "Terraform deferred this change: it is"
            + " not in the network"));
      }
    }
  }

  // ------------------------------------------------------------------ ids

  /** Gives every planned object its id: the plan's when it knows it, else a placeholder. */
  private void register() {
    for (ResourceChange c : managed) {
      if (!c.action().leavesObject() || c.action() == Action.FORGET || c.after().node().isAbsent()) {
        continue;
      }
      boolean fresh = c.action() == Action.CREATE || c.action().isReplace();
      Val a = c.after();
      String id = (fresh ? Optional.<String>empty() : a.get("id").text()).orElse(PlanState.placeholder(c, ""));
      switch (c.type()) {
        case "aws_security_group", "aws_network_interface", "aws_subnet", "aws_vpc", "aws_launch_template" ->
            s.register(c, "id", id);
        case "aws_instance" -> {
          s.register(c, "id", id);
          s.register(c, "primary_network_interface_id", (fresh ? Optional.<String>empty()
              : a.get("primary_network_interface_id").text())
              .orElse(PlanState.placeholder(c, "primary_network_interface")));
        }
        case "aws_eks_cluster" -> {
          s.register(c, "name", a.get("name").text().orElse(c.address()));
          s.register(c, "cluster_security_group_id", (fresh ? Optional.<String>empty()
              : a.get("vpc_config").first().get("cluster_security_group_id").text())
              .orElse(PlanState.placeholder(c, "cluster_security_group")));
        }
        case "aws_eks_node_group" -> s.register(c, "remote_access_security_group_id", (fresh
            ? Optional.<String>empty() : a.get("resources").first().get("remote_access_security_group_id").text())
            .orElse(PlanState.placeholder(c, "remote_access")));
        default -> {
        }
      }
      if (c.type().equals("aws_vpc")) {
        s.register(c, "default_security_group_id", (fresh ? Optional.<String>empty()
            : a.get("default_security_group_id").text()).orElse(PlanState.placeholder(c, "default_security_group")));
      }
    }
    for (ResourceChange c : managed) {
      if (c.type().equals("aws_subnet") && c.after().node().isPresent()) {
        s.id(c, Kind.VPC, "vpc_id").ifPresent(v -> s.register(c, "vpc_id", v));
      }
      if (c.type().equals("aws_security_group") && c.after().node().isPresent()) {
        s.id(c, Kind.VPC, "vpc_id").ifPresent(v -> s.register(c, "vpc_id", v));
      }
    }
    // a default group is the VPC's: known when the VPC is
    for (ResourceChange c : managed) {
      if (c.type().equals("aws_default_security_group") && c.after().node().isPresent()) {
        Optional<String> vpc = s.id(c, Kind.VPC, "vpc_id");
        Optional<String> viaVpc = vpc.flatMap(s::defaultGroup)
            .or(() -> vpc.flatMap(v -> managed.stream().filter(x -> x.type().equals("aws_vpc"))
                .filter(x -> s.registered(x, "id").equals(Optional.of(v))).findFirst()
                .flatMap(x -> s.registered(x, "default_security_group_id"))));
        s.register(c, "id", c.after("id").text().or(() -> viaVpc).orElse(PlanState.placeholder(c, "")));
      }
    }
  }

  // ------------------------------------------------------------------ removals

  private void remove(ResourceChange c) {
    boolean removes = c.action() == Action.DELETE || c.action().isReplace();
    boolean changesRule = isRuleResource(c.type()) && (removes || c.action() == Action.UPDATE);
    if (!removes && !changesRule || c.before().isAbsent() || !READ_TYPES.contains(c.type())) {
      return;
    }
    switch (c.type()) {
      case "aws_security_group" -> groups.removeGroup(c);
      case "aws_security_group_rule", "aws_vpc_security_group_ingress_rule", "aws_vpc_security_group_egress_rule" ->
          groups.removeRuleResource(c);
      case "aws_network_interface" -> interfaces.removeInterface(c);
      case "aws_instance" -> interfaces.removeInstance(c);
      case "aws_network_interface_sg_attachment" -> interfaces.removeAttachment(c);
      case "aws_eks_cluster" -> eks.removeCluster(c);
      case "aws_eks_node_group" -> eks.removeNodeGroup(c);
      case "aws_vpc" -> c.before().get("id").optText().ifPresent(id -> {
        s.vpcs.remove(id);
        c.before().get("default_security_group_id").optText().ifPresent(s.groups::remove);
      });
      default -> {
        // aws_default_security_group: destroying it only forgets it, the VPC keeps its default group
      }
    }
    if (c.action() == Action.DELETE && READ_TYPES.contains(c.type())) {
      List<String> g = new ArrayList<>();
      List<String> e = new ArrayList<>();
      c.before().get("id").optText().ifPresent(id -> (c.type().equals("aws_network_interface") ? e : g).add(id));
      s.resource(c, c.type().contains("security_group") && !isRuleResource(c.type()) ? g : List.of(),
          c.type().equals("aws_network_interface") ? e : List.of(), false);
    }
  }

  // ------------------------------------------------------------------ VPCs and subnets

  private void vpc(ResourceChange c) {
    String id = s.registered(c, "id").orElseThrow();
    Val a = c.after();
    List<Cidr> blocks = new ArrayList<>();
    a.get("cidr_block").text().ifPresent(t -> blocks.add(GroupChanges.cidr(a.get("cidr_block").node())));
    a.get("ipv6_cidr_block").text().filter(t -> !t.isEmpty())
        .ifPresent(t -> blocks.add(GroupChanges.cidr(a.get("ipv6_cidr_block").node())));
    Vpc existing = s.vpcs.get(id);
    s.vpcs.put(id, new Vpc(id, a.get("owner_id").text().orElse(existing == null ? "" : existing.ownerId()),
        blocks.isEmpty() && existing != null ? existing.cidrs() : ImmutableList.copyOf(blocks)));
    String defaultGroup = s.registered(c, "default_security_group_id").orElseThrow();
    boolean ipv6 = a.get("assign_generated_ipv6_cidr_block").bool().orElse(false) || blocks.stream()
        .anyMatch(Cidr::isIpv6);
    if (!s.groups.containsKey(defaultGroup)) {
      SecurityGroup g = GroupChanges.vpcDefaultGroup(defaultGroup, id, ipv6);
      s.groups.put(defaultGroup, g);
    }
    s.defaultGroupOfVpc.put(id, defaultGroup);
    s.resource(c, List.of(), List.of(), id.startsWith("tf:"));
  }

  private void subnet(ResourceChange c) {
    String id = s.registered(c, "id").orElseThrow();
    Val a = c.after();
    String vpc = s.registered(c, "vpc_id").orElse("");
    Optional<Cidr> v4 = a.get("cidr_block").text().map(t -> GroupChanges.cidr(a.get("cidr_block").node()));
    Optional<Cidr> v6 = a.get("ipv6_cidr_block").text().filter(t -> !t.isEmpty())
        .map(t -> GroupChanges.cidr(a.get("ipv6_cidr_block").node()));
    s.subnets.put(id, new PlanState.Subnet(vpc, v4, v6, a.get("map_public_ip_on_launch").bool().orElse(false)));
    s.resource(c, List.of(), List.of(), id.startsWith("tf:"));
  }

  // ------------------------------------------------------------------ the rest

  /** Resources that make ENIs carrying groups, of types the applier does not read: named, so no one is misled. */
  private void notModelled() {
    for (ResourceChange c : managed) {
      if (READ_TYPES.contains(c.type()) || !c.type().startsWith("aws_") || !c.action().leavesObject()
          || c.action() == Action.FORGET) {
        continue;
      }
      InputNode change = c.node().get("change");
      for (String field : GROUP_FIELDS) {
        if (has(change.get("after").json(), field) || has(change.get("after_unknown").json(), field)) {
          s.unknown(Unknown.of(c.address(), field, Unknown.Kind.NOT_MODELLED, "", c.type() + " makes network"
              + " interfaces carrying security groups, which sgreach does not read from plans: its flows are not"
              + " judged"));
          break;
        }
      }
    }
  }

  private static boolean has(JsonNode node, String field) {
    return node != null && node.findValue(field) != null;
  }
}
