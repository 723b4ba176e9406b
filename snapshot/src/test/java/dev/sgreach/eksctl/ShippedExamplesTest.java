package dev.sgreach.eksctl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sgreach.eks.SeedClusters;
import dev.sgreach.engine.Endpoint;
import dev.sgreach.engine.Outcome;
import dev.sgreach.engine.Reachability;
import dev.sgreach.model.Traffic;
import dev.sgreach.model.Network;
import dev.sgreach.planned.PlannedNetwork;
import dev.sgreach.planned.Unknown;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The seed's two ClusterConfig files ship verbatim beside the snapshot folders they describe. The folders hold
 * exactly what {@link SeedClusters} builds (aws-adapter's {@code ShippedExamplesTest} keeps them equal); these tests
 * show that the part of each that eksctl and EKS create (groups, rules, control-plane and node ENIs) is what
 * {@link EksctlConfig} predicts from the file. The rest comes from elsewhere and is not in a ClusterConfig: apps,
 * ingresses, the AWS Load Balancer Controller's groups and pods with their own groups come from Kubernetes objects;
 * the private cluster's VPC, shared group, bastion and endpoints (its file says {@code skipEndpointCreation: true})
 * were the user's before eksctl ran.
 */
class ShippedExamplesTest {
  private static final Path EXAMPLES = Path.of("..", "examples");

  /**
   * The shipped network with the prediction's stand-in addresses marked: a snapshot holds real addresses, a
   * prediction stand-ins for those AWS assigns (each one an ADDRESS unknown).
   */
  private static Network withStandIns(Network shipped, PlannedNetwork predicted) {
    assertThat(predicted.network().standInAddresses()).as("stand-ins are the ADDRESS unknowns")
        .containsExactlyInAnyOrderEntriesOf(predicted.standInAddresses());
    Network.Builder b = shipped.toBuilder();
    predicted.network().standInAddresses().forEach(b::standIn);
    return b.build();
  }

  @Test
  void ekscluster1_alone_predicts_the_shipped_cluster_without_its_kubernetes_objects() {
    PlannedNetwork predicted = EksctlConfig.read(EXAMPLES.resolve("ekscluster1/eksctl.yaml")).predict();
    Network shipped = ClusterParts.withoutKubernetesObjects(SeedClusters.publicAndPrivate(), "ekscluster1");

    assertThat(predicted.network().securityGroups()).as("groups and rules")
        .containsExactlyInAnyOrderEntriesOf(shipped.securityGroups());
    assertThat(predicted.network().interfaces()).as("control-plane and node ENIs")
        .containsExactlyInAnyOrderEntriesOf(shipped.interfaces());
    assertThat(predicted.network()).isEqualTo(withStandIns(shipped, predicted));
    assertThat(predicted.unknowns()).as("nothing but addresses AWS assigns is unknown for a cluster eksctl makes"
        + " whole").allMatch(u -> u.kind() == Unknown.Kind.ADDRESS);
  }

  @Test
  void ekscluster_privonly_in_the_vpc_it_was_made_in_gives_back_the_shipped_cluster() {
    Network shipped = SeedClusters.privateOnly();
    Network before = ClusterParts.beforeEksctl(shipped, "ekscluster-privonly");
    assertThat(before.interfaces()).as("the user's VPC had its endpoints and bastion").isNotEmpty();

    PlannedNetwork predicted = EksctlConfig.read(EXAMPLES.resolve("ekscluster-privonly/eksctl.yaml")).over(before);

    assertThat(predicted.network().securityGroups()).as("groups and rules")
        .containsExactlyInAnyOrderEntriesOf(shipped.securityGroups());
    assertThat(predicted.network().interfaces()).as("ENIs")
        .containsExactlyInAnyOrderEntriesOf(shipped.interfaces());
    assertThat(predicted.network()).isEqualTo(withStandIns(shipped, predicted));
    assertThat(predicted.unknowns(Unknown.Kind.SECURITY_GROUP_RULES)).as("the shared group comes from the snapshot")
        .isEmpty();
  }

  @Test
  void ekscluster_privonly_alone_knows_eksctls_part_and_leaves_the_users_shared_group_unknown() {
    PlannedNetwork p = EksctlConfig.read(EXAMPLES.resolve("ekscluster-privonly/eksctl.yaml")).predict();
    assertThat(p.unknowns(Unknown.Kind.SECURITY_GROUP_RULES)).singleElement().satisfies(u -> {
      assertThat(u.resource()).isEqualTo("vpc.sharedNodeSecurityGroup");
      assertThat(u.subject()).isEqualTo("sg-07bb:rules");
    });
    assertThat(p.resources().keySet()).as("skipEndpointCreation: true").noneMatch(k -> k.contains("VPCEndpoint"));
    String node = p.resource("eksctl-ekscluster-privonly-nodegroup-managed-ng/ManagedNodeGroup").orElseThrow()
        .interfaceIds().get(0);
    Reachability r = Reachability.of(p.network());
    for (String cp : p.resource("eks:ekscluster-privonly/control-plane").orElseThrow().interfaceIds()) {
      assertThat(r.reach(Endpoint.eni(node), Endpoint.eni(cp), Traffic.tcp(443)).outcome())
          .as("managed nodes and the control plane share the cluster SG").isEqualTo(Outcome.ALLOWED);
      assertThat(r.reach(Endpoint.eni(cp), Endpoint.eni(node), Traffic.tcp(10250)).outcome())
          .isEqualTo(Outcome.ALLOWED);
    }
    assertThat(p.network().interfaces().values()).as("nothing eksctl makes carries the user's group")
        .noneMatch(e -> e.securityGroupIds().contains("sg-07bb"));
  }
}
