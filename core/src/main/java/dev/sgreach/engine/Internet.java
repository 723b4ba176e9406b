package dev.sgreach.engine;

import dev.sgreach.model.Cidr;
import java.util.List;

/** Which address blocks reach beyond private space: the definition of "the internet" used by exposure. */
final class Internet {
  private static final List<Cidr> RESERVED_V4 = List.of("0.0.0.0/8", "10.0.0.0/8", "100.64.0.0/10", "127.0.0.0/8",
      "169.254.0.0/16", "172.16.0.0/12", "192.0.0.0/24", "192.0.2.0/24", "192.168.0.0/16", "198.18.0.0/15",
      "198.51.100.0/24", "203.0.113.0/24", "224.0.0.0/3").stream().map(Cidr::parse).toList();
  private static final Cidr GLOBAL_V6 = Cidr.parse("2000::/3");
  private static final Cidr DOC_V6 = Cidr.parse("2001:db8::/32");

  private Internet() {}

  /** True when the block holds at least one public address. */
  static boolean includesPublic(Cidr block) {
    if (block.isIpv4()) {
      for (Cidr r : RESERVED_V4) {
        if (r.contains(block)) {
          return false;
        }
      }
      return true;
    }
    return block.overlaps(GLOBAL_V6) && !DOC_V6.contains(block);
  }
}
