package dev.sgreach.aws;

import dev.sgreach.model.Network;
import dev.sgreach.snapshot.AwsValues;
import dev.sgreach.snapshot.Location;
import dev.sgreach.snapshot.NetworkAssembler;
import dev.sgreach.snapshot.ResponseKind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import software.amazon.awssdk.services.ec2.model.EgressOnlyInternetGateway;
import software.amazon.awssdk.services.ec2.model.InternetGateway;
import software.amazon.awssdk.services.ec2.model.ManagedPrefixList;
import software.amazon.awssdk.services.ec2.model.NatGateway;
import software.amazon.awssdk.services.ec2.model.NetworkAcl;
import software.amazon.awssdk.services.ec2.model.NetworkInterface;
import software.amazon.awssdk.services.ec2.model.PrefixListEntry;
import software.amazon.awssdk.services.ec2.model.RouteTable;
import software.amazon.awssdk.services.ec2.model.SecurityGroup;
import software.amazon.awssdk.services.ec2.model.SecurityGroupRule;
import software.amazon.awssdk.services.ec2.model.Subnet;
import software.amazon.awssdk.services.ec2.model.TransitGateway;
import software.amazon.awssdk.services.ec2.model.TransitGatewayAttachment;
import software.amazon.awssdk.services.ec2.model.TransitGatewayRoute;
import software.amazon.awssdk.services.ec2.model.TransitGatewayRouteTable;
import software.amazon.awssdk.services.ec2.model.TransitGatewayRouteTablePropagation;
import software.amazon.awssdk.services.ec2.model.TransitGatewayVpcAttachment;
import software.amazon.awssdk.services.ec2.model.Vpc;
import software.amazon.awssdk.services.ec2.model.VpcEndpoint;
import software.amazon.awssdk.services.ec2.model.VpcPeeringConnection;
import software.amazon.awssdk.services.eks.model.Cluster;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.LoadBalancer;

/**
 * The AWS SDK objects of one complete load, as the API returned them: what the live loader collects and what
 * {@link SdkMapping} maps. It is mapped through {@link SdkShapes} into the snapshot module's
 * {@link NetworkAssembler}, the same assembly saved CLI JSON goes through.
 */
final class AwsInventory {
  final List<SecurityGroup> groups = new ArrayList<>();
  final List<SecurityGroupRule> rules = new ArrayList<>();
  final List<NetworkInterface> interfaces = new ArrayList<>();
  final List<Vpc> vpcs = new ArrayList<>();
  final List<VpcPeeringConnection> peerings = new ArrayList<>();
  final List<ManagedPrefixList> prefixLists = new ArrayList<>();
  /** Entries by prefix list id, for the lists whose entries were collected. */
  final Map<String, List<PrefixListEntry>> entries = new LinkedHashMap<>();
  final List<Cluster> clusters = new ArrayList<>();
  final List<LoadBalancer> loadBalancers = new ArrayList<>();
  /** Every load balancer's listeners (describe-listeners per load balancer), or null when not collected. */
  List<software.amazon.awssdk.services.elasticloadbalancingv2.model.Listener> listeners;
  final List<software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetGroup> targetGroups =
      new ArrayList<>();
  /** Per target group: its attributes (describe-target-group-attributes). */
  final Map<String, List<software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetGroupAttribute>>
      targetGroupAttributes = new LinkedHashMap<>();
  /** Per target group: its registered targets (describe-target-health). */
  final Map<String, List<software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetHealthDescription>>
      targetHealth = new LinkedHashMap<>();
  /** True when the packet path was loaded: then its responses count as read, even empty ones. */
  boolean pathLoaded;
  final List<Subnet> subnets = new ArrayList<>();
  final List<NetworkAcl> networkAcls = new ArrayList<>();
  final List<RouteTable> routeTables = new ArrayList<>();
  final List<InternetGateway> internetGateways = new ArrayList<>();
  final List<EgressOnlyInternetGateway> egressOnlyGateways = new ArrayList<>();
  final List<NatGateway> natGateways = new ArrayList<>();
  final List<VpcEndpoint> vpcEndpoints = new ArrayList<>();
  final List<TransitGateway> transitGateways = new ArrayList<>();
  final List<TransitGatewayAttachment> transitGatewayAttachments = new ArrayList<>();
  final List<TransitGatewayVpcAttachment> transitGatewayVpcAttachments = new ArrayList<>();
  final List<TransitGatewayRouteTable> transitGatewayRouteTables = new ArrayList<>();
  /** Per transit gateway route table: its propagations. */
  final Map<String, List<TransitGatewayRouteTablePropagation>> propagations = new LinkedHashMap<>();
  /** Per transit gateway route table: its static routes, and whether AWS returned them all. */
  final Map<String, TableRoutes> staticRoutes = new LinkedHashMap<>();
  /** Per transit gateway route table: its propagated routes, and whether AWS returned them all. */
  final Map<String, TableRoutes> propagatedRoutes = new LinkedHashMap<>();

