package dev.sgreach.path;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableRangeSet;
import dev.sgreach.engine.Outcome;
import dev.sgreach.model.NetworkAcl;
import dev.sgreach.model.RouteTable;
import dev.sgreach.model.TransitGateway;
import java.util.Optional;

/**
 * One step of a packet's path that decided something: a network ACL at a subnet boundary, a route-table lookup, a
 * gateway, a peering, a transit gateway, the delivery. A verdict lists the hops in the order the packet meets them,
 * the forward packet's first and then the reply's.
 *
 * @param step what kind of step
 * @param component what decided: {@code acl-...}, {@code rtb-...}, {@code igw-...}, {@code nat-...}, {@code pcx-...},
 *     {@code tgw-...}, {@code vpce-...}, a subnet or an ENI
 * @param subnetId the subnet the step happened at, empty when none
 * @param outcome whether the packet got past this step
 * @param detail one line for people: what was looked at and what decided
 * @param code Reachability Analyzer's explanation code for a hop that denied (or could not judge) the packet, when
 *     it has one
 * @param aclEntries for an ACL step, the entries that decided, in rule order (the final {@code *} deny included)
 * @param route for a route step, the route that matched
 * @param transitGatewayRoute for a transit gateway step, the transit gateway route that matched
 * @param deniedPorts for an ACL step on the reply, the destination ports it drops (the reply's ports are the client's
 *     ephemeral range, or a NAT gateway's); empty when it drops none or the step is not an ACL
 */
public record Hop(
    Step step,
    String component,
    String subnetId,
    Outcome outcome,
    String detail,
    Optional<ExplanationCode> code,
    ImmutableList<NetworkAcl.Entry> aclEntries,
    Optional<RouteTable.Route> route,
    Optional<TransitGateway.Route> transitGatewayRoute,
    ImmutableRangeSet<Integer> deniedPorts) {

  public Hop {
    component = component == null ? "" : component;
    subnetId = subnetId == null ? "" : subnetId;
    detail = detail == null ? "" : detail;
    code = code == null ? Optional.empty() : code;
    aclEntries = aclEntries == null ? ImmutableList.of() : aclEntries;
    route = route == null ? Optional.empty() : route;
    transitGatewayRoute = transitGatewayRoute == null ? Optional.empty() : transitGatewayRoute;
    deniedPorts = deniedPorts == null ? ImmutableRangeSet.of() : deniedPorts;
  }

  /** {@code denied: outbound acl-0a1 at subnet-0b2: ... [SUBNET_ACL_RESTRICTION]}. */
  public String describe() {
    return outcome.word() + ": " + step.words() + (component.isEmpty() ? "" : " " + component)
        + (subnetId.isEmpty() || subnetId.equals(component) ? "" : " at " + subnetId) + ": " + detail
        + code.map(c -> " [" + c + "]").orElse("");
  }

  @Override
  public String toString() {
    return describe();
  }

  /** The kinds of step. */
  public enum Step {
    /** Traffic network ACLs never see (Amazon DNS, instance metadata): not filtered, with the reason. */
    EXEMPT("exempt"),
    /** Where a packet from an outside party enters the snapshot's networks. */
    ORIGIN("origin"),
    /** Both ends in one subnet: no network ACL and no route table is consulted. */
    SAME_SUBNET("same subnet"),
    /** The outbound entries of the ACL of the subnet the packet leaves. */
    ACL_OUTBOUND("outbound"),
    /** The inbound entries of the ACL of the subnet the packet enters. */
    ACL_INBOUND("inbound"),
    /** A route table's most specific route for the destination. */
    ROUTE("route table"),
    /** An internet gateway, with its public-address translation. */
    INTERNET_GATEWAY("internet gateway"),
    /** An egress-only internet gateway (IPv6). */
    EGRESS_ONLY_INTERNET_GATEWAY("egress-only internet gateway"),
    /** A NAT gateway. */
    NAT_GATEWAY("NAT gateway"),
    /** A VPC peering connection. */
    VPC_PEERING("VPC peering"),
    /** A transit gateway: its attachment and route table. */
    TRANSIT_GATEWAY("transit gateway"),
    /** A gateway VPC endpoint. */
    GATEWAY_ENDPOINT("gateway endpoint"),
    /** A route to an appliance (ENI, instance, Gateway Load Balancer endpoint). */
    APPLIANCE("appliance"),
    /** A gateway to networks outside the snapshot (virtual private gateway, VPN, Direct Connect, ...). */
    EXTERNAL("leaves the snapshot"),
    /** The internet beyond an internet gateway. */
    INTERNET("internet"),
    /** Arrival at the destination address. */
    DELIVERY("delivery");

    private final String words;

    Step(String words) {
      this.words = words;
    }

    /** The step in words, e.g. {@code route table}. */
    public String words() {
      return words;
    }
  }
}
