package dev.sgreach.engine;

import dev.sgreach.model.Cidr;
import dev.sgreach.model.Peer;
import dev.sgreach.model.Rule;
import dev.sgreach.model.SecurityGroup;

/**
 * One rule as the index keeps it: its protocol and key range as ints, and its peer resolved against the snapshot
 * (the referenced group interned, the prefix list's entries looked up, what the reference reports about its
 * peering). It holds facts only; whether the peer matches the other side of a flow is {@link SideJudge}'s to decide.
 */
final class CompiledRule {
  static final int CIDR = 0;
  static final int GROUP = 1;
  static final int PREFIX_LIST = 2;

  /** A reference that reports no peering. */
  static final int NO_PEERING = 0;
  /** A reference that reports an active peering. */
  static final int PEERING_ACTIVE = 1;
  /** A reference that reports a peering in any other state (deleted, pending, ...). */
  static final int PEERING_NOT_ACTIVE = 2;

  /** A number unique in the index, for per-rule tables. */
  final int id;
  final SecurityGroup group;
  /** The group's index in the {@link Index}. */
  final int groupIndex;
  final Rule rule;
  /** The IP protocol number, -1 for all traffic. */
  final int protocol;
  /** The first and last key admitted (see {@link dev.sgreach.model.Traffic#key()}). */
  final int low;
  final int high;
  final int kind;
  /** For a CIDR peer, the block. */
  final Cidr cidr;
  /** For a group reference, the interned referenced group. */
  final int referencedGroup;
  /** For a group reference, what it reports about the peering it goes through: one of the {@code PEERING_} values. */
  final int peeringStatus;
  /** For a group reference: true when it names the peering connection it goes through. */
  final boolean throughPeering;
  /** For a group reference through a peering: true when the snapshot records that peering (its status decides). */
  final boolean peeringRecorded;
  /** For a group reference through a peering: the interned VPC it names, or -1 when it names none. */
  final int namedVpc;
  /** For a prefix-list peer: its entries, or null when the list or its entries are not in the snapshot. */
  final Cidr[] entries;

  CompiledRule(int id, SecurityGroup group, int groupIndex, Rule rule, Index.Interner interner) {
    this.id = id;
    this.group = group;
    this.groupIndex = groupIndex;
    this.rule = rule;
    this.protocol = rule.ports().protocol().number();
    this.low = rule.ports().lowestKey();
    this.high = rule.ports().highestKey();
    Peer p = rule.peer();
    if (p instanceof Peer.CidrPeer c) {
      kind = CIDR;
      cidr = c.cidr();
      referencedGroup = -1;
      peeringStatus = NO_PEERING;
      throughPeering = false;
      peeringRecorded = false;
      namedVpc = -1;
      entries = null;
    } else if (p instanceof Peer.GroupPeer g) {
      kind = GROUP;
      cidr = null;
      referencedGroup = interner.group(g.groupId());
      String status = g.peeringStatus();
      peeringStatus = status == null || status.isEmpty() ? NO_PEERING
          : status.equalsIgnoreCase("active") ? PEERING_ACTIVE : PEERING_NOT_ACTIVE;
      throughPeering = g.peeringId() != null && !g.peeringId().isEmpty();
      peeringRecorded = throughPeering && interner.network().peerings().containsKey(g.peeringId());
      namedVpc = throughPeering && g.vpcId() != null && !g.vpcId().isEmpty() ? interner.vpc(g.vpcId()) : -1;
      entries = null;
    } else {
      kind = PREFIX_LIST;
      cidr = null;
      referencedGroup = -1;
      peeringStatus = NO_PEERING;
      throughPeering = false;
      peeringRecorded = false;
      namedVpc = -1;
      entries = interner.entries(((Peer.PrefixListPeer) p).prefixListId());
    }
  }

  /** True when the rule's protocol and key range admit this protocol and key (the peer aside). */
  boolean admits(int proto, int key) {
    return protocol == -1 || protocol == proto && low <= key && key <= high;
  }

  /** True when the rule is for this protocol, or for all of them. */
  boolean sameProtocol(int proto) {
    return protocol == -1 || protocol == proto;
  }

  @Override
  public String toString() {
    return group.id() + ": " + rule.describe();
  }
}
