package dev.sgreach.graph;

import dev.sgreach.eks.RecognisedGroup;
import dev.sgreach.model.Network;
import dev.sgreach.model.NetworkInterface;
import dev.sgreach.model.Peer;
import dev.sgreach.model.PrefixList;
import dev.sgreach.model.Rule;
import dev.sgreach.model.SecurityGroup;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** Draws the selection group by group: one node per group and peer, one arrow per pair, ENIs as role classes. */
final class GroupPicture {
  private final Network network;
  private final Roles roles;
  private final Set<String> selection;
  private final Canvas canvas = new Canvas();
  private final Map<String, Set<String>> openEgress = new LinkedHashMap<>();

  private GroupPicture(Network network, Roles roles, Set<String> selection) {
    this.network = network;
    this.roles = roles;
    this.selection = selection;
  }

  static Canvas draw(Network network, Roles roles, Set<String> selection) {
    GroupPicture p = new GroupPicture(network, roles, selection);
    selection.forEach(p::group);
    RuleWalk.touching(network, selection, p::rule);
    p.openEgress.forEach((key, blocks) -> p.canvas.get(key).details.add("egress: all traffic to "
        + String.join(", ", blocks)));
    p.interfaces();
    return p.canvas;
  }

  private void rule(SecurityGroup owner, Rule r) {
    String ownerKey = group(owner.id());
    if (RuleWalk.isOpenEgress(r) && selection.contains(owner.id())) {
      openEgress.computeIfAbsent(ownerKey, k -> new TreeSet<>()).add(r.peer().describe());
      return;
    }
    canvas.rule(ownerKey, peer(r.peer()), r);
  }

  /** The node of a group (of the snapshot, or missing from it); groups outside the selection are context. */
  private String group(String id) {
    String key = "sg:" + id;
    canvas.node(key, "sg_", id.startsWith("sg-") ? id.substring(3) : id, nodeId -> {
      Optional<SecurityGroup> g = network.securityGroup(id);
      Canvas.Draft d;
      if (g.isPresent()) {
        SecurityGroup sg = g.get();
        d = new Canvas.Draft(nodeId, GraphNode.Kind.SECURITY_GROUP, sg.name().isEmpty() ? sg.id() : sg.name());
        if (!sg.name().isEmpty()) {
          d.details.add(sg.id());
        }
        roles.roleLine(sg).ifPresent(d.details::add);
        d.role = roles.group(id).map(RecognisedGroup::role);
      } else {
        d = new Canvas.Draft(nodeId, GraphNode.Kind.MISSING_GROUP, id);
        d.details.add("not in the snapshot");
      }
      d.resources.add(id);
      d.context = !selection.contains(id);
      return d;
    });
    return key;
  }

  private String peer(Peer peer) {
    if (peer instanceof Peer.GroupPeer g) {
      return group(g.groupId());
    }
    if (peer instanceof Peer.CidrPeer c) {
      String block = c.cidr().toCidrString();
      if (c.cidr().isAnywhere()) {
        String v = c.cidr().isIpv4() ? "v4" : "v6";
        canvas.node("internet:" + v, "internet_", v, id -> {
          Canvas.Draft d = new Canvas.Draft(id, GraphNode.Kind.INTERNET, "internet");
          d.details.add(block);
          d.resources.add(block);
          return d;
        });
        return "internet:" + v;
      }
      canvas.node("cidr:" + block, "cidr_", block, id -> {
        Canvas.Draft d = new Canvas.Draft(id, GraphNode.Kind.CIDR, block);
        d.resources.add(block);
        return d;
      });
      return "cidr:" + block;
    }
    String pl = ((Peer.PrefixListPeer) peer).prefixListId();
    canvas.node("pl:" + pl, "pl_", pl.startsWith("pl-") ? pl.substring(3) : pl, id -> {
      Canvas.Draft d = new Canvas.Draft(id, GraphNode.Kind.PREFIX_LIST, pl);
      Optional<PrefixList> list = network.prefixList(pl);
      list.map(PrefixList::name).filter(n -> !n.isEmpty()).ifPresent(d.details::add);
      d.details.add(list.map(l -> l.entries().map(e -> Text.count(e.size(), "entry", "entries"))
          .orElse("entries not collected")).orElse("not in the snapshot"));
      d.resources.add(pl);
      return d;
    });
    return "pl:" + pl;
  }

  /** ENIs carrying a selected group, in classes of the same role and the same groups. */
  private void interfaces() {
    Map<String, List<NetworkInterface>> classes = new LinkedHashMap<>();
    for (NetworkInterface e : network.interfaces().values()) {
      if (e.securityGroupIds().stream().anyMatch(selection::contains)) {
        classes.computeIfAbsent(roles.interfaceRole(e) + "|" + String.join(",", e.securityGroupIds()),
            k -> new ArrayList<>()).add(e);
      }
    }
    int n = 0;
    for (Map.Entry<String, List<NetworkInterface>> c : classes.entrySet()) {
      List<NetworkInterface> members = c.getValue();
      NetworkInterface first = members.get(0);
      String key = "enis:" + c.getKey();
      int number = ++n;
      canvas.node(key, "enis_", Integer.toString(number), id -> {
        Canvas.Draft d = new Canvas.Draft(id, GraphNode.Kind.ENI_CLASS, roles.interfaceRole(first));
        d.details.add(members.size() == 1 ? first.id() : Text.count(members.size(), "ENI"));
        List<String> others = first.securityGroupIds().stream().filter(g -> !selection.contains(g)).toList();
        if (!others.isEmpty()) {
          d.details.add("also carries " + (others.size() <= 3 ? String.join(", ", others)
              : String.join(", ", others.subList(0, 3)) + ", +" + (others.size() - 3) + " more"));
        }
        members.forEach(m -> d.resources.add(m.id()));
        return d;
      });
      for (String g : first.securityGroupIds()) {
        if (selection.contains(g)) {
          canvas.attach(key, group(g));
        }
      }
    }
  }
}
