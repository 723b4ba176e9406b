package dev.sgreach.path;

import dev.sgreach.model.Cidr;
import dev.sgreach.model.NetworkAcl;
import dev.sgreach.model.Ports;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * One network ACL compiled for evaluation: per direction and address family, its entries sorted by rule number with
 * their protocol, key range and CIDR as primitives. {@link #decide} is the one place that applies AWS's ACL rule
 * (DOMAIN-PATH.md table 1a): lowest rule number first, the first entry that matches decides, and what no entry
 * matches is denied by the final {@code *} rule.
 */
final class AclTable {
  final NetworkAcl acl;
  /** [egress ? 1 : 0][family == 6 ? 1 : 0]. */
  private final Dir[][] dirs = new Dir[2][2];

  AclTable(NetworkAcl acl) {
    this.acl = acl;
    for (int e = 0; e < 2; e++) {
      for (int f = 0; f < 2; f++) {
        boolean egress = e == 1;
        int family = f == 0 ? 4 : 6;
        List<NetworkAcl.Entry> list = new ArrayList<>();
        for (NetworkAcl.Entry entry : acl.entries()) {
          if (entry.egress() == egress && entry.cidr().family() == family) {
            list.add(entry);
          }
        }
        list.sort(Comparator.comparingInt(NetworkAcl.Entry::ruleNumber));
        dirs[e][f] = new Dir(list, egress, family);
      }
    }
  }

  /** The entries of one direction and family, sorted, with the implicit final deny last when not listed. */
  static final class Dir {
    final NetworkAcl.Entry[] entries;
    final int[] protocol;
    final int[] keyLow;
    final int[] keyHigh;
    final Cidr[] cidr;
    final boolean[] allow;
    /** The final {@code *} deny as Describe shows it, used when the ACL's list does not end with it. */
    final NetworkAcl.Entry finalDeny;

    Dir(List<NetworkAcl.Entry> list, boolean egress, int family) {
      int n = list.size();
      entries = list.toArray(new NetworkAcl.Entry[0]);
      protocol = new int[n];
      keyLow = new int[n];
      keyHigh = new int[n];
      cidr = new Cidr[n];
      allow = new boolean[n];
      for (int i = 0; i < n; i++) {
        NetworkAcl.Entry e = entries[i];
        Ports p = e.ports();
        protocol[i] = p.protocol().number();
        keyLow[i] = p.keys().lowerEndpoint();
        keyHigh[i] = p.keys().upperEndpoint();
        cidr[i] = e.cidr();
        allow[i] = e.action() == NetworkAcl.Action.ALLOW;
      }
      finalDeny = new NetworkAcl.Entry(family == 4 ? 32767 : 32768, egress, Ports.allTraffic(),
          Cidr.parse(family == 4 ? "0.0.0.0/0" : "::/0"), NetworkAcl.Action.DENY);
    }
  }

  /**
   * How one direction of this ACL judges a packet of {@code protocol} to or from {@code peer} (its destination when
   * outbound, its source when inbound) over a set of destination-port keys: the keys that pass. When {@code parts}
   * is given, which entry decided which keys is added to it, in rule order.
   */
  PortSet decide(boolean egress, int protocol, Cidr peer, PortSet keys, List<Part> parts) {
    Dir d = dirs[egress ? 1 : 0][peer.family() == 6 ? 1 : 0];
    PortSet remaining = keys;
    PortSet allowed = PortSet.EMPTY;
    for (int i = 0; i < d.entries.length && !remaining.isEmpty(); i++) {
      if (d.protocol[i] != -1 && d.protocol[i] != protocol || !d.cidr[i].contains(peer)) {
        continue;
      }
      PortSet part = remaining.intersect(d.keyLow[i], d.keyHigh[i]);
      if (part.isEmpty()) {
        continue;
      }
      if (d.allow[i]) {
        allowed = allowed.union(part);
      }
      if (parts != null) {
        parts.add(new Part(d.entries[i], part));
      }
      remaining = part == remaining ? PortSet.EMPTY : remaining.minus(part);
    }
    if (parts != null && !remaining.isEmpty()) {
      parts.add(new Part(d.finalDeny, remaining));
    }
    return allowed;
  }

  /** One entry and the keys it decided, for the proof. */
  record Part(NetworkAcl.Entry entry, PortSet keys) {}

  /** The highest rule number of one direction (any family), 0 when it has none but the final deny. */
  int highestRuleNumber(boolean egress) {
    int max = 0;
    for (NetworkAcl.Entry e : acl.entries()) {
      if (e.egress() == egress && !e.isFinalDeny()) {
        max = Math.max(max, e.ruleNumber());
      }
    }
    return max;
  }

  /** True when one direction already has an entry with this number. */
  boolean hasRuleNumber(boolean egress, int number) {
    for (NetworkAcl.Entry e : acl.entries()) {
      if (e.egress() == egress && e.ruleNumber() == number) {
        return true;
      }
    }
    return false;
  }
}
