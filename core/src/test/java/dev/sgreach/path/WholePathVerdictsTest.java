package dev.sgreach.path;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sgreach.engine.Endpoint;
import dev.sgreach.engine.Exposure;
import dev.sgreach.engine.Flow;
import dev.sgreach.engine.Member;
import dev.sgreach.engine.Outcome;
import dev.sgreach.engine.Reachability;
import dev.sgreach.engine.Verdict;
import dev.sgreach.model.Cidr;
import dev.sgreach.model.Layer;
import dev.sgreach.model.Network;
import dev.sgreach.model.NetworkAcl;
import dev.sgreach.model.NetworkInterface;
import dev.sgreach.model.Peer;
import dev.sgreach.model.Ports;
import dev.sgreach.model.Rule;
import dev.sgreach.model.SecurityGroup;
import dev.sgreach.model.Traffic;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;

/**
 * The engine's verdicts over the whole path ({@link Reachability} with {@link PacketPaths} between the egress and the
 * ingress side): on {@link Fixture#standard()} with groups, {@code eni-web} (public, {@code sg-web}), {@code eni-app}
 * (behind the NAT gateway, {@code sg-app}), {@code eni-db} ({@code sg-db}).
 */
class WholePathVerdictsTest {
  private static final Traffic PG = Traffic.tcp(5432);

  private static SecurityGroup group(String id, Rule... ingress) {
    SecurityGroup.Builder b = SecurityGroup.builder(id).vpc("vpc-a").name(id)
        .rule(Rule.egress(Ports.allTraffic(), Peer.cidr("0.0.0.0/0")))
        .rule(Rule.egress(Ports.allTraffic(), Peer.cidr("::/0")));
    for (Rule r : ingress) {
      b.rule(r);
    }
    return b.build();
  }

  /** The fixture with groups; {@code webIngress} is sg-web's ingress. */
  private static Network network(Fixture f, Rule webIngress) {
    Network path = f.build();
    Network.Builder b = path.toBuilder()
        .add(group("sg-web", webIngress))
        .add(group("sg-app", Rule.ingress(Ports.tcp(8080), Peer.group("sg-web")),
            Rule.ingress(Ports.tcp(22), Peer.cidr("0.0.0.0/0"))))
        .add(group("sg-db", Rule.ingress(Ports.tcp(5432), Peer.cidr("10.0.2.0/24"))));
    for (String[] eg : new String[][] {{"eni-web", "sg-web"}, {"eni-app", "sg-app"}, {"eni-db", "sg-db"}}) {
      NetworkInterface e = path.interfaces().get(eg[0]);
      b.replace(e.toBuilder().groups(eg[1]).build());
    }
    return b.build();
  }

  private static Network standard() {
    return network(Fixture.standard(), Rule.ingress(Ports.tcp(443), Peer.cidr("0.0.0.0/0")));
  }

  /** The fixture whose subnets' ACL denies inbound tcp 5432 (rule 90) and otherwise allows all. */
  private static Fixture denyingPostgres() {
    Fixture f = Fixture.standard();
    f.put(NetworkAcl.builder("acl-default").vpc("vpc-a").isDefault(true)
        .subnets("subnet-pub", "subnet-app", "subnet-db")
        .inbound(90, NetworkAcl.Action.DENY, Ports.tcp(5432), "0.0.0.0/0")
        .inbound(100, NetworkAcl.Action.ALLOW, Ports.allTraffic(), "0.0.0.0/0")
        .outbound(100, NetworkAcl.Action.ALLOW, Ports.allTraffic(), "0.0.0.0/0").build());
    return f;
  }

  /** The network's groups and ENIs only: a snapshot without path data. */
  private static Network withoutPath(Network n) {
    Network.Builder b = Network.builder();
    n.securityGroups().values().forEach(b::add);
    n.interfaces().values().forEach(b::add);
    n.vpcs().values().forEach(b::add);
    return b.build();
  }

