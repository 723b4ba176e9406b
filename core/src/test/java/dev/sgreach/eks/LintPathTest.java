package dev.sgreach.eks;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.Range;
import dev.sgreach.model.Network;
import dev.sgreach.model.NetworkAcl;
import dev.sgreach.model.Ports;
import dev.sgreach.model.RouteTable;
import dev.sgreach.model.RouteTarget;
import dev.sgreach.path.ExplanationCode;
import dev.sgreach.path.Hop;
import dev.sgreach.path.PathFix;
import dev.sgreach.path.PathVerdict;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * The path checks of {@code lint} ({@link EksPathChecks}): silent without path data, clean on both seed clusters, and
 * an error naming the blocking hop and the ACL entry or route to add when a cluster's ACLs or routes break a path it
 * needs.
 */
class LintPathTest {
  private static final Network PUB = SeedClusters.publicAndPrivate();
  private static final Network PRIV = SeedClusters.privateOnly();

  private static LintReport lintPub(Network n) {
    return EksChecks.lint(n, "ekscluster1");
  }

  private static LintReport lintPriv(Network n) {
    return EksChecks.lint(n, "ekscluster-privonly");
  }

  private static ImmutableList<Finding> pathFindings(LintReport r) {
    return r.findings().stream().filter(f -> f.check().startsWith("path-")).collect(ImmutableList.toImmutableList());
  }

  /** The network with every network ACL's inbound entries replaced by these (the outbound ones kept). */
  private static Network withInbound(Network n, NetworkAcl.Entry... inbound) {
    Network.Builder b = n.toBuilder();
    for (NetworkAcl acl : n.networkAcls().values()) {
      ImmutableList.Builder<NetworkAcl.Entry> entries = ImmutableList.builder();
      acl.entries().stream().filter(NetworkAcl.Entry::egress).forEach(entries::add);
      entries.add(inbound);
      b.replace(new NetworkAcl(acl.id(), acl.vpcId(), acl.ownerId(), acl.isDefault(), entries.build(),
          acl.subnetIds()));
    }
    return b.build();
  }

  /** The network with the routes that match removed from every route table; fails when none matches. */
  private static Network withoutRoutes(Network n, Predicate<RouteTable.Route> which) {
    Network.Builder b = n.toBuilder();
    int removed = 0;
    for (RouteTable t : n.routeTables().values()) {
      ImmutableList<RouteTable.Route> kept = t.routes().stream().filter(which.negate())
          .collect(ImmutableList.toImmutableList());
      removed += t.routes().size() - kept.size();
      b.replace(new RouteTable(t.id(), t.vpcId(), t.ownerId(), t.main(), t.subnetIds(), t.gatewayIds(), kept));
    }
    assertThat(removed).as("routes removed").isPositive();
    return b.build();
  }

  /** The network's security groups, ENIs, VPCs and clusters only: a snapshot without path data. */
  private static Network withoutPath(Network n) {
    Network.Builder b = Network.builder();
    n.securityGroups().values().forEach(b::add);
    n.interfaces().values().forEach(b::add);
    n.vpcs().values().forEach(b::add);
    n.eksClusters().values().forEach(b::add);
    n.prefixLists().values().forEach(b::add);
    n.loadBalancers().values().forEach(b::add);
    return b.build();
  }

  @Test
  void without_path_data_no_path_check_runs_and_the_other_findings_stay_as_they_were() {
    Network bare = withoutPath(PUB);
    assertThat(bare.layers()).containsExactly(dev.sgreach.model.Layer.SECURITY_GROUPS);

    LintReport report = lintPub(bare);

    assertThat(pathFindings(report)).isEmpty();
    assertThat(report.findings()).extracting(Finding::toString).containsExactlyElementsOf(lintPub(PUB).findings()
        .stream().filter(f -> !f.check().startsWith("path-")).map(Finding::toString).toList());
  }

