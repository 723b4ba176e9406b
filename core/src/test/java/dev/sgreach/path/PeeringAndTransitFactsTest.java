package dev.sgreach.path;

import static dev.sgreach.path.Judge.eni;
import static dev.sgreach.path.Judge.outside;
import static dev.sgreach.path.Judge.verdict;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.collect.ImmutableList;
import dev.sgreach.engine.Outcome;
import dev.sgreach.model.Cidr;
import dev.sgreach.model.Network;
import dev.sgreach.model.NetworkAcl;
import dev.sgreach.model.NetworkInterface;
import dev.sgreach.model.Ports;
import dev.sgreach.model.RouteTable;
import dev.sgreach.model.RouteTarget;
import dev.sgreach.model.Subnet;
import dev.sgreach.model.Traffic;
import dev.sgreach.model.TransitGateway;
import dev.sgreach.model.Vpc;
import dev.sgreach.model.VpcPeering;
import dev.sgreach.path.Hop.Step;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** VPC peering and transit gateway facts, one test each, named after DOMAIN-PATH.md section 3. */
class PeeringAndTransitFactsTest {

  /** The standard vpc-a and a vpc-b (10.1.0.0/16, subnets in az1 and az2), each routing the other's block as given. */
  private static Fixture twoVpcs(RouteTarget fromA, RouteTarget fromB) {
    Fixture f = Fixture.standard()
        .put(Vpc.of("vpc-b", "10.1.0.0/16"))
        .put(Subnet.of("subnet-b1", "vpc-b", "az1", "10.1.1.0/24"))
        .put(Subnet.of("subnet-b2", "vpc-b", "az2", "10.1.2.0/24"))
        .put(NetworkAcl.defaultAllowAll("acl-b", "vpc-b", "subnet-b1", "subnet-b2"))
        .put(NetworkInterface.builder("eni-b1").vpc("vpc-b").subnet("subnet-b1").addresses("10.1.1.10").build())
        .put(NetworkInterface.builder("eni-b2").vpc("vpc-b").subnet("subnet-b2").addresses("10.1.2.10").build());
    RouteTable.Builder mainA = RouteTable.builder("rtb-main").vpc("vpc-a").main(true)
        .route("10.0.0.0/16", RouteTarget.LOCAL).route("0.0.0.0/0", RouteTarget.of("nat-a"));
    RouteTable.Builder mainB = RouteTable.builder("rtb-b").vpc("vpc-b").main(true)
        .route("10.1.0.0/16", RouteTarget.LOCAL);
    if (fromA != null) {
      mainA.route("10.1.0.0/16", fromA);
    }
    if (fromB != null) {
      mainB.route("10.0.0.0/16", fromB);
    }
    return f.put(mainA.build()).put(mainB.build());
  }

  private static Fixture peered(RouteTarget fromB) {
    return twoVpcs(RouteTarget.of("pcx-ab"), fromB).put(VpcPeering.active("pcx-ab", "vpc-a", "vpc-b"));
  }

  /** Table 3a: with an active peering and routes on both sides, the packet and its reply cross it. */
  @Test
  void a_peering_with_routes_on_both_sides_carries_the_flow_both_ways() {
    Network n = peered(RouteTarget.of("pcx-ab")).build();
    PathVerdict v = verdict(n, eni(n, "eni-app"), eni(n, "eni-b1"), Traffic.tcp(5432));
    assertThat(v.outcome()).as(v.explain()).isEqualTo(Outcome.ALLOWED);
    assertThat(v.forward()).extracting(Hop::step).containsExactly(Step.ROUTE, Step.ACL_OUTBOUND, Step.VPC_PEERING,
        Step.ACL_INBOUND, Step.DELIVERY);
    assertThat(v.reply()).extracting(Hop::component).contains("rtb-b", "pcx-ab");
    assertThat(v.sourceAsSeen()).as("a peering translates nothing").contains(Cidr.parse("10.0.2.20"));
  }