  /** The routes one search-transit-gateway-routes call returned, over every page. */
  record TableRoutes(List<TransitGatewayRoute> routes, boolean complete) {}

  private final String source;

  /**
   * @param source how errors name where the items came from, e.g. {@code us-east-1} for a live load; each item's
   *     location reads {@code ec2:DescribeSecurityGroups (us-east-1): $.SecurityGroups[3]}
   */
  AwsInventory(String source) {
    this.source = source;
  }

  /** Maps everything into one network. */
  Network toNetwork() {
    NetworkAssembler a = new NetworkAssembler();
    each(groups, LiveCalls.DESCRIBE_SECURITY_GROUPS, ResponseKind.SECURITY_GROUPS,
        (g, at) -> a.securityGroup(SdkShapes.toModel(g, at), () -> SdkShapes.permissions(g, at), at));
    each(rules, LiveCalls.DESCRIBE_SECURITY_GROUP_RULES, ResponseKind.SECURITY_GROUP_RULES,
        (r, at) -> a.securityGroupRule(r.groupId(), r.groupOwnerId(), SdkShapes.toModel(r, at), at));
    each(interfaces, LiveCalls.DESCRIBE_NETWORK_INTERFACES, ResponseKind.NETWORK_INTERFACES,
        (e, at) -> a.networkInterface(SdkShapes.toModel(e, at), at));
    each(vpcs, LiveCalls.DESCRIBE_VPCS, ResponseKind.VPCS, (v, at) -> a.vpc(SdkShapes.toModel(v, at), at));
    each(peerings, LiveCalls.DESCRIBE_VPC_PEERING_CONNECTIONS, ResponseKind.VPC_PEERING_CONNECTIONS,
        (p, at) -> a.peering(SdkShapes.toModel(p, at), at));
    each(prefixLists, LiveCalls.DESCRIBE_MANAGED_PREFIX_LISTS, ResponseKind.MANAGED_PREFIX_LISTS,
        (l, at) -> a.managedPrefixList(l.prefixListId(), l.prefixListName(), at));
    entries.forEach((id, list) -> {
      Location at = root(LiveCalls.GET_MANAGED_PREFIX_LIST_ENTRIES + " " + id).field("Entries");
      a.prefixListEntries(id, SdkShapes.entries(list, at), at);
    });
    for (Cluster c : clusters) {
      Location at = root(LiveCalls.DESCRIBE_CLUSTER + " " + c.name()).field("cluster");
      a.eksCluster(SdkShapes.toModel(c, at), at);
    }
    each(loadBalancers, LiveCalls.DESCRIBE_LOAD_BALANCERS, ResponseKind.LOAD_BALANCERS,
        (lb, at) -> a.loadBalancer(SdkShapes.toModel(lb, at), at));
    balancing(a);
    if (pathLoaded) {
      path(a);
    }
    return a.build();
  }

