package dev.sgreach.path;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import com.google.common.collect.Sets;
import dev.sgreach.engine.Outcome;
import dev.sgreach.model.Cidr;
import dev.sgreach.model.Layer;
import dev.sgreach.model.Network;
import dev.sgreach.model.NetworkInterface;
import dev.sgreach.model.Traffic;
import java.util.EnumSet;
import java.util.Optional;

/**
 * The packet path between the two security-group sides of a flow: network ACLs, route tables and the gateways,
 * peerings and transit gateways they lead to, both ways (DOMAIN-PATH.md; DESIGN.md semantics point 7).
 *
 * <pre>{@code
 * PacketPaths paths = PacketPaths.of(network);
 * PathVerdict v = paths.check(PathEnd.of(node), PathEnd.outside("52.216.1.1"), Traffic.tcp(443));
 * System.out.println(v.explain());
 * Outcome fast = paths.outcome(PathEnd.of(node), PathEnd.of(controlPlane), Traffic.tcp(443), ClientPorts.LINUX);
 * }</pre>
 *
 * <p>It checks only the layers the snapshot covers ({@link Network#layers()}): with neither network ACLs nor route
 * tables nothing is checked and every path is allowed, so that verdicts rest on security groups alone, as before;
 * with ACLs but no route tables the ACLs of the two ends' subnets are checked on the direct path. Within a covered
 * layer, missing data makes the answer unknown, never a guess. The reply is checked on the client's ephemeral ports
 * ({@link ClientPorts}); when not given, the range AWS documents for the source's kind is assumed
 * ({@link #defaultClientPorts}) and the verdict says so.
 *
 * <p>The network is compiled once when this object is made; instances are immutable and thread-safe.
 */
public final class PacketPaths {
  private final CompiledPaths compiled;
  private final ImmutableSet<Layer> layers;

  private PacketPaths(Network network, java.util.Set<Layer> wanted) {
    this.compiled = new CompiledPaths(network, wanted);
    EnumSet<Layer> l = EnumSet.noneOf(Layer.class);
    if (compiled.acls) {
      l.add(Layer.NETWORK_ACLS);
    }
    if (compiled.routes) {
      l.add(Layer.ROUTES);
    }
    this.layers = Sets.immutableEnumSet(l);
  }

  /** Compiles the network's path data: every path layer the snapshot covers. */
  public static PacketPaths of(Network network) {
    return new PacketPaths(network, java.util.EnumSet.allOf(Layer.class));
  }

  /**
   * Compiles the network's path data for these layers only (of those the snapshot covers): without
   * {@link Layer#NETWORK_ACLS} no ACL is judged, without {@link Layer#ROUTES} no route; with neither every path is
   * allowed, as for a snapshot without path data.
   */
  public static PacketPaths of(Network network, java.util.Set<Layer> layers) {
    return new PacketPaths(network, layers);
  }

  /**
   * What a packet meets on its way and the address its destination sees it come from: the fast answer of
   * {@link #outcome(PathEnd, PathEnd, Traffic, ClientPorts)}, and the source after any translation (a NAT gateway's
   * address, or through an internet gateway the sender's public address); empty when the packet does not get there.
   *
   * @param outcome whether the packet gets there and its reply back
   * @param sourceAsSeen the source address the destination sees, when the packet gets there
   */
  public record Passage(Outcome outcome, Optional<Cidr> sourceAsSeen) {}

  /** {@link #passage(PathEnd, PathEnd, Traffic, ClientPorts)} with the source's default client ports. */
  public Passage passage(PathEnd from, PathEnd to, Traffic traffic) {
    return passage(from, to, traffic, null);
  }

  /** {@link #outcome(PathEnd, PathEnd, Traffic, ClientPorts)} with the source address the destination sees. */
  public Passage passage(PathEnd from, PathEnd to, Traffic traffic, ClientPorts clientPorts) {
    Walk walk = walk(from, to, traffic, clientPorts, Trace.OFF);
    int v = walk.run();
    return new Passage(Tri.outcome(v), walk.sourceAsSeen());
  }

