package dev.sgreach.snapshot.answers;

import static dev.sgreach.model.Traffic.tcp;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.collect.ImmutableRangeSet;
import com.google.common.collect.Range;
import dev.sgreach.engine.Endpoint;
import dev.sgreach.engine.Exposure;
import dev.sgreach.engine.Flow;
import dev.sgreach.engine.Outcome;
import dev.sgreach.engine.Reachability;
import dev.sgreach.engine.RuleMatch;
import dev.sgreach.engine.SideCheck;
import dev.sgreach.engine.Verdict;
import dev.sgreach.model.Direction;
import dev.sgreach.model.Network;
import dev.sgreach.model.Peer;
import dev.sgreach.model.Ports;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The security-group answers of pybatfish's hybrid-cloud notebook (batfish/pybatfish,
 * {@code jupyter_notebooks/networks/hybrid-cloud/aws_configs/{us-east-2,us-west-2}}, copied under
 * {@code realdata/}): SSH from 10.30.1.166 to 10.20.1.207 is allowed, and only {@code i-01602d9efaed4409a} admits TCP
 * other than SSH from anywhere, tcp/3306 from 0.0.0.0/0 through {@code launch-wizard-1}'s rule "Connectivity test".
 */
class PybatfishAnswersTest {
  /** The security groups' part of the answers (the whole path's: PybatfishPathAnswersTest). */
  private static final java.util.Set<dev.sgreach.model.Layer> SECURITY_GROUPS =
      java.util.EnumSet.of(dev.sgreach.model.Layer.SECURITY_GROUPS);

  private static final String CONFIGS = "pybatfish/jupyter_notebooks/networks/hybrid-cloud/aws_configs";
  private static final String DB_INSTANCE = "i-01602d9efaed4409a";

  private static Network network;
  private static Reachability engine;

  @BeforeAll
  static void read() {
    network = RealData.network(CONFIGS);
    engine = Reachability.of(network, SECURITY_GROUPS);
  }

  @Test
  void theFourInstancesAreTheOnesDescribeInstancesLists() {
    Map<String, List<String>> instances = RealData.instanceInterfaces(CONFIGS);

    assertThat(instances).hasSize(4);
    instances.forEach((instance, enis) -> assertThat(network.interfacesOfInstance(instance))
        .extracting(e -> e.id()).containsExactlyElementsOf(enis));
  }

  @Test
  void sshFrom10_30_1_166To10_20_1_207IsAllowed() {
    Verdict v = engine.reach(Endpoint.address("10.30.1.166"), Endpoint.address("10.20.1.207"), tcp(22));

    assertThat(v.outcome()).as(v.explain()).isEqualTo(Outcome.ALLOWED);
    Flow f = v.flows().get(0);
    // both addresses are instances' ENIs of the snapshot, in two VPCs of us-east-2 joined by a transit gateway
    assertThat(f.source().eni()).hasValueSatisfying(e -> assertThat(e.id()).isEqualTo("eni-05452497daf80ccb3"));
    assertThat(f.destination().eni()).hasValueSatisfying(e -> {
      assertThat(e.id()).isEqualTo("eni-01997085076a9b98a");
      assertThat(e.instanceId()).hasValue(DB_INSTANCE);
    });
    assertThat(f.egress().orElseThrow().matches()).singleElement().satisfies(m -> {
      assertThat(m.group().id()).isEqualTo("sg-024243f6c203c78bf");
      assertThat(m.group().name()).isEqualTo("launch-wizard-2");
      assertThat(m.rule().ports().isAllTraffic()).isTrue();
    });
    assertThat(f.ingress().orElseThrow().matches()).singleElement().satisfies(m -> {
      assertThat(m.group().id()).isEqualTo("sg-0e37fc2ef01c89369");
      assertThat(m.rule().ports()).isEqualTo(Ports.tcp(22));
      assertThat(m.rule().peer()).isEqualTo(Peer.cidr("0.0.0.0/0"));
    });
  }

