package dev.sgreach.snapshot;

import java.util.Optional;

/**
 * Which AWS API response a JSON file holds, with the file names the snapshot layouts give it: the CloudMapper /
 * sgreach layout ({@code ec2-describe-security-groups.json}) and Batfish's {@code aws_configs} layout
 * ({@code SecurityGroups.json}). A file may be the plain response, as the AWS CLI prints it, or the same response
 * wrapped as cloud-custodian's placebo recordings store it ({@code {"status_code": 200, "data": {...}}}).
 */
public enum ResponseKind {
  /** {@code aws ec2 describe-security-groups}: groups with their rules grouped as {@code IpPermissions}. */
  SECURITY_GROUPS("SecurityGroups", "ec2-describe-security-groups.json", "SecurityGroups.json"),
  /**
   * {@code aws ec2 describe-security-group-rules}: one rule per entry, with its {@code sgr-...} id. When present it is
   * the rule source for the groups it names.
   */
  SECURITY_GROUP_RULES("SecurityGroupRules", "ec2-describe-security-group-rules.json", null),
  /** {@code aws ec2 describe-network-interfaces}: the ENIs, their addresses and security groups. */
  NETWORK_INTERFACES("NetworkInterfaces", "ec2-describe-network-interfaces.json", "NetworkInterfaces.json"),
  /** {@code aws ec2 describe-vpcs}. */
  VPCS("Vpcs", "ec2-describe-vpcs.json", "Vpcs.json"),
  /** {@code aws ec2 describe-vpc-peering-connections}. */
  VPC_PEERING_CONNECTIONS("VpcPeeringConnections", "ec2-describe-vpc-peering-connections.json",
      "VpcPeeringConnections.json"),
  /** {@code aws ec2 describe-managed-prefix-lists}: ids and names; the entries come from separate files. */
  MANAGED_PREFIX_LISTS("PrefixLists", "ec2-describe-managed-prefix-lists.json", null),
  /**
   * {@code aws ec2 get-managed-prefix-list-entries} for one list; the list id is the file name in the folder layout
   * ({@code ec2-get-managed-prefix-list-entries/pl-123.json}).
   */
  MANAGED_PREFIX_LIST_ENTRIES("Entries", "ec2-get-managed-prefix-list-entries", null),
  /** {@code aws ec2 describe-prefix-lists}: AWS-managed lists with their {@code Cidrs}. */
  PREFIX_LISTS("PrefixLists", "ec2-describe-prefix-lists.json", "PrefixLists.json"),
  /** {@code aws eks describe-cluster} for one cluster ({@code eks-describe-cluster/<name>.json}). */
  EKS_CLUSTER("cluster", "eks-describe-cluster", null),
  /** {@code aws elbv2 describe-load-balancers}. */
  LOAD_BALANCERS("LoadBalancers", "elbv2-describe-load-balancers.json", "LoadBalancers.json");

  private final String resultField;
  private final String fileName;
  private final String batfishFileName;

  ResponseKind(String resultField, String fileName, String batfishFileName) {
    this.resultField = resultField;
    this.fileName = fileName;
    this.batfishFileName = batfishFileName;
  }

  /** The response's top-level field holding the items, e.g. {@code SecurityGroups}. */
  public String resultField() {
    return resultField;
  }

  /**
   * The name in the sgreach / CloudMapper folder layout: a file, or for {@link #MANAGED_PREFIX_LIST_ENTRIES} and
   * {@link #EKS_CLUSTER} a folder holding one file per list or cluster.
   */
  public String fileName() {
    return fileName;
  }

  /** The name in a Batfish {@code aws_configs} folder, if Batfish collects this response. */
  public Optional<String> batfishFileName() {
    return Optional.ofNullable(batfishFileName);
  }

  /** True when the layout keeps one file per item in a folder named {@link #fileName()}. */
  boolean isFolder() {
    return this == MANAGED_PREFIX_LIST_ENTRIES || this == EKS_CLUSTER;
  }
}
