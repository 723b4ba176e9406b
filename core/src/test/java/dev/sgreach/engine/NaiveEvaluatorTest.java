package dev.sgreach.engine;

import static dev.sgreach.engine.NaiveOutcome.ALLOWED;
import static dev.sgreach.engine.NaiveOutcome.DENIED;
import static dev.sgreach.engine.NaiveOutcome.UNKNOWN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sgreach.model.Network;
import dev.sgreach.model.NetworkInterface;
import dev.sgreach.model.Peer;
import dev.sgreach.model.Ports;
import dev.sgreach.model.PrefixList;
import dev.sgreach.model.Protocol;
import dev.sgreach.model.SecurityGroup;
import dev.sgreach.model.Traffic;
import dev.sgreach.model.VpcPeering;
import java.util.BitSet;
import org.junit.jupiter.api.Test;

/** Pins the oracle's semantics with tiny hand-made networks, one AWS rule per case. */
class NaiveEvaluatorTest {

  private static final Ports ALL = Ports.allTraffic();
  private static final Peer ANY4 = Peer.cidr("0.0.0.0/0");
  private static final Peer ANY6 = Peer.cidr("::/0");

  /** An SG in vpc-1 that may send anything anywhere (the EC2 default egress, both families). */
  private static SecurityGroup.Builder sg(String id) {
    return SecurityGroup.builder(id).vpc("vpc-1");
  }

  private static SecurityGroup openOut(String id) {
    return sg(id).allowOut(ALL, ANY4).allowOut(ALL, ANY6).build();
  }

  private static NetworkInterface eni(String id, String vpc, String[] groups, String... addresses) {
    return NetworkInterface.builder(id).vpc(vpc).groups(groups).addresses(addresses).build();
  }

  private static String[] groups(String... ids) {
    return ids;
  }

  private static NaiveEvaluator oracle(Object... items) {
    Network.Builder b = Network.builder();
    for (Object o : items) {
      if (o instanceof SecurityGroup s) {
        b.add(s);
      } else if (o instanceof NetworkInterface e) {
        b.add(e);
      } else if (o instanceof PrefixList p) {
        b.add(p);
      } else if (o instanceof VpcPeering p) {
        b.add(p);
      } else {
        throw new IllegalArgumentException(String.valueOf(o));
      }
    }
    return new NaiveEvaluator(b.build());
  }

  @Test
  void egress_and_ingress_both_needed() {
    NaiveEvaluator o = oracle(
        openOut("sg-a"),
        sg("sg-b").allowIn(Ports.tcp(443), Peer.cidr("10.0.0.0/16")).build(),
        sg("sg-silent").build(),
        eni("eni-a", "vpc-1", groups("sg-a"), "10.0.0.5"),
        eni("eni-b", "vpc-1", groups("sg-b"), "10.0.1.5"),
        eni("eni-c", "vpc-1", groups("sg-silent"), "10.0.2.5"));
    assertThat(o.reach("eni-a", "eni-b", Traffic.tcp(443))).isEqualTo(ALLOWED);
    assertThat(o.reach("eni-a", "eni-b", Traffic.tcp(444))).isEqualTo(DENIED);
    assertThat(o.reach("eni-a", "eni-b", Traffic.udp(443))).isEqualTo(DENIED);
    // no egress rule on eni-c: nothing leaves, whatever eni-b admits
    assertThat(o.reach("eni-c", "eni-b", Traffic.tcp(443))).isEqualTo(DENIED);
    // eni-b has no egress rule, so the reverse direction is denied (statefulness covers replies only)
    assertThat(o.reach("eni-b", "eni-a", Traffic.tcp(443))).isEqualTo(DENIED);
  }

  @Test
  void outside_parties_have_no_rules_of_their_own() {
    NaiveEvaluator o = oracle(
        sg("sg-b").allowIn(Ports.tcp(22), ANY4).allowOut(ALL, Peer.cidr("10.0.0.0/8")).build(),
        eni("eni-b", "vpc-1", groups("sg-b"), "10.0.1.5"));
    assertThat(o.reach("203.0.113.9", "eni-b", Traffic.tcp(22))).isEqualTo(ALLOWED);
    assertThat(o.reach("203.0.113.9", "eni-b", Traffic.tcp(23))).isEqualTo(DENIED);
    assertThat(o.reach("eni-b", "10.9.9.9", Traffic.udp(53))).isEqualTo(ALLOWED);
    assertThat(o.reach("eni-b", "8.8.8.8", Traffic.udp(53))).isEqualTo(DENIED);
    // two outside parties: nothing on either side filters
    assertThat(o.reach("8.8.8.8", "1.1.1.1", Traffic.tcp(1))).isEqualTo(ALLOWED);
    assertThat(o.reach("8.8.8.8", "2001:db8::1", Traffic.tcp(1))).isEqualTo(DENIED);
  }