  /** Table 3a: the peer's route table must route the reply back; without it the reply is dropped, with a fix. */
  @Test
  void without_a_route_back_the_reply_is_dropped() {
    Network n = peered(null).build();
    PathVerdict v = verdict(n, eni(n, "eni-app"), eni(n, "eni-b1"), Traffic.tcp(5432));
    Hop block = v.blockingHop().orElseThrow();
    assertThat(v.reply()).contains(block);
    assertThat(block.component()).isEqualTo("rtb-b");
    assertThat(block.code()).contains(ExplanationCode.NO_ROUTE_TO_DESTINATION);
    assertThat(v.fixes()).singleElement().satisfies(f -> assertThat(f.awsCliCommand()).isEqualTo(
        "aws ec2 create-route --route-table-id rtb-b --destination-cidr-block 10.0.0.0/16"
            + " --vpc-peering-connection-id pcx-ab"));
  }

  /** Table 3a: a peering that is not active carries nothing. */
  @Test
  void a_peering_that_is_not_active_carries_nothing() {
    Network n = peered(RouteTarget.of("pcx-ab"))
        .put(new VpcPeering("pcx-ab", "vpc-a", "vpc-b", "pending-acceptance")).build();
    PathVerdict v = verdict(n, eni(n, "eni-app"), eni(n, "eni-b1"), Traffic.tcp(5432));
    assertThat(v.blockingHop().orElseThrow().code()).contains(ExplanationCode.BAD_STATE);
  }

  /** Table 3a: a peering carries only packets for the peer VPC: it is not transitive. */
  @Test
  void a_peering_is_not_transitive() {
    Network n = peered(RouteTarget.of("pcx-ab"))
        .put(RouteTable.builder("rtb-main").vpc("vpc-a").main(true).route("10.0.0.0/16", RouteTarget.LOCAL)
            .route("10.0.0.0/8", RouteTarget.of("pcx-ab")).build()).build();
    PathVerdict v = verdict(n, eni(n, "eni-app"), outside("10.7.0.5"), Traffic.tcp(443));
    assertThat(v.blockingHop().orElseThrow().code()).contains(ExplanationCode.PCX_REQUIRES_ADDRESS_IN_VPC_CIDR);
  }

  /** Table 3a: the far side of a peering from another account is unknown, its blocks known from the peering. */
  @Test
  void a_peer_vpc_missing_from_the_snapshot_is_unknown() {
    Network n = Fixture.standard()
        .put(RouteTable.builder("rtb-main").vpc("vpc-a").main(true).route("10.0.0.0/16", RouteTarget.LOCAL)
            .route("10.9.0.0/16", RouteTarget.of("pcx-x")).build())
        .put(new VpcPeering("pcx-x", "vpc-a", "vpc-other", "active", VpcPeering.Side.UNKNOWN,
            new VpcPeering.Side("999999999999", "us-east-1", ImmutableList.of(Cidr.parse("10.9.0.0/16"))))).build();
    PathVerdict v = verdict(n, eni(n, "eni-app"), outside("10.9.1.1"), Traffic.tcp(443));
    assertThat(v.outcome()).as(v.explain()).isEqualTo(Outcome.UNKNOWN);
    assertThat(v.forward()).filteredOn(h -> h.outcome() == Outcome.UNKNOWN).singleElement()
        .satisfies(h -> assertThat(h.detail()).contains("vpc-other, is not in the snapshot"));
  }

  private static TransitGateway tgw(TransitGateway.Attachment a, TransitGateway.Attachment b,
      TransitGateway.RouteTable... tables) {
    TransitGateway.Builder g = TransitGateway.builder("tgw-1").attachment(a).attachment(b);
    for (TransitGateway.RouteTable t : tables) {
      g.routeTable(t);
    }
    return g.build();
  }

  private static Fixture transit(TransitGateway g) {
    return twoVpcs(RouteTarget.of("tgw-1"), RouteTarget.of("tgw-1")).put(g);
  }

  private static final TransitGateway.Attachment A = TransitGateway.Attachment.vpc("tgw-attach-a", "vpc-a",
      "tgw-rtb-1", "subnet-app", "subnet-db");
  private static final TransitGateway.Attachment B = TransitGateway.Attachment.vpc("tgw-attach-b", "vpc-b",
      "tgw-rtb-1", "subnet-b1", "subnet-b2");
  private static final TransitGateway.RouteTable PROPAGATED = TransitGateway.RouteTable.of("tgw-rtb-1",
      List.of("tgw-attach-a", "tgw-attach-b"));

