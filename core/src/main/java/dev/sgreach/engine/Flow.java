package dev.sgreach.engine;

import com.google.common.collect.ImmutableList;
import dev.sgreach.model.Traffic;
import dev.sgreach.path.PathVerdict;
import java.util.Optional;

/**
 * The verdict for one concrete pair of members (ENI or outside party on each side) with its proof.
 *
 * <p>For an allowed flow the proof is the egress check of the sender and the ingress check of the receiver on an
 * address pair that gets through, each with the rules that admit it. For a denied flow it is the checks on the pair
 * that came closest, which side blocks, the near misses, and the {@link Fix}es (one per blocking side) that would
 * open it. For an unknown flow it names the missing data. When the snapshot's packet path is checked (network ACLs,
 * routes), {@link #path()} is that pair's path both ways with its hops, the blocking hop and the ACL entries or routes
 * to add; the ingress check is then on the source address the destination sees (after a NAT gateway or an internet
 * gateway).
 *
 * @param source the sending member
 * @param destination the receiving member
 * @param traffic the flow asked about
 * @param outcome the verdict
 * @param egress the sender's check on the explained address pair, empty when there is no usable pair
 * @param ingress the receiver's check on the explained address pair, empty when there is no usable pair
 * @param fixes the rules to add (denied flows only)
 * @param remark why there is no address pair to check, when there is none; or how the flow reaches a member asked
 *     about by its public address
 * @param path the packet path of the explained address pair, when path layers are checked
 */
public record Flow(
    Member source,
    Member destination,
    Traffic traffic,
    Outcome outcome,
    Optional<SideCheck> egress,
    Optional<SideCheck> ingress,
    ImmutableList<Fix> fixes,
    Optional<String> remark,
    Optional<PathVerdict> path) {

  public Flow {
    path = path == null ? Optional.empty() : path;
  }

  /** A flow judged on security groups alone (no path layer checked). */
  public Flow(Member source, Member destination, Traffic traffic, Outcome outcome, Optional<SideCheck> egress,
      Optional<SideCheck> ingress, ImmutableList<Fix> fixes, Optional<String> remark) {
    this(source, destination, traffic, outcome, egress, ingress, fixes, remark, Optional.empty());
  }

  /** True when allowed. */
  public boolean isAllowed() {
    return outcome == Outcome.ALLOWED;
  }

  /** The sides that block a denied flow: egress, ingress, or both. */
  public ImmutableList<SideCheck> blockingSides() {
    ImmutableList.Builder<SideCheck> b = ImmutableList.builder();
    egress.filter(s -> s.outcome() == Outcome.DENIED).ifPresent(b::add);
    ingress.filter(s -> s.outcome() == Outcome.DENIED).ifPresent(b::add);
    return b.build();
  }

  /** The proof as indented lines of text. */
  public String explain() {
    return Explanations.flow(this);
  }

  @Override
  public String toString() {
    return outcome.word() + ": " + dev.sgreach.model.Echo.visible(source.label() + " -> " + destination.label())
        + " on " + traffic.spec();
  }
}
