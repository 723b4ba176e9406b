package dev.sgreach.terraform;

import dev.sgreach.model.Cidr;
import dev.sgreach.model.NetworkInterface;
import dev.sgreach.model.SecurityGroup;
import dev.sgreach.planned.InputNode;
import dev.sgreach.planned.Placeholders;
import dev.sgreach.planned.PlannedResource.Action;
import dev.sgreach.planned.Unknown;
import dev.sgreach.terraform.PlanState.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * ENIs from a plan: {@code aws_network_interface} (its {@code security_groups}), {@code aws_instance} (its primary
 * ENI, with {@code vpc_security_group_ids}, or the ENIs its {@code network_interface} blocks attach) and
 * {@code aws_network_interface_sg_attachment} (one more group on an ENI). An ENI or instance given no group in a VPC
 * gets the VPC's default group, as EC2 does.
 */
final class InterfaceChanges {
  private final PlanState s;

  InterfaceChanges(PlanState s) {
    this.s = s;
  }

  /** The groups an ENI or instance will carry: the known and resolved ones, then a placeholder for the rest. */
  private List<String> groups(ResourceChange c, String attribute, String vpcId, NetworkInterface existing) {
    Val v = c.after(attribute);
    boolean configured = s.config.configured(c, attribute);
    if (v.isUnknown() && !configured || v.isAbsent() && !configured) {
      if (existing != null && !c.action().isReplace() && c.action() != Action.CREATE) {
        return existing.securityGroupIds();
      }
      // EC2 gives an ENI without groups the VPC's default group
      return s.defaultGroup(vpcId).map(List::of).orElseGet(() -> List.of(unknownMembership(c, attribute,
          "no group is given, so EC2 gives the VPC's default group, and the VPC's default group is not known")));
    }
    PlanState.Resolved r = s.ids(c, Kind.GROUP, attribute);
    List<String> out = new ArrayList<>(r.ids());
    if (!r.complete()) {
      out.add(unknownMembership(c, attribute, "some of its groups are not known before apply (a reference leads to"
          + " no planned group)"));
    }
    return out;
  }

  /** A group standing for groups an ENI carries that the plan does not tell: its rules are all unknown. */
  String unknownMembership(ResourceChange c, String attribute, String why) {
    String id = PlanState.placeholder(c, "") + "." + attribute;
    if (!s.groups.containsKey(id)) {
      String set = id + ":rules";
      s.groups.put(id, Placeholders.partlyKnown(SecurityGroup.builder(id).build(), set, "groups of " + c.address()
          + ", not known before apply"));
      s.prefixLists.put(set, Placeholders.unknownAddresses(set, "peers of groups not known before apply"));
      s.unknown(Unknown.of(c.address(), attribute, Unknown.Kind.SECURITY_GROUPS_OF_INTERFACE, id, why
          + ": verdicts its known groups do not already allow are unknown"));
    }
    return id;
  }

  private Optional<PlanState.Subnet> subnet(String subnetId) {
    return Optional.ofNullable(s.subnets.get(subnetId));
  }

  /** Adds the addresses a plan gives, or stand-ins in the subnet when it leaves them unknown. */
  private void addresses(ResourceChange c, NetworkInterface.Builder b, String eniId, List<Val> ipv4,
      Optional<PlanState.Subnet> subnet, Val ipv6, Val ipv6Count) {
    boolean any = false;
    for (Val v : ipv4) {
      if (v.isKnown()) {
        Cidr a = address(v.node());
        s.take(a);
        b.address(a);
        any = true;
      }
    }
    if (!any) {
      b.address(s.standIn(c.address(), "private address of " + eniId, subnet.flatMap(PlanState.Subnet::ipv4), 4,
          false));
    }
    boolean v6 = false;
    for (Val v : ipv6.list()) {
      if (v.isKnown()) {
        Cidr a = address(v.node());
        s.take(a);
        b.address(a);
        v6 = true;
      }
    }
    int count = ipv6Count.integer().orElse(0);
    if (!v6 && count > 0) {
      for (int i = 0; i < count; i++) {
        b.address(s.standIn(c.address(), "IPv6 address of " + eniId, subnet.flatMap(PlanState.Subnet::ipv6), 6,
            false));
      }
    }
  }

  private static Cidr address(InputNode n) {
    try {
      return Cidr.parseAddress(n.text());
    } catch (IllegalArgumentException e) {
      throw n.error("is not an IP address");
    }
  }

  // ------------------------------------------------------------------ aws_network_interface

