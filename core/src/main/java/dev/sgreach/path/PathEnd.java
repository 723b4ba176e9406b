package dev.sgreach.path;

import dev.sgreach.model.Cidr;
import dev.sgreach.model.NetworkInterface;
import java.util.Optional;

/**
 * One end of a packet path: an ENI of the snapshot and the address of it the flow uses, or an outside party's
 * address. The address of an ENI is one of its private IPv4 or IPv6 addresses, an address in one of its delegated
 * prefixes, or, for a destination reached through an internet gateway, one of its public IPv4 addresses.
 *
 * <p>A small immutable value, equal to another exactly when its ENI and address are. It is a class rather than a
 * record because it keeps what it learnt when made (which kind of the ENI's addresses it is) and, for the last
 * {@link PacketPaths} that walked from or to it, that network's compiled facts of its ENI: an end asked about many
 * times (the engine keeps one per ENI) then costs no look-up of either.
 */
public final class PathEnd {
  private static final byte OUTSIDE = 0;
  private static final byte PRIVATE = 1;
  private static final byte PUBLIC = 2;
  private static final byte IN_PREFIX = 3;

  private final Optional<NetworkInterface> eni;
  /** The ENI, null for an outside party: what the fast path reads, without going through the optional. */
  private final NetworkInterface eniOrNull;
  private final Cidr address;
  /** Which of the ENI's addresses {@link #address} is: {@link #PUBLIC}, else {@link #PRIVATE}, else {@link #IN_PREFIX}. */
  private final byte kind;
  /**
   * The compiled facts of the ENI in the last network that asked (they name their network): a benign race, one
   * reference written at a time, its network and facts final.
   */
  private CompiledPaths.EniInfo compiled;

  /**
   * An end.
   *
   * @param eni the ENI, empty (or null) for an outside party
   * @param address the address the flow uses (a single address)
   * @throws IllegalArgumentException when the address is missing, a block, or not one of the ENI's
   */
  public PathEnd(Optional<NetworkInterface> eni, Cidr address) {
    this.eni = eni == null ? Optional.empty() : eni;
    if (address == null) {
      throw new IllegalArgumentException("path end needs an address");
    }
    if (!address.isSingleAddress()) {
      throw new IllegalArgumentException("path end " + address.toCidrString() + " is a block, not an address");
    }
    this.address = address;
    this.eniOrNull = this.eni.orElse(null);
    this.kind = eniOrNull != null ? kind(eniOrNull, address) : OUTSIDE;
  }

  private static byte kind(NetworkInterface e, Cidr a) {
    if (e.publicIpv4().contains(a)) {
      return PUBLIC;
    }
    if (e.privateIpv4().contains(a) || e.ipv6().contains(a)) {
      return PRIVATE;
    }
    for (Cidr p : e.prefixes()) {
      if (p.contains(a)) {
        return IN_PREFIX;
      }
    }
    throw new IllegalArgumentException(e.id() + " has no address " + a);
  }

  /** The ENI, empty for an outside party. */
  public Optional<NetworkInterface> eni() {
    return eni;
  }

  /** The address the flow uses (a single address). */
  public Cidr address() {
    return address;
  }

  /** True when the address is one of the ENI's private IPv4 or IPv6 addresses (not a public one, not in a prefix). */
  boolean isPrivateAddress() {
    return kind == PRIVATE;
  }

  /** What {@link #remember} kept for {@code network}, or null. */
  CompiledPaths.EniInfo compiledIn(CompiledPaths network) {
    CompiledPaths.EniInfo c = compiled;
    return c != null && c.owner == network ? c : null;
  }

  /** Keeps the ENI's compiled facts (in the network they name). */
  void remember(CompiledPaths.EniInfo info) {
    compiled = info;
  }

  /** An ENI at one of its addresses. */
  public static PathEnd of(NetworkInterface eni, Cidr address) {
    return new PathEnd(Optional.of(eni), address);
  }

  /** An ENI at its first private address (IPv4 first, then IPv6). */
  public static PathEnd of(NetworkInterface eni) {
    if (!eni.privateIpv4().isEmpty()) {
      return of(eni, eni.privateIpv4().get(0));
    }
    if (eni.ipv6().isEmpty()) {
      throw new IllegalArgumentException(eni.id() + " has no private address");
    }
    return of(eni, eni.ipv6().get(0));
  }

  /** An address no ENI of the snapshot holds. */
  public static PathEnd outside(Cidr address) {
    return new PathEnd(Optional.empty(), address);
  }

  /** An address no ENI of the snapshot holds, parsed strictly. */
  public static PathEnd outside(String address) {
    return outside(Cidr.parseAddress(address));
  }

  /** True for an outside party. */
  public boolean isOutside() {
    return eniOrNull == null;
  }

  /** True when the address is one of the ENI's public IPv4 addresses. */
  public boolean isPublicAddress() {
    return kind == PUBLIC;
  }

  /** {@code eni-0a1 (10.0.1.5)} or {@code 8.8.8.8 (outside)}. */
  public String label() {
    return eni.map(e -> e.id() + " (" + address + ")").orElse(address + " (outside)");
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PathEnd p && p.address.equals(address) && p.eni.equals(eni);
  }

  @Override
  public int hashCode() {
    return 31 * eni.hashCode() + address.hashCode();
  }

  @Override
  public String toString() {
    return label();
  }
}
