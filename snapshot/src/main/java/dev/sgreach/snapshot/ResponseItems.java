package dev.sgreach.snapshot;

import com.google.common.collect.ImmutableList;
import dev.sgreach.model.Cidr;
import dev.sgreach.model.Direction;
import dev.sgreach.model.EksClusterInfo;
import dev.sgreach.model.LoadBalancer;
import dev.sgreach.model.NetworkInterface;
import dev.sgreach.model.Peer;
import dev.sgreach.model.Ports;
import dev.sgreach.model.PrefixList;
import dev.sgreach.model.Rule;
import dev.sgreach.model.SecurityGroup;
import dev.sgreach.model.Vpc;
import dev.sgreach.model.VpcPeering;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Reads one item of each AWS response, field by field from the JSON stream, straight onto the model: the snapshot
 * reader's half of the AWS-to-model mapping (the live loader's half maps AWS SDK objects). Shared decisions about
 * single values are {@link AwsValues}'; how items combine is {@link NetworkAssembler}'s. Field names are those of the
 * AWS CLI's JSON (EC2 and ELBv2 in UpperCamelCase, EKS in lowerCamelCase), so error paths match the files.
 *
 * <p>Each method reads the item at the cursor and returns what to feed the assembler.
 */
final class ResponseItems {
  private ResponseItems() {}

  /** Reads one item of a response's item array. */
  @FunctionalInterface
  interface ItemReader {
    Consumer<NetworkAssembler> read(JsonIn in, Location at) throws IOException;
  }

  /**
   * The item reader of a kind whose response is an array of items.
   *
   * @param ruled true for a group whose rules come from describe-security-group-rules: its {@code IpPermissions}
   *     are skipped, not read (the assembler would not use them); asked only once every rules file has been read
   * @param ruledGroups receives the group of each describe-security-group-rules entry read
   */
  static ItemReader of(ResponseKind kind, Predicate<String> ruled, Set<String> ruledGroups) {
    return switch (kind) {
      case SECURITY_GROUPS -> (in, at) -> securityGroup(in, at, ruled);
      case SECURITY_GROUP_RULES -> (in, at) -> securityGroupRule(in, at, ruledGroups);
      case NETWORK_INTERFACES -> ResponseItems::networkInterface;
      case VPCS -> ResponseItems::vpc;
      case VPC_PEERING_CONNECTIONS -> ResponseItems::peering;
      case MANAGED_PREFIX_LISTS -> ResponseItems::managedPrefixList;
      case PREFIX_LISTS -> ResponseItems::awsManagedPrefixList;
      case LOAD_BALANCERS -> ResponseItems::loadBalancer;
      case SUBNETS, NETWORK_ACLS, ROUTE_TABLES, INTERNET_GATEWAYS, EGRESS_ONLY_INTERNET_GATEWAYS, NAT_GATEWAYS,
          VPC_ENDPOINTS, TRANSIT_GATEWAYS, TRANSIT_GATEWAY_ATTACHMENTS, TRANSIT_GATEWAY_VPC_ATTACHMENTS,
          TRANSIT_GATEWAY_ROUTE_TABLES, BATFISH_TRANSIT_GATEWAY_PROPAGATIONS, BATFISH_TRANSIT_GATEWAY_STATIC_ROUTES ->
          PathItems.of(kind);
      case MANAGED_PREFIX_LIST_ENTRIES, EKS_CLUSTER, TRANSIT_GATEWAY_ROUTE_TABLE_PROPAGATIONS,
          TRANSIT_GATEWAY_STATIC_ROUTES, TRANSIT_GATEWAY_PROPAGATED_ROUTES ->
          throw new IllegalArgumentException(kind + " has no item array of its own");
    };
  }

  // ---------------------------------------------------------------- security groups

  /** One peer of a grouped permission as read: the peer value, the group-pair fields, the description. */
  private record PeerText(String value, String groupName, String userId, String vpcId, String peeringId,
      String peeringStatus, String description, Location at) {}

