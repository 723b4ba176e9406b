package dev.sgreach.terraform;

import com.google.common.collect.ImmutableList;
import dev.sgreach.model.Cidr;
import dev.sgreach.model.EksClusterInfo;
import dev.sgreach.model.Network;
import dev.sgreach.model.NetworkInterface;
import dev.sgreach.model.PrefixList;
import dev.sgreach.model.Rule;
import dev.sgreach.model.SecurityGroup;
import dev.sgreach.model.Vpc;
import dev.sgreach.planned.InputException;
import dev.sgreach.planned.InputNode;
import dev.sgreach.planned.Placeholders;
import dev.sgreach.planned.PlannedResource;
import dev.sgreach.planned.Unknown;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The network while a plan is applied to it: groups, ENIs, VPCs and clusters by id (starting from the base
 * snapshot), the ids of every planned resource instance (known, or a {@code tf:<address>} placeholder), what is known
 * of subnets, and the unknowns and planned resources found so far. The handlers of each resource type read and change
 * it; {@link #network()} gives the result.
 */
final class PlanState {
  /** What an id in an attribute stands for. */
  enum Kind { GROUP, INTERFACE, SUBNET, VPC, INSTANCE, CLUSTER, LAUNCH_TEMPLATE }

  /** What is known of a subnet: its VPC and blocks, and whether instances in it get a public address. */
  record Subnet(String vpcId, Optional<Cidr> ipv4, Optional<Cidr> ipv6, boolean mapPublicIp) {}

  /** Ids an attribute holds: {@code complete} false when some of them could not be told. */
  record Resolved(List<String> ids, boolean complete) {
    static final Resolved NONE = new Resolved(List.of(), true);
  }

  static final Cidr ANY4 = Cidr.parse("0.0.0.0/0");
  static final Cidr ANY6 = Cidr.parse("::/0");
  /** Stand-ins for addresses whose block is unknown: the shared address space (RFC 6598), IPv6 documentation. */
  private static final Cidr STAND_IN4 = Cidr.parse("100.64.0.0/10");
  private static final Cidr STAND_IN6 = Cidr.parse("2001:db8:7f::/48");
  /** Stand-ins for public addresses: TEST-NET-3 (RFC 5737). */
  private static final Cidr STAND_IN_PUBLIC = Cidr.parse("203.0.113.0/24");

  final String file;
  final Configuration config;
  final Map<String, SecurityGroup> groups = new LinkedHashMap<>();
  final Map<String, NetworkInterface> enis = new LinkedHashMap<>();
  final Map<String, Vpc> vpcs = new LinkedHashMap<>();
  final Map<String, PrefixList> prefixLists = new LinkedHashMap<>();
  final Map<String, EksClusterInfo> clusters = new LinkedHashMap<>();
  final Map<String, Subnet> subnets = new HashMap<>();
  final Map<String, String> defaultGroupOfVpc = new HashMap<>();
  private final Network base;
  private final Map<String, Map<String, String>> registry = new HashMap<>();
  private final Set<Cidr> taken = new HashSet<>();
  private final Map<Cidr, Long> nextInBlock = new HashMap<>();
  private final List<Unknown> unknowns = new ArrayList<>();
  private final Map<String, PlannedResource> resources = new LinkedHashMap<>();

  PlanState(String file, Configuration config, Network base) {
    this.file = file;
    this.config = config;
    this.base = base;
    groups.putAll(base.securityGroups());
    enis.putAll(base.interfaces());
    vpcs.putAll(base.vpcs());
    prefixLists.putAll(base.prefixLists());
    clusters.putAll(base.eksClusters());
    for (NetworkInterface e : base.interfaces().values()) {
      taken.addAll(e.privateAddresses());
      taken.addAll(e.publicIpv4());
      if (!e.subnetId().isEmpty() && !subnets.containsKey(e.subnetId())) {
        subnets.put(e.subnetId(), new Subnet(e.vpcId(), Optional.empty(), Optional.empty(), false));
      }
    }
    for (SecurityGroup g : base.securityGroups().values()) {
      if (g.name().equals("default") && !g.vpcId().isEmpty()) {
        defaultGroupOfVpc.putIfAbsent(g.vpcId(), g.id());
      }
    }
  }

  Network base() {
    return base;
  }

  // ------------------------------------------------------------------ ids of planned resources

  /** The placeholder of a resource instance (or of one of the objects it makes, with a suffix). */
  static String placeholder(ResourceChange c, String suffix) {
    return "tf:" + c.address() + (suffix.isEmpty() ? "" : "/" + suffix);
  }

  /** Records what an attribute of a planned instance will be. */
  void register(ResourceChange c, String attribute, String id) {
    registry.computeIfAbsent(c.address(), k -> new HashMap<>()).put(attribute, id);
  }

  Optional<String> registered(ResourceChange c, String attribute) {
    return Optional.ofNullable(registry.getOrDefault(c.address(), Map.of()).get(attribute));
  }

  /**
   * The id a reference leads to, for an attribute that holds this kind of id: {@code aws_security_group.x.id},
   * {@code aws_vpc.x.default_security_group_id}, {@code aws_eks_cluster.x.vpc_config[0].cluster_security_group_id},
   * {@code aws_instance.x.primary_network_interface_id}, ...
   */
  Optional<String> idOf(Configuration.Target t, Kind kind) {
    String type = t.change().type();
    String a = t.attribute();
    boolean whole = a.isEmpty() || a.equals("id");
    String key = switch (kind) {
      case GROUP -> (type.equals("aws_security_group") || type.equals("aws_default_security_group")) && whole ? "id"
          : type.equals("aws_vpc") && a.equals("default_security_group_id") ? a
          : type.equals("aws_eks_cluster") && a.equals("vpc_config.cluster_security_group_id")
              ? "cluster_security_group_id"
          : type.equals("aws_eks_node_group") && a.equals("resources.remote_access_security_group_id")
              ? "remote_access_security_group_id" : null;
      case INTERFACE -> type.equals("aws_network_interface") && whole ? "id"
          : type.equals("aws_instance") && a.equals("primary_network_interface_id") ? a : null;
      case SUBNET -> type.equals("aws_subnet") && whole ? "id" : null;
      case VPC -> type.equals("aws_vpc") && whole ? "id" : type.equals("aws_subnet") && a.equals("vpc_id") ? a
          : type.equals("aws_security_group") && a.equals("vpc_id") ? a : null;
      case INSTANCE -> type.equals("aws_instance") && whole ? "id" : null;
      case CLUSTER -> type.equals("aws_eks_cluster") && (whole || a.equals("name")) ? "name" : null;
      case LAUNCH_TEMPLATE -> type.equals("aws_launch_template") && whole ? "id" : null;
    };
    return key == null ? Optional.empty() : registered(t.change(), key);
  }

  /**
   * The ids an attribute of the values after holds ({@code path} into {@code after} and the configuration alike):
   * the known ones, and for unknown ones the planned resources the configuration refers to. Not complete when some
   * reference leads to no planned resource of that kind.
   */
  Resolved ids(ResourceChange c, Kind kind, Object... path) {
    Val v = c.after();
    for (Object step : path) {
      v = step instanceof Integer i ? v.at(i) : v.get((String) step);
    }
    List<String> out = new ArrayList<>();
    boolean someUnknown = v.isUnknown();
    if (v.isKnown()) {
      if (v.node().isArray()) {
        for (Val e : v.list()) {
          if (e.isKnown()) {
            out.add(e.node().text());
          } else if (e.isUnknown()) {
            someUnknown = true;
          }
        }
      } else {
        out.add(v.node().text());
      }
    }
    if (!someUnknown) {
      return new Resolved(out, true);
    }
    Optional<InputNode> expression = config.expression(c, path);
    if (expression.isEmpty()) {
      return new Resolved(out, false);
    }
    Optional<List<Configuration.Target>> targets = config.resolve(c, expression.get());
    if (targets.isEmpty()) {
      return new Resolved(out, false);
    }
    boolean complete = true;
    for (Configuration.Target t : targets.get()) {
      Optional<String> id = idOf(t, kind);
      if (id.isPresent()) {
        if (!out.contains(id.get())) {
          out.add(id.get());
        }
      } else {
        complete = false;
      }
    }
    return new Resolved(out, complete && !out.isEmpty());
  }

  /** A single id ({@code security_group_id}, {@code subnet_id}): present when exactly one is known or resolved. */
  Optional<String> id(ResourceChange c, Kind kind, Object... path) {
    Resolved r = ids(c, kind, path);
    return r.complete() && r.ids().size() == 1 ? Optional.of(r.ids().get(0)) : Optional.empty();
  }

  // ------------------------------------------------------------------ groups

  /** Adds rules to a group, skipping any EC2 would call a duplicate (same direction, protocol, ports and peer). */
  void addRules(String groupId, List<Rule> rules) {
    SecurityGroup g = groups.get(groupId);
    Set<String> have = new HashSet<>();
    g.ingress().forEach(r -> have.add(key(r)));
    g.egress().forEach(r -> have.add(key(r)));
    SecurityGroup.Builder b = g.toBuilder();
    for (Rule r : rules) {
      if (have.add(key(r))) {
        b.rule(r);
      }
    }
    groups.put(groupId, b.build());
  }

  /** Removes the rules EC2 would call the same as these, if the group is here. */
  void removeRules(String groupId, List<Rule> rules) {
    SecurityGroup g = groups.get(groupId);
    if (g == null) {
      return;
    }
    Set<String> gone = new HashSet<>();
    rules.forEach(r -> gone.add(key(r)));
    SecurityGroup.Builder b = g.toBuilder().clearRules();
    for (Rule r : g.ingress()) {
      if (!gone.contains(key(r))) {
        b.rule(r);
      }
    }
    for (Rule r : g.egress()) {
      if (!gone.contains(key(r))) {
        b.rule(r);
      }
    }
    groups.put(groupId, b.build());
  }

  static String key(Rule r) {
    return r.direction() + " " + r.ports() + " " + r.peer().describe();
  }

  /**
   * Makes sure a group rules can be added to exists: a group neither the base nor the plan holds is the user's, its
   * other rules unknown; it stands as a group with one rule each way to an unknown set.
   */
  void ensureGroup(String groupId, String resource) {
    if (groups.containsKey(groupId)) {
      return;
    }
    String placeholder = groupId + ":rules";
    groups.put(groupId, Placeholders.partlyKnown(SecurityGroup.builder(groupId).build(), placeholder,
        "the other rules of " + groupId + ", not in the plan or the snapshot"));
    prefixLists.put(placeholder, Placeholders.unknownAddresses(placeholder, "peers of the rules of " + groupId
        + ", not known"));
    unknown(Unknown.of(resource, "security_group_id", Unknown.Kind.SECURITY_GROUP_RULES, placeholder, groupId
        + " is in neither the plan nor the snapshot: its other rules are not known, so verdicts that depend on them"
        + " are unknown"));
  }

  /** A placeholder set of addresses for a value the plan leaves unknown, added to the network. */
  String unknownSet(ResourceChange c, String attribute, String what) {
    String id = placeholder(c, "") + "." + attribute;
    prefixLists.putIfAbsent(id, Placeholders.unknownAddresses(id, what));
    return id;
  }

  /** The VPC default group of a VPC, when known from the base or the plan. */
  Optional<String> defaultGroup(String vpcId) {
    return Optional.ofNullable(defaultGroupOfVpc.get(vpcId));
  }

  // ------------------------------------------------------------------ addresses

  /**
   * A stand-in for an address AWS assigns at launch: the next free address of the block (from its 11th on, past the
   * addresses AWS reserves), or of a stand-in block when the block is unknown; listed as an unknown.
   */
  Cidr standIn(String resource, String what, Optional<Cidr> block, int family, boolean isPublic) {
    Cidr within = block.orElse(isPublic ? ANY4 : family == 4 ? ANY4 : ANY6);
    Cidr pool = isPublic ? STAND_IN_PUBLIC : block.orElse(family == 4 ? STAND_IN4 : STAND_IN6);
    long next = nextInBlock.getOrDefault(pool, 10L);
    Cidr address;
    do {
      address = offset(pool, next++);
    } while (taken.contains(address));
    if (!pool.contains(address)) {
      throw new InputException(file, "$", null, "places more ENIs in " + pool.toCidrString() + " than it has"
          + " addresses");
    }
    nextInBlock.put(pool, next);
    taken.add(address);
    unknown(Unknown.address(resource, what, address, within, "AWS assigns it at apply: " + address + " stands in"
        + " for an address in " + within.toCidrString()));
    return address;
  }

  /** Records a known address as taken. */
  void take(Cidr address) {
    taken.add(address);
  }

  private static Cidr offset(Cidr block, long n) {
    if (block.isIpv4()) {
      long a = block.low() + n;
      return Cidr.parseAddress(((a >>> 24) & 255) + "." + ((a >>> 16) & 255) + "." + ((a >>> 8) & 255) + "."
          + (a & 255));
    }
    long hi = block.high();
    long lo = block.low() + n;
    return Cidr.parseAddress(String.format("%x:%x:%x:%x:%x:%x:%x:%x", (hi >>> 48) & 0xFFFF, (hi >>> 32) & 0xFFFF,
        (hi >>> 16) & 0xFFFF, hi & 0xFFFF, (lo >>> 48) & 0xFFFF, (lo >>> 32) & 0xFFFF, (lo >>> 16) & 0xFFFF,
        lo & 0xFFFF));
  }

  // ------------------------------------------------------------------ results

  void unknown(Unknown u) {
    unknowns.add(u);
  }

  ImmutableList<Unknown> unknowns() {
    return ImmutableList.copyOf(unknowns);
  }

  /** Records a planned resource and the ids it stands for in the result. */
  void resource(ResourceChange c, List<String> groupIds, List<String> interfaceIds, boolean placeholder) {
    resources.put(c.address(), new PlannedResource(c.address(), c.type(), c.action(),
        ImmutableList.copyOf(new LinkedHashSet<>(groupIds)), ImmutableList.copyOf(new LinkedHashSet<>(interfaceIds)),
        placeholder));
  }

  Map<String, PlannedResource> resources() {
    return resources;
  }

  /** The network as the plan leaves it. */
  Network network() {
    Network.Builder b = Network.builder();
    vpcs.values().forEach(b::add);
    prefixLists.values().forEach(b::add);
    base.peerings().values().forEach(b::add);
    clusters.values().forEach(b::add);
    base.loadBalancers().values().forEach(b::add);
    base.targetGroups().values().forEach(b::add);
    groups.values().forEach(b::add);
    enis.values().forEach(b::add);
    return b.build();
  }
}
