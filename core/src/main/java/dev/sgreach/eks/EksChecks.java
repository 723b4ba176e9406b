package dev.sgreach.eks;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import dev.sgreach.engine.Endpoint;
import dev.sgreach.engine.Exposure;
import dev.sgreach.engine.Fix;
import dev.sgreach.engine.Reachability;
import dev.sgreach.engine.RuleMatch;
import dev.sgreach.engine.Verdict;
import dev.sgreach.model.Cidr;
import dev.sgreach.model.Layer;
import dev.sgreach.model.Network;
import dev.sgreach.model.NetworkInterface;
import dev.sgreach.model.Peer;
import dev.sgreach.model.Ports;
import dev.sgreach.model.Rule;
import dev.sgreach.model.SecurityGroup;
import dev.sgreach.model.Traffic;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The paths a healthy EKS cluster needs, and what it must not have, checked with the reachability engine. Each
 * finding carries the engine's verdict as proof and the fix.
 *
 * <table>
 *   <caption>checks</caption>
 *   <tr><th>id</th><th>path</th><th>severity when broken</th></tr>
 *   <tr><td>{@code nodes-to-api}</td><td>every nodegroup and Fargate → control-plane ENIs, tcp/443 (private
 *       endpoint on; with the public endpoint only, SGs do not decide and the check says so)</td><td>ERROR</td></tr>
 *   <tr><td>{@code control-plane-to-kubelet}</td><td>control plane → every nodegroup and Fargate, tcp/10250</td>
 *       <td>ERROR</td></tr>
 *   <tr><td>{@code control-plane-to-webhooks}</td><td>control plane → every nodegroup, tcp/443 (ERROR) and tcp/9443,
 *       the LBC's webhook (WARNING)</td><td>ERROR / WARNING</td></tr>
 *   <tr><td>{@code node-to-node}</td><td>between nodegroups (each way, and within a nodegroup of several nodes) and
 *       from Fargate to nodes: tcp/53, udp/53 (CoreDNS), tcp/1025 (an ephemeral workload port)</td><td>ERROR</td></tr>
 *   <tr><td>{@code pods-to-coredns}</td><td>pods with their own SG → nodes (where CoreDNS runs), tcp+udp/53</td>
 *       <td>ERROR when no node answers, WARNING when only some do</td></tr>
 *   <tr><td>{@code kubelet-to-pods}</td><td>a pod's own node → its branch ENI on the pod's port (kubelet probes)</td>
 *       <td>ERROR</td></tr>
 *   <tr><td>{@code lb-to-targets}</td><td>LBC load balancers → the ENIs of each target SG with an
 *       {@code elbv2.k8s.aws/targetGroupBinding=shared} rule, on that rule's ports; NodePorts (30000-32767) on every
 *       nodegroup; a target SG the LBC can pick on every node; some backend rule at all when LBs exist</td>
 *       <td>ERROR</td></tr>
 *   <tr><td>{@code private-endpoints}</td><td>when VPC endpoints exist: nodes and Fargate → endpoints tcp/443
 *       (ERROR), bastions → endpoints tcp/443 (WARNING)</td><td>ERROR / WARNING</td></tr>
 *   <tr><td>{@code bastion-to-api}</td><td>bastions → control plane tcp/443</td><td>ERROR when the public endpoint
 *       is off, else WARNING</td></tr>
 *   <tr><td>{@code exposure}</td><td>control plane, nodes and pods admitting {@code 0.0.0.0/0} or {@code ::/0}
 *       (ERROR) or other public blocks (WARNING); load balancers are meant to be exposed and are not checked</td>
 *       <td>ERROR / WARNING</td></tr>
 * </table>
 *
 * <p>A check that needs data the snapshot lacks is a finding of its own, {@link Severity#UNKNOWN}, never a silent
 * pass: the control-plane checks when the cluster's control-plane ENIs are not in the snapshot (one finding per
 * check), a path whose verdict is unknown (a group or prefix list it depends on is missing), a pod whose node is
 * missing, pods with their own groups when no node is there to answer DNS.
 *
 * <p>These judge security groups. When the snapshot holds network ACLs or route tables, the path checks
 * ({@code path-control-plane}, {@code path-node-to-node}, {@code path-endpoints}, {@code path-to-internet}) judge
 * the packet path of the same roles: see {@code EksPathChecks}.
 */
