package dev.sgreach.model;

import java.util.Locale;

/**
 * Where a subnet route sends the packets it matches: one of the target fields of a {@code Routes[]} entry of
 * {@code describe-route-tables} ({@code GatewayId}, {@code NatGatewayId}, {@code TransitGatewayId}, ...).
 *
 * @param kind what sort of target
 * @param id the target's id ({@code local}, {@code igw-...}, {@code nat-...}, ...), empty for {@link Kind#NONE}
 */
public record RouteTarget(Kind kind, String id) {
  /** The VPC's local route: the packet stays in the VPC and goes to the subnet holding its destination. */
  public static final RouteTarget LOCAL = new RouteTarget(Kind.LOCAL, "local");

  public RouteTarget {
    if (kind == null) {
      throw new IllegalArgumentException("route target needs a kind");
    }
    id = id == null ? "" : id.trim();
    if (kind == Kind.LOCAL) {
      id = "local";
    } else if (kind != Kind.NONE && id.isEmpty()) {
      throw new IllegalArgumentException(kind.word() + " route target needs an id");
    }
  }

  /**
   * The target named by an id as the route's target field holds it, the kind read from the id's form:
   * {@code local}, {@code igw-}, {@code eigw-}, {@code nat-}, {@code pcx-}, {@code tgw-}, {@code vpce-}, {@code eni-},
   * {@code i-}, {@code vgw-}, {@code cagw-}, {@code lgw-}, or a Cloud WAN core-network ARN.
   *
   * @throws IllegalArgumentException naming the id when its form is none of these
   */
  public static RouteTarget of(String id) {
    String t = id == null ? "" : id.trim();
    for (Kind k : Kind.values()) {
      if (k.prefix != null && (k == Kind.LOCAL ? t.equals("local") : t.startsWith(k.prefix))) {
        return new RouteTarget(k, t);
      }
    }
    throw new IllegalArgumentException("unknown route target '" + id + "': expected local or an id starting with"
        + " igw-, eigw-, nat-, pcx-, tgw-, vpce-, eni-, i-, vgw-, cagw-, lgw- or a core-network ARN");
  }

  /** No target: a blackhole route whose target was deleted and Describe names none. */
  public static RouteTarget none() {
    return new RouteTarget(Kind.NONE, "");
  }

  @Override
  public String toString() {
    return kind == Kind.NONE ? "(no target)" : id;
  }

  /** The kinds of route target. */
  public enum Kind {
    /** {@code GatewayId: local}: the VPC itself. */
    LOCAL("local", null),
    /** {@code GatewayId: igw-...}: an internet gateway. */
    INTERNET_GATEWAY("igw-", "--gateway-id"),
    /** {@code EgressOnlyInternetGatewayId: eigw-...}: IPv6 out, and only replies back in. */
    EGRESS_ONLY_INTERNET_GATEWAY("eigw-", "--egress-only-internet-gateway-id"),
    /** {@code NatGatewayId: nat-...}. */
    NAT_GATEWAY("nat-", "--nat-gateway-id"),
    /** {@code VpcPeeringConnectionId: pcx-...}. */
    VPC_PEERING("pcx-", "--vpc-peering-connection-id"),
    /** {@code TransitGatewayId: tgw-...}. */
    TRANSIT_GATEWAY("tgw-", "--transit-gateway-id"),
    /**
     * {@code GatewayId: vpce-...} (a gateway endpoint's prefix-list route) or {@code VpcEndpointId} (a Gateway Load
     * Balancer endpoint).
     */
    VPC_ENDPOINT("vpce-", "--vpc-endpoint-id"),
    /** {@code NetworkInterfaceId: eni-...}: an appliance's interface. */
    NETWORK_INTERFACE("eni-", "--network-interface-id"),
    /** {@code InstanceId: i-...}: an appliance instance. */
    INSTANCE("i-", "--instance-id"),
    /** {@code GatewayId: vgw-...}: a virtual private gateway (Site-to-Site VPN, Direct Connect). */
    VIRTUAL_PRIVATE_GATEWAY("vgw-", "--gateway-id"),
    /** {@code CarrierGatewayId: cagw-...} (Wavelength). */
    CARRIER_GATEWAY("cagw-", "--carrier-gateway-id"),
    /** {@code LocalGatewayId: lgw-...} (Outposts). */
    LOCAL_GATEWAY("lgw-", "--local-gateway-id"),
    /** {@code CoreNetworkArn}: an AWS Cloud WAN core network. */
    CORE_NETWORK("arn:", "--core-network-arn"),
    /** No target (a blackhole route whose target is gone). */
    NONE(null, null);

    private final String prefix;
    private final String cliOption;

    Kind(String prefix, String cliOption) {
      this.prefix = prefix;
      this.cliOption = cliOption;
    }

    /** The option of {@code aws ec2 create-route} that names a target of this kind, empty for local and none. */
    public String cliOption() {
      return cliOption == null ? "" : cliOption;
    }

    /** {@code internet gateway}, {@code NAT gateway}, ...: the kind in words. */
    public String word() {
      return switch (this) {
        case LOCAL -> "local";
        case INTERNET_GATEWAY -> "internet gateway";
        case EGRESS_ONLY_INTERNET_GATEWAY -> "egress-only internet gateway";
        case NAT_GATEWAY -> "NAT gateway";
        case VPC_PEERING -> "VPC peering";
        case TRANSIT_GATEWAY -> "transit gateway";
        case VPC_ENDPOINT -> "VPC endpoint";
        case NETWORK_INTERFACE -> "network interface";
        case INSTANCE -> "instance";
        case VIRTUAL_PRIVATE_GATEWAY -> "virtual private gateway";
        case CARRIER_GATEWAY -> "carrier gateway";
        case LOCAL_GATEWAY -> "local gateway";
        case CORE_NETWORK -> "core network";
        case NONE -> name().toLowerCase(Locale.ROOT);
      };
    }
  }
}
