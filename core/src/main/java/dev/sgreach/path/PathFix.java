package dev.sgreach.path;

import dev.sgreach.model.Cidr;
import dev.sgreach.model.NetworkAcl;
import dev.sgreach.model.Ports;
import dev.sgreach.model.Protocol;
import dev.sgreach.model.RouteTable;
import dev.sgreach.model.RouteTarget;
import dev.sgreach.model.TransitGateway;
import java.util.Optional;

/**
 * The smallest change that opens a path hop that denies: a network ACL entry to add, a route to add or replace, a
 * transit gateway route to add, or a route table to add to a gateway endpoint; as data and as the AWS CLI command that
 * makes it, every value validated and shell-quoted.
 *
 * <p>An ACL entry admits exactly what was dropped (the one port, ICMP type/code or protocol; on the reply the
 * dropped ephemeral ports) from or to the other end's single address ({@code /32}, {@code /128}), under a rule
 * number below the entry that denied. A route goes to the only target that can carry the packet there (the peering
 * or transit gateway joining the two VPCs, the VPC's internet gateway, NAT gateway or egress-only internet gateway);
 * where no single target is evident, no route is proposed and the hop's detail says what is missing.
 *
 * @param kind what sort of change
 * @param resourceId what to change: the {@code acl-...}, {@code rtb-...}, {@code tgw-rtb-...} or {@code vpce-...}
 * @param aclEntry for {@link Kind#ADD_ACL_ENTRY}, the entry
 * @param route for {@link Kind#ADD_ROUTE} and {@link Kind#REPLACE_ROUTE}, the route
 * @param transitGatewayRoute for {@link Kind#ADD_TRANSIT_GATEWAY_ROUTE}, the route
 * @param routeTableId for {@link Kind#ADD_ENDPOINT_ROUTE_TABLE}, the route table to give the endpoint's route
 * @param reason which hop it opens, for people
 */
