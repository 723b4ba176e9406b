package dev.sgreach.path;

import dev.sgreach.model.Cidr;
import dev.sgreach.model.NetworkInterface;
import java.util.Optional;

/**
 * One end of a packet path: an ENI of the snapshot and the address of it the flow uses, or an outside party's
 * address. The address of an ENI is one of its private IPv4 or IPv6 addresses, an address in one of its delegated
 * prefixes, or, for a destination reached through an internet gateway, one of its public IPv4 addresses.
 *
 * @param eni the ENI, empty for an outside party
 * @param address the address the flow uses (a single address)
 */
public record PathEnd(Optional<NetworkInterface> eni, Cidr address) {
  public PathEnd {
    eni = eni == null ? Optional.empty() : eni;
    if (address == null) {
      throw new IllegalArgumentException("path end needs an address");
    }
    if (!address.isSingleAddress()) {
      throw new IllegalArgumentException("path end " + address.toCidrString() + " is a block, not an address");
    }
    if (eni.isPresent() && !holds(eni.get(), address)) {
      throw new IllegalArgumentException(eni.get().id() + " has no address " + address);
    }
  }

  private static boolean holds(NetworkInterface e, Cidr a) {
    if (e.privateIpv4().contains(a) || e.ipv6().contains(a) || e.publicIpv4().contains(a)) {
      return true;
    }
    return e.prefixes().stream().anyMatch(p -> p.contains(a));
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
    return eni.isEmpty();
  }

  /** True when the address is one of the ENI's public IPv4 addresses. */
  public boolean isPublicAddress() {
    return eni.isPresent() && eni.get().publicIpv4().contains(address);
  }

  /** {@code eni-0a1 (10.0.1.5)} or {@code 8.8.8.8 (outside)}. */
  public String label() {
    return eni.map(e -> e.id() + " (" + address + ")").orElse(address + " (outside)");
  }

  @Override
  public String toString() {
    return label();
  }
}
