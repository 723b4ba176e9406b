package dev.sgreach.testkit;

import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.BDDAssertions.then;

import dev.sgreach.eks.EksCluster;
import dev.sgreach.engine.PodSecurityGroupMode;
import dev.sgreach.engine.Reachability;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

/**
 * {@link SgreachSnapshot#podSgMode()}: the VPC CNI mode (VPC CNI README, POD_SECURITY_GROUP_ENFORCING_MODE) the
 * injected engine and cluster assume for pods with security groups.
 */
@SgreachSnapshot(value = SgreachExtension_EksCluster_Test.FOLDER, cluster = "ekscluster1", podSgMode = "standard")
class SgreachExtension_podSgMode_Test {
  @SgreachSnapshot EksCluster cluster;

  @Test
  void should_inject_an_engine_and_a_cluster_assuming_the_named_mode(Reachability engine) {
    then(engine.podSecurityGroupMode()).isEqualTo(PodSecurityGroupMode.STANDARD);
    then(cluster.podSecurityGroupMode()).isEqualTo(PodSecurityGroupMode.STANDARD);
    // the pod's own node reaches it without any rule: in standard mode that traffic meets no security group
    then(engine.reach("eni-8f006b6d8ce3597d0", "eni-74499aa33b730849e", dev.sgreach.model.Traffic.tcp(1))
        .explain()).contains("meets no security group");
  }

  @Test
  void should_take_the_cnis_default_when_no_mode_is_named() {
    then(SgreachExtension.podMode("")).isEqualTo(PodSecurityGroupMode.DEFAULT).isEqualTo(PodSecurityGroupMode.STRICT);
  }

  @Test
  void should_name_the_two_modes_when_the_mode_is_unknown() {
    // WHEN
    Throwable thrown = catchThrowable(() -> SgreachExtension.podMode("loose"));
    // THEN
    then(thrown).isInstanceOf(ExtensionConfigurationException.class).hasMessage("@SgreachSnapshot(podSgMode ="
        + " \"loose\"): write strict or standard (the VPC CNI's POD_SECURITY_GROUP_ENFORCING_MODE)");
  }
}
