package dev.sgreach.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.collect.ImmutableList;
import dev.sgreach.model.Cidr;
import dev.sgreach.model.EksClusterInfo;
import dev.sgreach.model.LoadBalancer;
import dev.sgreach.model.Network;
import dev.sgreach.model.NetworkInterface;
import dev.sgreach.model.Peer;
import dev.sgreach.model.Ports;
import dev.sgreach.model.PrefixList;
import dev.sgreach.model.Rule;
import dev.sgreach.model.SecurityGroup;
import dev.sgreach.model.Vpc;
import dev.sgreach.model.VpcPeering;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code read(write(n))} gives back {@code n}, and writing is deterministic. */
class RoundTripTest {
  @TempDir
  Path dir;

  static Network everyForm() {
    SecurityGroup web = SecurityGroup.builder("sg-web").name("web").vpc("vpc-a").owner("111").description("Web tier")
        .tag("Name", "web").tag("kubernetes.io/cluster/demo", "owned")
        .rule(Rule.ingress(Ports.tcp(443), Peer.cidr("0.0.0.0/0")).withDescription("https").withRuleId("sgr-1"))
        .rule(Rule.ingress(Ports.tcp(443), Peer.cidr("::/0")).withRuleId("sgr-2"))
        .rule(Rule.ingress(Ports.tcp(1025, 65535), Peer.group("sg-db")))
        .rule(Rule.ingress(Ports.tcp(22), new Peer.GroupPeer("sg-remote", "222", "vpc-b", "pcx-1", "active"))
            .withDescription("ssh from peered"))
        .rule(Rule.ingress(Ports.udp(53), Peer.prefixList("pl-known")))
        .rule(Rule.ingress(Ports.icmp(3, 4), Peer.cidr("10.0.0.0/8")).withDescription("PMTU"))
        .rule(Rule.ingress(Ports.icmpAll(), Peer.cidr("10.0.0.0/8")))
        .rule(Rule.ingress(Ports.icmpv6All(), Peer.cidr("2600:1f18::/56")))
        .rule(Rule.ingress(Ports.icmpv6(128, 0), Peer.cidr("2600:1f18::/56")))
        .rule(Rule.ingress(Ports.protocol(50), Peer.prefixList("pl-unknown")))
        .rule(Rule.egress(Ports.allTraffic(), Peer.cidr("0.0.0.0/0")).withRuleId("sgr-9"))
        .rule(Rule.egress(Ports.allTraffic(), Peer.group("sg-web")))
        .build();
    SecurityGroup db = SecurityGroup.builder("sg-db").name("db").vpc("vpc-a").owner("111").build();
    NetworkInterface node = NetworkInterface.builder("eni-node").vpc("vpc-a").subnet("subnet-1")
        .availabilityZone("us-east-1a").description("node").owner("111")
        .attachment(new NetworkInterface.Attachment(Optional.of("i-1"), "111", 0))
        .addresses("10.0.1.5", "10.0.1.6", "10.0.1.7", "2600:1f18::5", "2600:1f18::6")
        .prefix("10.0.2.0/28").prefix("2600:1f18:0:1::/80")
        .publicIp("3.3.3.3", "10.0.1.5").publicIp("4.4.4.4", "10.0.1.7")
        .groups("sg-web", "sg-db").tag("Name", "node-1").tag("eks:nodegroup-name", "ng").build();
    NetworkInterface endpoint = NetworkInterface.builder("eni-vpce").vpc("vpc-a").interfaceType("vpc_endpoint")
        .requester("727156767781", true).addresses("10.0.3.9").groups("sg-db").build();
    return Network.builder()
        .add(web).add(db).add(node).add(endpoint)
        .add(PrefixList.of("pl-known", "corp", "192.168.0.0/16", "172.16.0.0/12"))
        .add(PrefixList.withUnknownEntries("pl-unknown", "com.amazonaws.us-east-1.s3"))
        .add(new Vpc("vpc-a", "111", ImmutableList.of(Cidr.parse("10.0.0.0/16"), Cidr.parse("100.64.0.0/16"),
            Cidr.parse("2600:1f18::/56"))))
        .add(Vpc.of("vpc-b", "10.1.0.0/16"))
        .add(VpcPeering.active("pcx-1", "vpc-a", "vpc-b"))
        .add(new VpcPeering("pcx-2", "vpc-a", "vpc-c", "deleted"))
        .add(new EksClusterInfo("demo", "vpc-a", "sg-cluster", ImmutableList.of("sg-web"),
            ImmutableList.of("subnet-1", "subnet-2"), true, true, ImmutableList.of("203.0.113.0/24")))
        .add(new LoadBalancer("arn:aws:elasticloadbalancing:us-east-1:111:loadbalancer/app/web/1", "web",
            "application", "internet-facing", "vpc-a", ImmutableList.of("sg-web")).withListeners(ImmutableList.of(
                new dev.sgreach.model.Listener("arn:aws:elasticloadbalancing:us-east-1:111:listener/app/web/1/a",
                    "arn:aws:elasticloadbalancing:us-east-1:111:loadbalancer/app/web/1", "HTTPS", 443))))
        .add(new LoadBalancer("arn:aws:elasticloadbalancing:us-east-1:111:loadbalancer/net/api/2", "api",
            "network", "internal", "vpc-a", ImmutableList.of()).withListeners(ImmutableList.of())
            .withEnforceInboundRulesOnPrivateLink(false))
        .add(new dev.sgreach.model.TargetGroup("arn:aws:elasticloadbalancing:us-east-1:111:targetgroup/api/3",
            "api", "TCP", 8080, "instance", "vpc-a",
            ImmutableList.of("arn:aws:elasticloadbalancing:us-east-1:111:loadbalancer/net/api/2"))
            .withPreserveClientIp(false).withTargets(ImmutableList.of(
                new dev.sgreach.model.TargetGroup.Target("i-0123456789abcdef0", 8080),
                new dev.sgreach.model.TargetGroup.Target("i-0123456789abcdef1", 31000))))
        .add(new dev.sgreach.model.TargetGroup("arn:aws:elasticloadbalancing:us-east-1:111:targetgroup/web/4",
            "web", "HTTP", 80, "ip", "vpc-a",
            ImmutableList.of("arn:aws:elasticloadbalancing:us-east-1:111:loadbalancer/app/web/1")))
        .build();
  }

