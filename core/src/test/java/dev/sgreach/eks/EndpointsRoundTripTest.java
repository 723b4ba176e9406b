package dev.sgreach.eks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sgreach.engine.Endpoint;
import dev.sgreach.engine.Member;
import dev.sgreach.engine.Reachability;
import dev.sgreach.engine.Verdict;
import dev.sgreach.model.Network;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The one endpoint parser ({@link Endpoint#parse}) reads back every endpoint the EKS checks print: each proof's
 * endpoints, written as their labels, parse to endpoints that stand for the same ENIs, and print the same label.
 */
class EndpointsRoundTripTest {

  private static Network seed(String name) {
    return name.equals(SeedClusters.PRIVATE_ONLY) ? SeedClusters.privateOnly() : SeedClusters.publicAndPrivate();
  }

  @ParameterizedTest
  @ValueSource(strings = {SeedClusters.PUBLIC_AND_PRIVATE, SeedClusters.PRIVATE_ONLY})
  void every_endpoint_lint_prints_parses_back_to_the_same_enis(String cluster) {
    Network n = seed(cluster);
    Reachability r = Reachability.of(n);
    Map<String, Endpoint> printed = new LinkedHashMap<>();
    for (Finding f : EksCluster.of(n, cluster).lint().findings()) {
      f.proof().ifPresent(v -> {
        printed.put(v.from().label(), v.from());
        printed.put(v.to().label(), v.to());
      });
    }
    assertThat(printed).as("lint proofs of %s", cluster).isNotEmpty();
    List<String> differ = new ArrayList<>();
    for (Map.Entry<String, Endpoint> e : printed.entrySet()) {
      Endpoint back = Endpoint.parse(e.getKey());
      if (!back.label().equals(e.getKey())) {
        differ.add(e.getKey() + " prints back as " + back.label());
        continue;
      }
      List<Member> want = r.resolve(e.getValue());
      List<Member> got = r.resolve(back);
      if (!got.equals(want)) {
        differ.add(e.getKey() + " stands for " + want + " but parses back to " + got);
      }
    }
    assertThat(differ).as("endpoints printed by lint that do not read back").isEmpty();
    assertThat(printed.keySet()).as("the lint roles that are not plain ids")
        .anyMatch(s -> s.startsWith("eks:" + cluster + "/"));
  }

  @Test
  void the_library_reads_eks_roles_as_the_command_line_does() {
    Network n = SeedClusters.publicAndPrivate();
    Verdict v = Reachability.of(n).reach("eks:ekscluster1/nodegroup:ng1", "eks:ekscluster1/control-plane",
        dev.sgreach.model.Traffic.tcp(443));
    assertThat(v.outcome().word()).isEqualTo("allowed");
    assertThat(v.from().label()).isEqualTo("eks:ekscluster1/nodegroup:ng1");
  }

  @Test
  void parse_errors_keep_their_specific_reason() {
    assertThatThrownBy(() -> Endpoint.parse("10.0.0.0/16")).hasMessageContaining("is a block, not a single address")
        .hasMessageContaining("an endpoint is one address");
    assertThatThrownBy(() -> Endpoint.parse("fe80::1%eth0")).hasMessageContaining("has an IPv6 zone");
    assertThatThrownBy(() -> Endpoint.parse("eks:c1/kubelet")).hasMessageContaining("unknown EKS role 'kubelet'");
    assertThatThrownBy(() -> Endpoint.parse("eks:c1/nodegroup")).hasMessageContaining("needs a name");
    assertThatThrownBy(() -> Endpoint.parse("vpc-0a1")).hasMessageContaining("give an address in it");
    assertThatThrownBy(() -> Endpoint.parse("subnet-0a1")).hasMessageContaining("is a subnet");
    assertThatThrownBy(() -> Endpoint.parse("web")).hasMessageContaining("is not an ENI id (eni-...)");
    assertThatThrownBy(() -> Endpoint.parse("tf:")).hasMessageContaining("is not tf:ADDRESS");
  }

  @Test
  void every_form_prints_as_written() {
    for (String s : List.of("eni-0a1", "i-0b2", "sg-0c3", "10.0.1.5", "2600:1f18::1", "vpc-0a1/10.0.1.5",
        "eks:c1/control-plane", "eks:c1/nodegroup:ng1", "eks:c1/node-of:eni-0a1", "eks:c1/load-balancers:with-sg-1",
        "eks:c1/targets:sg-1", "eks:c1/nodes:unknown-nodegroup", "tf:module.eks.aws_security_group.node")) {
      assertThat(Endpoint.parse(s).label()).as("label of %s", s).isEqualTo(s);
    }
  }

  @Test
  void an_address_in_one_vpc_is_that_vpcs_eni_or_an_outside_party() {
    Network n = SeedClusters.publicAndPrivate();
    Reachability r = Reachability.of(n);
    var eni = n.interfaces().values().iterator().next();
    String addr = eni.privateIpv4().get(0).toString();
    assertThat(r.resolve(Endpoint.parse(eni.vpcId() + "/" + addr))).singleElement()
        .satisfies(m -> assertThat(m.eni()).contains(eni));
    assertThatThrownBy(() -> r.resolve(Endpoint.parse("vpc-0000000000/" + addr)))
        .hasMessage("no VPC vpc-0000000000 in the snapshot");
  }
}
