package dev.sgreach.snapshot.answers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sgreach.engine.Endpoint;
import dev.sgreach.engine.Outcome;
import dev.sgreach.engine.Reachability;
import dev.sgreach.engine.Verdict;
import dev.sgreach.model.Cidr;
import dev.sgreach.model.Network;
import dev.sgreach.model.NetworkInterface;
import dev.sgreach.model.Traffic;
import dev.sgreach.path.Hop;
import dev.sgreach.path.PacketPaths;
import dev.sgreach.path.PathEnd;
import dev.sgreach.path.PathVerdict;
import java.util.List;
import java.util.Optional;

/**
 * One real capture (a Batfish {@code aws_configs} folder under {@code realdata/}) asked about flows the way Batfish's
 * tests ask: from an instance (its only ENI, as {@code Reservations.json} names it) or an address, to an address.
 * Each flow is judged by the packet-path layer ({@link PacketPaths}, checked against its own fast answer) and by the
 * engine's security groups on the ENIs at either end, so that a test can say which of them decided.
 */
final class PathCapture {
  final String folder;
  final Network network;
  final PacketPaths paths;
  final Reachability engine;

  PathCapture(String folder) {
    this.folder = folder;
    this.network = RealData.network(folder);
    this.paths = PacketPaths.of(network);
    this.engine = Reachability.of(securityGroupsOnly(network));
  }

  /** The network without its path data: what the engine judges on security groups alone. */
  static Network securityGroupsOnly(Network n) {
    Network.Builder b = Network.builder();
    n.securityGroups().values().forEach(b::add);
    n.interfaces().values().forEach(b::add);
    n.prefixLists().values().forEach(b::add);
    n.vpcs().values().forEach(b::add);
    n.peerings().values().forEach(b::add);
    n.eksClusters().values().forEach(b::add);
    n.loadBalancers().values().forEach(b::add);
    return b.build();
  }

  /** An instance's only ENI at its first private address, checked against {@code Reservations.json}. */
  PathEnd instance(String instanceId) {
    String eni = RealData.onlyInterfaceOf(folder, instanceId);
    assertThat(network.interfacesOfInstance(instanceId)).extracting(NetworkInterface::id).containsExactly(eni);
    return PathEnd.of(network.interfaces().get(eni));
  }

  /** An address: an ENI's private or public one, or an outside party's. */
  PathEnd address(String text) {
    Cidr a = Cidr.parseAddress(text);
    Optional<NetworkInterface> owner = network.interfaceOwning(a);
    if (owner.isPresent()) {
      return PathEnd.of(owner.get(), a);
    }
    for (NetworkInterface e : network.interfaces().values()) {
      if (e.publicIpv4().contains(a)) {
        return PathEnd.of(e, a);
      }
    }
    return PathEnd.outside(a);
  }

  /** The path layer's explained verdict, after checking that its fast answer agrees. */
  PathVerdict path(PathEnd from, PathEnd to, Traffic traffic) {
    PathVerdict v = paths.check(from, to, traffic);
    assertThat(paths.outcome(from, to, traffic)).as("fast answer against:%n%s", v.explain()).isEqualTo(v.outcome());
    return v;
  }

  /** The security groups' verdict on the flow: the sender's egress and the receiver's ingress (by ENI). */
  Verdict securityGroups(PathEnd from, PathEnd to, Traffic traffic) {
    return engine.reach(endpoint(from), endpoint(to), traffic);
  }

  /** The whole answer: the path and the security groups both (Kleene "and"). */
  Outcome whole(PathEnd from, PathEnd to, Traffic traffic) {
    Outcome p = path(from, to, traffic).outcome();
    Outcome s = securityGroups(from, to, traffic).outcome();
    if (p == Outcome.DENIED || s == Outcome.DENIED) {
      return Outcome.DENIED;
    }
    return p == Outcome.ALLOWED && s == Outcome.ALLOWED ? Outcome.ALLOWED : Outcome.UNKNOWN;
  }

  private static Endpoint endpoint(PathEnd end) {
    return end.eni().map(e -> Endpoint.eni(e.id())).orElse(Endpoint.address(end.address().toString()));
  }

  /** What the hops pass, in order: each hop's component and the subnet it is at (subnets, route tables, gateways). */
  static List<String> components(List<Hop> hops) {
    List<String> out = new java.util.ArrayList<>();
    for (Hop h : hops) {
      for (String x : new String[] {h.subnetId(), h.component()}) {
        if (!x.isEmpty() && (out.isEmpty() || !out.get(out.size() - 1).equals(x))) {
          out.add(x);
        }
      }
    }
    return out;
  }
}
