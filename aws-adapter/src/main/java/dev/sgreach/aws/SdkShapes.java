package dev.sgreach.aws;

import com.google.common.collect.ImmutableList;
import dev.sgreach.model.AwsId;
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
import dev.sgreach.snapshot.AwsValues;
import dev.sgreach.snapshot.GroupedPermission;
import dev.sgreach.snapshot.Location;
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
 * The live loader's half of the mapping between AWS shapes and the sgreach model: AWS SDK v2 model objects
 * ({@code software.amazon.awssdk.services.ec2.model.SecurityGroup}, ...), as the live SDK returns them, onto the model,
 * and back for callers that want SDK objects ({@link SdkMapping}). The snapshot reader maps the same shapes from
 * JSON; both take every decision about a value from {@link AwsValues} and combine items through the snapshot
 * module's {@code NetworkAssembler}, and a round-trip property test keeps the two mappings equal.
 *
 * <p>Every {@code toModel} method takes the {@link Location} of the item (the AWS call and the JSON path of the
 * response) and reports each bad value at its own path. AWS field names appear as they do in the CLI JSON.
 */
final class SdkShapes {
  private static final String GROUPS = "describe-security-groups";
  private static final String RULES = "describe-security-group-rules";
  private static final String INTERFACES = "describe-network-interfaces";
  private static final String CLUSTER = "eks describe-cluster";

  private SdkShapes() {}

  // ---------------------------------------------------------------- AWS -> model

  /** A security group without its rules: id, name, VPC, owner, description and tags. */
  static SecurityGroup toModel(software.amazon.awssdk.services.ec2.model.SecurityGroup g, Location loc) {
    SecurityGroup.Builder b = SecurityGroup.builder(AwsValues.requiredId(AwsId.SECURITY_GROUP, g.groupId(),
            loc, "GroupId"))
        .name(g.groupName()).vpc(AwsValues.id(AwsId.VPC, g.vpcId(), loc, "VpcId"))
        .owner(AwsValues.id(AwsId.ACCOUNT, g.ownerId(), loc, "OwnerId")).description(g.description());
    AwsValues.requireList(g.hasIpPermissions(), loc.field("IpPermissions"), GROUPS);
    AwsValues.requireList(g.hasIpPermissionsEgress(), loc.field("IpPermissionsEgress"), GROUPS);
    tags(g.tags(), loc.field("Tags")).forEach(b::tag);
    return loc.build(b::build);
  }

  /** The group's {@code IpPermissions} then {@code IpPermissionsEgress}, expanded to one rule per peer. */
  static List<Rule> permissions(software.amazon.awssdk.services.ec2.model.SecurityGroup g, Location loc) {
    List<Rule> rules = new ArrayList<>(expand(g.ipPermissions(), Direction.INGRESS, loc.field("IpPermissions")));
    rules.addAll(expand(g.ipPermissionsEgress(), Direction.EGRESS, loc.field("IpPermissionsEgress")));
    return rules;
  }

  /**
   * AWS's grouped permissions, one {@link Rule} per peer, in AWS's order: {@code IpRanges}, {@code Ipv6Ranges},
   * {@code PrefixListIds}, {@code UserIdGroupPairs}. A permission without peers yields no rule.
   */
  static List<Rule> expand(List<IpPermission> permissions, Direction direction, Location loc) {
    List<Rule> rules = new ArrayList<>();
    for (int i = 0; i < permissions.size(); i++) {
      IpPermission p = permissions.get(i);
      Location at = loc.index(i);
      Ports ports = AwsValues.ports(p.ipProtocol(), p.fromPort(), p.toPort(), at);
      AwsValues.requireList(p.hasIpRanges(), at.field("IpRanges"), GROUPS);
      AwsValues.requireList(p.hasIpv6Ranges(), at.field("Ipv6Ranges"), GROUPS);
      AwsValues.requireList(p.hasPrefixListIds(), at.field("PrefixListIds"), GROUPS);
      AwsValues.requireList(p.hasUserIdGroupPairs(), at.field("UserIdGroupPairs"), GROUPS);
      forEach(p.ipRanges(), at.field("IpRanges"), (r, l) -> rules.add(new Rule(direction, ports,
          Peer.cidr(AwsValues.cidr(r.cidrIp(), 4, l.field("CidrIp"))), r.description(), "")));
      forEach(p.ipv6Ranges(), at.field("Ipv6Ranges"), (r, l) -> rules.add(new Rule(direction, ports,
          Peer.cidr(AwsValues.cidr(r.cidrIpv6(), 6, l.field("CidrIpv6"))), r.description(), "")));
      forEach(p.prefixListIds(), at.field("PrefixListIds"), (r, l) -> rules.add(new Rule(direction, ports,
          AwsValues.prefixList(r.prefixListId(), l.field("PrefixListId")), r.description(), "")));
      forEach(p.userIdGroupPairs(), at.field("UserIdGroupPairs"), (r, l) -> AwsValues.groupPair(r.groupId(),
          r.groupName(), r.userId(), r.vpcId(), r.vpcPeeringConnectionId(), r.peeringStatus(), l)
          .ifPresent(peer -> rules.add(new Rule(direction, ports, peer, r.description(), ""))));
    }
    return rules;
  }