  /**
   * True when a packet from {@code from} to {@code to} may reach its destination under another source address (a
   * NAT gateway's, or the sender's public one through an internet gateway): the destination lies outside the
   * snapshot's VPCs, or the source subnet routes it to a NAT gateway, or the snapshot cannot tell. When false, the
   * destination sees the sender's own address, and a check of the destination's security groups against that address
   * needs no walk.
   */
  public boolean mayTranslateSource(PathEnd from, PathEnd to) {
    return compiled.mayTranslateSource(from, to.address());
  }

  /** The network this answers about. */
  public Network network() {
    return compiled.network;
  }

  /** The path layers the snapshot covers and so every answer checks: network ACLs, routes, both or neither. */
  public ImmutableSet<Layer> layers() {
    return layers;
  }

  /**
   * Where the path's answers can change along a protocol's keys (the port for TCP and UDP, {@code type * 256 + code}
   * for ICMP and ICMPv6, see {@link Traffic#key()}): sorted keys {@code b0 = 0 < b1 < ...}, such that for any two
   * ends every key of {@code [b_i, b_i+1)} (the last up to 65535) gets the same answer. Within a layer nothing but
   * ACL entries' port ranges and ICMP types and codes, the ports of the traffic ACLs never see (DNS 53, instance
   * metadata 80) and the ICMP types gateway endpoints and replies treat apart depend on the key, so answering a range
   * of keys takes one walk per segment. Empty for a protocol without keys.
   */
  public int[] keyBoundaries(dev.sgreach.model.Protocol protocol) {
    return compiled.keyBoundaries(protocol.number());
  }

  /**
   * {@link #keyBoundaries} for paths from the internet to {@code destination} (and their replies): those meet only
   * the network ACL of the destination's subnet, so only its entries cut the keys (all ACLs' when the subnet or its
   * ACL is not known).
   */
  public int[] keyBoundariesFromInternet(dev.sgreach.model.Protocol protocol, PathEnd destination) {
    return compiled.keyBoundariesFromInternet(protocol.number(), destination);
  }

  /**
   * One internet address per piece of the internet that every path to {@code destination} treats alike: the public
   * space of the destination's family cut at the blocks its subnet's ACL entries, its route table's routes (prefix
   * lists' entries included) and its VPC's gateway route tables name, at the snapshot's VPC blocks, and at
   * {@code alsoApart} (say, the CIDR peers of the destination's security groups); then the first address of each
   * piece that is internet space, outside the snapshot's VPCs and not a public address the snapshot owns (those are
   * the snapshot's own ends, not the internet). Judging each of these sources answers for every internet source:
   * what the internet can open to an ENI is the union of what these can.
   */
  public java.util.List<Cidr> internetSources(PathEnd destination, java.util.Collection<Cidr> alsoApart) {
    return compiled.internetSources(destination, alsoApart);
  }

  /**
   * The range AWS documents for a source of this kind: {@link ClientPorts#defaultFor} for an ENI,
   * {@link ClientPorts#ANY_CLIENT} for an outside party.
   */
  public static ClientPorts defaultClientPorts(PathEnd source) {
    return source.eni().map(ClientPorts::defaultFor).orElse(ClientPorts.ANY_CLIENT);
  }

  /**
   * Whether the packet gets there and its reply back, without the proof: the fast path.
   *
   * @throws IllegalArgumentException when neither end is an ENI, an address in a VPC of the snapshot or a public
   *     address it owns, an ENI is not this network's, the two addresses are of different families, or the traffic
   *     cannot travel in their family
   */
  public Outcome outcome(PathEnd from, PathEnd to, Traffic traffic, ClientPorts clientPorts) {
    return Tri.outcome(walk(from, to, traffic, clientPorts, Trace.OFF).run());
  }

  /** {@link #outcome(PathEnd, PathEnd, Traffic, ClientPorts)} with the source's default client ports. */
  public Outcome outcome(PathEnd from, PathEnd to, Traffic traffic) {
    return Tri.outcome(walk(from, to, traffic, null, Trace.OFF).run()); // null: the source's default
  }