  /** Listeners (marked read when collected: every load balancer's are then known), target groups, their parts. */
  private void balancing(NetworkAssembler a) {
    if (listeners != null) {
      a.responseRead(ResponseKind.LISTENERS);
      each(listeners, LiveCalls.DESCRIBE_LISTENERS, ResponseKind.LISTENERS,
          (l, at) -> a.balancers().listener(SdkShapes.toModel(l, at), at));
    }
    each(targetGroups, LiveCalls.DESCRIBE_TARGET_GROUPS, ResponseKind.TARGET_GROUPS,
        (g, at) -> a.balancers().targetGroup(SdkShapes.toModel(g, at), at));
    targetGroupAttributes.forEach((arn, list) -> {
      Location at = root(LiveCalls.DESCRIBE_TARGET_GROUP_ATTRIBUTES + " " + arn).field("Attributes");
      a.balancers().attributes(arn, SdkShapes.preserveClientIp(list, at), at);
    });
    targetHealth.forEach((arn, list) -> {
      Location at = root(LiveCalls.DESCRIBE_TARGET_HEALTH + " " + arn).field("TargetHealthDescriptions");
      a.balancers().targets(arn, SdkShapes.targets(list, at), at);
    });
  }

  /** The packet path's responses, each marked read (an empty one still covers its layer). */
  private void path(NetworkAssembler a) {
    for (ResponseKind kind : List.of(ResponseKind.SUBNETS, ResponseKind.NETWORK_ACLS, ResponseKind.ROUTE_TABLES,
        ResponseKind.INTERNET_GATEWAYS, ResponseKind.EGRESS_ONLY_INTERNET_GATEWAYS, ResponseKind.NAT_GATEWAYS,
        ResponseKind.VPC_ENDPOINTS, ResponseKind.TRANSIT_GATEWAYS, ResponseKind.TRANSIT_GATEWAY_ATTACHMENTS,
        ResponseKind.TRANSIT_GATEWAY_VPC_ATTACHMENTS, ResponseKind.TRANSIT_GATEWAY_ROUTE_TABLES)) {
      a.responseRead(kind);
    }
    each(subnets, LiveCalls.DESCRIBE_SUBNETS, ResponseKind.SUBNETS,
        (x, at) -> a.subnet(SdkPathShapes.toModel(x, at), at));
    each(networkAcls, LiveCalls.DESCRIBE_NETWORK_ACLS, ResponseKind.NETWORK_ACLS,
        (x, at) -> a.networkAcl(SdkPathShapes.toModel(x, at), at));
    each(routeTables, LiveCalls.DESCRIBE_ROUTE_TABLES, ResponseKind.ROUTE_TABLES,
        (x, at) -> a.routeTable(SdkPathShapes.toModel(x, at), at));
    each(internetGateways, LiveCalls.DESCRIBE_INTERNET_GATEWAYS, ResponseKind.INTERNET_GATEWAYS,
        (x, at) -> a.internetGateway(SdkPathShapes.toModel(x, at), at));
    each(egressOnlyGateways, LiveCalls.DESCRIBE_EGRESS_ONLY_INTERNET_GATEWAYS,
        ResponseKind.EGRESS_ONLY_INTERNET_GATEWAYS, (x, at) -> a.internetGateway(SdkPathShapes.toModel(x, at), at));
    each(natGateways, LiveCalls.DESCRIBE_NAT_GATEWAYS, ResponseKind.NAT_GATEWAYS,
        (x, at) -> a.natGateway(SdkPathShapes.toModel(x, at), at));
    each(vpcEndpoints, LiveCalls.DESCRIBE_VPC_ENDPOINTS, ResponseKind.VPC_ENDPOINTS,
        (x, at) -> a.vpcEndpoint(SdkPathShapes.toModel(x, at), at));
    each(transitGateways, LiveCalls.DESCRIBE_TRANSIT_GATEWAYS, ResponseKind.TRANSIT_GATEWAYS,
        (g, at) -> a.transitGateway(at.field("TransitGatewayId").require(g.transitGatewayId()), g.ownerId(),
            g.stateAsString(), g.options() == null ? Optional.empty() : Optional.ofNullable(
                g.options().securityGroupReferencingSupportAsString()).map(dev.sgreach.snapshot.AwsValues::enabled),
            at));
    each(transitGatewayAttachments, LiveCalls.DESCRIBE_TRANSIT_GATEWAY_ATTACHMENTS,
        ResponseKind.TRANSIT_GATEWAY_ATTACHMENTS, (x, at) -> a.transitGatewayAttachment(x.transitGatewayId(),
            x.transitGatewayOwnerId(), SdkPathShapes.toModel(x, at), at));
    each(transitGatewayVpcAttachments, LiveCalls.DESCRIBE_TRANSIT_GATEWAY_VPC_ATTACHMENTS,
        ResponseKind.TRANSIT_GATEWAY_VPC_ATTACHMENTS, (x, at) -> a.transitGatewayVpcAttachment(
            x.transitGatewayId(), SdkPathShapes.toModel(x, at), at));
    each(transitGatewayRouteTables, LiveCalls.DESCRIBE_TRANSIT_GATEWAY_ROUTE_TABLES,
        ResponseKind.TRANSIT_GATEWAY_ROUTE_TABLES, (x, at) -> a.transitGatewayRouteTable(
            at.field("TransitGatewayId").require(x.transitGatewayId()),
            at.field("TransitGatewayRouteTableId").require(x.transitGatewayRouteTableId()), x.stateAsString(), at));
    propagations.forEach((table, list) -> {
      Location at = root(LiveCalls.GET_TRANSIT_GATEWAY_ROUTE_TABLE_PROPAGATIONS + " " + table)
          .field(ResponseKind.TRANSIT_GATEWAY_ROUTE_TABLE_PROPAGATIONS.resultField());
      for (int i = 0; i < list.size(); i++) {
        TransitGatewayRouteTablePropagation p = list.get(i);
        Location el = at.index(i);
        String attachment = el.field("TransitGatewayAttachmentId").require(p.transitGatewayAttachmentId());
        if (AwsValues.propagationEnabled(p.stateAsString())) {
          a.transitGatewayPropagation(table, attachment, el);
        }
      }
      a.transitGatewayPropagationsRead(table, at);
    });
    routes(a, staticRoutes, false);
    routes(a, propagatedRoutes, true);
  }