  /** One rule of describe-security-group-rules; exactly one peer field must be set. */
  static Rule toModel(SecurityGroupRule r, Location loc) {
    AwsValues.requiredId(AwsId.SECURITY_GROUP, r.groupId(), loc, "GroupId");
    AwsValues.id(AwsId.ACCOUNT, r.groupOwnerId(), loc, "GroupOwnerId");
    if (r.isEgress() == null) {
      throw loc.field("IsEgress").fail(null, "IsEgress is missing");
    }
    Direction direction = r.isEgress() ? Direction.EGRESS : Direction.INGRESS;
    Ports ports = AwsValues.ports(r.ipProtocol(), r.fromPort(), r.toPort(), loc);
    AwsValues.requireValue(r.fromPort() != null, loc.field("FromPort"), RULES);
    AwsValues.requireValue(r.toPort() != null, loc.field("ToPort"), RULES);
    List<Peer> peers = new ArrayList<>(1);
    if (r.cidrIpv4() != null) {
      peers.add(Peer.cidr(AwsValues.cidr(r.cidrIpv4(), 4, loc.field("CidrIpv4"))));
    }
    if (r.cidrIpv6() != null) {
      peers.add(Peer.cidr(AwsValues.cidr(r.cidrIpv6(), 6, loc.field("CidrIpv6"))));
    }
    if (r.prefixListId() != null) {
      peers.add(AwsValues.prefixList(r.prefixListId(), loc.field("PrefixListId")));
    }
    if (r.referencedGroupInfo() != null) {
      ReferencedSecurityGroup g = r.referencedGroupInfo();
      peers.add(AwsValues.groupReference(g.groupId(), g.userId(), g.vpcId(), g.vpcPeeringConnectionId(),
          g.peeringStatus(), loc.field("ReferencedGroupInfo")));
    }
    if (peers.size() != 1) {
      throw loc.fail(null, "a rule names exactly one of CidrIpv4, CidrIpv6, PrefixListId or ReferencedGroupInfo, this"
          + " one names " + peers.size());
    }
    return new Rule(direction, ports, peers.get(0), r.description(),
        AwsValues.id(AwsId.SECURITY_GROUP_RULE, r.securityGroupRuleId(), loc, "SecurityGroupRuleId"));
  }

