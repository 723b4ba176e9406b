package dev.sgreach.path;

import dev.sgreach.engine.Outcome;
import dev.sgreach.model.Cidr;
import dev.sgreach.model.InternetGateway;
import dev.sgreach.model.Layer;
import dev.sgreach.model.NatGateway;
import dev.sgreach.model.Network;
import dev.sgreach.model.NetworkAcl;
import dev.sgreach.model.NetworkInterface;
import dev.sgreach.model.PrefixList;
import dev.sgreach.model.RouteTable;
import dev.sgreach.model.RouteTarget;
import dev.sgreach.model.Subnet;
import dev.sgreach.model.Traffic;
import dev.sgreach.model.TransitGateway;
import dev.sgreach.model.Vpc;
import dev.sgreach.model.VpcEndpoint;
import dev.sgreach.model.VpcPeering;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * A deliberately naive, independent evaluator of the packet path (DOMAIN-PATH.md), the oracle the path package is
 * compared with. It shares no code with {@code dev.sgreach.path}: addresses are {@link BigInteger}s parsed with
 * {@link InetAddress} and compared by shifting; a subnet's ACL and route table are found by scanning every ACL and
 * route table for its association; an ACL direction is judged by scanning every entry of the ACL for the lowest
 * numbered one that matches, port by port segment (the segments cut at every entry's bounds); a route is chosen by
 * scanning every route and every prefix-list entry; nothing is compiled or cached. From the model it reads plain
 * fields only (no {@code Cidr.contains}, no {@code Ports.keys}, no {@code Network.interfaceOwning}).
 *
 * <p>The semantics it implements, point by point:
 *
 * <ol>
 *   <li>No ACL and no route data: allowed. ACLs without route tables: the source subnet's ACL outbound and the
 *       destination subnet's inbound (unless they are one subnet), then the reply the other way on the client ports.
 *   <li>Exempt: to {@code 169.254.169.253}, {@code fd00:ec2::253} or the sender VPC's first IPv4 block + 2: allowed
 *       for tcp/udp 53, else unknown; to {@code 169.254.169.254}, {@code fd00:ec2::254}: allowed for tcp 80, else
 *       unknown; other {@code 169.254/16}, {@code fd00:ec2::/32}: unknown (denied for an outside sender); another
 *       VPC's resolver address outside the sender VPC's blocks: denied. No reply is checked.
 *   <li>A sender ENI starts in its subnet; an outside sender in a VPC's blocks in the subnet whose block holds it; an
 *       internet sender (not private, shared, loopback, link-local, multicast) arrives through the internet gateway of
 *       the owner of the destination's public address; any other sender is of unknown origin and starts at the
 *       destination subnet's inbound ACL.
 *   <li>In a subnet: destination in the same subnet: delivered, no ACL, no route. Else the subnet's route table
 *       (explicit association, else the VPC's main table; none or several: unknown) picks the longest matching block,
 *       static before prefix list before propagated, prefix lists with unknown entries making it unknown unless a
 *       static /32 or /128 matched, equal prefix lists with different targets unknown; none: denied; blackhole:
 *       denied.
 *   <li>Targets: local: outbound ACL, the VPC's subnet holding the address (none: denied), inbound ACL, delivery.
 *       Internet gateway: outbound ACL, attachment, destination must be an internet address, the source needs a public
 *       address (NAT gateway Elastic IP, the ENI's recorded pair, else its only private address; unknown when it has
 *       public addresses but several private ones and no pairs), then the internet: to a public address that the
 *       snapshot owns back in, else out of AWS. Egress-only: IPv6 only. NAT gateway: outbound and NAT subnet inbound
 *       ACLs when another subnet, availability, not on a reply, TCP/UDP/ICMP, the source becomes the NAT's address,
 *       then its subnet routes on. Peering: outbound ACL, active, destination in the peer VPC's blocks, the peer's
 *       subnet holding it, inbound ACL. Transit gateway: the VPC's attachment, its subnet in the sender subnet's zone
 *       (none: denied), outbound ACL and that subnet's inbound ACL, the attachment's table, longest route (static
 *       before propagated; VPC propagations are the VPC's blocks; other propagations unknown), the target
 *       attachment: a VPC (enter through the attachment subnet of the zone, route on), a peering (the same attachment
 *       on the peer gateway), else unknown. Gateway endpoint: TCP or ICMP echo, outbound ACL, out of AWS. VGW and the
 *       other targets: unknown.
 *   <li>Delivery: a NAT gateway's own address: denied; the destination ENI: arrived; an address AWS reserves: unknown;
 *       else denied.
 *   <li>Reply (not for ICMP messages other than echo, timestamp, information and mask requests): from the arrival
 *       subnet (or from the internet to the public address the destination saw, or through the endpoint) back to the
 *       source as the destination saw it, on the client's ports (a NAT gateway's 1024-65535 while a NAT session
 *       is open), ICMP as its reply type; a NAT gateway on the reply's way out: denied; at the NAT's address with its
 *       session: back to the original source; internet out: the reply's source must be the address the client sent
 *       to.
 *   <li>ACL partial on the reply: denied for those ports, go on; total: denied, stop. A missing ACL: unknown, go on.
 *       Anything else missing: unknown, stop. A loop (a subnet, NAT gateway or transit gateway attachment met twice
 *       in one direction) or more than 32 hops: denied.
 * </ol>
 */
final class NaivePathOracle {
  /**
   * A deliberate error to plant in the oracle, so that a test can show the property test notices it
   * ({@code PathOracleMutantsAreCaughtTest}); {@link #NONE} for the real oracle.
   */
  enum Mutation {
    NONE,
    /** ACL entries in the order listed instead of by rule number. */
    ACL_FILE_ORDER,
    /** A packet no ACL entry matches passes. */
    NO_FINAL_DENY,
    /** The reply is not checked. */
    NO_REPLY,
    /** The first matching route in the table's order wins, not the longest prefix. */
    FIRST_ROUTE,
    /** The transit gateway is entered from any zone. */
    NO_ZONE_RULE,
    /** A subnet whose ACL is missing passes. */
    MISSING_ACL_ALLOWS,
    /** Traffic inside one subnet meets its ACL. */
    SAME_SUBNET_FILTERED
  }

  private final Network n;
  private final Mutation mutation;

  NaivePathOracle(Network network) {
    this(network, Mutation.NONE);
  }

  NaivePathOracle(Network network, Mutation mutation) {
    this.n = network;
    this.mutation = mutation;
  }

  /** An answer: the outcome, the first denying component, and each reply ACL that denied part of the ports. */
  record Answer(Outcome outcome, String blocker, List<String> replyDenials) {
    @Override
    public String toString() {
      return outcome.word() + (blocker.isEmpty() ? "" : " at " + blocker)
          + (replyDenials.isEmpty() ? "" : ", reply denied " + replyDenials);
    }
  }

  Answer judge(PathEnd from, PathEnd to, Traffic traffic, ClientPorts ports) {
    Query q = new Query(from, to, traffic, ports);
    q.run();
    String blocker = "";
    int o = 1;
    for (Event e : q.events) {
      if (e.verdict == 0 && blocker.isEmpty()) {
        blocker = e.component;
      }
      o = and(o, e.verdict);
    }
    List<String> denials = new ArrayList<>();
    for (Event e : q.events) {
      if (e.reply && e.deniedPorts != null) {
        denials.add(e.component + " " + e.deniedPorts);
      }
    }
    return new Answer(o == 1 ? Outcome.ALLOWED : o == 0 ? Outcome.DENIED : Outcome.UNKNOWN, blocker, denials);
  }

  private static int and(int a, int b) {
    if (a == 0 || b == 0) {
      return 0;
    }
    return a == 1 && b == 1 ? 1 : 2;
  }

  private record Event(int verdict, String component, boolean reply, String deniedPorts) {}

  // ------------------------------------------------------------------------------------------------ addresses

  private record Block(int family, BigInteger value, int length) {
    int bits() {
      return family == 4 ? 32 : 128;
    }
  }

  private static Block block(Cidr c) {
    String text = c.toCidrString();
    int slash = text.indexOf('/');
    try {
      byte[] raw = InetAddress.getByName(text.substring(0, slash)).getAddress();
      return new Block(raw.length == 4 ? 4 : 6, new BigInteger(1, raw), Integer.parseInt(text.substring(slash + 1)));
    } catch (UnknownHostException e) {
      throw new IllegalStateException(e);
    }
  }

  private static boolean inside(Cidr outer, Cidr inner) {
    Block o = block(outer);
    Block i = block(inner);
    if (o.family != i.family || i.length < o.length) {
      return false;
    }
    int shift = o.bits() - o.length;
    return o.value.shiftRight(shift).equals(i.value.shiftRight(shift));
  }

  private static boolean inside(String outer, Cidr inner) {
    return inside(Cidr.parse(outer), inner);
  }

  private static boolean internet(Cidr a) {
    if (a.isIpv6()) {
      return inside("2000::/3", a);
    }
    for (String s : new String[] {"10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "100.64.0.0/10", "0.0.0.0/8",
        "127.0.0.0/8", "169.254.0.0/16", "224.0.0.0/3"}) {
      if (inside(s, a)) {
        return false;
      }
    }
    return true;
  }

  private static boolean privateOrShared(Cidr a) {
    for (String s : new String[] {"10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "100.64.0.0/10"}) {
      if (inside(s, a)) {
        return true;
      }
    }
    return false;
  }

  private static boolean reserved(Cidr subnetBlock, Cidr a) {
    if (!inside(subnetBlock, a)) {
      return false;
    }
    Block b = block(subnetBlock);
    Block x = block(a);
    BigInteger offset = x.value.subtract(b.value);
    BigInteger size = BigInteger.ONE.shiftLeft(b.bits() - b.length);
    return offset.compareTo(BigInteger.valueOf(3)) <= 0 || offset.equals(size.subtract(BigInteger.ONE));
  }

  private static Cidr plusTwo(Cidr v4) {
    Block b = block(v4);
    BigInteger v = b.value.add(BigInteger.TWO);
    int x = v.intValue();
    return Cidr.parse(((x >>> 24) & 255) + "." + ((x >>> 16) & 255) + "." + ((x >>> 8) & 255) + "." + (x & 255));
  }

  // ------------------------------------------------------------------------------------------------ lookups by scan

  private Subnet subnet(String id) {
    for (Subnet s : n.subnets().values()) {
      if (s.id().equals(id)) {
        return s;
      }
    }
    return null;
  }

  private NetworkInterface eniHolding(Cidr a) {
    for (NetworkInterface e : n.interfaces().values()) {
      for (Cidr x : e.privateIpv4()) {
        if (x.equals(a)) {
          return e;
        }
      }
      for (Cidr x : e.ipv6()) {
        if (x.equals(a)) {
          return e;
        }
      }
    }
    for (NetworkInterface e : n.interfaces().values()) {
      for (Cidr p : e.prefixes()) {
        if (inside(p, a)) {
          return e;
        }
      }
    }
    return null;
  }

  /** The ENI of this VPC holding the address: a listed private address first, then a delegated prefix. */
  private NetworkInterface eniHolding(Cidr a, String vpc) {
    boolean listed = false;
    for (NetworkInterface e : n.interfaces().values()) {
      if (e.privateIpv4().contains(a) || e.ipv6().contains(a)) {
        listed = true;
        if (e.vpcId().equals(vpc)) {
          return e;
        }
      }
    }
    if (listed) {
      return null;
    }
    NetworkInterface e = eniHolding(a);
    return e != null && e.vpcId().equals(vpc) ? e : null;
  }

  /** The subnet of VPC {@code vpc} that holds the address; "" none (known), null unknown. */
  private String subnetHolding(String vpc, Cidr a) {
    NetworkInterface e = eniHolding(a, vpc);
    if (e != null && !e.subnetId().isEmpty()) {
      return e.subnetId();
    }
    boolean any = false;
    for (Subnet s : n.subnets().values()) {
      if (s.vpcId().equals(vpc)) {
        any = true;
        for (Cidr c : s.cidrs()) {
          if (inside(c, a)) {
            return s.id();
          }
        }
      }
    }
    return any ? "" : null;
  }

  private List<Cidr> vpcBlocks(String vpc) {
    for (Vpc v : n.vpcs().values()) {
      if (v.id().equals(vpc)) {
        return v.cidrs();
      }
    }
    return List.of();
  }

  /** The VPC whose blocks (or, without them, subnets' blocks) hold the address; "" none, "*" several. */
  private String vpcHolding(Cidr a) {
    Set<String> vpcIds = new java.util.LinkedHashSet<>();
    n.vpcs().keySet().forEach(vpcIds::add);
    n.subnets().values().forEach(s -> vpcIds.add(s.vpcId()));
    n.interfaces().values().forEach(e -> {
      if (!e.vpcId().isEmpty()) {
        vpcIds.add(e.vpcId());
      }
    });
    String found = "";
    for (String v : vpcIds) {
      List<Cidr> blocks = vpcBlocks(v);
      boolean holds = false;
      if (blocks.isEmpty()) {
        for (Subnet s : n.subnets().values()) {
          if (s.vpcId().equals(v)) {
            for (Cidr c : s.cidrs()) {
              holds |= inside(c, a);
            }
          }
        }
      } else {
        for (Cidr c : blocks) {
          holds |= inside(c, a);
        }
      }
      if (holds) {
        if (!found.isEmpty()) {
          return "*";
        }
        found = v;
      }
    }
    return found;
  }

  private String vpcOfSubnet(String subnetId) {
    Subnet s = subnet(subnetId);
    if (s != null) {
      return s.vpcId();
    }
    for (NetworkInterface e : n.interfaces().values()) {
      if (e.subnetId().equals(subnetId)) {
        return e.vpcId();
      }
    }
    return "";
  }

  private String zoneOf(String subnetId) {
    Subnet s = subnet(subnetId);
    if (s != null) {
      return s.availabilityZoneId().isEmpty() ? s.availabilityZone() : s.availabilityZoneId();
    }
    for (NetworkInterface e : n.interfaces().values()) {
      if (e.subnetId().equals(subnetId)) {
        return e.availabilityZone();
      }
    }
    return "";
  }

  /** The ACL serving a subnet; null when unknown (none, or several). */
  private NetworkAcl aclOf(String subnetId) {
    List<NetworkAcl> explicit = new ArrayList<>();
    for (NetworkAcl a : n.networkAcls().values()) {
      if (a.subnetIds().contains(subnetId)) {
        explicit.add(a);
      }
    }
    if (!explicit.isEmpty()) {
      return explicit.size() == 1 ? explicit.get(0) : null;
    }
    List<NetworkAcl> defaults = new ArrayList<>();
    for (NetworkAcl a : n.networkAcls().values()) {
      if (a.isDefault() && a.vpcId().equals(vpcOfSubnet(subnetId))) {
        defaults.add(a);
      }
    }
    return defaults.size() == 1 ? defaults.get(0) : null;
  }

  private RouteTable tableOf(String subnetId) {
    List<RouteTable> explicit = new ArrayList<>();
    for (RouteTable t : n.routeTables().values()) {
      if (t.subnetIds().contains(subnetId)) {
        explicit.add(t);
      }
    }
    if (!explicit.isEmpty()) {
      return explicit.size() == 1 ? explicit.get(0) : null;
    }
    List<RouteTable> mains = new ArrayList<>();
    for (RouteTable t : n.routeTables().values()) {
      if (t.main() && t.vpcId().equals(vpcOfSubnet(subnetId))) {
        mains.add(t);
      }
    }
    return mains.size() == 1 ? mains.get(0) : null;
  }

  /** Does the ACL entry match a packet of this protocol, peer and key (ignoring the entry's direction)? */
  private static boolean entryMatches(NetworkAcl.Entry e, int proto, Cidr peer, int key) {
    if (!inside(e.cidr(), peer)) {
      return false;
    }
    int p = e.ports().protocol().number();
    if (p == -1) {
      return true;
    }
    if (p != proto) {
      return false;
    }
    if (p == 6 || p == 17) {
      return e.ports().from() <= key && key <= e.ports().to();
    }
    if (p == 1 || p == 58) {
      int type = key / 256;
      int code = key % 256;
      return (e.ports().from() == -1 || e.ports().from() == type) && (e.ports().to() == -1 || e.ports().to() == code);
    }
    return true;
  }

  /** Does the ACL let this key through? The lowest-numbered matching entry of the direction decides. */
  private boolean aclAllows(NetworkAcl a, boolean egress, int proto, Cidr peer, int key) {
    NetworkAcl.Entry best = null;
    for (NetworkAcl.Entry e : a.entries()) {
      if (e.egress() == egress && entryMatches(e, proto, peer, key)
          && (best == null || e.ruleNumber() < best.ruleNumber() && mutation != Mutation.ACL_FILE_ORDER)) {
        best = e;
      }
    }
    if (best == null) {
      return mutation == Mutation.NO_FINAL_DENY;
    }
    return best.action() == NetworkAcl.Action.ALLOW;
  }

  // ------------------------------------------------------------------------------------------------ one query

  private final class Query {
    final PathEnd from;
    final PathEnd to;
    final Traffic traffic;
    final ClientPorts clientPorts;
    final List<Event> events = new ArrayList<>();
    final int proto;
    boolean reply;
    boolean done;
    Cidr src;
    Cidr dst;
    int lo;
    int hi;
    Cidr seen;
    String arrivedAt;
    String endpointExit;
    String endpointVpc;
    String eigwVpc;
    final List<Object[]> nats = new ArrayList<>(); // {NatGateway, subnetId, original, translated}
    final Set<String> met = new HashSet<>();
    int hops;

    Query(PathEnd from, PathEnd to, Traffic traffic, ClientPorts clientPorts) {
      this.from = from;
      this.to = to;
      this.traffic = traffic;
      this.clientPorts = clientPorts;
      this.proto = traffic.protocol().number();
    }

    void event(int verdict, String component) {
      events.add(new Event(verdict, component, reply, null));
      if (verdict != 1) {
        done = verdict == 0 || done;
      }
    }

    void deny(String component) {
      events.add(new Event(0, component, reply, null));
      done = true;
    }

    void unknown(String component) {
      events.add(new Event(2, component, reply, null));
      done = true;
    }

    void run() {
      boolean acls = n.covers(Layer.NETWORK_ACLS);
      boolean routes = n.covers(Layer.ROUTES);
      if (!acls && !routes) {
        return;
      }
      src = from.address();
      dst = to.address();
      lo = traffic.key();
      hi = traffic.key();
      if (exemption()) {
        return;
      }
      if (!routes) {
        aclOnly();
        return;
      }
      if (from.eni().isPresent()) {
        String s = from.eni().get().subnetId();
        if (s.isEmpty()) {
          unknown(from.eni().get().id());
          return;
        }
        inSubnet(s);
        return;
      }
      String v = vpcHolding(src);
      if (v.equals("*")) {
        unknown(src.toString());
        return;
      }
      if (!v.isEmpty()) {
        String s = subnetHolding(v, src);
        if (s == null) {
          unknown(v);
        } else if (s.isEmpty()) {
          deny(v);
        } else {
          inSubnet(s);
        }
        return;
      }
      if (internet(src)) {
        Object[] owner = publicOwner(dst);
        if (owner != null) {
          fromInternet(owner);
          return;
        }
        String dv = to.eni().map(NetworkInterface::vpcId).orElse("");
        if (!dv.isEmpty() && hasWayIn(dv)) {
          elsewhere();
          return;
        }
        deny(src.toString());
        return;
      }
      elsewhere();
    }

    boolean hasWayIn(String vpc) {
      for (RouteTable t : n.routeTables().values()) {
        if (t.vpcId().equals(vpc)) {
          for (RouteTable.Route r : t.routes()) {
            RouteTarget.Kind k = r.target().kind();
            if (k == RouteTarget.Kind.VIRTUAL_PRIVATE_GATEWAY || k == RouteTarget.Kind.TRANSIT_GATEWAY
                || k == RouteTarget.Kind.VPC_PEERING || k == RouteTarget.Kind.LOCAL_GATEWAY
                || k == RouteTarget.Kind.CORE_NETWORK || k == RouteTarget.Kind.CARRIER_GATEWAY) {
              return true;
            }
          }
        }
      }
      return false;
    }

    void elsewhere() {
      String d = to.eni().map(NetworkInterface::subnetId).orElse("");
      if (d.isEmpty()) {
        unknown(src.toString());
        return;
      }
      events.add(new Event(2, src.toString(), reply, null));
      acl(d, false);
      if (!done) {
        deliver(d);
      }
    }

    boolean exemption() {
      String vpc;
      if (from.eni().isPresent()) {
        vpc = from.eni().get().vpcId();
      } else {
        String v = vpcHolding(src);
        vpc = v.equals("*") ? "" : v;
      }
      boolean linkLocal = inside("169.254.0.0/16", dst) || inside("fd00:ec2::/32", dst);
      if (vpc.isEmpty()) {
        if (linkLocal) {
          deny(dst.toString());
          return true;
        }
        return false;
      }
      Cidr ownDns = null;
      for (Cidr c : vpcBlocks(vpc)) {
        if (c.isIpv4()) {
          ownDns = plusTwo(c);
          break;
        }
      }
      int port = traffic.port();
      if (dst.equals(Cidr.parse("169.254.169.253")) || dst.equals(Cidr.parse("fd00:ec2::253"))
          || dst.equals(ownDns)) {
        event((proto == 6 || proto == 17) && port == 53 ? 1 : 2, dst.toString());
        done = true;
        return true;
      }
      if (dst.equals(Cidr.parse("169.254.169.254")) || dst.equals(Cidr.parse("fd00:ec2::254"))) {
        event(proto == 6 && port == 80 ? 1 : 2, dst.toString());
        done = true;
        return true;
      }
      if (linkLocal) {
        unknown(dst.toString());
        return true;
      }
      for (Vpc v : n.vpcs().values()) {
        if (v.id().equals(vpc)) {
          continue;
        }
        Cidr dns = null;
        for (Cidr c : v.cidrs()) {
          if (c.isIpv4()) {
            dns = plusTwo(c);
            break;
          }
        }
        if (dst.equals(dns)) {
          boolean ours = false;
          for (Cidr c : vpcBlocks(vpc)) {
            ours |= inside(c, dst);
          }
          if (!ours && firstVpcWithDns(dst).equals(v.id())) {
            deny(dst.toString());
            return true;
          }
        }
      }
      return false;
    }

    String firstVpcWithDns(Cidr a) {
      for (Vpc v : n.vpcs().values()) {
        for (Cidr c : v.cidrs()) {
          if (c.isIpv4()) {
            if (plusTwo(c).equals(a)) {
              return v.id();
            }
            break;
          }
        }
      }
      return "";
    }

    void aclOnly() {
      String s = endSubnet(from);
      String d = endSubnet(to);
      if (!s.isEmpty() && s.equals(d)) {
        return;
      }
      if (!s.isEmpty()) {
        acl(s, true);
      }
      if (!done && !d.isEmpty()) {
        acl(d, false);
      }
      if (done || oneWay()) {
        return;
      }
      turnAround(dst, src);
      if (!d.isEmpty()) {
        acl(d, true);
      }
      if (!done && !s.isEmpty()) {
        acl(s, false);
      }
    }

    String endSubnet(PathEnd e) {
      if (e.eni().isPresent()) {
        return e.eni().get().subnetId();
      }
      String v = vpcHolding(e.address());
      if (v.isEmpty() || v.equals("*")) {
        return "";
      }
      String s = subnetHolding(v, e.address());
      return s == null ? "" : s;
    }

    // ---------------------------------------------------------------------------------------------- acl

    void acl(String subnetId, boolean egress) {
      if (!n.covers(Layer.NETWORK_ACLS)) {
        return;
      }
      NetworkAcl a = aclOf(subnetId);
      if (a == null) {
        if (mutation != Mutation.MISSING_ACL_ALLOWS) {
          events.add(new Event(2, subnetId, reply, null));
        }
        return;
      }
      Cidr peer = egress ? dst : src;
      // cut the key range at every entry bound, judge one key per segment
      TreeSet<Integer> cuts = new TreeSet<>();
      cuts.add(lo);
      for (NetworkAcl.Entry e : a.entries()) {
        int p = e.ports().protocol().number();
        if (p == 6 || p == 17) {
          cuts.add(e.ports().from());
          cuts.add(e.ports().to() + 1);
        }
      }
      List<int[]> denied = new ArrayList<>();
      boolean anyAllowed = false;
      List<Integer> points = new ArrayList<>(cuts.subSet(lo, true, hi, true));
      for (int i = 0; i < points.size(); i++) {
        int start = points.get(i);
        int end = i + 1 < points.size() ? points.get(i + 1) - 1 : hi;
        if (aclAllows(a, egress, proto, peer, start)) {
          anyAllowed = true;
        } else if (!denied.isEmpty() && denied.get(denied.size() - 1)[1] == start - 1) {
          denied.get(denied.size() - 1)[1] = end;
        } else {
          denied.add(new int[] {start, end});
        }
      }
      if (denied.isEmpty()) {
        events.add(new Event(1, a.id(), reply, null));
        return;
      }
      StringBuilder text = new StringBuilder();
      for (int[] r : denied) {
        if (text.length() > 0) {
          text.append(", ");
        }
        text.append(r[0] == r[1] ? Integer.toString(r[0]) : r[0] + "-" + r[1]);
      }
      events.add(new Event(0, a.id(), reply, reply ? text.toString() : null));
      if (!anyAllowed) {
        done = true;
      }
    }

    // ---------------------------------------------------------------------------------------------- subnets

    boolean loop(String place) {
      hops++;
      if (hops > 32 || !met.add((reply ? "r:" : "f:") + place)) {
        deny(place);
        return true;
      }
      return false;
    }

    void inSubnet(String s) {
      if (loop(s)) {
        return;
      }
      String vpc = vpcOfSubnet(s);
      String holder = subnetHolding(vpc, dst);
      if (s.equals(holder)) {
        if (mutation == Mutation.SAME_SUBNET_FILTERED) {
          acl(s, true);
          if (!done) {
            acl(s, false);
          }
          if (done) {
            return;
          }
        }
        deliver(s);
        return;
      }
      RouteTable t = tableOf(s);
      if (t == null) {
        unknown(s);
        return;
      }
      Object pick = pickRoute(t, dst);
      if (pick == null) {
        deny(t.id());
        return;
      }
      if (pick instanceof String) {
        unknown(t.id());
        return;
      }
      RouteTable.Route r = (RouteTable.Route) pick;
      if (r.state() == RouteTable.State.BLACKHOLE) {
        deny(t.id());
        return;
      }
      RouteTarget target = r.target();
      switch (target.kind()) {
        case LOCAL -> {
          acl(s, true);
          if (done) {
            return;
          }
          String d = subnetHolding(vpc, dst);
          if (d == null) {
            unknown(vpc);
          } else if (d.isEmpty()) {
            deny(vpc);
          } else {
            acl(d, false);
            if (!done) {
              deliver(d);
            }
          }
        }
        case INTERNET_GATEWAY -> {
          acl(s, true);
          if (!done) {
            igwOut(target.id(), vpc);
          }
        }
        case EGRESS_ONLY_INTERNET_GATEWAY -> {
          acl(s, true);
          if (!done) {
            eigwOut(target.id(), vpc);
          }
        }
        case NAT_GATEWAY -> nat(s, target.id());
        case VPC_PEERING -> {
          acl(s, true);
          if (!done) {
            peering(s, vpc, target.id());
          }
        }
        case TRANSIT_GATEWAY -> tgwFromSubnet(s, vpc, target.id());
        case VPC_ENDPOINT -> endpoint(s, vpc, r);
        default -> {
          acl(s, true);
          if (!done) {
            unknown(target.id());
          }
        }
      }
    }

    /** The route AWS uses: a Route, null for none, or a String when it cannot be decided. */
    Object pickRoute(RouteTable t, Cidr a) {
      RouteTable.Route best = null;
      int bestLength = -1;
      int bestRank = 9;
      boolean tie = false;
      boolean unknownList = false;
      for (RouteTable.Route r : t.routes()) {
        List<Cidr> blocks = new ArrayList<>();
        int rank;
        if (r.destination().isPresent()) {
          blocks.add(r.destination().get());
          rank = r.origin() == RouteTable.Origin.ENABLE_VGW_ROUTE_PROPAGATION ? 2 : 0;
        } else {
          PrefixList list = n.prefixLists().get(r.prefixListId().get());
          if (list == null || list.entries().isEmpty()) {
            unknownList = true;
            continue;
          }
          blocks.addAll(list.entries().get());
          rank = 1;
        }
        for (Cidr b : blocks) {
          if (!inside(b, a)) {
            continue;
          }
          int len = block(b).length;
          if (mutation == Mutation.FIRST_ROUTE ? best == null
              : len > bestLength || len == bestLength && rank < bestRank) {
            best = r;
            bestLength = len;
            bestRank = rank;
            tie = false;
          } else if (len == bestLength && rank == bestRank && r != best && !r.target().equals(best.target())) {
            tie = true;
          }
        }
      }
      if (best == null) {
        return unknownList ? "undecided" : null;
      }
      int full = a.isIpv4() ? 32 : 128;
      if (unknownList && !(bestRank == 0 && bestLength == full)) {
        return "undecided";
      }
      return tie ? "undecided" : best;
    }

    // ---------------------------------------------------------------------------------------------- delivery

    void deliver(String d) {
      if (!reply) {
        if (to.eni().isPresent() && !to.eni().get().subnetId().isEmpty() && !to.eni().get().subnetId().equals(d)) {
          deny(d);
          return;
        }
        for (NatGateway g : n.natGateways().values()) {
          for (NatGateway.Address x : g.addresses()) {
            if (x.privateIp().equals(dst) && g.subnetId().equals(d)) {
              deny(g.id());
              return;
            }
          }
        }
        if (to.eni().isEmpty()) {
          Subnet s = subnet(d);
          boolean res = false;
          if (s != null) {
            for (Cidr c : s.cidrs()) {
              res |= reserved(c, dst);
            }
          }
          if (res) {
            unknown(d);
          } else {
            deny(d);
          }
          return;
        }
        seen = src;
        arrivedAt = d;
        startReply();
        return;
      }
      if (!nats.isEmpty()) {
        Object[] top = nats.get(nats.size() - 1);
        if (dst.equals(top[3]) && d.equals(top[1])) {
          nats.remove(nats.size() - 1);
          dst = (Cidr) top[2];
          setReplyPorts();
          inSubnet(d);
          return;
        }
      }
      if (!dst.equals(from.address())) {
        deny(dst.toString());
      }
    }

    boolean oneWay() {
      return (proto == 1 || proto == 58) && replyType() < 0;
    }

    int replyType() {
      int type = traffic.icmpType();
      if (proto == 1) {
        return type == 8 ? 0 : type == 13 ? 14 : type == 15 ? 16 : type == 17 ? 18 : -1;
      }
      return type == 128 ? 129 : -1;
    }

    void setReplyPorts() {
      if (proto == 6 || proto == 17) {
        if (nats.isEmpty()) {
          lo = clientPorts.from();
          hi = clientPorts.to();
        } else {
          lo = 1024;
          hi = 65535;
        }
      }
    }

    void turnAround(Cidr newSrc, Cidr newDst) {
      reply = true;
      src = newSrc;
      dst = newDst;
      setReplyPorts();
      if (proto == 1 || proto == 58) {
        lo = replyType() * 256;
        hi = lo;
      }
    }

    void startReply() {
      if (done || oneWay() || mutation == Mutation.NO_REPLY) {
        return;
      }
      turnAround(dst, seen);
      if (arrivedAt != null) {
        inSubnet(arrivedAt);
      } else if (endpointExit != null) {
        String d = subnetHolding(endpointVpc, dst);
        if (d == null || d.isEmpty()) {
          unknown(endpointExit);
          return;
        }
        acl(d, false);
        if (!done) {
          deliver(d);
        }
      } else {
        Object[] owner = publicOwner(dst);
        if (owner == null) {
          unknown(dst.toString());
          return;
        }
        fromInternet(owner);
      }
    }

    // ---------------------------------------------------------------------------------------------- internet

    /** {NetworkInterface or NatGateway, private address or null, vpc id, subnet id} for what owns the address. */
    Object[] publicOwner(Cidr a) {
      if (a.isIpv4()) {
        for (NetworkInterface e : n.interfaces().values()) {
          if (e.publicIpv4().contains(a)) {
            Cidr priv = null;
            for (var m : e.publicIpv4ByPrivate().entrySet()) {
              if (m.getValue().equals(a)) {
                priv = m.getKey();
              }
            }
            if (priv == null && e.publicIpv4ByPrivate().isEmpty() && e.privateIpv4().size() == 1) {
              priv = e.privateIpv4().get(0);
            }
            return new Object[] {e, priv, e.vpcId(), e.subnetId()};
          }
        }
        for (NatGateway g : n.natGateways().values()) {
          for (NatGateway.Address x : g.addresses()) {
            if (x.publicIp().isPresent() && x.publicIp().get().equals(a)) {
              String vpc = g.vpcId().isEmpty() ? vpcOfSubnet(g.subnetId()) : g.vpcId();
              return new Object[] {g, x.privateIp(), vpc, g.subnetId()};
            }
          }
        }
        return null;
      }
      if (!inside("2000::/3", a)) {
        return null;
      }
      NetworkInterface e = eniHolding(a);
      return e == null ? null : new Object[] {e, a, e.vpcId(), e.subnetId()};
    }

    List<String> gateways(String vpc, boolean egressOnly) {
      List<String> out = new ArrayList<>();
      for (InternetGateway g : n.internetGateways().values()) {
        if (g.egressOnly() == egressOnly && g.isAttachedTo(vpc)) {
          out.add(g.id());
        }
      }
      if (!egressOnly) {
        for (RouteTable t : n.routeTables().values()) {
          if (t.vpcId().equals(vpc)) {
            for (RouteTable.Route r : t.routes()) {
              String id = r.target().id();
              if (r.target().kind() == RouteTarget.Kind.INTERNET_GATEWAY && r.state() == RouteTable.State.ACTIVE
                  && !n.internetGateways().containsKey(id) && !out.contains(id)) {
                out.add(id);
              }
            }
          }
        }
      }
      return out;
    }

    void fromInternet(Object[] owner) {
      String vpc = (String) owner[2];
      if (vpc.isEmpty()) {
        unknown(dst.toString());
        return;
      }
      if (src.isIpv4() && privateOrShared(src)) {
        deny(vpc);
        return;
      }
      List<String> igws = gateways(vpc, false);
      if (reply && dst.isIpv6() && vpc.equals(eigwVpc) && !gateways(vpc, true).isEmpty()) {
        events.add(new Event(1, "eigw", reply, null));
      } else if (igws.isEmpty()) {
        deny(vpc);
        return;
      } else {
        if (dst.isIpv4()) {
          if (owner[1] == null) {
            unknown(igws.get(0));
            return;
          }
          dst = (Cidr) owner[1];
        }
        RouteTable edge = null;
        for (RouteTable t : n.routeTables().values()) {
          if (t.gatewayIds().contains(igws.get(0))) {
            edge = t;
          }
        }
        if (edge != null) {
          Object pick = pickRoute(edge, dst);
          if (!(pick instanceof RouteTable.Route)) {
            unknown(edge.id());
            return;
          }
          RouteTable.Route r = (RouteTable.Route) pick;
          if (r.state() == RouteTable.State.BLACKHOLE) {
            deny(edge.id());
            return;
          }
          if (r.target().kind() != RouteTarget.Kind.LOCAL) {
            unknown(r.target().id());
            return;
          }
        }
      }
      String d = (String) owner[3];
      if (d.isEmpty()) {
        unknown(dst.toString());
        return;
      }
      acl(d, false);
      if (!done) {
        deliver(d);
      }
    }

    /** 1 with the public address, 0 none, 2 cannot tell. */
    Object[] publicAddress(Cidr a, String vpc) {
      for (NatGateway g : n.natGateways().values()) {
        for (NatGateway.Address x : g.addresses()) {
          if (x.privateIp().equals(a) && vpcOfSubnet(g.subnetId()).equals(vpc)) {
            return x.publicIp().isPresent() ? new Object[] {1, x.publicIp().get()} : new Object[] {0, null};
          }
        }
      }
      NetworkInterface e = eniHolding(a, vpc);
      if (e == null || e.publicIpv4().isEmpty()) {
        return new Object[] {0, null};
      }
      if (e.publicIpv4ByPrivate().containsKey(a)) {
        return new Object[] {1, e.publicIpv4ByPrivate().get(a)};
      }
      if (!e.publicIpv4ByPrivate().isEmpty()) {
        return new Object[] {0, null};
      }
      if (e.privateIpv4().size() == 1 && e.privateIpv4().get(0).equals(a)) {
        return new Object[] {1, e.publicIpv4().get(0)};
      }
      return new Object[] {2, null};
    }

    void igwOut(String id, String vpc) {
      InternetGateway g = n.internetGateways().get(id);
      if (g != null && !vpc.isEmpty() && !g.isAttachedTo(vpc)) {
        deny(id);
        return;
      }
      if (dst.isIpv4()) {
        if (!internet(dst)) {
          deny(id);
          return;
        }
        Object[] p = publicAddress(src, vpc);
        if ((int) p[0] == 0) {
          deny(id);
          return;
        }
        if ((int) p[0] == 2) {
          unknown(id);
          return;
        }
        src = (Cidr) p[1];
      } else if (!inside("2000::/3", dst) || !inside("2000::/3", src)) {
        deny(id);
        return;
      }
      internetOut();
    }

    void eigwOut(String id, String vpc) {
      InternetGateway g = n.internetGateways().get(id);
      if (dst.isIpv4() || g != null && !vpc.isEmpty() && !g.isAttachedTo(vpc)
          || !inside("2000::/3", dst) || !inside("2000::/3", src)) {
        deny(id);
        return;
      }
      if (!reply) {
        eigwVpc = vpc;
      }
      internetOut();
    }

    void internetOut() {
      if (reply) {
        if (!src.equals(to.address())) {
          deny(dst.toString());
          return;
        }
        Object[] owner = publicOwner(dst);
        if (owner != null) {
          fromInternet(owner);
        }
        return;
      }
      Object[] owner = publicOwner(dst);
      if (owner != null) {
        fromInternet(owner);
        return;
      }
      seen = src;
      startReply();
    }

    // ---------------------------------------------------------------------------------------------- NAT

    void nat(String s, String id) {
      NatGateway g = n.natGateways().get(id);
      if (g == null) {
        acl(s, true);
        if (!done) {
          unknown(id);
        }
        return;
      }
      if (!subnetKnown(g.subnetId()) && !subnetNamed(g.subnetId())) {
        acl(s, true);
        if (!done) {
          unknown(id);
        }
        return;
      }
      if (!g.subnetId().equals(s)) {
        acl(s, true);
        if (done) {
          return;
        }
        acl(g.subnetId(), false);
        if (done) {
          return;
        }
      }
      if (!g.state().equals("available") || reply || proto != 6 && proto != 17 && proto != 1) {
        deny(id);
        return;
      }
      if (dst.isIpv6() || g.addresses().isEmpty()) {
        unknown(id);
        return;
      }
      if (loop(id)) {
        return;
      }
      Cidr natIp = g.addresses().get(0).privateIp();
      nats.add(new Object[] {g, g.subnetId(), src, natIp});
      src = natIp;
      inSubnet(g.subnetId());
    }

    // ---------------------------------------------------------------------------------------------- peering

    void peering(String s, String vpc, String id) {
      VpcPeering p = n.peerings().get(id);
      if (p == null) {
        unknown(id);
        return;
      }
      if (!p.status().equals("active")) {
        deny(id);
        return;
      }
      String other;
      if (p.requesterVpcId().equals(vpc)) {
        other = p.accepterVpcId();
      } else if (p.accepterVpcId().equals(vpc)) {
        other = p.requesterVpcId();
      } else {
        unknown(id);
        return;
      }
      List<Cidr> blocks = vpcBlocks(other);
      if (blocks.isEmpty()) {
        blocks = p.requesterVpcId().equals(other) ? p.requester().cidrs() : p.accepter().cidrs();
      }
      if (blocks.isEmpty()) {
        unknown(id);
        return;
      }
      boolean in = false;
      for (Cidr b : blocks) {
        in |= inside(b, dst);
      }
      if (!in) {
        deny(id);
        return;
      }
      boolean otherKnown = false;
      for (Subnet x : n.subnets().values()) {
        otherKnown |= x.vpcId().equals(other);
      }
      String d = subnetHolding(other, dst);
      boolean vpcListed = n.vpcs().containsKey(other) || otherKnown
          || n.interfaces().values().stream().anyMatch(e -> e.vpcId().equals(other));
      if (!vpcListed || d == null) {
        unknown(id);
        return;
      }
      if (d.isEmpty()) {
        deny(other);
        return;
      }
      acl(d, false);
      if (!done) {
        deliver(d);
      }
    }

    // ---------------------------------------------------------------------------------------------- TGW

    int sameZone(String a, String b) {
      Subnet x = subnet(a);
      Subnet y = subnet(b);
      String xi = x == null ? "" : x.availabilityZoneId();
      String yi = y == null ? "" : y.availabilityZoneId();
      if (!xi.isEmpty() && !yi.isEmpty()) {
        return xi.equals(yi) ? 1 : 0;
      }
      String xn = x == null ? zoneOf(a) : x.availabilityZone();
      String yn = y == null ? zoneOf(b) : y.availabilityZone();
      if (!xn.isEmpty() && !yn.isEmpty()) {
        return xn.equals(yn) ? 1 : 0;
      }
      return 2;
    }

    /** Named by an ACL or route table association, a NAT gateway, an endpoint or a transit gateway attachment. */
    boolean subnetNamed(String id) {
      return !id.isEmpty();
    }

    boolean vpcListed(String vpc) {
      return n.vpcs().containsKey(vpc) || n.subnets().values().stream().anyMatch(s -> s.vpcId().equals(vpc))
          || n.interfaces().values().stream().anyMatch(e -> e.vpcId().equals(vpc))
          || n.networkAcls().values().stream().anyMatch(a -> a.vpcId().equals(vpc))
          || n.routeTables().values().stream().anyMatch(t -> t.vpcId().equals(vpc))
          || n.natGateways().values().stream().anyMatch(g -> g.vpcId().equals(vpc));
    }

    boolean subnetKnown(String id) {
      return subnet(id) != null || n.interfaces().values().stream().anyMatch(e -> e.subnetId().equals(id));
    }

    void tgwFromSubnet(String s, String vpc, String id) {
      TransitGateway g = n.transitGateways().get(id);
      if (g == null) {
        unknown(id);
        return;
      }
      TransitGateway.Attachment a = null;
      for (TransitGateway.Attachment x : g.attachments()) {
        if (x.resourceType().equals("vpc") && x.resourceId().equals(vpc)
            && (a == null || x.state().equals("available"))) {
          a = x;
        }
      }
      if (a == null) {
        deny(id);
        return;
      }
      if (!a.state().equals("available")) {
        deny(a.id());
        return;
      }
      if (a.subnetIds().isEmpty()) {
        unknown(a.id()); // every VPC attachment has a subnet: the snapshot lacks them
        return;
      }
      String entry = null;
      boolean allKnown = true;
      for (String sub : a.subnetIds()) {
        int z = mutation == Mutation.NO_ZONE_RULE ? 1 : subnetKnown(sub) ? sameZone(s, sub) : 2;
        if (z == 1) {
          entry = sub;
          break;
        }
        allKnown &= z == 0;
      }
      if (entry == null) {
        if (allKnown) {
          deny(a.id());
        } else {
          unknown(a.id());
        }
        return;
      }
      acl(s, true);
      if (done) {
        return;
      }
      acl(entry, false);
      if (done) {
        return;
      }
      tgwRoute(g, a, entry);
    }

    void tgwRoute(TransitGateway g, TransitGateway.Attachment from, String zoneSubnet) {
      if (loop(g.id() + "/" + from.id())) {
        return;
      }
      if (from.routeTableId().isEmpty()) {
        deny(from.id());
        return;
      }
      String tableId = from.routeTableId().get();
      TransitGateway.RouteTable table = null;
      for (TransitGateway.RouteTable t : g.routeTables()) {
        if (t.id().equals(tableId)) {
          table = t;
        }
      }
      if (table == null) {
        unknown(tableId);
        return;
      }
      List<TransitGateway.Route> routes = new ArrayList<>(table.staticRoutes());
      boolean unknownRoutes = !table.staticRoutesComplete();
      if (table.propagatedRoutes().isPresent()) {
        routes.addAll(table.propagatedRoutes().get());
      } else if (!table.propagationsKnown()) {
        unknownRoutes = true; // what the table's propagations install is not known
      } else {
        for (String att : table.propagations()) {
          TransitGateway.Attachment x = null;
          for (TransitGateway.Attachment y : g.attachments()) {
            if (y.id().equals(att)) {
              x = y;
            }
          }
          List<Cidr> blocks = x != null && x.resourceType().equals("vpc") ? vpcBlocks(x.resourceId()) : List.of();
          if (blocks.isEmpty()) {
            unknownRoutes = true;
            continue;
          }
          for (Cidr b : blocks) {
            if (b.isIpv4() || x.ipv6Support()) {
              routes.add(new TransitGateway.Route(b, com.google.common.collect.ImmutableList.of(att), true, false));
            }
          }
        }
      }
      TransitGateway.Route best = null;
      int bestLength = -1;
      boolean tie = false;
      for (TransitGateway.Route r : routes) {
        if (!inside(r.destination(), dst)) {
          continue;
        }
        int len = block(r.destination()).length;
        boolean better = len > bestLength || len == bestLength && best.propagated() && !r.propagated();
        if (better) {
          best = r;
          bestLength = len;
          tie = false;
        } else if (len == bestLength && r.propagated() == best.propagated()
            && (!r.attachmentIds().equals(best.attachmentIds()) || r.blackhole() != best.blackhole())) {
          tie = true;
        }
      }
      int full = dst.isIpv4() ? 32 : 128;
      if (best == null) {
        if (unknownRoutes) {
          unknown(tableId);
        } else {
          deny(tableId);
        }
        return;
      }
      if (unknownRoutes && (best.propagated() || bestLength != full) || tie) {
        unknown(tableId);
        return;
      }
      if (best.blackhole()) {
        deny(tableId);
        return;
      }
      if (best.attachmentIds().size() > 1) {
        unknown(tableId);
        return;
      }
      String targetId = best.attachmentIds().get(0);
      TransitGateway.Attachment y = null;
      for (TransitGateway.Attachment x : g.attachments()) {
        if (x.id().equals(targetId)) {
          y = x;
        }
      }
      if (y == null) {
        unknown(targetId);
        return;
      }
      if (!y.state().equals("available")) {
        deny(y.id());
        return;
      }
      if (y.resourceType().equals("vpc")) {
        intoVpc(g, y, zoneSubnet);
      } else if (y.resourceType().equals("peering") || y.resourceType().equals("tgw-peering")) {
        TransitGateway peer = n.transitGateways().get(y.resourceId());
        TransitGateway.Attachment there = null;
        if (peer != null) {
          for (TransitGateway.Attachment x : peer.attachments()) {
            if (x.id().equals(y.id())) {
              there = x;
            }
          }
        }
        if (there == null) {
          unknown(y.resourceId());
          return;
        }
        if (!there.state().equals("available")) {
          deny(there.id());
          return;
        }
        tgwRoute(peer, there, null);
      } else {
        unknown(y.id());
      }
    }

    void intoVpc(TransitGateway g, TransitGateway.Attachment y, String zoneSubnet) {
      String vpc = y.resourceId();
      List<String> candidates = new ArrayList<>(new java.util.LinkedHashSet<>(y.subnetIds()));
      if (!vpcListed(vpc)) {
        unknown(y.id());
        return;
      }
      if (candidates.isEmpty()) {
        unknown(y.id());
        return;
      }
      String pick = null;
      if (zoneSubnet != null) {
        for (String x : candidates) {
          if (sameZone(zoneSubnet, x) == 1) {
            pick = x;
          }
        }
      }
      if (pick == null) {
        pick = candidates.get(0);
        for (String x : candidates) {
          NetworkAcl a1 = aclOf(x);
          NetworkAcl a2 = aclOf(pick);
          RouteTable t1 = tableOf(x);
          RouteTable t2 = tableOf(pick);
          boolean aclsDiffer = n.covers(Layer.NETWORK_ACLS) && (a1 == null || a1 != a2);
          if (aclsDiffer || t1 == null || t1 != t2) {
            unknown(y.id());
            return;
          }
        }
      }
      inSubnet(pick);
    }

    // ---------------------------------------------------------------------------------------------- endpoints

    void endpoint(String s, String vpc, RouteTable.Route r) {
      String id = r.target().id();
      VpcEndpoint e = n.vpcEndpoints().get(id);
      boolean gateway = e != null ? e.type() == VpcEndpoint.Type.GATEWAY : r.prefixListId().isPresent();
      if (!gateway) {
        acl(s, true);
        if (!done) {
          unknown(id);
        }
        return;
      }
      if (e != null && !e.state().equals("available")) {
        deny(id);
        return;
      }
      if (proto != 6 && !(proto == 1 && traffic.icmpType() == 8)) {
        deny(id);
        return;
      }
      acl(s, true);
      if (done) {
        return;
      }
      if (reply) {
        deny(id);
        return;
      }
      seen = src;
      endpointExit = id;
      endpointVpc = vpc;
      startReply();
    }
  }
}
