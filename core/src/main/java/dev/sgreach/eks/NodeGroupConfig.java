package dev.sgreach.eks;

import com.google.common.collect.ImmutableList;
import java.util.List;
import java.util.Optional;

/**
 * One eksctl nodegroup as {@link EksTopology} generates it: an entry of {@code nodeGroups} (self-managed, which eksctl
 * calls "unmanaged") or of {@code managedNodeGroups}, with the fields of eksctl's {@code ClusterConfig} that decide
 * security groups (DOMAIN-CHANGE.md table 2a).
 *
 * <ul>
 *   <li>Self-managed node ENIs carry {@code attachIDs}, then the shared node SG ({@code withShared}, default true),
 *       then the nodegroup's own {@code SG} ({@code withLocal}, default true; without it eksctl makes neither that
 *       group nor its control-plane rules nor SSH rules), then {@code EFASG}.</li>
 *   <li>Managed node ENIs carry the EKS cluster SG, then {@code attachIDs}, then the {@code SSH} group
 *       ({@code <stack>-remoteAccess}, when SSH is allowed), then {@code EFASG}; with a user launch template the
 *       groups are the template's, which the builder does not know.</li>
 *   <li>SSH ({@code ssh.allow}): tcp 22 from each {@code sourceSecurityGroupIds} entry; else from the VPC CIDR with
 *       {@code privateNetworking}; else from {@code 0.0.0.0/0} and {@code ::/0}.</li>
 *   <li>{@code privateNetworking}: nodes in the private subnets, else in the public ones (with a public address).</li>
 *   <li>EFA ({@code efaEnabled}): an {@code EFASG} admitting itself both ways, unless EKS's built-in EFA support
 *       applies (a managed nodegroup on Kubernetes 1.33 or later).</li>
 * </ul>
 *
 * <p>{@link #selfManaged(String)} and {@link #managed(String)} start from eksctl's defaults (one node, public
 * networking, no SSH); the {@code with...} methods return changed copies.
 *
 * @param name the nodegroup name
 * @param managed true for {@code managedNodeGroups}
 * @param nodes how many nodes to generate ({@code desiredCapacity}); zero makes the groups but no ENIs
 * @param privateNetworking {@code privateNetworking}
 * @param attachSecurityGroups {@code securityGroups.attachIDs}: groups the user made; the builder does not know their
 *     rules
 * @param withShared {@code securityGroups.withShared} (self-managed only)
 * @param withLocal {@code securityGroups.withLocal} (self-managed only)
 * @param sshAllowed {@code ssh.allow} after eksctl's defaults (a key given and {@code allow} not false)
 * @param sshSourceSecurityGroups {@code ssh.sourceSecurityGroupIds}
 * @param efa {@code efaEnabled}
 * @param launchTemplate {@code launchTemplate.id} of a managed nodegroup, when the user brings one
 * @param availabilityZones {@code availabilityZones}: only subnets in these zones (empty: all)
 * @param subnets {@code subnets}: only these subnet ids (empty: all of the right kind)
 */