  /** An ENI with its private and public addresses, delegated prefixes, groups, attachment and tags. */
  static NetworkInterface toModel(software.amazon.awssdk.services.ec2.model.NetworkInterface e, Location loc) {
    NetworkInterface.Builder b = NetworkInterface.builder(AwsValues.requiredId(AwsId.NETWORK_INTERFACE,
            e.networkInterfaceId(), loc.field("NetworkInterfaceId")))
        .vpc(AwsValues.id(AwsId.VPC, e.vpcId(), loc, "VpcId"))
        .subnet(AwsValues.id(AwsId.SUBNET, e.subnetId(), loc, "SubnetId"))
        .availabilityZone(e.availabilityZone())
        .interfaceType(e.interfaceTypeAsString()).description(e.description())
        .requester(e.requesterId(), Boolean.TRUE.equals(e.requesterManaged()))
        .owner(AwsValues.id(AwsId.ACCOUNT, e.ownerId(), loc, "OwnerId"));
    AwsValues.requireList(e.hasGroups(), loc.field("Groups"), INTERFACES);
    AwsValues.requireList(e.hasPrivateIpAddresses(), loc.field("PrivateIpAddresses"), INTERFACES);
    AwsValues.requireList(e.hasIpv6Addresses(), loc.field("Ipv6Addresses"), INTERFACES);
    NetworkInterfaceAttachment a = e.attachment();
    if (a != null) {
      Location at = loc.field("Attachment");
      b.attachment(new NetworkInterface.Attachment(
          Optional.ofNullable(AwsValues.id(AwsId.INSTANCE, a.instanceId(), at, "InstanceId")),
          AwsValues.id(AwsId.ACCOUNT, a.instanceOwnerId(), at, "InstanceOwnerId"),
          a.deviceIndex() == null ? 0 : a.deviceIndex()));
    }
    Set<Cidr> privateIps = new LinkedHashSet<>();
    Set<Cidr> publicIps = new LinkedHashSet<>();
    Map<Cidr, Cidr> publicByPrivate = new LinkedHashMap<>();
    Cidr primary = null;
    if (e.privateIpAddress() != null) {
      primary = AwsValues.address(e.privateIpAddress(), 4, loc.field("PrivateIpAddress"));
      privateIps.add(primary);
    }
    Cidr primaryPublic = publicIp(e.association(), loc.field("Association"), publicIps);
    if (primary != null && primaryPublic != null) {
      publicByPrivate.put(primary, primaryPublic); // the ENI's Association is its primary address's
    }
    forEach(e.privateIpAddresses(), loc.field("PrivateIpAddresses"), (p, l) -> {
      Cidr privateIp = null;
      if (p.privateIpAddress() != null) {
        privateIp = AwsValues.address(p.privateIpAddress(), 4, l.field("PrivateIpAddress"));
        privateIps.add(privateIp);
      }
      Cidr publicIp = publicIp(p.association(), l.field("Association"), publicIps);
      if (privateIp != null && publicIp != null) {
        publicByPrivate.put(privateIp, publicIp); // the pair an internet gateway translates
      }
    });
    forEach(e.ipv6Addresses(), loc.field("Ipv6Addresses"),
        (p, l) -> privateIps.add(AwsValues.address(p.ipv6Address(), 6, l.field("Ipv6Address"))));
    privateIps.forEach(b::address);
    forEach(e.ipv4Prefixes(), loc.field("Ipv4Prefixes"), (p, l) -> b.prefix(AwsValues.cidr(p.ipv4Prefix(), 4,
        l.field("Ipv4Prefix"))));
    forEach(e.ipv6Prefixes(), loc.field("Ipv6Prefixes"), (p, l) -> b.prefix(AwsValues.cidr(p.ipv6Prefix(), 6,
        l.field("Ipv6Prefix"))));
    publicIps.forEach(ip -> b.publicIp(ip.addressString()));
    publicByPrivate.forEach((priv, pub) -> b.publicIp(pub.addressString(), priv.addressString()));
    forEach(e.groups(), loc.field("Groups"), (g, l) -> b.groups(AwsValues.requiredId(AwsId.SECURITY_GROUP,
        g.groupId(), l.field("GroupId"))));
    tags(e.tagSet(), loc.field("TagSet")).forEach(b::tag);
    return loc.build(b::build);
  }

