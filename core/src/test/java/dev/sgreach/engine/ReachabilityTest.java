package dev.sgreach.engine;

import static dev.sgreach.model.Traffic.icmp;
import static dev.sgreach.model.Traffic.icmpv6;
import static dev.sgreach.model.Traffic.tcp;
import static dev.sgreach.model.Traffic.udp;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.common.collect.ImmutableRangeSet;
import com.google.common.collect.Range;
import dev.sgreach.model.Cidr;
import dev.sgreach.model.Network;
import dev.sgreach.model.NetworkInterface;
import dev.sgreach.model.Peer;
import dev.sgreach.model.Ports;
import dev.sgreach.model.PrefixList;
import dev.sgreach.model.Protocol;
import dev.sgreach.model.SecurityGroup;
import dev.sgreach.model.Traffic;
import dev.sgreach.model.VpcPeering;
import org.junit.jupiter.api.Test;

class ReachabilityTest {
  static final Peer ANY4 = Peer.cidr("0.0.0.0/0");

  static SecurityGroup.Builder sg(String id) {
    return SecurityGroup.builder(id).name(id.substring(3)).vpc("vpc-1");
  }

  static NetworkInterface eni(String id, String addr, String... groups) {
    return NetworkInterface.builder(id).vpc("vpc-1").address(addr).groups(groups).build();
  }

  /** web (10.0.1.5) -> db (10.0.2.7) on 5432 through a group reference; db egress closed. */
  static Network webAndDb() {
    return Network.builder()
        .add(sg("sg-web").allowOut(Ports.allTraffic(), ANY4).allowIn(Ports.tcp(443), ANY4, "https").build())
        .add(sg("sg-db").allowIn(Ports.tcp(5432), Peer.group("sg-web"), "from web")
            .allowIn(Ports.tcp(5433), Peer.group("sg-app")).build())
        .add(eni("eni-web", "10.0.1.5", "sg-web"))
        .add(eni("eni-db", "10.0.2.7", "sg-db"))
        .build();
  }

  @Test
  void should_allow_through_group_reference_and_name_both_rules() {
    Reachability r = Reachability.of(webAndDb());
    Verdict v = r.reach("eni-web", "eni-db", tcp(5432));
    assertThat(v.outcome()).isEqualTo(Outcome.ALLOWED);
    Flow f = v.flows().get(0);
    assertThat(f.egress().orElseThrow().matches()).extracting(m -> m.group().id()).containsExactly("sg-web");
    assertThat(f.ingress().orElseThrow().matches()).extracting(m -> m.rule().description())
        .containsExactly("from web");
    assertThat(v.explain()).contains("allowed: eni-web -> eni-db on tcp/5432")
        .contains("by sg-db (db): ingress tcp 5432 from sg-web \"from web\"");
  }

  @Test
  void should_deny_with_near_miss_and_fix_when_port_differs() {
    Reachability r = Reachability.of(webAndDb());
    Verdict v = r.reach("eni-web", "eni-db", tcp(5433));
    assertThat(v.outcome()).isEqualTo(Outcome.DENIED);
    Flow f = v.flows().get(0);
    assertThat(f.blockingSides()).extracting(SideCheck::direction)
        .containsExactly(dev.sgreach.model.Direction.INGRESS);
    assertThat(f.ingress().orElseThrow().nearMisses()).extracting(NearMiss::reason)
        .contains("port 5433 is outside 5432", "peer sg-app: eni-web (10.0.1.5) does not carry sg-app");
    assertThat(v.fixes()).hasSize(1);
    assertThat(v.fixes().get(0).awsCliCommand()).startsWith(
        "aws ec2 authorize-security-group-ingress --group-id sg-db --ip-permissions "
            + "'IpProtocol=tcp,FromPort=5433,ToPort=5433,UserIdGroupPairs=[{GroupId=sg-web,");
  }

  @Test
  void should_deny_reverse_because_db_has_no_egress() {
    Reachability r = Reachability.of(webAndDb());
    Verdict v = r.reach("eni-db", "eni-web", tcp(443));
    assertThat(v.outcome()).isEqualTo(Outcome.DENIED);
    assertThat(v.flows().get(0).blockingSides()).extracting(SideCheck::direction)
        .containsExactly(dev.sgreach.model.Direction.EGRESS);
    assertThat(v.fixes().get(0).rule().direction()).isEqualTo(dev.sgreach.model.Direction.EGRESS);
    assertThat(v.fixes().get(0).awsCliCommand()).contains("authorize-security-group-egress --group-id sg-db");
  }

