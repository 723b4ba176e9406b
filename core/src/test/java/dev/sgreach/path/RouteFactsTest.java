package dev.sgreach.path;

import static dev.sgreach.path.Judge.eni;
import static dev.sgreach.path.Judge.outside;
import static dev.sgreach.path.Judge.verdict;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.common.collect.ImmutableList;
import dev.sgreach.engine.Outcome;
import dev.sgreach.model.Cidr;
import dev.sgreach.model.InternetGateway;
import dev.sgreach.model.NatGateway;
import dev.sgreach.model.Network;
import dev.sgreach.model.NetworkInterface;
import dev.sgreach.model.PrefixList;
import dev.sgreach.model.RouteTable;
import dev.sgreach.model.RouteTarget;
import dev.sgreach.model.Traffic;
import dev.sgreach.model.VpcEndpoint;
import dev.sgreach.path.Hop.Step;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Subnet, route table and gateway facts, one test each, named after DOMAIN-PATH.md section 2. */
class RouteFactsTest {

  private static RouteTable.Builder main() {
    return RouteTable.builder("rtb-main").vpc("vpc-a").main(true).route("10.0.0.0/16", RouteTarget.LOCAL)
        .route("2600:1f18:a::/56", RouteTarget.LOCAL);
  }

  /** Table 2a: a subnet uses its explicit table, else the VPC's main table, else its routes are unknown. */
  @Test
  void a_subnet_uses_its_explicit_table_else_the_main_one_else_it_is_unknown() {
    Network n = Fixture.standard().build();
    PathVerdict pub = verdict(n, eni(n, "eni-web"), outside("8.8.8.8"), Traffic.tcp(443));
    assertThat(pub.forward().get(0).component()).isEqualTo("rtb-pub");
    PathVerdict app = verdict(n, eni(n, "eni-app"), outside("8.8.8.8"), Traffic.tcp(443));
    assertThat(app.forward().get(0).component()).as("subnet-app has no association: the main table")
        .isEqualTo("rtb-main");
    Network noMain = Fixture.standard().put(main().main(false).build()).build();
    PathVerdict v = verdict(noMain, eni(noMain, "eni-app"), eni(noMain, "eni-db"), Traffic.tcp(5432));
    assertThat(v.outcome()).as(v.explain()).isEqualTo(Outcome.UNKNOWN);
    assertThat(v.forward().get(0).detail()).contains("the route table of subnet-app is not in the snapshot");
  }

  /** Table 2b: the longest prefix that contains the destination wins; IPv4 routes never carry IPv6. */
  @Test
  void the_longest_matching_prefix_wins_and_families_stay_apart() {
    Network n = Fixture.standard().put(main().route("0.0.0.0/0", RouteTarget.of("nat-a"))
        .route("8.8.8.0/24", RouteTarget.of("igw-a")).build()).build();
    PathVerdict v = verdict(n, eni(n, "eni-app"), outside("8.8.8.8"), Traffic.tcp(443));
    assertThat(v.forward().get(0).route()).map(RouteTable.Route::destinationText).contains("8.8.8.0/24");
    assertThat(v.blockingHop().orElseThrow().code()).as("eni-app has no public address for igw-a")
        .contains(ExplanationCode.IGW_PUBLIC_IP_ASSOCIATION_FOR_EGRESS);
    PathVerdict v6 = verdict(n, eni(n, "eni-app", "2600:1f18:a:2::20"), outside("2a05:d018::1"), Traffic.tcp(443));
    assertThat(v6.blockingHop().orElseThrow().code()).as("0.0.0.0/0 does not cover IPv6")
        .contains(ExplanationCode.NO_ROUTE_TO_DESTINATION);
  }

  /** Table 2b: a blackhole route drops, even when a less specific active route would carry the packet. */
  @Test
  void a_blackhole_route_drops_and_the_fix_replaces_it() {
    Network n = Fixture.standard().put(main()
        .route(RouteTable.Route.to("0.0.0.0/0", RouteTarget.of("nat-gone")).withState(RouteTable.State.BLACKHOLE))
        .build()).build();
    PathVerdict v = verdict(n, eni(n, "eni-app"), outside("8.8.8.8"), Traffic.tcp(443));
    Hop block = v.blockingHop().orElseThrow();
    assertThat(block.code()).contains(ExplanationCode.BAD_STATE_ROUTE);
    assertThat(block.route()).map(RouteTable.Route::describe).contains("0.0.0.0/0 -> nat-gone (blackhole)");
    assertThat(v.fixes()).singleElement().satisfies(f -> assertThat(f.awsCliCommand()).isEqualTo(
        "aws ec2 replace-route --route-table-id rtb-main --destination-cidr-block 0.0.0.0/0 --nat-gateway-id nat-a"));
  }

