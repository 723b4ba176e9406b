package dev.sgreach.cli;

import static dev.sgreach.cli.Cli.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every kind of malformed snapshot gives exit 2 and one line naming the file, the JSON path and the value; an ENI
 * carrying a group the snapshot lacks gives unknown verdicts (exit 3) with a warning.
 */
class MalformedSnapshotTest {
  private static final String ENIS = "{\"NetworkInterfaces\": ["
      + "{\"NetworkInterfaceId\": \"eni-a\", \"VpcId\": \"vpc-1\", \"PrivateIpAddress\": \"10.0.0.1\","
      + " \"PrivateIpAddresses\": [], \"Ipv6Addresses\": [], \"Groups\": [{\"GroupId\": \"sg-a\"}]},"
      + "{\"NetworkInterfaceId\": \"eni-b\", \"VpcId\": \"vpc-1\", \"PrivateIpAddress\": \"10.0.0.2\","
      + " \"PrivateIpAddresses\": [], \"Ipv6Addresses\": [], \"Groups\": [{\"GroupId\": \"GROUP_B\"}]}]}";

  private static String groups(String permission) {
    return "{\"SecurityGroups\": [{\"GroupId\": \"sg-a\", \"VpcId\": \"vpc-1\", \"IpPermissions\": [],"
        + " \"IpPermissionsEgress\": [{\"IpProtocol\": \"-1\", \"IpRanges\": [{\"CidrIp\": \"0.0.0.0/0\"}],"
        + " \"Ipv6Ranges\": [], \"PrefixListIds\": [], \"UserIdGroupPairs\": []}]},"
        + "{\"GroupId\": \"sg-b\", \"VpcId\": \"vpc-1\", \"IpPermissionsEgress\": [], \"IpPermissions\": ["
        + permission + "]}]}";
  }

  private static Cli.Result reach(Path dir, String groupsJson, String bGroup) throws Exception {
    Files.writeString(dir.resolve("ec2-describe-security-groups.json"), groupsJson);
    Files.writeString(dir.resolve("ec2-describe-network-interfaces.json"), ENIS.replace("GROUP_B", bGroup));
    return run("reach", "--snapshot", dir.toString(), "--from", "eni-a", "--to", "eni-b", "--port", "tcp/443");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "wrong type|{\"IpProtocol\": \"tcp\", \"FromPort\": \"443x\", \"ToPort\": 443, \"IpRanges\": [{\"CidrIp\": \"10.0.0.0/8\"}]}"
          + "|$.SecurityGroups[1].IpPermissions[0].FromPort|'443x'",
      "unknown protocol word|{\"IpProtocol\": \"tcpp\", \"FromPort\": 443, \"ToPort\": 443, \"IpRanges\": [{\"CidrIp\": \"10.0.0.0/8\"}]}"
          + "|$.SecurityGroups[1].IpPermissions[0].IpProtocol|'tcpp'",
      "bad CIDR|{\"IpProtocol\": \"tcp\", \"FromPort\": 443, \"ToPort\": 443, \"IpRanges\": [{\"CidrIp\": \"10.0.0/8\"}]}"
          + "|$.SecurityGroups[1].IpPermissions[0].IpRanges[0].CidrIp|'10.0.0/8'",
      "port out of range|{\"IpProtocol\": \"tcp\", \"FromPort\": 443, \"ToPort\": 70000, \"IpRanges\": [{\"CidrIp\": \"10.0.0.0/8\"}]}"
          + "|$.SecurityGroups[1].IpPermissions[0].ToPort|70000",
      "missing required field|{\"FromPort\": 443, \"ToPort\": 443, \"IpRanges\": [{\"CidrIp\": \"10.0.0.0/8\"}]}"
          + "|$.SecurityGroups[1].IpPermissions[0].IpProtocol|is missing"})
  void malformed_input_is_one_line_naming_file_path_and_value(String kind, String permission, String path,
      String value, @TempDir Path dir) throws Exception {
    Cli.Result r = reach(dir, groups(permission), "sg-b");
    BadInputTest.assertBadInput(r, "ec2-describe-security-groups.json", path, value);
  }

  @ParameterizedTest(name = "truncated")
  @CsvSource("ignored")
  void truncated_json_is_one_line_naming_file_and_position(String ignored, @TempDir Path dir) throws Exception {
    String json = groups("");
    Cli.Result r = reach(dir, json.substring(0, json.length() - 7), "sg-b");
    BadInputTest.assertBadInput(r, "ec2-describe-security-groups.json", "is not valid JSON", "line 1");
  }

  @ParameterizedTest(name = "missing group")
  @CsvSource("ignored")
  void an_eni_carrying_a_group_missing_from_the_snapshot_gives_unknown_and_a_warning(String ignored,
      @TempDir Path dir) throws Exception {
    Cli.Result r = reach(dir, groups("{\"IpProtocol\": \"tcp\", \"FromPort\": 443, \"ToPort\": 443,"
        + " \"IpRanges\": [{\"CidrIp\": \"10.9.0.0/16\"}], \"Ipv6Ranges\": [], \"PrefixListIds\": [],"
        + " \"UserIdGroupPairs\": []}"), "sg-gone");
    assertThat(r.exitCode()).isEqualTo(3);
    assertThat(r.out()).startsWith("unknown: eni-a -> eni-b on tcp/443\n")
        .contains("missing: eni-b (10.0.0.2) carries sg-gone, whose rules are not in the snapshot")
        .contains("warning: eni-b carries sg-gone, which is not in the snapshot");
  }
}
