package dev.sgreach.aws;

import com.google.common.collect.ImmutableList;
import dev.sgreach.model.Cidr;
import dev.sgreach.model.InternetGateway;
import dev.sgreach.model.NatGateway;
import dev.sgreach.model.NetworkAcl;
import dev.sgreach.model.RouteTable;
import dev.sgreach.model.Subnet;
import dev.sgreach.model.TransitGateway;
import dev.sgreach.model.VpcEndpoint;
import dev.sgreach.snapshot.AwsValues;
import dev.sgreach.snapshot.Location;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.ec2.model.EgressOnlyInternetGateway;
import software.amazon.awssdk.services.ec2.model.IcmpTypeCode;
import software.amazon.awssdk.services.ec2.model.InternetGatewayAttachment;
import software.amazon.awssdk.services.ec2.model.NatGatewayAddress;
import software.amazon.awssdk.services.ec2.model.NetworkAclEntry;
import software.amazon.awssdk.services.ec2.model.PortRange;
import software.amazon.awssdk.services.ec2.model.Route;
import software.amazon.awssdk.services.ec2.model.RouteTableAssociation;
import software.amazon.awssdk.services.ec2.model.SubnetIpv6CidrBlockAssociation;
import software.amazon.awssdk.services.ec2.model.TransitGatewayAttachment;
import software.amazon.awssdk.services.ec2.model.TransitGatewayRoute;
import software.amazon.awssdk.services.ec2.model.TransitGatewayRouteAttachment;
import software.amazon.awssdk.services.ec2.model.TransitGatewayVpcAttachment;

/**
 * The live loader's half of the packet path's mapping (DOMAIN-PATH.md section 5): AWS SDK v2 objects of
 * {@code DescribeSubnets}, {@code DescribeNetworkAcls}, {@code DescribeRouteTables}, the gateway, endpoint and transit
 * gateway calls, onto the model. The snapshot reader maps the same shapes from JSON ({@code PathItems}); both take
 * every decision about a value from {@link AwsValues}, and the round-trip test keeps them equal. Field names in
 * locations are the CLI JSON's.
 */
final class SdkPathShapes {
  private SdkPathShapes() {}

  static Subnet toModel(software.amazon.awssdk.services.ec2.model.Subnet s, Location loc) {
    Set<Cidr> blocks = new LinkedHashSet<>();
    if (s.cidrBlock() != null) {
      blocks.add(AwsValues.cidr(s.cidrBlock(), 4, loc.field("CidrBlock")));
    }
    List<SubnetIpv6CidrBlockAssociation> v6 = s.ipv6CidrBlockAssociationSet();
    for (int i = 0; i < v6.size(); i++) {
      SubnetIpv6CidrBlockAssociation a = v6.get(i);
      String state = a.ipv6CidrBlockState() == null ? null : a.ipv6CidrBlockState().stateAsString();
      if (AwsValues.associated(state)) {
        Location at = loc.field("Ipv6CidrBlockAssociationSet").index(i).field("Ipv6CidrBlock");
        blocks.add(AwsValues.cidr(at.require(a.ipv6CidrBlock()), 6, at));
      }
    }
    String id = loc.field("SubnetId").require(s.subnetId());
    String vpc = loc.field("VpcId").require(s.vpcId());
    return loc.build(() -> new Subnet(id, vpc, s.ownerId(), s.availabilityZone(), s.availabilityZoneId(),
        ImmutableList.copyOf(blocks)));
  }

  static NetworkAcl toModel(software.amazon.awssdk.services.ec2.model.NetworkAcl a, Location loc) {
    NetworkAcl.Builder b = NetworkAcl.builder(loc.field("NetworkAclId").require(a.networkAclId()))
        .vpc(loc.field("VpcId").require(a.vpcId())).owner(a.ownerId()).isDefault(Boolean.TRUE.equals(a.isDefault()));
    for (int i = 0; i < a.associations().size(); i++) {
      Location at = loc.field("Associations").index(i).field("SubnetId");
      b.subnets(at.require(a.associations().get(i).subnetId()));
    }
    for (int i = 0; i < a.entries().size(); i++) {
      NetworkAclEntry e = a.entries().get(i);
      PortRange p = e.portRange();
      IcmpTypeCode icmp = e.icmpTypeCode();
      b.entry(AwsValues.aclEntry(e.ruleNumber(), e.egress(), e.protocol(), e.cidrBlock(), e.ipv6CidrBlock(),
          p == null ? null : new Integer[] {p.from(), p.to()}, icmp == null ? null : new Integer[] {icmp.type(),
              icmp.code()}, e.ruleActionAsString(), loc.field("Entries").index(i)));
    }
    return loc.build(b::build);
  }

