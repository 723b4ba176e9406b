package dev.sgreach.snapshot;

import static dev.sgreach.snapshot.RealDataTest.REAL;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.collect.ImmutableList;
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
import dev.sgreach.model.VpcPeering;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The path responses of the real Batfish captures (DOMAIN-PATH.md table 6a) read into the model with the values the
 * files hold: subnets, ACL entries (ICMP, TCP ports, the {@code *} denies), associations of both kinds, routes of
 * every target kind seen (local, internet gateway, NAT gateway, peering, transit gateway, gateway endpoint by prefix
 * list, virtual private gateway, blackholes, propagated routes), NAT gateways, endpoints, transit gateways assembled
 * across two accounts, and the public address of each private one.
 */
class PathRealDataTest {
  private static final String AWS = "batfish/representation/aws/";

  private static Network read(String folder) {
    return Snapshots.read(REAL.resolve(folder));
  }

  @Test
  void aCustomAclReadsWithItsIcmpRuleItsAllowAllAndTheStarDenies() {
    Network n = read(AWS + "test-nat-gateway/aws_configs");

    NetworkAcl acl = n.networkAcls().get("acl-0792adae678b88f85");
    assertThat(acl.isDefault()).isFalse();
    assertThat(acl.vpcId()).isEqualTo("vpc-0008a7b45e3ddf1dd");
    assertThat(acl.subnetIds()).containsExactly("subnet-0428892a357fa1f94");
    assertThat(acl.entries(false)).containsExactly(
        NetworkAcl.Entry.inbound(100, NetworkAcl.Action.ALLOW, Ports.icmpAll(), "10.1.1.0/24"),
        NetworkAcl.Entry.inbound(200, NetworkAcl.Action.ALLOW, Ports.allTraffic(), "0.0.0.0/0"),
        NetworkAcl.Entry.inbound(32767, NetworkAcl.Action.DENY, Ports.allTraffic(), "0.0.0.0/0"));
    assertThat(acl.entries(true)).containsExactly(
        NetworkAcl.Entry.outbound(100, NetworkAcl.Action.ALLOW, Ports.allTraffic(), "0.0.0.0/0"),
        NetworkAcl.Entry.outbound(32767, NetworkAcl.Action.DENY, Ports.allTraffic(), "0.0.0.0/0"));
    assertThat(n.layers()).containsExactlyInAnyOrder(Layer.SECURITY_GROUPS, Layer.NETWORK_ACLS, Layer.ROUTES);
  }

  @Test
  void aDefaultAclWhoseInboundRulesWereEditedKeepsItsTcpPortRange() {
    Network n = read("batfish/networks/hybrid-cloud-aws/aws_configs/us-west-2");

    NetworkAcl acl = n.networkAcls().get("acl-4db39c28");
    assertThat(acl.isDefault()).isTrue();
    assertThat(acl.entries(false)).contains(
        NetworkAcl.Entry.inbound(100, NetworkAcl.Action.ALLOW, Ports.tcp(3306), "162.243.144.192/32"));
    assertThat(acl.subnetIds()).hasSize(3);
  }