  @Test
  void onlyTheDbInstanceAdmitsNonSshTcpFromAnywhere() {
    Exposure exposure = engine.exposure();

    // the four instances are exposed (the transit-gateway attachments' ENIs are not instances: see below)
    Map<String, ImmutableRangeSet<Integer>> tcpByInstance = exposure.interfaces().stream()
        .filter(x -> x.eni().instanceId().isPresent())
        .collect(Collectors.toMap(x -> x.eni().instanceId().orElseThrow(), x -> x.open().tcp()));
    assertThat(tcpByInstance).containsOnlyKeys(RealData.instanceInterfaces(CONFIGS).keySet());
    tcpByInstance.forEach((instance, ports) -> {
      ImmutableRangeSet<Integer> beyondSsh = ports.difference(ImmutableRangeSet.of(Range.closedOpen(22, 23)));
      if (instance.equals(DB_INSTANCE)) {
        assertThat(beyondSsh.asRanges()).as(instance).containsExactly(Range.closedOpen(3306, 3307));
      } else {
        assertThat(beyondSsh.isEmpty()).as(instance + " admits " + beyondSsh).isTrue();
      }
    });
    Exposure.Exposed db = exposure.interfaces().stream()
        .filter(x -> x.eni().instanceId().filter(DB_INSTANCE::equals).isPresent()).findFirst().orElseThrow();
    assertThat(db.fromAnywhere()).isTrue();
    assertThat(db.rules()).filteredOn(m -> m.rule().ports().equals(Ports.tcp(3306))).singleElement()
        .satisfies(PybatfishAnswersTest::isTheConnectivityTestRule);
  }

  @Test
  void mysqlFromAnOutsideAddressReachesTheDbInstanceThroughConnectivityTest() {
    Verdict v = engine.reach(Endpoint.address("198.51.100.7"), Endpoint.instance(DB_INSTANCE), tcp(3306));

    assertThat(v.outcome()).as(v.explain()).isEqualTo(Outcome.ALLOWED);
    Flow f = v.flows().get(0);
    assertThat(f.source().isOutside()).isTrue();
    assertThat(f.ingress().orElseThrow().matches()).singleElement()
        .satisfies(PybatfishAnswersTest::isTheConnectivityTestRule);
    assertThat(v.explain()).contains("Connectivity test").contains("launch-wizard-1");
  }

  @ParameterizedTest
  @ValueSource(strings = {"i-04cd3db5124a05ee6", "i-0a5d64b8b58c6dd09", "i-02cae6eaa9edeed70"})
  void mysqlFromOutsideIsDeniedAtTheOtherInstancesIngress(String instance) {
    Verdict v = engine.reach(Endpoint.address("198.51.100.7"), Endpoint.instance(instance), tcp(3306));

    assertThat(v.outcome()).isEqualTo(Outcome.DENIED);
    assertThat(v.flows().get(0).blockingSides()).extracting(SideCheck::direction)
        .containsExactly(Direction.INGRESS);
    // their only rule from outside is SSH: the near miss is a port miss on tcp/22
    assertThat(v.flows().get(0).ingress().orElseThrow().nearMisses()).singleElement()
        .satisfies(m -> assertThat(m.rule().ports()).isEqualTo(Ports.tcp(22)));
  }

  /**
   * A Transit Gateway attachment's ENI carries no group and security groups do not filter it, so {@code reach} lets
   * the internet's packets past the security-group layer; but the attachment forwards others' traffic and accepts no
   * unsolicited connection itself (VPC user guide, NAT gateways and transit gateways), so {@code exposure} does not
   * list it: exposure is about what can be opened to an endpoint, reach about what the groups let through.
   */
  @Test
  void aTransitGatewayAttachmentIsUnfilteredButNotExposed() {
    String tgwAttachment = "eni-03ca2c3d64376a98b";
    assertThat(network.interfaces().get(tgwAttachment).interfaceType()).isEqualTo("transit_gateway");
    assertThat(engine.reach(Endpoint.address("8.8.8.8"), Endpoint.eni(tgwAttachment), tcp(80)).outcome())
        .isEqualTo(Outcome.ALLOWED);
    assertThat(engine.whoCanReach(Endpoint.eni(tgwAttachment), tcp(80)).outsideBlocks())
        .extracting(c -> c.toCidrString()).contains("0.0.0.0/0");
    assertThat(engine.exposure(Endpoint.eni(tgwAttachment)).interfaces()).isEmpty();
  }

  private static void isTheConnectivityTestRule(RuleMatch m) {
    assertThat(m.group().id()).isEqualTo("sg-0e37fc2ef01c89369");
    assertThat(m.group().name()).isEqualTo("launch-wizard-1");
    assertThat(m.rule().description()).isEqualTo("Connectivity test");
    assertThat(m.rule().ports()).isEqualTo(Ports.tcp(3306));
    assertThat(m.rule().peer()).isEqualTo(Peer.cidr("0.0.0.0/0"));
  }
}
