package dev.sgreach.eks;

/** What an ENI is to an EKS cluster (DOMAIN.md table d and section 2). */
public enum InterfaceRole {
  /** A control-plane cross-account ENI ("X-ENI"): description {@code Amazon EKS <cluster>}, no instance. */
  CONTROL_PLANE("control plane"),
  /** An ENI of a managed-nodegroup instance: carries the cluster SG (eksctl's launch template puts it there). */
  MANAGED_NODE("managed node"),
  /** An ENI of a self-managed (eksctl "unmanaged") nodegroup instance: carries the nodegroup SG and the shared SG. */
  SELF_MANAGED_NODE("self-managed node"),
  /**
   * A trunk ENI ({@code aws-k8s-trunk-eni}, type {@code trunk}) that the VPC resource controller attaches to a node
   * for security groups for pods; it carries the node's groups and is part of that node.
   */
  TRUNK("trunk ENI"),
  /**
   * A pod with its own security groups: a branch ENI ({@code aws-k8s-branch-eni}, type {@code branch}) carrying the
   * {@code SecurityGroupPolicy} groups, linked to its node through tag {@code vpcresources.k8s.aws/trunk-eni-id}.
   */
  POD_WITH_SG("pod with its own SG"),
  /** A Fargate pod's ENI: carries the cluster SG (or the pod's {@code SecurityGroupPolicy} groups), no instance. */
  FARGATE_POD("Fargate pod"),
  /** A load balancer ENI ({@code ELB app/...} or {@code ELB net/...}) carrying the cluster's LBC groups. */
  LOAD_BALANCER("load balancer"),
  /** An interface VPC endpoint ENI carrying one of the cluster's groups (eksctl: the shared node SG). */
  VPC_ENDPOINT("VPC endpoint"),
  /** An instance that is not a node but carries the shared SG to reach the cluster (the seed's Cloud9 bastion). */
  BASTION("bastion"),
  /** Another resource that carries the shared SG or the cluster SG (a database, ...), not an instance. */
  SHARED_SG_MEMBER("shared SG member");

  private final String title;

  InterfaceRole(String title) {
    this.title = title;
  }

  /** The role as people name it: {@code control plane}, {@code managed node}, {@code Fargate pod}, ... */
  public String title() {
    return title;
  }
}
