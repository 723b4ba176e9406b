package dev.sgreach.snapshot;

import static dev.sgreach.snapshot.ResponseItems.nested;
import static dev.sgreach.snapshot.ResponseItems.set;
import static dev.sgreach.snapshot.ResponseItems.strings;

import com.google.common.collect.ImmutableList;
import dev.sgreach.model.Cidr;
import dev.sgreach.model.InternetGateway;
import dev.sgreach.model.NatGateway;
import dev.sgreach.model.NetworkAcl;
import dev.sgreach.model.RouteTable;
import dev.sgreach.model.Subnet;
import dev.sgreach.model.TransitGateway;
import dev.sgreach.model.VpcEndpoint;
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
 * Reads one item of each response about the packet path (DOMAIN-PATH.md section 5), field by field from the JSON
 * stream, onto the model: subnets, network ACLs, route tables, internet, egress-only and NAT gateways, VPC endpoints,
 * and the transit gateway responses (gateways, attachments, VPC attachments, route tables, propagations, routes),
 * as the AWS CLI prints them and as Batfish wraps the per-table ones. Single values are {@link AwsValues}'; how the
 * transit gateway parts combine is {@link NetworkAssembler}'s. The security-group half of the mapping is
 * {@link ResponseItems}'.
 */
final class PathItems {
  private PathItems() {}

  /** The item reader of a path response whose items are an array of their own. */
  static ResponseItems.ItemReader of(ResponseKind kind) {
    return switch (kind) {
      case SUBNETS -> PathItems::subnet;
      case NETWORK_ACLS -> PathItems::networkAcl;
      case ROUTE_TABLES -> PathItems::routeTable;
      case INTERNET_GATEWAYS -> (in, at) -> internetGateway(in, at, false);
      case EGRESS_ONLY_INTERNET_GATEWAYS -> (in, at) -> internetGateway(in, at, true);
      case NAT_GATEWAYS -> PathItems::natGateway;
      case VPC_ENDPOINTS -> PathItems::vpcEndpoint;
      case TRANSIT_GATEWAYS -> PathItems::transitGateway;
      case TRANSIT_GATEWAY_ATTACHMENTS -> PathItems::transitGatewayAttachment;
      case TRANSIT_GATEWAY_VPC_ATTACHMENTS -> PathItems::transitGatewayVpcAttachment;
      case TRANSIT_GATEWAY_ROUTE_TABLES -> PathItems::transitGatewayRouteTable;
      case BATFISH_TRANSIT_GATEWAY_PROPAGATIONS -> PathItems::batfishPropagations;
      case BATFISH_TRANSIT_GATEWAY_STATIC_ROUTES -> PathItems::batfishStaticRoutes;
      default -> throw new IllegalArgumentException(kind + " is not a path response with items of its own");
    };
  }

  /** The item reader of a per-table response (propagations or routes) of the route table {@code tableId}. */
  static ResponseItems.ItemReader perTable(ResponseKind kind, String tableId) {
    return switch (kind) {
      case TRANSIT_GATEWAY_ROUTE_TABLE_PROPAGATIONS -> (in, at) -> {
        String attachment = propagation(in, at);
        return attachment == null ? a -> {} : a -> a.transitGatewayPropagation(tableId, attachment, at);
      };
      case TRANSIT_GATEWAY_STATIC_ROUTES, TRANSIT_GATEWAY_PROPAGATED_ROUTES -> {
        boolean propagated = kind == ResponseKind.TRANSIT_GATEWAY_PROPAGATED_ROUTES;
        yield (in, at) -> transitGatewayRoute(in, at, propagated).into(tableId, propagated);
      }
      default -> throw new IllegalArgumentException(kind + " is not a per-table response");
    };
  }

  /**
   * What the assembler learns from having read a whole per-table response: that the table's propagations, or its
   * static or propagated routes, are known ({@code complete} false when AWS said more routes were available).
   */
  static Consumer<NetworkAssembler> tableRead(ResponseKind kind, String tableId, boolean complete, Location at) {
    return switch (kind) {
      case TRANSIT_GATEWAY_ROUTE_TABLE_PROPAGATIONS -> a -> a.transitGatewayPropagationsRead(tableId, at);
      case TRANSIT_GATEWAY_STATIC_ROUTES -> a -> a.transitGatewayRoutesRead(tableId, false, complete, at);
      case TRANSIT_GATEWAY_PROPAGATED_ROUTES -> a -> a.transitGatewayRoutesRead(tableId, true, complete, at);
      default -> throw new IllegalArgumentException(kind + " is not a per-table response");
    };
  }

