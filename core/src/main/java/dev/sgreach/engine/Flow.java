package dev.sgreach.engine;

import com.google.common.collect.ImmutableList;
import dev.sgreach.model.Traffic;
import java.util.Optional;

/**
 * The verdict for one concrete pair of members (ENI or outside party on each side) with its proof.
 *
 * <p>For an allowed flow the proof is the egress check of the sender and the ingress check of the receiver on an
 * address pair that gets through, each with the rules that admit it. For a denied flow it is the checks on the pair
 * that came closest, which side blocks, the near misses, and the {@link Fix}es (one per blocking side) that would
 * open it. For an unknown flow it names the missing data.
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
 */
public record Flow(
    Member source,
    Member destination,
    Traffic traffic,
    Outcome outcome,
    Optional<SideCheck> egress,
    Optional<SideCheck> ingress,
    ImmutableList<Fix> fixes,
    Optional<String> remark) {

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
    return outcome.word() + ": " + source.label() + " -> " + destination.label() + " on " + traffic.spec();
  }
}
