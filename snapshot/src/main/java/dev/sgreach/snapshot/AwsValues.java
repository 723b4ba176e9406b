package dev.sgreach.snapshot;

import com.google.common.collect.ImmutableList;
import dev.sgreach.model.AwsId;
import dev.sgreach.model.Cidr;
import dev.sgreach.model.NetworkAcl;
import dev.sgreach.model.NetworkInterface;
import dev.sgreach.model.Peer;
import dev.sgreach.model.Ports;
import dev.sgreach.model.Protocol;
import dev.sgreach.model.RouteTable;
import dev.sgreach.model.RouteTarget;
import dev.sgreach.model.TransitGateway;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The decisions about single AWS values that every mapping onto the model shares, the snapshot reader's and the live
 * loader's alike: what a rule's {@code IpProtocol}, {@code FromPort} and {@code ToPort} mean and where an impossible
 * pair is reported, which address family a field holds, when an address must be a single address, which group
 * references stand for a peer, and whether an identifier has its kind's form ({@link AwsId}). Each method takes the
 * {@link Location} of the value and throws a {@link SnapshotException} naming it.
 */
public final class AwsValues {
  private static final Logger LOG = LoggerFactory.getLogger(AwsValues.class);

  private AwsValues() {}

  /**
   * The protocol and ports of a rule ({@code at} is the rule or permission). A port error is reported at
   * {@code FromPort} or {@code ToPort} when that value alone is impossible for the protocol, else at the rule (the
   * pair is inconsistent).
   */
  public static Ports ports(String ipProtocol, Integer from, Integer to, Location at) {
    Protocol protocol = at.field("IpProtocol").parse(ipProtocol, Protocol::parse);
    if (protocol.hasPorts() || protocol.equals(Protocol.ICMP)) {
      // EC2 requires a range for tcp, udp and icmp and returns it on every such rule; read without it, a rule would
      // silently become "every port"
      String what = protocol.hasPorts() ? "its port range" : "its ICMP type and code (-1 for any)";
      if (from == null) {
        throw at.field("FromPort").fail(null, "FromPort is missing: AWS returns every " + protocol.awsName()
            + " rule with " + what + " in FromPort and ToPort");
      }
      if (to == null) {
        throw at.field("ToPort").fail(null, "ToPort is missing: AWS returns every " + protocol.awsName()
            + " rule with " + what + " in FromPort and ToPort");
      }
    }
    try {
      return Ports.of(protocol, from, to);
    } catch (IllegalArgumentException e) {
      if (!fits(protocol, from)) {
        throw at.field("FromPort").fail(from, e.getMessage());
      }
      if (!fits(protocol, to)) {
        throw at.field("ToPort").fail(to, e.getMessage());
      }
      throw at.fail("FromPort " + from + ", ToPort " + to, e.getMessage());
    }
  }