  @Test
  void routeTablesReadWithTheirMainAndExplicitAssociationsAndEveryTargetKind() {
    Network nat = read(AWS + "test-nat-gateway/aws_configs");

    RouteTable priv = nat.routeTables().get("rtb-02fe228b42de92a7c");
    assertThat(priv.main()).isFalse();
    assertThat(priv.subnetIds()).containsExactly("subnet-06f469bcee42e408e");
    assertThat(priv.routes()).containsExactly(RouteTable.Route.to("10.1.0.0/16", RouteTarget.LOCAL),
        RouteTable.Route.to("0.0.0.0/0", RouteTarget.of("nat-07ab4846da51f4612")));
    assertThat(nat.routeTables().get("rtb-0e169c4a1e0b27b55").main()).isTrue();
    assertThat(nat.routeTables().get("rtb-0e169c4a1e0b27b55").subnetIds()).isEmpty();

    Network gateway = read(AWS + "test-vpc-endpoint-gateway/aws_configs/us-east-1");
    assertThat(gateway.routeTables().get("rtb-0efde4139784b75b0").routes()).contains(
        RouteTable.Route.toPrefixList("pl-63a5400a", RouteTarget.of("vpce-0b7357542bb7b83ec")),
        RouteTable.Route.to("0.0.0.0/0", RouteTarget.of("igw-0c8afe4471084ccba")));

    Network peering = read(AWS + "test-vpc-peering/aws_configs");
    assertThat(peering.routeTables().values().stream().flatMap(t -> t.routes().stream()))
        .contains(RouteTable.Route.to("192.168.1.0/24", RouteTarget.of("pcx-0b89b559e3319d6cf")))
        .contains(RouteTable.Route.to("0.0.0.0/0", RouteTarget.of("igw-0a2c9ae201b441bff"))
            .withState(RouteTable.State.BLACKHOLE));

    Network hybrid = read("batfish/networks/hybrid-cloud-aws/aws_configs/us-west-2");
    assertThat(hybrid.routeTables().get("rtb-f28e418b").routes()).contains(
        RouteTable.Route.to("0.0.0.0/0", RouteTarget.of("nat-055c00735cace0ec4")).withState(
            RouteTable.State.BLACKHOLE));
    assertThat(hybrid.routeTables().get("rtb-296bf350").routes())
        .filteredOn(r -> r.origin() == RouteTable.Origin.ENABLE_VGW_ROUTE_PROPAGATION).hasSize(5)
        .allSatisfy(r -> assertThat(r.target().kind()).isEqualTo(RouteTarget.Kind.VIRTUAL_PRIVATE_GATEWAY));

    Network tgw = read(AWS + "test-transit-gateway/aws_configs");
    assertThat(tgw.routeTables().values().stream().flatMap(t -> t.routes().stream()))
        .contains(RouteTable.Route.to("192.168.0.0/16", RouteTarget.of("tgw-044be4464fcc69aff")));
  }

  @Test
  void subnetsGatewaysAndEndpointsReadWithTheirZonesAddressesAndStates() {
    Network n = read(AWS + "test-nat-gateway/aws_configs");

    assertThat(n.subnets().get("subnet-06f469bcee42e408e")).isEqualTo(new Subnet("subnet-06f469bcee42e408e",
        "vpc-0008a7b45e3ddf1dd", "554773406868", "us-east-2b", "use2-az2",
        ImmutableList.of(Cidr.parse("10.1.1.0/24"))));
    assertThat(n.natGateways().get("nat-07ab4846da51f4612")).isEqualTo(new NatGateway("nat-07ab4846da51f4612",
        "vpc-0008a7b45e3ddf1dd", "subnet-0428892a357fa1f94", "available", false, ImmutableList.of(
            new NatGateway.Address(Cidr.parse("10.1.250.210"), Optional.of(Cidr.parse("3.135.127.225")),
                "eni-017aaec115610308a"))));
    assertThat(n.internetGateways().get("igw-071753b9c23d8a9b2")).isEqualTo(new InternetGateway(
        "igw-071753b9c23d8a9b2", false, "554773406868", ImmutableList.of(new InternetGateway.Attachment(
            "vpc-0008a7b45e3ddf1dd", "available"))));

    Network e = read(AWS + "test-vpc-endpoint-interface/aws_configs/us-east-1");
    VpcEndpoint trail = e.vpcEndpoints().get("vpce-083c683a6be29b889");
    assertThat(trail.type()).isEqualTo(VpcEndpoint.Type.INTERFACE);
    assertThat(trail.serviceName()).isEqualTo("com.amazonaws.us-east-1.cloudtrail");
    assertThat(trail.subnetIds()).containsExactly("subnet-0bb8615d8368ece31");
    assertThat(trail.networkInterfaceIds()).containsExactly("eni-0084b734451ba23ca");
    assertThat(trail.groupIds()).containsExactly("sg-0973207c61f3466e1");
    assertThat(trail.isAvailable()).isTrue();
    VpcEndpoint s3 = read(AWS + "test-vpc-endpoint-gateway/aws_configs/us-east-1").vpcEndpoints()
        .get("vpce-0b7357542bb7b83ec");
    assertThat(s3.type()).isEqualTo(VpcEndpoint.Type.GATEWAY);
    assertThat(s3.routeTableIds()).containsExactly("rtb-04f71fc2caa8d94cf", "rtb-0efde4139784b75b0");
  }

  @Test
  void publicAddressesStandForThePrivateAddressTheyAreAssociatedWith() {
    Network n = read(AWS + "test-public-subnet/aws_configs");

    assertThat(n.interfaces().values()).anySatisfy(e -> assertThat(e.publicIpv4ByPrivate())
        .containsEntry(Cidr.parse("10.0.0.91"), Cidr.parse("18.216.80.133")));
  }

