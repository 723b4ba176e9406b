package dev.sgreach.snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.sgreach.model.Layer;
import dev.sgreach.model.Network;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad values in the path responses stop the read with one line naming the file, the JSON path and the value, and
 * saying what to change; never a partial network, never a guessed port range or route target.
 */
class PathMalformedInputTest {
  static final String ACLS = "ec2-describe-network-acls.json";
  static final String ROUTES = "ec2-describe-route-tables.json";

  @TempDir
  Path dir;

  @BeforeEach
  void groups() throws IOException {
    // the two files every snapshot folder needs, complete as AWS returns them
    Files.writeString(dir.resolve("ec2-describe-security-groups.json"),
        "{\"SecurityGroups\": [{\"GroupId\": \"sg-1\", \"IpPermissions\": [], \"IpPermissionsEgress\": []}]}");
    Files.writeString(dir.resolve("ec2-describe-network-interfaces.json"), "{\"NetworkInterfaces\": []}");
  }

  SnapshotException readError(String file, String json) throws IOException {
    Files.writeString(dir.resolve(file), json);
    SnapshotException e = catchThrowableOfType(SnapshotException.class, () -> Snapshots.read(dir));
    assertThat(e).as("reading %s", json).isNotNull();
    assertThat(e.getMessage()).doesNotContain("\n").startsWith(file + ": $");
    return e;
  }

  static String acl(String entry) {
    return "{\"NetworkAcls\": [{\"NetworkAclId\": \"acl-1\", \"VpcId\": \"vpc-1\", \"Entries\": [" + entry + "]}]}";
  }

  static String route(String route) {
    return "{\"RouteTables\": [{\"RouteTableId\": \"rtb-1\", \"VpcId\": \"vpc-1\", \"Routes\": [" + route + "]}]}";
  }

  @Test
  void aTcpEntryWithoutItsPortRangeIsRefusedRatherThanTakenAsEveryPort() throws IOException {
    SnapshotException e = readError(ACLS, acl("{\"RuleNumber\": 100, \"Egress\": false, \"Protocol\": \"6\","
        + " \"RuleAction\": \"allow\", \"CidrBlock\": \"0.0.0.0/0\"}"));

    assertThat(e).hasMessage(ACLS + ": $.NetworkAcls[0].Entries[0].PortRange: PortRange is missing: a tcp entry names"
        + " the ports it matches");
  }

  @Test
  void anIcmpEntryWithoutItsTypeAndCodeIsRefused() throws IOException {
    SnapshotException e = readError(ACLS, acl("{\"RuleNumber\": 100, \"Egress\": true, \"Protocol\": \"1\","
        + " \"RuleAction\": \"allow\", \"CidrBlock\": \"10.0.0.0/8\"}"));

    assertThat(e.jsonPath()).isEqualTo("$.NetworkAcls[0].Entries[0].IcmpTypeCode");
    assertThat(e.getMessage()).contains("IcmpTypeCode is missing");
  }

  @Test
  void anUnknownProtocolActionOrRuleNumberIsNamedWithItsValue() throws IOException {
    assertThat(readError(ACLS, acl("{\"RuleNumber\": 100, \"Egress\": true, \"Protocol\": \"tcpx\","
        + " \"RuleAction\": \"allow\", \"CidrBlock\": \"10.0.0.0/8\"}")).getMessage())
        .startsWith(ACLS + ": $.NetworkAcls[0].Entries[0].Protocol: ").contains("'tcpx'");
    assertThat(readError(ACLS, acl("{\"RuleNumber\": 100, \"Egress\": true, \"Protocol\": \"-1\","
        + " \"RuleAction\": \"permit\", \"CidrBlock\": \"10.0.0.0/8\"}")).getMessage())
        .startsWith(ACLS + ": $.NetworkAcls[0].Entries[0].RuleAction: ").contains("'permit'")
        .contains("use allow or deny");
    assertThat(readError(ACLS, acl("{\"RuleNumber\": 40000, \"Egress\": true, \"Protocol\": \"-1\","
        + " \"RuleAction\": \"allow\", \"CidrBlock\": \"10.0.0.0/8\"}")).getMessage())
        .startsWith(ACLS + ": $.NetworkAcls[0].Entries[0]: ").contains("must be in 1..32766");
  }