  @Test
  void outside_party_needs_only_the_other_sides_rules() {
    Reachability r = Reachability.of(webAndDb());
    assertThat(r.reach("203.0.113.9", "eni-web", tcp(443)).outcome()).isEqualTo(Outcome.ALLOWED);
    assertThat(r.reach("203.0.113.9", "eni-db", tcp(5432)).outcome()).isEqualTo(Outcome.DENIED);
    assertThat(r.reach("eni-web", "8.8.8.8", udp(53)).outcome()).isEqualTo(Outcome.ALLOWED);
  }

  @Test
  void missing_group_makes_verdicts_unknown_unless_another_rule_decides() {
    Network n = webAndDb().toBuilder()
        .add(eni("eni-x", "10.0.3.3", "sg-gone"))
        .add(eni("eni-y", "10.0.3.4", "sg-gone", "sg-web"))
        .build();
    Reachability r = Reachability.of(n);
    assertThat(r.reach("eni-x", "eni-web", tcp(443)).outcome()).isEqualTo(Outcome.UNKNOWN);
    assertThat(r.reach("eni-y", "eni-web", tcp(443)).outcome()).isEqualTo(Outcome.ALLOWED);
    assertThat(r.reach("eni-web", "eni-x", tcp(443)).outcome()).isEqualTo(Outcome.UNKNOWN);
    assertThat(n.warnings()).extracting(w -> w.kind().name()).contains("MISSING_SECURITY_GROUP", "STALE_REFERENCE");
  }

  @Test
  void prefix_list_without_entries_is_unknown_with_entries_decides() {
    Network n = Network.builder()
        .add(sg("sg-a").allowOut(Ports.allTraffic(), ANY4).build())
        .add(sg("sg-b").allowIn(Ports.tcp(22), Peer.prefixList("pl-known"))
            .allowIn(Ports.tcp(80), Peer.prefixList("pl-unknown")).build())
        .add(PrefixList.of("pl-known", "office", "10.0.1.0/24"))
        .add(PrefixList.withUnknownEntries("pl-unknown", "vpn"))
        .add(eni("eni-a", "10.0.1.5", "sg-a"))
        .add(eni("eni-b", "10.0.2.7", "sg-b"))
        .build();
    Reachability r = Reachability.of(n);
    assertThat(r.reach("eni-a", "eni-b", tcp(22)).outcome()).isEqualTo(Outcome.ALLOWED);
    assertThat(r.reach("eni-a", "eni-b", tcp(80)).outcome()).isEqualTo(Outcome.UNKNOWN);
    assertThat(r.reach("eni-a", "eni-b", tcp(81)).outcome()).isEqualTo(Outcome.DENIED);
  }

  @Test
  void icmp_only_over_ipv4_and_icmpv6_only_over_ipv6() {
    Network n = Network.builder()
        .add(sg("sg-a").allowOut(Ports.allTraffic(), ANY4).allowOut(Ports.allTraffic(), Peer.cidr("::/0")).build())
        .add(sg("sg-b").allowIn(Ports.allTraffic(), ANY4).build())
        .add(NetworkInterface.builder("eni-a").vpc("vpc-1").addresses("10.0.0.1", "2600:1f18::1")
            .groups("sg-a").build())
        .add(NetworkInterface.builder("eni-b").vpc("vpc-1").addresses("10.0.0.2", "2600:1f18::2")
            .groups("sg-b").build())
        .build();
    Reachability r = Reachability.of(n);
    assertThat(r.reach("eni-a", "eni-b", icmp(8, 0)).outcome()).isEqualTo(Outcome.ALLOWED);
    assertThat(r.reach("eni-a", "eni-b", icmpv6(128, 0)).outcome()).isEqualTo(Outcome.DENIED);
    assertThat(r.reach("2600:1f18::1", "eni-b", tcp(1)).outcome()).isEqualTo(Outcome.DENIED);
  }

  @Test
  void group_reference_crosses_active_peering_only() {
    Network.Builder b = Network.builder()
        .add(SecurityGroup.builder("sg-a").vpc("vpc-1").allowOut(Ports.allTraffic(), ANY4).build())
        .add(SecurityGroup.builder("sg-b").vpc("vpc-2").allowIn(Ports.tcp(22), Peer.group("sg-a")).build())
        .add(eni("eni-a", "10.0.0.1", "sg-a"))
        .add(NetworkInterface.builder("eni-b").vpc("vpc-2").address("10.1.0.1").groups("sg-b").build());
    Network unpeered = b.build();
    // without Transit Gateway data, an inbound reference across VPCs may go through one: unknown
    assertThat(Reachability.of(unpeered).reach("eni-a", "eni-b", tcp(22)).outcome())
        .isEqualTo(Outcome.UNKNOWN);
    Network transitElsewhere = unpeered.toBuilder().add(dev.sgreach.model.TransitGateway.builder("tgw-1")
        .securityGroupReferencing(true).build()).build();
    assertThat(Reachability.of(transitElsewhere).reach("eni-a", "eni-b", tcp(22)).outcome())
        .isEqualTo(Outcome.DENIED);
    Network peered = unpeered.toBuilder().add(VpcPeering.active("pcx-1", "vpc-1", "vpc-2")).build();
    assertThat(Reachability.of(peered).reach("eni-a", "eni-b", tcp(22)).outcome())
        .isEqualTo(Outcome.ALLOWED);
    Network deleted = transitElsewhere.toBuilder().add(new VpcPeering("pcx-1", "vpc-1", "vpc-2", "deleted"))
        .build();
    assertThat(Reachability.of(deleted).reach("eni-a", "eni-b", tcp(22)).outcome())
        .isEqualTo(Outcome.DENIED);
  }