  @Test
  void group_reference_matches_carriers_never_outside_addresses() {
    NaiveEvaluator o = oracle(
        openOut("sg-client"),
        sg("sg-db").allowIn(Ports.tcp(5432), Peer.group("sg-client")).build(),
        eni("eni-client", "vpc-1", groups("sg-client"), "10.0.0.5"),
        eni("eni-other", "vpc-1", groups("sg-db"), "10.0.0.6"),
        eni("eni-db", "vpc-1", groups("sg-db"), "10.0.1.5"));
    assertThat(o.reach("eni-client", "eni-db", Traffic.tcp(5432))).isEqualTo(ALLOWED);
    assertThat(o.reach("10.0.0.5", "eni-db", Traffic.tcp(5432))).isEqualTo(ALLOWED);
    assertThat(o.reach("10.0.0.7", "eni-db", Traffic.tcp(5432))).isEqualTo(DENIED);
    assertThat(o.reach("eni-other", "eni-db", Traffic.tcp(5432))).isEqualTo(DENIED);
  }

  @Test
  void self_reference_matches_other_members_and_itself() {
    NaiveEvaluator o = oracle(
        sg("sg-self").allowIn(ALL, Peer.group("sg-self")).allowOut(ALL, Peer.group("sg-self")).build(),
        eni("eni-1", "vpc-1", groups("sg-self"), "10.0.0.1"),
        eni("eni-2", "vpc-1", groups("sg-self"), "10.0.0.2"));
    assertThat(o.reach("eni-1", "eni-2", Traffic.protocol(47))).isEqualTo(ALLOWED);
    assertThat(o.reach("eni-1", "eni-1", Traffic.tcp(80))).isEqualTo(ALLOWED);
    assertThat(o.reach("eni-1", "10.0.0.3", Traffic.tcp(80))).isEqualTo(DENIED);
  }

  @Test
  void group_reference_needs_same_vpc_or_active_peering() {
    SecurityGroup client = openOut("sg-client");
    SecurityGroup server = sg("sg-server").allowIn(Ports.tcp(80), Peer.group("sg-client")).build();
    NaiveEvaluator o = oracle(client, server,
        VpcPeering.active("pcx-12", "vpc-1", "vpc-2"),
        new VpcPeering("pcx-13", "vpc-3", "vpc-1", "pending-acceptance"),
        eni("eni-server", "vpc-1", groups("sg-server"), "10.0.0.1"),
        eni("eni-peered", "vpc-2", groups("sg-client"), "10.2.0.1"),
        eni("eni-pending", "vpc-3", groups("sg-client"), "10.3.0.1"),
        eni("eni-far", "vpc-4", groups("sg-client"), "10.4.0.1"),
        eni("eni-novpc", "", groups("sg-client"), "10.5.0.1"));
    assertThat(o.reach("eni-peered", "eni-server", Traffic.tcp(80))).isEqualTo(ALLOWED);
    // no peering joins them, and the network holds no Transit Gateway data: a TGW reference is possible
    assertThat(o.reach("eni-pending", "eni-server", Traffic.tcp(80))).isEqualTo(NaiveOutcome.UNKNOWN);
    assertThat(o.reach("eni-far", "eni-server", Traffic.tcp(80))).isEqualTo(NaiveOutcome.UNKNOWN);
    // an empty VPC id counts as the same VPC
    assertThat(o.reach("eni-novpc", "eni-server", Traffic.tcp(80))).isEqualTo(ALLOWED);
  }

  @Test
  void reference_with_inactive_peering_status_matches_nothing() {
    NaiveEvaluator o = oracle(
        openOut("sg-client"),
        sg("sg-server")
            .allowIn(Ports.tcp(80), Peer.group("sg-client").viaPeering("vpc-1", "pcx-1", "deleted"))
            .allowIn(Ports.tcp(81), Peer.group("sg-client").viaPeering("vpc-1", "pcx-1", "ACTIVE"))
            .allowIn(Ports.tcp(82), Peer.group("sg-client").viaPeering("vpc-1", "pcx-1", ""))
            .build(),
        eni("eni-server", "vpc-1", groups("sg-server"), "10.0.0.1"),
        eni("eni-client", "vpc-1", groups("sg-client"), "10.0.0.2"));
    assertThat(o.reach("eni-client", "eni-server", Traffic.tcp(80))).isEqualTo(DENIED);
    assertThat(o.reach("eni-client", "eni-server", Traffic.tcp(81))).isEqualTo(ALLOWED);
    assertThat(o.reach("eni-client", "eni-server", Traffic.tcp(82))).isEqualTo(ALLOWED);
  }

