package dev.sgreach.testkit;

import static dev.sgreach.testkit.Expect.expectAssertionError;
import static dev.sgreach.testkit.SgreachAssertions.assertThat;
import static dev.sgreach.testkit.error.ShouldPassEksChecks.shouldPassEksChecks;
import static org.assertj.core.api.BDDAssertions.then;

import dev.sgreach.eks.EksCluster;
import dev.sgreach.eks.SeedClusters;
import dev.sgreach.model.Peer;
import dev.sgreach.model.Ports;
import dev.sgreach.model.Rule;
import org.junit.jupiter.api.Test;

class EksClusterAssert_passesEksChecks_Test {

  @Test
  void should_pass_on_the_seed_clusters() {
    assertThat(EksFixtures.cluster()).passesEksChecks();
    assertThat(EksCluster.of(SeedClusters.privateOnly(), SeedClusters.PRIVATE_ONLY)).passesEksChecks();
  }

  @Test
  void should_fail_listing_every_error_with_its_proof_and_fix() {
    // GIVEN
    EksCluster cluster = EksFixtures.withoutPodDnsRules();
    // WHEN
    AssertionError error = expectAssertionError(() -> assertThat(cluster).passesEksChecks());
    // THEN
    then(error).hasMessage(shouldPassEksChecks(cluster.lint()).create());
  }

  @Test
  void should_fail_on_an_exposure_with_the_rule_that_admits_the_internet_and_the_revoke_command() {
    // GIVEN
    EksCluster seed = EksFixtures.cluster();
    String cp = seed.controlPlaneSecurityGroups().get(0).id();
    EksCluster cluster = EksCluster.of(EksFixtures.withRule(seed.network(), cp,
        Rule.ingress(Ports.tcp(443), Peer.cidr("0.0.0.0/0"))), EksFixtures.NAME);
    // WHEN
    AssertionError error = expectAssertionError(() -> assertThat(cluster).passesEksChecks());
    // THEN
    then(error).hasMessage(shouldPassEksChecks(cluster.lint()).create());
    then(error.getMessage()).contains("ingress rule: " + cp, "remove the rule: aws ec2 revoke-security-group-ingress"
        + " --group-id " + cp);
  }

  @Test
  void should_fail_when_a_check_cannot_be_decided_for_missing_data() {
    // GIVEN the seed cluster without its control-plane ENIs: no error, but nothing known about the control plane
    dev.sgreach.model.Network seed = EksFixtures.cluster().network();
    dev.sgreach.model.Network.Builder b = dev.sgreach.model.Network.builder();
    seed.securityGroups().values().forEach(b::add);
    seed.interfaces().values().stream().filter(e -> !e.description().startsWith("Amazon EKS")).forEach(b::add);
    seed.eksClusters().values().forEach(b::add);
    EksCluster cluster = EksCluster.of(b.build(), EksFixtures.NAME);
    // WHEN
    AssertionError error = expectAssertionError(() -> assertThat(cluster).passesEksChecks());
    // THEN
    then(cluster.lint().hasErrors()).isFalse();
    then(error).hasMessage(shouldPassEksChecks(cluster.lint()).create());
    then(error.getMessage()).contains("expected : every EKS check decided (none lacking data)",
        "but found: 4 unknowns",
        "unknown  : [nodes-to-api] control-plane ENIs of ekscluster1 are not in the snapshot");
  }

