package dev.sgreach.model;

import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * A transit gateway as one account sees it: {@code describe-transit-gateways}, its attachments
 * ({@code describe-transit-gateway-attachments} with the subnets of {@code describe-transit-gateway-vpc-attachments}),
 * and its route tables with their propagations and routes.
 *
 * <p>AWS's rules (DOMAIN-PATH.md table 3b): a packet entering the gateway from an attachment is routed with the route
 * table that attachment is associated with, most specific route first; a VPC attachment that propagates into a table
 * installs its VPC's blocks there; a subnet's route to the gateway is followed only when the VPC's attachment has a
 * subnet in the subnet's availability zone. Attachment ids of a transit gateway peering appear on both gateways, so
 * attachments are held per gateway.
 *
 * @param id {@code tgw-...}
 * @param ownerId the owning account, empty when unknown
 * @param state {@code available}, ... as AWS writes it
 * @param securityGroupReferencing the gateway's {@code SecurityGroupReferencingSupport} option, when captured
 * @param attachments its attachments
 * @param routeTables its route tables (only the owner sees them)
 */
public record TransitGateway(String id, String ownerId, String state, Optional<Boolean> securityGroupReferencing,
    ImmutableList<Attachment> attachments, ImmutableList<RouteTable> routeTables) {

  public TransitGateway {
    if (id == null || id.isBlank()) {
      throw new IllegalArgumentException("transit gateway needs a TransitGatewayId");
    }
    ownerId = ownerId == null ? "" : ownerId;
    state = state == null ? "" : state.trim().toLowerCase(Locale.ROOT);
    securityGroupReferencing = securityGroupReferencing == null ? Optional.empty() : securityGroupReferencing;
    attachments = attachments == null ? ImmutableList.of() : attachments;
    routeTables = routeTables == null ? ImmutableList.of() : routeTables;
    Set<String> ids = new HashSet<>();
    for (Attachment a : attachments) {
      if (!ids.add(a.id())) {
        throw new IllegalArgumentException(id + ": two attachments have the id " + a.id());
      }
    }
    for (RouteTable t : routeTables) {
      if (!ids.add(t.id())) {
        throw new IllegalArgumentException(id + ": two route tables have the id " + t.id());
      }
    }
  }

  /** A builder for the transit gateway with this id. */
  public static Builder builder(String id) {
    return new Builder(id);
  }

  /** The attachment with this id. */
  public Optional<Attachment> attachment(String attachmentId) {
    return attachments.stream().filter(a -> a.id().equals(attachmentId)).findFirst();
  }

  /** The route table with this id. */
  public Optional<RouteTable> routeTable(String routeTableId) {
    return routeTables.stream().filter(t -> t.id().equals(routeTableId)).findFirst();
  }

  @Override
  public String toString() {
    return id;
  }

  /**
   * One attachment of the gateway.
   *
   * @param id {@code tgw-attach-...}
   * @param resourceType {@code vpc}, {@code vpn}, {@code direct-connect-gateway}, {@code connect}, {@code peering},
   *     ... as AWS writes it
   * @param resourceId the VPC id, the peer transit gateway's id, the VPN connection id, ...
   * @param resourceOwnerId the account owning the resource, empty when unknown
   * @param state {@code available}, {@code pending}, {@code deleted}, ...; only {@code available} carries traffic
   * @param routeTableId the route table the attachment is associated with ({@code Association}), empty when none
   * @param subnetIds for a VPC attachment, its subnets (one per availability zone it serves)
   * @param ipv6Support for a VPC attachment, whether its {@code Ipv6Support} option is enabled
   * @param securityGroupReferencing for a VPC attachment, its {@code SecurityGroupReferencingSupport} option when
   *     captured
   * @param applianceMode for a VPC attachment, its {@code ApplianceModeSupport} option when captured
   */
  public record Attachment(String id, String resourceType, String resourceId, String resourceOwnerId, String state,
      Optional<String> routeTableId, ImmutableList<String> subnetIds, boolean ipv6Support,
      Optional<Boolean> securityGroupReferencing, Optional<Boolean> applianceMode) {
    public Attachment {
      if (id == null || id.isBlank()) {
        throw new IllegalArgumentException("transit gateway attachment needs a TransitGatewayAttachmentId");
      }
      resourceType = resourceType == null ? "" : resourceType.trim().toLowerCase(Locale.ROOT);
      resourceId = resourceId == null ? "" : resourceId;
      resourceOwnerId = resourceOwnerId == null ? "" : resourceOwnerId;
      state = state == null ? "" : state.trim().toLowerCase(Locale.ROOT);
      routeTableId = routeTableId == null ? Optional.empty() : routeTableId.filter(s -> !s.isBlank());
      subnetIds = subnetIds == null ? ImmutableList.of() : subnetIds;
      securityGroupReferencing = securityGroupReferencing == null ? Optional.empty() : securityGroupReferencing;
      applianceMode = applianceMode == null ? Optional.empty() : applianceMode;
    }

    /** An available VPC attachment associated with a route table, with its subnets. */
    public static Attachment vpc(String id, String vpcId, String routeTableId, String... subnetIds) {
      return new Attachment(id, "vpc", vpcId, "", "available", Optional.ofNullable(routeTableId),
          ImmutableList.copyOf(subnetIds), false, Optional.empty(), Optional.empty());
    }

    /** An available peering attachment to another transit gateway, associated with a route table. */
    public static Attachment peering(String id, String peerTransitGatewayId, String routeTableId) {
      return new Attachment(id, "peering", peerTransitGatewayId, "", "available", Optional.ofNullable(routeTableId),
          ImmutableList.of(), false, Optional.empty(), Optional.empty());
    }

    /** True for a VPC attachment. */
    public boolean isVpc() {
      return resourceType.equals("vpc");
    }

    /** True for a peering attachment to another transit gateway. */
    public boolean isPeering() {
      return resourceType.equals("peering") || resourceType.equals("tgw-peering");
    }

    /** True when its state is {@code available}. */
    public boolean isAvailable() {
      return state.equals("available");
    }

    @Override
    public String toString() {
      return id;
    }
  }

  /**
   * One route table of the gateway.
   *
   * @param id {@code tgw-rtb-...}
   * @param propagations the attachments that propagate their routes into this table
   * @param staticRoutes its static routes ({@code search-transit-gateway-routes} with {@code type=static})
   * @param staticRoutesComplete false when AWS said more static routes were available than it returned
   *     ({@code AdditionalRoutesAvailable})
   * @param propagatedRoutes its propagated routes when they were captured ({@code type=propagated}); when absent, a
   *     VPC attachment's propagation stands for its VPC's blocks and any other propagation is unknown
   * @param propagationsKnown false when the table's propagations were not collected: then, unless its propagated
   *     routes were, a route that a propagation could install is unknown
   */
  public record RouteTable(String id, ImmutableList<String> propagations, ImmutableList<Route> staticRoutes,
      boolean staticRoutesComplete, Optional<ImmutableList<Route>> propagatedRoutes, boolean propagationsKnown) {
    public RouteTable {
      if (id == null || id.isBlank()) {
        throw new IllegalArgumentException("transit gateway route table needs a TransitGatewayRouteTableId");
      }
      propagations = propagations == null ? ImmutableList.of() : propagations;
      staticRoutes = staticRoutes == null ? ImmutableList.of() : staticRoutes;
      propagatedRoutes = propagatedRoutes == null ? Optional.empty() : propagatedRoutes;
      if (!propagationsKnown && !propagations.isEmpty()) {
        throw new IllegalArgumentException(id + ": propagations " + propagations + " are listed but said to be"
            + " unknown");
      }
      for (Route r : staticRoutes) {
        if (r.propagated()) {
          throw new IllegalArgumentException(id + ": propagated route " + r + " is listed among the static routes");
        }
      }
    }

    /** A table whose propagations are known (the form before {@link #propagationsKnown()} existed). */
    public RouteTable(String id, ImmutableList<String> propagations, ImmutableList<Route> staticRoutes,
        boolean staticRoutesComplete, Optional<ImmutableList<Route>> propagatedRoutes) {
      this(id, propagations, staticRoutes, staticRoutesComplete, propagatedRoutes, true);
    }

    /** A table with complete static routes and these propagations, propagated routes not captured. */
    public static RouteTable of(String id, List<String> propagations, Route... staticRoutes) {
      return new RouteTable(id, ImmutableList.copyOf(propagations), ImmutableList.copyOf(staticRoutes), true,
          Optional.empty());
    }

    @Override
    public String toString() {
      return id;
    }
  }

  /**
   * One transit gateway route ({@code Routes[]} of {@code search-transit-gateway-routes}).
   *
   * @param destination the {@code DestinationCidrBlock}
   * @param attachmentIds the attachments it sends to (several for VPN ECMP); empty for a blackhole route
   * @param propagated true for {@code Type: propagated}
   * @param blackhole true for {@code State: blackhole}
   */
  public record Route(Cidr destination, ImmutableList<String> attachmentIds, boolean propagated, boolean blackhole) {
    public Route {
      if (destination == null) {
        throw new IllegalArgumentException("transit gateway route needs a DestinationCidrBlock");
      }
      attachmentIds = attachmentIds == null ? ImmutableList.of() : attachmentIds;
      if (!blackhole && attachmentIds.isEmpty()) {
        throw new IllegalArgumentException("transit gateway route to " + destination.toCidrString()
            + " names no attachment, which only a blackhole route can");
      }
    }

    /** An active static route to one attachment. */
    public static Route to(String cidr, String attachmentId) {
      return new Route(Cidr.parse(cidr), ImmutableList.of(attachmentId), false, false);
    }

    /** A static blackhole route. */
    public static Route blackhole(String cidr) {
      return new Route(Cidr.parse(cidr), ImmutableList.of(), false, true);
    }

    /** {@code 10.2.0.0/16 -> tgw-attach-0a1 (static)}. */
    public String describe() {
      return destination.toCidrString() + " -> " + (blackhole ? "blackhole" : String.join(", ", attachmentIds))
          + (propagated ? " (propagated)" : " (static)");
    }

    @Override
    public String toString() {
      return describe();
    }
  }

  /** Builds a {@link TransitGateway}. */
  public static final class Builder {
    private final String id;
    private String ownerId = "";
    private String state = "available";
    private Optional<Boolean> securityGroupReferencing = Optional.empty();
    private final List<Attachment> attachments = new ArrayList<>();
    private final List<RouteTable> routeTables = new ArrayList<>();

    private Builder(String id) {
      this.id = id;
    }

    /** The owning account. */
    public Builder owner(String value) {
      ownerId = value;
      return this;
    }

    /** The state ({@code available} unless set). */
    public Builder state(String value) {
      state = value;
      return this;
    }

    /** The gateway's {@code SecurityGroupReferencingSupport} option. */
    public Builder securityGroupReferencing(boolean value) {
      securityGroupReferencing = Optional.of(value);
      return this;
    }

    /** Adds an attachment. */
    public Builder attachment(Attachment value) {
      attachments.add(value);
      return this;
    }

    /** Adds a route table. */
    public Builder routeTable(RouteTable value) {
      routeTables.add(value);
      return this;
    }

    /** The transit gateway. */
    public TransitGateway build() {
      return new TransitGateway(id, ownerId, state, securityGroupReferencing, ImmutableList.copyOf(attachments),
          ImmutableList.copyOf(routeTables));
    }
  }
}
