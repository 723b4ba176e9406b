package dev.sgreach.path;

import com.google.common.collect.ImmutableList;
import dev.sgreach.model.Cidr;
import dev.sgreach.model.InternetGateway;
import dev.sgreach.model.NatGateway;
import dev.sgreach.model.NetworkAcl;
import dev.sgreach.model.NetworkInterface;
import dev.sgreach.model.RouteTable;
import dev.sgreach.model.RouteTarget;
import dev.sgreach.model.Traffic;
import dev.sgreach.model.TransitGateway;
import dev.sgreach.model.VpcEndpoint;
import dev.sgreach.model.VpcPeering;
import dev.sgreach.path.CompiledPaths.PublicOwner;
import dev.sgreach.path.CompiledPaths.SubnetInfo;
import dev.sgreach.path.Hop.Step;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One packet's walk from its source to its destination and its reply's walk back, through every path layer the
 * snapshot covers: the decision code of the path package. Each AWS rule is decided here once, or in the one helper
 * this calls for it ({@link AclTable#decide}, {@link RouteLookup#lookup}, {@link TgwLookup#lookup},
 * {@link Exemptions#of}, {@link Addresses}, {@link CompiledPaths#publicFor}); a {@link Trace} records the hops when
 * explaining and records nothing on the fast path, so both answers come from the same decisions.
 *
 * <p>The order of checks (DOMAIN-PATH.md section 0): the source subnet's route for the destination, its ACL outbound
 * when the packet leaves the subnet, then the hop the route leads to (the local route to the destination subnet, an
 * internet gateway with its public-address translation, an egress-only internet gateway, a NAT gateway and its own
 * subnet's route onward, a peering into the peer VPC, a transit gateway's route table, a gateway endpoint), the
 * destination subnet's ACL inbound, and the delivery. Then the reply, statelessly for ACLs, from the destination to
 * the address it saw, on the client's ephemeral ports (a NAT gateway's own ports between it and the destination),
 * back through the stateful translations in reverse. Packets within one subnet meet no ACL and no route table.
 *
 * <p>Three-valued: a deny stops the walk; missing data that leaves the packet's next hop unknown stops it as unknown;
 * a missing ACL is unknown but the walk goes on, so that a later deny still shows.
 */
final class Walk {
  private static final int MAX_STEPS = 32;
  private static final PortSet NAT_PORTS = PortSet.of(1024, 65535);

  private final CompiledPaths c;
  private final Trace t;
  private final PathEnd source;
  private final PathEnd destination;
  private final Traffic traffic;
  private final ClientPorts client;

  private int outcome = Tri.ALLOW;
  private boolean stop;
  private int steps;

  // the packet
  private boolean reply;
  private int proto;
  private Cidr src;
  private Cidr dst;
  private PortSet keys;

  // what the forward packet did, for the reply
  private Cidr seenSource;
  private boolean arrived;
  private int arrivalSubnet = -1;
  private String exitEndpoint;
  private int exitVpc = -1;
  private List<NatSession> nats = List.of();
  private int egressOnlyVpc = -1;
  /** The places met so far (subnets, NAT gateways, transit gateway attachments) and in which direction. */
  private Object[] visited;
  private boolean[] visitedOnReply;
  private int visitedCount;

  private record NatSession(NatGateway nat, int subnet, Cidr original, Cidr translated) {}

  Walk(CompiledPaths c, Trace t, PathEnd source, PathEnd destination, Traffic traffic, ClientPorts client) {
    this.c = c;
    this.t = t;
    this.source = source;
    this.destination = destination;
    this.traffic = traffic;
    this.client = client;
  }

  /** The source address the destination saw (after NAT and internet gateways), when the packet got there. */
  Optional<Cidr> sourceAsSeen() {
    return Optional.ofNullable(seenSource);
  }

  /** Walks the packet there and its reply back; the three-valued answer. */
  int run() {
    if (!c.acls && !c.routes) {
      return Tri.ALLOW;
    }
    proto = traffic.protocol().number();
    src = source.address();
    dst = destination.address();
    keys = PortSet.single(traffic.key());
    if (exempt()) {
      return outcome;
    }
    if (!c.routes) {
      direct();
      return outcome;
    }
    if (source.eni().isPresent()) {
      int s = c.subnetOf(source.eni().get());
      if (s < 0) {
        unknown(Step.ORIGIN, source.eni().get().id(), -1, ExplanationCode.UNKNOWN_RESOURCE,
            source.eni().get().id() + " names no subnet, so its route table and network ACL are unknown");
        return outcome;
      }
      fromSubnet(s);
    } else {
      fromOutside();
    }
    return outcome;
  }

  // -------------------------------------------------------------------------------------------------- recording

  private void hop(Step step, String component, int subnet, int verdict, ExplanationCode code, String detail,
      List<NetworkAcl.Entry> entries, RouteTable.Route route, TransitGateway.Route tgwRoute, PortSet denied) {
    t.add(reply, new Hop(step, component, subnet >= 0 ? c.subnets[subnet].id : "", Tri.outcome(verdict), detail,
        Optional.ofNullable(code), entries == null ? ImmutableList.of() : ImmutableList.copyOf(entries),
        Optional.ofNullable(route), Optional.ofNullable(tgwRoute), denied == null ? null : denied.toRangeSet()));
  }

  private void pass(Step step, String component, int subnet, String detail) {
    hop(step, component, subnet, Tri.ALLOW, null, detail, null, null, null, null);
  }

  private void deny(Step step, String component, int subnet, ExplanationCode code, String detail) {
    outcome = Tri.DENY;
    stop = true;
    if (t.on) {
      hop(step, component, subnet, Tri.DENY, code, detail, null, null, null, null);
    }
  }

  /** Missing data leaves the next hop unknown: the walk ends unknown. */
  private void unknown(Step step, String component, int subnet, ExplanationCode code, String detail) {
    outcome = Tri.and(outcome, Tri.UNKNOWN);
    stop = true;
    if (t.on) {
      hop(step, component, subnet, Tri.UNKNOWN, code, detail, null, null, null, null);
    }
  }

  private String packet() {
    return src + " -> " + dst + (proto == 6 || proto == 17 ? " port " + keys : "");
  }

  private String vpcName(int vpc) {
    return vpc >= 0 ? c.vpcs[vpc].id : "its VPC";
  }

  /**
   * True (and denied) when the packet meets {@code place} (a subnet, a NAT gateway, a transit gateway attachment) a
   * second time in one direction, or has passed {@value #MAX_STEPS} hops: a routing loop.
   */
  private boolean loop(Object place, String owner, String id) {
    if (++steps > MAX_STEPS) {
      String name = owner.isEmpty() ? id : owner + "/" + id;
      deny(Step.ROUTE, name, -1, null, "the packet has passed " + MAX_STEPS + " hops: a routing loop");
      return true;
    }
    if (visited == null) {
      visited = new Object[4];
      visitedOnReply = new boolean[4];
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

  // -------------------------------------------------------------------------------------------------- exemptions

  private boolean exempt() {
    int vpc = -1;
    if (source.eni().isPresent()) {
      vpc = c.vpcIndex(source.eni().get().vpcId());
    } else {
      int v = c.vpcContaining(src);
      vpc = v >= 0 ? v : -1;
    }
    Exemptions.Exemption x = Exemptions.of(c, vpc, dst, traffic);
    if (x == null) {
      return false;
    }
    outcome = x.verdict();
    stop = true;
    if (t.on) {
      hop(Step.EXEMPT, dst.toString(), -1, x.verdict(), null, x.reason(), null, null, null, null);
    }
    return true;
  }

  // -------------------------------------------------------------------------------------------------- ACL-only mode

  /** Without route tables: the ACLs of the two ends' subnets, both ways, on the direct path. */
  private void direct() {
    int s = endSubnet(source);
    int d = endSubnet(destination);
    if (s >= 0 && s == d) {
      if (t.on) {
        pass(Step.SAME_SUBNET, c.subnets[s].id, s, src + " and " + dst + " are both in " + c.subnets[s].id
            + ": network ACLs are not consulted");
      }
      return;
    }
    if (s >= 0) {
      acl(s, true);
    }
    if (!stop && d >= 0) {
      acl(d, false);
    }
    if (stop || oneWay()) {
      return;
    }
    startReplyPacket(dst, src);
    if (d >= 0) {
      acl(d, true);
    }
    if (!stop && s >= 0) {
      acl(s, false);
    }
  }

  private int endSubnet(PathEnd end) {
    if (end.eni().isPresent()) {
      return c.subnetOf(end.eni().get());
    }
    int v = c.vpcContaining(end.address());
    int s = v >= 0 ? c.subnetHolding(v, end.address()) : -1;
    return Math.max(s, -1);
  }

  // -------------------------------------------------------------------------------------------------- origins

  private void fromOutside() {
    int v = c.vpcContaining(src);
    if (v >= 0) {
      int s = c.subnetHolding(v, src);
      if (s >= 0) {
        if (t.on) {
          pass(Step.ORIGIN, c.subnets[s].id, s, src + " is an address of " + c.subnets[s].id
              + " that no ENI of the snapshot holds: it sends from that subnet");
        }
        fromSubnet(s);
      } else if (s == CompiledPaths.NO_SUBNET) {
        deny(Step.ORIGIN, c.vpcs[v].id, -1, null, src + " lies in the blocks of " + c.vpcs[v].id
            + " but in none of its subnets: nothing can send from there");
      } else {
        unknown(Step.ORIGIN, c.vpcs[v].id, -1, ExplanationCode.UNKNOWN_RESOURCE, src + " lies in the blocks of "
            + c.vpcs[v].id + ", whose subnets are not in the snapshot");
      }
      return;
    }
    if (v == CompiledPaths.SEVERAL) {
      unknown(Step.ORIGIN, src.toString(), -1, null, src + " lies in the blocks of several VPCs of the snapshot:"
          + " which one it sends from is not known");
      return;
    }
    if (Addresses.onInternet(src)) {
      fromInternet();
      return;
    }
    fromElsewhere(src + " is outside every VPC of the snapshot and is not an internet address");
  }

  private void fromInternet() {
    PublicOwner o = c.publicOwner(dst);
    if (o != null) {
      if (t.on) {
        pass(Step.INTERNET, src.toString(), -1, src + " sends across the internet to " + dst);
      }
      arriveFromInternet(o);
      return;
    }
    int v = destination.eni().map(e -> c.vpcIndex(e.vpcId())).orElse(-1);
    if (v >= 0 && c.vpcs[v].hasExternalWayIn) {
      fromElsewhere(dst + " is private, and the internet reaches a VPC only at public addresses; " + src
          + " could still arrive through a gateway of " + c.vpcs[v].id + " whose far side is not in the snapshot");
      return;
    }
    deny(Step.INTERNET, src.toString(), -1, ExplanationCode.IGW_PRIVATE_IP_ASSOCIATION_FOR_INGRESS, dst
        + " is not a public address: from the internet an internet gateway admits packets only to the public or"
        + " Elastic IP of an ENI, or its IPv6 address");
  }

  /** A source outside the snapshot's networks: how it gets in is unknown; what happens inside is still judged. */
  private void fromElsewhere(String reason) {
    int d = destination.eni().map(c::subnetOf).orElse(-1);
    if (d < 0) {
      unknown(Step.ORIGIN, src.toString(), -1, null, reason + ", and the subnet of " + dst + " is not known");
      return;
    }
    outcome = Tri.and(outcome, Tri.UNKNOWN);
    if (t.on) {
      hop(Step.ORIGIN, src.toString(), -1, Tri.UNKNOWN, null, reason + ": it could arrive through a VPN, Direct"
          + " Connect, peering or transit gateway whose far side is not in the snapshot", null, null, null, null);
    }
    acl(d, false);
    if (!stop) {
      deliver(d);
    }
  }

  // -------------------------------------------------------------------------------------------------- subnets

  /** The packet is inside subnet {@code s}, sent by something there. */
  private void fromSubnet(int s) {
    SubnetInfo si = c.subnets[s];
    if (loop(si, "", si.id)) {
      return;
    }
    if (c.subnetHolding(si.vpc, dst) == s) {
      if (t.on) {
        pass(Step.SAME_SUBNET, si.id, s, (c.subnetHolding(si.vpc, src) == s ? src + " and " + dst + " are both in "
            + si.id : dst + " is in " + si.id + ", where the packet is") + ": network ACLs and the route table are"
            + " not consulted");
      }
      deliver(s);
      return;
    }
    if (si.routeTable < 0) {
      unknown(Step.ROUTE, si.id, s, ExplanationCode.UNKNOWN_RESOURCE, si.routeTable == CompiledPaths.AMBIGUOUS
          ? si.id + " is associated with several route tables" : "the route table of " + si.id
          + " is not in the snapshot (no explicit association and no main table of " + vpcName(si.vpc) + ")");
      return;
    }
    RouteLookup rt = c.routeTables[si.routeTable];
    int i = rt.lookup(dst);
    if (i == RouteLookup.UNDECIDED) {
      unknown(Step.ROUTE, rt.table.id(), s, null, rt.unknownPrefixListRoutes().isEmpty()
          ? "two prefix-list routes of equal length match " + dst + " with different targets: AWS picks one"
          : "route " + rt.unknownPrefixListRoutes().get(0).describe() + " names a prefix list whose entries are not"
              + " in the snapshot, and it could be the most specific route for " + dst);
      return;
    }
    if (i == RouteLookup.NO_ROUTE) {
      deny(Step.ROUTE, rt.table.id(), s, ExplanationCode.NO_ROUTE_TO_DESTINATION, "no route of " + rt.table.id()
          + " contains " + dst);
      if (t.on) {
        t.fix(Fixes.route(c, s, rt, src, dst, null, reply));
      }
      return;
    }
    RouteTable.Route route = rt.route(i);
    if (route.state() == RouteTable.State.BLACKHOLE) {
      outcome = Tri.DENY;
      stop = true;
      if (t.on) {
        hop(Step.ROUTE, rt.table.id(), s, Tri.DENY, ExplanationCode.BAD_STATE_ROUTE, dst + " matches "
            + route.describe() + ": its target is gone, so the packet is dropped", null, route, null, null);
        t.fix(Fixes.route(c, s, rt, src, dst, route, reply));
      }
      return;
    }
    if (t.on) {
      hop(Step.ROUTE, rt.table.id(), s, Tri.ALLOW, null, dst + " matches " + route.describe(), null, route, null,
          null);
    }
    RouteTarget target = route.target();
    switch (target.kind()) {
      case LOCAL -> local(s);
      case INTERNET_GATEWAY -> {
        acl(s, true);
        if (!stop) {
          internetGatewayOut(target.id(), si.vpc);
        }
      }
      case EGRESS_ONLY_INTERNET_GATEWAY -> {
        acl(s, true);
        if (!stop) {
          egressOnlyOut(target.id(), si.vpc);
        }
      }
      case NAT_GATEWAY -> natGateway(s, target.id());
      case VPC_PEERING -> {
        acl(s, true);
        if (!stop) {
          peering(s, target.id());
        }
      }
      case TRANSIT_GATEWAY -> transitGatewayFromSubnet(s, target.id());
      case VPC_ENDPOINT -> endpoint(s, route);
      case NETWORK_INTERFACE, INSTANCE -> appliance(s, target);
      default -> {
        acl(s, true);
        if (!stop) {
          unknown(Step.EXTERNAL, target.id(), s, null, "the packet leaves the snapshot through " + target.kind().word()
              + " " + target.id() + ": what lies beyond it is not in the snapshot");
        }
      }
    }
  }

  /** The local route: to the subnet of this VPC that holds the destination. */
  private void local(int s) {
    SubnetInfo si = c.subnets[s];
    acl(s, true);
    if (stop) {
      return;
    }
    int d = c.subnetHolding(si.vpc, dst);
    if (d == CompiledPaths.NO_SUBNET) {
      deny(Step.DELIVERY, vpcName(si.vpc), -1, null, dst + " lies in the blocks of " + vpcName(si.vpc)
          + " but in none of its subnets: the VPC drops it");
      return;
    }
    if (d < 0) {
      unknown(Step.DELIVERY, vpcName(si.vpc), -1, ExplanationCode.UNKNOWN_RESOURCE, "which subnet of "
          + vpcName(si.vpc) + " holds " + dst + " is not in the snapshot");
      return;
    }
    acl(d, false);
    if (!stop) {
      deliver(d);
    }
  }

  /** One direction of the ACL of subnet {@code s}: outbound checks the destination, inbound the source. */
  private void acl(int s, boolean egress) {
    if (!c.acls) {
      return;
    }
    SubnetInfo si = c.subnets[s];
    Step step = egress ? Step.ACL_OUTBOUND : Step.ACL_INBOUND;
    if (si.acl < 0) {
      outcome = Tri.and(outcome, Tri.UNKNOWN);
      if (t.on) {
        hop(step, si.id, s, Tri.UNKNOWN, ExplanationCode.UNKNOWN_RESOURCE, si.acl == CompiledPaths.AMBIGUOUS
            ? si.id + " is associated with several network ACLs" : "the network ACL of " + si.id
            + " is not in the snapshot (no association and no default ACL of " + vpcName(si.vpc) + ")", null,
            null, null, null);
      }
      return;
    }
    AclTable a = c.aclTables[si.acl];
    Cidr peer = egress ? dst : src;
    List<AclTable.Part> parts = t.on ? new ArrayList<>(2) : null;
    PortSet allowed = a.decide(egress, proto, peer, keys, parts);
    boolean all = allowed.equals(keys);
    if (!all) {
      outcome = Tri.DENY;
      if (allowed.isEmpty()) {
        stop = true;
      }
    }
    if (t.on) {
      List<NetworkAcl.Entry> entries = parts.stream().map(AclTable.Part::entry).toList();
      PortSet denied = keys.minus(allowed);
      hop(step, a.acl.id(), s, all ? Tri.ALLOW : Tri.DENY, all ? null : ExplanationCode.SUBNET_ACL_RESTRICTION,
          aclDetail(parts, denied), entries, null, null, reply && !denied.isEmpty() ? denied : null);
      if (!all) {
        t.fix(Fixes.aclEntry(a, egress, proto, traffic, peer, denied, parts, reply));
      }
    }
  }

  private String aclDetail(List<AclTable.Part> parts, PortSet denied) {
    StringBuilder b = new StringBuilder(packet());
    boolean ports = proto == 6 || proto == 17;
    for (AclTable.Part p : parts) {
      b.append("; ");
      if (ports && parts.size() > 1) {
        b.append("ports ").append(p.keys()).append(": ");
      }
      b.append(p.entry().action() == NetworkAcl.Action.ALLOW ? "allowed by " : "denied by ")
          .append(p.entry().describe());
    }
    if (reply && ports && !denied.isEmpty()) {
      b.append(" (the reply is denied for ports ").append(denied).append(" of ").append(keys).append(')');
    }
    return b.toString();
  }

  // -------------------------------------------------------------------------------------------------- delivery

  private void deliver(int d) {
    if (!reply) {
      NetworkInterface holder = destination.eni().orElse(null);
      int hs = holder == null ? -1 : c.subnetOf(holder);
      if (hs >= 0 && hs != d) {
        deny(Step.DELIVERY, c.subnets[d].id, d, null, "the packet for " + dst + " reaches " + c.subnets[d].id
            + ", but " + holder.id() + " is in " + c.subnets[hs].id + ": another holder of that address gets it");
        return;
      }
      NatGateway nat = c.natAt(dst, d);
      if (nat != null) {
        deny(Step.DELIVERY, nat.id(), d, null, dst + " is " + nat.id() + "'s own address: a NAT gateway answers"
            + " no connection addressed to it, it only forwards what is routed through it");
        return;
      }
      if (holder == null) {
        SubnetInfo si = c.subnets[d];
        if (si.subnet != null && si.subnet.cidrs().stream().anyMatch(b -> Addresses.reservedIn(b, dst))) {
          unknown(Step.DELIVERY, si.id, d, null, dst + " is an address AWS reserves in " + si.id
              + " (network, VPC router, DNS, future use or last address): what answers there is not documented");
        } else {
          deny(Step.DELIVERY, si.id, d, null, "no network interface of the snapshot holds " + dst + " in " + si.id);
        }
        return;
      }
      if (t.on) {
        pass(Step.DELIVERY, holder.id(), d, "arrives at " + holder.id() + " (" + dst + ") from " + src);
      }
      seenSource = src;
      arrived = true;
      arrivalSubnet = d;
      startReply();
      return;
    }
    if (!nats.isEmpty()) {
      NatSession n = nats.get(nats.size() - 1);
      if (dst.equals(n.translated()) && d == n.subnet()) {
        natReverse(n);
        return;
      }
    }
    if (dst.equals(source.address())) {
      if (t.on) {
        pass(Step.DELIVERY, source.eni().map(NetworkInterface::id).orElse(dst.toString()), d,
            "the reply arrives at " + source.label() + " from " + src);
      }
      return;
    }
    deny(Step.DELIVERY, dst.toString(), d, null, "the reply goes to " + dst + ", not to the client "
        + source.address());
  }

  // -------------------------------------------------------------------------------------------------- the reply

  private boolean oneWay() {
    if (proto == 1 || proto == 58) {
      return replyIcmpType() < 0;
    }
    return false;
  }

  /** The ICMP type of the reply to the asked ICMP message, or -1 for a message that has none. */
  private int replyIcmpType() {
    int type = traffic.icmpType();
    if (proto == 1) {
      return switch (type) {
        case 8 -> 0;
        case 13 -> 14;
        case 15 -> 16;
        case 17 -> 18;
        default -> -1;
      };
    }
    return type == 128 ? 129 : -1;
  }

  private void startReplyPacket(Cidr from, Cidr to) {
    reply = true;
    src = from;
    dst = to;
    if (proto == 6 || proto == 17) {
      keys = nats.isEmpty() ? client.keys() : NAT_PORTS;
    } else if (proto == 1 || proto == 58) {
      keys = PortSet.single(replyIcmpType() * 256);
    }
  }

  private void startReply() {
    if (stop) {
      return;
    }
    if (oneWay()) {
      if (t.on) {
        t.add(true, new Hop(Step.DELIVERY, "", "", Tri.outcome(Tri.ALLOW), traffic.protocol().awsName() + " type "
            + traffic.icmpType() + " has no reply to check", Optional.empty(), ImmutableList.of(), Optional.empty(),
            Optional.empty(), null));
      }
      return;
    }
    Cidr from = dst;
    startReplyPacket(from, seenSource);
    if (arrived) {
      fromSubnet(arrivalSubnet);
    } else if (exitEndpoint != null) {
      arriveViaEndpoint();
    } else {
      PublicOwner o = c.publicOwner(dst);
      if (o == null) {
        unknown(Step.INTERNET, dst.toString(), -1, null, "where the internet sends the reply to " + dst
            + " is not in the snapshot");
        return;
      }
      if (t.on) {
        pass(Step.INTERNET, src.toString(), -1, "the reply crosses the internet back to " + dst);
      }
      arriveFromInternet(o);
    }
  }

  // -------------------------------------------------------------------------------------------------- internet

  private void internetGatewayOut(String id, int vpc) {
    InternetGateway g = c.network.internetGateways().get(id);
    if (g != null && vpc >= 0 && !g.isAttachedTo(c.vpcs[vpc].id)) {
      deny(Step.INTERNET_GATEWAY, id, -1, ExplanationCode.BAD_STATE_ATTACHMENT, id + " is not attached to "
          + vpcName(vpc));
      return;
    }
    if (dst.isIpv4()) {
      ExplanationCode problem = Addresses.internetProblem(dst);
      if (problem != null || Addresses.notInternet(dst)) {
        deny(Step.INTERNET_GATEWAY, id, -1, problem, dst + " is not an internet address: an internet gateway"
            + " does not send to private, shared, loopback, link-local or multicast space");
        return;
      }
      CompiledPaths.PublicAddress p = c.publicFor(src, vpc);
      if (p.verdict() == Tri.DENY) {
        deny(Step.INTERNET_GATEWAY, id, -1, ExplanationCode.IGW_PUBLIC_IP_ASSOCIATION_FOR_EGRESS, src
            + " has no public or Elastic IP, so " + id + " does not pass it to the internet");
        return;
      }
      if (p.verdict() == Tri.UNKNOWN) {
        unknown(Step.INTERNET_GATEWAY, id, -1, null, "the snapshot does not say which private address of the ENI"
            + " holding " + src + " its public addresses belong to");
        return;
      }
      if (t.on) {
        pass(Step.INTERNET_GATEWAY, id, -1, "translates the source " + src + " to its public address "
            + p.address());
      }
      src = p.address();
    } else {
      if (!Addresses.isGlobalIpv6(dst) || !Addresses.isGlobalIpv6(src)) {
        deny(Step.INTERNET_GATEWAY, id, -1, null, "an internet gateway carries IPv6 only between global unicast"
            + " addresses (2000::/3), and " + (Addresses.isGlobalIpv6(dst) ? src : dst) + " is not one");
        return;
      }
      if (t.on) {
        pass(Step.INTERNET_GATEWAY, id, -1, "passes " + src + " to the internet unchanged (IPv6)");
      }
    }
    toInternet();
  }

  private void egressOnlyOut(String id, int vpc) {
    InternetGateway g = c.network.internetGateways().get(id);
    if (dst.isIpv4()) {
      deny(Step.EGRESS_ONLY_INTERNET_GATEWAY, id, -1, null, "an egress-only internet gateway carries IPv6 only");
      return;
    }
    if (g != null && vpc >= 0 && !g.isAttachedTo(c.vpcs[vpc].id)) {
      deny(Step.EGRESS_ONLY_INTERNET_GATEWAY, id, -1, ExplanationCode.BAD_STATE_ATTACHMENT, id
          + " is not attached to " + vpcName(vpc));
      return;
    }
    if (!Addresses.isGlobalIpv6(dst) || !Addresses.isGlobalIpv6(src)) {
      deny(Step.EGRESS_ONLY_INTERNET_GATEWAY, id, -1, null, "it carries IPv6 only between global unicast"
          + " addresses (2000::/3), and " + (Addresses.isGlobalIpv6(dst) ? src : dst) + " is not one");
      return;
    }
    if (t.on) {
      pass(Step.EGRESS_ONLY_INTERNET_GATEWAY, id, -1, "passes " + src + " out unchanged; only replies come back"
          + " in");
    }
    if (!reply) {
      egressOnlyVpc = vpc;
    }
    toInternet();
  }

  private void toInternet() {
    if (reply) {
      if (!src.equals(destination.address())) {
        deny(Step.INTERNET, dst.toString(), -1, null, "the reply leaves with source " + src + ", but "
            + source.address() + " sent to " + destination.address() + ", so it drops the reply");
        return;
      }
      if (t.on) {
        pass(Step.INTERNET, dst.toString(), -1, "the reply crosses the internet to " + dst);
      }
      return;
    }
    PublicOwner o = c.publicOwner(dst);
    if (o != null) {
      if (t.on) {
        pass(Step.INTERNET, dst.toString(), -1, dst + " belongs to " + (o.eni() != null ? o.eni().id()
            : o.nat().id()) + ": back in through its VPC's internet gateway");
      }
      arriveFromInternet(o);
      return;
    }
    if (t.on) {
      pass(Step.INTERNET, dst.toString(), -1, "leaves AWS for " + dst + " on the internet");
    }
    seenSource = src;
    startReply();
  }

  /** A packet from the internet to a public address (or IPv6 address) that something in the snapshot owns. */
  private void arriveFromInternet(PublicOwner o) {
    int vpc = o.vpc();
    if (vpc < 0) {
      unknown(Step.INTERNET_GATEWAY, dst.toString(), -1, ExplanationCode.UNKNOWN_RESOURCE, "the VPC of " + dst
          + " is not in the snapshot");
      return;
    }
    if (src.isIpv4() && Addresses.internetProblem(src) != null) {
      deny(Step.INTERNET_GATEWAY, c.vpcs[vpc].id, -1, ExplanationCode.IGW_SOURCE_ADDRESS_NOT_IN_RFC1918_INGRESS,
          src + " is private or shared space, which never arrives from the internet");
      return;
    }
    List<String> igws = c.vpcs[vpc].internetGateways;
    if (reply && dst.isIpv6() && egressOnlyVpc == vpc && !c.vpcs[vpc].egressOnlyGateways.isEmpty()) {
      if (t.on) {
        pass(Step.EGRESS_ONLY_INTERNET_GATEWAY, c.vpcs[vpc].egressOnlyGateways.get(0), -1, "lets the reply back"
            + " in to " + dst);
      }
    } else if (igws.isEmpty()) {
      deny(Step.INTERNET_GATEWAY, c.vpcs[vpc].id, -1, null, c.vpcs[vpc].id + " has no internet gateway"
          + (dst.isIpv6() && !c.vpcs[vpc].egressOnlyGateways.isEmpty() ? " (its egress-only internet gateway "
              + c.vpcs[vpc].egressOnlyGateways.get(0) + " admits no connection from the internet)" : ""));
      return;
    } else {
      String igw = igws.get(0);
      if (dst.isIpv4()) {
        if (o.privateAddress() == null) {
          unknown(Step.INTERNET_GATEWAY, igw, -1, null, "the snapshot does not say which private address of "
              + o.eni().id() + " its public address " + dst + " belongs to");
          return;
        }
        if (t.on) {
          pass(Step.INTERNET_GATEWAY, igw, -1, "translates the destination " + dst + " to "
              + o.privateAddress());
        }
        dst = o.privateAddress();
      } else if (t.on) {
        pass(Step.INTERNET_GATEWAY, igw, -1, "passes " + dst + " in unchanged (IPv6)");
      }
      RouteLookup edge = c.edgeTable(igw);
      if (edge != null && !edgeRouteIsLocal(edge, igw)) {
        return;
      }
    }
    int d = o.subnet();
    if (d < 0) {
      unknown(Step.DELIVERY, dst.toString(), -1, ExplanationCode.UNKNOWN_RESOURCE, "the subnet of " + dst
          + " is not in the snapshot");
      return;
    }
    acl(d, false);
    if (!stop) {
      deliver(d);
    }
  }

  /** Ingress routing: a gateway route table routes what enters through the gateway; true when it goes local. */
  private boolean edgeRouteIsLocal(RouteLookup edge, String gateway) {
    int i = edge.lookup(dst);
    if (i < 0) {
      unknown(Step.ROUTE, edge.table.id(), -1, null, "the gateway route table " + edge.table.id() + " of "
          + gateway + (i == RouteLookup.NO_ROUTE ? " has no route for " : " cannot decide a route for ") + dst);
      return false;
    }
    RouteTable.Route r = edge.route(i);
    if (r.target().kind() == RouteTarget.Kind.LOCAL && r.state() == RouteTable.State.ACTIVE) {
      if (t.on) {
        hop(Step.ROUTE, edge.table.id(), -1, Tri.ALLOW, null, "the gateway route table sends " + dst + " on by "
            + r.describe(), null, r, null, null);
      }
      return true;
    }
    if (r.state() == RouteTable.State.BLACKHOLE) {
      deny(Step.ROUTE, edge.table.id(), -1, ExplanationCode.BAD_STATE_ROUTE, "the gateway route table sends "
          + dst + " to " + r.describe());
      return false;
    }
    unknown(Step.APPLIANCE, r.target().id(), -1, null, "the gateway route table " + edge.table.id()
        + " sends what enters through " + gateway + " to " + r.target() + ": what that appliance forwards is not in"
        + " the snapshot");
    return false;
  }

  // -------------------------------------------------------------------------------------------------- NAT gateways

  private void natGateway(int s, String id) {
    NatGateway n = c.network.natGateways().get(id);
    if (n == null) {
      acl(s, true);
      if (!stop) {
        unknown(Step.NAT_GATEWAY, id, s, ExplanationCode.UNKNOWN_RESOURCE, id + " is not in the snapshot");
      }
      return;
    }
    int ns = c.subnetIndex(n.subnetId());
    if (ns < 0) {
      acl(s, true);
      if (!stop) {
        unknown(Step.NAT_GATEWAY, id, s, ExplanationCode.UNKNOWN_RESOURCE, "the subnet of " + id
            + " is not in the snapshot");
      }
      return;
    }
    if (ns != s) {
      acl(s, true);
      if (stop) {
        return;
      }
      acl(ns, false);
      if (stop) {
        return;
      }
    }
    if (!n.isAvailable()) {
      deny(Step.NAT_GATEWAY, id, ns, ExplanationCode.BAD_STATE, id + " is " + n.state());
      return;
    }
    if (reply) {
      deny(Step.NAT_GATEWAY, id, ns, null, "the reply would leave through " + id + ", which gives it a new source:"
          + " " + source.address() + ", which sent to " + destination.address() + ", drops it");
      return;
    }
    if (proto != 6 && proto != 17 && proto != 1) {
      deny(Step.NAT_GATEWAY, id, ns, ExplanationCode.PROTOCOL_RESTRICTION, "a NAT gateway carries TCP, UDP and"
          + " ICMP only, not " + traffic.protocol().displayName());
      return;
    }
    if (dst.isIpv6() || n.addresses().isEmpty()) {
      unknown(Step.NAT_GATEWAY, id, ns, null, dst.isIpv6() ? "IPv6 through a NAT gateway (NAT64) is not modelled"
          : id + " has no address in the snapshot");
      return;
    }
    if (loop(n, "", id)) {
      return;
    }
    Cidr natIp = n.addresses().get(0).privateIp();
    if (t.on) {
      pass(Step.NAT_GATEWAY, id, ns, "rewrites the source " + src + " to its own address " + natIp
          + " (source ports 1024-65535)");
    }
    if (nats.isEmpty()) {
      nats = new ArrayList<>(1);
    }
    nats.add(new NatSession(n, ns, src, natIp));
    src = natIp;
    fromSubnet(ns);
  }

  private void natReverse(NatSession n) {
    if (t.on) {
      pass(Step.NAT_GATEWAY, n.nat().id(), n.subnet(), "translates the reply back to " + n.original()
          + (proto == 6 || proto == 17 ? " and its ports back to the client's" : ""));
    }
    nats.remove(nats.size() - 1);
    dst = n.original();
    if (proto == 6 || proto == 17) {
      keys = nats.isEmpty() ? client.keys() : NAT_PORTS;
    }
    fromSubnet(n.subnet());
  }

  // -------------------------------------------------------------------------------------------------- peering

  private void peering(int s, String id) {
    VpcPeering p = c.network.peerings().get(id);
    if (p == null) {
      unknown(Step.VPC_PEERING, id, s, ExplanationCode.UNKNOWN_RESOURCE, id + " is not in the snapshot");
      return;
    }
    if (!p.isActive()) {
      deny(Step.VPC_PEERING, id, s, ExplanationCode.BAD_STATE, id + " is " + p.status());
      return;
    }
    String here = vpcName(c.subnets[s].vpc);
    Optional<String> other = p.otherEnd(here);
    if (other.isEmpty()) {
      unknown(Step.VPC_PEERING, id, s, null, id + " does not join " + here);
      return;
    }
    List<Cidr> blocks = c.blocksOf(other.get(), p);
    if (blocks.isEmpty()) {
      unknown(Step.VPC_PEERING, id, s, ExplanationCode.UNKNOWN_RESOURCE, "the blocks of " + other.get()
          + " are not in the snapshot");
      return;
    }
    if (!CompiledPaths.anyContains(blocks, dst)) {
      deny(Step.VPC_PEERING, id, s, ExplanationCode.PCX_REQUIRES_ADDRESS_IN_VPC_CIDR, dst + " is not in the blocks"
          + " of " + other.get() + ": a peering carries only packets addressed to the peer VPC");
      return;
    }
    if (t.on) {
      pass(Step.VPC_PEERING, id, s, "carries " + dst + " from " + here + " into " + other.get());
    }
    int ov = c.vpcIndex(other.get());
    int d = ov < 0 ? CompiledPaths.UNKNOWN_SUBNET : c.subnetHolding(ov, dst);
    if (d == CompiledPaths.NO_SUBNET) {
      deny(Step.DELIVERY, other.get(), -1, null, dst + " lies in the blocks of " + other.get()
          + " but in none of its subnets: the VPC drops it");
      return;
    }
    if (d < 0) {
      unknown(Step.VPC_PEERING, id, s, ExplanationCode.UNKNOWN_RESOURCE, "the far side of " + id + ", "
          + other.get() + ", is not in the snapshot");
      return;
    }
    acl(d, false);
    if (!stop) {
      deliver(d);
    }
  }

  // -------------------------------------------------------------------------------------------------- transit gateways

  private void transitGatewayFromSubnet(int s, String id) {
    TransitGateway g = c.network.transitGateways().get(id);
    SubnetInfo si = c.subnets[s];
    if (g == null) {
      unknown(Step.TRANSIT_GATEWAY, id, s, ExplanationCode.UNKNOWN_RESOURCE, id + " is not in the snapshot");
      return;
    }
    String vpc = vpcName(si.vpc);
    TransitGateway.Attachment a = null;
    for (TransitGateway.Attachment x : g.attachments()) {
      if (x.isVpc() && x.resourceId().equals(vpc) && (a == null || x.isAvailable())) {
        a = x;
      }
    }
    if (a == null) {
      deny(Step.TRANSIT_GATEWAY, id, s, ExplanationCode.BAD_STATE_ATTACHMENT, vpc + " has no attachment to " + id);
      return;
    }
    if (!a.isAvailable()) {
      deny(Step.TRANSIT_GATEWAY, a.id(), s, ExplanationCode.BAD_STATE_ATTACHMENT, a.id() + " is " + a.state());
      return;
    }
    int entry = -1;
    boolean zonesKnown = true;
    for (String sub : a.subnetIds()) {
      int x = c.subnetIndex(sub);
      int same = x < 0 ? Tri.UNKNOWN : sameZone(si, c.subnets[x]);
      if (same == Tri.ALLOW) {
        entry = x;
        break;
      }
      zonesKnown &= same == Tri.DENY;
    }
    if (entry < 0) {
      if (!zonesKnown) {
        unknown(Step.TRANSIT_GATEWAY, a.id(), s, null, "the availability zones of " + si.id + " and of the subnets"
            + " of " + a.id() + " are not all in the snapshot");
      } else {
        deny(Step.TRANSIT_GATEWAY, a.id(), s, ExplanationCode.TGW_ROUTE_AZ_RESTRICTION, a.id() + " has no subnet in "
            + zone(si) + ", the zone of " + si.id + ", so the route to " + id + " is not followed");
      }
      return;
    }
    acl(s, true);
    if (stop) {
      return;
    }
    acl(entry, false);
    if (stop) {
      return;
    }
    if (t.on) {
      pass(Step.TRANSIT_GATEWAY, a.id(), entry, "enters " + id + " through " + a.id() + " in "
          + c.subnets[entry].id);
    }
    tgwRoute(g, a, c.subnets[entry]);
  }

  private static String zone(SubnetInfo s) {
    return s.zoneId.isEmpty() ? s.zoneName : s.zoneId;
  }

  /** Whether two subnets are in one zone: by zone id when both are known, else by name; unknown otherwise. */
  private static int sameZone(SubnetInfo a, SubnetInfo b) {
    if (!a.zoneId.isEmpty() && !b.zoneId.isEmpty()) {
      return a.zoneId.equals(b.zoneId) ? Tri.ALLOW : Tri.DENY;
    }
    if (!a.zoneName.isEmpty() && !b.zoneName.isEmpty()) {
      return a.zoneName.equals(b.zoneName) ? Tri.ALLOW : Tri.DENY;
    }
    return Tri.UNKNOWN;
  }

  private void tgwRoute(TransitGateway g, TransitGateway.Attachment from, SubnetInfo zoneOf) {
    if (loop(from, g.id(), from.id())) {
      return;
    }
    if (from.routeTableId().isEmpty()) {
      deny(Step.TRANSIT_GATEWAY, from.id(), -1, ExplanationCode.TGW_ATTACH_MISSING_TGW_RTB_ASSOCIATION, from.id()
          + " is associated with no route table of " + g.id());
      return;
    }
    String tableId = from.routeTableId().get();
    TgwLookup l = c.tgwTable(g.id(), tableId);
    if (l == null) {
      unknown(Step.TRANSIT_GATEWAY, tableId, -1, ExplanationCode.TGW_RTB_ROUTES_ARE_UNKNOWN, "the routes of "
          + tableId + " (" + g.id() + ") are not in the snapshot");
      return;
    }
    int i = l.lookup(dst);
    if (i == TgwLookup.UNDECIDED) {
      unknown(Step.TRANSIT_GATEWAY, tableId, -1, ExplanationCode.TGW_RTB_ROUTES_ARE_UNKNOWN, l.unknownRoutes
          .orElse("two routes of " + tableId + " to different attachments match " + dst + " equally"));
      return;
    }
    if (i == TgwLookup.NO_ROUTE) {
      deny(Step.TRANSIT_GATEWAY, tableId, -1, ExplanationCode.TGW_RTB_CANNOT_ROUTE, "no route of " + tableId
          + " (" + g.id() + ") contains " + dst);
      if (t.on) {
        t.fix(Fixes.transitGatewayRoute(c, g, tableId, dst));
      }
      return;
    }
    TransitGateway.Route r = l.route(i);
    if (r.blackhole()) {
      outcome = Tri.DENY;
      stop = true;
      if (t.on) {
        hop(Step.TRANSIT_GATEWAY, tableId, -1, Tri.DENY, ExplanationCode.TGW_RTB_BAD_STATE_ROUTE, dst + " matches "
            + r.describe() + ", which drops it", null, null, r, null);
      }
      return;
    }
    if (r.attachmentIds().size() > 1) {
      unknown(Step.TRANSIT_GATEWAY, tableId, -1, null, dst + " matches " + r.describe() + ": which of its"
          + " attachments carries a given flow (ECMP) is not known");
      return;
    }
    TransitGateway.Attachment y = c.attachment(g, r.attachmentIds().get(0));
    if (y == null) {
      unknown(Step.TRANSIT_GATEWAY, r.attachmentIds().get(0), -1, ExplanationCode.UNKNOWN_RESOURCE, dst
          + " matches " + r.describe() + ", but that attachment is not in the snapshot");
      return;
    }
    if (!y.isAvailable()) {
      deny(Step.TRANSIT_GATEWAY, y.id(), -1, ExplanationCode.BAD_STATE_ATTACHMENT, y.id() + " is " + y.state());
      return;
    }
    if (t.on) {
      hop(Step.TRANSIT_GATEWAY, tableId, -1, Tri.ALLOW, null, dst + " matches " + r.describe() + " (" + y.resourceType()
          + " " + y.resourceId() + ")", null, null, r, null);
    }
    if (y.isVpc()) {
      enterVpcFromTgw(g, y, zoneOf);
    } else if (y.isPeering()) {
      TransitGateway peer = c.network.transitGateways().get(y.resourceId());
      TransitGateway.Attachment there = peer == null ? null : c.attachment(peer, y.id());
      if (there == null) {
        unknown(Step.TRANSIT_GATEWAY, y.resourceId(), -1, ExplanationCode.TGW_RTB_ROUTES_ARE_UNKNOWN, "the far side"
            + " of peering " + y.id() + ", " + y.resourceId() + ", is not in the snapshot");
        return;
      }
      if (!there.isAvailable()) {
        deny(Step.TRANSIT_GATEWAY, there.id(), -1, ExplanationCode.BAD_STATE_ATTACHMENT, there.id() + " is "
            + there.state() + " on " + peer.id());
        return;
      }
      tgwRoute(peer, there, null);
    } else {
      unknown(Step.EXTERNAL, y.id(), -1, null, "the packet leaves AWS through " + y.id() + " (" + y.resourceType()
          + " " + y.resourceId() + "): what lies beyond it is not in the snapshot");
    }
  }

  /**
   * Into a VPC from a transit gateway: through the attachment subnet in the zone the packet came from (AWS keeps a
   * flow in its zone), else, when there is none, through any of them, which is decided only when they all route and
   * filter alike. That subnet's route table routes it on; its ACL is not consulted inbound.
   */
  private void enterVpcFromTgw(TransitGateway g, TransitGateway.Attachment y, SubnetInfo zoneOf) {
    int v = c.vpcIndex(y.resourceId());
    if (v < 0) {
      unknown(Step.TRANSIT_GATEWAY, y.id(), -1, ExplanationCode.UNKNOWN_RESOURCE, "the far side of " + y.id() + ", "
          + y.resourceId() + ", is not in the snapshot");
      return;
    }
    int pick = -1;
    List<Integer> candidates = new ArrayList<>();
    for (String sub : y.subnetIds()) {
      int x = c.subnetIndex(sub);
      if (x < 0) {
        continue;
      }
      candidates.add(x);
      if (zoneOf != null && sameZone(zoneOf, c.subnets[x]) == Tri.ALLOW) {
        pick = x;
      }
    }
    if (candidates.isEmpty()) {
      unknown(Step.TRANSIT_GATEWAY, y.id(), -1, ExplanationCode.UNKNOWN_RESOURCE, "the subnets of " + y.id()
          + " are not in the snapshot");
      return;
    }
    if (pick < 0) {
      pick = candidates.get(0);
      for (int x : candidates) {
        SubnetInfo a = c.subnets[x];
        SubnetInfo b = c.subnets[pick];
        if (c.acls && (a.acl != b.acl || a.acl < 0) || a.routeTable != b.routeTable || a.routeTable < 0) {
          unknown(Step.TRANSIT_GATEWAY, y.id(), -1, null, y.id() + " has no subnet in the zone the packet came"
              + " from, and its subnets " + b.id + " and " + a.id + " filter or route differently");
          return;
        }
      }
    }
    if (t.on) {
      pass(Step.TRANSIT_GATEWAY, y.id(), pick, "enters " + y.resourceId() + " from " + g.id() + " through "
          + c.subnets[pick].id);
    }
    fromSubnet(pick);
  }

  // -------------------------------------------------------------------------------------------------- endpoints

  private void endpoint(int s, RouteTable.Route route) {
    String id = route.target().id();
    VpcEndpoint e = c.network.vpcEndpoints().get(id);
    boolean gateway = e != null ? e.type() == VpcEndpoint.Type.GATEWAY : route.prefixListId().isPresent();
    if (!gateway) {
      appliance(s, route.target());
      return;
    }
    if (e != null && !e.isAvailable()) {
      deny(Step.GATEWAY_ENDPOINT, id, s, ExplanationCode.BAD_STATE, id + " is " + e.state());
      return;
    }
    boolean echo = proto == 1 && traffic.icmpType() == 8; // the request, or its reply
    if (proto != 6 && !echo) {
      deny(Step.GATEWAY_ENDPOINT, id, s, ExplanationCode.VPCE_GATEWAY_PROTOCOL_RESTRICTION, "a gateway endpoint"
          + " carries TCP and ICMP echo only, not " + traffic.protocol().displayName());
      return;
    }
    acl(s, true);
    if (stop) {
      return;
    }
    if (reply) {
      deny(Step.GATEWAY_ENDPOINT, id, s, null, "the reply would leave through gateway endpoint " + id + ", not the"
          + " way " + source.address() + "'s packet came");
      return;
    }
    if (t.on) {
      pass(Step.GATEWAY_ENDPOINT, id, s, "carries " + dst + " to " + (e == null ? "the service of "
          + route.destinationText() : e.serviceName()));
    }
    seenSource = src;
    exitEndpoint = id;
    exitVpc = c.subnets[s].vpc;
    startReply();
  }

  private void arriveViaEndpoint() {
    int d = c.subnetHolding(exitVpc, dst);
    if (d < 0) {
      unknown(Step.GATEWAY_ENDPOINT, exitEndpoint, -1, ExplanationCode.UNKNOWN_RESOURCE, "the subnet of " + dst
          + " is not in the snapshot");
      return;
    }
    if (t.on) {
      pass(Step.GATEWAY_ENDPOINT, exitEndpoint, d, "the service's reply comes back through " + exitEndpoint);
    }
    acl(d, false);
    if (!stop) {
      deliver(d);
    }
  }

  private void appliance(int s, RouteTarget target) {
    acl(s, true);
    if (!stop) {
      unknown(Step.APPLIANCE, target.id(), s, null, "the route sends " + dst + " to " + target.kind().word() + " "
          + target.id() + ", an appliance: what it forwards is its own configuration, not in the snapshot");
    }
  }
}
