package dev.sgreach.graph;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sgreach.model.Ports;
import org.junit.jupiter.api.Test;

/** How the ports of several rules merge into one arrow's label. */
class PortLabelsTest {
  private static String label(Ports... ports) {
    PortLabels l = new PortLabels();
    for (Ports p : ports) {
      l.add(p);
    }
    return l.label(3);
  }

  @Test
  void tcp_ranges_merge_when_they_touch_or_overlap_and_stay_apart_otherwise() {
    assertThat(label(Ports.tcp(443), Ports.tcp(1025, 65535), Ports.tcp(444), Ports.tcp(1000, 1100)))
        .isEqualTo("tcp 443-444, 1000-65535");
    assertThat(label(Ports.tcp(80), Ports.tcp(8080))).isEqualTo("tcp 80, 8080");
  }

  @Test
  void all_traffic_subsumes_everything_else() {
    assertThat(label(Ports.tcp(443), Ports.allTraffic(), Ports.udp(53))).isEqualTo("all traffic");
  }

  @Test
  void protocols_are_listed_tcp_udp_icmp_icmpv6_then_others_and_every_port_is_named_so() {
    assertThat(label(Ports.protocol(50), Ports.udp(53), Ports.icmpv6All(), Ports.tcp(0, 65535), Ports.icmp(3, 4),
        Ports.icmp(8, -1))).isEqualTo("tcp all ports; udp 53; icmp type 3/4, 8; icmpv6 all types; proto 50");
  }

  @Test
  void an_icmp_type_with_any_code_covers_its_codes() {
    assertThat(label(Ports.icmp(3, 4), Ports.icmp(3, -1))).isEqualTo("icmp type 3");
  }

  @Test
  void long_lists_are_capped_with_a_count_of_the_rest() {
    assertThat(label(Ports.tcp(1), Ports.tcp(3), Ports.tcp(5), Ports.tcp(7), Ports.tcp(9)))
        .isEqualTo("tcp 1, 3, 5, +2 more");
  }
}