  /** One entry of {@code IpPermissions} as read, expanded on demand. */
  private static final class Permission {
    final Location at;
    String protocol;
    Integer from;
    Integer to;
    final List<PeerText> v4 = new ArrayList<>(2);
    final List<PeerText> v6 = new ArrayList<>(0);
    final List<PeerText> lists = new ArrayList<>(0);
    final List<PeerText> pairs = new ArrayList<>(1);

    Permission(Location at) {
      this.at = at;
    }
  }

  private static Consumer<NetworkAssembler> securityGroup(JsonIn in, Location at, Predicate<String> ruled)
      throws IOException {
    String[] f = new String[5]; // GroupId, GroupName, VpcId, OwnerId, Description
    Map<String, String> tags = new LinkedHashMap<>();
    List<Permission> ingress = new ArrayList<>();
    List<Permission> egress = new ArrayList<>();
    in.requiredObject(at, name -> switch (name) {
      case "GroupId" -> set(f, 0, in.string(at, name));
      case "GroupName" -> set(f, 1, in.string(at, name));
      case "VpcId" -> set(f, 2, in.string(at, name));
      case "OwnerId" -> set(f, 3, in.string(at, name));
      case "Description" -> set(f, 4, in.string(at, name));
      case "Tags" -> tags(in, at.field(name), tags);
      case "IpPermissions" -> f[0] != null && ruled.test(f[0]) ? skip(in) : permissions(in, at.field(name), ingress);
      case "IpPermissionsEgress" -> f[0] != null && ruled.test(f[0]) ? skip(in)
          : permissions(in, at.field(name), egress);
      default -> false;
    });
    SecurityGroup.Builder b = SecurityGroup.builder(at.field("GroupId").require(f[0])).name(f[1]).vpc(f[2])
        .owner(f[3]).description(f[4]);
    tags.forEach(b::tag);
    SecurityGroup head = at.build(b::build);
    if (ruled.test(head.id())) {
      return a -> a.securityGroup(head, List::of, at); // its rules come from the rules file
    }
    List<Rule> rules = expand(ingress, egress);
    return a -> a.securityGroup(head, () -> rules, at);
  }

  static boolean skip(JsonIn in) throws IOException {
    in.skip();
    return true;
  }

  static boolean set(String[] fields, int i, String value) {
    fields[i] = value;
    return true;
  }

  private static boolean permissions(JsonIn in, Location at, List<Permission> into) throws IOException {
    in.array(at, (i, el) -> {
      Permission p = new Permission(el);
      in.requiredObject(el, name -> switch (name) {
        case "IpProtocol" -> {
          p.protocol = in.string(el, name);
          yield true;
        }
        case "FromPort" -> {
          p.from = in.integer(el, name);
          yield true;
        }
        case "ToPort" -> {
          p.to = in.integer(el, name);
          yield true;
        }
        case "IpRanges" -> peers(in, el.field(name), "CidrIp", p.v4);
        case "Ipv6Ranges" -> peers(in, el.field(name), "CidrIpv6", p.v6);
        case "PrefixListIds" -> peers(in, el.field(name), "PrefixListId", p.lists);
        case "UserIdGroupPairs" -> peers(in, el.field(name), "GroupId", p.pairs);
        default -> false;
      });
      into.add(p);
    });
    return true;
  }

  /** The entries of {@code IpRanges}, {@code Ipv6Ranges}, {@code PrefixListIds} or {@code UserIdGroupPairs}. */
  private static boolean peers(JsonIn in, Location at, String valueField, List<PeerText> into) throws IOException {
    in.array(at, (i, el) -> {
      String[] f = new String[7]; // value, GroupName, UserId, VpcId, VpcPeeringConnectionId, PeeringStatus, Description
      in.requiredObject(el, name -> {
        if (name.equals(valueField)) {
          return set(f, 0, in.string(el, name));
        }
        return switch (name) {
          case "GroupName" -> set(f, 1, in.string(el, name));
          case "UserId" -> set(f, 2, in.string(el, name));
          case "VpcId" -> set(f, 3, in.string(el, name));
          case "VpcPeeringConnectionId" -> set(f, 4, in.string(el, name));
          case "PeeringStatus" -> set(f, 5, in.string(el, name));
          case "Description" -> set(f, 6, in.string(el, name));
          default -> false;
        };
      });
      into.add(new PeerText(f[0], f[1], f[2], f[3], f[4], f[5], f[6], el));
    });
    return true;
  }

