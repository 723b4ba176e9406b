package dev.sgreach.snapshot;

import static dev.sgreach.snapshot.SnapshotWriter.document;
import static dev.sgreach.snapshot.SnapshotWriter.optional;
import static dev.sgreach.snapshot.SnapshotWriter.response;
import static dev.sgreach.snapshot.SnapshotWriter.sorted;
import static dev.sgreach.snapshot.SnapshotWriter.strings;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.sgreach.model.Cidr;
import dev.sgreach.model.InternetGateway;
import dev.sgreach.model.Layer;
import dev.sgreach.model.NatGateway;
import dev.sgreach.model.Network;
import dev.sgreach.model.NetworkAcl;
import dev.sgreach.model.Ports;
import dev.sgreach.model.RouteTable;
import dev.sgreach.model.RouteTarget;
import dev.sgreach.model.Subnet;
import dev.sgreach.model.TransitGateway;
import dev.sgreach.model.VpcEndpoint;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Writes the packet-path part of a {@link Network} (DOMAIN-PATH.md section 5) as plain AWS CLI JSON in the sgreach /
 * CloudMapper layout, beside what {@link SnapshotWriter} writes: subnets, network ACLs, route tables, internet and
 * egress-only gateways, NAT gateways, VPC endpoints and transit gateways with one propagations and one or two
 * routes files per route table. {@link PathItems} reads it back to an equal network.
 *
 * <p>A covered layer is written even when it holds nothing (an empty {@code describe-network-acls} answer), so that
 * what the snapshot covers survives; a transit gateway route table's propagations and routes are written only when
 * known, so that what was unknown stays unknown.
 */
final class PathWriter {
  private PathWriter() {}

  static void write(Network network, Path folder) {
    if (!network.subnets().isEmpty()) {
      response(folder, ResponseKind.SUBNETS, sorted(network.subnets().values(), Subnet::id), PathWriter::subnet);
    }
    if (network.covers(Layer.NETWORK_ACLS)) {
      response(folder, ResponseKind.NETWORK_ACLS, sorted(network.networkAcls().values(), NetworkAcl::id),
          PathWriter::networkAcl);
    }
    if (network.covers(Layer.ROUTES)) {
      response(folder, ResponseKind.ROUTE_TABLES, sorted(network.routeTables().values(), RouteTable::id),
          PathWriter::routeTable);
    }
    List<InternetGateway> gateways = sorted(network.internetGateways().values(), InternetGateway::id);
    List<InternetGateway> igws = gateways.stream().filter(g -> !g.egressOnly()).toList();
    List<InternetGateway> eigws = gateways.stream().filter(InternetGateway::egressOnly).toList();
    if (!igws.isEmpty()) {
      response(folder, ResponseKind.INTERNET_GATEWAYS, igws, (g, x) -> internetGateway(g, x, "InternetGatewayId"));
    }
    if (!eigws.isEmpty()) {
      response(folder, ResponseKind.EGRESS_ONLY_INTERNET_GATEWAYS, eigws,
          (g, x) -> internetGateway(g, x, "EgressOnlyInternetGatewayId"));
    }
    if (!network.natGateways().isEmpty()) {
      response(folder, ResponseKind.NAT_GATEWAYS, sorted(network.natGateways().values(), NatGateway::id),
          PathWriter::natGateway);
    }
    if (!network.vpcEndpoints().isEmpty()) {
      response(folder, ResponseKind.VPC_ENDPOINTS, sorted(network.vpcEndpoints().values(), VpcEndpoint::id),
          PathWriter::vpcEndpoint);
    }
    if (!network.transitGateways().isEmpty()) {
      transitGateways(folder, sorted(network.transitGateways().values(), TransitGateway::id));
    }
  }

  // ---------------------------------------------------------------- subnets, ACLs, route tables

