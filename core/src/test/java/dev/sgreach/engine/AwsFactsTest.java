package dev.sgreach.engine;

import static dev.sgreach.model.Traffic.tcp;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sgreach.model.Cidr;
import dev.sgreach.model.Network;
import dev.sgreach.model.NetworkInterface;
import dev.sgreach.model.Peer;
import dev.sgreach.model.Ports;
import dev.sgreach.model.SecurityGroup;
import dev.sgreach.model.Traffic;
import dev.sgreach.model.Vpc;
import org.junit.jupiter.api.Test;

/**
 * AWS behaviours the engine must follow (issue 10 and issue 11's answer items), each with the document it comes
 * from. The property tests check the same facts against the naive oracle on random networks; these show each on the
 * smallest network that has it.
 */
class AwsFactsTest {
  static final Peer ANY4 = Peer.cidr("0.0.0.0/0");

  static SecurityGroup.Builder sg(String id) {
    return SecurityGroup.builder(id).name(id.substring(3)).vpc("vpc-1");
  }

  /**
   * bastion: public IP 52.1.2.3 on its primary address, SSH open to the world; web: an Elastic IP 54.0.0.1 on its
   * secondary address, HTTPS from anywhere and 8443 from the bastion's group; natted: no public address.
   */
  static Network publicAddresses() {
    return Network.builder()
        .add(sg("sg-bastion").allowIn(Ports.tcp(22), ANY4, "ssh").allowOut(Ports.allTraffic(), ANY4).build())
        .add(sg("sg-web").allowIn(Ports.tcp(443), ANY4).allowIn(Ports.tcp(8443), Peer.group("sg-bastion"))
            .allowIn(Ports.tcp(9443), Peer.cidr("52.1.2.3/32")).build())
        .add(NetworkInterface.builder("eni-bastion").vpc("vpc-1").address("10.0.0.5").publicIp("52.1.2.3")
            .groups("sg-bastion").build())
        .add(NetworkInterface.builder("eni-web").vpc("vpc-1").addresses("10.0.1.5", "10.0.1.6")
            .publicIp("54.0.0.1", "10.0.1.6").groups("sg-web").build())
        .add(NetworkInterface.builder("eni-natted").vpc("vpc-1").address("10.0.2.5").groups("sg-bastion").build())
        .build();
  }

  /**
   * VPC user guide, "Connect to the internet using an internet gateway": the gateway translates traffic for an
   * ENI's public or Elastic IPv4 address to its private address, so that ENI's groups decide, with the internet
   * sender as the source.
   */
  @Test
  void a_public_ip_stands_for_its_eni_and_the_internet_is_judged_by_its_ingress_rules() {
    Reachability r = Reachability.of(publicAddresses());
    Verdict v = r.reach("8.8.8.8", "52.1.2.3", tcp(22));
    assertThat(v.outcome()).isEqualTo(Outcome.ALLOWED);
    assertThat(v.flows().get(0).destination().eni()).map(NetworkInterface::id).contains("eni-bastion");
    assertThat(r.reach("8.8.8.8", "52.1.2.3", tcp(23)).outcome()).isEqualTo(Outcome.DENIED);
    // an Elastic IP on a secondary address stands for that address
    Member web = r.resolve(Endpoint.address("54.0.0.1")).get(0);
    assertThat(web.addresses()).containsExactly(Cidr.parseAddress("10.0.1.6"));
    assertThat(web.label()).isEqualTo("eni-web (54.0.0.1, public address of 10.0.1.6)");
    // exposure of a public IP is the exposure of its ENI, which lists the addresses it is reached at
    Exposure x = r.exposure(Endpoint.address("52.1.2.3"));
    assertThat(x.interfaces()).singleElement().satisfies(e -> {
      assertThat(e.eni().id()).isEqualTo("eni-bastion");
      assertThat(e.publicAddresses()).containsExactly(Cidr.parseAddress("52.1.2.3"));
    });
    assertThat(r.exposure().interfaces()).filteredOn(e -> e.eni().id().equals("eni-natted")).singleElement()
        .satisfies(e -> assertThat(e.publicAddresses()).isEmpty());
  }

