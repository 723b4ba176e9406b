package dev.sgreach.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.common.collect.Range;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ModelTest {
  @Test
  void cidr_parsing_is_strict_and_canonical() {
    assertThat(Cidr.parse("10.0.0.5/16").toCidrString()).isEqualTo("10.0.0.0/16");
    assertThat(Cidr.parse("10.0.0.5")).hasToString("10.0.0.5");
    assertThat(Cidr.parse("2600:1F18:0:0::5/56").toCidrString()).isEqualTo("2600:1f18::/56");
    assertThat(Cidr.parse("::/0").isAnywhere()).isTrue();
    assertThatThrownBy(() -> Cidr.parse("")).hasMessageContaining("empty");
    assertThatThrownBy(() -> Cidr.parse("010.1.1.1")).hasMessageContaining("'010.1.1.1'");
    assertThatThrownBy(() -> Cidr.parse("1.2")).hasMessageContaining("'1.2'");
    assertThatThrownBy(() -> Cidr.parse("10.0.0.300/8")).hasMessageContaining("not an IPv4 or IPv6 address");
    assertThatThrownBy(() -> Cidr.parse("10.0.0.0/33")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Cidr.parseAddress("10.0.0.0/8")).hasMessageContaining("is a block");
  }

  @Test
  void segment_ranges_and_wildcards_are_not_blocks() {
    // the range form once read as the /32 of its first address: an ACL or rule read far narrower than written
    for (String text : new String[] {"203.0.113.0-255/32", "203.0.113.0-255", "10.0-1.0.0/16", "10.0.*.0",
        "10.0.0.*/24", "2001:db8::1-ff/128", "2001:db8:*::/48"}) {
      assertThatThrownBy(() -> Cidr.parse(text)).as(text).isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("'" + text + "' is not an IPv4 or IPv6 address or CIDR block");
    }
  }

  @Test
  void cidr_containment_per_family() {
    Cidr v4 = Cidr.parse("10.1.0.0/16");
    assertThat(v4.contains(Cidr.parse("10.1.255.255"))).isTrue();
    assertThat(v4.contains(Cidr.parse("10.2.0.0"))).isFalse();
    assertThat(Cidr.parse("0.0.0.0/0").contains(Cidr.parse("::1"))).isFalse();
    Cidr v6 = Cidr.parse("2600:1f18:aa00::/40");
    assertThat(v6.contains(Cidr.parse("2600:1f18:aaff:1::1"))).isTrue();
    assertThat(v6.contains(Cidr.parse("2600:1f18:ab00::1"))).isFalse();
    Cidr v6long = Cidr.parse("2600:1f18::1:0:0:0/80");
    assertThat(v6long.contains(Cidr.parse("2600:1f18::1:0:5:6"))).isTrue();
    assertThat(v6long.contains(Cidr.parse("2600:1f18::2:0:5:6"))).isFalse();
    // overlap is symmetric and needs only the shorter prefix to agree
    assertThat(Cidr.parse("10.0.9.16/28").overlaps(Cidr.parse("10.0.9.20/30"))).isTrue();
    assertThat(Cidr.parse("10.0.9.20/30").overlaps(Cidr.parse("10.0.9.16/28"))).isTrue();
    assertThat(Cidr.parse("10.0.9.16/28").overlaps(Cidr.parse("10.0.9.32/28"))).isFalse();
    assertThat(Cidr.parse("0.0.0.0/0").overlaps(Cidr.parse("::/0"))).isFalse();
    assertThat(v6long.overlaps(Cidr.parse("2600:1f18::1:0:0:0/96"))).isTrue();
    assertThat(v6long.overlaps(Cidr.parse("2600:1f18::/64"))).isTrue();
    assertThat(v6long.overlaps(Cidr.parse("2600:1f19::/64"))).isFalse();
  }

  @Test
  void protocol_names_and_numbers_normalise_both_ways() {
    assertThat(Protocol.parse("6")).isEqualTo(Protocol.TCP);
    assertThat(Protocol.parse("TCP")).isEqualTo(Protocol.TCP);
    assertThat(Protocol.parse("58").awsName()).isEqualTo("icmpv6");
    assertThat(Protocol.parse("50").awsName()).isEqualTo("50");
    assertThat(Protocol.parse("-1")).isEqualTo(Protocol.ALL);
    assertThatThrownBy(() -> Protocol.parse("tcpp")).hasMessage(
        "unknown IP protocol 'tcpp': use -1, tcp, udp, icmp, icmpv6 or a protocol number 0..255");
    assertThatThrownBy(() -> Protocol.parse("256")).hasMessageContaining("'256'");
  }

  @Test
  void traffic_spec_round_trips_and_rejects_clearly() {
    for (String s : new String[] {"tcp/443", "udp/53", "icmp/8/0", "icmpv6/128/0", "50", "0"}) {
      assertThat(Traffic.parse(s).spec()).isEqualTo(s);
    }
    assertThat(Traffic.parse("TCP/22").spec()).isEqualTo("tcp/22");
    assertThatThrownBy(() -> Traffic.parse("tcp/65536")).hasMessageContaining("port (65536) must be in 0..65535");
    assertThatThrownBy(() -> Traffic.parse("6")).hasMessageContaining("6 is tcp: give tcp/PORT");
    assertThatThrownBy(() -> Traffic.parse("sctp/5")).hasMessageContaining("unknown protocol 'sctp'");
    assertThatThrownBy(() -> Traffic.parse("icmp/8")).hasMessageContaining("icmp/TYPE/CODE");
    assertThatThrownBy(() -> Traffic.parse("tcp/x")).hasMessageContaining("'x' is not a port");
  }

  @Test
  void ports_follow_aws_port_semantics() {
    assertThat(Ports.tcp(0, 22).admits(Traffic.tcp(0))).isTrue();
    assertThat(Ports.tcp(0, 22).admits(Traffic.tcp(23))).isFalse();
    assertThat(Ports.icmp(3, -1).admits(Traffic.icmp(3, 4))).isTrue();
    assertThat(Ports.icmp(3, 4).admits(Traffic.icmp(3, 3))).isFalse();
    assertThat(Ports.icmp(-1, 5).admits(Traffic.icmp(8, 0))).isTrue();
    assertThat(Ports.icmp(3, 4).keys()).isEqualTo(Range.singleton(3 * 256 + 4));
    assertThat(Ports.allTraffic().admits(Traffic.icmpv6(128, 0))).isTrue();
    assertThat(new Ports(Protocol.of(50), 10, 20).admits(Traffic.protocol(50))).isTrue();
    assertThat(Ports.of(Protocol.TCP, null, null)).isEqualTo(Ports.tcp(0, 65535));
    assertThat(Ports.icmpv6All().admits(Traffic.icmp(8, 0))).isFalse();
    assertThatThrownBy(() -> Ports.tcp(80, 79)).hasMessageContaining("FromPort is above ToPort");
    assertThatThrownBy(() -> Ports.tcp(0, 70000)).hasMessageContaining("must lie in 0..65535");
  }

  @Test
  void network_refuses_two_different_items_with_one_id_and_warns_about_dangling_data() {
    SecurityGroup a = SecurityGroup.builder("sg-1").name("a").build();
    SecurityGroup b = SecurityGroup.builder("sg-1").name("b").build();
    assertThatThrownBy(() -> Network.builder().add(a).add(b).build())
        .hasMessageContaining("two different security groups have the id sg-1");
    Network n = Network.builder()
        .add(SecurityGroup.builder("sg-2").allowIn(Ports.tcp(22), Peer.group("sg-gone"))
            .allowIn(Ports.tcp(80), Peer.prefixList("pl-gone")).build())
        .add(NetworkInterface.builder("eni-1").address("10.0.0.1").groups("sg-2", "sg-absent").build())
        .add(NetworkInterface.builder("eni-2").address("10.0.0.1").groups("sg-2").build())
        .build();
    assertThat(n.warnings()).extracting(Warning::kind).containsExactlyInAnyOrder(
        Warning.Kind.MISSING_SECURITY_GROUP, Warning.Kind.DUPLICATE_ADDRESS, Warning.Kind.STALE_REFERENCE,
        Warning.Kind.MISSING_PREFIX_LIST);
    assertThat(n.interfaceOwning(Cidr.parse("10.0.0.1")).orElseThrow().id()).isEqualTo("eni-1");
  }

  @Test
  void shared_addresses_list_every_owner_in_order_and_only_addresses_with_several() {
    Network n = Network.builder()
        .add(NetworkInterface.builder("eni-1").address("10.0.0.1").address("10.0.0.9").build())
        .add(NetworkInterface.builder("eni-2").address("10.0.0.2").build())
        .add(NetworkInterface.builder("eni-3").address("10.0.0.1").build())
        .add(NetworkInterface.builder("eni-4").address("10.0.0.1").address("10.0.0.2").build())
        .build();
    assertThat(n.sharedAddresses().keySet()).as("10.0.0.9 has one owner").containsExactly(
        Cidr.parse("10.0.0.1"), Cidr.parse("10.0.0.2"));
    assertThat(n.sharedAddresses().get(Cidr.parse("10.0.0.1"))).extracting(NetworkInterface::id)
        .containsExactly("eni-1", "eni-3", "eni-4");
    assertThat(n.sharedAddresses().get(Cidr.parse("10.0.0.2"))).extracting(NetworkInterface::id)
        .containsExactly("eni-2", "eni-4");
  }

  @Test
  void rules_ports_and_peers_are_equal_exactly_when_every_component_is() {
    Rule base = new Rule(Direction.INGRESS, Ports.tcp(443), new Peer.GroupPeer("sg-1", "111", "vpc-1", "pcx-1",
        "active"), "web", "sgr-1");
    Rule copy = new Rule(Direction.INGRESS, new Ports(Protocol.of(6), 443, 443), new Peer.GroupPeer("sg-1", "111",
        "vpc-1", "pcx-1", "active"), "web", "sgr-1");
    assertThat(copy).isEqualTo(base).hasSameHashCodeAs(base);
    List<Rule> others = List.of(
        new Rule(Direction.EGRESS, base.ports(), base.peer(), "web", "sgr-1"),
        new Rule(Direction.INGRESS, Ports.tcp(444), base.peer(), "web", "sgr-1"),
        new Rule(Direction.INGRESS, Ports.udp(443), base.peer(), "web", "sgr-1"),
        new Rule(Direction.INGRESS, new Ports(Protocol.TCP, 443, 444), base.peer(), "web", "sgr-1"),
        new Rule(Direction.INGRESS, base.ports(), Peer.group("sg-1"), "web", "sgr-1"),
        new Rule(Direction.INGRESS, base.ports(), new Peer.GroupPeer("sg-2", "111", "vpc-1", "pcx-1", "active"),
            "web", "sgr-1"),
        new Rule(Direction.INGRESS, base.ports(), new Peer.GroupPeer("sg-1", "112", "vpc-1", "pcx-1", "active"),
            "web", "sgr-1"),
        new Rule(Direction.INGRESS, base.ports(), new Peer.GroupPeer("sg-1", "111", "vpc-2", "pcx-1", "active"),
            "web", "sgr-1"),
        new Rule(Direction.INGRESS, base.ports(), new Peer.GroupPeer("sg-1", "111", "vpc-1", "pcx-2", "active"),
            "web", "sgr-1"),
        new Rule(Direction.INGRESS, base.ports(), new Peer.GroupPeer("sg-1", "111", "vpc-1", "pcx-1", "deleted"),
            "web", "sgr-1"),
        new Rule(Direction.INGRESS, base.ports(), Peer.cidr("10.0.0.0/16"), "web", "sgr-1"),
        new Rule(Direction.INGRESS, base.ports(), Peer.prefixList("pl-1"), "web", "sgr-1"),
        new Rule(Direction.INGRESS, base.ports(), base.peer(), "api", "sgr-1"),
        new Rule(Direction.INGRESS, base.ports(), base.peer(), "web", "sgr-2"));
    assertThat(others).as("a rule differing from it in one component").allSatisfy(r -> assertThat(r).isNotEqualTo(base));
    assertThat(Set.copyOf(others)).as("each is a distinct rule").hasSize(others.size());
    assertThat(Peer.cidr("10.0.0.0/16")).isEqualTo(Peer.cidr("10.0.0.0/16"))
        .hasSameHashCodeAs(Peer.cidr("10.0.0.0/16")).isNotEqualTo(Peer.cidr("10.0.0.0/17"));
    assertThat(Peer.prefixList("pl-1")).isEqualTo(Peer.prefixList("pl-1"))
        .hasSameHashCodeAs(Peer.prefixList("pl-1")).isNotEqualTo(Peer.prefixList("pl-2"));
  }
}
