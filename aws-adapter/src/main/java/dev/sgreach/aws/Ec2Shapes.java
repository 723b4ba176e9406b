package dev.sgreach.aws;

import com.google.common.collect.ImmutableList;
import dev.sgreach.model.Cidr;
import dev.sgreach.model.Direction;
import dev.sgreach.model.EksClusterInfo;
import dev.sgreach.model.LoadBalancer;
import dev.sgreach.model.NetworkInterface;
import dev.sgreach.model.Peer;
import dev.sgreach.model.Ports;
import dev.sgreach.model.PrefixList;
import dev.sgreach.model.Protocol;
import dev.sgreach.model.Rule;
import dev.sgreach.model.SecurityGroup;
import dev.sgreach.model.Vpc;
import dev.sgreach.model.VpcPeering;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.ec2.model.GroupIdentifier;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.ec2.model.IpRange;
import software.amazon.awssdk.services.ec2.model.Ipv4PrefixSpecification;
import software.amazon.awssdk.services.ec2.model.Ipv6PrefixSpecification;
import software.amazon.awssdk.services.ec2.model.Ipv6Range;
import software.amazon.awssdk.services.ec2.model.ManagedPrefixList;
import software.amazon.awssdk.services.ec2.model.NetworkInterfaceAssociation;
import software.amazon.awssdk.services.ec2.model.NetworkInterfaceAttachment;
import software.amazon.awssdk.services.ec2.model.NetworkInterfaceIpv6Address;
import software.amazon.awssdk.services.ec2.model.NetworkInterfacePrivateIpAddress;
import software.amazon.awssdk.services.ec2.model.PrefixListEntry;
import software.amazon.awssdk.services.ec2.model.PrefixListId;
import software.amazon.awssdk.services.ec2.model.ReferencedSecurityGroup;
import software.amazon.awssdk.services.ec2.model.SecurityGroupRule;
import software.amazon.awssdk.services.ec2.model.Tag;
import software.amazon.awssdk.services.ec2.model.UserIdGroupPair;
import software.amazon.awssdk.services.ec2.model.VpcCidrBlockAssociation;
import software.amazon.awssdk.services.ec2.model.VpcIpv6CidrBlockAssociation;
import software.amazon.awssdk.services.ec2.model.VpcPeeringConnection;
import software.amazon.awssdk.services.ec2.model.VpcPeeringConnectionStateReason;
import software.amazon.awssdk.services.ec2.model.VpcPeeringConnectionVpcInfo;
import software.amazon.awssdk.services.eks.model.Cluster;
import software.amazon.awssdk.services.eks.model.VpcConfigResponse;

/**
 * The one mapping between AWS shapes and the sgreach model, in both directions. The AWS side is the AWS SDK v2
 * model ({@code software.amazon.awssdk.services.ec2.model.SecurityGroup}, ...), which is what the live SDK returns
 * and what {@link AwsJson} reads saved CLI JSON into, so files and live calls share this code.
 *
 * <p>Every {@code toModel} method takes the {@link Loc} of the item (file or AWS call, and JSON path) and reports
 * each bad value at its own path. AWS field names appear here as they do in the CLI JSON, so the paths match the
 * files.
 */
final class Ec2Shapes {
  private static final Logger LOG = LoggerFactory.getLogger(Ec2Shapes.class);

  private Ec2Shapes() {}

  // ---------------------------------------------------------------- AWS -> model

  /**
   * A security group. Its rules are {@code rulesFromRulesFile} when the snapshot's describe-security-group-rules
   * response names the group, else the expansion of its {@code IpPermissions} and {@code IpPermissionsEgress}.
   */
  static SecurityGroup toModel(software.amazon.awssdk.services.ec2.model.SecurityGroup g, Loc loc,
      Optional<List<Rule>> rulesFromRulesFile) {
    SecurityGroup.Builder b = SecurityGroup.builder(loc.field("GroupId").require(g.groupId()))
        .name(g.groupName()).vpc(g.vpcId()).owner(g.ownerId()).description(g.description());
    tags(g.tags(), loc.field("Tags")).forEach(b::tag);
    if (rulesFromRulesFile.isPresent()) {
      rulesFromRulesFile.get().forEach(b::rule);
    } else {
      expand(g.ipPermissions(), Direction.INGRESS, loc.field("IpPermissions")).forEach(b::rule);
      expand(g.ipPermissionsEgress(), Direction.EGRESS, loc.field("IpPermissionsEgress")).forEach(b::rule);
    }
    return loc.build(b::build);
  }

