package dev.sgreach.engine;

import dev.sgreach.model.Cidr;
import dev.sgreach.model.NetworkInterface;
import dev.sgreach.model.Vpc;
import java.util.List;

/**
 * Which ENI a pod's packet leaves as: the VPC CNI's source NAT of pods with security groups in standard mode. The
 * EKS user guide ("Security groups for Pods", {@code POD_SECURITY_GROUP_ENFORCING_MODE=standard}): outbound traffic
 * from a pod to an address outside the VPC is translated to the IP address of the instance's primary network
 * interface, and the rules in the security groups of that primary network interface are used, not the pod's. In
 * strict mode (the CNI's default) source NAT is off and the branch ENI's groups judge everything.
 *
 * <p>What sgreach takes as given, since EC2 data cannot tell it and the CNI's defaults say so: the CNI's own SNAT is on
 * ({@code AWS_VPC_K8S_CNI_EXTERNALSNAT=false}, the default) and no extra CIDRs are excluded from it
 * ({@code AWS_VPC_K8S_CNI_EXCLUDE_SNAT_CIDRS} empty). "Outside the VPC" is outside every IPv4 block of the pod's VPC
 * (its {@code describe-vpcs} record); IPv6 traffic and IPv4 link-local traffic ({@code 169.254.0.0/16}) are never
 * translated. A destination ENI of the pod's own VPC is
 * inside it. Without the VPC's record an address outside that can not be told apart: {@link #MAYBE}. The node's
 * primary ENI is the ENI at device index 0 of the instance the pod's trunk is attached to
 * ({@link dev.sgreach.model.Network#hostInstance}); without it in the snapshot, {@link #NODE_MISSING}.
 *
 * <p>{@link #sentAs} is the one place that decides it; {@link FlowJudge} asks it for every flow, proof and open-port
 * answer, and {@link ReachersQuery} for the outside blocks a pod can reach. Immutable.
 */
final class PodSnat {
  /** The packet leaves as the pod's own branch ENI. */
  static final int AS_ITSELF = -1;
  /** The packet is translated to the node's primary ENI, which the snapshot lacks: unknown. */
  static final int NODE_MISSING = -2;
  /** Whether the packet is translated depends on VPC blocks the snapshot lacks. */
  static final int MAYBE = -3;

  /**
   * IPv4 link-local space: the instance's own services (metadata, Time Sync, DNS resolver, ECS task metadata) that
   * traffic reaches without leaving the VPC, so the CNI does not translate it (and no security group filters it).
   */
  private static final Cidr LINK_LOCAL = Cidr.parse("169.254.0.0/16");

  private final Index index;
  /** Per ENI: its node's primary ENI ({@link #NODE_MISSING} when not in the snapshot), or -1 when never translated. */
  private final int[] node;
  /** Per VPC (interned): its IPv4 blocks, or null when the snapshot has no record of them. */
  private final List<Cidr>[] vpcBlocks;

  @SuppressWarnings("unchecked")
  PodSnat(Index index, PodSecurityGroupMode mode) {
    this.index = index;
    int n = index.enis.length;
    this.node = new int[n];
    java.util.Arrays.fill(node, -1);
    java.util.Map<Integer, Integer> primaryOfHost = new java.util.HashMap<>();
    boolean anyPod = false;
    for (int i = 0; i < n && mode == PodSecurityGroupMode.STANDARD; i++) {
      NetworkInterface e = index.enis[i];
      anyPod |= index.eniBranch[i];
      if (!index.eniBranch[i] && index.eniHost[i] >= 0 && e.attachment().isPresent()
          && e.attachment().get().deviceIndex() == 0) {
        primaryOfHost.putIfAbsent(index.eniHost[i], i);
      }
    }
    if (anyPod) { // standard mode only: strict mode translates nothing
      for (int i = 0; i < n; i++) {
        if (index.eniBranch[i]) {
          Integer p = index.eniHost[i] < 0 ? null : primaryOfHost.get(index.eniHost[i]);
          node[i] = p == null || index.enis[p].privateIpv4().isEmpty() ? NODE_MISSING : p;
        }
      }
    }
    int vpcs = 0;
    for (int i = 0; i < n && anyPod; i++) {
      vpcs = Math.max(vpcs, index.eniVpc[i] + 1);
    }
    this.vpcBlocks = new List[vpcs];
    for (int i = 0; i < n && anyPod; i++) {
      int v = index.eniVpc[i];
      if (v >= 0 && vpcBlocks[v] == null && node[i] != -1) {
        Vpc vpc = index.network.vpcs().get(index.enis[i].vpcId());
        List<Cidr> v4 = vpc == null ? List.of() : vpc.cidrs().stream().filter(Cidr::isIpv4).toList();
        vpcBlocks[v] = v4.isEmpty() ? null : v4;
      }
    }
  }

