package dev.sgreach.testkit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Names the snapshot folder a test runs against, and registers {@link SgreachExtension}, which injects the network
 * into fields and parameters of type {@link dev.sgreach.model.Network}, {@link dev.sgreach.engine.Reachability} or
 * {@link dev.sgreach.eks.EksCluster}.
 *
 * <pre>{@code
 * @SgreachSnapshot("examples/three-tier")
 * class ThreeTierTest {
 *   @SgreachSnapshot Network network;              // the class's snapshot
 *
 *   @Test
 *   void web_reaches_db(Reachability engine) { ... }  // parameters too
 * }
 *
 * @SgreachSnapshot(value = "examples/ekscluster1", cluster = "ekscluster1")
 * class EksClusterTest {
 *   @SgreachSnapshot EksCluster cluster;           // the class's cluster in the class's snapshot
 * }
 * }</pre>
 *
 * <p>A pull-request pipeline names the change as well, and asserts on it:
 *
 * <pre>{@code
 * @SgreachSnapshot(value = "examples/minimal", plan = "examples/minimal/plan-open-ssh.json")
 * class PlanTest {
 *   @Test
 *   void opens_nothing_to_the_internet(Change change) {
 *     assertThat(change).opensNothingFromInternet();
 *   }
 * }
 * }</pre>
 *
 * <p>On the class the value names the folder; on a field or parameter an empty value means the class's folder, and a
 * value names another one. A relative folder is looked for in the working directory and then its parents. The folder
 * is read once per test class, and each cluster in it recognised once. With {@code -Dsgreach.region=...} or
 * {@code -Dsgreach.profile=...} the network is loaded live instead (see {@link NetworkSource#lookup(String)}).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.FIELD, ElementType.PARAMETER})
@ExtendWith(SgreachExtension.class)
public @interface SgreachSnapshot {
  /**
   * The snapshot folder; empty on a field or parameter for the test class's folder.
   *
   * @return the folder
   */
  String value() default "";

  /**
   * For an {@link dev.sgreach.eks.EksCluster} field or parameter, the cluster's name; empty on a field or parameter
   * for the class's cluster, and when the class names none either, for the snapshot's only cluster.
   *
   * @return the cluster's name
   */
  String cluster() default "";

  /**
   * A Terraform plan ({@code terraform show -json}) to apply over the snapshot: a {@link dev.sgreach.model.Network}
   * (or {@link dev.sgreach.engine.Reachability}) is then the network after {@code terraform apply}, and a
   * {@link Change} the snapshot before and after it. Relative paths are found as the folder is. On the class only.
   *
   * @return the plan file, empty for none
   */
  String plan() default "";

  /**
   * An eksctl ClusterConfig to apply over the snapshot (the cluster eksctl would create in its VPC), as
   * {@link #plan()} does. On the class only.
   *
   * @return the eksctl file, empty for none
   */
  String eksctl() default "";

  /**
   * The VPC CNI's {@code POD_SECURITY_GROUP_ENFORCING_MODE} the injected {@link dev.sgreach.engine.Reachability} and
   * {@link dev.sgreach.eks.EksCluster} assume for pods with security groups: {@code strict} or {@code standard}
   * (a pod's traffic with its own node, the kubelet's probes among it, meets no security group); empty for
   * {@link dev.sgreach.engine.PodSecurityGroupMode#DEFAULT}. The mode is an {@code aws-node} setting, not EC2 data.
   * On the class only.
   *
   * @return the mode, empty for the default
   */
  String podSgMode() default "";
}
