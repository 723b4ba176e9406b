package dev.sgreach.engine;

import com.google.common.collect.ImmutableList;
import dev.sgreach.model.Cidr;
import dev.sgreach.model.Direction;
import dev.sgreach.model.LoadBalancer;
import dev.sgreach.model.Network;
import dev.sgreach.model.NetworkInterface;
import dev.sgreach.model.Peer;
import dev.sgreach.model.Ports;
import dev.sgreach.model.Rule;
import dev.sgreach.model.SecurityGroup;
import dev.sgreach.model.TargetGroup;
import dev.sgreach.model.Traffic;
import dev.sgreach.path.PathVerdict;
import java.util.List;
import java.util.Optional;

/**
 * A connection through an Elastic Load Balancing v2 load balancer: client -> load balancer on a listener, then load
 * balancer -> target on the target's port, as AWS judges each hop. This is the one place that decides it; lint's
 * load-balancer checks ask it.
 *
 * <ul>
 *   <li><b>Front hop</b>, client -> one of the load balancer's ENIs on the listener's traffic: the load balancer
 *       accepts connections on its listeners only (known from describe-listeners; unknown listeners make the hop at
 *       best unknown); its security groups judge the client (an NLB without groups admits every client on its
 *       listeners), except that traffic sent through AWS PrivateLink to a Network Load Balancer whose
 *       {@code EnforceSecurityGroupInboundRulesOnPrivateLinkTraffic} is {@code off} skips its inbound rules (elbv2 NLB
 *       user guide, "Update the security groups for your Network Load Balancer").</li>
 *   <li><b>Back hop</b>, that ENI -> the target on the target's port: the load balancer's outbound rules (and the
 *       packet path, when checked) judge the load balancer's address, its ENI's primary private address of the
 *       target's family ({@link #sender}). The target's inbound rules judge the address
 *       the target sees ({@link TargetGroup#clientIp}): the load balancer's when client IP preservation is off (the
 *       whole flow from its ENI); the client's when it is on, where a rule that references one of the load
 *       balancer's security groups still matches (elbv2 NLB user guide: referencing the load balancer's group in the
 *       targets' groups "ensures that your targets accept traffic from your Network Load Balancer even if you enable
 *       client IP preservation").</li>
 * </ul>
 *
 * A connection gets through when, for some ENI of the load balancer, both hops do.
 */
public final class LoadBalancerPath {
  private LoadBalancerPath() {}

  /**
   * The answer for one client, load balancer and target.
   *
   * @param outcome allowed when some ENI of the load balancer passes both hops, denied when none can, else unknown
   * @param clientIp whether the target sees the client's address, and why (assumed when the attribute is missing)
   * @param steps one line per ENI and hop saying what decided it
   */
  public record Result(Outcome outcome, TargetGroup.ClientIp clientIp, ImmutableList<String> steps) {
    /** The steps as indented lines. */
    public String explain() {
      return "client -> load balancer -> target: " + outcome.word() + " (" + clientIp.why() + ")\n  "
          + String.join("\n  ", steps);
    }
  }

  /**
   * Judges {@code client} -> {@code lb} on {@code listener} -> {@code target} on {@code targetPort} (same protocol).
   *
   * @param r the reachability of the snapshot that holds the load balancer's ENIs
   * @param client the client: an outside party at its address, or an ENI at one of its addresses
   * @param lb the load balancer
   * @param group the target group that holds the target
   * @param target the target, an ENI at one of its addresses (an instance target's primary ENI)
   * @param listener the traffic the client opens to the load balancer (a listener's protocol and port)
   * @param targetPort the port the target receives it on
   * @param throughPrivateLink true when the client comes through an interface VPC endpoint of the load balancer's
   *     endpoint service (AWS PrivateLink)
   */
  public static Result reach(Reachability r, Member client, LoadBalancer lb, TargetGroup group, Member target,
      Traffic listener, int targetPort, boolean throughPrivateLink) {
    Network n = r.network();
    TargetGroup.ClientIp ip = group.clientIp(lb);
    Traffic onTarget = Traffic.of(listener.protocol(), targetPort);
    ImmutableList.Builder<String> steps = ImmutableList.builder();
    List<NetworkInterface> enis = n.interfacesOf(lb);
    if (enis.isEmpty()) {
      return noInterfaces(lb, ip);
    }
    Outcome any = Outcome.DENIED;
    for (NetworkInterface e : enis) {
      Member lbm = Member.of(e);
      Outcome front = front(r, client, lb, e, lbm, listener, throughPrivateLink, steps);
      Outcome back = back(r, client, lb, ip, lbm, target, onTarget, steps);
      any = any.or(front.and(back));
    }
    return new Result(any, ip, steps.build());
  }

  /**
   * Judges the back hop alone, load balancer -> {@code target} on {@code traffic}, from every ENI of the load
   * balancer (each forwards to the targets: it needs all of them), for a client at {@code client}'s address when the
   * target sees it ({@link TargetGroup#clientIp}); what lint checks for each registered target.
   */
  public static Result toTarget(Reachability r, Member client, LoadBalancer lb, TargetGroup group, Member target,
      Traffic traffic) {
    TargetGroup.ClientIp ip = group.clientIp(lb);
    ImmutableList.Builder<String> steps = ImmutableList.builder();
    List<NetworkInterface> enis = r.network().interfacesOf(lb);
    if (enis.isEmpty()) {
      return noInterfaces(lb, ip);
    }
    Outcome all = Outcome.ALLOWED;
    for (NetworkInterface e : enis) {
      all = all.and(back(r, client, lb, ip, Member.of(e), target, traffic, steps));
    }
    return new Result(all, ip, steps.build());
  }

