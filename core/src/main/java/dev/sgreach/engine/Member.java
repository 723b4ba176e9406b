package dev.sgreach.engine;

import com.google.common.collect.ImmutableList;
import dev.sgreach.model.Cidr;
import dev.sgreach.model.NetworkInterface;
import java.util.Optional;

/**
 * One concrete end of a flow after an {@link Endpoint} is resolved against a network: an ENI with the addresses that
 * take part (all its private addresses and delegated prefixes, or the one address that was asked about), or an <em>outside party</em>, an
 * address that belongs to no ENI of the snapshot. An outside party carries no security group, so only the other
 * side's rules apply to it, and security-group references never match it.
 *
 * @param eni the ENI, or empty for an outside party
 * @param addresses the addresses (and, for delegated prefixes, address blocks) that take part in the flow; a flow
 *     from or to a block means a flow from or to some address in it
 */
public record Member(Optional<NetworkInterface> eni, ImmutableList<Cidr> addresses) {
  public Member {
    if (eni == null) {
      eni = Optional.empty();
    }
    if (addresses == null) {
      addresses = ImmutableList.of();
    }
  }

  /** An ENI with all its private addresses and delegated prefixes. */
  public static Member of(NetworkInterface eni) {
    return new Member(Optional.of(eni), eni.addressBlocks());
  }

  /** An ENI restricted to one of its addresses. */
  public static Member of(NetworkInterface eni, Cidr address) {
    return new Member(Optional.of(eni), ImmutableList.of(address));
  }

  /** An outside party at this address. */
  public static Member outside(Cidr address) {
    return new Member(Optional.empty(), ImmutableList.of(address));
  }

  /** True for an address that belongs to no ENI of the snapshot. */
  public boolean isOutside() {
    return eni.isEmpty();
  }

  /** {@code eni-0a1 (10.0.1.5)}, or the outside address. */
  public String label() {
    if (eni.isEmpty()) {
      return addresses.get(0) + " (outside)";
    }
    NetworkInterface e = eni.get();
    if (addresses.size() == 1 && e.addressBlocks().size() > 1) {
      return e.id() + " (" + addresses.get(0) + ")";
    }
    return e.label();
  }

  @Override
  public String toString() {
    return label();
  }
}
