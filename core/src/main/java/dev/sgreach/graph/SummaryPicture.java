package dev.sgreach.graph;

import dev.sgreach.eks.RecognisedGroup;
import dev.sgreach.model.Network;
import dev.sgreach.model.NetworkInterface;
import dev.sgreach.model.Peer;
import dev.sgreach.model.Rule;
import dev.sgreach.model.SecurityGroup;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Draws the selection as a summary, for pictures too large to read group by group: one node per EKS role of each
 * cluster (all the LB managed SGs of a cluster together, ...), one per VPC for the other groups, one for groups
 * missing from the snapshot; one node for the internet, one for every other CIDR block, one for the prefix lists;
 * arrows merged per pair of these, labelled with their number of rules and the first ports. ENIs are counted in the
 * group nodes (an ENI counts in every node holding one of its groups). Groups outside the selection that its rules
 * name are summarised apart, as neighbours.
 */
final class SummaryPicture {
  /** Ranges or types named per protocol on a summary arrow before "+N more". */
  static final int PORTS_PER_PROTOCOL = 6;

  private final Network network;
  private final Roles roles;
  private final Set<String> selection;
  private final Canvas canvas = new Canvas();
  private final Map<String, Set<String>> groupsOf = new HashMap<>();
  private final Map<String, Integer> openEgress = new HashMap<>();
  private final Set<String> countedOpenEgress = new HashSet<>();
  private final Map<String, Set<String>> blocksOf = new HashMap<>();

  private SummaryPicture(Network network, Roles roles, Set<String> selection) {
    this.network = network;
    this.roles = roles;
    this.selection = selection;
  }

  static Canvas draw(Network network, Roles roles, Set<String> selection) {
    SummaryPicture p = new SummaryPicture(network, roles, selection);
    selection.forEach(p::aggregate);
    RuleWalk.touching(network, selection, p::rule);
    p.finish();
    return p.canvas;
  }

  private void rule(SecurityGroup owner, Rule r) {
    String ownerKey = aggregate(owner.id());
    if (RuleWalk.isOpenEgress(r) && selection.contains(owner.id())) {
      if (countedOpenEgress.add(owner.id())) {
        openEgress.merge(ownerKey, 1, Integer::sum);
      }
      return;
    }
    canvas.rule(ownerKey, peer(r.peer()), r);
  }

  /** The summary node a group belongs to: its EKS role in its cluster, else its VPC; neighbours apart. */
  private String aggregate(String groupId) {
    boolean context = !selection.contains(groupId);
    Optional<SecurityGroup> g = network.securityGroup(groupId);
    Optional<RecognisedGroup> role = roles.group(groupId);
    String key;
    String title;
    if (g.isEmpty()) {
      key = "missing";
      title = "groups not in the snapshot";
    } else if (role.isPresent()) {
      String cluster = roles.clusterOfGroup(groupId);
      key = "role:" + cluster + ":" + role.get().role().name();
      title = role.get().role().title() + (roles.clusters().size() > 1 ? " (" + cluster + ")" : "");
    } else {
      String vpc = g.get().vpcId();
      key = "vpc:" + vpc;
      title = vpc.isEmpty() ? "groups without a VPC" : "groups of " + vpc;
    }
    if (context) {
      key = "neighbours:" + key;
      title = title + " (neighbours)";
    }
    String t = title;
    canvas.node(key, context ? "nsum_" : "sum_", key.substring(key.indexOf(':') + 1), id -> {
      Canvas.Draft d = new Canvas.Draft(id, g.isEmpty() ? GraphNode.Kind.MISSING_GROUP : GraphNode.Kind.GROUP_SUMMARY,
          t);
      d.role = role.map(RecognisedGroup::role);
      d.context = context;
      return d;
    });
    if (groupsOf.computeIfAbsent(key, k -> new LinkedHashSet<>()).add(groupId)) {
      canvas.get(key).resources.add(groupId);
    }
    return key;
  }

  private String peer(Peer peer) {
    if (peer instanceof Peer.GroupPeer g) {
      return aggregate(g.groupId());
    }
    String key;
    if (peer instanceof Peer.CidrPeer c && c.cidr().isAnywhere()) {
      key = "internet";
      canvas.node(key, "internet", "", id -> new Canvas.Draft(id, GraphNode.Kind.INTERNET, "internet"));
    } else if (peer instanceof Peer.CidrPeer) {
      key = "cidrs";
      canvas.node(key, "cidrs", "", id -> new Canvas.Draft(id, GraphNode.Kind.ADDRESS_SUMMARY, "address blocks"));
    } else {
      key = "prefix-lists";
      canvas.node(key, "prefix_lists", "", id -> new Canvas.Draft(id, GraphNode.Kind.ADDRESS_SUMMARY,
          "prefix lists"));
    }
    if (blocksOf.computeIfAbsent(key, k -> new TreeSet<>()).add(peer.describe())) {
      canvas.get(key).resources.add(peer.describe());
    }
    return key;
  }

  private void finish() {
    Map<String, Integer> enis = new HashMap<>();
    for (NetworkInterface e : network.interfaces().values()) {
      Set<String> of = new HashSet<>();
      for (String g : e.securityGroupIds()) {
        if (selection.contains(g)) {
          of.add(aggregate(g));
        }
      }
      of.forEach(k -> enis.merge(k, 1, Integer::sum));
    }
    groupsOf.forEach((key, ids) -> {
      Canvas.Draft d = canvas.get(key);
      d.details.add(Text.count(ids.size(), "security group"));
      if (!d.context) {
        d.details.add(Text.count(enis.getOrDefault(key, 0), "ENI"));
      }
      int open = openEgress.getOrDefault(key, 0);
      if (open > 0) {
        d.details.add(Text.count(open, "group", "groups") + " with egress all traffic to anywhere");
      }
    });
    blocksOf.forEach((key, blocks) -> {
      Canvas.Draft d = canvas.get(key);
      if (key.equals("internet")) {
        d.details.add(String.join(", ", blocks));
      } else {
        d.details.add(key.equals("cidrs") ? Text.count(blocks.size(), "CIDR block")
            : Text.count(blocks.size(), "prefix list"));
      }
    });
  }
}
