package dev.sgreach.snapshot;

import com.google.common.collect.ImmutableList;
import dev.sgreach.model.TransitGateway;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The parts of transit gateways as the responses describe them apart (gateways, attachments, VPC attachments, route
 * tables, each table's propagations and routes), gathered from any number of files, accounts and Regions and built
 * into {@link TransitGateway}s. This is where the assembler decides how they combine:
 * <ul>
 *   <li>An attachment is the union of what describe-transit-gateway-attachments (its resource, state and
 *       association) and describe-transit-gateway-vpc-attachments (its subnets and options) say of it. Two accounts
 *       may each describe it; a field one leaves out the other fills in, and two different values are an error naming
 *       both places.
 *   <li>A transit gateway is known only as far as describe-transit-gateway-attachments describes it: when no such
 *       response was read, the snapshot holds no transit gateway and every path through one is unknown, never
 *       judged on attachments that may be missing.
 *   <li>A route table's propagations, static routes and propagated routes are each known only when a response for
 *       that table was read ({@code get-transit-gateway-route-table-propagations}, {@code
 *       search-transit-gateway-routes} by type, or Batfish's wrappers); otherwise the model says so
 *       ({@link TransitGateway.RouteTable#propagationsKnown()}, {@link TransitGateway.RouteTable#staticRoutesComplete()},
 *       an absent {@link TransitGateway.RouteTable#propagatedRoutes()}) and lookups they could decide are unknown.
 *       A route sgreach cannot hold (one to a prefix list) makes that list of routes incomplete.
 *   <li>Deleted route tables are left out; so are propagations not {@code enabled}.
 * </ul>
 */
final class TransitGatewayParts {
  private record Head(String owner, String state, Optional<Boolean> sgReferencing, Location at) {}

  private record Table(String gatewayId, String state, Location at) {}

  /** The routes of one table of one type, and whether that list is complete. */
  private static final class Routes {
    final List<TransitGateway.Route> routes = new ArrayList<>();
    boolean read;
    boolean complete = true;
  }

  /** One attachment as merged so far, with where each field was first seen. */
  private static final class Merged {
    final String gatewayId;
    final String id;
    final Map<String, Object> fields = new LinkedHashMap<>();
    final Map<String, Location> where = new HashMap<>();

    Merged(String gatewayId, String id) {
      this.gatewayId = gatewayId;
      this.id = id;
    }

    void put(String field, Object value, Location at) {
      if (value == null || value instanceof String s && s.isEmpty()
          || value instanceof Optional<?> o && o.isEmpty()
          || value instanceof List<?> l && l.isEmpty()) {
        return;
      }
      Object previous = fields.putIfAbsent(field, value);
      if (previous == null) {
        where.put(field, at);
      } else if (!previous.equals(value)) {
        Location first = where.get(field);
        throw at.fail(id, "describes transit gateway attachment " + id + " with " + field + " " + value
            + ", but " + first.file() + " " + first.path() + " says " + previous
            + "; a snapshot holds one state of each attachment");
      }
    }

    String string(String field) {
      Object v = fields.get(field);
      return v == null ? "" : (String) v;
    }

    @SuppressWarnings("unchecked")
    <T> Optional<T> optional(String field) {
      Object v = fields.get(field);
      return v == null ? Optional.empty() : (Optional<T>) v;
    }

    TransitGateway.Attachment build() {
      @SuppressWarnings("unchecked")
      List<String> subnets = (List<String>) fields.getOrDefault("SubnetIds", List.of());
      return new TransitGateway.Attachment(id, string("ResourceType"), string("ResourceId"),
          string("ResourceOwnerId"), string("State"), optional("Association"), ImmutableList.copyOf(subnets),
          Boolean.TRUE.equals(fields.get("Ipv6Support")), optional("SecurityGroupReferencingSupport"),
          optional("ApplianceModeSupport"));
    }
  }

  private final Map<String, Head> heads = new LinkedHashMap<>();
  private final Map<String, String> owners = new LinkedHashMap<>();
  private final Map<String, Merged> attachments = new LinkedHashMap<>();
  private final Map<String, Table> tables = new LinkedHashMap<>();
  private final Map<String, Set<String>> propagations = new HashMap<>();
  private final Set<String> propagationsRead = new LinkedHashSet<>();
  private final Map<String, Routes> staticRoutes = new HashMap<>();
  private final Map<String, Routes> propagatedRoutes = new HashMap<>();

  void gateway(String id, String owner, String state, Optional<Boolean> sgReferencing, Location at) {
    Head h = new Head(owner == null ? "" : owner, state == null ? "" : state.trim().toLowerCase(Locale.ROOT),
        sgReferencing, at);
    Head previous = heads.putIfAbsent(id, h);
    if (previous != null && !(previous.owner.equals(h.owner) && previous.state.equals(h.state)
        && previous.sgReferencing.equals(h.sgReferencing))) {
      throw at.fail(id, "describes transit gateway " + id + " differently from " + previous.at.file() + " "
          + previous.at.path() + "; a snapshot holds one state of each transit gateway");
    }
  }

  /** An entry of describe-transit-gateway-attachments ({@code gatewayOwner} may be null). */
  void attachment(String gatewayId, String gatewayOwner, TransitGateway.Attachment a, Location at) {
    if (gatewayOwner != null && !gatewayOwner.isEmpty()) {
      owners.putIfAbsent(gatewayId, gatewayOwner);
    }
    Merged m = merged(gatewayId, a.id(), at);
    m.put("ResourceType", a.resourceType(), at);
    m.put("ResourceId", a.resourceId(), at);
    m.put("ResourceOwnerId", a.resourceOwnerId(), at);
    m.put("State", a.state(), at);
    m.put("Association", a.routeTableId(), at);
  }

  /** An entry of describe-transit-gateway-vpc-attachments. */
  void vpcAttachment(String gatewayId, TransitGateway.Attachment a, Location at) {
    Merged m = merged(gatewayId, a.id(), at);
    m.put("ResourceType", "vpc", at);
    m.put("ResourceId", a.resourceId(), at);
    m.put("ResourceOwnerId", a.resourceOwnerId(), at);
    m.put("State", a.state(), at);
    m.put("SubnetIds", a.subnetIds(), at);
    m.put("Ipv6Support", a.ipv6Support() ? Boolean.TRUE : null, at);
    m.put("SecurityGroupReferencingSupport", a.securityGroupReferencing(), at);
    m.put("ApplianceModeSupport", a.applianceMode(), at);
  }

  private Merged merged(String gatewayId, String id, Location at) {
    // a peering attachment has the same id on both gateways, so attachments are keyed by gateway
    return attachments.computeIfAbsent(gatewayId + "/" + id, k -> new Merged(gatewayId, id));
  }

  void routeTable(String gatewayId, String tableId, String state, Location at) {
    Table t = new Table(gatewayId, state == null ? "" : state.trim().toLowerCase(Locale.ROOT), at);
    Table previous = tables.putIfAbsent(tableId, t);
    if (previous != null && !(previous.gatewayId.equals(t.gatewayId) && previous.state.equals(t.state))) {
      throw at.fail(tableId, "describes transit gateway route table " + tableId + " differently from "
          + previous.at.file() + " " + previous.at.path());
    }
  }

  void propagation(String tableId, String attachmentId) {
    propagations.computeIfAbsent(tableId, k -> new LinkedHashSet<>()).add(attachmentId);
  }

  void propagationsRead(String tableId) {
    propagationsRead.add(tableId);
  }

  void route(String tableId, TransitGateway.Route route) {
    Routes r = (route.propagated() ? propagatedRoutes : staticRoutes).computeIfAbsent(tableId, k -> new Routes());
    if (!r.routes.contains(route)) {
      r.routes.add(route);
    }
  }

  void routeUnknown(String tableId, boolean propagated) {
    (propagated ? propagatedRoutes : staticRoutes).computeIfAbsent(tableId, k -> new Routes()).complete = false;
  }

  void routesRead(String tableId, boolean propagated, boolean complete) {
    Routes r = (propagated ? propagatedRoutes : staticRoutes).computeIfAbsent(tableId, k -> new Routes());
    r.read = true;
    r.complete &= complete;
  }

  /** The transit gateways, or none when no describe-transit-gateway-attachments response was read. */
  List<TransitGateway> build(boolean attachmentsRead) {
    if (!attachmentsRead) {
      return List.of();
    }
    Set<String> ids = new LinkedHashSet<>(heads.keySet());
    attachments.values().forEach(m -> ids.add(m.gatewayId));
    tables.values().forEach(t -> ids.add(t.gatewayId));
    List<TransitGateway> out = new ArrayList<>();
    for (String id : ids) {
      Head h = heads.get(id);
      TransitGateway.Builder b = TransitGateway.builder(id)
          .owner(h != null && !h.owner.isEmpty() ? h.owner : owners.getOrDefault(id, ""))
          .state(h == null ? "" : h.state);
      if (h != null) {
        h.sgReferencing.ifPresent(b::securityGroupReferencing);
      }
      for (Merged m : attachments.values()) {
        if (m.gatewayId.equals(id)) {
          b.attachment(m.build());
        }
      }
      tables.forEach((tableId, t) -> {
        if (t.gatewayId.equals(id) && !t.state.equals("deleted") && !t.state.equals("deleting")) {
          b.routeTable(table(tableId));
        }
      });
      out.add(b.build());
    }
    return out;
  }

  private TransitGateway.RouteTable table(String tableId) {
    Routes s = staticRoutes.getOrDefault(tableId, new Routes());
    Routes p = propagatedRoutes.get(tableId);
    Optional<ImmutableList<TransitGateway.Route>> propagated = p != null && p.read && p.complete
        ? Optional.of(ImmutableList.copyOf(p.routes)) : Optional.empty();
    return new TransitGateway.RouteTable(tableId,
        ImmutableList.copyOf(propagations.getOrDefault(tableId, Set.of())), ImmutableList.copyOf(s.routes),
        s.read && s.complete, propagated, propagationsRead.contains(tableId));
  }
}