  @Test
  void stale_reference_still_matches_enis_carrying_the_id() {
    // sg-gone is not in the network: eni-x carries it (so eni-x's own egress is unknown), and the reference matches it
    NaiveEvaluator o = oracle(
        sg("sg-server").allowIn(Ports.tcp(80), Peer.group("sg-gone")).build(),
        openOut("sg-out"),
        eni("eni-server", "vpc-1", groups("sg-server"), "10.0.0.1"),
        eni("eni-x", "vpc-1", groups("sg-gone", "sg-out"), "10.0.0.2"),
        eni("eni-y", "vpc-1", groups("sg-out"), "10.0.0.3"));
    assertThat(o.reach("eni-x", "eni-server", Traffic.tcp(80))).isEqualTo(ALLOWED);
    assertThat(o.reach("eni-y", "eni-server", Traffic.tcp(80))).isEqualTo(DENIED);
  }

  @Test
  void prefix_lists_known_unknown_and_absent() {
    NaiveEvaluator o = oracle(
        PrefixList.of("pl-known", "s3", "52.216.0.0/15", "2600:1f18::/32"),
        PrefixList.withUnknownEntries("pl-unknown", "unknown"),
        openOut("sg-out"),
        sg("sg-known").allowIn(Ports.tcp(443), Peer.prefixList("pl-known")).build(),
        sg("sg-unknown").allowIn(Ports.tcp(443), Peer.prefixList("pl-unknown")).build(),
        sg("sg-absent").allowIn(Ports.tcp(443), Peer.prefixList("pl-absent")).build(),
        sg("sg-open443").allowIn(Ports.tcp(443), ANY4).build(),
        eni("eni-known", "vpc-1", groups("sg-known"), "10.0.0.1"),
        eni("eni-unknown", "vpc-1", groups("sg-unknown"), "10.0.0.2"),
        eni("eni-absent", "vpc-1", groups("sg-absent"), "10.0.0.3"),
        eni("eni-both", "vpc-1", groups("sg-unknown", "sg-open443"), "10.0.0.4"),
        eni("eni-quiet", "vpc-1", groups(), "10.0.0.5"));
    assertThat(o.reach("52.217.1.1", "eni-known", Traffic.tcp(443))).isEqualTo(ALLOWED);
    assertThat(o.reach("52.218.1.1", "eni-known", Traffic.tcp(443))).isEqualTo(DENIED);
    assertThat(o.reach("52.218.1.1", "eni-unknown", Traffic.tcp(443))).isEqualTo(UNKNOWN);
    assertThat(o.reach("52.218.1.1", "eni-absent", Traffic.tcp(443))).isEqualTo(UNKNOWN);
    // the unknown rule does not matter for another port
    assertThat(o.reach("52.218.1.1", "eni-unknown", Traffic.tcp(444))).isEqualTo(DENIED);
    // a definite match elsewhere wins over the unknown one
    assertThat(o.reach("52.218.1.1", "eni-both", Traffic.tcp(443))).isEqualTo(ALLOWED);
    // the egress side denies: DENIED AND UNKNOWN = DENIED
    assertThat(o.reach("eni-quiet", "eni-unknown", Traffic.tcp(443))).isEqualTo(DENIED);
  }

  @Test
  void missing_group_on_an_eni_makes_its_side_unknown() {
    NaiveEvaluator o = oracle(
        openOut("sg-out"),
        sg("sg-web").allowIn(Ports.tcp(80), ANY4).build(),
        eni("eni-m", "vpc-1", groups("sg-missing"), "10.0.0.1"),
        eni("eni-m-web", "vpc-1", groups("sg-missing", "sg-web"), "10.0.0.2"),
        eni("eni-client", "vpc-1", groups("sg-out"), "10.0.0.3"),
        eni("eni-mute", "vpc-1", groups(), "10.0.0.4"));
    assertThat(o.reach("eni-client", "eni-m", Traffic.tcp(80))).isEqualTo(UNKNOWN);
    assertThat(o.reach("eni-client", "eni-m-web", Traffic.tcp(80))).isEqualTo(ALLOWED);
    assertThat(o.reach("eni-client", "eni-m-web", Traffic.tcp(81))).isEqualTo(UNKNOWN);
    assertThat(o.reach("eni-m", "8.8.8.8", Traffic.tcp(80))).isEqualTo(UNKNOWN);
    assertThat(o.reach("eni-mute", "eni-m", Traffic.tcp(80))).isEqualTo(DENIED);
  }

