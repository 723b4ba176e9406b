package dev.sgreach.snapshot;

import dev.sgreach.model.AwsId;
import dev.sgreach.model.Cidr;
import dev.sgreach.model.EksClusterInfo;
import dev.sgreach.model.InternetGateway;
import dev.sgreach.model.Layer;
import dev.sgreach.model.LoadBalancer;
import dev.sgreach.model.NatGateway;
import dev.sgreach.model.Network;
import dev.sgreach.model.NetworkAcl;
import dev.sgreach.model.NetworkInterface;
import dev.sgreach.model.PrefixList;
import dev.sgreach.model.RouteTable;
import dev.sgreach.model.Rule;
import dev.sgreach.model.SecurityGroup;
import dev.sgreach.model.Subnet;
import dev.sgreach.model.TransitGateway;
import dev.sgreach.model.Vpc;
import dev.sgreach.model.VpcEndpoint;
import dev.sgreach.model.VpcPeering;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.IntStream;

/**
 * Gathers what any number of AWS responses say (files, accounts, regions; or live calls), each item already mapped
 * onto the model with its {@link Location}, and builds one {@link Network}. The snapshot reader and the live loader
 * both build through it, so these decisions are made here once:
 * <ul>
 *   <li>When describe-security-group-rules names a group, the group's rules come from it (one rule per entry, with
 *       its {@code sgr-} id); the group's {@code IpPermissions} must say the same (the same rules, ids aside), or the
 *       two sources disagree and the build fails naming both and a rule only one of them has. Groups it does not name
 *       keep their expanded {@code IpPermissions}. A group named only by the rules is added with its id and owner.
 *       Several rules responses add up (one may be filtered to some rules), each rule kept once by its id.
 *   <li>The same item seen twice (both sides of a peering, two accounts, a file added twice) is kept once; the same
 *       id described differently is an error naming both places, since a snapshot holds one state of each thing. This
 *       holds for a rule's {@code sgr-} id in two rules responses, and for a prefix list's entries in two entries
 *       files or in an entries file and describe-prefix-lists.
 *   <li>A managed prefix list whose entries were not collected is {@link PrefixList#withUnknownEntries}; entries
 *       without a description make a list of their own; describe-prefix-lists (AWS-managed lists with their
 *       {@code Cidrs}) fills in a list whose entries are otherwise unknown.
 *   <li>A network ACL or route table response, even an empty one, makes its path layer covered
 *       ({@link #responseRead}); transit gateways are put together from their parts as {@code TransitGatewayParts}
 *       says.
 * </ul>
 *
 * <p>Not thread-safe: feed it from one thread, in a stable order (the first error reported must not depend on
 * timing).
 */
public final class NetworkAssembler {
  /**
   * From this many groups on, {@link #build()} checks and builds groups on several threads (the common pool); tests
   * lower it.
   */
  static int parallelGroups = 512;
  private final List<Described> groups = new ArrayList<>();
  private final Map<String, GroupRules> rulesByGroup = new LinkedHashMap<>();
  private final Map<String, String> ruleGroupOwners = new HashMap<>();
  private final Unique<NetworkInterface> interfaces = new Unique<>("network interface");
  private final Unique<Vpc> vpcs = new Unique<>("VPC");
  private final Unique<VpcPeering> peerings = new Unique<>("VPC peering");
  private final Unique<EksClusterInfo> clusters = new Unique<>("EKS cluster");
  private final Unique<LoadBalancer> loadBalancers = new Unique<>("load balancer");
  private final BalancerParts balancers = new BalancerParts();
  private final List<ManagedList> managedLists = new ArrayList<>();
  private final Map<String, Entries> entries = new LinkedHashMap<>();
  private final Unique<PrefixList> awsManagedLists = new Unique<>("prefix list");
  private final Unique<Subnet> subnets = new Unique<>("subnet");
  private final Unique<NetworkAcl> networkAcls = new Unique<>("network ACL");
  private final Unique<RouteTable> routeTables = new Unique<>("route table");
  private final Unique<InternetGateway> internetGateways = new Unique<>("internet gateway");
  private final Unique<NatGateway> natGateways = new Unique<>("NAT gateway");
  private final Unique<VpcEndpoint> vpcEndpoints = new Unique<>("VPC endpoint");
  private final TransitGatewayParts transit = new TransitGatewayParts();
  private final EnumSet<ResponseKind> read = EnumSet.noneOf(ResponseKind.class);