  /** Table 3b: the attachment's associated table routes; VPC propagations stand for the VPCs' blocks. */
  @Test
  void a_transit_gateway_routes_with_the_associated_table_and_vpc_propagations() {
    Network n = transit(tgw(A, B, PROPAGATED)).build();
    PathVerdict v = verdict(n, eni(n, "eni-app"), eni(n, "eni-b1"), Traffic.tcp(5432));
    assertThat(v.outcome()).as(v.explain()).isEqualTo(Outcome.ALLOWED);
    assertThat(v.forward()).filteredOn(h -> h.transitGatewayRoute().isPresent()).singleElement()
        .satisfies(h -> assertThat(h.transitGatewayRoute().get().describe())
            .isEqualTo("10.1.0.0/16 -> tgw-attach-b (propagated)"));
    assertThat(v.forward()).extracting(Hop::subnetId).as("into vpc-b through the attachment subnet of az1")
        .contains("subnet-b1");
  }

  /** Table 3b, AZ coverage: from a zone the VPC attachment has no subnet in, the route to the gateway is not used. */
  @Test
  void from_a_zone_without_an_attachment_subnet_the_transit_gateway_is_not_reached() {
    TransitGateway.Attachment onlyAz1 = TransitGateway.Attachment.vpc("tgw-attach-a", "vpc-a", "tgw-rtb-1",
        "subnet-app");
    Network n = transit(tgw(onlyAz1, B, PROPAGATED)).build();
    PathVerdict v = verdict(n, eni(n, "eni-db"), eni(n, "eni-b1"), Traffic.tcp(5432));
    assertThat(v.blockingHop().orElseThrow().code()).contains(ExplanationCode.TGW_ROUTE_AZ_RESTRICTION);
    // inbound from the gateway still reaches every subnet of the VPC
    PathVerdict in = verdict(n, eni(n, "eni-b1"), eni(n, "eni-db"), Traffic.tcp(5432));
    assertThat(in.forward()).extracting(Hop::step).endsWith(Step.DELIVERY);
    assertThat(in.forward().get(in.forward().size() - 1).outcome()).isEqualTo(Outcome.ALLOWED);
  }

  /** Table 3b: no association, no route, a blackhole route. */
  @Test
  void a_transit_gateway_without_association_or_route_drops_with_reachability_analyzer_codes() {
    TransitGateway.Attachment unassociated = new TransitGateway.Attachment("tgw-attach-a", "vpc", "vpc-a", "",
        "available", Optional.empty(), ImmutableList.of("subnet-app", "subnet-db"), false, Optional.empty(),
        Optional.empty());
    Network n = transit(tgw(unassociated, B, PROPAGATED)).build();
    assertThat(verdict(n, eni(n, "eni-app"), eni(n, "eni-b1"), Traffic.tcp(5432)).blockingHop().orElseThrow().code())
        .contains(ExplanationCode.TGW_ATTACH_MISSING_TGW_RTB_ASSOCIATION);
    Network noRoute = transit(tgw(A, B, TransitGateway.RouteTable.of("tgw-rtb-1", List.of("tgw-attach-a"))))
        .build();
    PathVerdict v = verdict(noRoute, eni(noRoute, "eni-app"), eni(noRoute, "eni-b1"), Traffic.tcp(5432));
    assertThat(v.blockingHop().orElseThrow().code()).contains(ExplanationCode.TGW_RTB_CANNOT_ROUTE);
    assertThat(v.fixes()).singleElement().satisfies(f -> assertThat(f.awsCliCommand()).isEqualTo(
        "aws ec2 create-transit-gateway-route --transit-gateway-route-table-id tgw-rtb-1 --destination-cidr-block"
            + " 10.1.0.0/16 --transit-gateway-attachment-id tgw-attach-b"));
    Network blackhole = transit(tgw(A, B, TransitGateway.RouteTable.of("tgw-rtb-1",
        List.of("tgw-attach-a", "tgw-attach-b"), TransitGateway.Route.blackhole("10.1.1.0/24")))).build();
    assertThat(verdict(blackhole, eni(blackhole, "eni-app"), eni(blackhole, "eni-b1"), Traffic.tcp(5432))
        .blockingHop().orElseThrow().code()).contains(ExplanationCode.TGW_RTB_BAD_STATE_ROUTE);
    assertThat(verdict(blackhole, eni(blackhole, "eni-app"), eni(blackhole, "eni-b2"), Traffic.tcp(5432))
        .outcome()).as("the blackhole covers 10.1.1.0/24 only").isEqualTo(Outcome.ALLOWED);
  }

