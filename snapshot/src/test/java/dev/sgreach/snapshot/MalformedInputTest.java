package dev.sgreach.snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every kind of bad input stops the read with one line naming the file, the JSON path and the value. */
class MalformedInputTest {
  static final String SGS = "ec2-describe-security-groups.json";
  static final String ENIS = "ec2-describe-network-interfaces.json";
  static final String RULES = "ec2-describe-security-group-rules.json";

  @TempDir
  Path dir;

  /**
   * The error reading {@code json} as {@code file} of a folder. Valid JSON is first given the lists AWS always
   * returns where it lacks them ({@link AwsJson#complete}), so that each test sees the one defect it is about.
   */
  SnapshotException readError(String file, String json) throws IOException {
    String text;
    try {
      text = AwsJson.complete(json);
    } catch (java.io.UncheckedIOException notJson) {
      text = json;
    }
    return readRawError(file, text);
  }

  /** The error reading {@code json}, exactly as given, as {@code file} of a folder. */
  SnapshotException readRawError(String file, String json) throws IOException {
    Files.writeString(dir.resolve(file), json);
    AwsJson.noGroups(dir);
    AwsJson.noInterfaces(dir);
    SnapshotException e = catchThrowableOfType(SnapshotException.class, () -> Snapshots.read(dir));
    assertThat(e).as("reading %s", json).isNotNull();
    assertThat(e.getMessage()).doesNotContain("\n").startsWith(file + ": $");
    assertThat(e.file()).isEqualTo(file);
    return e;
  }

  static String group(String permission) {
    return "{\"SecurityGroups\": [{\"GroupId\": \"sg-1\", \"IpPermissions\": [" + permission + "]}]}";
  }

  @Test
  void truncatedJsonNamesWhereItEnds() throws IOException {
    SnapshotException e = readError(SGS, "{\"SecurityGroups\": [{\"GroupId\": \"sg-1\", \"IpPermissions\": [");

    assertThat(e.jsonPath()).isEqualTo("$.SecurityGroups[0].IpPermissions[0]");
    assertThat(e.value()).contains("end of file");
    assertThat(e.getMessage()).startsWith(SGS + ": $.SecurityGroups[0].IpPermissions[0]: 'end of file' is not valid"
        + " JSON at line 1, column 59: Unexpected end-of-input: expected close marker for Array");
  }

  @Test
  void textThatIsNotJsonIsRefused() throws IOException {
    SnapshotException e = readError(SGS, "SecurityGroups: []");

    assertThat(e.getMessage()).startsWith(SGS + ": $: is not valid JSON at line 1, column 1: Unrecognized token"
        + " 'SecurityGroups'");
  }

  @Test
  void aPortThatIsNotANumberIsAWrongType() throws IOException {
    SnapshotException e = readError(SGS, group("{\"IpProtocol\": \"tcp\", \"FromPort\": \"abc\", \"ToPort\": 22}"));

    assertThat(e).hasMessage(SGS + ": $.SecurityGroups[0].IpPermissions[0].FromPort: 'abc' is not a whole number");
    assertThat(e.value()).contains("abc");
  }

  @Test
  void permissionsAsAnObjectInsteadOfAnArrayIsAWrongType() throws IOException {
    SnapshotException e = readError(SGS,
        "{\"SecurityGroups\": [{\"GroupId\": \"sg-1\", \"IpPermissions\": {\"IpProtocol\": \"-1\"}}]}");

    assertThat(e).hasMessage(SGS + ": $.SecurityGroups[0].IpPermissions: '{\"IpProtocol\":\"-1\"}' is not a JSON"
        + " array");
  }

  @Test
  void itemsThatAreNotAnArrayAreAWrongType() throws IOException {
    SnapshotException e = readError(SGS, "{\"SecurityGroups\": \"sg-1\"}");

    assertThat(e).hasMessage(SGS + ": $.SecurityGroups: 'sg-1' is not a JSON array");
  }

