package dev.sgreach.engine;

import java.util.Locale;

/**
 * How the Amazon VPC CNI enforces a pod's own security groups (its {@code POD_SECURITY_GROUP_ENFORCING_MODE}, VPC CNI
 * README; EKS user guide, "Security groups for Pods"). The mode is a setting of the {@code aws-node} DaemonSet, not
 * EC2 data, so a snapshot cannot tell it: it is an option of the engine, and every proof about a pod's branch ENI says
 * which mode was assumed.
 */
public enum PodSecurityGroupMode {
  /**
   * Every flow to and from the pod is judged by the branch ENI's groups (the VPC CNI's default when the variable is
   * not set).
   */
  STRICT,
  /**
   * The pod's groups judge traffic from and to other hosts only: traffic between the pod and its own node (the
   * kubelet's probes, NodeLocal DNS, other pods on the node) stays on the host and meets no security group; and the
   * pod's IPv4 traffic to addresses outside its VPC is translated to its node's primary ENI, whose groups judge it
   * ({@link PodSnat}).
   */
  STANDARD;

  /** The mode assumed when none is given: the VPC CNI's own default, {@link #STRICT}. */
  public static final PodSecurityGroupMode DEFAULT = STRICT;

  /**
   * The mode for {@code strict} or {@code standard} (any case), as the VPC CNI spells it.
   *
   * @throws IllegalArgumentException naming the value and the two accepted
   */
  public static PodSecurityGroupMode parse(String text) {
    String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
    return switch (t) {
      case "strict" -> STRICT;
      case "standard" -> STANDARD;
      default -> throw new IllegalArgumentException("pod security group mode '" + text + "' is not one of strict,"
          + " standard (the VPC CNI's POD_SECURITY_GROUP_ENFORCING_MODE)");
    };
  }

  /** {@code strict} or {@code standard}: the VPC CNI's spelling. */
  public String cniName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** What a proof says of the mode: {@code pods with security groups: standard mode (assumed)}. */
  public String assumption() {
    return "pods with security groups: " + cniName() + " mode (POD_SECURITY_GROUP_ENFORCING_MODE, assumed: the"
        + " snapshot cannot tell it)";
  }
}