  @Test
  void a_reference_reporting_an_active_peering_the_snapshot_lacks_is_believed_for_the_vpc_it_names() {
    Peer.GroupPeer viaPeering = Peer.group("sg-a").ownedBy("111").viaPeering("vpc-1", "pcx-9", "active");
    Network.Builder b = Network.builder()
        .add(SecurityGroup.builder("sg-a").vpc("vpc-1").allowOut(Ports.allTraffic(), ANY4).build())
        .add(SecurityGroup.builder("sg-b").vpc("vpc-2").allowIn(Ports.tcp(22), viaPeering).build())
        .add(eni("eni-a", "10.0.0.1", "sg-a"))
        .add(NetworkInterface.builder("eni-a3").vpc("vpc-3").address("10.3.0.1").groups("sg-a").build())
        .add(NetworkInterface.builder("eni-b").vpc("vpc-2").address("10.1.0.1").groups("sg-b").build());
    Reachability r = Reachability.of(b.build());
    assertThat(r.reach("eni-a", "eni-b", tcp(22)).outcome()).isEqualTo(Outcome.ALLOWED);
    assertThat(r.reach("eni-a3", "eni-b", tcp(22)).outcome()).isEqualTo(Outcome.DENIED); // not the VPC it names
    assertThat(r.whoCanReach(Endpoint.eni("eni-b"), tcp(22)).allowedInterfaces()).extracting(NetworkInterface::id)
        .containsExactly("eni-a");
    // a recorded peering decides by its own status
    Network recorded = b.add(new VpcPeering("pcx-9", "vpc-1", "vpc-2", "deleted")).build();
    assertThat(Reachability.of(recorded).reach("eni-a", "eni-b", tcp(22)).outcome()).isEqualTo(Outcome.DENIED);
  }

  @Test
  void open_ports_are_exact_ranges() {
    Network n = Network.builder()
        .add(sg("sg-a").allowOut(Ports.tcp(0, 1000), ANY4).allowOut(Ports.udp(53), ANY4).build())
        .add(sg("sg-b").allowIn(Ports.tcp(80), ANY4).allowIn(Ports.tcp(443, 2000), ANY4)
            .allowIn(Ports.udp(0, 65535), ANY4).allowIn(Ports.protocol(50), ANY4).build())
        .add(eni("eni-a", "10.0.0.1", "sg-a"))
        .add(eni("eni-b", "10.0.0.2", "sg-b"))
        .build();
    OpenPorts p = Reachability.of(n).openPorts(Endpoint.eni("eni-a"), Endpoint.eni("eni-b"));
    assertThat(p.tcp()).isEqualTo(ImmutableRangeSet.unionOf(java.util.List.of(
        Range.closedOpen(80, 81), Range.closedOpen(443, 1001))));
    assertThat(p.udp().asRanges()).containsExactly(Range.closedOpen(53, 54));
    assertThat(p.allowedProtocols().isEmpty()).isTrue();
    assertThat(p.toString()).isEqualTo("tcp 80, 443-1000\nudp 53");
    assertThat(p.outcomeOf(Traffic.tcp(1000))).isEqualTo(Outcome.ALLOWED);
    assertThat(p.allowed(Protocol.ICMP).isEmpty()).isTrue();
  }

  @Test
  void who_can_reach_lists_enis_and_outside_blocks() {
    Reachability r = Reachability.of(webAndDb());
    Reachers w = r.whoCanReach(Endpoint.eni("eni-db"), tcp(5432));
    assertThat(w.allowedInterfaces()).extracting(NetworkInterface::id).containsExactly("eni-web");
    assertThat(w.outsideBlocks()).isEmpty();
    Reachers web = r.whoCanReach(Endpoint.eni("eni-web"), tcp(443));
    assertThat(web.allowedInterfaces()).isEmpty(); // db has no egress
    assertThat(web.outsideBlocks()).containsExactly(Cidr.parse("0.0.0.0/0"));
  }