  /**
   * A VPC with its IPv4 blocks ({@code CidrBlockAssociationSet}, else {@code CidrBlock}) then IPv6 blocks. The
   * family of {@code CidrBlock} is not checked: some tools store an IPv6 block there, and a VPC holds both.
   */
  static Vpc toModel(software.amazon.awssdk.services.ec2.model.Vpc v, Location loc) {
    Set<Cidr> blocks = new LinkedHashSet<>();
    if (v.cidrBlockAssociationSet().isEmpty() && v.cidrBlock() != null) {
      blocks.add(AwsValues.cidr(v.cidrBlock(), 0, loc.field("CidrBlock")));
    }
    forEach(v.cidrBlockAssociationSet(), loc.field("CidrBlockAssociationSet"),
        (c, l) -> blocks.add(AwsValues.cidr(c.cidrBlock(), 4, l.field("CidrBlock"))));
    forEach(v.ipv6CidrBlockAssociationSet(), loc.field("Ipv6CidrBlockAssociationSet"),
        (c, l) -> blocks.add(AwsValues.cidr(c.ipv6CidrBlock(), 6, l.field("Ipv6CidrBlock"))));
    String id = AwsValues.requiredId(AwsId.VPC, v.vpcId(), loc, "VpcId");
    String owner = AwsValues.id(AwsId.ACCOUNT, v.ownerId(), loc, "OwnerId");
    return loc.build(() -> new Vpc(id, owner, ImmutableList.copyOf(blocks)));
  }

  /** A VPC peering connection: requester and accepter VPC and status code. */
  static VpcPeering toModel(VpcPeeringConnection p, Location loc) {
    String id = AwsValues.requiredId(AwsId.VPC_PEERING_CONNECTION, p.vpcPeeringConnectionId(),
        loc, "VpcPeeringConnectionId");
    String requester = AwsValues.requiredId(AwsId.VPC, p.requesterVpcInfo() == null ? null
        : p.requesterVpcInfo().vpcId(), loc.field("RequesterVpcInfo"), "VpcId");
    String accepter = AwsValues.requiredId(AwsId.VPC, p.accepterVpcInfo() == null ? null
        : p.accepterVpcInfo().vpcId(), loc.field("AccepterVpcInfo"), "VpcId");
    String status = loc.field("Status").field("Code").require(p.status() == null ? null
        : p.status().codeAsString());
    return loc.build(() -> new VpcPeering(id, requester, accepter, status));
  }

  /** An AWS-managed prefix list from describe-prefix-lists, whose {@code Cidrs} are always known. */
  static PrefixList toModel(software.amazon.awssdk.services.ec2.model.PrefixList list, Location loc) {
    String id = AwsValues.requiredId(AwsId.PREFIX_LIST, list.prefixListId(), loc, "PrefixListId");
    AwsValues.requireList(list.hasCidrs(), loc.field("Cidrs"), "describe-prefix-lists");
    List<Cidr> cidrs = new ArrayList<>();
    forEach(list.cidrs(), loc.field("Cidrs"), (c, l) -> cidrs.add(AwsValues.cidr(c, 0, l)));
    return loc.build(() -> PrefixList.of(id, list.prefixListName(), cidrs));
  }

  /** The entries of get-managed-prefix-list-entries. */
  static List<Cidr> entries(List<PrefixListEntry> entries, Location loc) {
    List<Cidr> cidrs = new ArrayList<>();
    forEach(entries, loc, (e, l) -> cidrs.add(AwsValues.cidr(e.cidr(), 0, l.field("Cidr"))));
    return cidrs;
  }

  /** What eks describe-cluster says about the cluster's networking. */
  static EksClusterInfo toModel(Cluster c, Location loc) {
    String name = AwsValues.requiredId(AwsId.EKS_CLUSTER_NAME, c.name(), loc, "name");
    VpcConfigResponse v = c.resourcesVpcConfig();
    Location at = loc.field("resourcesVpcConfig");
    AwsValues.requireValue(v != null, at, CLUSTER);
    String vpc = AwsValues.id(AwsId.VPC, v.vpcId(), at, "vpcId");
    String clusterGroup = AwsValues.id(AwsId.SECURITY_GROUP, v.clusterSecurityGroupId(),
        at, "clusterSecurityGroupId");
    AwsValues.ids(AwsId.SECURITY_GROUP, v.securityGroupIds(), at.field("securityGroupIds"));
    AwsValues.ids(AwsId.SUBNET, v.subnetIds(), at.field("subnetIds"));
    // before the endpoint-access options (2019) every cluster endpoint was public only
    boolean publicAccess = v.endpointPublicAccess() == null || v.endpointPublicAccess();
    return loc.build(() -> new EksClusterInfo(name, vpc, clusterGroup,
        ImmutableList.copyOf(v.securityGroupIds()), ImmutableList.copyOf(v.subnetIds()),
        publicAccess, Boolean.TRUE.equals(v.endpointPrivateAccess()),
        ImmutableList.copyOf(v.publicAccessCidrs())));
  }

