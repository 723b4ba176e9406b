package dev.sgreach.graph;

import com.google.common.collect.ImmutableSet;
import dev.sgreach.eks.EksCluster;
import dev.sgreach.eks.EksEndpoints;
import dev.sgreach.eks.RecognisedGroup;
import dev.sgreach.eks.SecurityGroupRole;
import dev.sgreach.eks.Unrecognised;
import dev.sgreach.engine.Endpoint;
import dev.sgreach.model.Network;
import dev.sgreach.model.NetworkInterface;
import dev.sgreach.model.Peer;
import dev.sgreach.model.Rule;
import dev.sgreach.model.SecurityGroup;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which groups a picture draws with all their rules (the selection); groups that only appear as the other end of a
 * rule are drawn as context.
 *
 * <ul>
 *   <li>no cluster, no focus: every group of the snapshot;</li>
 *   <li>{@code cluster}: the cluster's recognised groups and the other groups of its VPC (what
 *       {@link EksCluster#unrecognised()} lists, e.g. the VPC's default group);</li>
 *   <li>{@code focus}: the groups the focus names (see {@link #focus}); the picture is their neighbourhood.</li>
 * </ul>
 */
record Selection(ImmutableSet<String> groups, String description) {

  static Selection of(Network network, Roles roles, String clusterName, String focus) {
    Optional<EksCluster> cluster = Optional.empty();
    if (clusterName != null) {
      cluster = Optional.of(roles.cluster(clusterName).orElseGet(() -> EksCluster.of(network, clusterName)));
    }
    if (focus != null) {
      EksCluster c = cluster.orElse(null);
      ImmutableSet<String> seeds = focus(network, roles, c, focus.trim());
      return new Selection(seeds, "the neighbourhood of " + focus.trim());
    }
    if (cluster.isPresent()) {
      Set<String> ids = new LinkedHashSet<>();
      cluster.get().groups().forEach(g -> ids.add(g.group().id()));
      cluster.get().unrecognised().stream().filter(u -> u.kind().equals("security group")).map(Unrecognised::id)
          .forEach(ids::add);
      // snapshot order, as everywhere else in the picture
      return new Selection(network.securityGroups().keySet().stream().filter(ids::contains)
          .collect(ImmutableSet.toImmutableSet()), "the security groups of EKS cluster " + clusterName);
    }
    return new Selection(network.securityGroups().keySet(), "every security group of the snapshot");
  }

  /** The forms {@code focus} accepts, for messages. */
  static final String FOCUS_FORMS = "a security group id (sg-...) or name, a group role ("
      + Arrays.stream(SecurityGroupRole.values()).map(SecurityGroupRole::id).collect(Collectors.joining(", "))
      + ") or an EKS role (" + String.join(", ", EksEndpoints.ROLES) + ")";

  /**
   * The groups a focus names. In this order: a group id of the snapshot (or one a rule references); the exact name
   * of one or more groups; a group role ({@code lbc-backend-sg}: the cluster's groups of that role); an EKS role as
   * the command line writes it ({@code control-plane}, {@code nodegroup:ng1}, or {@code eks:<cluster>/<role>}: the
   * groups its ENIs carry). Roles need a cluster: the given one, or the snapshot's only one.
   */
  static ImmutableSet<String> focus(Network network, Roles roles, EksCluster cluster, String text) {
    if (text.isEmpty()) {
      throw new IllegalArgumentException("focus is empty: give " + FOCUS_FORMS);
    }
    if (network.securityGroups().containsKey(text) || referenced(network, text)) {
      return ImmutableSet.of(text);
    }
    ImmutableSet<String> named = network.securityGroups().values().stream().filter(g -> g.name().equals(text))
        .map(SecurityGroup::id).collect(ImmutableSet.toImmutableSet());
    if (!named.isEmpty()) {
      return named;
    }
    if (text.startsWith("sg-")) {
      throw new IllegalArgumentException("focus '" + text + "': no security group with that id is in the snapshot"
          + " or referenced by its rules");
    }
    if (EksEndpoints.isEksEndpoint(text)) {
      return carried(network, EksEndpoints.parse(network, text), text);
    }
    Optional<SecurityGroupRole> role = Arrays.stream(SecurityGroupRole.values()).filter(r -> r.id().equals(text))
        .findFirst();
    String roleName = text.contains(":") ? text.substring(0, text.indexOf(':')) : text;
    boolean eksRole = EksEndpoints.ROLES.stream().anyMatch(r -> r.equals(roleName) || r.startsWith(roleName + ":")
        || r.startsWith(roleName + "["));
    if (role.isEmpty() && !eksRole) {
      throw new IllegalArgumentException("focus '" + text + "' is no group id, group name or role of the snapshot;"
          + " give " + FOCUS_FORMS);
    }
    EksCluster c = cluster != null ? cluster : onlyCluster(roles, text);
    if (role.isPresent()) {
      ImmutableSet<String> ids = c.groups().stream().filter(g -> g.role() == role.get())
          .map(RecognisedGroup::group).map(SecurityGroup::id).collect(ImmutableSet.toImmutableSet());
      if (ids.isEmpty()) {
        throw new IllegalArgumentException("focus '" + text + "': EKS cluster " + c.name() + " has no group in the"
            + " role " + role.get().title());
      }
      return ids;
    }
    return carried(network, EksEndpoints.parse(network, EksEndpoints.PREFIX + c.name() + "/" + text), text);
  }

  private static boolean referenced(Network network, String groupId) {
    for (SecurityGroup g : network.securityGroups().values()) {
      for (Rule r : g.ingress()) {
        if (r.peer() instanceof Peer.GroupPeer p && p.groupId().equals(groupId)) {
          return true;
        }
      }
      for (Rule r : g.egress()) {
        if (r.peer() instanceof Peer.GroupPeer p && p.groupId().equals(groupId)) {
          return true;
        }
      }
    }
    return !network.interfacesWith(groupId).isEmpty();
  }

  private static EksCluster onlyCluster(Roles roles, String text) {
    if (roles.clusters().size() == 1) {
      return roles.clusters().get(0);
    }
    throw new IllegalArgumentException("focus '" + text + "' is a role: name the cluster ("
        + (roles.clusters().isEmpty() ? "the snapshot shows none"
        : "clusters: " + roles.clusters().stream().map(EksCluster::name).collect(Collectors.joining(", "))) + ")");
  }

  private static ImmutableSet<String> carried(Network network, Endpoint endpoint, String text) {
    Set<String> ids = new LinkedHashSet<>();
    if (endpoint instanceof Endpoint.Group g) {
      for (Endpoint m : g.members()) {
        if (m instanceof Endpoint.Eni e) {
          network.networkInterface(e.id()).map(NetworkInterface::securityGroupIds).ifPresent(ids::addAll);
        }
      }
    }
    if (ids.isEmpty()) {
      throw new IllegalArgumentException("focus '" + text + "': the role has no ENI in the snapshot, so no group to"
          + " draw");
    }
    return ImmutableSet.copyOf(ids);
  }
}
