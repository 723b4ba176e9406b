package dev.sgreach.eks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sgreach.engine.Outcome;
import dev.sgreach.model.Layer;
import dev.sgreach.model.Network;
import dev.sgreach.model.NetworkInterface;
import dev.sgreach.model.RouteTarget;
import dev.sgreach.model.Traffic;
import dev.sgreach.model.VpcEndpoint;
import dev.sgreach.path.ExplanationCode;
import dev.sgreach.path.Hop;
import dev.sgreach.path.PacketPaths;
import dev.sgreach.path.PathEnd;
import dev.sgreach.path.PathVerdict;
import org.junit.jupiter.api.Test;

/**
 * The packet path the EKS builder generates for the seed's two clusters, as DOMAIN-PATH.md table 7 describes eksctl's
 * VPCs: the private cluster's private subnets route nowhere out of the VPC but to the S3 gateway endpoint, and its
 * interface endpoints are reached by the local route; the public-and-private cluster's private subnets go out through
 * one NAT gateway, its public subnets through an internet gateway; both VPCs keep AWS's default allow-all ACL.
 */
class SeedPathTest {
  private static NetworkInterface node(Network n, String nodegroup) {
    return n.interfaces().values().stream().filter(e -> e.instanceId().isPresent()
        && EksCluster.of(n, n.eksClusters().keySet().iterator().next()).interfaces().stream().anyMatch(i -> i.eni()
            .equals(e) && i.nodegroup().filter(nodegroup::equals).isPresent())).findFirst().orElseThrow();
  }

  @Test
  void thePrivateClustersNodesReachTheirEndpointsAndS3ButNotTheInternet() {
    Network n = SeedClusters.privateOnly();
    PacketPaths paths = PacketPaths.of(n);
    NetworkInterface node = node(n, "managed-ng");

    assertThat(n.layers()).contains(Layer.NETWORK_ACLS, Layer.ROUTES);
    assertThat(n.natGateways()).isEmpty();
    PathVerdict internet = paths.check(PathEnd.of(node), PathEnd.outside("8.8.8.8"), Traffic.tcp(443));
    assertThat(internet.blockingHop().orElseThrow().code()).as(internet.explain())
        .contains(ExplanationCode.NO_ROUTE_TO_DESTINATION);

    VpcEndpoint s3 = n.vpcEndpoints().values().stream().filter(e -> e.type() == VpcEndpoint.Type.GATEWAY)
        .findFirst().orElseThrow();
    assertThat(s3.serviceName()).isEqualTo("com.amazonaws.us-east-2.s3");
    PathVerdict toS3 = paths.check(PathEnd.of(node), PathEnd.outside("198.51.100.7"), Traffic.tcp(443));
    assertThat(toS3.outcome()).as(toS3.explain()).isEqualTo(Outcome.ALLOWED);
    assertThat(toS3.forward()).extracting(Hop::component).contains(s3.id());

    VpcEndpoint ecr = n.vpcEndpoints().values().stream().filter(e -> e.serviceName().endsWith(".ecr.dkr"))
        .findFirst().orElseThrow();
    assertThat(ecr.subnetIds()).contains(node.subnetId());
    for (String eni : ecr.networkInterfaceIds()) {
      PathVerdict v = paths.check(PathEnd.of(node), PathEnd.of(n.interfaces().get(eni)), Traffic.tcp(443));
      assertThat(v.outcome()).as(v.explain()).isEqualTo(Outcome.ALLOWED);
    }
  }

  @Test
  void thePublicClustersPrivateNodesGoOutThroughTheNatGateway() {
    Network n = SeedClusters.publicAndPrivate();
    PacketPaths paths = PacketPaths.of(n);
    NetworkInterface node = node(n, "mng1");

    PathVerdict v = paths.check(PathEnd.of(node), PathEnd.outside("8.8.8.8"), Traffic.tcp(443));

    assertThat(v.outcome()).as(v.explain()).isEqualTo(Outcome.ALLOWED);
    String nat = n.natGateways().keySet().iterator().next();
    String igw = n.internetGateways().keySet().iterator().next();
    assertThat(v.forward()).extracting(Hop::component).containsSubsequence(nat, igw);
    assertThat(n.routeTables().values()).filteredOn(t -> t.subnetIds().contains(node.subnetId())).singleElement()
        .satisfies(t -> assertThat(t.routes()).anySatisfy(r -> assertThat(r.target()).isEqualTo(RouteTarget.of(nat))));
    assertThat(n.networkAcls().values()).singleElement().satisfies(acl -> {
      assertThat(acl.isDefault()).isTrue();
      assertThat(acl.subnetIds()).containsExactlyInAnyOrderElementsOf(n.subnets().keySet());
    });
  }
}
