package dev.sgreach.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.common.collect.ImmutableList;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The path model's values validate themselves and name the field and value they refuse. */
class PathModelTest {
  @Test
  void acl_entries_keep_aws_rule_numbers_and_normalise_icmpv6_over_ipv4() {
    assertThatThrownBy(() -> NetworkAcl.Entry.inbound(0, NetworkAcl.Action.ALLOW, Ports.tcp(1), "0.0.0.0/0"))
        .hasMessage("network ACL rule number 0 must be in 1..32766");
    assertThatThrownBy(() -> NetworkAcl.Entry.inbound(32767, NetworkAcl.Action.ALLOW, Ports.allTraffic(),
        "0.0.0.0/0")).hasMessageContaining("32767 and 32768 are only the final '*' deny");
    NetworkAcl.Entry star = NetworkAcl.Entry.inbound(32767, NetworkAcl.Action.DENY, Ports.allTraffic(), "0.0.0.0/0");
    assertThat(star.isFinalDeny()).isTrue();
    assertThat(star.describe()).isEqualTo("inbound rule *: deny all traffic from 0.0.0.0/0");
    NetworkAcl.Entry v6 = NetworkAcl.Entry.outbound(10, NetworkAcl.Action.ALLOW, Ports.icmpv6(128, 0), "10.0.0.0/8");
    assertThat(v6.ports()).as("Table 1b: ICMPv6 with an IPv4 CIDR admits every type").isEqualTo(Ports.icmpv6All());
    assertThat(NetworkAcl.Action.parse("Deny")).isEqualTo(NetworkAcl.Action.DENY);
    assertThatThrownBy(() -> NetworkAcl.Action.parse("drop")).hasMessageContaining("'drop'");
  }

  @Test
  void an_acl_refuses_two_entries_with_one_number_in_one_direction() {
    assertThatThrownBy(() -> NetworkAcl.builder("acl-1").vpc("vpc-1")
        .inbound(100, NetworkAcl.Action.ALLOW, Ports.tcp(22), "0.0.0.0/0")
        .inbound(100, NetworkAcl.Action.DENY, Ports.tcp(22), "::/0").build())
        .hasMessage("acl-1: two inbound entries have rule number 100: 'inbound rule 100: allow tcp 22 from"
            + " 0.0.0.0/0' and 'inbound rule 100: deny tcp 22 from ::/0'");
    NetworkAcl ok = NetworkAcl.builder("acl-1").vpc("vpc-1")
        .inbound(100, NetworkAcl.Action.ALLOW, Ports.tcp(22), "0.0.0.0/0")
        .outbound(100, NetworkAcl.Action.ALLOW, Ports.tcp(22), "0.0.0.0/0").build();
    assertThat(ok.entries(true)).hasSize(1);
    assertThatThrownBy(() -> NetworkAcl.builder("acl-1").build()).hasMessage("acl-1: network ACL needs a VpcId");
  }

  @Test
  void route_targets_are_read_from_their_ids_and_routes_need_one_destination() {
    assertThat(RouteTarget.of("igw-0a1").kind()).isEqualTo(RouteTarget.Kind.INTERNET_GATEWAY);
    assertThat(RouteTarget.of("eigw-0a1").kind()).isEqualTo(RouteTarget.Kind.EGRESS_ONLY_INTERNET_GATEWAY);
    assertThat(RouteTarget.of("i-0a1").kind()).isEqualTo(RouteTarget.Kind.INSTANCE);
    assertThat(RouteTarget.of("local")).isEqualTo(RouteTarget.LOCAL);
    assertThat(RouteTarget.of("arn:aws:networkmanager::1:core-network/x").kind())
        .isEqualTo(RouteTarget.Kind.CORE_NETWORK);
    assertThatThrownBy(() -> RouteTarget.of("gw-1")).hasMessageContaining("unknown route target 'gw-1'");
    assertThatThrownBy(() -> new RouteTable.Route(Optional.of(Cidr.parse("0.0.0.0/0")), Optional.of("pl-1"),
        RouteTarget.of("igw-1"), null, null)).hasMessageContaining("needs exactly one of DestinationCidrBlock");
    assertThatThrownBy(() -> new RouteTable.Route(Optional.of(Cidr.parse("0.0.0.0/0")), Optional.empty(),
        RouteTarget.none(), RouteTable.State.ACTIVE, null)).hasMessageContaining("only a blackhole route can");
    assertThat(RouteTable.State.parse("blackhole")).isEqualTo(RouteTable.State.BLACKHOLE);
    assertThat(RouteTable.Origin.parse("EnableVgwRoutePropagation"))
        .isEqualTo(RouteTable.Origin.ENABLE_VGW_ROUTE_PROPAGATION);
    assertThatThrownBy(() -> RouteTable.builder("rtb-1").vpc("vpc-1").main(true).gateway("igw-1").build())
        .hasMessageContaining("the main route table cannot have an edge association");
  }

