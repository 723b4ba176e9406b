package dev.sgreach.graph;

import dev.sgreach.model.Direction;
import dev.sgreach.model.Network;
import dev.sgreach.model.Peer;
import dev.sgreach.model.Rule;
import dev.sgreach.model.SecurityGroup;
import java.util.Set;
import java.util.function.BiConsumer;

/** The rules a picture draws: those of the selected groups, and those of other groups that name a selected group. */
final class RuleWalk {
  private RuleWalk() {}

  /** Calls {@code visit(owner, rule)} for every rule touching the selection, in snapshot order, inbound first. */
  static void touching(Network network, Set<String> selection, BiConsumer<SecurityGroup, Rule> visit) {
    for (SecurityGroup g : network.securityGroups().values()) {
      boolean selected = selection.contains(g.id());
      for (Rule r : g.ingress()) {
        if (selected || namesSelected(r, selection)) {
          visit.accept(g, r);
        }
      }
      for (Rule r : g.egress()) {
        if (selected || namesSelected(r, selection)) {
          visit.accept(g, r);
        }
      }
    }
  }

  private static boolean namesSelected(Rule r, Set<String> selection) {
    return r.peer() instanceof Peer.GroupPeer p && selection.contains(p.groupId());
  }

  /**
   * True for an outbound rule allowing all traffic to {@code 0.0.0.0/0} or {@code ::/0}, the rule EC2 gives every new
   * group: pictures note it in the group's label instead of drawing an arrow from every group to the internet.
   */
  static boolean isOpenEgress(Rule r) {
    return r.direction() == Direction.EGRESS && r.ports().isAllTraffic() && r.peer() instanceof Peer.CidrPeer c
        && c.cidr().isAnywhere();
  }
}
