package dev.sgreach.aws;

import dev.sgreach.model.Network;
import dev.sgreach.snapshot.SnapshotException;
import java.util.List;
import software.amazon.awssdk.services.ec2.model.NetworkInterface;
import software.amazon.awssdk.services.ec2.model.SecurityGroup;
import software.amazon.awssdk.services.ec2.model.SecurityGroupRule;

/**
 * Maps AWS SDK v2 objects, as the EC2 API returns them, to a {@link Network}: the mapping that live loads and
 * saved snapshots go through, open to callers holding SDK objects of their own (generators, benchmarks).
 */
public final class SdkMapping {
  private SdkMapping() {}

  /**
   * Maps security groups, their rules and network interfaces.
   *
   * @param groups as {@code DescribeSecurityGroups} returns them
   * @param rules as {@code DescribeSecurityGroupRules} returns them; a group named here takes its rules (with their
   *     {@code sgr-} ids) from here and its {@code IpPermissions} are ignored; may be empty
   * @param interfaces as {@code DescribeNetworkInterfaces} returns them
   * @throws SnapshotException naming the operation and item path of a value that cannot be mapped
   */
  public static Network toNetwork(List<SecurityGroup> groups, List<SecurityGroupRule> rules,
      List<NetworkInterface> interfaces) {
    AwsInventory inventory = new AwsInventory("");
    inventory.groups.addAll(groups);
    inventory.rules.addAll(rules);
    inventory.interfaces.addAll(interfaces);
    return inventory.toNetwork();
  }

  /** The network's security groups as {@code DescribeSecurityGroups} would return them (rules grouped). */
  public static List<SecurityGroup> securityGroups(Network network) {
    return network.securityGroups().values().stream().map(SdkShapes::toAws).toList();
  }

  /** The network's interfaces as {@code DescribeNetworkInterfaces} would return them. */
  public static List<NetworkInterface> networkInterfaces(Network network) {
    java.util.function.Function<String, String> names =
        id -> network.securityGroup(id).map(dev.sgreach.model.SecurityGroup::name).orElse(null);
    return network.interfaces().values().stream().map(e -> SdkShapes.toAws(e, names)).toList();
  }
}