  @Test
  void icmp_only_between_ipv4_and_icmpv6_only_between_ipv6() {
    NaiveEvaluator o = oracle(
        sg("sg-all").allowIn(ALL, ANY4).allowIn(ALL, ANY6).allowOut(ALL, ANY4).allowOut(ALL, ANY6).build(),
        eni("eni-v6a", "vpc-1", groups("sg-all"), "2600:1f18::a"),
        eni("eni-v6b", "vpc-1", groups("sg-all"), "2600:1f18::b"),
        eni("eni-v4", "vpc-1", groups("sg-all"), "10.0.0.4"));
    assertThat(o.reach("eni-v6a", "eni-v6b", Traffic.icmp(8, 0))).isEqualTo(DENIED);
    assertThat(o.reach("eni-v6a", "eni-v6b", Traffic.icmpv6(128, 0))).isEqualTo(ALLOWED);
    assertThat(o.reach("eni-v6a", "eni-v6b", Traffic.tcp(1))).isEqualTo(ALLOWED);
    assertThat(o.reach("eni-v4", "10.0.0.9", Traffic.icmpv6(128, 0))).isEqualTo(DENIED);
    assertThat(o.reach("eni-v4", "10.0.0.9", Traffic.icmp(8, 0))).isEqualTo(ALLOWED);
    // no pair of the same family at all
    assertThat(o.reach("eni-v4", "eni-v6a", Traffic.tcp(80))).isEqualTo(DENIED);
  }

  @Test
  void icmp_type_and_code() {
    NaiveEvaluator o = oracle(
        openOut("sg-out"),
        sg("sg-icmp")
            .allowIn(Ports.icmp(3, 4), ANY4)
            .allowIn(Ports.icmp(8, -1), ANY4)
            .allowIn(Ports.icmpv6(-1, -1), ANY6)
            .build(),
        eni("eni-c", "vpc-1", groups("sg-out"), "10.0.0.1", "2600:1f18::1"),
        eni("eni-s", "vpc-1", groups("sg-icmp"), "10.0.0.2", "2600:1f18::2"));
    assertThat(o.reach("eni-c", "eni-s", Traffic.icmp(3, 4))).isEqualTo(ALLOWED);
    assertThat(o.reach("eni-c", "eni-s", Traffic.icmp(3, 5))).isEqualTo(DENIED);
    assertThat(o.reach("eni-c", "eni-s", Traffic.icmp(4, 4))).isEqualTo(DENIED);
    assertThat(o.reach("eni-c", "eni-s", Traffic.icmp(8, 255))).isEqualTo(ALLOWED);
    assertThat(o.reach("eni-c", "eni-s", Traffic.icmpv6(255, 255))).isEqualTo(ALLOWED);
    // an icmp rule says nothing about icmpv6 and vice versa
    assertThat(o.reach("eni-c", "2600:1f18::2", Traffic.icmpv6(3, 4))).isEqualTo(ALLOWED);
    assertThat(o.reach("eni-c", "10.0.0.2", Traffic.icmpv6(128, 0))).isEqualTo(DENIED);
    assertThat(o.reach("eni-c", "eni-s", Traffic.tcp(3))).isEqualTo(DENIED);
  }

  @Test
  void tcp_udp_ranges_are_inclusive_at_both_ends() {
    NaiveEvaluator o = oracle(
        openOut("sg-out"),
        sg("sg-s").allowIn(Ports.tcp(0, 1), ANY4).allowIn(Ports.udp(65534, 65535), ANY4).build(),
        eni("eni-c", "vpc-1", groups("sg-out"), "10.0.0.1"),
        eni("eni-s", "vpc-1", groups("sg-s"), "10.0.0.2"));
    assertThat(o.reach("eni-c", "eni-s", Traffic.tcp(0))).isEqualTo(ALLOWED);
    assertThat(o.reach("eni-c", "eni-s", Traffic.tcp(1))).isEqualTo(ALLOWED);
    assertThat(o.reach("eni-c", "eni-s", Traffic.tcp(2))).isEqualTo(DENIED);
    assertThat(o.reach("eni-c", "eni-s", Traffic.udp(65533))).isEqualTo(DENIED);
    assertThat(o.reach("eni-c", "eni-s", Traffic.udp(65534))).isEqualTo(ALLOWED);
    assertThat(o.reach("eni-c", "eni-s", Traffic.udp(65535))).isEqualTo(ALLOWED);
    assertThat(o.reach("eni-c", "eni-s", Traffic.tcp(65535))).isEqualTo(DENIED);
  }