  @Test
  void aPortRangeOutOfOrderIsNamedAtThePortRange() throws IOException {
    SnapshotException e = readError(ACLS, acl("{\"RuleNumber\": 100, \"Egress\": false, \"Protocol\": \"17\","
        + " \"RuleAction\": \"allow\", \"CidrBlock\": \"0.0.0.0/0\", \"PortRange\": {\"From\": 53, \"To\": 10}}"));

    assertThat(e.jsonPath()).isEqualTo("$.NetworkAcls[0].Entries[0].PortRange");
    assertThat(e.getMessage()).contains("is empty");
  }

  @Test
  void anIpv6BlockInTheIpv4FieldIsAFamilyError() throws IOException {
    SnapshotException e = readError(ACLS, acl("{\"RuleNumber\": 100, \"Egress\": false, \"Protocol\": \"-1\","
        + " \"RuleAction\": \"allow\", \"CidrBlock\": \"::/0\"}"));

    assertThat(e).hasMessage(ACLS + ": $.NetworkAcls[0].Entries[0].CidrBlock: '::/0' is an IPv6 block where CidrBlock"
        + " holds IPv4");
  }

  @Test
  void aRouteWithTwoDestinationsOrAnActiveOneWithoutTargetIsRefused() throws IOException {
    assertThat(readError(ROUTES, route("{\"DestinationCidrBlock\": \"0.0.0.0/0\", \"DestinationPrefixListId\":"
        + " \"pl-1\", \"GatewayId\": \"igw-1\"}")).getMessage())
        .isEqualTo(ROUTES + ": $.RouteTables[0].Routes[0]: a route names exactly one of DestinationCidrBlock,"
            + " DestinationIpv6CidrBlock and DestinationPrefixListId, this one names 2");
    assertThat(readError(ROUTES, route("{\"DestinationCidrBlock\": \"0.0.0.0/0\", \"State\": \"active\"}"))
        .getMessage()).isEqualTo(ROUTES + ": $.RouteTables[0].Routes[0]: route to 0.0.0.0/0 names no target, which"
            + " only a blackhole route can");
  }

  @Test
  void aTargetOfUnknownFormOrAnUnknownStateIsNamedAtItsField() throws IOException {
    assertThat(readError(ROUTES, route("{\"DestinationCidrBlock\": \"0.0.0.0/0\", \"GatewayId\": \"gw-1\"}"))
        .getMessage()).startsWith(ROUTES + ": $.RouteTables[0].Routes[0].GatewayId: ").contains("'gw-1'");
    assertThat(readError(ROUTES, route("{\"DestinationCidrBlock\": \"0.0.0.0/0\", \"GatewayId\": \"igw-1\","
        + " \"State\": \"up\"}")).getMessage()).startsWith(ROUTES + ": $.RouteTables[0].Routes[0].State: ")
        .contains("'up'").contains("use active or blackhole");
  }

  @Test
  void aBlackholeWhoseTargetIsGoneReads() throws IOException {
    Files.writeString(dir.resolve(ROUTES), route("{\"DestinationCidrBlock\": \"0.0.0.0/0\", \"State\":"
        + " \"blackhole\"}"));

    Network n = Snapshots.read(dir);

    assertThat(n.routeTables().get("rtb-1").routes()).singleElement()
        .satisfies(r -> assertThat(r.describe()).isEqualTo("0.0.0.0/0 -> (no target) (blackhole)"));
  }

  @Test
  void anEmptyAclAnswerStillCoversTheLayerSoThatSubnetsWithoutAnAclAreUnknownRatherThanUnchecked()
      throws IOException {
    Files.writeString(dir.resolve(ACLS), "{\"NetworkAcls\": []}");

    Network n = Snapshots.read(dir);

    assertThat(n.networkAcls()).isEmpty();
    assertThat(n.layers()).containsExactlyInAnyOrder(Layer.SECURITY_GROUPS, Layer.NETWORK_ACLS);
  }

