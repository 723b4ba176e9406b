package dev.sgreach.engine;

import com.google.common.collect.ImmutableList;
import dev.sgreach.model.Cidr;
import dev.sgreach.model.NetworkInterface;
import dev.sgreach.model.Traffic;

/**
 * The answer to {@code whoCanReach(target, traffic)} or {@code whatCanBeReached(source, traffic)}: the ENIs of the
 * snapshot on the other end of an allowed flow, the ENIs whose verdict is unknown, and the outside address blocks
 * (from CIDR and prefix-list rules) that can take part.
 *
 * <p>The target itself is never listed. For a group-valued target, an ENI is listed when its flow to (or from) at
 * least one member is allowed.
 *
 * @param endpoint the asked target (whoCanReach) or source (whatCanBeReached)
 * @param traffic the flow asked about
 * @param allowedInterfaces ENIs whose flow is allowed, in snapshot order
 * @param unknownInterfaces ENIs whose flow is unknown (and not allowed to any member), in snapshot order
 * @param outsideBlocks outside address blocks whose flow is allowed, as the rules name them, without repeats
 * @param outsideUnknown what makes outside parties' verdicts unknown (missing prefix lists or groups)
 */
public record Reachers(
    Endpoint endpoint,
    Traffic traffic,
    ImmutableList<NetworkInterface> allowedInterfaces,
    ImmutableList<NetworkInterface> unknownInterfaces,
    ImmutableList<Cidr> outsideBlocks,
    ImmutableList<String> outsideUnknown) {

  /** True when nothing can take part. */
  public boolean isEmpty() {
    return allowedInterfaces.isEmpty() && outsideBlocks.isEmpty();
  }
}
