package dev.sgreach.testkit;

import dev.sgreach.eks.EksCluster;
import dev.sgreach.engine.OpenPorts;
import dev.sgreach.engine.Reachability;
import dev.sgreach.engine.Verdict;
import dev.sgreach.model.Network;
import java.util.function.Consumer;
import org.assertj.core.api.AbstractSoftAssertions;
import org.assertj.core.api.SoftAssertionsProvider;
import org.assertj.core.annotation.CheckReturnValue;

/**
 * Soft assertions over sgreach's vocabulary: every failing flow of a test is collected and reported together by
 * {@link #assertAll()}, including failures of the assertions reached through {@code endpoint(x).canReach(y)}.
 *
 * <pre>{@code
 * SgreachSoftAssertions softly = new SgreachSoftAssertions();
 * softly.assertThat(network).endpoint(eni("eni-web")).canReach(eni("eni-db")).on(tcp(5432));
 * softly.assertThat(network).endpoint(eni("eni-db")).isNotExposedToInternet();
 * softly.assertAll();
 * }</pre>
 *
 * <p>Works with AssertJ's {@code SoftAssertionsExtension} ({@code @InjectSoftAssertions SgreachSoftAssertions
 * softly;}) and {@link #assertSoftly(Consumer)}.
 */
@CheckReturnValue
public class SgreachSoftAssertions extends AbstractSoftAssertions {

  /** A new, empty collector of failures. */
  public SgreachSoftAssertions() {}

  /**
   * Runs soft assertions and reports every failure together at the end.
   *
   * @param softly the assertions, given a fresh {@code SgreachSoftAssertions}
   */
  public static void assertSoftly(Consumer<SgreachSoftAssertions> softly) {
    SoftAssertionsProvider.assertSoftly(SgreachSoftAssertions.class, softly);
  }

  /**
   * Soft assertions about a network.
   *
   * @param actual the network
   * @return the assertion
   */
  public NetworkAssert assertThat(Network actual) {
    NetworkAssert a = proxy(NetworkAssert.class, Network.class, actual);
    a.collectInto(this);
    return a;
  }

  /**
   * Soft assertions about an EKS cluster, including the flow assertions reached through its roles.
   *
   * @param actual the cluster
   * @return the assertion
   */
  public EksClusterAssert assertThat(EksCluster actual) {
    EksClusterAssert a = proxy(EksClusterAssert.class, EksCluster.class, actual);
    a.collectInto(this);
    return a;
  }

  /**
   * Soft assertions about the network of an already compiled engine.
   *
   * @param actual the engine
   * @return the assertion on its network
   */
  public NetworkAssert assertThat(Reachability actual) {
    return assertThat(actual == null ? null : Engines.remember(actual).network());
  }

  /**
   * Soft assertions about a verdict.
   *
   * @param actual the verdict
   * @return the assertion
   */
  public VerdictAssert assertThat(Verdict actual) {
    return proxy(VerdictAssert.class, Verdict.class, actual);
  }

  /**
   * Soft assertions about open ports.
   *
   * @param actual the open ports
   * @return the assertion
   */
  public OpenPortsAssert assertThat(OpenPorts actual) {
    return proxy(OpenPortsAssert.class, OpenPorts.class, actual);
  }
}
