package dev.sgreach.snapshot.answers;

import static dev.sgreach.model.Traffic.tcp;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.common.collect.Range;
import dev.sgreach.snapshot.AwsJson;
import dev.sgreach.snapshot.ResponseKind;
import dev.sgreach.snapshot.Snapshots;
import dev.sgreach.engine.Endpoint;
import dev.sgreach.engine.Flow;
import dev.sgreach.engine.Outcome;
import dev.sgreach.engine.Reachability;
import dev.sgreach.engine.Reachers;
import dev.sgreach.engine.SideCheck;
import dev.sgreach.engine.Verdict;
import dev.sgreach.model.Cidr;
import dev.sgreach.model.Direction;
import dev.sgreach.model.Network;
import dev.sgreach.model.NetworkInterface;
import dev.sgreach.model.Peer;
import dev.sgreach.model.Ports;
import dev.sgreach.model.SecurityGroup;
import dev.sgreach.model.Traffic;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * aws-security-viz's integration answer ({@code spec/integration/expected.json}: the edges it draws for
 * {@code dummy.json}, both copied under {@code realdata/aws-security-viz/}) reproduced with sgreach on synthetic ENIs,
 * one per group: {@code app} (sg-appgrp), {@code db} (sg-dbgrp) and {@code amazon-elb-sg} (sg-amzelb, the classic
 * ELB's source group, which {@code dummy.json} references but does not hold). Their addresses are made up:
 * 10.0.0.10, 10.0.0.20, 10.0.0.30.
 *
 * <p>aws-security-viz draws one edge per inbound rule, labelled with its port. sgreach agrees with every edge's
 * inbound side at that port. It differs on two edges, because it also needs the sender's outbound side:
 * {@code app -> db} is denied at app's egress (the captured groups have no outbound rules at all), and
 * {@code amazon-elb-sg -> app} is unknown (the ELB's group is not in the file, so its egress cannot be judged).
 */
class SecurityVizEdgesTest {
  private static final String DIR = "aws-security-viz/spec/integration/";
  /** Group name (the tool's node id) to the synthetic ENI carrying that group. */
  private static final Map<String, String> ENI = Map.of("app", "eni-viz-app", "db", "eni-viz-db",
      "amazon-elb-sg", "eni-viz-amazon-elb-sg");
  private static final Map<String, String> GROUP = Map.of("app", "sg-appgrp", "db", "sg-dbgrp",
      "amazon-elb-sg", "sg-amzelb");
  private static final Map<String, String> ADDRESS = Map.of("app", "10.0.0.10", "db", "10.0.0.20",
      "amazon-elb-sg", "10.0.0.30");

  private static Network network;
  private static Reachability engine;

  /** One edge of expected.json: source and target node ids and the traffic of its label ("5984/tcp"). */
  record VizEdge(String source, String target, Traffic traffic) {
    @Override
    public String toString() {
      return source + " -> " + target + " " + traffic.spec();
    }
  }

  @BeforeAll
  static void build() {
    // dummy.json predates Ipv6Ranges and PrefixListIds in describe-security-groups: read as today's response
    network = withEnis(Snapshots.reader().file(ResponseKind.SECURITY_GROUPS,
        AwsJson.completed(RealData.path(DIR + "dummy.json"))).read());
    engine = Reachability.of(network);
  }

  static Network withEnis(Network groups) {
    Network.Builder b = groups.toBuilder();
    ENI.forEach((node, eni) -> b.add(NetworkInterface.builder(eni).address(ADDRESS.get(node))
        .groups(GROUP.get(node)).description("synthetic: carries " + GROUP.get(node)).build()));
    return b.build();
  }

  static Stream<VizEdge> vizEdges() {
    List<VizEdge> out = new ArrayList<>();
    for (JsonNode e : RealData.json(DIR + "expected.json").path("edges")) {
      String[] label = e.path("label").asText().split("/");
      assertThat(label[1]).isEqualTo("tcp");
      out.add(new VizEdge(e.path("source").asText(), e.path("target").asText(), tcp(Integer.parseInt(label[0]))));
    }
    return out.stream();
  }

  /** A node of the tool's graph: a group's synthetic ENI, or for a CIDR node ("*" is 0.0.0.0/0) an outside address. */
  static Endpoint endpoint(String node) {
    if (ENI.containsKey(node)) {
      return Endpoint.eni(ENI.get(node));
    }
    return Endpoint.address(node.equals("*") ? "198.51.100.77" : node.substring(0, node.indexOf('/')));
  }

  @Test
  void theToolDrawsFourEdges() {
    assertThat(vizEdges().map(VizEdge::toString)).containsExactlyInAnyOrder("app -> db tcp/5984",
        "8.8.8.8/32 -> app tcp/80", "amazon-elb-sg -> app tcp/80", "* -> app tcp/22");
    // the groups as read: names as the tool shows them, and no outbound rules at all
    assertThat(network.securityGroups().values()).extracting(SecurityGroup::name).containsExactlyInAnyOrder("app",
        "db");
    assertThat(network.securityGroups().values()).allSatisfy(g -> assertThat(g.egress()).isEmpty());
    assertThat(network.securityGroup("sg-amzelb")).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("vizEdges")
  void theTargetsInboundRuleAdmitsEveryEdgeAtItsPort(VizEdge e) {
    Verdict v = engine.reach(endpoint(e.source()), endpoint(e.target()), e.traffic());

    SideCheck ingress = v.flows().get(0).ingress().orElseThrow();
    assertThat(ingress.outcome()).as(v.explain()).isEqualTo(Outcome.ALLOWED);
    assertThat(ingress.matches()).singleElement().satisfies(m -> {
      assertThat(m.group().id()).isEqualTo(GROUP.get(e.target()));
      assertThat(m.rule().ports()).isEqualTo(Ports.tcp(e.traffic().port()));
      if (ENI.containsKey(e.source())) {
        assertThat(m.rule().peer()).isInstanceOfSatisfying(Peer.GroupPeer.class,
            g -> assertThat(g.groupId()).isEqualTo(GROUP.get(e.source())));
      } else {
        assertThat(m.rule().peer()).isEqualTo(Peer.cidr(e.source().equals("*") ? "0.0.0.0/0" : e.source()));
      }
    });
    // the edge holds at its port only: one port up is stopped at the target
    Verdict next = engine.reach(endpoint(e.source()), endpoint(e.target()), tcp(e.traffic().port() + 1));
    assertThat(next.flows().get(0).ingress().orElseThrow().outcome()).isEqualTo(Outcome.DENIED);
  }

  @Test
  void edgesFromOutsideAddressesAreAllowed() {
    for (String[] e : new String[][] {{"8.8.8.8/32", "80"}, {"*", "22"}}) {
      Verdict v = engine.reach(endpoint(e[0]), endpoint("app"), tcp(Integer.parseInt(e[1])));

      assertThat(v.outcome()).as(v.explain()).isEqualTo(Outcome.ALLOWED);
      assertThat(v.flows().get(0).source().isOutside()).isTrue();
    }
  }

  @Test
  void appToDbIsDeniedAtAppsEgressBecauseTheCapturedGroupsHaveNoOutboundRules() {
    // Difference: the tool draws inbound rules only. dummy.json's groups carry "IpPermissionsEgress": [] (and no
    // VpcId, the EC2-Classic shape); read as VPC groups, a group with no outbound rule lets nothing out.
    Verdict v = engine.reach(endpoint("app"), endpoint("db"), tcp(5984));

    assertThat(v.outcome()).isEqualTo(Outcome.DENIED);
    Flow f = v.flows().get(0);
    assertThat(f.blockingSides()).singleElement().satisfies(s -> {
      assertThat(s.direction()).isEqualTo(Direction.EGRESS);
      assertThat(s.member().eni()).hasValueSatisfying(x -> assertThat(x.id()).isEqualTo("eni-viz-app"));
    });
    assertThat(f.ingress().orElseThrow().outcome()).isEqualTo(Outcome.ALLOWED);
    assertThat(v.fixes()).singleElement().satisfies(fix -> {
      assertThat(fix.groupId()).isEqualTo("sg-appgrp");
      assertThat(fix.rule().direction()).isEqualTo(Direction.EGRESS);
      assertThat(fix.rule().ports()).isEqualTo(Ports.tcp(5984));
    });
  }

  @Test
  void withTheDefaultOutboundRuleAppReachesDbOnExactly5984() {
    // give app's group the allow-all outbound rule every VPC group is created with: the tool's edge then holds, on
    // the port of its label and no other
    SecurityGroup app = network.securityGroup("sg-appgrp").orElseThrow();
    Network opened = network.toBuilder()
        .replace(app.toBuilder().allowOut(Ports.allTraffic(), Peer.cidr("0.0.0.0/0")).build()).build();
    Reachability r = Reachability.of(opened);

    assertThat(r.reach(endpoint("app"), endpoint("db"), tcp(5984)).outcome()).isEqualTo(Outcome.ALLOWED);
    assertThat(r.openPorts(r.resolve(endpoint("app")).get(0), r.resolve(endpoint("db")).get(0)).tcp().asRanges())
        .containsExactly(Range.closedOpen(5984, 5985));
  }

  @Test
  void elbToAppIsUnknownBecauseTheElbGroupIsNotInTheFile() {
    // Difference: app's rule admits sg-amzelb (owner amazon-elb), which sgreach honours on the ingress side; but the
    // ELB's own group is not in dummy.json, so whether its egress lets the flow out is unknown, never guessed.
    Verdict v = engine.reach(endpoint("amazon-elb-sg"), endpoint("app"), tcp(80));

    assertThat(v.outcome()).isEqualTo(Outcome.UNKNOWN);
    Flow f = v.flows().get(0);
    assertThat(f.ingress().orElseThrow().outcome()).isEqualTo(Outcome.ALLOWED);
    assertThat(f.ingress().orElseThrow().matches()).singleElement().satisfies(m -> assertThat(m.rule().peer())
        .isEqualTo(new Peer.GroupPeer("sg-amzelb", "amazon-elb", null, null, null)));
    assertThat(f.egress().orElseThrow().outcome()).isEqualTo(Outcome.UNKNOWN);
    assertThat(f.egress().orElseThrow().missing()).singleElement().asString().contains("sg-amzelb");
  }

  @Test
  void sgreachFindsNoOtherEdge() {
    // every port the groups' inbound rules name, asked of every ENI: only the outside blocks the tool also draws are
    // allowed; no ENI can reach another (no group has an outbound rule), and the ELB's ENI is unknown
    for (String target : List.of("app", "db")) {
      for (var rule : network.securityGroup(GROUP.get(target)).orElseThrow().ingress()) {
        Reachers r = engine.whoCanReach(endpoint(target), tcp(rule.ports().from()));

        assertThat(r.allowedInterfaces()).isEmpty();
        if (rule.peer() instanceof Peer.CidrPeer c) {
          assertThat(r.outsideBlocks()).contains(c.cidr());
        }
        assertThat(r.outsideBlocks()).allSatisfy(b -> assertThat(List.of(Cidr.parse("8.8.8.8/32"),
            Cidr.parse("0.0.0.0/0"))).contains(b));
      }
    }
    assertThat(engine.whoCanReach(endpoint("app"), tcp(80)).unknownInterfaces()).extracting(NetworkInterface::id)
        .containsExactly("eni-viz-amazon-elb-sg");
  }
}
