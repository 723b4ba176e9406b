package dev.sgreach.path;

import dev.sgreach.model.Cidr;
import dev.sgreach.model.Traffic;
import dev.sgreach.model.TransitGateway;
import dev.sgreach.model.VpcPeering;
import dev.sgreach.path.CompiledPaths.SubnetInfo;
import dev.sgreach.path.Hop.Step;
import java.util.List;
import java.util.Optional;

/** The hops between VPCs: VPC peerings and transit gateways (DOMAIN-PATH.md section 3). */
abstract class TransitHops extends WalkState {
  TransitHops(CompiledPaths c, Trace t, PathEnd source, PathEnd destination, Traffic traffic, ClientPorts client,
      CompiledPaths.EniInfo sourceEni, CompiledPaths.EniInfo destinationEni) {
    super(c, t, source, destination, traffic, client, sourceEni, destinationEni);
  }

  // -------------------------------------------------------------------------------------------------- peering

  void peering(int s, String id) {
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
    int d = ov < 0 ? CompiledPaths.UNKNOWN_SUBNET : subnetHolding(ov, dst);
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

  /**
   * A packet in subnet {@code s} routed to transit gateway {@code id}, compiled as {@code gw} (null when the snapshot
   * lacks it).
   */
  void transitGatewayFromSubnet(int s, TransitGateways.Gateway gw, String id) {
    SubnetInfo si = c.subnets[s];
    if (gw == null) {
      unknown(Step.TRANSIT_GATEWAY, id, s, ExplanationCode.UNKNOWN_RESOURCE, id + " is not in the snapshot");
      return;
    }
    TransitGateways.Attachment x = si.vpc < 0 ? null : gw.byVpc[si.vpc];
    if (x == null) {
      deny(Step.TRANSIT_GATEWAY, id, s, ExplanationCode.BAD_STATE_ATTACHMENT, vpcName(si.vpc)
          + " has no attachment to " + id);
      return;
    }
    TransitGateway.Attachment a = x.attachment;
    if (!a.isAvailable()) {
      deny(Step.TRANSIT_GATEWAY, a.id(), s, ExplanationCode.BAD_STATE_ATTACHMENT, a.id() + " is " + a.state());
      return;
    }
    if (a.subnetIds().isEmpty()) {
      // AWS gives every VPC attachment a subnet: none means describe-transit-gateway-vpc-attachments is missing
      unknown(Step.TRANSIT_GATEWAY, a.id(), s, ExplanationCode.UNKNOWN_RESOURCE, "the subnets of " + a.id()
          + " are not in the snapshot");
      return;
    }
    int entry = -1;
    boolean zonesKnown = true;
    for (int n : x.subnets) {
      int same = n < 0 ? Tri.UNKNOWN : sameZone(si, c.subnets[n]);
      if (same == Tri.ALLOW) {
        entry = n;
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
    tgwRoute(x, c.subnets[entry]);
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

  /** The packet enters the gateway through attachment {@code in}: its route table sends it on. */
  private void tgwRoute(TransitGateways.Attachment in, SubnetInfo zoneOf) {
    TransitGateway g = in.gateway.gateway;
    TransitGateway.Attachment from = in.attachment;
    if (loop(in, g.id(), from.id())) {
      return;
    }
    if (from.routeTableId().isEmpty()) {
      deny(Step.TRANSIT_GATEWAY, from.id(), -1, ExplanationCode.TGW_ATTACH_MISSING_TGW_RTB_ASSOCIATION, from.id()
          + " is associated with no route table of " + g.id());
      return;
    }
    String tableId = from.routeTableId().get();
    TgwLookup l = in.table;
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
    TransitGateways.Attachment out = l.target(i);
    if (out == null) {
      unknown(Step.TRANSIT_GATEWAY, r.attachmentIds().get(0), -1, ExplanationCode.UNKNOWN_RESOURCE, dst
          + " matches " + r.describe() + ", but that attachment is not in the snapshot");
      return;
    }
    TransitGateway.Attachment y = out.attachment;
    if (!y.isAvailable()) {
      deny(Step.TRANSIT_GATEWAY, y.id(), -1, ExplanationCode.BAD_STATE_ATTACHMENT, y.id() + " is " + y.state());
      return;
    }
    if (t.on) {
      hop(Step.TRANSIT_GATEWAY, tableId, -1, Tri.ALLOW, null, dst + " matches " + r.describe() + " (" + y.resourceType()
          + " " + y.resourceId() + ")", null, null, r, null);
    }
    if (y.isVpc()) {
      enterVpcFromTgw(out, zoneOf);
    } else if (y.isPeering()) {
      TransitGateways.Attachment far = out.peerSide;
      if (far == null) {
        unknown(Step.TRANSIT_GATEWAY, y.resourceId(), -1, ExplanationCode.TGW_RTB_ROUTES_ARE_UNKNOWN, "the far side"
            + " of peering " + y.id() + ", " + y.resourceId() + ", is not in the snapshot");
        return;
      }
      TransitGateway.Attachment there = far.attachment;
      if (!there.isAvailable()) {
        deny(Step.TRANSIT_GATEWAY, there.id(), -1, ExplanationCode.BAD_STATE_ATTACHMENT, there.id() + " is "
            + there.state() + " on " + far.gateway.gateway.id());
        return;
      }
      tgwRoute(far, null);
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
  private void enterVpcFromTgw(TransitGateways.Attachment out, SubnetInfo zoneOf) {
    TransitGateway g = out.gateway.gateway;
    TransitGateway.Attachment y = out.attachment;
    if (out.vpc < 0) {
      unknown(Step.TRANSIT_GATEWAY, y.id(), -1, ExplanationCode.UNKNOWN_RESOURCE, "the far side of " + y.id() + ", "
          + y.resourceId() + ", is not in the snapshot");
      return;
    }
    int pick = -1;
    int[] subnets = out.subnets;
    int first = -1;
    for (int x : subnets) {
      if (x < 0) {
        continue;
      }
      first = first < 0 ? x : first;
      if (zoneOf != null && sameZone(zoneOf, c.subnets[x]) == Tri.ALLOW) {
        pick = x;
      }
    }
    if (first < 0) {
      unknown(Step.TRANSIT_GATEWAY, y.id(), -1, ExplanationCode.UNKNOWN_RESOURCE, "the subnets of " + y.id()
          + " are not in the snapshot");
      return;
    }
    if (pick < 0) {
      pick = first;
      for (int x : subnets) {
        if (x < 0) {
          continue;
        }
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

}
