package dev.sgreach.engine;

import com.google.common.collect.ImmutableList;
import dev.sgreach.model.Cidr;
import dev.sgreach.model.NetworkInterface;
import java.util.Objects;
import java.util.Optional;

/**
 * One concrete end of a flow after an {@link Endpoint} is resolved against a network: an ENI with the addresses that
 * take part (all its private addresses and delegated prefixes, or the one address that was asked about), or an
 * <em>outside party</em>, an address that belongs to no ENI of the snapshot. An ENI asked about by one of its public
 * or Elastic IPv4 addresses is that ENI at the private address the public one is translated to
 * ({@link #throughPublic}). An outside party carries no security
 * group, so only the other side's rules apply to it, and security-group references never match it.
 *
 * <p>Members compare by ENI and addresses. Those that {@link Reachability#resolve} returns also remember where the
 * engine keeps their ENI, so that asking about them again costs no lookup.
 */
public final class Member {
  private final Optional<NetworkInterface> eni;
  private final ImmutableList<Cidr> addresses;
  /** The public or Elastic IPv4 address the member was asked about, when it was reached through one. */
  private final Optional<Cidr> publicAddress;
  /** The index that resolved this member, and the ENI's place in it; null and -1 for members made elsewhere. */
  private final Object resolvedBy;
  private final int slot;

  /**
   * A member.
   *
   * @param eni the ENI, or empty for an outside party
   * @param addresses the addresses (and, for delegated prefixes, address blocks) that take part in the flow; a flow
   *     from or to a block means a flow from or to some address in it
   */
  public Member(Optional<NetworkInterface> eni, ImmutableList<Cidr> addresses) {
    this(eni, addresses, null, -1);
  }

  Member(Optional<NetworkInterface> eni, ImmutableList<Cidr> addresses, Object resolvedBy, int slot) {
    this(eni, addresses, Optional.empty(), resolvedBy, slot);
  }

  Member(Optional<NetworkInterface> eni, ImmutableList<Cidr> addresses, Optional<Cidr> publicAddress,
      Object resolvedBy, int slot) {
    this.eni = eni == null ? Optional.empty() : eni;
    this.addresses = addresses == null ? ImmutableList.of() : addresses;
    this.publicAddress = publicAddress;
    if (publicAddress.isPresent() && (this.eni.isEmpty() || this.addresses.size() != 1)) {
      throw new IllegalArgumentException("a member reached through a public address is one ENI at one address");
    }
    this.resolvedBy = resolvedBy;
    this.slot = slot;
  }

  /** An ENI with all its private addresses and delegated prefixes. */
  public static Member of(NetworkInterface eni) {
    return new Member(Optional.of(eni), eni.addressBlocks());
  }

  /** An ENI restricted to one of its addresses. */
  public static Member of(NetworkInterface eni, Cidr address) {
    return new Member(Optional.of(eni), ImmutableList.of(address));
  }

  /**
   * An ENI reached through one of its public or Elastic IPv4 addresses: the internet gateway translates
   * {@code publicAddress} to {@code privateAddress}, so the ENI's groups judge the flow at its private address
   * (VPC user guide, "Connect to the internet using an internet gateway"); a security-group reference never matches
   * a flow addressed to the public address.
   */
  public static Member throughPublic(NetworkInterface eni, Cidr privateAddress, Cidr publicAddress) {
    return new Member(Optional.of(eni), ImmutableList.of(privateAddress), Optional.of(publicAddress), null, -1);
  }

  /** An outside party at this address. */
  public static Member outside(Cidr address) {
    return new Member(Optional.empty(), ImmutableList.of(address));
  }

  /** The ENI, or empty for an outside party. */
  public Optional<NetworkInterface> eni() {
    return eni;
  }

  /** The addresses (and delegated prefixes) that take part in the flow. */
  public ImmutableList<Cidr> addresses() {
    return addresses;
  }

  /** The public or Elastic IPv4 address this ENI was reached through, if it was asked about by one. */
  public Optional<Cidr> publicAddress() {
    return publicAddress;
  }

  /** The ENI's place in {@code index} when that index resolved this member, else -2 (look it up). */
  int slotIn(Object index) {
    return resolvedBy == index ? slot : -2;
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
    if (publicAddress.isPresent()) {
      return e.id() + " (" + publicAddress.get() + ", public address of " + addresses.get(0) + ")";
    }
    if (addresses.size() == 1 && e.addressBlocks().size() > 1) {
      return e.id() + " (" + addresses.get(0) + ")";
    }
    return e.label();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Member m && m.eni.equals(eni) && m.addresses.equals(addresses)
        && m.publicAddress.equals(publicAddress);
  }

  @Override
  public int hashCode() {
    return Objects.hash(eni, addresses, publicAddress);
  }

  @Override
  public String toString() {
    return label();
  }
}
