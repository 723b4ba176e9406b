package dev.sgreach.snapshot;

import static dev.sgreach.snapshot.RealDataTest.REAL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.sgreach.model.LoadBalancer;
import dev.sgreach.model.Network;
import dev.sgreach.model.TargetGroup;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ELBv2 responses beyond describe-load-balancers (elbv2 CLI reference: describe-listeners,
 * describe-target-groups, describe-target-group-attributes, describe-target-health): how they join their load
 * balancers and groups, what "not collected" reads as, and the errors for answers that do not fit together.
 */
class BalancerSnapshotTest {
  static final String LB = "arn:aws:elasticloadbalancing:us-east-1:111122223333:loadbalancer/net/api/50dc6c495c0c9188";
  static final String TG = "arn:aws:elasticloadbalancing:us-east-1:111122223333:targetgroup/api/73e2d6bc24d8a067";

  @TempDir
  Path dir;

  private void lbs(String extra) throws IOException {
    Files.writeString(dir.resolve("elbv2-describe-load-balancers.json"), "{\"LoadBalancers\": [{\"LoadBalancerArn\": \""
        + LB + "\", \"LoadBalancerName\": \"api\", \"Type\": \"network\", \"Scheme\": \"internal\", \"VpcId\":"
        + " \"vpc-1\"" + extra + "}]}");
    AwsJson.noGroups(dir);
    AwsJson.noInterfaces(dir);
  }

  private void groups() throws IOException {
    Files.writeString(dir.resolve("elbv2-describe-target-groups.json"), "{\"TargetGroups\": [{\"TargetGroupArn\": \""
        + TG + "\", \"TargetGroupName\": \"api\", \"Protocol\": \"TCP\", \"Port\": 8080, \"TargetType\": \"instance\","
        + " \"HealthCheckPort\": \"traffic-port\", \"VpcId\": \"vpc-1\", \"LoadBalancerArns\": [\"" + LB + "\"]}]}");
  }

  private SnapshotException error(String file) {
    SnapshotException e = catchThrowableOfType(SnapshotException.class, () -> Snapshots.read(dir));
    assertThat(e).isNotNull();
    assertThat(e.file()).isEqualTo(file);
    return e;
  }

  /** Batfish's test-load-balancer capture: its listener, target group, and the targets of describe-target-health. */
  @Test
  void batfishCaptureReadsListenersTargetGroupsAndTargets() {
    Network n = Snapshots.read(REAL.resolve("batfish/representation/aws/test-load-balancer/aws_configs"));

    TargetGroup tg = n.targetGroups().values().stream().filter(g -> g.name().equals("test-lb-tg")).findFirst()
        .orElseThrow();
    assertThat(tg.targets()).hasValueSatisfying(t -> assertThat(t).containsExactlyInAnyOrder(
        new TargetGroup.Target("i-0f4af951d61a19245", 22), new TargetGroup.Target("i-055b0db7be365202c", 22)));
    assertThat(tg.preserveClientIp()).as("no attributes file").isEmpty();
    LoadBalancer lb = n.loadBalancers().get(tg.loadBalancerArns().get(0));
    // Batfish keeps listeners in its own wrapper, one entry per load balancer
    assertThat(lb.listeners()).hasValueSatisfying(l -> assertThat(l).singleElement().satisfies(x -> {
      assertThat(x.protocol()).isEqualTo("TCP");
      assertThat(x.port()).isEqualTo(80);
    }));
    assertThat(n.interfacesOf(lb)).extracting(e -> e.interfaceType()).containsOnly("network_load_balancer")
        .hasSize(2);
  }

  @Test
  void aListenersAnswerMakesEveryLoadBalancersListenersKnownEvenWithoutAny() throws IOException {
    lbs("");
    Files.writeString(dir.resolve("elbv2-describe-listeners.json"), "{\"Listeners\": []}");

    assertThat(Snapshots.read(dir).loadBalancers().get(LB).listeners()).hasValueSatisfying(
        l -> assertThat(l).isEmpty());
  }

