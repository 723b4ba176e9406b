package dev.sgreach.eks;

import dev.sgreach.model.NetworkInterface;
import java.util.Optional;

/**
 * An ENI placed in a cluster role, with the evidence that placed it.
 *
 * @param eni the network interface
 * @param role its role in the cluster
 * @param nodegroup the nodegroup of a node ENI (or of the node hosting a trunk or branch ENI), when known
 * @param hostInstance for node, trunk and branch ENIs: the EC2 instance (the node) it belongs to, when known
 * @param evidence why sgreach placed it there, e.g. {@code carries nodegroup SG sg-0a1 of ng1}
 */
public record RecognisedInterface(NetworkInterface eni, InterfaceRole role, Optional<String> nodegroup,
    Optional<String> hostInstance, String evidence) {
  /** {@code eni-0a1 (10.0.1.5): SELF_MANAGED_NODE of nodegroup ng1 on i-0b2 (evidence)}. */
  public String describe() {
    return eni.label() + ": " + role + nodegroup.map(n -> " of nodegroup " + n).orElse("")
        + hostInstance.map(i -> " on " + i).orElse("") + " (" + evidence + ")";
  }

  @Override
  public String toString() {
    return describe();
  }
}
