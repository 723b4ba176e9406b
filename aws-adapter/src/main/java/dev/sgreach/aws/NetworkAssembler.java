package dev.sgreach.aws;

import dev.sgreach.model.Cidr;
import dev.sgreach.model.Network;
import dev.sgreach.model.PrefixList;
import dev.sgreach.model.Rule;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.ec2.model.ManagedPrefixList;
import software.amazon.awssdk.services.ec2.model.PrefixListEntry;
import software.amazon.awssdk.services.ec2.model.SecurityGroup;
import software.amazon.awssdk.services.ec2.model.SecurityGroupRule;
import software.amazon.awssdk.services.ec2.model.VpcPeeringConnection;
import software.amazon.awssdk.services.eks.model.Cluster;

/**
 * Gathers AWS SDK objects from any number of responses (files, pages, accounts, regions; or live calls), each with
 * its {@link Loc}, and builds one {@link Network} through {@link Ec2Shapes}.
 *
 * <p>Decisions made here:
 * <ul>
 *   <li>When describe-security-group-rules names a group, the group's rules come from it (one rule per entry, with
 *       its {@code sgr-} id) and the group's {@code IpPermissions} are ignored; groups it does not name keep their
 *       expanded {@code IpPermissions}. A group named only by the rules is added with its id and owner.
 *   <li>The same item seen twice (pages, both sides of a peering, two accounts) is kept once; the same id described
 *       differently is an error naming both places, since a snapshot holds one state of each thing.
 *   <li>A prefix list whose entries were not collected is {@link PrefixList#withUnknownEntries}; a later description
 *       with known entries replaces it.
 * </ul>
 */
final class NetworkAssembler {
  private final List<Located<SecurityGroup>> groups = new ArrayList<>();
  private final Map<String, List<Rule>> rulesByGroup = new LinkedHashMap<>();
  private final Map<String, String> ruleGroupOwners = new HashMap<>();
  private final Unique<dev.sgreach.model.NetworkInterface> interfaces = new Unique<>("network interface");
  private final Unique<dev.sgreach.model.Vpc> vpcs = new Unique<>("VPC");
  private final Unique<dev.sgreach.model.VpcPeering> peerings = new Unique<>("VPC peering");
  private final Unique<dev.sgreach.model.EksClusterInfo> clusters = new Unique<>("EKS cluster");
  private final Unique<dev.sgreach.model.LoadBalancer> loadBalancers = new Unique<>("load balancer");
  private final List<Located<ManagedPrefixList>> managedLists = new ArrayList<>();
  private final Map<String, Set<Cidr>> entries = new LinkedHashMap<>();
  private final Unique<PrefixList> awsManagedLists = new Unique<>("prefix list");

  /** A value and where it was read. */
  record Located<T>(T value, Loc loc) {}

  void securityGroup(SecurityGroup g, Loc loc) {
    groups.add(new Located<>(g, loc));
  }

  void securityGroupRule(SecurityGroupRule r, Loc loc) {
    String groupId = loc.field("GroupId").require(r.groupId());
    Rule rule = Ec2Shapes.toModel(r, loc);
    List<Rule> rules = rulesByGroup.computeIfAbsent(groupId, k -> new ArrayList<>());
    if (!rules.contains(rule)) {
      rules.add(rule);
    }
    if (r.groupOwnerId() != null) {
      ruleGroupOwners.putIfAbsent(groupId, r.groupOwnerId());
    }
  }

  void networkInterface(software.amazon.awssdk.services.ec2.model.NetworkInterface e, Loc loc) {
    dev.sgreach.model.NetworkInterface eni = Ec2Shapes.toModel(e, loc);
    interfaces.add(eni.id(), eni, loc);
  }

  void vpc(software.amazon.awssdk.services.ec2.model.Vpc v, Loc loc) {
    dev.sgreach.model.Vpc vpc = Ec2Shapes.toModel(v, loc);
    vpcs.add(vpc.id(), vpc, loc);
  }

