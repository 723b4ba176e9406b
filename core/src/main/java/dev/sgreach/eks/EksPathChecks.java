package dev.sgreach.eks;

import com.google.common.collect.ImmutableList;
import dev.sgreach.engine.Endpoint;
import dev.sgreach.engine.Outcome;
import dev.sgreach.model.Cidr;
import dev.sgreach.model.Layer;
import dev.sgreach.model.Network;
import dev.sgreach.model.NetworkInterface;
import dev.sgreach.model.PrefixList;
import dev.sgreach.model.Traffic;
import dev.sgreach.model.VpcEndpoint;
import dev.sgreach.path.PacketPaths;
import dev.sgreach.path.PathEnd;
import dev.sgreach.path.PathVerdict;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The packet-path checks of {@link EksChecks} (DOMAIN-PATH.md tables 7a-7c): what the network ACLs, route tables and
 * gateways of the cluster's subnets must let through, judged by {@link PacketPaths} alone (the security groups of the
 * same paths are the other checks' business, so that each problem is reported once, in the layer that has it).
 *
 * <p>They run only when the snapshot holds network ACLs or route tables ({@link Network#layers()}); without them
 * nothing is said about the path. The ends are judged one ENI per subnet of each role (the path depends on the
 * subnet, not on the node), the reply on the source's ephemeral ports ({@link PacketPaths#defaultClientPorts}); each
 * finding is the worst pair of its two roles, with that pair's hops as proof.
 *
 * <table>
 *   <caption>path checks</caption>
 *   <tr><th>id</th><th>path</th></tr>
 *   <tr><td>{@code path-control-plane}</td><td>every nodegroup and Fargate → control-plane ENIs tcp/443 (private
 *       endpoint on); control plane → every nodegroup and Fargate tcp/10250, and → every nodegroup tcp/443</td></tr>
 *   <tr><td>{@code path-node-to-node}</td><td>between the subnets of the nodes, each way: tcp/53, udp/53 (CoreDNS)
 *       and tcp/1025 (a workload port)</td></tr>
 *   <tr><td>{@code path-endpoints}</td><td>when the VPC has interface endpoints (a private cluster): every nodegroup
 *       and Fargate → every endpoint's ENIs tcp/443; and, where the nodes do not reach the internet, → an address
 *       of the S3 gateway endpoint's prefix list tcp/443 (ECR keeps image layers in S3), an error when the VPC has
 *       no available S3 gateway endpoint</td></tr>
 *   <tr><td>{@code path-to-internet}</td><td>when the VPC has no interface endpoints (a public cluster): every
 *       nodegroup and Fargate → the internet ({@link #INTERNET_HOSTS}: documentation space standing for any internet
 *       host) tcp/443, through a NAT gateway or a public address and an internet gateway</td></tr>
 * </table>
 * A blocked path is an error, an undecided one (missing data) a warning.
 */
final class EksPathChecks {
  /**
   * The internet hosts the internet check may send to, the first that no ENI or NAT gateway of the snapshot holds:
   * documentation space (RFC 5737), standing for any internet host.
   */
  static final List<String> INTERNET_HOSTS = List.of("192.0.2.10", "192.0.2.77", "192.0.2.200");

  private final EksCluster cluster;
  private final Network network;
  private final PacketPaths paths;
  private final List<Finding> findings;

  private EksPathChecks(EksCluster cluster, PacketPaths paths, List<Finding> findings) {
    this.cluster = cluster;
    this.network = cluster.network();
    this.paths = paths;
    this.findings = findings;
    this.internet = internetHost(network);
  }

  private final Cidr internet;

  /** The first of {@link #INTERNET_HOSTS} that no ENI or NAT gateway of the network holds. */
  static Cidr internetHost(Network network) {
    java.util.Set<Cidr> owned = new java.util.HashSet<>();
    network.interfaces().values().forEach(e -> owned.addAll(e.publicIpv4()));
    network.natGateways().values().forEach(n -> n.addresses().forEach(a -> a.publicIp().ifPresent(owned::add)));
    return INTERNET_HOSTS.stream().map(Cidr::parseAddress).filter(a -> !owned.contains(a)).findFirst()
        .orElseThrow(() -> new IllegalStateException("the snapshot holds every stand-in internet host "
            + INTERNET_HOSTS));
  }

  /**
   * Adds the path findings for these nodegroups (and Fargate) to {@code findings}, on the path layers among
   * {@code layers} that the snapshot covers; nothing when there is none.
   */
  static void run(EksCluster cluster, Set<Layer> layers, List<Endpoint> nodeGroups, Endpoint fargate,
      boolean privateAccess, List<Finding> findings) {
    PacketPaths paths = PacketPaths.of(cluster.network(), layers);
    if (paths.layers().isEmpty()) {
      return;
    }
    new EksPathChecks(cluster, paths, findings).run(nodeGroups, fargate, privateAccess);
  }

  private void run(List<Endpoint> nodeGroups, Endpoint fargate, boolean privateAccess) {
    List<Endpoint> workers = new ArrayList<>(nodeGroups);
    if (!bySubnet(fargate).isEmpty()) {
      workers.add(fargate);
    }
    Endpoint cp = cluster.controlPlane();
    for (Endpoint w : workers) {
      if (privateAccess) {
        check("path-control-plane", w, cp, Traffic.tcp(443), "kubelets and pods reach the API server through the"
            + " control-plane ENIs; the subnets' network ACLs must pass it and its reply on the node's ephemeral"
            + " ports");
      }
      check("path-control-plane", cp, w, Traffic.tcp(10250), "the API server calls the kubelet (logs, exec,"
          + " metrics); the network ACLs must pass it and its reply");
    }
    for (Endpoint ng : nodeGroups) {
      check("path-control-plane", cp, ng, Traffic.tcp(443), "the API server calls admission webhooks and extension"
          + " API servers on the nodes");
    }
    nodeToNode(nodeGroups);
    List<VpcEndpoint> interfaces = network.vpcEndpoints().values().stream()
        .filter(e -> e.vpcId().equals(cluster.vpcId()) && e.type() == VpcEndpoint.Type.INTERFACE).toList();
    if (interfaces.isEmpty()) {
      for (Endpoint w : workers) {
        check("path-to-internet", w, new Endpoint.Address(internet), Traffic.tcp(443), "without interface endpoints the"
            + " nodes pull images and call AWS APIs over the internet: through a NAT gateway, or with a public"
            + " address through an internet gateway");
      }
      return;
    }
    for (Endpoint w : workers) {
      for (VpcEndpoint e : interfaces) {
        Endpoint enis = Endpoint.group(cluster.label("endpoint", e.id()), e.networkInterfaceIds().stream()
            .filter(network.interfaces()::containsKey).map(Endpoint::eni).toList());
        check("path-endpoints", w, enis, Traffic.tcp(443), "nodes and pods of a private cluster reach "
            + e.serviceName() + " through " + e.id() + "; DNS may answer with any of its ENIs");
      }
      s3(w);
    }
  }

  private void nodeToNode(List<Endpoint> nodeGroups) {
    Endpoint all = Endpoint.group(cluster.label("nodes", null), nodeGroups.stream()
        .flatMap(ng -> ((Endpoint.Group) ng).members().stream()).toList());
    if (bySubnet(all).size() < 2) {
      return;
    }
    for (Traffic t : List.of(Traffic.tcp(53), Traffic.udp(53), Traffic.tcp(1025))) {
      check("path-node-to-node", all, all, t, "pods on one node reach CoreDNS and pods on others; between subnets"
          + " both subnets' network ACLs judge the packet and its reply");
    }
  }

  /** The S3 gateway endpoint a private cluster's image pulls need, for workers that do not reach the internet. */
  private void s3(Endpoint workers) {
    Map<String, NetworkInterface> reps = bySubnet(workers);
    if (reps.isEmpty()) {
      return;
    }
    Traffic https = Traffic.tcp(443);
    boolean online = reps.values().stream().allMatch(n -> paths.outcome(PathEnd.of(n),
        PathEnd.outside(internet), https) == Outcome.ALLOWED);
    if (online) {
      return;
    }
    Optional<VpcEndpoint> s3 = network.vpcEndpoints().values().stream()
        .filter(e -> e.vpcId().equals(cluster.vpcId()) && e.type() == VpcEndpoint.Type.GATEWAY
            && e.serviceName().endsWith(".s3") && e.isAvailable()).findFirst();
    String why = "ECR keeps image layers in S3: nodes without an internet path pull them through the S3 gateway"
        + " endpoint, whose prefix-list route must be in the node subnets' route tables";
    if (s3.isEmpty()) {
      findings.add(new Finding(Severity.ERROR, "path-endpoints", "no S3 gateway endpoint for " + workers.label()
          + " in " + cluster.vpcId(), why, Optional.empty(), ImmutableList.of(), Optional.of("create an S3 gateway"
          + " endpoint in " + cluster.vpcId() + " on the node subnets' route tables (aws ec2 create-vpc-endpoint"
          + " --vpc-endpoint-type Gateway --service-name com.amazonaws.REGION.s3 --route-table-ids ...)")));
      return;
    }
    Optional<Cidr> address = network.prefixLists().values().stream()
        .filter(p -> p.name().equals(s3.get().serviceName())).map(PrefixList::entries).flatMap(Optional::stream)
        .flatMap(List::stream).filter(Cidr::isIpv4).findFirst().map(c -> c.networkAddress());
    if (address.isEmpty()) {
      findings.add(new Finding(Severity.WARNING, "path-endpoints", "unknown: " + workers.label() + " -> "
          + s3.get().id() + " on tcp/443", why + "; the entries of the prefix list " + s3.get().serviceName()
          + " are not in the snapshot", Optional.empty(), ImmutableList.of(), Optional.empty()));
      return;
    }
    check("path-endpoints", workers, new Endpoint.Address(address.get()), https, why + " (" + s3.get().id() + ")");
  }

  // ------------------------------------------------------------------ pairs

  /** One ENI per subnet of the endpoint's members (the first of each), in order; an address end has none. */
  private Map<String, NetworkInterface> bySubnet(Endpoint e) {
    Map<String, NetworkInterface> out = new LinkedHashMap<>();
    if (!(e instanceof Endpoint.Group g)) {
      return out;
    }
    for (Endpoint m : g.members()) {
      if (m instanceof Endpoint.Eni x) {
        NetworkInterface n = network.interfaces().get(x.id());
        if (n != null && !n.subnetId().isEmpty()) {
          out.putIfAbsent(n.subnetId(), n);
        }
      }
    }
    return out;
  }

  private List<PathEnd> ends(Endpoint e) {
    if (e instanceof Endpoint.Address a) {
      return List.of(PathEnd.outside(a.address()));
    }
    return bySubnet(e).values().stream().map(PathEnd::of).toList();
  }

  /**
   * Judges every pair of the two roles' subnets (a pair in one subnet is skipped: ACLs and routes do not see it) and
   * adds one finding: ok, or the worst pair with its hops.
   */
  private void check(String check, Endpoint from, Endpoint to, Traffic t, String why) {
    List<PathEnd> sources = ends(from);
    List<PathEnd> destinations = ends(to);
    PathEnd worstFrom = null;
    PathEnd worstTo = null;
    Outcome worst = null;
    int pairs = 0;
    int passing = 0;
    for (PathEnd s : sources) {
      for (PathEnd d : destinations) {
        if (sameSubnet(s, d) || s.address().family() != d.address().family()) {
          continue;
        }
        pairs++;
        Outcome o = paths.outcome(s, d, t);
        if (o == Outcome.ALLOWED) {
          passing++;
        }
        if (worst == null || rank(o) > rank(worst)) {
          worst = o;
          worstFrom = s;
          worstTo = d;
        }
      }
    }
    if (worst == null) {
      return;
    }
    String title = from.label() + " -> " + to.label() + " on " + t.spec();
    if (worst == Outcome.ALLOWED) {
      findings.add(new Finding(Severity.INFO, check, "ok: " + title, why, Optional.empty(), ImmutableList.of(),
          Optional.empty(), Optional.empty()));
      return;
    }
    PathVerdict v = paths.check(worstFrom, worstTo, t);
    String subnets = passing + " of " + pairs + " subnet pairs pass";
    if (worst == Outcome.UNKNOWN) {
      findings.add(new Finding(Severity.WARNING, check, "unknown path (" + subnets + "): " + title, why
          + "; the snapshot lacks data to decide (see the path's unknown hop)", Optional.empty(), ImmutableList.of(),
          Optional.empty(), Optional.of(v)));
    } else {
      findings.add(new Finding(Severity.ERROR, check, "path blocked (" + subnets + "): " + title, why,
          Optional.empty(), ImmutableList.of(), Optional.empty(), Optional.of(v)));
    }
  }

  private static int rank(Outcome o) {
    return switch (o) {
      case ALLOWED -> 0;
      case UNKNOWN -> 1;
      case DENIED -> 2;
    };
  }

  private static boolean sameSubnet(PathEnd a, PathEnd b) {
    return a.eni().isPresent() && b.eni().isPresent()
        && a.eni().get().subnetId().equals(b.eni().get().subnetId());
  }
}
