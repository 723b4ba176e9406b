package dev.sgreach.snapshot.answers;

import static dev.sgreach.model.Traffic.tcp;
import static dev.sgreach.snapshot.answers.PathCapture.components;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sgreach.engine.Outcome;
import dev.sgreach.path.ExplanationCode;
import dev.sgreach.path.Hop;
import dev.sgreach.path.Hop.Step;
import dev.sgreach.path.PathEnd;
import dev.sgreach.path.PathVerdict;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The flow answers of pybatfish's hybrid-cloud notebook (DOMAIN-PATH.md table 6c; the AWS part of the snapshot,
 * {@code aws_configs/{us-east-2,us-west-2}}, copied under {@code realdata/}) that need no on-premises configuration,
 * reproduced by the path layer and the security groups together.
 */
class PybatfishPathAnswersTest {
  private static final String CONFIGS = "pybatfish/jupyter_notebooks/networks/hybrid-cloud/aws_configs";
  private static final String EAST2_PUBLIC = "i-01602d9efaed4409a";
  private static final String WEST2_PUBLIC = "i-02cae6eaa9edeed70";
  private static final String EAST2_PRIVATE = "i-04cd3db5124a05ee6";
  private static final String WEST2_PRIVATE = "i-0a5d64b8b58c6dd09";

  private static PathCapture c;

  @BeforeAll
  static void read() {
    c = new PathCapture(CONFIGS);
  }

  /**
   * 10.30.1.166 to 10.20.1.207 on tcp/22: the notebook says accepted through {@code tgw-06b348adabd13452d}. sgreach
   * follows the route into that transit gateway and stops there unknown: the table it routes with also takes the
   * propagations of a VPN attachment, whose BGP prefixes (which could be more specific) are known only from the
   * on-premises router's configuration, which Batfish reads and this snapshot lacks, or from a capture of the
   * table's propagated routes. The security groups admit the flow, as the notebook says.
   */
  @Test
  void sshAcrossTheTransitGatewayIsUnknownWhileAVpnPropagatesIntoItsTable() {
    PathEnd from = c.instance(EAST2_PRIVATE);
    PathEnd to = c.address("10.20.1.207");

    PathVerdict v = c.path(from, to, tcp(22));

    assertThat(v.outcome()).as(v.explain()).isEqualTo(Outcome.UNKNOWN);
    assertThat(v.forward()).filteredOn(h -> h.step() == Step.ROUTE).first()
        .satisfies(h -> assertThat(h.route().get().target().id()).isEqualTo("tgw-06b348adabd13452d"));
    Hop unknown = v.forward().get(v.forward().size() - 1);
    assertThat(unknown.code()).contains(ExplanationCode.TGW_RTB_ROUTES_ARE_UNKNOWN);
    assertThat(unknown.detail()).contains("vpn");
    assertThat(c.securityGroups(from, to, tcp(22)).outcome()).isEqualTo(Outcome.ALLOWED);
  }

  /** 10.20.1.207 to 10.40.2.80 (another Region's private address): the default route leads to the IGW, which drops it. */
  @Test
  void aPrivateAddressInAnotherRegionIsDroppedAtTheInternetGateway() {
    Hop h = c.path(c.instance(EAST2_PUBLIC), c.address("10.40.2.80"), tcp(22)).blockingHop().orElseThrow();

    assertThat(h.step()).isEqualTo(Step.INTERNET_GATEWAY);
    assertThat(h.code()).contains(ExplanationCode.IGW_DESTINATION_ADDRESS_NOT_IN_RFC1918_EGRESS);
    assertThat(c.whole(c.instance(EAST2_PUBLIC), c.address("10.40.2.80"), tcp(22))).isEqualTo(Outcome.DENIED);
  }

  /** 10.20.1.207 to 54.191.42.182 (another Region's public address): out through one IGW, in through the other. */
  @Test
  void aPublicAddressInAnotherRegionIsReachedThroughBothInternetGateways() {
    PathEnd from = c.instance(EAST2_PUBLIC);
    PathEnd to = c.address("54.191.42.182");

    PathVerdict v = c.path(from, to, tcp(22));

    assertThat(v.outcome()).as(v.explain()).isEqualTo(Outcome.ALLOWED);
    assertThat(components(v.forward())).containsSubsequence("igw-02fd68f94367a67c7", "igw-0a8309f3192e7cea3",
        "eni-087e18628dadd9b48");
    assertThat(v.sourceAsSeen()).hasValueSatisfying(s -> assertThat(s.toString()).isEqualTo("13.59.144.125"));
    assertThat(c.whole(from, to, tcp(22))).isEqualTo(Outcome.ALLOWED);
  }

  /**
   * From the internet: the two public instances are reached on tcp/22 at their public addresses; the two private
   * ones have no public address, so no internet gateway lets a packet in to them; and of tcp other than 22 only
   * east2_public's tcp/3306 gets in (its group's "Connectivity test" rule).
   */
  @Test
  void fromTheInternetOnlyThePublicInstancesAreReachedAndOnlyEast2PublicBeyondSsh() {
    PathEnd internet = PathEnd.outside("8.8.8.8");

    for (String[] pub : new String[][] {{EAST2_PUBLIC, "13.59.144.125"}, {WEST2_PUBLIC, "54.191.42.182"}}) {
      PathEnd to = c.address(pub[1]);
      assertThat(to.eni().get().instanceId()).contains(pub[0]);
      assertThat(c.whole(internet, to, tcp(22))).as(pub[0]).isEqualTo(Outcome.ALLOWED);
    }
    for (String priv : new String[] {EAST2_PRIVATE, WEST2_PRIVATE}) {
      PathEnd to = c.instance(priv);
      assertThat(to.eni().get().publicIpv4()).as(priv).isEmpty();
      assertThat(c.path(internet, to, tcp(22)).outcome()).as(priv).isNotEqualTo(Outcome.ALLOWED);
    }
    assertThat(c.whole(internet, c.address("13.59.144.125"), tcp(3306))).isEqualTo(Outcome.ALLOWED);
    assertThat(c.whole(internet, c.address("54.191.42.182"), tcp(3306))).isEqualTo(Outcome.DENIED);
  }
}