  /**
   * Whether the packet gets there and its reply back, with every hop that decided and the fixes for those that deny.
   *
   * @throws IllegalArgumentException as {@link #outcome(PathEnd, PathEnd, Traffic, ClientPorts)}
   */
  public PathVerdict check(PathEnd from, PathEnd to, Traffic traffic, ClientPorts clientPorts) {
    return check(from, to, traffic, clientPorts, false);
  }

  /** {@link #check(PathEnd, PathEnd, Traffic, ClientPorts)} with the source's default client ports. */
  public PathVerdict check(PathEnd from, PathEnd to, Traffic traffic) {
    return check(from, to, traffic, defaultClientPorts(from), true);
  }

  private PathVerdict check(PathEnd from, PathEnd to, Traffic traffic, ClientPorts clientPorts, boolean assumed) {
    Trace trace = Trace.recording();
    Walk walk = walk(from, to, traffic, clientPorts, trace);
    int verdict = walk.run();
    return new PathVerdict(from, to, traffic, clientPorts, assumed, Tri.outcome(verdict), layers,
        ImmutableList.copyOf(trace.forward), ImmutableList.copyOf(trace.reply), walk.sourceAsSeen(),
        ImmutableList.copyOf(trace.fixes));
  }

  /**
   * True when a path of the snapshot can start or end at this address although no ENI holds it: it lies in a VPC's
   * blocks (an unused address of a subnet, a NAT gateway's) or is a public address the snapshot owns.
   */
  private boolean inSnapshot(Cidr address) {
    return compiled.vpcContaining(address) != -1 || compiled.publicOwner(address) != null;
  }

  /**
   * A walk between two ends, once they are checked: the ENIs are this network's ({@link #compiledEni}) and the rest
   * as {@link #validate} says. A null {@code clientPorts} walks the reply on the source's default ports.
   */
  private Walk walk(PathEnd from, PathEnd to, Traffic traffic, ClientPorts clientPorts, Trace trace) {
    CompiledPaths.EniInfo a = compiledEni(from);
    CompiledPaths.EniInfo b = compiledEni(to);
    validate(from, to, traffic);
    return new Walk(compiled, trace, from, to, traffic, clientPorts, a, b);
  }

  /** The compiled facts of an end's ENI (null for an outside party); an ENI of another network is refused. */
  private CompiledPaths.EniInfo compiledEni(PathEnd end) {
    if (end.isOutside()) {
      return null;
    }
    CompiledPaths.EniInfo info = compiled.ownInfo(end);
    if (info != null) {
      return info;
    }
    NetworkInterface e = end.eni().get();
    if (!compiled.network.networkInterface(e.id()).equals(end.eni())) {
      throw new IllegalArgumentException(e.id() + " is not a network interface of this snapshot");
    }
    info = compiled.info(e); // an equal copy of one of the snapshot's, checked once
    end.remember(info);
    return info;
  }

  private void validate(PathEnd from, PathEnd to, Traffic traffic) {
    if (from.isOutside() && to.isOutside() && !inSnapshot(from.address()) && !inSnapshot(to.address())) {
      throw new IllegalArgumentException("both " + from.label() + " and " + to.label()
          + " are outside the snapshot: no path of the snapshot lies between them");
    }
    if (from.isPublicAddress()) {
      throw new IllegalArgumentException(from.label() + ": a packet leaves an ENI from one of its private addresses;"
          + " the internet gateway gives it the public one (ask from the private address)");
    }
    Cidr a = from.address();
    Cidr b = to.address();
    if (a.family() != b.family()) {
      throw new IllegalArgumentException(a + " and " + b + " are of different address families: a packet travels"
          + " IPv4 to IPv4 or IPv6 to IPv6");
    }
    if (traffic.family() != 0 && traffic.family() != a.family()) {
      throw new IllegalArgumentException(traffic.protocol().awsName() + " travels over IPv" + traffic.family()
          + " only, and " + a + " is an IPv" + a.family() + " address");
    }
  }
}