  static RouteTable toModel(software.amazon.awssdk.services.ec2.model.RouteTable t, Location loc) {
    RouteTable.Builder b = RouteTable.builder(loc.field("RouteTableId").require(t.routeTableId()))
        .vpc(loc.field("VpcId").require(t.vpcId())).owner(t.ownerId());
    for (RouteTableAssociation a : t.associations()) {
      String state = a.associationState() == null ? null : a.associationState().stateAsString();
      if (!AwsValues.associated(state)) {
        continue;
      }
      if (Boolean.TRUE.equals(a.main())) {
        b.main(true);
      }
      if (a.subnetId() != null && !a.subnetId().isBlank()) {
        b.subnets(a.subnetId());
      }
      if (a.gatewayId() != null && !a.gatewayId().isBlank()) {
        b.gateway(a.gatewayId());
      }
    }
    for (int i = 0; i < t.routes().size(); i++) {
      Route r = t.routes().get(i);
      Map<String, String> targets = new LinkedHashMap<>();
      targets.put("GatewayId", r.gatewayId());
      targets.put("NatGatewayId", r.natGatewayId());
      targets.put("TransitGatewayId", r.transitGatewayId());
      targets.put("VpcPeeringConnectionId", r.vpcPeeringConnectionId());
      targets.put("EgressOnlyInternetGatewayId", r.egressOnlyInternetGatewayId());
      targets.put("InstanceId", r.instanceId());
      targets.put("NetworkInterfaceId", r.networkInterfaceId());
      targets.put("LocalGatewayId", r.localGatewayId());
      targets.put("CarrierGatewayId", r.carrierGatewayId());
      targets.put("CoreNetworkArn", r.coreNetworkArn());
      b.route(AwsValues.route(r.destinationCidrBlock(), r.destinationIpv6CidrBlock(), r.destinationPrefixListId(),
          targets, r.stateAsString(), r.originAsString(), loc.field("Routes").index(i)));
    }
    return loc.build(b::build);
  }

  static InternetGateway toModel(software.amazon.awssdk.services.ec2.model.InternetGateway g, Location loc) {
    String id = loc.field("InternetGatewayId").require(g.internetGatewayId());
    return loc.build(() -> new InternetGateway(id, false, g.ownerId(), attachments(g.attachments(),
        loc.field("Attachments"))));
  }

  static InternetGateway toModel(EgressOnlyInternetGateway g, Location loc) {
    String id = loc.field("EgressOnlyInternetGatewayId").require(g.egressOnlyInternetGatewayId());
    return loc.build(() -> new InternetGateway(id, true, "", attachments(g.attachments(),
        loc.field("Attachments"))));
  }

  private static ImmutableList<InternetGateway.Attachment> attachments(List<InternetGatewayAttachment> list,
      Location loc) {
    ImmutableList.Builder<InternetGateway.Attachment> out = ImmutableList.builder();
    for (int i = 0; i < list.size(); i++) {
      InternetGatewayAttachment a = list.get(i);
      Location at = loc.index(i);
      out.add(at.build(() -> new InternetGateway.Attachment(at.field("VpcId").require(a.vpcId()),
          a.stateAsString())));
    }
    return out.build();
  }

