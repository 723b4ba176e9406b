package dev.sgreach.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.collect.ImmutableList;
import dev.sgreach.model.Cidr;
import dev.sgreach.model.Listener;
import dev.sgreach.model.LoadBalancer;
import dev.sgreach.model.Network;
import dev.sgreach.model.NetworkInterface;
import dev.sgreach.model.Peer;
import dev.sgreach.model.Ports;
import dev.sgreach.model.SecurityGroup;
import dev.sgreach.model.TargetGroup;
import dev.sgreach.model.Traffic;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Client -> Network Load Balancer -> target as AWS judges it. Sources: elbv2 NLB user guide, "Edit target group
 * attributes for your Network Load Balancer" (client IP preservation: on by default for instance targets, always for
 * UDP and TCP_UDP groups, off by default for ip targets of TCP and TLS; IPv6 clients of IPv4 targets are seen with the
 * load balancer's address) and "Update the security groups for your Network Load Balancer" (a target rule that
 * references the load balancer's group admits its traffic even with client IP preservation;
 * EnforceSecurityGroupInboundRulesOnPrivateLinkTraffic).
 */
class LoadBalancerPathTest {
  static final String ARN = "arn:aws:elasticloadbalancing:us-east-1:111122223333:loadbalancer/net/api/50dc6c495c0c9188";
  static final Member INTERNET = Member.outside(Cidr.parse("198.51.100.7"));

  /** An NLB in 10.0.0.0/16 whose group admits the internet on tcp/443, and a target admitting {@code targetRule}. */
  private static Network network(Peer targetPeer, String lbGroup) {
    Network.Builder b = Network.builder()
        .add(SecurityGroup.builder("sg-lb").vpc("vpc-1").allowIn(Ports.tcp(443), Peer.cidr("0.0.0.0/0"))
            .allowOut(Ports.allTraffic(), Peer.cidr("0.0.0.0/0")).build())
        .add(SecurityGroup.builder("sg-app").vpc("vpc-1").allowIn(Ports.tcp(8443), targetPeer).build())
        .add(NetworkInterface.builder("eni-lb").vpc("vpc-1").interfaceType("network_load_balancer")
            .description("ELB net/api/50dc6c495c0c9188").address("10.0.1.10").groups(lbGroup).build())
        .add(NetworkInterface.builder("eni-app").vpc("vpc-1").address("10.0.2.20").groups("sg-app").build());
    return b.build();
  }

  private static LoadBalancer lb(String... groups) {
    return new LoadBalancer(ARN, "api", "network", "internet-facing", "vpc-1", ImmutableList.copyOf(groups),
        Optional.of(ImmutableList.of(new Listener(ARN + "/l", ARN, "TCP", 443))), true);
  }

  private static TargetGroup group(String protocol, String type) {
    return new TargetGroup(ARN.replace("loadbalancer/net", "targetgroup"), "app", protocol, 8443, type, "vpc-1",
        ImmutableList.of(ARN));
  }

  private static LoadBalancerPath.Result reach(Network n, LoadBalancer lb, TargetGroup g, Member client, Traffic t,
      boolean privateLink) {
    Network withLb = n.toBuilder().add(lb).add(g).build();
    Reachability r = Reachability.of(withLb);
    NetworkInterface app = withLb.interfaces().get("eni-app");
    return LoadBalancerPath.reach(r, client, lb, g, Member.of(app), t, 8443, privateLink);
  }

  @Test
  void instanceTargetsSeeTheClientSoATargetAdmittingOnlyTheVpcTurnsTheInternetAway() {
    Network n = network(Peer.cidr("10.0.0.0/16"), "sg-lb");

    LoadBalancerPath.Result instance = reach(n, lb("sg-lb"), group("TCP", "instance"), INTERNET, Traffic.tcp(443),
        false);
    LoadBalancerPath.Result ip = reach(n, lb("sg-lb"), group("TCP", "ip"), INTERNET, Traffic.tcp(443), false);

    assertThat(instance.outcome()).as(instance.explain()).isEqualTo(Outcome.DENIED);
    assertThat(instance.clientIp().assumed()).isTrue();
    assertThat(instance.clientIp().why()).contains("describe-target-group-attributes");
    assertThat(ip.outcome()).as("ip targets of TCP see the load balancer's address: %s", ip.explain())
        .isEqualTo(Outcome.ALLOWED);
  }

  @Test
  void aTargetRuleReferencingTheLoadBalancersGroupAdmitsItEvenWithClientIpPreservation() {
    Network n = network(Peer.group("sg-lb"), "sg-lb");

    LoadBalancerPath.Result r = reach(n, lb("sg-lb"), group("TCP", "instance"), INTERNET, Traffic.tcp(443), false);

    assertThat(r.outcome()).as(r.explain()).isEqualTo(Outcome.ALLOWED);
    assertThat(r.clientIp().preserved()).isTrue();
  }

  @Test
  void theAttributeDecidesForTcpButUdpGroupsAlwaysPreserveTheClient() {
    Network n = network(Peer.cidr("10.0.0.0/16"), "sg-lb");

    LoadBalancerPath.Result off = reach(n, lb("sg-lb"), group("TCP", "instance").withPreserveClientIp(false),
        INTERNET, Traffic.tcp(443), false);
    TargetGroup.ClientIp udp = group("UDP", "ip").withPreserveClientIp(false).clientIp(lb("sg-lb"));

    assertThat(off.outcome()).as(off.explain()).isEqualTo(Outcome.ALLOWED);
    assertThat(off.clientIp().assumed()).isFalse();
    assertThat(udp.preserved()).isTrue();
    assertThat(udp.why()).contains("always on for UDP");
  }