  private static List<Rule> expand(List<Permission> ingress, List<Permission> egress) {
    List<Rule> rules = new ArrayList<>();
    expand(ingress, Direction.INGRESS, rules);
    expand(egress, Direction.EGRESS, rules);
    return rules;
  }

  /**
   * AWS's grouped permissions, one {@link Rule} per peer, in AWS's order: {@code IpRanges}, {@code Ipv6Ranges},
   * {@code PrefixListIds}, {@code UserIdGroupPairs}. A permission without peers yields no rule.
   */
  private static void expand(List<Permission> permissions, Direction direction, List<Rule> rules) {
    for (Permission p : permissions) {
      Ports ports = AwsValues.ports(p.protocol, p.from, p.to, p.at);
      for (PeerText r : p.v4) {
        rules.add(new Rule(direction, ports, Peer.cidr(AwsValues.cidr(r.value(), 4, r.at().field("CidrIp"))),
            r.description(), ""));
      }
      for (PeerText r : p.v6) {
        rules.add(new Rule(direction, ports, Peer.cidr(AwsValues.cidr(r.value(), 6, r.at().field("CidrIpv6"))),
            r.description(), ""));
      }
      for (PeerText r : p.lists) {
        rules.add(new Rule(direction, ports, AwsValues.prefixList(r.value(), r.at().field("PrefixListId")),
            r.description(), ""));
      }
      for (PeerText r : p.pairs) {
        AwsValues.groupPair(r.value(), r.groupName(), r.userId(), r.vpcId(), r.peeringId(), r.peeringStatus(),
            r.at()).ifPresent(peer -> rules.add(new Rule(direction, ports, peer, r.description(), "")));
      }
    }
  }

  static boolean tags(JsonIn in, Location at, Map<String, String> into) throws IOException {
    in.array(at, (i, el) -> {
      String[] kv = new String[2];
      in.requiredObject(el, name -> switch (name) {
        case "Key" -> set(kv, 0, in.string(el, name));
        case "Value" -> set(kv, 1, in.string(el, name));
        default -> false;
      });
      into.put(el.field("Key").require(kv[0]), kv[1] == null ? "" : kv[1]);
    });
    return true;
  }

  // ---------------------------------------------------------------- security group rules

