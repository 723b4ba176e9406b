package dev.sgreach.aws;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkState;
import static java.util.Objects.requireNonNull;

import dev.sgreach.model.AwsId;
import dev.sgreach.model.Network;
import dev.sgreach.snapshot.SnapshotException;
import dev.sgreach.snapshot.Snapshots;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.DescribeEgressOnlyInternetGatewaysResponse;
import software.amazon.awssdk.services.ec2.model.DescribeInternetGatewaysResponse;
import software.amazon.awssdk.services.ec2.model.DescribeManagedPrefixListsResponse;
import software.amazon.awssdk.services.ec2.model.DescribeNatGatewaysResponse;
import software.amazon.awssdk.services.ec2.model.DescribeNetworkAclsResponse;
import software.amazon.awssdk.services.ec2.model.DescribeNetworkInterfacesResponse;
import software.amazon.awssdk.services.ec2.model.DescribeSecurityGroupRulesResponse;
import software.amazon.awssdk.services.ec2.model.DescribeSecurityGroupsResponse;
import software.amazon.awssdk.services.ec2.model.DescribeVpcPeeringConnectionsResponse;
import software.amazon.awssdk.services.ec2.model.DescribeRouteTablesResponse;
import software.amazon.awssdk.services.ec2.model.DescribeSubnetsResponse;
import software.amazon.awssdk.services.ec2.model.DescribeTransitGatewayAttachmentsResponse;
import software.amazon.awssdk.services.ec2.model.DescribeTransitGatewayRouteTablesResponse;
import software.amazon.awssdk.services.ec2.model.DescribeTransitGatewayVpcAttachmentsResponse;
import software.amazon.awssdk.services.ec2.model.DescribeTransitGatewaysResponse;
import software.amazon.awssdk.services.ec2.model.DescribeVpcEndpointsResponse;
import software.amazon.awssdk.services.ec2.model.DescribeVpcsResponse;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.GetManagedPrefixListEntriesResponse;
import software.amazon.awssdk.services.ec2.model.GetTransitGatewayRouteTablePropagationsResponse;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.ec2.model.ManagedPrefixList;
import software.amazon.awssdk.services.ec2.model.PrefixListId;
import software.amazon.awssdk.services.ec2.model.SecurityGroup;
import software.amazon.awssdk.services.ec2.model.SecurityGroupRule;
import software.amazon.awssdk.services.ec2.model.TransitGatewayAttachment;
import software.amazon.awssdk.services.ec2.model.TransitGatewayRoute;
import software.amazon.awssdk.services.ec2.model.TransitGatewayRouteTable;
import software.amazon.awssdk.services.ec2.model.VpcPeeringConnectionVpcInfo;
import software.amazon.awssdk.services.eks.EksClient;
import software.amazon.awssdk.services.eks.model.Cluster;
import software.amazon.awssdk.services.eks.model.ListClustersResponse;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DescribeListenersResponse;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DescribeLoadBalancersResponse;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DescribeTargetGroupsResponse;

/**
 * Loads one region of a live AWS account into a {@link Network}, read-only, complete or not at all.
 *
 * <pre>{@code
 * try (LiveLoader loader = LiveLoader.builder().region("us-east-1").vpcIds("vpc-0a1b").build()) {
 *   Network network = loader.load();
 * }
 * }</pre>
 *
 * <p>It calls only {@code Describe*}, {@code Get*} and {@code List*} operations ({@code docs/iam-policy.json} is the
 * policy they need): security groups and their rules (with {@code sgr-} ids), network interfaces, VPCs, VPC
 * peerings, managed prefix lists with the entries of every list a rule or route references, EKS clusters, ELBv2 load
 * balancers, and the packet path (subnets, network ACLs, route tables, internet, egress-only and NAT gateways, VPC
 * endpoints, transit gateways with their attachments, route tables, propagations and routes; {@link
 * Builder#withoutPath} leaves it out). Every paginator is followed to its last page. A load is complete or it fails with a
 * {@link LiveLoadException} (denied, still failing after the retries, unreachable) naming the IAM action and the
 * region, and access denied names the permission to grant: a half-loaded network is never returned nor written, so
 * a "denied" verdict never comes from a page that did not load.
 *
 * <p><b>Clients.</b> Clients given to the builder ({@link Builder#ec2(Ec2Client)}, ...) belong to the caller: the
 * loader uses them as they are configured (retries included) and never closes them. Clients it builds itself use
 * the default credential and region chains (or {@link Builder#profile}, {@link Builder#region},
 * {@link Builder#credentials}), {@link UrlConnectionHttpClient}, and the SDK's adaptive retry mode (client-side rate
 * limiting on throttling) with {@link Builder#maxAttempts} attempts per call; a {@link Builder#customizer} can change
 * anything else. They are built on the first load and closed by {@link #close()}.
 *
 * <p>Progress goes to a {@link LoadListener}; logging goes through SLF4J at debug level. Credentials never appear
 * in messages or logs.
 */