  @Test
  void other_protocols_ignore_ports_and_all_traffic_matches_everything() {
    NaiveEvaluator o = oracle(
        openOut("sg-out"),
        sg("sg-esp").allowIn(Ports.protocol(50), ANY4).allowIn(Ports.tcp(0, 65535), ANY4).build(),
        sg("sg-any").allowIn(ALL, ANY4).build(),
        eni("eni-c", "vpc-1", groups("sg-out"), "10.0.0.1"),
        eni("eni-esp", "vpc-1", groups("sg-esp"), "10.0.0.2"),
        eni("eni-any", "vpc-1", groups("sg-any"), "10.0.0.3"));
    assertThat(o.reach("eni-c", "eni-esp", Traffic.protocol(50))).isEqualTo(ALLOWED);
    assertThat(o.reach("eni-c", "eni-esp", Traffic.protocol(47))).isEqualTo(DENIED);
    assertThat(o.reach("eni-c", "eni-esp", Traffic.protocol(0))).isEqualTo(DENIED);
    assertThat(o.reach("eni-c", "eni-esp", Traffic.udp(500))).isEqualTo(DENIED);
    assertThat(o.reach("eni-c", "eni-any", Traffic.protocol(0))).isEqualTo(ALLOWED);
    assertThat(o.reach("eni-c", "eni-any", Traffic.protocol(255))).isEqualTo(ALLOWED);
    assertThat(o.reach("eni-c", "eni-any", Traffic.icmp(0, 0))).isEqualTo(ALLOWED);
  }

  @Test
  void an_eni_address_means_that_eni_restricted_to_the_address() {
    NaiveEvaluator o = oracle(
        openOut("sg-out"),
        sg("sg-s").allowIn(Ports.tcp(80), Peer.cidr("10.0.0.6/32")).build(),
        eni("eni-c", "vpc-1", groups("sg-out"), "10.0.0.5", "10.0.0.6"),
        eni("eni-mute", "vpc-1", groups(), "10.0.0.7"),
        eni("eni-s", "vpc-1", groups("sg-s"), "10.0.1.1"));
    assertThat(o.reach("eni-c", "eni-s", Traffic.tcp(80))).isEqualTo(ALLOWED);
    assertThat(o.reach("10.0.0.6", "eni-s", Traffic.tcp(80))).isEqualTo(ALLOWED);
    assertThat(o.reach("10.0.0.5", "eni-s", Traffic.tcp(80))).isEqualTo(DENIED);
    // 10.0.0.7 is eni-mute's: its (absent) egress rules apply although an outside party would pass
    assertThat(o.reach("10.0.0.7", "eni-s", Traffic.tcp(80))).isEqualTo(DENIED);
  }

  @Test
  void delegated_prefixes_belong_to_the_eni_and_are_among_its_addresses() {
    NetworkInterface pods = NetworkInterface.builder("eni-pods").vpc("vpc-1").groups("sg-pods")
        .addresses("10.0.0.5").prefix("10.0.9.16/28").build();
    NaiveEvaluator o = oracle(
        sg("sg-pods").allowOut(ALL, ANY4).build(),
        sg("sg-s").allowIn(Ports.tcp(80), Peer.cidr("10.0.9.16/28"))
            .allowIn(Ports.tcp(81), Peer.group("sg-pods")).build(),
        pods,
        eni("eni-s", "vpc-1", groups("sg-s"), "10.0.1.1"));
    assertThat(o.reach("10.0.9.20", "eni-s", Traffic.tcp(80))).isEqualTo(ALLOWED);
    // pods on the ENI send from its prefix: the ENI as a whole gets through where some prefix address does
    assertThat(o.reach("eni-pods", "eni-s", Traffic.tcp(80))).isEqualTo(ALLOWED);
    assertThat(o.reach("10.0.0.5", "eni-s", Traffic.tcp(80))).isEqualTo(DENIED);
    // the prefix address is the ENI's, so the reference to its group matches it
    assertThat(o.reach("10.0.9.20", "eni-s", Traffic.tcp(81))).isEqualTo(ALLOWED);
    // just outside the prefix is an outside party: the reference does not match
    assertThat(o.reach("10.0.9.32", "eni-s", Traffic.tcp(81))).isEqualTo(DENIED);
    assertThat(o.reach("10.0.9.32", "eni-s", Traffic.tcp(80))).isEqualTo(DENIED);
  }

  @Test
  void a_rule_for_part_of_a_delegated_prefix_admits_the_eni() {
    NetworkInterface pods = NetworkInterface.builder("eni-pods").vpc("vpc-1").groups("sg-pods")
        .addresses("10.0.0.5").prefix("10.0.9.16/28").build();
    NaiveEvaluator o = oracle(
        sg("sg-pods").allowOut(ALL, ANY4).build(),
        sg("sg-s").allowIn(Ports.tcp(80), Peer.cidr("10.0.9.20/32")).build(),
        pods,
        eni("eni-s", "vpc-1", groups("sg-s"), "10.0.1.1"));
    assertThat(o.reach("eni-pods", "eni-s", Traffic.tcp(80))).isEqualTo(ALLOWED);
    assertThat(o.reach("10.0.9.21", "eni-s", Traffic.tcp(80))).isEqualTo(DENIED);
  }