public final class EksChecks {
  /**
   * Every check, by the id its findings carry, with one line saying what it checks (the table above): the rule
   * metadata of machine-readable reports such as SARIF.
   */
  public static final ImmutableMap<String, String> CHECKS = ImmutableMap.<String, String>builder()
      .put("nodes-to-api", "Every nodegroup and Fargate pod reaches the control-plane ENIs on tcp/443 when the"
          + " private endpoint is on")
      .put("control-plane-to-kubelet", "The control plane reaches the kubelet of every nodegroup and Fargate pod on"
          + " tcp/10250")
      .put("control-plane-to-webhooks", "The control plane reaches every nodegroup on tcp/443 (webhooks, extension"
          + " API servers) and tcp/9443 (the AWS Load Balancer Controller's webhook)")
      .put("node-to-node", "Nodegroups reach each other, and Fargate pods reach the nodes, on tcp/53, udp/53 and"
          + " ephemeral ports")
      .put("pods-to-coredns", "Pods with their own security groups reach CoreDNS on the nodes on tcp/53 and udp/53")
      .put("kubelet-to-pods", "The kubelet on a pod's own node reaches the pod's branch ENI on the pod's port")
      .put("lb-to-targets", "Load balancers of the AWS Load Balancer Controller reach their targets on the NodePort or"
          + " pod port, and every load balancer reaches the targets its target groups register (judged with the"
          + " client's address under client IP preservation)")
      .put("private-endpoints", "Nodes, Fargate pods and bastions reach the interface VPC endpoints on tcp/443")
      .put("bastion-to-api", "Bastions reach the control-plane ENIs on tcp/443")
      .put("exposure", "The control plane, nodes and pods admit no public address (0.0.0.0/0, ::/0 or another"
          + " public block)")
      .put("path-control-plane", "The network ACLs and routes pass nodes <-> control plane on tcp/443 and tcp/10250"
          + " and the replies on the ephemeral ports")
      .put("path-node-to-node", "The network ACLs pass tcp/53, udp/53 and ephemeral ports between the nodes' subnets,"
          + " both ways")
      .put("path-endpoints", "A private cluster's node subnets reach the interface endpoints and the S3 gateway"
          + " endpoint through their network ACLs and routes")
      .put("path-to-internet", "A public cluster's nodes reach the internet through a NAT gateway or a public"
          + " address and an internet gateway")
      .build();

  private static final int PROBE_PORT_DEFAULT = 8080;

  private final EksCluster cluster;
  private final Reachability engine;
  private final List<Finding> findings = new ArrayList<>();

  private final Set<Layer> layers;

  private EksChecks(EksCluster cluster, Set<Layer> layers) {
    this.cluster = cluster;
    // the security-group checks judge security groups alone; the path checks judge the path of the same roles
    this.engine = Reachability.of(cluster.network(), EnumSet.of(Layer.SECURITY_GROUPS),
        cluster.podSecurityGroupMode());
    this.layers = layers;
  }

  /** Lints the named cluster of a network. */
  public static LintReport lint(Network network, String clusterName) {
    return lint(EksCluster.of(network, clusterName));
  }

  /** Lints a cluster: the security-group checks, and the path checks when the snapshot holds path data. */
  public static LintReport lint(EksCluster cluster) {
    return lint(cluster, EnumSet.allOf(Layer.class));
  }