  @Test
  void should_fail_with_the_literal_message() {
    // WHEN
    AssertionError error = expectAssertionError(
        () -> assertThat(EksFixtures.withoutNodesToApi()).passesEksChecks());
    // THEN
    then(error).hasMessage("""

        cluster    : ekscluster1
        expected   : no errors from the EKS checks
        but found  : 4 errors

        error      : [nodes-to-api] blocked (none of 2 flows allowed): eks:ekscluster1/nodegroup:ng1 -> \
        eks:ekscluster1/control-plane on tcp/443
        why        : kubelets and pods reach the API server through the control-plane ENIs when the private endpoint \
        is on
        flows      : 2 member flows
        from       : eni-89e8e819ae676866a (192.168.64.12)
        to         : eni-b8129e0eb6881a6f2 (192.168.64.10), eni-9e17fbb9f4fb132e9 (192.168.96.10)
        outcome    : denied
        blocked at : ingress of eni-b8129e0eb6881a6f2 (192.168.64.10 <- 192.168.64.12)
        fix        : add to sg-672db92717210bf45 (eks-cluster-sg-ekscluster1-1459552893): ingress tcp 443 from \
        sg-16404157b8ec1bb02 "sgreach fix: tcp/443 from sg-16404157b8ec1bb02"
        fix command: aws ec2 authorize-security-group-ingress --group-id sg-672db92717210bf45 --ip-permissions \
        'IpProtocol=tcp,FromPort=443,ToPort=443,UserIdGroupPairs=[{GroupId=sg-16404157b8ec1bb02,Description="sgreach \
        fix: tcp/443 from sg-16404157b8ec1bb02"}]'

        error      : [node-to-node] blocked (none of 1 flows allowed): eks:ekscluster1/nodegroup:ng1 -> \
        eks:ekscluster1/nodegroup:mng1 on tcp/53
        why        : pods on one node talk to pods and CoreDNS on others
        flow       : eni-89e8e819ae676866a (192.168.64.12) -> eni-b1880e6c6158c5439 (192.168.64.11): denied
        blocked at : ingress of eni-b1880e6c6158c5439 (192.168.64.11 <- 192.168.64.12)
        fix        : add to sg-672db92717210bf45 (eks-cluster-sg-ekscluster1-1459552893): ingress tcp 53 from \
        sg-16404157b8ec1bb02 "sgreach fix: tcp/53 from sg-16404157b8ec1bb02"
        fix command: aws ec2 authorize-security-group-ingress --group-id sg-672db92717210bf45 --ip-permissions \
        'IpProtocol=tcp,FromPort=53,ToPort=53,UserIdGroupPairs=[{GroupId=sg-16404157b8ec1bb02,Description="sgreach \
        fix: tcp/53 from sg-16404157b8ec1bb02"}]'

        error      : [node-to-node] blocked (none of 1 flows allowed): eks:ekscluster1/nodegroup:ng1 -> \
        eks:ekscluster1/nodegroup:mng1 on udp/53
        why        : pods on one node talk to pods and CoreDNS on others
        flow       : eni-89e8e819ae676866a (192.168.64.12) -> eni-b1880e6c6158c5439 (192.168.64.11): denied
        blocked at : ingress of eni-b1880e6c6158c5439 (192.168.64.11 <- 192.168.64.12)
        fix        : add to sg-672db92717210bf45 (eks-cluster-sg-ekscluster1-1459552893): ingress udp 53 from \
        sg-16404157b8ec1bb02 "sgreach fix: udp/53 from sg-16404157b8ec1bb02"
        fix command: aws ec2 authorize-security-group-ingress --group-id sg-672db92717210bf45 --ip-permissions \
        'IpProtocol=udp,FromPort=53,ToPort=53,UserIdGroupPairs=[{GroupId=sg-16404157b8ec1bb02,Description="sgreach \
        fix: udp/53 from sg-16404157b8ec1bb02"}]'

        error      : [node-to-node] blocked (none of 1 flows allowed): eks:ekscluster1/nodegroup:ng1 -> \
        eks:ekscluster1/nodegroup:mng1 on tcp/1025
        why        : pods on one node talk to pods and CoreDNS on others
        flow       : eni-89e8e819ae676866a (192.168.64.12) -> eni-b1880e6c6158c5439 (192.168.64.11): denied
        blocked at : ingress of eni-b1880e6c6158c5439 (192.168.64.11 <- 192.168.64.12)
        fix        : add to sg-672db92717210bf45 (eks-cluster-sg-ekscluster1-1459552893): ingress tcp 1025 from \
        sg-16404157b8ec1bb02 "sgreach fix: tcp/1025 from sg-16404157b8ec1bb02"
        fix command: aws ec2 authorize-security-group-ingress --group-id sg-672db92717210bf45 --ip-permissions \
        'IpProtocol=tcp,FromPort=1025,ToPort=1025,UserIdGroupPairs=[{GroupId=sg-16404157b8ec1bb02,\
        Description="sgreach fix: tcp/1025 from sg-16404157b8ec1bb02"}]'
        """);
  }
}
