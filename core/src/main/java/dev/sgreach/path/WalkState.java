package dev.sgreach.path;

import com.google.common.collect.ImmutableList;
import dev.sgreach.model.Cidr;
import dev.sgreach.model.NatGateway;
import dev.sgreach.model.NetworkAcl;
import dev.sgreach.model.RouteTable;
import dev.sgreach.model.Traffic;
import dev.sgreach.model.TransitGateway;
import dev.sgreach.path.Hop.Step;
import java.util.List;
import java.util.Optional;

/**
 * The state of one {@link Walk}: the question, the packet as it is now (addresses, destination-port keys, direction),
 * what the forward packet did that its reply must undo (NAT sessions, the exit it took, the address the destination
 * saw), the running three-valued answer, and the recording of hops into the {@link Trace}. The hops themselves are
 * decided in {@link TransitHops} (peering, transit gateways), {@link GatewayHops} (internet, egress-only and NAT
 * gateways, gateway endpoints, appliances) and {@link Walk} (subnets, ACLs, delivery, the reply).
 */
abstract class WalkState {
  static final int MAX_STEPS = 32;
  static final PortSet NAT_PORTS = PortSet.of(1024, 65535);

  final CompiledPaths c;
  final Trace t;
  final PathEnd source;
  final PathEnd destination;
  final Traffic traffic;
  final ClientPorts client;
  /** The compiled facts of the two ends' ENIs, null for an outside party. */
  final CompiledPaths.EniInfo sourceEni;
  final CompiledPaths.EniInfo destinationEni;

  int outcome = Tri.ALLOW;
  boolean stop;
  int steps;

  // the packet
  boolean reply;
  int proto;
  Cidr src;
  Cidr dst;
  PortSet keys;

  // what the forward packet did, for the reply
  Cidr seenSource;
  boolean arrived;
  int arrivalSubnet = -1;
  String exitEndpoint;
  int exitVpc = -1;
  List<NatSession> nats = List.of();
  int egressOnlyVpc = -1;
  /** The places met so far (subnets, NAT gateways, transit gateway attachments) and in which direction. */
  Object[] visited;
  boolean[] visitedOnReply;
  int visitedCount;

  record NatSession(NatGateway nat, int subnet, Cidr original, Cidr translated) {}

  /**
   * @param client the client's ephemeral ports, null for the source's default
   * @param sourceEni the compiled facts of the source's ENI, null for an outside party
   * @param destinationEni the same for the destination
   */
  WalkState(CompiledPaths c, Trace t, PathEnd source, PathEnd destination, Traffic traffic, ClientPorts client,
      CompiledPaths.EniInfo sourceEni, CompiledPaths.EniInfo destinationEni) {
    this.c = c;
    this.t = t;
    this.source = source;
    this.destination = destination;
    this.traffic = traffic;
    this.sourceEni = sourceEni;
    this.destinationEni = destinationEni;
    this.client = client != null ? client : sourceEni != null ? sourceEni.clientPorts() : ClientPorts.ANY_CLIENT;
  }

  private int heldVpc = Integer.MIN_VALUE;
  private Cidr heldAddress;
  private int held;

  /**
   * {@link CompiledPaths#subnetHolding}, remembered for the last VPC and address asked: a walk asks it again at each
   * subnet the packet passes with the same destination.
   */
  int subnetHolding(int vpc, Cidr address) {
    if (vpc != heldVpc || address != heldAddress) {
      // ask first the end whose address this is (on the reply, the source's), then the other
      boolean sourceFirst = sourceEni != null && address == source.address();
      CompiledPaths.EniInfo first = sourceFirst ? sourceEni : destinationEni;
      CompiledPaths.EniInfo second = sourceFirst ? destinationEni : sourceEni;
      int own = first != null ? first.ownSubnet(vpc, address, sourceFirst ? source : destination)
          : CompiledPaths.LOOK_IT_UP;
      if (own == CompiledPaths.LOOK_IT_UP && second != null) {
        own = second.ownSubnet(vpc, address, sourceFirst ? destination : source);
      }
      held = own == CompiledPaths.LOOK_IT_UP ? c.subnetHolding(vpc, address)
          : own == CompiledPaths.NO_HOLDER_IN_VPC ? c.subnetByBlocks(vpc, address) : own;
      heldVpc = vpc;
      heldAddress = address;
    }
    return held;
  }