  @Test
  void a_snapshot_without_path_data_is_judged_on_security_groups_and_says_so() {
    Network bare = withoutPath(network(denyingPostgres(), Rule.ingress(Ports.tcp(443), Peer.cidr("0.0.0.0/0"))));
    Reachability r = Reachability.of(bare);

    Verdict v = r.reach(Endpoint.eni("eni-app"), Endpoint.eni("eni-db"), PG);

    assertThat(r.layers()).containsExactly(Layer.SECURITY_GROUPS);
    assertThat(v.outcome()).as(v.explain()).isEqualTo(Outcome.ALLOWED);
    assertThat(v.layersChecked()).containsExactly(Layer.SECURITY_GROUPS);
    assertThat(v.explain()).contains("\n  layers checked: security groups\n").doesNotContain("forward:");
    assertThat(v.flows()).allSatisfy(f -> assertThat(f.path()).isEmpty());
  }

  @Test
  void an_acl_on_the_way_denies_what_the_groups_allow_and_the_proof_names_the_entry_and_the_fix() {
    Network n = network(denyingPostgres(), Rule.ingress(Ports.tcp(443), Peer.cidr("0.0.0.0/0")));
    Reachability r = Reachability.of(n);

    Verdict v = r.reach(Endpoint.eni("eni-app"), Endpoint.eni("eni-db"), PG);

    assertThat(v.layersChecked()).containsExactly(Layer.SECURITY_GROUPS, Layer.NETWORK_ACLS, Layer.ROUTES);
    assertThat(v.outcome()).as(v.explain()).isEqualTo(Outcome.DENIED);
    assertThat(r.outcome(Endpoint.eni("eni-app"), Endpoint.eni("eni-db"), PG)).isEqualTo(Outcome.DENIED);
    Flow f = v.flows().get(0);
    assertThat(f.egress().orElseThrow().outcome()).isEqualTo(Outcome.ALLOWED);
    assertThat(f.ingress().orElseThrow().outcome()).isEqualTo(Outcome.ALLOWED);
    PathVerdict p = f.path().orElseThrow();
    assertThat(p.blockingHop().orElseThrow().aclEntries()).extracting(NetworkAcl.Entry::ruleNumber)
        .containsExactly(90);
    assertThat(v.fixes()).as("the groups need no change").isEmpty();
    assertThat(v.pathFixes()).extracting(PathFix::awsCliCommand).singleElement().asString()
        .startsWith("aws ec2 create-network-acl-entry --network-acl-id acl-default --ingress");
    assertThat(v.explain()).contains("layers checked: security groups, network ACLs, routes")
        .contains("denied by inbound rule 90");
  }

  @Test
  void layers_sg_gives_the_security_group_answer_on_a_snapshot_with_path_data() {
    Network n = network(denyingPostgres(), Rule.ingress(Ports.tcp(443), Peer.cidr("0.0.0.0/0")));
    Reachability sgOnly = Reachability.of(n, EnumSet.of(Layer.SECURITY_GROUPS));
    Reachability bare = Reachability.of(withoutPath(n));

    assertThat(sgOnly.layers()).containsExactly(Layer.SECURITY_GROUPS);
    for (String[] q : new String[][] {{"eni-app", "eni-db"}, {"eni-web", "eni-app"}, {"eni-db", "eni-web"},
        {"eni-app", "eni-web"}}) {
      for (Traffic t : new Traffic[] {PG, Traffic.tcp(8080), Traffic.tcp(443), Traffic.tcp(22)}) {
        Verdict a = sgOnly.reach(Endpoint.eni(q[0]), Endpoint.eni(q[1]), t);
        Verdict b = bare.reach(Endpoint.eni(q[0]), Endpoint.eni(q[1]), t);
        assertThat(a.outcome()).as("%s -> %s on %s", q[0], q[1], t.spec()).isEqualTo(b.outcome());
        assertThat(a.explain()).isEqualTo(b.explain());
      }
    }
  }

