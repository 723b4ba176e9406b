package dev.sgreach.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link Cidr#addressString} writes IPv6 addresses itself (proofs print many) in RFC 5952's canonical form. The
 * parsing library's compressed form is the reference, on seeded addresses with many zero groups (runs at the start,
 * the middle, the end, ties between runs), except where that form writes {@code ::} for a single zero group, which
 * RFC 5952 (section 4.2.2) forbids: there the group is written {@code 0}.
 */
class CidrTextTest {

  @Test
  void ipv6_text_equals_the_libraries_compressed_form() {
    Random random = new Random(Long.getLong("sgreach.seed", 5L));
    for (int n = 0; n < 50_000; n++) {
      long hi = 0;
      long lo = 0;
      for (int i = 0; i < 8; i++) {
        int g = switch (random.nextInt(4)) {
          case 0, 1 -> 0;
          case 2 -> random.nextInt(16);
          default -> random.nextInt(0x10000);
        };
        if (i < 4) {
          hi |= (long) g << (48 - 16 * i);
        } else {
          lo |= (long) g << (48 - 16 * (i - 4));
        }
      }
      assertThat(Cidr.ipv6Text(hi, lo)).as("%016x%016x", hi, lo).isEqualTo(reference(hi, lo));
    }
  }

  @Test
  void aws_forms_print_as_aws_writes_them() {
    assertThat(Cidr.parse("2600:1f18:0:0::5").toString()).isEqualTo("2600:1f18::5");
    assertThat(Cidr.parse("2600:1f18:abcd:ef01::/56").toString()).isEqualTo("2600:1f18:abcd:ef00::/56");
    assertThat(Cidr.parse("2::7:763a:72d7:0:c:0").toString()).isEqualTo("2:0:7:763a:72d7:0:c:0");
    assertThat(Cidr.parse("::/0").toString()).isEqualTo("::/0");
    assertThat(Cidr.parse("::1").toString()).isEqualTo("::1");
    assertThat(Cidr.parse("1:0:2:0:3:0:4:0").toString()).isEqualTo("1:0:2:0:3:0:4:0");
    assertThat(Cidr.parse("1:0:0:2:0:0:0:3").toString()).isEqualTo("1:0:0:2::3");
    assertThat(Cidr.parse("1:0:0:2:3:0:0:4").toString()).isEqualTo("1::2:3:0:0:4");
    assertThat(Cidr.parse("::ffff:a00:1").toString()).isEqualTo("::ffff:a00:1");
  }

  private static String reference(long hi, long lo) {
    byte[] bytes = new byte[16];
    for (int i = 0; i < 8; i++) {
      bytes[i] = (byte) (hi >>> (56 - 8 * i));
      bytes[8 + i] = (byte) (lo >>> (56 - 8 * i));
    }
    String library = new inet.ipaddr.ipv6.IPv6Address(bytes).toCompressedString();
    int at = library.indexOf("::");
    if (at < 0 || library.equals("::")) {
      return library;
    }
    // n groups written around "::" use n - 1 colons plus one for "::" when it is inside, fewer at an end
    int groups = library.split(":+", -1).length - (library.startsWith("::") ? 1 : 0) - (library.endsWith("::") ? 1 : 0);
    if (8 - groups != 1) {
      return library;
    }
    String zero = at == 0 ? "0:" : at == library.length() - 2 ? ":0" : ":0:";
    return library.substring(0, at) + zero + library.substring(at + 2);
  }
}