  /** A group of describe-security-groups, its rules mapped from {@code IpPermissions}. */
  private record Described(SecurityGroup group, Supplier<List<Rule>> permissions, Location at) {}

  private record ManagedList(String id, String name, Location at) {}

  /** A list's entries as one get-managed-prefix-list-entries response gave them. */
  private record Entries(Set<Cidr> cidrs, Location at) {}

  /**
   * One group's rules from describe-security-group-rules, each kept once. A response may hold only some of a group's
   * rules (one filtered by rule id), so several responses add up: a rule seen again is recognised by its
   * {@code sgr-} id, or, without one, by comparing it with the rules of other responses (the entries of one response
   * are distinct rules). The same id with other content is two states of one rule: an error naming both places.
   */
  private static final class GroupRules {
    final List<Rule> rules = new ArrayList<>();
    final Map<String, Location> byId = new HashMap<>();
    final Map<String, Rule> ruleById = new HashMap<>();
    final Location firstAt;
    Location onlySource;
    boolean severalSources;

    GroupRules(Location at) {
      this.firstAt = at;
    }

    void add(String groupId, Rule rule, Location at) {
      Location source = at.document();
      if (onlySource == null) {
        onlySource = source;
      } else if (onlySource != source) {
        severalSources = true;
      }
      if (!rule.ruleId().isEmpty()) {
        Rule before = ruleById.putIfAbsent(rule.ruleId(), rule);
        if (before == null) {
          byId.put(rule.ruleId(), at);
          rules.add(rule);
        } else if (!before.equals(rule)) {
          Location first = byId.get(rule.ruleId());
          throw at.fail(rule.ruleId(), "describes rule " + rule.ruleId() + " of security group " + groupId
              + " differently from " + first.file() + " " + first.path() + " (" + before.describe() + " there, "
              + rule.describe() + " here); a snapshot holds one state of each rule");
        }
      } else if (!severalSources || !rules.contains(rule)) {
        rules.add(rule);
      }
    }
  }

  /**
   * The error when two sources give a group different rules: empty when they hold the same rules (as sets;
   * {@code ignoreIds} leaves rule ids out, for describe-security-groups, which has none).
   */
  private static Optional<SnapshotException> disagreement(String groupId, List<Rule> a, Location aAt, List<Rule> b,
      Location bAt, boolean ignoreIds) {
    if (sameInOrder(a, b, ignoreIds)) {
      return Optional.empty(); // the same rules in the same order, as two responses saved together give them
    }
    Set<Rule> first = new LinkedHashSet<>();
    a.forEach(r -> first.add(ignoreIds && !r.ruleId().isEmpty() ? r.withRuleId("") : r));
    Set<Rule> second = new LinkedHashSet<>();
    b.forEach(r -> second.add(ignoreIds && !r.ruleId().isEmpty() ? r.withRuleId("") : r));
    if (first.equals(second)) {
      return Optional.empty();
    }
    List<String> onlyFirst = first.stream().filter(r -> !second.contains(r)).map(Rule::describe).toList();
    List<String> onlySecond = second.stream().filter(r -> !first.contains(r)).map(Rule::describe).toList();
    return Optional.of(bAt.fail(groupId, "gives security group " + groupId + " other rules than " + aAt.file() + " "
        + aAt.path() + " (" + difference("only there", onlyFirst) + "; " + difference("only here", onlySecond)
        + "); a snapshot holds one state of each group: save both responses at the same time"));
  }

  /** True when the two lists hold equal rules at each position ({@code ignoreIds}: rule ids left out). */
  private static boolean sameInOrder(List<Rule> a, List<Rule> b, boolean ignoreIds) {
    if (a.size() != b.size()) {
      return false;
    }
    for (int i = 0; i < a.size(); i++) {
      Rule x = a.get(i);
      Rule y = b.get(i);
      if (x.direction() != y.direction() || !x.ports().equals(y.ports()) || !x.peer().equals(y.peer())
          || !x.description().equals(y.description()) || !ignoreIds && !x.ruleId().equals(y.ruleId())) {
        return false;
      }
    }
    return true;
  }