  // ---------------------------------------------------------------- subnets

  private static Consumer<NetworkAssembler> subnet(JsonIn in, Location at) throws IOException {
    String[] f = new String[6]; // SubnetId, VpcId, OwnerId, AvailabilityZone, AvailabilityZoneId, CidrBlock
    List<String> v6 = new ArrayList<>();
    List<Location> v6At = new ArrayList<>();
    in.requiredObject(at, name -> switch (name) {
      case "SubnetId" -> set(f, 0, in.string(at, name));
      case "VpcId" -> set(f, 1, in.string(at, name));
      case "OwnerId" -> set(f, 2, in.string(at, name));
      case "AvailabilityZone" -> set(f, 3, in.string(at, name));
      case "AvailabilityZoneId" -> set(f, 4, in.string(at, name));
      case "CidrBlock" -> set(f, 5, in.string(at, name));
      case "Ipv6CidrBlockAssociationSet" -> ipv6Blocks(in, at.field(name), v6, v6At);
      default -> false;
    });
    Set<Cidr> blocks = new LinkedHashSet<>();
    if (f[5] != null) {
      blocks.add(AwsValues.cidr(f[5], 4, at.field("CidrBlock")));
    }
    for (int i = 0; i < v6.size(); i++) {
      blocks.add(AwsValues.cidr(v6.get(i), 6, v6At.get(i)));
    }
    String id = at.field("SubnetId").require(f[0]);
    String vpc = at.field("VpcId").require(f[1]);
    Subnet subnet = at.build(() -> new Subnet(id, vpc, f[2], f[3], f[4], ImmutableList.copyOf(blocks)));
    return a -> a.subnet(subnet, at);
  }

  /**
   * {@code Ipv6CidrBlockAssociationSet}: the blocks whose {@code Ipv6CidrBlockState.State} is {@code associated}
   * (or absent); blocks being or already disassociated do not belong to the subnet.
   */
  private static boolean ipv6Blocks(JsonIn in, Location at, List<String> blocks, List<Location> where)
      throws IOException {
    in.array(at, (i, el) -> {
      String[] v = new String[2];
      in.requiredObject(el, n -> switch (n) {
        case "Ipv6CidrBlock" -> set(v, 0, in.string(el, n));
        case "Ipv6CidrBlockState" -> set(v, 1, nested(in, el.field(n), "State"));
        default -> false;
      });
      if (AwsValues.associated(v[1])) {
        blocks.add(el.field("Ipv6CidrBlock").require(v[0]));
        where.add(el.field("Ipv6CidrBlock"));
      }
    });
    return true;
  }

  // ---------------------------------------------------------------- network ACLs

  private static Consumer<NetworkAssembler> networkAcl(JsonIn in, Location at) throws IOException {
    String[] f = new String[3]; // NetworkAclId, VpcId, OwnerId
    Boolean[] isDefault = new Boolean[1];
    List<NetworkAcl.Entry> entries = new ArrayList<>();
    List<String> subnets = new ArrayList<>();
    in.requiredObject(at, name -> switch (name) {
      case "NetworkAclId" -> set(f, 0, in.string(at, name));
      case "VpcId" -> set(f, 1, in.string(at, name));
      case "OwnerId" -> set(f, 2, in.string(at, name));
      case "IsDefault" -> {
        isDefault[0] = in.bool(at, name);
        yield true;
      }
      case "Entries" -> {
        in.array(at.field(name), (i, el) -> entries.add(aclEntry(in, el)));
        yield true;
      }
      case "Associations" -> {
        in.array(at.field(name), (i, el) -> {
          String[] subnet = new String[1];
          in.requiredObject(el, n -> n.equals("SubnetId") && set(subnet, 0, in.string(el, n)));
          subnets.add(el.field("SubnetId").require(subnet[0]));
        });
        yield true;
      }
      default -> false;
    });
    NetworkAcl.Builder b = NetworkAcl.builder(at.field("NetworkAclId").require(f[0]))
        .vpc(at.field("VpcId").require(f[1])).owner(f[2]).isDefault(Boolean.TRUE.equals(isDefault[0]))
        .subnets(subnets);
    entries.forEach(b::entry);
    NetworkAcl acl = at.build(b::build);
    return a -> a.networkAcl(acl, at);
  }