  /**
   * Same guide: traffic between two ENIs through a public address leaves the VPC, so the receiver sees the sender's
   * public address and a security-group reference does not match it; a sender without a public address is seen with
   * an address the snapshot does not hold (a NAT gateway's): unknown, never a guess.
   */
  @Test
  void between_enis_through_a_public_ip_references_do_not_match_and_the_source_is_the_public_address() {
    Reachability r = Reachability.of(publicAddresses());
    assertThat(r.reach("eni-bastion", "10.0.1.6", tcp(8443)).outcome()).isEqualTo(Outcome.ALLOWED);
    Verdict viaPublic = r.reach("eni-bastion", "54.0.0.1", tcp(8443));
    assertThat(viaPublic.outcome()).isEqualTo(Outcome.DENIED);
    assertThat(viaPublic.explain()).contains("addressed by its public address");
    assertThat(viaPublic.fixes()).singleElement()
        .satisfies(f -> assertThat(f.rule().peer()).isEqualTo(Peer.cidr("52.1.2.3/32")));
    assertThat(r.reach("eni-bastion", "54.0.0.1", tcp(9443)).outcome()).isEqualTo(Outcome.ALLOWED);
    assertThat(r.reach("eni-bastion", "54.0.0.1", tcp(443)).outcome()).isEqualTo(Outcome.ALLOWED);
    Verdict natted = r.reach("eni-natted", "54.0.0.1", tcp(9443));
    assertThat(natted.outcome()).isEqualTo(Outcome.UNKNOWN);
    assertThat(natted.explain()).contains("eni-natted (10.0.2.5) has no public IPv4 address");
    assertThat(r.whoCanReach(Endpoint.address("54.0.0.1"), tcp(9443)).allowedInterfaces())
        .extracting(NetworkInterface::id).containsExactly("eni-bastion");
    assertThat(r.whoCanReach(Endpoint.address("54.0.0.1"), tcp(9443)).unknownInterfaces())
        .extracting(NetworkInterface::id).containsExactly("eni-natted");
  }

  /**
   * EC2 user guide, "Security group rules": rules apply to traffic that passes through the ENI; an ENI's traffic to
   * its own address does not, so no rule is needed (and group answers leave such self pairs out).
   */
  @Test
  void an_enis_traffic_to_itself_meets_no_security_group() {
    Reachability r = Reachability.of(publicAddresses());
    Verdict self = r.reach("10.0.1.5", "10.0.1.6", tcp(5432));
    assertThat(self.outcome()).isEqualTo(Outcome.ALLOWED);
    assertThat(self.explain()).contains(SideJudge.SELF_TRAFFIC);
    Verdict group = r.reach(Endpoint.securityGroup("sg-bastion"), Endpoint.securityGroup("sg-bastion"), tcp(22));
    assertThat(group.flows()).hasSize(2).noneMatch(f -> Reachability.self(f.source(), f.destination()));
  }

  /** A locked-down ENI (no egress rule at all, ingress from its own VPC only) in vpc-1 (10.0.0.0/16). */
  static Network lockedDown(boolean withVpcBlocks) {
    Network.Builder b = Network.builder()
        .add(sg("sg-locked").allowIn(Ports.allTraffic(), Peer.cidr("10.0.0.0/16")).build())
        .add(NetworkInterface.builder("eni-locked").vpc("vpc-1").address("10.0.1.5").groups("sg-locked").build());
    if (withVpcBlocks) {
      b.add(dev.sgreach.model.Vpc.of("vpc-1", "10.0.0.0/16", "2600:1f18:0:1::/56"));
      b.add(new dev.sgreach.model.Subnet("subnet-1", "vpc-1", "", "", "",
          com.google.common.collect.ImmutableList.of(Cidr.parse("10.0.1.0/24"))));
    }
    return b.build();
  }

  /**
   * EC2 user guide, "Security group rules": security groups do not filter traffic to or from Amazon DNS (the VPC's
   * base + 2, 169.254.169.253), instance metadata (169.254.169.254, fd00:ec2::254), Amazon Time Sync
   * (169.254.169.123), ECS task metadata (169.254.170.2), Windows licence activation and the default VPC router's
   * reserved addresses (VPC user guide, subnet CIDR blocks: base + 1). Allowed, with the reason, never a fix.
   */
  @Test
  void traffic_with_amazon_dns_metadata_time_sync_and_the_router_is_never_filtered() {
    Reachability r = Reachability.of(lockedDown(true));
    for (String service : new String[] {"10.0.0.2", "169.254.169.253", "169.254.169.254", "169.254.169.123",
        "169.254.170.2", "169.254.169.250", "10.0.1.1"}) {
      Verdict v = r.reach("eni-locked", service, dev.sgreach.model.Traffic.udp(53));
      assertThat(v.outcome()).as(service).isEqualTo(Outcome.ALLOWED);
      assertThat(v.fixes()).isEmpty();
      assertThat(v.explain()).as(service).contains("security groups do not filter traffic to or from it");
    }
    assertThat(r.reach("169.254.169.254", "eni-locked", tcp(8080)).outcome()).isEqualTo(Outcome.ALLOWED);
    // any other address still needs a rule: the egress side has none
    assertThat(r.reach("eni-locked", "10.0.0.3", dev.sgreach.model.Traffic.udp(53)).outcome())
        .isEqualTo(Outcome.DENIED);
    assertThat(r.whoCanReach(Endpoint.eni("eni-locked"), tcp(8080)).neverFiltered())
        .contains(Cidr.parse("169.254.169.254/32"), Cidr.parse("10.0.0.2/32"), Cidr.parse("10.0.1.1/32"));
  }