  private static Consumer<NetworkAssembler> securityGroupRule(JsonIn in, Location at, Set<String> ruledGroups)
      throws IOException {
    String[] f = new String[8]; // GroupId, GroupOwnerId, SecurityGroupRuleId, IpProtocol, CidrIpv4, CidrIpv6,
                                // PrefixListId, Description
    Integer[] ports = new Integer[2];
    Boolean[] egress = new Boolean[1];
    String[] ref = new String[5]; // GroupId, UserId, VpcId, VpcPeeringConnectionId, PeeringStatus
    boolean[] hasRef = new boolean[1];
    in.requiredObject(at, name -> switch (name) {
      case "GroupId" -> set(f, 0, in.string(at, name));
      case "GroupOwnerId" -> set(f, 1, in.string(at, name));
      case "SecurityGroupRuleId" -> set(f, 2, in.string(at, name));
      case "IpProtocol" -> set(f, 3, in.string(at, name));
      case "CidrIpv4" -> set(f, 4, in.string(at, name));
      case "CidrIpv6" -> set(f, 5, in.string(at, name));
      case "PrefixListId" -> set(f, 6, in.string(at, name));
      case "Description" -> set(f, 7, in.string(at, name));
      case "FromPort" -> {
        ports[0] = in.integer(at, name);
        yield true;
      }
      case "ToPort" -> {
        ports[1] = in.integer(at, name);
        yield true;
      }
      case "IsEgress" -> {
        egress[0] = in.bool(at, name);
        yield true;
      }
      case "ReferencedGroupInfo" -> {
        Location r = at.field(name);
        hasRef[0] = in.object(r, n -> switch (n) {
          case "GroupId" -> set(ref, 0, in.string(r, n));
          case "UserId" -> set(ref, 1, in.string(r, n));
          case "VpcId" -> set(ref, 2, in.string(r, n));
          case "VpcPeeringConnectionId" -> set(ref, 3, in.string(r, n));
          case "PeeringStatus" -> set(ref, 4, in.string(r, n));
          default -> false;
        });
        yield true;
      }
      default -> false;
    });
    String groupId = at.field("GroupId").require(f[0]);
    if (egress[0] == null) {
      throw at.field("IsEgress").fail(null, "IsEgress is missing");
    }
    Direction direction = egress[0] ? Direction.EGRESS : Direction.INGRESS;
    Ports p = AwsValues.ports(f[3], ports[0], ports[1], at);
    List<Peer> peers = new ArrayList<>(1);
    if (f[4] != null) {
      peers.add(Peer.cidr(AwsValues.cidr(f[4], 4, at.field("CidrIpv4"))));
    }
    if (f[5] != null) {
      peers.add(Peer.cidr(AwsValues.cidr(f[5], 6, at.field("CidrIpv6"))));
    }
    if (f[6] != null) {
      peers.add(AwsValues.prefixList(f[6], at.field("PrefixListId")));
    }
    if (hasRef[0]) {
      peers.add(AwsValues.groupReference(ref[0], ref[1], ref[2], ref[3], ref[4], at.field("ReferencedGroupInfo")));
    }
    if (peers.size() != 1) {
      throw at.fail(null, "a rule names exactly one of CidrIpv4, CidrIpv6, PrefixListId or ReferencedGroupInfo, this"
          + " one names " + peers.size());
    }
    Rule rule = new Rule(direction, p, peers.get(0), f[7], f[2]);
    ruledGroups.add(groupId);
    String owner = f[1];
    return a -> a.securityGroupRule(groupId, owner, rule, at);
  }

  // ---------------------------------------------------------------- network interfaces

  /** One private address entry: the address and its association's public IP, each with its location. */
  private record PrivateAddress(String address, Location addressAt, String publicIp, Location publicAt) {}

