package dev.sgreach.snapshot;

import dev.sgreach.model.Cidr;
import dev.sgreach.model.Peer;
import dev.sgreach.model.Ports;
import dev.sgreach.model.Protocol;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The decisions about single AWS values that every mapping onto the model shares, the snapshot reader's and the live
 * loader's alike: what a rule's {@code IpProtocol}, {@code FromPort} and {@code ToPort} mean and where an impossible
 * pair is reported, which address family a field holds, when an address must be a single address, and which group
 * references stand for a peer. Each method takes the {@link Location} of the value and throws a
 * {@link SnapshotException} naming it.
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
    return Peer.prefixList(at.require(prefixListId));
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
    return new Peer.GroupPeer(at.field("GroupId").require(groupId), userId, vpcId, peeringId, peeringStatus);
  }
}
