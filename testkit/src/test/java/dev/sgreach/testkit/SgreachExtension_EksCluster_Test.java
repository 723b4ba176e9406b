package dev.sgreach.testkit;

import static dev.sgreach.testkit.SgreachAssertions.assertThat;
import static dev.sgreach.testkit.SgreachAssertions.controlPlane;
import static dev.sgreach.testkit.SgreachAssertions.tcp;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.BDDAssertions.then;

import dev.sgreach.eks.EksCluster;
import dev.sgreach.eks.SeedClusters;
import dev.sgreach.engine.Reachability;
import dev.sgreach.model.Network;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

@SgreachSnapshot(value = SgreachExtension_EksCluster_Test.FOLDER, cluster = "ekscluster1")
class SgreachExtension_EksCluster_Test {
  static final String FOLDER = "examples/ekscluster1";

  @SgreachSnapshot static EksCluster shared;
  @SgreachSnapshot EksCluster cluster;
  @SgreachSnapshot Network network;
  static EksCluster fromBeforeAll;

  @BeforeAll
  static void before(EksCluster injected) {
    fromBeforeAll = injected;
  }

  @Test
  void should_inject_the_named_cluster_of_the_class_snapshot() {
    then(cluster.name()).isEqualTo("ekscluster1");
    then(cluster.network()).isSameAs(network).isEqualTo(SeedClusters.publicAndPrivate());
    assertThat(cluster).nodegroup("ng1").canReach(controlPlane()).on(tcp(443));
  }

  @Test
  void should_recognise_the_cluster_once_per_class(EksCluster parameter, Reachability engine) {
    then(parameter).isSameAs(cluster).isSameAs(shared).isSameAs(fromBeforeAll);
    then(engine.network()).isSameAs(cluster.network());
  }

  @Test
  void should_take_the_snapshots_only_cluster_when_none_is_named() {
    // GIVEN
    SgreachExtension.Loaded loaded = new SgreachExtension.Loaded(NetworkSource.snapshot(Path.of(FOLDER)));
    // WHEN
    EksCluster only = loaded.cluster("", FOLDER);
    // THEN
    then(only.name()).isEqualTo("ekscluster1");
    then(loaded.cluster("ekscluster1", FOLDER)).isSameAs(only);
  }

  @Test
  void should_name_the_clusters_found_when_the_named_one_is_missing() {
    // GIVEN
    SgreachExtension.Loaded loaded = new SgreachExtension.Loaded(NetworkSource.snapshot(Path.of(FOLDER)));
    // WHEN
    Throwable thrown = catchThrowable(() -> loaded.cluster("prod", FOLDER));
    // THEN
    then(thrown).isInstanceOf(ExtensionConfigurationException.class).hasMessage("snapshot examples/ekscluster1: no EKS"
        + " cluster 'prod' in the snapshot; clusters found: ekscluster1");
  }

  @Test
  void should_say_when_a_snapshot_has_no_cluster() {
    // GIVEN
    SgreachExtension.Loaded loaded = new SgreachExtension.Loaded(
        NetworkSource.snapshot(Path.of(SgreachExtension_Test.FOLDER)));
    // WHEN
    Throwable thrown = catchThrowable(() -> loaded.cluster("", SgreachExtension_Test.FOLDER));
    // THEN
    then(thrown).isInstanceOf(ExtensionConfigurationException.class)
        .hasMessage("snapshot " + SgreachExtension_Test.FOLDER + " shows no EKS cluster");
  }
}