  @Test
  void aFloatPortIsNotTruncated() throws IOException {
    SnapshotException e = readError(SGS, group("{\"IpProtocol\": \"tcp\", \"FromPort\": 22.5, \"ToPort\": 22}"));

    assertThat(e.getMessage()).startsWith(SGS + ": $.SecurityGroups[0].IpPermissions[0].FromPort: '22.5' is not a"
        + " whole number");
  }

  @Test
  void anUnknownProtocolWordIsRefused() throws IOException {
    SnapshotException e = readError(SGS, group("{\"IpProtocol\": \"tcpp\", \"IpRanges\": [{\"CidrIp\": \"0.0.0.0/0\"}]}"));

    assertThat(e).hasMessage(SGS + ": $.SecurityGroups[0].IpPermissions[0].IpProtocol: unknown IP protocol 'tcpp':"
        + " use -1, tcp, udp, icmp, icmpv6 or a protocol number 0..255");
    assertThat(e.value()).contains("tcpp");
  }

  @Test
  void aBadCidrIsNamedWithItsFullPath() throws IOException {
    String ok = "{\"GroupId\": \"sg-%d\"}";
    String json = "{\"SecurityGroups\": [" + ok.formatted(0) + "," + ok.formatted(1) + "," + ok.formatted(2) + ","
        + "{\"GroupId\": \"sg-3\", \"IpPermissions\": [{\"IpProtocol\": \"tcp\", \"FromPort\": 22, \"ToPort\": 22,"
        + " \"IpRanges\": [{\"CidrIp\": \"10.0.0.0/8\"}, {\"CidrIp\": \"10.0.0.300/8\"}]}]}]}";

    SnapshotException e = readError(SGS, json);

    assertThat(e.getMessage()).startsWith(SGS + ": $.SecurityGroups[3].IpPermissions[0].IpRanges[1].CidrIp:"
        + " '10.0.0.300/8' is not an IPv4 or IPv6 address or CIDR block");
    assertThat(e.jsonPath()).isEqualTo("$.SecurityGroups[3].IpPermissions[0].IpRanges[1].CidrIp");
    assertThat(e.value()).contains("10.0.0.300/8");
  }

  @Test
  void anIpv6BlockInCidrIpIsRefused() throws IOException {
    SnapshotException e = readError(SGS, group("{\"IpProtocol\": \"-1\", \"IpRanges\": [{\"CidrIp\": \"::/0\"}]}"));

    assertThat(e).hasMessage(SGS + ": $.SecurityGroups[0].IpPermissions[0].IpRanges[0].CidrIp: '::/0' is an IPv6"
        + " block where CidrIp holds IPv4");
  }

  @Test
  void aPortOutOfRangeIsNamedAtThatPort() throws IOException {
    SnapshotException e = readError(SGS, group("{\"IpProtocol\": \"tcp\", \"FromPort\": 22, \"ToPort\": 70000,"
        + " \"IpRanges\": [{\"CidrIp\": \"0.0.0.0/0\"}]}"));

    assertThat(e).hasMessage(SGS + ": $.SecurityGroups[0].IpPermissions[0].ToPort: '70000' tcp port range"
        + " 22..70000 must lie in 0..65535");
  }

  @Test
  void anIcmpTypeOutOfRangeIsNamedAtFromPort() throws IOException {
    SnapshotException e = readError(SGS, group("{\"IpProtocol\": \"icmp\", \"FromPort\": 300, \"ToPort\": -1,"
        + " \"IpRanges\": [{\"CidrIp\": \"0.0.0.0/0\"}]}"));

    assertThat(e).hasMessage(SGS + ": $.SecurityGroups[0].IpPermissions[0].FromPort: '300' icmp type (300) must be"
        + " -1 (any) or 0..255");
  }

  @Test
  void anEmptyPortRangeIsNamedAtThePermission() throws IOException {
    SnapshotException e = readError(SGS, group("{\"IpProtocol\": \"udp\", \"FromPort\": 30, \"ToPort\": 20,"
        + " \"IpRanges\": [{\"CidrIp\": \"0.0.0.0/0\"}]}"));

    assertThat(e).hasMessage(SGS + ": $.SecurityGroups[0].IpPermissions[0]: 'FromPort 30, ToPort 20' udp port range"
        + " 30..20 is empty: FromPort is above ToPort");
  }