  private static void subnet(JsonGenerator g, Subnet s) throws IOException {
    List<Cidr> v4 = s.cidrs().stream().filter(Cidr::isIpv4).toList();
    if (v4.size() > 1) {
      throw new IllegalArgumentException(s.id() + " has " + v4.size() + " IPv4 blocks; an AWS subnet has one");
    }
    g.writeStartObject();
    g.writeStringField("SubnetId", s.id());
    g.writeStringField("VpcId", s.vpcId());
    optional(g, "OwnerId", s.ownerId());
    optional(g, "AvailabilityZone", s.availabilityZone());
    optional(g, "AvailabilityZoneId", s.availabilityZoneId());
    if (!v4.isEmpty()) {
      g.writeStringField("CidrBlock", v4.get(0).toCidrString());
    }
    g.writeArrayFieldStart("Ipv6CidrBlockAssociationSet");
    for (Cidr c : s.cidrs()) {
      if (c.isIpv6()) {
        g.writeStartObject();
        g.writeStringField("Ipv6CidrBlock", c.toCidrString());
        g.writeObjectFieldStart("Ipv6CidrBlockState");
        g.writeStringField("State", "associated");
        g.writeEndObject();
        g.writeEndObject();
      }
    }
    g.writeEndArray();
    g.writeEndObject();
  }

