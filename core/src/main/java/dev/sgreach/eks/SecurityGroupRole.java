package dev.sgreach.eks;

/**
 * What a security group is to an EKS cluster, as EKS, eksctl and the AWS Load Balancer Controller create them
 * (DOMAIN.md tables a, b, c and e).
 */
public enum SecurityGroupRole {
  /**
   * The EKS-created cluster security group ({@code eks-cluster-sg-<cluster>-<id>}, tag
   * {@code aws:eks:cluster-name}; authoritative: {@code describe-cluster clusterSecurityGroupId}). EKS puts it on the
   * control-plane ENIs, on managed-node ENIs (eksctl's launch template adds it explicitly) and on Fargate pods; it
   * admits all traffic from itself.
   */
  CLUSTER_SG("EKS cluster SG"),
  /**
   * An additional control-plane group ({@code describe-cluster securityGroupIds}): eksctl's
   * {@code ControlPlaneSecurityGroup} ("Communication between the control plane and worker nodegroups", the seed's
   * "Additional SG") or a user-given {@code vpc.securityGroup}. It sits only on the control-plane ENIs.
   */
  CONTROL_PLANE_SG("control-plane SG (additional)"),
  /**
   * eksctl's {@code ClusterSharedNodeSecurityGroup} ("Communication between all nodes in the cluster") or the
   * user-given {@code vpc.sharedNodeSecurityGroup}: on self-managed node ENIs, VPC endpoints of private clusters and
   * anything else that must talk to the cluster (bastions); it and the cluster SG admit each other.
   */
  SHARED_NODE_SG("shared node SG"),
  /**
   * The {@code SG} of an eksctl self-managed nodegroup stack ({@code eksctl-<cluster>-nodegroup-<ng>}, tag
   * {@code kubernetes.io/cluster/<cluster>=owned}): admits the control-plane SG on tcp 443 and 1025-65535.
   */
  NODEGROUP_SG("nodegroup SG"),
  /** eksctl's {@code SSH} group of a managed nodegroup ({@code <stack>-remoteAccess}). */
  NODEGROUP_SSH_SG("nodegroup SSH SG"),
  /** eksctl's {@code EFASG} ("EFA-enabled security group"), deliberately without a cluster tag. */
  EFA_SG("EFA SG"),
  /** EKS's {@code eks-remoteAccess-*} group of a managed node group without a launch template (UNCONFIRMED tags). */
  REMOTE_ACCESS_SG("remote-access SG"),
  /**
   * The LBC's managed frontend group of one load balancer ({@code [k8s] Managed SecurityGroup for LoadBalancer},
   * {@code k8s-<ns>-<name>-<hash>}): admits the listener ports from the inbound CIDRs.
   */
  LBC_MANAGED_SG("LB managed SG"),
  /**
   * The LBC's shared backend group ({@code k8s-traffic-<cluster>-<hash>}, tag {@code elbv2.k8s.aws/resource=backend-sg}):
   * no inbound rules; on every LBC load balancer, and the source of the {@code elbv2.k8s.aws/targetGroupBinding=shared}
   * rules on node and pod groups.
   */
  LBC_BACKEND_SG("LB shared backend SG"),
  /** A group a {@code SecurityGroupPolicy} puts on pods: found on branch ENIs (or Fargate pod ENIs). */
  POD_SG("pod SG"),
  /**
   * A group that is none of the above but is carried by an ENI of the cluster (e.g. a bastion's own group, a
   * database's group): sgreach knows it only through what carries it.
   */
  MEMBER_SG("user SG on cluster ENIs");

  private final String title;

  SecurityGroupRole(String title) {
    this.title = title;
  }

  /**
   * The role as people name it, in the words of the seed document where it has them: {@code EKS cluster SG},
   * {@code control-plane SG (additional)} (the seed's "Additional SG"), {@code shared node SG}, {@code nodegroup SG},
   * {@code LB managed SG}, {@code LB shared backend SG}, ...
   */
  public String title() {
    return title;
  }

  /** The role's name on the command line: the constant in lower case with hyphens, e.g. {@code lbc-backend-sg}. */
  public String id() {
    return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
  }
}