  private static Consumer<NetworkAssembler> networkInterface(JsonIn in, Location at) throws IOException {
    // NetworkInterfaceId, VpcId, SubnetId, AvailabilityZone, InterfaceType, Description, RequesterId, OwnerId,
    // PrivateIpAddress
    String[] f = new String[9];
    Boolean[] managed = new Boolean[1];
    String[] attachment = new String[2]; // InstanceId, InstanceOwnerId
    Integer[] deviceIndex = new Integer[1];
    boolean[] attached = new boolean[1];
    String[] association = new String[1];
    List<PrivateAddress> privates = new ArrayList<>();
    List<String> ipv6 = new ArrayList<>();
    List<Location> ipv6At = new ArrayList<>();
    List<String> v4Prefixes = new ArrayList<>();
    List<Location> v4PrefixesAt = new ArrayList<>();
    List<String> v6Prefixes = new ArrayList<>();
    List<Location> v6PrefixesAt = new ArrayList<>();
    List<String> groups = new ArrayList<>();
    Map<String, String> tags = new LinkedHashMap<>();
    in.requiredObject(at, name -> switch (name) {
      case "NetworkInterfaceId" -> set(f, 0, in.string(at, name));
      case "VpcId" -> set(f, 1, in.string(at, name));
      case "SubnetId" -> set(f, 2, in.string(at, name));
      case "AvailabilityZone" -> set(f, 3, in.string(at, name));
      case "InterfaceType" -> set(f, 4, in.string(at, name));
      case "Description" -> set(f, 5, in.string(at, name));
      case "RequesterId" -> set(f, 6, in.string(at, name));
      case "OwnerId" -> set(f, 7, in.string(at, name));
      case "PrivateIpAddress" -> set(f, 8, in.string(at, name));
      case "RequesterManaged" -> {
        managed[0] = in.bool(at, name);
        yield true;
      }
      case "Attachment" -> {
        Location a = at.field(name);
        attached[0] = in.object(a, n -> switch (n) {
          case "InstanceId" -> set(attachment, 0, in.string(a, n));
          case "InstanceOwnerId" -> set(attachment, 1, in.string(a, n));
          case "DeviceIndex" -> {
            deviceIndex[0] = in.integer(a, n);
            yield true;
          }
          default -> false;
        });
        yield true;
      }
      case "Association" -> set(association, 0, publicIp(in, at.field(name)));
      case "PrivateIpAddresses" -> {
        in.array(at.field(name), (i, el) -> {
          String[] addr = new String[2];
          in.requiredObject(el, n -> switch (n) {
            case "PrivateIpAddress" -> set(addr, 0, in.string(el, n));
            case "Association" -> set(addr, 1, publicIp(in, el.field(n)));
            default -> false;
          });
          privates.add(new PrivateAddress(addr[0], el.field("PrivateIpAddress"), addr[1],
              el.field("Association").field("PublicIp")));
        });
        yield true;
      }
      case "Ipv6Addresses" -> singleField(in, at.field(name), "Ipv6Address", ipv6, ipv6At);
      case "Ipv4Prefixes" -> singleField(in, at.field(name), "Ipv4Prefix", v4Prefixes, v4PrefixesAt);
      case "Ipv6Prefixes" -> singleField(in, at.field(name), "Ipv6Prefix", v6Prefixes, v6PrefixesAt);
      case "Groups" -> {
        Location g = at.field(name);
        in.array(g, (i, el) -> {
          String[] id = new String[1];
          in.requiredObject(el, n -> n.equals("GroupId") && set(id, 0, in.string(el, n)));
          groups.add(el.field("GroupId").require(id[0]));
        });
        yield true;
      }
      case "TagSet" -> tags(in, at.field(name), tags);
      default -> false;
    });

    NetworkInterface.Builder b = NetworkInterface.builder(at.field("NetworkInterfaceId").require(f[0]))
        .vpc(f[1]).subnet(f[2]).availabilityZone(f[3]).interfaceType(f[4]).description(f[5])
        .requester(f[6], Boolean.TRUE.equals(managed[0])).owner(f[7]);
    if (attached[0]) {
      b.attachment(new NetworkInterface.Attachment(Optional.ofNullable(attachment[0]), attachment[1],
          deviceIndex[0] == null ? 0 : deviceIndex[0]));
    }
    Set<Cidr> privateIps = new LinkedHashSet<>();
    Set<Cidr> publicIps = new LinkedHashSet<>();
    Map<Cidr, Cidr> publicByPrivate = new LinkedHashMap<>();
    Cidr primary = null;
    if (f[8] != null) {
      primary = AwsValues.address(f[8], 4, at.field("PrivateIpAddress"));
      privateIps.add(primary);
    }
    if (association[0] != null) {
      Cidr publicIp = AwsValues.address(association[0], 4, at.field("Association").field("PublicIp"));
      publicIps.add(publicIp);
      if (primary != null) {
        publicByPrivate.put(primary, publicIp); // the ENI's Association is its primary address's
      }
    }
    for (PrivateAddress p : privates) {
      Cidr privateIp = null;
      if (p.address() != null) {
        privateIp = AwsValues.address(p.address(), 4, p.addressAt());
        privateIps.add(privateIp);
      }
      if (p.publicIp() != null) {
        Cidr publicIp = AwsValues.address(p.publicIp(), 4, p.publicAt());
        publicIps.add(publicIp);
        if (privateIp != null) {
          publicByPrivate.put(privateIp, publicIp); // the pair an internet gateway translates
        }
      }
    }
    for (int i = 0; i < ipv6.size(); i++) {
      privateIps.add(AwsValues.address(ipv6.get(i), 6, ipv6At.get(i)));
    }
    privateIps.forEach(b::address);
    for (int i = 0; i < v4Prefixes.size(); i++) {
      b.prefix(AwsValues.cidr(v4Prefixes.get(i), 4, v4PrefixesAt.get(i)));
    }
    for (int i = 0; i < v6Prefixes.size(); i++) {
      b.prefix(AwsValues.cidr(v6Prefixes.get(i), 6, v6PrefixesAt.get(i)));
    }
    publicIps.forEach(ip -> b.publicIp(ip.addressString()));
    publicByPrivate.forEach((priv, pub) -> b.publicIp(pub.addressString(), priv.addressString()));
    b.groups(groups);
    tags.forEach(b::tag);
    NetworkInterface eni = at.build(b::build);
    return a -> a.networkInterface(eni, at);
  }