  @Test
  void writingAndReadingGivesBackTheSameNetwork() {
    Network n = everyForm();

    Network back = Snapshots.read(Snapshots.write(n, dir));

    assertThat(back.securityGroups()).isEqualTo(n.securityGroups());
    assertThat(back.interfaces()).isEqualTo(n.interfaces());
    assertThat(back.prefixLists()).isEqualTo(n.prefixLists());
    assertThat(back).isEqualTo(n);
  }

  @Test
  void theGroupsFileAloneAlsoReadsBackTheSameRulesApartFromRuleIds() throws IOException {
    Network n = everyForm();
    Snapshots.write(n, dir);
    Files.delete(dir.resolve("ec2-describe-security-group-rules.json"));

    SecurityGroup web = Snapshots.read(dir).securityGroup("sg-web").orElseThrow();

    List<Rule> expected = n.securityGroup("sg-web").orElseThrow().ingress().stream().map(r -> r.withRuleId(""))
        .toList();
    assertThat(web.ingress()).containsExactlyInAnyOrderElementsOf(expected);
  }

  @Test
  void writingIsDeterministicWhateverTheInsertionOrder() throws IOException {
    Network n = everyForm();
    Network.Builder reversed = Network.builder();
    n.securityGroups().values().asList().reverse().forEach(reversed::add);
    n.interfaces().values().asList().reverse().forEach(reversed::add);
    Network other = reversed.build().toBuilder().addAll(n).build();
    Path a = Snapshots.write(n, dir.resolve("a"));
    Path b = Snapshots.write(other, dir.resolve("b"));

    for (Path file : files(a)) {
      assertThat(b.resolve(a.relativize(file))).as("%s", a.relativize(file)).hasSameTextualContentAs(file);
    }
    assertThat(files(b)).hasSameSizeAs(files(a));
  }