  void networkInterface(ResourceChange c) {
    String id = s.registered(c, "id").orElseThrow();
    NetworkInterface existing = s.enis.get(id);
    Val a = c.after();
    String subnetId = s.id(c, Kind.SUBNET, "subnet_id").orElse(existing == null ? "" : existing.subnetId());
    Optional<PlanState.Subnet> subnet = subnet(subnetId);
    String vpc = subnet.map(PlanState.Subnet::vpcId).filter(v -> !v.isEmpty())
        .orElse(existing == null ? "" : existing.vpcId());
    NetworkInterface.Builder b = NetworkInterface.builder(id).vpc(vpc).subnet(subnetId)
        .interfaceType(a.get("interface_type").text().orElse("interface"))
        .description(a.get("description").text().orElse(existing == null ? "" : existing.description()))
        .groups(groups(c, "security_groups", vpc, existing));
    if (existing != null) {
      existing.attachment().ifPresent(b::attachment);
      b.owner(existing.ownerId()).availabilityZone(existing.availabilityZone());
    }
    List<Val> ipv4 = new ArrayList<>(a.get("private_ips").list());
    if (ipv4.stream().noneMatch(Val::isKnown)) {
      ipv4.add(a.get("private_ip"));
    }
    addresses(c, b, id, ipv4, subnet, a.get("ipv6_addresses"), a.get("ipv6_address_count"));
    List<Val> attachments = a.get("attachment").list();
    for (int i = 0; i < attachments.size(); i++) {
      Optional<String> instance = s.id(c, Kind.INSTANCE, "attachment", i, "instance");
      int device = attachments.get(i).get("device_index").integer().orElse(1);
      if (instance.isPresent()) {
        b.attachedTo(instance.get(), device);
      }
    }
    NetworkInterface eni = b.build();
    s.enis.put(id, eni);
    s.resource(c, List.of(), List.of(id), id.startsWith("tf:"));
  }

  void removeInterface(ResourceChange c) {
    c.before().get("id").optText().ifPresent(s.enis::remove);
  }

  // ------------------------------------------------------------------ aws_instance

  void instance(ResourceChange c) {
    String instanceId = s.registered(c, "id").orElseThrow();
    Val a = c.after();
    List<Val> attached = a.get("network_interface").list();
    if (!attached.isEmpty()) {
      // the instance takes existing ENIs at the given device indexes: they keep their own groups
      List<String> ids = new ArrayList<>();
      for (int i = 0; i < attached.size(); i++) {
        Optional<String> eni = s.id(c, Kind.INTERFACE, "network_interface", i, "network_interface_id");
        int device = attached.get(i).get("device_index").integer().orElse(i);
        if (eni.isPresent() && s.enis.containsKey(eni.get())) {
          s.enis.put(eni.get(), s.enis.get(eni.get()).toBuilder().attachedTo(instanceId, device).build());
          ids.add(eni.get());
        } else {
          s.unknown(Unknown.of(c.address(), "network_interface[" + i + "]", Unknown.Kind.UNPLACED, "", "the ENI"
              + " attached here is not known before apply: the instance's flows through it are not judged"));
        }
      }
      s.resource(c, List.of(), ids, instanceId.startsWith("tf:"));
      return;
    }
    String eniId = s.registered(c, "primary_network_interface_id").orElseThrow();
    NetworkInterface existing = s.enis.get(eniId);
    String subnetId = s.id(c, Kind.SUBNET, "subnet_id").orElse(existing == null ? "" : existing.subnetId());
    Optional<PlanState.Subnet> subnet = subnet(subnetId);
    String vpc = subnet.map(PlanState.Subnet::vpcId).filter(v -> !v.isEmpty())
        .orElse(existing == null ? "" : existing.vpcId());
    List<String> groups;
    boolean byIds = a.get("vpc_security_group_ids").isKnown() && !a.get("vpc_security_group_ids").list().isEmpty()
        || s.config.configured(c, "vpc_security_group_ids");
    if (!byIds && s.config.configured(c, "security_groups")) {
      groups = groupsByName(c, vpc);
    } else {
      groups = groups(c, "vpc_security_group_ids", vpc, existing);
    }
    NetworkInterface.Builder b = NetworkInterface.builder(eniId).vpc(vpc).subnet(subnetId)
        .availabilityZone(a.get("availability_zone").text().orElse(existing == null ? ""
            : existing.availabilityZone()))
        .attachedTo(instanceId, 0).groups(groups);
    if (existing != null) {
      b.owner(existing.ownerId()).description(existing.description());
    }
    List<Val> ipv4 = new ArrayList<>();
    ipv4.add(a.get("private_ip"));
    addresses(c, b, eniId, ipv4, subnet, a.get("ipv6_addresses"), a.get("ipv6_address_count"));
    for (Val v : a.get("secondary_private_ips").list()) {
      if (v.isKnown()) {
        b.address(address(v.node()));
      }
    }
    Val publicIp = a.get("public_ip");
    if (publicIp.isKnown() && !publicIp.node().text().isEmpty()) {
      b.publicIp(publicIp.node().text());
    } else {
      Val associate = a.get("associate_public_ip_address");
      boolean gets = associate.bool().orElse(associate.isUnknown()
          && subnet.map(PlanState.Subnet::mapPublicIp).orElse(false));
      if (gets) {
        b.publicIp(s.standIn(c.address(), "public address of " + eniId, Optional.empty(), 4, true).addressString());
      }
    }
    s.enis.put(eniId, b.build());
    s.resource(c, List.of(), List.of(eniId), eniId.startsWith("tf:"));
  }

