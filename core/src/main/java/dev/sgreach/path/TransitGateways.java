package dev.sgreach.path;

import dev.sgreach.model.Network;
import dev.sgreach.model.TransitGateway;
import java.util.HashMap;
import java.util.Map;

/**
 * The snapshot's transit gateways compiled for the walk: each gateway with its attachments and, per VPC, the VPC
 * attachment that VPC's subnets route into; each attachment with its VPC's and subnets' indexes, its associated route
 * table compiled ({@link TgwLookup}, whose routes in turn name their target attachments) and, for a peering
 * attachment, the same attachment on the peer gateway. A walk through transit gateways then follows references and
 * looks nothing up by id (on a region each look-up is a cache miss, and a walk there and back makes a dozen).
 * Built once with the compiled network; what the snapshot lacks is null here, and the walk says unknown for it.
 */
final class TransitGateways {
  /** One transit gateway. */
  static final class Gateway {
    final TransitGateway gateway;
    /** Its attachments by id. */
    final Map<String, Attachment> byId = new HashMap<>();
    /**
     * Per VPC index, the attachment a subnet of that VPC routes into: its VPC attachment, an available one when there
     * are several (the last of them), else the first; null when the VPC has none.
     */
    final Attachment[] byVpc;

    Gateway(TransitGateway gateway, int vpcs) {
      this.gateway = gateway;
      this.byVpc = new Attachment[vpcs];
    }
  }

  /** One attachment of a transit gateway. */
  static final class Attachment {
    final Gateway gateway;
    final TransitGateway.Attachment attachment;
    /** The index of its VPC for a VPC attachment; -1 for another kind or a VPC the snapshot lacks. */
    final int vpc;
    /** The indexes of its subnets, in its order: -1 for one the snapshot lacks. */
    final int[] subnets;
    /** Its associated route table compiled; null when it names none or the snapshot lacks that table. */
    TgwLookup table;
    /** For a peering attachment, the same attachment on the peer gateway; null when that is not in the snapshot. */
    Attachment peerSide;

    Attachment(Gateway gateway, TransitGateway.Attachment attachment, int vpc, int[] subnets) {
      this.gateway = gateway;
      this.attachment = attachment;
      this.vpc = vpc;
      this.subnets = subnets;
    }
  }

  private final Map<String, Gateway> byId = new HashMap<>();

  TransitGateways(Network network, CompiledPaths c) {
    for (TransitGateway g : network.transitGateways().values()) {
      Gateway gw = new Gateway(g, c.vpcs.length);
      byId.put(g.id(), gw);
      for (TransitGateway.Attachment a : g.attachments()) {
        int v = a.isVpc() ? c.vpcIndex(a.resourceId()) : -1;
        Attachment x = new Attachment(gw, a, v, a.subnetIds().stream().mapToInt(c::subnetIndex).toArray());
        gw.byId.put(a.id(), x);
        if (v >= 0 && (gw.byVpc[v] == null || a.isAvailable())) {
          gw.byVpc[v] = x;
        }
      }
      Map<String, TgwLookup> tables = new HashMap<>();
      for (TransitGateway.RouteTable t : g.routeTables()) {
        tables.put(t.id(), new TgwLookup(g, t, network.vpcs()));
      }
      for (TgwLookup l : tables.values()) {
        l.resolveTargets(gw.byId);
      }
      for (Attachment x : gw.byId.values()) {
        x.table = x.attachment.routeTableId().map(tables::get).orElse(null);
      }
    }
    for (Gateway gw : byId.values()) {
      for (Attachment x : gw.byId.values()) {
        if (x.attachment.isPeering()) {
          Gateway peer = byId.get(x.attachment.resourceId());
          x.peerSide = peer == null ? null : peer.byId.get(x.attachment.id());
        }
      }
    }
  }

  /** The gateway with this id, or null when the snapshot lacks it. */
  Gateway gateway(String id) {
    return byId.get(id);
  }
}
