package dev.sgreach.testkit;

import static dev.sgreach.testkit.SgreachAssertions.*;

import dev.sgreach.engine.Reachability;
import org.junit.jupiter.api.Test;

class ScratchTest {
  void show(Runnable r) {
    try { r.run(); System.out.println("PASSED"); } catch (AssertionError e) { System.out.println("-----\n" + e.getMessage()); }
  }
  @Test
  void show() {
    var n = Fixtures.threeTier();
    var r = Reachability.of(n);
    show(() -> assertThat(n).endpoint(eni("eni-web")).canReach(eni("eni-db")).on(tcp(5432), tcp(5433)));
    show(() -> assertThat(n).endpoint(securityGroup("sg-app")).canReach(eni("eni-db")).on(tcp(5433), tcp(5432)));
    show(() -> assertThat(n).endpoint(eni("eni-db")).canReach(eni("eni-web")).on(tcp(443)));
    show(() -> assertThat(n).endpoint(eni("eni-web")).cannotReach(eni("eni-db")).on(tcp(5432)));
    show(() -> assertThat(n).endpoint(eni("eni-web")).cannotReach(eni("eni-db")).onAnyPort());
    show(() -> assertThat(n).endpoint(eni("eni-web")).canReach(eni("eni-app")).onlyOn(tcp(8080), tcp(8443)));
    show(() -> assertThat(n).endpoint(address("203.0.113.9")).canReach(eni("eni-web")).onlyOn(tcp(443)));
    show(() -> assertThat(n).endpoint(eni("eni-db")).isReachableOnlyFrom(securityGroup("sg-web")).on(tcp(5432), tcp(5433)));
    show(() -> assertThat(n).endpoint(eni("eni-web")).isReachableOnlyFrom(cidr("10.0.0.0/8")).on(tcp(443)));
    show(() -> assertThat(n).endpoint(eni("eni-web")).isNotExposedToInternet());
    show(() -> assertThat(n).endpoint(eni("eni-web")).exposesToInternetOnly(tcp(443), tcp(8443)));
    show(() -> assertThat(Fixtures.withStaleReference()).hasNoStaleReferences());
    show(() -> assertThat(r.reach(eni("eni-web"), eni("eni-db"), tcp(5433))).isAllowed());
    show(() -> assertThat(r.reach(securityGroup("sg-app"), eni("eni-db"), tcp(5433))).isAllowedForNone());
    show(() -> assertThat(r.reach(eni("eni-db"), eni("eni-web"), tcp(443))).isBlockedAtIngress());
    show(() -> assertThat(r.openPorts(eni("eni-web"), eni("eni-db"))).allowsOnly(tcp(5433)));
    show(() -> assertThat(r.openPorts(eni("eni-web"), eni("eni-app"))).allowsNothing());
    SgreachSoftAssertions softly = new SgreachSoftAssertions();
    softly.assertThat(n).endpoint(eni("eni-web")).canReach(eni("eni-db")).on(tcp(5433));
    softly.assertThat(n).endpoint(eni("eni-db")).canReach(eni("eni-web")).on(tcp(443));
    softly.assertThat(n).as("stale").hasNoStaleReferences().endpoint(eni("eni-web")).isNotExposedToInternet();
    softly.assertThat(r.reach(eni("eni-web"), eni("eni-db"), tcp(5433))).isAllowed().isDenied();
    System.out.println("soft errors: " + softly.assertionErrorsCollected().size());
  }
}