  /**
   * Lints a cluster on these layers only: without {@link Layer#NETWORK_ACLS} and {@link Layer#ROUTES} (the command
   * line's {@code --layers sg}) no path check runs. Pods with security groups are judged in the cluster's
   * {@link EksCluster#podSecurityGroupMode()} ({@link EksCluster#withPodSecurityGroupMode} sets it).
   */
  public static LintReport lint(EksCluster cluster, Set<Layer> layers) {
    EksChecks c = new EksChecks(cluster, layers);
    c.run();
    return new LintReport(cluster.name(), ImmutableList.copyOf(c.findings));
  }

  /** The checks that need the control-plane ENIs, and what each would have checked. */
  private static final Map<String, String> CONTROL_PLANE_CHECKS = Map.of(
      "nodes-to-api", "whether the nodes reach the API server through them on tcp/443",
      "control-plane-to-kubelet", "whether the API server reaches the kubelets on tcp/10250",
      "control-plane-to-webhooks", "whether the API server reaches webhooks on the nodes on tcp/443 and tcp/9443",
      "bastion-to-api", "whether bastions reach the API server on tcp/443",
      "exposure", "whether the control plane admits the internet");

  private void run() {
    Map<String, Endpoint> nodeGroups = nodeGroupEndpoints();
    Endpoint fargate = cluster.fargatePods();
    Endpoint cp = cluster.controlPlane();
    boolean privateAccess = cluster.info().map(i -> i.endpointPrivateAccess()).orElse(true);
    boolean publicAccess = cluster.info().map(i -> i.endpointPublicAccess()).orElse(false);
    if (!hasMembers(cp)) {
      List<String> needing = new ArrayList<>();
      if (privateAccess) {
        needing.add("nodes-to-api");
      }
      needing.addAll(List.of("control-plane-to-kubelet", "control-plane-to-webhooks"));
      if (hasMembers(cluster.bastions())) {
        needing.add("bastion-to-api");
      }
      needing.add("exposure");
      for (String check : needing) {
        unknown(check, "control-plane ENIs of " + cluster.name() + " are not in the snapshot", "cannot check "
            + CONTROL_PLANE_CHECKS.get(check) + ": EKS puts two or more ENIs described 'Amazon EKS "
            + cluster.name() + "' in the cluster's subnets, and the snapshot holds none (collect"
            + " describe-network-interfaces of the cluster's VPC, unfiltered)");
      }
    }
    // nodes -> API
    if (privateAccess) {
      for (Endpoint ng : withFargate(nodeGroups, fargate)) {
        path("nodes-to-api", Severity.ERROR, ng, cp, Traffic.tcp(443), "kubelets and pods reach the API server"
            + " through the control-plane ENIs when the private endpoint is on");
      }
    } else {
      info("nodes-to-api", "public endpoint only", "the private endpoint is off: nodes reach the API over the"
          + " public endpoint, where publicAccessCidrs decide, not security groups");
    }
    for (Endpoint ng : withFargate(nodeGroups, fargate)) {
      path("control-plane-to-kubelet", Severity.ERROR, cp, ng, Traffic.tcp(10250), "the API server calls the"
          + " kubelet for logs, exec, port-forward and metrics");
    }
    for (Endpoint ng : nodeGroups.values()) {
      path("control-plane-to-webhooks", Severity.ERROR, cp, ng, Traffic.tcp(443), "admission webhooks and"
          + " extension API servers commonly listen on 443");
      path("control-plane-to-webhooks", Severity.WARNING, cp, ng, Traffic.tcp(9443), "the AWS Load Balancer"
          + " Controller's webhook listens on 9443");
    }
    nodeToNode(nodeGroups, fargate);
    podsToCoreDns();
    kubeletToPods();
    loadBalancerTargets(nodeGroups);
    LoadBalancerTargetChecks.run(cluster, engine, findings);
    privateEndpoints(nodeGroups, fargate, publicAccess);
    exposure();
    EksPathChecks.run(cluster, layers, List.copyOf(nodeGroups.values()), fargate, privateAccess, findings);
  }

  // ------------------------------------------------------------------ members

