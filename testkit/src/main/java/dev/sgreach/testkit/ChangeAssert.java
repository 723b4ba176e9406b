package dev.sgreach.testkit;

import static dev.sgreach.testkit.error.ShouldChangeNoFlow.shouldCloseNothing;
import static dev.sgreach.testkit.error.ShouldChangeNoFlow.shouldOpenNothing;
import static dev.sgreach.testkit.error.ShouldChangeNoFlow.shouldOpenOnly;

import dev.sgreach.engine.FlowChange;
import dev.sgreach.engine.Member;
import dev.sgreach.engine.NetworkDiff;
import dev.sgreach.engine.Reachability;
import dev.sgreach.model.Network;
import dev.sgreach.model.Traffic;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions about a change: what it opens and closes between its two networks ({@link NetworkDiff}). A failure names
 * each offending flow with its ENIs, its traffic and its proof (the rules that admit an opened flow after the change;
 * those that used to admit a closed one, and the side that blocks it now).
 *
 * <pre>{@code
 * assertThat(after).comparedTo(before).opensNothing();
 * assertThat(change).opensNothingFromInternet();
 * assertThat(after).comparedTo(before).opensOnly(flow(securityGroup("sg-app"), securityGroup("sg-db"), tcp(5432)));
 * }</pre>
 *
 * <p>A flow whose verdict the change makes unknown (it depends on data the change leaves open, such as an address
 * AWS assigns at launch) is not a definite opening: {@code opensNothing} fails on it too, saying it may open, since a
 * test must never pass on missing data.
 */
public class ChangeAssert extends AbstractAssert<ChangeAssert, NetworkDiff> {
  private final Change change;
  private final Reachability before;
  private final Reachability after;

  ChangeAssert(Change change) {
    this(change, Reachability.of(change.before()), Reachability.of(change.after()));
  }

  private ChangeAssert(Change change, Reachability before, Reachability after) {
    super(NetworkDiff.between(before, after), ChangeAssert.class);
    this.change = change;
    this.before = before;
    this.after = after;
  }

  /**
   * Verifies that the change opens no flow (and makes no flow's verdict unknown that was denied).
   *
   * @return this assertion
   */
  public ChangeAssert opensNothing() {
    List<FlowChange> opened = opening(false);
    if (!opened.isEmpty()) {
      throwAssertionError(shouldOpenNothing(change.description(), "no flow", opened));
    }
    return myself;
  }

  /**
   * Verifies that the change opens nothing from the internet (any public address) to any ENI, and makes no such flow
   * unknown: the pipeline test "this change exposes nothing new".
   *
   * @return this assertion
   */
  public ChangeAssert opensNothingFromInternet() {
    List<FlowChange> opened = opening(true);
    if (!opened.isEmpty()) {
      throwAssertionError(shouldOpenNothing(change.description(), "nothing from the internet", opened));
    }
    return myself;
  }

  /**
   * Verifies that the change opens exactly these flows: every flow it opens is one of them (for the ENIs each
   * endpoint stands for after the change), and each of them is opened for at least one member pair.
   *
   * @param expected the flows the change should open ({@link SgreachAssertions#flow})
   * @return this assertion
   */
  public ChangeAssert opensOnly(ExpectedFlow... expected) {
    List<FlowChange> unexpected = new ArrayList<>();
    for (FlowChange f : opening(false)) {
      if (!(f.kind() == FlowChange.Kind.OPENED && covered(f, expected))) {
        unexpected.add(f);
      }
    }
    List<ExpectedFlow> missing = new ArrayList<>();
    for (ExpectedFlow e : expected) {
      if (actual.opened().stream().noneMatch(f -> opens(f, e))) {
        missing.add(e);
      }
    }
    if (!unexpected.isEmpty() || !missing.isEmpty()) {
      throwAssertionError(shouldOpenOnly(change.description(), List.of(expected), unexpected, missing));
    }
    return myself;
  }

  /**
   * Verifies that the change closes no flow (and makes no allowed flow's verdict unknown).
   *
   * @return this assertion
   */
  public ChangeAssert closesNothing() {
    List<FlowChange> closed = actual.flows().stream().filter(f -> f.kind() == FlowChange.Kind.CLOSED
        || f.kind() == FlowChange.Kind.UNKNOWN && f.before().map(b -> b.isAllowed()).orElse(false))
        .toList();
    if (!closed.isEmpty()) {
      throwAssertionError(shouldCloseNothing(change.description(), closed));
    }
    return myself;
  }

  /** The opened flows, and the unknown ones that were not allowed before (they may open), optionally internet only. */
  private List<FlowChange> opening(boolean internetOnly) {
    return actual.flows().stream()
        .filter(f -> f.kind() == FlowChange.Kind.OPENED
            || f.kind() == FlowChange.Kind.UNKNOWN && !f.before().map(b -> b.isAllowed()).orElse(false))
        .filter(f -> !internetOnly || f.from().isInternet())
        .toList();
  }

  /** True when every member pair and key of an opened flow is one of the expected flows. */
  private boolean covered(FlowChange f, ExpectedFlow[] expected) {
    for (String x : f.from().isInternet() ? List.of("") : f.from().interfaceIds()) {
      for (String y : f.to().interfaceIds()) {
        List<Traffic> keys = new ArrayList<>();
        for (ExpectedFlow e : expected) {
          if (matches(e, f.from().isInternet(), x, y)) {
            keys.add(e.traffic());
          }
        }
        if (!f.traffic().without(keys).isEmpty()) {
          return false;
        }
      }
    }
    return true;
  }

  private boolean opens(FlowChange f, ExpectedFlow e) {
    if (!f.traffic().contains(e.traffic())) {
      return false;
    }
    for (String x : f.from().isInternet() ? List.of("") : f.from().interfaceIds()) {
      for (String y : f.to().interfaceIds()) {
        if (matches(e, f.from().isInternet(), x, y)) {
          return true;
        }
      }
    }
    return false;
  }

  private boolean matches(ExpectedFlow e, boolean internet, String x, String y) {
    if (e.from().isEmpty() != internet || !enis(e.to()).contains(y)) {
      return false;
    }
    return internet || enis(e.from().get()).contains(x);
  }

  private Set<String> enis(dev.sgreach.engine.Endpoint e) {
    return after.resolve(e).stream().map(Member::eni).flatMap(java.util.Optional::stream).map(n -> n.id())
        .collect(Collectors.toSet());
  }

  /** The networks compared, for messages. */
  Network beforeNetwork() {
    return before.network();
  }
}