  /** An ELBv2 load balancer. */
  static LoadBalancer toModel(software.amazon.awssdk.services.elasticloadbalancingv2.model.LoadBalancer lb,
      Location loc) {
    String arn = loc.field("LoadBalancerArn").require(lb.loadBalancerArn());
    String vpc = AwsValues.id(AwsId.VPC, lb.vpcId(), loc, "VpcId");
    AwsValues.ids(AwsId.SECURITY_GROUP, lb.securityGroups(), loc.field("SecurityGroups"));
    boolean enforce = AwsValues.enforcePrivateLinkInbound(
        lb.enforceSecurityGroupInboundRulesOnPrivateLinkTraffic(),
        loc.field("EnforceSecurityGroupInboundRulesOnPrivateLinkTraffic"));
    return loc.build(() -> new LoadBalancer(arn, lb.loadBalancerName(), lb.typeAsString(), lb.schemeAsString(),
        vpc, ImmutableList.copyOf(lb.securityGroups()), java.util.Optional.empty(), enforce));
  }

  /** An ELBv2 listener. */
  static dev.sgreach.model.Listener toModel(software.amazon.awssdk.services.elasticloadbalancingv2.model.Listener l,
      Location loc) {
    if (l.port() == null) {
      throw loc.field("Port").fail(null, "Port is missing: elbv2 describe-listeners always returns it");
    }
    return loc.build(() -> new dev.sgreach.model.Listener(loc.field("ListenerArn").require(l.listenerArn()),
        loc.field("LoadBalancerArn").require(l.loadBalancerArn()), loc.field("Protocol").require(l.protocolAsString()),
        l.port()));
  }

  /** An ELBv2 target group. */
  static dev.sgreach.model.TargetGroup toModel(
      software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetGroup g, Location loc) {
    String arn = loc.field("TargetGroupArn").require(g.targetGroupArn());
    String vpc = AwsValues.id(AwsId.VPC, g.vpcId(), loc, "VpcId");
    return loc.build(() -> new dev.sgreach.model.TargetGroup(arn, g.targetGroupName(), g.protocolAsString(),
        g.port() == null ? 0 : g.port(), g.targetTypeAsString(), vpc, ImmutableList.copyOf(g.loadBalancerArns())));
  }

  /** A target group's {@code preserve_client_ip.enabled}, empty when it has none. */
  static java.util.Optional<Boolean> preserveClientIp(
      List<software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetGroupAttribute> attributes,
      Location loc) {
    for (int i = 0; i < attributes.size(); i++) {
      var a = attributes.get(i);
      if ("preserve_client_ip.enabled".equals(a.key())) {
        if (!"true".equals(a.value()) && !"false".equals(a.value())) {
          throw loc.index(i).field("Value").fail(a.value(), "preserve_client_ip.enabled is neither true nor false");
        }
        return java.util.Optional.of(Boolean.parseBoolean(a.value()));
      }
    }
    return java.util.Optional.empty();
  }

  /** A target group's registered targets as the assembler takes them: {Id, Port or null, Location}. */
  static List<Object[]> targets(
      List<software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetHealthDescription> found,
      Location loc) {
    List<Object[]> out = new java.util.ArrayList<>();
    for (int i = 0; i < found.size(); i++) {
      Location t = loc.index(i).field("Target");
      var target = found.get(i).target();
      if (target == null) {
        throw t.fail(null, "Target is missing: elbv2 describe-target-health always returns it");
      }
      out.add(new Object[] {t.field("Id").require(target.id()), target.port(), t});
    }
    return out;
  }

  /** The association's public IP, added to {@code into}; null when it has none. */
  private static Cidr publicIp(NetworkInterfaceAssociation association, Location loc, Set<Cidr> into) {
    if (association != null && association.publicIp() != null) {
      Cidr ip = AwsValues.address(association.publicIp(), 4, loc.field("PublicIp"));
      into.add(ip);
      return ip;
    }
    return null;
  }