  private static String difference(String where, List<String> rules) {
    if (rules.isEmpty()) {
      return where + ": nothing";
    }
    return where + ": " + String.join(", ", rules.subList(0, Math.min(2, rules.size())))
        + (rules.size() > 2 ? " and " + (rules.size() - 2) + " more" : "");
  }

  /**
   * A group of describe-security-groups.
   *
   * @param group the group's id, name, VPC, owner, description and tags (rules, if any, are ignored)
   * @param permissions its {@code IpPermissions} and {@code IpPermissionsEgress} expanded to one rule per peer;
   *     called at {@link #build()}, and may throw a {@link SnapshotException} naming a bad value
   * @param at where the group was read
   */
  public void securityGroup(SecurityGroup group, Supplier<List<Rule>> permissions, Location at) {
    groups.add(new Described(group, permissions, at));
  }

  /**
   * One entry of describe-security-group-rules, mapped; {@code groupOwnerId} may be null.
   *
   * @param at where the entry was read (its {@link Location#document()} tells one response from another)
   */
  public void securityGroupRule(String groupId, String groupOwnerId, Rule rule, Location at) {
    rulesByGroup.computeIfAbsent(groupId, k -> new GroupRules(at)).add(groupId, rule, at);
    if (groupOwnerId != null) {
      ruleGroupOwners.putIfAbsent(groupId, groupOwnerId);
    }
  }

  public void networkInterface(NetworkInterface eni, Location at) {
    interfaces.add(eni.id(), eni, at);
  }

  public void vpc(Vpc vpc, Location at) {
    vpcs.add(vpc.id(), vpc, at);
  }

  public void peering(VpcPeering peering, Location at) {
    peerings.add(peering.id(), peering, at);
  }

  /** One list of describe-managed-prefix-lists; its entries come from {@link #prefixListEntries}. */
  public void managedPrefixList(String id, String name, Location at) {
    managedLists.add(new ManagedList(AwsValues.requiredId(AwsId.PREFIX_LIST, id, at, "PrefixListId"), name,
        at));
  }

  /**
   * The entries get-managed-prefix-list-entries returned for one list, all of them (the reader refuses a page of
   * several). Two responses for one list must hold the same entries.
   *
   * @param at where the entries were read (the {@code Entries} array)
   */
  public void prefixListEntries(String prefixListId, List<Cidr> listEntries, Location at) {
    Entries these = new Entries(new LinkedHashSet<>(listEntries), at);
    Entries before = entries.putIfAbsent(prefixListId, these);
    if (before != null && !before.cidrs().equals(these.cidrs())) {
      throw at.fail(prefixListId, "gives prefix list " + prefixListId + " other entries than " + before.at().file()
          + " " + before.at().path() + " (" + before.cidrs().size() + " there, " + these.cidrs().size() + " here);"
          + " a snapshot holds one state of each prefix list");
    }
  }

  /** One list of describe-prefix-lists, whose {@code Cidrs} are always known. */
  public void awsManagedPrefixList(PrefixList list, Location at) {
    awsManagedLists.add(list.id(), list, at);
  }

  public void eksCluster(EksClusterInfo cluster, Location at) {
    clusters.add(cluster.name(), cluster, at);
  }

  public void loadBalancer(LoadBalancer lb, Location at) {
    loadBalancers.add(lb.arn(), lb, at);
  }

  /** Where listeners, target groups and their attributes and targets are joined. */
  public BalancerParts balancers() {
    return balancers;
  }

  /**
   * A whole response of this kind was read (a file, or every page of a live call), even one without items: a network
   * ACL or route table response makes the snapshot cover that layer ({@link Network#layers()}), and transit gateways
   * are known only when their attachments response was read ({@link TransitGatewayParts}).
   */
  public void responseRead(ResponseKind kind) {
    read.add(kind);
  }

  public void subnet(Subnet subnet, Location at) {
    subnets.add(subnet.id(), subnet, at);
  }

  public void networkAcl(NetworkAcl acl, Location at) {
    networkAcls.add(acl.id(), acl, at);
  }

