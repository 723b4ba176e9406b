package dev.sgreach.testkit;

import static dev.sgreach.testkit.SgreachAssertions.controlPlane;
import static dev.sgreach.testkit.SgreachAssertions.eni;
import static dev.sgreach.testkit.SgreachAssertions.tcp;
import static dev.sgreach.testkit.error.ShouldHaveOutcome.shouldHaveOutcome;
import static dev.sgreach.testkit.error.ShouldNotBeExposedToInternet.shouldNotBeExposedToInternet;
import static dev.sgreach.testkit.error.ShouldPassEksChecks.shouldPassEksChecks;
import static dev.sgreach.testkit.error.ShouldReach.shouldReach;
import static org.assertj.core.api.BDDAssertions.then;

import dev.sgreach.eks.EksCluster;
import dev.sgreach.engine.Outcome;
import dev.sgreach.engine.Reachability;
import dev.sgreach.engine.Verdict;
import dev.sgreach.model.Network;
import java.util.List;
import org.junit.jupiter.api.Test;

class SgreachSoftAssertions_Test {
  private final Network network = Fixtures.threeTier();
  private final Reachability engine = Reachability.of(network);

  @Test
  void should_pass_when_every_soft_assertion_passes() {
    // GIVEN
    SgreachSoftAssertions softly = new SgreachSoftAssertions();
    // WHEN
    softly.assertThat(network).hasNoStaleReferences().endpoint(eni("eni-web")).canReach(eni("eni-db")).on(tcp(5432));
    softly.assertThat(engine.reach(eni("eni-web"), eni("eni-db"), tcp(5432))).isAllowed();
    softly.assertThat(engine.openPorts(eni("eni-web"), eni("eni-db"))).allowsOnly(tcp(5432));
    // THEN
    softly.assertAll();
  }

  @Test
  void should_collect_every_failure_including_those_reached_by_navigation() {
    // GIVEN
    SgreachSoftAssertions softly = new SgreachSoftAssertions();
    Verdict denied = engine.reach(eni("eni-web"), eni("eni-db"), tcp(5433));
    // WHEN
    softly.assertThat(network).endpoint(eni("eni-web"))
        .canReach(eni("eni-db")).on(tcp(5433)).on(tcp(5432));
    softly.assertThat(network).endpoint(eni("eni-web")).isNotExposedToInternet().isNotExposedToInternet();
    softly.assertThat(denied).isAllowed().isDenied();
    softly.assertThat(engine.openPorts(eni("eni-web"), eni("eni-db"))).allowsNothing();
    // THEN: soft mode appends the line of the failing assertion to each message
    List<AssertionError> errors = softly.assertionErrorsCollected();
    then(errors).hasSize(5);
    then(errors.get(0)).hasMessageStartingWith(shouldReach(eni("eni-web"), eni("eni-db"), List.of(denied)).create());
    then(errors.get(1)).hasMessageStartingWith(
        shouldNotBeExposedToInternet("eni-web", engine.exposure(eni("eni-web"))).create());
    then(errors.get(3)).hasMessageStartingWith(shouldHaveOutcome(denied, Outcome.ALLOWED).create());
  }

  @Test
  void should_work_with_assert_softly() {
    // WHEN
    Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(() -> SgreachSoftAssertions.assertSoftly(
        softly -> softly.assertThat(network).endpoint(eni("eni-db")).canReach(eni("eni-web")).on(tcp(443))));
    // THEN
    then(thrown).isInstanceOf(AssertionError.class).hasMessageContaining("egress of eni-db (10.0.2.7 -> 10.0.1.5)");
  }

  @Test
  void should_collect_eks_failures_including_those_reached_through_roles() {
    // GIVEN
    SgreachSoftAssertions softly = new SgreachSoftAssertions();
    EksCluster broken = EksFixtures.withoutNodesToApi();
    // WHEN
    softly.assertThat(broken).passesEksChecks().nodegroup("ng1").canReach(controlPlane()).on(tcp(443));
    softly.assertThat(EksFixtures.cluster()).passesEksChecks().hasNoEksWarnings();
    // THEN
    List<AssertionError> errors = softly.assertionErrorsCollected();
    then(errors).hasSize(2);
    then(errors.get(0)).hasMessageStartingWith(shouldPassEksChecks(broken.lint()).create());
    then(errors.get(1)).hasMessageStartingWith(shouldReach(broken.nodegroup("ng1"), broken.controlPlane(),
        List.of(Reachability.of(broken.network()).reach(broken.nodegroup("ng1"), broken.controlPlane(), tcp(443))))
        .create());
  }
}
