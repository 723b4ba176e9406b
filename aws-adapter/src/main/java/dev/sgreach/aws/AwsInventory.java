package dev.sgreach.aws;

import dev.sgreach.model.Network;
import dev.sgreach.snapshot.Location;
import dev.sgreach.snapshot.NetworkAssembler;
import dev.sgreach.snapshot.ResponseKind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import software.amazon.awssdk.services.ec2.model.ManagedPrefixList;
import software.amazon.awssdk.services.ec2.model.NetworkInterface;
import software.amazon.awssdk.services.ec2.model.PrefixListEntry;
import software.amazon.awssdk.services.ec2.model.SecurityGroup;
import software.amazon.awssdk.services.ec2.model.SecurityGroupRule;
import software.amazon.awssdk.services.ec2.model.Vpc;
import software.amazon.awssdk.services.ec2.model.VpcPeeringConnection;
import software.amazon.awssdk.services.eks.model.Cluster;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.LoadBalancer;

/**
 * The AWS SDK objects of one complete load, as the API returned them: what the live loader collects and what
 * {@link SdkMapping} maps. It is mapped through {@link SdkShapes} into the snapshot module's
 * {@link NetworkAssembler}, the same assembly saved CLI JSON goes through.
 */
final class AwsInventory {
  final List<SecurityGroup> groups = new ArrayList<>();
  final List<SecurityGroupRule> rules = new ArrayList<>();
  final List<NetworkInterface> interfaces = new ArrayList<>();
  final List<Vpc> vpcs = new ArrayList<>();
  final List<VpcPeeringConnection> peerings = new ArrayList<>();
  final List<ManagedPrefixList> prefixLists = new ArrayList<>();
  /** Entries by prefix list id, for the lists whose entries were collected. */
  final Map<String, List<PrefixListEntry>> entries = new LinkedHashMap<>();
  final List<Cluster> clusters = new ArrayList<>();
  final List<LoadBalancer> loadBalancers = new ArrayList<>();

  private final String source;

  /**
   * @param source how errors name where the items came from, e.g. {@code us-east-1} for a live load; each item's
   *     location reads {@code ec2:DescribeSecurityGroups (us-east-1): $.SecurityGroups[3]}
   */
  AwsInventory(String source) {
    this.source = source;
  }

  /** Maps everything into one network. */
  Network toNetwork() {
    NetworkAssembler a = new NetworkAssembler();
    each(groups, LiveCalls.DESCRIBE_SECURITY_GROUPS, ResponseKind.SECURITY_GROUPS,
        (g, at) -> a.securityGroup(SdkShapes.toModel(g, at), () -> SdkShapes.permissions(g, at), at));
    each(rules, LiveCalls.DESCRIBE_SECURITY_GROUP_RULES, ResponseKind.SECURITY_GROUP_RULES,
        (r, at) -> a.securityGroupRule(r.groupId(), r.groupOwnerId(), SdkShapes.toModel(r, at), at));
    each(interfaces, LiveCalls.DESCRIBE_NETWORK_INTERFACES, ResponseKind.NETWORK_INTERFACES,
        (e, at) -> a.networkInterface(SdkShapes.toModel(e, at), at));
    each(vpcs, LiveCalls.DESCRIBE_VPCS, ResponseKind.VPCS, (v, at) -> a.vpc(SdkShapes.toModel(v, at), at));
    each(peerings, LiveCalls.DESCRIBE_VPC_PEERING_CONNECTIONS, ResponseKind.VPC_PEERING_CONNECTIONS,
        (p, at) -> a.peering(SdkShapes.toModel(p, at), at));
    each(prefixLists, LiveCalls.DESCRIBE_MANAGED_PREFIX_LISTS, ResponseKind.MANAGED_PREFIX_LISTS,
        (l, at) -> a.managedPrefixList(l.prefixListId(), l.prefixListName(), at));
    entries.forEach((id, list) -> {
      Location at = root(LiveCalls.GET_MANAGED_PREFIX_LIST_ENTRIES + " " + id).field("Entries");
      a.prefixListEntries(id, SdkShapes.entries(list, at), at);
    });
    for (Cluster c : clusters) {
      Location at = root(LiveCalls.DESCRIBE_CLUSTER + " " + c.name()).field("cluster");
      a.eksCluster(SdkShapes.toModel(c, at), at);
    }
    each(loadBalancers, LiveCalls.DESCRIBE_LOAD_BALANCERS, ResponseKind.LOAD_BALANCERS,
        (lb, at) -> a.loadBalancer(SdkShapes.toModel(lb, at), at));
    return a.build();
  }

  private <T> void each(List<T> items, String action, ResponseKind kind, BiConsumer<T, Location> sink) {
    Location at = root(action).field(kind.resultField());
    for (int i = 0; i < items.size(); i++) {
      sink.accept(items.get(i), at.index(i));
    }
  }

  private Location root(String call) {
    return Location.root(source.isEmpty() ? call : call + " (" + source + ")");
  }
}
