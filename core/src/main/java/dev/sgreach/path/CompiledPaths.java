package dev.sgreach.path;

import dev.sgreach.model.Cidr;
import dev.sgreach.model.InternetGateway;
import dev.sgreach.model.Layer;
import dev.sgreach.model.NatGateway;
import dev.sgreach.model.Network;
import dev.sgreach.model.NetworkAcl;
import dev.sgreach.model.NetworkInterface;
import dev.sgreach.model.RouteTable;
import dev.sgreach.model.RouteTarget;
import dev.sgreach.model.Subnet;
import dev.sgreach.model.TransitGateway;
import dev.sgreach.model.Vpc;
import dev.sgreach.model.VpcEndpoint;
import dev.sgreach.model.VpcPeering;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@link Network}'s path data compiled once: subnets and VPCs interned to ints, each subnet's network ACL and route
 * table resolved (explicit association, else the VPC's default ACL or main table), ACLs and route tables compiled for
 * evaluation, each VPC's subnets sorted for "which subnet holds this address", public addresses mapped to what owns
 * them, and transit gateway route tables compiled. Immutable after construction, so safe to share between threads.
 *
 * <p>Subnets that the snapshot only names (an ENI's {@code SubnetId}, an ACL or route-table association, a NAT
 * gateway's subnet) get an entry too, so their ACL and route table resolve even when {@code describe-subnets} was not
 * collected; only "which subnet holds this address" needs the subnets' blocks.
 */
final class CompiledPaths {
  /** {@link #subnetHolding}: the VPC's subnets are known and none holds the address. */
  static final int NO_SUBNET = -1;
  /** {@link #subnetHolding}: the snapshot cannot tell which subnet holds the address. */
  static final int UNKNOWN_SUBNET = -3;
  /** A subnet's ACL or route table: not in the snapshot. */
  static final int MISSING = -1;
  /** A subnet's ACL or route table: more than one claims it. */
  static final int AMBIGUOUS = -2;
  /** {@link #vpcContaining}: several VPCs' blocks hold the address. */
  static final int SEVERAL = -2;

  final Network network;
  final boolean acls;
  final boolean routes;

  final SubnetInfo[] subnets;
  private final Map<String, Integer> subnetIndex = new HashMap<>();
  final VpcInfo[] vpcs;
  private final Map<String, Integer> vpcIndex = new HashMap<>();
  final AclTable[] aclTables;
  /**
   * Every ACL's entry rows per direction and family, at {@code acl * 4 + }{@link AclTable#rowsSlot}: the fast walk's
   * ACL check reads the rows straight from here (one load fewer per table, direction and family than through
   * {@link #aclTables}; on a region those are cache misses).
   */
  final long[][] aclRows;
  final RouteLookup[] routeTables;
  private final Map<String, RouteLookup> edgeTables = new HashMap<>();
  /** The transit gateways compiled; every route to one knows it ({@link RouteLookup#transitGateway}). */
  TransitGateways transitGateways;
  private final Map<Cidr, PublicOwner> publicOwners = new HashMap<>();
  private final Map<Cidr, List<NatGateway>> natByPrivate = new HashMap<>();
  /** The ENIs holding each private address, with their VPC and subnet. */
  private final Map<Cidr, EniInfo[]> enisByAddress = new HashMap<>();
  private final List<NetworkInterface> enisWithPrefixes = new ArrayList<>();
  /** Every ENI of the snapshot, by identity, with its VPC and subnet: asked on every walk, so no string is hashed. */
  private final java.util.IdentityHashMap<NetworkInterface, EniInfo> eniInfo = new java.util.IdentityHashMap<>();
  private final Map<Cidr, Integer> resolvers = new HashMap<>();
  /**
   * The last bytes of the {@link #resolvers}' addresses: an address whose last byte is not among them is no VPC's
   * resolver, known without hashing it (every packet of a walk is asked about).
   */
  private final boolean[] resolverLastByte = new boolean[256];

  /** One subnet: its VPC, zone, and the indexes of its ACL and route table (or {@link #MISSING}, {@link #AMBIGUOUS}). */
  static final class SubnetInfo {
    final String id;
    final Subnet subnet;
    int vpc;
    String zoneId = "";
    String zoneName = "";
    int acl = MISSING;
    int routeTable = MISSING;
    /** True when a NAT gateway of the snapshot names this subnet ({@link #natAt} looks no further otherwise). */
    boolean hasNatGateway;

    SubnetInfo(String id, Subnet subnet) {
      this.id = id;
      this.subnet = subnet;
    }
  }

  /** One VPC: its blocks, its subnets sorted by first address, and its gateways to the internet. */
  static final class VpcInfo {
    final String id;
    final List<Cidr> blocks = new ArrayList<>();
    /** Subnet blocks sorted by network address, with the subnet index of each. */
    Cidr[] subnetBlocks = new Cidr[0];
    int[] subnetOfBlock = new int[0];
    boolean hasSubnetData;
    /** Attached internet gateways (not egress-only), from the data or else from active routes to them. */
    final List<String> internetGateways = new ArrayList<>();
    final List<String> egressOnlyGateways = new ArrayList<>();
    /** The Route 53 Resolver's address in the VPC: its primary IPv4 block's base plus two; null when unknown. */
    Cidr dnsAddress;
    /** True when some route table of the VPC sends something to a gateway whose far side the snapshot lacks. */
    boolean hasExternalWayIn;

    VpcInfo(String id) {
      this.id = id;
    }
  }

  /**
   * One ENI of the snapshot compiled: its VPC and subnet indexes ({@code -1} when it names none), the client ports
   * AWS documents for its kind ({@link ClientPorts#defaultFor}), and whether it alone holds each of its private
   * addresses in its VPC. Fixed once the compiled network is made.
   */
  static final class EniInfo {
    /** The compiled network these facts belong to. */
    final CompiledPaths owner;
    final NetworkInterface eni;
    final int vpc;
    final int subnet;
    final ClientPorts clientPorts;
    /**
     * No other ENI of its VPC holds one of its private addresses; set while the network is compiled. A thread that
     * found these facts through a path end's unsynchronised field ({@link PathEnd#compiledIn}) sees the final fields
     * as built; should it ever see this flag or the next one unset, that only means "look the address up".
     */
    private boolean soleHolder;
    /** No other ENI of the snapshot, in any VPC, holds one of its private addresses; set with {@link #soleHolder}. */
    private boolean onlyHolder;

    EniInfo(CompiledPaths owner, NetworkInterface eni, int vpc, int subnet) {
      this.owner = owner;
      this.eni = eni;
      this.vpc = vpc;
      this.subnet = subnet;
      this.clientPorts = ClientPorts.defaultFor(eni);
    }

    NetworkInterface eni() {
      return eni;
    }

    int vpc() {
      return vpc;
    }

    int subnet() {
      return subnet;
    }

    ClientPorts clientPorts() {
      return clientPorts;
    }

    /**
     * What {@link CompiledPaths#subnetHolding}{@code (v, a)} gives for an address of this ENI, as far as that is known
     * without looking the address up, when {@code a} is one of its private addresses (known without reading its lists
     * when it is the address of {@code end}, this ENI's end of the walk): this ENI's subnet when it alone holds the
     * address in its VPC and {@code v} is that VPC; {@link #NO_HOLDER_IN_VPC} when {@code v} is another VPC and no
     * other ENI of the snapshot holds the address (the subnet is then found by the VPC's subnet blocks alone); else
     * {@link #LOOK_IT_UP}.
     */
    int ownSubnet(int v, Cidr a, PathEnd end) {
      if (!(v == vpc ? soleHolder && subnet >= 0 : onlyHolder && v >= 0)) {
        return LOOK_IT_UP;
      }
      if (!(a.equals(end.address()) && end.isPrivateAddress() || eni.privateIpv4().contains(a)
          || eni.ipv6().contains(a))) {
        return LOOK_IT_UP;
      }
      return v == vpc ? subnet : NO_HOLDER_IN_VPC;
    }
  }

  /** {@link EniInfo#ownSubnet}: nothing known without looking the address up. */
  static final int LOOK_IT_UP = Integer.MIN_VALUE;
  /** {@link EniInfo#ownSubnet}: no ENI of the VPC asked about holds the address. */
  static final int NO_HOLDER_IN_VPC = Integer.MIN_VALUE + 1;

  /** Who owns a public IPv4 address (or an ENI's IPv6 address): an ENI with its private address, or a NAT gateway. */
  record PublicOwner(NetworkInterface eni, NatGateway nat, Cidr privateAddress, int vpc, int subnet, boolean ambiguous) {}

  CompiledPaths(Network network, java.util.Set<Layer> wanted) {
    this.network = network;
    this.acls = network.covers(Layer.NETWORK_ACLS) && wanted.contains(Layer.NETWORK_ACLS);
    this.routes = network.covers(Layer.ROUTES) && wanted.contains(Layer.ROUTES);
    Map<String, SubnetInfo> subnetMap = new LinkedHashMap<>();
    Map<String, VpcInfo> vpcMap = new LinkedHashMap<>();
    collectVpcsAndSubnets(vpcMap, subnetMap);
    this.vpcs = vpcMap.values().toArray(new VpcInfo[0]);
    for (int i = 0; i < vpcs.length; i++) {
      vpcIndex.put(vpcs[i].id, i);
      if (vpcs[i].dnsAddress != null) {
        resolvers.putIfAbsent(vpcs[i].dnsAddress, i);
        resolverLastByte[(int) (vpcs[i].dnsAddress.low() & 0xFF)] = true;
      }
    }
    this.subnets = subnetMap.values().toArray(new SubnetInfo[0]);
    Map<String, String> zones = new HashMap<>();
    for (int i = 0; i < subnets.length; i++) {
      subnetIndex.put(subnets[i].id, i);
      // one string per zone, so that comparing two subnets' zones is mostly a comparison of references
      subnets[i].zoneId = zones.computeIfAbsent(subnets[i].zoneId, z -> z);
      subnets[i].zoneName = zones.computeIfAbsent(subnets[i].zoneName, z -> z);
    }
    this.aclTables = network.networkAcls().values().stream().map(AclTable::new).toArray(AclTable[]::new);
    this.aclRows = new long[aclTables.length * 4][];
    for (int i = 0; i < aclTables.length; i++) {
      for (boolean egress : new boolean[] {false, true}) {
        for (int family : new int[] {4, 6}) {
          aclRows[i * 4 + AclTable.rowsSlot(egress, family)] = aclTables[i].rows(egress, family);
        }
      }
    }
    this.routeTables = network.routeTables().values().stream()
        .map(t -> new RouteLookup(t, network.prefixLists())).toArray(RouteLookup[]::new);
    resolveSubnets();
    sortSubnetBlocks();
    flattenVpcBlocks();
    resolveGateways();
    compileTransitGateways();
    mapPublicAddresses();
  }

  private VpcInfo vpc(Map<String, VpcInfo> vpcMap, String id) {
    return vpcMap.computeIfAbsent(id, VpcInfo::new);
  }

  private void collectVpcsAndSubnets(Map<String, VpcInfo> vpcMap, Map<String, SubnetInfo> subnetMap) {
    for (Vpc v : network.vpcs().values()) {
      VpcInfo info = vpc(vpcMap, v.id());
      info.blocks.addAll(v.cidrs());
      for (Cidr c : v.cidrs()) {
        if (c.isIpv4()) {
          info.dnsAddress = plus(c, 2);
          break;
        }
      }
    }
    for (Subnet s : network.subnets().values()) {
      vpc(vpcMap, s.vpcId());
      SubnetInfo info = new SubnetInfo(s.id(), s);
      info.zoneId = s.availabilityZoneId();
      info.zoneName = s.availabilityZone();
      subnetMap.put(s.id(), info);
    }
    // subnets and VPCs the snapshot only names
    for (NetworkInterface e : network.interfaces().values()) {
      if (!e.vpcId().isEmpty()) {
        vpc(vpcMap, e.vpcId());
      }
    }
    for (NetworkAcl a : network.networkAcls().values()) {
      vpc(vpcMap, a.vpcId());
    }
    for (RouteTable t : network.routeTables().values()) {
      vpc(vpcMap, t.vpcId());
    }
    for (NatGateway n : network.natGateways().values()) {
      if (!n.vpcId().isEmpty()) {
        vpc(vpcMap, n.vpcId());
      }
    }
    List<String> order = new ArrayList<>(vpcMap.keySet());
    Map<String, Integer> vpcPos = new HashMap<>();
    for (int i = 0; i < order.size(); i++) {
      vpcPos.put(order.get(i), i);
    }
    for (SubnetInfo s : subnetMap.values()) {
      s.vpc = vpcPos.get(s.subnet.vpcId());
      vpcMap.get(s.subnet.vpcId()).hasSubnetData = true;
    }
    for (NetworkInterface e : network.interfaces().values()) {
      stubNamed(subnetMap, vpcPos, e.subnetId(), e.vpcId(), e.availabilityZone());
    }
    for (NetworkAcl a : network.networkAcls().values()) {
      for (String s : a.subnetIds()) {
        stubNamed(subnetMap, vpcPos, s, a.vpcId(), "");
      }
    }
    for (RouteTable t : network.routeTables().values()) {
      for (String s : t.subnetIds()) {
        stubNamed(subnetMap, vpcPos, s, t.vpcId(), "");
      }
    }
    for (NatGateway n : network.natGateways().values()) {
      stubNamed(subnetMap, vpcPos, n.subnetId(), n.vpcId(), "");
    }
    for (VpcEndpoint e : network.vpcEndpoints().values()) {
      for (String s : e.subnetIds()) {
        stubNamed(subnetMap, vpcPos, s, e.vpcId(), "");
      }
    }
    for (TransitGateway g : network.transitGateways().values()) {
      for (TransitGateway.Attachment a : g.attachments()) {
        if (a.isVpc()) {
          for (String s : a.subnetIds()) {
            stubNamed(subnetMap, vpcPos, s, a.resourceId(), "");
          }
        }
      }
    }
  }

  private static void stubNamed(Map<String, SubnetInfo> subnetMap, Map<String, Integer> vpcPos, String subnetId,
      String vpcId, String zone) {
    if (subnetId == null || subnetId.isEmpty()) {
      return;
    }
    SubnetInfo s = subnetMap.get(subnetId);
    if (s == null) {
      s = new SubnetInfo(subnetId, null);
      Integer v = vpcPos.get(vpcId);
      s.vpc = v == null ? -1 : v;
      subnetMap.put(subnetId, s);
    } else if (s.vpc < 0) {
      Integer v = vpcPos.get(vpcId);
      s.vpc = v == null ? -1 : v;
    }
    if (s.subnet == null && s.zoneName.isEmpty() && zone != null) {
      s.zoneName = zone;
    }
  }

  /** Each subnet's ACL and route table: the explicit association, else the VPC's default ACL or main table. */
  private void resolveSubnets() {
    Map<String, List<Integer>> explicitAcl = new HashMap<>();
    Map<String, List<Integer>> defaultAcl = new HashMap<>();
    NetworkAcl[] acls = network.networkAcls().values().toArray(new NetworkAcl[0]);
    for (int i = 0; i < acls.length; i++) {
      for (String s : acls[i].subnetIds()) {
        explicitAcl.computeIfAbsent(s, k -> new ArrayList<>()).add(i);
      }
      if (acls[i].isDefault()) {
        defaultAcl.computeIfAbsent(acls[i].vpcId(), k -> new ArrayList<>()).add(i);
      }
    }
    Map<String, List<Integer>> explicitTable = new HashMap<>();
    Map<String, List<Integer>> mainTable = new HashMap<>();
    RouteTable[] tables = network.routeTables().values().toArray(new RouteTable[0]);
    for (int i = 0; i < tables.length; i++) {
      for (String s : tables[i].subnetIds()) {
        explicitTable.computeIfAbsent(s, k -> new ArrayList<>()).add(i);
      }
      if (tables[i].main()) {
        mainTable.computeIfAbsent(tables[i].vpcId(), k -> new ArrayList<>()).add(i);
      }
      for (String g : tables[i].gatewayIds()) {
        edgeTables.put(g, routeTables[i]);
      }
    }
    for (SubnetInfo s : subnets) {
      String vpcId = s.vpc < 0 ? "" : vpcs[s.vpc].id;
      s.acl = pick(explicitAcl.get(s.id), defaultAcl.get(vpcId));
      s.routeTable = pick(explicitTable.get(s.id), mainTable.get(vpcId));
    }
  }

  private static int pick(List<Integer> explicit, List<Integer> fallback) {
    List<Integer> from = explicit != null ? explicit : fallback;
    if (from == null || from.isEmpty()) {
      return MISSING;
    }
    return from.size() == 1 ? from.get(0) : AMBIGUOUS;
  }

  private void sortSubnetBlocks() {
    Map<Integer, List<Integer>> byVpc = new HashMap<>();
    for (int i = 0; i < subnets.length; i++) {
      if (subnets[i].subnet != null && subnets[i].vpc >= 0) {
        byVpc.computeIfAbsent(subnets[i].vpc, k -> new ArrayList<>()).add(i);
      }
    }
    for (Map.Entry<Integer, List<Integer>> e : byVpc.entrySet()) {
      List<Object[]> blocks = new ArrayList<>();
      for (int s : e.getValue()) {
        for (Cidr c : subnets[s].subnet.cidrs()) {
          blocks.add(new Object[] {c, s});
        }
      }
      blocks.sort(Comparator.comparing(o -> (Cidr) o[0]));
      VpcInfo v = vpcs[e.getKey()];
      v.subnetBlocks = blocks.stream().map(o -> (Cidr) o[0]).toArray(Cidr[]::new);
      v.subnetOfBlock = blocks.stream().mapToInt(o -> (Integer) o[1]).toArray();
    }
  }

  private void resolveGateways() {
    for (InternetGateway g : network.internetGateways().values()) {
      for (InternetGateway.Attachment a : g.attachments()) {
        Integer v = vpcIndex.get(a.vpcId());
        if (v != null && a.isAttached()) {
          (g.egressOnly() ? vpcs[v].egressOnlyGateways : vpcs[v].internetGateways).add(g.id());
        }
      }
    }
    for (RouteLookup t : routeTables) {
      Integer v = vpcIndex.get(t.table.vpcId());
      if (v == null) {
        continue;
      }
      for (RouteTable.Route r : t.table.routes()) {
        RouteTarget.Kind k = r.target().kind();
        if (k == RouteTarget.Kind.INTERNET_GATEWAY && r.state() == RouteTable.State.ACTIVE
            && !network.internetGateways().containsKey(r.target().id())
            && !vpcs[v].internetGateways.contains(r.target().id())) {
          vpcs[v].internetGateways.add(r.target().id()); // an active route proves the attachment
        }
        if (k == RouteTarget.Kind.VIRTUAL_PRIVATE_GATEWAY || k == RouteTarget.Kind.TRANSIT_GATEWAY
            || k == RouteTarget.Kind.VPC_PEERING || k == RouteTarget.Kind.LOCAL_GATEWAY
            || k == RouteTarget.Kind.CORE_NETWORK || k == RouteTarget.Kind.CARRIER_GATEWAY) {
          vpcs[v].hasExternalWayIn = true;
        }
      }
    }
    for (NatGateway n : network.natGateways().values()) {
      int at = subnetIndex(n.subnetId());
      if (at >= 0) {
        subnets[at].hasNatGateway = true;
      }
      for (NatGateway.Address a : n.addresses()) {
        natByPrivate.computeIfAbsent(a.privateIp(), k -> new ArrayList<>(1)).add(n);
      }
    }
    for (NetworkInterface e : network.interfaces().values()) {
      EniInfo info = new EniInfo(this, e, vpcIndex(e.vpcId()), subnetIndex(e.subnetId()));
      eniInfo.put(e, info);
      for (Cidr a : e.privateAddresses()) {
        EniInfo[] held = enisByAddress.get(a);
        if (held == null) {
          enisByAddress.put(a, new EniInfo[] {info});
        } else {
          EniInfo[] more = java.util.Arrays.copyOf(held, held.length + 1);
          more[held.length] = info;
          enisByAddress.put(a, more);
        }
      }
      if (!e.prefixes().isEmpty()) {
        enisWithPrefixes.add(e);
      }
    }
    for (EniInfo info : eniInfo.values()) {
      // the first holder of an address in a VPC is what a lookup finds; alone, it is also the only one there
      info.soleHolder = info.eni.privateAddresses().stream().allMatch(a -> holderIn(info.vpc, a) == info
          && java.util.Arrays.stream(enisByAddress.get(a)).filter(o -> o.vpc == info.vpc).count() == 1);
      info.onlyHolder = info.eni.privateAddresses().stream().allMatch(a -> enisByAddress.get(a).length == 1);
    }
  }

  private void compileTransitGateways() {
    transitGateways = new TransitGateways(network, this);
    for (RouteLookup t : routeTables) {
      t.resolveTransitGateways(transitGateways);
    }
  }

  private void mapPublicAddresses() {
    for (NetworkInterface e : network.interfaces().values()) {
      int v = vpcIndex(e.vpcId());
      int s = subnetIndex(e.subnetId());
      for (Cidr pub : e.publicIpv4()) {
        Cidr priv = privateFor(e, pub);
        publicOwners.putIfAbsent(pub, new PublicOwner(e, null, priv, v, s, priv == null));
      }
    }
    for (NatGateway n : network.natGateways().values()) {
      for (NatGateway.Address a : n.addresses()) {
        a.publicIp().ifPresent(pub -> publicOwners.putIfAbsent(pub, new PublicOwner(null, n, a.privateIp(),
            vpcIndex(n.vpcId().isEmpty() ? subnetVpcId(n.subnetId()) : n.vpcId()), subnetIndex(n.subnetId()),
            false)));
      }
    }
  }

  private String subnetVpcId(String subnetId) {
    int s = subnetIndex(subnetId);
    return s < 0 || subnets[s].vpc < 0 ? "" : vpcs[subnets[s].vpc].id;
  }

  // ------------------------------------------------------------------------------------------------ translation

  /** See {@link PacketPaths#mayTranslateSource}. */
  boolean mayTranslateSource(PathEnd from, Cidr dst) {
    if (!routes || from.isOutside()) {
      return false; // without routes no gateway is met; a packet from outside keeps its source
    }
    if (vpcContaining(dst) == -1) {
      return true;
    }
    int s = subnetOf(from);
    if (s < 0 || subnets[s].routeTable < 0) {
      return true;
    }
    RouteLookup rt = routeTables[subnets[s].routeTable];
    int i = rt.lookup(dst);
    return i == RouteLookup.UNDECIDED || i >= 0 && rt.route(i).target().kind() == RouteTarget.Kind.NAT_GATEWAY;
  }

  // ------------------------------------------------------------------------------------------------ keys

  private final Map<Integer, int[]> keyBoundaries = new java.util.concurrent.ConcurrentHashMap<>();

  /** See {@link PacketPaths#keyBoundaries}: computed once per protocol. */
  int[] keyBoundaries(int protocol) {
    boolean ports = protocol == 6 || protocol == 17;
    boolean icmp = protocol == 1 || protocol == 58;
    if (!ports && !icmp) {
      return new int[0];
    }
    return keyBoundaries.computeIfAbsent(protocol, p -> boundaries(p, network.networkAcls().values()));
  }

  /**
   * {@link #keyBoundaries(int)} for packets from the internet to {@code destination} and their replies: they meet
   * only the ACL of the destination's subnet (all ACLs when that is not known).
   */
  int[] keyBoundariesFromInternet(int protocol, PathEnd destination) {
    int s = subnetOf(destination);
    if (s < 0 || subnets[s].acl < 0 || !(protocol == 6 || protocol == 17 || protocol == 1 || protocol == 58)) {
      return keyBoundaries(protocol);
    }
    int acl = subnets[s].acl;
    return aclKeyBoundaries.computeIfAbsent(acl * 256 + protocol, k -> boundaries(protocol,
        List.of(aclTables[acl].acl)));
  }

  /** {@link #keyBoundariesFromInternet} per ACL (by index * 256 + protocol): computed once for each. */
  private final Map<Integer, int[]> aclKeyBoundaries = new java.util.concurrent.ConcurrentHashMap<>();

  private static int[] boundaries(int p, java.util.Collection<NetworkAcl> acls) {
    boolean ports = p == 6 || p == 17;
    {
      java.util.TreeSet<Integer> b = new java.util.TreeSet<>();
      b.add(0);
      for (NetworkAcl acl : acls) {
        for (NetworkAcl.Entry e : acl.entries()) {
          if (e.ports().protocol().number() == p) {
            b.add(e.ports().keys().lowerEndpoint());
            b.add(e.ports().keys().upperEndpoint() + 1);
          }
        }
      }
      if (ports) {
        b.add(53); // Exemptions: DNS to the Resolver
        b.add(54);
        if (p == 6) {
          b.add(80); // Exemptions: instance metadata
          b.add(81);
        }
      } else {
        // each request type that has a reply (echo among them, which gateway endpoints take) is a segment of its own
        for (int type = 0; type < 256; type++) {
          if (Walk.replyIcmpType(p, type) >= 0) {
            b.add(type * 256);
            b.add(type * 256 + 256);
          }
        }
      }
      b.remove(65536);
      return b.stream().mapToInt(Integer::intValue).toArray();
    }
  }

  // ------------------------------------------------------------------------------------------------ internet sources

  private static final java.math.BigInteger TWO_64 = java.math.BigInteger.ONE.shiftLeft(64);

  /** See {@link PacketPaths#internetSources}. */
  List<Cidr> internetSources(PathEnd destination, java.util.Collection<Cidr> alsoApart) {
    if (alsoApart.isEmpty()) { // the pieces then depend on the destination's subnet and family alone
      int s = subnetOf(destination);
      return internetPieces.computeIfAbsent(s * 2 + (destination.address().isIpv4() ? 0 : 1),
          k -> List.copyOf(cutInternet(destination, alsoApart)));
    }
    return cutInternet(destination, alsoApart);
  }

  /** {@link #internetSources} without blocks of the caller's, per subnet ({@code * 2}, + 1 for IPv6). */
  private final Map<Integer, List<Cidr>> internetPieces = new java.util.concurrent.ConcurrentHashMap<>();

  private List<Cidr> cutInternet(PathEnd destination, java.util.Collection<Cidr> alsoApart) {
    int family = destination.address().family();
    List<Cidr> blocks = new ArrayList<>(alsoApart);
    int s = subnetOf(destination);
    if (s >= 0) {
      SubnetInfo si = subnets[s];
      if (si.acl >= 0) {
        aclTables[si.acl].acl.entries().forEach(e -> blocks.add(e.cidr()));
      }
      if (si.routeTable >= 0) {
        routeBlocks(routeTables[si.routeTable].table, blocks);
      }
      if (si.vpc >= 0) {
        for (String g : vpcs[si.vpc].internetGateways) {
          RouteLookup edge = edgeTables.get(g);
          if (edge != null) {
            routeBlocks(edge.table, blocks);
          }
        }
      }
    }
    java.util.TreeSet<java.math.BigInteger> cuts = new java.util.TreeSet<>();
    cuts.add(java.math.BigInteger.ZERO);
    java.math.BigInteger end = java.math.BigInteger.ONE.shiftLeft(family == 4 ? 32 : 128);
    for (Cidr b : blocks) {
      if (b.family() == family) {
        java.math.BigInteger lo = value(b);
        cuts.add(lo);
        cuts.add(lo.add(java.math.BigInteger.ONE.shiftLeft((family == 4 ? 32 : 128) - b.length())));
      }
    }
    List<Cidr> apart = new ArrayList<>(Addresses.notInternetBlocks(family));
    for (VpcInfo v : vpcs) {
      apart.addAll(v.blocks.isEmpty() ? List.of(v.subnetBlocks) : v.blocks); // the snapshot's own space
    }
    for (Cidr b : apart) {
      if (b.family() == family) {
        java.math.BigInteger lo = value(b);
        cuts.add(lo);
        cuts.add(lo.add(java.math.BigInteger.ONE.shiftLeft((family == 4 ? 32 : 128) - b.length())));
      }
    }
    cuts.remove(end);
    List<Cidr> out = new ArrayList<>();
    java.math.BigInteger[] starts = cuts.toArray(new java.math.BigInteger[0]);
    for (int i = 0; i < starts.length; i++) {
      java.math.BigInteger next = i + 1 < starts.length ? starts[i + 1] : end;
      Cidr a = address(starts[i], family);
      if (!Addresses.onInternet(a) || vpcContaining(a) != -1) {
        continue; // not the internet, or the snapshot's own addresses
      }
      // a public address the snapshot owns is one of its ends, not the internet: take the piece's next address
      java.math.BigInteger x = starts[i];
      while (publicOwner(a) != null && x.add(java.math.BigInteger.ONE).compareTo(next) < 0) {
        x = x.add(java.math.BigInteger.ONE);
        a = address(x, family);
      }
      if (publicOwner(a) == null) {
        out.add(a);
      }
    }
    return out;
  }

  private void routeBlocks(RouteTable table, List<Cidr> into) {
    for (RouteTable.Route r : table.routes()) {
      if (r.destination().isPresent()) {
        into.add(r.destination().get());
      } else {
        network.prefixList(r.prefixListId().get()).flatMap(l -> l.entries()).ifPresent(into::addAll);
      }
    }
  }

  private static java.math.BigInteger value(Cidr c) {
    if (c.isIpv4()) {
      return java.math.BigInteger.valueOf(c.low());
    }
    return unsigned(c.high()).multiply(TWO_64).add(unsigned(c.low()));
  }

  private static java.math.BigInteger unsigned(long x) {
    java.math.BigInteger v = java.math.BigInteger.valueOf(x);
    return x < 0 ? v.add(TWO_64) : v;
  }

  private static Cidr address(java.math.BigInteger v, int family) {
    if (family == 4) {
      long a = v.longValue();
      return Cidr.parse(((a >>> 24) & 0xFF) + "." + ((a >>> 16) & 0xFF) + "." + ((a >>> 8) & 0xFF) + "." + (a & 0xFF));
    }
    StringBuilder b = new StringBuilder();
    for (int i = 7; i >= 0; i--) {
      b.append(Integer.toHexString(v.shiftRight(16 * i).intValue() & 0xFFFF));
      if (i > 0) {
        b.append(':');
      }
    }
    return Cidr.parse(b.toString());
  }

  // ------------------------------------------------------------------------------------------------ public addresses

  /**
   * The private IPv4 address an ENI's public address stands for: the recorded pair, else the ENI's only private
   * IPv4 address; null when the snapshot cannot tell. The one place that ties public to private addresses.
   */
  static Cidr privateFor(NetworkInterface e, Cidr publicAddress) {
    for (Map.Entry<Cidr, Cidr> m : e.publicIpv4ByPrivate().entrySet()) {
      if (m.getValue().equals(publicAddress)) {
        return m.getKey();
      }
    }
    if (e.publicIpv4ByPrivate().isEmpty() && e.privateIpv4().size() == 1) {
      return e.privateIpv4().get(0);
    }
    return null;
  }

  /** The result of {@link #publicFor}: the address, or why there is none. */
  record PublicAddress(Cidr address, int verdict) {}

  /**
   * The public IPv4 address an internet gateway gives a private source address: the ENI's public address for that
   * private address, or a public NAT gateway's Elastic IP for its private address. {@link Tri#DENY} when it has none,
   * {@link Tri#UNKNOWN} when the snapshot cannot tell which private address the ENI's public addresses belong to.
   */
  PublicAddress publicFor(Cidr privateAddress, int vpc) {
    NatGateway n = natIn(privateAddress, vpc);
    if (n != null) {
      for (NatGateway.Address a : n.addresses()) {
        if (a.privateIp().equals(privateAddress)) {
          return a.publicIp().map(p -> new PublicAddress(p, Tri.ALLOW))
              .orElse(new PublicAddress(null, Tri.DENY));
        }
      }
    }
    NetworkInterface e = eniIn(vpc, privateAddress);
    if (e == null || e.publicIpv4().isEmpty()) {
      return new PublicAddress(null, Tri.DENY);
    }
    Cidr mapped = e.publicIpv4ByPrivate().get(privateAddress);
    if (mapped != null) {
      return new PublicAddress(mapped, Tri.ALLOW);
    }
    if (!e.publicIpv4ByPrivate().isEmpty()) {
      return new PublicAddress(null, Tri.DENY); // the pairs are known, and this address has none
    }
    if (e.privateIpv4().size() == 1 && e.privateIpv4().get(0).equals(privateAddress)) {
      return new PublicAddress(e.publicIpv4().get(0), Tri.ALLOW);
    }
    return new PublicAddress(null, Tri.UNKNOWN);
  }

  /**
   * What an address from the internet reaches: the ENI or NAT gateway whose public IPv4 address it is, or the ENI
   * whose global IPv6 address it is; null when nothing in the snapshot.
   */
  PublicOwner publicOwner(Cidr address) {
    if (address.isIpv4()) {
      return publicOwners.get(address);
    }
    if (!Addresses.isGlobalIpv6(address)) {
      return null;
    }
    EniInfo[] holders = enisByAddress.get(address);
    NetworkInterface e = holders != null ? holders[0].eni()
        : enisWithPrefixes.stream().filter(x -> x.prefixes().stream().anyMatch(p -> p.contains(address)))
            .findFirst().orElse(null);
    if (e == null) {
      return null;
    }
    EniInfo i = info(e);
    return new PublicOwner(e, null, address, i.vpc(), i.subnet(), false);
  }

  /** The VPC whose Route 53 Resolver is at this address (its primary block plus two), or -1. */
  int vpcWithResolverAt(Cidr address) {
    if (!resolverLastByte[(int) (address.low() & 0xFF)]) {
      return -1;
    }
    Integer v = resolvers.get(address);
    return v == null ? -1 : v;
  }

  /** The NAT gateway of subnet {@code subnet} whose private address this is, or null. */
  NatGateway natAt(Cidr address, int subnet) {
    if (subnet < 0 || !subnets[subnet].hasNatGateway) {
      return null;
    }
    List<NatGateway> found = natByPrivate.get(address);
    if (found != null) {
      for (NatGateway n : found) {
        if (subnetIndex(n.subnetId()) == subnet) {
          return n;
        }
      }
    }
    return null;
  }

  /** The NAT gateway of VPC {@code vpc} whose private address this is, or null. */
  private NatGateway natIn(Cidr address, int vpc) {
    List<NatGateway> found = natByPrivate.get(address);
    if (found != null) {
      for (NatGateway n : found) {
        int s = subnetIndex(n.subnetId());
        if (s >= 0 && subnets[s].vpc == vpc) {
          return n;
        }
      }
    }
    return null;
  }

  /**
   * The ENI of VPC {@code vpc} that holds the address (a private address, else one in a delegated prefix), or null.
   * VPCs that are not peered may reuse each other's blocks, so the VPC is part of the question.
   */
  NetworkInterface eniIn(int vpc, Cidr address) {
    EniInfo i = holderIn(vpc, address);
    return i == null ? null : i.eni();
  }

  /** {@link #eniIn} with the holder's VPC and subnet. */
  private EniInfo holderIn(int vpc, Cidr address) {
    EniInfo[] found = enisByAddress.get(address);
    if (found != null) {
      for (EniInfo e : found) {
        if (e.vpc() == vpc) { // an ENI's VPC index is -1 exactly when it names no VPC
          return e;
        }
      }
      return null;
    }
    for (NetworkInterface e : enisWithPrefixes) {
      if (vpcOf(e) == vpc) {
        for (Cidr p : e.prefixes()) {
          if (p.contains(address)) {
            return info(e);
          }
        }
      }
    }
    return null;
  }

  // ------------------------------------------------------------------------------------------------ lookups

  int subnetIndex(String id) {
    Integer i = id == null ? null : subnetIndex.get(id);
    return i == null ? -1 : i;
  }

  int vpcIndex(String id) {
    Integer i = id == null ? null : vpcIndex.get(id);
    return i == null ? -1 : i;
  }

  RouteLookup edgeTable(String gatewayId) {
    return edgeTables.get(gatewayId);
  }

  /**
   * The subnet index of an end's ENI, -1 for an outside party or an ENI that names none. The compiled facts come
   * from the end when it kept them for this network, else are looked up, and kept when the ENI is the snapshot's own
   * object (what a walk would keep; an equal copy is left for the walk to check).
   */
  int subnetOf(PathEnd end) {
    if (end.isOutside()) {
      return -1;
    }
    EniInfo known = ownInfo(end);
    return (known != null ? known : info(end.eni().get())).subnet();
  }

  /**
   * The compiled facts an end of an ENI kept for this network, else those of the snapshot's own ENI object (then kept
   * in the end); null for an ENI object the snapshot does not hold (an equal copy, or another network's).
   */
  EniInfo ownInfo(PathEnd end) {
    EniInfo known = end.compiledIn(this);
    if (known == null) {
      known = ownInfo(end.eni().get());
      if (known != null) {
        end.remember(known);
      }
    }
    return known;
  }

  /** The subnet index of an ENI of the snapshot, or -1 when it names none. */
  int subnetOf(NetworkInterface eni) {
    return info(eni).subnet();
  }

  /** The VPC index of an ENI of the snapshot, or -1 when it names none. */
  int vpcOf(NetworkInterface eni) {
    return info(eni).vpc();
  }

  /** The compiled facts of this very object when it is an ENI of the snapshot, else null. */
  EniInfo ownInfo(NetworkInterface eni) {
    return eniInfo.get(eni);
  }

  /**
   * The compiled facts of an ENI: found by identity, else (an equal copy of one of the snapshot's) worked out from its
   * ids.
   */
  EniInfo info(NetworkInterface eni) {
    EniInfo i = eniInfo.get(eni);
    return i != null ? i : new EniInfo(this, eni, vpcIndex(eni.vpcId()), subnetIndex(eni.subnetId()));
  }

  /**
   * The subnet of VPC {@code vpc} that holds the address: the subnet of the ENI of that VPC owning it, else the subnet
   * whose block contains it; {@link #NO_SUBNET} when the VPC's subnets are known and none does,
   * {@link #UNKNOWN_SUBNET} when the snapshot lacks them.
   */
  int subnetHolding(int vpc, Cidr address) {
    if (vpc < 0) {
      return UNKNOWN_SUBNET;
    }
    EniInfo e = holderIn(vpc, address);
    if (e != null && e.subnet() >= 0) {
      return e.subnet();
    }
    return subnetByBlocks(vpc, address);
  }

  /** {@link #subnetHolding} when no ENI of the VPC holds the address: by the VPC's subnet blocks alone. */
  int subnetByBlocks(int vpc, Cidr address) {
    VpcInfo v = vpcs[vpc];
    Cidr[] blocks = v.subnetBlocks;
    int lo = 0;
    int hi = blocks.length - 1;
    int found = -1;
    while (lo <= hi) { // the last block starting at or before the address
      int mid = (lo + hi) >>> 1;
      if (startsAtOrBefore(blocks[mid], address)) {
        found = mid;
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    if (found >= 0 && blocks[found].contains(address)) {
      return v.subnetOfBlock[found];
    }
    return v.hasSubnetData ? NO_SUBNET : UNKNOWN_SUBNET;
  }

  private static boolean startsAtOrBefore(Cidr block, Cidr address) {
    if (block.family() != address.family()) {
      return block.family() < address.family();
    }
    int c = Long.compareUnsigned(block.high(), address.high());
    if (c == 0) {
      c = Long.compareUnsigned(block.low(), address.low());
    }
    return c <= 0;
  }

  /**
   * Per family (0 IPv4, 1 IPv6): every VPC's blocks (its subnets' when its own are not known), as the block's high
   * and low words with their masks, the VPC's blocks together; and the VPC of each.
   */
  private final long[][] vpcRows = new long[2][];
  private final int[][] vpcOfRow = new int[2][];

  private void flattenVpcBlocks() {
    for (int f = 0; f < 2; f++) {
      List<long[]> rows = new ArrayList<>();
      for (int v = 0; v < vpcs.length; v++) {
        for (Cidr c : vpcs[v].blocks.isEmpty() ? List.of(vpcs[v].subnetBlocks) : vpcs[v].blocks) {
          if ((c.isIpv4() ? 0 : 1) == f) {
            rows.add(new long[] {c.high(), AclTable.highMask(c), c.low(), AclTable.lowMask(c), v});
          }
        }
      }
      vpcRows[f] = new long[rows.size() * 4];
      vpcOfRow[f] = new int[rows.size()];
      for (int i = 0; i < rows.size(); i++) {
        System.arraycopy(rows.get(i), 0, vpcRows[f], i * 4, 4);
        vpcOfRow[f][i] = (int) rows.get(i)[4];
      }
    }
  }

  /** The VPC whose blocks hold the address: its index, -1 when none, {@link #SEVERAL} when more than one. */
  int vpcContaining(Cidr address) {
    if (address.isSingleAddress()) {
      int f = address.isIpv4() ? 0 : 1;
      long[] rows = vpcRows[f];
      long high = address.high();
      long low = address.low();
      int found = -1;
      for (int i = 0, r = 0; r < rows.length; i++, r += 4) {
        if ((high & rows[r + 1]) == rows[r] && (low & rows[r + 3]) == rows[r + 2]) {
          int v = vpcOfRow[f][i];
          if (found >= 0 && found != v) {
            return SEVERAL;
          }
          found = v;
        }
      }
      return found;
    }
    int found = -1;
    for (int i = 0; i < vpcs.length; i++) {
      if (holds(vpcs[i], address)) {
        if (found >= 0) {
          return SEVERAL;
        }
        found = i;
      }
    }
    return found;
  }

  private static boolean holds(VpcInfo v, Cidr address) {
    for (Cidr c : v.blocks) {
      if (c.contains(address)) {
        return true;
      }
    }
    if (v.blocks.isEmpty()) {
      for (Cidr c : v.subnetBlocks) {
        if (c.contains(address)) {
          return true;
        }
      }
    }
    return false;
  }

  /** True when one of the blocks contains the address. */
  static boolean anyContains(List<Cidr> blocks, Cidr address) {
    for (int i = 0; i < blocks.size(); i++) {
      if (blocks.get(i).contains(address)) {
        return true;
      }
    }
    return false;
  }

  /** The blocks of a VPC: from {@code describe-vpcs}, else what a peering records of that side; empty when unknown. */
  List<Cidr> blocksOf(String vpcId, VpcPeering through) {
    int v = vpcIndex(vpcId);
    if (v >= 0 && !vpcs[v].blocks.isEmpty()) {
      return vpcs[v].blocks;
    }
    return through == null ? List.of() : through.side(vpcId).cidrs();
  }

  /** The address {@code offset} above a block's network address (IPv4). */
  static Cidr plus(Cidr block, int offset) {
    long a = block.low() + offset;
    return Cidr.parse(((a >>> 24) & 0xFF) + "." + ((a >>> 16) & 0xFF) + "." + ((a >>> 8) & 0xFF) + "." + (a & 0xFF));
  }
}
