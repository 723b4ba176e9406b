package dev.sgreach.snapshot;

import java.util.Optional;

/**
 * Which AWS API response a JSON file holds, with the file names the snapshot layouts give it: the CloudMapper /
 * sgreach layout ({@code ec2-describe-security-groups.json}) and Batfish's {@code aws_configs} layout
 * ({@code SecurityGroups.json}). A file may be the plain response, as the AWS CLI prints it, or the same response
 * wrapped as cloud-custodian's placebo recordings store it ({@code {"status_code": 200, "data": {...}}}).
 */
public enum ResponseKind {
  /** {@code aws ec2 describe-security-groups}: groups with their rules grouped as {@code IpPermissions}. */
  SECURITY_GROUPS("SecurityGroups", "ec2-describe-security-groups.json", "SecurityGroups.json"),
  /**
   * {@code aws ec2 describe-security-group-rules}: one rule per entry, with its {@code sgr-...} id. When present it is
   * the rule source for the groups it names.
   */
  SECURITY_GROUP_RULES("SecurityGroupRules", "ec2-describe-security-group-rules.json", null),
  /** {@code aws ec2 describe-network-interfaces}: the ENIs, their addresses and security groups. */
  NETWORK_INTERFACES("NetworkInterfaces", "ec2-describe-network-interfaces.json", "NetworkInterfaces.json"),
  /** {@code aws ec2 describe-vpcs}. */
  VPCS("Vpcs", "ec2-describe-vpcs.json", "Vpcs.json"),
  /** {@code aws ec2 describe-vpc-peering-connections}. */
  VPC_PEERING_CONNECTIONS("VpcPeeringConnections", "ec2-describe-vpc-peering-connections.json",
      "VpcPeeringConnections.json"),
  /** {@code aws ec2 describe-managed-prefix-lists}: ids and names; the entries come from separate files. */
  MANAGED_PREFIX_LISTS("PrefixLists", "ec2-describe-managed-prefix-lists.json", null),
  /**
   * {@code aws ec2 get-managed-prefix-list-entries} for one list; the list id is the file name in the folder layout
   * ({@code ec2-get-managed-prefix-list-entries/pl-123.json}).
   */
  MANAGED_PREFIX_LIST_ENTRIES("Entries", "ec2-get-managed-prefix-list-entries", null),
  /** {@code aws ec2 describe-prefix-lists}: AWS-managed lists with their {@code Cidrs}. */
  PREFIX_LISTS("PrefixLists", "ec2-describe-prefix-lists.json", "PrefixLists.json"),
  /** {@code aws eks describe-cluster} for one cluster ({@code eks-describe-cluster/<name>.json}). */
  EKS_CLUSTER("cluster", "eks-describe-cluster", null),
  /** {@code aws elbv2 describe-load-balancers}. */
  LOAD_BALANCERS("LoadBalancers", "elbv2-describe-load-balancers.json", "LoadBalancers.json"),
  /**
   * {@code aws elbv2 describe-listeners}, the listeners of every load balancer in one list (each names its
   * {@code LoadBalancerArn}). Its presence, even empty, means every load balancer's listeners are known.
   */
  LISTENERS("Listeners", "elbv2-describe-listeners.json", null),
  /**
   * Batfish's wrapper of describe-listeners, one entry per load balancer
   * ({@code {"LoadBalancerListeners": [{"LoadBalancerArn", "Listeners"}]}}); read as {@link #LISTENERS}.
   */
  BATFISH_LISTENERS("LoadBalancerListeners", "", "LoadBalancerListeners.json"),
  /** {@code aws elbv2 describe-target-groups}: each group's protocol, port, target type and load balancers. */
  TARGET_GROUPS("TargetGroups", "elbv2-describe-target-groups.json", "TargetGroups.json"),
  /**
   * {@code aws elbv2 describe-target-group-attributes}, one entry per group, as sgreach keeps them:
   * {@code {"TargetGroupAttributes": [{"TargetGroupArn": ..., "Attributes": [{"Key", "Value"}]}]}}. A group without
   * an entry has unknown attributes ({@code preserve_client_ip.enabled} taken at AWS's default, said to be assumed).
   */
  TARGET_GROUP_ATTRIBUTES("TargetGroupAttributes", "elbv2-describe-target-group-attributes.json", null),
  /**
   * {@code aws elbv2 describe-target-health}, one entry per group, as sgreach and Batfish keep them:
   * {@code {"LoadBalancerTargetHealth": [{"TargetGroupArn": ..., "TargetHealthDescriptions": [...]}]}}. A group
   * without an entry has unknown targets.
   */
  TARGET_HEALTH("LoadBalancerTargetHealth", "elbv2-describe-target-health.json", "LoadBalancerTargetHealth.json"),
  /** {@code aws ec2 describe-subnets}: each subnet's VPC, zone and blocks. */
  SUBNETS("Subnets", "ec2-describe-subnets.json", "Subnets.json"),
  /**
   * {@code aws ec2 describe-network-acls}: the ACLs with their entries and subnet associations. Its presence, even
   * empty, means the snapshot covers network ACLs ({@link dev.sgreach.model.Layer#NETWORK_ACLS}).
   */
  NETWORK_ACLS("NetworkAcls", "ec2-describe-network-acls.json", "NetworkAcls.json"),
  /**
   * {@code aws ec2 describe-route-tables}: routes and associations. Its presence, even empty, means the snapshot
   * covers routes ({@link dev.sgreach.model.Layer#ROUTES}).
   */
  ROUTE_TABLES("RouteTables", "ec2-describe-route-tables.json", "RouteTables.json"),
  /** {@code aws ec2 describe-internet-gateways}. */
  INTERNET_GATEWAYS("InternetGateways", "ec2-describe-internet-gateways.json", "InternetGateways.json"),
  /** {@code aws ec2 describe-egress-only-internet-gateways} (Batfish does not collect it). */
  EGRESS_ONLY_INTERNET_GATEWAYS("EgressOnlyInternetGateways", "ec2-describe-egress-only-internet-gateways.json",
      null),
  /** {@code aws ec2 describe-nat-gateways}. */
  NAT_GATEWAYS("NatGateways", "ec2-describe-nat-gateways.json", "NatGateways.json"),
  /** {@code aws ec2 describe-vpc-endpoints}: gateway and interface endpoints. */
  VPC_ENDPOINTS("VpcEndpoints", "ec2-describe-vpc-endpoints.json", "VpcEndpoints.json"),
  /** {@code aws ec2 describe-transit-gateways}. */
  TRANSIT_GATEWAYS("TransitGateways", "ec2-describe-transit-gateways.json", "TransitGateways.json"),
  /**
   * {@code aws ec2 describe-transit-gateway-attachments}: every attachment with its resource and its route-table
   * association. A transit gateway is known only as far as this response describes its attachments: without it, the
   * snapshot's transit gateways are left out (paths through them are unknown).
   */
  TRANSIT_GATEWAY_ATTACHMENTS("TransitGatewayAttachments", "ec2-describe-transit-gateway-attachments.json",
      "TransitGatewayAttachments.json"),
  /** {@code aws ec2 describe-transit-gateway-vpc-attachments}: the subnets and options of VPC attachments. */
  TRANSIT_GATEWAY_VPC_ATTACHMENTS("TransitGatewayVpcAttachments",
      "ec2-describe-transit-gateway-vpc-attachments.json", "TransitGatewayVpcAttachments.json"),
  /** {@code aws ec2 describe-transit-gateway-route-tables}. */
  TRANSIT_GATEWAY_ROUTE_TABLES("TransitGatewayRouteTables", "ec2-describe-transit-gateway-route-tables.json",
      "TransitGatewayRouteTables.json"),
  /**
   * {@code aws ec2 get-transit-gateway-route-table-propagations} for one table; the table id is the file name
   * ({@code ec2-get-transit-gateway-route-table-propagations/tgw-rtb-123.json}). A table without one has unknown
   * propagations.
   */
  TRANSIT_GATEWAY_ROUTE_TABLE_PROPAGATIONS("TransitGatewayRouteTablePropagations",
      "ec2-get-transit-gateway-route-table-propagations", null),
  /**
   * {@code aws ec2 search-transit-gateway-routes --filters Name=type,Values=static} for one table, the table id as
   * the file name ({@code ec2-search-transit-gateway-routes-static/tgw-rtb-123.json}). A table without one has
   * unknown static routes.
   */
  TRANSIT_GATEWAY_STATIC_ROUTES("Routes", "ec2-search-transit-gateway-routes-static", null),
  /**
   * {@code aws ec2 search-transit-gateway-routes --filters Name=type,Values=propagated} for one table, the table id
   * as the file name; optional: without it a VPC attachment's propagation stands for its VPC's blocks and any other
   * propagation is unknown.
   */
  TRANSIT_GATEWAY_PROPAGATED_ROUTES("Routes", "ec2-search-transit-gateway-routes-propagated", null),
  /**
   * Batfish's wrapper of get-transit-gateway-route-table-propagations, one entry per table
   * ({@code {"TransitGatewayPropagations": [{"TransitGatewayRouteTableId", "TransitGatewayRouteTablePropagations"}]}}).
   */
  BATFISH_TRANSIT_GATEWAY_PROPAGATIONS("TransitGatewayPropagations", "", "TransitGatewayPropagations.json"),
  /**
   * Batfish's wrapper of search-transit-gateway-routes with {@code type=static}, one entry per table
   * ({@code {"TransitGatewayStaticRoutes": [{"TransitGatewayRouteTableId", "Routes", "AdditionalRoutesAvailable"}]}}).
   */
  BATFISH_TRANSIT_GATEWAY_STATIC_ROUTES("TransitGatewayStaticRoutes", "", "TransitGatewayStaticRoutes.json");

