package dev.sgreach.model;

import com.google.common.collect.ImmutableList;
import com.google.common.base.Supplier;
import com.google.common.base.Suppliers;
import com.google.common.collect.ImmutableListMultimap;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import com.google.common.collect.Sets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One immutable snapshot of a region's (or several regions') security-group world: security groups, network
 * interfaces, prefix lists, VPCs, VPC peerings, and optionally EKS clusters and load balancers, with lookups by id,
 * address and group, and the {@link Warning}s found while building it.
 *
 * <p>It may also hold the rest of the packet path (DOMAIN-PATH.md): subnets, network ACLs, route tables, internet
 * and egress-only internet gateways, NAT gateways, VPC endpoints and transit gateways. {@link #layers()} says which
 * layers of the path its data covers: security groups always; network ACLs when it holds any network ACL (or the
 * builder {@linkplain Builder#collected(Layer...) declares} them collected); routes likewise with route tables. A
 * layer the snapshot does not cover is not checked, and verdicts say so; within a covered layer, a subnet whose ACL
 * or route table is missing makes the answers that cross it unknown.
 *
 * <p>The snapshot is taken as complete for what it covers (closed world): an address that belongs to no ENI is an
 * outside party, and a reference to a group that is not here matches only ENIs here that carry it. Where an answer
 * depends on data the snapshot lacks (an ENI's group whose rules are missing, a prefix list whose entries are
 * missing) verdicts say <b>unknown</b>.
 */
public final class Network {
  private final ImmutableMap<String, SecurityGroup> securityGroups;
  private final ImmutableMap<String, NetworkInterface> interfaces;
  private final ImmutableMap<String, PrefixList> prefixLists;
  private final ImmutableMap<String, Vpc> vpcs;
  private final ImmutableMap<String, VpcPeering> peerings;
  private final ImmutableMap<String, EksClusterInfo> eksClusters;
  private final ImmutableMap<String, LoadBalancer> loadBalancers;
  private final ImmutableMap<String, TargetGroup> targetGroups;
  private final ImmutableMap<String, Subnet> subnets;
  private final ImmutableMap<String, NetworkAcl> networkAcls;
  private final ImmutableMap<String, RouteTable> routeTables;
  private final ImmutableMap<String, InternetGateway> internetGateways;
  private final ImmutableMap<String, NatGateway> natGateways;
  private final ImmutableMap<String, VpcEndpoint> vpcEndpoints;
  private final ImmutableMap<String, TransitGateway> transitGateways;
  private final ImmutableSet<Layer> declaredLayers;
  private final ImmutableMap<Cidr, Cidr> standIns;
  // derived
  private final ImmutableSet<Layer> layers;
  /** Built on first use: a load that only asks the engine never needs them. */
  private final Supplier<ImmutableListMultimap<String, NetworkInterface>> bySecurityGroup;
  private final Supplier<ImmutableListMultimap<String, NetworkInterface>> byInstance;
  /**
   * The address lookups and the warnings, worked out on first use: together one pass over every ENI and rule, which a
   * caller can start on another thread while it does other work ({@code Reachability.of} does, while it indexes).
   */
  private final Supplier<Derived> derived = Suppliers.memoize(this::derive);

  private record Derived(Map<Cidr, NetworkInterface> byAddress,
      ImmutableListMultimap<Cidr, NetworkInterface> sharedAddresses, ImmutableList<NetworkInterface> withPrefixes,
      ImmutableList<Warning> warnings) {}

  private Network(Builder b) {
    this.securityGroups = ImmutableMap.copyOf(b.securityGroups);
    this.interfaces = ImmutableMap.copyOf(b.interfaces);
    this.prefixLists = ImmutableMap.copyOf(b.prefixLists);
    this.vpcs = ImmutableMap.copyOf(b.vpcs);
    this.peerings = ImmutableMap.copyOf(b.peerings);
    this.eksClusters = ImmutableMap.copyOf(b.eksClusters);
    this.loadBalancers = ImmutableMap.copyOf(b.loadBalancers);
    this.targetGroups = ImmutableMap.copyOf(b.targetGroups);
    this.subnets = ImmutableMap.copyOf(b.subnets);
    this.networkAcls = ImmutableMap.copyOf(b.networkAcls);
    this.routeTables = ImmutableMap.copyOf(b.routeTables);
    this.internetGateways = ImmutableMap.copyOf(b.internetGateways);
    this.natGateways = ImmutableMap.copyOf(b.natGateways);
    this.vpcEndpoints = ImmutableMap.copyOf(b.vpcEndpoints);
    this.transitGateways = ImmutableMap.copyOf(b.transitGateways);
    this.declaredLayers = Sets.immutableEnumSet(b.declaredLayers);
    this.standIns = ImmutableMap.copyOf(b.standIns);
    EnumSet<Layer> covered = EnumSet.of(Layer.SECURITY_GROUPS);
    covered.addAll(declaredLayers);
    if (!networkAcls.isEmpty()) {
      covered.add(Layer.NETWORK_ACLS);
    }
    if (!routeTables.isEmpty()) {
      covered.add(Layer.ROUTES);
    }
    this.layers = Sets.immutableEnumSet(covered);
    this.bySecurityGroup = Suppliers.memoize(() -> {
      ImmutableListMultimap.Builder<String, NetworkInterface> bySg = ImmutableListMultimap.builder();
      for (NetworkInterface eni : interfaces.values()) {
        for (String sg : eni.securityGroupIds()) {
          bySg.put(sg, eni);
        }
      }
      return bySg.build();
    });
    this.byInstance = Suppliers.memoize(() -> {
      ImmutableListMultimap.Builder<String, NetworkInterface> byInst = ImmutableListMultimap.builder();
      for (NetworkInterface eni : interfaces.values()) {
        eni.instanceId().ifPresent(i -> byInst.put(i, eni));
      }
      return byInst.build();
    });
  }

  /** The address lookups and every warning: one pass over the ENIs, then the rules and the associations. */
  private Derived derive() {
    List<Warning> found = new ArrayList<>();
    Map<Cidr, NetworkInterface> byAddr = new HashMap<>(interfaces.size() * 3);
    Map<Cidr, List<NetworkInterface>> shared = new LinkedHashMap<>();
    ImmutableList.Builder<NetworkInterface> pref = ImmutableList.builder();
    Set<String> missingGroupsWarned = new HashSet<>();
    Set<String> carriedMissing = new HashSet<>(); // groups ENIs carry that the snapshot lacks
    for (NetworkInterface eni : interfaces.values()) {
      for (String sg : eni.securityGroupIds()) {
        if (securityGroups.containsKey(sg)) {
          continue;
        }
        carriedMissing.add(sg);
        if (missingGroupsWarned.add(eni.id() + sg)) {
          found.add(new Warning(Warning.Kind.MISSING_SECURITY_GROUP, eni.id(),
              eni.id() + " carries " + sg + ", which is not in the snapshot: verdicts that depend on its rules are"
                  + " unknown (collect that group to decide them)"));
        }
      }
      for (Cidr a : eni.privateAddresses()) {
        NetworkInterface previous = byAddr.putIfAbsent(a, eni);
        if (previous != null && previous != eni) {
          List<NetworkInterface> owners = shared.computeIfAbsent(a, k -> new ArrayList<>(List.of(previous)));
          if (!owners.contains(eni)) {
            owners.add(eni);
          }
        }
        if (previous != null && !previous.id().equals(eni.id())) {
          found.add(new Warning(Warning.Kind.DUPLICATE_ADDRESS, eni.id(),
              eni.id() + " and " + previous.id() + " both claim " + a + ": as an endpoint the address is"
                  + " ambiguous; name the VPC (" + (previous.vpcId().isEmpty() ? "vpc-..." : previous.vpcId()) + "/"
                  + a + ") or the ENI"));
        }
      }
      if (!eni.prefixes().isEmpty()) {
        pref.add(eni);
      }
      listenerWarning(eni, found);
    }
    ImmutableListMultimap.Builder<Cidr, NetworkInterface> sharedBuilder = ImmutableListMultimap.builder();
    shared.forEach(sharedBuilder::putAll);
    Set<String> warned = new HashSet<>();
    for (SecurityGroup sg : securityGroups.values()) {
      for (Rule r : sg.ingress()) {
        ruleWarnings(sg, r, found, warned, carriedMissing);
      }
      for (Rule r : sg.egress()) {
        ruleWarnings(sg, r, found, warned, carriedMissing);
      }
    }
    associationWarnings(found);
    return new Derived(byAddr, sharedBuilder.build(), pref.build(), ImmutableList.copyOf(found));
  }

  /** An NLB's ENI without groups whose listeners are unknown: what it accepts is unknown on every port. */
  private void listenerWarning(NetworkInterface eni, List<Warning> found) {
    if (!eni.interfaceType().equals("network_load_balancer") || !eni.securityGroupIds().isEmpty()
        || listenerPorts(eni).isPresent()) {
      return;
    }
    Optional<LoadBalancer> lb = loadBalancerOf(eni);
    found.add(new Warning(Warning.Kind.UNKNOWN_LISTENERS, eni.id(), eni.id() + " is an ENI of Network Load Balancer "
        + lb.map(LoadBalancer::label).orElse("'" + eni.description() + "'") + " without security groups: it accepts"
        + " connections on its listener ports only, and "
        + (lb.isEmpty() ? "that load balancer is not in the snapshot (save aws elbv2 describe-load-balancers and"
            + " describe-listeners)" : "its listeners were not collected (save aws elbv2 describe-listeners)")
        + ", so what it accepts is unknown on every port"));
  }

  /** A subnet listed by two ACLs, or explicitly by two route tables: AWS allows one of each. */
  private void associationWarnings(List<Warning> found) {
    Map<String, String> aclOf = new HashMap<>();
    for (NetworkAcl acl : networkAcls.values()) {
      for (String subnet : acl.subnetIds()) {
        String previous = aclOf.putIfAbsent(subnet, acl.id());
        if (previous != null) {
          found.add(new Warning(Warning.Kind.AMBIGUOUS_ASSOCIATION, subnet, subnet + " is associated with both "
              + previous + " and " + acl.id() + ", but AWS gives a subnet one network ACL: answers that cross its"
              + " boundary are unknown"));
        }
      }
    }
    Map<String, String> tableOf = new HashMap<>();
    for (RouteTable table : routeTables.values()) {
      for (String subnet : table.subnetIds()) {
        String previous = tableOf.putIfAbsent(subnet, table.id());
        if (previous != null) {
          found.add(new Warning(Warning.Kind.AMBIGUOUS_ASSOCIATION, subnet, subnet + " is associated with both "
              + previous + " and " + table.id() + ", but AWS gives a subnet one route table: answers that leave it"
              + " are unknown"));
        }
      }
    }
  }

  private void ruleWarnings(SecurityGroup sg, Rule r, List<Warning> found, Set<String> warned,
      Set<String> carriedMissing) {
    if (r.peer() instanceof Peer.GroupPeer g) {
      if (g.peeringStatus() != null && !g.peeringStatus().isEmpty()
          && !g.peeringStatus().equalsIgnoreCase("active")) {
        if (warned.add("peer:" + sg.id() + g.groupId())) {
          found.add(new Warning(Warning.Kind.STALE_PEERING_REFERENCE, sg.id(),
              sg.label() + " has an " + r.direction().word() + " rule referencing " + g.describe()
                  + " through peering " + g.peeringId() + ", whose status is " + g.peeringStatus()
                  + ": the rule matches nothing"));
        }
      } else if (g.peeringId() != null && peerings.containsKey(g.peeringId())
          && peerings.get(g.peeringId()).betweenRegions()) {
        if (warned.add("region:" + sg.id() + g.groupId())) {
          found.add(new Warning(Warning.Kind.STALE_PEERING_REFERENCE, sg.id(),
              sg.label() + " has an " + r.direction().word() + " rule referencing " + g.describe()
                  + " through peering " + g.peeringId() + ", which joins two Regions: a reference cannot cross"
                  + " Regions, so the rule matches nothing (reference the peer's CIDR blocks instead)"));
        }
      } else if (!securityGroups.containsKey(g.groupId()) && warned.add("sg:" + sg.id() + g.groupId())) {
        boolean carried = carriedMissing.contains(g.groupId());
        found.add(new Warning(Warning.Kind.STALE_REFERENCE, sg.id(),
            sg.label() + " has an " + r.direction().word() + " rule referencing " + g.describe()
                + ", which is not in the snapshot: "
                + (carried ? "it matches only the ENIs here that carry it" : "it matches nothing")));
      }
    } else if (r.peer() instanceof Peer.PrefixListPeer p) {
      PrefixList list = prefixLists.get(p.prefixListId());
      if (list == null) {
        if (warned.add("pl:" + sg.id() + p.prefixListId())) {
          found.add(new Warning(Warning.Kind.MISSING_PREFIX_LIST, sg.id(),
              sg.label() + " has an " + r.direction().word() + " rule naming prefix list " + p.prefixListId()
                  + ", which is not in the snapshot: verdicts that depend on it are unknown"));
        }
      } else if (!list.entriesKnown() && warned.add("ple:" + p.prefixListId())) {
        found.add(new Warning(Warning.Kind.UNKNOWN_PREFIX_LIST_ENTRIES, p.prefixListId(),
            "the entries of prefix list " + list + " were not collected: verdicts that depend on it are unknown"));
      }
    }
  }

  /** A builder for a network. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding everything in this network, to derive a changed copy. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.securityGroups.putAll(securityGroups);
    b.interfaces.putAll(interfaces);
    b.prefixLists.putAll(prefixLists);
    b.vpcs.putAll(vpcs);
    b.peerings.putAll(peerings);
    b.eksClusters.putAll(eksClusters);
    b.loadBalancers.putAll(loadBalancers);
    b.targetGroups.putAll(targetGroups);
    b.subnets.putAll(subnets);
    b.networkAcls.putAll(networkAcls);
    b.routeTables.putAll(routeTables);
    b.internetGateways.putAll(internetGateways);
    b.natGateways.putAll(natGateways);
    b.vpcEndpoints.putAll(vpcEndpoints);
    b.transitGateways.putAll(transitGateways);
    b.declaredLayers.addAll(declaredLayers);
    b.standIns.putAll(standIns);
    return b;
  }

  /** Every security group, by id, in the order added. */
  public ImmutableMap<String, SecurityGroup> securityGroups() {
    return securityGroups;
  }

  /** Every ENI, by id, in the order added. */
  public ImmutableMap<String, NetworkInterface> interfaces() {
    return interfaces;
  }

  /** Every prefix list, by id. */
  public ImmutableMap<String, PrefixList> prefixLists() {
    return prefixLists;
  }

  /** Every VPC, by id. */
  public ImmutableMap<String, Vpc> vpcs() {
    return vpcs;
  }

  /** Every VPC peering, by id. */
  public ImmutableMap<String, VpcPeering> peerings() {
    return peerings;
  }

  /** Every EKS cluster described in the snapshot, by name. */
  public ImmutableMap<String, EksClusterInfo> eksClusters() {
    return eksClusters;
  }

  /** Every load balancer, by ARN. */
  public ImmutableMap<String, LoadBalancer> loadBalancers() {
    return loadBalancers;
  }

  /** Every target group (describe-target-groups), by ARN. */
  public ImmutableMap<String, TargetGroup> targetGroups() {
    return targetGroups;
  }

  /** The load balancer an ENI belongs to, by its description ({@link LoadBalancer#owns}), if it is in the snapshot. */
  public Optional<LoadBalancer> loadBalancerOf(NetworkInterface eni) {
    if (!eni.description().startsWith("ELB ")) {
      return Optional.empty();
    }
    return loadBalancers.values().stream().filter(lb -> lb.owns(eni)).findFirst();
  }

  /**
   * The traffic a load balancer's ENI accepts connections on, by its load balancer's listeners ({@link
   * Listener#ports()}); empty when that is unknown: the ENI's load balancer is not in the snapshot, or its listeners
   * were not collected. A Network Load Balancer created without security groups admits all client traffic to its
   * listeners and nothing else (elbv2 NLB user guide, "Update the security groups for your Network Load Balancer").
   */
  public Optional<ImmutableList<Ports>> listenerPorts(NetworkInterface eni) {
    return loadBalancerOf(eni).flatMap(LoadBalancer::listeners).map(ls -> ls.stream()
        .flatMap(l -> l.ports().stream()).distinct().collect(ImmutableList.toImmutableList()));
  }

  /** The ENIs of a load balancer ({@link LoadBalancer#owns}), in snapshot order. */
  public ImmutableList<NetworkInterface> interfacesOf(LoadBalancer lb) {
    return interfaces.values().stream().filter(lb::owns).collect(ImmutableList.toImmutableList());
  }

  /** The target groups a load balancer forwards to, in snapshot order. */
  public ImmutableList<TargetGroup> targetGroupsOf(LoadBalancer lb) {
    return targetGroups.values().stream().filter(t -> t.loadBalancerArns().contains(lb.arn()))
        .collect(ImmutableList.toImmutableList());
  }

  /** Every subnet, by id. */
  public ImmutableMap<String, Subnet> subnets() {
    return subnets;
  }

  /** Every network ACL, by id. */
  public ImmutableMap<String, NetworkAcl> networkAcls() {
    return networkAcls;
  }

  /** Every route table, by id. */
  public ImmutableMap<String, RouteTable> routeTables() {
    return routeTables;
  }

  /** Every internet and egress-only internet gateway, by id. */
  public ImmutableMap<String, InternetGateway> internetGateways() {
    return internetGateways;
  }

  /** Every NAT gateway, by id. */
  public ImmutableMap<String, NatGateway> natGateways() {
    return natGateways;
  }

  /** Every VPC endpoint, by id. */
  public ImmutableMap<String, VpcEndpoint> vpcEndpoints() {
    return vpcEndpoints;
  }

  /** Every transit gateway, by id. */
  public ImmutableMap<String, TransitGateway> transitGateways() {
    return transitGateways;
  }

  /**
   * The layers of the packet path this snapshot's data covers: always {@link Layer#SECURITY_GROUPS}; {@link
   * Layer#NETWORK_ACLS} when it holds a network ACL or declares them collected; {@link Layer#ROUTES} when it holds a
   * route table or declares them collected.
   */
  public ImmutableSet<Layer> layers() {
    return layers;
  }

  /** True when this snapshot's data covers the layer. */
  public boolean covers(Layer layer) {
    return layers.contains(layer);
  }

  /** The group with this id. */
  public Optional<SecurityGroup> securityGroup(String id) {
    return Optional.ofNullable(securityGroups.get(id));
  }

  /** The tag the VPC resource controller puts on a branch ENI (a pod with its own groups), naming its trunk ENI. */
  public static final String TRUNK_ENI_ID_TAG = "vpcresources.k8s.aws/trunk-eni-id";

  /**
   * The EC2 instance an ENI's traffic starts and ends on. For a branch ENI (interface type {@code branch}: a pod
   * with its own security groups, EKS user guide "Security groups for Pods") it is the instance its trunk ENI (tag
   * {@value #TRUNK_ENI_ID_TAG}) is attached to: the pod's node; for any other ENI the instance it is attached to.
   * Empty when not known (no attachment, or a trunk the snapshot lacks). The one place that links a pod's branch ENI
   * to its node, for the engine and the EKS recogniser alike.
   */
  public Optional<String> hostInstance(NetworkInterface eni) {
    if (eni.interfaceType().equals("branch")) {
      return eni.tag(TRUNK_ENI_ID_TAG).flatMap(this::networkInterface).flatMap(NetworkInterface::instanceId);
    }
    return eni.instanceId();
  }

  /** The ENI with this id. */
  public Optional<NetworkInterface> networkInterface(String id) {
    return Optional.ofNullable(interfaces.get(id));
  }

  /** The prefix list with this id. */
  public Optional<PrefixList> prefixList(String id) {
    return Optional.ofNullable(prefixLists.get(id));
  }

  /** The ENIs that carry this group, in the order added. */
  public ImmutableList<NetworkInterface> interfacesWith(String securityGroupId) {
    return bySecurityGroup.get().get(securityGroupId);
  }

  /** The ENIs attached to this instance, in the order added. */
  public ImmutableList<NetworkInterface> interfacesOfInstance(String instanceId) {
    return byInstance.get().get(instanceId);
  }

  /**
   * Every private address that more than one ENI lists, to those ENIs in the order added (AWS gives an address to
   * one ENI of a VPC, so in a snapshot of one VPC a shared address is a stale or merged record; across VPCs the
   * same private address is common). Empty when every address has one owner.
   */
  public ImmutableListMultimap<Cidr, NetworkInterface> sharedAddresses() {
    return derived.get().sharedAddresses();
  }

  /**
   * The ENI that owns this address: one of its private addresses, or an address inside one of its delegated
   * prefixes. Public and Elastic IPs do not resolve: traffic from them is an outside party's.
   */
  public Optional<NetworkInterface> interfaceOwning(Cidr address) {
    NetworkInterface eni = derived.get().byAddress().get(address.networkAddress());
    if (eni != null) {
      return Optional.of(eni);
    }
    for (NetworkInterface e : derived.get().withPrefixes()) {
      for (Cidr p : e.prefixes()) {
        if (p.contains(address)) {
          return Optional.of(e);
        }
      }
    }
    return Optional.empty();
  }

  /**
   * Stand-in addresses: ENI addresses that a planned change could not know yet (AWS assigns them at launch), each with
   * the block the real address will lie in. The engine reads such an address as "somewhere in this block": a CIDR or
   * prefix-list entry containing the block matches it, one disjoint from the block does not, and one that overlaps
   * only part of the block is unknown.
   */
  public ImmutableMap<Cidr, Cidr> standInAddresses() {
    return standIns;
  }

  /**
   * What the network holds that may make answers unknown or ambiguous: stale references, missing groups and prefix
   * lists, duplicate addresses, ambiguous associations. Worked out on first use, once.
   */
  public ImmutableList<Warning> warnings() {
    return derived.get().warnings();
  }

  /** Equal networks hold equal items and cover the same layers, however the layers came to be covered. */
  @Override
  public boolean equals(Object o) {
    return o instanceof Network n && n.securityGroups.equals(securityGroups) && n.interfaces.equals(interfaces)
        && n.prefixLists.equals(prefixLists) && n.vpcs.equals(vpcs) && n.peerings.equals(peerings)
        && n.eksClusters.equals(eksClusters) && n.loadBalancers.equals(loadBalancers)
        && n.targetGroups.equals(targetGroups) && n.subnets.equals(subnets)
        && n.networkAcls.equals(networkAcls) && n.routeTables.equals(routeTables)
        && n.internetGateways.equals(internetGateways) && n.natGateways.equals(natGateways)
        && n.vpcEndpoints.equals(vpcEndpoints) && n.transitGateways.equals(transitGateways)
        && n.layers.equals(layers) && n.standIns.equals(standIns);
  }

  @Override
  public int hashCode() {
    return Objects.hash(securityGroups, interfaces, prefixLists, vpcs, peerings, eksClusters, loadBalancers,
        targetGroups, subnets, networkAcls, routeTables, internetGateways, natGateways, vpcEndpoints, transitGateways, layers);
  }

  @Override
  public String toString() {
    return "Network[" + securityGroups.size() + " security groups, " + interfaces.size() + " ENIs, "
        + prefixLists.size() + " prefix lists, " + vpcs.size() + " VPCs, " + peerings.size() + " peerings, "
        + (subnets.isEmpty() && networkAcls.isEmpty() && routeTables.isEmpty() ? ""
            : subnets.size() + " subnets, " + networkAcls.size() + " network ACLs, " + routeTables.size()
                + " route tables, ")
        + warnings().size() + " warnings]";
  }

  /**
   * Builds a {@link Network}. Ids must be unique within each kind: adding a second item with an id already present
   * fails and names both.
   */
  public static final class Builder {
    private final Map<String, SecurityGroup> securityGroups = new LinkedHashMap<>();
    private final Map<String, NetworkInterface> interfaces = new LinkedHashMap<>();
    private final Map<String, PrefixList> prefixLists = new LinkedHashMap<>();
    private final Map<String, Vpc> vpcs = new LinkedHashMap<>();
    private final Map<String, VpcPeering> peerings = new LinkedHashMap<>();
    private final Map<String, EksClusterInfo> eksClusters = new LinkedHashMap<>();
    private final Map<String, LoadBalancer> loadBalancers = new LinkedHashMap<>();
    private final Map<String, TargetGroup> targetGroups = new LinkedHashMap<>();
    private final Map<String, Subnet> subnets = new LinkedHashMap<>();
    private final Map<String, NetworkAcl> networkAcls = new LinkedHashMap<>();
    private final Map<String, RouteTable> routeTables = new LinkedHashMap<>();
    private final Map<String, InternetGateway> internetGateways = new LinkedHashMap<>();
    private final Map<String, NatGateway> natGateways = new LinkedHashMap<>();
    private final Map<String, VpcEndpoint> vpcEndpoints = new LinkedHashMap<>();
    private final Map<String, TransitGateway> transitGateways = new LinkedHashMap<>();
    private final EnumSet<Layer> declaredLayers = EnumSet.noneOf(Layer.class);
    private final Map<Cidr, Cidr> standIns = new LinkedHashMap<>();

    private Builder() {}

    private static <T> void put(Map<String, T> map, String kind, String id, T value) {
      T previous = map.putIfAbsent(id, value);
      if (previous != null && !previous.equals(value)) {
        throw new IllegalArgumentException("two different " + kind + "s have the id " + id + ": " + previous
            + " and " + value);
      }
    }

    /** Adds a security group. */
    public Builder add(SecurityGroup sg) {
      put(securityGroups, "security group", sg.id(), sg);
      return this;
    }

    /** Adds an ENI. */
    public Builder add(NetworkInterface eni) {
      put(interfaces, "network interface", eni.id(), eni);
      return this;
    }

    /** Adds a prefix list. */
    public Builder add(PrefixList list) {
      put(prefixLists, "prefix list", list.id(), list);
      return this;
    }

    /** Adds a VPC. */
    public Builder add(Vpc vpc) {
      put(vpcs, "VPC", vpc.id(), vpc);
      return this;
    }

    /** Adds a VPC peering. */
    public Builder add(VpcPeering peering) {
      put(peerings, "VPC peering", peering.id(), peering);
      return this;
    }

    /** Adds an EKS cluster description. */
    public Builder add(EksClusterInfo cluster) {
      put(eksClusters, "EKS cluster", cluster.name(), cluster);
      return this;
    }

    /** Adds a load balancer. */
    public Builder add(LoadBalancer lb) {
      put(loadBalancers, "load balancer", lb.arn(), lb);
      return this;
    }

    /** Adds a target group. */
    public Builder add(TargetGroup group) {
      put(targetGroups, "target group", group.arn(), group);
      return this;
    }

    /** Adds a subnet. */
    public Builder add(Subnet subnet) {
      put(subnets, "subnet", subnet.id(), subnet);
      return this;
    }

    /** Adds a network ACL. */
    public Builder add(NetworkAcl acl) {
      put(networkAcls, "network ACL", acl.id(), acl);
      return this;
    }

    /** Adds a route table. */
    public Builder add(RouteTable table) {
      put(routeTables, "route table", table.id(), table);
      return this;
    }

    /** Adds an internet or egress-only internet gateway. */
    public Builder add(InternetGateway gateway) {
      put(internetGateways, "internet gateway", gateway.id(), gateway);
      return this;
    }

    /** Adds a NAT gateway. */
    public Builder add(NatGateway gateway) {
      put(natGateways, "NAT gateway", gateway.id(), gateway);
      return this;
    }

    /** Adds a VPC endpoint. */
    public Builder add(VpcEndpoint endpoint) {
      put(vpcEndpoints, "VPC endpoint", endpoint.id(), endpoint);
      return this;
    }

    /** Adds a transit gateway. */
    public Builder add(TransitGateway gateway) {
      put(transitGateways, "transit gateway", gateway.id(), gateway);
      return this;
    }

    /**
     * Declares that the data of these layers was collected, even where it holds nothing (say an empty
     * {@code describe-network-acls} answer), so that a subnet without an ACL or route table is unknown rather than
     * the layer unchecked. Adding a network ACL or a route table declares its layer by itself.
     */
    public Builder collected(Layer... layers) {
      declaredLayers.addAll(List.of(layers));
      return this;
    }

    /**
     * Marks an ENI address as a stand-in for one AWS will assign inside {@code within} (see
     * {@link Network#standInAddresses()}).
     *
     * @throws IllegalArgumentException when the block does not hold the address
     */
    public Builder standIn(Cidr address, Cidr within) {
      if (!within.contains(address)) {
        throw new IllegalArgumentException("stand-in address " + address + " is not inside " + within.toCidrString());
      }
      standIns.put(address, within);
      return this;
    }

    /** Replaces (or adds) a security group. */
    public Builder replace(SecurityGroup sg) {
      securityGroups.put(sg.id(), sg);
      return this;
    }

    /** Replaces (or adds) an ENI. */
    public Builder replace(NetworkInterface eni) {
      interfaces.put(eni.id(), eni);
      return this;
    }

    /** Replaces (or adds) a network ACL. */
    public Builder replace(NetworkAcl acl) {
      networkAcls.put(acl.id(), acl);
      return this;
    }

    /** Replaces (or adds) a route table. */
    public Builder replace(RouteTable table) {
      routeTables.put(table.id(), table);
      return this;
    }

    /** Removes the security group with this id. */
    public Builder removeSecurityGroup(String id) {
      securityGroups.remove(id);
      return this;
    }

    /** Removes the ENI with this id. */
    public Builder removeInterface(String id) {
      interfaces.remove(id);
      return this;
    }

    /** Adds every item of another network (ids must not clash with different items). */
    public Builder addAll(Network other) {
      other.securityGroups.values().forEach(this::add);
      other.interfaces.values().forEach(this::add);
      other.prefixLists.values().forEach(this::add);
      other.vpcs.values().forEach(this::add);
      other.peerings.values().forEach(this::add);
      other.eksClusters.values().forEach(this::add);
      other.loadBalancers.values().forEach(this::add);
      other.targetGroups.values().forEach(this::add);
      other.subnets.values().forEach(this::add);
      other.networkAcls.values().forEach(this::add);
      other.routeTables.values().forEach(this::add);
      other.internetGateways.values().forEach(this::add);
      other.natGateways.values().forEach(this::add);
      other.vpcEndpoints.values().forEach(this::add);
      other.transitGateways.values().forEach(this::add);
      declaredLayers.addAll(other.declaredLayers);
      standIns.putAll(other.standIns);
      return this;
    }

    /** The network, with its warnings. */
    public Network build() {
      return new Network(this);
    }
  }
}
