package dev.sgreach.path;

import com.google.common.collect.ImmutableList;
import dev.sgreach.model.Cidr;
import dev.sgreach.model.NatGateway;
import dev.sgreach.model.NetworkAcl;
import dev.sgreach.model.Ports;
import dev.sgreach.model.PrefixList;
import dev.sgreach.model.RouteTable;
import dev.sgreach.model.RouteTarget;
import dev.sgreach.model.Traffic;
import dev.sgreach.model.TransitGateway;
import dev.sgreach.model.VpcEndpoint;
import dev.sgreach.model.VpcPeering;
import dev.sgreach.path.CompiledPaths.VpcInfo;
import java.util.List;
import java.util.Optional;

/**
 * The smallest changes that open a denying hop ({@link PathFix}): which ACL entry to add under which rule number, and
 * which target a missing or blackhole route must have. Only targets the snapshot shows can carry the packet are
 * proposed; where none is evident there is no fix and the hop's detail says what is missing.
 */
final class Fixes {
  private Fixes() {}

  /** The fix, or null when an id the snapshot gave is not an id's form (no command is printed with it). */
  private static PathFix valid(java.util.function.Supplier<PathFix> fix) {
    try {
      return fix.get();
    } catch (IllegalArgumentException notAnId) {
      return null;
    }
  }

  /**
   * The entry that admits what the ACL dropped: exactly the dropped keys (spanned by one port range on the reply)
   * from or to the single peer address, numbered below the entry that denied.
   */
  static PathFix aclEntry(AclTable a, boolean egress, int proto, Traffic traffic, Cidr peer, PortSet denied,
      List<AclTable.Part> parts, boolean reply) {
    int blocker = NetworkAcl.MAX_RULE_NUMBER + 1;
    for (AclTable.Part p : parts) {
      if (p.entry().action() == NetworkAcl.Action.DENY) {
        blocker = Math.min(p.entry().ruleNumber(), NetworkAcl.MAX_RULE_NUMBER + 1);
        break;
      }
    }
    int number = ruleNumberBelow(a, egress, blocker);
    if (number < 1 || denied.isEmpty()) {
      return null;
    }
    int low = denied.low(0);
    int high = denied.high(denied.intervals() - 1);
    Ports ports = switch (proto) {
      case 6 -> Ports.tcp(low, high);
      case 17 -> Ports.udp(low, high);
      case 1 -> Ports.icmp(low / 256, low % 256);
      case 58 -> Ports.icmpv6(low / 256, low % 256);
      default -> Ports.protocol(proto);
    };
    NetworkAcl.Entry entry = new NetworkAcl.Entry(number, egress, ports, peer.networkAddress(),
        NetworkAcl.Action.ALLOW);
    return valid(() -> PathFix.aclEntry(a.acl.id(), entry, (reply ? "lets the reply " : "lets ") + traffic.spec()
        + (egress ? " out to " : " in from ") + peer + " past " + a.acl.id()));
  }

  /**
   * A free rule number below {@code blocker}: after the last entry when the final {@code *} rule denied (the next
   * hundred, as AWS's examples count), else just below the entry that denied.
   */
  static int ruleNumberBelow(AclTable a, boolean egress, int blocker) {
    if (blocker > NetworkAcl.MAX_RULE_NUMBER) {
      int highest = a.highestRuleNumber(egress);
      int next = (highest / 100 + 1) * 100;
      if (next <= NetworkAcl.MAX_RULE_NUMBER && !a.hasRuleNumber(egress, next)) {
        return next;
      }
      blocker = NetworkAcl.MAX_RULE_NUMBER + 1;
    }
    for (int n = blocker - 1; n >= 1; n--) {
      if (!a.hasRuleNumber(egress, n)) {
        return n;
      }
    }
    return -1;
  }

