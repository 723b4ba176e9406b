package dev.sgreach.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sgreach.model.Network;
import dev.sgreach.model.PrefixList;
import dev.sgreach.model.SecurityGroup;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.services.ec2.model.ManagedPrefixList;
import software.amazon.awssdk.services.ec2.model.PrefixListEntry;
import software.amazon.awssdk.services.ec2.model.SecurityGroupRule;
import software.amazon.awssdk.services.ec2.model.VpcPeeringConnection;
import software.amazon.awssdk.services.eks.model.Cluster;

/**
 * Writes a {@link Network} as a snapshot folder in the sgreach / CloudMapper layout, as plain AWS CLI JSON. Items are
 * sorted by id, rules keep the model's order, and the JSON is pretty-printed the same way every time, so that equal
 * networks give byte-identical folders.
 */
final class SnapshotWriter {
  private SnapshotWriter() {}

  static void write(Network network, Path folder) {
    prepare(folder);
    List<SecurityGroup> groups = sorted(network.securityGroups().values(), SecurityGroup::id);
    response(folder, ResponseKind.SECURITY_GROUPS, groups.stream().map(Ec2Shapes::toAws));
    response(folder, ResponseKind.SECURITY_GROUP_RULES, groups.stream().flatMap(g -> Ec2Shapes.toAwsRules(g)
        .stream()));
    Function<String, String> names = id -> network.securityGroup(id).map(SecurityGroup::name)
        .filter(n -> !n.isEmpty()).orElse(null);
    response(folder, ResponseKind.NETWORK_INTERFACES, sorted(network.interfaces().values(),
        dev.sgreach.model.NetworkInterface::id).stream().map(e -> Ec2Shapes.toAws(e, names)));
    if (!network.vpcs().isEmpty()) {
      response(folder, ResponseKind.VPCS, sorted(network.vpcs().values(), dev.sgreach.model.Vpc::id).stream()
          .map(Ec2Shapes::toAws));
    }
    if (!network.peerings().isEmpty()) {
      response(folder, ResponseKind.VPC_PEERING_CONNECTIONS, sorted(network.peerings().values(),
          dev.sgreach.model.VpcPeering::id).stream().map(Ec2Shapes::toAws));
    }
    List<PrefixList> lists = sorted(network.prefixLists().values(), PrefixList::id);
    if (!lists.isEmpty()) {
      response(folder, ResponseKind.MANAGED_PREFIX_LISTS, lists.stream().map(Ec2Shapes::toAws));
    }
    for (PrefixList list : lists) {
      list.entries().ifPresent(entries -> entries(folder, list.id(), Ec2Shapes.toAwsEntries(entries)));
    }
    for (var cluster : sorted(network.eksClusters().values(), dev.sgreach.model.EksClusterInfo::name)) {
      cluster(folder, cluster.name(), Ec2Shapes.toAws(cluster));
    }
    if (!network.loadBalancers().isEmpty()) {
      response(folder, ResponseKind.LOAD_BALANCERS, sorted(network.loadBalancers().values(),
          dev.sgreach.model.LoadBalancer::arn).stream().map(Ec2Shapes::toAws));
    }
  }

  /**
   * Writes the raw responses of a live load in the same layout, items sorted by id. EKS clusters keep only their
   * name, ARN, version, status, tags and {@code resourcesVpcConfig}, so nothing else a cluster description holds
   * (such as a connector activation code) reaches the disk.
   */
  static void write(AwsInventory inventory, Path folder) {
    prepare(folder);
    sortedResponse(folder, ResponseKind.SECURITY_GROUPS, inventory.groups,
        software.amazon.awssdk.services.ec2.model.SecurityGroup::groupId);
    // a stable sort: each group's rules keep AWS's order, which is the order of the group's rules in the model
    sortedResponse(folder, ResponseKind.SECURITY_GROUP_RULES, inventory.rules, SecurityGroupRule::groupId);
    sortedResponse(folder, ResponseKind.NETWORK_INTERFACES, inventory.interfaces,
        software.amazon.awssdk.services.ec2.model.NetworkInterface::networkInterfaceId);
    sortedResponse(folder, ResponseKind.VPCS, inventory.vpcs, software.amazon.awssdk.services.ec2.model.Vpc::vpcId);
    sortedResponse(folder, ResponseKind.VPC_PEERING_CONNECTIONS, inventory.peerings,
        VpcPeeringConnection::vpcPeeringConnectionId);
    sortedResponse(folder, ResponseKind.MANAGED_PREFIX_LISTS, inventory.prefixLists, ManagedPrefixList::prefixListId);
    inventory.entries.forEach((id, entries) -> entries(folder, id, entries));
    for (Cluster c : inventory.clusters) {
      cluster(folder, c.name(), Cluster.builder().name(c.name()).arn(c.arn()).version(c.version())
          .status(c.statusAsString()).resourcesVpcConfig(c.resourcesVpcConfig()).tags(c.hasTags() ? c.tags() : null)
          .build());
    }
    sortedResponse(folder, ResponseKind.LOAD_BALANCERS, inventory.loadBalancers,
        software.amazon.awssdk.services.elasticloadbalancingv2.model.LoadBalancer::loadBalancerArn);
  }

  private static <T extends SdkPojo> void sortedResponse(Path folder, ResponseKind kind, Collection<T> items,
      Function<T, String> id) {
    response(folder, kind, sorted(items, id).stream());
  }

  private static void entries(Path folder, String prefixListId, List<PrefixListEntry> entries) {
    AwsJson.write(document(ResponseKind.MANAGED_PREFIX_LIST_ENTRIES, entries.stream()),
        folder.resolve(ResponseKind.MANAGED_PREFIX_LIST_ENTRIES.fileName()).resolve(prefixListId + ".json"));
  }

  private static void cluster(Path folder, String name, Cluster cluster) {
    ObjectNode doc = JsonNodeFactory.instance.objectNode();
    doc.set(ResponseKind.EKS_CLUSTER.resultField(), AwsJson.toJson(cluster));
    AwsJson.write(doc, folder.resolve(ResponseKind.EKS_CLUSTER.fileName()).resolve(name + ".json"));
  }

  private static void response(Path folder, ResponseKind kind, Stream<? extends SdkPojo> items) {
    AwsJson.write(document(kind, items), folder.resolve(kind.fileName()));
  }

  private static JsonNode document(ResponseKind kind, Stream<? extends SdkPojo> items) {
    ObjectNode doc = JsonNodeFactory.instance.objectNode();
    ArrayNode array = doc.putArray(kind.resultField());
    items.forEach(i -> array.add(AwsJson.toJson(i)));
    return doc;
  }

  private static <T> List<T> sorted(Collection<T> items, Function<T, String> id) {
    return items.stream().sorted(Comparator.comparing(id)).toList();
  }

  private static void prepare(Path folder) {
    try {
      Files.createDirectories(folder);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create " + folder, e);
    }
    removeStale(folder);
  }

  /** Removes the layout's files from an earlier write, so that the folder holds exactly this network. */
  private static void removeStale(Path folder) {
    try {
      for (ResponseKind kind : ResponseKind.values()) {
        Path path = folder.resolve(kind.fileName());
        if (kind.isFolder() && Files.isDirectory(path)) {
          try (Stream<Path> files = Files.list(path)) {
            for (Path f : files.filter(f -> f.getFileName().toString().endsWith(".json")).toList()) {
              Files.delete(f);
            }
          }
        } else if (!kind.isFolder()) {
          Files.deleteIfExists(path);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot clear the snapshot files in " + folder, e);
    }
  }
}
