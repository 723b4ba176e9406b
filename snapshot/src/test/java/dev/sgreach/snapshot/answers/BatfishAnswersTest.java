package dev.sgreach.snapshot.answers;

import static dev.sgreach.model.Traffic.icmp;
import static dev.sgreach.model.Traffic.protocol;
import static dev.sgreach.model.Traffic.tcp;
import static dev.sgreach.model.Traffic.udp;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.collect.Range;
import dev.sgreach.engine.Endpoint;
import dev.sgreach.engine.Exposure;
import dev.sgreach.engine.Flow;
import dev.sgreach.engine.OpenPorts;
import dev.sgreach.engine.Outcome;
import dev.sgreach.engine.Reachability;
import dev.sgreach.engine.RuleMatch;
import dev.sgreach.engine.SideCheck;
import dev.sgreach.engine.Verdict;
import dev.sgreach.model.Cidr;
import dev.sgreach.model.Direction;
import dev.sgreach.model.Network;
import dev.sgreach.model.Peer;
import dev.sgreach.model.Ports;
import dev.sgreach.model.Protocol;
import dev.sgreach.model.Traffic;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The security-group-decided answers of Batfish's own AWS end-to-end tests ({@code AwsConfiguration*Test} in
 * batfish/batfish, over the {@code representation/aws/test-*} captures copied under {@code realdata/}), reproduced
 * with sgreach's engine.
 *
 * <p>Batfish traces a whole path (subnets, routers, gateways, ACLs); only its {@code DENIED_IN} dispositions at an
 * instance and its {@code ACCEPTED} ones are decided by security groups, and those are the answers checked here.
 * Batfish's {@code getAnyFlow} leaves the IP protocol unset (protocol 0), so its "any flow" is checked here as
 * protocol 0 and, since sgreach is port-aware, as a handful of other protocols and ports too. Instances are taken
 * from each folder's {@code Reservations.json} and checked against the ENIs the adapter read from
 * {@code NetworkInterfaces.json}.
 */
class BatfishAnswersTest {
  /** The security groups' part of the answers (the whole path's: BatfishPathAnswersTest). */
  private static final java.util.Set<dev.sgreach.model.Layer> SECURITY_GROUPS =
      java.util.EnumSet.of(dev.sgreach.model.Layer.SECURITY_GROUPS);

  private static final String AWS = "batfish/representation/aws/";

  /** Flows that Batfish's "any flow" stands for; none of them is admitted by the destinations' groups. */
  private static final List<Traffic> ANY = List.of(protocol(0), tcp(80), tcp(3389), udp(53), udp(33434),
      icmp(8, 0), protocol(50));

  /**
   * One instance-to-instance answer of Batfish: {@code DENIED_IN} at the destination.
   *
   * @param test the Batfish test folder under {@code representation/aws/}
   * @param batfishTest the Batfish test method that asserts it
   * @param from the source instance
   * @param to the destination instance
   * @param toIp the destination address Batfish's flow is sent to
   * @param icmpEchoOpen true when the destination's group also admits ICMP echo requests from anywhere
   */
  record DeniedIn(String test, String batfishTest, String from, String to, String toIp, boolean icmpEchoOpen) {
    @Override
    public String toString() {
      return test + " " + batfishTest + ": " + from + " -> " + to;
    }
  }