  /** Without the VPC's blocks, its DNS address (base + 2) is not known: unknown there, never denied with a fix. */
  @Test
  void without_vpc_blocks_a_possible_dns_address_is_unknown() {
    Reachability r = Reachability.of(lockedDown(false));
    Verdict v = r.reach("eni-locked", "10.0.0.2", dev.sgreach.model.Traffic.udp(53));
    assertThat(v.outcome()).isEqualTo(Outcome.UNKNOWN);
    assertThat(v.explain()).contains("may be the Amazon DNS server of vpc-1");
    assertThat(r.reach("eni-locked", "10.0.0.3", dev.sgreach.model.Traffic.udp(53)).outcome())
        .isEqualTo(Outcome.DENIED);
    assertThat(r.reach("eni-locked", "169.254.169.254", tcp(80)).outcome()).isEqualTo(Outcome.ALLOWED);
  }

  /** app in vpc-1 references client's group, whose ENI sits in vpc-2; no peering joins them. */
  static Network.Builder acrossVpcs(Peer.GroupPeer reference) {
    return Network.builder()
        .add(sg("sg-client").vpc("vpc-2").allowOut(Ports.allTraffic(), ANY4).build())
        .add(sg("sg-app").allowIn(Ports.tcp(8080), reference).allowOut(Ports.tcp(9090), reference).build())
        .add(NetworkInterface.builder("eni-app").vpc("vpc-1").address("10.0.1.5").groups("sg-app").build())
        .add(NetworkInterface.builder("eni-client").vpc("vpc-2").address("10.1.1.5").groups("sg-client").build());
  }

  static dev.sgreach.model.TransitGateway.Attachment attachment(String vpc, Boolean referencing) {
    return new dev.sgreach.model.TransitGateway.Attachment("tgw-attach-" + vpc, "vpc", vpc, "", "available",
        java.util.Optional.empty(), com.google.common.collect.ImmutableList.of(), false,
        java.util.Optional.ofNullable(referencing), java.util.Optional.empty());
  }

  /**
   * AWS networking blog, "Introducing security group referencing for AWS Transit Gateway" (and EC2 API
   * TransitGatewayOptions, SecurityGroupReferencingSupport): inbound rules may reference a group in a VPC attached to
   * the same Transit Gateway in the same Region when the option is enabled; outbound rules may not. Without Transit
   * Gateway data such a reference is unknown, never denied with a CIDR fix.
   */
  @Test
  void an_inbound_reference_across_vpcs_matches_over_a_transit_gateway_with_referencing_and_is_unknown_without_data() {
    Peer.GroupPeer ref = Peer.group("sg-client");
    Verdict noData = Reachability.of(acrossVpcs(ref).build()).reach("eni-client", "eni-app", tcp(8080));
    assertThat(noData.outcome()).isEqualTo(Outcome.UNKNOWN);
    assertThat(noData.fixes()).isEmpty();
    assertThat(noData.explain()).contains("Transit Gateway");
    Network on = acrossVpcs(ref).add(dev.sgreach.model.TransitGateway.builder("tgw-1").securityGroupReferencing(true)
        .attachment(attachment("vpc-1", true)).attachment(attachment("vpc-2", true)).build()).build();
    assertThat(Reachability.of(on).reach("eni-client", "eni-app", tcp(8080)).outcome()).isEqualTo(Outcome.ALLOWED);
    // outbound references never cross a Transit Gateway
    assertThat(Reachability.of(on).reach("eni-app", "eni-client", tcp(9090)).outcome()).isEqualTo(Outcome.DENIED);
    Network off = acrossVpcs(ref).add(dev.sgreach.model.TransitGateway.builder("tgw-1")
        .securityGroupReferencing(false).attachment(attachment("vpc-1", true)).attachment(attachment("vpc-2", true))
        .build()).build();
    assertThat(Reachability.of(off).reach("eni-client", "eni-app", tcp(8080)).outcome()).isEqualTo(Outcome.DENIED);
    Network notCaptured = acrossVpcs(ref).add(dev.sgreach.model.TransitGateway.builder("tgw-1")
        .securityGroupReferencing(true).attachment(attachment("vpc-1", null)).attachment(attachment("vpc-2", true))
        .build()).build();
    assertThat(Reachability.of(notCaptured).reach("eni-client", "eni-app", tcp(8080)).outcome())
        .isEqualTo(Outcome.UNKNOWN);
  }

