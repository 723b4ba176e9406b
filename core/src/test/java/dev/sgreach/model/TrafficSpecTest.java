package dev.sgreach.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

/**
 * {@link Traffic#parse}, the one SPEC parser of the command line, queries files and the library: ASCII digits only,
 * bare numbers are IP protocols 0-255 without ports, and every refusal says what to write instead.
 */
class TrafficSpecTest {
  @Test
  void forms_round_trip() {
    for (String s : new String[] {"tcp/0", "tcp/65535", "udp/53", "icmp/8/0", "icmpv6/128/0", "icmp/255/255", "0",
        "47", "50", "255"}) {
      assertThat(Traffic.parse(s).spec()).as(s).isEqualTo(s);
    }
    assertThat(Traffic.parse(" UDP/53 ")).isEqualTo(Traffic.udp(53));
    assertThat(Traffic.parse("tcp/0080")).isEqualTo(Traffic.tcp(80));
  }

  @Test
  void a_bare_number_that_is_no_ported_protocol_is_that_ip_protocol() {
    assertThat(Traffic.parse("50")).isEqualTo(Traffic.protocol(50));
    assertThat(Traffic.parse("132").protocol()).isEqualTo(Protocol.of(132));
    assertThat(Traffic.parse("0").protocol().number()).isZero();
  }

  @Test
  void a_bare_1_6_17_or_58_points_at_its_form() {
    assertThatIllegalArgumentException().isThrownBy(() -> Traffic.parse("6"))
        .withMessage("traffic spec '6' is invalid: 6 is tcp: give tcp/PORT");
    assertThatIllegalArgumentException().isThrownBy(() -> Traffic.parse("17"))
        .withMessageEndingWith("17 is udp: give udp/PORT");
    assertThatIllegalArgumentException().isThrownBy(() -> Traffic.parse("1"))
        .withMessageEndingWith("1 is icmp: give icmp/TYPE/CODE");
    assertThatIllegalArgumentException().isThrownBy(() -> Traffic.parse("58"))
        .withMessageEndingWith("58 is icmpv6: give icmpv6/TYPE/CODE");
  }

  @Test
  void a_bare_number_above_255_is_no_protocol_and_may_be_a_port() {
    assertThatIllegalArgumentException().isThrownBy(() -> Traffic.parse("8080"))
        .withMessage("traffic spec '8080' is invalid: no IP protocol 8080 (protocols are 0-255); "
            + "did you mean tcp/8080?");
    assertThatIllegalArgumentException().isThrownBy(() -> Traffic.parse("256"))
        .withMessageEndingWith("no IP protocol 256 (protocols are 0-255); did you mean tcp/256?");
    assertThatIllegalArgumentException().isThrownBy(() -> Traffic.parse("70000"))
        .withMessageEndingWith("no IP protocol 70000 (protocols are 0-255)");
    assertThatIllegalArgumentException().isThrownBy(() -> Traffic.parse("123456789012345678901234567890"))
        .withMessageEndingWith("no IP protocol '123456789012345678901234567890' (protocols are 0-255)");
  }

  @Test
  void only_ascii_digits_are_numbers() {
    // Arabic-Indic, Devanagari and fullwidth digits pass Character.isDigit and Integer.parseInt, and are not ports
    for (String spec : new String[] {"tcp/٨٠٨٠", "tcp/८०", "udp/５３", "icmp/٨/0", "٥٠", "tcp/+80", "tcp/-1", "tcp/8 0"}) {
      assertThatIllegalArgumentException().as(spec).isThrownBy(() -> Traffic.parse(spec))
          .withMessageStartingWith("traffic spec " + Echo.quote(spec) + " is invalid: ");
    }
    assertThatIllegalArgumentException().isThrownBy(() -> Traffic.parse("tcp/٨٠٨٠"))
        .withMessageEndingWith("'٨٠٨٠' is not a port: give a number in ASCII digits (0-9)");
    assertThatIllegalArgumentException().isThrownBy(() -> Protocol.parse("٦"))
        .withMessageContaining("unknown IP protocol '٦'");
  }

  @Test
  void ranges_are_checked_by_the_factories() {
    assertThatIllegalArgumentException().isThrownBy(() -> Traffic.parse("tcp/65536"))
        .withMessage("traffic spec 'tcp/65536' is invalid: port (65536) must be in 0..65535");
    assertThatIllegalArgumentException().isThrownBy(() -> Traffic.parse("icmp/256/0"))
        .withMessageEndingWith("ICMP type (256) must be in 0..255");
    assertThatIllegalArgumentException().isThrownBy(() -> Traffic.parse("tcp/99999999999"))
        .withMessageEndingWith("port '99999999999' is too large");
  }

  @Test
  void malformed_specs_name_the_part_and_the_forms() {
    assertThatIllegalArgumentException().isThrownBy(() -> Traffic.parse("tcp/"))
        .withMessageEndingWith("the port is missing");
    assertThatIllegalArgumentException().isThrownBy(() -> Traffic.parse("tcp/80/1"))
        .withMessageEndingWith("tcp takes one port: tcp/PORT");
    assertThatIllegalArgumentException().isThrownBy(() -> Traffic.parse("icmp/8"))
        .withMessageEndingWith("icmp takes a type and a code: icmp/TYPE/CODE");
    assertThatIllegalArgumentException().isThrownBy(() -> Traffic.parse("50/1"))
        .withMessageEndingWith("IP protocol 50 has no ports or types in security-group rules: give 50");
    assertThatIllegalArgumentException().isThrownBy(() -> Traffic.parse("6/80"))
        .withMessageEndingWith("6 is tcp: give tcp/PORT");
    assertThatIllegalArgumentException().isThrownBy(() -> Traffic.parse("-1"))
        .withMessageContaining("'-1' (all protocols) is for rules; a flow has one protocol");
    assertThatIllegalArgumentException().isThrownBy(() -> Traffic.parse("sctp/1"))
        .withMessageContaining("unknown protocol 'sctp' (give tcp/PORT, udp/PORT, icmp/TYPE/CODE");
    assertThatIllegalArgumentException().isThrownBy(() -> Traffic.parse(" "))
        .withMessageStartingWith("traffic spec is empty: give tcp/PORT");
  }

  @Test
  void the_spec_is_echoed_short_and_escaped() {
    String huge = "tcp/" + "9".repeat(5_000_000);
    assertThatIllegalArgumentException().isThrownBy(() -> Traffic.parse(huge))
        .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(300).contains("(5000004 characters)"));
    assertThatIllegalArgumentException().isThrownBy(() -> Traffic.parse("tcp/8\u001b[2J0"))
        .withMessageContaining("'tcp/8\\u001b[2J0'")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\u001b"));
  }
}
