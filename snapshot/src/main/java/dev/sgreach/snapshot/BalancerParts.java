package dev.sgreach.snapshot;

import com.google.common.collect.ImmutableList;
import dev.sgreach.model.Listener;
import dev.sgreach.model.LoadBalancer;
import dev.sgreach.model.Network;
import dev.sgreach.model.TargetGroup;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How the ELBv2 responses join: listeners onto their load balancers (every load balancer's listeners are known once
 * describe-listeners was read, even without any), attributes and registered targets onto their target groups. A
 * listener of a load balancer the snapshot lacks, or attributes or targets of a group it lacks, is an error naming
 * the file and path: they come from another snapshot. Shared by the snapshot reader and the live loader through
 * {@link NetworkAssembler#balancers()}.
 */
public final class BalancerParts {
  private final Map<String, List<Listener>> listeners = new LinkedHashMap<>();
  private final Map<String, Location> listenerAt = new HashMap<>();
  private final Map<String, TargetGroup> groups = new LinkedHashMap<>();
  private final Map<String, Location> groupAt = new HashMap<>();
  private final Map<String, Optional<Boolean>> preserve = new HashMap<>();
  private final Map<String, Location> attributesAt = new HashMap<>();
  private final Map<String, List<Object[]>> targets = new HashMap<>();
  private final Map<String, Location> targetsAt = new HashMap<>();

  BalancerParts() {}

  /** One listener of describe-listeners. */
  public void listener(Listener l, Location at) {
    Location first = listenerAt.putIfAbsent(l.arn(), at);
    if (first != null) {
      throw at.fail(l.arn(), "lists listener " + l.arn() + " again (first at " + first.file() + " " + first.path()
          + ")");
    }
    listeners.computeIfAbsent(l.loadBalancerArn(), k -> new ArrayList<>()).add(l);
  }

  /** One target group of describe-target-groups. */
  public void targetGroup(TargetGroup g, Location at) {
    TargetGroup previous = groups.putIfAbsent(g.arn(), g);
    if (previous == null) {
      groupAt.put(g.arn(), at);
    } else if (!previous.equals(g)) {
      Location first = groupAt.get(g.arn());
      throw at.fail(g.arn(), "describes target group " + g.arn() + " differently from " + first.file() + " "
          + first.path() + "; a snapshot holds one state of each target group");
    }
  }

  /** One group's attributes: its {@code preserve_client_ip.enabled}, empty when the group has no such attribute. */
  public void attributes(String groupArn, Optional<Boolean> preserveClientIp, Location at) {
    once(attributesAt, groupArn, at, "attributes");
    preserve.put(groupArn, preserveClientIp);
  }

  /** One group's registered targets: {Id, Port or null, Location} each. */
  public void targets(String groupArn, List<Object[]> found, Location at) {
    once(targetsAt, groupArn, at, "targets");
    targets.put(groupArn, List.copyOf(found));
  }

  private static void once(Map<String, Location> seen, String arn, Location at, String what) {
    Location first = seen.putIfAbsent(arn, at);
    if (first != null) {
      throw at.fail(arn, "gives the " + what + " of target group " + arn + " again (first at " + first.file() + " "
          + first.path() + ")");
    }
  }

  /**
   * Adds the load balancers, with their listeners when {@code listenersRead}, and the target groups, with their
   * attributes and targets, to the network.
   */
  void build(Map<String, LoadBalancer> balancers, boolean listenersRead, Network.Builder b) {
    for (Map.Entry<String, List<Listener>> e : listeners.entrySet()) {
      if (!balancers.containsKey(e.getKey())) {
        Location at = listenerAt.get(e.getValue().get(0).arn());
        throw at.field("LoadBalancerArn").fail(e.getKey(), "names a load balancer that "
            + ResponseKind.LOAD_BALANCERS.fileName() + " does not hold; save both from the same account and Region");
      }
    }
    for (LoadBalancer lb : balancers.values()) {
      b.add(listenersRead ? lb.withListeners(ImmutableList.copyOf(listeners.getOrDefault(lb.arn(), List.of())))
          : lb);
    }
    unknownGroups(attributesAt);
    unknownGroups(targetsAt);
    for (TargetGroup g : groups.values()) {
      TargetGroup full = g;
      Optional<Boolean> p = preserve.getOrDefault(g.arn(), Optional.empty());
      if (p.isPresent()) {
        full = full.withPreserveClientIp(p.get());
      }
      List<Object[]> found = targets.get(g.arn());
      if (found != null) {
        ImmutableList.Builder<TargetGroup.Target> t = ImmutableList.builder();
        for (Object[] x : found) {
          int port = x[1] == null ? g.port() : (Integer) x[1]; // a target without its own Port takes the group's
          t.add(((Location) x[2]).build(() -> new TargetGroup.Target((String) x[0], port)));
        }
        full = full.withTargets(t.build());
      }
      b.add(full);
    }
  }

  private void unknownGroups(Map<String, Location> seen) {
    for (Map.Entry<String, Location> e : seen.entrySet()) {
      if (!groups.containsKey(e.getKey())) {
        throw e.getValue().field("TargetGroupArn").fail(e.getKey(), "names a target group that "
            + ResponseKind.TARGET_GROUPS.fileName() + " does not hold; save both from the same account and Region");
      }
    }
  }
}
