package dev.sgreach.testkit;

import static dev.sgreach.testkit.error.ShouldExposeToInternetOnly.shouldExposeToInternetOnly;
import static dev.sgreach.testkit.error.ShouldNotBeExposedToInternet.shouldNotBeExposedToInternet;

import com.google.common.collect.Lists;
import dev.sgreach.engine.Endpoint;
import dev.sgreach.engine.Exposure;
import dev.sgreach.engine.Member;
import dev.sgreach.engine.OpenPorts;
import dev.sgreach.model.Traffic;
import dev.sgreach.testkit.error.ExposureFinding;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.assertj.core.api.AbstractAssert;
import org.assertj.core.error.ErrorMessageFactory;

/**
 * Assertions about one endpoint of a network (an ENI, an address, an instance, a security group, an EKS role): what it
 * can reach, what can reach it, and what the internet can open to it. Obtain it with
 * {@code assertThat(network).endpoint(x)} or {@code assertThat(cluster).nodegroup("ng1")}; every check asks the
 * engine and reads its answer.
 *
 * <pre>{@code
 * assertThat(network).endpoint(securityGroup("sg-web")).canReach(securityGroup("sg-db")).on(tcp(5432));
 * assertThat(network).endpoint(eni("eni-db")).isNotExposedToInternet();
 * assertThat(cluster).nodegroup("ng1").canReach(controlPlane()).on(tcp(443));
 * }</pre>
 *
 * <p>Reached from {@code assertThat(cluster)}, the checks also take {@link EksRole}s ({@code controlPlane()},
 * {@code nodegroup("ng1")}, ...), resolved against that cluster. A group-valued endpoint (an instance, a security
 * group, a role) is answered per member: a failure gives the coverage ({@code all}, {@code some}, {@code none}) and the
 * outcome of every member flow.
 */
public class EndpointAssert extends AbstractAssert<EndpointAssert, Endpoint> {
  private final Scope scope;

  EndpointAssert(Endpoint actual, Scope scope) {
    super(actual, EndpointAssert.class);
    this.scope = scope;
    scope.describe(this);
  }

  private void fail(ErrorMessageFactory factory) {
    scope.fail(assertionError(factory));
  }

  /**
   * Starts a check that this endpoint can open flows to {@code to}: follow with {@code on(...)} or
   * {@code onlyOn(...)}.
   *
   * @param to the destination
   * @return the assertion on the flow
   */
  public CanReachAssert canReach(Endpoint to) {
    isNotNull();
    return new CanReachAssert(actual, requireEndpoint(to, "to"), scope);
  }

  /**
   * Starts a check that this endpoint can open flows to a role of the cluster the chain started from: follow with
   * {@code on(...)} or {@code onlyOn(...)}.
   *
   * @param to the destination role, e.g. {@code controlPlane()}
   * @return the assertion on the flow
   * @throws IllegalArgumentException when the chain did not start from {@code assertThat(cluster)}
   */
  public CanReachAssert canReach(EksRole to) {
    return canReach(scope.resolve(to));
  }

  /**
   * Starts a check that this endpoint cannot open flows to {@code to}: follow with {@code on(...)} or
   * {@code onAnyPort()}.
   *
   * @param to the destination
   * @return the assertion on the flow
   */
  public CannotReachAssert cannotReach(Endpoint to) {
    isNotNull();
    return new CannotReachAssert(actual, requireEndpoint(to, "to"), scope);
  }

  /**
   * Starts a check that this endpoint cannot open flows to a role of the cluster the chain started from: follow with
   * {@code on(...)} or {@code onAnyPort()}.
   *
   * @param to the destination role, e.g. {@code controlPlane()}
   * @return the assertion on the flow
   * @throws IllegalArgumentException when the chain did not start from {@code assertThat(cluster)}
   */
  public CannotReachAssert cannotReach(EksRole to) {
    return cannotReach(scope.resolve(to));
  }

  /**
   * Verifies that exactly the given traffic, and nothing else, gets through from this endpoint to {@code to}, for
   * every member pair; the same as {@code canReach(to).onlyOn(first, more...)}.
   *
   * @param to the destination
   * @param first the first traffic expected to be open
   * @param more the rest of it
   * @return this assertion, to chain more checks on the endpoint
   */
  public EndpointAssert canReachOnlyOn(Endpoint to, Traffic first, Traffic... more) {
    canReach(to).onlyOn(first, more);
    return myself;
  }