  /**
   * sgreach's missing-data rule: a reference naming a peering the snapshot does not hold, reporting no status, is
   * unknown. VPC peering guide ("Update your security groups to reference peer security groups"): references work
   * across a peering in the same Region only; across Regions the rule matches nothing, with a warning.
   */
  @Test
  void an_unrecorded_peering_without_status_is_unknown_and_an_inter_region_peering_carries_no_reference() {
    Peer.GroupPeer viaUnrecorded = Peer.group("sg-client").viaPeering("vpc-2", "pcx-9", null);
    assertThat(Reachability.of(acrossVpcs(viaUnrecorded).build()).reach("eni-client", "eni-app", tcp(8080))
        .outcome()).isEqualTo(Outcome.UNKNOWN);
    Peer.GroupPeer viaPeering = Peer.group("sg-client").viaPeering("vpc-2", "pcx-1", "active");
    Network interRegion = acrossVpcs(viaPeering).add(new dev.sgreach.model.VpcPeering("pcx-1", "vpc-1", "vpc-2",
        "active", new dev.sgreach.model.VpcPeering.Side("", "eu-west-1", com.google.common.collect.ImmutableList.of()),
        new dev.sgreach.model.VpcPeering.Side("", "us-east-1", com.google.common.collect.ImmutableList.of())))
        .build();
    Verdict v = Reachability.of(interRegion).reach("eni-client", "eni-app", tcp(8080));
    assertThat(v.outcome()).isEqualTo(Outcome.DENIED);
    assertThat(v.warnings()).anySatisfy(w -> assertThat(w.message()).contains("joins two Regions"));
    Network sameRegion = acrossVpcs(viaPeering).add(dev.sgreach.model.VpcPeering.active("pcx-1", "vpc-1", "vpc-2"))
        .build();
    assertThat(Reachability.of(sameRegion).reach("eni-client", "eni-app", tcp(8080)).outcome())
        .isEqualTo(Outcome.ALLOWED);
  }

  /**
   * VPC user guide, NAT gateways: a NAT gateway lets instances connect out but cannot receive unsolicited inbound
   * connections; Transit Gateway attachments and Gateway Load Balancer endpoints forward others' traffic. None of
   * them is exposed. An NLB created without groups accepts connections on its listeners, which this snapshot lacks:
   * maybe exposed, on every port (unknown).
   */
  @Test
  void nat_gateways_and_forwarders_are_not_exposed_and_an_nlb_without_groups_is_maybe_exposed() {
    Network n = Network.builder()
        .add(NetworkInterface.builder("eni-nat").vpc("vpc-1").interfaceType("nat_gateway").address("10.0.0.9")
            .publicIp("52.9.9.9").build())
        .add(NetworkInterface.builder("eni-tgw").vpc("vpc-1").interfaceType("transit_gateway").address("10.0.0.10")
            .build())
        .add(NetworkInterface.builder("eni-nlb").vpc("vpc-1").interfaceType("network_load_balancer")
            .address("10.0.0.11").publicIp("52.9.9.11").build())
        .build();
    Exposure x = Reachability.of(n).exposure();
    assertThat(x.interfaces()).extracting(e -> e.eni().id()).containsExactly("eni-nlb");
    assertThat(x.outcome()).isEqualTo(Outcome.UNKNOWN);
    assertThat(x.interfaces().get(0).open().outcomeOf(tcp(443))).isEqualTo(Outcome.UNKNOWN);
  }

  private static final String NLB_ARN =
      "arn:aws:elasticloadbalancing:us-east-1:111122223333:loadbalancer/net/api/50dc6c495c0c9188";

  /** The Network Load Balancer "api" of {@link #NLB_ARN} in vpc-1, with this scheme and no listeners known. */
  private static dev.sgreach.model.LoadBalancer nlb(String scheme) {
    return new dev.sgreach.model.LoadBalancer(NLB_ARN, "api", "network", scheme, "vpc-1",
        com.google.common.collect.ImmutableList.of());
  }

  /** Its ENI, carrying no security group, at 10.0.0.11. */
  private static NetworkInterface.Builder nlbEni() {
    return NetworkInterface.builder("eni-nlb").vpc("vpc-1").interfaceType("network_load_balancer")
        .description("ELB net/api/50dc6c495c0c9188").address("10.0.0.11");
  }

