package dev.sgreach.engine;

import dev.sgreach.model.Protocol;

/**
 * What one side admits in every key space, as {@link SideJudge#keys} works it out: per space ({@link Protocol#KEYED}
 * in order, then {@link #OTHER_PROTOCOLS}, the space of every other protocol's number), the keys it surely admits
 * and those it may admit (the sure ones and those that depend on missing data). Mutable while it is built,
 * single-threaded.
 */
final class KeySets {
  /** Key spaces, in {@link Protocol#KEYED} order, then the space of every other protocol's number. */
  static final int SPACES = 5;
  static final int OTHER_PROTOCOLS = 4;

  private static final Spans EMPTY = new Spans();
  private final Spans[] sure = new Spans[SPACES];
  private final Spans[] possible = new Spans[SPACES];

  /** The keys of a space the side surely admits (read only). */
  Spans sure(int space) {
    return sure[space] == null ? EMPTY : sure[space];
  }

  /** The keys of a space the side may admit: the sure ones and the unknown ones (read only). */
  Spans possible(int space) {
    return possible[space] == null ? EMPTY : possible[space];
  }

  /** The highest key of a space: 65535 for the keyed protocols, 255 for protocol numbers. */
  static int top(int space) {
    return space == OTHER_PROTOCOLS ? 255 : Protocol.MAX_KEY;
  }

  /** The key space of a keyed protocol (its place in {@link Protocol#KEYED}), by number. */
  static int space(Protocol p) {
    return space(p.number());
  }

  private static int space(int protocol) {
    return switch (protocol) {
      case 6 -> 0;
      case 17 -> 1;
      case 1 -> 2;
      case 58 -> 3;
      default -> OTHER_PROTOCOLS;
    };
  }

  /** True when the side admits nothing and nothing is unknown. */
  boolean isEmpty() {
    for (int s = 0; s < SPACES; s++) {
      if (possible[s] != null && !possible[s].isEmpty()) {
        return false;
      }
    }
    return true;
  }

  void addAll(KeySets other) {
    for (int s = 0; s < SPACES; s++) {
      if (other.possible[s] != null) {
        if (possible[s] == null) {
          possible[s] = new Spans();
        }
        possible[s].addAll(other.possible[s]);
      }
      if (other.sure[s] != null) {
        if (sure[s] == null) {
          sure[s] = new Spans();
        }
        sure[s].addAll(other.sure[s]);
      }
    }
  }

  void all(boolean sureToo) {
    for (int s = 0; s < SPACES; s++) {
      add(s, 0, top(s), sureToo);
    }
  }

  /** Adds one port range of a keyed protocol (a listener's port). */
  void add(dev.sgreach.model.Ports p, boolean isSure) {
    add(space(p.protocol()), p.from(), p.to(), isSure);
  }

  void add(CompiledRule r, boolean isSure) {
    if (r.protocol == -1) {
      for (int s = 0; s < SPACES; s++) {
        add(s, 0, top(s), isSure);
      }
      return;
    }
    int space = space(r.protocol);
    if (space != OTHER_PROTOCOLS) {
      add(space, r.low, r.high, isSure);
    } else {
      add(OTHER_PROTOCOLS, r.protocol, r.protocol, isSure);
    }
  }

  private void add(int space, int low, int high, boolean isSure) {
    if (possible[space] == null) {
      possible[space] = new Spans();
    }
    possible[space].add(low, high);
    if (isSure) {
      if (sure[space] == null) {
        sure[space] = new Spans();
      }
      sure[space].add(low, high);
    }
  }
}