  static Stream<DeniedIn> deniedAtDestination() {
    return Stream.of(
        new DeniedIn("test-subnet", "testInstanceToInstance", "i-08ef86e76fceabd8d", "i-07519d6ba3f9497e4",
            "10.10.1.44", false),
        new DeniedIn("test-vpc-peering", "testFromAtoB", "i-06ba034d88c84ef07", "i-0b14080af811fda3d",
            "192.168.1.106", false),
        new DeniedIn("test-vpc-peering", "testFromBtoA", "i-0b14080af811fda3d", "i-06ba034d88c84ef07",
            "10.10.10.157", false),
        new DeniedIn("test-public-private-subnet", "testFromPrivateToPublicSubnet", "i-099cf38911942421c",
            "i-094a9e5b545a4fde4", "10.0.0.47", false),
        new DeniedIn("test-public-private-subnet", "testFromPublicToPrivateSubnet", "i-094a9e5b545a4fde4",
            "i-099cf38911942421c", "10.0.1.204", false),
        new DeniedIn("test-transit-gateway", "testFromAtoB", "i-06ba034d88c84ef07", "i-0b14080af811fda3d",
            "192.168.1.106", false),
        new DeniedIn("test-transit-gateway", "testFromBtoA", "i-0b14080af811fda3d", "i-06ba034d88c84ef07",
            "10.10.10.157", false),
        new DeniedIn("test-transit-gateway-multi-table", "testFromAtoB", "i-06ba034d88c84ef07",
            "i-0b14080af811fda3d", "192.168.1.106", false),
        // in this capture A's launch-wizard-2 also has "icmp 8 from 0.0.0.0/0": echo requests to A get in
        new DeniedIn("test-transit-gateway-multi-table", "testFromBtoA", "i-0b14080af811fda3d",
            "i-06ba034d88c84ef07", "10.10.10.157", true));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("deniedAtDestination")
  void instanceToInstanceIsDeniedAtTheDestinationsIngress(DeniedIn c) {
    String folder = AWS + c.test() + "/aws_configs";
    Network network = RealData.network(folder);
    Reachability engine = Reachability.of(network, SECURITY_GROUPS);
    String fromEni = RealData.onlyInterfaceOf(folder, c.from());
    String toEni = RealData.onlyInterfaceOf(folder, c.to());
    // the ENIs named by describe-instances are the ones read from describe-network-interfaces, and Batfish's
    // destination address is the destination ENI's
    assertThat(network.interfacesOfInstance(c.from())).extracting(e -> e.id()).containsExactly(fromEni);
    assertThat(network.interfacesOfInstance(c.to())).extracting(e -> e.id()).containsExactly(toEni);
    assertThat(network.interfaceOwning(Cidr.parseAddress(c.toIp()))).hasValueSatisfying(
        e -> assertThat(e.id()).isEqualTo(toEni));
    String destinationGroup = network.interfaces().get(toEni).securityGroupIds().get(0);

    for (Traffic t : ANY) {
      if (c.icmpEchoOpen() && t.equals(icmp(8, 0))) {
        assertThat(engine.reach(Endpoint.eni(fromEni), Endpoint.eni(toEni), t).outcome()).as(t.spec())
            .isEqualTo(Outcome.ALLOWED);
        continue;
      }
      Verdict v = engine.reach(Endpoint.eni(fromEni), Endpoint.eni(toEni), t);

      assertThat(v.outcome()).as("%s: %s", t, v.explain()).isEqualTo(Outcome.DENIED);
      Flow f = v.flows().get(0);
      // the source's egress lets it out (Batfish: filter at the source passes) ...
      assertThat(f.egress()).hasValueSatisfying(s -> assertThat(s.outcome()).isEqualTo(Outcome.ALLOWED));
      // ... and the destination's security group stops it: DENIED_IN
      assertThat(f.blockingSides()).singleElement().satisfies(s -> {
        assertThat(s.direction()).isEqualTo(Direction.INGRESS);
        assertThat(s.member().eni()).hasValueSatisfying(e -> assertThat(e.id()).isEqualTo(toEni));
      });
      assertThat(v.fixes()).singleElement().satisfies(fix -> {
        assertThat(fix.groupId()).isEqualTo(destinationGroup);
        assertThat(fix.rule().direction()).isEqualTo(Direction.INGRESS);
      });
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("deniedAtDestination")
  void instanceToInstanceGetsThroughOnlyOnSsh(DeniedIn c) {
    // what Batfish's "any flow" does not show: every destination admits tcp/22 from 0.0.0.0/0, and nothing else
    String folder = AWS + c.test() + "/aws_configs";
    Reachability engine = Reachability.of(RealData.network(folder), SECURITY_GROUPS);
    Endpoint from = Endpoint.eni(RealData.onlyInterfaceOf(folder, c.from()));
    Endpoint to = Endpoint.eni(RealData.onlyInterfaceOf(folder, c.to()));

    OpenPorts open = engine.openPorts(engine.resolve(from).get(0), engine.resolve(to).get(0));

    assertThat(open.tcp().asRanges()).containsExactly(Range.closedOpen(22, 23));
    assertThat(open.udp().isEmpty()).isTrue();
    assertThat(open.allowedProtocols().isEmpty()).isTrue();
    assertThat(open.allowed(Protocol.ICMP).asRanges()).isEqualTo(c.icmpEchoOpen()
        ? java.util.Set.of(Range.closedOpen(8 * 256, 9 * 256)) : java.util.Set.of());
    assertThat(engine.reach(from, to, tcp(22)).isAllowed()).isTrue();
  }

  @Test
  void subnetTestOutsideSubnetToInstanceIsDeniedIn() {
    // testOutsideSubnetToInstance: a flow entering at the VPC router (no ENI of the snapshot; Batfish leaves its
    // source open, any address of the VPC outside the instances' subnet stands for it) to instance 2
    Reachability engine = Reachability.of(RealData.network(AWS + "test-subnet/aws_configs"), SECURITY_GROUPS);

    Verdict v = engine.reach(Endpoint.address("10.10.0.1"), Endpoint.address("10.10.1.44"), protocol(0));

    assertThat(v.outcome()).isEqualTo(Outcome.DENIED);
    assertThat(v.flows().get(0).blockingSides()).singleElement().satisfies(s -> {
      assertThat(s.direction()).isEqualTo(Direction.INGRESS);
      assertThat(s.member().eni()).hasValueSatisfying(e -> assertThat(e.id()).isEqualTo("eni-029bf1092de61fb40"));
    });
  }

  @Test
  void publicPrivateSubnetFromTheInternetAndTheVpnGatewayIsDeniedIn() {
    // testFromInternet (8.8.8.8 to the public instance, after the IGW's NAT to 10.0.0.47) and testFromVgw (the site
    // behind the VPN gateway, 19.168.0.0/16, to both instances): DENIED_IN "by the default security settings"
    Reachability engine = Reachability.of(RealData.network(AWS + "test-public-private-subnet/aws_configs"),
        SECURITY_GROUPS);

    for (String[] pair : new String[][] {{"8.8.8.8", "10.0.0.47"}, {"19.168.0.0", "10.0.0.47"},
        {"19.168.0.0", "10.0.1.204"}}) {
      Verdict v = engine.reach(Endpoint.address(pair[0]), Endpoint.address(pair[1]), protocol(0));

      assertThat(v.outcome()).as(v.explain()).isEqualTo(Outcome.DENIED);
      assertThat(v.flows().get(0).blockingSides()).extracting(SideCheck::direction)
          .containsExactly(Direction.INGRESS);
    }
  }

  // ---------------------------------------------------------------- test-public-subnet

  @Test
  void publicSubnetInternetToTcp80IsDeniedAtTheInstancesGroup() {
    // testFromInternetToValidPublicIp: DENIED_IN. The IGW translates 18.216.80.133 to the private 10.0.0.91, which is
    // the address security groups see.
    Reachability engine = Reachability.of(RealData.network(AWS + "test-public-subnet/aws_configs"), SECURITY_GROUPS);

    for (Traffic t : List.of(tcp(80), protocol(0))) {
      Verdict v = engine.reach(Endpoint.address("8.8.8.8"), Endpoint.address("10.0.0.91"), t);

      assertThat(v.outcome()).as(v.explain()).isEqualTo(Outcome.DENIED);
      Flow f = v.flows().get(0);
      assertThat(f.source().isOutside()).isTrue();
      assertThat(f.blockingSides()).singleElement().satisfies(s -> {
        assertThat(s.direction()).isEqualTo(Direction.INGRESS);
        assertThat(s.member().eni()).hasValueSatisfying(e -> assertThat(e.id()).isEqualTo("eni-00064850627e198ee"));
      });
    }
    // the near miss is the only open rule: tcp/22 from anywhere, on launch-wizard-1
    Verdict http = engine.reach(Endpoint.address("8.8.8.8"), Endpoint.address("10.0.0.91"), tcp(80));
    assertThat(http.flows().get(0).ingress().orElseThrow().nearMisses()).singleElement().satisfies(m -> {
      assertThat(m.group().name()).isEqualTo("launch-wizard-1");
      assertThat(m.rule().ports()).isEqualTo(Ports.tcp(22));
    });
  }

  @Test
  void publicSubnetInternetToTcp22IsAllowedByLaunchWizard1() {
    Reachability engine = Reachability.of(RealData.network(AWS + "test-public-subnet/aws_configs"), SECURITY_GROUPS);

    Verdict v = engine.reach(Endpoint.address("8.8.8.8"), Endpoint.instance("i-06669a407b2ef3ae5"), tcp(22));

    assertThat(v.outcome()).isEqualTo(Outcome.ALLOWED);
    assertThat(v.flows().get(0).ingress().orElseThrow().matches()).singleElement().satisfies(m -> {
      assertThat(m.group().id()).isEqualTo("sg-09ccba6656672061b");
      assertThat(m.group().name()).isEqualTo("launch-wizard-1");
      assertThat(m.rule().peer()).isEqualTo(Peer.cidr("0.0.0.0/0"));
    });
  }

  @Test
  void publicSubnetExposureIsTcp22Only() {
    Reachability engine = Reachability.of(RealData.network(AWS + "test-public-subnet/aws_configs"), SECURITY_GROUPS);

    Exposure exposure = engine.exposure();

    assertThat(exposure.interfaces()).singleElement().satisfies(x -> {
      assertThat(x.eni().id()).isEqualTo("eni-00064850627e198ee");
      assertThat(x.fromAnywhere()).isTrue();
      assertThat(x.open().tcp().asRanges()).containsExactly(Range.closedOpen(22, 23));
      assertThat(x.open().udp().isEmpty()).isTrue();
      assertThat(x.open().allowedProtocols().isEmpty()).isTrue();
      assertThat(x.rules()).extracting(RuleMatch::group).extracting(g -> g.name()).containsExactly("launch-wizard-1");
    });
  }

  // ---------------------------------------------------------------- multi-account: ACCEPTED on tcp/22

  /**
   * One cross-account answer of Batfish: {@code ACCEPTED} for tcp/22 (its {@code getTcpFlow(..., SSH)}).
   */
  record Accepted(String test, String from, String fromGroup, String to, String toIp, String toGroup) {
    @Override
    public String toString() {
      return test + ": " + from + " -> " + to + " tcp/22";
    }
  }

  static Stream<Accepted> acceptedOnSsh() {
    String peering = "test-vpc-peering-multi-account";
    String tgw = "test-transit-gateway-multi-account";
    return Stream.of(
        new Accepted(peering, "i-07ae69cc808e8804e", "bat_sg", "i-066ce0b1efbb5602c", "10.2.1.252", "fish_sg"),
        new Accepted(peering, "i-066ce0b1efbb5602c", "fish_sg", "i-07ae69cc808e8804e", "10.1.1.100", "bat_sg"),
        new Accepted(tgw, "i-0bdf35d561be3d962", "bat_sg", "i-03df168b3f73cc262", "10.2.1.183", "fish_sg"),
        new Accepted(tgw, "i-03df168b3f73cc262", "fish_sg", "i-0bdf35d561be3d962", "10.1.1.100", "bat_sg"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("acceptedOnSsh")
  void crossAccountSshIsAllowedBy0000On22(Accepted c) {
    // read from aws_configs/, which merges both accounts' folders into one network
    String folder = AWS + c.test() + "/aws_configs";
    Network network = RealData.network(folder);
    Reachability engine = Reachability.of(network, SECURITY_GROUPS);
    String fromEni = RealData.onlyInterfaceOf(folder, c.from());
    String toEni = RealData.onlyInterfaceOf(folder, c.to());
    assertThat(network.interfaceOwning(Cidr.parseAddress(c.toIp()))).hasValueSatisfying(
        e -> assertThat(e.id()).isEqualTo(toEni));

    Verdict v = engine.reach(Endpoint.eni(fromEni), Endpoint.eni(toEni), tcp(22));

    assertThat(v.outcome()).as(v.explain()).isEqualTo(Outcome.ALLOWED);
    Flow f = v.flows().get(0);
    assertThat(f.egress().orElseThrow().matches()).singleElement().satisfies(m -> {
      assertThat(m.group().name()).isEqualTo(c.fromGroup());
      assertThat(m.rule().ports().isAllTraffic()).isTrue();
      assertThat(m.rule().peer()).isEqualTo(Peer.cidr("0.0.0.0/0"));
    });
    assertThat(f.ingress().orElseThrow().matches()).singleElement().satisfies(m -> {
      assertThat(m.group().name()).isEqualTo(c.toGroup());
      assertThat(m.rule().ports()).isEqualTo(Ports.tcp(22));
      assertThat(m.rule().peer()).isEqualTo(Peer.cidr("0.0.0.0/0"));
    });
    // and, beyond Batfish's flow: RDP is stopped at the destination
    Verdict rdp = engine.reach(Endpoint.eni(fromEni), Endpoint.eni(toEni), tcp(3389));
    assertThat(rdp.flows().get(0).blockingSides()).extracting(SideCheck::direction)
        .containsExactly(Direction.INGRESS);
  }
}
