package dev.sgreach.engine;

import dev.sgreach.model.Protocol;
import dev.sgreach.model.Traffic;
import java.util.BitSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The queries the property test compares, in the smallest shape both the naive oracle and the production engine can
 * answer. Endpoints are strings: an ENI id ({@code eni-...}), an IPv4/IPv6 address, a security group
 * ({@code sg-...}: every ENI carrying it), an instance ({@code i-...}: every ENI attached to it) or a named group of
 * those ({@code {a,b,...}}, how EKS roles are expressed).
 */
public interface Evaluator {

  /** The verdict of one flow: the overall outcome, the coverage ({@code all}, {@code some}, {@code none}) and each member pair's outcome. */
  Answer verdict(String from, String to, Traffic traffic);

  /** The overall verdict of one flow. */
  default NaiveOutcome reach(String from, String to, Traffic traffic) {
    return verdict(from, to, traffic).overall();
  }

  /** The overall verdict by the fast path (the engine's {@code outcome}, no proof); the oracle has one path. */
  default NaiveOutcome outcome(String from, String to, Traffic traffic) {
    return reach(from, to, traffic);
  }

  /** The engine's verdict with its proof, for the oracle to check; empty for evaluators without proofs. */
  default Optional<Verdict> proof(String from, String to, Traffic traffic) {
    return Optional.empty();
  }

  /**
   * The traffic between two endpoints (one member each) whose verdict is allowed, and the traffic whose verdict is
   * unknown, in one protocol's key space: ports for TCP/UDP, {@code type * 256 + code} for ICMP/ICMPv6. For any
   * other protocol (including {@link Protocol#ALL}) the space is the protocol numbers 0..255 other than 1, 6, 17, 58.
   */
  Open openPorts(String from, String to, Protocol protocol);

  /** The ENI ids (never the target's own ENI) whose flow to {@code to} is allowed, and those whose flow is unknown. */
  Who whoCanReach(String to, Traffic traffic);

  /** The ENI ids (never the source's own ENI) that {@code from} can reach (allowed), and those it may (unknown). */
  Who whatCanBeReached(String from, Traffic traffic);

  /**
   * Of the sample addresses that are outside parties: those whose flow to (towards) or from the endpoint is allowed,
   * and those that may be unknown (the engine cannot say which outside address is unknown, only that some may be:
   * then it names every sampled address not allowed).
   */
  Outside outsideReachers(String endpoint, Traffic traffic, List<String> sample, boolean towards);

  /** The ids of every ENI the internet can open something to, or whose exposure is unknown. */
  Set<String> exposed();

  /** What the internet can open to one ENI. */
  Exposed exposure(String eniId);

  /** The keys of one key space (see {@link #openPorts}) the internet can open to one ENI, and those unknown. */
  Open exposureKeys(String eniId, Protocol protocol);

  /** Allowed and unknown keys of one key space (a key is in at most one of them). */
  record Open(BitSet allowed, BitSet unknown) {}

  /** Allowed and unknown ENI ids. */
  record Who(Set<String> allowed, Set<String> unknown) {}

  /** Sample outside addresses: allowed, and (possibly) unknown. */
  record Outside(Set<String> allowed, Set<String> unknown) {}

  /** An overall verdict, its coverage and the member pairs' verdicts in member order. */
  record Answer(NaiveOutcome overall, String coverage, List<NaiveOutcome> members) {}

  /**
   * One ENI's exposure: whether the internet can open anything (or anything unknown) to it, whether some rule
   * admits all of a family ({@code /0}, or an unfiltered ENI), whether it has a public IPv4 or an IPv6 address, and
   * the rules that admit internet sources ({@code sg-id: rule}).
   */
  record Exposed(boolean exposed, boolean fromAnywhere, boolean hasPublicAddress, Set<String> rules) {}

  /** True for the four protocols with a key space of their own. */
  static boolean keyed(Protocol protocol) {
    int n = protocol.number();
    return n == 1 || n == 6 || n == 17 || n == 58;
  }
}
