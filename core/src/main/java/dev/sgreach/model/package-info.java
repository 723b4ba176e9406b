/**
 * The sgreach model: immutable values for what AWS's {@code describe-*} calls return about security
 * groups and the things that carry them.
 *
 * <ul>
 *   <li>{@link dev.sgreach.model.SecurityGroup} and its {@link dev.sgreach.model.Rule}s (one rule per
 *       peer, as {@code DescribeSecurityGroupRules} shows them);</li>
 *   <li>{@link dev.sgreach.model.Peer}: an IPv4 or IPv6 CIDR, a security-group reference, or a prefix list;</li>
 *   <li>{@link dev.sgreach.model.Ports}: a rule's protocol with its port range or ICMP type/code;</li>
 *   <li>{@link dev.sgreach.model.NetworkInterface} (ENI), {@link dev.sgreach.model.PrefixList},
 *       {@link dev.sgreach.model.VpcPeering}, {@link dev.sgreach.model.Vpc};</li>
 *   <li>{@link dev.sgreach.model.Network}: one snapshot of all of them, with lookups and the warnings found
 *       while building it;</li>
 *   <li>{@link dev.sgreach.model.Traffic}: one concrete flow to ask about ({@code tcp(443)}, {@code icmp(8, 0)}),
 *       and {@link dev.sgreach.model.Traffic#parse}, the one reader of the {@code tcp/443} SPEC form.</li>
 *   <li>the rest of the packet path (DOMAIN-PATH.md): {@link dev.sgreach.model.Subnet},
 *       {@link dev.sgreach.model.NetworkAcl} with its numbered entries, {@link dev.sgreach.model.RouteTable} with its
 *       routes and {@link dev.sgreach.model.RouteTarget}s, {@link dev.sgreach.model.InternetGateway} (also
 *       egress-only), {@link dev.sgreach.model.NatGateway}, {@link dev.sgreach.model.VpcEndpoint},
 *       {@link dev.sgreach.model.TransitGateway} with its attachments and route tables; and
 *       {@link dev.sgreach.model.Layer}, the layers a snapshot's data covers.</li>
 * </ul>
 *
 * <p>Every value validates itself when built and names the field and value it refuses; a value someone wrote is shown
 * back through {@link dev.sgreach.model.Echo} (short, with control characters escaped).
 */
package dev.sgreach.model;