  @Test
  void theWrittenFilesArePlainAwsCliJson() throws IOException {
    Path out = Snapshots.write(everyForm(), dir);

    assertThat(files(out)).extracting(f -> out.relativize(f).toString()).containsExactlyInAnyOrder(
        "ec2-describe-security-groups.json", "ec2-describe-security-group-rules.json",
        "ec2-describe-network-interfaces.json", "ec2-describe-vpcs.json",
        "ec2-describe-vpc-peering-connections.json", "ec2-describe-managed-prefix-lists.json",
        "ec2-get-managed-prefix-list-entries/pl-known.json", "eks-describe-cluster/demo.json",
        "elbv2-describe-load-balancers.json", "elbv2-describe-listeners.json", "elbv2-describe-target-groups.json",
        "elbv2-describe-target-group-attributes.json", "elbv2-describe-target-health.json");
    String groups = Files.readString(out.resolve("ec2-describe-security-groups.json"));
    assertThat(groups).startsWith("{\n  \"SecurityGroups\": [\n    {\n      \"GroupId\": \"sg-db\"")
        .contains("\"IpProtocol\": \"50\"").contains("\"UserIdGroupPairs\": [")
        .contains("\"VpcPeeringConnectionId\": \"pcx-1\"").endsWith("}\n");
    assertThat(Files.readString(out.resolve("eks-describe-cluster/demo.json")))
        .contains("\"resourcesVpcConfig\"").contains("\"clusterSecurityGroupId\": \"sg-cluster\"");
    assertThat(Files.readString(out.resolve("ec2-describe-network-interfaces.json")))
        .contains("\"TagSet\"").contains("\"Ipv4Prefixes\"").contains("\"GroupName\": \"web\"");
  }

  @Test
  void rewritingAFolderRemovesFilesOfTheEarlierSnapshot() {
    Snapshots.write(everyForm(), dir);
    Network small = Network.builder().add(SecurityGroup.builder("sg-1").build()).build();

    assertThat(Snapshots.read(Snapshots.write(small, dir))).isEqualTo(small);
    assertThat(dir.resolve("ec2-get-managed-prefix-list-entries/pl-known.json")).doesNotExist();
  }

  @Test
  void theCloudMapperDemoSurvivesARoundTrip() {
    Network demo = Snapshots.read(RealDataTest.REAL.resolve("cloudmapper/account-data/demo/us-east-1"));

    assertThat(Snapshots.read(Snapshots.write(demo, dir))).isEqualTo(demo);
  }

  @Test
  void batfishPathCapturesSurviveARoundTripThroughTheSgreachLayout() throws IOException {
    for (String folder : List.of("test-transit-gateway-peering", "test-nat-gateway", "test-vpc-endpoint-gateway",
        "test-transit-gateway-multi-account")) {
      Network real = Snapshots.read(RealDataTest.REAL.resolve("batfish/representation/aws/" + folder));
      Path out = Snapshots.write(real, dir.resolve(folder));

      assertThat(Snapshots.read(out)).as(folder).isEqualTo(real);
    }
    Path peering = dir.resolve("test-transit-gateway-peering");
    assertThat(files(peering)).extracting(f -> peering.relativize(f).toString()).contains(
        "ec2-describe-subnets.json", "ec2-describe-network-acls.json", "ec2-describe-route-tables.json",
        "ec2-describe-internet-gateways.json", "ec2-describe-transit-gateways.json",
        "ec2-describe-transit-gateway-attachments.json", "ec2-describe-transit-gateway-vpc-attachments.json",
        "ec2-describe-transit-gateway-route-tables.json",
        "ec2-get-transit-gateway-route-table-propagations/tgw-rtb-018a5e572ec3088d1.json",
        "ec2-search-transit-gateway-routes-static/tgw-rtb-018a5e572ec3088d1.json");
  }

  static List<Path> files(Path root) throws IOException {
    try (Stream<Path> walk = Files.walk(root)) {
      return walk.filter(Files::isRegularFile).sorted().toList();
    }
  }
}