  /** The {@code PublicIp} of an {@code Association} object, or null. */
  private static String publicIp(JsonIn in, Location at) throws IOException {
    String[] ip = new String[1];
    in.object(at, n -> n.equals("PublicIp") && set(ip, 0, in.string(at, n)));
    return ip[0];
  }

  /** An array of objects each holding one field of interest, e.g. {@code Ipv6Addresses[].Ipv6Address}. */
  static boolean singleField(JsonIn in, Location at, String field, List<String> values,
      List<Location> where) throws IOException {
    in.array(at, (i, el) -> {
      String[] v = new String[1];
      in.requiredObject(el, n -> n.equals(field) && set(v, 0, in.string(el, n)));
      values.add(v[0]);
      where.add(el.field(field));
    });
    return true;
  }

  /** An array of strings, e.g. a load balancer's {@code SecurityGroups}. */
  static List<String> strings(JsonIn in, Location at) throws IOException {
    List<String> out = new ArrayList<>();
    in.array(at, (i, el) -> {
      String s = in.string(el);
      if (s == null) {
        throw el.fail("null", "is not a string");
      }
      out.add(s);
    });
    return out;
  }

  // ---------------------------------------------------------------- VPCs and peerings

  private static Consumer<NetworkAssembler> vpc(JsonIn in, Location at) throws IOException {
    String[] f = new String[3]; // VpcId, OwnerId, CidrBlock
    List<String> v4 = new ArrayList<>();
    List<Location> v4At = new ArrayList<>();
    List<String> v6 = new ArrayList<>();
    List<Location> v6At = new ArrayList<>();
    in.requiredObject(at, name -> switch (name) {
      case "VpcId" -> set(f, 0, in.string(at, name));
      case "OwnerId" -> set(f, 1, in.string(at, name));
      case "CidrBlock" -> set(f, 2, in.string(at, name));
      case "CidrBlockAssociationSet" -> singleField(in, at.field(name), "CidrBlock", v4, v4At);
      case "Ipv6CidrBlockAssociationSet" -> singleField(in, at.field(name), "Ipv6CidrBlock", v6, v6At);
      default -> false;
    });
    // IPv4 blocks from CidrBlockAssociationSet, else CidrBlock (whose family is not checked: some tools store an IPv6
    // block there, and a VPC holds both), then the IPv6 blocks
    Set<Cidr> blocks = new LinkedHashSet<>();
    if (v4.isEmpty() && f[2] != null) {
      blocks.add(AwsValues.cidr(f[2], 0, at.field("CidrBlock")));
    }
    for (int i = 0; i < v4.size(); i++) {
      blocks.add(AwsValues.cidr(v4.get(i), 4, v4At.get(i)));
    }
    for (int i = 0; i < v6.size(); i++) {
      blocks.add(AwsValues.cidr(v6.get(i), 6, v6At.get(i)));
    }
    String id = at.field("VpcId").require(f[0]);
    Vpc vpc = at.build(() -> new Vpc(id, f[1], ImmutableList.copyOf(blocks)));
    return a -> a.vpc(vpc, at);
  }

  private static Consumer<NetworkAssembler> peering(JsonIn in, Location at) throws IOException {
    String[] f = new String[2]; // VpcPeeringConnectionId, status code
    PeeringSide[] sides = new PeeringSide[2]; // requester, accepter
    in.requiredObject(at, name -> switch (name) {
      case "VpcPeeringConnectionId" -> set(f, 0, in.string(at, name));
      case "RequesterVpcInfo" -> {
        sides[0] = peeringSide(in, at.field(name));
        yield true;
      }
      case "AccepterVpcInfo" -> {
        sides[1] = peeringSide(in, at.field(name));
        yield true;
      }
      case "Status" -> set(f, 1, nested(in, at.field(name), "Code"));
      default -> false;
    });
    String id = at.field("VpcPeeringConnectionId").require(f[0]);
    String requester = at.field("RequesterVpcInfo").field("VpcId").require(sides[0] == null ? null : sides[0].vpcId);
    String accepter = at.field("AccepterVpcInfo").field("VpcId").require(sides[1] == null ? null : sides[1].vpcId);
    VpcPeering p = at.build(() -> new VpcPeering(id, requester, accepter, f[1], sides[0].side(), sides[1].side()));
    return a -> a.peering(p, at);
  }

