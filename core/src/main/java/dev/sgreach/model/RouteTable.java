package dev.sgreach.model;

import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * A VPC route table as {@code describe-route-tables} returns it: the routes that decide where a packet leaving a
 * subnet goes, and which subnets (and gateways) use it.
 *
 * <p>AWS's rules (DOMAIN-PATH.md tables 2a-2c): every subnet uses exactly one table, its explicit association or
 * else the VPC's main table; the most specific route that contains the destination wins, IPv4 and IPv6 apart; a
 * {@code blackhole} route drops. A table associated with an internet or virtual private gateway ({@link
 * #gatewayIds()}, an edge association) routes the traffic entering the VPC through that gateway.
 *
 * <pre>{@code
 * RouteTable rt = RouteTable.builder("rtb-1").vpc("vpc-1").subnets("subnet-a")
 *     .route("10.0.0.0/16", RouteTarget.LOCAL)
 *     .route("0.0.0.0/0", RouteTarget.of("nat-0a1"))
 *     .build();
 * }</pre>
 *
 * @param id {@code rtb-...}
 * @param vpcId the VPC
 * @param ownerId the owning account, empty when unknown
 * @param main true for the VPC's main table (an association with {@code Main: true}), used by every subnet of the
 *     VPC that has no explicit association
 * @param subnetIds the explicitly associated subnets
 * @param gatewayIds the gateways ({@code igw-...}, {@code vgw-...}) with an edge association to this table
 * @param routes the routes, in the order given
 */
public record RouteTable(String id, String vpcId, String ownerId, boolean main, ImmutableList<String> subnetIds,
    ImmutableList<String> gatewayIds, ImmutableList<Route> routes) {

  public RouteTable {
    if (id == null || id.isBlank()) {
      throw new IllegalArgumentException("route table needs a RouteTableId");
    }
    if (vpcId == null || vpcId.isBlank()) {
      throw new IllegalArgumentException(id + ": route table needs a VpcId");
    }
    ownerId = ownerId == null ? "" : ownerId;
    subnetIds = subnetIds == null ? ImmutableList.of() : ImmutableList.copyOf(new LinkedHashSet<>(subnetIds));
    gatewayIds = gatewayIds == null ? ImmutableList.of() : ImmutableList.copyOf(new LinkedHashSet<>(gatewayIds));
    routes = routes == null ? ImmutableList.of() : routes;
    if (main && !gatewayIds.isEmpty()) {
      throw new IllegalArgumentException(id + ": the main route table cannot have an edge association (with "
          + gatewayIds.get(0) + ")");
    }
  }

  /** A builder for the table with this id. */
  public static Builder builder(String id) {
    return new Builder(id);
  }

  @Override
  public String toString() {
    return id;
  }

  /**
   * One route ({@code Routes[]}): a destination, a target and a state.
   *
   * @param destination the {@code DestinationCidrBlock} or {@code DestinationIpv6CidrBlock}; empty for a
   *     prefix-list route
   * @param prefixListId the {@code DestinationPrefixListId} ({@code pl-...}); empty for a CIDR route
   * @param target where matching packets go
   * @param state active, or blackhole (the target is gone: matching packets are dropped)
   * @param origin how the route came to be: the table's local route, a route a user or service created, or one a
   *     virtual private gateway propagated
   */
  public record Route(Optional<Cidr> destination, Optional<String> prefixListId, RouteTarget target, State state,
      Origin origin) {
    public Route {
      destination = destination == null ? Optional.empty() : destination;
      prefixListId = prefixListId == null ? Optional.empty() : prefixListId.filter(s -> !s.isBlank());
      if (destination.isPresent() == prefixListId.isPresent()) {
        throw new IllegalArgumentException("route to " + target + " needs exactly one of DestinationCidrBlock,"
            + " DestinationIpv6CidrBlock and DestinationPrefixListId");
      }
      if (target == null) {
        target = RouteTarget.none();
      }
      state = state == null ? State.ACTIVE : state;
      origin = origin == null ? (target.kind() == RouteTarget.Kind.LOCAL ? Origin.CREATE_ROUTE_TABLE
          : Origin.CREATE_ROUTE) : origin;
      if (target.kind() == RouteTarget.Kind.NONE && state == State.ACTIVE) {
        throw new IllegalArgumentException("route to " + destinationText(destination, prefixListId)
            + " names no target, which only a blackhole route can");
      }
    }

    /** An active route to a CIDR block. */
    public static Route to(String cidr, RouteTarget target) {
      return new Route(Optional.of(Cidr.parse(cidr)), Optional.empty(), target, State.ACTIVE, null);
    }

    /** An active route to a prefix list's blocks (a gateway endpoint's route). */
    public static Route toPrefixList(String prefixListId, RouteTarget target) {
      return new Route(Optional.empty(), Optional.of(prefixListId), target, State.ACTIVE, null);
    }

    /** The same route with another state. */
    public Route withState(State value) {
      return new Route(destination, prefixListId, target, value, origin);
    }

    /** The same route with another origin. */
    public Route withOrigin(Origin value) {
      return new Route(destination, prefixListId, target, state, value);
    }

    /** The destination as AWS names it: the CIDR block or the prefix-list id. */
    public String destinationText() {
      return destinationText(destination, prefixListId);
    }

    private static String destinationText(Optional<Cidr> destination, Optional<String> prefixListId) {
      return destination.map(Cidr::toCidrString).orElseGet(() -> prefixListId.orElse("?"));
    }

    /** {@code 0.0.0.0/0 -> nat-0a1}, with {@code (blackhole)} when not active. */
    public String describe() {
      return destinationText() + " -> " + target + (state == State.BLACKHOLE ? " (blackhole)" : "")
          + (origin == Origin.ENABLE_VGW_ROUTE_PROPAGATION ? " (propagated)" : "");
    }

    @Override
    public String toString() {
      return describe();
    }
  }

  /** A route's {@code State}. */
  public enum State {
    /** The target exists and takes traffic. */
    ACTIVE,
    /** The target is gone (deleted gateway, inactive peering, ...): matching packets are dropped. */
    BLACKHOLE;

    /** Parses AWS's {@code active} or {@code blackhole}, any case. */
    public static State parse(String text) {
      String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
      return switch (t) {
        case "active" -> ACTIVE;
        case "blackhole" -> BLACKHOLE;
        default -> throw new IllegalArgumentException("unknown route State '" + text + "': use active or blackhole");
      };
    }
  }

  /** A route's {@code Origin}. */
  public enum Origin {
    /** {@code CreateRouteTable}: the VPC's local route. */
    CREATE_ROUTE_TABLE,
    /** {@code CreateRoute}: added by a user or a service (static). */
    CREATE_ROUTE,
    /** {@code EnableVgwRoutePropagation}: propagated by a virtual private gateway. */
    ENABLE_VGW_ROUTE_PROPAGATION;

    /** Parses AWS's {@code CreateRouteTable}, {@code CreateRoute} or {@code EnableVgwRoutePropagation}. */
    public static Origin parse(String text) {
      String t = text == null ? "" : text.trim();
      return switch (t) {
        case "CreateRouteTable" -> CREATE_ROUTE_TABLE;
        case "CreateRoute" -> CREATE_ROUTE;
        case "EnableVgwRoutePropagation" -> ENABLE_VGW_ROUTE_PROPAGATION;
        default -> throw new IllegalArgumentException("unknown route Origin '" + text
            + "': use CreateRouteTable, CreateRoute or EnableVgwRoutePropagation");
      };
    }
  }

  /** Builds a {@link RouteTable}. */
  public static final class Builder {
    private final String id;
    private String vpcId = "";
    private String ownerId = "";
    private boolean main;
    private final Set<String> subnets = new LinkedHashSet<>();
    private final Set<String> gateways = new LinkedHashSet<>();
    private final List<Route> routes = new ArrayList<>();

    private Builder(String id) {
      this.id = id;
    }

    /** The VPC. */
    public Builder vpc(String value) {
      vpcId = value;
      return this;
    }

    /** The owning account. */
    public Builder owner(String value) {
      ownerId = value;
      return this;
    }

    /** Whether this is the VPC's main table. */
    public Builder main(boolean value) {
      main = value;
      return this;
    }

    /** Associates subnets explicitly. */
    public Builder subnets(String... subnetIds) {
      subnets.addAll(List.of(subnetIds));
      return this;
    }

    /** Associates subnets explicitly. */
    public Builder subnets(Iterable<String> subnetIds) {
      subnetIds.forEach(subnets::add);
      return this;
    }

    /** Adds an edge association with an internet or virtual private gateway. */
    public Builder gateway(String gatewayId) {
      gateways.add(gatewayId);
      return this;
    }

    /** Adds an active route to a CIDR block. */
    public Builder route(String cidr, RouteTarget target) {
      return route(Route.to(cidr, target));
    }

    /** Adds a route. */
    public Builder route(Route route) {
      routes.add(route);
      return this;
    }

    /** The table. */
    public RouteTable build() {
      return new RouteTable(id, vpcId, ownerId, main, ImmutableList.copyOf(subnets), ImmutableList.copyOf(gateways),
          ImmutableList.copyOf(routes));
    }
  }
}