  /** True when ENI {@code src}'s packets can be translated: a pod's branch ENI in standard mode. */
  boolean translates(int src) {
    return src >= 0 && node[src] != -1;
  }

  /**
   * How ENI {@code src}'s packet to address {@code to} (of ENI {@code dst}, or -1 for an outside party) leaves:
   * {@link #AS_ITSELF}, the index of the node's primary ENI it is translated to, {@link #NODE_MISSING} or
   * {@link #MAYBE}.
   */
  int sentAs(int src, int dst, Cidr to) {
    if (!translates(src) || !to.isIpv4() || LINK_LOCAL.contains(to)
        || (dst >= 0 && index.eniVpc[dst] == index.eniVpc[src])) {
      return AS_ITSELF;
    }
    int v = index.eniVpc[src];
    List<Cidr> blocks = v < 0 ? null : vpcBlocks[v];
    if (blocks == null) {
      return MAYBE;
    }
    boolean overlaps = false;
    for (Cidr b : blocks) {
      if (b.contains(to)) {
        return AS_ITSELF;
      }
      overlaps |= b.overlaps(to);
    }
    return overlaps ? MAYBE : node[src];
  }

  /** The node's primary ENI a pod's translated packets leave as, or {@link #NODE_MISSING}. */
  int node(int src) {
    return node[src];
  }

  /** The address a translated packet carries: the node's primary ENI's primary private IPv4. */
  Cidr address(int nodeEni) {
    return index.enis[nodeEni].privateIpv4().get(0);
  }

  /** The IPv4 blocks of the pod's VPC, or null when the snapshot lacks them. */
  List<Cidr> vpcBlocks(int src) {
    int v = index.eniVpc[src];
    return v < 0 ? null : vpcBlocks[v];
  }

  /** What a proof says of a translated flow. */
  String remark(int src, int how, Cidr to) {
    String pod = index.enis[src].id();
    String mode = PodSecurityGroupMode.STANDARD.assumption();
    return switch (how) {
      case AS_ITSELF -> "";
      case NODE_MISSING -> pod + " is a pod's branch ENI and " + to + " is outside its VPC: the VPC CNI translates the"
          + " pod's traffic to its node's primary ENI, which is not in the snapshot, so that ENI's groups cannot be"
          + " judged (" + mode + ", AWS_VPC_K8S_CNI_EXTERNALSNAT=false assumed)";
      case MAYBE -> pod + " is a pod's branch ENI: whether " + to + " is outside its VPC " + index.enis[src].vpcId()
          + ", so that the VPC CNI translates the pod's traffic to its node's primary ENI, cannot be told (the"
          + " snapshot lacks the VPC's IPv4 blocks, or the address lies partly inside them; " + mode + ")";
      default -> pod + " is a pod's branch ENI and " + to + " is outside its VPC: the VPC CNI translates the pod's"
          + " traffic to its node's primary ENI " + index.enis[how].id() + " (" + address(how) + "), whose security"
          + " groups judge it (EKS user guide, security groups for Pods; " + mode
          + ", AWS_VPC_K8S_CNI_EXTERNALSNAT=false assumed)";
    };
  }
}
