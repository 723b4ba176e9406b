package dev.sgreach.eks;

import java.util.Map;
import java.util.Optional;

/**
 * The tag keys, names and description texts by which EKS, eksctl, the VPC CNI, the VPC resource controller and the
 * AWS Load Balancer Controller mark what they create (DOMAIN.md tables a-e): one place for every literal that both
 * the recogniser and the topology builder rely on.
 */
final class EksTags {
  private EksTags() {}

  // ---- EKS (table b)
  static final String EKS_CLUSTER_NAME = "aws:eks:cluster-name";
  static final String CLUSTER_SG_DESCRIPTION = "EKS created security group applied to ENI that is attached to EKS"
      + " Control Plane master nodes, as well as any managed workloads.";
  static final String CONTROL_PLANE_ENI_PREFIX = "Amazon EKS ";

  static String clusterTag(String cluster) {
    return "kubernetes.io/cluster/" + cluster;
  }


  // ---- CloudFormation / eksctl (table a)
  static final String CFN_LOGICAL_ID = "aws:cloudformation:logical-id";
  static final String CFN_STACK_NAME = "aws:cloudformation:stack-name";
  static final String CFN_STACK_ID = "aws:cloudformation:stack-id";
  static final String EKSCTL_CLUSTER_NAME = "alpha.eksctl.io/cluster-name";
  static final String EKSCTL_CLUSTER_NAME_OLD = "eksctl.cluster.k8s.io/v1alpha1/cluster-name";
  static final String EKSCTL_VERSION = "alpha.eksctl.io/eksctl-version";
  static final String EKSCTL_NODEGROUP_NAME = "alpha.eksctl.io/nodegroup-name";
  static final String EKSCTL_NODEGROUP_TYPE = "alpha.eksctl.io/nodegroup-type";
  static final String EKSCTL_NODEGROUP_NAME_V1ALPHA2 = "eksctl.io/v1alpha2/nodegroup-name";
  static final String LOGICAL_CONTROL_PLANE_SG = "ControlPlaneSecurityGroup";
  static final String LOGICAL_SHARED_NODE_SG = "ClusterSharedNodeSecurityGroup";
  static final String LOGICAL_NODEGROUP_SG = "SG";
  static final String LOGICAL_SSH_SG = "SSH";
  static final String LOGICAL_EFA_SG = "EFASG";
  static final String CONTROL_PLANE_SG_DESCRIPTION = "Communication between the control plane and worker nodegroups";
  static final String SHARED_NODE_SG_DESCRIPTION = "Communication between all nodes in the cluster";
  /** The {@code SSH} group of a managed nodegroup (GroupName {@code <stack>-remoteAccess}). */
  static final String SSH_SG_DESCRIPTION = "Allow SSH access";
  static final String EFA_SG_DESCRIPTION = "EFA-enabled security group";
  /** eksctl's {@code IngressNodeToDefaultClusterSG} on the cluster SG, whose peer is the shared node SG. */
  static final String NODE_TO_CLUSTER_SG_RULE = "Allow unmanaged nodes to communicate with control plane (all ports)";
  static final String CLUSTER_TO_NODE_SG_RULE =
      "Allow managed and unmanaged nodes to communicate with each other (all ports)";
  static final String INTER_NODEGROUP_RULE = "Allow nodes to communicate with each other (all ports)";
  /** EKS managed node groups: the instance tag naming the node group (propagation to ENIs UNCONFIRMED). */
  static final String EKS_NODEGROUP_NAME = "eks:nodegroup-name";

  static String clusterStack(String cluster) {
    return "eksctl-" + cluster + "-cluster";
  }

  static String nodegroupStack(String cluster, String nodegroup) {
    return "eksctl-" + cluster + "-nodegroup-" + nodegroup;
  }

  static String nodegroupSgDescription(String nodegroup) {
    return "Communication between the control plane and worker nodes in group " + nodegroup;
  }

