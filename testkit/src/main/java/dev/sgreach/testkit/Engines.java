package dev.sgreach.testkit;

import dev.sgreach.engine.Reachability;
import dev.sgreach.model.Network;
import java.util.Objects;

/**
 * The engine behind the assertions: a network is compiled once and reused while a test keeps asserting on the same
 * network object (a one-entry cache by identity, so a test class asserting many flows on one injected network pays
 * for one index).
 */
final class Engines {
  private static final Object LOCK = new Object();
  private static Reachability last;

  private Engines() {}

  /** The engine for this network: the cached one when the network is the same object, else a new one. */
  static Reachability of(Network network) {
    Objects.requireNonNull(network, "network");
    synchronized (LOCK) {
      if (last == null || last.network() != network) {
        last = Reachability.of(network);
      }
      return last;
    }
  }

  /** Makes {@link #of(Network)} answer with this engine for its network. */
  static Reachability remember(Reachability reachability) {
    Objects.requireNonNull(reachability, "reachability");
    synchronized (LOCK) {
      last = reachability;
    }
    return reachability;
  }
}
