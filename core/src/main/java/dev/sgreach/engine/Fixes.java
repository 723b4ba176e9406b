package dev.sgreach.engine;

import dev.sgreach.model.Cidr;
import dev.sgreach.model.AwsCli;
import dev.sgreach.model.Direction;
import dev.sgreach.model.NetworkInterface;
import dev.sgreach.model.Peer;
import dev.sgreach.model.Ports;
import dev.sgreach.model.Rule;
import dev.sgreach.model.SecurityGroup;
import dev.sgreach.model.Traffic;
import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The fix for a blocking side: one rule, on one of the blocking ENI's groups, that admits exactly the asked traffic
 * with the other member as peer, and opens nothing else between the two ENIs.
 *
 * <p>The peer is a group the other ENI carries when it is an ENI with groups in the same or a peered VPC and none of
 * its groups is missing from the snapshot (the AWS practice that survives address changes); otherwise the other
 * member's address in the explained pair (for a stand-in address, the block the real one will be in). The group and
 * the peer are chosen so that the rule cannot also admit the reverse flow: the rule goes on a group the other ENI does
 * not carry, or references a group the blocking ENI does not carry, and when neither is possible (the two carry the
 * same groups) the peer is the address.
 */
final class Fixes {
  static final String NOTE = "sgreach fix";
  private final Index index;

  Fixes(Index index) {
    this.index = index;
  }

  /**
   * The fix for a denied side, if a rule can open it.
   *
   * @param side the blocking side's check
   * @param self the blocking side's ENI
   * @param other the member on the other end, and {@code otherIndex} its ENI (-1 outside)
   */
  Optional<Fix> propose(SideCheck side, int self, Member other, int otherIndex, Traffic t) {
    if (self < 0) {
      return Optional.empty();
    }
    List<SecurityGroup> groups = index.presentGroups(self);
    if (groups.isEmpty()) {
      return Optional.empty(); // an ENI with no group (or only missing ones): no rule to add to
    }
    SecurityGroup target = groups.get(0);
    if (otherIndex >= 0) {
      target = groups.stream().filter(g -> !carries(otherIndex, g.id())).findFirst().orElse(target);
    }
    // the one address, or the delegated prefix the flow came through; for a stand-in, the block it stands for
    Cidr within = index.standIn(otherIndex, side.remoteAddress());
    Peer peer = Peer.cidr(within == null ? side.remoteAddress() : within);
    if (otherIndex >= 0 && index.eniGroups[otherIndex].length > 0 && !index.eniMissingGroup[otherIndex]
        && index.connected(self, otherIndex)) {
      NetworkInterface o = index.enis[otherIndex];
      String ref = o.securityGroupIds().stream().filter(g -> !carries(self, g)).findFirst()
          .orElse(o.securityGroupIds().get(0));
      boolean opensReverse = carries(otherIndex, target.id()) && carries(self, ref);
      if (!opensReverse) {
        Peer.GroupPeer gp = Peer.group(ref);
        if (!o.vpcId().equals(index.enis[self].vpcId())) {
          String owner = index.network.securityGroup(ref).map(SecurityGroup::ownerId).orElse("");
          gp = owner.isEmpty() ? gp : gp.ownedBy(owner);
        }
        peer = gp;
      }
    }
    return Optional.of(fix(target, side.direction(), t, peer));
  }

  /** The fix adding to {@code target} the rule admitting exactly {@code t} from or to {@code peer}. */
  private static Fix fix(SecurityGroup target, Direction d, Traffic t, Peer peer) {
    // the description names the peer as the rule does, never an ENI: the rule opens the flow for every ENI it covers
    String desc = AwsCli.description(NOTE + ": " + t.spec() + " " + (d == Direction.INGRESS ? "from " : "to ")
        + peer.describe());
    return new Fix(target.id(), target.label(), new Rule(d, Ports.exactly(t), peer, desc, ""));
  }