  /** A group known only from describe-security-group-rules (its group was not described). */
  static SecurityGroup bareGroup(String groupId, String ownerId, List<Rule> rules) {
    SecurityGroup.Builder b = SecurityGroup.builder(groupId).owner(ownerId);
    rules.forEach(b::rule);
    return b.build();
  }

  /**
   * AWS's grouped permissions, one {@link Rule} per peer, in AWS's order: {@code IpRanges}, {@code Ipv6Ranges},
   * {@code PrefixListIds}, {@code UserIdGroupPairs}. A permission without peers yields no rule.
   */
  static List<Rule> expand(List<IpPermission> permissions, Direction direction, Loc loc) {
    List<Rule> rules = new ArrayList<>();
    for (int i = 0; i < permissions.size(); i++) {
      IpPermission p = permissions.get(i);
      Loc at = loc.index(i);
      Ports ports = ports(p.ipProtocol(), p.fromPort(), p.toPort(), at);
      forEach(p.ipRanges(), at.field("IpRanges"), (r, l) -> rules.add(new Rule(direction, ports,
          Peer.cidr(cidr(r.cidrIp(), 4, l.field("CidrIp"))), r.description(), "")));
      forEach(p.ipv6Ranges(), at.field("Ipv6Ranges"), (r, l) -> rules.add(new Rule(direction, ports,
          Peer.cidr(cidr(r.cidrIpv6(), 6, l.field("CidrIpv6"))), r.description(), "")));
      forEach(p.prefixListIds(), at.field("PrefixListIds"), (r, l) -> rules.add(new Rule(direction, ports,
          prefixListPeer(r.prefixListId(), l.field("PrefixListId")), r.description(), "")));
      forEach(p.userIdGroupPairs(), at.field("UserIdGroupPairs"), (r, l) -> groupPeer(r, l)
          .ifPresent(peer -> rules.add(new Rule(direction, ports, peer, r.description(), ""))));
    }
    return rules;
  }

  /** One rule of describe-security-group-rules; exactly one peer field must be set. */
  static Rule toModel(SecurityGroupRule r, Loc loc) {
    if (r.isEgress() == null) {
      throw loc.field("IsEgress").fail(null, "IsEgress is missing");
    }
    Direction direction = r.isEgress() ? Direction.EGRESS : Direction.INGRESS;
    Ports ports = ports(r.ipProtocol(), r.fromPort(), r.toPort(), loc);
    List<Peer> peers = new ArrayList<>(1);
    if (r.cidrIpv4() != null) {
      peers.add(Peer.cidr(cidr(r.cidrIpv4(), 4, loc.field("CidrIpv4"))));
    }
    if (r.cidrIpv6() != null) {
      peers.add(Peer.cidr(cidr(r.cidrIpv6(), 6, loc.field("CidrIpv6"))));
    }
    if (r.prefixListId() != null) {
      peers.add(prefixListPeer(r.prefixListId(), loc.field("PrefixListId")));
    }
    if (r.referencedGroupInfo() != null) {
      ReferencedSecurityGroup g = r.referencedGroupInfo();
      Loc at = loc.field("ReferencedGroupInfo");
      peers.add(new Peer.GroupPeer(at.field("GroupId").require(g.groupId()), g.userId(), g.vpcId(),
          g.vpcPeeringConnectionId(), g.peeringStatus()));
    }
    if (peers.size() != 1) {
      throw loc.fail(null, "a rule names exactly one of CidrIpv4, CidrIpv6, PrefixListId or ReferencedGroupInfo, this"
          + " one names " + peers.size());
    }
    return new Rule(direction, ports, peers.get(0), r.description(), r.securityGroupRuleId());
  }

