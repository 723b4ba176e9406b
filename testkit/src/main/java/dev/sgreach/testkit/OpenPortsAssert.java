package dev.sgreach.testkit;

import static dev.sgreach.testkit.error.ShouldAllow.shouldAllow;
import static dev.sgreach.testkit.error.ShouldAllowNothing.shouldAllowNothing;
import static dev.sgreach.testkit.error.ShouldAllowOnly.shouldAllowOnly;

import com.google.common.collect.Lists;
import dev.sgreach.engine.OpenPorts;
import dev.sgreach.model.Traffic;
import java.util.List;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions about the {@link OpenPorts} the engine found between two members: which traffic gets through.
 *
 * <pre>{@code
 * assertThat(reachability.openPorts(eni("eni-web"), eni("eni-db"))).allowsOnly(tcp(5432));
 * }</pre>
 */
public class OpenPortsAssert extends AbstractAssert<OpenPortsAssert, OpenPorts> {

  /**
   * An assertion on these open ports; prefer {@link SgreachAssertions#assertThat(OpenPorts)}. Public, with exactly
   * the actual type, for AssertJ's soft-assertion proxies.
   *
   * @param actual the open ports
   */
  public OpenPortsAssert(OpenPorts actual) {
    super(actual, OpenPortsAssert.class);
  }

  /**
   * Verifies that every given traffic is allowed.
   *
   * @param first the first traffic
   * @param more more traffic
   * @return this assertion
   */
  public OpenPortsAssert allows(Traffic first, Traffic... more) {
    isNotNull();
    List<Traffic> expected = Lists.asList(first, more);
    List<Traffic> notOpen = CanReachAssert.notOpen(actual, expected);
    if (!notOpen.isEmpty()) {
      throwAssertionError(shouldAllow(actual, expected, notOpen));
    }
    return myself;
  }

  /**
   * Verifies that exactly the given traffic is allowed, and that nothing else is allowed or unknown.
   *
   * @param first the first traffic
   * @param more more traffic
   * @return this assertion
   */
  public OpenPortsAssert allowsOnly(Traffic first, Traffic... more) {
    isNotNull();
    List<Traffic> expected = Lists.asList(first, more);
    List<Traffic> notOpen = CanReachAssert.notOpen(actual, expected);
    String beyond = CanReachAssert.describe(actual.without(expected));
    if (!notOpen.isEmpty() || !beyond.isEmpty()) {
      throwAssertionError(shouldAllowOnly(actual, expected, notOpen, beyond));
    }
    return myself;
  }

  /**
   * Verifies that nothing is allowed and nothing is unknown.
   *
   * @return this assertion
   */
  public OpenPortsAssert allowsNothing() {
    isNotNull();
    if (!actual.isEmpty() || actual.hasUnknown()) {
      throwAssertionError(shouldAllowNothing(actual));
    }
    return myself;
  }
}
