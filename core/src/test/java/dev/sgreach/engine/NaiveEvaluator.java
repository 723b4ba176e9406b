package dev.sgreach.engine;

import dev.sgreach.model.Cidr;
import dev.sgreach.model.Listener;
import dev.sgreach.model.Network;
import dev.sgreach.model.NetworkInterface;
import dev.sgreach.model.Peer;
import dev.sgreach.model.PrefixList;
import dev.sgreach.model.Protocol;
import dev.sgreach.model.Rule;
import dev.sgreach.model.SecurityGroup;
import dev.sgreach.model.Traffic;
import dev.sgreach.model.VpcPeering;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A deliberately simple, independent evaluator of AWS security-group semantics (DESIGN.md "Reachability semantics"),
 * used as the oracle the production engine is compared with. It scans every rule of every group for every pair of
 * addresses and re-implements all matching itself: addresses are {@link BigInteger}s parsed with
 * {@link InetAddress}, blocks are compared by shifting, ports and ICMP type/code are compared field by field. It
 * uses none of {@code Ports.admits}, {@code Ports.keys}, {@code Cidr.contains}, {@code Network.interfaceOwning} or
 * {@code Network.connected}; from the model it only reads plain fields.
 *
 * <p>The semantics, point by point:
 *
 * <ol>
 *   <li>An endpoint is an ENI id (the ENI with all its listed private IPv4 and IPv6 addresses and its delegated
 *       prefixes, a prefix standing for "some address in it": a CIDR or prefix-list peer matches it when they share
 *       an address) or an address. An address that is a listed private address of an ENI, or lies
 *       inside one of its delegated prefixes, is that ENI restricted to that one address (listed addresses are looked
 *       up before prefixes, ENIs in snapshot order); any other address is an outside party.
 *   <li>A flow is judged for every pair (a of A, b of B) of the same family; ICMP (1) only over IPv4 pairs, ICMPv6
 *       (58) only over IPv6 pairs. No such pair: denied.
 *   <li>Pair = egress side AND ingress side. The egress side of an ENI A is the OR, over every rule of every group on
 *       A, of (protocol/ports match AND peer matches b); an outside A's side is TRUE. Ingress likewise on B with a.
 *   <li>A group on the ENI that is absent from the network makes the side UNKNOWN unless a present rule is TRUE.
 *   <li>Peers: a CIDR matches an address of its family inside it; a prefix list matches an address inside one of its
 *       entries, and is UNKNOWN when the list is absent or its entries are unknown; a group reference matches only
 *       an ENI carrying that group id, when the reference's peering status is empty or {@code active}, and the two
 *       ENIs' VPCs are equal, either is empty, or an active peering joins them (or, when the snapshot has no record
 *       of the peering the reference names, the reference reports it active and names the other ENI's VPC or none).
 *   <li>Flow = Kleene OR over pairs.
 *   <li>An ENI that carries no group and whose interface type is one AWS does not filter (NAT gateway, Gateway Load
 *       Balancer and its endpoints, Transit Gateway attachment, an NLB without groups) admits everything on both
 *       sides, like an outside party.
 *   <li>Group-valued endpoints ({@code sg-...}: every ENI carrying it; {@code i-...}: every ENI attached to it;
 *       {@code {a,b,...}}: the members' members, in order, each once) are answered per member pair; the verdict is
 *       allowed when every pair is, denied when one is denied, else unknown.
 *   <li>Exposure: an ENI's ingress side against an outside party at any public address of a family the ENI can be
 *       reached in (IPv4 if it has a private or public IPv4 address or an IPv4 prefix; IPv6 if it has an IPv6
 *       address or prefix). A block holds a public address unless it lies wholly in the reserved IPv4 ranges, or,
 *       for IPv6, outside {@code 2000::/3} or inside {@code 2001:db8::/32}. It holds the internet for the ENI when
 *       one of those public addresses lies outside the ENI's VPC's blocks and those of every VPC an active peering
 *       joins to it (the VPC's record, else the peering's record of that side). A VPC with neither record has
 *       unknown blocks: a block of at least {@code /16} (IPv4) or {@code /44} (IPv6) that shares an address with one
 *       of that VPC's subnets or ENIs' addresses is then UNKNOWN (it may be all that VPC's).
 * </ol>
 *
 * <p>Methods are {@code protected} so tests can derive deliberately wrong variants (mutants) and check the property
 * test notices them.
 */
public class NaiveEvaluator implements Evaluator {
  protected final Network network;
  /** The VPC CNI mode assumed for pods with security groups (standard: a pod and its own node meet no group). */
  protected final PodSecurityGroupMode podMode;

  /** The oracle for a network, in the pod mode {@link RandomNetworks} drew for it (the default for any other). */
  public NaiveEvaluator(Network network) {
    this(network, RandomNetworks.podModeOf(network));
  }

  public NaiveEvaluator(Network network, PodSecurityGroupMode podMode) {
    this.network = network;
    this.podMode = podMode;
  }

  /** The pod mode this oracle assumes. */
  public PodSecurityGroupMode podMode() {
    return podMode;
  }

  // ---------------------------------------------------------------------------------------------------------------
  // addresses

  /** One address (length = all bits), or an ENI's delegated prefix (a shorter length): family and value. */
  public record Addr(int family, BigInteger value, int length) {
    public Addr(int family, BigInteger value) {
      this(family, value, family == 4 ? 32 : 128);
    }

    int bits() {
      return family == 4 ? 32 : 128;
    }

    @Override
    public String toString() {
      try {
        byte[] raw = value.toByteArray();
        byte[] bytes = new byte[family == 4 ? 4 : 16];
        for (int i = 0; i < bytes.length && i < raw.length; i++) {
          bytes[bytes.length - 1 - i] = raw[raw.length - 1 - i];
        }
        String text = InetAddress.getByAddress(bytes).getHostAddress();
        return length == bits() ? text : text + "/" + length;
      } catch (UnknownHostException e) {
        return family + ":" + value;
      }
    }
  }

  /** An address block: family, network value (host bits possibly set) and length. */
  public record Block(int family, BigInteger value, int length) {
    /** True when the block and the address (or prefix) share at least one address. */
    boolean contains(Addr a) {
      if (a.family() != family) {
        return false;
      }
      int shift = a.bits() - Math.min(length, a.length());
      return a.value().shiftRight(shift).equals(value.shiftRight(shift));
    }
  }

  /** Parses an IPv4 or IPv6 address literal (never a host name). */
  public static Addr parseAddr(String text) {
    String t = text.trim();
    if (t.isEmpty() || !t.chars().allMatch(c -> Character.digit(c, 16) >= 0 || c == '.' || c == ':')) {
      throw new IllegalArgumentException("not an address literal: '" + text + "'");
    }
    int family = t.indexOf(':') >= 0 ? 6 : 4;
    byte[] bytes;
    try {
      bytes = InetAddress.getByName(t).getAddress();
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("not an address: '" + text + "'", e);
    }
    if (bytes.length != (family == 4 ? 4 : 16)) {
      throw new IllegalArgumentException("IPv4-mapped or odd address not supported by the oracle: '" + text + "'");
    }
    return new Addr(family, new BigInteger(1, bytes));
  }

  /** A model address (a /32 or /128) as an oracle address. */
  static Addr addr(Cidr single) {
    return parseAddr(single.addressString());
  }

  /** A model block as an oracle block. */
  static Block block(Cidr cidr) {
    Addr a = parseAddr(cidr.addressString());
    return new Block(a.family(), a.value(), cidr.length());
  }

  // ---------------------------------------------------------------------------------------------------------------
  // endpoints

  /** One side of a flow: an ENI (or null for an outside party) and its candidate addresses. */
  public record Party(NetworkInterface eni, List<Addr> addresses, Addr publicAt) {
    public Party(NetworkInterface eni, List<Addr> addresses) {
      this(eni, addresses, null);
    }

    boolean outside() {
      return eni == null;
    }
  }

  /** The ENI with all its listed private addresses (IPv4 then IPv6), then its delegated prefixes. */
  protected Party whole(NetworkInterface eni) {
    List<Addr> list = new ArrayList<>();
    for (Cidr c : eni.privateIpv4()) {
      list.add(addr(c));
    }
    for (Cidr c : eni.ipv6()) {
      list.add(addr(c));
    }
    for (Cidr c : eni.prefixes()) {
      Block b = block(c);
      list.add(new Addr(b.family(), b.value(), b.length()));
    }
    return new Party(eni, list);
  }

  /** Resolves an endpoint text: an ENI id, or an address (an ENI's, restricted to it, or an outside party's). */
  protected Party resolve(String text) {
    NetworkInterface byId = network.interfaces().get(text.trim());
    if (byId != null) {
      return whole(byId);
    }
    if (text.trim().startsWith("eni-")) {
      throw new IllegalArgumentException("no ENI " + text + " in the network");
    }
    String t = text.trim();
    if (t.startsWith("vpc-") && t.indexOf('/') > 0) { // vpc-.../ADDRESS: the address among that VPC's ENIs only
      String vpc = t.substring(0, t.indexOf('/'));
      Addr a = parseAddr(t.substring(t.indexOf('/') + 1));
      NetworkInterface owner = owner(a, vpc);
      return owner == null ? new Party(null, List.of(a)) : new Party(owner, List.of(a));
    }
    Addr a = parseAddr(text);
    NetworkInterface owner = owner(a);
    if (owner == null) {
      return publicOwner(a);
    }
    return new Party(owner, List.of(a));
  }

  /**
   * An address no ENI owns as a private one: if it is an ENI's public IPv4 address (one with a private IPv4 address),
   * that ENI at the private address it is associated with (the primary one when the ENI does not say), reached
   * through the public one; else an outside party.
   */
  protected Party publicOwner(Addr a) {
    for (NetworkInterface eni : network.interfaces().values()) {
      if (eni.privateIpv4().isEmpty()) {
        continue;
      }
      for (Cidr p : eni.publicIpv4()) {
        if (addr(p).equals(a)) {
          Cidr at = eni.privateIpv4().get(0);
          for (Cidr priv : eni.publicIpv4ByPrivate().keySet()) {
            if (eni.publicIpv4ByPrivate().get(priv).equals(p)) {
              at = priv;
            }
          }
          return new Party(eni, List.of(addr(at)), a);
        }
      }
    }
    return new Party(null, List.of(a));
  }

  /**
   * The members an endpoint text stands for: an ENI id or address (one member), {@code sg-...} (every ENI carrying
   * the group, snapshot order), {@code i-...} (every ENI attached to the instance), or {@code {a,b,...}} (the members
   * of each, in order, each member once).
   */
  protected List<Party> members(String text) {
    String t = text.trim();
    List<Party> out = new ArrayList<>();
    if (t.startsWith("{") && t.endsWith("}")) {
      for (String part : t.substring(1, t.length() - 1).split(",")) {
        for (Party p : members(part)) {
          if (!out.contains(p)) {
            out.add(p);
          }
        }
      }
    } else if (t.startsWith("sg-")) {
      for (NetworkInterface eni : network.interfaces().values()) {
        if (eni.securityGroupIds().contains(t)) {
          out.add(whole(eni));
        }
      }
    } else if (t.startsWith("i-")) {
      for (NetworkInterface eni : network.interfaces().values()) {
        if (eni.attachment().isPresent() && eni.attachment().get().instanceId().orElse("").equals(t)) {
          out.add(whole(eni));
        }
      }
    } else {
      out.add(resolve(t));
    }
    if (out.isEmpty()) {
      throw new IllegalArgumentException("endpoint " + text + " has no members in the network");
    }
    return out;
  }

  /** The ENI owning an address: a listed private address first (snapshot order), then a delegated prefix. */
  protected NetworkInterface owner(Addr a) {
    return owner(a, null);
  }

  /** {@link #owner(Addr)} among the ENIs of one VPC ({@code null}: every VPC). */
  protected NetworkInterface owner(Addr a, String vpc) {
    for (NetworkInterface eni : network.interfaces().values()) {
      if (vpc != null && !eni.vpcId().equals(vpc)) {
        continue;
      }
      for (Addr own : whole(eni).addresses()) {
        if (own.equals(a)) {
          return eni;
        }
      }
    }
    for (NetworkInterface eni : network.interfaces().values()) {
      if (vpc != null && !eni.vpcId().equals(vpc)) {
        continue;
      }
      for (Cidr p : eni.prefixes()) {
        if (block(p).contains(a)) {
          return eni;
        }
      }
    }
    return null;
  }

  // ---------------------------------------------------------------------------------------------------------------
  // matching

  /** Whether pairs of this family carry this protocol: ICMP only IPv4, ICMPv6 only IPv6, the rest both. */
  protected boolean familyCarries(int protocol, int family) {
    if (protocol == 1) {
      return family == 4;
    }
    if (protocol == 58) {
      return family == 6;
    }
    return true;
  }

  /**
   * The protocol and port part of a rule against one concrete flow: {@code port} for TCP/UDP, {@code type}/{@code
   * code} for ICMP/ICMPv6, neither for other protocols.
   */
  protected boolean portsMatch(Rule rule, int protocol, int port, int type, int code) {
    int rp = rule.ports().protocol().number();
    if (rp == -1) {
      return true;
    }
    if (rp != protocol) {
      return false;
    }
    if (protocol == 6 || protocol == 17) {
      return rule.ports().from() <= port && port <= rule.ports().to();
    }
    if (protocol == 1 || protocol == 58) {
      int ruleType = rule.ports().from();
      int ruleCode = rule.ports().to();
      if (ruleType == -1) {
        return true; // any type means any code too
      }
      return ruleType == type && (ruleCode == -1 || ruleCode == code);
    }
    return true;
  }

  /**
   * The peer part of a rule on ENI {@code self} against the other party {@code other} at address {@code at}.
   */
  protected NaiveOutcome peerMatches(Rule rule, NetworkInterface self, Party other, Addr at) {
    Peer peer = rule.peer();
    if (peer instanceof Peer.CidrPeer c) {
      return blockMatches(c.cidr(), at);
    }
    if (peer instanceof Peer.PrefixListPeer p) {
      return prefixListMatches(p.prefixListId(), at);
    }
    Peer.GroupPeer g = (Peer.GroupPeer) peer;
    NaiveOutcome m = groupMatches(g, self, other);
    if (m == NaiveOutcome.DENIED && rule.direction() == dev.sgreach.model.Direction.INGRESS) {
      m = acrossTransit(g, self, other);
    }
    return m;
  }

  /**
   * An inbound reference to a group carried in a VPC that is neither the same nor peered (and the reference names no
   * peering): it matches across a Transit Gateway whose option {@code SecurityGroupReferencingSupport} is on, with
   * both VPCs' available attachments on it and the option on for both (UNKNOWN when one of the three options was not
   * captured); UNKNOWN when the network holds no Transit Gateway data at all; else DENIED.
   */
  protected NaiveOutcome acrossTransit(Peer.GroupPeer g, NetworkInterface self, Party other) {
    String status = g.peeringStatus();
    boolean inactive = status != null && !status.isEmpty() && !status.equalsIgnoreCase("active");
    if (inactive || other.outside() || !other.eni().securityGroupIds().contains(g.groupId())
        || g.peeringId() != null && !g.peeringId().isEmpty()) {
      return NaiveOutcome.DENIED;
    }
    if (network.transitGateways().isEmpty() && !network.covers(dev.sgreach.model.Layer.ROUTES)) {
      return NaiveOutcome.UNKNOWN;
    }
    NaiveOutcome best = NaiveOutcome.DENIED;
    for (dev.sgreach.model.TransitGateway tgw : network.transitGateways().values()) {
      Boolean onGateway = tgw.securityGroupReferencing().orElse(null);
      if (Boolean.FALSE.equals(onGateway)) {
        continue;
      }
      Boolean a = attachmentOption(tgw, self.vpcId());
      Boolean b = attachmentOption(tgw, other.eni().vpcId());
      if (a == null || b == null) {
        continue; // a VPC without an available attachment, or one whose option is off
      }
      boolean sure = onGateway != null && a && b;
      best = best.or(sure ? NaiveOutcome.ALLOWED : NaiveOutcome.UNKNOWN);
    }
    return best;
  }

  /**
   * A VPC's available attachment on the gateway: TRUE when its referencing option is on, FALSE when not captured,
   * null when it has none or the option is off.
   */
  private static Boolean attachmentOption(dev.sgreach.model.TransitGateway tgw, String vpcId) {
    Boolean found = null;
    for (dev.sgreach.model.TransitGateway.Attachment at : tgw.attachments()) {
      if (at.resourceType().equals("vpc") && at.resourceId().equals(vpcId) && at.state().equals("available")) {
        Boolean o = at.securityGroupReferencing().orElse(null);
        if (o == null) {
          found = found == null ? Boolean.FALSE : found;
        } else if (o) {
          found = Boolean.TRUE;
        }
      }
    }
    return found;
  }

  protected NaiveOutcome prefixListMatches(String id, Addr at) {
    PrefixList list = network.prefixLists().get(id);
    if (list == null || list.entries().isEmpty()) {
      return NaiveOutcome.UNKNOWN;
    }
    NaiveOutcome result = NaiveOutcome.DENIED;
    for (Cidr entry : list.entries().get()) {
      result = result.or(blockMatches(entry, at));
    }
    return result;
  }

  /**
   * A rule's block (a CIDR peer or a prefix-list entry) against the other party's address. A stand-in address
   * ({@link Network#standInAddresses()}) is somewhere in its block, not itself: allowed when the rule's block holds
   * all of it, denied when they share no address, unknown otherwise.
   */
  protected NaiveOutcome blockMatches(Cidr cidr, Addr at) {
    Block b = block(cidr);
    Cidr within = null;
    for (Map.Entry<Cidr, Cidr> s : network.standInAddresses().entrySet()) {
      if (addr(s.getKey()).equals(at)) {
        within = s.getValue();
      }
    }
    if (within == null) {
      return b.contains(at) ? NaiveOutcome.ALLOWED : NaiveOutcome.DENIED;
    }
    Block w = block(within);
    if (!b.contains(new Addr(w.family(), w.value(), w.length()))) {
      return NaiveOutcome.DENIED;
    }
    return b.length() <= w.length() ? NaiveOutcome.ALLOWED : NaiveOutcome.UNKNOWN;
  }

  protected NaiveOutcome groupMatches(Peer.GroupPeer g, NetworkInterface self, Party other) {
    String status = g.peeringStatus();
    if (status != null && !status.isEmpty() && !status.equalsIgnoreCase("active")) {
      return NaiveOutcome.DENIED;
    }
    if (other.outside()) {
      return NaiveOutcome.DENIED;
    }
    if (!other.eni().securityGroupIds().contains(g.groupId())) {
      return NaiveOutcome.DENIED;
    }
    if (vpcsJoined(self.vpcId(), other.eni().vpcId())) {
      return NaiveOutcome.ALLOWED;
    }
    // AWS reports the reference as going through an active peering that the snapshot does not record: believe it
    // for the VPC the reference names (any VPC when it names none)
    boolean unrecorded = g.peeringId() != null && !g.peeringId().isEmpty()
        && !network.peerings().containsKey(g.peeringId());
    boolean namedVpc = g.vpcId() == null || g.vpcId().isEmpty() || g.vpcId().equals(other.eni().vpcId());
    if (!unrecorded || !namedVpc) {
      return NaiveOutcome.DENIED;
    }
    // a peering the network does not record: the reference's own status is believed; with none, unknown
    return "active".equalsIgnoreCase(status) ? NaiveOutcome.ALLOWED : unreportedPeering();
  }

  /** A reference through a peering the network does not record, reporting no status. */
  protected NaiveOutcome unreportedPeering() {
    return NaiveOutcome.UNKNOWN;
  }

  /** Same VPC, either empty, or an active peering between them (either way round). */
  protected boolean vpcsJoined(String a, String b) {
    if (a == null || b == null || a.isEmpty() || b.isEmpty() || a.equals(b)) {
      return true;
    }
    for (VpcPeering p : network.peerings().values()) {
      boolean sameRegion = p.requester().region().isEmpty() || p.accepter().region().isEmpty()
          || p.requester().region().equals(p.accepter().region());
      boolean active = sameRegion && p.status() != null && p.status().equalsIgnoreCase("active");
      boolean joins = p.requesterVpcId().equals(a) && p.accepterVpcId().equals(b)
          || p.requesterVpcId().equals(b) && p.accepterVpcId().equals(a);
      if (active && joins) {
        return true;
      }
    }
    return false;
  }

  /** Interface types that AWS does not filter with security groups when the ENI carries none. */
  protected static final Set<String> NOT_FILTERED = Set.of("natGateway", "nat_gateway", "gateway_load_balancer",
      "gateway_load_balancer_endpoint", "transit_gateway", "network_load_balancer");

  /** True for an ENI with no group of a type AWS does not filter: it admits everything, both ways. */
  protected boolean unfiltered(NetworkInterface eni) {
    return eni.securityGroupIds().isEmpty() && NOT_FILTERED.contains(eni.interfaceType());
  }

  /** True when both parties are the same ENI: traffic to itself never passes through it, so no group judges it. */
  protected boolean toItself(Party self, Party other) {
    return !self.outside() && !other.outside() && self.eni().id().equals(other.eni().id());
  }

  /**
   * True when the two parties are different ENIs on one host and one is a pod's branch ENI, in standard mode: the
   * VPC CNI does not enforce groups on traffic between a pod and another pod or service (the kubelet) on its host
   * (VPC CNI README, POD_SECURITY_GROUP_ENFORCING_MODE). A branch ENI's host is the instance its trunk (tag
   * vpcresources.k8s.aws/trunk-eni-id) is attached to; any other ENI's, its own attachment's.
   */
  protected boolean onOneNode(Party self, Party other) {
    if (podMode != PodSecurityGroupMode.STANDARD || self.outside() || other.outside() || toItself(self, other)) {
      return false;
    }
    boolean aPod = self.eni().interfaceType().equals("branch");
    boolean bPod = other.eni().interfaceType().equals("branch");
    if (!aPod && !bPod) {
      return false;
    }
    String a = nodeInstance(self.eni());
    return a != null && a.equals(nodeInstance(other.eni()));
  }

  private String nodeInstance(NetworkInterface e) {
    NetworkInterface on = e;
    if (e.interfaceType().equals("branch")) {
      String trunk = e.tags().get("vpcresources.k8s.aws/trunk-eni-id");
      on = trunk == null ? null : network.interfaces().get(trunk);
    }
    return on == null ? null : on.instanceId().orElse(null);
  }

  /** True for a member pair a group answer leaves out when it has others: an ENI with itself. */
  protected boolean leftOutOfGroups(Party a, Party b) {
    return toItself(a, b);
  }

  /** What an ENI carrying a group id absent from the network contributes to its side. */
  protected NaiveOutcome missingGroup() {
    return NaiveOutcome.UNKNOWN;
  }

  /**
   * The rules of one side whose peer part is not FALSE for this pair, with the peer part's value: the port check is
   * left to the caller, so that one list serves every key of a key space.
   */
  protected record Candidate(Rule rule, NaiveOutcome peer) {}

  /**
   * One side's candidate rules; {@code missing} is set when the ENI carries a group absent from the network,
   * {@code admitsAll} for an outside party or an unfiltered ENI.
   */
  protected record SideRules(List<Candidate> candidates, boolean missing, boolean admitsAll,
      boolean mayBeUnfiltered, NetworkInterface listenersOf) {
    protected SideRules(List<Candidate> candidates, boolean missing, boolean admitsAll) {
      this(candidates, missing, admitsAll, false);
    }

    protected SideRules(List<Candidate> candidates, boolean missing, boolean admitsAll, boolean mayBeUnfiltered) {
      this(candidates, missing, admitsAll, mayBeUnfiltered, null);
    }
  }

  protected SideRules sideRules(Party self, boolean egress, Party other, Addr otherAt) {
    if (!egress && !self.outside() && unfiltered(self.eni()) && !toItself(self, other) && !onOneNode(self, other)
        && self.eni().interfaceType().equals("network_load_balancer")) {
      // elbv2: a Network Load Balancer without security groups accepts connections on its listeners only
      return new SideRules(List.of(), false, false, false, self.eni());
    }
    if (self.outside() || unfiltered(self.eni()) || toItself(self, other) || onOneNode(self, other)) {
      return new SideRules(List.of(), false, true);
    }
    NaiveOutcome never = other.outside() ? neverFiltered(self.eni(), otherAt) : NaiveOutcome.DENIED;
    if (never == NaiveOutcome.ALLOWED) {
      return new SideRules(List.of(), false, true);
    }
    List<Candidate> out = new ArrayList<>();
    boolean missing = false;
    for (String id : self.eni().securityGroupIds()) {
      SecurityGroup sg = network.securityGroups().get(id);
      if (sg == null) {
        missing = true;
        continue;
      }
      for (Rule r : egress ? sg.egress() : sg.ingress()) {
        NaiveOutcome p = peerMatches(r, self.eni(), other, otherAt);
        if (p != NaiveOutcome.DENIED) {
          out.add(new Candidate(r, p));
        }
      }
    }
    // a possible DNS address is unknown as a destination only: a DNS server opens no connection to an ENI
    return new SideRules(out, missing, false, never == NaiveOutcome.UNKNOWN && egress);
  }

  /** Addresses security groups never filter, wherever the ENI is. */
  private static final List<String> NEVER_FILTERED = List.of("169.254.169.253", "169.254.169.254",
      "169.254.169.123", "169.254.170.2", "169.254.169.250", "169.254.169.251", "fd00:ec2::253", "fd00:ec2::254",
      "fd00:ec2::123");

  /**
   * Whether security groups leave the ENI's traffic with an outside party at this address unfiltered: ALLOWED for
   * the fixed link-local services, the ENI's VPC's DNS server (its first IPv4 block's base + 2) and its subnets'
   * routers (base + 1); UNKNOWN for an IPv4 address ending in binary 0010 when the network lacks the VPC or its IPv4
   * blocks; DENIED otherwise. A delegated prefix is never such an address.
   */
  protected NaiveOutcome neverFiltered(NetworkInterface self, Addr at) {
    if (at.length() != at.bits()) {
      return NaiveOutcome.DENIED;
    }
    for (String a : NEVER_FILTERED) {
      if (parseAddr(a).equals(at)) {
        return NaiveOutcome.ALLOWED;
      }
    }
    if (at.family() != 4) {
      return NaiveOutcome.DENIED;
    }
    dev.sgreach.model.Vpc vpc = network.vpcs().get(self.vpcId());
    Cidr first = vpc == null ? null : vpc.cidrs().stream().filter(c -> c.family() == 4).findFirst().orElse(null);
    if (first == null) {
      return at.value().and(BigInteger.valueOf(15)).intValue() == 2 ? NaiveOutcome.UNKNOWN : NaiveOutcome.DENIED;
    }
    if (base(first).add(BigInteger.TWO).equals(at.value())) {
      return NaiveOutcome.ALLOWED;
    }
    for (dev.sgreach.model.Subnet sn : network.subnets().values()) {
      if (!sn.vpcId().equals(self.vpcId())) {
        continue;
      }
      for (Cidr c : sn.cidrs()) {
        if (c.family() == 4 && c.length() <= 30 && base(c).add(BigInteger.ONE).equals(at.value())) {
          return NaiveOutcome.ALLOWED;
        }
      }
    }
    return NaiveOutcome.DENIED;
  }

  /** The first address of an IPv4 block, as a number. */
  private static BigInteger base(Cidr c) {
    Block b = block(c);
    return b.value().shiftRight(32 - b.length()).shiftLeft(32 - b.length());
  }

  protected NaiveOutcome side(SideRules rules, int protocol, int port, int type, int code) {
    if (rules.listenersOf() != null) {
      return fromInternetUnfiltered(rules.listenersOf(), protocol, port);
    }
    if (rules.admitsAll()) {
      return NaiveOutcome.ALLOWED;
    }
    NaiveOutcome result = rules.missing() ? missingGroup() : NaiveOutcome.DENIED;
    if (rules.mayBeUnfiltered()) {
      result = result.or(NaiveOutcome.UNKNOWN);
    }
    for (Candidate c : rules.candidates()) {
      if (portsMatch(c.rule(), protocol, port, type, code)) {
        result = result.or(c.peer());
      }
    }
    return result;
  }

  /**
   * The per-pair rule lists of a flow, for the pairs whose family carries the protocol. {@code otherwise}, when set,
   * is the pair the packet may be instead (a pod whose translation the network cannot tell): the pair's value is then
   * the one both give, else unknown.
   */
  protected record PairRules(Addr a, Addr b, SideRules egress, SideRules ingress, PairRules otherwise) {
    protected PairRules(Addr a, Addr b, SideRules egress, SideRules ingress) {
      this(a, b, egress, ingress, null);
    }
  }

  protected List<PairRules> pairs(Party from, Party to, int protocol) {
    List<PairRules> out = new ArrayList<>();
    for (Addr a : from.addresses()) {
      for (Addr b : to.addresses()) {
        if (a.family() != b.family() || !familyCarries(protocol, a.family())) {
          continue;
        }
        PairRules own = new PairRules(a, b, sideRules(from, true, to, b), sideRules(to, false, from, a));
        String way = podSnat(from, to, b);
        if (way.equals("itself")) {
          out.add(own);
          continue;
        }
        Party node = podNode(from);
        PairRules translated = node == null ? unknownPair(a, b) : new PairRules(node.addresses().get(0), b,
            sideRules(node, true, to, b), sideRules(to, false, node, node.addresses().get(0)));
        out.add(way.equals("maybe") ? new PairRules(a, b, own.egress(), own.ingress(), translated) : translated);
      }
    }
    return out;
  }

  /** A pair whose sender cannot be judged: both sides unknown. */
  private static PairRules unknownPair(Addr a, Addr b) {
    SideRules unknown = new SideRules(List.of(), true, false);
    return new PairRules(a, b, unknown, unknown);
  }

  protected NaiveOutcome flow(List<PairRules> pairs, int protocol, int port, int type, int code) {
    NaiveOutcome result = NaiveOutcome.DENIED;
    for (PairRules p : pairs) {
      NaiveOutcome pair = pairValue(p, protocol, port, type, code);
      if (p.otherwise() != null) {
        NaiveOutcome other = pairValue(p.otherwise(), protocol, port, type, code);
        pair = pair == other ? pair : NaiveOutcome.UNKNOWN;
      }
      result = result.or(pair);
    }
    return result;
  }

  private NaiveOutcome pairValue(PairRules p, int protocol, int port, int type, int code) {
    return side(p.egress(), protocol, port, type, code).and(side(p.ingress(), protocol, port, type, code));
  }

  // ---------------------------------------------------------------------------------------------------------------
  // standard mode's source NAT of pods (EKS user guide, "Security groups for Pods": with
  // POD_SECURITY_GROUP_ENFORCING_MODE=standard, a pod's outbound traffic to an address outside the VPC is translated
  // to the primary network interface's address of its instance, whose security groups then apply)

  /**
   * How a pod's packet to address {@code b} of {@code to} leaves: "itself", "node" (translated to its node's primary
   * ENI, or "node" with no such ENI in the network: see {@link #podNode}), or "maybe" when the VPC's IPv4 blocks are
   * not in the network (or {@code b} lies partly inside them).
   */
  protected String podSnat(Party from, Party to, Addr b) {
    if (podMode != PodSecurityGroupMode.STANDARD || from.outside() || !from.eni().interfaceType().equals("branch")
        || b.family() != 4 || block(Cidr.parse("169.254.0.0/16")).contains(b)) {
      return "itself"; // IPv6, and the link-local services of the instance, never leave the VPC as the node
    }
    if (!to.outside() && to.publicAt() == null && to.eni().vpcId().equals(from.eni().vpcId())) {
      return "itself";
    }
    dev.sgreach.model.Vpc vpc = network.vpcs().get(from.eni().vpcId());
    List<Block> blocks = new ArrayList<>();
    if (vpc != null) {
      for (Cidr c : vpc.cidrs()) {
        if (c.isIpv4()) {
          blocks.add(block(c));
        }
      }
    }
    if (blocks.isEmpty()) {
      return "maybe";
    }
    boolean partly = false;
    for (Block k : blocks) {
      if (k.length() <= b.length() && k.contains(b)) {
        return "itself";
      }
      partly |= k.contains(b);
    }
    return partly ? "maybe" : "node";
  }

  /**
   * The party a pod's translated packets leave as: the first ENI of the network (in its order) that is not a branch
   * ENI and is attached at device index 0 to the pod's node, at its first private IPv4 address; null when there is
   * none (or it has no IPv4 address).
   */
  protected Party podNode(Party pod) {
    String host = nodeInstance(pod.eni());
    if (host == null) {
      return null;
    }
    for (NetworkInterface e : network.interfaces().values()) {
      if (!e.interfaceType().equals("branch") && e.attachment().isPresent()
          && e.attachment().get().deviceIndex() == 0 && host.equals(e.attachment().get().instanceId().orElse(null))) {
        return e.privateIpv4().isEmpty() ? null : new Party(e, List.of(addr(e.privateIpv4().get(0))));
      }
    }
    return null;
  }

  // ---------------------------------------------------------------------------------------------------------------
  // queries

  /** The verdict of one flow between two resolved parties. */
  public NaiveOutcome reach(Party from, Party to, Traffic t) {
    int protocol = t.protocol().number();
    if (throughPublic(from, to) && familyCarries(protocol, 4)
        && from.addresses().stream().anyMatch(a -> a.family() == 4)) {
      String way = podSnat(from, new Party(null, List.of(to.publicAt())), to.publicAt());
      if (!way.equals("itself")) {
        Party node = podNode(from);
        NaiveOutcome translated = node == null ? NaiveOutcome.UNKNOWN
            : flow(publicPairs(node, to, protocol), protocol, t.port(), t.icmpType(), t.icmpCode());
        if (way.equals("node")) {
          return translated;
        }
        NaiveOutcome own = flow(publicPairs(from, to, protocol), protocol, t.port(), t.icmpType(), t.icmpCode());
        return own == translated ? own : NaiveOutcome.UNKNOWN;
      }
    }
    return flow(pairsOf(from, to, protocol), protocol, t.port(), t.icmpType(), t.icmpCode());
  }

  /** The pairs of a flow, through a public address or not. */
  protected List<PairRules> pairsOf(Party from, Party to, int protocol) {
    return throughPublic(from, to) ? publicPairs(from, to, protocol) : pairs(from, to, protocol);
  }

  /**
   * True when an ENI of the network addresses another party by its public address: the packets leave the VPC and
   * come back through the internet gateway, so each side sees the other as an outside address.
   */
  protected boolean throughPublic(Party from, Party to) {
    return to.publicAt() != null && !from.outside();
  }

  /**
   * The pairs of a flow through a public address: the sender's egress towards the public address (as an outside
   * party's), and the receiver's ingress from each public address the sender can carry (the one it was named by, else
   * each of its public IPv4 addresses); with none, the ingress side is unknown. IPv4 only.
   */
  protected List<PairRules> publicPairs(Party from, Party to, int protocol) {
    List<PairRules> out = new ArrayList<>();
    boolean hasV4 = from.addresses().stream().anyMatch(a -> a.family() == 4);
    if (!hasV4 || !familyCarries(protocol, 4)) {
      return out;
    }
    Party toOutside = new Party(null, List.of(to.publicAt()));
    SideRules egress = sideRules(from, true, toOutside, to.publicAt());
    List<Addr> seen = new ArrayList<>();
    if (from.publicAt() != null) {
      seen.add(from.publicAt());
    } else {
      for (Cidr p : from.eni().publicIpv4()) {
        seen.add(addr(p));
      }
    }
    if (seen.isEmpty()) {
      // the address the sender carries (a NAT gateway's) is not in the network: unknown, as for missing data
      out.add(new PairRules(null, to.publicAt(), egress, new SideRules(List.of(), true, false)));
    }
    for (Addr s : seen) {
      out.add(new PairRules(s, to.publicAt(), egress, sideRules(to, false, new Party(null, List.of(s)), s)));
    }
    return out;
  }

  /** One side of one address pair: {@code self}'s egress (or ingress) with {@code other} at {@code otherAt}. */
  public NaiveOutcome side(Party self, boolean egress, Party other, Addr otherAt, Traffic t) {
    return side(sideRules(self, egress, other, otherAt), t.protocol().number(), t.port(), t.icmpType(),
        t.icmpCode());
  }

  /** True when a pair of these addresses can carry this traffic. */
  public boolean usablePair(Addr a, Addr b, Traffic t) {
    return a.family() == b.family() && familyCarries(t.protocol().number(), a.family());
  }

  /** The verdict of a group of member flows: allowed when all are, denied when one is, else unknown. */
  protected NaiveOutcome combine(List<NaiveOutcome> members) {
    if (members.stream().allMatch(o -> o == NaiveOutcome.ALLOWED)) {
      return NaiveOutcome.ALLOWED;
    }
    return members.contains(NaiveOutcome.DENIED) ? NaiveOutcome.DENIED : NaiveOutcome.UNKNOWN;
  }

  @Override
  public Answer verdict(String from, String to, Traffic t) {
    List<NaiveOutcome> each = new ArrayList<>();
    List<NaiveOutcome> selfPairs = new ArrayList<>();
    for (Party a : members(from)) {
      for (Party b : members(to)) {
        (leftOutOfGroups(a, b) ? selfPairs : each).add(reach(a, b, t));
      }
    }
    if (each.isEmpty()) {
      each = selfPairs; // an ENI with itself counts only when that is all there is
    }
    long allowed = each.stream().filter(o -> o == NaiveOutcome.ALLOWED).count();
    long denied = each.stream().filter(o -> o == NaiveOutcome.DENIED).count();
    String coverage = allowed == each.size() ? "all" : allowed > 0 ? "some"
        : denied == each.size() ? "none" : "unknown";
    return new Answer(combine(each), coverage, each);
  }

  /** True when some member pair of the two endpoints has an outside party on both ends. */
  public boolean bothOutside(String from, String to) {
    for (Party a : members(from)) {
      for (Party b : members(to)) {
        if (a.outside() && b.outside()) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * Brute force over the whole key space: every port 0..65535 for TCP/UDP, every (type, code) for ICMP/ICMPv6, every
   * protocol number 0..255 but 1, 6, 17, 58 otherwise.
   */
  @Override
  public Open openPorts(String from, String to, Protocol protocol) {
    return openPorts(resolve(from), resolve(to), protocol);
  }

  /** {@link #openPorts(String, String, Protocol)} between resolved parties. */
  public Open openPorts(Party f, Party d, Protocol protocol) {
    BitSet allowed = new BitSet();
    BitSet unknown = new BitSet();
    int n = protocol.number();
    if (n == 6 || n == 17) {
      List<PairRules> pairs = pairsOf(f, d, n);
      for (int port = 0; port <= 65535; port++) {
        mark(flow(pairs, n, port, -1, -1), port, allowed, unknown);
      }
    } else if (n == 1 || n == 58) {
      List<PairRules> pairs = pairsOf(f, d, n);
      for (int type = 0; type <= 255; type++) {
        for (int code = 0; code <= 255; code++) {
          mark(flow(pairs, n, -1, type, code), type * 256 + code, allowed, unknown);
        }
      }
    } else {
      for (int p = 0; p <= 255; p++) {
        if (p == 1 || p == 6 || p == 17 || p == 58) {
          continue;
        }
        mark(flow(pairsOf(f, d, p), p, -1, -1, -1), p, allowed, unknown);
      }
    }
    return new Open(allowed, unknown);
  }

  private static void mark(NaiveOutcome o, int key, BitSet allowed, BitSet unknown) {
    if (o == NaiveOutcome.ALLOWED) {
      allowed.set(key);
    } else if (o == NaiveOutcome.UNKNOWN) {
      unknown.set(key);
    }
  }

  /**
   * Every ENI of the network judged as a whole ENI towards each member of the target: allowed when its flow to some
   * member (other than itself) is allowed, unknown when it is allowed to none and unknown to some.
   */
  @Override
  public Who whoCanReach(String to, Traffic t) {
    return sweep(members(to), t, true);
  }

  /** Every ENI of the network judged as a whole ENI from each member of the source, likewise. */
  @Override
  public Who whatCanBeReached(String from, Traffic t) {
    return sweep(members(from), t, false);
  }

  private Who sweep(List<Party> members, Traffic t, boolean towards) {
    Set<String> allowed = new LinkedHashSet<>();
    Set<String> unknown = new LinkedHashSet<>();
    for (NetworkInterface eni : network.interfaces().values()) {
      Set<NaiveOutcome> seen = new java.util.HashSet<>();
      for (Party m : members) {
        if (!m.outside() && m.eni().id().equals(eni.id())) {
          continue;
        }
        seen.add(towards ? reach(whole(eni), m, t) : reach(m, whole(eni), t));
      }
      if (seen.contains(NaiveOutcome.ALLOWED)) {
        allowed.add(eni.id());
      } else if (seen.contains(NaiveOutcome.UNKNOWN)) {
        unknown.add(eni.id());
      }
    }
    return new Who(allowed, unknown);
  }

  /**
   * Of the sample addresses that are outside parties, those that can open the flow to some member of the target
   * ({@code towards}) or that some member of the source can open it to; and those whose verdict is only unknown.
   */
  @Override
  public Outside outsideReachers(String endpoint, Traffic t, List<String> sample, boolean towards) {
    List<Party> members = members(endpoint);
    Set<String> allowed = new TreeSet<>();
    Set<String> unknown = new TreeSet<>();
    for (String a : sample) {
      Party outside = resolve(a);
      if (!outside.outside()) {
        continue;
      }
      Set<NaiveOutcome> seen = new java.util.HashSet<>();
      for (Party m : members) {
        if (!m.outside()) {
          seen.add(towards ? reach(outside, m, t) : reach(m, outside, t));
        }
      }
      if (seen.contains(NaiveOutcome.ALLOWED)) {
        allowed.add(a);
      } else if (seen.contains(NaiveOutcome.UNKNOWN)) {
        unknown.add(a);
      }
    }
    return new Outside(allowed, unknown);
  }

  // ---------------------------------------------------------------------------------------------------------------
  // exposure

  /** Reserved IPv4 space (never "the internet") as value ranges, and IPv6 outside the global unicast block. */
  private static final List<BigInteger[]> RESERVED = reserved();

  private static List<BigInteger[]> reserved() {
    List<BigInteger[]> out = new ArrayList<>();
    for (String c : List.of("0.0.0.0/8", "10.0.0.0/8", "100.64.0.0/10", "127.0.0.0/8", "169.254.0.0/16",
        "172.16.0.0/12", "192.0.0.0/24", "192.0.2.0/24", "192.168.0.0/16", "198.18.0.0/15", "198.51.100.0/24",
        "203.0.113.0/24", "224.0.0.0/3")) {
      out.add(range(4, c));
    }
    out.add(range(6, "::/3"));       // below 2000::/3
    out.add(range(6, "2001:db8::/32")); // documentation
    out.add(range(6, "4000::/2"));   // above 2000::/3 ...
    out.add(range(6, "8000::/1"));   // ... up to the top
    return out;
  }

  /** The reserved ranges ({@link #RESERVED}): never the internet. */
  protected List<BigInteger[]> reservedRanges() {
    return RESERVED;
  }

  /** A block's first and last value, tagged with its family in slot 2. */
  static BigInteger[] range(int family, String cidr) {
    Addr a = parseAddr(cidr.substring(0, cidr.indexOf('/')));
    int len = Integer.parseInt(cidr.substring(cidr.indexOf('/') + 1));
    int bits = family == 4 ? 32 : 128;
    BigInteger size = BigInteger.ONE.shiftLeft(bits - len);
    BigInteger first = a.value().shiftRight(bits - len).shiftLeft(bits - len);
    return new BigInteger[] {first, first.add(size).subtract(BigInteger.ONE), BigInteger.valueOf(family)};
  }

  /** True when the block holds at least one public address: some value of it lies in no reserved range. */
  protected boolean holdsPublic(Cidr block) {
    return uncovered(range(block.family(), block.toCidrString()), reservedRanges());
  }

  /** A rule's peer against an outside party at some address of a family that is the internet for the ENI. */
  protected NaiveOutcome internetPeer(NetworkInterface eni, Rule rule, int family) {
    Peer peer = rule.peer();
    if (peer instanceof Peer.CidrPeer c) {
      return c.cidr().family() == family ? internetIn(eni, c.cidr()) : NaiveOutcome.DENIED;
    }
    if (peer instanceof Peer.PrefixListPeer p) {
      PrefixList list = network.prefixLists().get(p.prefixListId());
      if (list == null || list.entries().isEmpty()) {
        return NaiveOutcome.UNKNOWN;
      }
      NaiveOutcome result = NaiveOutcome.DENIED;
      for (Cidr e : list.entries().get()) {
        if (e.family() == family) {
          result = result.or(internetIn(eni, e));
        }
      }
      return result;
    }
    return NaiveOutcome.DENIED;
  }

  /**
   * Whether a block holds an address of the internet for an ENI: a public address ({@link #holdsPublic}) outside
   * the ENI's VPC and its active peers; UNKNOWN when that part may all lie in a VPC whose blocks are not known.
   */
  protected NaiveOutcome internetIn(NetworkInterface eni, Cidr block) {
    if (!holdsPublic(block)) {
      return NaiveOutcome.DENIED;
    }
    Map<String, List<Cidr>> vpcs = new java.util.LinkedHashMap<>();
    vpcs.put(eni.vpcId(), List.of());
    if (!eni.vpcId().isEmpty()) {
      vpcs.putAll(activePeersOf(eni.vpcId()));
    }
    List<BigInteger[]> taken = new ArrayList<>(reservedRanges());
    List<Cidr> knownInUnrecorded = new ArrayList<>();
    for (Map.Entry<String, List<Cidr>> v : vpcs.entrySet()) {
      List<Cidr> blocks = knownBlocks(v.getKey(), v.getValue());
      for (Cidr b : blocks) {
        taken.add(range(b.family(), b.toCidrString()));
      }
      if (blocks.isEmpty()) {
        network.subnets().values().stream().filter(s -> s.vpcId().equals(v.getKey()))
            .forEach(s -> knownInUnrecorded.addAll(s.cidrs()));
        for (NetworkInterface other : network.interfaces().values()) {
          if (other.vpcId().equals(v.getKey())) {
            knownInUnrecorded.addAll(other.privateIpv4());
            knownInUnrecorded.addAll(other.ipv6());
            knownInUnrecorded.addAll(other.prefixes());
          }
        }
      }
    }
    BigInteger[] b = range(block.family(), block.toCidrString());
    if (!uncovered(b, taken)) {
      return NaiveOutcome.DENIED;
    }
    if (block.length() >= largestVpcBlock(block.family())) {
      for (Cidr k : knownInUnrecorded) {
        BigInteger[] r = range(k.family(), k.toCidrString());
        if (r[2].equals(b[2]) && r[0].compareTo(b[1]) <= 0 && b[0].compareTo(r[1]) <= 0) {
          return NaiveOutcome.UNKNOWN;
        }
      }
    }
    return NaiveOutcome.ALLOWED;
  }

  /** The VPCs an active peering joins to {@code vpcId}, each with the blocks the peering records for it. */
  protected Map<String, List<Cidr>> activePeersOf(String vpcId) {
    Map<String, List<Cidr>> out = new java.util.LinkedHashMap<>();
    for (VpcPeering p : network.peerings().values()) {
      if (!p.status().equals("active") || p.requesterVpcId().equals(p.accepterVpcId())) {
        continue;
      }
      if (p.requesterVpcId().equals(vpcId)) {
        out.put(p.accepterVpcId(), p.accepter().cidrs());
      } else if (p.accepterVpcId().equals(vpcId)) {
        out.put(p.requesterVpcId(), p.requester().cidrs());
      }
    }
    return out;
  }

  /** A VPC's blocks: its record's, else those a peering records for it; empty when unknown. */
  protected List<Cidr> knownBlocks(String vpcId, List<Cidr> peeringRecord) {
    dev.sgreach.model.Vpc record = vpcId.isEmpty() ? null : network.vpcs().get(vpcId);
    return record != null && !record.cidrs().isEmpty() ? record.cidrs() : peeringRecord;
  }

  /** The shortest prefix length of a VPC block (EC2 CreateVpc: IPv4 /16; VPC user guide: IPv6 /44 from IPAM). */
  protected int largestVpcBlock(int family) {
    return family == 4 ? 16 : 44;
  }

  /** True when some value of range {@code b} lies in none of the ranges (of its family) given. */
  private static boolean uncovered(BigInteger[] b, List<BigInteger[]> ranges) {
    List<BigInteger[]> covering = new ArrayList<>();
    for (BigInteger[] r : ranges) {
      if (r[2].equals(b[2])) {
        covering.add(r);
      }
    }
    covering.sort((x, y) -> x[0].compareTo(y[0]));
    BigInteger next = b[0]; // the first value of the block not yet known to be covered
    for (BigInteger[] r : covering) {
      if (r[0].compareTo(next) > 0) {
        break;
      }
      if (r[1].compareTo(next) >= 0) {
        next = r[1].add(BigInteger.ONE);
      }
    }
    return next.compareTo(b[1]) <= 0;
  }

  /** The families the internet can reach an ENI in. */
  protected Set<Integer> reachableFamilies(NetworkInterface eni) {
    Set<Integer> out = new TreeSet<>();
    if (!eni.privateIpv4().isEmpty() || !eni.publicIpv4().isEmpty()) {
      out.add(4);
    }
    if (!eni.ipv6().isEmpty()) {
      out.add(6);
    }
    for (Cidr p : eni.prefixes()) {
      out.add(p.family());
    }
    return out;
  }

  /** The ingress rules of the ENI's present groups, with their group. */
  private List<Object[]> ingressRules(NetworkInterface eni) {
    List<Object[]> out = new ArrayList<>();
    for (String id : eni.securityGroupIds()) {
      SecurityGroup sg = network.securityGroups().get(id);
      if (sg != null) {
        for (Rule r : sg.ingress()) {
          out.add(new Object[] {sg, r});
        }
      }
    }
    return out;
  }

  /**
   * The ENI's ingress rules whose peer is not FALSE against the internet of one family, with the peer's value: the
   * port check is left to the caller, as in {@link #sideRules}.
   */
  private List<Candidate> internetRules(NetworkInterface eni, int family) {
    List<Candidate> out = new ArrayList<>();
    for (Object[] gr : ingressRules(eni)) {
      Rule r = (Rule) gr[1];
      NaiveOutcome peer = internetPeer(eni, r, family);
      if (peer != NaiveOutcome.DENIED) {
        out.add(new Candidate(r, peer));
      }
    }
    return out;
  }

  /** The internet's verdict for one flow to an ENI in one family, from its {@link #internetRules}. */
  private NaiveOutcome fromInternet(NetworkInterface eni, List<Candidate> rules, int family, int protocol, int port,
      int type, int code) {
    if (!familyCarries(protocol, family)) {
      return NaiveOutcome.DENIED;
    }
    if (unfiltered(eni)) {
      return fromInternetUnfiltered(eni, protocol, port);
    }
    NaiveOutcome result = NaiveOutcome.DENIED;
    for (String id : eni.securityGroupIds()) {
      if (!network.securityGroups().containsKey(id)) {
        result = missingGroup();
      }
    }
    for (Candidate c : rules) {
      if (portsMatch(c.rule(), protocol, port, type, code)) {
        result = result.or(c.peer());
      }
    }
    return result;
  }

  /**
   * True when a rule admitting the internet of family {@code f} opens something in it: its protocol travels over the
   * family (an ICMP rule towards IPv6 blocks admits nothing, so it is not among the rules an ENI is exposed by).
   */
  protected boolean listedFor(Rule r, int f) {
    int protocol = r.ports().protocol().number();
    return protocol == -1 || familyCarries(protocol, f);
  }

  /**
   * What the internet can open to an ENI security groups do not filter: a NAT gateway, a Transit Gateway
   * attachment, a Gateway Load Balancer (endpoint) accept no unsolicited inbound connection (DENIED); a Network Load
   * Balancer without groups accepts connections on its listeners' ports only: ALLOWED on one of them, DENIED on any
   * other, UNKNOWN everywhere when its listeners are not known (its load balancer is missing, or describe-listeners
   * was not collected). {@code protocol} and {@code port} are -1 for "any traffic at all".
   */
  protected NaiveOutcome fromInternetUnfiltered(NetworkInterface eni, int protocol, int port) {
    if (!eni.interfaceType().equals("network_load_balancer")) {
      return NaiveOutcome.DENIED;
    }
    List<Listener> listeners = naiveListeners(eni);
    if (listeners == null) {
      return NaiveOutcome.UNKNOWN;
    }
    for (Listener l : listeners) {
      String p = l.protocol();
      boolean tcp = !Set.of("UDP", "QUIC", "GENEVE").contains(p);
      boolean udp = !Set.of("TCP", "TLS", "HTTP", "HTTPS").contains(p);
      if (protocol == -1 || (protocol == 6 && tcp || protocol == 17 && udp) && port == l.port()) {
        return NaiveOutcome.ALLOWED;
      }
    }
    return NaiveOutcome.DENIED;
  }

  /**
   * The listeners of the load balancer an ENI belongs to, found by its description {@code ELB <type>/<name>/<id>}
   * against the tail of each ARN after {@code loadbalancer/}; null when they are not known.
   */
  protected List<Listener> naiveListeners(NetworkInterface eni) {
    for (dev.sgreach.model.LoadBalancer lb : network.loadBalancers().values()) {
      String arn = lb.arn();
      int cut = arn.indexOf("loadbalancer/");
      if (cut >= 0 && eni.description().equals("ELB " + arn.substring(cut + "loadbalancer/".length()))) {
        return lb.listeners().isPresent() ? lb.listeners().get() : null;
      }
    }
    return null;
  }

  @Override
  public Exposed exposure(String eniId) {
    NetworkInterface eni = network.interfaces().get(eniId);
    Set<Integer> families = reachableFamilies(eni);
    if (unfiltered(eni)) {
      NaiveOutcome any = fromInternetUnfiltered(eni, -1, -1);
      boolean maybe = !families.isEmpty() && any != NaiveOutcome.DENIED;
      boolean hasPublic = !eni.publicIpv4().isEmpty() || families.contains(6);
      return new Exposed(maybe, false, maybe && hasPublic, Set.of());
    }
    Set<String> rules = new TreeSet<>();
    boolean anywhere = false;
    for (Object[] gr : ingressRules(eni)) {
      SecurityGroup sg = (SecurityGroup) gr[0];
      Rule r = (Rule) gr[1];
      for (int f : families) {
        if (internetPeer(eni, r, f) == NaiveOutcome.ALLOWED && listedFor(r, f)) {
          rules.add(sg.id() + ": " + r.describe());
          anywhere |= r.peer() instanceof Peer.CidrPeer c && c.cidr().length() == 0 && c.cidr().family() == f
              || r.peer() instanceof Peer.PrefixListPeer p && network.prefixLists().get(p.prefixListId()).entries()
                  .get().stream().anyMatch(e -> e.length() == 0 && e.family() == f);
        }
      }
    }
    boolean exposed = anywhere || !rules.isEmpty() || anyUnknownFromInternet(eni, families);
    boolean hasPublic = !eni.publicIpv4().isEmpty() || families.contains(6);
    return new Exposed(exposed, exposed && anywhere, exposed && hasPublic, exposed ? rules : Set.of());
  }

  /**
   * True when some flow from the internet to the ENI may be unknown: with no rule admitting the internet, every key
   * a missing group or a prefix list without entries could admit is unknown.
   */
  private boolean anyUnknownFromInternet(NetworkInterface eni, Set<Integer> families) {
    if (families.isEmpty() || unfiltered(eni)) {
      return false;
    }
    for (String id : eni.securityGroupIds()) {
      if (!network.securityGroups().containsKey(id) && missingGroup() == NaiveOutcome.UNKNOWN) {
        return true;
      }
    }
    for (Object[] gr : ingressRules(eni)) {
      Rule r = (Rule) gr[1];
      int protocol = r.ports().protocol().number();
      for (int f : families) {
        if ((protocol == -1 || familyCarries(protocol, f)) && internetPeer(eni, r, f) == NaiveOutcome.UNKNOWN) {
          return true;
        }
      }
    }
    return false;
  }

  @Override
  public Set<String> exposed() {
    Set<String> out = new TreeSet<>();
    for (NetworkInterface eni : network.interfaces().values()) {
      if (exposure(eni.id()).exposed()) {
        out.add(eni.id());
      }
    }
    return out;
  }

  /** Brute force over one key space: what the internet can open to the ENI, over the families it has. */
  @Override
  public Open exposureKeys(String eniId, Protocol protocol) {
    NetworkInterface eni = network.interfaces().get(eniId);
    Set<Integer> families = reachableFamilies(eni);
    List<List<Candidate>> rules = new ArrayList<>();
    for (int f : families) {
      rules.add(internetRules(eni, f));
    }
    List<Integer> fams = new ArrayList<>(families);
    BitSet allowed = new BitSet();
    BitSet unknown = new BitSet();
    int n = protocol.number();
    if (n == 6 || n == 17 || n == 1 || n == 58) {
      for (int key = 0; key <= 65535; key++) {
        NaiveOutcome o = NaiveOutcome.DENIED;
        for (int i = 0; i < fams.size(); i++) {
          o = o.or(n == 6 || n == 17 ? fromInternet(eni, rules.get(i), fams.get(i), n, key, -1, -1)
              : fromInternet(eni, rules.get(i), fams.get(i), n, -1, key / 256, key % 256));
        }
        mark(o, key, allowed, unknown);
      }
    } else {
      for (int p = 0; p <= 255; p++) {
        if (p == 1 || p == 6 || p == 17 || p == 58) {
          continue;
        }
        NaiveOutcome o = NaiveOutcome.DENIED;
        for (int i = 0; i < fams.size(); i++) {
          o = o.or(fromInternet(eni, rules.get(i), fams.get(i), p, -1, -1, -1));
        }
        mark(o, p, allowed, unknown);
      }
    }
    return new Open(allowed, unknown);
  }
}
