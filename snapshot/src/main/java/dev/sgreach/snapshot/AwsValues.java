package dev.sgreach.snapshot;

import dev.sgreach.model.AwsId;
import dev.sgreach.model.Cidr;
import dev.sgreach.model.Peer;
import dev.sgreach.model.Ports;
import dev.sgreach.model.Protocol;
import java.util.List;
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
}