  private static boolean hasMembers(Endpoint e) {
    return !(e instanceof Endpoint.Group g) || !g.members().isEmpty();
  }

  /** One endpoint per nodegroup, plus the managed nodes whose nodegroup is unknown. */
  private Map<String, Endpoint> nodeGroupEndpoints() {
    Map<String, Endpoint> out = new LinkedHashMap<>();
    for (String ng : cluster.nodegroups().keySet()) {
      Endpoint e = cluster.nodegroup(ng);
      if (hasMembers(e)) {
        out.put(ng, e);
      }
    }
    Endpoint unnamed = cluster.nodesOfUnknownNodegroup();
    if (hasMembers(unnamed)) {
      out.put("", unnamed);
    }
    return out;
  }

  private static List<Endpoint> withFargate(Map<String, Endpoint> nodeGroups, Endpoint fargate) {
    List<Endpoint> out = new ArrayList<>(nodeGroups.values());
    if (hasMembers(fargate)) {
      out.add(fargate);
    }
    return out;
  }

  // ------------------------------------------------------------------ findings

  private void info(String check, String title, String detail) {
    findings.add(new Finding(Severity.INFO, check, title, detail, Optional.empty(), ImmutableList.of(),
        Optional.empty()));
  }

  /** A check that could not be decided: {@code detail} names the data the snapshot lacks. */
  private void unknown(String check, String title, String detail) {
    findings.add(new Finding(Severity.UNKNOWN, check, title, detail, Optional.empty(),
        ImmutableList.of(), Optional.empty()));
  }

  private static String title(Endpoint from, Endpoint to, Traffic t) {
    return from.label() + " -> " + to.label() + " on " + t.spec();
  }

  /** Checks one needed path; returns the verdict (or empty when a side has no members). */
  private Optional<Verdict> path(String check, Severity ifBroken, Endpoint from, Endpoint to, Traffic t,
      String why) {
    if (!hasMembers(from) || !hasMembers(to)) {
      return Optional.empty();
    }
    Verdict v = engine.reach(from, to, t);
    report(check, ifBroken, title(from, to, t), why, v, v.fixes(), Optional.empty());
    return Optional.of(v);
  }

  private void report(String check, Severity ifBroken, String title, String why, Verdict v,
      List<Fix> fixes, Optional<String> textFix) {
    if (v.isAllowed()) {
      findings.add(new Finding(Severity.INFO, check, "ok: " + title, why, Optional.of(v), ImmutableList.of(),
          Optional.empty()));
    } else if (v.isUnknown()) {
      findings.add(new Finding(Severity.UNKNOWN, check, title, why + "; the snapshot lacks data to"
          + " decide (see the verdict's missing data)", Optional.of(v), ImmutableList.of(), Optional.empty()));
    } else {
      findings.add(new Finding(ifBroken, check, "blocked (" + v.coverage().word() + " of " + v.memberFlows()
          + " flows allowed): " + title, why, Optional.of(v), ImmutableList.copyOf(fixes), textFix));
    }
  }

  // ------------------------------------------------------------------ node <-> node, DNS, kubelet

  private static final List<Traffic> NODE_TO_NODE = List.of(Traffic.tcp(53), Traffic.udp(53), Traffic.tcp(1025));

  private void nodeToNode(Map<String, Endpoint> nodeGroups, Endpoint fargate) {
    for (Endpoint a : nodeGroups.values()) {
      for (Endpoint b : nodeGroups.values()) {
        if (a == b && ((Endpoint.Group) a).members().size() < 2) {
          continue;
        }
        for (Traffic t : NODE_TO_NODE) {
          path("node-to-node", Severity.ERROR, a, b, t, "pods on one node talk to pods and CoreDNS on others");
        }
      }
    }
    if (hasMembers(fargate)) {
      for (Endpoint b : nodeGroups.values()) {
        for (Traffic t : NODE_TO_NODE.subList(0, 2)) {
          path("node-to-node", Severity.ERROR, fargate, b, t, "Fargate pods resolve names through CoreDNS on the"
              + " nodes");
        }
      }
    }
  }