  @Test
  void aMissingGroupIdIsNamed() throws IOException {
    SnapshotException e = readError(SGS, "{\"SecurityGroups\": [{\"GroupId\": \"sg-0\"}, {\"GroupName\": \"web\"}]}");

    assertThat(e).hasMessage(SGS + ": $.SecurityGroups[1].GroupId: GroupId is missing");
    assertThat(e.value()).isEmpty();
  }

  @Test
  void aMissingIpProtocolIsNamed() throws IOException {
    SnapshotException e = readError(SGS, group("{\"IpRanges\": [{\"CidrIp\": \"0.0.0.0/0\"}]}"));

    assertThat(e).hasMessage(SGS + ": $.SecurityGroups[0].IpPermissions[0].IpProtocol: IpProtocol is missing");
  }

  @Test
  void aMissingNetworkInterfaceIdIsNamed() throws IOException {
    SnapshotException e = readError(ENIS, "{\"NetworkInterfaces\": [{\"PrivateIpAddress\": \"10.0.0.5\"}]}");

    assertThat(e).hasMessage(ENIS + ": $.NetworkInterfaces[0].NetworkInterfaceId: NetworkInterfaceId is missing");
  }

  @Test
  void aMissingReferencedGroupIdIsNamed() throws IOException {
    SnapshotException e = readError(SGS, group("{\"IpProtocol\": \"-1\", \"UserIdGroupPairs\": [{\"UserId\": \"1\"}]}"));

    assertThat(e).hasMessage(SGS + ": $.SecurityGroups[0].IpPermissions[0].UserIdGroupPairs[0].GroupId: GroupId is"
        + " missing");
  }

  @Test
  void anEniAddressThatIsABlockIsRefused() throws IOException {
    SnapshotException e = readError(ENIS, "{\"NetworkInterfaces\": [{\"NetworkInterfaceId\": \"eni-1\","
        + " \"PrivateIpAddresses\": [{\"PrivateIpAddress\": \"10.0.0.0/24\"}]}]}");

    assertThat(e).hasMessage(ENIS + ": $.NetworkInterfaces[0].PrivateIpAddresses[0].PrivateIpAddress: '10.0.0.0/24'"
        + " is a block, not a single address");
  }

  @Test
  void aRuleWithoutIsEgressIsRefused() throws IOException {
    Files.writeString(dir.resolve(SGS), "{\"SecurityGroups\": []}");
    SnapshotException e = readError(RULES, "{\"SecurityGroupRules\": [{\"GroupId\": \"sg-1\", \"IpProtocol\": \"-1\","
        + " \"CidrIpv4\": \"0.0.0.0/0\"}]}");

    assertThat(e).hasMessage(RULES + ": $.SecurityGroupRules[0].IsEgress: IsEgress is missing");
  }

  @Test
  void aRuleWithTwoPeersIsRefused() throws IOException {
    SnapshotException e = readError(RULES, "{\"SecurityGroupRules\": [{\"GroupId\": \"sg-1\", \"IsEgress\": false,"
        + " \"IpProtocol\": \"-1\", \"CidrIpv4\": \"0.0.0.0/0\", \"PrefixListId\": \"pl-1\"}]}");

    assertThat(e).hasMessage(RULES + ": $.SecurityGroupRules[0]: a rule names exactly one of CidrIpv4, CidrIpv6,"
        + " PrefixListId or ReferencedGroupInfo, this one names 2");
  }

  @Test
  void aRecordedErrorResponseIsRefused() throws IOException {
    SnapshotException e = readError(SGS, "{\"status_code\": 400, \"data\": {\"Error\": {\"Code\":"
        + " \"InvalidGroup.NotFound\", \"Message\": \"gone\"}}}");

    assertThat(e).hasMessage(SGS + ": $.status_code: '400' is a recorded error response, not data"
        + " (InvalidGroup.NotFound: gone)");
  }

