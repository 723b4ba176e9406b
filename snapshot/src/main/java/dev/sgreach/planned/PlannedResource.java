package dev.sgreach.planned;

import com.google.common.collect.ImmutableList;
import java.util.Locale;
import java.util.Optional;

/**
 * One resource a change creates, changes or removes, by its address in the change (a Terraform address such as
 * {@code module.eks.aws_security_group.node} or {@code aws_instance.web["a"]}; for eksctl, CloudFormation's
 * {@code <stack>/<LogicalId>} or {@code eks:<cluster>/...} for what EKS creates), with the ids it has in the
 * resulting network.
 *
 * <p>An id AWS assigns only at creation is a placeholder: {@code tf:<address>} for Terraform (so a new group is
 * distinct from every existing one), the EKS builder's deterministic ids for eksctl. {@link #placeholder()} says so.
 *
 * @param address the resource's address in the plan or config
 * @param type the resource type ({@code aws_security_group}, {@code AWS::EC2::SecurityGroup}, ...)
 * @param action what the change does to it
 * @param securityGroupIds the groups it is or makes (a group resource, an EKS cluster's cluster SG, ...)
 * @param interfaceIds the ENIs it is or makes (an ENI, an instance's primary ENI, a node group's nodes, ...)
 * @param placeholder true when its ids are not known before the change is applied
 */
public record PlannedResource(
    String address,
    String type,
    Action action,
    ImmutableList<String> securityGroupIds,
    ImmutableList<String> interfaceIds,
    boolean placeholder) {

  public PlannedResource {
    if (address == null || address.isBlank()) {
      throw new IllegalArgumentException("a planned resource needs an address");
    }
    type = type == null ? "" : type;
    if (action == null) {
      throw new IllegalArgumentException(address + ": action is missing");
    }
    securityGroupIds = securityGroupIds == null ? ImmutableList.of() : securityGroupIds;
    interfaceIds = interfaceIds == null ? ImmutableList.of() : interfaceIds;
  }

  /** The one group this resource is, if it is (or makes) exactly one. */
  public Optional<String> securityGroupId() {
    return securityGroupIds.size() == 1 ? Optional.of(securityGroupIds.get(0)) : Optional.empty();
  }

  /** What a change does to a resource: Terraform's {@code change.actions}, and {@code create} for eksctl. */
  public enum Action {
    /** Nothing changes ({@code ["no-op"]}). */
    NO_OP,
    /** Created ({@code ["create"]}). */
    CREATE,
    /** A data source read ({@code ["read"]}); it owns nothing. */
    READ,
    /** Changed in place ({@code ["update"]}). */
    UPDATE,
    /** Removed ({@code ["delete"]}). */
    DELETE,
    /** Replaced, the old object removed first ({@code ["delete","create"]}); the new one has a new id. */
    DELETE_THEN_CREATE,
    /** Replaced, the new object made first ({@code ["create","delete"]}); the new one has a new id. */
    CREATE_THEN_DELETE,
    /** Dropped from Terraform's state; the object stays in AWS ({@code ["forget"]}). */
    FORGET;

    /** True for both kinds of replacement. */
    public boolean isReplace() {
      return this == DELETE_THEN_CREATE || this == CREATE_THEN_DELETE;
    }

    /** True when the object exists after the change. */
    public boolean leavesObject() {
      return this != DELETE && this != READ;
    }

    /** {@code create}, {@code delete-then-create}, ...: the word people read. */
    public String word() {
      return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
  }
}
