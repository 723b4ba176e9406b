package dev.sgreach.testkit;

import static dev.sgreach.testkit.error.ShouldNotReach.shouldNotReach;
import static dev.sgreach.testkit.error.ShouldNotReachOnAnyPort.shouldNotReachOnAnyPort;

import com.google.common.collect.Lists;
import dev.sgreach.engine.Endpoint;
import dev.sgreach.engine.Flow;
import dev.sgreach.engine.Member;
import dev.sgreach.engine.OpenPorts;
import dev.sgreach.engine.Outcome;
import dev.sgreach.engine.Reachability;
import dev.sgreach.engine.Verdict;
import dev.sgreach.model.Traffic;
import dev.sgreach.testkit.error.PortsFinding;
import java.util.ArrayList;
import java.util.List;
import org.assertj.core.api.AbstractAssert;
import org.assertj.core.error.ErrorMessageFactory;

/**
 * Assertions that a source cannot open flows to a destination: {@code cannotReach(to).on(tcp(22))} asks the engine's
 * {@code reach} for each traffic, {@code cannotReach(to).onAnyPort()} its {@code openPorts}. A verdict that is unknown
 * fails, since the test cannot prove the flow is denied. Group-valued endpoints pass only when every member pair is
 * denied.
 */
public class CannotReachAssert extends AbstractAssert<CannotReachAssert, Endpoint> {
  private final Endpoint to;
  private final Scope scope;

  CannotReachAssert(Endpoint from, Endpoint to, Scope scope) {
    super(from, CannotReachAssert.class);
    this.to = to;
    this.scope = scope;
    scope.describe(this);
    Unfinished.started(this, "cannotReach(" + to.label() + ") from " + from.label(), ".on(...) or .onAnyPort()");
  }

  private void fail(ErrorMessageFactory factory) {
    scope.fail(assertionError(factory));
  }

  /**
   * Verifies that every given traffic is denied from the source to the destination, for every member pair. On
   * failure the message gives the egress and ingress rules that let each flow through.
   *
   * @param first the first traffic
   * @param more more traffic
   * @return this assertion
   */
  public CannotReachAssert on(Traffic first, Traffic... more) {
    Unfinished.finished(this);
    List<Verdict> failing = scope.failing(actual, to, Lists.asList(first, more),
        v -> v.groups().stream().allMatch(g -> g.outcome() == Outcome.DENIED));
    if (!failing.isEmpty()) {
      fail(shouldNotReach(actual, to, failing));
    }
    return myself;
  }

  /**
   * Verifies that nothing at all gets through from the source to the destination (no protocol, no port), and that no
   * verdict is unknown, for every member pair. On failure the message gives what is open and the rules that open the
   * first of it.
   *
   * @return this assertion
   */
  public CannotReachAssert onAnyPort() {
    Unfinished.finished(this);
    Reachability r = scope.reachability();
    List<PortsFinding> findings = new ArrayList<>();
    for (Member s : r.resolve(actual)) {
      for (Member d : r.resolve(to)) {
        OpenPorts open = r.openPorts(s, d);
        if (open.isEmpty() && !open.hasUnknown()) {
          continue;
        }
        List<Flow> proof = new ArrayList<>();
        open.firstAllowed().ifPresent(t -> proof.add(r.explain(s, d, t)));
        findings.add(new PortsFinding(s, d, open, List.of(), "", proof));
      }
    }
    if (!findings.isEmpty()) {
      fail(shouldNotReachOnAnyPort(actual, to, findings));
    }
    return myself;
  }
}