  private final String resultField;
  private final String fileName;
  private final String batfishFileName;

  ResponseKind(String resultField, String fileName, String batfishFileName) {
    this.resultField = resultField;
    this.fileName = fileName;
    this.batfishFileName = batfishFileName;
  }

  /** The response's top-level field holding the items, e.g. {@code SecurityGroups}. */
  public String resultField() {
    return resultField;
  }

  /**
   * The name in the sgreach / CloudMapper folder layout: a file, or for {@link #MANAGED_PREFIX_LIST_ENTRIES},
   * {@link #EKS_CLUSTER} and the per-table transit gateway responses a folder holding one file per list, cluster or
   * table; empty for Batfish's own wrappers, which that layout does not use.
   */
  public String fileName() {
    return fileName;
  }

  /** The name in a Batfish {@code aws_configs} folder, if Batfish collects this response. */
  public Optional<String> batfishFileName() {
    return Optional.ofNullable(batfishFileName);
  }

  /** True when the layout keeps one file per item in a folder named {@link #fileName()}. */
  boolean isFolder() {
    return this == MANAGED_PREFIX_LIST_ENTRIES || this == EKS_CLUSTER || isPerTable();
  }

  /** True for the transit gateway responses of one route table, whose id is the file name. */
  boolean isPerTable() {
    return this == TRANSIT_GATEWAY_ROUTE_TABLE_PROPAGATIONS || this == TRANSIT_GATEWAY_STATIC_ROUTES
        || this == TRANSIT_GATEWAY_PROPAGATED_ROUTES;
  }
}