  /** One side of a peering as read: its VPC, and its owner, Region and blocks. */
  private record PeeringSide(String vpcId, VpcPeering.Side side) {}

  /**
   * {@code RequesterVpcInfo} or {@code AccepterVpcInfo}: the VPC, owner, Region, and the blocks of
   * {@code CidrBlockSet} and {@code Ipv6CidrBlockSet} (else {@code CidrBlock}).
   */
  private static PeeringSide peeringSide(JsonIn in, Location at) throws IOException {
    String[] f = new String[4]; // VpcId, OwnerId, Region, CidrBlock
    List<String> v4 = new ArrayList<>();
    List<Location> v4At = new ArrayList<>();
    List<String> v6 = new ArrayList<>();
    List<Location> v6At = new ArrayList<>();
    if (!in.object(at, name -> switch (name) {
      case "VpcId" -> set(f, 0, in.string(at, name));
      case "OwnerId" -> set(f, 1, in.string(at, name));
      case "Region" -> set(f, 2, in.string(at, name));
      case "CidrBlock" -> set(f, 3, in.string(at, name));
      case "CidrBlockSet" -> singleField(in, at.field(name), "CidrBlock", v4, v4At);
      case "Ipv6CidrBlockSet" -> singleField(in, at.field(name), "Ipv6CidrBlock", v6, v6At);
      default -> false;
    })) {
      return null;
    }
    Set<Cidr> blocks = new LinkedHashSet<>();
    if (v4.isEmpty() && f[3] != null) {
      blocks.add(AwsValues.cidr(f[3], 4, at.field("CidrBlock")));
    }
    for (int i = 0; i < v4.size(); i++) {
      blocks.add(AwsValues.cidr(v4.get(i), 4, v4At.get(i)));
    }
    for (int i = 0; i < v6.size(); i++) {
      blocks.add(AwsValues.cidr(v6.get(i), 6, v6At.get(i)));
    }
    return new PeeringSide(f[0], new VpcPeering.Side(f[1], f[2], ImmutableList.copyOf(blocks)));
  }

  /** One string field of an object value, e.g. {@code RequesterVpcInfo.VpcId}; null when absent. */
  static String nested(JsonIn in, Location at, String field) throws IOException {
    String[] v = new String[1];
    in.object(at, n -> n.equals(field) && set(v, 0, in.string(at, n)));
    return v[0];
  }

  // ---------------------------------------------------------------- prefix lists

  private static Consumer<NetworkAssembler> managedPrefixList(JsonIn in, Location at) throws IOException {
    String[] f = new String[2];
    in.requiredObject(at, name -> switch (name) {
      case "PrefixListId" -> set(f, 0, in.string(at, name));
      case "PrefixListName" -> set(f, 1, in.string(at, name));
      default -> false;
    });
    return a -> a.managedPrefixList(f[0], f[1], at);
  }

  private static Consumer<NetworkAssembler> awsManagedPrefixList(JsonIn in, Location at) throws IOException {
    String[] f = new String[2];
    List<String> cidrs = new ArrayList<>();
    in.requiredObject(at, name -> switch (name) {
      case "PrefixListId" -> set(f, 0, in.string(at, name));
      case "PrefixListName" -> set(f, 1, in.string(at, name));
      case "Cidrs" -> {
        Location c = at.field(name);
        in.array(c, (i, el) -> cidrs.add(in.string(el)));
        yield true;
      }
      default -> false;
    });
    String id = at.field("PrefixListId").require(f[0]);
    List<Cidr> blocks = new ArrayList<>();
    for (int i = 0; i < cidrs.size(); i++) {
      blocks.add(AwsValues.cidr(cidrs.get(i), 0, at.field("Cidrs").index(i)));
    }
    PrefixList list = at.build(() -> PrefixList.of(id, f[1], blocks));
    return a -> a.awsManagedPrefixList(list, at);
  }

