package dev.sgreach.snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import dev.sgreach.model.Cidr;
import dev.sgreach.model.Network;
import dev.sgreach.model.NetworkInterface;
import dev.sgreach.model.Peer;
import dev.sgreach.model.Ports;
import dev.sgreach.model.Rule;
import dev.sgreach.model.SecurityGroup;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** How AWS shapes become model values: protocols, grouped permissions, the rules file, wrappers, ENIs. */
class MappingTest {
  @TempDir
  Path dir;

  SecurityGroup readGroup(String permission) throws IOException {
    AwsJson.write(dir, "ec2-describe-security-groups.json",
        "{\"SecurityGroups\": [{\"GroupId\": \"sg-1\", \"IpPermissions\": [" + permission + "]}]}");
    AwsJson.noInterfaces(dir);
    return Snapshots.read(dir).securityGroup("sg-1").orElseThrow();
  }

  @ParameterizedTest
  @CsvSource({
      "tcp, 6", "TCP, 6", "6, 6", "udp, 17", "17, 17", "icmp, 1", "1, 1", "icmpv6, 58", "58, 58",
      "50, 50", "47, 47", "132, 132", "-1, -1"})
  void protocolsAreReadAsNamesOrNumbers(String ipProtocol, int number) throws IOException {
    SecurityGroup g = readGroup("{\"IpProtocol\": \"" + ipProtocol + "\", \"FromPort\": 80, \"ToPort\": 80,"
        + " \"IpRanges\": [{\"CidrIp\": \"10.0.0.0/8\"}]}");

    assertThat(g.ingress()).singleElement().satisfies(r -> assertThat(r.ports().protocol().number())
        .isEqualTo(number));
  }

  @Test
  void sixIsTcpAndFiftyStaysAProtocolNumberWithoutPorts() throws IOException {
    SecurityGroup six = readGroup("{\"IpProtocol\": \"6\", \"FromPort\": 443, \"ToPort\": 443,"
        + " \"IpRanges\": [{\"CidrIp\": \"10.0.0.0/8\"}]}");
    SecurityGroup esp = readGroup("{\"IpProtocol\": \"50\", \"FromPort\": 443, \"ToPort\": 443,"
        + " \"IpRanges\": [{\"CidrIp\": \"10.0.0.0/8\"}]}");

    assertThat(six.ingress().get(0).ports()).isEqualTo(Ports.tcp(443));
    assertThat(esp.ingress().get(0).ports()).isEqualTo(Ports.protocol(50));
    assertThat(esp.ingress().get(0).ports().protocol().awsName()).isEqualTo("50");
  }

  @Test
  void allTrafficAndPortlessTcpMeanEverything() throws IOException {
    SecurityGroup all = readGroup("{\"IpProtocol\": \"-1\", \"IpRanges\": [{\"CidrIp\": \"0.0.0.0/0\"}]}");
    SecurityGroup tcpAll = readGroup("{\"IpProtocol\": \"tcp\", \"FromPort\": -1, \"ToPort\": -1,"
        + " \"IpRanges\": [{\"CidrIp\": \"0.0.0.0/0\"}]}");

    assertThat(all.ingress().get(0).ports()).isEqualTo(Ports.allTraffic());
    assertThat(tcpAll.ingress().get(0).ports()).isEqualTo(Ports.tcp(0, 65535));
  }

  @Test
  void icmpTypeAndCodeAreKept() throws IOException {
    SecurityGroup g = readGroup("{\"IpProtocol\": \"icmp\", \"FromPort\": 3, \"ToPort\": 4,"
        + " \"IpRanges\": [{\"CidrIp\": \"0.0.0.0/0\"}]}");

    assertThat(g.ingress().get(0).ports()).isEqualTo(Ports.icmp(3, 4));
  }

