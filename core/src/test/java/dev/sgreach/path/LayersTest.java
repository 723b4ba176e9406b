package dev.sgreach.path;

import static dev.sgreach.path.Judge.eni;
import static dev.sgreach.path.Judge.outside;
import static dev.sgreach.path.Judge.verdict;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sgreach.engine.Outcome;
import dev.sgreach.model.Layer;
import dev.sgreach.model.Network;
import dev.sgreach.model.NetworkAcl;
import dev.sgreach.model.NetworkInterface;
import dev.sgreach.model.Ports;
import dev.sgreach.model.RouteTable;
import dev.sgreach.model.Traffic;
import dev.sgreach.path.Hop.Step;
import org.junit.jupiter.api.Test;

/** "A layer whose data the snapshot lacks is not guessed": which layers are checked, and what missing data does. */
class LayersTest {

  private static Fixture withoutParts(Class<?>... kinds) {
    Fixture f = Fixture.standard();
    f.parts.values().removeIf(p -> java.util.Arrays.stream(kinds).anyMatch(k -> k.isInstance(p)));
    return f;
  }

  /** No ACL and no route table: the path is not judged; security groups alone decide, as before. */
  @Test
  void a_snapshot_without_path_data_checks_no_path_layer() {
    Network n = withoutParts(NetworkAcl.class, RouteTable.class).build();
    assertThat(n.layers()).containsExactly(Layer.SECURITY_GROUPS);
    PacketPaths paths = PacketPaths.of(n);
    assertThat(paths.layers()).isEmpty();
    PathVerdict v = verdict(n, eni(n, "eni-app"), outside("8.8.8.8"), Traffic.tcp(443));
    assertThat(v.outcome()).isEqualTo(Outcome.ALLOWED);
    assertThat(v.hops()).isEmpty();
    assertThat(v.layersChecked()).isEmpty();
    assertThat(v.explain()).contains("not checked: the snapshot holds no network ACL or route table");
  }

  /** ACLs without route tables: the two ends' subnets' ACLs on the direct path, both ways. */
  @Test
  void acls_without_route_tables_are_checked_on_the_direct_path() {
    Network n = withoutParts(RouteTable.class)
        .put(NetworkAcl.defaultAllowAll("acl-default", "vpc-a", "subnet-pub", "subnet-app"))
        .put(NetworkAcl.builder("acl-db").vpc("vpc-a").subnets("subnet-db")
            .inbound(100, NetworkAcl.Action.ALLOW, Ports.tcp(5432), "10.0.0.0/16").build()).build();
    assertThat(n.layers()).containsExactly(Layer.SECURITY_GROUPS, Layer.NETWORK_ACLS);
    PathVerdict v = verdict(n, eni(n, "eni-app"), eni(n, "eni-db"), Traffic.tcp(5432));
    assertThat(v.layersChecked()).containsExactly(Layer.NETWORK_ACLS);
    assertThat(v.forward()).extracting(Hop::step).containsExactly(Step.ACL_OUTBOUND, Step.ACL_INBOUND);
    assertThat(v.blockingHop().orElseThrow().step()).as("the reply leaves subnet-db").isEqualTo(Step.ACL_OUTBOUND);
    assertThat(v.explain()).contains("routes not checked");
  }

  /** Route tables without ACLs: routes and gateways are checked, no ACL hop appears. */
  @Test
  void route_tables_without_acls_check_routes_only() {
    Network n = withoutParts(NetworkAcl.class).build();
    assertThat(n.layers()).containsExactly(Layer.SECURITY_GROUPS, Layer.ROUTES);
    PathVerdict v = verdict(n, eni(n, "eni-app"), outside("8.8.8.8"), Traffic.tcp(443));
    assertThat(v.outcome()).as(v.explain()).isEqualTo(Outcome.ALLOWED);
    assertThat(v.hops()).extracting(Hop::step).doesNotContain(Step.ACL_INBOUND, Step.ACL_OUTBOUND);
  }

  /** A layer declared collected but empty is covered: every subnet's ACL is then unknown, never allowed. */
  @Test
  void a_layer_collected_empty_makes_each_subnet_unknown() {
    Network n = Network.builder().addAll(withoutParts(NetworkAcl.class).build()).collected(Layer.NETWORK_ACLS)
        .build();
    assertThat(n.covers(Layer.NETWORK_ACLS)).isTrue();
    PathVerdict v = verdict(n, eni(n, "eni-app"), eni(n, "eni-db"), Traffic.tcp(5432));
    assertThat(v.outcome()).as(v.explain()).isEqualTo(Outcome.UNKNOWN);
    assertThat(v.hops()).filteredOn(h -> h.step() == Step.ACL_OUTBOUND).allSatisfy(h -> {
      assertThat(h.outcome()).isEqualTo(Outcome.UNKNOWN);
      assertThat(h.code()).contains(ExplanationCode.UNKNOWN_RESOURCE);
    });
  }

  /** Questions the path cannot answer are refused with what is wrong. */
  @Test
  void bad_questions_are_refused_clearly() {
    Network n = Fixture.standard().build();
    PacketPaths p = PacketPaths.of(n);
    assertThatThrownBy(() -> p.check(outside("8.8.8.8"), outside("1.1.1.1"), Traffic.tcp(443)))
        .hasMessageContaining("both 8.8.8.8 (outside) and 1.1.1.1 (outside) are outside the snapshot");
    assertThatThrownBy(() -> p.check(eni(n, "eni-app"), outside("2a05:d018::1"), Traffic.tcp(443)))
        .hasMessageContaining("different address families");
    assertThatThrownBy(() -> p.check(eni(n, "eni-app"), eni(n, "eni-db"), Traffic.icmpv6(128, 0)))
        .hasMessageContaining("icmpv6 travels over IPv6 only");
    NetworkInterface stranger = NetworkInterface.builder("eni-stranger").address("10.0.2.99").build();
    assertThatThrownBy(() -> p.check(PathEnd.of(stranger), eni(n, "eni-db"), Traffic.tcp(443)))
        .hasMessage("eni-stranger is not a network interface of this snapshot");
    assertThatThrownBy(() -> p.check(eni(n, "eni-web", "54.10.0.10"), outside("8.8.8.8"), Traffic.tcp(443)))
        .hasMessageContaining("a packet leaves an ENI from one of its private addresses");
    assertThatThrownBy(() -> PathEnd.of(n.networkInterface("eni-app").orElseThrow(),
        dev.sgreach.model.Cidr.parse("10.0.2.21"))).hasMessage("eni-app has no address 10.0.2.21");
  }
}
