package dev.sgreach.snapshot;

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

  /** The item reader of a kind whose response is an array of items. */
  static ItemReader of(ResponseKind kind) {
    return switch (kind) {
      case SECURITY_GROUPS -> ResponseItems::securityGroup;
      case SECURITY_GROUP_RULES -> ResponseItems::securityGroupRule;
      case NETWORK_INTERFACES -> ResponseItems::networkInterface;
      case VPCS -> ResponseItems::vpc;
      case VPC_PEERING_CONNECTIONS -> ResponseItems::peering;
      case MANAGED_PREFIX_LISTS -> ResponseItems::managedPrefixList;
      case PREFIX_LISTS -> ResponseItems::awsManagedPrefixList;
      case LOAD_BALANCERS -> ResponseItems::loadBalancer;
      case LISTENERS, BATFISH_LISTENERS, TARGET_GROUPS, TARGET_GROUP_ATTRIBUTES, TARGET_HEALTH ->
          BalancerItems.of(kind);
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

  /** What describe-security-groups always returns for a group (lists empty when there is nothing). */
  static final Required GROUP = Required.lists("describe-security-groups", "IpPermissions", "IpPermissionsEgress");
  /** ... and for each entry of its permissions: every kind of peer, each list empty when there is none. */
  static final Required PERMISSION = Required.lists("describe-security-groups", "IpRanges", "Ipv6Ranges",
      "PrefixListIds", "UserIdGroupPairs");

  /** One peer of a grouped permission as read: the peer value, the group-pair fields, the description. */
  private record PeerText(String value, String groupName, String userId, String vpcId, String peeringId,
      String peeringStatus, String description, Location at) {}

  /** One entry of {@code IpPermissions} as read, expanded on demand. */
  private static final class Permission {
    final Location at;
    long seen;
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

  private static Consumer<NetworkAssembler> securityGroup(JsonIn in, Location at) throws IOException {
    String[] f = new String[5]; // GroupId, GroupName, VpcId, OwnerId, Description
    Map<String, String> tags = new LinkedHashMap<>();
    List<Permission> ingress = new ArrayList<>();
    List<Permission> egress = new ArrayList<>();
    return in.item(at, GROUP, name -> switch (name) {
      case "GroupId" -> set(f, 0, in.string(at, name));
      case "GroupName" -> set(f, 1, in.string(at, name));
      case "VpcId" -> set(f, 2, in.string(at, name));
      case "OwnerId" -> set(f, 3, in.string(at, name));
      case "Description" -> set(f, 4, in.string(at, name));
      case "Tags" -> tags(in, at.field(name), tags);
      case "IpPermissions" -> permissions(in, at.field(name), ingress);
      case "IpPermissionsEgress" -> permissions(in, at.field(name), egress);
      default -> false;
    }, () -> {
      SecurityGroup.Builder b = SecurityGroup.builder(AwsValues.requiredId(AwsId.SECURITY_GROUP, f[0],
              at, "GroupId"))
          .name(f[1]).vpc(AwsValues.id(AwsId.VPC, f[2], at, "VpcId"))
          .owner(AwsValues.id(AwsId.ACCOUNT, f[3], at, "OwnerId")).description(f[4]);
      tags.forEach(b::tag);
      SecurityGroup head = at.build(b::build);
      List<Rule> rules = expand(ingress, egress);
      return a -> a.securityGroup(head, () -> rules, at);
    });
  }

  static boolean set(String[] fields, int i, String value) {
    fields[i] = value;
    return true;
  }

  private static boolean permissions(JsonIn in, Location at, List<Permission> into) throws IOException {
    in.array(at, new Permissions(in, into));
    return true;
  }

  /** Reads one {@code IpPermissions} list, a permission at a time (see {@link PeerEntries}). */
  private static final class Permissions implements JsonIn.Elements, JsonIn.Fields {
    private final JsonIn in;
    private final List<Permission> into;
    private Permission p;

    Permissions(JsonIn in, List<Permission> into) {
      this.in = in;
      this.into = into;
    }

    @Override
    public void element(int index, Location el) throws IOException {
      p = new Permission(el);
      p.seen = in.requiredObject(el, PERMISSION, this);
      into.add(p);
    }

    @Override
    public boolean field(String name) throws IOException {
      Location el = p.at;
      return switch (name) {
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
      };
    }
  }

  /** The entries of {@code IpRanges}, {@code Ipv6Ranges}, {@code PrefixListIds} or {@code UserIdGroupPairs}. */
  private static boolean peers(JsonIn in, Location at, String valueField, List<PeerText> into) throws IOException {
    in.array(at, new PeerEntries(in, valueField, into));
    return true;
  }

  /**
   * Reads the entries of one peer list, one at a time (the fields of the entry being read are its state): a class, not
   * lambdas, since a region's groups hold hundreds of thousands of entries (see {@link RuleFields}).
   */
  private static final class PeerEntries implements JsonIn.Elements, JsonIn.Fields {
    private final JsonIn in;
    private final String valueField;
    private final List<PeerText> into;
    private Location el;
    private String[] f; // value, GroupName, UserId, VpcId, VpcPeeringConnectionId, PeeringStatus, Description

    PeerEntries(JsonIn in, String valueField, List<PeerText> into) {
      this.in = in;
      this.valueField = valueField;
      this.into = into;
    }

    @Override
    public void element(int index, Location at) throws IOException {
      el = at;
      f = new String[7];
      in.requiredObject(el, this);
      into.add(new PeerText(f[0], f[1], f[2], f[3], f[4], f[5], f[6], el));
    }

    @Override
    public boolean field(String name) throws IOException {
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
    }
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
      expand(p, direction, ports, rules);
      PERMISSION.checkAll(p.at, p.seen);
    }
  }

  /** One permission's peers as rules, in AWS's order. */
  private static void expand(Permission p, Direction direction, Ports ports, List<Rule> rules) {
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

  /** What describe-security-group-rules always returns for a rule ({@code -1} ports where they do not apply). */
  static final Required RULE = Required.lists("describe-security-group-rules").values("FromPort", "ToPort");

  private static Consumer<NetworkAssembler> securityGroupRule(JsonIn in, Location at) throws IOException {
    RuleFields r = new RuleFields(in, at);
    return in.item(at, RULE, r, r);
  }

  /**
   * What one describe-security-group-rules entry holds, read field by field, then mapped. A class, not lambdas over
   * arrays: a region has a hundred thousand rules, and under the command line's client compiler each lambda made is a
   * method-handle call.
   */
  private static final class RuleFields implements JsonIn.Fields, JsonIn.Mapping<Consumer<NetworkAssembler>> {
    private final JsonIn in;
    private final Location at;
    private final String[] f = new String[8]; // GroupId, GroupOwnerId, SecurityGroupRuleId, IpProtocol, CidrIpv4,
                                              // CidrIpv6, PrefixListId, Description
    private final Integer[] ports = new Integer[2];
    private Boolean egress;
    private final String[] ref = new String[5]; // GroupId, UserId, VpcId, VpcPeeringConnectionId, PeeringStatus
    private boolean hasRef;

    RuleFields(JsonIn in, Location at) {
      this.in = in;
      this.at = at;
    }

    @Override
    public boolean field(String name) throws IOException {
      return switch (name) {
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
          egress = in.bool(at, name);
          yield true;
        }
        case "ReferencedGroupInfo" -> {
          Location r = at.field(name);
          hasRef = in.object(r, n -> switch (n) {
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
      };
    }

    @Override
    public Consumer<NetworkAssembler> map() {
      return securityGroupRule(at, f, ports, egress, hasRef ? ref : null);
    }
  }

  private static Consumer<NetworkAssembler> securityGroupRule(Location at, String[] f, Integer[] ports, Boolean egress,
      String[] ref) {
    String groupId = AwsValues.requiredId(AwsId.SECURITY_GROUP, f[0], at, "GroupId");
    if (egress == null) {
      throw at.field("IsEgress").fail(null, "IsEgress is missing");
    }
    Direction direction = egress ? Direction.EGRESS : Direction.INGRESS;
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
    if (ref != null) {
      peers.add(AwsValues.groupReference(ref[0], ref[1], ref[2], ref[3], ref[4], at.field("ReferencedGroupInfo")));
    }
    if (peers.size() != 1) {
      throw at.fail(null, "a rule names exactly one of CidrIpv4, CidrIpv6, PrefixListId or ReferencedGroupInfo, this"
          + " one names " + peers.size());
    }
    Rule rule = new Rule(direction, p, peers.get(0), f[7],
        AwsValues.id(AwsId.SECURITY_GROUP_RULE, f[2], at, "SecurityGroupRuleId"));
    String owner = AwsValues.id(AwsId.ACCOUNT, f[1], at, "GroupOwnerId");
    return a -> a.securityGroupRule(groupId, owner, rule, at);
  }

  // ---------------------------------------------------------------- network interfaces

  /** One private address entry: the address and its association's public IP, each with its location. */
  private record PrivateAddress(String address, Location addressAt, String publicIp, Location publicAt) {}

  /** What describe-network-interfaces always returns for an ENI (lists empty when there is nothing). */
  static final Required ENI = Required.lists("describe-network-interfaces", "Groups", "PrivateIpAddresses",
      "Ipv6Addresses");

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
    long seen = in.requiredObject(at, ENI, name -> switch (name) {
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
          groups.add(AwsValues.requiredId(AwsId.SECURITY_GROUP, id[0], el, "GroupId"));
        });
        yield true;
      }
      case "TagSet" -> tags(in, at.field(name), tags);
      default -> false;
    });

    NetworkInterface.Builder b = NetworkInterface.builder(AwsValues.requiredId(AwsId.NETWORK_INTERFACE, f[0],
            at, "NetworkInterfaceId"))
        .vpc(AwsValues.id(AwsId.VPC, f[1], at, "VpcId"))
        .subnet(AwsValues.id(AwsId.SUBNET, f[2], at, "SubnetId"))
        .availabilityZone(f[3]).interfaceType(f[4]).description(f[5])
        .requester(f[6], Boolean.TRUE.equals(managed[0]))
        .owner(AwsValues.id(AwsId.ACCOUNT, f[7], at, "OwnerId"));
    if (attached[0]) {
      Location a = at.field("Attachment");
      b.attachment(new NetworkInterface.Attachment(
          Optional.ofNullable(AwsValues.id(AwsId.INSTANCE, attachment[0], a, "InstanceId")),
          AwsValues.id(AwsId.ACCOUNT, attachment[1], a, "InstanceOwnerId"),
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
    ENI.checkAll(at, seen);
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
    String id = AwsValues.requiredId(AwsId.VPC, f[0], at, "VpcId");
    String owner = AwsValues.id(AwsId.ACCOUNT, f[1], at, "OwnerId");
    Vpc vpc = at.build(() -> new Vpc(id, owner, ImmutableList.copyOf(blocks)));
    return a -> a.vpc(vpc, at);
  }

  /**
   * What describe-vpc-peering-connections always returns for a peering: its status, which decides whether rules may
   * reference groups across it.
   */
  static final Required PEERING = Required.lists("describe-vpc-peering-connections").values("Status");

  private static Consumer<NetworkAssembler> peering(JsonIn in, Location at) throws IOException {
    String[] f = new String[2]; // VpcPeeringConnectionId, status code
    PeeringSide[] sides = new PeeringSide[2]; // requester, accepter
    long seen = in.requiredObject(at, PEERING, name -> switch (name) {
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
    String id = AwsValues.requiredId(AwsId.VPC_PEERING_CONNECTION, f[0], at, "VpcPeeringConnectionId");
    String requester = AwsValues.requiredId(AwsId.VPC, sides[0] == null ? null : sides[0].vpcId,
        at.field("RequesterVpcInfo"), "VpcId");
    String accepter = AwsValues.requiredId(AwsId.VPC, sides[1] == null ? null : sides[1].vpcId,
        at.field("AccepterVpcInfo"), "VpcId");
    PEERING.checkAll(at, seen);
    String status = at.field("Status").field("Code").require(f[1]);
    VpcPeering p = at.build(() -> new VpcPeering(id, requester, accepter, status, sides[0].side(), sides[1].side()));
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

  /** What describe-prefix-lists always returns for an AWS-managed list. */
  static final Required AWS_MANAGED_LIST = Required.lists("describe-prefix-lists", "Cidrs");

  private static Consumer<NetworkAssembler> awsManagedPrefixList(JsonIn in, Location at) throws IOException {
    String[] f = new String[2];
    List<String> cidrs = new ArrayList<>();
    long seen = in.requiredObject(at, AWS_MANAGED_LIST, name -> switch (name) {
      case "PrefixListId" -> set(f, 0, in.string(at, name));
      case "PrefixListName" -> set(f, 1, in.string(at, name));
      case "Cidrs" -> {
        cidrs.addAll(strings(in, at.field(name)));
        yield true;
      }
      default -> false;
    });
    String id = AwsValues.requiredId(AwsId.PREFIX_LIST, f[0], at, "PrefixListId");
    AWS_MANAGED_LIST.checkAll(at, seen);
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
    if (in.current() == com.fasterxml.jackson.core.JsonToken.VALUE_NULL) {
      throw at.fail("null", "is not a JSON array: get-managed-prefix-list-entries always returns Entries as a list"
          + " (empty when the list has none)");
    }
    in.array(at, (i, el) -> {
      String[] c = new String[1];
      in.requiredObject(el, n -> n.equals("Cidr") && set(c, 0, in.string(el, n)));
      cidrs.add(AwsValues.cidr(c[0], 0, el.field("Cidr")));
    });
    return a -> a.prefixListEntries(prefixListId, cidrs, at);
  }

  // ---------------------------------------------------------------- EKS and ELBv2

  /**
   * What eks describe-cluster always returns for a cluster: its networking. Within it, the lists may be absent where
   * empty (the additional security groups of a cluster created without any; the ENIs carry the groups that decide
   * verdicts), and {@code endpointPublicAccess}, {@code endpointPrivateAccess} and {@code publicAccessCidrs} came in
   * 2019: a response without them is of a cluster from before, whose endpoint was public only.
   */
  static final Required CLUSTER = Required.lists("eks describe-cluster").values("resourcesVpcConfig");

  /** The {@code cluster} of eks describe-cluster ({@code at} is that object). */
  static Consumer<NetworkAssembler> eksCluster(JsonIn in, Location at) throws IOException {
    String[] name = new String[1];
    String[] v = new String[2]; // vpcId, clusterSecurityGroupId
    Boolean[] access = new Boolean[2]; // endpointPublicAccess, endpointPrivateAccess
    List<List<String>> lists = new ArrayList<>(List.of(List.of(), List.of(), List.of()));
    long seen = in.requiredObject(at, CLUSTER, field -> switch (field) {
      case "name" -> set(name, 0, in.string(at, field));
      case "resourcesVpcConfig" -> {
        Location c = at.field(field);
        in.requiredObject(c, n -> switch (n) {
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
    String clusterName = AwsValues.requiredId(AwsId.EKS_CLUSTER_NAME, name[0], at, "name");
    CLUSTER.checkAll(at, seen);
    Location c = at.field("resourcesVpcConfig");
    String vpc = AwsValues.id(AwsId.VPC, v[0], c, "vpcId");
    String clusterGroup = AwsValues.id(AwsId.SECURITY_GROUP, v[1], c, "clusterSecurityGroupId");
    AwsValues.ids(AwsId.SECURITY_GROUP, lists.get(0), c.field("securityGroupIds"));
    AwsValues.ids(AwsId.SUBNET, lists.get(1), c.field("subnetIds"));
    // before the endpoint-access options (2019) every cluster endpoint was public only
    boolean publicAccess = access[0] == null || access[0];
    boolean privateAccess = Boolean.TRUE.equals(access[1]);
    EksClusterInfo cluster = at.build(() -> new EksClusterInfo(clusterName, vpc, clusterGroup,
        ImmutableList.copyOf(lists.get(0)), ImmutableList.copyOf(lists.get(1)), publicAccess, privateAccess,
        ImmutableList.copyOf(lists.get(2))));
    return a -> a.eksCluster(cluster, at);
  }

  private static Consumer<NetworkAssembler> loadBalancer(JsonIn in, Location at) throws IOException {
    String[] f = new String[6]; // LoadBalancerArn, LoadBalancerName, Type, Scheme, VpcId, Enforce...PrivateLink...
    List<List<String>> groups = new ArrayList<>(List.of(List.of()));
    in.requiredObject(at, name -> switch (name) {
      case "EnforceSecurityGroupInboundRulesOnPrivateLinkTraffic" -> set(f, 5, in.string(at, name));
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
    String vpc = AwsValues.id(AwsId.VPC, f[4], at, "VpcId");
    AwsValues.ids(AwsId.SECURITY_GROUP, groups.get(0), at.field("SecurityGroups"));
    boolean enforce = AwsValues.enforcePrivateLinkInbound(f[5], at.field(
        "EnforceSecurityGroupInboundRulesOnPrivateLinkTraffic"));
    LoadBalancer lb = at.build(() -> new LoadBalancer(arn, f[1], f[2], f[3], vpc, ImmutableList.copyOf(
        groups.get(0)), java.util.Optional.empty(), enforce));
    return a -> a.loadBalancer(lb, at);
  }
}
