package dev.sgreach.testkit;

import static dev.sgreach.testkit.error.ShouldBeBlockedAt.shouldBeBlockedAt;
import static dev.sgreach.testkit.error.ShouldHaveCoverage.shouldHaveCoverage;
import static dev.sgreach.testkit.error.ShouldHaveOutcome.shouldHaveOutcome;

import dev.sgreach.engine.Coverage;
import dev.sgreach.engine.Outcome;
import dev.sgreach.engine.SideCheck;
import dev.sgreach.engine.Verdict;
import dev.sgreach.model.Direction;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions about a {@link Verdict} the engine gave: its outcome, its coverage over member flows, and the side that
 * blocks it. Failures print the verdict's proof.
 *
 * <pre>{@code
 * assertThat(reachability.reach(eni("eni-web"), eni("eni-db"), tcp(5432))).isAllowed();
 * }</pre>
 */
public class VerdictAssert extends AbstractAssert<VerdictAssert, Verdict> {

  /**
   * An assertion on this verdict; prefer {@link SgreachAssertions#assertThat(Verdict)}. Public, with exactly the
   * actual type, for AssertJ's soft-assertion proxies.
   *
   * @param actual the verdict
   */
  public VerdictAssert(Verdict actual) {
    super(actual, VerdictAssert.class);
  }

  /**
   * Verifies that every member flow is allowed.
   *
   * @return this assertion
   */
  public VerdictAssert isAllowed() {
    return hasOutcome(Outcome.ALLOWED);
  }

  /**
   * Verifies that the verdict is denied: at least one member flow is denied.
   *
   * @return this assertion
   */
  public VerdictAssert isDenied() {
    return hasOutcome(Outcome.DENIED);
  }

  /**
   * Verifies that the verdict is unknown: it depends on data the snapshot lacks.
   *
   * @return this assertion
   */
  public VerdictAssert isUnknown() {
    return hasOutcome(Outcome.UNKNOWN);
  }

  private VerdictAssert hasOutcome(Outcome expected) {
    isNotNull();
    if (actual.outcome() != expected) {
      throwAssertionError(shouldHaveOutcome(actual, expected));
    }
    return myself;
  }

  /**
   * Verifies that every member flow is allowed (coverage {@code all}).
   *
   * @return this assertion
   */
  public VerdictAssert isAllowedForAll() {
    return hasCoverage(Coverage.ALL);
  }

  /**
   * Verifies that some member flows are allowed and others are not (coverage {@code some}).
   *
   * @return this assertion
   */
  public VerdictAssert isAllowedForSome() {
    return hasCoverage(Coverage.SOME);
  }

  /**
   * Verifies that no member flow is allowed (coverage {@code none}).
   *
   * @return this assertion
   */
  public VerdictAssert isAllowedForNone() {
    return hasCoverage(Coverage.NONE);
  }

  private VerdictAssert hasCoverage(Coverage expected) {
    isNotNull();
    if (actual.coverage() != expected) {
      throwAssertionError(shouldHaveCoverage(actual, expected));
    }
    return myself;
  }

  /**
   * Verifies that the verdict is denied and that every denied member flow is blocked by the receiver's inbound rules
   * (perhaps also by the sender's outbound rules).
   *
   * @return this assertion
   */
  public VerdictAssert isBlockedAtIngress() {
    return isBlockedAt(Direction.INGRESS);
  }

  /**
   * Verifies that the verdict is denied and that every denied member flow is blocked by the sender's outbound rules
   * (perhaps also by the receiver's inbound rules).
   *
   * @return this assertion
   */
  public VerdictAssert isBlockedAtEgress() {
    return isBlockedAt(Direction.EGRESS);
  }

  private VerdictAssert isBlockedAt(Direction side) {
    isNotNull();
    // the flows of one group are blocked at the same sides (FlowGroup), so its proof speaks for them
    boolean blocked = actual.isDenied() && actual.groups().stream().map(dev.sgreach.engine.FlowGroup::proof)
        .filter(f -> f.outcome() == Outcome.DENIED)
        .allMatch(f -> f.blockingSides().stream().map(SideCheck::direction).anyMatch(side::equals));
    if (!blocked) {
      throwAssertionError(shouldBeBlockedAt(actual, side));
    }
    return myself;
  }
}