  /** Unknown: the snapshot holds none of the load balancer's ENIs to judge either hop from. */
  private static Result noInterfaces(LoadBalancer lb, TargetGroup.ClientIp ip) {
    return new Result(Outcome.UNKNOWN, ip, ImmutableList.of("the snapshot holds no ENI of " + lb.label()
        + " (described '" + lb.interfaceDescription().orElse("?") + "')"));
  }

  private static Outcome front(Reachability r, Member client, LoadBalancer lb, NetworkInterface e, Member lbm,
      Traffic listener, boolean throughPrivateLink, ImmutableList.Builder<String> steps) {
    Outcome listens = listens(r.network(), e, listener);
    Outcome groups;
    String why;
    if (throughPrivateLink && !lb.enforceInboundRulesOnPrivateLink() && !e.securityGroupIds().isEmpty()) {
      groups = Outcome.ALLOWED;
      why = "PrivateLink traffic skips its inbound rules (EnforceSecurityGroupInboundRulesOnPrivateLinkTraffic off)";
    } else {
      groups = r.outcome(client, lbm, listener);
      why = "its groups and the client's: " + groups.word();
    }
    steps.add("client -> " + e.id() + " on " + listener + ": " + listens.and(groups).word() + " (listener: "
        + listens.word() + "; " + why + ")");
    return listens.and(groups);
  }

  /** Whether the ENI's load balancer listens on this traffic: unknown when its listeners are. */
  private static Outcome listens(Network n, NetworkInterface e, Traffic t) {
    Optional<ImmutableList<Ports>> ports = n.listenerPorts(e);
    if (ports.isEmpty()) {
      return Outcome.UNKNOWN;
    }
    return ports.get().stream().anyMatch(p -> p.admits(t)) ? Outcome.ALLOWED : Outcome.DENIED;
  }

  private static Outcome back(Reachability r, Member client, LoadBalancer lb, TargetGroup.ClientIp ip, Member node,
      Member target, Traffic t, ImmutableList.Builder<String> steps) {
    String to = target.eni().map(NetworkInterface::id).orElse(target.label());
    int clientFamily = client.addresses().get(0).family();
    int targetFamily = target.addresses().get(0).family();
    Member lbm = sender(node.eni().orElseThrow(), targetFamily);
    if (!ip.seenBy(clientFamily, targetFamily)) {
      Outcome o = r.outcome(lbm, target, t);
      steps.add(lbm.eni().orElseThrow().id() + " -> " + to + " on " + t + ": " + o.word() + " (the target sees the"
          + " load balancer's address)");
      return o;
    }
    Flow fromLb = r.explain(lbm, target, t);
    Outcome egress = fromLb.egress().map(SideCheck::outcome).orElse(fromLb.outcome());
    Outcome path = fromLb.path().map(PathVerdict::outcome).orElse(Outcome.ALLOWED);
    Flow fromClient = r.explain(client, target, t);
    Outcome asClient = fromClient.ingress().map(SideCheck::outcome).orElse(fromClient.outcome());
    Outcome byReference = referencesLoadBalancer(r, lb, lbm, target, t);
    Outcome o = egress.and(path).and(asClient.or(byReference));
    steps.add(lbm.eni().orElseThrow().id() + " -> " + to + " on " + t + ": " + o.word() + " (the target sees the"
        + " client's address: its groups admit the client " + asClient.word() + ", by a reference to the load"
        + " balancer's group " + byReference.word() + "; the load balancer's egress " + egress.word()
        + (fromLb.path().isPresent() ? ", the path " + path.word() : "") + ")");
    return o;
  }

  /**
   * The load balancer's ENI at the one address it sends to a target of this family from: its primary private IPv4
   * address (the first), or its first IPv6 address (elbv2 NLB user guide, "Edit target group attributes for your
   * Network Load Balancer", Client IP preservation: with it disabled "the source IP address is the private IP address
   * of the Network Load Balancer"; the load balancer creates one such address per subnet, so a secondary address a
   * snapshot may list for its ENI never carries the load balancer's traffic). The whole ENI when it has no address of
   * that family, so that the flow's own family check decides.
   */
  static Member sender(NetworkInterface e, int family) {
    List<Cidr> own = family == 4 ? e.privateIpv4() : e.ipv6();
    return own.isEmpty() ? Member.of(e) : Member.of(e, own.get(0));
  }

  /**
   * Whether an inbound rule of the target's groups that references one of the load balancer's groups admits the
   * traffic from the load balancer's ENI: whether each such reference matches that ENI is the side judge's
   * {@link SideJudge#reference} (the same VPC, a peering, a Transit Gateway with referencing, or unknown without their
   * data); unknown too when one of the target's groups is missing and nothing found admits it.
   */
  static Outcome referencesLoadBalancer(Reachability r, LoadBalancer lb, Member lbm, Member target, Traffic t) {
    Index index = r.index();
    int self = index.eni(target);
    int other = index.eni(lbm);
    if (self < 0 || other < 0 || lb.securityGroupIds().isEmpty()) {
      return Outcome.DENIED;
    }
    int o = Tri.F;
    for (int g : index.eniGroups[self]) {
      if (index.groups[g] == null) {
        o = Tri.or(o, Tri.U);
        continue;
      }
      for (CompiledRule rule : index.rules(g, Direction.INGRESS)) {
        if (rule.kind == CompiledRule.GROUP && lb.securityGroupIds().contains(index.groupIds[rule.referencedGroup])
            && rule.admits(t.protocol().number(), t.key())) {
          o = Tri.or(o, r.sides().reference(rule, self, other));
        }
      }
    }
    return Tri.outcome(o);
  }
}