  /** The nodegroup of an eksctl nodegroup stack name of this cluster (cluster names may hold dashes). */
  static Optional<String> nodegroupOfStack(String stack, String cluster) {
    String prefix = "eksctl-" + cluster + "-nodegroup-";
    if (stack != null && stack.startsWith(prefix) && stack.length() > prefix.length()) {
      return Optional.of(stack.substring(prefix.length()));
    }
    return Optional.empty();
  }


  // ---- VPC CNI and VPC resource controller (table d)
  static final String TRUNK_DESCRIPTION = "aws-k8s-trunk-eni";
  static final String BRANCH_DESCRIPTION = "aws-k8s-branch-eni";
  static final String ENI_OWNER = "eks:eni:owner";
  static final String ENI_OWNER_VPCRC = "eks-vpc-resource-controller";
  static final String TRUNK_ENI_ID = dev.sgreach.model.Network.TRUNK_ENI_ID_TAG;
  static final String VLAN_ID = "vpcresources.k8s.aws/vlan-id";
  static final String CNI_SECONDARY_PREFIX = "aws-K8S-";
  static final String CNI_CLUSTER_NAME = "cluster.k8s.amazonaws.com/name";
  static final String TYPE_TRUNK = "trunk";
  static final String TYPE_BRANCH = "branch";
  static final String TYPE_VPC_ENDPOINT = "vpc_endpoint";
  static final String TYPE_NLB = "network_load_balancer";
  /**
   * sgreach's convention for Fargate pod ENIs: DOMAIN.md marks their description UNCONFIRMED, so the builder writes
   * the Fargate node name ({@code fargate-ip-<dashed-ip>.<domain>}) and the recogniser accepts this prefix.
   */
  static final String FARGATE_DESCRIPTION_PREFIX = "fargate-";
  static final String ENDPOINT_DESCRIPTION_PREFIX = "VPC Endpoint Interface";

  // ---- AWS Load Balancer Controller (table c)
  static final String LBC_CLUSTER = "elbv2.k8s.aws/cluster";
  static final String LBC_RESOURCE = "elbv2.k8s.aws/resource";
  static final String LBC_BACKEND_RESOURCE = "backend-sg";
  static final String LBC_MANAGED_RESOURCE = "ManagedLBSecurityGroup";
  static final String INGRESS_STACK = "ingress.k8s.aws/stack";
  static final String INGRESS_RESOURCE = "ingress.k8s.aws/resource";
  static final String SERVICE_RESOURCE = "service.k8s.aws/resource";
  static final String GATEWAY_ALB_RESOURCE = "gateway.k8s.aws.alb/resource";
  static final String GATEWAY_NLB_RESOURCE = "gateway.k8s.aws.nlb/resource";
  static final String LBC_MANAGED_DESCRIPTION = "[k8s] Managed SecurityGroup for LoadBalancer";
  static final String LBC_BACKEND_DESCRIPTION = "[k8s] Shared Backend SecurityGroup for LoadBalancer";
  /** The description of every rule the LBC adds to a target (node or pod) security group. */
  static final String LBC_RULE = "elbv2.k8s.aws/targetGroupBinding=shared";
  static final String ELB_ALB_PREFIX = "ELB app/";
  static final String ELB_NLB_PREFIX = "ELB net/";
  static final String AMAZON_ELB = "amazon-elb";

  /** True when the text names a security group of the LBC's managed kind under any of its tag families. */
  static boolean isManagedLbResource(Map<String, String> tags) {
    return LBC_MANAGED_RESOURCE.equals(tags.get(INGRESS_RESOURCE))
        || LBC_MANAGED_RESOURCE.equals(tags.get(SERVICE_RESOURCE))
        || LBC_MANAGED_RESOURCE.equals(tags.get(GATEWAY_ALB_RESOURCE))
        || LBC_MANAGED_RESOURCE.equals(tags.get(GATEWAY_NLB_RESOURCE));
  }

  /** The Kubernetes NodePort range ({@code --service-node-port-range} default). */
  static final int NODE_PORT_LOW = 30000;
  static final int NODE_PORT_HIGH = 32767;
}
