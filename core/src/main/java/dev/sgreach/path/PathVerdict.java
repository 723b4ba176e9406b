package dev.sgreach.path;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableRangeSet;
import com.google.common.collect.ImmutableSet;
import com.google.common.collect.TreeRangeSet;
import dev.sgreach.engine.Outcome;
import dev.sgreach.model.Cidr;
import dev.sgreach.model.Layer;
import dev.sgreach.model.Traffic;
import java.util.Optional;

/**
 * Whether a packet gets from one end to the other and its reply back, through every path layer the snapshot covers
 * (network ACLs, routes and the gateways they lead to), with the proof: the hops that decided, in the order the
 * packet meets them.
 *
 * <p>The security groups of the two ends are not part of this answer: they are the checks on either side of it
 * (the sender's egress towards {@link #destination()}, the receiver's ingress from {@link #sourceAsSeen()}).
 *
 * @param source where the packet starts
 * @param destination where it is sent
 * @param traffic the protocol and destination port (or ICMP type/code)
 * @param clientPorts the source's ephemeral port range the reply was checked on
 * @param clientPortsAssumed true when that range was not given but assumed from the source's kind
 * @param outcome allowed only when every hop both ways allows; denied when one denies; else unknown
 * @param layersChecked the path layers that were checked (empty when the snapshot covers none: then the path was
 *     not judged and the outcome is allowed)
 * @param forward the forward packet's hops
 * @param reply the reply's hops (none for one-way traffic, and none when the forward packet does not arrive)
 * @param sourceAsSeen the source address the destination sees (after a NAT gateway or an internet gateway), when the
 *     packet arrives
 * @param fixes the changes that would open the hops that deny
 */
public record PathVerdict(
    PathEnd source,
    PathEnd destination,
    Traffic traffic,
    ClientPorts clientPorts,
    boolean clientPortsAssumed,
    Outcome outcome,
    ImmutableSet<Layer> layersChecked,
    ImmutableList<Hop> forward,
    ImmutableList<Hop> reply,
    Optional<Cidr> sourceAsSeen,
    ImmutableList<PathFix> fixes) {

  /** True when the packet and its reply get through. */
  public boolean isAllowed() {
    return outcome == Outcome.ALLOWED;
  }

  /** True when a hop drops the packet or its reply. */
  public boolean isDenied() {
    return outcome == Outcome.DENIED;
  }

  /** True when the answer depends on data the snapshot lacks. */
  public boolean isUnknown() {
    return outcome == Outcome.UNKNOWN;
  }

  /** Every hop, forward then reply. */
  public ImmutableList<Hop> hops() {
    return ImmutableList.<Hop>builder().addAll(forward).addAll(reply).build();
  }

  /** The first hop that denies, forward before reply. */
  public Optional<Hop> blockingHop() {
    return hops().stream().filter(h -> h.outcome() == Outcome.DENIED).findFirst();
  }

  /** Every hop that denies, forward before reply. */
  public ImmutableList<Hop> blockingHops() {
    return hops().stream().filter(h -> h.outcome() == Outcome.DENIED).collect(ImmutableList.toImmutableList());
  }

  /**
   * The reply ports that some ACL on the way back drops, over every reply hop (empty when none): the client's
   * ephemeral ports, or, on the hops between a NAT gateway and the destination, the NAT gateway's own ports.
   */
  public ImmutableRangeSet<Integer> deniedReplyPorts() {
    TreeRangeSet<Integer> all = TreeRangeSet.create();
    reply.forEach(h -> all.addAll(h.deniedPorts()));
    return ImmutableRangeSet.copyOf(all);
  }

  /** The verdict and its proof as indented text. */
  public String explain() {
    return Explain.verdict(this);
  }

  @Override
  public String toString() {
    return "path " + outcome.word() + ": " + source.label() + " -> " + destination.label() + " on "
        + traffic.spec();
  }
}