  @Test
  void aGroupedPermissionExpandsToOneRulePerPeerInAwsOrderKeepingDescriptions() throws IOException {
    SecurityGroup g = readGroup("{\"IpProtocol\": \"tcp\", \"FromPort\": 443, \"ToPort\": 443,"
        + " \"UserIdGroupPairs\": [{\"GroupId\": \"sg-peer\", \"UserId\": \"222\", \"VpcId\": \"vpc-9\","
        + " \"VpcPeeringConnectionId\": \"pcx-1\", \"PeeringStatus\": \"active\", \"Description\": \"peered\"}],"
        + " \"PrefixListIds\": [{\"PrefixListId\": \"pl-1\", \"Description\": \"s3\"}],"
        + " \"Ipv6Ranges\": [{\"CidrIpv6\": \"2600:1f18::/56\", \"Description\": \"v6\"}],"
        + " \"IpRanges\": [{\"CidrIp\": \"10.0.0.5/16\", \"Description\": \"office\"}, {\"CidrIp\": \"1.1.1.1/32\"}]},"
        + "{\"IpProtocol\": \"udp\", \"FromPort\": 53, \"ToPort\": 53}");

    Ports https = Ports.tcp(443);
    assertThat(g.ingress()).containsExactly(
        Rule.ingress(https, Peer.cidr("10.0.0.0/16")).withDescription("office"),
        Rule.ingress(https, Peer.cidr("1.1.1.1/32")),
        Rule.ingress(https, Peer.cidr("2600:1f18::/56")).withDescription("v6"),
        Rule.ingress(https, Peer.prefixList("pl-1")).withDescription("s3"),
        Rule.ingress(https, new Peer.GroupPeer("sg-peer", "222", "vpc-9", "pcx-1", "active"))
            .withDescription("peered"));
  }

  @Test
  void anEc2ClassicReferenceWithoutGroupIdIsSkipped() throws IOException {
    SecurityGroup g = readGroup("{\"IpProtocol\": \"tcp\", \"FromPort\": 80, \"ToPort\": 80, \"UserIdGroupPairs\":"
        + " [{\"GroupName\": \"amazon-elb-sg\", \"UserId\": \"amazon-elb\"}, {\"GroupId\": \"sg-2\"}]}");

    assertThat(g.ingress()).containsExactly(Rule.ingress(Ports.tcp(80), Peer.group("sg-2")));
  }

  @Test
  void theRulesFileIsTheRuleSourceForTheGroupsItNamesWhenTheGroupsFileSaysTheSame() throws IOException {
    AwsJson.write(dir, "ec2-describe-security-groups.json", "{\"SecurityGroups\": ["
        + "{\"GroupId\": \"sg-1\", \"GroupName\": \"one\", \"IpPermissions\": [{\"IpProtocol\": \"tcp\", \"FromPort\": 443,"
        + " \"ToPort\": 443, \"UserIdGroupPairs\": [{\"GroupId\": \"sg-2\", \"UserId\": \"1\"}]}],"
        + " \"IpPermissionsEgress\": [{\"IpProtocol\": \"-1\", \"Ipv6Ranges\": [{\"CidrIpv6\": \"::/0\"}]}]},"
        + "{\"GroupId\": \"sg-2\", \"IpPermissions\": [{\"IpProtocol\": \"tcp\", \"FromPort\": 80, \"ToPort\": 80,"
        + " \"IpRanges\": [{\"CidrIp\": \"0.0.0.0/0\"}]}]}]}");
    Files.writeString(dir.resolve("ec2-describe-security-group-rules.json"), "{\"SecurityGroupRules\": ["
        + "{\"SecurityGroupRuleId\": \"sgr-in\", \"GroupId\": \"sg-1\", \"IsEgress\": false, \"IpProtocol\": \"tcp\","
        + " \"FromPort\": 443, \"ToPort\": 443, \"ReferencedGroupInfo\": {\"GroupId\": \"sg-2\", \"UserId\": \"1\"}},"
        + "{\"SecurityGroupRuleId\": \"sgr-out\", \"GroupId\": \"sg-1\", \"IsEgress\": true, \"IpProtocol\": \"-1\","
        + " \"FromPort\": -1, \"ToPort\": -1, \"CidrIpv6\": \"::/0\"},"
        + "{\"SecurityGroupRuleId\": \"sgr-x\", \"GroupId\": \"sg-3\", \"GroupOwnerId\": \"111\", \"IsEgress\": false,"
        + " \"IpProtocol\": \"50\", \"FromPort\": -1, \"ToPort\": -1, \"PrefixListId\": \"pl-1\"}]}");
    AwsJson.noInterfaces(dir);

    Network n = Snapshots.read(dir);

    SecurityGroup one = n.securityGroup("sg-1").orElseThrow();
    assertThat(one.name()).isEqualTo("one");
    assertThat(one.ingress()).containsExactly(Rule.ingress(Ports.tcp(443),
        new Peer.GroupPeer("sg-2", "1", null, null, null)).withRuleId("sgr-in"));
    assertThat(one.egress()).containsExactly(Rule.egress(Ports.allTraffic(), Peer.cidr("::/0")).withRuleId("sgr-out"));
    // a group the rules file does not name keeps its IpPermissions
    assertThat(n.securityGroup("sg-2").orElseThrow().ingress()).containsExactly(
        Rule.ingress(Ports.tcp(80), Peer.cidr("0.0.0.0/0")));
    // a group named only by the rules file is kept with its owner
    SecurityGroup three = n.securityGroup("sg-3").orElseThrow();
    assertThat(three.ownerId()).isEqualTo("111");
    assertThat(three.ingress()).containsExactly(Rule.ingress(Ports.protocol(50), Peer.prefixList("pl-1"))
        .withRuleId("sgr-x"));
  }