public final class LiveLoader implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(LiveLoader.class);
  /** Values per filter in one describe-security-group-rules call. */
  private static final int GROUP_IDS_PER_CALL = 200;

  private final Builder config;
  private Clients clients;
  private boolean closed;

  private LiveLoader(Builder config) {
    this.config = config;
  }

  /** A builder with the defaults: default chains, every service, no filter, 3 attempts, pages of 1000. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Loads the region.
   *
   * @throws LiveLoadException when a call is denied, still fails after the retries, or cannot be made
   * @throws SnapshotException when AWS returned a value sgreach cannot map, naming the call and the JSON path
   */
  public synchronized Network load() {
    return collect().toNetwork();
  }

  /**
   * Loads the region and writes it to {@code folder} as a snapshot folder through the snapshot module's writer
   * ({@link Snapshots#write}: plain AWS CLI JSON, one file per operation), so that {@code Snapshots.read(folder)}
   * gives an equal network. Nothing is written unless the whole load succeeded. What the model does not keep (time
   * stamps, a cluster's version, ARNs the analysis never uses) is not written.
   *
   * @throws LiveLoadException when a call is denied, still fails after the retries, or cannot be made
   */
  public synchronized Network loadTo(Path folder) {
    requireNonNull(folder, "folder");
    Network network = collect().toNetwork();
    Snapshots.write(network, folder);
    return network;
  }

  /** Closes the clients this loader built; clients given to the builder are left open. */
  @Override
  public synchronized void close() {
    closed = true;
    if (clients != null) {
      clients.close();
      clients = null;
    }
  }

  private AwsInventory collect() {
    checkState(!closed, "this LiveLoader is closed");
    if (clients == null) {
      clients = Clients.open(config);
    }
    Clients c = clients;
    String region = c.region.id();
    LiveCalls calls = new LiveCalls(region, config.listener);
    AwsInventory inventory = new AwsInventory(region);
    Set<String> vpcs = new TreeSet<>(config.vpcIds);

    if (config.eks) {
      List<String> names = config.cluster != null ? List.of(config.cluster)
          : calls.pages(LiveCalls.LIST_CLUSTERS, () -> c.eks.listClustersPaginator(r -> r.maxResults(
              pageSize(1, 100))), ListClustersResponse::clusters);
      List<Cluster> clusters = new ArrayList<>();
      for (String name : names) {
        clusters.add(calls.call(LiveCalls.DESCRIBE_CLUSTER, () -> c.eks.describeCluster(r -> r.name(name))
            .cluster()));
      }
      if (config.cluster != null && vpcs.isEmpty()) {
        String vpc = clusters.get(0).resourcesVpcConfig() == null ? null
            : clusters.get(0).resourcesVpcConfig().vpcId();
        if (vpc == null) {
          LOG.warn("EKS cluster {} names no VPC: loading the whole region", config.cluster);
        } else {
          vpcs.add(vpc);
        }
      }
      clusters.stream().filter(cl -> in(vpcs, cl.resourcesVpcConfig() == null ? null
          : cl.resourcesVpcConfig().vpcId())).forEach(inventory.clusters::add);
    }

    List<Filter> scope = new ArrayList<>();
    if (!vpcs.isEmpty()) {
      scope.add(filter("vpc-id", vpcs));
    }
    config.tags.forEach((k, v) -> scope.add(filter("tag:" + k, List.of(v))));
    int ec2Page = pageSize(5, 1000);

    inventory.groups.addAll(calls.pages(LiveCalls.DESCRIBE_SECURITY_GROUPS, () -> c.ec2
        .describeSecurityGroupsPaginator(r -> r.filters(orNull(scope)).maxResults(ec2Page)),
        DescribeSecurityGroupsResponse::securityGroups));
    List<String> groupIds = inventory.groups.stream().map(SecurityGroup::groupId).distinct().toList();
    for (int i = 0; i < groupIds.size(); i += GROUP_IDS_PER_CALL) {
      List<String> batch = groupIds.subList(i, Math.min(groupIds.size(), i + GROUP_IDS_PER_CALL));
      inventory.rules.addAll(calls.pages(LiveCalls.DESCRIBE_SECURITY_GROUP_RULES, () -> c.ec2
          .describeSecurityGroupRulesPaginator(r -> r.filters(filter("group-id", batch)).maxResults(ec2Page)),
          DescribeSecurityGroupRulesResponse::securityGroupRules).stream()
          .filter(rule -> batch.contains(rule.groupId())).toList());
    }
    inventory.interfaces.addAll(calls.pages(LiveCalls.DESCRIBE_NETWORK_INTERFACES, () -> c.ec2
        .describeNetworkInterfacesPaginator(r -> r.filters(orNull(scope)).maxResults(ec2Page)),
        DescribeNetworkInterfacesResponse::networkInterfaces));
    List<Filter> vpcScope = vpcs.isEmpty() ? null : List.of(filter("vpc-id", vpcs));
    inventory.vpcs.addAll(calls.pages(LiveCalls.DESCRIBE_VPCS, () -> c.ec2
        .describeVpcsPaginator(r -> r.filters(vpcScope).maxResults(ec2Page)), DescribeVpcsResponse::vpcs));
    requireEveryVpc(vpcs, inventory, region);
    calls.pages(LiveCalls.DESCRIBE_VPC_PEERING_CONNECTIONS, () -> c.ec2.describeVpcPeeringConnectionsPaginator(
            r -> r.maxResults(ec2Page)), DescribeVpcPeeringConnectionsResponse::vpcPeeringConnections).stream()
        .filter(p -> in(vpcs, vpcOf(p.requesterVpcInfo())) || in(vpcs, vpcOf(p.accepterVpcInfo())))
        .forEach(inventory.peerings::add);

    int listPage = pageSize(1, 100);
    inventory.prefixLists.addAll(calls.pages(LiveCalls.DESCRIBE_MANAGED_PREFIX_LISTS, () -> c.ec2
        .describeManagedPrefixListsPaginator(r -> r.maxResults(listPage)),
        DescribeManagedPrefixListsResponse::prefixLists));
    Set<String> referenced = referencedPrefixLists(inventory);
    for (ManagedPrefixList list : inventory.prefixLists) {
      String id = list.prefixListId();
      if (referenced.contains(id)) {
        inventory.entries.put(id, calls.pages(LiveCalls.GET_MANAGED_PREFIX_LIST_ENTRIES, () -> c.ec2
            .getManagedPrefixListEntriesPaginator(r -> r.prefixListId(id).maxResults(listPage)),
            GetManagedPrefixListEntriesResponse::entries));
      }
    }

    if (config.path) {
      collectPath(calls, c, inventory, vpcs, ec2Page);
      referencedByRoutes(inventory).stream().filter(id -> !inventory.entries.containsKey(id)).forEach(id -> {
        if (inventory.prefixLists.stream().anyMatch(l -> id.equals(l.prefixListId()))) {
          inventory.entries.put(id, calls.pages(LiveCalls.GET_MANAGED_PREFIX_LIST_ENTRIES, () -> c.ec2
              .getManagedPrefixListEntriesPaginator(r -> r.prefixListId(id).maxResults(listPage)),
              GetManagedPrefixListEntriesResponse::entries));
        }
      });
    }

    if (config.loadBalancers) {
      calls.pages(LiveCalls.DESCRIBE_LOAD_BALANCERS, () -> c.elbv2.describeLoadBalancersPaginator(
              r -> r.pageSize(pageSize(1, 400))), DescribeLoadBalancersResponse::loadBalancers).stream()
          .filter(lb -> in(vpcs, lb.vpcId())).forEach(inventory.loadBalancers::add);
      collectBalancing(calls, c, inventory, vpcs);
    }
    return inventory;
  }

  /**
   * Each load balancer's listeners, the target groups of the VPCs loaded, and each group's attributes and registered
   * targets: what decides an NLB's listener ports, client IP preservation and the targets lint checks.
   */
  private static void collectBalancing(LiveCalls calls, Clients c, AwsInventory inventory, Set<String> vpcs) {
    inventory.listeners = new ArrayList<>();
    for (var lb : inventory.loadBalancers) {
      inventory.listeners.addAll(calls.pages(LiveCalls.DESCRIBE_LISTENERS, () -> c.elbv2.describeListenersPaginator(
          r -> r.loadBalancerArn(lb.loadBalancerArn()).pageSize(400)), DescribeListenersResponse::listeners));
    }
    calls.pages(LiveCalls.DESCRIBE_TARGET_GROUPS, () -> c.elbv2.describeTargetGroupsPaginator(
            r -> r.pageSize(400)), DescribeTargetGroupsResponse::targetGroups).stream()
        .filter(g -> g.vpcId() == null || in(vpcs, g.vpcId())).forEach(inventory.targetGroups::add);
    for (var g : inventory.targetGroups) {
      String arn = g.targetGroupArn();
      inventory.targetGroupAttributes.put(arn, calls.call(LiveCalls.DESCRIBE_TARGET_GROUP_ATTRIBUTES,
          () -> c.elbv2.describeTargetGroupAttributes(r -> r.targetGroupArn(arn))).attributes());
      inventory.targetHealth.put(arn, calls.call(LiveCalls.DESCRIBE_TARGET_HEALTH,
          () -> c.elbv2.describeTargetHealth(r -> r.targetGroupArn(arn))).targetHealthDescriptions());
    }
  }

  /**
   * Every VPC the load is limited to exists: a filter that matches nothing would load (and write) an empty region,
   * which every question would answer with an all-clear.
   */
  private static void requireEveryVpc(Set<String> vpcs, AwsInventory inventory, String region) {
    Set<String> found = new TreeSet<>();
    inventory.vpcs.forEach(v -> found.add(v.vpcId()));
    List<String> missing = vpcs.stream().filter(id -> !found.contains(id)).toList();
    if (!missing.isEmpty()) {
      throw new LiveLoadException("no VPC " + String.join(", ", missing) + " in " + region + ": describe-vpcs"
          + " found " + (found.isEmpty() ? "none of the VPCs asked for" : "only " + String.join(", ", found))
          + "; check the VPC ids (and the region). Nothing was loaded.", LiveCalls.DESCRIBE_VPCS, region,
          "InvalidVpcID.NotFound", false, null);
    }
  }

  /**
   * The packet path (DOMAIN-PATH.md section 5): subnets, network ACLs, route tables, gateways, endpoints and transit
   * gateways with each route table's propagations and static and propagated routes. With a VPC filter, what belongs
   * to other VPCs is left out, except the transit gateways that have an attachment to one of them (and those they
   * peer with), which are loaded whole.
   */
  private void collectPath(LiveCalls calls, Clients c, AwsInventory inventory, Set<String> vpcs, int page) {
    List<Filter> byVpc = vpcs.isEmpty() ? null : List.of(filter("vpc-id", vpcs));
    inventory.pathLoaded = true;
    inventory.subnets.addAll(calls.pages(LiveCalls.DESCRIBE_SUBNETS, () -> c.ec2.describeSubnetsPaginator(
        r -> r.filters(byVpc).maxResults(page)), DescribeSubnetsResponse::subnets));
    inventory.networkAcls.addAll(calls.pages(LiveCalls.DESCRIBE_NETWORK_ACLS, () -> c.ec2
        .describeNetworkAclsPaginator(r -> r.filters(byVpc).maxResults(Math.min(page, 100))),
        DescribeNetworkAclsResponse::networkAcls));
    inventory.routeTables.addAll(calls.pages(LiveCalls.DESCRIBE_ROUTE_TABLES, () -> c.ec2
        .describeRouteTablesPaginator(r -> r.filters(byVpc).maxResults(Math.min(page, 100))),
        DescribeRouteTablesResponse::routeTables));
    List<Filter> attachedTo = vpcs.isEmpty() ? null : List.of(filter("attachment.vpc-id", vpcs));
    inventory.internetGateways.addAll(calls.pages(LiveCalls.DESCRIBE_INTERNET_GATEWAYS, () -> c.ec2
        .describeInternetGatewaysPaginator(r -> r.filters(attachedTo).maxResults(page)),
        DescribeInternetGatewaysResponse::internetGateways));
    calls.pages(LiveCalls.DESCRIBE_EGRESS_ONLY_INTERNET_GATEWAYS, () -> c.ec2
            .describeEgressOnlyInternetGatewaysPaginator(r -> r.maxResults(Math.min(page, 255))),
            DescribeEgressOnlyInternetGatewaysResponse::egressOnlyInternetGateways).stream()
        .filter(g -> vpcs.isEmpty() || g.attachments().stream().anyMatch(a -> vpcs.contains(a.vpcId())))
        .forEach(inventory.egressOnlyGateways::add);
    inventory.natGateways.addAll(calls.pages(LiveCalls.DESCRIBE_NAT_GATEWAYS, () -> c.ec2
        .describeNatGatewaysPaginator(r -> r.filter(byVpc).maxResults(page)),
        DescribeNatGatewaysResponse::natGateways));
    inventory.vpcEndpoints.addAll(calls.pages(LiveCalls.DESCRIBE_VPC_ENDPOINTS, () -> c.ec2
        .describeVpcEndpointsPaginator(r -> r.filters(byVpc).maxResults(page)),
        DescribeVpcEndpointsResponse::vpcEndpoints));

    List<TransitGatewayAttachment> attachments = calls.pages(LiveCalls.DESCRIBE_TRANSIT_GATEWAY_ATTACHMENTS,
        () -> c.ec2.describeTransitGatewayAttachmentsPaginator(r -> r.maxResults(page)),
        DescribeTransitGatewayAttachmentsResponse::transitGatewayAttachments);
    Set<String> gateways = transitGatewaysInScope(attachments, vpcs);
    attachments.stream().filter(a -> gateways.contains(a.transitGatewayId()))
        .forEach(inventory.transitGatewayAttachments::add);
    calls.pages(LiveCalls.DESCRIBE_TRANSIT_GATEWAYS, () -> c.ec2.describeTransitGatewaysPaginator(
            r -> r.maxResults(page)), DescribeTransitGatewaysResponse::transitGateways).stream()
        .filter(g -> vpcs.isEmpty() || gateways.contains(g.transitGatewayId()))
        .forEach(inventory.transitGateways::add);
    calls.pages(LiveCalls.DESCRIBE_TRANSIT_GATEWAY_VPC_ATTACHMENTS, () -> c.ec2
            .describeTransitGatewayVpcAttachmentsPaginator(r -> r.maxResults(page)),
            DescribeTransitGatewayVpcAttachmentsResponse::transitGatewayVpcAttachments).stream()
        .filter(a -> gateways.contains(a.transitGatewayId())).forEach(inventory.transitGatewayVpcAttachments::add);
    calls.pages(LiveCalls.DESCRIBE_TRANSIT_GATEWAY_ROUTE_TABLES, () -> c.ec2
            .describeTransitGatewayRouteTablesPaginator(r -> r.maxResults(page)),
            DescribeTransitGatewayRouteTablesResponse::transitGatewayRouteTables).stream()
        .filter(t -> gateways.contains(t.transitGatewayId())).forEach(inventory.transitGatewayRouteTables::add);
    for (TransitGatewayRouteTable t : inventory.transitGatewayRouteTables) {
      String id = t.transitGatewayRouteTableId();
      if ("deleted".equals(t.stateAsString()) || "deleting".equals(t.stateAsString())) {
        continue;
      }
      inventory.propagations.put(id, calls.pages(LiveCalls.GET_TRANSIT_GATEWAY_ROUTE_TABLE_PROPAGATIONS,
          () -> c.ec2.getTransitGatewayRouteTablePropagationsPaginator(r -> r.transitGatewayRouteTableId(id)
              .maxResults(page)),
          GetTransitGatewayRouteTablePropagationsResponse::transitGatewayRouteTablePropagations));
      inventory.staticRoutes.put(id, searchRoutes(calls, c, id, "static"));
      inventory.propagatedRoutes.put(id, searchRoutes(calls, c, id, "propagated"));
    }
  }

  /**
   * Every route of one type of one transit gateway route table, over every page, and whether AWS held some back. The
   * page size is AWS's own (moto 5.2.5 fails on a {@code MaxResults} here).
   */
  private static AwsInventory.TableRoutes searchRoutes(LiveCalls calls, Clients c, String tableId, String type) {
    boolean[] more = new boolean[1];
    List<TransitGatewayRoute> routes = calls.pages(LiveCalls.SEARCH_TRANSIT_GATEWAY_ROUTES, () -> c.ec2
        .searchTransitGatewayRoutesPaginator(r -> r.transitGatewayRouteTableId(tableId)
            .filters(filter("type", List.of(type)))), response -> {
          more[0] = Boolean.TRUE.equals(response.additionalRoutesAvailable()) && response.nextToken() == null;
          return response.routes();
        });
    return new AwsInventory.TableRoutes(routes, !more[0]);
  }

  /**
   * The transit gateways a load keeps: all of them without a VPC filter; else those with an attachment to one of the
   * VPCs, and the gateways they peer with.
   */
  private static Set<String> transitGatewaysInScope(List<TransitGatewayAttachment> attachments, Set<String> vpcs) {
    Set<String> kept = new LinkedHashSet<>();
    for (TransitGatewayAttachment a : attachments) {
      if (vpcs.isEmpty() || "vpc".equals(a.resourceTypeAsString()) && vpcs.contains(a.resourceId())) {
        kept.add(a.transitGatewayId());
      }
    }
    for (boolean grew = true; grew; ) {
      grew = false;
      for (TransitGatewayAttachment a : attachments) {
        if ("peering".equals(a.resourceTypeAsString()) && kept.contains(a.transitGatewayId())
            && a.resourceId() != null) {
          grew |= kept.add(a.resourceId());
        }
      }
    }
    return kept;
  }

  /** The prefix lists the loaded route tables send to (gateway endpoints' routes). */
  private static Set<String> referencedByRoutes(AwsInventory inventory) {
    Set<String> ids = new LinkedHashSet<>();
    for (software.amazon.awssdk.services.ec2.model.RouteTable t : inventory.routeTables) {
      t.routes().stream().map(software.amazon.awssdk.services.ec2.model.Route::destinationPrefixListId)
          .filter(id -> id != null && !id.isBlank()).forEach(ids::add);
    }
    return ids;
  }

  private int pageSize(int min, int max) {
    return Math.max(min, Math.min(max, config.pageSize));
  }

  private static Filter filter(String name, Collection<String> values) {
    return Filter.builder().name(name).values(values).build();
  }

  private static List<Filter> orNull(List<Filter> filters) {
    return filters.isEmpty() ? null : filters;
  }

  /** True when no VPC filter is set, or the (possibly absent) VPC id is one of the filter's. */
  private static boolean in(Set<String> vpcs, String vpcId) {
    return vpcs.isEmpty() || vpcId != null && vpcs.contains(vpcId);
  }

  private static String vpcOf(VpcPeeringConnectionVpcInfo info) {
    return info == null ? null : info.vpcId();
  }

  /** The prefix lists that the loaded rules name: only their entries matter to a verdict. */
  private static Set<String> referencedPrefixLists(AwsInventory inventory) {
    Set<String> ids = new LinkedHashSet<>();
    for (SecurityGroupRule r : inventory.rules) {
      if (r.prefixListId() != null) {
        ids.add(r.prefixListId());
      }
    }
    for (SecurityGroup g : inventory.groups) {
      for (List<IpPermission> perms : List.of(g.ipPermissions(), g.ipPermissionsEgress())) {
        perms.stream().flatMap(p -> p.prefixListIds().stream()).map(PrefixListId::prefixListId).forEach(ids::add);
      }
    }
    return ids;
  }

  /** The three clients of a load and which of them this loader built (and so closes). */
  private static final class Clients implements AutoCloseable {
    private final Region region;
    private final Ec2Client ec2;
    private final EksClient eks;
    private final ElasticLoadBalancingV2Client elbv2;
    private final List<AutoCloseable> owned;

    private Clients(Region region, Ec2Client ec2, EksClient eks, ElasticLoadBalancingV2Client elbv2,
        List<AutoCloseable> owned) {
      this.region = region;
      this.ec2 = ec2;
      this.eks = eks;
      this.elbv2 = elbv2;
      this.owned = owned;
    }

    static Clients open(Builder config) {
      Region region = region(config);
      List<AutoCloseable> owned = new ArrayList<>();
      Ec2Client ec2 = config.ec2;
      if (ec2 == null) {
        ec2 = configure(Ec2Client.builder(), config, region);
        owned.add(ec2);
      }
      EksClient eks = config.eksClient;
      if (eks == null && config.eks) {
        eks = configure(EksClient.builder(), config, region);
        owned.add(eks);
      }
      ElasticLoadBalancingV2Client elbv2 = config.elbv2;
      if (elbv2 == null && config.loadBalancers) {
        elbv2 = configure(ElasticLoadBalancingV2Client.builder(), config, region);
        owned.add(elbv2);
      }
      return new Clients(region, ec2, eks, elbv2, owned);
    }

    private static Region region(Builder config) {
      if (config.region != null) {
        return config.region;
      }
      if (config.ec2 != null && config.ec2.serviceClientConfiguration().region() != null) {
        return config.ec2.serviceClientConfiguration().region();
      }
      try {
        DefaultAwsRegionProviderChain.Builder chain = DefaultAwsRegionProviderChain.builder();
        if (config.profile != null) {
          chain.profileName(config.profile);
        }
        return chain.build().getRegion();
      } catch (SdkException e) {
        throw new LiveLoadException("no AWS region: pass one (--region), or set AWS_REGION or a profile's region."
            + " Nothing was loaded.", "", "", null, false, e);
      }
    }

    private static <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C> C configure(B b,
        Builder config, Region region) {
      RetryStrategy retries = AwsRetryStrategy.forRetryMode(RetryMode.ADAPTIVE_V2).toBuilder()
          .maxAttempts(config.maxAttempts).build();
      b.region(region).httpClientBuilder(UrlConnectionHttpClient.builder())
          .overrideConfiguration(o -> o.retryStrategy(retries));
      if (config.credentials != null) {
        b.credentialsProvider(config.credentials);
      } else if (config.profile != null) {
        b.credentialsProvider(ProfileCredentialsProvider.create(config.profile));
      }
      if (config.endpoint != null) {
        b.endpointOverride(config.endpoint);
      }
      config.customizer.accept(b);
      return b.build();
    }

    @Override
    public void close() {
      for (AutoCloseable client : owned) {
        try {
          client.close();
        } catch (Exception e) {
          LOG.debug("closing an AWS client failed", e);
        }
      }
    }
  }

  /** Configures a {@link LiveLoader}. Setters return this builder; {@link #build()} may be called once or more. */
  public static final class Builder {
    private Region region;
    private String profile;
    private AwsCredentialsProvider credentials;
    private URI endpoint;
    private Consumer<? super AwsClientBuilder<?, ?>> customizer = b -> {};
    private Ec2Client ec2;
    private EksClient eksClient;
    private ElasticLoadBalancingV2Client elbv2;
    private final Set<String> vpcIds = new LinkedHashSet<>();
    private String cluster;
    private final Map<String, String> tags = new LinkedHashMap<>();
    private boolean eks = true;
    private boolean loadBalancers = true;
    private boolean path = true;
    private int pageSize = 1000;
    private int maxAttempts = 3;
    private LoadListener listener = LoadListener.NONE;

    private Builder() {}

    /** The region of the clients the loader builds; default: the default region chain (or the profile's). */
    public Builder region(Region region) {
      this.region = requireNonNull(region, "region");
      return this;
    }

    /** {@link #region(Region)} by name, e.g. {@code us-east-1}. */
    public Builder region(String region) {
      checkArgument(region != null && !region.isBlank(), "region (%s) must be a region name", region);
      return region(Region.of(region));
    }

    /** A named profile of {@code ~/.aws/config} for credentials (and the region when none is given). */
    public Builder profile(String profile) {
      checkArgument(profile != null && !profile.isBlank(), "profile (%s) must be a profile name", profile);
      this.profile = profile;
      return this;
    }

    /** Credentials for the clients the loader builds; default: the default credential chain (or the profile). */
    public Builder credentials(AwsCredentialsProvider credentials) {
      this.credentials = requireNonNull(credentials, "credentials");
      return this;
    }

    /** One endpoint for every client the loader builds, e.g. a VPC endpoint or a local test server. */
    public Builder endpoint(URI endpoint) {
      this.endpoint = requireNonNull(endpoint, "endpoint");
      return this;
    }

    /** Called last on each client builder the loader uses (EC2, EKS, ELBv2), to change anything it sets. */
    public Builder customizer(Consumer<? super AwsClientBuilder<?, ?>> customizer) {
      this.customizer = requireNonNull(customizer, "customizer");
      return this;
    }

    /** Uses this EC2 client as configured; the caller keeps it and closes it. Its region is the load's default. */
    public Builder ec2(Ec2Client client) {
      this.ec2 = requireNonNull(client, "client");
      return this;
    }

    /** Uses this EKS client as configured; the caller keeps it and closes it. */
    public Builder eks(EksClient client) {
      this.eksClient = requireNonNull(client, "client");
      return this;
    }

    /** Uses this ELBv2 client as configured; the caller keeps it and closes it. */
    public Builder elasticLoadBalancing(ElasticLoadBalancingV2Client client) {
      this.elbv2 = requireNonNull(client, "client");
      return this;
    }

    /**
     * Loads only these VPCs: their security groups, interfaces, VPCs, the peerings touching them, and the clusters
     * and load balancers in them. Default: the whole region.
     */
    public Builder vpcIds(Collection<String> ids) {
      ids.forEach(AwsId.VPC::check);
      vpcIds.addAll(ids);
      return this;
    }

    /** {@link #vpcIds(Collection)} for a few ids. */
    public Builder vpcIds(String... ids) {
      return vpcIds(List.of(ids));
    }

    /**
     * Describes only this EKS cluster (not {@code ListClusters}); when no VPC is given, the load is limited to the
     * cluster's VPC.
     */
    public Builder cluster(String name) {
      checkArgument(name != null && !name.isBlank(), "cluster (%s) must be a cluster name", name);
      this.cluster = name;
      return this;
    }

    /**
     * Loads only the security groups and network interfaces carrying this tag with this value (several tags: all
     * of them). Interfaces then may carry groups that were not loaded, whose verdicts are unknown.
     */
    public Builder tag(String key, String value) {
      checkArgument(key != null && !key.isEmpty(), "tag key (%s) must not be empty", key);
      tags.put(key, requireNonNull(value, "value"));
      return this;
    }

    /** Leaves out EKS (no {@code eks:*} call): for accounts without EKS or without EKS permissions. */
    public Builder withoutEks() {
      this.eks = false;
      return this;
    }

    /** Leaves out ELBv2 load balancers (no {@code elasticloadbalancing:*} call). */
    public Builder withoutLoadBalancers() {
      this.loadBalancers = false;
      return this;
    }

    /**
     * Leaves out the packet path (no {@code DescribeSubnets}, {@code DescribeNetworkAcls}, {@code DescribeRouteTables},
     * gateway, endpoint or transit gateway call): verdicts then check security groups alone, and say so.
     */
    public Builder withoutPath() {
      this.path = false;
      return this;
    }

    /**
     * Items asked for per page, clamped to each operation's bounds (EC2 describe calls 5..1000, prefix lists and
     * EKS 1..100, ELBv2 1..400). Every page is still read. Default 1000.
     */
    public Builder pageSize(int pageSize) {
      checkArgument(pageSize >= 1, "pageSize (%s) must be at least 1", pageSize);
      this.pageSize = pageSize;
      return this;
    }

    /** Attempts per call, the first included, for the clients the loader builds. Default 3. */
    public Builder maxAttempts(int maxAttempts) {
      checkArgument(maxAttempts >= 1 && maxAttempts <= 20, "maxAttempts (%s) must be in 1..20", maxAttempts);
      this.maxAttempts = maxAttempts;
      return this;
    }

    /** Receives progress: pages and items per operation. */
    public Builder listener(LoadListener listener) {
      this.listener = requireNonNull(listener, "listener");
      return this;
    }

    /** A loader with this configuration; later changes to this builder do not affect it. */
    public LiveLoader build() {
      Builder copy = new Builder();
      copy.region = region;
      copy.profile = profile;
      copy.credentials = credentials;
      copy.endpoint = endpoint;
      copy.customizer = customizer;
      copy.ec2 = ec2;
      copy.eksClient = eksClient;
      copy.elbv2 = elbv2;
      copy.vpcIds.addAll(vpcIds);
      copy.cluster = cluster;
      copy.tags.putAll(tags);
      copy.eks = eks;
      copy.loadBalancers = loadBalancers;
      copy.path = path;
      copy.pageSize = pageSize;
      copy.maxAttempts = maxAttempts;
      copy.listener = listener;
      return new LiveLoader(copy);
    }
  }
}