  static NatGateway toModel(software.amazon.awssdk.services.ec2.model.NatGateway n, Location loc) {
    String id = loc.field("NatGatewayId").require(n.natGatewayId());
    String subnet = loc.field("SubnetId").require(n.subnetId());
    String state = n.stateAsString();
    boolean available = state == null || state.equalsIgnoreCase("available");
    List<NatGateway.Address> addresses = new ArrayList<>();
    for (int i = 0; i < n.natGatewayAddresses().size(); i++) {
      NatGatewayAddress a = n.natGatewayAddresses().get(i);
      Location at = loc.field("NatGatewayAddresses").index(i);
      if (a.privateIp() == null && !available) {
        continue; // a gateway being deleted or that failed may list addresses it no longer holds
      }
      Cidr privateIp = AwsValues.address(at.field("PrivateIp").require(a.privateIp()), 4, at.field("PrivateIp"));
      Optional<Cidr> publicIp = a.publicIp() == null ? Optional.empty()
          : Optional.of(AwsValues.address(a.publicIp(), 4, at.field("PublicIp")));
      addresses.add(at.build(() -> new NatGateway.Address(privateIp, publicIp, a.networkInterfaceId())));
    }
    boolean isPrivate = "private".equalsIgnoreCase(n.connectivityTypeAsString());
    return loc.build(() -> new NatGateway(id, n.vpcId(), subnet, state, isPrivate, ImmutableList.copyOf(addresses)));
  }

  static VpcEndpoint toModel(software.amazon.awssdk.services.ec2.model.VpcEndpoint e, Location loc) {
    String id = loc.field("VpcEndpointId").require(e.vpcEndpointId());
    VpcEndpoint.Type type = VpcEndpoint.Type.parse(loc.field("VpcEndpointType").require(e.vpcEndpointTypeAsString()));
    List<String> groups = new ArrayList<>();
    for (int i = 0; i < e.groups().size(); i++) {
      groups.add(loc.field("Groups").index(i).field("GroupId").require(e.groups().get(i).groupId()));
    }
    return loc.build(() -> new VpcEndpoint(id, type, e.vpcId(), e.serviceName(), e.stateAsString(),
        ImmutableList.copyOf(e.routeTableIds()), ImmutableList.copyOf(e.subnetIds()),
        ImmutableList.copyOf(e.networkInterfaceIds()), ImmutableList.copyOf(groups)));
  }

  /** An entry of describe-transit-gateway-attachments: resource, state and association. */
  static TransitGateway.Attachment toModel(TransitGatewayAttachment a, Location loc) {
    String id = loc.field("TransitGatewayAttachmentId").require(a.transitGatewayAttachmentId());
    loc.field("TransitGatewayId").require(a.transitGatewayId());
    Optional<String> table = a.association() != null && AwsValues.associated(a.association().stateAsString())
        ? Optional.ofNullable(a.association().transitGatewayRouteTableId()) : Optional.empty();
    return loc.build(() -> new TransitGateway.Attachment(id, a.resourceTypeAsString(), a.resourceId(),
        a.resourceOwnerId(), a.stateAsString(), table, ImmutableList.of(), false, Optional.empty(),
        Optional.empty()));
  }

  /** An entry of describe-transit-gateway-vpc-attachments: the VPC, state, subnets and options. */
  static TransitGateway.Attachment toModel(TransitGatewayVpcAttachment a, Location loc) {
    String id = loc.field("TransitGatewayAttachmentId").require(a.transitGatewayAttachmentId());
    loc.field("TransitGatewayId").require(a.transitGatewayId());
    String vpc = loc.field("VpcId").require(a.vpcId());
    var o = a.options();
    return loc.build(() -> new TransitGateway.Attachment(id, "vpc", vpc, a.vpcOwnerId(), a.stateAsString(),
        Optional.empty(), ImmutableList.copyOf(a.subnetIds()), o != null && AwsValues.enabled(o.ipv6SupportAsString()),
        o == null ? Optional.empty() : Optional.ofNullable(o.securityGroupReferencingSupportAsString())
            .map(AwsValues::enabled),
        o == null ? Optional.empty() : Optional.ofNullable(o.applianceModeSupportAsString()).map(AwsValues::enabled)));
  }

  /** A route of search-transit-gateway-routes: in force, or empty for a route sgreach does not count. */
  static Optional<TransitGateway.Route> toModel(TransitGatewayRoute r, Location loc) {
    List<String> attachments = new ArrayList<>();
    List<TransitGatewayRouteAttachment> list = r.transitGatewayAttachments();
    for (int i = 0; i < list.size(); i++) {
      attachments.add(loc.field("TransitGatewayAttachments").index(i).field("TransitGatewayAttachmentId")
          .require(list.get(i).transitGatewayAttachmentId()));
    }
    return AwsValues.transitGatewayRoute(r.destinationCidrBlock(), attachments, r.typeAsString(), r.stateAsString(),
        loc);
  }
}
