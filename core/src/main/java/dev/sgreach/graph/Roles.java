package dev.sgreach.graph;

import com.google.common.collect.ImmutableList;
import dev.sgreach.eks.EksCluster;
import dev.sgreach.eks.RecognisedGroup;
import dev.sgreach.eks.RecognisedInterface;
import dev.sgreach.model.Network;
import dev.sgreach.model.NetworkInterface;
import dev.sgreach.model.SecurityGroup;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What EKS recognition says about the groups and ENIs of a network, for labels: every cluster the snapshot shows
 * (the roles come from {@link EksCluster}; nothing is recognised here).
 */
final class Roles {
  private final ImmutableList<EksCluster> clusters;
  private final Map<String, RecognisedGroup> groups = new HashMap<>();
  private final Map<String, String> groupCluster = new HashMap<>();
  private final Map<String, RecognisedInterface> interfaces = new HashMap<>();
  private final Map<String, String> interfaceCluster = new HashMap<>();

  private Roles(ImmutableList<EksCluster> clusters) {
    this.clusters = clusters;
    for (EksCluster c : clusters) {
      for (RecognisedGroup g : c.groups()) {
        if (groups.putIfAbsent(g.group().id(), g) == null) {
          groupCluster.put(g.group().id(), c.name());
        }
      }
      for (RecognisedInterface i : c.interfaces()) {
        if (interfaces.putIfAbsent(i.eni().id(), i) == null) {
          interfaceCluster.put(i.eni().id(), c.name());
        }
      }
    }
  }

  static Roles of(Network network) {
    return new Roles(EksCluster.discover(network));
  }

  ImmutableList<EksCluster> clusters() {
    return clusters;
  }

  Optional<EksCluster> cluster(String name) {
    return clusters.stream().filter(c -> c.name().equals(name)).findFirst();
  }

  Optional<RecognisedGroup> group(String id) {
    return Optional.ofNullable(groups.get(id));
  }

  String clusterOfGroup(String id) {
    return groupCluster.get(id);
  }

  /** The role line of a group's label, empty when the snapshot shows no EKS cluster. */
  Optional<String> roleLine(SecurityGroup g) {
    RecognisedGroup r = groups.get(g.id());
    if (r == null) {
      if (clusters.isEmpty()) {
        return Optional.empty();
      }
      return Optional.of(g.name().equals("default") ? "VPC default SG" : "user SG");
    }
    return Optional.of(r.role().title() + r.nodegroup().map(n -> " " + n).orElse("") + inCluster(groupCluster
        .get(g.id())));
  }

  /** The role of an ENI as its class is titled: the EKS role, else what its interface type says. */
  String interfaceRole(NetworkInterface e) {
    RecognisedInterface r = interfaces.get(e.id());
    if (r != null) {
      return r.role().title() + r.nodegroup().map(n -> " " + n).orElse("") + inCluster(interfaceCluster.get(e.id()));
    }
    if (!e.interfaceType().equals("interface")) {
      return e.interfaceType().replace('_', ' ') + " ENI";
    }
    if (e.instanceId().isPresent()) {
      return "instance ENI";
    }
    return e.requesterManaged() ? "AWS-managed ENI" : "ENI";
  }

  private String inCluster(String name) {
    return clusters.size() > 1 && name != null ? " (" + name + ")" : "";
  }
}