  /**
   * Table 2b, prefix lists: a static CIDR route beats a prefix-list route of equal length, a more specific
   * prefix-list route beats the default route, and a list whose entries are missing is unknown.
   */
  @Test
  void prefix_list_routes_rank_between_static_and_propagated_routes() {
    Fixture f = Fixture.standard()
        .put(PrefixList.of("pl-s3", "com.amazonaws.us-east-1.s3", "52.216.0.0/15"))
        .put(VpcEndpoint.gateway("vpce-s3", "vpc-a", "com.amazonaws.us-east-1.s3", "rtb-main"))
        .put(main().route("0.0.0.0/0", RouteTarget.of("nat-a"))
            .route(RouteTable.Route.toPrefixList("pl-s3", RouteTarget.of("vpce-s3"))).build());
    Network n = f.build();
    PathVerdict s3 = verdict(n, eni(n, "eni-app"), outside("52.216.5.5"), Traffic.tcp(443));
    assertThat(s3.outcome()).as(s3.explain()).isEqualTo(Outcome.ALLOWED);
    assertThat(s3.forward()).extracting(Hop::step).contains(Step.GATEWAY_ENDPOINT).doesNotContain(Step.NAT_GATEWAY);
    assertThat(s3.sourceAsSeen()).as("no translation on a gateway endpoint").contains(Cidr.parse("10.0.2.20"));
    Network staticWins = f.put(main().route("0.0.0.0/0", RouteTarget.of("nat-a"))
        .route("52.216.0.0/15", RouteTarget.of("nat-a"))
        .route(RouteTable.Route.toPrefixList("pl-s3", RouteTarget.of("vpce-s3"))).build()).build();
    PathVerdict viaNat = verdict(staticWins, eni(staticWins, "eni-app"), outside("52.216.5.5"), Traffic.tcp(443));
    assertThat(viaNat.forward().get(0).route()).map(RouteTable.Route::describe).contains("52.216.0.0/15 -> nat-a");
    Network unknownList = f.put(PrefixList.withUnknownEntries("pl-s3", "com.amazonaws.us-east-1.s3")).build();
    PathVerdict unknown = verdict(unknownList, eni(unknownList, "eni-app"), outside("52.216.5.5"), Traffic.tcp(443));
    assertThat(unknown.outcome()).as(unknown.explain()).isEqualTo(Outcome.UNKNOWN);
    assertThat(unknown.forward().get(0).detail()).contains("names a prefix list whose entries are not in the"
        + " snapshot");
  }

  /** Table 2f: a gateway endpoint carries TCP and ICMP echo only. */
  @Test
  void a_gateway_endpoint_carries_tcp_and_echo_only() {
    Network n = Fixture.standard()
        .put(PrefixList.of("pl-s3", "com.amazonaws.us-east-1.s3", "52.216.0.0/15"))
        .put(VpcEndpoint.gateway("vpce-s3", "vpc-a", "com.amazonaws.us-east-1.s3", "rtb-main"))
        .put(main().route(RouteTable.Route.toPrefixList("pl-s3", RouteTarget.of("vpce-s3"))).build()).build();
    PathVerdict udp = verdict(n, eni(n, "eni-app"), outside("52.216.5.5"), Traffic.udp(443));
    assertThat(udp.blockingHop().orElseThrow().code()).contains(ExplanationCode.VPCE_GATEWAY_PROTOCOL_RESTRICTION);
    assertThat(verdict(n, eni(n, "eni-app"), outside("52.216.5.5"), Traffic.icmp(8, 0)).outcome())
        .isEqualTo(Outcome.ALLOWED);
  }

  /** A subnet whose table lacks the endpoint's route: the fix adds the table to the endpoint. */
  @Test
  void a_missing_gateway_endpoint_route_is_fixed_on_the_endpoint() {
    Network n = Fixture.standard()
        .put(PrefixList.of("pl-s3", "com.amazonaws.us-east-1.s3", "52.216.0.0/15"))
        .put(VpcEndpoint.gateway("vpce-s3", "vpc-a", "com.amazonaws.us-east-1.s3", "rtb-pub"))
        .put(main().build()).build();
    PathVerdict v = verdict(n, eni(n, "eni-app"), outside("52.216.5.5"), Traffic.tcp(443));
    assertThat(v.blockingHop().orElseThrow().code()).contains(ExplanationCode.NO_ROUTE_TO_DESTINATION);
    assertThat(v.fixes()).singleElement().satisfies(f -> assertThat(f.awsCliCommand())
        .isEqualTo("aws ec2 modify-vpc-endpoint --vpc-endpoint-id vpce-s3 --add-route-table-ids rtb-main"));
  }

