package dev.sgreach.path;

import dev.sgreach.model.Cidr;
import dev.sgreach.model.PrefixList;
import dev.sgreach.model.RouteTable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * One subnet route table compiled for lookup: its routes (prefix-list routes expanded into the list's blocks) sorted
 * most specific first, then by AWS's priority for equal prefixes. {@link #lookup} is the one place that applies
 * AWS's route selection (DOMAIN-PATH.md table 2b): the longest prefix containing the destination wins; for equal
 * prefixes a static CIDR route beats a prefix-list route, which beats a propagated one; two prefix lists that tie
 * with different targets leave the choice to AWS (unknown); a route naming a prefix list whose entries are not in the
 * snapshot makes any lookup it could win unknown.
 */
final class RouteLookup {
  /** The result of a lookup that found no route. */
  static final int NO_ROUTE = -1;
  /** The result of a lookup whose answer depends on data the snapshot lacks, or on AWS's own choice. */
  static final int UNDECIDED = -2;

  private static final int STATIC = 0;
  private static final int PREFIX_LIST = 1;
  private static final int PROPAGATED = 2;

  final RouteTable table;
  /** Per family (0 IPv4, 1 IPv6): the candidate blocks, most specific first. */
  private final Family[] families = new Family[2];
  /** Prefix-list routes whose entries are unknown: they might match any destination. */
  private final List<RouteTable.Route> unknownPrefixLists = new ArrayList<>();

  private record Candidate(Cidr block, int priority, RouteTable.Route route, int index) {}

  /**
   * One family's candidates as flat arrays, in lookup order: each block's high and low words with their masks, the
   * index of its route, and two flags worked out once: {@link #SURE} (a static route to a single address, which no
   * unseen prefix list can beat) and {@link #TIED} (a later candidate of the same block and priority, from another
   * route with another target: AWS picks one).
   */
  private static final class Family {
    final long[] rows;
    final int[] route;
    final byte[] flags;

    Family(List<Candidate> cs) {
      int n = cs.size();
      rows = new long[n * 4];
      route = new int[n];
      flags = new byte[n];
      for (int i = 0; i < n; i++) {
        Candidate c = cs.get(i);
        rows[i * 4] = c.block.high();
        rows[i * 4 + 1] = AclTable.highMask(c.block);
        rows[i * 4 + 2] = c.block.low();
        rows[i * 4 + 3] = AclTable.lowMask(c.block);
        route[i] = c.index;
        if (c.priority == STATIC && c.block.isSingleAddress()) {
          flags[i] |= SURE;
        }
        // equal blocks of one length are the only equal-length candidates that can both hold an address
        for (int j = i + 1; j < n; j++) {
          Candidate o = cs.get(j);
          if (o.block.length() != c.block.length() || o.priority != c.priority) {
            break;
          }
          if (o.block.equals(c.block) && o.index != c.index && !o.route.target().equals(c.route.target())) {
            flags[i] |= TIED;
          }
        }
      }
    }
  }

  private static final byte SURE = 1;
  private static final byte TIED = 2;

  RouteLookup(RouteTable table, Map<String, PrefixList> prefixLists) {
    this.table = table;
    List<Candidate> v4 = new ArrayList<>();
    List<Candidate> v6 = new ArrayList<>();
    List<RouteTable.Route> routes = table.routes();
    for (int i = 0; i < routes.size(); i++) {
      RouteTable.Route r = routes.get(i);
      if (r.destination().isPresent()) {
        Cidr c = r.destination().get();
        int priority = r.origin() == RouteTable.Origin.ENABLE_VGW_ROUTE_PROPAGATION ? PROPAGATED : STATIC;
        (c.isIpv4() ? v4 : v6).add(new Candidate(c, priority, r, i));
        continue;
      }
      PrefixList list = prefixLists.get(r.prefixListId().get());
      if (list == null || list.entries().isEmpty()) {
        unknownPrefixLists.add(r);
        continue;
      }
      for (Cidr c : list.entries().get()) {
        (c.isIpv4() ? v4 : v6).add(new Candidate(c, PREFIX_LIST, r, i));
      }
    }
    Comparator<Candidate> order = Comparator.comparingInt((Candidate c) -> -c.block.length())
        .thenComparingInt(c -> c.priority).thenComparingInt(c -> c.index);
    v4.sort(order);
    v6.sort(order);
    families[0] = new Family(v4);
    families[1] = new Family(v6);
  }

  /**
   * The index in {@link RouteTable#routes()} of the route AWS uses for this destination, {@link #NO_ROUTE}, or
   * {@link #UNDECIDED}.
   */
  int lookup(Cidr destination) {
    Family f = families[destination.isIpv4() ? 0 : 1];
    long high = destination.high();
    long low = destination.low();
    long[] rows = f.rows;
    for (int i = 0; i < f.route.length; i++) {
      int r = i * 4;
      if ((high & rows[r + 1]) != rows[r] || (low & rows[r + 3]) != rows[r + 2]) {
        continue;
      }
      if (!unknownPrefixLists.isEmpty() && (f.flags[i] & SURE) == 0) {
        return UNDECIDED; // a list we cannot see might hold a longer block, or tie with this one
      }
      if ((f.flags[i] & TIED) != 0) {
        return UNDECIDED; // two prefix lists tie with different targets: AWS picks one
      }
      return f.route[i];
    }
    return unknownPrefixLists.isEmpty() ? NO_ROUTE : UNDECIDED;
  }

  /** The prefix-list routes whose entries the snapshot lacks, for the proof of an undecided lookup. */
  List<RouteTable.Route> unknownPrefixListRoutes() {
    return unknownPrefixLists;
  }

  RouteTable.Route route(int index) {
    return table.routes().get(index);
  }

  /**
   * Per route of {@link #table} (by index), the transit gateway it targets, compiled; null for another target or a
   * gateway the snapshot lacks. Set once while the compiled network is built ({@link #resolveTransitGateways}).
   */
  private TransitGateways.Gateway[] transitGateways;

  /** Finds the transit gateway of each route that targets one. */
  void resolveTransitGateways(TransitGateways gateways) {
    List<RouteTable.Route> routes = table.routes();
    transitGateways = new TransitGateways.Gateway[routes.size()];
    for (int i = 0; i < routes.size(); i++) {
      RouteTable.Route r = routes.get(i);
      if (r.target().kind() == dev.sgreach.model.RouteTarget.Kind.TRANSIT_GATEWAY) {
        transitGateways[i] = gateways.gateway(r.target().id());
      }
    }
  }

  /** The transit gateway route {@code index} targets, compiled; null when it targets none the snapshot holds. */
  TransitGateways.Gateway transitGateway(int index) {
    return transitGateways[index];
  }
}