public record PathFix(Kind kind, String resourceId, Optional<NetworkAcl.Entry> aclEntry,
    Optional<RouteTable.Route> route, Optional<TransitGateway.Route> transitGatewayRoute, String routeTableId,
    String reason) {

  public PathFix {
    if (kind == null) {
      throw new IllegalArgumentException("path fix needs a kind");
    }
    Shell.id(resourceId);
    aclEntry = aclEntry == null ? Optional.empty() : aclEntry;
    route = route == null ? Optional.empty() : route;
    transitGatewayRoute = transitGatewayRoute == null ? Optional.empty() : transitGatewayRoute;
    routeTableId = routeTableId == null ? "" : routeTableId;
    reason = reason == null ? "" : reason;
    switch (kind) {
      case ADD_ACL_ENTRY -> require(aclEntry.isPresent(), "an ACL entry");
      case ADD_ROUTE, REPLACE_ROUTE -> {
        require(route.isPresent(), "a route");
        RouteTarget t = route.get().target();
        require(!t.kind().cliOption().isEmpty(), "a route target other than local or none");
        Shell.id(t.id());
        route.get().prefixListId().ifPresent(Shell::id);
      }
      case ADD_TRANSIT_GATEWAY_ROUTE -> {
        require(transitGatewayRoute.isPresent() && transitGatewayRoute.get().attachmentIds().size() == 1,
            "a transit gateway route to one attachment");
        Shell.id(transitGatewayRoute.get().attachmentIds().get(0));
      }
      case ADD_ENDPOINT_ROUTE_TABLE -> Shell.id(routeTableId);
    }
  }

  private static void require(boolean ok, String what) {
    if (!ok) {
      throw new IllegalArgumentException("path fix needs " + what);
    }
  }

  /** Adds this entry to an ACL. */
  public static PathFix aclEntry(String aclId, NetworkAcl.Entry entry, String reason) {
    return new PathFix(Kind.ADD_ACL_ENTRY, aclId, Optional.of(entry), Optional.empty(), Optional.empty(), "",
        reason);
  }

  /** Adds (or, for a blackhole, replaces) a route in a table. */
  public static PathFix route(String routeTableId, RouteTable.Route route, boolean replace, String reason) {
    return new PathFix(replace ? Kind.REPLACE_ROUTE : Kind.ADD_ROUTE, routeTableId, Optional.empty(),
        Optional.of(route), Optional.empty(), "", reason);
  }

  /** Adds a static route to a transit gateway route table. */
  public static PathFix transitGatewayRoute(String tgwRouteTableId, TransitGateway.Route route, String reason) {
    return new PathFix(Kind.ADD_TRANSIT_GATEWAY_ROUTE, tgwRouteTableId, Optional.empty(), Optional.empty(),
        Optional.of(route), "", reason);
  }

  /** Adds a route table to a gateway endpoint (which installs its prefix-list route there). */
  public static PathFix endpointRouteTable(String endpointId, String routeTableId, String reason) {
    return new PathFix(Kind.ADD_ENDPOINT_ROUTE_TABLE, endpointId, Optional.empty(), Optional.empty(),
        Optional.empty(), routeTableId, reason);
  }

  /** {@code add to acl-0a1: inbound rule 99: allow tcp 443 from 10.0.1.5/32}. */
  public String describe() {
    return switch (kind) {
      case ADD_ACL_ENTRY -> "add to " + resourceId + ": " + aclEntry.get().describe();
      case ADD_ROUTE -> "add to " + resourceId + ": route " + route.get().describe();
      case REPLACE_ROUTE -> "replace in " + resourceId + ": route " + route.get().describe();
      case ADD_TRANSIT_GATEWAY_ROUTE -> "add to " + resourceId + ": route " + transitGatewayRoute.get().describe();
      case ADD_ENDPOINT_ROUTE_TABLE -> "add " + routeTableId + " to gateway endpoint " + resourceId;
    };
  }

  /** The AWS CLI command that makes the change. */
  public String awsCliCommand() {
    return switch (kind) {
      case ADD_ACL_ENTRY -> aclCommand(aclEntry.get());
      case ADD_ROUTE, REPLACE_ROUTE -> routeCommand(route.get());
      case ADD_TRANSIT_GATEWAY_ROUTE -> "aws ec2 create-transit-gateway-route --transit-gateway-route-table-id "
          + Shell.id(resourceId) + " --destination-cidr-block "
          + Shell.quote(transitGatewayRoute.get().destination().toCidrString()) + " --transit-gateway-attachment-id "
          + Shell.id(transitGatewayRoute.get().attachmentIds().get(0));
      case ADD_ENDPOINT_ROUTE_TABLE -> "aws ec2 modify-vpc-endpoint --vpc-endpoint-id " + Shell.id(resourceId)
          + " --add-route-table-ids " + Shell.id(routeTableId);
    };
  }

  private String aclCommand(NetworkAcl.Entry e) {
    Ports p = e.ports();
    Protocol proto = p.protocol();
    StringBuilder b = new StringBuilder("aws ec2 create-network-acl-entry --network-acl-id ")
        .append(Shell.id(resourceId)).append(e.egress() ? " --egress" : " --ingress")
        .append(" --rule-number ").append(e.ruleNumber())
        .append(" --protocol ").append(Shell.quote(Integer.toString(proto.number())));
    if (proto.hasPorts()) {
      b.append(" --port-range ").append(Shell.quote("From=" + p.from() + ",To=" + p.to()));
    } else if (proto.isIcmp()) {
      b.append(" --icmp-type-code ").append(Shell.quote("Type=" + p.from() + ",Code=" + p.to()));
    }
    Cidr c = e.cidr();
    b.append(c.isIpv4() ? " --cidr-block " : " --ipv6-cidr-block ").append(Shell.quote(c.toCidrString()));
    return b.append(" --rule-action ").append(e.action().word()).toString();
  }

  private String routeCommand(RouteTable.Route r) {
    StringBuilder b = new StringBuilder("aws ec2 ").append(kind == Kind.REPLACE_ROUTE ? "replace-route" : "create-route")
        .append(" --route-table-id ").append(Shell.id(resourceId));
    if (r.destination().isPresent()) {
      Cidr c = r.destination().get();
      b.append(c.isIpv4() ? " --destination-cidr-block " : " --destination-ipv6-cidr-block ")
          .append(Shell.quote(c.toCidrString()));
    } else {
      b.append(" --destination-prefix-list-id ").append(Shell.id(r.prefixListId().get()));
    }
    return b.append(' ').append(r.target().kind().cliOption()).append(' ').append(Shell.id(r.target().id()))
        .toString();
  }

  @Override
  public String toString() {
    return describe();
  }

  /** The kinds of path fix. */
  public enum Kind {
    /** {@code aws ec2 create-network-acl-entry}. */
    ADD_ACL_ENTRY,
    /** {@code aws ec2 create-route}. */
    ADD_ROUTE,
    /** {@code aws ec2 replace-route}: the route to the destination exists but is a blackhole. */
    REPLACE_ROUTE,
    /** {@code aws ec2 create-transit-gateway-route}. */
    ADD_TRANSIT_GATEWAY_ROUTE,
    /** {@code aws ec2 modify-vpc-endpoint --add-route-table-ids}. */
    ADD_ENDPOINT_ROUTE_TABLE
  }
}