  private void podsToCoreDns() {
    Endpoint nodes = cluster.nodes();
    if (!hasMembers(nodes)) {
      if (!cluster.groups(SecurityGroupRole.POD_SG).isEmpty() && hasMembers(cluster.podsWithSecurityGroups())) {
        unknown("pods-to-coredns", "no node of " + cluster.name() + " in the snapshot", "pods with their own"
            + " security groups resolve names through CoreDNS on the nodes, and the snapshot holds no node ENI to"
            + " check the path to");
      }
      return;
    }
    for (SecurityGroup podSg : cluster.groups(SecurityGroupRole.POD_SG)) {
      Endpoint pods = cluster.podsWithSecurityGroup(podSg.id());
      if (!hasMembers(pods)) {
        continue;
      }
      for (Traffic t : List.of(Traffic.tcp(53), Traffic.udp(53))) {
        Verdict v = engine.reach(pods, nodes, t);
        Severity s = v.coverage() == dev.sgreach.engine.Coverage.SOME ? Severity.WARNING : Severity.ERROR;
        report("pods-to-coredns", s, title(pods, nodes, t), "pods with their own SG (" + podSg.label() + ") need"
            + " DNS to CoreDNS on the nodes: their SG must allow it out and the node SGs (cluster SG, nodegroup"
            + " SGs) must admit it", v, v.fixes(), Optional.empty());
      }
    }
  }

  private void kubeletToPods() {
    for (RecognisedInterface pod : cluster.interfaces(InterfaceRole.POD_WITH_SG)) {
      List<NetworkInterface> host = cluster.hostOf(pod.eni().id());
      Endpoint podEndpoint = Endpoint.eni(pod.eni().id());
      if (host.isEmpty()) {
        unknown("kubelet-to-pods", "node of pod ENI " + pod.eni().id() + " is not in the snapshot", "its trunk ENI"
            + " or node is not in the snapshot, so kubelet probes cannot be checked");
        continue;
      }
      Endpoint node = cluster.nodeOf(pod.eni().id());
      // in standard mode the probes stay on the host and meet no group: the engine allows them, saying why
      path("kubelet-to-pods", Severity.ERROR, node, podEndpoint, Traffic.tcp(podPort(pod.eni())), "the kubelet on"
          + " the pod's own node runs its liveness and readiness probes; "
          + (engine.podSecurityGroupMode() == dev.sgreach.engine.PodSecurityGroupMode.STRICT
              ? "in strict mode the branch ENI's SGs judge them"
              : "in standard mode they stay on the node and no SG filters them")
          + " (" + engine.podSecurityGroupMode().assumption() + ")");
    }
  }

  /** The port a pod serves: the first tcp port its own groups admit (the LBC rule, a probe rule), else 8080. */
  private int podPort(NetworkInterface pod) {
    for (String id : pod.securityGroupIds()) {
      Optional<SecurityGroup> g = cluster.network().securityGroup(id);
      if (g.isEmpty()) {
        continue;
      }
      for (Rule r : g.get().ingress()) {
        if (r.ports().protocol().hasPorts() && r.ports().protocol().number() == 6) {
          return r.ports().from();
        }
      }
    }
    return PROBE_PORT_DEFAULT;
  }

  // ------------------------------------------------------------------ load balancers