  @Test
  void cidrs_with_host_bits_and_odd_lengths() {
    NaiveEvaluator o = oracle(
        openOut("sg-out"),
        sg("sg-s")
            .allowIn(Ports.tcp(1), Peer.cidr("10.1.2.3/20"))
            .allowIn(Ports.tcp(2), Peer.cidr("2001:db8:8000::1/33"))
            .allowIn(Ports.tcp(3), Peer.cidr("128.0.0.0/1"))
            .allowIn(Ports.tcp(4), Peer.cidr("10.0.0.7/31"))
            .build(),
        eni("eni-s", "vpc-1", groups("sg-s"), "10.0.1.1", "2600:1f18::1"));
    assertThat(o.reach("10.1.15.255", "eni-s", Traffic.tcp(1))).isEqualTo(ALLOWED);
    assertThat(o.reach("10.1.0.0", "eni-s", Traffic.tcp(1))).isEqualTo(ALLOWED);
    assertThat(o.reach("10.1.16.0", "eni-s", Traffic.tcp(1))).isEqualTo(DENIED);
    assertThat(o.reach("2001:db8:ffff::9", "eni-s", Traffic.tcp(2))).isEqualTo(ALLOWED);
    assertThat(o.reach("2001:db8:7fff::9", "eni-s", Traffic.tcp(2))).isEqualTo(DENIED);
    assertThat(o.reach("203.0.113.1", "eni-s", Traffic.tcp(3))).isEqualTo(ALLOWED);
    assertThat(o.reach("127.255.255.255", "eni-s", Traffic.tcp(3))).isEqualTo(DENIED);
    assertThat(o.reach("10.0.0.6", "eni-s", Traffic.tcp(4))).isEqualTo(ALLOWED);
    assertThat(o.reach("10.0.0.8", "eni-s", Traffic.tcp(4))).isEqualTo(DENIED);
    // an IPv4 rule never matches an IPv6 address and vice versa
    assertThat(o.reach("2001:db8:ffff::9", "eni-s", Traffic.tcp(1))).isEqualTo(DENIED);
  }

  @Test
  void flow_is_the_kleene_or_over_address_pairs() {
    NaiveEvaluator o = oracle(
        PrefixList.withUnknownEntries("pl-unknown", "unknown"),
        openOut("sg-out"),
        sg("sg-s").allowIn(Ports.tcp(80), Peer.prefixList("pl-unknown"))
            .allowIn(Ports.tcp(80), Peer.cidr("2600:1f18::1/128")).build(),
        eni("eni-c4", "vpc-1", groups("sg-out"), "10.0.0.1"),
        eni("eni-c46", "vpc-1", groups("sg-out"), "10.0.0.2", "2600:1f18::1"),
        eni("eni-s", "vpc-1", groups("sg-s"), "10.0.1.1", "2600:1f18::5"));
    // the IPv4 pair is unknown, there is no IPv6 pair
    assertThat(o.reach("eni-c4", "eni-s", Traffic.tcp(80))).isEqualTo(UNKNOWN);
    // the IPv6 pair is allowed: allowed wins
    assertThat(o.reach("eni-c46", "eni-s", Traffic.tcp(80))).isEqualTo(ALLOWED);
  }

  @Test
  void open_ports_brute_force() {
    NaiveEvaluator o = oracle(
        PrefixList.withUnknownEntries("pl-unknown", "unknown"),
        openOut("sg-out"),
        sg("sg-s")
            .allowIn(Ports.tcp(80, 90), ANY4)
            .allowIn(Ports.tcp(85, 100), ANY4)
            .allowIn(Ports.tcp(95, 200), Peer.prefixList("pl-unknown"))
            .allowIn(Ports.icmp(3, 4), ANY4)
            .allowIn(Ports.icmp(8, -1), ANY4)
            .allowIn(Ports.protocol(50), ANY4)
            .build(),
        eni("eni-c", "vpc-1", groups("sg-out"), "10.0.0.1"),
        eni("eni-s", "vpc-1", groups("sg-s"), "10.0.1.1"));
    Evaluator.Open tcp = o.openPorts("eni-c", "eni-s", Protocol.TCP);
    assertThat(tcp.allowed()).isEqualTo(range(80, 100));
    assertThat(tcp.unknown()).isEqualTo(range(101, 200));
    assertThat(o.openPorts("eni-c", "eni-s", Protocol.UDP).allowed().isEmpty()).isTrue();
    BitSet icmp = new BitSet();
    icmp.set(3 * 256 + 4);
    icmp.set(8 * 256, 9 * 256);
    assertThat(o.openPorts("eni-c", "eni-s", Protocol.ICMP).allowed()).isEqualTo(icmp);
    assertThat(o.openPorts("eni-c", "eni-s", Protocol.ICMPV6).allowed().isEmpty()).isTrue();
    assertThat(o.openPorts("eni-c", "eni-s", Protocol.ALL).allowed()).isEqualTo(range(50, 50));
  }