  /** An ENI with its private and public addresses, delegated prefixes, groups, attachment and tags. */
  static NetworkInterface toModel(software.amazon.awssdk.services.ec2.model.NetworkInterface e, Loc loc) {
    NetworkInterface.Builder b = NetworkInterface.builder(loc.field("NetworkInterfaceId").require(
            e.networkInterfaceId()))
        .vpc(e.vpcId()).subnet(e.subnetId()).availabilityZone(e.availabilityZone())
        .interfaceType(e.interfaceTypeAsString()).description(e.description())
        .requester(e.requesterId(), Boolean.TRUE.equals(e.requesterManaged())).owner(e.ownerId());
    NetworkInterfaceAttachment a = e.attachment();
    if (a != null) {
      b.attachment(new NetworkInterface.Attachment(Optional.ofNullable(a.instanceId()), a.instanceOwnerId(),
          a.deviceIndex() == null ? 0 : a.deviceIndex()));
    }
    Set<Cidr> privateIps = new LinkedHashSet<>();
    Set<Cidr> publicIps = new LinkedHashSet<>();
    if (e.privateIpAddress() != null) {
      privateIps.add(address(e.privateIpAddress(), 4, loc.field("PrivateIpAddress")));
    }
    publicIp(e.association(), loc.field("Association"), publicIps);
    forEach(e.privateIpAddresses(), loc.field("PrivateIpAddresses"), (p, l) -> {
      if (p.privateIpAddress() != null) {
        privateIps.add(address(p.privateIpAddress(), 4, l.field("PrivateIpAddress")));
      }
      publicIp(p.association(), l.field("Association"), publicIps);
    });
    forEach(e.ipv6Addresses(), loc.field("Ipv6Addresses"),
        (p, l) -> privateIps.add(address(p.ipv6Address(), 6, l.field("Ipv6Address"))));
    privateIps.forEach(b::address);
    forEach(e.ipv4Prefixes(), loc.field("Ipv4Prefixes"), (p, l) -> b.prefix(cidr(p.ipv4Prefix(), 4,
        l.field("Ipv4Prefix"))));
    forEach(e.ipv6Prefixes(), loc.field("Ipv6Prefixes"), (p, l) -> b.prefix(cidr(p.ipv6Prefix(), 6,
        l.field("Ipv6Prefix"))));
    publicIps.forEach(ip -> b.publicIp(ip.addressString()));
    forEach(e.groups(), loc.field("Groups"), (g, l) -> b.groups(l.field("GroupId").require(g.groupId())));
    tags(e.tagSet(), loc.field("TagSet")).forEach(b::tag);
    return loc.build(b::build);
  }

  /**
   * A VPC with its IPv4 blocks ({@code CidrBlockAssociationSet}, else {@code CidrBlock}) then IPv6 blocks. The
   * family of {@code CidrBlock} is not checked: some tools store an IPv6 block there, and a VPC holds both.
   */
  static Vpc toModel(software.amazon.awssdk.services.ec2.model.Vpc v, Loc loc) {
    Set<Cidr> blocks = new LinkedHashSet<>();
    if (v.cidrBlockAssociationSet().isEmpty() && v.cidrBlock() != null) {
      blocks.add(cidr(v.cidrBlock(), 0, loc.field("CidrBlock")));
    }
    forEach(v.cidrBlockAssociationSet(), loc.field("CidrBlockAssociationSet"),
        (c, l) -> blocks.add(cidr(c.cidrBlock(), 4, l.field("CidrBlock"))));
    forEach(v.ipv6CidrBlockAssociationSet(), loc.field("Ipv6CidrBlockAssociationSet"),
        (c, l) -> blocks.add(cidr(c.ipv6CidrBlock(), 6, l.field("Ipv6CidrBlock"))));
    String id = loc.field("VpcId").require(v.vpcId());
    return loc.build(() -> new Vpc(id, v.ownerId(), ImmutableList.copyOf(blocks)));
  }

  /** A VPC peering connection: requester and accepter VPC and status code. */
  static VpcPeering toModel(VpcPeeringConnection p, Loc loc) {
    String id = loc.field("VpcPeeringConnectionId").require(p.vpcPeeringConnectionId());
    String requester = loc.field("RequesterVpcInfo").field("VpcId")
        .require(p.requesterVpcInfo() == null ? null : p.requesterVpcInfo().vpcId());
    String accepter = loc.field("AccepterVpcInfo").field("VpcId")
        .require(p.accepterVpcInfo() == null ? null : p.accepterVpcInfo().vpcId());
    String status = p.status() == null ? null : p.status().codeAsString();
    return loc.build(() -> new VpcPeering(id, requester, accepter, status));
  }

  /** A customer- or AWS-managed prefix list; {@code entries} empty when they were not collected. */
  static PrefixList toModel(ManagedPrefixList list, Loc loc, Optional<List<Cidr>> entries) {
    String id = loc.field("PrefixListId").require(list.prefixListId());
    return loc.build(() -> new PrefixList(id, list.prefixListName(), entries.map(ImmutableList::copyOf)));
  }

