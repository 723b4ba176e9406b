package dev.sgreach.engine;

import dev.sgreach.model.Direction;
import dev.sgreach.model.NetworkInterface;
import dev.sgreach.model.Peer;
import dev.sgreach.model.Ports;
import dev.sgreach.model.Rule;
import dev.sgreach.model.SecurityGroup;
import dev.sgreach.model.Traffic;
import java.util.List;
import java.util.Optional;

/**
 * The fix for a blocking side: one rule, on one of the blocking ENI's groups, that admits exactly the asked traffic
 * with the other member as peer, and opens nothing else between the two ENIs.
 *
 * <p>The peer is a group the other ENI carries when it is an ENI with groups in the same or a peered VPC and none of
 * its groups is missing from the snapshot (the AWS practice that survives address changes); otherwise the other
 * member's address in the explained pair. The group and the peer are chosen so that the rule cannot also admit the
 * reverse flow: the rule goes on a group the other ENI does not carry, or references a group the blocking ENI does
 * not carry, and when neither is possible (the two carry the same groups) the peer is the address.
 */
final class Fixes {
  static final String NOTE = "sgreach fix";
  /** What a rule description may hold (AWS: a-z, A-Z, 0-9, spaces and ._-:/()#,@[]+=&;{}!$*). */
  private static final java.util.regex.Pattern NOT_IN_DESCRIPTION =
      java.util.regex.Pattern.compile("[^A-Za-z0-9 ._:/()#,@+=&;{}!$*-]");
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
    Peer peer = Peer.cidr(side.remoteAddress()); // the one address, or the delegated prefix the flow came through
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
    String desc = NOTE + ": " + t.spec() + " " + (side.direction() == Direction.INGRESS ? "from " : "to ")
        + NOT_IN_DESCRIPTION.matcher(other.label()).replaceAll("");
    Rule rule = new Rule(side.direction(), Ports.exactly(t), peer, desc, "");
    return Optional.of(new Fix(target.id(), target.label(), rule));
  }

  private boolean carries(int eni, String groupId) {
    return index.enis[eni].securityGroupIds().contains(groupId);
  }
}