  @Test
  void through_a_nat_gateway_the_destinations_groups_judge_the_nat_gateways_public_address() {
    // sg-web admits the VPC's block on 443: eni-app's own address, but not the NAT gateway's 3.3.3.3
    Network n = network(Fixture.standard(), Rule.ingress(Ports.tcp(443), Peer.cidr("10.0.0.0/16")));
    Member app = Member.of(n.interfaces().get("eni-app"));
    Member webPublic = Member.of(n.interfaces().get("eni-web"), Cidr.parseAddress("54.10.0.10"));

    Flow sgOnly = Reachability.of(n, EnumSet.of(Layer.SECURITY_GROUPS)).explain(app, webPublic, Traffic.tcp(443));
    Reachability whole = Reachability.of(n);
    Flow f = whole.explain(app, webPublic, Traffic.tcp(443));

    assertThat(sgOnly.outcome()).as(sgOnly.explain()).isEqualTo(Outcome.ALLOWED);
    assertThat(f.outcome()).as(f.explain()).isEqualTo(Outcome.DENIED);
    assertThat(whole.outcome(app, webPublic, Traffic.tcp(443))).isEqualTo(Outcome.DENIED);
    assertThat(f.path().orElseThrow().isAllowed()).as(f.explain()).isTrue();
    assertThat(f.path().orElseThrow().sourceAsSeen()).hasValueSatisfying(a -> assertThat(a.addressString())
        .isEqualTo("3.3.3.3"));
    assertThat(f.ingress().orElseThrow().remoteAddress().addressString()).isEqualTo("3.3.3.3");
    assertThat(f.ingress().orElseThrow().outcome()).isEqualTo(Outcome.DENIED);
    assertThat(f.fixes()).singleElement().satisfies(x -> assertThat(x.rule().peer())
        .isEqualTo(Peer.cidr("3.3.3.3/32")));

    Network open = network(Fixture.standard(), Rule.ingress(Ports.tcp(443), Peer.cidr("3.3.3.3/32")));
    assertThat(Reachability.of(open).outcome(Member.of(open.interfaces().get("eni-app")),
        Member.of(open.interfaces().get("eni-web"), Cidr.parseAddress("54.10.0.10")), Traffic.tcp(443)))
        .isEqualTo(Outcome.ALLOWED);
  }

  @Test
  void the_client_port_range_is_an_option_of_the_engine() {
    Fixture f = Fixture.standard();
    f.put(NetworkAcl.builder("acl-default").vpc("vpc-a").isDefault(true)
        .subnets("subnet-pub", "subnet-app", "subnet-db")
        .inbound(100, NetworkAcl.Action.ALLOW, Ports.tcp(5432), "0.0.0.0/0")
        .inbound(110, NetworkAcl.Action.ALLOW, Ports.tcp(1024, 2000), "0.0.0.0/0")
        .outbound(100, NetworkAcl.Action.ALLOW, Ports.allTraffic(), "0.0.0.0/0").build());
    Network n = network(f, Rule.ingress(Ports.tcp(443), Peer.cidr("0.0.0.0/0")));

    Verdict linux = Reachability.of(n).reach(Endpoint.eni("eni-app"), Endpoint.eni("eni-db"), PG);
    Verdict custom = Reachability.of(n, EnumSet.allOf(Layer.class), ClientPorts.of(1024, 2000))
        .reach(Endpoint.eni("eni-app"), Endpoint.eni("eni-db"), PG);

    assertThat(linux.outcome()).as(linux.explain()).isEqualTo(Outcome.DENIED);
    assertThat(linux.flows().get(0).path().orElseThrow().clientPortsAssumed()).isTrue();
    assertThat(custom.outcome()).as(custom.explain()).isEqualTo(Outcome.ALLOWED);
    assertThat(custom.flows().get(0).path().orElseThrow().clientPortsAssumed()).isFalse();
  }

