package dev.sgreach.testkit;

import dev.sgreach.eks.EksCluster;
import dev.sgreach.engine.Endpoint;
import dev.sgreach.engine.Reachability;
import dev.sgreach.engine.Verdict;
import dev.sgreach.model.Traffic;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.assertj.core.api.AbstractAssert;
import org.assertj.core.api.AssertionErrorCollector;
import org.assertj.core.description.Description;

/**
 * What an assertion reached by navigation ({@code endpoint(x)}, {@code canReach(y)}) carries from the assertion it
 * came from: the engine, the soft-assertion collector when the chain started from {@link SgreachSoftAssertions}
 * (null when failures throw), the description given with {@code as(...)}, and the EKS cluster the chain started
 * from ({@code assertThat(cluster)}; null otherwise), against which {@link EksRole}s are resolved.
 */
record Scope(Reachability reachability, AssertionErrorCollector collector, Description description,
    EksCluster cluster) {

  /** The endpoint a role stands for in the chain's cluster. */
  Endpoint resolve(EksRole role) {
    EndpointAssert.requireEndpoint(role, "role");
    if (cluster == null) {
      throw new IllegalArgumentException("EKS role '" + role + "' needs a cluster to resolve against: start the"
          + " chain from assertThat(cluster), or pass the role's endpoint, role.in(cluster)");
    }
    return role.in(cluster);
  }

  /** Gives a new assertion of the chain the description of the assertion it came from. */
  <A extends AbstractAssert<?, ?>> A describe(A next) {
    if (description != null && !description.value().isEmpty()) {
      next.describedAs(description);
    }
    return next;
  }

  /** The engine's verdicts for each traffic from {@code from} to {@code to} that do not pass. */
  List<Verdict> failing(Endpoint from, Endpoint to, List<Traffic> traffic, Predicate<Verdict> passes) {
    List<Verdict> failing = new ArrayList<>();
    for (Traffic t : traffic) {
      Verdict v = reachability.reach(from, to, t);
      if (!passes.test(v)) {
        failing.add(v);
      }
    }
    return failing;
  }

  /** Throws the failure, or in soft mode hands it to the collector and lets the chain go on. */
  void fail(AssertionError error) {
    if (collector == null) {
      throw error;
    }
    collector.collectAssertionError(error);
  }
}