  private static NetworkAcl.Entry aclEntry(JsonIn in, Location at) throws IOException {
    String[] f = new String[4]; // Protocol, CidrBlock, Ipv6CidrBlock, RuleAction
    Integer[] number = new Integer[1];
    Boolean[] egress = new Boolean[1];
    Integer[][] nestedValues = new Integer[2][]; // PortRange From/To, IcmpTypeCode Type/Code
    in.requiredObject(at, name -> switch (name) {
      case "Protocol" -> set(f, 0, in.string(at, name));
      case "CidrBlock" -> set(f, 1, in.string(at, name));
      case "Ipv6CidrBlock" -> set(f, 2, in.string(at, name));
      case "RuleAction" -> set(f, 3, in.string(at, name));
      case "RuleNumber" -> {
        number[0] = in.integer(at, name);
        yield true;
      }
      case "Egress" -> {
        egress[0] = in.bool(at, name);
        yield true;
      }
      case "PortRange" -> {
        nestedValues[0] = pair(in, at.field(name), "From", "To");
        yield true;
      }
      case "IcmpTypeCode" -> {
        nestedValues[1] = pair(in, at.field(name), "Type", "Code");
        yield true;
      }
      default -> false;
    });
    return AwsValues.aclEntry(number[0], egress[0], f[0], f[1], f[2], nestedValues[0], nestedValues[1], f[3], at);
  }

  /** Two whole-number fields of an object ({@code PortRange}, {@code IcmpTypeCode}); null when the object is null. */
  private static Integer[] pair(JsonIn in, Location at, String first, String second) throws IOException {
    Integer[] v = new Integer[2];
    boolean present = in.object(at, n -> {
      if (n.equals(first)) {
        v[0] = in.integer(at, n);
        return true;
      }
      if (n.equals(second)) {
        v[1] = in.integer(at, n);
        return true;
      }
      return false;
    });
    return present ? v : null;
  }

  // ---------------------------------------------------------------- route tables

  private static Consumer<NetworkAssembler> routeTable(JsonIn in, Location at) throws IOException {
    String[] f = new String[3]; // RouteTableId, VpcId, OwnerId
    boolean[] main = new boolean[1];
    List<String> subnets = new ArrayList<>();
    List<String> gateways = new ArrayList<>();
    List<RouteTable.Route> routes = new ArrayList<>();
    in.requiredObject(at, name -> switch (name) {
      case "RouteTableId" -> set(f, 0, in.string(at, name));
      case "VpcId" -> set(f, 1, in.string(at, name));
      case "OwnerId" -> set(f, 2, in.string(at, name));
      case "Associations" -> {
        in.array(at.field(name), (i, el) -> association(in, el, main, subnets, gateways));
        yield true;
      }
      case "Routes" -> {
        in.array(at.field(name), (i, el) -> routes.add(route(in, el)));
        yield true;
      }
      default -> false;
    });
    RouteTable.Builder b = RouteTable.builder(at.field("RouteTableId").require(f[0]))
        .vpc(at.field("VpcId").require(f[1])).owner(f[2]).main(main[0]).subnets(subnets);
    gateways.forEach(b::gateway);
    routes.forEach(b::route);
    RouteTable table = at.build(b::build);
    return a -> a.routeTable(table, at);
  }

  /**
   * One {@code Associations[]} entry: {@code Main: true} makes the table the VPC's main one; otherwise it names a
   * subnet or (an edge association) a gateway. Only associations in force count ({@link AwsValues#associated}).
   */
  private static void association(JsonIn in, Location at, boolean[] main, List<String> subnets,
      List<String> gateways) throws IOException {
    String[] f = new String[3]; // SubnetId, GatewayId, AssociationState.State
    Boolean[] isMain = new Boolean[1];
    in.requiredObject(at, n -> switch (n) {
      case "SubnetId" -> set(f, 0, in.string(at, n));
      case "GatewayId" -> set(f, 1, in.string(at, n));
      case "AssociationState" -> set(f, 2, nested(in, at.field(n), "State"));
      case "Main" -> {
        isMain[0] = in.bool(at, n);
        yield true;
      }
      default -> false;
    });
    if (!AwsValues.associated(f[2])) {
      return;
    }
    if (Boolean.TRUE.equals(isMain[0])) {
      main[0] = true;
    }
    if (f[0] != null && !f[0].isBlank()) {
      subnets.add(f[0]);
    }
    if (f[1] != null && !f[1].isBlank()) {
      gateways.add(f[1]);
    }
  }

