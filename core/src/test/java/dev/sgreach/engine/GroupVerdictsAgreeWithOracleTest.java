package dev.sgreach.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import dev.sgreach.model.Network;
import dev.sgreach.model.NetworkInterface;
import dev.sgreach.model.Traffic;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Property test of the bounded group verdict ({@link Reachability#reach} deciding member flows per ENI class pair
 * where that is exact): on seeded random networks ({@link RandomNetworks}: address rules, prefix lists, delegated
 * prefixes, public addresses, unfiltered ENI types, missing groups, peering) a verdict's outcome, coverage and counts,
 * and the outcome of the group that holds each member pair, are the naive oracle's per-pair answers; and each pair's
 * group outcome is that of the pair's own explained flow ({@link Verdict#flows()}, which explains it alone). The
 * endpoints mix the generator's (single ENIs, addresses, outside parties, public addresses, instances, groups) with
 * every carried group and all ENIs at once, so that self pairs, class blocks and pairs decided one by one meet in one
 * verdict. Seeds 1..300 ({@code -Dsgreach.seed=N} reruns one).
 */
class GroupVerdictsAgreeWithOracleTest {
  @TestFactory
  Stream<DynamicTest> every_member_pair_of_a_group_verdict_has_the_oracles_outcome() {
    return EngineAgreesWithOracleTest.seeds().mapToObj(seed -> DynamicTest.dynamicTest("seed " + seed,
        () -> {
          List<String> problems = check(seed, new long[1]);
          if (!problems.isEmpty()) {
            fail("bounded verdict and oracle disagree on seed " + seed + " (rerun: ./mvnw -B -ntp -pl core test"
                + " -Dtest=GroupVerdictsAgreeWithOracleTest -Dsgreach.seed=" + seed + "):\n  "
                + String.join("\n  ", problems.subList(0, Math.min(10, problems.size()))) + "\nnetwork:\n"
                + RandomNetworks.describe(RandomNetworks.generate(seed)));
          }
        }));
  }

  /**
   * The property test's reach: many of its member flows are decided per class pair, not one by one, so the test
   * above checks the class reasoning and not only the per-pair path.
   */
  @Test
  void the_random_verdicts_decide_many_member_flows_per_class_pair() {
    long[] byClass = new long[1];
    List<String> problems = new ArrayList<>();
    for (long seed = 1; seed <= 20; seed++) {
      problems.addAll(check(seed, byClass));
    }
    assertThat(problems).isEmpty();
    assertThat(byClass[0]).as("member flows decided per class pair over 20 seeds").isGreaterThan(1000);
  }

  /** The disagreements on one seed; adds to {@code byClass} the member flows decided per class pair. */
  private static List<String> check(long seed, long[] byClass) {
    RandomNetworks g = new RandomNetworks(seed);
    Network network = g.network();
    NaiveEvaluator oracle = new NaiveEvaluator(network);
    Reachability engine = Reachability.of(network, java.util.EnumSet.allOf(dev.sgreach.model.Layer.class),
        RandomNetworks.podModeOf(network));
    List<String> endpoints = endpoints(g, network);
    List<Traffic> traffic = List.of(g.traffic(), g.traffic());
    List<String> problems = new ArrayList<>();
    for (String from : endpoints) {
      for (String to : endpoints) {
        if (oracle.bothOutside(from, to)) {
          continue;
        }
        for (Traffic t : traffic) {
          Verdict v = engine.reach(ProductionEvaluator.endpoint(from), ProductionEvaluator.endpoint(to), t);
          Evaluator.Answer want = oracle.verdict(from, to, t);
          v.groups().forEach(x -> byClass[0] += x.decidedByClass());
          String got = describe(ProductionEvaluator.naive(v.outcome()), v.coverage().word(), byGroup(v, problems),
              v.memberFlows(), v.allowedFlows());
          String expected = describe(want.overall(), want.coverage(), want.members(), want.members().size(),
              want.members().stream().filter(o -> o == NaiveOutcome.ALLOWED).count());
          if (!got.equals(expected)) {
            problems.add(from + " -> " + to + " on " + t.spec() + ": oracle " + expected + ", engine " + got);
          }
        }
      }
    }
    return problems;
  }

  private static String describe(NaiveOutcome overall, String coverage, List<NaiveOutcome> each, long total,
      long allowed) {
    return overall + " " + coverage + " " + allowed + "/" + total + " " + each;
  }

  /**
   * The outcome of the group holding each member pair, in the verdict's order; a pair whose own flow ends otherwise
   * than its group, or that no group or several groups hold, is a problem.
   */
  private static List<NaiveOutcome> byGroup(Verdict v, List<String> problems) {
    Map<List<Member>, Outcome> held = new HashMap<>();
    long counted = 0;
    for (FlowGroup g : v.groups()) {
      counted += g.count();
      for (FlowGroup.MemberPair p : g.pairs(Integer.MAX_VALUE)) {
        if (held.put(List.of(p.source(), p.destination()), g.outcome()) != null) {
          problems.add(p.label() + " is in two groups of " + v);
        }
      }
    }
    if (counted != v.memberFlows() || held.size() != v.memberFlows()) {
      problems.add(v + ": the groups count " + counted + " and hold " + held.size() + " member pairs");
    }
    List<NaiveOutcome> out = new ArrayList<>();
    for (Flow f : v.flows()) {
      Outcome group = held.get(List.of(f.source(), f.destination()));
      if (group != f.outcome()) {
        problems.add(f + " is in a group that is " + group);
      }
      out.add(group == null ? null : ProductionEvaluator.naive(group));
    }
    return out;
  }

  /** Random endpoints, every carried group, and all ENIs as one named group. */
  private static List<String> endpoints(RandomNetworks g, Network network) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      out.add(g.endpoint());
    }
    out.addAll(new TreeSet<>(network.interfaces().values().stream().flatMap(e -> e.securityGroupIds().stream())
        .toList()));
    out.add("{" + network.interfaces().values().stream().map(NetworkInterface::id).collect(Collectors.joining(","))
        + "}");
    return out;
  }
}