  @Test
  void anIpv6ClientOfAnIpv4TargetIsSeenWithTheLoadBalancersAddress() {
    TargetGroup.ClientIp ip = group("TCP", "instance").clientIp(lb("sg-lb"));

    assertThat(ip.seenBy(4, 4)).isTrue();
    assertThat(ip.seenBy(6, 4)).isFalse();
  }

  @Test
  void privateLinkTrafficSkipsTheNlbsInboundRulesWhenEnforcementIsOff() {
    Network n = network(Peer.group("sg-lb"), "sg-lb");
    Network closed = n.toBuilder().replace(SecurityGroup.builder("sg-lb").vpc("vpc-1")
        .allowOut(Ports.allTraffic(), Peer.cidr("0.0.0.0/0")).build()).build();
    Member consumer = Member.outside(Cidr.parse("172.31.5.5"));

    LoadBalancerPath.Result enforced = reach(closed, lb("sg-lb"), group("TCP", "ip"), consumer, Traffic.tcp(443),
        true);
    LoadBalancerPath.Result skipped = reach(closed, lb("sg-lb").withEnforceInboundRulesOnPrivateLink(false),
        group("TCP", "ip"), consumer, Traffic.tcp(443), true);
    LoadBalancerPath.Result direct = reach(closed, lb("sg-lb").withEnforceInboundRulesOnPrivateLink(false),
        group("TCP", "ip"), consumer, Traffic.tcp(443), false);

    assertThat(enforced.outcome()).as(enforced.explain()).isEqualTo(Outcome.DENIED);
    assertThat(skipped.outcome()).as(skipped.explain()).isEqualTo(Outcome.ALLOWED);
    assertThat(skipped.steps()).anySatisfy(s -> assertThat(s).contains("PrivateLink"));
    assertThat(direct.outcome()).as("not through PrivateLink: %s", direct.explain()).isEqualTo(Outcome.DENIED);
  }

  @Test
  void theLoadBalancerAcceptsOnItsListenersOnlyAndUnknownListenersLeaveTheFrontHopUnknown() {
    Network n = network(Peer.group("sg-lb"), "sg-lb");
    LoadBalancer unknown = new LoadBalancer(ARN, "api", "network", "internet-facing", "vpc-1",
        ImmutableList.of("sg-lb"));

    LoadBalancerPath.Result notListened = reach(n, lb("sg-lb"), group("TCP", "ip"), INTERNET, Traffic.tcp(80),
        false);
    LoadBalancerPath.Result noListeners = reach(n, unknown, group("TCP", "ip"), INTERNET, Traffic.tcp(443), false);

    assertThat(notListened.outcome()).as(notListened.explain()).isEqualTo(Outcome.DENIED);
    assertThat(noListeners.outcome()).as(noListeners.explain()).isEqualTo(Outcome.UNKNOWN);
  }

  /**
   * elbv2 NLB user guide, "Edit target group attributes for your Network Load Balancer", Client IP preservation: with
   * it disabled "the source IP address is the private IP address of the Network Load Balancer", the one its ENI in
   * each subnet holds; a secondary address a snapshot lists for that ENI never carries the load balancer's traffic.
   */
  @Test
  void withoutClientIpPreservationTheTargetSeesTheLoadBalancersPrimaryPrivateAddressNotASecondaryOne() {
    Network n = Network.builder()
        .add(SecurityGroup.builder("sg-secondary").vpc("vpc-1").allowIn(Ports.tcp(8443), Peer.cidr("10.0.9.9/32"))
            .build())
        .add(SecurityGroup.builder("sg-primary").vpc("vpc-1").allowIn(Ports.tcp(8443), Peer.cidr("10.0.1.10/32"))
            .build())
        .add(NetworkInterface.builder("eni-lb").vpc("vpc-1").interfaceType("network_load_balancer")
            .description("ELB net/api/50dc6c495c0c9188").addresses("10.0.1.10", "10.0.9.9").build())
        .add(NetworkInterface.builder("eni-app").vpc("vpc-1").address("10.0.2.20").groups("sg-secondary").build())
        .add(NetworkInterface.builder("eni-other").vpc("vpc-1").address("10.0.2.21").groups("sg-primary").build())
        .build();
    LoadBalancer lb = lb();
    TargetGroup g = group("TCP", "instance").withPreserveClientIp(false);
    Reachability r = Reachability.of(n.toBuilder().add(lb).add(g).build());

    LoadBalancerPath.Result bySecondary = LoadBalancerPath.toTarget(r, INTERNET, lb, g,
        Member.of(n.interfaces().get("eni-app")), Traffic.tcp(8443));
    LoadBalancerPath.Result byPrimary = LoadBalancerPath.toTarget(r, INTERNET, lb, g,
        Member.of(n.interfaces().get("eni-other")), Traffic.tcp(8443));

    assertThat(bySecondary.outcome()).as("a target admitting only the secondary address: %s", bySecondary.explain())
        .isEqualTo(Outcome.DENIED);
    assertThat(byPrimary.outcome()).as("a target admitting the primary address: %s", byPrimary.explain())
        .isEqualTo(Outcome.ALLOWED);
  }
}
