package dev.sgreach.cli;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A generated snapshot folder of one node group: {@code nodes} ENIs in one VPC carrying {@code sg-nodes} (every third
 * also {@code sg-extra}, so two ENI classes), addresses {@code 10.0.x.y}; {@code sg-nodes} admits tcp/443 from
 * itself and sends anything anywhere. The shape of a large cluster's node group, too large to keep as a resource.
 */
final class NodeGroupFolder {
  static final String NODES = "sg-0a1b2c3d4e5f60b01";
  static final String EXTRA = "sg-0a1b2c3d4e5f60b02";

  private NodeGroupFolder() {}

  static Path write(Path folder, int nodes) throws IOException {
    Files.createDirectories(folder);
    String vpc = "vpc-0a1b2c3d4e5f60001";
    try (Writer w = Files.newBufferedWriter(folder.resolve("ec2-describe-vpcs.json"))) {
      w.write("{\"Vpcs\": [{\"VpcId\": \"" + vpc + "\", \"CidrBlock\": \"10.0.0.0/16\", \"OwnerId\": \"111122223333\","
          + " \"State\": \"available\"}]}\n");
    }
    try (Writer w = Files.newBufferedWriter(folder.resolve("ec2-describe-security-groups.json"))) {
      w.write("{\"SecurityGroups\": [\n" + group(NODES, "nodes", vpc, "{\"IpProtocol\":\"tcp\",\"FromPort\":443,"
          + "\"ToPort\":443,\"IpRanges\":[],\"Ipv6Ranges\":[],\"PrefixListIds\":[],\"UserIdGroupPairs\":"
          + "[{\"GroupId\":\"" + NODES + "\",\"UserId\":\"111122223333\"}]}") + ",\n"
          + group(EXTRA, "extra", vpc, "{\"IpProtocol\":\"tcp\",\"FromPort\":22,\"ToPort\":22,\"IpRanges\":"
          + "[{\"CidrIp\":\"192.0.2.0/24\"}],\"Ipv6Ranges\":[],\"PrefixListIds\":[],\"UserIdGroupPairs\":[]}")
          + "\n]}\n");
    }
    try (Writer w = Files.newBufferedWriter(folder.resolve("ec2-describe-network-interfaces.json"))) {
      w.write("{\"NetworkInterfaces\": [\n");
      for (int i = 0; i < nodes; i++) {
        String address = "10.0." + (1 + i / 250) + "." + (1 + i % 250);
        String groups = "{\"GroupId\":\"" + NODES + "\",\"GroupName\":\"nodes\"}"
            + (i % 3 == 0 ? ",{\"GroupId\":\"" + EXTRA + "\",\"GroupName\":\"extra\"}" : "");
        w.write((i == 0 ? "" : ",\n") + "{\"NetworkInterfaceId\":\"" + eni(i) + "\",\"VpcId\":\"" + vpc
            + "\",\"SubnetId\":\"subnet-0a1b2c3d4e5f60f01\",\"InterfaceType\":\"interface\",\"Status\":\"in-use\","
            + "\"OwnerId\":\"111122223333\",\"PrivateIpAddress\":\"" + address + "\",\"PrivateIpAddresses\":"
            + "[{\"Primary\":true,\"PrivateIpAddress\":\"" + address + "\"}],\"Ipv6Addresses\":[],\"Groups\":["
            + groups + "]}");
      }
      w.write("\n]}\n");
    }
    return folder;
  }

  /** The id of node {@code i}. */
  static String eni(int i) {
    return String.format("eni-%017x", i);
  }

  private static String group(String id, String name, String vpc, String ingress) {
    return "{\"GroupId\":\"" + id + "\",\"GroupName\":\"" + name + "\",\"VpcId\":\"" + vpc + "\",\"OwnerId\":"
        + "\"111122223333\",\"Description\":\"" + name + "\",\"IpPermissions\":[" + ingress + "],"
        + "\"IpPermissionsEgress\":[{\"IpProtocol\":\"-1\",\"IpRanges\":[{\"CidrIp\":\"0.0.0.0/0\"}],"
        + "\"Ipv6Ranges\":[],\"PrefixListIds\":[],\"UserIdGroupPairs\":[]}]}";
  }
}