  /** The route that gets the packet from subnet {@code s} to {@code dst}, replacing a blackhole when there is one. */
  static PathFix route(CompiledPaths c, int s, RouteLookup rt, Cidr src, Cidr dst, RouteTable.Route blackhole,
      boolean reply) {
    int vpc = c.subnets[s].vpc;
    if (vpc < 0) {
      return null;
    }
    VpcInfo v = c.vpcs[vpc];
    String why = (reply ? "routes the reply to " : "routes ") + dst + " out of " + c.subnets[s].id;
    // a gateway endpoint of this VPC whose service holds the destination
    for (VpcEndpoint e : c.network.vpcEndpoints().values()) {
      if (e.type() == VpcEndpoint.Type.GATEWAY && e.vpcId().equals(v.id) && e.isAvailable()
          && !e.routeTableIds().contains(rt.table.id()) && serviceHolds(c, e, dst)) {
        return valid(() -> PathFix.endpointRouteTable(e.id(), rt.table.id(), why + " through gateway endpoint "
            + e.id()));
      }
    }
    Target target = targetFor(c, s, v, src, dst);
    if (target == null) {
      return null;
    }
    if (blackhole != null) {
      RouteTable.Route r = new RouteTable.Route(blackhole.destination(), blackhole.prefixListId(), target.target,
          RouteTable.State.ACTIVE, RouteTable.Origin.CREATE_ROUTE);
      return valid(() -> PathFix.route(rt.table.id(), r, true, why));
    }
    RouteTable.Route r = new RouteTable.Route(Optional.of(target.block), Optional.empty(), target.target,
        RouteTable.State.ACTIVE, RouteTable.Origin.CREATE_ROUTE);
    return valid(() -> PathFix.route(rt.table.id(), r, false, why));
  }

  private record Target(Cidr block, RouteTarget target) {}

  private static Target targetFor(CompiledPaths c, int s, VpcInfo v, Cidr src, Cidr dst) {
    for (VpcPeering p : c.network.peerings().values()) {
      Optional<String> other = p.isActive() ? p.otherEnd(v.id) : Optional.empty();
      if (other.isPresent()) {
        for (Cidr b : c.blocksOf(other.get(), p)) {
          if (b.contains(dst)) {
            return new Target(b, RouteTarget.of(p.id()));
          }
        }
      }
    }
    int w = c.vpcContaining(dst);
    if (w >= 0) {
      for (TransitGateway g : c.network.transitGateways().values()) {
        if (attached(g, v.id) != null && attached(g, c.vpcs[w].id) != null) {
          for (Cidr b : c.vpcs[w].blocks) {
            if (b.contains(dst)) {
              return new Target(b, RouteTarget.of(g.id()));
            }
          }
        }
      }
      return null;
    }
    if (!Addresses.onInternet(dst)) {
      return null;
    }
    if (dst.isIpv6()) {
      Cidr any = Cidr.parse("::/0");
      if (!v.egressOnlyGateways.isEmpty()) {
        return new Target(any, RouteTarget.of(v.egressOnlyGateways.get(0)));
      }
      return v.internetGateways.isEmpty() ? null : new Target(any, RouteTarget.of(v.internetGateways.get(0)));
    }
    Cidr any = Cidr.parse("0.0.0.0/0");
    if (!v.internetGateways.isEmpty() && c.publicFor(src, c.subnets[s].vpc).verdict() == Tri.ALLOW) {
      return new Target(any, RouteTarget.of(v.internetGateways.get(0)));
    }
    for (NatGateway n : c.network.natGateways().values()) {
      int ns = c.subnetIndex(n.subnetId());
      if (ns >= 0 && ns != s && c.subnets[ns].vpc == c.subnets[s].vpc && n.isAvailable()
          && !n.privateConnectivity()) {
        return new Target(any, RouteTarget.of(n.id()));
      }
    }
    return null;
  }

  private static TransitGateway.Attachment attached(TransitGateway g, String vpcId) {
    for (TransitGateway.Attachment a : g.attachments()) {
      if (a.isVpc() && a.isAvailable() && a.resourceId().equals(vpcId)) {
        return a;
      }
    }
    return null;
  }

  private static boolean serviceHolds(CompiledPaths c, VpcEndpoint e, Cidr dst) {
    for (PrefixList p : c.network.prefixLists().values()) {
      if (p.name().equals(e.serviceName()) && p.entries().isPresent()) {
        for (Cidr b : p.entries().get()) {
          if (b.contains(dst)) {
            return true;
          }
        }
      }
    }
    return false;
  }

  /** A static route in a transit gateway table to the attachment of the VPC that holds the destination. */
  static PathFix transitGatewayRoute(CompiledPaths c, TransitGateway g, String tableId, Cidr dst) {
    int w = c.vpcContaining(dst);
    if (w < 0) {
      return null;
    }
    TransitGateway.Attachment a = attached(g, c.vpcs[w].id);
    if (a == null) {
      return null;
    }
    List<Cidr> blocks = c.vpcs[w].blocks;
    for (Cidr b : blocks) {
      if (b.contains(dst)) {
        return valid(() -> PathFix.transitGatewayRoute(tableId, new TransitGateway.Route(b,
            ImmutableList.of(a.id()), false, false), "routes " + dst + " from " + g.id() + " to " + c.vpcs[w].id));
      }
    }
    return null;
  }
}