  public void routeTable(RouteTable table, Location at) {
    routeTables.add(table.id(), table, at);
  }

  /** An internet gateway or an egress-only internet gateway. */
  public void internetGateway(InternetGateway gateway, Location at) {
    internetGateways.add(gateway.id(), gateway, at);
  }

  public void natGateway(NatGateway gateway, Location at) {
    natGateways.add(gateway.id(), gateway, at);
  }

  public void vpcEndpoint(VpcEndpoint endpoint, Location at) {
    vpcEndpoints.add(endpoint.id(), endpoint, at);
  }

  /** One transit gateway of describe-transit-gateways; {@code owner} and {@code state} may be null. */
  public void transitGateway(String id, String owner, String state, Optional<Boolean> securityGroupReferencing,
      Location at) {
    transit.gateway(id, owner, state, securityGroupReferencing, at);
  }

  /**
   * One entry of describe-transit-gateway-attachments: the attachment's resource, state and association (its subnets
   * and options come from {@link #transitGatewayVpcAttachment}); {@code gatewayOwner} may be null.
   */
  public void transitGatewayAttachment(String gatewayId, String gatewayOwner, TransitGateway.Attachment attachment,
      Location at) {
    transit.attachment(gatewayId, gatewayOwner, attachment, at);
  }

  /** One entry of describe-transit-gateway-vpc-attachments: the VPC, state, subnets and options. */
  public void transitGatewayVpcAttachment(String gatewayId, TransitGateway.Attachment attachment, Location at) {
    transit.vpcAttachment(gatewayId, attachment, at);
  }

  /** One route table of describe-transit-gateway-route-tables; {@code state} may be null. */
  public void transitGatewayRouteTable(String gatewayId, String tableId, String state, Location at) {
    transit.routeTable(gatewayId, tableId, state, at);
  }

  /** An enabled propagation of a transit gateway route table. */
  public void transitGatewayPropagation(String tableId, String attachmentId, Location at) {
    transit.propagation(tableId, attachmentId);
  }

  /** The propagations of this table were read in full (so a table without this call has unknown ones). */
  public void transitGatewayPropagationsRead(String tableId, Location at) {
    transit.propagationsRead(tableId);
  }

  /** A static or propagated route of a transit gateway route table, in force. */
  public void transitGatewayRoute(String tableId, TransitGateway.Route route, Location at) {
    transit.route(tableId, route);
  }

  /** A route of this table that the model cannot hold (to a prefix list): that list of routes is incomplete. */
  public void transitGatewayRouteUnknown(String tableId, boolean propagated, String what, Location at) {
    transit.routeUnknown(tableId, propagated);
  }

  /**
   * The static ({@code propagated} false) or propagated routes of this table were read, {@code complete} unless AWS
   * said more were available.
   */
  public void transitGatewayRoutesRead(String tableId, boolean propagated, boolean complete, Location at) {
    transit.routesRead(tableId, propagated, complete);
  }