  private static RouteTable.Route route(JsonIn in, Location at) throws IOException {
    String[] f = new String[5]; // DestinationCidrBlock, DestinationIpv6CidrBlock, DestinationPrefixListId, State,
                                // Origin
    Map<String, String> targets = new LinkedHashMap<>();
    in.requiredObject(at, n -> {
      if (AwsValues.ROUTE_TARGET_FIELDS.contains(n)) {
        targets.put(n, in.string(at, n));
        return true;
      }
      return switch (n) {
        case "DestinationCidrBlock" -> set(f, 0, in.string(at, n));
        case "DestinationIpv6CidrBlock" -> set(f, 1, in.string(at, n));
        case "DestinationPrefixListId" -> set(f, 2, in.string(at, n));
        case "State" -> set(f, 3, in.string(at, n));
        case "Origin" -> set(f, 4, in.string(at, n));
        default -> false;
      };
    });
    return AwsValues.route(f[0], f[1], f[2], targets, f[3], f[4], at);
  }

  // ---------------------------------------------------------------- gateways and endpoints

  private static Consumer<NetworkAssembler> internetGateway(JsonIn in, Location at, boolean egressOnly)
      throws IOException {
    String idField = egressOnly ? "EgressOnlyInternetGatewayId" : "InternetGatewayId";
    String[] f = new String[2]; // id, OwnerId
    List<InternetGateway.Attachment> attachments = new ArrayList<>();
    in.requiredObject(at, name -> {
      if (name.equals(idField)) {
        return set(f, 0, in.string(at, name));
      }
      return switch (name) {
        case "OwnerId" -> set(f, 1, in.string(at, name));
        case "Attachments" -> {
          in.array(at.field(name), (i, el) -> {
            String[] v = new String[2];
            in.requiredObject(el, n -> switch (n) {
              case "VpcId" -> set(v, 0, in.string(el, n));
              case "State" -> set(v, 1, in.string(el, n));
              default -> false;
            });
            attachments.add(el.build(() -> new InternetGateway.Attachment(el.field("VpcId").require(v[0]), v[1])));
          });
          yield true;
        }
        default -> false;
      };
    });
    String id = at.field(idField).require(f[0]);
    InternetGateway gateway = at.build(() -> new InternetGateway(id, egressOnly, f[1],
        ImmutableList.copyOf(attachments)));
    return a -> a.internetGateway(gateway, at);
  }

  private static Consumer<NetworkAssembler> natGateway(JsonIn in, Location at) throws IOException {
    String[] f = new String[5]; // NatGatewayId, VpcId, SubnetId, State, ConnectivityType
    List<String[]> addresses = new ArrayList<>();
    List<Location> addressAt = new ArrayList<>();
    in.requiredObject(at, name -> switch (name) {
      case "NatGatewayId" -> set(f, 0, in.string(at, name));
      case "VpcId" -> set(f, 1, in.string(at, name));
      case "SubnetId" -> set(f, 2, in.string(at, name));
      case "State" -> set(f, 3, in.string(at, name));
      case "ConnectivityType" -> set(f, 4, in.string(at, name));
      case "NatGatewayAddresses" -> {
        in.array(at.field(name), (i, el) -> {
          String[] v = new String[3]; // PrivateIp, PublicIp, NetworkInterfaceId
          in.requiredObject(el, n -> switch (n) {
            case "PrivateIp" -> set(v, 0, in.string(el, n));
            case "PublicIp" -> set(v, 1, in.string(el, n));
            case "NetworkInterfaceId" -> set(v, 2, in.string(el, n));
            default -> false;
          });
          addresses.add(v);
          addressAt.add(el);
        });
        yield true;
      }
      default -> false;
    });
    String id = at.field("NatGatewayId").require(f[0]);
    String subnet = at.field("SubnetId").require(f[2]);
    boolean available = f[3] == null || f[3].trim().equalsIgnoreCase("available");
    List<NatGateway.Address> mapped = new ArrayList<>();
    for (int i = 0; i < addresses.size(); i++) {
      String[] v = addresses.get(i);
      Location el = addressAt.get(i);
      if (v[0] == null && !available) {
        continue; // a gateway being deleted or that failed may list addresses it no longer holds
      }
      Cidr privateIp = AwsValues.address(el.field("PrivateIp").require(v[0]), 4, el.field("PrivateIp"));
      Optional<Cidr> publicIp = v[1] == null ? Optional.empty()
          : Optional.of(AwsValues.address(v[1], 4, el.field("PublicIp")));
      mapped.add(el.build(() -> new NatGateway.Address(privateIp, publicIp, v[2])));
    }
    boolean isPrivate = f[4] != null && f[4].trim().equalsIgnoreCase("private");
    NatGateway gateway = at.build(() -> new NatGateway(id, f[1], subnet, f[3], isPrivate,
        ImmutableList.copyOf(mapped)));
    return a -> a.natGateway(gateway, at);
  }