  /** Table 3b: routes the snapshot cannot know (a VPN propagation, a truncated list) make the answer unknown. */
  @Test
  void transit_gateway_routes_the_snapshot_cannot_know_are_unknown() {
    TransitGateway.Attachment vpn = new TransitGateway.Attachment("tgw-attach-vpn", "vpn", "vpn-1", "", "available",
        Optional.of("tgw-rtb-1"), ImmutableList.of(), false, Optional.empty(), Optional.empty());
    TransitGateway g = TransitGateway.builder("tgw-1").attachment(A).attachment(B).attachment(vpn)
        .routeTable(TransitGateway.RouteTable.of("tgw-rtb-1", List.of("tgw-attach-a", "tgw-attach-b",
            "tgw-attach-vpn"))).build();
    Network n = transit(g).build();
    PathVerdict v = verdict(n, eni(n, "eni-app"), eni(n, "eni-b1"), Traffic.tcp(5432));
    assertThat(v.outcome()).as(v.explain()).isEqualTo(Outcome.UNKNOWN);
    assertThat(v.forward()).filteredOn(h -> h.outcome() == Outcome.UNKNOWN).singleElement()
        .satisfies(h -> assertThat(h.code()).contains(ExplanationCode.TGW_RTB_ROUTES_ARE_UNKNOWN));
    Network truncated = transit(tgw(A, B, new TransitGateway.RouteTable("tgw-rtb-1",
        ImmutableList.of("tgw-attach-a", "tgw-attach-b"), ImmutableList.of(), false, Optional.empty()))).build();
    assertThat(verdict(truncated, eni(truncated, "eni-app"), eni(truncated, "eni-b1"), Traffic.tcp(5432))
        .outcome()).isEqualTo(Outcome.UNKNOWN);
    Network missingTable = transit(TransitGateway.builder("tgw-1").attachment(A).attachment(B).build()).build();
    assertThat(verdict(missingTable, eni(missingTable, "eni-app"), eni(missingTable, "eni-b1"), Traffic.tcp(5432))
        .outcome()).as("another account's table").isEqualTo(Outcome.UNKNOWN);
  }

  /**
   * Data a snapshot may lack: a VPC attachment without subnets (AWS gives every one a subnet, so its
   * describe-transit-gateway-vpc-attachments entry is missing), a table whose propagations were not collected.
   */
  @Test
  void an_attachment_without_subnets_or_a_table_without_propagations_is_unknown_not_denied() {
    TransitGateway.Attachment noSubnets = TransitGateway.Attachment.vpc("tgw-attach-a", "vpc-a", "tgw-rtb-1");
    Network n = transit(tgw(noSubnets, B, PROPAGATED)).build();
    PathVerdict v = verdict(n, eni(n, "eni-app"), eni(n, "eni-b1"), Traffic.tcp(5432));
    assertThat(v.outcome()).as(v.explain()).isEqualTo(Outcome.UNKNOWN);
    assertThat(v.forward()).filteredOn(h -> h.outcome() == Outcome.UNKNOWN).singleElement()
        .satisfies(h -> assertThat(h.detail()).isEqualTo("the subnets of tgw-attach-a are not in the snapshot"));

    Network unknownPropagations = transit(tgw(A, B, new TransitGateway.RouteTable("tgw-rtb-1", ImmutableList.of(),
        ImmutableList.of(), true, Optional.empty(), false))).build();
    PathVerdict u = verdict(unknownPropagations, eni(unknownPropagations, "eni-app"),
        eni(unknownPropagations, "eni-b1"), Traffic.tcp(5432));
    assertThat(u.outcome()).as(u.explain()).isEqualTo(Outcome.UNKNOWN);
    assertThat(u.forward()).filteredOn(h -> h.outcome() == Outcome.UNKNOWN).singleElement()
        .satisfies(h -> assertThat(h.detail()).isEqualTo("the propagations of tgw-rtb-1 are not in the snapshot"));
  }