  /** True when the value alone is possible for the protocol (absent counts as possible). */
  private static boolean fits(Protocol protocol, Integer port) {
    if (port == null) {
      return true;
    }
    try {
      new Ports(protocol, port, port);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /**
   * A block of the given family: 4 for {@code CidrIp}, {@code CidrIpv4}, {@code Ipv4Prefix}; 6 for {@code CidrIpv6}
   * and the like; 0 where AWS allows either (prefix-list entries, a VPC's {@code CidrBlock}).
   */
  public static Cidr cidr(String text, int family, Location at) {
    Cidr c = at.parse(text, Cidr::parse);
    if (family != 0 && c.family() != family) {
      throw at.fail(text, "is an IPv" + c.family() + " block where " + at.name() + " holds IPv" + family);
    }
    return c;
  }

  /** A single address of the given family ({@code PrivateIpAddress}, {@code Ipv6Address}, {@code PublicIp}). */
  public static Cidr address(String text, int family, Location at) {
    Cidr c = cidr(text, family, at);
    if (!c.isSingleAddress()) {
      throw at.fail(text, "is a block, not a single address");
    }
    return c;
  }

  /** A prefix-list peer ({@code PrefixListId} at {@code at}). */
  public static Peer prefixList(String prefixListId, Location at) {
    return Peer.prefixList(requiredId(AwsId.PREFIX_LIST, prefixListId, at));
  }

  /**
   * An identifier of the given kind, or null when it is absent ({@code at} is its field).
   *
   * @throws SnapshotException {@code 'sg-0a1b$(touch X)' is not a security group id (...)} when present but not of
   *     the kind's form, the empty string included
   */
  public static String id(AwsId kind, String text, Location at) {
    if (text != null && !kind.matches(text)) {
      throw at.fail(text, "is not " + kind.description());
    }
    return text;
  }

  /** An identifier of the given kind that must be there ({@code GroupId is missing} otherwise). */
  public static String requiredId(AwsId kind, String text, Location at) {
    return id(kind, at.require(text), at);
  }

  /**
   * As {@link #id(AwsId, String, Location)} for the field {@code field} of the object at {@code parent}, whose
   * location is made only when the value is refused (a region holds hundreds of thousands of ids).
   */
  public static String id(AwsId kind, String text, Location parent, String field) {
    if (text != null && !kind.matches(text)) {
      throw parent.field(field).fail(text, "is not " + kind.description());
    }
    return text;
  }

  /** As {@link #requiredId(AwsId, String, Location)} for the field {@code field} of the object at {@code parent}. */
  public static String requiredId(AwsId kind, String text, Location parent, String field) {
    if (text == null || text.isBlank()) {
      return requiredId(kind, text, parent.field(field));
    }
    return id(kind, text, parent, field);
  }

  /**
   * Identifiers of the given kind, each checked ({@code at} is the list; an element is reported at its index).
   *
   * @return the list itself
   */
  public static List<String> ids(AwsId kind, List<String> texts, Location at) {
    for (int i = 0; i < texts.size(); i++) {
      Location el = at.index(i);
      if (texts.get(i) == null) {
        throw el.fail("null", "is not " + kind.description());
      }
      id(kind, texts.get(i), el);
    }
    return texts;
  }

  /**
   * Checks that a list AWS always returns (empty when there is nothing) was in the response: for mappings of
   * objects that tell an absent list from an empty one, such as the SDK's {@code hasIpPermissions()}.
   *
   * @param present whether the response held the list
   * @param at the list's field
   * @param response the AWS call, for the message ({@code describe-security-groups})
   */
  public static void requireList(boolean present, Location at, String response) {
    if (!present) {
      throw Required.missing(at, response, true);
    }
  }

  /** As {@link #requireList}, for a value AWS always sets (a rules entry's {@code FromPort}). */
  public static void requireValue(boolean present, Location at, String response) {
    if (!present) {
      throw Required.missing(at, response, false);
    }
  }

  /**
   * The peer of one {@code UserIdGroupPairs} entry ({@code at} is the entry). An EC2-Classic style reference that
   * names a group only by name (such as {@code amazon-elb/amazon-elb-sg}) matches nothing in a VPC and is left out,
   * with a warning in the log; any other entry needs a {@code GroupId}.
   */
  public static Optional<Peer> groupPair(String groupId, String groupName, String userId, String vpcId,
      String peeringId, String peeringStatus, Location at) {
    if (groupId == null && groupName != null) {
      LOG.warn("{}: {}: skipping a reference to group name '{}' (owner '{}') without a GroupId: EC2-Classic"
          + " references match nothing in a VPC", at.file(), at.path(), groupName, userId);
      return Optional.empty();
    }
    return Optional.of(groupReference(groupId, userId, vpcId, peeringId, peeringStatus, at));
  }

  /** A security-group reference ({@code ReferencedGroupInfo}, or a group pair with its {@code GroupId}). */
  public static Peer.GroupPeer groupReference(String groupId, String userId, String vpcId, String peeringId,
      String peeringStatus, Location at) {
    return new Peer.GroupPeer(requiredId(AwsId.SECURITY_GROUP, groupId, at, "GroupId"),
        id(AwsId.ACCOUNT, userId, at, "UserId"), id(AwsId.VPC, vpcId, at, "VpcId"),
        id(AwsId.VPC_PEERING_CONNECTION, peeringId, at, "VpcPeeringConnectionId"), peeringStatus);
  }

  /**
   * How describe-network-interfaces lists an ENI's public IPs: the one of each private IPv4 address in order (null
   * where it has none), or, for an ENI without private IPv4 addresses, its one public IP. A recorded pair
   * ({@link NetworkInterface#publicIpv4ByPrivate()}) puts the public IP on its private address; a public IP whose
   * private address is not known goes on the next private address without one. Both writers (JSON and SDK objects)
   * ask this, and the readers read the pairs back.
   *
   * @throws IllegalArgumentException when there are more unpaired public IPs than private addresses to put them on
   */
  public static List<Cidr> publicIpPerPrivateAddress(NetworkInterface e) {
    List<Cidr> privates = e.privateIpv4();
    java.util.Collection<Cidr> paired = e.publicIpv4ByPrivate().values();
    java.util.Iterator<Cidr> unpaired = e.publicIpv4().stream().filter(p -> !paired.contains(p)).iterator();
    List<Cidr> out = new java.util.ArrayList<>();
    for (Cidr p : privates) {
      Cidr pub = e.publicIpv4ByPrivate().get(p);
      out.add(pub != null ? pub : unpaired.hasNext() ? unpaired.next() : null);
    }
    if (privates.isEmpty() && unpaired.hasNext()) {
      out.add(unpaired.next());
    }
    if (unpaired.hasNext()) {
      throw new IllegalArgumentException(e.id() + " has more public IPv4 addresses (" + e.publicIpv4().size()
          + ") than private ones to associate them with (" + privates.size() + ")");
    }
    return out;
  }

  // ---------------------------------------------------------------- the packet path

  /**
   * One network ACL entry ({@code at} is the entry). {@code Protocol} is AWS's number as a string ({@code -1} all,
   * {@code 6}, {@code 17}, {@code 1}, {@code 58}, any other number; names are read too); TCP and UDP need their
   * {@code PortRange}, ICMP its {@code IcmpTypeCode}, as the API requires them when an entry is made, so an entry
   * without them is a broken file, never a guess; ICMPv6 with an IPv6 block needs its type and code, with an IPv4
   * block it admits every type (AWS's rule, applied by the model); any other protocol ignores ports. Exactly one of
   * {@code CidrBlock} and {@code Ipv6CidrBlock}.
   *
   * @param portRange {@code PortRange.From} and {@code .To}, or null when the entry has no {@code PortRange}
   * @param icmp {@code IcmpTypeCode.Type} and {@code .Code}, or null when the entry has no {@code IcmpTypeCode}
   */
  public static NetworkAcl.Entry aclEntry(Integer ruleNumber, Boolean egress, String protocol, String cidrBlock,
      String ipv6CidrBlock, Integer[] portRange, Integer[] icmp, String ruleAction, Location at) {
    if (ruleNumber == null) {
      throw at.field("RuleNumber").fail(null, "RuleNumber is missing");
    }
    if (egress == null) {
      throw at.field("Egress").fail(null, "Egress is missing");
    }
    Protocol p = at.field("Protocol").parse(protocol, Protocol::parse);
    Cidr cidr;
    if (cidrBlock != null && ipv6CidrBlock != null) {
      throw at.fail(null, "an entry names one of CidrBlock and Ipv6CidrBlock, this one names both");
    } else if (cidrBlock != null) {
      cidr = cidr(cidrBlock, 4, at.field("CidrBlock"));
    } else if (ipv6CidrBlock != null) {
      cidr = cidr(ipv6CidrBlock, 6, at.field("Ipv6CidrBlock"));
    } else {
      throw at.field("CidrBlock").fail(null, "CidrBlock (or Ipv6CidrBlock) is missing");
    }
    NetworkAcl.Action action = at.field("RuleAction").parse(ruleAction, NetworkAcl.Action::parse);
    Ports ports;
    if (p.hasPorts()) {
      Location range = at.field("PortRange");
      if (portRange == null) {
        throw range.fail(null, "PortRange is missing: a " + p.awsName() + " entry names the ports it matches");
      }
      Integer from = portRange[0];
      Integer to = portRange[1];
      if (from == null || to == null) {
        throw range.field(from == null ? "From" : "To").fail(null, (from == null ? "From" : "To") + " is missing");
      }
      ports = range.build(() -> new Ports(p, from, to));
    } else if (p.isIcmp() && !(p.equals(Protocol.ICMPV6) && cidr.isIpv4())) {
      Location typeCode = at.field("IcmpTypeCode");
      if (icmp == null) {
        throw typeCode.fail(null, "IcmpTypeCode is missing: an " + p.awsName() + " entry names the type and code it"
            + " matches (-1 for any)");
      }
      Integer type = icmp[0] == null ? Integer.valueOf(-1) : icmp[0];
      Integer code = icmp[1] == null ? Integer.valueOf(-1) : icmp[1];
      ports = typeCode.build(() -> new Ports(p, type, code));
    } else {
      ports = new Ports(p, -1, -1);
    }
    Ports matched = ports;
    return at.build(() -> new NetworkAcl.Entry(ruleNumber, egress, matched, cidr, action));
  }

  /**
   * The fields of a {@code describe-route-tables} route that name its target, in the order they are looked at: a
   * route to an instance also names the instance's interface, and the first present field is the target.
   */
  public static final List<String> ROUTE_TARGET_FIELDS = List.of("GatewayId", "NatGatewayId", "TransitGatewayId",
      "VpcPeeringConnectionId", "EgressOnlyInternetGatewayId", "InstanceId", "NetworkInterfaceId", "LocalGatewayId",
      "CarrierGatewayId", "CoreNetworkArn", "VpcEndpointId");

  /**
   * One route of a subnet route table ({@code at} is the route): exactly one destination ({@code
   * DestinationCidrBlock}, {@code DestinationIpv6CidrBlock} or {@code DestinationPrefixListId}); the target from the
   * first of {@link #ROUTE_TARGET_FIELDS} present in {@code targets} (field name to value), none only for a
   * blackhole; {@code State} {@code active} (the default) or {@code blackhole}; {@code Origin} as AWS writes it.
   */
  public static RouteTable.Route route(String cidrBlock, String ipv6CidrBlock, String prefixListId,
      Map<String, String> targets, String state, String origin, Location at) {
    int destinations = (cidrBlock != null ? 1 : 0) + (ipv6CidrBlock != null ? 1 : 0) + (prefixListId != null ? 1 : 0);
    if (destinations != 1) {
      throw at.fail(null, "a route names exactly one of DestinationCidrBlock, DestinationIpv6CidrBlock and"
          + " DestinationPrefixListId, this one names " + destinations);
    }
    Optional<Cidr> destination = Optional.empty();
    if (cidrBlock != null) {
      destination = Optional.of(cidr(cidrBlock, 4, at.field("DestinationCidrBlock")));
    } else if (ipv6CidrBlock != null) {
      destination = Optional.of(cidr(ipv6CidrBlock, 6, at.field("DestinationIpv6CidrBlock")));
    } else {
      at.field("DestinationPrefixListId").require(prefixListId);
    }
    RouteTarget target = RouteTarget.none();
    for (String field : ROUTE_TARGET_FIELDS) {
      String value = targets.get(field);
      if (value != null && !value.isBlank()) {
        target = at.field(field).parse(value, RouteTarget::of);
        break;
      }
    }
    RouteTable.State s = state == null ? RouteTable.State.ACTIVE : at.field("State").parse(state,
        RouteTable.State::parse);
    RouteTable.Origin o = origin == null ? null : at.field("Origin").parse(origin, RouteTable.Origin::parse);
    Optional<Cidr> d = destination;
    RouteTarget t = target;
    return at.build(() -> new RouteTable.Route(d, Optional.ofNullable(prefixListId), t, s, o));
  }

  /**
   * True when an association (of a route table or of a transit gateway attachment) is in force: its
   * {@code AssociationState.State} (or {@code Association.State}) is {@code associated}, or absent, as in captures made
   * before AWS reported it.
   */
  public static boolean associated(String state) {
    return state == null || state.isBlank() || state.trim().equalsIgnoreCase("associated");
  }

  /** True when a transit gateway route table propagation is in force ({@code State: enabled}, or absent). */
  public static boolean propagationEnabled(String state) {
    return state == null || state.isBlank() || state.trim().equalsIgnoreCase("enabled");
  }

  /**
   * A load balancer's {@code EnforceSecurityGroupInboundRulesOnPrivateLinkTraffic}: {@code on} (or absent: AWS's
   * default, and what a load balancer without the setting does) is true, {@code off} false, anything else an error.
   */
  public static boolean enforcePrivateLinkInbound(String value, Location at) {
    if (value == null || value.equals("on")) {
      return true;
    }
    if (value.equals("off")) {
      return false;
    }
    throw at.fail(value, "is neither on nor off");
  }

  /** True for an option AWS writes as {@code enable} (anything else, {@code disable} or absent, is false). */
  public static boolean enabled(String option) {
    return option != null && option.trim().equalsIgnoreCase("enable");
  }

  /**
   * One transit gateway route of {@code search-transit-gateway-routes} ({@code at} is the route): empty when it
   * carries nothing ({@code pending}, {@code deleting}, {@code deleted}); a blackhole when its {@code State} says so.
   * A route to a prefix list ({@code PrefixListId}, no {@code DestinationCidrBlock}) is not one the model holds: see
   * {@link #isPrefixListRoute}.
   */
  public static Optional<TransitGateway.Route> transitGatewayRoute(String cidrBlock, List<String> attachmentIds,
      String type, String state, Location at) {
    String st = state == null ? "active" : state.trim().toLowerCase(Locale.ROOT);
    if (!st.equals("active") && !st.equals("blackhole")) {
      return Optional.empty();
    }
    Cidr destination = cidr(at.field("DestinationCidrBlock").require(cidrBlock), 0, at.field("DestinationCidrBlock"));
    boolean propagated = type != null && type.trim().equalsIgnoreCase("propagated");
    boolean blackhole = st.equals("blackhole");
    ImmutableList<String> ids = blackhole ? ImmutableList.of() : ImmutableList.copyOf(attachmentIds);
    return Optional.of(at.build(() -> new TransitGateway.Route(destination, ids, propagated, blackhole)));
  }

  /** True for a transit gateway route whose destination is a prefix list rather than a block. */
  public static boolean isPrefixListRoute(String cidrBlock, String prefixListId) {
    return cidrBlock == null && prefixListId != null && !prefixListId.isBlank();
  }
}
