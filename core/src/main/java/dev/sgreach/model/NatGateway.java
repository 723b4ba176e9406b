package dev.sgreach.model;

import com.google.common.collect.ImmutableList;
import java.util.Locale;
import java.util.Optional;

/**
 * A NAT gateway ({@code describe-nat-gateways}): it sits in one subnet and rewrites the source of connections routed
 * to it to its own private address, which a public NAT gateway's Elastic IP then stands for at the internet gateway.
 *
 * <p>AWS's rules (DOMAIN-PATH.md table 2e): it carries TCP, UDP and ICMP only; nothing from outside can open a
 * connection through it; it forwards what it receives with its own subnet's route table; it picks its source ports
 * from 1024-65535; it takes no security group.
 *
 * @param id {@code nat-...}
 * @param vpcId the VPC
 * @param subnetId the subnet it sits in
 * @param state {@code available}, {@code pending}, {@code deleting}, {@code deleted}, {@code failed}
 * @param privateConnectivity true for {@code ConnectivityType: private} (no Elastic IP; it cannot use an internet
 *     gateway)
 * @param addresses its addresses: private IP, Elastic IP when public, and its ENI
 */
public record NatGateway(String id, String vpcId, String subnetId, String state, boolean privateConnectivity,
    ImmutableList<Address> addresses) {
  public NatGateway {
    if (id == null || id.isBlank()) {
      throw new IllegalArgumentException("NAT gateway needs a NatGatewayId");
    }
    if (subnetId == null || subnetId.isBlank()) {
      throw new IllegalArgumentException(id + ": NAT gateway needs a SubnetId");
    }
    vpcId = vpcId == null ? "" : vpcId;
    state = state == null ? "" : state.trim().toLowerCase(Locale.ROOT);
    addresses = addresses == null ? ImmutableList.of() : addresses;
  }

  /** An available public NAT gateway with one address. */
  public static NatGateway publicNat(String id, String vpcId, String subnetId, String privateIp, String publicIp) {
    return new NatGateway(id, vpcId, subnetId, "available", false, ImmutableList.of(
        new Address(Cidr.parseAddress(privateIp), Optional.of(Cidr.parseAddress(publicIp)), "")));
  }

  /** An available private NAT gateway with one address. */
  public static NatGateway privateNat(String id, String vpcId, String subnetId, String privateIp) {
    return new NatGateway(id, vpcId, subnetId, "available", true, ImmutableList.of(
        new Address(Cidr.parseAddress(privateIp), Optional.empty(), "")));
  }

  /** True when its state is {@code available}. */
  public boolean isAvailable() {
    return state.equals("available");
  }

  @Override
  public String toString() {
    return id;
  }

  /**
   * One address of a NAT gateway ({@code NatGatewayAddresses[]}).
   *
   * @param privateIp its private IPv4 address in its subnet
   * @param publicIp its Elastic IP, for a public NAT gateway
   * @param networkInterfaceId its ENI, empty when unknown
   */
  public record Address(Cidr privateIp, Optional<Cidr> publicIp, String networkInterfaceId) {
    public Address {
      if (privateIp == null || !privateIp.isIpv4() || !privateIp.isSingleAddress()) {
        throw new IllegalArgumentException("NAT gateway address needs a PrivateIp, an IPv4 address; got "
            + privateIp);
      }
      publicIp = publicIp == null ? Optional.empty() : publicIp;
      if (publicIp.isPresent() && (!publicIp.get().isIpv4() || !publicIp.get().isSingleAddress())) {
        throw new IllegalArgumentException("NAT gateway PublicIp must be an IPv4 address; got " + publicIp.get());
      }
      networkInterfaceId = networkInterfaceId == null ? "" : networkInterfaceId;
    }
  }
}
