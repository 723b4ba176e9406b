package dev.sgreach.testkit;

import static dev.sgreach.testkit.SgreachAssertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.api.Assertions.fail;

import dev.sgreach.eks.EksCluster;
import dev.sgreach.engine.Endpoint;
import dev.sgreach.engine.Member;
import dev.sgreach.engine.OpenPorts;
import dev.sgreach.engine.Outcome;
import dev.sgreach.engine.Reachability;
import dev.sgreach.engine.Verdict;
import dev.sgreach.model.Network;
import dev.sgreach.model.Traffic;
import java.util.EnumMap;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The assertions never evaluate rules themselves: on seeded random networks, each assertion passes exactly when the
 * engine's answer says it should, and fails with an {@link AssertionError} otherwise; the same on the seed's EKS
 * cluster and broken variants of it, between every pair of its roles.
 */
class AssertionsAgreeWithEngineTest {
  private static final int SEEDS = 100;
  private static final int QUESTIONS = 20;

  private final EnumMap<Outcome, Integer> seen = new EnumMap<>(Outcome.class);

  @Test
  void flow_assertions_pass_iff_the_engine_says_so() {
    for (long seed = 1; seed <= SEEDS; seed++) {
      try {
        checkSeed(seed);
      } catch (AssertionError | RuntimeException e) {
        fail("seed " + seed + ": " + e.getMessage(), e);
      }
    }
    // the random networks exercise every outcome, so agreement is not vacuous
    org.assertj.core.api.Assertions.assertThat(seen).containsKeys(Outcome.values());
  }

  @Test
  void eks_role_assertions_pass_iff_the_engine_says_so() {
    List<EksRole> roles = List.of(EksRole.controlPlane(), EksRole.nodes(), EksRole.nodegroup("ng1"),
        EksRole.nodegroup("mng1"), EksRole.fargatePods(), EksRole.podsWithSecurityGroups(), EksRole.loadBalancers(),
        EksRole.clusterSecurityGroup(), EksRole.sharedNodeSecurityGroup());
    List<Traffic> traffic = List.of(Traffic.tcp(443), Traffic.tcp(10250), Traffic.tcp(53), Traffic.udp(53),
        Traffic.tcp(30080), Traffic.tcp(8443));
    for (EksCluster cluster : List.of(EksFixtures.cluster(), EksFixtures.withoutNodesToApi(),
        EksFixtures.withoutPodDnsRules(), EksFixtures.withoutBackendRuleOnClusterSg())) {
      Reachability engine = Reachability.of(cluster.network());
      agree("passesEksChecks " + cluster, !cluster.lint().hasErrors(),
          catchThrowable(() -> assertThat(cluster).passesEksChecks()));
      for (EksRole from : roles) {
        for (EksRole to : roles) {
          for (Traffic t : traffic) {
            Verdict v = engine.reach(from.in(cluster), to.in(cluster), t);
            seen.merge(v.outcome(), 1, Integer::sum);
            String question = from + " -> " + to + " on " + t.spec() + " in " + cluster + " (engine: " + v + ")";
            agree("canReach " + question, v.isAllowed(),
                catchThrowable(() -> assertThat(cluster).role(from).canReach(to).on(t)));
            agree("cannotReach " + question, v.flows().stream().allMatch(f -> f.outcome() == Outcome.DENIED),
                catchThrowable(() -> assertThat(cluster).role(from).cannotReach(to).on(t)));
          }
        }
      }
    }
    org.assertj.core.api.Assertions.assertThat(seen).containsKeys(Outcome.ALLOWED, Outcome.DENIED);
  }

  private void checkSeed(long seed) {
    RandomNetworks gen = new RandomNetworks(seed);
    Network network = gen.network();
    Reachability engine = Reachability.of(network);
    for (int q = 0; q < QUESTIONS; q++) {
      Endpoint from = gen.endpoint();
      Endpoint to = gen.endpoint();
      Traffic t = gen.traffic();
      if (engine.resolve(from).stream().anyMatch(Member::isOutside)
          && engine.resolve(to).stream().anyMatch(Member::isOutside)) {
        continue;
      }
      Verdict v = engine.reach(from, to, t);
      seen.merge(v.outcome(), 1, Integer::sum);
      String question = from.label() + " -> " + to.label() + " on " + t.spec() + " (engine: " + v + ")";

      agree("canReach " + question, v.isAllowed(),
          catchThrowable(() -> assertThat(network).endpoint(from).canReach(to).on(t)));
      boolean allDenied = v.flows().stream().allMatch(f -> f.outcome() == Outcome.DENIED);
      agree("cannotReach " + question, allDenied,
          catchThrowable(() -> assertThat(network).endpoint(from).cannotReach(to).on(t)));
      agree("isAllowed " + question, v.isAllowed(), catchThrowable(() -> assertThat(v).isAllowed()));
      agree("isDenied " + question, v.isDenied(), catchThrowable(() -> assertThat(v).isDenied()));

      List<Member> sources = engine.resolve(from);
      List<Member> destinations = engine.resolve(to);
      if (sources.size() == 1 && destinations.size() == 1) {
        OpenPorts open = engine.openPorts(sources.get(0), destinations.get(0));
        agree("allows " + question, open.outcomeOf(t) == Outcome.ALLOWED,
            catchThrowable(() -> assertThat(open).allows(t)));
        agree("allowsNothing " + question, open.isEmpty() && !open.hasUnknown(),
            catchThrowable(() -> assertThat(open).allowsNothing()));
      }
    }
  }

  private static void agree(String what, boolean enginePasses, Throwable thrown) {
    if (thrown != null && !(thrown instanceof AssertionError)) {
      throw new IllegalStateException(what + ": the assertion threw " + thrown, thrown);
    }
    boolean assertionPassed = thrown == null;
    if (assertionPassed != enginePasses) {
      throw new AssertionError(what + ": the engine says " + (enginePasses ? "pass" : "fail")
          + " but the assertion " + (assertionPassed ? "passed" : "failed with " + thrown.getMessage()));
    }
  }
}
