package dev.sgreach.path;

import com.google.common.collect.ImmutableList;
import dev.sgreach.model.Cidr;
import dev.sgreach.model.TransitGateway;
import dev.sgreach.model.Vpc;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One transit gateway route table compiled for lookup: its static routes, and its propagated routes (as captured, or
 * else each propagating VPC attachment's VPC blocks), most specific first, static before propagated for equal
 * prefixes. {@link #lookup} is the one place that applies AWS's transit gateway route selection (DOMAIN-PATH.md table
 * 3b); a propagation whose prefixes the snapshot cannot know (a VPN, Direct Connect, Connect or peering attachment,
 * or a VPC the snapshot lacks) and a truncated static-route list make any lookup they could win unknown.
 */
final class TgwLookup {
  static final int NO_ROUTE = -1;
  static final int UNDECIDED = -2;

  final TransitGateway gateway;
  final TransitGateway.RouteTable table;
  private final List<TransitGateway.Route> routes = new ArrayList<>();
  /** Why some route might be missing from {@link #routes}, empty when every route is known. */
  final Optional<String> unknownRoutes;
  /** Per route, its one attachment compiled ({@link #resolveTargets}); null for several, or one the snapshot lacks. */
  private TransitGateways.Attachment[] targets;

  TgwLookup(TransitGateway gateway, TransitGateway.RouteTable table, Map<String, Vpc> vpcs) {
    this.gateway = gateway;
    this.table = table;
    String unknown = table.staticRoutesComplete() ? null
        : "the static routes of " + table.id() + " are not all in the snapshot (not collected, or AWS returned only"
            + " part of them: AdditionalRoutesAvailable)";
    routes.addAll(table.staticRoutes());
    if (table.propagatedRoutes().isPresent()) {
      routes.addAll(table.propagatedRoutes().get());
    } else if (!table.propagationsKnown()) {
      if (unknown == null) {
        unknown = "the propagations of " + table.id() + " are not in the snapshot";
      }
    } else {
      for (String attachmentId : table.propagations()) {
        Optional<TransitGateway.Attachment> a = gateway.attachment(attachmentId);
        Vpc vpc = a.filter(TransitGateway.Attachment::isVpc).map(x -> vpcs.get(x.resourceId())).orElse(null);
        if (vpc == null || vpc.cidrs().isEmpty()) {
          if (unknown == null) {
            unknown = "the routes " + attachmentId + a.map(x -> " (" + x.resourceType() + " " + x.resourceId() + ")")
                .orElse("") + " propagates into " + table.id() + " are not in the snapshot";
          }
          continue;
        }
        for (Cidr c : vpc.cidrs()) {
          if (c.isIpv4() || a.get().ipv6Support()) {
            routes.add(new TransitGateway.Route(c, ImmutableList.of(attachmentId), true, false));
          }
        }
      }
    }
    routes.sort(Comparator.comparingInt((TransitGateway.Route r) -> -r.destination().length())
        .thenComparing(TransitGateway.Route::propagated));
    this.unknownRoutes = Optional.ofNullable(unknown);
  }

  /** The index of the route the gateway uses for this destination, {@link #NO_ROUTE}, or {@link #UNDECIDED}. */
  int lookup(Cidr destination) {
    for (int i = 0; i < routes.size(); i++) {
      TransitGateway.Route r = routes.get(i);
      if (!r.destination().contains(destination)) {
        continue;
      }
      if (unknownRoutes.isPresent() && (r.propagated() || !r.destination().isSingleAddress())) {
        return UNDECIDED; // a route we cannot see might be more specific, or beat this one
      }
      for (int j = i + 1; j < routes.size(); j++) {
        TransitGateway.Route o = routes.get(j);
        if (o.destination().length() != r.destination().length() || o.propagated() != r.propagated()) {
          break;
        }
        if (o.destination().contains(destination)
            && (!o.attachmentIds().equals(r.attachmentIds()) || o.blackhole() != r.blackhole())) {
          return UNDECIDED; // equal routes to different attachments: which one AWS installed is not known
        }
      }
      return i;
    }
    return unknownRoutes.isPresent() ? UNDECIDED : NO_ROUTE;
  }

  TransitGateway.Route route(int index) {
    return routes.get(index);
  }

  /** Finds each route's attachment among its gateway's: once, while the compiled network is built. */
  void resolveTargets(Map<String, TransitGateways.Attachment> attachments) {
    targets = new TransitGateways.Attachment[routes.size()];
    for (int i = 0; i < targets.length; i++) {
      List<String> ids = routes.get(i).attachmentIds();
      targets[i] = ids.size() == 1 ? attachments.get(ids.get(0)) : null;
    }
  }

  /** The one attachment of route {@code index}, null when it names several or one the snapshot lacks. */
  TransitGateways.Attachment target(int index) {
    return targets[index];
  }
}
