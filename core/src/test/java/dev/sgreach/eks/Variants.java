package dev.sgreach.eks;

import dev.sgreach.model.Network;
import dev.sgreach.model.Rule;
import dev.sgreach.model.SecurityGroup;
import java.util.function.Predicate;

/** Test helpers deriving broken variants of a network. */
final class Variants {
  private Variants() {}

  /** The network with the rules of one group that match removed; fails when none matches. */
  static Network withoutRules(Network n, String groupId, Predicate<Rule> which) {
    SecurityGroup sg = n.securityGroup(groupId).orElseThrow();
    SecurityGroup.Builder b = sg.toBuilder().clearRules();
    int removed = 0;
    for (Rule r : sg.ingress()) {
      if (which.test(r)) {
        removed++;
      } else {
        b.rule(r);
      }
    }
    for (Rule r : sg.egress()) {
      if (which.test(r)) {
        removed++;
      } else {
        b.rule(r);
      }
    }
    if (removed == 0) {
      throw new AssertionError("no rule of " + groupId + " matched");
    }
    return n.toBuilder().replace(b.build()).build();
  }

  /** The network with a rule added to a group. */
  static Network withRule(Network n, String groupId, Rule rule) {
    return n.toBuilder().replace(n.securityGroup(groupId).orElseThrow().toBuilder().rule(rule).build()).build();
  }

  static Predicate<Rule> described(String text) {
    return r -> r.description().equals(text);
  }
}
