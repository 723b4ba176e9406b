package dev.sgreach.eks;

import dev.sgreach.model.SecurityGroup;
import java.util.Optional;

/**
 * A security group placed in a cluster role, with the evidence that placed it (a tag, a rule description, a
 * {@code describe-cluster} field, or the ENIs carrying it).
 *
 * @param group the security group
 * @param role its role in the cluster
 * @param nodegroup the nodegroup it belongs to, for nodegroup, SSH and EFA groups
 * @param evidence why sgreach placed it there, e.g. {@code tag aws:eks:cluster-name=ekscluster1}
 */
public record RecognisedGroup(SecurityGroup group, SecurityGroupRole role, Optional<String> nodegroup,
    String evidence) {
  /** {@code sg-0a1 (name): CLUSTER_SG (tag aws:eks:cluster-name=c1)}. */
  public String describe() {
    return group.label() + ": " + role + nodegroup.map(n -> " of nodegroup " + n).orElse("") + " (" + evidence
        + ")";
  }

  @Override
  public String toString() {
    return describe();
  }
}