  /**
   * elbv2 NLB user guide, "Update the security groups for your Network Load Balancer": without security groups all
   * client traffic can reach the NLB's listeners; it accepts nothing else. With describe-listeners collected an NLB
   * ENI without groups is exposed on its listener ports only (tcp for TCP/TLS, udp for UDP, both for TCP_UDP), not at
   * all without listeners; without them it stays maybe exposed, with a warning naming what to collect.
   */
  @Test
  void an_nlb_without_groups_is_exposed_on_its_listener_ports_only_when_they_are_known() {
    String arn = NLB_ARN;
    dev.sgreach.model.LoadBalancer lb = nlb("internet-facing");
    NetworkInterface eni = nlbEni().publicIp("52.9.9.11").build();
    Network listening = Network.builder().add(eni).add(lb.withListeners(com.google.common.collect.ImmutableList.of(
        new dev.sgreach.model.Listener(arn + "/l1", arn, "TCP", 443),
        new dev.sgreach.model.Listener(arn + "/l2", arn, "TCP_UDP", 53)))).build();

    Exposure.Exposed x = Reachability.of(listening).exposure().interfaces().get(0);
    assertThat(x.open().outcomeOf(tcp(443))).isEqualTo(Outcome.ALLOWED);
    assertThat(x.open().outcomeOf(Traffic.udp(53))).isEqualTo(Outcome.ALLOWED);
    assertThat(x.open().outcomeOf(tcp(53))).isEqualTo(Outcome.ALLOWED);
    assertThat(x.open().outcomeOf(tcp(22))).isEqualTo(Outcome.DENIED);
    assertThat(x.open().outcomeOf(Traffic.udp(443))).isEqualTo(Outcome.DENIED);
    assertThat(listening.warnings()).isEmpty();

    Network silent = Network.builder().add(eni).add(lb.withListeners(com.google.common.collect.ImmutableList.of()))
        .build();
    assertThat(Reachability.of(silent).exposure().interfaces()).isEmpty();

    Network uncollected = Network.builder().add(eni).add(lb).build();
    assertThat(Reachability.of(uncollected).exposure().interfaces()).singleElement()
        .satisfies(u -> assertThat(u.open().outcomeOf(tcp(22))).isEqualTo(Outcome.UNKNOWN));
    assertThat(uncollected.warnings()).singleElement().satisfies(w -> {
      assertThat(w.kind()).isEqualTo(dev.sgreach.model.Warning.Kind.UNKNOWN_LISTENERS);
      assertThat(w.message()).contains("eni-nlb", "api", "describe-listeners", "unknown on every port");
    });
  }

  /**
   * The same fact (elbv2 NLB user guide: without security groups all client traffic can reach the listeners, and
   * nothing else is accepted) for any client, not only the internet: {@code reach}, {@code outcome}, open ports and
   * who-can-reach limit an NLB ENI without groups to its listener ports; without its listeners in the snapshot every
   * port is unknown, naming what is missing. What the NLB sends on to its targets stays unfiltered.
   */
  @Test
  void reaching_an_nlb_without_groups_is_limited_to_its_listener_ports() {
    String arn = NLB_ARN;
    dev.sgreach.model.LoadBalancer lb = nlb("internal");
    NetworkInterface nlb = nlbEni().build();
    Network withoutListeners = Network.builder().add(nlb)
        .add(sg("sg-client").allowOut(Ports.allTraffic(), ANY4).build())
        .add(NetworkInterface.builder("eni-client").vpc("vpc-1").address("10.0.0.20").groups("sg-client").build())
        .build();
    Network listening = withoutListeners.toBuilder().add(lb.withListeners(com.google.common.collect.ImmutableList.of(
        new dev.sgreach.model.Listener(arn + "/l1", arn, "TCP", 443)))).build();
    Reachability r = Reachability.of(listening);
    assertThat(r.reach("eni-client", "eni-nlb", tcp(443)).outcome()).isEqualTo(Outcome.ALLOWED);
    Verdict refused = r.reach("eni-client", "eni-nlb", tcp(22));
    assertThat(refused.outcome()).isEqualTo(Outcome.DENIED);
    assertThat(refused.explain()).contains("listeners only").contains("tcp 443");
    assertThat(r.outcome(Endpoint.address("8.8.8.8"), Endpoint.eni("eni-nlb"), Traffic.udp(443)))
        .isEqualTo(Outcome.DENIED);
    assertThat(r.openPorts(Endpoint.eni("eni-client"), Endpoint.eni("eni-nlb")).tcp())
        .isEqualTo(com.google.common.collect.ImmutableRangeSet.of(com.google.common.collect.Range.closedOpen(443, 444)));
    assertThat(r.whoCanReach(Endpoint.eni("eni-nlb"), tcp(22)).allowedInterfaces()).isEmpty();
    assertThat(r.whoCanReach(Endpoint.eni("eni-nlb"), tcp(443)).allowedInterfaces())
        .extracting(NetworkInterface::id).containsExactly("eni-client");
    // the NLB's own traffic to a target is not filtered on its side
    assertThat(r.reach("eni-nlb", "8.8.8.8", tcp(8080)).outcome()).isEqualTo(Outcome.ALLOWED);

    Verdict untold = Reachability.of(withoutListeners.toBuilder().add(lb).build()).reach("eni-client", "eni-nlb", tcp(22));
    assertThat(untold.outcome()).isEqualTo(Outcome.UNKNOWN);
    assertThat(untold.explain()).contains("describe-listeners");
  }