  /** Table 2c, local: an address in the VPC's blocks but in no subnet is dropped by the VPC. */
  @Test
  void an_address_in_the_vpc_but_in_no_subnet_is_dropped() {
    Network n = Fixture.standard().build();
    PathVerdict v = verdict(n, eni(n, "eni-app"), outside("10.0.99.5"), Traffic.tcp(443));
    Hop block = v.blockingHop().orElseThrow();
    assertThat(block.step()).isEqualTo(Step.DELIVERY);
    assertThat(block.component()).isEqualTo("vpc-a");
    assertThat(block.detail()).contains("in none of its subnets");
  }

  /** Table 2c, local: no ENI holds the address: closed world, denied; an address AWS reserves: unknown. */
  @Test
  void an_unused_address_is_denied_and_a_reserved_one_unknown() {
    Network n = Fixture.standard().build();
    PathVerdict unused = verdict(n, eni(n, "eni-app"), outside("10.0.3.77"), Traffic.tcp(443));
    assertThat(unused.blockingHop().orElseThrow().detail())
        .isEqualTo("no network interface of the snapshot holds 10.0.3.77 in subnet-db");
    for (String reserved : new String[] {"10.0.3.0", "10.0.3.1", "10.0.3.3", "10.0.3.255"}) {
      PathVerdict v = verdict(n, eni(n, "eni-app"), outside(reserved), Traffic.tcp(443));
      assertThat(v.outcome()).as(reserved + "\n" + v.explain()).isEqualTo(Outcome.UNKNOWN);
    }
  }

  /** Table 2c: a virtual private gateway, an appliance ENI: what lies beyond is not in the snapshot. */
  @Test
  void routes_to_a_vgw_or_an_appliance_are_unknown() {
    Network n = Fixture.standard().put(main().route("192.168.0.0/16", RouteTarget.of("vgw-1"))
        .route("10.0.3.0/24", RouteTarget.of("eni-firewall")).build()).build();
    PathVerdict vpn = verdict(n, eni(n, "eni-app"), outside("192.168.1.1"), Traffic.tcp(443));
    assertThat(vpn.outcome()).isEqualTo(Outcome.UNKNOWN);
    assertThat(vpn.forward()).extracting(Hop::step).endsWith(Step.EXTERNAL);
    PathVerdict middlebox = verdict(n, eni(n, "eni-app"), eni(n, "eni-db"), Traffic.tcp(5432));
    assertThat(middlebox.outcome()).as("a route more specific than local to an appliance").isEqualTo(Outcome.UNKNOWN);
    assertThat(middlebox.forward()).extracting(Hop::step).endsWith(Step.APPLIANCE);
  }

  /** Table 2d: out through an internet gateway takes a public address; the destination sees it. */
  @Test
  void an_eni_with_a_public_address_reaches_the_internet_as_that_address() {
    Network n = Fixture.standard().build();
    PathVerdict v = verdict(n, eni(n, "eni-web"), outside("8.8.8.8"), Traffic.tcp(443));
    assertThat(v.outcome()).as(v.explain()).isEqualTo(Outcome.ALLOWED);
    assertThat(v.sourceAsSeen()).contains(Cidr.parse("54.10.0.10"));
    assertThat(v.forward()).extracting(Hop::step).containsExactly(Step.ROUTE, Step.ACL_OUTBOUND,
        Step.INTERNET_GATEWAY, Step.INTERNET);
    assertThat(v.reply()).extracting(Hop::step).containsExactly(Step.INTERNET, Step.INTERNET_GATEWAY,
        Step.ACL_INBOUND, Step.DELIVERY);
  }

