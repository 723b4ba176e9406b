package dev.sgreach.snapshot.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sgreach.snapshot.Snapshots;
import dev.sgreach.eks.EksCluster;
import dev.sgreach.eks.SeedClusters;
import dev.sgreach.model.Network;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The seed's two clusters ship as snapshot folders under {@code examples/}, written by the EKS topology builder through
 * the snapshot writer. This test keeps them current: the folder must read back as exactly the network the builder
 * makes today, and the cluster in it must pass the EKS checks.
 *
 * <p>To regenerate after changing the builder: {@code ./mvnw -B -ntp -pl aws-adapter -am test
 * -Dtest=ShippedExamplesTest -Dsurefire.failIfNoSpecifiedTests=false -Dsgreach.writeExamples=true}.
 */
class ShippedExamplesTest {
  private static final Path EXAMPLES = Path.of("..", "examples");

  @ParameterizedTest
  @CsvSource({"ekscluster1", "ekscluster-privonly"})
  void example_folder_is_what_the_builder_makes_and_passes_the_eks_checks(String name) throws Exception {
    Supplier<Network> seed = name.equals("ekscluster1") ? SeedClusters::publicAndPrivate : SeedClusters::privateOnly;
    Network built = seed.get();
    Path folder = EXAMPLES.resolve(name);
    if (Boolean.getBoolean("sgreach.writeExamples")) {
      Files.createDirectories(folder);
      Snapshots.write(built, folder);
    }
    Network shipped = Snapshots.read(folder);
    assertThat(shipped).as("examples/%s differs from SeedClusters; regenerate it (see this class's javadoc)", name)
        .isEqualTo(built);
    assertThat(EksCluster.of(shipped, name).lint().hasErrors()).isFalse();
  }
}
