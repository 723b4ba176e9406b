package dev.sgreach.engine;

import com.google.common.base.Suppliers;
import com.google.common.collect.ImmutableList;
import dev.sgreach.model.Cidr;
import dev.sgreach.model.NetworkInterface;
import dev.sgreach.model.Traffic;
import java.util.BitSet;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The answer to {@code whoCanReach(target, traffic)} or {@code whatCanBeReached(source, traffic)}: the ENIs of the
 * snapshot on the other end of an allowed flow, the ENIs whose verdict is unknown, and the outside address blocks
 * (from CIDR and prefix-list rules) that can take part.
 *
 * <p>The target itself is never listed. For a group-valued target, an ENI is listed when its flow to (or from) at
 * least one member is allowed, and as unknown when it is allowed to none and unknown to some.
 *
 * <p>The engine decides the answer by ENI class when it is asked; the ENIs are listed the first time
 * {@link #allowedInterfaces()} or {@link #unknownInterfaces()} is called (once; the lists are then kept). Instances
 * are immutable and thread-safe.
 */
public final class Reachers {
  private final Endpoint endpoint;
  private final Traffic traffic;
  private final ImmutableList<Cidr> outsideBlocks;
  private final ImmutableList<String> outsideUnknown;
  private final ImmutableList<Cidr> outsideUnknownBlocks;
  private final ImmutableList<Cidr> neverFiltered;
  private final Supplier<Lists> lists;

  private record Lists(ImmutableList<NetworkInterface> allowed, ImmutableList<NetworkInterface> unknown) {}

  Reachers(Endpoint endpoint, Traffic traffic, NetworkInterface[] enis,
      List<java.util.function.BiConsumer<BitSet, BitSet>> members,
      ImmutableList<Cidr> outsideBlocks, ImmutableList<Cidr> neverFiltered, ImmutableList<String> outsideUnknown,
      ImmutableList<Cidr> outsideUnknownBlocks) {
    this.outsideUnknownBlocks = outsideUnknownBlocks;
    this.neverFiltered = neverFiltered;
    this.endpoint = endpoint;
    this.traffic = traffic;
    this.outsideBlocks = outsideBlocks;
    this.outsideUnknown = outsideUnknown;
    this.lists = Suppliers.memoize(() -> {
      BitSet allowed = new BitSet(enis.length);
      BitSet unknown = new BitSet(enis.length);
      for (java.util.function.BiConsumer<BitSet, BitSet> q : members) {
        q.accept(allowed, unknown); // sets the bits of the ENIs allowed, and of those unknown
      }
      unknown.andNot(allowed);
      return new Lists(list(enis, allowed), list(enis, unknown));
    });
  }

  private static ImmutableList<NetworkInterface> list(NetworkInterface[] enis, BitSet bits) {
    NetworkInterface[] out = new NetworkInterface[bits.cardinality()];
    int n = 0;
    for (int i = bits.nextSetBit(0); i >= 0; i = bits.nextSetBit(i + 1)) {
      out[n++] = enis[i];
    }
    return ImmutableList.copyOf(out);
  }

  /** The asked target (whoCanReach) or source (whatCanBeReached). */
  public Endpoint endpoint() {
    return endpoint;
  }

  /** The flow asked about. */
  public Traffic traffic() {
    return traffic;
  }

  /** ENIs whose flow is allowed, in snapshot order. */
  public ImmutableList<NetworkInterface> allowedInterfaces() {
    return lists.get().allowed();
  }

  /** ENIs whose flow is unknown (and not allowed to any member), in snapshot order. */
  public ImmutableList<NetworkInterface> unknownInterfaces() {
    return lists.get().unknown();
  }

  /** Outside address blocks whose flow is allowed, as the rules name them, without repeats. */
  public ImmutableList<Cidr> outsideBlocks() {
    return outsideBlocks;
  }

  /**
   * The addresses of AWS services whose traffic security groups never filter (Amazon DNS, instance metadata, Time
   * Sync, ECS task metadata, Windows activation, the VPC router): their flows are allowed whatever the rules, so they
   * are listed apart from {@link #outsideBlocks()}, which the rules name.
   */
  public ImmutableList<Cidr> neverFiltered() {
    return neverFiltered;
  }

  /**
   * The outside blocks where a party's verdict is unknown (beyond {@link #outsideBlocks()}, which are allowed): every
   * address of the endpoint's families when a reason of {@link #outsideUnknown()} holds for any address, or the part
   * it holds for (a pod's traffic beyond its VPC, judged by its node's groups).
   */
  public ImmutableList<Cidr> outsideUnknownBlocks() {
    return outsideUnknownBlocks;
  }

  /**
   * The verdict for an outside party at {@code address}: allowed inside {@link #outsideBlocks()} or at an address
   * security groups never filter, unknown inside {@link #outsideUnknownBlocks()}, else denied.
   */
  public Outcome outside(Cidr address) {
    if (neverFiltered.contains(address) || outsideBlocks.stream().anyMatch(b -> b.contains(address))) {
      return Outcome.ALLOWED;
    }
    return outsideUnknownBlocks.stream().anyMatch(b -> b.overlaps(address)) ? Outcome.UNKNOWN : Outcome.DENIED;
  }

  /** What makes outside parties' verdicts unknown (missing prefix lists or groups). */
  public ImmutableList<String> outsideUnknown() {
    return outsideUnknown;
  }

  /** True when nothing can take part. */
  public boolean isEmpty() {
    return allowedInterfaces().isEmpty() && outsideBlocks.isEmpty();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Reachers r && r.endpoint.equals(endpoint) && r.traffic.equals(traffic)
        && r.allowedInterfaces().equals(allowedInterfaces()) && r.unknownInterfaces().equals(unknownInterfaces())
        && r.outsideBlocks.equals(outsideBlocks) && r.outsideUnknown.equals(outsideUnknown);
  }

  @Override
  public int hashCode() {
    return Objects.hash(endpoint, traffic, allowedInterfaces(), outsideBlocks);
  }

  @Override
  public String toString() {
    return "Reachers[" + endpoint.label() + " on " + traffic.spec() + ": " + allowedInterfaces().size()
        + " ENIs, " + outsideBlocks.size() + " outside blocks, " + unknownInterfaces().size() + " unknown]";
  }
}
