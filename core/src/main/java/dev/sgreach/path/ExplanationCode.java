package dev.sgreach.path;

/**
 * The AWS Reachability Analyzer explanation codes (DOMAIN-PATH.md table 4c) that name the path hops sgreach judges,
 * so that a denied or unknown hop reads as Reachability Analyzer would report it. Hops that Reachability Analyzer has
 * no code for (an address no ENI holds, a routing loop) carry none.
 */
public enum ExplanationCode {
  /** A network ACL entry (or its final {@code *} deny) drops the packet at a subnet boundary. */
  SUBNET_ACL_RESTRICTION,
  /** The route table has no route whose destination contains the packet's destination. */
  NO_ROUTE_TO_DESTINATION,
  /** The matching route is not in a functional state (a blackhole). */
  BAD_STATE_ROUTE,
  /** A component (NAT gateway, endpoint, peering, transit gateway) is not in a functional state. */
  BAD_STATE,
  /** An attachment (internet gateway to VPC, transit gateway attachment) is not in a functional state. */
  BAD_STATE_ATTACHMENT,
  /** An internet gateway passes out only private addresses that have a public or Elastic IP. */
  IGW_PUBLIC_IP_ASSOCIATION_FOR_EGRESS,
  /** An internet gateway passes in only to addresses it maps to an ENI's private address. */
  IGW_PRIVATE_IP_ASSOCIATION_FOR_INGRESS,
  /** An internet gateway does not send packets to private (RFC 1918) destinations. */
  IGW_DESTINATION_ADDRESS_NOT_IN_RFC1918_EGRESS,
  /** An internet gateway does not send packets to shared (RFC 6598) destinations. */
  IGW_DESTINATION_ADDRESS_NOT_IN_RFC6598_EGRESS,
  /** An internet gateway does not admit packets from private (RFC 1918) sources. */
  IGW_SOURCE_ADDRESS_NOT_IN_RFC1918_INGRESS,
  /** A NAT gateway carries TCP, UDP and ICMP only. */
  PROTOCOL_RESTRICTION,
  /** A VPC peering carries only packets addressed to the peer VPC's blocks. */
  PCX_REQUIRES_ADDRESS_IN_VPC_CIDR,
  /** A transit gateway attachment is associated with no transit gateway route table. */
  TGW_ATTACH_MISSING_TGW_RTB_ASSOCIATION,
  /** A subnet's route to a transit gateway is not followed: the VPC attachment has no subnet in its zone. */
  TGW_ROUTE_AZ_RESTRICTION,
  /** The transit gateway route table has no route for the destination. */
  TGW_RTB_CANNOT_ROUTE,
  /** The matching transit gateway route is a blackhole. */
  TGW_RTB_BAD_STATE_ROUTE,
  /** The transit gateway route table's routes are not known (another account's, or not captured). */
  TGW_RTB_ROUTES_ARE_UNKNOWN,
  /** A gateway endpoint carries TCP and ICMP echo only. */
  VPCE_GATEWAY_PROTOCOL_RESTRICTION,
  /** A resource the path needs is not in the data. */
  UNKNOWN_RESOURCE
}
