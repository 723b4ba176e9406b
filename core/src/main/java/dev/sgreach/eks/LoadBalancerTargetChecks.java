package dev.sgreach.eks;

import com.google.common.collect.ImmutableList;
import dev.sgreach.engine.Fix;
import dev.sgreach.engine.LoadBalancerPath;
import dev.sgreach.engine.Member;
import dev.sgreach.engine.Outcome;
import dev.sgreach.engine.Reachability;
import dev.sgreach.model.Cidr;
import dev.sgreach.model.LoadBalancer;
import dev.sgreach.model.Network;
import dev.sgreach.model.NetworkInterface;
import dev.sgreach.model.Peer;
import dev.sgreach.model.Ports;
import dev.sgreach.model.Rule;
import dev.sgreach.model.TargetGroup;
import dev.sgreach.model.Traffic;
import dev.sgreach.model.Vpc;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code lb-to-targets} check of the load balancers the snapshot describes (describe-load-balancers,
 * describe-target-groups, describe-target-health): each of the cluster's load balancers reaches every target its
 * target groups register, on the target's port, as {@link LoadBalancerPath#toTarget} judges the hop (the target sees
 * the client when client IP preservation is on). This covers the load balancers whose groups the user chose
 * ({@code alb.ingress.kubernetes.io/security-groups} without {@code manage-backend-security-group-rules}), which get
 * no backend rule from the LBC. An instance-mode group whose targets were not collected is judged against every node
 * (the LBC registers every node), and says so; an ip-mode one is unknown.
 */
final class LoadBalancerTargetChecks {
  static final String CHECK = "lb-to-targets";
  /** The client an internet-facing load balancer's targets see when client IP preservation is on. */
  static final Cidr INTERNET_CLIENT = Cidr.parse("203.0.113.10");

  private final EksCluster cluster;
  private final Network network;
  private final Reachability engine;
  private final List<Finding> findings;

  private LoadBalancerTargetChecks(EksCluster cluster, Reachability engine, List<Finding> findings) {
    this.cluster = cluster;
    this.network = cluster.network();
    this.engine = engine;
    this.findings = findings;
  }

  static void run(EksCluster cluster, Reachability engine, List<Finding> findings) {
    new LoadBalancerTargetChecks(cluster, engine, findings).run();
  }

  private void run() {
    Map<String, LoadBalancer> lbs = new LinkedHashMap<>();
    for (RecognisedInterface r : cluster.interfaces(InterfaceRole.LOAD_BALANCER)) {
      network.loadBalancerOf(r.eni()).ifPresent(lb -> lbs.putIfAbsent(lb.arn(), lb));
    }
    for (LoadBalancer lb : lbs.values()) {
      for (TargetGroup g : network.targetGroupsOf(lb)) {
        if (g.targets().isPresent()) {
          for (TargetGroup.Target t : g.targets().get()) {
            Optional<NetworkInterface> eni = eniOf(t.id());
            if (eni.isEmpty()) {
              unknown(lb, g, t.id(), "target " + t.id() + " is registered but its ENI is not in the snapshot");
            } else {
              check(lb, g, eni.get(), t.port(), "");
            }
          }
        } else if (g.targetType().equals("instance")) {
          for (RecognisedInterface node : cluster.interfaces(InterfaceRole.MANAGED_NODE,
              InterfaceRole.SELF_MANAGED_NODE)) {
            if (node.eni().attachment().map(a -> a.deviceIndex() == 0).orElse(false)) {
              check(lb, g, node.eni(), g.port(), "; its targets were not collected (save aws elbv2"
                  + " describe-target-health), so every node is judged, as the LBC registers every node of an"
                  + " instance-mode target group");
            }
          }
        } else {
          unknown(lb, g, "its targets", "the targets of " + g.targetType() + "-mode target group " + g.label()
              + " were not collected (save aws elbv2 describe-target-health)");
        }
      }
    }
  }