  /**
   * The network of everything fed.
   *
   * @throws SnapshotException when a group's {@code IpPermissions} hold a bad value, or an id is described twice
   *     differently
   */
  public Network build() {
    Unique<SecurityGroup> sgs = new Unique<>("security group");
    // each group is checked against the rules file and built on its own, on several threads for a region; the
    // first error in feeding order is the one thrown, as one thread would
    Object[] built = new Object[groups.size()]; // the group, or the exception building it threw
    IntStream all = IntStream.range(0, built.length);
    (built.length >= parallelGroups ? all.parallel() : all).forEach(i -> {
      try {
        built[i] = group(groups.get(i));
      } catch (RuntimeException e) {
        built[i] = e;
      }
    });
    for (int i = 0; i < built.length; i++) {
      if (built[i] instanceof RuntimeException e) {
        throw e;
      }
      SecurityGroup sg = (SecurityGroup) built[i];
      sgs.add(sg.id(), sg, groups.get(i).at());
    }
    rulesByGroup.forEach((id, rules) -> {
      if (!sgs.values.containsKey(id)) {
        SecurityGroup.Builder b = SecurityGroup.builder(id).owner(ruleGroupOwners.get(id));
        rules.rules.forEach(b::rule);
        sgs.values.put(id, b.build());
      }
    });
    Map<String, PrefixList> lists = new LinkedHashMap<>();
    Unique<PrefixList> managed = new Unique<>("prefix list");
    for (ManagedList l : managedLists) {
      Optional<List<Cidr>> known = Optional.ofNullable(entries.get(l.id())).map(e -> List.copyOf(e.cidrs()));
      PrefixList pl = l.at().build(() -> known.isPresent() ? PrefixList.of(l.id(), l.name(), known.get())
          : PrefixList.withUnknownEntries(l.id(), l.name()));
      managed.add(pl.id(), pl, l.at());
    }
    lists.putAll(managed.values);
    entries.forEach((id, e) -> lists.putIfAbsent(id, PrefixList.of(id, "", e.cidrs())));
    awsManagedLists.values.forEach((id, pl) -> {
      PrefixList other = lists.get(id);
      if (other != null && other.entriesKnown() && !Set.copyOf(other.entries().get()).equals(
          Set.copyOf(pl.entries().orElseThrow()))) {
        Location here = awsManagedLists.where.get(id);
        Entries there = entries.get(id);
        throw here.fail(id, "gives prefix list " + id + " other entries than " + (there == null ? "its"
            + " get-managed-prefix-list-entries response" : there.at().file() + " " + there.at().path())
            + "; a snapshot holds one state of each prefix list");
      }
      lists.merge(id, pl, (a, b) -> a.entriesKnown() ? a : b);
    });

    Network.Builder b = Network.builder();
    sgs.values.values().forEach(b::add);
    interfaces.values.values().forEach(b::add);
    lists.values().forEach(b::add);
    vpcs.values.values().forEach(b::add);
    peerings.values.values().forEach(b::add);
    clusters.values.values().forEach(b::add);
    balancers.build(loadBalancers.values, read.contains(ResponseKind.LISTENERS)
        || read.contains(ResponseKind.BATFISH_LISTENERS), b);
    subnets.values.values().forEach(b::add);
    networkAcls.values.values().forEach(b::add);
    routeTables.values.values().forEach(b::add);
    internetGateways.values.values().forEach(b::add);
    natGateways.values.values().forEach(b::add);
    vpcEndpoints.values.values().forEach(b::add);
    transit.build(read.contains(ResponseKind.TRANSIT_GATEWAY_ATTACHMENTS)).forEach(b::add);
    if (read.contains(ResponseKind.NETWORK_ACLS)) {
      b.collected(Layer.NETWORK_ACLS);
    }
    if (read.contains(ResponseKind.ROUTE_TABLES)) {
      b.collected(Layer.ROUTES);
    }
    return b.build();
  }

  /**
   * One group of describe-security-groups with its rules: those of the rules file when it names the group (which
   * must agree with the group's {@code IpPermissions}), else its expanded permissions.
   */
  private SecurityGroup group(Described d) {
    GroupRules fromRulesFile = rulesByGroup.get(d.group().id());
    List<Rule> permissions = d.permissions().get();
    if (fromRulesFile != null) {
      disagreement(d.group().id(), fromRulesFile.rules, fromRulesFile.firstAt, permissions, d.at(), true)
          .ifPresent(e -> {
            throw e;
          });
    }
    List<Rule> rules = fromRulesFile != null ? fromRulesFile.rules : permissions;
    return d.at().build(() -> {
      SecurityGroup.Builder b = d.group().toBuilder().clearRules();
      rules.forEach(b::rule);
      return b.build();
    });
  }

  /** Items by id: the same item twice is kept once, the same id described differently is an error. */
  private static final class Unique<T> {
    private final String kind;
    private final Map<String, T> values = new LinkedHashMap<>();
    private final Map<String, Location> where = new HashMap<>();

    Unique(String kind) {
      this.kind = kind;
    }

    void add(String id, T value, Location at) {
      T previous = values.putIfAbsent(id, value);
      if (previous == null) {
        where.put(id, at);
      } else if (!previous.equals(value)) {
        Location first = where.get(id);
        throw at.fail(id, "describes " + kind + " " + id + " differently from " + first.file() + " "
            + first.path() + "; a snapshot holds one state of each " + kind);
      }
    }
  }
}