  @Test
  void twoAccountsDescribingOneAttachmentDifferentlyAreNamedWithBothPlaces() throws IOException {
    Path a = Files.createDirectories(dir.resolve("accounts/111/us-east-1"));
    Path b = Files.createDirectories(dir.resolve("accounts/222/us-east-1"));
    String attachment = "{\"TransitGatewayAttachments\": [{\"TransitGatewayAttachmentId\": \"tgw-attach-1\","
        + " \"TransitGatewayId\": \"tgw-1\", \"ResourceType\": \"vpc\", \"ResourceId\": \"%s\", \"State\":"
        + " \"available\"}]}";
    Files.writeString(a.resolve("TransitGatewayAttachments.json"), attachment.formatted("vpc-1"));
    Files.writeString(b.resolve("TransitGatewayAttachments.json"), attachment.formatted("vpc-2"));
    for (Path region : List.of(a, b)) { // each region folder is a snapshot of its own, with groups and ENIs
      for (String needed : List.of("ec2-describe-security-groups.json", "ec2-describe-network-interfaces.json")) {
        Files.copy(dir.resolve(needed), region.resolve(needed));
      }
    }

    SnapshotException e = catchThrowableOfType(SnapshotException.class, () -> Snapshots.read(dir));

    assertThat(e.getMessage()).doesNotContain("\n").contains("tgw-attach-1").contains("ResourceId vpc-2")
        .contains("accounts/111/us-east-1/TransitGatewayAttachments.json $.TransitGatewayAttachments[0]")
        .contains("says vpc-1");
  }

  @Test
  void transitGatewaysWithoutTheirAttachmentsResponseAreLeftOutSoThatPathsThroughThemAreUnknown()
      throws IOException {
    Files.writeString(dir.resolve("ec2-describe-transit-gateways.json"), "{\"TransitGateways\": [{"
        + "\"TransitGatewayId\": \"tgw-1\", \"State\": \"available\"}]}");

    assertThat(Snapshots.read(dir).transitGateways()).isEmpty();

    Files.writeString(dir.resolve("ec2-describe-transit-gateway-attachments.json"),
        "{\"TransitGatewayAttachments\": []}");
    assertThat(Snapshots.read(dir).transitGateways()).containsOnlyKeys("tgw-1");
  }

  @Test
  void aTableWithoutItsPropagationsOrRoutesFilesHasThemUnknown() throws IOException {
    Files.writeString(dir.resolve("ec2-describe-transit-gateway-attachments.json"),
        "{\"TransitGatewayAttachments\": []}");
    Files.writeString(dir.resolve("ec2-describe-transit-gateway-route-tables.json"), "{\"TransitGatewayRouteTables\":"
        + " [{\"TransitGatewayRouteTableId\": \"tgw-rtb-1\", \"TransitGatewayId\": \"tgw-1\"}, "
        + "{\"TransitGatewayRouteTableId\": \"tgw-rtb-2\", \"TransitGatewayId\": \"tgw-1\"}]}");
    Path routes = Files.createDirectories(dir.resolve("ec2-search-transit-gateway-routes-static"));
    Files.writeString(routes.resolve("tgw-rtb-2.json"), "{\"Routes\": [{\"DestinationCidrBlock\": \"10.0.0.0/16\","
        + " \"TransitGatewayAttachments\": [{\"TransitGatewayAttachmentId\": \"tgw-attach-1\"}], \"Type\": \"static\","
        + " \"State\": \"active\"}, {\"PrefixListId\": \"pl-1\", \"TransitGatewayAttachments\": [], \"Type\":"
        + " \"static\", \"State\": \"active\"}], \"AdditionalRoutesAvailable\": false}");
    Path propagations = Files.createDirectories(dir.resolve("ec2-get-transit-gateway-route-table-propagations"));
    Files.writeString(propagations.resolve("tgw-rtb-2.json"), "{\"TransitGatewayRouteTablePropagations\": [{"
        + "\"TransitGatewayAttachmentId\": \"tgw-attach-1\", \"State\": \"enabled\"}, {\"TransitGatewayAttachmentId\":"
        + " \"tgw-attach-2\", \"State\": \"disabled\"}]}");

    var g = Snapshots.read(dir).transitGateways().get("tgw-1");

    assertThat(g.routeTable("tgw-rtb-1")).hasValueSatisfying(t -> {
      assertThat(t.propagationsKnown()).isFalse();
      assertThat(t.staticRoutesComplete()).isFalse();
    });
    assertThat(g.routeTable("tgw-rtb-2")).hasValueSatisfying(t -> {
      assertThat(t.propagationsKnown()).isTrue();
      assertThat(t.propagations()).containsExactly("tgw-attach-1");
      assertThat(t.staticRoutes()).hasSize(1);
      // the prefix-list route is not one the model holds: the static routes are incomplete, hence unknown
      assertThat(t.staticRoutesComplete()).isFalse();
    });
  }
}
