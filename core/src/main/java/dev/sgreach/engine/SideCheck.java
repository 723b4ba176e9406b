package dev.sgreach.engine;

import com.google.common.collect.ImmutableList;
import dev.sgreach.model.Cidr;
import dev.sgreach.model.Direction;
import java.util.Optional;

/**
 * How one side of one address pair judged a flow: the sender's egress or the receiver's ingress, with the rules that
 * admit it, or (when it does not) the near misses, or (when unknown) what data is missing.
 *
 * @param direction {@link Direction#EGRESS} for the sender, {@link Direction#INGRESS} for the receiver
 * @param member the side's ENI or outside party
 * @param localAddress the side's own address in the pair
 * @param remoteAddress the other side's address in the pair
 * @param outcome allowed, denied or unknown; an outside party's side is always allowed (it carries no group)
 * @param matches the rules that admit the flow (empty unless allowed)
 * @param nearMisses rules that almost admit it (only when not allowed)
 * @param missing what the snapshot lacks (only when unknown)
 * @param note a short remark, e.g. {@code outside party: no security group applies}
 */
public record SideCheck(
    Direction direction,
    Member member,
    Cidr localAddress,
    Cidr remoteAddress,
    Outcome outcome,
    ImmutableList<RuleMatch> matches,
    ImmutableList<NearMiss> nearMisses,
    ImmutableList<String> missing,
    Optional<String> note) {

  /** {@code egress of eni-0a1} or {@code ingress of eni-0b2}. */
  public String title() {
    return direction.word() + " of " + member.eni().map(e -> e.id()).orElse(member.label());
  }
}