  private static Map<String, String> tags(List<Tag> tags, Location loc) {
    Map<String, String> out = new LinkedHashMap<>();
    forEach(tags, loc, (t, l) -> out.put(l.field("Key").require(t.key()), t.value() == null ? "" : t.value()));
    return out;
  }

  private interface ItemAction<T> {
    void accept(T item, Location loc);
  }

  private static <T> void forEach(List<T> items, Location loc, ItemAction<T> action) {
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
    return GroupedPermission.of(rules).stream().map(p -> IpPermission.builder()
        .ipProtocol(p.ports().protocol().awsName()).fromPort(p.fromPort()).toPort(p.toPort())
        .ipRanges(p.ipv4().stream().map(r -> IpRange.builder().cidrIp(cidrOf(r)).description(description(r))
            .build()).toList())
        .ipv6Ranges(p.ipv6().stream().map(r -> Ipv6Range.builder().cidrIpv6(cidrOf(r)).description(description(r))
            .build()).toList())
        .prefixListIds(p.prefixLists().stream().map(r -> PrefixListId.builder()
            .prefixListId(((Peer.PrefixListPeer) r.peer()).prefixListId()).description(description(r)).build())
            .toList())
        .userIdGroupPairs(p.groups().stream().map(r -> {
          Peer.GroupPeer g = (Peer.GroupPeer) r.peer();
          return UserIdGroupPair.builder().groupId(g.groupId()).userId(g.userId()).vpcId(g.vpcId())
              .vpcPeeringConnectionId(g.peeringId()).peeringStatus(g.peeringStatus()).description(description(r))
              .build();
        }).toList())
        .build()).toList();
  }

  private static String cidrOf(Rule r) {
    return ((Peer.CidrPeer) r.peer()).cidr().toCidrString();
  }

  private static String description(Rule r) {
    return emptyToNull(r.description());
  }

  /**
   * An ENI as describe-network-interfaces returns it. The first private IPv4 address is the primary one; each public
   * IP is on its private address ({@link AwsValues#publicIpPerPrivateAddress}), the primary's also shown as the ENI's
   * {@code Association}.
   *
   * @param groupNames names of the groups the ENI carries, where known
   */
  static software.amazon.awssdk.services.ec2.model.NetworkInterface toAws(NetworkInterface e,
      Function<String, String> groupNames) {
    List<Cidr> publics = AwsValues.publicIpPerPrivateAddress(e);
    List<NetworkInterfacePrivateIpAddress> privates = new ArrayList<>();
    for (int i = 0; i < e.privateIpv4().size(); i++) {
      privates.add(NetworkInterfacePrivateIpAddress.builder().primary(i == 0)
          .privateIpAddress(e.privateIpv4().get(i).addressString())
          .association(i < publics.size() && publics.get(i) != null ? association(publics.get(i)) : null).build());
    }
    return software.amazon.awssdk.services.ec2.model.NetworkInterface.builder()
        .networkInterfaceId(e.id()).vpcId(emptyToNull(e.vpcId())).subnetId(emptyToNull(e.subnetId()))
        .availabilityZone(emptyToNull(e.availabilityZone())).interfaceType(e.interfaceType())
        .description(emptyToNull(e.description())).requesterId(emptyToNull(e.requesterId()))
        .requesterManaged(e.requesterManaged()).ownerId(emptyToNull(e.ownerId()))
        .attachment(e.attachment().map(a -> NetworkInterfaceAttachment.builder()
            .instanceId(a.instanceId().orElse(null)).instanceOwnerId(emptyToNull(a.instanceOwnerId()))
            .deviceIndex(a.deviceIndex()).build()).orElse(null))
        .association(publics.isEmpty() || publics.get(0) == null ? null : association(publics.get(0)))
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

  private static List<Tag> toAwsTags(Map<String, String> tags) {
    List<Tag> out = new ArrayList<>();
    tags.forEach((k, v) -> out.add(Tag.builder().key(k).value(v).build()));
    return out;
  }

  private static String emptyToNull(String s) {
    return s == null || s.isEmpty() ? null : s;
  }
}