  @Test
  void subnets_gateways_and_transit_gateways_validate() {
    assertThatThrownBy(() -> Subnet.of("subnet-1", "vpc-1", "az1")).hasMessageContaining("needs a CidrBlock");
    assertThatThrownBy(() -> Subnet.of("subnet-1", "vpc-1", "az1", "10.0.0.0/24", "10.0.0.128/25"))
        .hasMessageContaining("overlap");
    assertThat(Subnet.of("subnet-1", "vpc-1", "az1", "10.0.0.0/24").contains(Cidr.parse("10.0.0.7"))).isTrue();
    assertThat(InternetGateway.attached("igw-1", "vpc-1").isAttachedTo("vpc-1")).isTrue();
    assertThat(InternetGateway.egressOnly("eigw-1", "vpc-1").isAttachedTo("vpc-1")).as("eigw reports attached")
        .isTrue();
    assertThat(new InternetGateway("igw-1", false, "", ImmutableList.of(new InternetGateway.Attachment("vpc-1",
        "detaching"))).isAttachedTo("vpc-1")).isFalse();
    assertThatThrownBy(() -> NatGateway.publicNat("nat-1", "vpc-1", "subnet-1", "10.0.0.5", "2600::1"))
        .hasMessageContaining("PublicIp must be an IPv4 address");
    assertThatThrownBy(() -> TransitGateway.builder("tgw-1")
        .attachment(TransitGateway.Attachment.vpc("tgw-attach-1", "vpc-1", null))
        .attachment(TransitGateway.Attachment.vpc("tgw-attach-1", "vpc-2", null)).build())
        .hasMessage("tgw-1: two attachments have the id tgw-attach-1");
    assertThatThrownBy(() -> new TransitGateway.Route(Cidr.parse("10.0.0.0/8"), ImmutableList.of(), false, false))
        .hasMessageContaining("names no attachment");
    assertThat(VpcEndpoint.Type.parse("GatewayLoadBalancer")).isEqualTo(VpcEndpoint.Type.GATEWAY_LOAD_BALANCER);
    assertThat(VpcEndpoint.Type.parse("ServiceNetwork")).isEqualTo(VpcEndpoint.Type.OTHER);
  }

  @Test
  void public_addresses_pair_with_private_ones() {
    NetworkInterface e = NetworkInterface.builder("eni-1").addresses("10.0.0.5", "10.0.0.6")
        .publicIp("3.3.3.3", "10.0.0.6").build();
    assertThat(e.publicIpv4ByPrivate()).containsEntry(Cidr.parse("10.0.0.6"), Cidr.parse("3.3.3.3"));
    assertThat(e.publicIpv4()).containsExactly(Cidr.parse("3.3.3.3"));
    assertThat(e.toBuilder().build()).isEqualTo(e);
    assertThatThrownBy(() -> NetworkInterface.builder("eni-1").address("10.0.0.5").publicIp("3.3.3.3", "10.0.0.9")
        .build()).hasMessageContaining("10.0.0.9, which is not one of its private IPv4 addresses");
  }

  @Test
  void a_peering_keeps_its_old_shape_and_gains_its_sides() {
    VpcPeering old = new VpcPeering("pcx-1", "vpc-1", "vpc-2", "active");
    assertThat(old.requester()).isEqualTo(VpcPeering.Side.UNKNOWN);
    VpcPeering full = new VpcPeering("pcx-1", "vpc-1", "vpc-2", "active", VpcPeering.Side.UNKNOWN,
        new VpcPeering.Side("222", "eu-west-1", ImmutableList.of(Cidr.parse("10.2.0.0/16"))));
    assertThat(full.side("vpc-2").region()).isEqualTo("eu-west-1");
    assertThat(full.otherEnd("vpc-1")).contains("vpc-2");
    assertThat(full.otherEnd("vpc-3")).isEmpty();
  }

  @Test
  void a_network_says_which_layers_its_data_covers() {
    Network sg = Network.builder().add(Vpc.of("vpc-1", "10.0.0.0/16")).build();
    assertThat(sg.layers()).containsExactly(Layer.SECURITY_GROUPS);
    Network acl = sg.toBuilder().add(NetworkAcl.defaultAllowAll("acl-1", "vpc-1")).build();
    assertThat(acl.layers()).containsExactly(Layer.SECURITY_GROUPS, Layer.NETWORK_ACLS);
    Network declared = sg.toBuilder().collected(Layer.ROUTES).build();
    assertThat(declared.covers(Layer.ROUTES)).isTrue();
    assertThat(declared).isNotEqualTo(sg);
    assertThat(Network.builder().addAll(declared).build()).isEqualTo(declared);
    assertThat(acl.toString()).contains("0 subnets, 1 network ACLs, 0 route tables");
  }
}