  /**
   * {@link #canReachOnlyOn(Endpoint, Traffic, Traffic...)} to a role of the cluster the chain started from.
   *
   * @param to the destination role
   * @param first the first traffic expected to be open
   * @param more the rest of it
   * @return this assertion, to chain more checks on the endpoint
   * @throws IllegalArgumentException when the chain did not start from {@code assertThat(cluster)}
   */
  public EndpointAssert canReachOnlyOn(EksRole to, Traffic first, Traffic... more) {
    return canReachOnlyOn(scope.resolve(to), first, more);
  }

  /**
   * Starts a check that only the given sources can open flows to this endpoint: follow with {@code on(...)}. A
   * reacher is covered when it is one of the ENIs a source stands for, or an outside block inside an address or
   * block source ({@link SgreachAssertions#cidr(String)}).
   *
   * @param first the first allowed source
   * @param more the other allowed sources
   * @return the assertion on the reachers
   */
  public ReachableOnlyFromAssert isReachableOnlyFrom(Endpoint first, Endpoint... more) {
    isNotNull();
    List<Endpoint> sources = Lists.asList(first, more);
    sources.forEach(s -> requireEndpoint(s, "source"));
    return new ReachableOnlyFromAssert(actual, sources, scope);
  }

  /**
   * {@link #isReachableOnlyFrom(Endpoint, Endpoint...)} with roles of the cluster the chain started from as the
   * sources: follow with {@code on(...)}.
   *
   * @param first the first allowed role, e.g. {@code loadBalancers()}
   * @param more the other allowed roles
   * @return the assertion on the reachers
   * @throws IllegalArgumentException when the chain did not start from {@code assertThat(cluster)}
   */
  public ReachableOnlyFromAssert isReachableOnlyFrom(EksRole first, EksRole... more) {
    List<Endpoint> sources = Lists.asList(first, more).stream().map(scope::resolve).toList();
    return isReachableOnlyFrom(sources.get(0), sources.subList(1, sources.size()).toArray(Endpoint[]::new));
  }

  /**
   * Verifies that the internet can open nothing to any ENI this endpoint stands for: no inbound rule admits a public
   * address block (the security-group view; see {@link dev.sgreach.engine.Exposure}).
   *
   * @return this assertion
   */
  public EndpointAssert isNotExposedToInternet() {
    isNotNull();
    Exposure exposure = scope.reachability().exposure(actual);
    if (!exposure.isEmpty()) {
      fail(shouldNotBeExposedToInternet(actual.label(), exposure));
    }
    return myself;
  }

  /**
   * Verifies that the internet can open exactly the given traffic, and nothing else, to every ENI this endpoint
   * stands for.
   *
   * @param first the first traffic expected to be open from the internet
   * @param more the rest of it
   * @return this assertion
   */
  public EndpointAssert exposesToInternetOnly(Traffic first, Traffic... more) {
    isNotNull();
    List<Traffic> expected = Lists.asList(first, more);
    List<ExposureFinding> findings = new ArrayList<>();
    for (Member m : scope.reachability().resolve(actual)) {
      if (m.eni().isEmpty()) {
        continue;
      }
      Optional<Exposure.Exposed> exposed = scope.reachability().exposure(Endpoint.eni(m.eni().get().id()))
          .interfaces().stream().findFirst();
      OpenPorts open = exposed.map(Exposure.Exposed::open).orElse(null);
      List<Traffic> notOpen = CanReachAssert.notOpen(open, expected);
      String beyond = open == null ? "" : CanReachAssert.describe(open.without(expected));
      if (!notOpen.isEmpty() || !beyond.isEmpty()) {
        findings.add(new ExposureFinding(m.eni().get(), exposed, notOpen, beyond));
      }
    }
    if (!findings.isEmpty()) {
      fail(shouldExposeToInternetOnly(actual, expected, findings));
    }
    return myself;
  }

  static <T> T requireEndpoint(T value, String name) {
    if (value == null) {
      throw new NullPointerException(name + " must not be null: use eni(..), address(..), securityGroup(..), ...");
    }
    return value;
  }
}
