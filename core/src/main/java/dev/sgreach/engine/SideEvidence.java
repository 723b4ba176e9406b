package dev.sgreach.engine;

import static dev.sgreach.engine.Tri.T;
import static dev.sgreach.engine.Tri.U;

import com.google.common.collect.ImmutableList;
import dev.sgreach.model.Cidr;
import dev.sgreach.model.Peer;
import dev.sgreach.model.Ports;
import dev.sgreach.model.Traffic;
import java.util.ArrayList;
import java.util.List;

/**
 * What {@link SideJudge}'s decision found rule by rule, collected for a proof, and its wording: the rules that admit,
 * the rules that admit the protocol and key but whose peer does not match (with the part of the peer's decision that
 * said no), the rules whose peer matches but whose keys do not, and the missing data. It decides nothing.
 */
final class SideEvidence {
  private static final int MAX_NEAR_MISSES = 6;

  private final Index index;
  private final Cidr otherAddress;
  final ImmutableList.Builder<RuleMatch> matches = ImmutableList.builder();
  final List<String> unknown = new ArrayList<>();
  private final List<CompiledRule> portMisses = new ArrayList<>();
  private final List<CompiledRule> peerMisses = new ArrayList<>();

  SideEvidence(Index index, Cidr otherAddress) {
    this.index = index;
    this.otherAddress = otherAddress;
  }

  /** A rule admitting the protocol and key, and its peer's value. */
  void admitting(CompiledRule r, int peer) {
    if (peer == T) {
      matches.add(new RuleMatch(r.group, r.rule, otherAddress));
    } else if (peer == U && r.rule.peer() instanceof Peer.GroupPeer g) {
      unknown.add(r.group.label() + ": " + r.rule.describe() + ": " + (g.peeringId() != null
          && !g.peeringId().isEmpty() ? "it goes through peering " + g.peeringId() + ", which is not in the snapshot"
          + " and whose status it does not report" : "the group's carrier sits in a VPC joined by no peering of the"
          + " snapshot: the reference matches only across a Transit Gateway with security-group referencing, which"
          + " the snapshot does not show"));
    } else if (peer == U) {
      unknown.add(r.group.label() + ": " + r.rule.describe() + ": " + (r.kind == CompiledRule.PREFIX_LIST
          && r.entries == null ? "entries of prefix list " + ((Peer.PrefixListPeer) r.rule.peer()).prefixListId()
          + " are not in the snapshot" : otherAddress + " stands for an address AWS assigns at launch, and the"
          + " rule covers only part of the block it will be in"));
    } else {
      peerMisses.add(r);
    }
  }

  /** True when as many port misses are known as a proof shows: port misses come first among near misses. */
  boolean enoughPortMisses() {
    return portMisses.size() >= MAX_NEAR_MISSES;
  }

  /** A rule of the flow's protocol whose peer matches but whose keys do not. */
  void portMiss(CompiledRule r) {
    portMisses.add(r);
  }

  /** The near misses to show: port misses first (they are the closest), worded only for those shown. */
  ImmutableList<NearMiss> nearMisses(int selfIndex, Member other, int otherIndex, Traffic traffic) {
    List<NearMiss> near = new ArrayList<>();
    for (CompiledRule r : portMisses) {
      if (near.size() < MAX_NEAR_MISSES) {
        near.add(new NearMiss(r.group, r.rule, portMiss(r.rule.ports(), traffic)));
      }
    }
    for (CompiledRule r : peerMisses) {
      if (near.size() < MAX_NEAR_MISSES) {
        near.add(new NearMiss(r.group, r.rule, peerMiss(r, selfIndex, other, otherIndex)));
      }
    }
    return ImmutableList.copyOf(near);
  }

  private static String portMiss(Ports p, Traffic t) {
    if (p.protocol().hasPorts()) {
      return "port " + t.port() + " is outside " + (p.from() == p.to() ? p.from() : p.from() + "-" + p.to());
    }
    return t.protocol().awsName() + " type " + t.icmpType() + " code " + t.icmpCode() + " is not " + p;
  }

  /** Why a rule admitting the traffic does not match the other party: the part of the peer decision that said no. */
  private String peerMiss(CompiledRule r, int selfIndex, Member other, int otherIndex) {
    Peer p = r.rule.peer();
    if (p instanceof Peer.CidrPeer c) {
      return c.cidr().family() != otherAddress.family()
          ? "peer " + c.cidr().toCidrString() + " is IPv" + c.cidr().family() + ", the other side's address "
              + otherAddress + " is IPv" + otherAddress.family()
          : otherAddress + " is not in " + c.cidr().toCidrString();
    }
    if (p instanceof Peer.GroupPeer g) {
      if (otherIndex < 0) {
        return "peer " + g.groupId() + ": a security-group reference never matches an outside party ("
            + otherAddress + ")";
      }
      if (r.peeringStatus == CompiledRule.PEERING_NOT_ACTIVE) {
        return "peer " + g.groupId() + ": the reference goes through peering " + g.peeringId() + ", which is "
            + g.peeringStatus();
      }
      if (!index.carries(otherIndex, r.referencedGroup)) {
        return "peer " + g.groupId() + ": " + other.label() + " does not carry " + g.groupId();
      }
      return "peer " + g.groupId() + ": " + other.label() + " is in " + index.enis[otherIndex].vpcId()
          + ", which is neither " + index.enis[selfIndex].vpcId() + " nor joined to it by an active peering";
    }
    return otherAddress + " is in no entry of prefix list " + ((Peer.PrefixListPeer) p).prefixListId();
  }
}