  /** An ACL with its entries in the model's order and its associations. */
  private static void networkAcl(JsonGenerator g, NetworkAcl acl) throws IOException {
    g.writeStartObject();
    g.writeStringField("NetworkAclId", acl.id());
    g.writeStringField("VpcId", acl.vpcId());
    optional(g, "OwnerId", acl.ownerId());
    g.writeBooleanField("IsDefault", acl.isDefault());
    g.writeArrayFieldStart("Associations");
    for (String subnet : acl.subnetIds()) {
      g.writeStartObject();
      g.writeStringField("NetworkAclId", acl.id());
      g.writeStringField("SubnetId", subnet);
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeArrayFieldStart("Entries");
    for (NetworkAcl.Entry e : acl.entries()) {
      aclEntry(g, e);
    }
    g.writeEndArray();
    g.writeEndObject();
  }

  /** An entry: {@code Protocol} as AWS's number, {@code PortRange} for TCP/UDP, {@code IcmpTypeCode} for ICMP. */
  private static void aclEntry(JsonGenerator g, NetworkAcl.Entry e) throws IOException {
    Ports p = e.ports();
    g.writeStartObject();
    g.writeNumberField("RuleNumber", e.ruleNumber());
    g.writeBooleanField("Egress", e.egress());
    g.writeStringField("Protocol", Integer.toString(p.protocol().number()));
    g.writeStringField("RuleAction", e.action().word());
    g.writeStringField(e.cidr().isIpv4() ? "CidrBlock" : "Ipv6CidrBlock", e.cidr().toCidrString());
    if (p.protocol().hasPorts()) {
      g.writeObjectFieldStart("PortRange");
      g.writeNumberField("From", p.from());
      g.writeNumberField("To", p.to());
      g.writeEndObject();
    } else if (p.protocol().isIcmp()) {
      g.writeObjectFieldStart("IcmpTypeCode");
      g.writeNumberField("Type", p.from());
      g.writeNumberField("Code", p.to());
      g.writeEndObject();
    }
    g.writeEndObject();
  }

  private static void routeTable(JsonGenerator g, RouteTable t) throws IOException {
    g.writeStartObject();
    g.writeStringField("RouteTableId", t.id());
    g.writeStringField("VpcId", t.vpcId());
    optional(g, "OwnerId", t.ownerId());
    g.writeArrayFieldStart("Associations");
    if (t.main()) {
      association(g, t.id(), null, null, true);
    }
    for (String subnet : t.subnetIds()) {
      association(g, t.id(), subnet, null, false);
    }
    for (String gateway : t.gatewayIds()) {
      association(g, t.id(), null, gateway, false);
    }
    g.writeEndArray();
    g.writeArrayFieldStart("Routes");
    for (RouteTable.Route r : t.routes()) {
      route(g, r);
    }
    g.writeEndArray();
    g.writeEndObject();
  }

  private static void association(JsonGenerator g, String tableId, String subnet, String gateway, boolean main)
      throws IOException {
    g.writeStartObject();
    g.writeBooleanField("Main", main);
    g.writeStringField("RouteTableId", tableId);
    optional(g, "SubnetId", subnet);
    optional(g, "GatewayId", gateway);
    g.writeObjectFieldStart("AssociationState");
    g.writeStringField("State", "associated");
    g.writeEndObject();
    g.writeEndObject();
  }

  private static void route(JsonGenerator g, RouteTable.Route r) throws IOException {
    g.writeStartObject();
    if (r.destination().isPresent()) {
      Cidr c = r.destination().get();
      g.writeStringField(c.isIpv4() ? "DestinationCidrBlock" : "DestinationIpv6CidrBlock", c.toCidrString());
    } else {
      g.writeStringField("DestinationPrefixListId", r.prefixListId().get());
    }
    String field = targetField(r.target().kind());
    if (field != null) {
      g.writeStringField(field, r.target().id());
    }
    g.writeStringField("Origin", switch (r.origin()) {
      case CREATE_ROUTE_TABLE -> "CreateRouteTable";
      case CREATE_ROUTE -> "CreateRoute";
      case ENABLE_VGW_ROUTE_PROPAGATION -> "EnableVgwRoutePropagation";
    });
    g.writeStringField("State", r.state() == RouteTable.State.ACTIVE ? "active" : "blackhole");
    g.writeEndObject();
  }

  /** The {@code Routes[]} field Describe names a target of this kind in; null for none. */
  static String targetField(RouteTarget.Kind kind) {
    return switch (kind) {
      case LOCAL, INTERNET_GATEWAY, VIRTUAL_PRIVATE_GATEWAY, VPC_ENDPOINT -> "GatewayId";
      case EGRESS_ONLY_INTERNET_GATEWAY -> "EgressOnlyInternetGatewayId";
      case NAT_GATEWAY -> "NatGatewayId";
      case VPC_PEERING -> "VpcPeeringConnectionId";
      case TRANSIT_GATEWAY -> "TransitGatewayId";
      case NETWORK_INTERFACE -> "NetworkInterfaceId";
      case INSTANCE -> "InstanceId";
      case CARRIER_GATEWAY -> "CarrierGatewayId";
      case LOCAL_GATEWAY -> "LocalGatewayId";
      case CORE_NETWORK -> "CoreNetworkArn";
      case NONE -> null;
    };
  }

  // ---------------------------------------------------------------- gateways and endpoints

  private static void internetGateway(JsonGenerator g, InternetGateway gw, String idField) throws IOException {
    g.writeStartObject();
    g.writeStringField(idField, gw.id());
    optional(g, "OwnerId", gw.ownerId());
    g.writeArrayFieldStart("Attachments");
    for (InternetGateway.Attachment a : gw.attachments()) {
      g.writeStartObject();
      optional(g, "State", a.state());
      g.writeStringField("VpcId", a.vpcId());
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeEndObject();
  }

  private static void natGateway(JsonGenerator g, NatGateway n) throws IOException {
    g.writeStartObject();
    g.writeStringField("NatGatewayId", n.id());
    optional(g, "VpcId", n.vpcId());
    g.writeStringField("SubnetId", n.subnetId());
    optional(g, "State", n.state());
    g.writeStringField("ConnectivityType", n.privateConnectivity() ? "private" : "public");
    g.writeArrayFieldStart("NatGatewayAddresses");
    for (NatGateway.Address a : n.addresses()) {
      g.writeStartObject();
      g.writeStringField("PrivateIp", a.privateIp().addressString());
      if (a.publicIp().isPresent()) {
        g.writeStringField("PublicIp", a.publicIp().get().addressString());
      }
      optional(g, "NetworkInterfaceId", a.networkInterfaceId());
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeEndObject();
  }

  private static void vpcEndpoint(JsonGenerator g, VpcEndpoint e) throws IOException {
    g.writeStartObject();
    g.writeStringField("VpcEndpointId", e.id());
    g.writeStringField("VpcEndpointType", switch (e.type()) {
      case GATEWAY -> "Gateway";
      case INTERFACE -> "Interface";
      case GATEWAY_LOAD_BALANCER -> "GatewayLoadBalancer";
      case OTHER -> "Other";
    });
    optional(g, "VpcId", e.vpcId());
    optional(g, "ServiceName", e.serviceName());
    optional(g, "State", e.state());
    strings(g, "RouteTableIds", e.routeTableIds());
    strings(g, "SubnetIds", e.subnetIds());
    strings(g, "NetworkInterfaceIds", e.networkInterfaceIds());
    g.writeArrayFieldStart("Groups");
    for (String id : e.groupIds()) {
      g.writeStartObject();
      g.writeStringField("GroupId", id);
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeEndObject();
  }

  // ---------------------------------------------------------------- transit gateways

  private record Owned<T>(TransitGateway gateway, T item) {}

  private static void transitGateways(Path folder, List<TransitGateway> gateways) {
    response(folder, ResponseKind.TRANSIT_GATEWAYS, gateways, PathWriter::transitGateway);
    List<Owned<TransitGateway.Attachment>> attachments = new ArrayList<>();
    List<Owned<TransitGateway.RouteTable>> tables = new ArrayList<>();
    for (TransitGateway gw : gateways) {
      gw.attachments().forEach(a -> attachments.add(new Owned<>(gw, a)));
      gw.routeTables().forEach(t -> tables.add(new Owned<>(gw, t)));
    }
    response(folder, ResponseKind.TRANSIT_GATEWAY_ATTACHMENTS, attachments, PathWriter::attachment);
    response(folder, ResponseKind.TRANSIT_GATEWAY_VPC_ATTACHMENTS,
        attachments.stream().filter(o -> o.item().isVpc()).toList(), PathWriter::vpcAttachment);
    response(folder, ResponseKind.TRANSIT_GATEWAY_ROUTE_TABLES, tables, (g, o) -> {
      g.writeStartObject();
      g.writeStringField("TransitGatewayRouteTableId", o.item().id());
      g.writeStringField("TransitGatewayId", o.gateway().id());
      g.writeStringField("State", "available");
      g.writeEndObject();
    });
    for (Owned<TransitGateway.RouteTable> o : tables) {
      TransitGateway.RouteTable t = o.item();
      if (t.propagationsKnown()) {
        perTable(folder, ResponseKind.TRANSIT_GATEWAY_ROUTE_TABLE_PROPAGATIONS, t.id(), g -> {
          g.writeArrayFieldStart(ResponseKind.TRANSIT_GATEWAY_ROUTE_TABLE_PROPAGATIONS.resultField());
          for (String attachmentId : t.propagations()) {
            Optional<TransitGateway.Attachment> a = o.gateway().attachment(attachmentId);
            g.writeStartObject();
            g.writeStringField("TransitGatewayAttachmentId", attachmentId);
            optional(g, "ResourceId", a.map(TransitGateway.Attachment::resourceId).orElse(""));
            optional(g, "ResourceType", a.map(TransitGateway.Attachment::resourceType).orElse(""));
            g.writeStringField("State", "enabled");
            g.writeEndObject();
          }
          g.writeEndArray();
        });
      }
      perTable(folder, ResponseKind.TRANSIT_GATEWAY_STATIC_ROUTES, t.id(),
          g -> routes(g, t.staticRoutes(), !t.staticRoutesComplete()));
      if (t.propagatedRoutes().isPresent()) {
        perTable(folder, ResponseKind.TRANSIT_GATEWAY_PROPAGATED_ROUTES, t.id(),
            g -> routes(g, t.propagatedRoutes().get(), false));
      }
    }
  }

  private static void perTable(Path folder, ResponseKind kind, String tableId, SnapshotWriter.Body body) {
    document(folder.resolve(kind.fileName()).resolve(tableId + ".json"), body);
  }

  private static void transitGateway(JsonGenerator g, TransitGateway gw) throws IOException {
    g.writeStartObject();
    g.writeStringField("TransitGatewayId", gw.id());
    optional(g, "OwnerId", gw.ownerId());
    optional(g, "State", gw.state());
    if (gw.securityGroupReferencing().isPresent()) {
      g.writeObjectFieldStart("Options");
      g.writeStringField("SecurityGroupReferencingSupport", enable(gw.securityGroupReferencing().get()));
      g.writeEndObject();
    }
    g.writeEndObject();
  }

  private static void attachment(JsonGenerator g, Owned<TransitGateway.Attachment> o) throws IOException {
    TransitGateway.Attachment a = o.item();
    g.writeStartObject();
    g.writeStringField("TransitGatewayAttachmentId", a.id());
    g.writeStringField("TransitGatewayId", o.gateway().id());
    optional(g, "TransitGatewayOwnerId", o.gateway().ownerId());
    optional(g, "ResourceType", a.resourceType());
    optional(g, "ResourceId", a.resourceId());
    optional(g, "ResourceOwnerId", a.resourceOwnerId());
    optional(g, "State", a.state());
    if (a.routeTableId().isPresent()) {
      g.writeObjectFieldStart("Association");
      g.writeStringField("TransitGatewayRouteTableId", a.routeTableId().get());
      g.writeStringField("State", "associated");
      g.writeEndObject();
    }
    g.writeEndObject();
  }

  private static void vpcAttachment(JsonGenerator g, Owned<TransitGateway.Attachment> o) throws IOException {
    TransitGateway.Attachment a = o.item();
    g.writeStartObject();
    g.writeStringField("TransitGatewayAttachmentId", a.id());
    g.writeStringField("TransitGatewayId", o.gateway().id());
    g.writeStringField("VpcId", a.resourceId());
    optional(g, "VpcOwnerId", a.resourceOwnerId());
    optional(g, "State", a.state());
    strings(g, "SubnetIds", a.subnetIds());
    g.writeObjectFieldStart("Options");
    g.writeStringField("Ipv6Support", enable(a.ipv6Support()));
    if (a.securityGroupReferencing().isPresent()) {
      g.writeStringField("SecurityGroupReferencingSupport", enable(a.securityGroupReferencing().get()));
    }
    if (a.applianceMode().isPresent()) {
      g.writeStringField("ApplianceModeSupport", enable(a.applianceMode().get()));
    }
    g.writeEndObject();
    g.writeEndObject();
  }

  /** A search-transit-gateway-routes answer: the routes, and whether AWS held more back. */
  private static void routes(JsonGenerator g, List<TransitGateway.Route> routes, boolean more) throws IOException {
    g.writeArrayFieldStart("Routes");
    for (TransitGateway.Route r : routes) {
      g.writeStartObject();
      g.writeStringField("DestinationCidrBlock", r.destination().toCidrString());
      g.writeArrayFieldStart("TransitGatewayAttachments");
      for (String id : r.attachmentIds()) {
        g.writeStartObject();
        g.writeStringField("TransitGatewayAttachmentId", id);
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeStringField("Type", r.propagated() ? "propagated" : "static");
      g.writeStringField("State", r.blackhole() ? "blackhole" : "active");
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeBooleanField("AdditionalRoutesAvailable", more);
  }

  private static String enable(boolean on) {
    return on ? "enable" : "disable";
  }
}