  /** Table 3b: static routes beat propagated routes of the same prefix. */
  @Test
  void a_static_transit_gateway_route_beats_a_propagated_one() {
    Network n = transit(tgw(A, B, TransitGateway.RouteTable.of("tgw-rtb-1", List.of("tgw-attach-a",
        "tgw-attach-b"), TransitGateway.Route.blackhole("10.1.0.0/16")))).build();
    assertThat(verdict(n, eni(n, "eni-app"), eni(n, "eni-b1"), Traffic.tcp(5432)).blockingHop().orElseThrow()
        .code()).contains(ExplanationCode.TGW_RTB_BAD_STATE_ROUTE);
  }

  /** Table 3b: a peering attachment routes on with the same attachment's table on the peer gateway. */
  @Test
  void a_transit_gateway_peering_hands_over_to_the_peer_gateways_table() {
    TransitGateway g1 = TransitGateway.builder("tgw-1").attachment(A)
        .attachment(TransitGateway.Attachment.peering("tgw-attach-p", "tgw-2", "tgw-rtb-1"))
        .routeTable(TransitGateway.RouteTable.of("tgw-rtb-1", List.of("tgw-attach-a"),
            TransitGateway.Route.to("10.1.0.0/16", "tgw-attach-p"))).build();
    TransitGateway g2 = TransitGateway.builder("tgw-2").attachment(TransitGateway.Attachment.vpc("tgw-attach-b",
            "vpc-b", "tgw-rtb-2", "subnet-b1"))
        .attachment(TransitGateway.Attachment.peering("tgw-attach-p", "tgw-1", "tgw-rtb-2"))
        .routeTable(TransitGateway.RouteTable.of("tgw-rtb-2", List.of("tgw-attach-b"),
            TransitGateway.Route.to("10.0.0.0/16", "tgw-attach-p"))).build();
    Network n = twoVpcs(RouteTarget.of("tgw-1"), RouteTarget.of("tgw-2")).put(g1).put(g2).build();
    PathVerdict v = verdict(n, eni(n, "eni-app"), eni(n, "eni-b1"), Traffic.tcp(5432));
    assertThat(v.outcome()).as(v.explain()).isEqualTo(Outcome.ALLOWED);
    assertThat(v.forward()).extracting(Hop::component).contains("tgw-rtb-1", "tgw-rtb-2");
    Network half = twoVpcs(RouteTarget.of("tgw-1"), null).put(g1).build();
    PathVerdict unknown = verdict(half, eni(half, "eni-app"), eni(half, "eni-b1"), Traffic.tcp(5432));
    assertThat(unknown.outcome()).as("the peer gateway is in another account").isEqualTo(Outcome.UNKNOWN);
  }

  /** AWS's transit gateway ACL guide: the attachment subnet's ACL sees the packet inbound on its way to the gateway. */
  @Test
  void the_attachment_subnets_acl_judges_traffic_to_the_transit_gateway() {
    TransitGateway.Attachment viaDb = TransitGateway.Attachment.vpc("tgw-attach-a", "vpc-a", "tgw-rtb-1",
        "subnet-pub");
    Network n = transit(tgw(viaDb, B, PROPAGATED))
        .put(NetworkAcl.defaultAllowAll("acl-default", "vpc-a", "subnet-app", "subnet-db"))
        .put(NetworkAcl.builder("acl-pub").vpc("vpc-a").subnets("subnet-pub")
            .inbound(100, NetworkAcl.Action.DENY, Ports.allTraffic(), "10.0.2.0/24")
            .inbound(200, NetworkAcl.Action.ALLOW, Ports.allTraffic(), "0.0.0.0/0")
            .outbound(100, NetworkAcl.Action.ALLOW, Ports.allTraffic(), "0.0.0.0/0").build()).build();
    PathVerdict v = verdict(n, eni(n, "eni-app"), eni(n, "eni-b1"), Traffic.tcp(5432));
    Hop block = v.blockingHop().orElseThrow();
    assertThat(block.component()).isEqualTo("acl-pub");
    assertThat(block.step()).isEqualTo(Step.ACL_INBOUND);
    assertThat(block.subnetId()).isEqualTo("subnet-pub");
  }
}
