/**
 * The reachability engine: {@link dev.sgreach.engine.Reachability} compiles a {@link dev.sgreach.model.Network} once
 * and answers every question from the compiled index.
 *
 * <ul>
 *   <li>{@code reach(from, to, traffic)} gives a {@link dev.sgreach.engine.Verdict}: allowed, denied or unknown, with
 *       its proof (the egress and ingress rules that admit the flow; or the blocking side, the near misses and the
 *       {@link dev.sgreach.engine.Fix} that would open it; or the missing data); {@code outcome(...)} gives the same
 *       answer without the proof, and {@code explain(member, member, traffic)} the proof of one member pair;</li>
 *   <li>{@code openPorts(from, to)} gives the exact {@link dev.sgreach.engine.OpenPorts} per protocol;</li>
 *   <li>{@code whoCanReach(to, traffic)} and {@code whatCanBeReached(from, traffic)} give
 *       {@link dev.sgreach.engine.Reachers}: ENIs and outside address blocks;</li>
 *   <li>{@code exposure()} gives what the internet can open, per ENI ({@link dev.sgreach.engine.Exposure});</li>
 *   <li>{@code matrix(rows, columns, traffic)} gives all/some/none/unknown per cell with the counts
 *       ({@link dev.sgreach.engine.Matrix}).</li>
 * </ul>
 *
 * <p>Endpoints ({@link dev.sgreach.engine.Endpoint}) are ENIs, addresses, instances, security groups or named groups
 * (EKS roles); group-valued endpoints are answered per member ({@link dev.sgreach.engine.Member}) with a
 * {@link dev.sgreach.engine.Coverage}.
 *
 * <h2>Design note: how a question is answered</h2>
 *
 * <p><b>The index</b> ({@code Index}, package-private, facts only). ENIs, groups (including ids that ENIs carry or
 * rules reference but the snapshot lacks) and VPCs are interned to ints. Each rule becomes a {@code CompiledRule}: its
 * protocol and key range as ints (the key is the port, or {@code type * 256 + code}), and its peer resolved (the
 * referenced group interned, what the reference reports about its peering, the prefix list's entries or "missing").
 * Per group and direction a {@code RuleTable} holds the all-protocol rules apart and, per protocol, sorted key
 * segments each listing exactly the rules that cover it, so a flow finds its admitting rules with one binary search;
 * each list carries a sieve (the groups its references name, the span of its IPv4 blocks) that turns a party away
 * without reading a rule when none can match it.
 * A {@code PeerIndex} holds the same rules by peer (references by referenced group, CIDRs by block, prefix-list
 * rules by list); an {@code AddressIndex} holds every ENI address sorted, so that a block is one run of it. These two
 * serve sweeps and who-can-reach alone, so each is built on first use: a point query never waits for them. Active
 * peerings are each VPC's sorted list of joined VPCs.
 *
 * <p><b>ENI classes.</b> ENIs that carry the same groups, sit in the same VPC, are alike filtered or not and have
 * addresses of the same families are judged alike by their own rules against any party, and alike by any party's
 * group references. A busy region's 100,000 ENIs fall into some 18,000 classes; sweeps (who-can-reach, exposure)
 * decide a class once and look at its members only where an address rule tells their addresses apart.
 *
 * <p><b>The side check</b> ({@code SideJudge}) is the one place that decides one side of one flow: the party itself
 * (an outside party admits everything; so does an ENI of a type AWS does not filter when it carries no group; an ENI
 * carrying a missing group is unknown unless a rule admits), the OR over its groups and their rules admitting the
 * traffic, and each rule's peer (CIDR and prefix list by shared address, a prefix list without entries unknown, a
 * group reference by carried group and VPC: the same VPC, an active peering of the snapshot, or the unrecorded
 * active peering the reference reports). It answers that one decision in several forms: {@code judge}, a
 * three-valued int ({@code Tri}) for the fast path; {@code explain}, the same decision collecting its evidence into a
 * {@link dev.sgreach.engine.SideCheck}; {@code keys}, every key the side admits per protocol; {@code PreparedSide}, one
 * party's side split into group references and address rules for a sweep; {@code SidesAgainst}, many ENIs' sides against
 * one party, reached from the other end through the {@code PeerIndex}; and {@code internet}, a rule's peer against an
 * outside party anywhere in the public address space.
 *
 * <p><b>The flow</b> ({@code FlowJudge}) combines the two sides over every usable address pair (the same family; ICMP
 * over IPv4 only, ICMPv6 over IPv6 only): egress of the sender AND ingress of the receiver, Kleene OR over the pairs.
 * Each side depends on one address only, so it is judged once per address. For a proof it judges every pair with the
 * fast path first, then explains only the pair that came closest and proposes the fixes ({@code Fixes}: one rule per
 * blocking side, never one that also opens the reverse flow).
 *
 * <p><b>How the queries use them.</b> {@code reach}: endpoints resolve to members; a {@code ReachQuery} explains
 * one pair per pair of ENI classes whose pairs {@code MatrixQuery} decides alike and counts it for the classes'
 * members, and every other pair on its own ({@code FlowJudge.explain}); the {@link dev.sgreach.engine.Verdict} holds
 * the groups and counts, and explains a member flow again when one is read; warnings by subject. {@code outcome}: {@code FlowJudge.flow}, no objects built.
 * {@code openPorts}: per pair, the intersection of both sides' {@code keys}. {@code whoCanReach} and
 * {@code whatCanBeReached}: per member a {@code ReachersQuery}, which judges the candidate classes' side with
 * {@code SidesAgainst}, the member's own references per class and its address rules as runs of the sorted addresses;
 * {@link dev.sgreach.engine.Reachers} lists the ENIs the first time they are asked for. {@code exposure}: per class,
 * the ingress {@code keys} against the internet ({@code ExposureQuery}). {@code matrix}: per cell a
 * {@code MatrixQuery}, which decides a member flow once per class pair when both sides are address-blind for the
 * traffic (no rule covering it names an address other than {@code /0}) and the engine judges security groups only,
 * and per member pair otherwise (its pairs are reach's, made in one place, {@code ReachQuery}; so are those of
 * {@code outcome} for several members). A group answer's member flows are grouped by outcome and proof for reading
 * ({@link dev.sgreach.engine.FlowGroup}), and its fixes shared where one rule opens several flows
 * ({@code Fixes.sharing}).
 *
 * <p><b>What comes next lands in one place.</b> Facts of a party (public and Elastic IPs standing for their ENI,
 * addresses security groups never filter, pods-with-SG enforcing modes, NLB client IP preservation) and of a peer
 * (Transit Gateway references, unrecorded peerings) belong to {@code SideJudge}; the network path between the two
 * sides (NACLs, routes, gateways) belongs to {@code FlowJudge}, between the egress and the ingress of a pair.
 *
 * <p><b>The path between the sides.</b> When the snapshot covers network ACLs or routes (and the engine was not
 * restricted to security groups, {@code Reachability.of(network, layers)}), {@code FlowJudge} asks
 * {@link dev.sgreach.path.PacketPaths} for each address pair its egress side does not deny: the fast walk for
 * {@code flow}, the explained one ({@link dev.sgreach.path.PathVerdict}, carried by
 * {@link dev.sgreach.engine.Flow#path()}) for {@code explain}, from the same decisions. Where the path may translate the source (NAT and internet gateways)
 * the ingress side is judged against the source the destination sees. Every {@link dev.sgreach.engine.Verdict} says
 * which layers it judged. {@code ExposureQuery} judges each ENI its groups expose from the internet's pieces that its
 * subnet treats alike, to its public addresses ({@link dev.sgreach.engine.Exposure.PathReach}). Who-can-reach and
 * what-can-be-reached judge each candidate ENI's whole flow ({@code FlowJudge.flow}, the class shortcuts of
 * {@code ReachersQuery} being for security groups alone, since a translated source changes what the ingress side
 * sees); open ports cut each key space where the path's answer can change ({@code PathKeys}) and walk each piece the
 * egress side may admit once. The outside blocks the sweeps list are those the member's groups admit.
 */
package dev.sgreach.engine;
