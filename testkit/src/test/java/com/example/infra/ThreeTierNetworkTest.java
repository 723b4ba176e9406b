package com.example.infra;

import static dev.sgreach.testkit.SgreachAssertions.address;
import static dev.sgreach.testkit.SgreachAssertions.assertThat;
import static dev.sgreach.testkit.SgreachAssertions.cidr;
import static dev.sgreach.testkit.SgreachAssertions.eni;
import static dev.sgreach.testkit.SgreachAssertions.securityGroup;
import static dev.sgreach.testkit.SgreachAssertions.tcp;
import static dev.sgreach.testkit.SgreachAssertions.udp;

import dev.sgreach.engine.Endpoint;
import dev.sgreach.engine.Reachability;
import dev.sgreach.model.Network;
import dev.sgreach.testkit.SgreachSnapshot;
import dev.sgreach.testkit.SgreachSoftAssertions;
import org.junit.jupiter.api.Test;

/**
 * How a team tests its own network with sgreach: a snapshot folder of AWS CLI JSON (collected with
 * {@code aws ec2 describe-security-groups} and {@code describe-network-interfaces}, or by the live loader), and
 * assertions that speak in flows. This class lives outside sgreach's packages and uses only its public API.
 *
 * <p>The network: a web tier open to the internet on 80 and 443, an app tier that only the web tier reaches on 8080,
 * and a database that the web tier reaches on 5432 and the app tier on 5433.
 */
@SgreachSnapshot("src/test/resources/snapshots/three-tier")
class ThreeTierNetworkTest {
  static final Endpoint WEB = securityGroup("sg-web");
  static final Endpoint APP = securityGroup("sg-app");
  static final Endpoint DB = securityGroup("sg-db");
  static final Endpoint SOMEONE_ON_THE_INTERNET = address("203.0.113.9");

  @SgreachSnapshot Network network;

  @Test
  void the_web_tier_serves_the_internet_on_http_and_https_only() {
    assertThat(network).endpoint(WEB).exposesToInternetOnly(tcp(80), tcp(443));
    assertThat(network).endpoint(SOMEONE_ON_THE_INTERNET).canReach(WEB).onlyOn(tcp(80), tcp(443));
  }

  @Test
  void the_app_and_database_tiers_are_not_exposed() {
    assertThat(network).endpoint(APP).isNotExposedToInternet();
    assertThat(network).endpoint(DB).isNotExposedToInternet();
  }

  @Test
  void each_tier_talks_to_the_next_on_its_port() {
    assertThat(network).endpoint(WEB).canReach(APP).on(tcp(8080));
    assertThat(network).endpoint(WEB).canReach(DB).on(tcp(5432));
    assertThat(network).endpoint(APP).canReach(DB).on(tcp(5433));
  }

  @Test
  void the_database_is_reachable_only_from_the_tiers_that_need_it() {
    assertThat(network).endpoint(DB).isReachableOnlyFrom(WEB).on(tcp(5432));
    assertThat(network).endpoint(DB).isReachableOnlyFrom(APP).on(tcp(5433));
    assertThat(network).endpoint(APP).isReachableOnlyFrom(WEB).on(tcp(8080));
  }

  @Test
  void the_database_opens_nothing_itself() {
    assertThat(network).endpoint(DB).cannotReach(WEB).onAnyPort();
    assertThat(network).endpoint(DB).cannotReach(SOMEONE_ON_THE_INTERNET).on(tcp(443), udp(53));
  }

  @Test
  void the_internet_reaches_the_web_tier_from_anywhere_but_nothing_else() {
    assertThat(network).endpoint(WEB).isReachableOnlyFrom(cidr("0.0.0.0/0"), APP, DB).on(tcp(443));
    assertThat(network).endpoint(SOMEONE_ON_THE_INTERNET).cannotReach(APP).onAnyPort();
  }

  @Test
  void the_snapshot_has_no_stale_references() {
    assertThat(network).hasNoStaleReferences();
  }

  @Test
  void verdicts_can_be_asserted_one_by_one(Reachability engine) {
    assertThat(engine.reach(eni("eni-web"), eni("eni-db"), tcp(5432))).isAllowed();
    assertThat(engine.reach(eni("eni-db"), eni("eni-web"), tcp(443))).isDenied().isBlockedAtEgress();
    assertThat(engine.reach(APP, DB, tcp(5433))).isAllowedForAll();
    assertThat(engine.openPorts(eni("eni-web"), eni("eni-app"))).allowsOnly(tcp(8080));
  }

  @Test
  void soft_assertions_report_every_broken_flow_at_once() {
    SgreachSoftAssertions.assertSoftly(softly -> {
      softly.assertThat(network).endpoint(WEB).canReach(DB).on(tcp(5432));
      softly.assertThat(network).endpoint(APP).canReach(DB).on(tcp(5433));
      softly.assertThat(network).endpoint(DB).isNotExposedToInternet();
    });
  }
}