  /** An instance target's primary ENI, or the ENI holding an ip target's address. */
  private Optional<NetworkInterface> eniOf(String targetId) {
    if (targetId.startsWith("i-")) {
      List<NetworkInterface> enis = network.interfacesOfInstance(targetId);
      return enis.stream().filter(e -> e.attachment().map(a -> a.deviceIndex() == 0).orElse(false)).findFirst()
          .or(() -> enis.stream().findFirst());
    }
    try {
      Cidr a = Cidr.parse(targetId);
      return network.interfaces().values().stream()
          .filter(e -> e.addressBlocks().stream().anyMatch(b -> b.contains(a))).findFirst();
    } catch (IllegalArgumentException notAnAddress) {
      return Optional.empty();
    }
  }

  /**
   * The client the targets see when client IP preservation is on: an internet address for an internet-facing load
   * balancer, else an address of its VPC (the first IPv4 block's), else its own.
   */
  private Member client(LoadBalancer lb) {
    if (!lb.scheme().equals("internal")) {
      return Member.outside(INTERNET_CLIENT);
    }
    Optional<Cidr> block = Optional.ofNullable(network.vpcs().get(lb.vpcId())).map(Vpc::cidrs)
        .flatMap(c -> c.stream().filter(Cidr::isIpv4).findFirst()).map(Cidr::networkAddress);
    return Member.outside(block.orElseGet(() -> network.interfacesOf(lb).get(0).privateIpv4().get(0)));
  }

  private void check(LoadBalancer lb, TargetGroup g, NetworkInterface target, int port, String note) {
    for (Ports p : g.ports(port)) {
      Traffic t = Traffic.of(p.protocol(), port);
      Member client = client(lb);
      LoadBalancerPath.Result r = LoadBalancerPath.toTarget(engine, client, lb, g, Member.of(target), t);
      String title = "load balancer " + lb.label() + " -> " + target.id() + " (target group " + g.label() + ") on "
          + t.spec();
      String detail = "the load balancer forwards to the targets its target group registers; " + r.clientIp().why()
          + (r.clientIp().preserved() ? ", so the target must admit the clients (judged for "
              + client.addresses().get(0).addressString() + ") or reference the load balancer's group" : "") + note
          + "\n" + r.explain();
      if (r.outcome() == Outcome.ALLOWED) {
        findings.add(new Finding(Severity.INFO, CHECK, "ok: " + title, detail, Optional.empty(), ImmutableList.of(),
            Optional.empty()));
      } else if (r.outcome() == Outcome.UNKNOWN) {
        findings.add(new Finding(Severity.UNKNOWN, CHECK, title, detail, Optional.empty(), ImmutableList.of(),
            Optional.empty()));
      } else {
        findings.add(new Finding(Severity.ERROR, CHECK, "blocked: " + title, detail, Optional.empty(), fixes(lb,
            target, p), lb.securityGroupIds().isEmpty() ? Optional.of("admit " + (r.clientIp().preserved()
                ? "the clients" : "the load balancer's addresses") + " on " + t.spec() + " in one of "
                + target.securityGroupIds() + " (the load balancer has no security group to reference)")
                : Optional.empty()));
      }
    }
  }

  /** The rule that admits the load balancer whatever client IP preservation does: a reference to its group. */
  private ImmutableList<Fix> fixes(LoadBalancer lb, NetworkInterface target, Ports p) {
    if (lb.securityGroupIds().isEmpty() || target.securityGroupIds().isEmpty()) {
      return ImmutableList.of();
    }
    String group = Lbc.targetGroup(target, network.securityGroups(), cluster.name()).groupId()
        .orElse(target.securityGroupIds().get(0));
    String label = network.securityGroup(group).map(s -> s.label()).orElse(group);
    return ImmutableList.of(new Fix(group, label, Rule.ingress(p, Peer.group(lb.securityGroupIds().get(0)))));
  }

  private void unknown(LoadBalancer lb, TargetGroup g, String target, String why) {
    findings.add(new Finding(Severity.UNKNOWN, CHECK, "load balancer " + lb.label() + " -> " + target
        + " (target group " + g.label() + ")", why + ": whether the load balancer reaches it cannot be told",
        Optional.empty(), ImmutableList.of(), Optional.empty()));
  }
}
