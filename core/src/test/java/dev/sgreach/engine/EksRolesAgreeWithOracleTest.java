package dev.sgreach.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sgreach.eks.EksCluster;
import dev.sgreach.eks.SeedClusters;
import dev.sgreach.model.Network;
import dev.sgreach.model.Traffic;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * EKS roles are endpoints like any group: on the seed's two clusters, between every pair of roles and on the traffic
 * the EKS checks ask about, the engine's verdict (with every member pair, and its proof), who-can-reach and
 * what-can-be-reached agree with the naive oracle, which knows nothing of EKS and reads each role as the list of its
 * members.
 */
class EksRolesAgreeWithOracleTest {
  private static final List<Traffic> TRAFFIC = List.of(Traffic.tcp(443), Traffic.tcp(10250), Traffic.tcp(53),
      Traffic.udp(53), Traffic.tcp(30080), Traffic.tcp(8443), Traffic.icmp(8, 0), Traffic.protocol(50));

  static Stream<String> clusters() {
    return Stream.of(SeedClusters.PUBLIC_AND_PRIVATE, SeedClusters.PRIVATE_ONLY);
  }

  private static Network network(String name) {
    return name.equals(SeedClusters.PRIVATE_ONLY) ? SeedClusters.privateOnly() : SeedClusters.publicAndPrivate();
  }

  /** The oracle's text for an endpoint: a role is the list of its members. */
  static String text(Endpoint e) {
    if (e instanceof Endpoint.Group g) {
      return "{" + g.members().stream().map(EksRolesAgreeWithOracleTest::text).collect(Collectors.joining(","))
          + "}";
    }
    return e.label();
  }

  @ParameterizedTest
  @MethodSource("clusters")
  void every_role_pair_agrees(String name) {
    Network network = network(name);
    EksCluster cluster = EksCluster.of(network, name);
    Reachability engine = ProductionEvaluator.engineFor(network);
    NaiveEvaluator oracle = new NaiveEvaluator(network);
    ProofCheck proofs = new ProofCheck(oracle, network);
    List<Endpoint> roles = new ArrayList<>();
    for (Endpoint role : List.of(cluster.controlPlane(), cluster.nodes(), cluster.managedNodes(),
        cluster.selfManagedNodes(), cluster.fargatePods(), cluster.podsWithSecurityGroups(),
        cluster.loadBalancers(), cluster.vpcEndpoints(), cluster.bastions(), cluster.sharedSgMembers())) {
      if (!((Endpoint.Group) role).members().isEmpty()) {
        roles.add(role);
      }
    }
    assertThat(roles).as("roles with members in %s", name).hasSizeGreaterThan(4);
    List<String> problems = new ArrayList<>();
    int compared = 0;
    for (Endpoint from : roles) {
      for (Endpoint to : roles) {
        for (Traffic t : TRAFFIC) {
          Verdict v = engine.reach(from, to, t);
          Evaluator.Answer expected = oracle.verdict(text(from), text(to), t);
          Evaluator.Answer actual = new Evaluator.Answer(ProductionEvaluator.naive(v.outcome()), v.coverage().word(),
              v.flows().stream().map(f -> ProductionEvaluator.naive(f.outcome())).toList());
          if (!expected.equals(actual)) {
            problems.add(from.label() + " -> " + to.label() + " on " + t + ": oracle " + expected + ", engine "
                + actual);
          }
          proofs.problems(v).forEach(p -> problems.add("proof of " + from.label() + " -> " + to.label() + ": " + p));
          compared++;
        }
      }
      for (Traffic t : TRAFFIC) {
        Evaluator.Who who = oracle.whoCanReach(text(from), t);
        Reachers r = engine.whoCanReach(from, t);
        if (!Agreement.show(who).equals(Agreement.show(new Evaluator.Who(ids(r.allowedInterfaces()),
            ids(r.unknownInterfaces()))))) {
          problems.add("whoCanReach(" + from.label() + ", " + t + ")");
        }
        Evaluator.Who what = oracle.whatCanBeReached(text(from), t);
        Reachers w = engine.whatCanBeReached(from, t);
        if (!Agreement.show(what).equals(Agreement.show(new Evaluator.Who(ids(w.allowedInterfaces()),
            ids(w.unknownInterfaces()))))) {
          problems.add("whatCanBeReached(" + from.label() + ", " + t + ")");
        }
      }
    }
    assertThat(problems).as("disagreements over %d role-pair verdicts in %s", compared, name).isEmpty();
  }

  private static java.util.Set<String> ids(List<dev.sgreach.model.NetworkInterface> enis) {
    return enis.stream().map(dev.sgreach.model.NetworkInterface::id).collect(Collectors.toSet());
  }
}
