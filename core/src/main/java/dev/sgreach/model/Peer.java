package dev.sgreach.model;

import java.util.Objects;

/**
 * The other side of a security-group rule: exactly one of an IPv4/IPv6 CIDR ({@code CidrIpv4}/{@code CidrIpv6}), a
 * reference to a security group ({@code ReferencedGroupInfo}/{@code UserIdGroupPairs}), or a managed prefix list
 * ({@code PrefixListId}). AWS's grouped {@code IpPermissions} hold many peers; sgreach keeps one rule per peer.
 *
 * <p>Its records, like {@link Rule}, {@link Ports} and {@link Protocol}, write out {@code equals} and {@code hashCode}
 * with the values the generated ones give (the record's formula, {@code h = 31 * h + hash(component)}): the generated
 * methods run through method handles, which the client compiler of the command line does not inline, and a load
 * compares and hashes rules by the hundred thousand.
 */
public sealed interface Peer permits Peer.CidrPeer, Peer.GroupPeer, Peer.PrefixListPeer {

  /** A CIDR peer, parsed strictly ({@code 10.0.0.5/16} becomes {@code 10.0.0.0/16}). */
  static CidrPeer cidr(String cidr) {
    return new CidrPeer(Cidr.parse(cidr));
  }

  /** A CIDR peer. */
  static CidrPeer cidr(Cidr cidr) {
    return new CidrPeer(cidr);
  }

  /** A reference to a security group in the same VPC (or one AWS resolves through a peering). */
  static GroupPeer group(String groupId) {
    return new GroupPeer(groupId, null, null, null, null);
  }

  /** A managed prefix list. */
  static PrefixListPeer prefixList(String prefixListId) {
    return new PrefixListPeer(prefixListId);
  }

  /** The peer as one short text: the CIDR, the group id (with owner when known), or the prefix-list id. */
  String describe();

  /** An IPv4 or IPv6 block; matches addresses of its own family only. */
  record CidrPeer(Cidr cidr) implements Peer {
    public CidrPeer {
      if (cidr == null) {
        throw new IllegalArgumentException("CIDR peer needs a CIDR");
      }
    }

    @Override
    public String describe() {
      return cidr.toCidrString();
    }

    @Override
    public boolean equals(Object o) {
      return this == o || o instanceof CidrPeer c && c.cidr.equals(cidr);
    }

    @Override
    public int hashCode() {
      return cidr.hashCode();
    }
  }

  /**
   * A reference to a security group: matches the private addresses of ENIs that carry that group, in the same VPC as
   * the ENI the rule is evaluated for, or in a VPC joined to it by an active peering. Public and Elastic IPs never
   * match.
   *
   * @param groupId the referenced group, {@code sg-...}
   * @param userId the account that owns it, when AWS reports one (cross-account or peered references)
   * @param vpcId the VPC of the referenced group, when AWS reports one (peered references)
   * @param peeringId the peering connection the reference goes through, when AWS reports one
   * @param peeringStatus the reference's peering status as AWS reports it ({@code active}, {@code deleted}, ...), if any
   */
  record GroupPeer(String groupId, String userId, String vpcId, String peeringId, String peeringStatus)
      implements Peer {
    public GroupPeer {
      if (groupId == null || groupId.isBlank()) {
        throw new IllegalArgumentException("security-group reference needs a GroupId");
      }
    }

    /** The same reference, naming the account that owns the group. */
    public GroupPeer ownedBy(String account) {
      return new GroupPeer(groupId, account, vpcId, peeringId, peeringStatus);
    }

    /** The same reference, through a VPC peering. */
    public GroupPeer viaPeering(String vpc, String peering, String status) {
      return new GroupPeer(groupId, userId, vpc, peering, status);
    }

    @Override
    public String describe() {
      return userId == null ? groupId : userId + "/" + groupId;
    }

    @Override
    public boolean equals(Object o) {
      return this == o || o instanceof GroupPeer g && g.groupId.equals(groupId) && Objects.equals(g.userId, userId)
          && Objects.equals(g.vpcId, vpcId) && Objects.equals(g.peeringId, peeringId)
          && Objects.equals(g.peeringStatus, peeringStatus);
    }

    @Override
    public int hashCode() {
      int h = groupId.hashCode();
      h = 31 * h + Objects.hashCode(userId);
      h = 31 * h + Objects.hashCode(vpcId);
      h = 31 * h + Objects.hashCode(peeringId);
      return 31 * h + Objects.hashCode(peeringStatus);
    }
  }

  /** A managed prefix list; matches any address inside one of its entries. */
  record PrefixListPeer(String prefixListId) implements Peer {
    public PrefixListPeer {
      if (prefixListId == null || prefixListId.isBlank()) {
        throw new IllegalArgumentException("prefix-list peer needs a PrefixListId");
      }
    }

    @Override
    public String describe() {
      return prefixListId;
    }

    @Override
    public boolean equals(Object o) {
      return this == o || o instanceof PrefixListPeer l && l.prefixListId.equals(prefixListId);
    }

    @Override
    public int hashCode() {
      return prefixListId.hashCode();
    }
  }
}
