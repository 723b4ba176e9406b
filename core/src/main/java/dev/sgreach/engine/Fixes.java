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
   * Shares the fixes of one verdict's member flows where one rule does: fixes that add the same traffic to the same
   * group, each referencing another group of the other ENI (say one per load balancer's own group), become one fix
   * referencing a group that every one of those other ENIs carries (the load balancers' shared group) and no blocking
   * ENI carries, when there is one; so that a group answer proposes one rule where one rule opens it all. Each flow's
   * new fix still opens that flow and not its reverse.
   *
   * <p>Flows are {@link #add added} in the verdict's order (for flows decided per ENI class pair, the class pair's
   * proof stands for them all: ENIs of one class carry the same groups in one VPC, so they take the same fixes);
   * {@link #replacements} then says, per rule, the fix that stands for it, and {@link #apply} rewrites any flow of
   * the verdict with it, so that a flow explained later gets the same fixes.
   */
  Sharing sharing() {
    return new Sharing();
  }

  /** What {@link #sharing} gathers: per rule (group, direction, ports), its distinct fixes and the ENIs of its flows. */
  final class Sharing {
    private final Map<List<Object>, Candidate> byRule = new LinkedHashMap<>();

    /** Takes in one member flow's fixes. */
    void add(Flow flow) {
      for (Fix f : flow.fixes()) {
        if (f.rule().peer() instanceof Peer.GroupPeer g && (g.userId() == null || g.userId().isEmpty())) {
          byRule.computeIfAbsent(key(f), k -> new Candidate()).add(f, flow);
        }
      }
    }

    /** Per rule key, the one fix that replaces its fixes, for the rules where one does. */
    Map<List<Object>, Fix> replacements() {
      Map<List<Object>, Fix> out = new HashMap<>();
      for (Map.Entry<List<Object>, Candidate> e : byRule.entrySet()) {
        Candidate c = e.getValue();
        Direction d = (Direction) e.getKey().get(1);
        Optional<SecurityGroup> target = index.network.securityGroup((String) e.getKey().get(0));
        if (c.distinct.size() < 2 || c.broken || target.isEmpty()) {
          continue;
        }
        c.common().ifPresent(g -> out.put(e.getKey(), fix(target.get(), d, c.traffic, Peer.group(g))));
      }
      return out;
    }

    /** The flows proposing fixes for one rule, in the verdict's order. */
    private final class Candidate {
      final java.util.Set<Fix> distinct = new java.util.HashSet<>();
      final java.util.BitSet others = new java.util.BitSet();
      final java.util.BitSet selves = new java.util.BitSet();
      int firstOther = -1;
      boolean broken;
      Traffic traffic;

      void add(Fix f, Flow flow) {
        distinct.add(f);
        traffic = traffic == null ? flow.traffic() : traffic;
        int src = index.eni(flow.source());
        int dst = index.eni(flow.destination());
        boolean ingress = f.rule().direction() == Direction.INGRESS;
        int other = ingress ? src : dst;
        int self = ingress ? dst : src;
        if (other < 0 || self < 0 || index.eniMissingGroup[other] || !index.connected(self, other)) {
          broken = true;
          return;
        }
        firstOther = firstOther < 0 ? other : firstOther;
        others.set(other);
        selves.set(self);
      }

      /**
       * A group, present in the snapshot, that every other-side ENI carries and no blocking ENI does; the first such
       * group of the first other ENI.
       */
      Optional<String> common() {
        for (String g : index.enis[firstOther].securityGroupIds()) {
          if (index.network.securityGroup(g).isPresent() && others.stream().allMatch(o -> carries(o, g))
              && selves.stream().noneMatch(s -> carries(s, g))) {
            return Optional.of(g);
          }
        }
        return Optional.empty();
      }
    }
  }

  /** The flow with its fixes replaced by the shared ones of {@link Sharing#replacements}, each once. */
  static Flow apply(Flow f, Map<List<Object>, Fix> replacements) {
    if (replacements.isEmpty() || f.fixes().stream().noneMatch(x -> replacements.containsKey(key(x)))) {
      return f;
    }
    ImmutableList<Fix> fixes = f.fixes().stream().map(x -> replacements.getOrDefault(key(x), x)).distinct()
        .collect(ImmutableList.toImmutableList());
    return new Flow(f.source(), f.destination(), f.traffic(), f.outcome(), f.egress(), f.ingress(), fixes,
        f.remark(), f.path());
  }

  /** The rule a fix adds, apart from its peer: group, direction and ports. */
  static List<Object> key(Fix f) {
    return List.of(f.groupId(), f.rule().direction(), f.rule().ports());
  }

  private boolean carries(int eni, String groupId) {
    return index.enis[eni].securityGroupIds().contains(groupId);
  }
}
