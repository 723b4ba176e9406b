package dev.sgreach.snapshot;

import dev.sgreach.model.Peer;
import dev.sgreach.model.Ports;
import dev.sgreach.model.Rule;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One entry of a group's {@code IpPermissions} (or {@code IpPermissionsEgress}) as describe-security-groups returns
 * it: the rules of one protocol and port range, their peers sorted into AWS's four lists. The inverse of the
 * one-rule-per-peer expansion; the snapshot writer and the live adapter's SDK mapping both group through it.
 *
 * @param ports the protocol and port range (or ICMP type and code) the rules share
 * @param ipv4 the rules whose peer is an IPv4 block ({@code IpRanges})
 * @param ipv6 the rules whose peer is an IPv6 block ({@code Ipv6Ranges})
 * @param prefixLists the rules whose peer is a prefix list ({@code PrefixListIds})
 * @param groups the rules whose peer is a security group ({@code UserIdGroupPairs})
 */
public record GroupedPermission(Ports ports, List<Rule> ipv4, List<Rule> ipv6, List<Rule> prefixLists,
    List<Rule> groups) {

  /** Groups rules by (protocol, from, to) in the order each combination first appears, keeping rule order. */
  public static List<GroupedPermission> of(List<Rule> rules) {
    Map<Ports, List<List<Rule>>> byPorts = new LinkedHashMap<>();
    for (Rule r : rules) {
      List<List<Rule>> peers = byPorts.computeIfAbsent(r.ports(),
          p -> List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>()));
      int slot = r.peer() instanceof Peer.CidrPeer c ? (c.cidr().isIpv4() ? 0 : 1)
          : r.peer() instanceof Peer.PrefixListPeer ? 2 : 3;
      peers.get(slot).add(r);
    }
    List<GroupedPermission> out = new ArrayList<>(byPorts.size());
    byPorts.forEach((ports, p) -> out.add(new GroupedPermission(ports, List.copyOf(p.get(0)), List.copyOf(p.get(1)),
        List.copyOf(p.get(2)), List.copyOf(p.get(3)))));
    return out;
  }

  /** {@code FromPort} as describe-security-groups writes it: absent (null) where ports do not apply. */
  public Integer fromPort() {
    return ports.protocol().hasPorts() || ports.protocol().isIcmp() ? ports.from() : null;
  }

  /** {@code ToPort} as describe-security-groups writes it: absent (null) where ports do not apply. */
  public Integer toPort() {
    return ports.protocol().hasPorts() || ports.protocol().isIcmp() ? ports.to() : null;
  }
}