  /** An AWS-managed prefix list from describe-prefix-lists, whose {@code Cidrs} are always known. */
  static PrefixList toModel(software.amazon.awssdk.services.ec2.model.PrefixList list, Loc loc) {
    String id = loc.field("PrefixListId").require(list.prefixListId());
    List<Cidr> cidrs = new ArrayList<>();
    forEach(list.cidrs(), loc.field("Cidrs"), (c, l) -> cidrs.add(cidr(c, 0, l)));
    return loc.build(() -> PrefixList.of(id, list.prefixListName(), cidrs));
  }

  /** The entries of get-managed-prefix-list-entries. */
  static List<Cidr> entries(List<PrefixListEntry> entries, Loc loc) {
    List<Cidr> cidrs = new ArrayList<>();
    forEach(entries, loc, (e, l) -> cidrs.add(cidr(e.cidr(), 0, l.field("Cidr"))));
    return cidrs;
  }

  /** What eks describe-cluster says about the cluster's networking. */
  static EksClusterInfo toModel(Cluster c, Loc loc) {
    String name = loc.field("name").require(c.name());
    VpcConfigResponse v = c.resourcesVpcConfig();
    if (v == null) {
      return loc.build(() -> new EksClusterInfo(name, null, null, null, null, false, false, null));
    }
    return loc.build(() -> new EksClusterInfo(name, v.vpcId(), v.clusterSecurityGroupId(),
        ImmutableList.copyOf(v.securityGroupIds()), ImmutableList.copyOf(v.subnetIds()),
        Boolean.TRUE.equals(v.endpointPublicAccess()), Boolean.TRUE.equals(v.endpointPrivateAccess()),
        ImmutableList.copyOf(v.publicAccessCidrs())));
  }

  /** An ELBv2 load balancer. */
  static LoadBalancer toModel(software.amazon.awssdk.services.elasticloadbalancingv2.model.LoadBalancer lb,
      Loc loc) {
    String arn = loc.field("LoadBalancerArn").require(lb.loadBalancerArn());
    return loc.build(() -> new LoadBalancer(arn, lb.loadBalancerName(), lb.typeAsString(), lb.schemeAsString(),
        lb.vpcId(), ImmutableList.copyOf(lb.securityGroups())));
  }