  @Test
  void peeringsKeepEachSidesOwnerRegionAndBlocks() {
    Network n = read(AWS + "test-vpc-peering/aws_configs");

    VpcPeering p = n.peerings().get("pcx-0b89b559e3319d6cf");
    assertThat(p.requester()).isEqualTo(new VpcPeering.Side("554773406868", "us-east-2",
        ImmutableList.of(Cidr.parse("10.10.0.0/16"))));
    assertThat(p.accepter().cidrs()).containsExactly(Cidr.parse("192.168.0.0/16"));
  }

  @Test
  void aTransitGatewaySharedBetweenTwoAccountsIsAssembledFromBothAndTheAccountThatOwnsItsTables() {
    Path configs = REAL.resolve(AWS + "test-transit-gateway-multi-account/aws_configs");

    Network both = Snapshots.read(configs);

    TransitGateway g = both.transitGateways().get("tgw-0efdeab79e9a8e490");
    assertThat(g.ownerId()).isEqualTo("028403472736");
    assertThat(g.attachments()).extracting(TransitGateway.Attachment::id)
        .containsExactlyInAnyOrder("tgw-attach-0f832eb2ca4a975a4", "tgw-attach-0f8397dbb9b9bce0d");
    TransitGateway.Attachment fish = g.attachment("tgw-attach-0f8397dbb9b9bce0d").orElseThrow();
    assertThat(fish.resourceId()).isEqualTo("vpc-08287a9084472b276");
    assertThat(fish.resourceOwnerId()).isEqualTo("951601349076");
    assertThat(fish.routeTableId()).contains("tgw-rtb-0b2c8eeefcf19371b");
    assertThat(fish.subnetIds()).containsExactly("subnet-0ffa87ae0b553703e");
    assertThat(g.routeTables()).singleElement().satisfies(t -> {
      assertThat(t.propagations()).containsExactly("tgw-attach-0f832eb2ca4a975a4", "tgw-attach-0f8397dbb9b9bce0d");
      assertThat(t.propagationsKnown()).isTrue();
      assertThat(t.staticRoutes()).isEmpty();
      assertThat(t.staticRoutesComplete()).isTrue();
      assertThat(t.propagatedRoutes()).isEmpty();
    });
    // the account that does not own the gateway sees its attachment but none of the gateway's tables
    Network fishOnly = Snapshots.read(configs.resolve("accounts/951601349076/us-east-1"));
    assertThat(fishOnly.transitGateways().get("tgw-0efdeab79e9a8e490").routeTables()).isEmpty();
  }

  @Test
  void transitGatewayPeeringAttachmentsAndStaticRoutesReadOnBothGateways() {
    Network n = read(AWS + "test-transit-gateway-peering/aws_configs");

    TransitGateway bat = n.transitGateways().get("tgw-0e20010ebf43d07a2");
    TransitGateway fish = n.transitGateways().get("tgw-03201f1960ddb0c25");
    assertThat(bat.attachment("tgw-attach-012e5d602f859dd80")).hasValueSatisfying(a -> {
      assertThat(a.isPeering()).isTrue();
      assertThat(a.resourceId()).isEqualTo("tgw-03201f1960ddb0c25");
    });
    assertThat(fish.attachment("tgw-attach-012e5d602f859dd80")).hasValueSatisfying(
        a -> assertThat(a.resourceId()).isEqualTo("tgw-0e20010ebf43d07a2"));
    assertThat(bat.routeTable("tgw-rtb-018a5e572ec3088d1")).hasValueSatisfying(t -> assertThat(t.staticRoutes())
        .containsExactly(TransitGateway.Route.to("192.168.0.0/16", "tgw-attach-012e5d602f859dd80")));
  }

  @Test
  void aFolderWithoutAclOrRouteFilesCoversSecurityGroupsOnly() {
    Network peering = read(AWS + "test-vpc-peering-multi-account/aws_configs");
    Network demo = read("cloudmapper/account-data/demo/us-east-1");

    // route tables were collected there, network ACLs were not
    assertThat(peering.layers()).containsExactlyInAnyOrder(Layer.SECURITY_GROUPS, Layer.ROUTES);
    // the CloudMapper demo has subnets but neither ACLs nor route tables: subnets alone cover no layer
    assertThat(demo.subnets()).isNotEmpty();
    assertThat(demo.layers()).containsExactly(Layer.SECURITY_GROUPS);
  }
}
