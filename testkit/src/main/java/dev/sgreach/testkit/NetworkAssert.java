package dev.sgreach.testkit;

import static dev.sgreach.testkit.error.ShouldHaveNoStaleReferences.shouldHaveNoStaleReferences;
import static dev.sgreach.testkit.error.ShouldNotBeExposedToInternet.shouldNotBeExposedToInternet;

import dev.sgreach.engine.Endpoint;
import dev.sgreach.engine.Exposure;
import dev.sgreach.model.Network;
import dev.sgreach.model.Warning;
import java.util.List;
import org.assertj.core.api.AbstractAssert;
import org.assertj.core.api.AssertionErrorCollector;

/**
 * Assertions about a {@link Network}: the door to flow assertions through {@link #endpoint(Endpoint)}, and checks of
 * the whole snapshot. The network is compiled once by the engine and reused while the test keeps asserting on the
 * same network object.
 *
 * <pre>{@code
 * assertThat(network).hasNoStaleReferences();
 * assertThat(network).endpoint(eni("eni-web")).canReach(eni("eni-db")).on(tcp(5432));
 * }</pre>
 */
public class NetworkAssert extends AbstractAssert<NetworkAssert, Network> {
  private AssertionErrorCollector collector;

  /**
   * An assertion on this network; prefer {@link SgreachAssertions#assertThat(Network)}. Public, with exactly the
   * actual type, for AssertJ's soft-assertion proxies.
   *
   * @param actual the network
   */
  public NetworkAssert(Network actual) {
    super(actual, NetworkAssert.class);
  }

  /** In soft mode, the assertions reached through this one collect their failures here instead of throwing. */
  void collectInto(AssertionErrorCollector softly) {
    this.collector = softly;
  }

  /**
   * Assertions about one endpoint of this network.
   *
   * @param endpoint an ENI, address, instance, security group or EKS role ({@link SgreachAssertions#eni(String)},
   *     ...)
   * @return the assertion on the endpoint
   * @throws IllegalArgumentException when the endpoint names nothing in the network
   */
  public EndpointAssert endpoint(Endpoint endpoint) {
    isNotNull();
    EndpointAssert.requireEndpoint(endpoint, "endpoint");
    Scope scope = scope();
    scope.reachability().resolve(endpoint);
    return new EndpointAssert(endpoint, scope);
  }

  /**
   * Assertions about one endpoint, written as the command line writes it: {@code eni-...}, {@code i-...},
   * {@code sg-...} or an IPv4/IPv6 address.
   *
   * @param endpoint the endpoint's text
   * @return the assertion on the endpoint
   * @throws IllegalArgumentException when the text is none of these forms or names nothing in the network
   */
  public EndpointAssert endpoint(String endpoint) {
    return endpoint(Endpoint.parse(endpoint));
  }

  /**
   * Assertions about the change from {@code before} to this network: what it opens and closes.
   *
   * <pre>{@code
   * assertThat(after).comparedTo(before).opensNothing();
   * }</pre>
   *
   * @param before the network before the change
   * @return the assertion on the change
   */
  public ChangeAssert comparedTo(Network before) {
    isNotNull();
    if (before == null) {
      throw new IllegalArgumentException("comparedTo needs the network before the change");
    }
    return new ChangeAssert(new Change(before, actual, "the change"));
  }

  Scope scope() {
    return new Scope(Engines.of(actual), collector, info.description(), null);
  }

  /**
   * Verifies that no rule references a security group missing from the snapshot, or one across a peering that is no
   * longer active or joins two Regions (such rules match nothing, or only what still happens to carry the group id),
   * and that no ENI carries a group missing from the snapshot (its verdicts would be unknown).
   *
   * @return this assertion
   */
  public NetworkAssert hasNoStaleReferences() {
    isNotNull();
    List<Warning> stale = actual.warnings().stream()
        .filter(w -> w.kind() == Warning.Kind.STALE_REFERENCE || w.kind() == Warning.Kind.STALE_PEERING_REFERENCE
            || w.kind() == Warning.Kind.MISSING_SECURITY_GROUP)
        .toList();
    if (!stale.isEmpty()) {
      throwAssertionError(shouldHaveNoStaleReferences(actual, stale));
    }
    return myself;
  }

  /**
   * Verifies that the internet can open nothing to any ENI of the network.
   *
   * @return this assertion
   */
  public NetworkAssert isNotExposedToInternet() {
    isNotNull();
    Exposure exposure = Engines.of(actual).exposure();
    if (!exposure.isEmpty()) {
      throwAssertionError(shouldNotBeExposedToInternet("network", exposure));
    }
    return myself;
  }
}
