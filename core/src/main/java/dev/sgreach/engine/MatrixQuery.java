package dev.sgreach.engine;

import static dev.sgreach.engine.Tri.F;
import static dev.sgreach.engine.Tri.T;

import dev.sgreach.model.Direction;
import dev.sgreach.model.Traffic;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The cells of a {@link Matrix}, worked out per ENI class pair where that is exact, per member pair elsewhere.
 *
 * <p>Two ENIs of one class carry the same groups in the same VPC with addresses of the same families, so any party's
 * group references treat them alike, and their own rules judge any party alike except through an address rule. A
 * side is <em>address-blind</em> for a traffic when none of its class's rules covering that traffic names addresses
 * (a CIDR other than {@code 0.0.0.0/0} or {@code ::/0}, or a prefix list): its answer then depends on the other
 * party's class and address family only. A member flow between two whole ENIs (all their addresses) whose sender's
 * egress and receiver's ingress are both address-blind is therefore decided once per class pair and counted for every
 * member pair of those classes; any other member flow (an outside party, a single address, an address rule, an ENI
 * sending to itself) is decided on its own by {@link FlowJudge#flow}, as are all flows when the engine judges path
 * layers (network ACLs, routes), which tell ENIs of one class apart by subnet and by address (an ACL entry names
 * address blocks), so that no key coarser than the member pair is exact there. {@link #byClass} and
 * {@link #classPairDecides} are the one place this is decided; {@link Reachability#reach} asks them too.
 *
 * <p>Member pairs are those {@link Reachability#reach} judges, made in one place ({@link ReachQuery}): every source
 * member with every destination member, an ENI's pair with itself left out when the cell has other pairs, and a
 * member asked about by its public address judged as a flow through that address ({@link FlowJudge#throughPublic}).
 */
final class MatrixQuery {
  private final Index index;
  private final FlowJudge flows;
  /** Says which ENIs' flows their class does not decide ({@link SideJudge#judgedAlone}). */
  private final SideJudge sides;
  private final boolean classesDecide;
  /** Per traffic: per class and direction (2k ingress, 2k+1 egress), 0 not known yet, 1 address-blind, 2 not. */
  private final Map<Traffic, byte[]> blind = new HashMap<>();
  /** Per traffic: the flow's value per class pair (source class * classes + destination class). */
  private final Map<Traffic, Map<Long, Integer>> byClassPair = new HashMap<>();

  MatrixQuery(Index index, FlowJudge flows) {
    this.index = index;
    this.sides = flows.sides();
    this.flows = flows;
    this.classesDecide = flows.paths().isEmpty();
  }

  /**
   * The cell of these members on this traffic: the member pairs {@link ReachQuery} makes of them (as reach pairs
   * them), one value per class block counted by its members, and one per other pair.
   */
  Matrix.Cell cell(Endpoint row, List<Member> sources, Endpoint column, List<Member> destinations, Traffic t) {
    long[] counts = new ReachQuery(index, flows).count(sources, destinations, t, this);
    int allowed = Math.toIntExact(counts[T]);
    int denied = Math.toIntExact(counts[F]);
    int unknown = Math.toIntExact(counts[Tri.U]);
    return new Matrix.Cell(row, column, t, Matrix.Value.of(allowed, denied, unknown), allowed, denied, unknown);
  }

  /**
   * The value (T, F or U) of the flow between two members, worked out once per class pair where
   * {@link #classPairDecides} says that is exact; a member asked about by its public address as a flow through it.
   */
  int value(Member s, Member d, Traffic t) {
    if (FlowJudge.throughPublic(s, d)) {
      return flows.flowThroughPublic(s, d, t);
    }
    int src = flows.eni(s);
    int dst = flows.eni(d);
    if (src == dst || !byClass(s, src) || !byClass(d, dst)) {
      return pairValue(s, d, t);
    }
    int ks = index.eniClass[src];
    int kd = index.eniClass[dst];
    if (!classPairDecides(ks, kd, t)) {
      return flows.flow(src, s.addresses(), dst, d.addresses(), t);
    }
    long key = (long) ks * index.classCount() + kd;
    return byClassPair.computeIfAbsent(t, x -> new HashMap<>())
        .computeIfAbsent(key, x -> flows.flow(src, s.addresses(), dst, d.addresses(), t));
  }

  /** The value (T, F or U) of the flow between two members, judged on its own (no class shortcut). */
  int pairValue(Member s, Member d, Traffic t) {
    return FlowJudge.throughPublic(s, d) ? flows.flowThroughPublic(s, d, t)
        : flows.flow(flows.eni(s), s.addresses(), flows.eni(d), d.addresses(), t);
  }

  /**
   * True when the member's flows to or from other ENIs may be decided by its ENI class ({@code eni} is where the
   * engine keeps it): no path layer is judged, and it is a whole ENI (all its addresses, not asked about by a public
   * address).
   */
  boolean byClass(Member m, int eni) {
    return classesDecide && eni >= 0 && m.publicAddress().isEmpty() && whole(m, eni) && !sides.judgedAlone(eni);
  }

  /**
   * True when every flow on {@code t} from a whole ENI of class {@code ks} to a whole other ENI of class {@code kd}
   * has one value, and one proof but for which ENIs and addresses take part: the sender's egress and the receiver's
   * ingress are address-blind for {@code t}. Meaningful for members that {@link #byClass} admits.
   */
  boolean classPairDecides(int ks, int kd, Traffic t) {
    return blind(ks, Direction.EGRESS, t) && blind(kd, Direction.INGRESS, t);
  }

  /** True when the member takes part with all its ENI's addresses. */
  private boolean whole(Member m, int eni) {
    return m.addresses().equals(index.enis[eni].addressBlocks());
  }

  /** True when class {@code k}'s side in direction {@code d} names no address among the rules covering {@code t}. */
  private boolean blind(int k, Direction d, Traffic t) {
    byte[] known = blind.computeIfAbsent(t, x -> new byte[2 * index.classCount()]);
    int at = 2 * k + (d == Direction.EGRESS ? 1 : 0);
    if (known[at] == 0) {
      known[at] = (byte) (addressBlind(index.classRepresentative[k], d, t) ? 1 : 2);
    }
    return known[at] == 1;
  }

  private boolean addressBlind(int eni, Direction d, Traffic t) {
    for (int g : index.eniGroups[eni]) {
      RuleTable table = index.table(g, d);
      if (table == null) {
        continue; // a missing group: the ENI's side is unknown unless a rule admits, alike for the class
      }
      if (!blind(table.allProtocols) || !blind(table.covering(t.protocol().number(), t.key()))) {
        return false;
      }
    }
    return true;
  }

  private static boolean blind(CompiledRule[] rules) {
    for (CompiledRule r : rules) {
      if (r.kind == CompiledRule.PREFIX_LIST || r.kind == CompiledRule.CIDR && !r.cidr.isAnywhere()) {
        return false;
      }
    }
    return true;
  }
}