  void peering(VpcPeeringConnection p, Loc loc) {
    dev.sgreach.model.VpcPeering peering = Ec2Shapes.toModel(p, loc);
    peerings.add(peering.id(), peering, loc);
  }

  void managedPrefixList(ManagedPrefixList list, Loc loc) {
    managedLists.add(new Located<>(list, loc));
  }

  void prefixListEntries(String prefixListId, List<PrefixListEntry> listEntries, Loc loc) {
    entries.computeIfAbsent(prefixListId, k -> new LinkedHashSet<>()).addAll(Ec2Shapes.entries(listEntries, loc));
  }

  void awsManagedPrefixList(software.amazon.awssdk.services.ec2.model.PrefixList list, Loc loc) {
    PrefixList pl = Ec2Shapes.toModel(list, loc);
    awsManagedLists.add(pl.id(), pl, loc);
  }

  void eksCluster(Cluster c, Loc loc) {
    dev.sgreach.model.EksClusterInfo cluster = Ec2Shapes.toModel(c, loc);
    clusters.add(cluster.name(), cluster, loc);
  }

  void loadBalancer(software.amazon.awssdk.services.elasticloadbalancingv2.model.LoadBalancer lb, Loc loc) {
    dev.sgreach.model.LoadBalancer model = Ec2Shapes.toModel(lb, loc);
    loadBalancers.add(model.arn(), model, loc);
  }

  Network build() {
    Unique<dev.sgreach.model.SecurityGroup> sgs = new Unique<>("security group");
    for (Located<SecurityGroup> g : groups) {
      dev.sgreach.model.SecurityGroup sg = Ec2Shapes.toModel(g.value(), g.loc(),
          Optional.ofNullable(rulesByGroup.get(g.value().groupId())));
      sgs.add(sg.id(), sg, g.loc());
    }
    rulesByGroup.forEach((id, rules) -> {
      if (!sgs.values.containsKey(id)) {
        sgs.values.put(id, Ec2Shapes.bareGroup(id, ruleGroupOwners.get(id), rules));
      }
    });
    Map<String, PrefixList> lists = new LinkedHashMap<>();
    Unique<PrefixList> managed = new Unique<>("prefix list");
    for (Located<ManagedPrefixList> l : managedLists) {
      Set<Cidr> known = entries.get(l.value().prefixListId());
      PrefixList pl = Ec2Shapes.toModel(l.value(), l.loc(), Optional.ofNullable(known).map(List::copyOf));
      managed.add(pl.id(), pl, l.loc());
    }
    lists.putAll(managed.values);
    entries.forEach((id, cidrs) -> lists.putIfAbsent(id, PrefixList.of(id, "", cidrs)));
    awsManagedLists.values.forEach((id, pl) -> lists.merge(id, pl, (a, b) -> a.entriesKnown() ? a : b));

    Network.Builder b = Network.builder();
    sgs.values.values().forEach(b::add);
    interfaces.values.values().forEach(b::add);
    lists.values().forEach(b::add);
    vpcs.values.values().forEach(b::add);
    peerings.values.values().forEach(b::add);
    clusters.values.values().forEach(b::add);
    loadBalancers.values.values().forEach(b::add);
    return b.build();
  }

  /** Items by id: the same item twice is kept once, the same id described differently is an error. */
  private static final class Unique<T> {
    private final String kind;
    private final Map<String, T> values = new LinkedHashMap<>();
    private final Map<String, Loc> where = new HashMap<>();

    Unique(String kind) {
      this.kind = kind;
    }

    void add(String id, T value, Loc loc) {
      T previous = values.putIfAbsent(id, value);
      if (previous == null) {
        where.put(id, loc);
      } else if (!previous.equals(value)) {
        Loc first = where.get(id);
        throw loc.fail(id, "describes " + kind + " " + id + " differently from " + first.file() + " "
            + first.path() + "; a snapshot holds one state of each " + kind);
      }
    }
  }
}