  @Test
  void attributesAndTargetsJoinTheirGroupATargetWithoutPortTakesTheGroups() throws IOException {
    lbs(", \"EnforceSecurityGroupInboundRulesOnPrivateLinkTraffic\": \"off\"");
    groups();
    Files.writeString(dir.resolve("elbv2-describe-target-group-attributes.json"), "{\"TargetGroupAttributes\":"
        + " [{\"TargetGroupArn\": \"" + TG + "\", \"Attributes\": [{\"Key\": \"proxy_protocol_v2.enabled\", \"Value\":"
        + " \"false\"}, {\"Key\": \"preserve_client_ip.enabled\", \"Value\": \"false\"}]}]}");
    Files.writeString(dir.resolve("elbv2-describe-target-health.json"), "{\"LoadBalancerTargetHealth\":"
        + " [{\"TargetGroupArn\": \"" + TG + "\", \"TargetHealthDescriptions\": [{\"Target\": {\"Id\":"
        + " \"i-0123456789abcdef0\"}, \"TargetHealth\": {\"State\": \"healthy\"}}]}]}");

    Network n = Snapshots.read(dir);

    assertThat(n.loadBalancers().get(LB).enforceInboundRulesOnPrivateLink()).isFalse();
    TargetGroup tg = n.targetGroups().get(TG);
    assertThat(tg.preserveClientIp()).contains(false);
    assertThat(tg.targets()).hasValueSatisfying(t -> assertThat(t).containsExactly(
        new TargetGroup.Target("i-0123456789abcdef0", 8080)));
    assertThat(n.targetGroupsOf(n.loadBalancers().get(LB))).containsExactly(tg);
  }

  @Test
  void aListenerOfALoadBalancerTheSnapshotLacksIsRefused() throws IOException {
    lbs("");
    Files.writeString(dir.resolve("elbv2-describe-listeners.json"), "{\"Listeners\": [{\"ListenerArn\": \"arn:l\","
        + " \"LoadBalancerArn\": \"arn:other\", \"Port\": 80, \"Protocol\": \"TCP\"}]}");

    assertThat(error("elbv2-describe-listeners.json")).hasMessageContaining("$.Listeners[0].LoadBalancerArn")
        .hasMessageContaining("arn:other").hasMessageContaining("does not hold");
  }

  @Test
  void aListenerWithoutPortIsIncomplete() throws IOException {
    lbs("");
    Files.writeString(dir.resolve("elbv2-describe-listeners.json"), "{\"Listeners\": [{\"ListenerArn\": \"arn:l\","
        + " \"LoadBalancerArn\": \"" + LB + "\", \"Protocol\": \"TCP\"}]}");

    assertThat(error("elbv2-describe-listeners.json")).hasMessageContaining("$.Listeners[0].Port")
        .hasMessageContaining("Port is missing");
  }

  @Test
  void aPrivateLinkSettingOtherThanOnOrOffIsRefused() throws IOException {
    lbs(", \"EnforceSecurityGroupInboundRulesOnPrivateLinkTraffic\": \"maybe\"");

    assertThat(error("elbv2-describe-load-balancers.json")).hasMessageContaining(
        "$.LoadBalancers[0].EnforceSecurityGroupInboundRulesOnPrivateLinkTraffic").hasMessageContaining("'maybe'");
  }

  @Test
  void aPreserveClientIpThatIsNotABooleanIsRefused() throws IOException {
    lbs("");
    groups();
    Files.writeString(dir.resolve("elbv2-describe-target-group-attributes.json"), "{\"TargetGroupAttributes\":"
        + " [{\"TargetGroupArn\": \"" + TG + "\", \"Attributes\": [{\"Key\": \"preserve_client_ip.enabled\","
        + " \"Value\": \"yes\"}]}]}");

    assertThat(error("elbv2-describe-target-group-attributes.json")).hasMessageContaining(
        "$.TargetGroupAttributes[0].Attributes").hasMessageContaining("'yes'");
  }

  @Test
  void targetsOfAGroupTheSnapshotLacksAndADescriptionWithoutTargetAreRefused() throws IOException {
    lbs("");
    groups();
    Path health = dir.resolve("elbv2-describe-target-health.json");
    Files.writeString(health, "{\"LoadBalancerTargetHealth\": [{\"TargetGroupArn\": \"arn:gone\","
        + " \"TargetHealthDescriptions\": []}]}");
    assertThat(error(health.getFileName().toString())).hasMessageContaining(
        "$.LoadBalancerTargetHealth[0].TargetGroupArn").hasMessageContaining("arn:gone");

    Files.writeString(health, "{\"LoadBalancerTargetHealth\": [{\"TargetGroupArn\": \"" + TG + "\","
        + " \"TargetHealthDescriptions\": [{\"TargetHealth\": {\"State\": \"healthy\"}}]}]}");
    assertThat(error(health.getFileName().toString())).hasMessageContaining(
        "$.LoadBalancerTargetHealth[0].TargetHealthDescriptions[0].Target").hasMessageContaining("missing");
  }
}
