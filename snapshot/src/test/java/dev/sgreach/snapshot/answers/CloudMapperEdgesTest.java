package dev.sgreach.snapshot.answers;

import static dev.sgreach.model.Traffic.tcp;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.common.collect.Range;
import com.google.common.collect.RangeSet;
import com.google.common.collect.TreeRangeSet;
import dev.sgreach.snapshot.answers.CloudMapperDemo.Edge;
import dev.sgreach.snapshot.answers.CloudMapperDemo.Node;
import dev.sgreach.engine.Endpoint;
import dev.sgreach.engine.Flow;
import dev.sgreach.engine.Member;
import dev.sgreach.engine.OpenPorts;
import dev.sgreach.engine.Outcome;
import dev.sgreach.engine.Reachability;
import dev.sgreach.engine.Reachers;
import dev.sgreach.engine.RuleMatch;
import dev.sgreach.engine.SideCheck;
import dev.sgreach.engine.Verdict;
import dev.sgreach.model.Cidr;
import dev.sgreach.model.Direction;
import dev.sgreach.model.NetworkInterface;
import dev.sgreach.model.Peer;
import dev.sgreach.model.Ports;
import dev.sgreach.model.Protocol;
import dev.sgreach.model.Rule;
import dev.sgreach.model.SecurityGroup;
import dev.sgreach.model.Warning;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * CloudMapper's answer for its demo account, {@code gh-pages/data.json}, reproduced with sgreach at the ports the rules
 * name (see {@link CloudMapperDemo} for how the demo's resources become ENIs).
 *
 * <p>CloudMapper's {@code prepare} drew 35 edges: 26 from security groups and CIDRs, and 9 from its blanket rule that
 * connects every resource to an S3 gateway endpoint. It ignores egress and ports; sgreach checks both, so each of the
 * 26 edges is checked here at the port of the ingress rule that creates it, and every place where sgreach and
 * CloudMapper part ways has its own test saying why:
 *
 * <ul>
 *   <li>the 9 S3 gateway edges are not decided by security groups ({@link #theNineS3GatewayEdgesAreNotDecidedBySecurityGroups});
 *   <li>CloudMapper's office-to-Redshift edges hold for SSH only, not for Redshift's port
 *       ({@link #officeEdgesToRedshiftHoldForSshOnlyNotForTheClusterPort});
 *   <li>sgreach finds edges CloudMapper leaves out: from Redshift, which carries the Bastion group, and from every ENI of
 *       the VPC to the targets open to 0.0.0.0/0 ({@link #sgreachFindsEveryCloudMapperEdgeAndOnlyTheExplainedExtras});
 *   <li>the Lambda function's group is not in the snapshot, so its flows are unknown
 *       ({@link #lambdaFlowsAreUnknownBecauseItsGroupIsNotInTheSnapshot}).
 * </ul>
 */
class CloudMapperEdgesTest {
  /** An address of S3 in us-east-1: in pl-63a5400a, com.amazonaws.us-east-1.s3 (realdata/aws-cli, 54.231.0.0/17). */
  private static final String S3_ADDRESS = "54.231.0.10";
  private static final String LAMBDA_GROUP = "sg-09920178";

  private static CloudMapperDemo demo;
  private static Reachability engine;
  private static List<Edge> edges;

  @BeforeAll
  static void build() {
    demo = CloudMapperDemo.build();
    engine = Reachability.of(demo.network);
    edges = CloudMapperDemo.cloudMapperEdges();
  }

  // ---------------------------------------------------------------- the model of the demo

  @Test
  void thereIsOneEniPerCloudMapperNodeCarryingTheResourcesGroups() {
    // every leaf of data.json is a node here, except the S3 gateway endpoint (no ENI) and the CIDRs (outside)
    Set<String> leaves = CloudMapperDemo.cloudMapperLeafNodes();
    Set<String> expected = new LinkedHashSet<>(leaves);
    expected.remove(demo.s3GatewayNode);
    expected.removeIf(CloudMapperDemo::isCidrNode);
    assertThat(demo.nodesById.keySet()).containsExactlyInAnyOrderElementsOf(expected);
    assertThat(leaves).contains(demo.s3GatewayNode);
    // the CIDR nodes are 0.0.0.0/0 and the office CIDRs named in config.json.demo
    List<String> offices = new ArrayList<>();
    RealData.json("cloudmapper/config.json.demo").path("cidrs").fieldNames().forEachRemaining(offices::add);
    assertThat(offices).containsExactly("1.1.1.1/32", "2.2.2.2/28");
    assertThat(leaves.stream().filter(CloudMapperDemo::isCidrNode)).containsExactlyInAnyOrder("0.0.0.0/0",
        "1.1.1.1/32", "2.2.2.2/28");

    Map<String, List<String>> groupsByLabel = demo.nodesById.values().stream().collect(Collectors.toMap(Node::label,
        n -> demo.network.interfaces().get(n.eniId()).securityGroupIds()));
    assertThat(groupsByLabel).containsExactlyInAnyOrderEntriesOf(Map.ofEntries(
        Map.entry("bastion", List.of("sg-00000002")),
        Map.entry("web1", List.of("sg-00000004")),
        Map.entry("web2", List.of("sg-00000004")),
        Map.entry("weblb.1", List.of("sg-00000003")),
        Map.entry("weblb.2", List.of("sg-00000003")),
        Map.entry("webalb.2", List.of("sg-00000003")),
        Map.entry("rds.3", List.of("sg-00000005")),
        Map.entry("rds.4", List.of("sg-00000005")),
        Map.entry("redshift.1", List.of("sg-00000002")),
        Map.entry("redshift.2", List.of("sg-00000002")),
        Map.entry("es", List.of("sg-00000007")),
        Map.entry("lambda.3", List.of(LAMBDA_GROUP)),
        Map.entry("lambda.4", List.of(LAMBDA_GROUP)),
        Map.entry("sqs.3", List.of("sg-00000006")),
        Map.entry("ecs", List.of("sg-00000008"))));
  }

  @Test
  void addressesComeFromTheDataOrAreSyntheticInsideTheSubnet() {
    Map<String, String> fromData = Map.of("bastion", "10.0.0.1", "web1", "10.0.2.1", "web2", "10.0.3.1",
        "redshift.1", "10.0.0.10", "redshift.2", "10.0.1.10",
        // the ECS task's ENI as ec2-describe-network-interfaces.json has it (outside the VPC's 10.0.0.0/16: the
        // demo's data is stitched together; security groups match it by the groups it carries, not by address)
        "ecs", "172.31.48.168");
    for (Node n : demo.nodesById.values()) {
      NetworkInterface eni = demo.network.interfaces().get(n.eniId());
      String address = eni.privateIpv4().get(0).addressString();
      if (fromData.containsKey(n.label())) {
        assertThat(address).as(n.label()).isEqualTo(fromData.get(n.label()));
        assertThat(demo.syntheticAddresses).doesNotContainKey(eni.id());
      } else {
        assertThat(demo.syntheticAddresses).containsEntry(eni.id(), address);
        assertThat(demo.subnets.get(eni.subnetId()).contains(eni.privateIpv4().get(0))).as(n.label()).isTrue();
        assertThat(address).as(n.label()).matches("10\\.0\\.[0-3]\\.2\\d\\d");
      }
    }
    assertThat(demo.network.warnings()).extracting(Warning::kind)
        .doesNotContain(Warning.Kind.DUPLICATE_ADDRESS);
  }

  @Test
  void cloudMapperDrew26SecurityGroupEdgesAnd9S3GatewayEdges() {
    assertThat(edges).hasSize(35);
    assertThat(edges).filteredOn(Edge::isSecurityGroupEdge).hasSize(26);
    assertThat(edges).filteredOn(e -> !e.isSecurityGroupEdge()).hasSize(9)
        .allSatisfy(e -> assertThat(e.target()).isEqualTo(demo.s3GatewayNode));
  }

  @Test
  void theTableBelowIsExactlyCloudMappersSecurityGroupEdges() {
    Set<String> fromDataJson = edges.stream().filter(Edge::isSecurityGroupEdge)
        .map(e -> demo.label(e.source()) + " -> " + demo.label(e.target())).collect(Collectors.toSet());

    assertThat(fromDataJson).containsExactlyInAnyOrderElementsOf(EDGE_TABLE.stream()
        .map(row -> row[0] + " -> " + row[1]).toList());
  }

  /** The 26 edges as label pairs, the port of the ingress rule that creates each, and that rule's group. */
  private static final List<String[]> EDGE_TABLE = List.of(
      new String[] {"0.0.0.0/0", "ecs"}, new String[] {"bastion", "ecs"}, new String[] {"bastion", "es"},
      new String[] {"web1", "sqs.3"}, new String[] {"web2", "sqs.3"},
      new String[] {"web1", "rds.3"}, new String[] {"web2", "rds.3"},
      new String[] {"web1", "rds.4"}, new String[] {"web2", "rds.4"},
      new String[] {"weblb.1", "web1"}, new String[] {"weblb.2", "web1"}, new String[] {"webalb.2", "web1"},
      new String[] {"weblb.1", "web2"}, new String[] {"weblb.2", "web2"}, new String[] {"webalb.2", "web2"},
      new String[] {"bastion", "web1"}, new String[] {"bastion", "web2"},
      new String[] {"0.0.0.0/0", "weblb.1"}, new String[] {"0.0.0.0/0", "weblb.2"},
      new String[] {"0.0.0.0/0", "webalb.2"},
      new String[] {"1.1.1.1/32", "bastion"}, new String[] {"1.1.1.1/32", "redshift.1"},
      new String[] {"1.1.1.1/32", "redshift.2"},
      new String[] {"2.2.2.2/28", "bastion"}, new String[] {"2.2.2.2/28", "redshift.1"},
      new String[] {"2.2.2.2/28", "redshift.2"});

  // ---------------------------------------------------------------- the 26 edges, at their ports

  @ParameterizedTest(name = "{0} -> {1} on tcp/{2} through {3}")
  @CsvSource({
      "0.0.0.0/0,  ecs,        443,  Public",
      "bastion,    ecs,        22,   Public",
      "bastion,    es,         443,  Bastion access",
      "web1,       sqs.3,      443,  Endpoint",
      "web2,       sqs.3,      443,  Endpoint",
      "web1,       rds.3,      5432, Database",
      "web2,       rds.3,      5432, Database",
      "web1,       rds.4,      5432, Database",
      "web2,       rds.4,      5432, Database",
      "weblb.1,    web1,       8000, Internal web",
      "weblb.2,    web1,       8000, Internal web",
      "webalb.2,   web1,       8000, Internal web",
      "weblb.1,    web2,       8000, Internal web",
      "weblb.2,    web2,       8000, Internal web",
      "webalb.2,   web2,       8000, Internal web",
      "bastion,    web1,       8000, Internal web",
      "bastion,    web2,       8000, Internal web",
      "0.0.0.0/0,  weblb.1,    443,  Public web",
      "0.0.0.0/0,  weblb.2,    443,  Public web",
      "0.0.0.0/0,  webalb.2,   443,  Public web",
      "1.1.1.1/32, bastion,    22,   Bastion",
      "1.1.1.1/32, redshift.1, 22,   Bastion",
      "1.1.1.1/32, redshift.2, 22,   Bastion",
      "2.2.2.2/28, bastion,    22,   Bastion",
      "2.2.2.2/28, redshift.1, 22,   Bastion",
      "2.2.2.2/28, redshift.2, 22,   Bastion"})
  void cloudMappersEdgeHoldsAtThePortOfTheRuleThatCreatesIt(String from, String to, int port, String groupName) {
    String source = demo.node(from);
    String target = demo.node(to);
    Edge edge = edges.stream().filter(e -> e.source().equals(source) && e.target().equals(target)).findFirst()
        .orElseThrow(() -> new AssertionError("data.json has no edge " + from + " -> " + to));
    // the port comes from the data: the ingress rules of CloudMapper's reason group whose peer is the source
    List<RuleMatch> creating = rulesCreating(edge);
    assertThat(creating).as("rules creating %s -> %s", from, to).singleElement().satisfies(m -> {
      assertThat(m.group().name()).isEqualTo(groupName);
      assertThat(m.rule().ports()).isEqualTo(Ports.tcp(port));
    });
    Rule rule = creating.get(0).rule();

    Verdict v = engine.reach(demo.endpoint(source), demo.endpoint(target), tcp(port));

    assertThat(v.outcome()).as(v.explain()).isEqualTo(Outcome.ALLOWED);
    Flow f = v.flows().get(0);
    assertThat(f.ingress().orElseThrow().matches()).anySatisfy(m -> {
      assertThat(m.group().name()).isEqualTo(groupName);
      assertThat(m.rule()).isEqualTo(rule);
    });
    if (CloudMapperDemo.isCidrNode(source)) {
      assertThat(f.source().isOutside()).isTrue();
    } else {
      // CloudMapper ignores egress; in this demo every group's only outbound rule is the default allow-all
      assertThat(f.egress().orElseThrow().matches()).isNotEmpty().allSatisfy(m -> {
        assertThat(m.rule().ports().isAllTraffic()).isTrue();
        assertThat(m.rule().peer()).isEqualTo(Peer.cidr("0.0.0.0/0"));
      });
    }
    // CloudMapper's edge has no port; sgreach's holds only on ports the target's rules name, and not, say, on RDP
    OpenPorts open = engine.openPorts(member(source), member(target));
    assertThat(open.tcp().contains(port)).isTrue();
    assertThat(targetTcpPorts(target).enclosesAll(open.tcp())).as("open %s", open).isTrue();
    assertThat(open.udp().isEmpty()).isTrue();
    Verdict rdp = engine.reach(demo.endpoint(source), demo.endpoint(target), tcp(3389));
    assertThat(rdp.flows().get(0).blockingSides()).extracting(SideCheck::direction)
        .containsExactly(Direction.INGRESS);
  }

  // ---------------------------------------------------------------- differences

  @Test
  void theNineS3GatewayEdgesAreNotDecidedBySecurityGroups() {
    // CloudMapper connects every resource to a gateway endpoint ("has_unrestricted_ingress"). A gateway endpoint is a
    // route-table target with no ENI and no group: there is no ingress side for security groups to decide. sgreach
    // can only judge the source's egress towards S3's addresses, an outside party.
    JsonNode gateway = null;
    for (JsonNode ep : CloudMapperDemo.file("ec2-describe-vpc-endpoints.json").path("VpcEndpoints")) {
      if (demo.s3GatewayNode.endsWith("/" + ep.path("VpcEndpointId").asText())) {
        gateway = ep;
      }
    }
    assertThat(gateway).isNotNull();
    assertThat(gateway.path("VpcEndpointType").asText()).isEqualTo("Gateway");
    assertThat(gateway.path("Groups")).isEmpty();
    assertThat(gateway.path("NetworkInterfaceIds")).isEmpty();

    List<String> allowed = new ArrayList<>();
    List<String> unknown = new ArrayList<>();
    for (Edge e : edges) {
      if (e.isSecurityGroupEdge()) {
        continue;
      }
      Verdict v = engine.reach(demo.endpoint(e.source()), Endpoint.address(S3_ADDRESS), tcp(443));
      Flow f = v.flows().get(0);
      assertThat(f.destination().isOutside()).isTrue();
      assertThat(f.ingress().orElseThrow().note()).hasValue("outside party: no security group applies");
      if (v.isAllowed()) {
        allowed.add(demo.label(e.source()));
        assertThat(f.egress().orElseThrow().matches()).singleElement()
            .satisfies(m -> assertThat(m.rule().peer()).isEqualTo(Peer.cidr("0.0.0.0/0")));
      } else {
        unknown.add(demo.label(e.source()));
        assertThat(v.outcome()).isEqualTo(Outcome.UNKNOWN);
        assertThat(f.egress().orElseThrow().missing()).singleElement().asString().contains(LAMBDA_GROUP);
      }
    }
    assertThat(allowed).containsExactlyInAnyOrder("bastion", "weblb.1", "weblb.2", "webalb.2", "ecs", "web1",
        "web2");
    // the Lambda function's group is not in the demo: its egress, and so its way to S3, is unknown
    assertThat(unknown).containsExactlyInAnyOrder("lambda.3", "lambda.4");
  }

  @Test
  void officeEdgesToRedshiftHoldForSshOnlyNotForTheClusterPort() {
    // Redshift carries the Bastion group ("Only allow SSH from the offices"): CloudMapper's edges from the offices to
    // Redshift exist only because of tcp/22. Redshift listens on its endpoint's port, 5439, which no rule admits.
    int clusterPort = CloudMapperDemo.file("redshift-describe-clusters.json").path("Clusters").get(0)
        .path("Endpoint").path("Port").asInt();
    assertThat(clusterPort).isEqualTo(5439);
    for (String office : List.of("1.1.1.1/32", "2.2.2.2/28")) {
      for (String redshift : List.of("redshift.1", "redshift.2")) {
        Endpoint from = demo.endpoint(office);
        Endpoint to = demo.endpoint(demo.node(redshift));

        Verdict sql = engine.reach(from, to, tcp(clusterPort));

        assertThat(sql.outcome()).isEqualTo(Outcome.DENIED);
        SideCheck ingress = sql.flows().get(0).ingress().orElseThrow();
        assertThat(ingress.outcome()).isEqualTo(Outcome.DENIED);
        assertThat(ingress.nearMisses()).singleElement().satisfies(m -> {
          assertThat(m.group().name()).isEqualTo("Bastion");
          assertThat(m.reason()).isEqualTo("port 5439 is outside 22");
        });
        assertThat(engine.openPorts(member(office), member(demo.node(redshift))).tcp().asRanges())
            .containsExactly(Range.closedOpen(22, 23));
      }
    }
  }

  @Test
  void lambdaFlowsAreUnknownBecauseItsGroupIsNotInTheSnapshot() {
    // lambda-list-functions.json gives the function sg-09920178, which ec2-describe-security-groups.json lacks.
    // CloudMapper silently draws no security-group edge to or from it; sgreach says it cannot tell.
    assertThat(demo.network.securityGroup(LAMBDA_GROUP)).isEmpty();
    assertThat(demo.network.warnings()).filteredOn(w -> w.kind() == Warning.Kind.MISSING_SECURITY_GROUP)
        .extracting(Warning::subject)
        .containsExactlyInAnyOrder(demo.nodesByLabel.get("lambda.3").eniId(), demo.nodesByLabel.get("lambda.4").eniId());
    Endpoint lambda = demo.endpoint(demo.node("lambda.3"));

    Verdict in = engine.reach(demo.endpoint(demo.node("bastion")), lambda, tcp(443));
    Verdict out = engine.reach(lambda, demo.endpoint(demo.node("ecs")), tcp(443));

    assertThat(in.outcome()).isEqualTo(Outcome.UNKNOWN);
    assertThat(in.flows().get(0).ingress().orElseThrow().missing()).singleElement().asString()
        .contains(LAMBDA_GROUP);
    assertThat(out.outcome()).isEqualTo(Outcome.UNKNOWN);
    assertThat(in.warnings()).extracting(Warning::kind).contains(Warning.Kind.MISSING_SECURITY_GROUP);
    // a flow whose target admits only other groups is denied whatever the function's egress
    Verdict db = engine.reach(lambda, demo.endpoint(demo.node("rds.3")), tcp(5432));
    assertThat(db.outcome()).isEqualTo(Outcome.DENIED);
    assertThat(db.flows().get(0).ingress().orElseThrow().outcome()).isEqualTo(Outcome.DENIED);
  }

  @Test
  void sgreachFindsEveryCloudMapperEdgeAndOnlyTheExplainedExtras() {
    // sgreach's node-level edges: for each target ENI and each port its groups' inbound rules name, everything
    // whoCanReach lists (ENIs mapped back to CloudMapper nodes, outside blocks to CloudMapper's CIDR nodes)
    Set<String> sgreach = new TreeSet<>();
    Set<String> unknownSources = new TreeSet<>();
    for (Node target : demo.nodesById.values()) {
      if (target.label().startsWith("lambda.")) {
        continue; // its group is missing: no port is known (see lambdaFlowsAreUnknown...)
      }
      for (Range<Integer> ports : targetTcpPorts(target.id()).asRanges()) {
        for (int port = ports.lowerEndpoint(); port < ports.upperEndpoint(); port++) {
          Reachers r = engine.whoCanReach(Endpoint.eni(target.eniId()), tcp(port));
          r.allowedInterfaces().forEach(e -> sgreach.add(demo.nodeOfEni(e.id()) + " -> " + target.id()));
          r.unknownInterfaces().forEach(e -> unknownSources.add(demo.label(demo.nodeOfEni(e.id()))));
          for (Cidr block : r.outsideBlocks()) {
            String cidrNode = CloudMapperDemo.cloudMapperLeafNodes().stream().filter(CloudMapperDemo::isCidrNode)
                .filter(n -> Cidr.parse(n).equals(block)).findFirst().orElse(block.toCidrString());
            sgreach.add(cidrNode + " -> " + target.id());
          }
        }
      }
    }
    Set<String> cloudMapper = edges.stream().filter(Edge::isSecurityGroupEdge)
        .map(e -> e.source() + " -> " + e.target()).collect(Collectors.toCollection(TreeSet::new));

    // nothing CloudMapper draws is missing
    assertThat(cloudMapper).allSatisfy(e -> assertThat(sgreach).contains(e));

    // (a) Redshift carries the Bastion group (sg-00000002), and every rule that admits the Bastion group admits
    // Redshift too: tcp/8000 to Web1 and Web2, tcp/22 to the ECS task, tcp/443 to Elasticsearch. CloudMapper drops
    // them on purpose (its Redshift, RDS, Elasticsearch and VPC endpoint nodes have can_egress = False), but security
    // groups allow them: Redshift's egress is allow-all.
    Set<String> viaBastionGroup = new TreeSet<>();
    for (String redshift : List.of("redshift.1", "redshift.2")) {
      for (String target : List.of("web1", "web2", "ecs", "es")) {
        viaBastionGroup.add(demo.node(redshift) + " -> " + demo.node(target));
      }
    }
    // (b) 0.0.0.0/0 includes the VPC's private addresses: every ENI whose egress is known (all but the Lambda's)
    // reaches the ECS task and the load balancers on tcp/443. CloudMapper, for a public target, links only its
    // "Public" node (it links the VPC's resources only to non-public targets open to 0.0.0.0/0).
    Set<String> viaAnywhere = new TreeSet<>();
    for (String target : List.of("ecs", "weblb.1", "weblb.2", "webalb.2")) {
      for (Node source : demo.nodesById.values()) {
        if (!source.label().equals(target) && !source.label().startsWith("lambda.")) {
          viaAnywhere.add(source.id() + " -> " + demo.node(target));
        }
      }
    }
    Set<String> explained = new TreeSet<>(viaBastionGroup);
    explained.addAll(viaAnywhere);
    explained.removeAll(cloudMapper);
    Set<String> extra = new TreeSet<>(sgreach);
    extra.removeAll(cloudMapper);
    assertThat(extra).containsExactlyInAnyOrderElementsOf(explained);
    assertThat(viaBastionGroup).doesNotContainAnyElementsOf(cloudMapper);
    // 8 via the Bastion group, 4 targets x 12 other known sources via 0.0.0.0/0, less redshift.1/2 -> ecs counted in
    // both and bastion -> ecs, which CloudMapper draws (for tcp/22)
    assertThat(extra).hasSize(8 + 4 * 12 - 2 - 1);

    // each extra is allowed for the reason given: the Bastion group reference, or 0.0.0.0/0 matching a private address
    for (String e : viaBastionGroup) {
      String[] st = e.split(" -> ");
      int port = targetTcpPorts(st[1]).asRanges().iterator().next().lowerEndpoint();
      Verdict v = engine.reach(demo.endpoint(st[0]), demo.endpoint(st[1]), tcp(port));
      assertThat(v.flows().get(0).ingress().orElseThrow().matches()).as(e).anySatisfy(
          m -> assertThat(m.rule().peer()).isInstanceOfSatisfying(Peer.GroupPeer.class,
              g -> assertThat(g.groupId()).isEqualTo("sg-00000002")));
    }
    for (String e : viaAnywhere) {
      String[] st = e.split(" -> ");
      Verdict v = engine.reach(demo.endpoint(st[0]), demo.endpoint(st[1]), tcp(443));
      assertThat(v.outcome()).as(e).isEqualTo(Outcome.ALLOWED);
      assertThat(v.flows().get(0).ingress().orElseThrow().matches()).as(e).anySatisfy(m -> {
        assertThat(m.rule().peer()).isEqualTo(Peer.cidr("0.0.0.0/0"));
        assertThat(demo.network.interfaceOwning(m.matchedAddress())).isPresent();
      });
    }
    // the Lambda ENIs are the only ones whose verdict is unknown (towards the targets open to 0.0.0.0/0)
    assertThat(unknownSources).containsExactly("lambda.3", "lambda.4");
  }

  // ---------------------------------------------------------------- helpers

  private static Member member(String node) {
    return engine.resolve(demo.endpoint(node)).get(0);
  }

  /** The ingress rules of the edge's reason groups that name its source: its CIDR, or a group its ENI carries. */
  private static List<RuleMatch> rulesCreating(Edge edge) {
    List<RuleMatch> out = new ArrayList<>();
    for (String groupId : edge.reasonGroups()) {
      SecurityGroup g = demo.network.securityGroup(groupId).orElseThrow();
      for (Rule r : g.ingress()) {
        boolean names;
        if (CloudMapperDemo.isCidrNode(edge.source())) {
          names = r.peer() instanceof Peer.CidrPeer c && c.cidr().equals(Cidr.parse(edge.source()));
        } else {
          List<String> carried = demo.network.interfaces().get(demo.nodesById.get(edge.source()).eniId())
              .securityGroupIds();
          names = r.peer() instanceof Peer.GroupPeer p && carried.contains(p.groupId());
        }
        if (names) {
          out.add(new RuleMatch(g, r, null));
        }
      }
    }
    return out;
  }

  /** The TCP ports the target's groups name in their inbound rules (every rule in this demo is one TCP port). */
  private static RangeSet<Integer> targetTcpPorts(String target) {
    RangeSet<Integer> ports = TreeRangeSet.create();
    NetworkInterface eni = demo.network.interfaces().get(demo.nodesById.get(target).eniId());
    for (String groupId : eni.securityGroupIds()) {
      for (Rule r : demo.network.securityGroup(groupId).orElseThrow().ingress()) {
        assertThat(r.ports().protocol()).isEqualTo(Protocol.TCP);
        ports.add(Range.closedOpen(r.ports().from(), r.ports().to() + 1));
      }
    }
    return ports;
  }
}
