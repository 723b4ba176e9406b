package dev.sgreach.path;

import com.google.common.collect.ImmutableList;
import dev.sgreach.model.Cidr;
import dev.sgreach.model.NatGateway;
import dev.sgreach.model.NetworkAcl;
import dev.sgreach.model.NetworkInterface;
import dev.sgreach.model.RouteTable;
import dev.sgreach.model.RouteTarget;
import dev.sgreach.model.Traffic;
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
final class Walk extends GatewayHops {
  Walk(CompiledPaths c, Trace t, PathEnd source, PathEnd destination, Traffic traffic, ClientPorts client,
      CompiledPaths.EniInfo sourceEni, CompiledPaths.EniInfo destinationEni) {
    super(c, t, source, destination, traffic, client, sourceEni, destinationEni);
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
    if (sourceEni != null) {
      int s = sourceEni.subnet();
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

  // -------------------------------------------------------------------------------------------------- exemptions

  private boolean exempt() {
    int vpc = -1;
    if (sourceEni != null) {
      vpc = sourceEni.vpc();
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
    int s = v >= 0 ? subnetHolding(v, end.address()) : -1;
    return Math.max(s, -1);
  }

  // -------------------------------------------------------------------------------------------------- origins

  private void fromOutside() {
    int v = c.vpcContaining(src);
    if (v >= 0) {
      int s = subnetHolding(v, src);
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
    int v = destinationEni != null ? destinationEni.vpc() : -1;
    if (v >= 0 && c.vpcs[v].hasExternalWayIn) {
      fromElsewhere(dst + " is private, which the internet does not reach, but " + c.vpcs[v].id
          + " has gateways to networks outside the snapshot");
      return;
    }
    deny(Step.INTERNET, src.toString(), -1, ExplanationCode.IGW_PRIVATE_IP_ASSOCIATION_FOR_INGRESS, dst
        + " is not a public address: from the internet an internet gateway admits packets only to the public or"
        + " Elastic IP of an ENI, or its IPv6 address");
  }

  /** A source outside the snapshot's networks: how it gets in is unknown; what happens inside is still judged. */
  private void fromElsewhere(String reason) {
    int d = destinationEni != null ? destinationEni.subnet() : -1;
    if (d < 0) {
      unknown(Step.ORIGIN, src.toString(), -1, null, reason + ", and the subnet of " + dst + " is not known");
      return;
    }
    outcome = Tri.and(outcome, Tri.UNKNOWN);
    if (t.on) {
      hop(Step.ORIGIN, src.toString(), -1, Tri.UNKNOWN, null, reason + ": " + src + " could arrive through a VPN,"
          + " Direct Connect, peering or transit gateway whose far side is not in the snapshot", null, null, null,
          null);
    }
    acl(d, false);
    if (!stop) {
      deliver(d);
    }
  }

  // -------------------------------------------------------------------------------------------------- subnets

  /** The packet is inside subnet {@code s}, sent by something there. */
  @Override
  void fromSubnet(int s) {
    SubnetInfo si = c.subnets[s];
    if (loop(si, "", si.id)) {
      return;
    }
    if (subnetHolding(si.vpc, dst) == s) {
      if (t.on) {
        pass(Step.SAME_SUBNET, si.id, s, (subnetHolding(si.vpc, src) == s ? src + " and " + dst + " are both in "
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
      case TRANSIT_GATEWAY -> transitGatewayFromSubnet(s, rt.transitGateway(i), target.id());
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
    int d = subnetHolding(si.vpc, dst);
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
  @Override
  void acl(int s, boolean egress) {
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
    Cidr peer = egress ? dst : src;
    if (!t.on) {
      if (!AclTable.allowsAll(c.aclRows[si.acl * 4 + AclTable.rowsSlot(egress, peer.family())], proto, peer, keys)) {
        outcome = Tri.DENY; // a deny of some keys decides the fast answer; only the proof goes on
        stop = true;
      }
      return;
    }
    AclTable a = c.aclTables[si.acl];
    List<AclTable.Part> parts = new ArrayList<>(2);
    PortSet allowed = a.decide(egress, proto, peer, keys, parts);
    boolean all = allowed.equals(keys);
    if (!all) {
      outcome = Tri.DENY;
      if (allowed.isEmpty()) {
        stop = true; // the proof goes on past a partial deny to show what else the allowed keys meet
      }
    }
    List<NetworkAcl.Entry> entries = parts.stream().map(AclTable.Part::entry).toList();
    PortSet denied = keys.minus(allowed);
    hop(step, a.acl.id(), s, all ? Tri.ALLOW : Tri.DENY, all ? null : ExplanationCode.SUBNET_ACL_RESTRICTION,
        aclDetail(parts, denied), entries, null, null, reply && !denied.isEmpty() ? denied : null);
    if (!all) {
      t.fix(Fixes.aclEntry(a, egress, proto, traffic, peer, denied, parts, reply));
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

  @Override
  void deliver(int d) {
    if (!reply) {
      NetworkInterface holder = destination.eni().orElse(null);
      int hs = holder == null ? -1 : destinationEni.subnet();
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
    return replyIcmpType(proto, traffic.icmpType());
  }

  /**
   * The ICMP (protocol 1) or ICMPv6 (58) type of the reply to a message of this type, or -1 for a message that has
   * none: echo, timestamp, information and address-mask requests; ICMPv6 echo.
   */
  static int replyIcmpType(int proto, int type) {
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

  @Override
  void startReply() {
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

}