  private void loadBalancerTargets(Map<String, Endpoint> nodeGroups) {
    Set<String> lbcGroups = new LinkedHashSet<>();
    cluster.groups(SecurityGroupRole.LBC_BACKEND_SG).forEach(g -> lbcGroups.add(g.id()));
    cluster.groups(SecurityGroupRole.LBC_MANAGED_SG).forEach(g -> lbcGroups.add(g.id()));
    // the LBC's own load balancers (those whose groups the user chose get no backend rule: LoadBalancerTargetChecks)
    List<RecognisedInterface> lbs = cluster.interfaces(InterfaceRole.LOAD_BALANCER).stream()
        .filter(l -> l.eni().securityGroupIds().stream().anyMatch(lbcGroups::contains)).toList();
    if (lbs.isEmpty()) {
      return;
    }
    Map<String, SecurityGroup> all = cluster.network().securityGroups();
    // where the LBC would put rules on nodes, and whether it can choose at all
    Map<String, String> nodeTargetSg = new LinkedHashMap<>();
    for (RecognisedInterface n : cluster.interfaces(InterfaceRole.MANAGED_NODE, InterfaceRole.SELF_MANAGED_NODE)) {
      if (n.eni().attachment().map(a -> a.deviceIndex() != 0).orElse(true)) {
        continue;
      }
      Lbc.Choice choice = Lbc.targetGroup(n.eni(), all, cluster.name());
      if (choice.groupId().isPresent()) {
        nodeTargetSg.put(n.eni().id(), choice.groupId().get());
      } else {
        findings.add(new Finding(Severity.ERROR, "lb-to-targets", "the LBC cannot pick a target SG on node ENI "
            + n.eni().id(), choice.reason() + ": instance-mode target groups on this node fail to reconcile",
            Optional.empty(), ImmutableList.of(), Optional.of("tag exactly one of " + n.eni().securityGroupIds()
                + " with " + EksTags.clusterTag(cluster.name()) + " (or leave one group on the ENI)")));
      }
    }
    String backend = cluster.groups(SecurityGroupRole.LBC_BACKEND_SG).stream().map(SecurityGroup::id).findFirst()
        .orElse(lbcGroups.stream().findFirst().orElse(""));
    boolean anyRule = false;
    Set<Integer> nodePorts = new LinkedHashSet<>();
    for (SecurityGroup target : all.values()) {
      for (Rule r : target.ingress()) {
        if (!r.description().equals(EksTags.LBC_RULE) || !(r.peer() instanceof Peer.GroupPeer p)
            || !lbcGroups.contains(p.groupId())) {
          continue;
        }
        anyRule = true;
        Endpoint sources = cluster.loadBalancersWith(p.groupId());
        Endpoint targets = cluster.targets(target.id());
        for (int port : new LinkedHashSet<>(List.of(r.ports().from(), r.ports().to()))) {
          path("lb-to-targets", Severity.ERROR, sources, targets, Traffic.tcp(port), "the load balancer forwards"
              + " to the targets behind " + target.label() + " on tcp " + port + " (" + r.describe() + ")");
          if (port >= EksTags.NODE_PORT_LOW && port <= EksTags.NODE_PORT_HIGH
              && nodeTargetSg.containsValue(target.id())) {
            nodePorts.add(port);
          }
        }
      }
    }
    if (!anyRule) {
      findings.add(new Finding(Severity.ERROR, "lb-to-targets", "no " + EksTags.LBC_RULE + " rule on any node or"
          + " pod SG", "the cluster has LBC load balancers (" + lbs.size() + " ENIs) but no target SG admits"
          + " them: every target is unhealthy", Optional.empty(), ImmutableList.of(),
          Optional.of("let the LBC manage backend rules (no security-groups annotation, or"
              + " manage-backend-security-group-rules: \"true\"), or add to each target SG an ingress rule on the"
              + " NodePort (instance mode) or pod port (ip mode) from "
              + (all.containsKey(backend) ? all.get(backend).label() : backend) + " described "
              + EksTags.LBC_RULE)));
      return;
    }
    // instance mode registers every node: a NodePort open on one node's target SG must be open on all
    Endpoint backendLbs = cluster.loadBalancersWith(backend);
    for (Map.Entry<String, Endpoint> ng : nodeGroups.entrySet()) {
      for (int port : nodePorts) {
        if (!hasMembers(backendLbs)) {
          continue;
        }
        Traffic t = Traffic.tcp(port);
        Verdict v = engine.reach(backendLbs, ng.getValue(), t);
        List<Fix> fixes = new ArrayList<>();
        ((Endpoint.Group) ng.getValue()).members().stream().map(m -> nodeTargetSg.get(((Endpoint.Eni) m).id()))
            .filter(id -> id != null).distinct().forEach(id -> fixes.add(new Fix(id, all.get(id).label(),
                Rule.ingress(Ports.tcp(port), Peer.group(backend)).withDescription(EksTags.LBC_RULE))));
        report("lb-to-targets", Severity.ERROR, title(backendLbs, ng.getValue(), t), "instance-mode target groups"
            + " register every node on NodePort " + port + ", so the target SG the LBC picks on every node needs"
            + " the backend rule", v, v.isDenied() ? fixes : List.of(), Optional.empty());
      }
    }
  }