  @Test
  void exposure_lists_internet_facing_rules() {
    Exposure e = Reachability.of(webAndDb()).exposure();
    assertThat(e.interfaces()).extracting(x -> x.eni().id()).containsExactly("eni-web");
    assertThat(e.interfaces().get(0).fromAnywhere()).isTrue();
    assertThat(e.interfaces().get(0).open().toString()).isEqualTo("tcp 443");
  }

  @Test
  void group_endpoint_reports_coverage() {
    Network n = webAndDb().toBuilder().add(eni("eni-web2", "10.0.1.6", "sg-web", "sg-app")).build();
    Reachability r = Reachability.of(n);
    Verdict v = r.reach(Endpoint.securityGroup("sg-web"), Endpoint.eni("eni-db"), tcp(5433));
    assertThat(v.coverage()).isEqualTo(Coverage.SOME);
    assertThat(v.outcome()).isEqualTo(Outcome.DENIED);
    assertThat(v.flows()).hasSize(2);
    assertThat(v.explain()).contains("some: 1 of 2 member flows allowed");
  }

  @Test
  void unknown_endpoint_is_a_clear_error() {
    Reachability r = Reachability.of(webAndDb());
    assertThatThrownBy(() -> r.reach("eni-nope", "eni-db", tcp(1)))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("no network interface eni-nope in the snapshot");
    assertThatThrownBy(() -> r.reach("1.1.1.1", "8.8.8.8", tcp(1)))
        .hasMessageContaining("outside the snapshot");
  }

  @Test
  void eni_without_groups_admits_nothing_unless_aws_does_not_filter_its_type() {
    Network n = webAndDb().toBuilder()
        .add(NetworkInterface.builder("eni-bare").vpc("vpc-1").address("10.0.5.5").build())
        .add(NetworkInterface.builder("eni-nat").vpc("vpc-1").address("10.0.5.6").interfaceType("nat_gateway")
            .build())
        .build();
    Reachability r = Reachability.of(n);
    Verdict bare = r.reach("eni-web", "eni-bare", tcp(80));
    assertThat(bare.outcome()).isEqualTo(Outcome.DENIED);
    assertThat(bare.explain()).contains("carries no security group, so it admits no ingress traffic");
    Verdict nat = r.reach("eni-web", "eni-nat", tcp(80));
    assertThat(nat.outcome()).isEqualTo(Outcome.ALLOWED);
    assertThat(nat.explain()).contains("nat_gateway interface with no security group is not filtered");
    assertThat(r.whoCanReach(Endpoint.eni("eni-nat"), tcp(80)).allowedInterfaces())
        .extracting(NetworkInterface::id).containsExactly("eni-web");
    // a NAT gateway accepts no unsolicited connection from the internet (VPC user guide, NAT gateways): not exposed
    assertThat(r.exposure().interfaces()).extracting(x -> x.eni().id()).containsExactly("eni-web");
    assertThat(r.exposure(Endpoint.eni("eni-nat")).interfaces()).isEmpty();
  }

  @Test
  void delegated_prefixes_are_among_an_enis_addresses() {
    Network n = Network.builder()
        .add(sg("sg-node").allowOut(Ports.allTraffic(), ANY4).build())
        .add(sg("sg-db").allowIn(Ports.tcp(5432), Peer.cidr("10.0.9.20/32"), "one pod").build())
        .add(NetworkInterface.builder("eni-node").vpc("vpc-1").address("10.0.0.5").prefix("10.0.9.16/28")
            .groups("sg-node").build())
        .add(eni("eni-db", "10.0.2.7", "sg-db"))
        .build();
    Reachability r = Reachability.of(n);
    Verdict v = r.reach("eni-node", "eni-db", tcp(5432));
    assertThat(v.outcome()).isEqualTo(Outcome.ALLOWED);
    assertThat(v.flows().get(0).ingress().orElseThrow().remoteAddress()).isEqualTo(Cidr.parse("10.0.9.16/28"));
    assertThat(r.reach("10.0.9.21", "eni-db", tcp(5432)).outcome()).isEqualTo(Outcome.DENIED);
    assertThat(r.reach("10.0.0.5", "eni-db", tcp(5432)).outcome()).isEqualTo(Outcome.DENIED);
    // the /32 inside the prefix names the node ENI as a candidate
    assertThat(r.whoCanReach(Endpoint.eni("eni-db"), tcp(5432)).allowedInterfaces())
        .extracting(NetworkInterface::id).containsExactly("eni-node");
  }
}
