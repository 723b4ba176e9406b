package dev.sgreach.testkit;

import static dev.sgreach.testkit.Expect.expectAssertionError;
import static dev.sgreach.testkit.SgreachAssertions.assertThat;
import static dev.sgreach.testkit.error.ShouldHaveNoEksWarnings.shouldHaveNoEksWarnings;
import static org.assertj.core.api.BDDAssertions.then;

import dev.sgreach.eks.EksCluster;
import dev.sgreach.model.Peer;
import dev.sgreach.model.Ports;
import dev.sgreach.model.Rule;
import org.junit.jupiter.api.Test;

class EksClusterAssert_hasNoEksWarnings_Test {

  /** ekscluster1 whose nodegroup ng1 admits ssh from a public block that is not 0.0.0.0/0: a warning. */
  static EksCluster sshFromAnOfficeBlock() {
    EksCluster seed = EksFixtures.cluster();
    String ng1 = seed.nodegroupSecurityGroup("ng1").orElseThrow().id();
    return EksCluster.of(EksFixtures.withRule(seed.network(), ng1,
        Rule.ingress(Ports.tcp(22), Peer.cidr("52.94.76.0/24"))), EksFixtures.NAME);
  }

  @Test
  void should_pass_on_the_seed_cluster() {
    assertThat(EksFixtures.cluster()).hasNoEksWarnings();
  }

  @Test
  void should_pass_on_errors_alone() {
    // pods-to-coredns is an ERROR when no node answers, not a warning
    assertThat(EksFixtures.withoutPodDnsRules()).hasNoEksWarnings();
  }

  @Test
  void should_fail_listing_every_warning() {
    // GIVEN
    EksCluster cluster = sshFromAnOfficeBlock();
    // WHEN
    AssertionError error = expectAssertionError(() -> assertThat(cluster).passesEksChecks().hasNoEksWarnings());
    // THEN
    then(error).hasMessage(shouldHaveNoEksWarnings(cluster.lint()).create());
  }

  @Test
  void should_fail_with_the_literal_message() {
    // WHEN
    AssertionError error = expectAssertionError(() -> assertThat(sshFromAnOfficeBlock()).hasNoEksWarnings());
    // THEN
    then(error).hasMessage("""

        cluster     : ekscluster1
        expected    : no warnings from the EKS checks
        but found   : 1 warning

        warning     : [exposure] eks:ekscluster1/nodes member eni-89e8e819ae676866a admits 52.94.76.0/24 on tcp 22 \
        through sg-3b3fb05deb52eb4c1 (eksctl-ekscluster1-nodegroup-ng1-SG-H0TCOOHYPAA0)
        why         : only load balancers should face the internet; the control plane, nodes and pods should admit \
        the VPC, the load balancers' SGs and the cluster's SGs
        flow        : 52.94.76.0 (outside) -> eni-89e8e819ae676866a (192.168.64.12): allowed
        ingress rule: sg-3b3fb05deb52eb4c1 (eksctl-ekscluster1-nodegroup-ng1-SG-H0TCOOHYPAA0): ingress tcp 22 from \
        52.94.76.0/24
        fix         : remove the rule: aws ec2 revoke-security-group-ingress --group-id sg-3b3fb05deb52eb4c1 \
        --ip-permissions 'IpProtocol=tcp,FromPort=22,ToPort=22,IpRanges=[{CidrIp=52.94.76.0/24}]'
        """);
  }
}