  private void routes(NetworkAssembler a, Map<String, TableRoutes> byTable, boolean propagated) {
    byTable.forEach((table, found) -> {
      Location at = root(LiveCalls.SEARCH_TRANSIT_GATEWAY_ROUTES + " " + table + (propagated ? " type=propagated"
          : " type=static")).field("Routes");
      for (int i = 0; i < found.routes().size(); i++) {
        TransitGatewayRoute r = found.routes().get(i);
        Location el = at.index(i);
        if (AwsValues.isPrefixListRoute(r.destinationCidrBlock(), r.prefixListId())) {
          a.transitGatewayRouteUnknown(table, propagated, "a route to prefix list " + r.prefixListId(), el);
        } else {
          SdkPathShapes.toModel(r, el).ifPresent(route -> a.transitGatewayRoute(table, route, el));
        }
      }
      a.transitGatewayRoutesRead(table, propagated, found.complete(), at);
    });
  }

  private <T> void each(List<T> items, String action, ResponseKind kind, BiConsumer<T, Location> sink) {
    Location at = root(action).field(kind.resultField());
    for (int i = 0; i < items.size(); i++) {
      sink.accept(items.get(i), at.index(i));
    }
  }

  private Location root(String call) {
    return Location.root(source.isEmpty() ? call : call + " (" + source + ")");
  }
}
