package dev.sgreach.aws;

import dev.sgreach.model.Network;
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
 * The AWS SDK objects of one complete load, as the API returned them: what the live loader collects, what
 * {@link SdkMapping} maps, and what {@link SnapshotWriter#write(AwsInventory, java.nio.file.Path)} saves as the raw
 * responses. It is mapped through {@link NetworkAssembler}, the same path saved CLI JSON takes.
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
    each(groups, LiveCalls.DESCRIBE_SECURITY_GROUPS, ResponseKind.SECURITY_GROUPS, a::securityGroup);
    each(rules, LiveCalls.DESCRIBE_SECURITY_GROUP_RULES, ResponseKind.SECURITY_GROUP_RULES, a::securityGroupRule);
    each(interfaces, LiveCalls.DESCRIBE_NETWORK_INTERFACES, ResponseKind.NETWORK_INTERFACES, a::networkInterface);
    each(vpcs, LiveCalls.DESCRIBE_VPCS, ResponseKind.VPCS, a::vpc);
    each(peerings, LiveCalls.DESCRIBE_VPC_PEERING_CONNECTIONS, ResponseKind.VPC_PEERING_CONNECTIONS, a::peering);
    each(prefixLists, LiveCalls.DESCRIBE_MANAGED_PREFIX_LISTS, ResponseKind.MANAGED_PREFIX_LISTS,
        a::managedPrefixList);
    entries.forEach((id, list) -> a.prefixListEntries(id, list,
        root(LiveCalls.GET_MANAGED_PREFIX_LIST_ENTRIES + " " + id).field("Entries")));
    for (Cluster c : clusters) {
      a.eksCluster(c, root(LiveCalls.DESCRIBE_CLUSTER + " " + c.name()).field("cluster"));
    }
    each(loadBalancers, LiveCalls.DESCRIBE_LOAD_BALANCERS, ResponseKind.LOAD_BALANCERS, a::loadBalancer);
    return a.build();
  }

  private <T> void each(List<T> items, String action, ResponseKind kind, BiConsumer<T, Loc> sink) {
    Loc at = root(action).field(kind.resultField());
    for (int i = 0; i < items.size(); i++) {
      sink.accept(items.get(i), at.index(i));
    }
  }

  private Loc root(String call) {
    return Loc.root(source.isEmpty() ? call : call + " (" + source + ")");
  }
}
