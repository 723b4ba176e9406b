package dev.sgreach.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import dev.sgreach.eks.EksCluster;
import dev.sgreach.eks.SeedClusters;
import dev.sgreach.model.Network;
import dev.sgreach.model.NetworkInterface;
import dev.sgreach.model.Traffic;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Property test of {@link Reachability#matrix}: on seeded random networks ({@link RandomNetworks}) every cell's
 * counts of allowed, denied and unknown member flows are the naive oracle's per-pair answers counted, and its value
 * follows from them. The rows and columns mix the random generator's endpoints with every group carried by ENIs and
 * all ENIs at once, so that cells go through the per-class path (many members of few classes) as well as the per-pair
 * one (addresses, outside parties, address rules). Seeds 1..300; rerun one with
 * {@code ./mvnw -B -ntp -pl core test -Dtest=MatrixAgreesWithOracleTest -Dsgreach.seed=N}.
 */
class MatrixAgreesWithOracleTest {
  private static final int SIDE = 5;

  @TestFactory
  Stream<DynamicTest> every_cell_counts_the_oracles_member_flows() {
    return EngineAgreesWithOracleTest.seeds().mapToObj(seed -> DynamicTest.dynamicTest("seed " + seed,
        () -> check(seed)));
  }

  private static void check(long seed) {
    RandomNetworks g = new RandomNetworks(seed);
    Network network = g.network();
    NaiveEvaluator oracle = new NaiveEvaluator(network);
    List<String> rows = endpoints(g, network);
    List<String> columns = new ArrayList<>();
    for (String c : endpoints(g, network)) {
      if (rows.stream().noneMatch(r -> oracle.bothOutside(r, c))) {
        columns.add(c);
      }
    }
    if (columns.isEmpty()) {
      return;
    }
    List<Traffic> traffic = List.of(g.traffic(), g.traffic(), g.traffic());
    Matrix m = ProductionEvaluator.engineFor(network).matrix(rows.stream().map(ProductionEvaluator::endpoint).toList(),
        columns.stream().map(ProductionEvaluator::endpoint).toList(), traffic);
    List<String> problems = new ArrayList<>();
    for (int r = 0; r < rows.size(); r++) {
      for (int c = 0; c < columns.size(); c++) {
        for (int t = 0; t < traffic.size(); t++) {
          Evaluator.Answer expected = oracle.verdict(rows.get(r), columns.get(c), traffic.get(t));
          Matrix.Cell cell = m.cell(r, c, t);
          String want = counts(expected.members());
          String got = cell.allowed() + " allowed, " + cell.denied() + " denied, " + cell.unknown() + " unknown";
          if (!want.equals(got) || cell.value() != value(expected.members())) {
            problems.add(rows.get(r) + " -> " + columns.get(c) + " on " + traffic.get(t) + ": oracle " + want
                + ", matrix " + got + " (" + cell.value().word() + ")");
          }
        }
      }
    }
    if (!problems.isEmpty()) {
      fail("matrix and oracle disagree on seed " + seed + " (rerun: ./mvnw -B -ntp -pl core test"
          + " -Dtest=MatrixAgreesWithOracleTest -Dsgreach.seed=" + seed + "):\n  "
          + String.join("\n  ", problems.subList(0, Math.min(10, problems.size()))) + "\nnetwork:\n"
          + RandomNetworks.describe(network));
    }
  }

  /** Random endpoints, a carried group, and all ENIs as one named group. */
  private static List<String> endpoints(RandomNetworks g, Network network) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < SIDE - 2; i++) {
      out.add(g.endpoint());
    }
    List<String> carried = new ArrayList<>(new TreeSet<>(network.interfaces().values().stream()
        .flatMap(e -> e.securityGroupIds().stream()).toList()));
    if (!carried.isEmpty()) {
      out.add(carried.get(g.nextInt(carried.size())));
    }
    out.add("{" + network.interfaces().values().stream().map(NetworkInterface::id).collect(Collectors.joining(","))
        + "}");
    return out;
  }

  private static String counts(List<NaiveOutcome> each) {
    return each.stream().filter(o -> o == NaiveOutcome.ALLOWED).count() + " allowed, "
        + each.stream().filter(o -> o == NaiveOutcome.DENIED).count() + " denied, "
        + each.stream().filter(o -> o == NaiveOutcome.UNKNOWN).count() + " unknown";
  }

  /** The value the oracle's member flows give, written without the engine's code. */
  private static Matrix.Value value(List<NaiveOutcome> each) {
    if (each.stream().allMatch(o -> o == NaiveOutcome.ALLOWED)) {
      return Matrix.Value.ALL;
    }
    if (each.contains(NaiveOutcome.ALLOWED)) {
      return Matrix.Value.SOME;
    }
    return each.contains(NaiveOutcome.UNKNOWN) ? Matrix.Value.UNKNOWN : Matrix.Value.NONE;
  }

  /** On the seed's cluster, every cell of the role x role matrix is what reach says for it, flow by flow. */
  @Test
  void the_role_matrix_of_ekscluster1_agrees_with_reach_cell_by_cell() {
    Network network = SeedClusters.publicAndPrivate();
    EksCluster cluster = EksCluster.of(network, SeedClusters.PUBLIC_AND_PRIVATE);
    Reachability engine = ProductionEvaluator.engineFor(network);
    List<Endpoint> roles = Stream.of(cluster.controlPlane(), cluster.nodes(), cluster.managedNodes(),
        cluster.selfManagedNodes(), cluster.fargatePods(), cluster.podsWithSecurityGroups(), cluster.loadBalancers())
        .filter(r -> !((Endpoint.Group) r).members().isEmpty()).toList();
    List<Traffic> traffic = List.of(Traffic.tcp(443), Traffic.tcp(10250), Traffic.udp(53));
    Matrix m = engine.matrix(roles, roles, traffic);
    assertThat(m.cells()).hasSize(roles.size() * roles.size() * traffic.size());
    for (int r = 0; r < roles.size(); r++) {
      for (int c = 0; c < roles.size(); c++) {
        for (int t = 0; t < traffic.size(); t++) {
          Verdict v = engine.reach(roles.get(r), roles.get(c), traffic.get(t));
          Matrix.Cell cell = m.cell(r, c, t);
          assertThat(cell.allowed() + "/" + cell.denied() + "/" + cell.unknown() + " " + cell.outcome())
              .as("%s -> %s on %s", roles.get(r).label(), roles.get(c).label(), traffic.get(t))
              .isEqualTo(count(v, Outcome.ALLOWED) + "/" + count(v, Outcome.DENIED) + "/"
                  + count(v, Outcome.UNKNOWN) + " " + v.outcome());
          assertThat(cell.value().word()).as("%s -> %s on %s", roles.get(r).label(), roles.get(c).label(),
              traffic.get(t)).isEqualTo(v.coverage() == Coverage.NONE && v.flows().stream()
              .anyMatch(f -> f.outcome() == Outcome.UNKNOWN) ? "unknown" : v.coverage().word());
        }
      }
    }
    // the cluster is healthy: the nodes reach the API, the control plane the kubelets
    assertThat(m.cell(roles.indexOf(cluster.nodes()), roles.indexOf(cluster.controlPlane()), 0).value())
        .isEqualTo(Matrix.Value.ALL);
    assertThat(m.cell(roles.indexOf(cluster.controlPlane()), roles.indexOf(cluster.nodes()), 1).value())
        .isEqualTo(Matrix.Value.ALL);
  }

  private static long count(Verdict v, Outcome o) {
    return v.flows().stream().filter(f -> f.outcome() == o).count();
  }
}