  @Test
  void aNullItemIsAWrongType() throws IOException {
    SnapshotException e = readError(SGS, "{\"SecurityGroups\": [null]}");

    assertThat(e).hasMessage(SGS + ": $.SecurityGroups[0]: 'null' is not a JSON object");
  }

  @Test
  void aNullPeerIsAWrongType() throws IOException {
    SnapshotException e = readError(SGS, group("{\"IpProtocol\": \"-1\", \"IpRanges\": [null]}"));

    assertThat(e.getMessage()).startsWith(SGS + ": $.SecurityGroups[0].IpPermissions[0].IpRanges[0]: 'null'");
  }

  @Test
  void aDuplicateIdDescribedDifferentlyNamesBothPlaces() throws IOException {
    SnapshotException e = readError(SGS, "{\"SecurityGroups\": [{\"GroupId\": \"sg-1\", \"GroupName\": \"a\"},"
        + " {\"GroupId\": \"sg-1\", \"GroupName\": \"b\"}]}");

    assertThat(e).hasMessage(SGS + ": $.SecurityGroups[1]: 'sg-1' describes security group sg-1 differently from "
        + SGS + " $.SecurityGroups[0]; a snapshot holds one state of each security group");
  }

  @Test
  void aFolderWithoutSnapshotFilesNamesTheFilesLookedFor() throws IOException {
    Files.writeString(dir.resolve("ec2-describe-vpcs.json"), "{\"Vpcs\": []}");

    SnapshotException e = catchThrowableOfType(SnapshotException.class, () -> Snapshots.read(dir));

    assertThat(e).hasMessage(dir + ": $: holds no security groups or network interfaces: looked for"
        + " ec2-describe-security-groups.json, SecurityGroups.json, ec2-describe-security-group-rules.json,"
        + " ec2-describe-network-interfaces.json, NetworkInterfaces.json in it and its subfolders");
  }

  @Test
  void aFieldGivenTwiceIsRefusedWhereverItIs() throws IOException {
    SnapshotException items = readRawError(ENIS, "{\"NetworkInterfaces\": [], \"NetworkInterfaces\": []}");
    assertThat(items).hasMessage(ENIS + ": $.NetworkInterfaces: NetworkInterfaces is given twice in this object:"
        + " which value AWS sent is unknown, so the file is refused");

    SnapshotException nested = readRawError(SGS, "{\"SecurityGroups\": [{\"GroupId\": \"sg-1\", \"IpPermissions\": ["
        + "{\"IpProtocol\": \"tcp\", \"FromPort\": 22, \"ToPort\": 22, \"FromPort\": 0, \"IpRanges\": [],"
        + " \"Ipv6Ranges\": [], \"PrefixListIds\": [], \"UserIdGroupPairs\": []}], \"IpPermissionsEgress\": []}]}");
    assertThat(nested).hasMessageStartingWith(SGS + ": $.SecurityGroups[0].IpPermissions[0].FromPort: FromPort is given"
        + " twice in this object");
  }

  @Test
  void aFieldSgreachDoesNotReadMayRepeat() throws IOException {
    AwsJson.noInterfaces(dir);
    Files.writeString(dir.resolve(SGS), "{\"SecurityGroups\": [{\"GroupId\": \"sg-1\", \"Shiny\": 1, \"Shiny\": 2,"
        + " \"IpPermissions\": [], \"IpPermissionsEgress\": []}]}");

    assertThat(Snapshots.read(dir).securityGroup("sg-1")).isPresent();
  }

  @Test
  void unknownFieldsAreIgnored() throws IOException {
    AwsJson.noInterfaces(dir);
    AwsJson.write(dir, SGS, "{\"SecurityGroups\": [{\"GroupId\": \"sg-1\", \"Shiny\": {\"x\": [1]},"
        + " \"IpPermissions\": [{\"IpProtocol\": \"-1\", \"Future\": true, \"IpRanges\": [{\"CidrIp\": \"0.0.0.0/0\","
        + " \"Whatever\": 1}]}]}], \"NextToken\": null}");

    assertThat(Snapshots.read(dir).securityGroup("sg-1").orElseThrow().ingress()).hasSize(1);
  }
}