  /**
   * The protocol and ports of a rule. A port error is reported at {@code FromPort} or {@code ToPort} when that value
   * alone is impossible for the protocol, else at the rule (the pair is inconsistent).
   */
  static Ports ports(String ipProtocol, Integer from, Integer to, Loc loc) {
    Protocol protocol = loc.field("IpProtocol").parse(ipProtocol, Protocol::parse);
    try {
      return Ports.of(protocol, from, to);
    } catch (IllegalArgumentException e) {
      if (!fits(protocol, from)) {
        throw loc.field("FromPort").fail(from, e.getMessage());
      }
      if (!fits(protocol, to)) {
        throw loc.field("ToPort").fail(to, e.getMessage());
      }
      throw loc.fail("FromPort " + from + ", ToPort " + to, e.getMessage());
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

  private static Optional<Peer> groupPeer(UserIdGroupPair pair, Loc loc) {
    if (pair.groupId() == null && pair.groupName() != null) {
      // EC2-Classic style reference such as amazon-elb/amazon-elb-sg: it names no group id and matches nothing.
      LOG.warn("{}: {}: skipping a reference to group name '{}' (owner '{}') without a GroupId: EC2-Classic"
          + " references match nothing in a VPC", loc.file(), loc.path(), pair.groupName(), pair.userId());
      return Optional.empty();
    }
    return Optional.of(new Peer.GroupPeer(loc.field("GroupId").require(pair.groupId()), pair.userId(),
        pair.vpcId(), pair.vpcPeeringConnectionId(), pair.peeringStatus()));
  }

  private static Peer prefixListPeer(String id, Loc loc) {
    return Peer.prefixList(loc.require(id));
  }

  /** A block of the given family (4 or 6; 0 for either). */
  private static Cidr cidr(String text, int family, Loc loc) {
    Cidr c = loc.parse(text, Cidr::parse);
    if (family != 0 && c.family() != family) {
      throw loc.fail(text, "is an IPv" + c.family() + " block where " + loc.name() + " holds IPv" + family);
    }
    return c;
  }

  /** A single address of the given family. */
  private static Cidr address(String text, int family, Loc loc) {
    Cidr c = cidr(text, family, loc);
    if (!c.isSingleAddress()) {
      throw loc.fail(text, "is a block, not a single address");
    }
    return c;
  }

  private static void publicIp(NetworkInterfaceAssociation association, Loc loc, Set<Cidr> into) {
    if (association != null && association.publicIp() != null) {
      into.add(address(association.publicIp(), 4, loc.field("PublicIp")));
    }
  }

  private static Map<String, String> tags(List<Tag> tags, Loc loc) {
    Map<String, String> out = new LinkedHashMap<>();
    forEach(tags, loc, (t, l) -> out.put(l.field("Key").require(t.key()), t.value() == null ? "" : t.value()));
    return out;
  }

  private interface ItemAction<T> {
    void accept(T item, Loc loc);
  }

  private static <T> void forEach(List<T> items, Loc loc, ItemAction<T> action) {
    for (int i = 0; i < items.size(); i++) {
      T item = items.get(i);
      if (item == null) {
        throw loc.index(i).fail("null", "is not a JSON object");
      }
      action.accept(item, loc.index(i));
    }
  }

  // ---------------------------------------------------------------- model -> AWS

  /** A group as describe-security-groups returns it, its rules grouped by (protocol, from, to) as AWS groups them. */
  static software.amazon.awssdk.services.ec2.model.SecurityGroup toAws(SecurityGroup g) {
    return software.amazon.awssdk.services.ec2.model.SecurityGroup.builder()
        .groupId(g.id()).groupName(emptyToNull(g.name())).vpcId(emptyToNull(g.vpcId()))
        .ownerId(emptyToNull(g.ownerId())).description(emptyToNull(g.description()))
        .tags(toAwsTags(g.tags()))
        .ipPermissions(group(g.ingress())).ipPermissionsEgress(group(g.egress()))
        .build();
  }

  private static List<IpPermission> group(List<Rule> rules) {
    Map<Ports, Permission> byPorts = new LinkedHashMap<>();
    for (Rule r : rules) {
      Permission p = byPorts.computeIfAbsent(r.ports(), Permission::new);
      String d = emptyToNull(r.description());
      if (r.peer() instanceof Peer.CidrPeer c && c.cidr().isIpv4()) {
        p.v4.add(IpRange.builder().cidrIp(c.cidr().toCidrString()).description(d).build());
      } else if (r.peer() instanceof Peer.CidrPeer c) {
        p.v6.add(Ipv6Range.builder().cidrIpv6(c.cidr().toCidrString()).description(d).build());
      } else if (r.peer() instanceof Peer.PrefixListPeer l) {
        p.lists.add(PrefixListId.builder().prefixListId(l.prefixListId()).description(d).build());
      } else if (r.peer() instanceof Peer.GroupPeer g) {
        p.pairs.add(UserIdGroupPair.builder().groupId(g.groupId()).userId(g.userId()).vpcId(g.vpcId())
            .vpcPeeringConnectionId(g.peeringId()).peeringStatus(g.peeringStatus()).description(d).build());
      }
    }
    return byPorts.values().stream().map(Permission::build).toList();
  }

  /** The peers of one (protocol, from, to) group while it is being gathered. */
  private static final class Permission {
    private final Ports ports;
    private final List<IpRange> v4 = new ArrayList<>();
    private final List<Ipv6Range> v6 = new ArrayList<>();
    private final List<PrefixListId> lists = new ArrayList<>();
    private final List<UserIdGroupPair> pairs = new ArrayList<>();

    Permission(Ports ports) {
      this.ports = ports;
    }

    IpPermission build() {
      return IpPermission.builder().ipProtocol(ports.protocol().awsName())
          .fromPort(permissionPort(ports, ports.from())).toPort(permissionPort(ports, ports.to()))
          .ipRanges(v4).ipv6Ranges(v6).prefixListIds(lists).userIdGroupPairs(pairs).build();
    }
  }

  /** describe-security-groups leaves ports out where they do not apply ({@code -1}, ESP, ...). */
  private static Integer permissionPort(Ports p, int value) {
    return p.protocol().hasPorts() || p.protocol().isIcmp() ? value : null;
  }

  /** The group's rules as describe-security-group-rules returns them: one entry per rule, ports -1 where unused. */
  static List<SecurityGroupRule> toAwsRules(SecurityGroup g) {
    List<SecurityGroupRule> out = new ArrayList<>();
    for (Rule r : ImmutableList.<Rule>builder().addAll(g.ingress()).addAll(g.egress()).build()) {
      SecurityGroupRule.Builder b = SecurityGroupRule.builder()
          .securityGroupRuleId(emptyToNull(r.ruleId())).groupId(g.id()).groupOwnerId(emptyToNull(g.ownerId()))
          .isEgress(r.direction() == Direction.EGRESS).ipProtocol(r.ports().protocol().awsName())
          .fromPort(r.ports().awsFromPort()).toPort(r.ports().awsToPort())
          .description(emptyToNull(r.description()));
      if (r.peer() instanceof Peer.CidrPeer c) {
        if (c.cidr().isIpv4()) {
          b.cidrIpv4(c.cidr().toCidrString());
        } else {
          b.cidrIpv6(c.cidr().toCidrString());
        }
      } else if (r.peer() instanceof Peer.PrefixListPeer l) {
        b.prefixListId(l.prefixListId());
      } else if (r.peer() instanceof Peer.GroupPeer p) {
        b.referencedGroupInfo(ReferencedSecurityGroup.builder().groupId(p.groupId()).userId(p.userId())
            .vpcId(p.vpcId()).vpcPeeringConnectionId(p.peeringId()).peeringStatus(p.peeringStatus()).build());
      }
      out.add(b.build());
    }
    return out;
  }

  /**
   * An ENI as describe-network-interfaces returns it. The first private IPv4 address is the primary one; public
   * IPs are associated with the private addresses in order, the first also shown as the ENI's {@code Association}.
   *
   * @param groupNames names of the groups the ENI carries, where known
   */
  static software.amazon.awssdk.services.ec2.model.NetworkInterface toAws(NetworkInterface e,
      Function<String, String> groupNames) {
    List<Cidr> publics = e.publicIpv4();
    if (publics.size() > Math.max(1, e.privateIpv4().size())) {
      throw new IllegalArgumentException(e.id() + " has more public IPv4 addresses (" + publics.size()
          + ") than private ones to associate them with (" + e.privateIpv4().size() + ")");
    }
    List<NetworkInterfacePrivateIpAddress> privates = new ArrayList<>();
    for (int i = 0; i < e.privateIpv4().size(); i++) {
      privates.add(NetworkInterfacePrivateIpAddress.builder().primary(i == 0)
          .privateIpAddress(e.privateIpv4().get(i).addressString())
          .association(i < publics.size() ? association(publics.get(i)) : null).build());
    }
    return software.amazon.awssdk.services.ec2.model.NetworkInterface.builder()
        .networkInterfaceId(e.id()).vpcId(emptyToNull(e.vpcId())).subnetId(emptyToNull(e.subnetId()))
        .availabilityZone(emptyToNull(e.availabilityZone())).interfaceType(e.interfaceType())
        .description(emptyToNull(e.description())).requesterId(emptyToNull(e.requesterId()))
        .requesterManaged(e.requesterManaged()).ownerId(emptyToNull(e.ownerId()))
        .attachment(e.attachment().map(a -> NetworkInterfaceAttachment.builder()
            .instanceId(a.instanceId().orElse(null)).instanceOwnerId(emptyToNull(a.instanceOwnerId()))
            .deviceIndex(a.deviceIndex()).build()).orElse(null))
        .association(publics.isEmpty() ? null : association(publics.get(0)))
        .privateIpAddress(e.privateIpv4().isEmpty() ? null : e.privateIpv4().get(0).addressString())
        .privateIpAddresses(privates)
        .ipv6Addresses(e.ipv6().stream().map(a -> NetworkInterfaceIpv6Address.builder()
            .ipv6Address(a.addressString()).build()).toList())
        .ipv4Prefixes(e.prefixes().stream().filter(Cidr::isIpv4).map(p -> Ipv4PrefixSpecification.builder()
            .ipv4Prefix(p.toCidrString()).build()).toList())
        .ipv6Prefixes(e.prefixes().stream().filter(Cidr::isIpv6).map(p -> Ipv6PrefixSpecification.builder()
            .ipv6Prefix(p.toCidrString()).build()).toList())
        .groups(e.securityGroupIds().stream().map(id -> GroupIdentifier.builder().groupId(id)
            .groupName(groupNames.apply(id)).build()).toList())
        .tagSet(toAwsTags(e.tags()))
        .build();
  }

  private static NetworkInterfaceAssociation association(Cidr publicIp) {
    return NetworkInterfaceAssociation.builder().publicIp(publicIp.addressString()).build();
  }

  /** A VPC as describe-vpcs returns it. */
  static software.amazon.awssdk.services.ec2.model.Vpc toAws(Vpc v) {
    List<Cidr> v4 = v.cidrs().stream().filter(Cidr::isIpv4).toList();
    return software.amazon.awssdk.services.ec2.model.Vpc.builder().vpcId(v.id()).ownerId(emptyToNull(v.ownerId()))
        .cidrBlock(v4.isEmpty() ? null : v4.get(0).toCidrString())
        .cidrBlockAssociationSet(v4.stream().map(c -> VpcCidrBlockAssociation.builder()
            .cidrBlock(c.toCidrString()).build()).toList())
        .ipv6CidrBlockAssociationSet(v.cidrs().stream().filter(Cidr::isIpv6).map(c -> VpcIpv6CidrBlockAssociation
            .builder().ipv6CidrBlock(c.toCidrString()).build()).toList())
        .build();
  }

  /** A peering as describe-vpc-peering-connections returns it. */
  static VpcPeeringConnection toAws(VpcPeering p) {
    return VpcPeeringConnection.builder().vpcPeeringConnectionId(p.id())
        .requesterVpcInfo(VpcPeeringConnectionVpcInfo.builder().vpcId(p.requesterVpcId()).build())
        .accepterVpcInfo(VpcPeeringConnectionVpcInfo.builder().vpcId(p.accepterVpcId()).build())
        .status(VpcPeeringConnectionStateReason.builder().code(emptyToNull(p.status())).build())
        .build();
  }

  /** A prefix list as describe-managed-prefix-lists returns it (its entries are written separately). */
  static ManagedPrefixList toAws(PrefixList list) {
    List<Cidr> entries = list.entries().orElse(ImmutableList.of());
    String family = entries.isEmpty() ? null : entries.stream().allMatch(Cidr::isIpv4) ? "IPv4"
        : entries.stream().allMatch(Cidr::isIpv6) ? "IPv6" : null;
    return ManagedPrefixList.builder().prefixListId(list.id()).prefixListName(emptyToNull(list.name()))
        .addressFamily(family).build();
  }

  /** A list's entries as get-managed-prefix-list-entries returns them. */
  static List<PrefixListEntry> toAwsEntries(List<Cidr> entries) {
    return entries.stream().map(c -> PrefixListEntry.builder().cidr(c.toCidrString()).build()).toList();
  }

  /** A cluster as eks describe-cluster returns it (networking part only). */
  static Cluster toAws(EksClusterInfo c) {
    return Cluster.builder().name(c.name()).resourcesVpcConfig(VpcConfigResponse.builder()
        .vpcId(emptyToNull(c.vpcId())).clusterSecurityGroupId(emptyToNull(c.clusterSecurityGroupId()))
        .securityGroupIds(c.securityGroupIds()).subnetIds(c.subnetIds())
        .endpointPublicAccess(c.endpointPublicAccess()).endpointPrivateAccess(c.endpointPrivateAccess())
        .publicAccessCidrs(c.publicAccessCidrs()).build()).build();
  }

  /** A load balancer as elbv2 describe-load-balancers returns it. */
  static software.amazon.awssdk.services.elasticloadbalancingv2.model.LoadBalancer toAws(LoadBalancer lb) {
    return software.amazon.awssdk.services.elasticloadbalancingv2.model.LoadBalancer.builder()
        .loadBalancerArn(lb.arn()).loadBalancerName(emptyToNull(lb.name())).type(emptyToNull(lb.type()))
        .scheme(emptyToNull(lb.scheme())).vpcId(emptyToNull(lb.vpcId())).securityGroups(lb.securityGroupIds())
        .build();
  }

  private static List<Tag> toAwsTags(Map<String, String> tags) {
    List<Tag> out = new ArrayList<>();
    tags.forEach((k, v) -> out.add(Tag.builder().key(k).value(v).build()));
    return out;
  }

  private static String emptyToNull(String s) {
    return s == null || s.isEmpty() ? null : s;
  }
}
