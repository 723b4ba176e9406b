package dev.sgreach.eks;

import static dev.sgreach.model.Traffic.tcp;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sgreach.engine.Coverage;
import dev.sgreach.engine.Endpoint;
import dev.sgreach.engine.Reachability;
import dev.sgreach.engine.Verdict;
import dev.sgreach.model.Direction;
import dev.sgreach.model.Network;
import dev.sgreach.model.Ports;
import org.junit.jupiter.api.Test;

/** Roles as engine endpoints, and the command line's {@code eks:<cluster>/<role>[:<name>]} syntax. */
class RoleEndpointsTest {
  static final Network PUB = SeedClusters.publicAndPrivate();
  static final EksCluster C = EksCluster.of(PUB, "ekscluster1");

  @Test
  void a_nodegroup_to_the_control_plane_answers_per_member_with_coverage() {
    Verdict all = Reachability.of(PUB).reach(C.nodegroup("ng1"), C.controlPlane(), tcp(443));
    assertThat(all.coverage()).isEqualTo(Coverage.ALL);
    assertThat(all.flows()).hasSize(2);
    assertThat(all.from().label()).isEqualTo("eks:ekscluster1/nodegroup:ng1");
    assertThat(all.to().label()).isEqualTo("eks:ekscluster1/control-plane");

    String cp = C.controlPlaneSecurityGroups().get(0).id();
    Network broken = Variants.withoutRules(PUB, cp, r -> r.direction() == Direction.INGRESS
        && r.ports().equals(Ports.tcp(443)));
    broken = Variants.withoutRules(broken, C.clusterSecurityGroup().orElseThrow().id(),
        Variants.described(EksTags.NODE_TO_CLUSTER_SG_RULE));
    EksCluster b = EksCluster.of(broken, "ekscluster1");
    Reachability r = Reachability.of(broken);
    assertThat(r.reach(b.nodegroup("ng1"), b.controlPlane(), tcp(443)).coverage()).isEqualTo(Coverage.NONE);
    Verdict some = r.reach(b.nodes(), b.controlPlane(), tcp(443));
    assertThat(some.coverage()).isEqualTo(Coverage.SOME);
    assertThat(some.isDenied()).isTrue();
  }

  @Test
  void the_command_line_syntax_names_every_role() {
    for (String role : new String[] {"control-plane", "nodes", "managed-nodes", "self-managed-nodes",
        "nodegroup:ng1", "nodegroup:mng1", "fargate", "pods-with-sg", "load-balancers", "cluster-sg",
        "shared-sg"}) {
      Endpoint e = EksEndpoints.parse(PUB, "eks:ekscluster1/" + role);
      assertThat(e.label()).isEqualTo("eks:ekscluster1/" + role);
      assertThat(Reachability.of(PUB).resolve(e)).as(role).isNotEmpty();
    }
    Network priv = SeedClusters.privateOnly();
    assertThat(Reachability.of(priv).resolve(EksEndpoints.parse(priv, "eks:ekscluster-privonly/endpoints")))
        .hasSize(20);
    assertThat(Reachability.of(priv).resolve(EksEndpoints.parse(priv, "eks:ekscluster-privonly/bastions")))
        .hasSize(1);
    String podSg = C.groups(SecurityGroupRole.POD_SG).get(0).id();
    assertThat(Reachability.of(PUB).resolve(EksEndpoints.parse(PUB, "eks:ekscluster1/pods-with-sg:" + podSg)))
        .hasSize(1);
    assertThat(EksEndpoints.isEksEndpoint("eks:x/nodes")).isTrue();
    assertThat(EksEndpoints.isEksEndpoint("eni-0a1")).isFalse();
  }

  @Test
  void unknown_clusters_roles_and_nodegroups_list_what_exists() {
    assertThatThrownBy(() -> EksEndpoints.parse(PUB, "eks:nope/nodes"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("clusters found: ekscluster1");
    assertThatThrownBy(() -> EksEndpoints.parse(PUB, "eks:ekscluster1/workers"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unknown EKS role 'workers'")
        .hasMessageContaining("nodegroup:<ng>");
    assertThatThrownBy(() -> EksEndpoints.parse(PUB, "eks:ekscluster1/nodegroup:ng9"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("nodegroups: ng1, mng1");
    assertThatThrownBy(() -> EksEndpoints.parse(PUB, "eks:ekscluster1/nodegroup"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("needs a name");
    assertThatThrownBy(() -> EksEndpoints.parse(PUB, "eks:ekscluster1"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("eks:<cluster>/<role>[:<name>]");
  }

  @Test
  void an_empty_role_is_refused_by_the_engine_with_its_label() {
    assertThatThrownBy(() -> Reachability.of(PUB).reach(C.bastions(), C.controlPlane(), tcp(443)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("eks:ekscluster1/bastions has no members");
  }
}