  @Test
  void who_can_reach_excludes_the_target_and_splits_unknown() {
    NaiveEvaluator o = oracle(
        openOut("sg-out"),
        sg("sg-s").allowIn(Ports.tcp(80), Peer.cidr("10.0.0.0/16")).allowOut(ALL, ANY4).build(),
        eni("eni-a", "vpc-1", groups("sg-out"), "10.0.0.1"),
        eni("eni-b", "vpc-1", groups("sg-missing"), "10.0.0.2"),
        eni("eni-c", "vpc-1", groups(), "10.0.0.3"),
        eni("eni-far", "vpc-1", groups("sg-out"), "10.9.0.1"),
        eni("eni-s", "vpc-1", groups("sg-s"), "10.0.1.1"));
    Evaluator.Who who = o.whoCanReach("eni-s", Traffic.tcp(80));
    assertThat(who.allowed()).containsExactly("eni-a");
    assertThat(who.unknown()).containsExactly("eni-b");
    Evaluator.Who byAddress = o.whoCanReach("10.0.1.1", Traffic.tcp(80));
    assertThat(byAddress.allowed()).containsExactly("eni-a");
    // an outside target: only egress matters; eni-s may send anywhere in IPv4 too
    Evaluator.Who outside = o.whoCanReach("8.8.8.8", Traffic.tcp(80));
    assertThat(outside.allowed()).containsExactly("eni-a", "eni-far", "eni-s");
    assertThat(outside.unknown()).containsExactly("eni-b");
  }

  @Test
  void what_can_be_reached_excludes_the_source() {
    NaiveEvaluator o = oracle(
        sg("sg-src").allowOut(Ports.tcp(80), Peer.cidr("10.0.0.0/16")).allowIn(ALL, ANY4).build(),
        sg("sg-web").allowIn(Ports.tcp(80), ANY4).build(),
        eni("eni-src", "vpc-1", groups("sg-src"), "10.0.0.1"),
        eni("eni-web", "vpc-1", groups("sg-web"), "10.0.0.2"),
        eni("eni-far", "vpc-1", groups("sg-web"), "10.9.0.2"),
        eni("eni-m", "vpc-1", groups("sg-missing"), "10.0.0.3"),
        eni("eni-shut", "vpc-1", groups(), "10.0.0.4"));
    Evaluator.Who what = o.whatCanBeReached("eni-src", Traffic.tcp(80));
    assertThat(what.allowed()).containsExactly("eni-web");
    assertThat(what.unknown()).containsExactly("eni-m");
    // an outside source: only the targets' ingress matters
    Evaluator.Who fromOutside = o.whatCanBeReached("8.8.8.8", Traffic.tcp(80));
    assertThat(fromOutside.allowed()).containsExactly("eni-src", "eni-web", "eni-far");
  }