  /**
   * The member flows of one verdict with their fixes shared where one rule does: fixes that add the same traffic to
   * the same group, each referencing another group of the other ENI (say one per load balancer's own group), become
   * one fix referencing a group that every one of those other ENIs carries (the load balancers' shared group) and no
   * blocking ENI carries, when there is one; so that a group answer proposes one rule where one rule opens it all.
   * Each flow's new fix still opens that flow and not its reverse.
   */
  ImmutableList<Flow> shared(ImmutableList<Flow> flows) {
    Map<List<Object>, List<Integer>> byRule = new LinkedHashMap<>();
    for (int i = 0; i < flows.size(); i++) {
      for (Fix f : flows.get(i).fixes()) {
        if (f.rule().peer() instanceof Peer.GroupPeer g && (g.userId() == null || g.userId().isEmpty())) {
          byRule.computeIfAbsent(List.of(f.groupId(), f.rule().direction(), f.rule().ports()),
              k -> new ArrayList<>()).add(i);
        }
      }
    }
    Map<Integer, Map<List<Object>, Fix>> replaced = new HashMap<>();
    for (Map.Entry<List<Object>, List<Integer>> e : byRule.entrySet()) {
      String groupId = (String) e.getKey().get(0);
      Direction d = (Direction) e.getKey().get(1);
      List<Integer> at = e.getValue();
      long distinct = at.stream().flatMap(i -> flows.get(i).fixes().stream())
          .filter(f -> f.groupId().equals(groupId) && f.rule().direction() == d).distinct().count();
      if (distinct < 2) {
        continue;
      }
      Optional<String> common = commonGroup(flows, at, d);
      Optional<SecurityGroup> target = index.network.securityGroup(groupId);
      if (common.isEmpty() || target.isEmpty()) {
        continue;
      }
      Fix one = fix(target.get(), d, flows.get(at.get(0)).traffic(), Peer.group(common.get()));
      at.forEach(i -> replaced.computeIfAbsent(i, k -> new HashMap<>()).put(e.getKey(), one));
    }
    if (replaced.isEmpty()) {
      return flows;
    }
    ImmutableList.Builder<Flow> out = ImmutableList.builderWithExpectedSize(flows.size());
    for (int i = 0; i < flows.size(); i++) {
      Flow f = flows.get(i);
      Map<List<Object>, Fix> mine = replaced.get(i);
      if (mine == null) {
        out.add(f);
        continue;
      }
      ImmutableList<Fix> fixes = f.fixes().stream()
          .map(x -> mine.getOrDefault(List.of(x.groupId(), x.rule().direction(), x.rule().ports()), x))
          .distinct().collect(ImmutableList.toImmutableList());
      out.add(new Flow(f.source(), f.destination(), f.traffic(), f.outcome(), f.egress(), f.ingress(), fixes,
          f.remark(), f.path()));
    }
    return out.build();
  }

  /**
   * A group, present in the snapshot, that every other-side ENI of these flows carries and no blocking ENI does,
   * each pair in one VPC or peered VPCs; the first such group of the first other ENI.
   */
  private Optional<String> commonGroup(List<Flow> flows, List<Integer> at, Direction d) {
    List<Integer> others = new ArrayList<>();
    List<Integer> selves = new ArrayList<>();
    for (int i : at) {
      Flow f = flows.get(i);
      int src = index.eni(f.source());
      int dst = index.eni(f.destination());
      int other = d == Direction.INGRESS ? src : dst;
      int self = d == Direction.INGRESS ? dst : src;
      if (other < 0 || self < 0 || index.eniMissingGroup[other] || !index.connected(self, other)) {
        return Optional.empty();
      }
      others.add(other);
      selves.add(self);
    }
    for (String g : index.enis[others.get(0)].securityGroupIds()) {
      if (index.network.securityGroup(g).isPresent() && others.stream().allMatch(o -> carries(o, g))
          && selves.stream().noneMatch(s -> carries(s, g))) {
        return Optional.of(g);
      }
    }
    return Optional.empty();
  }

  private boolean carries(int eni, String groupId) {
    return index.enis[eni].securityGroupIds().contains(groupId);
  }
}