  // ------------------------------------------------------------------ private clusters

  private void privateEndpoints(Map<String, Endpoint> nodeGroups, Endpoint fargate, boolean publicAccess) {
    Endpoint endpoints = cluster.vpcEndpoints();
    Endpoint bastions = cluster.bastions();
    if (hasMembers(endpoints)) {
      for (Endpoint ng : withFargate(nodeGroups, fargate)) {
        path("private-endpoints", Severity.ERROR, ng, endpoints, Traffic.tcp(443), "nodes and pods of a private"
            + " cluster reach ECR, STS, EC2 and the other AWS APIs through the interface endpoints");
      }
      path("private-endpoints", Severity.WARNING, bastions, endpoints, Traffic.tcp(443), "the bastion reaches"
          + " AWS APIs (SSM, EKS) through the interface endpoints");
    }
    path("bastion-to-api", publicAccess ? Severity.WARNING : Severity.ERROR, bastions, cluster.controlPlane(),
        Traffic.tcp(443), "the bastion is how people reach the API server"
            + (publicAccess ? "" : " of a cluster without a public endpoint"));
  }

  // ------------------------------------------------------------------ exposure

  private void exposure() {
    Set<String> seen = new LinkedHashSet<>();
    for (Endpoint role : List.of(cluster.controlPlane(), cluster.nodes(), cluster.fargatePods(),
        cluster.podsWithSecurityGroups())) {
      if (!hasMembers(role)) {
        continue;
      }
      Exposure exposure = engine.exposure(role);
      for (Exposure.Exposed x : exposure.interfaces()) {
        for (RuleMatch m : x.rules()) {
          if (!seen.add(x.eni().id() + m.group().id() + m.rule())) {
            continue;
          }
          exposed(role, x, m);
        }
      }
    }
  }

  private void exposed(Endpoint role, Exposure.Exposed x, RuleMatch m) {
    Cidr block = m.matchedAddress();
    String address = block.isAnywhere() ? (block.isIpv4() ? "203.0.113.10" : "2001:db8::10")
        : block.networkAddress().addressString();
    Ports p = m.rule().ports();
    // the first traffic the rule admits (for all traffic, the API server's port) to prove the exposure with
    Traffic t = p.isAllTraffic() ? Traffic.tcp(443) : Traffic.of(p.protocol(), p.keys().lowerEndpoint());
    Verdict v = engine.reach(Endpoint.address(address), Endpoint.eni(x.eni().id()), t);
    boolean anywhere = block.isAnywhere();
    String revoke = dev.sgreach.model.AwsCli.revoke(m.group().id(), m.rule());
    findings.add(new Finding(anywhere ? Severity.ERROR : Severity.WARNING, "exposure", role.label() + " member "
        + x.eni().id() + " admits " + block.toCidrString() + " on " + p + " through " + m.group().label(),
        "only load balancers should face the internet; the control plane, nodes and pods should admit the VPC,"
            + " the load balancers' SGs and the cluster's SGs", Optional.of(v), ImmutableList.of(),
        Optional.of("remove the rule: " + revoke)));
  }
}
