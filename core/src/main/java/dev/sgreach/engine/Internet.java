package dev.sgreach.engine;

import dev.sgreach.model.Cidr;
import java.util.ArrayList;
import java.util.List;

/**
 * "The internet" as exposure means it: every address outside the private, shared, loopback, link-local,
 * documentation, benchmark and multicast ranges for IPv4, and the global unicast space {@code 2000::/3} outside the
 * documentation range {@code 2001:db8::/32} for IPv6. Kept as the blocks that make up that space, so that the side
 * judge can ask a rule's peer about it as about any other party.
 */
final class Internet {
  private static final List<Cidr> RESERVED_V4 = List.of("0.0.0.0/8", "10.0.0.0/8", "100.64.0.0/10", "127.0.0.0/8",
      "169.254.0.0/16", "172.16.0.0/12", "192.0.0.0/24", "192.0.2.0/24", "192.168.0.0/16", "198.18.0.0/15",
      "198.51.100.0/24", "203.0.113.0/24", "224.0.0.0/3").stream().map(Cidr::parse).toList();
  private static final List<Cidr> RESERVED_V6 = List.of(Cidr.parse("2001:db8::/32"));
  private static final List<Cidr> PUBLIC_V4 = complement(Cidr.parse("0.0.0.0/0"), RESERVED_V4);
  private static final List<Cidr> PUBLIC_V6 = complement(Cidr.parse("2000::/3"), RESERVED_V6);

  private Internet() {}

  /** The public address space of a family (4 or 6) as disjoint blocks. */
  /** True when the block holds at least one public address. */
  static boolean holdsPublic(Cidr block) {
    for (Cidr pub : blocks(block.family())) {
      if (block.overlaps(pub)) {
        return true;
      }
    }
    return false;
  }

  static List<Cidr> blocks(int family) {
    return family == 4 ? PUBLIC_V4 : PUBLIC_V6;
  }

  /** The parts of {@code block} outside every reserved block, as the fewest halvings give them. */
  private static List<Cidr> complement(Cidr block, List<Cidr> reserved) {
    List<Cidr> out = new ArrayList<>();
    split(block, reserved, out);
    return List.copyOf(out);
  }

  private static void split(Cidr block, List<Cidr> reserved, List<Cidr> out) {
    boolean touched = false;
    for (Cidr r : reserved) {
      if (r.contains(block)) {
        return;
      }
      touched |= r.overlaps(block);
    }
    if (!touched) {
      out.add(block);
      return;
    }
    split(half(block, 0), reserved, out);
    split(half(block, 1), reserved, out);
  }

  /** The lower (0) or upper (1) half of a block. */
  private static Cidr half(Cidr block, int which) {
    int len = block.length() + 1;
    if (block.isIpv4()) {
      long v = block.low() | (long) which << (32 - len);
      return Cidr.parse(((v >>> 24) & 0xFF) + "." + ((v >>> 16) & 0xFF) + "." + ((v >>> 8) & 0xFF) + "."
          + (v & 0xFF) + "/" + len);
    }
    long hi = block.high();
    long lo = block.low();
    if (len <= 64) {
      hi |= (long) which << (64 - len);
    } else {
      lo |= (long) which << (128 - len);
    }
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < 8; i++) {
      long word = i < 4 ? hi >>> (48 - 16 * i) : lo >>> (48 - 16 * (i - 4));
      b.append(i == 0 ? "" : ":").append(Long.toHexString(word & 0xFFFF));
    }
    return Cidr.parse(b.append('/').append(len).toString());
  }
}
