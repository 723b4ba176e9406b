package dev.sgreach.testkit;

import static dev.sgreach.testkit.error.ShouldReach.shouldReach;
import static dev.sgreach.testkit.error.ShouldReachOnlyOn.shouldReachOnlyOn;

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
 * Assertions that a source can open flows to a destination: {@code canReach(to).on(tcp(443))} asks the engine's
 * {@code reach} for each traffic, {@code canReach(to).onlyOn(tcp(443))} compares its {@code openPorts}. Group-valued
 * endpoints (an instance, a security group, an EKS role) pass only when every member pair passes.
 *
 * <p>{@code canReach(to)} alone checks nothing: a chain left without {@code on} or {@code onlyOn} fails at the next
 * sgreach assertion, or at the end of a test run with {@code @SgreachSnapshot}.
 */
public class CanReachAssert extends AbstractAssert<CanReachAssert, Endpoint> {
  private final Endpoint to;
  private final Scope scope;

  CanReachAssert(Endpoint from, Endpoint to, Scope scope) {
    super(from, CanReachAssert.class);
    this.to = to;
    this.scope = scope;
    scope.describe(this);
    Unfinished.started(this, "canReach(" + to.label() + ") from " + from.label(), ".on(...) or .onlyOn(...)");
  }

  private void fail(ErrorMessageFactory factory) {
    scope.fail(assertionError(factory));
  }

  /**
   * Verifies that every given traffic is allowed from the source to the destination, for every member pair. On
   * failure the message gives, per failing traffic and member pair, the side that blocks, the near misses and the
   * rule to add as an AWS CLI command.
   *
   * @param first the first traffic
   * @param more more traffic
   * @return this assertion
   */
  public CanReachAssert on(Traffic first, Traffic... more) {
    Unfinished.finished(this);
    List<Verdict> failing = scope.failing(actual, to, Lists.asList(first, more), Verdict::isAllowed);
    if (!failing.isEmpty()) {
      fail(shouldReach(actual, to, failing));
    }
    return myself;
  }

  /**
   * Verifies that exactly the given traffic, and nothing else, gets through from the source to the destination, for
   * every member pair; traffic whose verdict is unknown counts as getting through, since the test cannot prove it
   * does not.
   *
   * @param first the first traffic expected to be open
   * @param more the rest of it
   * @return this assertion
   */
  public CanReachAssert onlyOn(Traffic first, Traffic... more) {
    Unfinished.finished(this);
    List<Traffic> expected = Lists.asList(first, more);
    Reachability r = scope.reachability();
    List<PortsFinding> findings = new ArrayList<>();
    for (Member s : r.resolve(actual)) {
      for (Member d : r.resolve(to)) {
        OpenPorts open = r.openPorts(s, d);
        List<Traffic> notOpen = notOpen(open, expected);
        OpenPorts beyond = open.without(expected);
        if (notOpen.isEmpty() && beyond.isEmpty() && !beyond.hasUnknown()) {
          continue;
        }
        List<Flow> proof = new ArrayList<>();
        for (Traffic t : notOpen) {
          proof.add(r.explain(s, d, t));
        }
        beyond.firstAllowed().ifPresent(t -> proof.add(r.explain(s, d, t)));
        findings.add(new PortsFinding(s, d, open, notOpen, describe(beyond), proof));
      }
    }
    if (!findings.isEmpty()) {
      fail(shouldReachOnlyOn(actual, to, expected, findings));
    }
    return myself;
  }

  /** The expected traffic that the engine's open ports do not allow (null: nothing is open). */
  static List<Traffic> notOpen(OpenPorts open, List<Traffic> expected) {
    return expected.stream().filter(t -> open == null || open.outcomeOf(t) != Outcome.ALLOWED).toList();
  }

  /** What is open (or unknown) beyond the expected traffic, as the engine prints it; empty when nothing. */
  static String describe(OpenPorts beyond) {
    return beyond.isEmpty() && !beyond.hasUnknown() ? "" : beyond.toString();
  }
}