  @Test
  void both_seed_clusters_pass_every_path_check() {
    LintReport pub = lintPub(PUB);
    LintReport priv = lintPriv(PRIV);

    assertThat(pathFindings(pub)).as(pub.describe()).isNotEmpty()
        .allSatisfy(f -> assertThat(f.severity()).as(f.describe()).isEqualTo(Severity.INFO))
        .extracting(Finding::check).contains("path-control-plane", "path-to-internet")
        .doesNotContain("path-endpoints");
    assertThat(pathFindings(priv)).as(priv.describe()).isNotEmpty()
        .allSatisfy(f -> assertThat(f.severity()).as(f.describe()).isEqualTo(Severity.INFO))
        .extracting(Finding::check).contains("path-control-plane", "path-endpoints")
        .doesNotContain("path-to-internet");
  }

  @Test
  void nodes_in_several_subnets_are_checked_between_their_subnets_and_an_acl_dropping_dns_between_them_is_an_error() {
    Network spread = SeedClusters.publicAndPrivateTopology().managedNodeGroup("mng2", 2).build();
    assertThat(lintPub(spread).findings()).filteredOn(f -> f.check().equals("path-node-to-node"))
        .extracting(Finding::title).containsExactly("ok: eks:ekscluster1/nodes -> eks:ekscluster1/nodes on tcp/53",
            "ok: eks:ekscluster1/nodes -> eks:ekscluster1/nodes on udp/53",
            "ok: eks:ekscluster1/nodes -> eks:ekscluster1/nodes on tcp/1025");

    Network broken = withInbound(spread,
        NetworkAcl.Entry.inbound(90, NetworkAcl.Action.DENY, Ports.udp(53), "0.0.0.0/0"),
        NetworkAcl.Entry.inbound(100, NetworkAcl.Action.ALLOW, Ports.allTraffic(), "0.0.0.0/0"));
    LintReport report = lintPub(broken);

    assertThat(report.errors()).as(report.describe()).extracting(Finding::title).singleElement().asString()
        .startsWith("path blocked (0 of ").endsWith(" subnet pairs pass): eks:ekscluster1/nodes ->"
            + " eks:ekscluster1/nodes on udp/53");
    Hop blocking = report.errors().get(0).path().orElseThrow().blockingHop().orElseThrow();
    assertThat(blocking.aclEntries()).extracting(NetworkAcl.Entry::ruleNumber).containsExactly(90);
  }

  @Test
  void an_acl_without_the_ephemeral_range_breaks_the_reply_to_nodes_with_the_entry_to_add() {
    Network broken = withInbound(PUB,
        NetworkAcl.Entry.inbound(100, NetworkAcl.Action.ALLOW, Ports.tcp(443), "0.0.0.0/0"),
        NetworkAcl.Entry.inbound(110, NetworkAcl.Action.ALLOW, Ports.tcp(10250), "0.0.0.0/0"),
        NetworkAcl.Entry.inbound(120, NetworkAcl.Action.ALLOW, Ports.tcp(53), "0.0.0.0/0"),
        NetworkAcl.Entry.inbound(130, NetworkAcl.Action.ALLOW, Ports.udp(53), "0.0.0.0/0"));
    LintReport report = lintPub(broken);

    Finding f = report.errors().stream().filter(e -> e.check().equals("path-control-plane")
        && e.title().endsWith("-> eks:ekscluster1/control-plane on tcp/443")).findFirst()
        .orElseThrow(() -> new AssertionError(report.describe()));
    assertThat(f.title()).startsWith("path blocked (").contains("eks:ekscluster1/nodegroup:");
    PathVerdict v = f.path().orElseThrow();
    assertThat(v.isDenied()).as(v.explain()).isTrue();
    Hop blocking = v.blockingHop().orElseThrow();
    assertThat(blocking.step()).as(v.explain()).isEqualTo(Hop.Step.ACL_INBOUND);
    assertThat(blocking.code()).contains(ExplanationCode.SUBNET_ACL_RESTRICTION);
    assertThat(v.deniedReplyPorts().asRanges()).as(v.explain()).containsExactly(Range.closed(32768, 61000));
    assertThat(v.fixes()).extracting(PathFix::awsCliCommand).anySatisfy(c -> assertThat(c)
        .startsWith("aws ec2 create-network-acl-entry --network-acl-id acl-").contains("--ingress")
        .contains("--port-range From=32768,To=61000"));
    assertThat(f.describe()).contains("reply to the client's ephemeral ports (Linux 32768-61000, assumed)")
        .contains("fix: add to acl-");
    assertThat(report.errors()).extracting(Finding::check).contains("path-to-internet");
  }