  private static Consumer<NetworkAssembler> vpcEndpoint(JsonIn in, Location at) throws IOException {
    String[] f = new String[5]; // VpcEndpointId, VpcEndpointType, VpcId, ServiceName, State
    List<List<String>> lists = new ArrayList<>(List.of(List.of(), List.of(), List.of(), List.of()));
    in.requiredObject(at, name -> switch (name) {
      case "VpcEndpointId" -> set(f, 0, in.string(at, name));
      case "VpcEndpointType" -> set(f, 1, in.string(at, name));
      case "VpcId" -> set(f, 2, in.string(at, name));
      case "ServiceName" -> set(f, 3, in.string(at, name));
      case "State" -> set(f, 4, in.string(at, name));
      case "RouteTableIds" -> {
        lists.set(0, strings(in, at.field(name)));
        yield true;
      }
      case "SubnetIds" -> {
        lists.set(1, strings(in, at.field(name)));
        yield true;
      }
      case "NetworkInterfaceIds" -> {
        lists.set(2, strings(in, at.field(name)));
        yield true;
      }
      case "Groups" -> {
        List<String> groups = new ArrayList<>();
        in.array(at.field(name), (i, el) -> {
          String[] g = new String[1];
          in.requiredObject(el, n -> n.equals("GroupId") && set(g, 0, in.string(el, n)));
          groups.add(el.field("GroupId").require(g[0]));
        });
        lists.set(3, groups);
        yield true;
      }
      default -> false;
    });
    String id = at.field("VpcEndpointId").require(f[0]);
    VpcEndpoint.Type type = VpcEndpoint.Type.parse(at.field("VpcEndpointType").require(f[1]));
    VpcEndpoint endpoint = at.build(() -> new VpcEndpoint(id, type, f[2], f[3], f[4],
        ImmutableList.copyOf(lists.get(0)), ImmutableList.copyOf(lists.get(1)), ImmutableList.copyOf(lists.get(2)),
        ImmutableList.copyOf(lists.get(3))));
    return a -> a.vpcEndpoint(endpoint, at);
  }

  // ---------------------------------------------------------------- transit gateways

  private static Consumer<NetworkAssembler> transitGateway(JsonIn in, Location at) throws IOException {
    String[] f = new String[4]; // TransitGatewayId, OwnerId, State, Options.SecurityGroupReferencingSupport
    in.requiredObject(at, name -> switch (name) {
      case "TransitGatewayId" -> set(f, 0, in.string(at, name));
      case "OwnerId" -> set(f, 1, in.string(at, name));
      case "State" -> set(f, 2, in.string(at, name));
      case "Options" -> set(f, 3, nested(in, at.field(name), "SecurityGroupReferencingSupport"));
      default -> false;
    });
    String id = at.field("TransitGatewayId").require(f[0]);
    Optional<Boolean> sgReferencing = Optional.ofNullable(f[3]).map(AwsValues::enabled);
    return a -> a.transitGateway(id, f[1], f[2], sgReferencing, at);
  }

