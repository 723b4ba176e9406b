package dev.sgreach.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link Cidr#parse} reads plain dotted IPv4 text itself (the form AWS writes, and most of a snapshot) and leaves
 * everything else to the strict parser. The fast path must never accept what the strict parser refuses, nor read
 * anything differently: checked on many seeded strings near the plain form (leading zeros, out-of-range parts and
 * lengths, missing or extra parts, stray characters).
 */
class CidrFastPathTest {
  private static final String[] PARTS = {"0", "1", "9", "10", "99", "100", "255", "256", "300", "999", "00", "01",
      "010", "0255", "1000", "", " ", "a", "-1", "+1", "1e1"};
  private static final String[] LENGTHS = {"", "/0", "/1", "/8", "/16", "/24", "/31", "/32", "/33", "/00", "/08",
      "/032", "/", "/-1", "/1 ", "/320", "//8"};

  @Test
  void the_fast_path_agrees_with_the_strict_parser_wherever_it_answers() {
    Random random = new Random(Long.getLong("sgreach.seed", 7L));
    int fast = 0;
    for (int i = 0; i < 20_000; i++) {
      StringBuilder b = new StringBuilder();
      int parts = random.nextInt(4) == 0 ? 3 + random.nextInt(3) : 4;
      for (int p = 0; p < parts; p++) {
        if (p > 0) {
          b.append(random.nextInt(20) == 0 ? ":" : ".");
        }
        b.append(random.nextInt(3) == 0 ? PARTS[random.nextInt(PARTS.length)] : random.nextInt(256));
      }
      b.append(LENGTHS[random.nextInt(LENGTHS.length)]);
      String text = b.toString();

      Cidr quick = Cidr.plainIpv4(text);
      if (quick == null) {
        continue;
      }
      fast++;
      Cidr strict;
      try {
        strict = Cidr.strict(text, text);
      } catch (IllegalArgumentException e) {
        throw new AssertionError("the fast path accepted '" + text + "' as " + quick.toCidrString()
            + ", which the strict parser refuses: " + e.getMessage(), e);
      }
      assertThat(quick).as("'%s'", text).isEqualTo(strict);
    }
    assertThat(fast).as("strings the fast path answered").isGreaterThan(2_000);
  }

  private static final String[] HEX = {"0", "1", "a", "F", "ff", "1f18", "2600", "db8", "0db8", "FFFF", "fffff",
      "00000", "g", "", "1.2", "%eth0", "0:0"};
  private static final String[] V6_LENGTHS = {"", "/0", "/1", "/56", "/64", "/80", "/127", "/128", "/129", "/064",
      "/00", "/", "/1000", "/12a"};

  @Test
  void the_ipv6_fast_path_agrees_with_the_strict_parser_wherever_it_answers() {
    Random random = new Random(Long.getLong("sgreach.seed", 11L));
    int fast = 0;
    for (int i = 0; i < 30_000; i++) {
      StringBuilder b = new StringBuilder();
      int groups = random.nextInt(3) == 0 ? 8 : 1 + random.nextInt(9);
      int gapAt = random.nextInt(3) == 0 ? -1 : random.nextInt(groups + 1);
      for (int g = 0; g < groups; g++) {
        if (g == gapAt) {
          b.append("::");
        } else if (g > 0) {
          b.append(':');
        }
        b.append(random.nextInt(4) == 0 ? HEX[random.nextInt(HEX.length)]
            : Integer.toHexString(random.nextInt(0x10000)));
      }
      if (gapAt == groups) {
        b.append("::");
      }
      if (random.nextInt(10) == 0) {
        b.append("::");
      }
      b.append(V6_LENGTHS[random.nextInt(V6_LENGTHS.length)]);
      String text = b.toString();

      Cidr quick = Cidr.plainIpv6(text);
      if (quick == null) {
        continue;
      }
      fast++;
      Cidr strict;
      try {
        strict = Cidr.strict(text, text);
      } catch (IllegalArgumentException e) {
        throw new AssertionError("the fast path accepted '" + text + "' as " + quick.toCidrString()
            + ", which the strict parser refuses: " + e.getMessage(), e);
      }
      assertThat(quick).as("'%s'", text).isEqualTo(strict);
    }
    assertThat(fast).as("strings the IPv6 fast path answered").isGreaterThan(3_000);
  }

  @Test
  void plain_forms_take_the_fast_path_and_others_fall_through() {
    assertThat(Cidr.plainIpv6("2600:1F18:0:0::5/56")).isEqualTo(Cidr.strict("2600:1f18::/56", "2600:1f18::/56"));
    assertThat(Cidr.plainIpv6("::/0")).isEqualTo(Cidr.strict("::/0", "::/0"));
    assertThat(Cidr.plainIpv6("::1")).isEqualTo(Cidr.strict("::1", "::1"));
    assertThat(Cidr.plainIpv6("fe80::1%eth0")).isNull();
    assertThat(Cidr.plainIpv6("::ffff:10.0.0.1")).isNull();
    assertThat(Cidr.plainIpv4("10.0.0.5/16")).isEqualTo(Cidr.parse("10.0.0.0/16"));
    assertThat(Cidr.plainIpv4("0.0.0.0/0")).isEqualTo(Cidr.strict("0.0.0.0/0", "0.0.0.0/0"));
    assertThat(Cidr.plainIpv4("255.255.255.255")).isEqualTo(Cidr.strict("255.255.255.255", "255.255.255.255"));
    assertThat(Cidr.plainIpv4("010.1.1.1")).isNull();
    assertThat(Cidr.plainIpv4("10.0.0.0/08")).isNull();
    assertThat(Cidr.plainIpv4("10.0.0.0/33")).isNull();
    assertThat(Cidr.plainIpv4("2600:1f18::/56")).isNull();
  }
}