  @Test
  void a_public_cluster_whose_private_subnets_lose_the_nat_route_cannot_reach_the_internet() {
    Network broken = withoutRoutes(PUB, r -> r.target().kind() == RouteTarget.Kind.NAT_GATEWAY);
    LintReport report = lintPub(broken);

    assertThat(report.errors()).as(report.describe()).isNotEmpty()
        .allSatisfy(e -> assertThat(e.check()).isEqualTo("path-to-internet"));
    Finding f = report.errors().get(0);
    assertThat(f.title()).endsWith("-> " + EksPathChecks.INTERNET_HOSTS.get(0) + " on tcp/443");
    PathVerdict v = f.path().orElseThrow();
    assertThat(v.blockingHop().orElseThrow().code()).as(v.explain())
        .contains(ExplanationCode.NO_ROUTE_TO_DESTINATION);
    assertThat(v.fixes()).as(v.explain()).extracting(PathFix::awsCliCommand)
        .anySatisfy(c -> assertThat(c).startsWith("aws ec2 create-route --route-table-id rtb-"));
  }

  @Test
  void a_private_cluster_without_the_s3_route_cannot_pull_image_layers() {
    Network broken = withoutRoutes(PRIV, r -> r.prefixListId().isPresent());
    LintReport report = lintPriv(broken);

    assertThat(report.errors()).as(report.describe()).isNotEmpty()
        .allSatisfy(e -> assertThat(e.check()).isEqualTo("path-endpoints"))
        .allSatisfy(e -> assertThat(e.detail()).contains("S3"));
    PathVerdict v = report.errors().get(0).path().orElseThrow();
    assertThat(v.isDenied()).as(v.explain()).isTrue();
    assertThat(v.blockingHop().orElseThrow().step()).as(v.explain()).isEqualTo(Hop.Step.ROUTE);
  }

  @Test
  void a_private_cluster_without_an_s3_gateway_endpoint_is_an_error_saying_what_to_create() {
    Network.Builder b = Network.builder();
    PRIV.securityGroups().values().forEach(b::add);
    PRIV.interfaces().values().forEach(b::add);
    PRIV.vpcs().values().forEach(b::add);
    PRIV.eksClusters().values().forEach(b::add);
    PRIV.subnets().values().forEach(b::add);
    PRIV.networkAcls().values().forEach(b::add);
    PRIV.prefixLists().values().forEach(b::add);
    PRIV.vpcEndpoints().values().stream().filter(e -> !e.serviceName().endsWith(".s3")).forEach(b::add);
    withoutRoutes(PRIV, r -> r.prefixListId().isPresent()).routeTables().values().forEach(b::add);
    LintReport report = lintPriv(b.build());

    assertThat(report.errors()).as(report.describe()).extracting(Finding::title)
        .allSatisfy(t -> assertThat(t).startsWith("no S3 gateway endpoint for eks:ekscluster-privonly/"));
    assertThat(report.errors()).isNotEmpty().allSatisfy(e -> assertThat(e.textFix()).get().asString()
        .contains("create-vpc-endpoint --vpc-endpoint-type Gateway"));
  }

  @Test
  void without_the_public_route_to_the_internet_gateway_neither_public_nor_nat_nodes_get_out() {
    Network broken = withoutRoutes(PUB, r -> r.target().equals(RouteTarget.of(
        PUB.internetGateways().keySet().iterator().next())) && r.destination().isPresent()
        && r.destination().get().isIpv4());
    LintReport report = lintPub(broken);

    assertThat(report.errors()).as(report.describe()).extracting(Finding::check).contains("path-to-internet");
    assertThat(report.warnings()).as(report.describe()).isEmpty();
  }
}