public record NodeGroupConfig(
    String name,
    boolean managed,
    int nodes,
    boolean privateNetworking,
    ImmutableList<String> attachSecurityGroups,
    boolean withShared,
    boolean withLocal,
    boolean sshAllowed,
    ImmutableList<String> sshSourceSecurityGroups,
    boolean efa,
    Optional<String> launchTemplate,
    ImmutableList<String> availabilityZones,
    ImmutableList<String> subnets) {

  public NodeGroupConfig {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("a nodegroup needs a name");
    }
    if (nodes < 0) {
      throw new IllegalArgumentException("nodegroup " + name + " cannot have " + nodes + " nodes");
    }
    attachSecurityGroups = attachSecurityGroups == null ? ImmutableList.of() : attachSecurityGroups;
    sshSourceSecurityGroups = sshSourceSecurityGroups == null ? ImmutableList.of() : sshSourceSecurityGroups;
    launchTemplate = launchTemplate == null ? Optional.empty() : launchTemplate;
    availabilityZones = availabilityZones == null ? ImmutableList.of() : availabilityZones;
    subnets = subnets == null ? ImmutableList.of() : subnets;
    if (!managed && launchTemplate.isPresent()) {
      throw new IllegalArgumentException("nodegroup " + name + ": only managed nodegroups take a launchTemplate");
    }
  }

  /** A {@code nodeGroups} entry with eksctl's defaults: one node, public networking, shared and own SG, no SSH. */
  public static NodeGroupConfig selfManaged(String name) {
    return new NodeGroupConfig(name, false, 1, false, null, true, true, false, null, false, null, null, null);
  }

  /** A {@code managedNodeGroups} entry with eksctl's defaults: one node, public networking, no SSH. */
  public static NodeGroupConfig managed(String name) {
    return new NodeGroupConfig(name, true, 1, false, null, true, true, false, null, false, null, null, null);
  }

  /** With this many nodes. */
  public NodeGroupConfig withNodes(int count) {
    return new NodeGroupConfig(name, managed, count, privateNetworking, attachSecurityGroups, withShared, withLocal,
        sshAllowed, sshSourceSecurityGroups, efa, launchTemplate, availabilityZones, subnets);
  }

  /** With nodes in the private subnets ({@code true}) or the public ones. */
  public NodeGroupConfig withPrivateNetworking(boolean value) {
    return new NodeGroupConfig(name, managed, nodes, value, attachSecurityGroups, withShared, withLocal,
        sshAllowed, sshSourceSecurityGroups, efa, launchTemplate, availabilityZones, subnets);
  }

  /** With these user groups attached ({@code securityGroups.attachIDs}). */
  public NodeGroupConfig withAttachedSecurityGroups(List<String> groupIds) {
    return new NodeGroupConfig(name, managed, nodes, privateNetworking, ImmutableList.copyOf(groupIds), withShared,
        withLocal, sshAllowed, sshSourceSecurityGroups, efa, launchTemplate, availabilityZones, subnets);
  }

  /** With or without the shared node SG ({@code securityGroups.withShared}). */
  public NodeGroupConfig withShared(boolean value) {
    return new NodeGroupConfig(name, managed, nodes, privateNetworking, attachSecurityGroups, value, withLocal,
        sshAllowed, sshSourceSecurityGroups, efa, launchTemplate, availabilityZones, subnets);
  }

  /** With or without the nodegroup's own SG ({@code securityGroups.withLocal}). */
  public NodeGroupConfig withLocal(boolean value) {
    return new NodeGroupConfig(name, managed, nodes, privateNetworking, attachSecurityGroups, withShared, value,
        sshAllowed, sshSourceSecurityGroups, efa, launchTemplate, availabilityZones, subnets);
  }

  /** With SSH allowed or not, from these groups (none: from the VPC CIDR or from anywhere, see the type). */
  public NodeGroupConfig withSsh(boolean allowed, List<String> sourceSecurityGroupIds) {
    return new NodeGroupConfig(name, managed, nodes, privateNetworking, attachSecurityGroups, withShared, withLocal,
        allowed, ImmutableList.copyOf(sourceSecurityGroupIds), efa, launchTemplate, availabilityZones, subnets);
  }

  /** With EFA on or off. */
  public NodeGroupConfig withEfa(boolean value) {
    return new NodeGroupConfig(name, managed, nodes, privateNetworking, attachSecurityGroups, withShared, withLocal,
        sshAllowed, sshSourceSecurityGroups, value, launchTemplate, availabilityZones, subnets);
  }

  /** On a user launch template (managed only): its groups, not eksctl's, go on the nodes. */
  public NodeGroupConfig withLaunchTemplate(String templateId) {
    return new NodeGroupConfig(name, managed, nodes, privateNetworking, attachSecurityGroups, withShared, withLocal,
        sshAllowed, sshSourceSecurityGroups, efa, Optional.of(templateId), availabilityZones, subnets);
  }

  /** Only in subnets of these zones. */
  public NodeGroupConfig withAvailabilityZones(List<String> zones) {
    return new NodeGroupConfig(name, managed, nodes, privateNetworking, attachSecurityGroups, withShared, withLocal,
        sshAllowed, sshSourceSecurityGroups, efa, launchTemplate, ImmutableList.copyOf(zones), subnets);
  }

  /** Only in these subnets. */
  public NodeGroupConfig withSubnets(List<String> subnetIds) {
    return new NodeGroupConfig(name, managed, nodes, privateNetworking, attachSecurityGroups, withShared, withLocal,
        sshAllowed, sshSourceSecurityGroups, efa, launchTemplate, availabilityZones, ImmutableList.copyOf(subnetIds));
  }
}