  /** {@code security_groups} by name (EC2-Classic and default-VPC style): the groups of that name in the VPC. */
  private List<String> groupsByName(ResourceChange c, String vpc) {
    List<String> out = new ArrayList<>();
    Val names = c.after("security_groups");
    boolean complete = names.isKnown();
    for (Val n : names.list()) {
      if (!n.isKnown()) {
        complete = false;
        continue;
      }
      String name = n.node().text();
      Optional<SecurityGroup> g = s.groups.values().stream()
          .filter(x -> x.name().equals(name) && (vpc.isEmpty() || x.vpcId().isEmpty() || x.vpcId().equals(vpc)))
          .findFirst();
      if (g.isPresent()) {
        out.add(g.get().id());
      } else {
        complete = false;
      }
    }
    if (!complete) {
      PlanState.Resolved r = s.ids(c, Kind.GROUP, "security_groups");
      r.ids().stream().filter(id -> s.groups.containsKey(id) && !out.contains(id)).forEach(out::add);
      out.add(unknownMembership(c, "security_groups", "some groups named here are not known"));
    }
    return out;
  }

  /** A removed instance takes its primary ENI with it (delete on termination, EC2's default for it). */
  void removeInstance(ResourceChange c) {
    InputNode before = c.before();
    before.get("primary_network_interface_id").optText().ifPresent(s.enis::remove);
    before.get("id").optText().ifPresent(instance -> s.enis.values().removeIf(e -> e.instanceId()
        .equals(Optional.of(instance)) && e.attachment().map(x -> x.deviceIndex() == 0).orElse(false)));
  }

  // ------------------------------------------------------------------ aws_network_interface_sg_attachment

  void attachment(ResourceChange c) {
    Optional<String> eni = s.id(c, Kind.INTERFACE, "network_interface_id");
    if (eni.isEmpty() || !s.enis.containsKey(eni.get())) {
      s.unknown(Unknown.of(c.address(), "network_interface_id", Unknown.Kind.UNPLACED, eni.orElse(""), "the ENI"
          + " this group is attached to is " + (eni.isPresent() ? "in neither the plan nor the snapshot"
          : "not known before apply") + ": the attachment is not in the network, so denied verdicts may be"
          + " unknown"));
      s.resource(c, List.of(), List.of(), false);
      return;
    }
    String group = s.id(c, Kind.GROUP, "security_group_id").orElseGet(() -> unknownMembership(c,
        "security_group_id", "the attached group is not known before apply"));
    NetworkInterface e = s.enis.get(eni.get());
    if (!e.securityGroupIds().contains(group)) {
      s.enis.put(e.id(), e.toBuilder().groups(group).build());
    }
    s.resource(c, List.of(group), List.of(eni.get()), false);
  }

  void removeAttachment(ResourceChange c) {
    InputNode before = c.before();
    Optional<String> eni = before.get("network_interface_id").optText();
    Optional<String> group = before.get("security_group_id").optText();
    if (eni.isPresent() && group.isPresent() && s.enis.containsKey(eni.get())) {
      NetworkInterface e = s.enis.get(eni.get());
      List<String> kept = new ArrayList<>(e.securityGroupIds());
      kept.remove(group.get());
      s.enis.put(e.id(), e.toBuilder().clearGroups().groups(kept).build());
    }
  }
}