  /**
   * Table 2d (Batfish's PublicSubnetTest {@code testToInternetInvalidPrivateIp}): an address of a public subnet that
   * no ENI holds sends from that subnet like any other, and the internet gateway refuses it for want of a public IP;
   * two addresses neither of which the snapshot holds are not a question about it.
   */
  @Test
  void an_unused_address_of_a_subnet_sends_from_it_and_the_internet_gateway_wants_a_public_ip() {
    Network n = Fixture.standard().build();
    PathVerdict v = verdict(n, outside("10.0.1.77"), outside("8.8.8.8"), Traffic.tcp(80));
    assertThat(v.forward().get(0).step()).isEqualTo(Step.ORIGIN);
    assertThat(v.blockingHop().orElseThrow().code()).contains(ExplanationCode.IGW_PUBLIC_IP_ASSOCIATION_FOR_EGRESS);
    assertThatThrownBy(() -> PacketPaths.of(n).check(outside("8.8.8.8"), outside("1.1.1.1"), Traffic.tcp(80)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no path of the snapshot lies between them");
  }

  /** Table 2d: from the internet only public addresses are reachable; private ones are not. */
  @Test
  void the_internet_reaches_public_addresses_only() {
    Network n = Fixture.standard().build();
    PathVerdict pub = verdict(n, outside("8.8.8.8"), eni(n, "eni-web", "54.10.0.10"), Traffic.tcp(443));
    assertThat(pub.outcome()).as(pub.explain()).isEqualTo(Outcome.ALLOWED);
    assertThat(pub.forward()).filteredOn(h -> h.step() == Step.INTERNET_GATEWAY).singleElement()
        .satisfies(h -> assertThat(h.detail()).isEqualTo("translates the destination 54.10.0.10 to 10.0.1.10"));
    PathVerdict priv = verdict(n, outside("8.8.8.8"), eni(n, "eni-web"), Traffic.tcp(443));
    assertThat(priv.blockingHop().orElseThrow().code())
        .contains(ExplanationCode.IGW_PRIVATE_IP_ASSOCIATION_FOR_INGRESS);
    // an IPv6 address is reachable as it is, through the internet gateway
    PathVerdict v6 = verdict(n, outside("2a05:d018::1"), eni(n, "eni-web", "2600:1f18:a:1::10"), Traffic.tcp(443));
    assertThat(v6.outcome()).as(v6.explain()).isEqualTo(Outcome.ALLOWED);
  }

  /**
   * Table 2d, hair-pinning: to the public address of an ENI of the same VPC the packet goes out through the internet
   * gateway and back in, as the sender's public address, and so does the reply, which the sender's subnet's ACL
   * must admit from the public address.
   */
  @Test
  void a_flow_to_a_public_address_of_the_same_vpc_goes_round_through_the_internet_gateway() {
    Fixture f = Fixture.standard()
        .put(NetworkInterface.builder("eni-web2").vpc("vpc-a").subnet("subnet-pub").availabilityZone("az1")
            .addresses("10.0.1.11").publicIp("54.10.0.11").build());
    Network n = f.build();
    PathVerdict v = verdict(n, eni(n, "eni-web2"), eni(n, "eni-web", "54.10.0.10"), Traffic.tcp(443));
    assertThat(v.outcome()).as(v.explain()).isEqualTo(Outcome.ALLOWED);
    assertThat(v.sourceAsSeen()).contains(Cidr.parse("54.10.0.11"));
    assertThat(v.reply()).extracting(Hop::step).endsWith(Step.INTERNET, Step.INTERNET_GATEWAY, Step.ACL_INBOUND,
        Step.DELIVERY);
    Network guarded = f.put(dev.sgreach.model.NetworkAcl.builder("acl-default").vpc("vpc-a").isDefault(true)
        .subnets("subnet-pub", "subnet-app", "subnet-db")
        .inbound(100, dev.sgreach.model.NetworkAcl.Action.ALLOW, dev.sgreach.model.Ports.tcp(443), "0.0.0.0/0")
        .outbound(100, dev.sgreach.model.NetworkAcl.Action.ALLOW, dev.sgreach.model.Ports.allTraffic(),
            "0.0.0.0/0").build()).build();
    PathVerdict back = verdict(guarded, eni(guarded, "eni-web2"), eni(guarded, "eni-web", "54.10.0.10"),
        Traffic.tcp(443));
    Hop block = back.blockingHop().orElseThrow();
    assertThat(back.reply()).as("the reply enters subnet-pub again from 54.10.0.10").contains(block);
    assertThat(block.detail()).startsWith("54.10.0.10 -> 10.0.1.11 port 32768-61000");
  }

  /** Table 2d: a reply that goes out through a NAT gateway gets a new source, and the client drops it. */
  @Test
  void an_inbound_connection_whose_reply_leaves_through_a_nat_gateway_fails() {
    Network n = Fixture.standard().put(NetworkInterface.builder("eni-app").vpc("vpc-a").subnet("subnet-app")
        .availabilityZone("az1").addresses("10.0.2.20").publicIp("54.10.0.20").build()).build();
    PathVerdict v = verdict(n, outside("8.8.8.8"), eni(n, "eni-app", "54.10.0.20"), Traffic.tcp(443));
    Hop block = v.blockingHop().orElseThrow();
    assertThat(v.reply()).contains(block);
    assertThat(block.step()).isEqualTo(Step.NAT_GATEWAY);
    assertThat(block.detail()).contains("gives it a new source");
  }

  /** Table 2d: a detached internet gateway and private destinations. */
  @Test
  void an_internet_gateway_must_be_attached_and_does_not_send_to_private_space() {
    Network detached = Fixture.standard().put(new InternetGateway("igw-a", false, "",
        ImmutableList.of(new InternetGateway.Attachment("vpc-a", "detached")))).build();
    assertThat(verdict(detached, eni(detached, "eni-web"), outside("8.8.8.8"), Traffic.tcp(443)).blockingHop()
        .orElseThrow().code()).contains(ExplanationCode.BAD_STATE_ATTACHMENT);
    Network n = Fixture.standard().put(RouteTable.builder("rtb-pub").vpc("vpc-a").subnets("subnet-pub")
        .route("10.0.0.0/16", RouteTarget.LOCAL).route("0.0.0.0/0", RouteTarget.of("igw-a")).build()).build();
    assertThat(verdict(n, eni(n, "eni-web"), outside("192.168.1.1"), Traffic.tcp(443)).blockingHop().orElseThrow()
        .code()).contains(ExplanationCode.IGW_DESTINATION_ADDRESS_NOT_IN_RFC1918_EGRESS);
    assertThat(verdict(n, eni(n, "eni-web"), outside("100.64.1.1"), Traffic.tcp(443)).blockingHop().orElseThrow()
        .code()).contains(ExplanationCode.IGW_DESTINATION_ADDRESS_NOT_IN_RFC6598_EGRESS);
  }

  /** Table 2d: which private address a public one belongs to decides; when the snapshot cannot tell, unknown. */
  @Test
  void a_public_address_belongs_to_one_private_address() {
    Fixture f = Fixture.standard();
    Network unpaired = f.put(NetworkInterface.builder("eni-web").vpc("vpc-a").subnet("subnet-pub")
        .addresses("10.0.1.10", "10.0.1.11").publicIp("54.10.0.10").build()).build();
    assertThat(verdict(unpaired, eni(unpaired, "eni-web"), outside("8.8.8.8"), Traffic.tcp(443)).outcome())
        .isEqualTo(Outcome.UNKNOWN);
    Network paired = f.put(NetworkInterface.builder("eni-web").vpc("vpc-a").subnet("subnet-pub")
        .addresses("10.0.1.10", "10.0.1.11").publicIp("54.10.0.10", "10.0.1.11").build()).build();
    assertThat(verdict(paired, eni(paired, "eni-web", "10.0.1.11"), outside("8.8.8.8"), Traffic.tcp(443)).outcome())
        .isEqualTo(Outcome.ALLOWED);
    assertThat(verdict(paired, eni(paired, "eni-web", "10.0.1.10"), outside("8.8.8.8"), Traffic.tcp(443))
        .blockingHop().orElseThrow().code()).contains(ExplanationCode.IGW_PUBLIC_IP_ASSOCIATION_FOR_EGRESS);
  }

  /** Table 2c, egress-only gateways: IPv6 out and replies in; nothing from the internet opens a connection. */
  @Test
  void an_egress_only_gateway_lets_ipv6_out_and_only_replies_in() {
    Network n = Fixture.standard().build();
    PathVerdict out = verdict(n, eni(n, "eni-app", "2600:1f18:a:2::20"), outside("2a05:d018::1"), Traffic.tcp(443));
    assertThat(out.outcome()).as(out.explain()).isEqualTo(Outcome.ALLOWED);
    assertThat(out.reply()).extracting(Hop::step).contains(Step.EGRESS_ONLY_INTERNET_GATEWAY);
    Network onlyEgress = Fixture.standard().remove("igw-a").put(main()
        .route("::/0", RouteTarget.of("eigw-a")).build())
        .put(RouteTable.builder("rtb-pub").vpc("vpc-a").subnets("subnet-pub").route("10.0.0.0/16", RouteTarget.LOCAL)
            .route("2600:1f18:a::/56", RouteTarget.LOCAL).build()).build();
    PathVerdict in = verdict(onlyEgress, outside("2a05:d018::1"), eni(onlyEgress, "eni-app", "2600:1f18:a:2::20"),
        Traffic.tcp(443));
    assertThat(in.blockingHop().orElseThrow().detail()).contains("vpc-a has no internet gateway",
        "admits no connection from the internet");
  }

  /** Table 2e: through a NAT gateway the internet sees its Elastic IP; onward by its own subnet's routes. */
  @Test
  void a_nat_gateway_hides_private_sources_behind_its_elastic_ip() {
    Network n = Fixture.standard().build();
    PathVerdict v = verdict(n, eni(n, "eni-db"), outside("8.8.8.8"), Traffic.udp(123));
    assertThat(v.outcome()).as(v.explain()).isEqualTo(Outcome.ALLOWED);
    assertThat(v.sourceAsSeen()).contains(Cidr.parse("3.3.3.3"));
    assertThat(v.forward()).extracting(Hop::component).containsSubsequence("rtb-main", "nat-a", "rtb-pub", "igw-a");
  }

  /** Table 2e: TCP, UDP and ICMP only; no connection from outside; a private NAT gateway cannot use the IGW. */
  @Test
  void a_nat_gateway_carries_tcp_udp_icmp_and_accepts_no_connection() {
    Network n = Fixture.standard().build();
    assertThat(verdict(n, eni(n, "eni-db"), outside("8.8.8.8"), Traffic.protocol(50)).blockingHop().orElseThrow()
        .code()).contains(ExplanationCode.PROTOCOL_RESTRICTION);
    PathVerdict inbound = verdict(n, outside("8.8.8.8"), eni(n, "eni-nat", "3.3.3.3"), Traffic.tcp(80));
    assertThat(inbound.blockingHop().orElseThrow().component()).isEqualTo("nat-a");
    PathVerdict direct = verdict(n, eni(n, "eni-web"), eni(n, "eni-nat"), Traffic.tcp(80));
    assertThat(direct.blockingHop().orElseThrow().detail()).contains("a NAT gateway answers no connection");
    Network privateNat = Fixture.standard()
        .put(NatGateway.privateNat("nat-a", "vpc-a", "subnet-pub", "10.0.1.100")).build();
    assertThat(verdict(privateNat, eni(privateNat, "eni-db"), outside("8.8.8.8"), Traffic.tcp(443)).blockingHop()
        .orElseThrow().code()).contains(ExplanationCode.IGW_PUBLIC_IP_ASSOCIATION_FOR_EGRESS);
    Network deleting = Fixture.standard().put(new NatGateway("nat-a", "vpc-a", "subnet-pub", "deleting", false,
        ImmutableList.of(new NatGateway.Address(Cidr.parse("10.0.1.100"), Optional.of(Cidr.parse("3.3.3.3")), ""))))
        .build();
    assertThat(verdict(deleting, eni(deleting, "eni-db"), outside("8.8.8.8"), Traffic.tcp(443)).blockingHop()
        .orElseThrow().code()).contains(ExplanationCode.BAD_STATE);
  }

  /** Table 2e: a NAT gateway in its clients' own subnet sends their packets round in a loop. */
  @Test
  void a_nat_gateway_in_its_clients_subnet_loops() {
    Network n = Fixture.standard().put(NatGateway.publicNat("nat-a", "vpc-a", "subnet-app", "10.0.2.100", "3.3.3.3"))
        .remove("eni-nat").build();
    PathVerdict v = verdict(n, eni(n, "eni-app"), outside("8.8.8.8"), Traffic.tcp(443));
    assertThat(v.outcome()).isEqualTo(Outcome.DENIED);
    assertThat(v.blockingHop().orElseThrow().detail()).contains("a routing loop");
  }

  /** Table 2a, edge associations: a gateway route table routes what enters through the internet gateway. */
  @Test
  void a_gateway_route_table_decides_what_enters_through_the_internet_gateway() {
    Network n = Fixture.standard().put(RouteTable.builder("rtb-edge").vpc("vpc-a").gateway("igw-a")
        .route("10.0.0.0/16", RouteTarget.LOCAL).route("10.0.1.0/24", RouteTarget.of("eni-inspect")).build()).build();
    PathVerdict v = verdict(n, outside("8.8.8.8"), eni(n, "eni-web", "54.10.0.10"), Traffic.tcp(443));
    assertThat(v.outcome()).isEqualTo(Outcome.UNKNOWN);
    assertThat(v.forward()).extracting(Hop::step).endsWith(Step.APPLIANCE);
  }
}
