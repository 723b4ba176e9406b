package dev.sgreach.benchmarks;

import com.google.common.collect.Range;
import com.google.common.collect.RangeSet;
import com.google.common.collect.TreeRangeSet;
import dev.sgreach.engine.Outcome;
import dev.sgreach.model.Cidr;
import dev.sgreach.model.Network;
import dev.sgreach.model.NetworkInterface;
import dev.sgreach.model.Peer;
import dev.sgreach.model.Ports;
import dev.sgreach.model.PrefixList;
import dev.sgreach.model.Rule;
import dev.sgreach.model.SecurityGroup;
import dev.sgreach.model.Traffic;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A deliberately simple evaluator of the same semantics as the engine, the way a naive tool would do it: no compiled
 * index, no interning, no buckets, no equivalence classes; every question is answered by walking the model's rules
 * and comparing strings. It exists only so that benchmark figures can be reported beside it in the same run
 * (DESIGN.md, Performance), and so that a test can check that the engine and it agree. It shares no code with the
 * engine: addresses are compared with its own bit arithmetic on the model's values, and "the internet" is its own
 * list of reserved ranges, less the blocks of the ENI's own VPC and of the VPCs actively peered with it.
 *
 * <ul>
 *   <li>{@link #outcomeFullScan}: a point query that scans every rule of every security group in the network,
 *       keeping those of groups on the source (egress) or destination (ingress);</li>
 *   <li>{@link #outcome}: a point query that looks the two ENIs' groups up by id and scans their rules;</li>
 *   <li>{@link #whoCanReach}: {@link #outcome} from every ENI of the network to the target;</li>
 *   <li>{@link #exposure}: every ENI's groups' inbound rules checked for internet peers, with the open TCP/UDP ports.
 *   </li>
 * </ul>
 *
 * <p>Verdicts are three-valued like the engine's: a group missing from the snapshot or a prefix list with unknown
 * entries make a side unknown rather than denied.
 */
public final class NaiveEvaluator {
  private static final int F = 0;
  private static final int T = 1;
  private static final int U = 2;
  /** Reserved IPv4 space as first and last address: private, shared, loopback, link-local, documentation, ... */
  private static final long[][] RESERVED_V4 = {
      {0x00000000L, 0x00FFFFFFL}, {0x0A000000L, 0x0AFFFFFFL}, {0x64400000L, 0x647FFFFFL},
      {0x7F000000L, 0x7FFFFFFFL}, {0xA9FE0000L, 0xA9FEFFFFL}, {0xAC100000L, 0xAC1FFFFFL},
      {0xC0000000L, 0xC00000FFL}, {0xC0000200L, 0xC00002FFL}, {0xC0A80000L, 0xC0A8FFFFL},
      {0xC6120000L, 0xC613FFFFL}, {0xC6336400L, 0xC63364FFL}, {0xCB007100L, 0xCB0071FFL},
      {0xE0000000L, 0xFFFFFFFFL}};

  private final Network network;

  public NaiveEvaluator(Network network) {
    this.network = network;
  }

  // ------------------------------------------------------------------ point queries

  /**
   * The flow's outcome from {@code a} to {@code b} (all their private addresses), scanning every rule of every group
   * of the network once.
   */
  public Outcome outcomeFullScan(NetworkInterface a, NetworkInterface b, Traffic t) {
    List<Cidr> as = a.privateAddresses();
    List<Cidr> bs = b.privateAddresses();
    int[] egress = new int[bs.size()]; // per destination address, the source's egress verdict
    int[] ingress = new int[as.size()]; // per source address, the destination's ingress verdict
    missingGroups(a, egress);
    missingGroups(b, ingress);
    for (SecurityGroup sg : network.securityGroups().values()) {
      boolean onA = a.securityGroupIds().contains(sg.id());
      boolean onB = b.securityGroupIds().contains(sg.id());
      for (Rule r : sg.egress()) {
        if (onA && admits(r.ports(), t)) {
          for (int j = 0; j < bs.size(); j++) {
            egress[j] = or(egress[j], peer(r, a, b, bs.get(j)));
          }
        }
      }
      for (Rule r : sg.ingress()) {
        if (onB && admits(r.ports(), t)) {
          for (int i = 0; i < as.size(); i++) {
            ingress[i] = or(ingress[i], peer(r, b, a, as.get(i)));
          }
        }
      }
    }
    return combine(as, bs, egress, ingress, t, a, b);
  }

  /** The flow's outcome from {@code a} to {@code b}, scanning the rules of the groups each side carries. */
  public Outcome outcome(NetworkInterface a, NetworkInterface b, Traffic t) {
    List<Cidr> as = a.privateAddresses();
    List<Cidr> bs = b.privateAddresses();
    int[] egress = new int[bs.size()];
    int[] ingress = new int[as.size()];
    missingGroups(a, egress);
    missingGroups(b, ingress);
    for (String id : a.securityGroupIds()) {
      Optional<SecurityGroup> sg = network.securityGroup(id);
      if (sg.isPresent()) {
        for (Rule r : sg.get().egress()) {
          if (admits(r.ports(), t)) {
            for (int j = 0; j < bs.size(); j++) {
              egress[j] = or(egress[j], peer(r, a, b, bs.get(j)));
            }
          }
        }
      }
    }
    for (String id : b.securityGroupIds()) {
      Optional<SecurityGroup> sg = network.securityGroup(id);
      if (sg.isPresent()) {
        for (Rule r : sg.get().ingress()) {
          if (admits(r.ports(), t)) {
            for (int i = 0; i < as.size(); i++) {
              ingress[i] = or(ingress[i], peer(r, b, a, as.get(i)));
            }
          }
        }
      }
    }
    return combine(as, bs, egress, ingress, t, a, b);
  }

  private void missingGroups(NetworkInterface e, int[] verdicts) {
    for (String id : e.securityGroupIds()) {
      if (network.securityGroup(id).isEmpty()) {
        java.util.Arrays.fill(verdicts, U);
        return;
      }
    }
  }

  private static Outcome combine(List<Cidr> as, List<Cidr> bs, int[] egress, int[] ingress, Traffic t,
      NetworkInterface a, NetworkInterface b) {
    if (a.id().equals(b.id())) {
      // an ENI's traffic to itself never passes through it: no group judges it (only the address pair must exist)
      java.util.Arrays.fill(egress, T);
      java.util.Arrays.fill(ingress, T);
    }
    int fam = t.family();
    int result = F;
    for (int i = 0; i < as.size(); i++) {
      for (int j = 0; j < bs.size(); j++) {
        Cidr x = as.get(i);
        Cidr y = bs.get(j);
        if (x.family() != y.family() || fam != 0 && fam != x.family()) {
          continue;
        }
        int e = egress[j];
        int in = ingress[i];
        if (e == T && in == T) {
          return Outcome.ALLOWED;
        }
        if (e != F && in != F) {
          result = U;
        }
      }
    }
    return result == U ? Outcome.UNKNOWN : Outcome.DENIED;
  }

  private static int or(int a, int b) {
    return a == T || b == T ? T : a == U || b == U ? U : F;
  }

  /** AWS's protocol and port check. */
  static boolean admits(Ports p, Traffic t) {
    int proto = p.protocol().number();
    if (proto == -1) {
      return true;
    }
    if (proto != t.protocol().number()) {
      return false;
    }
    if (proto == 6 || proto == 17) {
      return p.from() <= t.port() && t.port() <= p.to();
    }
    if (proto == 1 || proto == 58) {
      return (p.from() == -1 || p.from() == t.icmpType()) && (p.to() == -1 || p.to() == t.icmpCode());
    }
    return true;
  }

  /** Does rule {@code r} of {@code self} match {@code other} at {@code otherAddress}? */
  private int peer(Rule r, NetworkInterface self, NetworkInterface other, Cidr otherAddress) {
    Peer p = r.peer();
    if (p instanceof Peer.CidrPeer c) {
      return inBlock(c.cidr(), otherAddress) ? T : F;
    }
    if (p instanceof Peer.GroupPeer g) {
      String status = g.peeringStatus();
      if (status != null && !status.isEmpty() && !status.equalsIgnoreCase("active")) {
        return F;
      }
      return other.securityGroupIds().contains(g.groupId()) && joined(self.vpcId(), other.vpcId()) ? T : F;
    }
    PrefixList list = network.prefixList(((Peer.PrefixListPeer) p).prefixListId()).orElse(null);
    if (list == null || !list.entriesKnown()) {
      return U;
    }
    for (Cidr c : list.entries().get()) {
      if (inBlock(c, otherAddress)) {
        return T;
      }
    }
    return F;
  }

  /** True when a single address lies in a block of its family: the two agree on the block's prefix bits. */
  static boolean inBlock(Cidr block, Cidr address) {
    if (block.isIpv4() != address.isIpv4()) {
      return false;
    }
    int n = block.length();
    if (block.isIpv4()) {
      return n == 0 || (block.low() >>> (32 - n)) == (address.low() >>> (32 - n));
    }
    if (n <= 64) {
      return n == 0 || (block.high() >>> (64 - n)) == (address.high() >>> (64 - n));
    }
    return block.high() == address.high() && (block.low() >>> (128 - n)) == (address.low() >>> (128 - n));
  }

  /** Same VPC, either unknown, or an active peering of the snapshot between them. */
  private boolean joined(String a, String b) {
    if (a.isEmpty() || b.isEmpty() || a.equals(b)) {
      return true;
    }
    return network.peerings().values().stream().anyMatch(p -> "active".equals(p.status())
        && (p.requesterVpcId().equals(a) && p.accepterVpcId().equals(b)
            || p.requesterVpcId().equals(b) && p.accepterVpcId().equals(a)));
  }

  // ------------------------------------------------------------------ sweeps

  /** Every other ENI of the network whose flow to {@code target} is allowed, by {@link #outcome} for each. */
  public List<NetworkInterface> whoCanReach(NetworkInterface target, Traffic t) {
    List<NetworkInterface> out = new ArrayList<>();
    for (NetworkInterface e : network.interfaces().values()) {
      if (e != target && outcome(e, target, t) == Outcome.ALLOWED) {
        out.add(e);
      }
    }
    return out;
  }

  /**
   * One exposed ENI: the inbound rules that admit internet sources, and the TCP and UDP ports they open.
   *
   * @param eni the ENI
   * @param rules the rules with a public peer
   * @param tcp the TCP ports open to the internet
   * @param udp the UDP ports open to the internet
   */
  public record Exposed(NetworkInterface eni, List<Rule> rules, RangeSet<Integer> tcp, RangeSet<Integer> udp) {}

  /**
   * Every ENI with an inbound rule whose CIDR or prefix-list peer includes a public address of a family the ENI has,
   * checking every ENI's every group's every inbound rule.
   */
  public List<Exposed> exposure() {
    List<Exposed> out = new ArrayList<>();
    for (NetworkInterface e : network.interfaces().values()) {
      boolean v4 = !e.privateIpv4().isEmpty() || !e.publicIpv4().isEmpty();
      boolean v6 = !e.ipv6().isEmpty();
      List<Cidr> own = ownSpace(e);
      List<Rule> rules = new ArrayList<>();
      RangeSet<Integer> tcp = TreeRangeSet.create();
      RangeSet<Integer> udp = TreeRangeSet.create();
      for (String id : e.securityGroupIds()) {
        SecurityGroup sg = network.securityGroup(id).orElse(null);
        if (sg == null) {
          continue;
        }
        for (Rule r : sg.ingress()) {
          List<Cidr> blocks;
          if (r.peer() instanceof Peer.CidrPeer c) {
            blocks = List.of(c.cidr());
          } else if (r.peer() instanceof Peer.PrefixListPeer pl) {
            blocks = network.prefixList(pl.prefixListId()).flatMap(PrefixList::entries).map(List::copyOf)
                .orElse(List.of());
          } else {
            continue;
          }
          boolean open = false;
          for (Cidr b : blocks) {
            if ((b.isIpv4() ? v4 : v6) && includesPublic(b) && own.stream().noneMatch(o -> holds(o, b))) {
              open = true;
            }
          }
          if (!open) {
            continue;
          }
          rules.add(r);
          int proto = r.ports().protocol().number();
          if (proto == -1) {
            tcp.add(Range.closedOpen(0, 65536));
            udp.add(Range.closedOpen(0, 65536));
          } else if (proto == 6) {
            tcp.add(Range.closedOpen(r.ports().from(), r.ports().to() + 1));
          } else if (proto == 17) {
            udp.add(Range.closedOpen(r.ports().from(), r.ports().to() + 1));
          }
        }
      }
      if (!rules.isEmpty()) {
        out.add(new Exposed(e, rules, tcp, udp));
      }
    }
    return out;
  }

  /** The blocks of the ENI's VPC and of every VPC an active peering joins to it: its own space, not the internet. */
  private List<Cidr> ownSpace(NetworkInterface e) {
    List<Cidr> out = new ArrayList<>();
    List<String> vpcs = new ArrayList<>(List.of(e.vpcId()));
    for (dev.sgreach.model.VpcPeering p : network.peerings().values()) {
      if (p.isActive() && p.requesterVpcId().equals(e.vpcId())) {
        vpcs.add(p.accepterVpcId());
      } else if (p.isActive() && p.accepterVpcId().equals(e.vpcId())) {
        vpcs.add(p.requesterVpcId());
      }
    }
    for (String v : vpcs) {
      dev.sgreach.model.Vpc vpc = network.vpcs().get(v);
      if (vpc != null) {
        out.addAll(vpc.cidrs());
      }
    }
    return out;
  }

  /** True when {@code outer} holds every address of {@code inner}: same family, and its prefix bits agree. */
  static boolean holds(Cidr outer, Cidr inner) {
    if (outer.isIpv4() != inner.isIpv4() || inner.length() < outer.length()) {
      return false;
    }
    int len = outer.length();
    if (outer.isIpv4()) {
      return len == 0 || (outer.low() >>> (32 - len)) == (inner.low() >>> (32 - len));
    }
    if (len <= 64) {
      return len == 0 || (outer.high() >>> (64 - len)) == (inner.high() >>> (64 - len));
    }
    return outer.high() == inner.high() && (outer.low() >>> (128 - len)) == (inner.low() >>> (128 - len));
  }

  /**
   * True when the block holds a public address (DESIGN.md: outside private and reserved space): for IPv4, when no
   * reserved range holds the whole block; for IPv6, when it shares an address with {@code 2000::/3} and is not inside
   * {@code 2001:db8::/32}.
   */
  static boolean includesPublic(Cidr block) {
    if (block.isIpv4()) {
      long first = block.low();
      long last = first + (1L << (32 - block.length())) - 1;
      for (long[] r : RESERVED_V4) {
        if (r[0] <= first && last <= r[1]) {
          return false;
        }
      }
      return true;
    }
    // 2000::/3 is the addresses whose first three bits are 001: the block's first (up to three) bits must agree
    int n = Math.min(3, block.length());
    boolean global = n == 0 || (block.high() >>> (64 - n)) == (1L >>> (3 - n));
    boolean documentation = block.length() >= 32 && (block.high() >>> 32) == 0x20010DB8L;
    return global && !documentation;
  }
}