  private static Consumer<NetworkAssembler> transitGatewayAttachment(JsonIn in, Location at) throws IOException {
    // TransitGatewayAttachmentId, TransitGatewayId, TransitGatewayOwnerId, ResourceType, ResourceId, ResourceOwnerId,
    // State, Association.TransitGatewayRouteTableId, Association.State
    String[] f = new String[9];
    in.requiredObject(at, name -> switch (name) {
      case "TransitGatewayAttachmentId" -> set(f, 0, in.string(at, name));
      case "TransitGatewayId" -> set(f, 1, in.string(at, name));
      case "TransitGatewayOwnerId" -> set(f, 2, in.string(at, name));
      case "ResourceType" -> set(f, 3, in.string(at, name));
      case "ResourceId" -> set(f, 4, in.string(at, name));
      case "ResourceOwnerId" -> set(f, 5, in.string(at, name));
      case "State" -> set(f, 6, in.string(at, name));
      case "Association" -> {
        Location a = at.field(name);
        in.object(a, n -> switch (n) {
          case "TransitGatewayRouteTableId" -> set(f, 7, in.string(a, n));
          case "State" -> set(f, 8, in.string(a, n));
          default -> false;
        });
        yield true;
      }
      default -> false;
    });
    String id = at.field("TransitGatewayAttachmentId").require(f[0]);
    String gateway = at.field("TransitGatewayId").require(f[1]);
    Optional<String> table = AwsValues.associated(f[8]) ? Optional.ofNullable(f[7]) : Optional.empty();
    TransitGateway.Attachment attachment = at.build(() -> new TransitGateway.Attachment(id, f[3], f[4], f[5], f[6],
        table, ImmutableList.of(), false, Optional.empty(), Optional.empty()));
    return a -> a.transitGatewayAttachment(gateway, f[2], attachment, at);
  }

  private static Consumer<NetworkAssembler> transitGatewayVpcAttachment(JsonIn in, Location at) throws IOException {
    // TransitGatewayAttachmentId, TransitGatewayId, VpcId, VpcOwnerId, State, Options.Ipv6Support,
    // Options.SecurityGroupReferencingSupport, Options.ApplianceModeSupport
    String[] f = new String[8];
    List<List<String>> subnets = new ArrayList<>(List.of(List.of()));
    in.requiredObject(at, name -> switch (name) {
      case "TransitGatewayAttachmentId" -> set(f, 0, in.string(at, name));
      case "TransitGatewayId" -> set(f, 1, in.string(at, name));
      case "VpcId" -> set(f, 2, in.string(at, name));
      case "VpcOwnerId" -> set(f, 3, in.string(at, name));
      case "State" -> set(f, 4, in.string(at, name));
      case "SubnetIds" -> {
        subnets.set(0, strings(in, at.field(name)));
        yield true;
      }
      case "Options" -> {
        Location o = at.field(name);
        in.object(o, n -> switch (n) {
          case "Ipv6Support" -> set(f, 5, in.string(o, n));
          case "SecurityGroupReferencingSupport" -> set(f, 6, in.string(o, n));
          case "ApplianceModeSupport" -> set(f, 7, in.string(o, n));
          default -> false;
        });
        yield true;
      }
      default -> false;
    });
    String id = at.field("TransitGatewayAttachmentId").require(f[0]);
    String gateway = at.field("TransitGatewayId").require(f[1]);
    String vpc = at.field("VpcId").require(f[2]);
    TransitGateway.Attachment attachment = at.build(() -> new TransitGateway.Attachment(id, "vpc", vpc, f[3], f[4],
        Optional.empty(), ImmutableList.copyOf(subnets.get(0)), AwsValues.enabled(f[5]),
        Optional.ofNullable(f[6]).map(AwsValues::enabled), Optional.ofNullable(f[7]).map(AwsValues::enabled)));
    return a -> a.transitGatewayVpcAttachment(gateway, attachment, at);
  }

  private static Consumer<NetworkAssembler> transitGatewayRouteTable(JsonIn in, Location at) throws IOException {
    String[] f = new String[3]; // TransitGatewayRouteTableId, TransitGatewayId, State
    in.requiredObject(at, name -> switch (name) {
      case "TransitGatewayRouteTableId" -> set(f, 0, in.string(at, name));
      case "TransitGatewayId" -> set(f, 1, in.string(at, name));
      case "State" -> set(f, 2, in.string(at, name));
      default -> false;
    });
    String id = at.field("TransitGatewayRouteTableId").require(f[0]);
    String gateway = at.field("TransitGatewayId").require(f[1]);
    return a -> a.transitGatewayRouteTable(gateway, id, f[2], at);
  }

  /** One propagation: its attachment when it is in force, else null. */
  private static String propagation(JsonIn in, Location at) throws IOException {
    String[] f = new String[2]; // TransitGatewayAttachmentId, State
    in.requiredObject(at, n -> switch (n) {
      case "TransitGatewayAttachmentId" -> set(f, 0, in.string(at, n));
      case "State" -> set(f, 1, in.string(at, n));
      default -> false;
    });
    String attachment = at.field("TransitGatewayAttachmentId").require(f[0]);
    return AwsValues.propagationEnabled(f[1]) ? attachment : null;
  }

