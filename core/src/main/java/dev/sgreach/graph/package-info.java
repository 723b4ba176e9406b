/**
 * Pictures of security-group relations: the seed document's two hand-drawn diagrams, generated from a snapshot.
 * {@link dev.sgreach.graph.SecurityGroupGraph} holds the picture's data ({@link dev.sgreach.graph.GraphNode}s and
 * {@link dev.sgreach.graph.GraphEdge}s) and writes it as Graphviz DOT or as a Mermaid flowchart.
 *
 * <h2>What is drawn</h2>
 * <ul>
 *   <li><b>Security groups</b>, one node each, labelled with the group name, the id and, when the snapshot shows an EKS
 *       cluster, the EKS role the {@link dev.sgreach.eks.EksCluster} recognition gives it ({@code EKS cluster SG},
 *       {@code control-plane SG (additional)}, {@code shared node SG}, {@code nodegroup SG ng1}, {@code LB managed SG},
 *       {@code LB shared backend SG}, {@code pod SG}; {@code user SG} and {@code VPC default SG} for the rest).</li>
 *   <li><b>Peers</b> that rules name: the internet ({@code 0.0.0.0/0} and {@code ::/0}, one node each), every other
 *       CIDR block, managed prefix lists (with their entry count, or "entries not collected"), and groups missing
 *       from the snapshot (dashed, "not in the snapshot").</li>
 *   <li><b>Arrows</b> read as traffic flow. An inbound rule of B naming A is an arrow A → B (solid); an outbound rule
 *       of A naming B is an arrow A → B (dashed, captioned {@code egress ...}). The rules of one pair and direction
 *       merge into one arrow labelled with the union of their protocols and ports ({@code tcp 443, 1025-65535; udp
 *       53}); the rule descriptions are its tooltip. Both sides must allow a flow, so an arrow is one half of the
 *       answer; {@code reach} gives the whole. The rule EC2 gives every new group, all traffic to {@code 0.0.0.0/0}
 *       or {@code ::/0} outbound, is a line of the group's label ({@code egress: all traffic to 0.0.0.0/0}) rather
 *       than an arrow from every group to the internet; every other outbound rule is drawn.</li>
 *   <li><b>ENIs</b> as classes: the ENIs of one role (the EKS role, else the interface type: {@code instance ENI},
 *       {@code vpc endpoint ENI}, ...) that carry the same groups are one node with their count, joined to those
 *       groups by dotted lines. A class carrying a group outside the picture says so ({@code also carries ...}).</li>
 * </ul>
 *
 * <h2>What is selected</h2>
 * Every group of the snapshot; with a cluster, its recognised groups and the other groups of its VPC; with a focus,
 * the groups the focus names (a group id or name; a group role such as {@code lbc-backend-sg}; an EKS role such as
 * {@code control-plane} or {@code nodegroup:ng1}, standing for the groups its ENIs carry). The picture draws every
 * rule of the selected groups and every rule of another group that names one of them; groups met only that way are
 * <em>context</em> (dashed, grey), drawn without their own rules: a focus draws one neighbourhood.
 *
 * <h2>Large snapshots</h2>
 * A picture that would draw more than {@value dev.sgreach.graph.SecurityGroupGraph#MAX_GROUPS} groups,
 * {@value dev.sgreach.graph.SecurityGroupGraph#MAX_RULE_ARROWS} rule arrows or
 * {@value dev.sgreach.graph.SecurityGroupGraph#MAX_ENI_CLASSES} ENI classes is drawn as a <b>summary</b> instead (or
 * always, or never, with {@link dev.sgreach.graph.SecurityGroupGraph.Detail}): one node per EKS role of each cluster
 * (all LB managed SGs of a cluster together), one per VPC for the other groups, one for groups missing from the
 * snapshot, one for the internet, one for all other CIDR blocks and one for all prefix lists; context groups are
 * summarised apart ({@code (neighbours)}). Each summary node counts its groups, the ENIs carrying them and those with
 * unrestricted egress; each arrow counts its rules and names the first ports of each protocol. A region of 10,000
 * groups in ten VPCs thus draws as about fifteen nodes.
 *
 * <h2>Text</h2>
 * Names and descriptions come from AWS and may hold anything. Control characters and line breaks are shown as
 * escapes ({@code \n}, {@code \u0007}); each renderer then quotes for its own syntax: DOT escapes {@code \}, {@code "}
 * and {@code &} (Graphviz would read {@code \N} or {@code &lt;}); Mermaid writes {@code " # & < > | `} as entity codes.
 */
package dev.sgreach.graph;