  @Test
  void aGroupWhoseIpPermissionsDisagreeWithTheRulesFileIsRefusedNamingBothAndTheDifference() throws IOException {
    // the lint case of issue 11: the groups file shows the control-plane group open to 0.0.0.0/0, the rules file
    // does not; one of the two is stale, so neither may silently win
    AwsJson.write(dir, "ec2-describe-security-groups.json", "{\"SecurityGroups\": [{\"GroupId\": \"sg-1\","
        + " \"IpPermissions\": [{\"IpProtocol\": \"tcp\", \"FromPort\": 443, \"ToPort\": 443, \"IpRanges\":"
        + " [{\"CidrIp\": \"10.0.0.0/8\"}, {\"CidrIp\": \"0.0.0.0/0\"}]}]}]}");
    Files.writeString(dir.resolve("ec2-describe-security-group-rules.json"), "{\"SecurityGroupRules\": ["
        + "{\"SecurityGroupRuleId\": \"sgr-0a1\", \"GroupId\": \"sg-1\", \"IsEgress\": false, \"IpProtocol\":"
        + " \"tcp\", \"FromPort\": 443, \"ToPort\": 443, \"CidrIpv4\": \"10.0.0.0/8\"}]}");
    AwsJson.noInterfaces(dir);

    SnapshotException e = org.assertj.core.api.Assertions.catchThrowableOfType(SnapshotException.class,
        () -> Snapshots.read(dir));

    assertThat(e).hasMessage("ec2-describe-security-groups.json: $.SecurityGroups[0]: 'sg-1' gives security group"
        + " sg-1 other rules than ec2-describe-security-group-rules.json $.SecurityGroupRules[0] (only there:"
        + " nothing; only here: ingress tcp 443 from 0.0.0.0/0); a snapshot holds one state of each group: save both"
        + " responses at the same time");
  }