  /**
   * One route of search-transit-gateway-routes as read: the route when it carries traffic, or why the table's routes
   * cannot all be known (a route to a prefix list), or neither (a route not in force, or of the other type).
   */
  private record RouteRead(TransitGateway.Route route, String unknown, Location at) {
    Consumer<NetworkAssembler> into(String tableId, boolean propagated) {
      if (route != null) {
        return a -> a.transitGatewayRoute(tableId, route, at);
      }
      if (unknown != null) {
        return a -> a.transitGatewayRouteUnknown(tableId, propagated, unknown, at);
      }
      return a -> {};
    }
  }

  private static RouteRead transitGatewayRoute(JsonIn in, Location at, boolean propagatedFile) throws IOException {
    String[] f = new String[4]; // DestinationCidrBlock, PrefixListId, Type, State
    List<String> attachments = new ArrayList<>();
    in.requiredObject(at, n -> switch (n) {
      case "DestinationCidrBlock" -> set(f, 0, in.string(at, n));
      case "PrefixListId" -> set(f, 1, in.string(at, n));
      case "Type" -> set(f, 2, in.string(at, n));
      case "State" -> set(f, 3, in.string(at, n));
      case "TransitGatewayAttachments" -> {
        in.array(at.field(n), (i, el) -> {
          String[] id = new String[1];
          in.requiredObject(el, x -> x.equals("TransitGatewayAttachmentId") && set(id, 0, in.string(el, x)));
          attachments.add(el.field("TransitGatewayAttachmentId").require(id[0]));
        });
        yield true;
      }
      default -> false;
    });
    if (AwsValues.isPrefixListRoute(f[0], f[1])) {
      return new RouteRead(null, "a route to prefix list " + f[1], at);
    }
    String type = f[2] == null ? (propagatedFile ? "propagated" : "static") : f[2];
    if (type.trim().equalsIgnoreCase("propagated") != propagatedFile) {
      return new RouteRead(null, null, at); // a route of the other type: this response is not its home
    }
    return new RouteRead(AwsValues.transitGatewayRoute(f[0], attachments, type, f[3], at).orElse(null), null, at);
  }

  /** One table of Batfish's {@code TransitGatewayPropagations.json}. */
  private static Consumer<NetworkAssembler> batfishPropagations(JsonIn in, Location at) throws IOException {
    String[] table = new String[1];
    List<String> attachments = new ArrayList<>();
    List<Location> where = new ArrayList<>();
    in.requiredObject(at, n -> switch (n) {
      case "TransitGatewayRouteTableId" -> set(table, 0, in.string(at, n));
      case "TransitGatewayRouteTablePropagations" -> {
        in.array(at.field(n), (i, el) -> {
          String a = propagation(in, el);
          if (a != null) {
            attachments.add(a);
            where.add(el);
          }
        });
        yield true;
      }
      default -> false;
    });
    String tableId = at.field("TransitGatewayRouteTableId").require(table[0]);
    return a -> {
      for (int i = 0; i < attachments.size(); i++) {
        a.transitGatewayPropagation(tableId, attachments.get(i), where.get(i));
      }
      a.transitGatewayPropagationsRead(tableId, at);
    };
  }

  /** One table of Batfish's {@code TransitGatewayStaticRoutes.json}. */
  private static Consumer<NetworkAssembler> batfishStaticRoutes(JsonIn in, Location at) throws IOException {
    String[] table = new String[1];
    Boolean[] more = new Boolean[1];
    List<RouteRead> routes = new ArrayList<>();
    in.requiredObject(at, n -> switch (n) {
      case "TransitGatewayRouteTableId" -> set(table, 0, in.string(at, n));
      case "AdditionalRoutesAvailable" -> {
        more[0] = in.bool(at, n);
        yield true;
      }
      case "Routes" -> {
        in.array(at.field(n), (i, el) -> routes.add(transitGatewayRoute(in, el, false)));
        yield true;
      }
      default -> false;
    });
    String tableId = at.field("TransitGatewayRouteTableId").require(table[0]);
    boolean complete = !Boolean.TRUE.equals(more[0]);
    return a -> {
      routes.forEach(r -> r.into(tableId, false).accept(a));
      a.transitGatewayRoutesRead(tableId, false, complete, at);
    };
  }
}