  @Test
  void unknown_endpoints_are_refused() {
    NaiveEvaluator o = oracle(eni("eni-a", "vpc-1", groups(), "10.0.0.1"));
    assertThatThrownBy(() -> o.reach("eni-zzz", "eni-a", Traffic.tcp(1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> o.reach("example.com", "eni-a", Traffic.tcp(1)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void interfaces_aws_does_not_filter_admit_everything_when_they_carry_no_group() {
    NaiveEvaluator o = oracle(
        openOut("sg-out"),
        NetworkInterface.builder("eni-nat").vpc("vpc-1").interfaceType("nat_gateway").address("10.0.0.9").build(),
        NetworkInterface.builder("eni-bare").vpc("vpc-1").address("10.0.0.8").build(),
        NetworkInterface.builder("eni-nlb").vpc("vpc-1").interfaceType("network_load_balancer").groups("sg-out")
            .address("10.0.0.7").build(),
        eni("eni-a", "vpc-1", groups("sg-out"), "10.0.0.1"));
    assertThat(o.reach("eni-a", "eni-nat", Traffic.tcp(22))).isEqualTo(ALLOWED);
    assertThat(o.reach("eni-nat", "8.8.8.8", Traffic.udp(53))).isEqualTo(ALLOWED);
    assertThat(o.reach("eni-a", "eni-bare", Traffic.tcp(22))).isEqualTo(DENIED);
    // with a group, an NLB's ENI is filtered like any other: sg-out admits nothing inbound
    assertThat(o.reach("eni-a", "eni-nlb", Traffic.tcp(22))).isEqualTo(DENIED);
  }

  @Test
  void group_valued_endpoints_answer_per_member_pair() {
    NaiveEvaluator o = oracle(
        openOut("sg-out"),
        sg("sg-web").allowIn(Ports.tcp(443), ANY4).build(),
        NetworkInterface.builder("eni-1").vpc("vpc-1").groups("sg-out", "sg-web").address("10.0.0.1")
            .attachedTo("i-1", 0).build(),
        NetworkInterface.builder("eni-2").vpc("vpc-1").groups("sg-out").address("10.0.0.2").attachedTo("i-1", 1)
            .build(),
        eni("eni-c", "vpc-1", groups("sg-out"), "10.0.0.3"));
    Evaluator.Answer instance = o.verdict("eni-c", "i-1", Traffic.tcp(443));
    assertThat(instance.members()).containsExactly(ALLOWED, DENIED);
    assertThat(instance.overall()).isEqualTo(DENIED);
    assertThat(instance.coverage()).isEqualTo("some");
    assertThat(o.verdict("eni-c", "sg-web", Traffic.tcp(443))).isEqualTo(
        new Evaluator.Answer(ALLOWED, "all", java.util.List.of(ALLOWED)));
    assertThat(o.verdict("{eni-c,10.0.0.2}", "eni-1", Traffic.tcp(443)).members())
        .containsExactly(ALLOWED, ALLOWED);
    assertThat(o.whoCanReach("i-1", Traffic.tcp(443)).allowed()).containsExactly("eni-2", "eni-c");
  }

  @Test
  void the_internet_is_every_address_outside_reserved_space() {
    NaiveEvaluator o = oracle();
    assertThat(o.holdsPublic(dev.sgreach.model.Cidr.parse("10.0.0.0/8"))).isFalse();
    assertThat(o.holdsPublic(dev.sgreach.model.Cidr.parse("10.0.0.0/7"))).isTrue(); // 11.0.0.0/8 is public
    assertThat(o.holdsPublic(dev.sgreach.model.Cidr.parse("198.18.0.0/15"))).isFalse();
    assertThat(o.holdsPublic(dev.sgreach.model.Cidr.parse("198.16.0.0/13"))).isTrue();
    assertThat(o.holdsPublic(dev.sgreach.model.Cidr.parse("0.0.0.0/0"))).isTrue();
    assertThat(o.holdsPublic(dev.sgreach.model.Cidr.parse("2001:db8::/32"))).isFalse();
    assertThat(o.holdsPublic(dev.sgreach.model.Cidr.parse("2001:db8::/31"))).isTrue();
    assertThat(o.holdsPublic(dev.sgreach.model.Cidr.parse("fd00::/8"))).isFalse();
    assertThat(o.holdsPublic(dev.sgreach.model.Cidr.parse("::/0"))).isTrue();
  }

  @Test
  void exposure_is_the_ingress_side_against_the_internet() {
    NaiveEvaluator o = oracle(
        sg("sg-web").allowIn(Ports.tcp(443), ANY4).allowIn(Ports.tcp(22), Peer.cidr("10.0.0.0/8")).build(),
        sg("sg-vpn").allowIn(Ports.udp(500), Peer.prefixList("pl-unknown")).build(),
        PrefixList.withUnknownEntries("pl-unknown", "vpn"),
        eni("eni-web", "vpc-1", groups("sg-web"), "10.0.0.1"),
        eni("eni-vpn", "vpc-1", groups("sg-vpn"), "10.0.0.2"),
        eni("eni-v6", "vpc-1", groups("sg-web"), "2600:1f18::1"));
    assertThat(o.exposure("eni-web")).isEqualTo(new Evaluator.Exposed(true, true, false,
        java.util.Set.of("sg-web: ingress tcp 443 from 0.0.0.0/0")));
    assertThat(o.exposure("eni-vpn").exposed()).isTrue();
    assertThat(o.exposureKeys("eni-vpn", Protocol.UDP).unknown()).isEqualTo(range(500, 500));
    assertThat(o.exposure("eni-v6").exposed()).isFalse(); // an IPv4 rule does not reach an IPv6-only ENI
    assertThat(o.exposed()).containsExactly("eni-vpn", "eni-web");
  }

  private static BitSet range(int from, int to) {
    BitSet b = new BitSet();
    b.set(from, to + 1);
    return b;
  }
}