  /** The {@code Entries} of get-managed-prefix-list-entries for one list ({@code at} is the array). */
  static Consumer<NetworkAssembler> prefixListEntries(JsonIn in, Location at, String prefixListId)
      throws IOException {
    List<Cidr> cidrs = new ArrayList<>();
    in.array(at, (i, el) -> {
      String[] c = new String[1];
      in.requiredObject(el, n -> n.equals("Cidr") && set(c, 0, in.string(el, n)));
      cidrs.add(AwsValues.cidr(c[0], 0, el.field("Cidr")));
    });
    return a -> a.prefixListEntries(prefixListId, cidrs);
  }

  // ---------------------------------------------------------------- EKS and ELBv2

  /** The {@code cluster} of eks describe-cluster ({@code at} is that object). */
  static Consumer<NetworkAssembler> eksCluster(JsonIn in, Location at) throws IOException {
    String[] name = new String[1];
    String[] v = new String[2]; // vpcId, clusterSecurityGroupId
    Boolean[] access = new Boolean[2]; // endpointPublicAccess, endpointPrivateAccess
    List<List<String>> lists = new ArrayList<>(List.of(List.of(), List.of(), List.of()));
    boolean[] hasConfig = new boolean[1];
    in.requiredObject(at, field -> switch (field) {
      case "name" -> set(name, 0, in.string(at, field));
      case "resourcesVpcConfig" -> {
        Location c = at.field(field);
        hasConfig[0] = in.object(c, n -> switch (n) {
          case "vpcId" -> set(v, 0, in.string(c, n));
          case "clusterSecurityGroupId" -> set(v, 1, in.string(c, n));
          case "endpointPublicAccess" -> {
            access[0] = in.bool(c, n);
            yield true;
          }
          case "endpointPrivateAccess" -> {
            access[1] = in.bool(c, n);
            yield true;
          }
          case "securityGroupIds" -> {
            lists.set(0, strings(in, c.field(n)));
            yield true;
          }
          case "subnetIds" -> {
            lists.set(1, strings(in, c.field(n)));
            yield true;
          }
          case "publicAccessCidrs" -> {
            lists.set(2, strings(in, c.field(n)));
            yield true;
          }
          default -> false;
        });
        yield true;
      }
      default -> false;
    });
    String clusterName = at.field("name").require(name[0]);
    EksClusterInfo cluster = at.build(() -> hasConfig[0]
        ? new EksClusterInfo(clusterName, v[0], v[1], ImmutableList.copyOf(lists.get(0)),
            ImmutableList.copyOf(lists.get(1)), Boolean.TRUE.equals(access[0]), Boolean.TRUE.equals(access[1]),
            ImmutableList.copyOf(lists.get(2)))
        : new EksClusterInfo(clusterName, null, null, null, null, false, false, null));
    return a -> a.eksCluster(cluster, at);
  }

  private static Consumer<NetworkAssembler> loadBalancer(JsonIn in, Location at) throws IOException {
    String[] f = new String[5]; // LoadBalancerArn, LoadBalancerName, Type, Scheme, VpcId
    List<List<String>> groups = new ArrayList<>(List.of(List.of()));
    in.requiredObject(at, name -> switch (name) {
      case "LoadBalancerArn" -> set(f, 0, in.string(at, name));
      case "LoadBalancerName" -> set(f, 1, in.string(at, name));
      case "Type" -> set(f, 2, in.string(at, name));
      case "Scheme" -> set(f, 3, in.string(at, name));
      case "VpcId" -> set(f, 4, in.string(at, name));
      case "SecurityGroups" -> {
        groups.set(0, strings(in, at.field(name)));
        yield true;
      }
      default -> false;
    });
    String arn = at.field("LoadBalancerArn").require(f[0]);
    LoadBalancer lb = at.build(() -> new LoadBalancer(arn, f[1], f[2], f[3], f[4], ImmutableList.copyOf(
        groups.get(0))));
    return a -> a.loadBalancer(lb, at);
  }
}