  @Test
  void exposure_is_real_only_through_a_public_address_and_otherwise_by_security_groups_only() {
    Network n = standard();

    Exposure whole = Reachability.of(n).exposure();
    Exposure sgOnly = Reachability.of(n, EnumSet.of(Layer.SECURITY_GROUPS)).exposure();

    assertThat(sgOnly.pathChecked()).isFalse();
    // the NAT gateway's ENI is not listed: no group filters it and it answers no connection the internet opens
    assertThat(sgOnly.interfaces()).extracting(x -> x.eni().id()).containsExactly("eni-web", "eni-app");
    assertThat(sgOnly.interfaces()).extracting(Exposure.Exposed::path)
        .containsOnly(Exposure.PathReach.NOT_CHECKED);
    assertThat(whole.pathChecked()).isTrue();
    assertThat(whole.real()).extracting(x -> x.eni().id()).containsExactly("eni-web");
    // eni-app has no public address
    assertThat(whole.bySecurityGroupsOnly()).extracting(x -> x.eni().id()).containsExactly("eni-app");
    assertThat(whole.real().get(0).pathProof().orElseThrow().isAllowed()).isTrue();
    // the proof is built on first ask and kept: a second ask returns the very same verdict
    assertThat(whole.real().get(0).pathProof().orElseThrow())
        .isSameAs(whole.real().get(0).pathProof().orElseThrow());
    assertThat(whole.bySecurityGroupsOnly()).allSatisfy(x -> assertThat(x.pathProof().map(PathVerdict::outcome))
        .isIn(java.util.Optional.empty(), java.util.Optional.of(Outcome.DENIED)));

    // the public subnet without its internet route: eni-web is open by its groups only
    Fixture noRoute = Fixture.standard();
    noRoute.put(dev.sgreach.model.RouteTable.builder("rtb-pub").vpc("vpc-a").subnets("subnet-pub")
        .route("10.0.0.0/16", dev.sgreach.model.RouteTarget.LOCAL)
        .route("2600:1f18:a::/56", dev.sgreach.model.RouteTarget.LOCAL).build());
    Exposure cut = Reachability.of(network(noRoute, Rule.ingress(Ports.tcp(443), Peer.cidr("0.0.0.0/0"))))
        .exposure();
    assertThat(cut.real()).isEmpty();
    assertThat(cut.bySecurityGroupsOnly()).extracting(x -> x.eni().id())
        .containsExactly("eni-web", "eni-app");
  }

  /**
   * An NLB created without security groups accepts the internet's connections on its listeners only, and only when
   * the path lets them through: in the public subnet, through its public address, it is really exposed on its
   * listener; with the subnet's internet route gone it is exposed by security groups only. Each of two NLBs in one
   * subnet is probed on its own listeners. Exposure used to skip the path for ENIs no group filters, and listed such
   * an NLB as open whatever the routes said.
   */
  @Test
  void an_nlb_without_groups_is_really_exposed_only_where_the_path_reaches_its_listeners() {
    java.util.function.Function<Fixture, Network> withNlbs = f -> {
      Network.Builder b = f.build().toBuilder();
      for (String[] n : new String[][] {{"a", "0123456789abcdef", "443", "54.10.0.51"},
          {"b", "fedcba9876543210", "8443", "54.10.0.52"}}) {
        String arn = "arn:aws:elasticloadbalancing:us-east-1:111122223333:loadbalancer/net/nlb-" + n[0] + "/" + n[1];
        b.add(new dev.sgreach.model.LoadBalancer(arn, "nlb-" + n[0], "network", "internet-facing", "vpc-a",
            com.google.common.collect.ImmutableList.of()).withListeners(com.google.common.collect.ImmutableList.of(
                new dev.sgreach.model.Listener(arn + "/l", arn, "TCP", Integer.parseInt(n[2])))));
        b.add(Fixture.eni("eni-nlb-" + n[0], "vpc-a", "subnet-pub", "az1").interfaceType("network_load_balancer")
            .description("ELB net/nlb-" + n[0] + "/" + n[1]).addresses("10.0.1.5" + (n[0].equals("a") ? 1 : 2))
            .publicIp(n[3]).build());
      }
      return b.build();
    };
    Exposure open = Reachability.of(withNlbs.apply(Fixture.standard())).exposure();
    assertThat(open.real()).extracting(x -> x.eni().id()).contains("eni-nlb-a", "eni-nlb-b");
    assertThat(open.real()).filteredOn(x -> x.eni().id().equals("eni-nlb-b")).singleElement()
        .satisfies(x -> assertThat(x.pathProof().orElseThrow().isAllowed()).isTrue());

    Fixture noRoute = Fixture.standard();
    noRoute.put(dev.sgreach.model.RouteTable.builder("rtb-pub").vpc("vpc-a").subnets("subnet-pub")
        .route("10.0.0.0/16", dev.sgreach.model.RouteTarget.LOCAL)
        .route("2600:1f18:a::/56", dev.sgreach.model.RouteTarget.LOCAL).build());
    Exposure cut = Reachability.of(withNlbs.apply(noRoute)).exposure();
    assertThat(cut.real()).extracting(x -> x.eni().id()).doesNotContain("eni-nlb-a", "eni-nlb-b");
    assertThat(cut.bySecurityGroupsOnly()).extracting(x -> x.eni().id()).contains("eni-nlb-a", "eni-nlb-b");
  }
}
