package dev.sgreach.engine;

import dev.sgreach.model.Protocol;
import dev.sgreach.model.Traffic;
import dev.sgreach.path.PacketPaths;

/**
 * The engine's key spaces ({@link KeySets}) cut where the packet path's answer can change, for judging open keys over
 * the path one piece at a time: per keyed protocol the pieces {@link PacketPaths#keyBoundaries} gives, and in the
 * space of other protocols each protocol number on its own (a network ACL entry names one protocol number, or all).
 */
final class PathKeys {
  private PathKeys() {}

  /** The pieces of one key space as {@code [low0, high0, low1, high1, ...]}, in order. */
  static int[] pieces(PacketPaths paths, int space) {
    if (space == KeySets.OTHER_PROTOCOLS) {
      int[] out = new int[512];
      int n = 0;
      for (int p = 0; p <= 255; p++) {
        Protocol protocol = Protocol.of(p);
        if (!protocol.hasPorts() && !protocol.isIcmp()) {
          out[n++] = p;
          out[n++] = p;
        }
      }
      return java.util.Arrays.copyOf(out, n);
    }
    int[] bounds = paths.keyBoundaries(Protocol.KEYED.get(space));
    int[] out = new int[bounds.length * 2];
    for (int i = 0; i < bounds.length; i++) {
      out[2 * i] = bounds[i];
      out[2 * i + 1] = i + 1 < bounds.length ? bounds[i + 1] - 1 : KeySets.top(space);
    }
    return out;
  }

  /** The traffic of one key of a space: a port, an ICMP type and code ({@code type * 256 + code}), a protocol. */
  static Traffic traffic(int space, int key) {
    return switch (space) {
      case 0 -> Traffic.tcp(key);
      case 1 -> Traffic.udp(key);
      case 2 -> Traffic.icmp(key >> 8, key & 0xFF);
      case 3 -> Traffic.icmpv6(key >> 8, key & 0xFF);
      default -> Traffic.protocol(key);
    };
  }

  /** True when the set holds a key of {@code [low, high]}. */
  static boolean meets(Spans keys, int low, int high) {
    Spans out = new Spans();
    keys.intersectInto(piece(low, high), out);
    return !out.isEmpty();
  }

  /** Adds to {@code out} the keys of {@code [low, high]} in both sets. */
  static void intersectWithin(Spans a, Spans b, int low, int high, Spans out) {
    Spans both = new Spans();
    a.intersectInto(b, both);
    both.intersectInto(piece(low, high), out);
  }

  private static Spans piece(int low, int high) {
    Spans s = new Spans();
    s.add(low, high);
    return s;
  }
}
