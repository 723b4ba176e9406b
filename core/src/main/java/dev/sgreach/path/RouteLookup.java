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
  private final Candidate[][] candidates = new Candidate[2][];
  /** Prefix-list routes whose entries are unknown: they might match any destination. */
  private final List<RouteTable.Route> unknownPrefixLists = new ArrayList<>();

  private record Candidate(Cidr block, int priority, RouteTable.Route route, int index) {}

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
    candidates[0] = v4.toArray(new Candidate[0]);
    candidates[1] = v6.toArray(new Candidate[0]);
  }

  /**
   * The index in {@link RouteTable#routes()} of the route AWS uses for this destination, {@link #NO_ROUTE}, or
   * {@link #UNDECIDED}.
   */
  int lookup(Cidr destination) {
    Candidate[] cs = candidates[destination.isIpv4() ? 0 : 1];
    for (int i = 0; i < cs.length; i++) {
      Candidate c = cs[i];
      if (!c.block.contains(destination)) {
        continue;
      }
      if (!unknownPrefixLists.isEmpty() && !(c.priority == STATIC && c.block.isSingleAddress())) {
        return UNDECIDED; // a list we cannot see might hold a longer block, or tie with this one
      }
      for (int j = i + 1; j < cs.length; j++) {
        Candidate o = cs[j];
        if (o.block.length() != c.block.length() || o.priority != c.priority) {
          break;
        }
        if (o.block.contains(destination) && o.index != c.index && !o.route.target().equals(c.route.target())) {
          return UNDECIDED; // two prefix lists tie with different targets: AWS picks one
        }
      }
      return c.index;
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
}
