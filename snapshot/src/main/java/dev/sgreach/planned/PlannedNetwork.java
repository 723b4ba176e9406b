package dev.sgreach.planned;

import dev.sgreach.engine.Endpoint;
import dev.sgreach.model.Echo;
import java.util.List;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import dev.sgreach.model.Cidr;
import dev.sgreach.model.Network;
import dev.sgreach.model.NetworkInterface;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * A network as a change will leave it, before the change is made: a snapshot with a Terraform plan applied to it, or
 * the cluster an eksctl ClusterConfig would create (alone or in an existing VPC), with the planned resources by their
 * address and every value the change leaves unknown.
 *
 * <p>{@link #network()} is an ordinary {@link Network}: every query of the engine works on it. Its unknowns are
 * expressed in the model's own terms (see {@link Unknown}), so verdicts that depend on them come out unknown.
 * {@link #interfacesFor(String)} is what an endpoint written as a planned resource's address means (the command
 * line's {@code tf:ADDRESS}): the planned ENIs, or the ENIs that carry the planned group.
 */
public final class PlannedNetwork {
  private final String source;
  private final Network network;
  private final ImmutableMap<String, PlannedResource> resources;
  private final ImmutableList<Unknown> unknowns;

  /**
   * A planned network.
   *
   * @param source the file the change came from, as shown to users
   * @param network the network after the change
   * @param resources the planned resources by address, in the change's order
   * @param unknowns what the change leaves unknown
   */
  public PlannedNetwork(String source, Network network, ImmutableMap<String, PlannedResource> resources,
      ImmutableList<Unknown> unknowns) {
    this.source = source == null ? "" : source;
    if (network == null) {
      throw new IllegalArgumentException("a planned network needs a network");
    }
    this.resources = resources == null ? ImmutableMap.of() : resources;
    this.unknowns = unknowns == null ? ImmutableList.of() : unknowns;
    this.network = withStandIns(network, this.unknowns);
  }

  /**
   * The network with every stand-in address of {@link Unknown.Kind#ADDRESS} marked as such
   * ({@link Network#standInAddresses()}), so that the engine reads it as "somewhere in its block".
   */
  private static Network withStandIns(Network network, List<Unknown> unknowns) {
    Network.Builder b = null;
    for (Unknown u : unknowns) {
      if (u.kind() != Unknown.Kind.ADDRESS || u.within().isEmpty()) {
        continue;
      }
      Cidr address = Cidr.parse(u.subject());
      if (network.standInAddresses().containsKey(address) || !u.within().get().contains(address)) {
        continue;
      }
      b = b == null ? network.toBuilder() : b;
      b.standIn(address, u.within().get());
    }
    return b == null ? network : b.build();
  }

  /** The file the change came from. */
  public String source() {
    return source;
  }

  /** The network after the change. */
  public Network network() {
    return network;
  }

  /** Every planned resource by its address, in the change's order. */
  public ImmutableMap<String, PlannedResource> resources() {
    return resources;
  }

  /** The planned resource at this address. */
  public Optional<PlannedResource> resource(String address) {
    return Optional.ofNullable(resources.get(address));
  }

  /**
   * The ENIs an endpoint written as this address stands for: the resource's own ENIs that exist after the change,
   * then every ENI carrying one of its groups, in network order; empty when the address names nothing with ENIs.
   */
  public ImmutableList<String> interfacesFor(String address) {
    PlannedResource r = resources.get(address);
    if (r == null) {
      return ImmutableList.of();
    }
    Set<String> out = new LinkedHashSet<>();
    for (String id : r.interfaceIds()) {
      if (network.interfaces().containsKey(id)) {
        out.add(id);
      }
    }
    for (String sg : r.securityGroupIds()) {
      for (NetworkInterface eni : network.interfacesWith(sg)) {
        out.add(eni.id());
      }
    }
    return ImmutableList.copyOf(out);
  }

  /**
   * What a planned-resource endpoint ({@code tf:ADDRESS}, read by {@link Endpoint#parse}) stands for: the ENIs of
   * {@link #interfacesFor}, as one named group labelled as written.
   *
   * @throws IllegalArgumentException when the change plans nothing at that address (naming some addresses it does
   *     plan), or the resource has no ENI after the change
   */
  public Endpoint endpoint(Endpoint.Planned planned) {
    String address = planned.address();
    PlannedResource r = resources.get(address);
    if (r == null) {
      List<String> known = resources.keySet().stream().limit(8).toList();
      throw new IllegalArgumentException("endpoint " + Echo.quote(planned.label()) + ": " + source
          + " plans no resource at that address" + (known.isEmpty() ? "" : "; planned: " + String.join(", ", known)
          + (resources.size() > known.size() ? ", ..." : "")));
    }
    List<String> enis = interfacesFor(address);
    if (enis.isEmpty()) {
      throw new IllegalArgumentException("endpoint " + Echo.quote(planned.label()) + ": the planned " + r.type()
          + " (" + r.action().word() + ") has no network interface after the change");
    }
    return Endpoint.group(planned.label(), enis.stream().map(Endpoint::eni).toList());
  }

  /** What the change leaves unknown, in the order found. */
  public ImmutableList<Unknown> unknowns() {
    return unknowns;
  }

  /** The unknowns of one kind. */
  public ImmutableList<Unknown> unknowns(Unknown.Kind kind) {
    return unknowns.stream().filter(u -> u.kind() == kind).collect(ImmutableList.toImmutableList());
  }

  /**
   * Every stand-in address with the block the real address will lie in: the engine must not read a CIDR rule that
   * covers only part of the block as a match or a miss (see {@link Unknown.Kind#ADDRESS}).
   */
  public ImmutableMap<Cidr, Cidr> standInAddresses() {
    ImmutableMap.Builder<Cidr, Cidr> b = ImmutableMap.builder();
    for (Unknown u : unknowns(Unknown.Kind.ADDRESS)) {
      u.within().ifPresent(w -> b.put(Cidr.parse(u.subject()), w));
    }
    return b.buildKeepingLast();
  }

  /**
   * True when every planned change is in the network. False when some change could not be placed
   * ({@link Unknown.Kind#UNPLACED}): an allowed verdict still holds (rules only add), a denied one may be unknown.
   */
  public boolean complete() {
    return unknowns.stream().noneMatch(u -> u.kind() == Unknown.Kind.UNPLACED);
  }

  @Override
  public String toString() {
    return "PlannedNetwork[" + source + ": " + network + ", " + resources.size() + " planned resources, "
        + unknowns.size() + " unknowns]";
  }
}
