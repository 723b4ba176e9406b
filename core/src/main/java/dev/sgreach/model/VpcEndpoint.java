package dev.sgreach.model;

import com.google.common.collect.ImmutableList;
import java.util.Locale;

/**
 * A VPC endpoint ({@code describe-vpc-endpoints}): a private way to an AWS or PrivateLink service.
 *
 * <p>A gateway endpoint (S3, DynamoDB) is reached through a route in each of its {@link #routeTableIds()} whose
 * destination is the service's AWS-managed prefix list (the {@code PrefixList} named like {@link #serviceName()});
 * it carries only traffic from its own VPC. An interface endpoint is one ENI per chosen subnet, guarded by its
 * security groups and the subnets' network ACLs like any other ENI (DOMAIN-PATH.md table 2f).
 *
 * @param id {@code vpce-...}
 * @param type gateway, interface or Gateway Load Balancer
 * @param vpcId the VPC
 * @param serviceName e.g. {@code com.amazonaws.us-east-1.s3}
 * @param state {@code available}, {@code pending}, ... as AWS writes it
 * @param routeTableIds the route tables holding the gateway endpoint's prefix-list route
 * @param subnetIds the subnets of an interface endpoint's ENIs
 * @param networkInterfaceIds an interface endpoint's ENIs
 * @param groupIds an interface endpoint's security groups
 */
public record VpcEndpoint(String id, Type type, String vpcId, String serviceName, String state,
    ImmutableList<String> routeTableIds, ImmutableList<String> subnetIds, ImmutableList<String> networkInterfaceIds,
    ImmutableList<String> groupIds) {
  public VpcEndpoint {
    if (id == null || id.isBlank()) {
      throw new IllegalArgumentException("VPC endpoint needs a VpcEndpointId");
    }
    if (type == null) {
      throw new IllegalArgumentException(id + ": VPC endpoint needs a VpcEndpointType");
    }
    vpcId = vpcId == null ? "" : vpcId;
    serviceName = serviceName == null ? "" : serviceName;
    state = state == null ? "" : state.trim().toLowerCase(Locale.ROOT);
    routeTableIds = routeTableIds == null ? ImmutableList.of() : routeTableIds;
    subnetIds = subnetIds == null ? ImmutableList.of() : subnetIds;
    networkInterfaceIds = networkInterfaceIds == null ? ImmutableList.of() : networkInterfaceIds;
    groupIds = groupIds == null ? ImmutableList.of() : groupIds;
  }

  /** An available gateway endpoint for this service in these route tables. */
  public static VpcEndpoint gateway(String id, String vpcId, String serviceName, String... routeTableIds) {
    return new VpcEndpoint(id, Type.GATEWAY, vpcId, serviceName, "available", ImmutableList.copyOf(routeTableIds),
        ImmutableList.of(), ImmutableList.of(), ImmutableList.of());
  }

  /** True when its state is {@code available}. */
  public boolean isAvailable() {
    return state.equals("available");
  }

  @Override
  public String toString() {
    return id;
  }

  /** {@code VpcEndpointType}. */
  public enum Type {
    /** {@code Gateway}: S3 or DynamoDB through a prefix-list route. */
    GATEWAY,
    /** {@code Interface}: PrivateLink ENIs in chosen subnets. */
    INTERFACE,
    /** {@code GatewayLoadBalancer}: a route target in front of appliances. */
    GATEWAY_LOAD_BALANCER,
    /** Any other type AWS adds ({@code Resource}, {@code ServiceNetwork}, ...). */
    OTHER;

    /** Parses AWS's {@code Gateway}, {@code Interface}, {@code GatewayLoadBalancer}; anything else is OTHER. */
    public static Type parse(String text) {
      String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
      return switch (t) {
        case "gateway" -> GATEWAY;
        case "interface" -> INTERFACE;
        case "gatewayloadbalancer" -> GATEWAY_LOAD_BALANCER;
        default -> OTHER;
      };
    }
  }
}
