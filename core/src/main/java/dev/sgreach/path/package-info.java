/**
 * The packet path between the two security-group sides of a flow: whether a packet from one address gets to the
 * other through network ACLs, route tables, internet, egress-only and NAT gateways, gateway endpoints, VPC peerings
 * and transit gateways, and whether its reply gets back (DOMAIN-PATH.md; DESIGN.md semantics point 7).
 *
 * <h2>Using it</h2>
 *
 * {@link dev.sgreach.path.PacketPaths#of} compiles a network once; {@link dev.sgreach.path.PacketPaths#outcome} gives
 * the three-valued answer fast, {@link dev.sgreach.path.PacketPaths#check} the {@link dev.sgreach.path.PathVerdict}
 * with every {@link dev.sgreach.path.Hop} that decided, Reachability Analyzer's
 * {@link dev.sgreach.path.ExplanationCode} for a hop that denies, and the {@link dev.sgreach.path.PathFix}es (the ACL
 * entry or route to add, with its AWS CLI command). The ends are {@link dev.sgreach.path.PathEnd}s (an ENI at one of
 * its addresses, or an outside address); the reply's ports are the client's {@link dev.sgreach.path.ClientPorts}.
 * The security groups of the two ends are the engine's: this layer sits between the sender's egress check (towards
 * the destination address) and the receiver's ingress check (from {@link
 * dev.sgreach.path.PathVerdict#sourceAsSeen()}).
 *
 * <h2>Semantics, and the decisions where AWS is silent</h2>
 *
 * <ul>
 *   <li>Layers: only those the snapshot covers are checked ({@link dev.sgreach.model.Network#layers()}); none covered
 *       means allowed without hops (security groups alone decide, as before); ACLs without route tables means the
 *       two ends' subnets' ACLs on the direct path. Inside a covered layer missing data is unknown: a subnet with no
 *       ACL or route table (neither associated nor a VPC default/main), a prefix-list route whose entries are
 *       missing where it could win, a gateway, peering or transit gateway not in the snapshot, the far side of a
 *       peering or transit gateway, a route to an appliance, a VPN or Direct Connect.</li>
 *   <li>Order: route lookup in the source subnet, its ACL outbound when leaving the subnet, the hop, the destination
 *       subnet's ACL inbound, delivery; then the reply the same way back, with ACLs judged again (stateless) on the
 *       client's ephemeral ports and the stateful translations (NAT gateway, internet gateway, egress-only gateway)
 *       undone in reverse. Same subnet: no ACL, no route table.</li>
 *   <li>ACLs: lowest rule number first, first match decides, the final {@code *} deny; IPv4 and IPv6 apart; a reply
 *       denied for part of the ephemeral range is denied, with the exact ports, and each ACL is judged on the whole
 *       range so that each gets its own fix.</li>
 *   <li>Routes: longest prefix; equal prefixes: static, then prefix list, then propagated; blackhole drops. Transit
 *       gateways: the source attachment's associated table, static before propagated; a VPC propagation stands for
 *       the VPC's blocks; the route to a transit gateway is followed only from a zone the VPC attachment has a subnet
 *       in; into a VPC through the attachment subnet of the same zone (else any, when they all filter and route
 *       alike), whose route table routes on; ACLs at attachment subnets as AWS's transit gateway guide gives them.</li>
 *   <li>Internet gateways translate a private IPv4 address only when it has a public or Elastic IP (the pair as
 *       recorded, else an ENI's only private address); they do not send to, nor admit from, private or shared space.
 *       A packet to a public address that something in the snapshot owns comes back in through that VPC's internet
 *       gateway (hair-pinning). Egress-only gateways: IPv6 out, replies in.</li>
 *   <li>NAT gateways: TCP, UDP and ICMP; the source becomes the gateway's address, onward by its own subnet's route
 *       table; they answer nothing addressed to them; the reply between them and the destination is on their ports
 *       1024-65535. A reply that would leave through a NAT gateway, gateway endpoint or another translation than the
 *       one its packet came through is denied (the client would drop it).</li>
 *   <li>Not filtered by ACLs: Route 53 Resolver DNS (tcp/udp 53) and instance metadata (tcp 80), with the reason;
 *       other link-local services and ports are unknown (AWS documents only those two).</li>
 *   <li>Delivery: an address in a subnet that no ENI of the snapshot holds is denied (closed world), except the
 *       addresses AWS reserves (unknown); an address in a VPC's blocks but no subnet is dropped.</li>
 * </ul>
 *
 * <h2>Design</h2>
 *
 * {@code CompiledPaths} interns subnets and VPCs, resolves each subnet's ACL and route table once, compiles ACLs
 * ({@code AclTable}: entries per direction and family sorted by rule number), route tables ({@code RouteLookup}:
 * candidates most specific first) and transit gateway tables ({@code TgwLookup}), and maps public addresses to their
 * owners. {@code Walk} is the decision code, in the order a packet meets the checks (subnets, ACLs, delivery, the
 * reply), with the hops between VPCs in {@code TransitHops} and those through gateways in {@code GatewayHops}, over
 * the packet state of {@code WalkState}: one method per hop kind, each AWS rule decided once. It records into a
 * {@code Trace} that is off on the fast path, so the fast answer and the explained one come from the same decisions.
 */
package dev.sgreach.path;