  /** The source address the destination saw (after NAT and internet gateways), when the packet got there. */
  Optional<Cidr> sourceAsSeen() {
    return Optional.ofNullable(seenSource);
  }

  // -------------------------------------------------------------------------------------------------- recording

  void hop(Step step, String component, int subnet, int verdict, ExplanationCode code, String detail,
      List<NetworkAcl.Entry> entries, RouteTable.Route route, TransitGateway.Route tgwRoute, PortSet denied) {
    t.add(reply, new Hop(step, component, subnet >= 0 ? c.subnets[subnet].id : "", Tri.outcome(verdict), detail,
        Optional.ofNullable(code), entries == null ? ImmutableList.of() : ImmutableList.copyOf(entries),
        Optional.ofNullable(route), Optional.ofNullable(tgwRoute), denied == null ? null : denied.toRangeSet()));
  }

  void pass(Step step, String component, int subnet, String detail) {
    hop(step, component, subnet, Tri.ALLOW, null, detail, null, null, null, null);
  }

  void deny(Step step, String component, int subnet, ExplanationCode code, String detail) {
    outcome = Tri.DENY;
    stop = true;
    if (t.on) {
      hop(step, component, subnet, Tri.DENY, code, detail, null, null, null, null);
    }
  }

  /** Missing data leaves the next hop unknown: the walk ends unknown. */
  void unknown(Step step, String component, int subnet, ExplanationCode code, String detail) {
    outcome = Tri.and(outcome, Tri.UNKNOWN);
    stop = true;
    if (t.on) {
      hop(step, component, subnet, Tri.UNKNOWN, code, detail, null, null, null, null);
    }
  }

  String packet() {
    return src + " -> " + dst + (proto == 6 || proto == 17 ? " port " + keys : "");
  }

  String vpcName(int vpc) {
    return vpc >= 0 ? c.vpcs[vpc].id : "its VPC";
  }

  /**
   * True (and denied) when the packet meets {@code place} (a subnet, a NAT gateway, a transit gateway attachment) a
   * second time in one direction, or has passed {@value #MAX_STEPS} hops: a routing loop.
   */
  boolean loop(Object place, String owner, String id) {
    if (++steps > MAX_STEPS) {
      String name = owner.isEmpty() ? id : owner + "/" + id;
      deny(Step.ROUTE, name, -1, null, "the packet has passed " + MAX_STEPS + " hops: a routing loop");
      return true;
    }
    if (visited == null) {
      visited = new Object[8]; // a walk through a transit gateway and back meets about eight places
      visitedOnReply = new boolean[8];
    }
    for (int i = 0; i < visitedCount; i++) {
      if (visited[i] == place && visitedOnReply[i] == reply) {
        String name = owner.isEmpty() ? id : owner + "/" + id;
        deny(Step.ROUTE, name, -1, null, "the packet comes back to " + name + ": a routing loop");
        return true;
      }
    }
    if (visitedCount == visited.length) {
      visited = java.util.Arrays.copyOf(visited, visitedCount * 2);
      visitedOnReply = java.util.Arrays.copyOf(visitedOnReply, visitedCount * 2);
    }
    visited[visitedCount] = place;
    visitedOnReply[visitedCount++] = reply;
    return false;
  }

  /** The packet is inside subnet {@code s}, sent by something there: route it on. */
  abstract void fromSubnet(int s);

  /** One direction of the ACL of subnet {@code s}. */
  abstract void acl(int s, boolean egress);

  /** The packet arrives in subnet {@code d}: at its destination, or (on the reply) back at the client. */
  abstract void deliver(int d);

  /** The forward packet has arrived (or left AWS): turn round and walk the reply. */
  abstract void startReply();
}
