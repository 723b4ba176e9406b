package dev.sgreach.engine;

import dev.sgreach.model.Protocol;
import dev.sgreach.model.Traffic;
import java.util.BitSet;
import java.util.Set;

/**
 * The three queries the property test compares, in the smallest shape both the naive oracle and the production
 * engine can answer. Endpoints are strings: an ENI id ({@code eni-...}) or an IPv4/IPv6 address.
 */
public interface Evaluator {

  /** The verdict of one flow. */
  NaiveOutcome reach(String from, String to, Traffic traffic);

  /**
   * The traffic between two endpoints whose verdict is allowed, and the traffic whose verdict is unknown, in one
   * protocol's key space: ports for TCP/UDP, {@code type * 256 + code} for ICMP/ICMPv6. For any other protocol
   * (including {@link Protocol#ALL}) the space is the protocol numbers 0..255 other than 1, 6, 17 and 58.
   */
  Open openPorts(String from, String to, Protocol protocol);

  /** The ENI ids (never the target's own ENI) whose flow to {@code to} is allowed, and those whose flow is unknown. */
  Who whoCanReach(String to, Traffic traffic);

  /** The ENI ids (never the source's own ENI) that {@code from} can reach (allowed), and those it may (unknown). */
  Who whatCanBeReached(String from, Traffic traffic);

  /** Allowed and unknown keys of one key space (a key is in at most one of them). */
  record Open(BitSet allowed, BitSet unknown) {}

  /** Allowed and unknown ENI ids. */
  record Who(Set<String> allowed, Set<String> unknown) {}

  /** True for the four protocols with a key space of their own. */
  static boolean keyed(Protocol protocol) {
    int n = protocol.number();
    return n == 1 || n == 6 || n == 17 || n == 58;
  }
}