  @Test
  void twoRulesResponsesThatDescribeOneRuleIdDifferentlyAreRefused() throws IOException {
    Path a = dir.resolve("a.json");
    Path b = dir.resolve("b.json");
    String rule = "{\"SecurityGroupRules\": [{\"SecurityGroupRuleId\": \"sgr-1\", \"GroupId\": \"sg-1\","
        + " \"IsEgress\": false, \"IpProtocol\": \"tcp\", \"FromPort\": PORT, \"ToPort\": PORT, \"CidrIpv4\":"
        + " \"10.0.0.0/8\"}]}";
    Files.writeString(a, rule.replace("PORT", "443"));
    Files.writeString(b, rule.replace("PORT", "22"));

    assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> Snapshots.reader()
        .file(ResponseKind.SECURITY_GROUP_RULES, a).file(ResponseKind.SECURITY_GROUP_RULES, b).read()))
        .hasMessage("b.json: $.SecurityGroupRules[0]: 'sgr-1' describes rule sgr-1 of security group sg-1 differently"
            + " from a.json $.SecurityGroupRules[0] (ingress tcp 443 from 10.0.0.0/8 [sgr-1] there, ingress tcp 22"
            + " from 10.0.0.0/8 [sgr-1] here); a snapshot holds one state of each rule");
  }

  @Test
  void custodianRecordingsAreUnwrappedAndPathsShowTheWrapper() throws IOException {
    Path file = dir.resolve("ec2.DescribeSecurityGroups_1.json");
    AwsJson.write(dir, "ec2.DescribeSecurityGroups_1.json", "{\"status_code\": 200, \"data\": {\"ResponseMetadata\": {}, \"SecurityGroups\": ["
        + "{\"GroupId\": \"sg-1\", \"IpPermissionsEgress\": [{\"IpProtocol\": \"-1\", \"IpRanges\": [{\"CidrIp\":"
        + " \"0.0.0.0/0\"}]}]}]}}");
    Path bad = dir.resolve("ec2.DescribeSecurityGroups_2.json");
    Files.writeString(bad, "{\"status_code\": 200, \"data\": {\"SecurityGroups\": [{\"GroupId\": 7,"
        + " \"IpPermissions\": [{\"IpProtocol\": \"x\"}]}]}}");

    Network n = Snapshots.reader().file(ResponseKind.SECURITY_GROUPS, file).read();

    assertThat(n.securityGroup("sg-1").orElseThrow().egress()).containsExactly(
        Rule.egress(Ports.allTraffic(), Peer.cidr("0.0.0.0/0")));
    assertThat(org.assertj.core.api.Assertions.catchThrowable(
        () -> Snapshots.reader().file(ResponseKind.SECURITY_GROUPS, bad).read()))
        .hasMessage("ec2.DescribeSecurityGroups_2.json: $.data.SecurityGroups[0].GroupId: '7' is not a string");
  }

  @Test
  void anEniKeepsEveryAddressPrefixGroupTagAndItsAttachment() throws IOException {
    AwsJson.noGroups(dir);
    Files.writeString(dir.resolve("ec2-describe-network-interfaces.json"), "{\"NetworkInterfaces\": [{"
        + "\"NetworkInterfaceId\": \"eni-1\", \"VpcId\": \"vpc-1\", \"SubnetId\": \"subnet-1\", \"AvailabilityZone\":"
        + " \"us-east-1a\", \"InterfaceType\": \"branch\", \"Description\": \"d\", \"RequesterId\": \"amazon-elb\","
        + " \"RequesterManaged\": true, \"OwnerId\": \"111\","
        + " \"Attachment\": {\"InstanceId\": \"i-1\", \"InstanceOwnerId\": \"111\", \"DeviceIndex\": 2,"
        + " \"AttachTime\": \"2020-10-09 06:51:30+00:00\"},"
        + " \"Association\": {\"PublicIp\": \"3.3.3.3\"}, \"PrivateIpAddress\": \"10.0.0.5\","
        + " \"PrivateIpAddresses\": [{\"PrivateIpAddress\": \"10.0.0.5\", \"Primary\": true, \"Association\":"
        + " {\"PublicIp\": \"3.3.3.3\"}}, {\"PrivateIpAddress\": \"10.0.0.6\", \"Association\": {\"PublicIp\":"
        + " \"4.4.4.4\"}}],"
        + " \"Ipv6Addresses\": [{\"Ipv6Address\": \"2600:1f18::5\"}],"
        + " \"Ipv4Prefixes\": [{\"Ipv4Prefix\": \"10.0.1.0/28\"}], \"Ipv6Prefixes\": [{\"Ipv6Prefix\": \"2600:1f18:0:1::/80\"}],"
        + " \"Groups\": [{\"GroupId\": \"sg-2\", \"GroupName\": \"b\"}, {\"GroupId\": \"sg-1\"}],"
        + " \"TagSet\": [{\"Key\": \"Name\", \"Value\": \"node\"}]}]}");

    NetworkInterface eni = Snapshots.read(dir).networkInterface("eni-1").orElseThrow();

    assertThat(eni).isEqualTo(NetworkInterface.builder("eni-1").vpc("vpc-1").subnet("subnet-1")
        .availabilityZone("us-east-1a").interfaceType("branch").description("d").requester("amazon-elb", true)
        .owner("111").attachment(new NetworkInterface.Attachment(java.util.Optional.of("i-1"), "111", 2))
        .addresses("10.0.0.5", "10.0.0.6", "2600:1f18::5").prefix("10.0.1.0/28").prefix("2600:1f18:0:1::/80")
        .publicIp("3.3.3.3", "10.0.0.5").publicIp("4.4.4.4", "10.0.0.6").groups("sg-2", "sg-1").tag("Name", "node")
        .build());
    assertThat(eni.privateIpv4().get(0)).isEqualTo(Cidr.parse("10.0.0.5"));
    // each public address stands for the private address it is associated with, as the internet gateway maps them
    assertThat(eni.publicIpv4ByPrivate()).containsExactly(entry(Cidr.parse("10.0.0.5"), Cidr.parse("3.3.3.3")),
        entry(Cidr.parse("10.0.0.6"), Cidr.parse("4.4.4.4")));
  }

  @Test
  void theIpPermissionsOfAGroupTheRulesFileNamesAreReadAndCheckedToo() throws IOException {
    AwsJson.write(dir, "ec2-describe-security-groups.json", "{\"SecurityGroups\": ["
        + "{\"GroupId\": \"sg-1\", \"IpPermissions\": [{\"IpProtocol\": \"tcp\", \"FromPort\": 443, \"ToPort\": 443,"
        + " \"IpRanges\": [{\"CidrIp\": \"not-a-cidr\"}]}]}]}");
    Files.writeString(dir.resolve("ec2-describe-security-group-rules.json"), "{\"SecurityGroupRules\": ["
        + "{\"GroupId\": \"sg-1\", \"IsEgress\": false, \"IpProtocol\": \"tcp\", \"FromPort\": 443,"
        + " \"ToPort\": 443, \"CidrIpv4\": \"10.0.0.0/8\"}]}");
    AwsJson.noInterfaces(dir);

    assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> Snapshots.read(dir)))
        .as("the groups file must agree with the rules file, so its values are read")
        .hasMessageStartingWith("ec2-describe-security-groups.json: $.SecurityGroups[0].IpPermissions[0].IpRanges[0]"
            + ".CidrIp: 'not-a-cidr' is not an IPv4 or IPv6 address or CIDR block");
  }

  @Test
  void aRuleSeenTwiceIsKeptOnceByItsIdOrElseByItsContent() throws IOException {
    Path rules = dir.resolve("rules.json");
    Files.writeString(rules, "{\"SecurityGroupRules\": ["
        + "{\"SecurityGroupRuleId\": \"sgr-1\", \"GroupId\": \"sg-1\", \"IsEgress\": false, \"IpProtocol\": \"tcp\","
        + " \"FromPort\": 443, \"ToPort\": 443, \"CidrIpv4\": \"10.0.0.0/8\"},"
        + "{\"GroupId\": \"sg-1\", \"IsEgress\": false, \"IpProtocol\": \"tcp\", \"FromPort\": 22, \"ToPort\": 22,"
        + " \"CidrIpv4\": \"10.0.0.0/8\"}]}");

    Network n = Snapshots.reader().file(ResponseKind.SECURITY_GROUP_RULES, rules)
        .file(ResponseKind.SECURITY_GROUP_RULES, rules).read();

    assertThat(n.securityGroup("sg-1").orElseThrow().ingress()).containsExactly(
        Rule.ingress(Ports.tcp(443), Peer.cidr("10.0.0.0/8")).withRuleId("sgr-1"),
        Rule.ingress(Ports.tcp(22), Peer.cidr("10.0.0.0/8")));
  }
}
