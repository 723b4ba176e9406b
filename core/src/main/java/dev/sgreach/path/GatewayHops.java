package dev.sgreach.path;

import dev.sgreach.model.Cidr;
import dev.sgreach.model.InternetGateway;
import dev.sgreach.model.NatGateway;
import dev.sgreach.model.RouteTable;
import dev.sgreach.model.RouteTarget;
import dev.sgreach.model.Traffic;
import dev.sgreach.model.VpcEndpoint;
import dev.sgreach.path.CompiledPaths.PublicOwner;
import dev.sgreach.path.Hop.Step;
import java.util.ArrayList;
import java.util.List;

/**
 * The hops out of and into a VPC through its gateways: internet gateways with their public-address translation,
 * egress-only internet gateways, NAT gateways, gateway endpoints, and routes to appliances (DOMAIN-PATH.md section 2).
 */
abstract class GatewayHops extends TransitHops {
  GatewayHops(CompiledPaths c, Trace t, PathEnd source, PathEnd destination, Traffic traffic, ClientPorts client,
      CompiledPaths.EniInfo sourceEni, CompiledPaths.EniInfo destinationEni) {
    super(c, t, source, destination, traffic, client, sourceEni, destinationEni);
  }

  // -------------------------------------------------------------------------------------------------- internet

  void internetGatewayOut(String id, int vpc) {
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

  void egressOnlyOut(String id, int vpc) {
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

  /**
   * Across the internet: to a public address something in the snapshot owns, back in through its VPC's internet
   * gateway (the reply of a hair-pinned flow too); else out of AWS, where the reply turns round.
   */
  private void toInternet() {
    if (reply && !src.equals(destination.address())) {
      deny(Step.INTERNET, dst.toString(), -1, null, "the reply leaves with source " + src + ", but "
          + source.address() + " sent to " + destination.address() + ", so it drops the reply");
      return;
    }
    PublicOwner o = c.publicOwner(dst);
    if (reply) {
      if (o != null) {
        if (t.on) {
          pass(Step.INTERNET, dst.toString(), -1, "the reply crosses the internet back to " + dst);
        }
        arriveFromInternet(o);
      } else if (t.on) {
        pass(Step.INTERNET, dst.toString(), -1, "the reply crosses the internet to " + dst);
      }
      return;
    }
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
  void arriveFromInternet(PublicOwner o) {
    // a packet that comes in from the internet starts a new leg: the places it met before it left AWS (the NAT
    // gateway's subnet of a hair-pinned flow) are no loop; the step limit still bounds the walk
    visitedCount = 0;
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

  void natGateway(int s, String id) {
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
      deny(Step.NAT_GATEWAY, id, ns, null, !t.on ? "" : "the reply would leave through " + id + ", which gives it"
          + " a new source: " + source.address() + ", which sent to " + destination.address() + ", drops it");
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

  void natReverse(NatSession n) {
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

  // -------------------------------------------------------------------------------------------------- endpoints

  void endpoint(int s, RouteTable.Route route) {
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

  void arriveViaEndpoint() {
    int d = subnetHolding(exitVpc, dst);
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

  void appliance(int s, RouteTarget target) {
    acl(s, true);
    if (!stop) {
      unknown(Step.APPLIANCE, target.id(), s, null, "the route sends " + dst + " to " + target.kind().word() + " "
          + target.id() + ", an appliance: what it forwards is its own configuration, not in the snapshot");
    }
  }
}