  /**
   * VPC user guide, IP addressing: private addresses are unique within a VPC, not across VPCs. An address that ENIs
   * of two VPCs hold is ambiguous as an endpoint (bad input naming both) unless its VPC is given.
   */
  @Test
  void a_private_address_used_in_two_vpcs_is_ambiguous_unless_its_vpc_is_given() {
    Network n = Network.builder()
        .add(sg("sg-a").allowIn(Ports.tcp(22), ANY4).build())
        .add(sg("sg-b").vpc("vpc-2").build())
        .add(NetworkInterface.builder("eni-a").vpc("vpc-1").address("10.0.0.5").groups("sg-a").build())
        .add(NetworkInterface.builder("eni-b").vpc("vpc-2").address("10.0.0.5").groups("sg-b").build())
        .build();
    Reachability r = Reachability.of(n);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> r.resolve(Endpoint.address("10.0.0.5")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("eni-a (vpc-1)").hasMessageContaining("eni-b (vpc-2)")
        .hasMessageContaining("vpc-1/10.0.0.5");
    assertThat(r.reach(Endpoint.address("8.8.8.8"), Endpoint.address("vpc-1", "10.0.0.5"), tcp(22)).outcome())
        .isEqualTo(Outcome.ALLOWED);
    assertThat(r.reach(Endpoint.address("8.8.8.8"), Endpoint.address("vpc-2", "10.0.0.5"), tcp(22)).outcome())
        .isEqualTo(Outcome.DENIED);
    assertThat(Endpoint.address("vpc-2", "10.0.0.5").label()).isEqualTo("vpc-2/10.0.0.5");
  }

  // ---------------------------------------------------------------- the VPC's own space is not the internet

  /**
   * An ENI in vpc-1 (blocks 10.0.0.0/16, 54.240.0.0/16 outside RFC 1918, Amazon IPv6 2600:1f18:0:100::/56), peered
   * with vpc-2 (52.94.0.0/16, known from the peering's record only), whose groups admit tcp/22 from the given peer.
   */
  static Network vpcSpace(String peer, boolean vpcRecorded) {
    Network.Builder b = Network.builder();
    if (vpcRecorded) {
      b.add(dev.sgreach.model.Vpc.of("vpc-1", "10.0.0.0/16", "54.240.0.0/16", "2600:1f18:0:100::/56"));
    }
    return b.add(new dev.sgreach.model.VpcPeering("pcx-1", "vpc-1", "vpc-2", "active",
            dev.sgreach.model.VpcPeering.Side.UNKNOWN, new dev.sgreach.model.VpcPeering.Side("", "",
                com.google.common.collect.ImmutableList.of(Cidr.parse("52.94.0.0/16")))))
        .add(sg("sg-app").allowIn(Ports.tcp(22), Peer.cidr(peer)).build())
        .add(NetworkInterface.builder("eni-app").vpc("vpc-1").addresses("10.0.0.5", "2600:1f18:0:100::5")
            .groups("sg-app").build())
        .build();
  }

  /**
   * VPC user guide, "VPC CIDR blocks" and "IPv6 VPC CIDR blocks": a VPC's blocks (a public IPv4 block outside RFC
   * 1918, an Amazon-provided IPv6 /56) are its own address space; traffic from them comes from inside the VPC, not
   * from the internet. A rule naming them does not expose the ENI.
   */
  @Test
  void a_rule_naming_the_vpcs_own_blocks_does_not_expose_the_eni() {
    for (String own : new String[] {"2600:1f18:0:100::/56", "2600:1f18:0:100::/64", "54.240.0.0/16",
        "54.240.7.0/24"}) {
      assertThat(Reachability.of(vpcSpace(own, true)).exposure().interfaces()).as("a rule from %s", own).isEmpty();
    }
    // a block reaching beyond the VPC's does: 2600:1f18::/40 holds addresses outside the /56
    Exposure wider = Reachability.of(vpcSpace("2600:1f18::/40", true)).exposure();
    assertThat(wider.interfaces()).extracting(x -> x.eni().id()).containsExactly("eni-app");
    assertThat(wider.outcome()).isEqualTo(Outcome.ALLOWED);
  }

  /**
   * VPC peering guide, "VPC peering connections": peered VPCs talk over private addresses; the peer's blocks (here
   * known from {@code describe-vpc-peering-connections}' AccepterVpcInfo.CidrBlockSet only) are not the internet.
   */
  @Test
  void a_rule_naming_an_actively_peered_vpcs_block_does_not_expose_the_eni() {
    assertThat(Reachability.of(vpcSpace("52.94.3.0/24", true)).exposure().interfaces()).isEmpty();
    assertThat(Reachability.of(vpcSpace("52.95.0.0/16", true)).exposure().interfaces()).hasSize(1);
  }

  /**
   * Without the VPC's record its blocks are unknown, and a VPC block can be as large as /44 (IPv6, VPC user guide
   * "IPv6 VPC CIDR blocks") or /16 (IPv4, EC2 API CreateVpc): a rule block that small holding the ENI's own address
   * may be all the VPC's, so the ENI is maybe exposed (unknown), never surely; a larger block surely reaches out.
   */
  @Test
  void without_the_vpcs_record_a_block_that_may_be_its_own_is_unknown_not_exposed() {
    Exposure maybe = Reachability.of(vpcSpace("2600:1f18:0:100::/56", false)).exposure();
    assertThat(maybe.interfaces()).singleElement().satisfies(x -> {
      assertThat(x.outcome()).isEqualTo(Outcome.UNKNOWN);
      assertThat(x.rules()).isEmpty();
      assertThat(x.open().outcomeOf(tcp(22))).isEqualTo(Outcome.UNKNOWN);
    });
    Exposure sure = Reachability.of(vpcSpace("2600:1f18::/40", false)).exposure();
    assertThat(sure.outcome()).isEqualTo(Outcome.ALLOWED);
    // a public block meeting no address known to be the VPC's is taken to be the internet
    assertThat(Reachability.of(vpcSpace("52.95.0.0/16", false)).exposure().outcome()).isEqualTo(Outcome.ALLOWED);
  }

  // ---------------------------------------------------------------- pods with security groups

  /**
   * A node (instance i-1: primary ENI in sg-node, trunk ENI) hosting a pod on a branch ENI (sg-pod, which admits only
   * tcp/8080 from 10.0.9.0/24), and a second node i-2 with no pod.
   */
  static Network podOnNode() {
    return Network.builder()
        .add(sg("sg-node").allowOut(Ports.allTraffic(), ANY4).build())
        .add(sg("sg-pod").allowIn(Ports.tcp(8080), Peer.cidr("10.0.9.0/24")).build())
        .add(NetworkInterface.builder("eni-node").vpc("vpc-1").address("10.0.1.10").groups("sg-node")
            .attachedTo("i-1", 0).build())
        .add(NetworkInterface.builder("eni-trunk").vpc("vpc-1").address("10.0.1.11").groups("sg-node")
            .interfaceType("trunk").attachedTo("i-1", 1).build())
        .add(NetworkInterface.builder("eni-pod").vpc("vpc-1").address("10.0.1.20").groups("sg-pod")
            .interfaceType("branch").tag(Network.TRUNK_ENI_ID_TAG, "eni-trunk").build())
        .add(NetworkInterface.builder("eni-other-node").vpc("vpc-1").address("10.0.2.10").groups("sg-node")
            .attachedTo("i-2", 0).build())
        .build();
  }

  /**
   * VPC CNI README, POD_SECURITY_GROUP_ENFORCING_MODE (EKS user guide, "Security groups for Pods"): in standard mode
   * traffic between a pod and another pod or service on its own host (the kubelet's probes) is not enforced by
   * security group rules, while traffic from another host still is; in strict mode, the default, the branch ENI's
   * groups judge everything. The proof says which mode was assumed.
   */
  @Test
  void in_standard_mode_a_pod_and_its_own_node_meet_no_security_group() {
    Network n = podOnNode();
    java.util.Set<dev.sgreach.model.Layer> sg = java.util.EnumSet.of(dev.sgreach.model.Layer.SECURITY_GROUPS);
    Reachability strict = Reachability.of(n);
    Reachability standard = Reachability.of(n, sg, PodSecurityGroupMode.STANDARD);
    assertThat(strict.podSecurityGroupMode()).isEqualTo(PodSecurityGroupMode.STRICT);
    assertThat(strict.reach("eni-node", "eni-pod", tcp(8080)).outcome()).isEqualTo(Outcome.DENIED);
    Verdict probe = standard.reach("eni-node", "eni-pod", tcp(8080));
    assertThat(probe.outcome()).isEqualTo(Outcome.ALLOWED);
    assertThat(probe.explain()).contains("standard mode").contains("meets no security group");
    // another node's traffic still meets the pod's groups, in either mode
    assertThat(standard.reach("eni-other-node", "eni-pod", tcp(8080)).outcome()).isEqualTo(Outcome.DENIED);
    // who can reach the pod: its own node's ENIs in standard mode only
    assertThat(standard.whoCanReach(Endpoint.eni("eni-pod"), tcp(8080)).allowedInterfaces())
        .extracting(NetworkInterface::id).containsExactly("eni-node", "eni-trunk");
    assertThat(strict.whoCanReach(Endpoint.eni("eni-pod"), tcp(8080)).allowedInterfaces()).isEmpty();
  }

  /**
   * EKS user guide, "Security groups for Pods": with POD_SECURITY_GROUP_ENFORCING_MODE=standard, outbound traffic from
   * pods to addresses outside the VPC is translated to the IP address of the instance's primary network interface,
   * and the rules of that interface's security groups apply instead of the pod's (unless
   * AWS_VPC_K8S_CNI_EXTERNALSNAT=true, which sgreach takes as false, the default). In strict mode the pod's own groups
   * judge it. Traffic inside the VPC, and IPv4 link-local traffic, is not translated.
   */
  @Test
  void in_standard_mode_a_pods_traffic_leaving_the_vpc_is_judged_by_its_nodes_primary_eni() {
    Network n = podOnNode().toBuilder()
        .add(Vpc.of("vpc-1", "10.0.0.0/16"))
        .replace(sg("sg-pod").allowIn(Ports.tcp(8080), Peer.cidr("10.0.9.0/24"))
            .allowOut(Ports.tcp(5432), Peer.cidr("10.0.0.0/16")).build())
        .build();
    java.util.Set<dev.sgreach.model.Layer> sg = java.util.EnumSet.of(dev.sgreach.model.Layer.SECURITY_GROUPS);
    Reachability strict = Reachability.of(n);
    Reachability standard = Reachability.of(n, sg, PodSecurityGroupMode.STANDARD);
    // the pod's groups admit no traffic out of the VPC; the node's primary ENI (sg-node) admits everything
    assertThat(strict.reach("eni-pod", "8.8.8.8", tcp(443)).outcome()).isEqualTo(Outcome.DENIED);
    Verdict out = standard.reach("eni-pod", "8.8.8.8", tcp(443));
    assertThat(out.outcome()).as(out.explain()).isEqualTo(Outcome.ALLOWED);
    assertThat(out.explain()).contains("eni-node").contains("10.0.1.10").contains("translates");
    assertThat(standard.outcome(Endpoint.eni("eni-pod"), Endpoint.address("8.8.8.8"), tcp(443)))
        .isEqualTo(Outcome.ALLOWED);
    assertThat(standard.openPorts(Endpoint.eni("eni-pod"), Endpoint.address("8.8.8.8")).tcp())
        .isEqualTo(com.google.common.collect.ImmutableRangeSet.of(com.google.common.collect.Range.closedOpen(0, 65536)));
    // inside the VPC the pod's own groups still decide: tcp/5432 to the VPC block only
    assertThat(standard.reach("eni-pod", "10.0.7.7", tcp(5432)).outcome()).isEqualTo(Outcome.ALLOWED);
    assertThat(standard.reach("eni-pod", "10.0.7.7", tcp(443)).outcome()).isEqualTo(Outcome.DENIED);
    // what the pod can reach outside: the node's rules beyond the VPC, the pod's within it
    Reachers reached = standard.whatCanBeReached(Endpoint.eni("eni-pod"), tcp(443));
    assertThat(reached.outside(Cidr.parse("8.8.8.8"))).isEqualTo(Outcome.ALLOWED);
    assertThat(reached.outside(Cidr.parse("10.0.7.7"))).isEqualTo(Outcome.DENIED);
    // without the VPC's record, whether 8.8.8.8 is outside it cannot be told: unknown, saying why
    Network noVpc = podOnNode().toBuilder().replace(sg("sg-pod").allowIn(Ports.tcp(8080), Peer.cidr("10.0.9.0/24"))
        .build()).build();
    Verdict untold = Reachability.of(noVpc, sg, PodSecurityGroupMode.STANDARD).reach("eni-pod", "8.8.8.8", tcp(443));
    assertThat(untold.outcome()).isEqualTo(Outcome.UNKNOWN);
    assertThat(untold.explain()).contains("cannot be told");
  }
}
