package dev.sgreach.path;

import static dev.sgreach.path.Judge.eni;
import static dev.sgreach.path.Judge.outside;
import static dev.sgreach.path.Judge.verdict;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.collect.ImmutableRangeSet;
import com.google.common.collect.Range;
import dev.sgreach.engine.Outcome;
import dev.sgreach.model.Cidr;
import dev.sgreach.model.Network;
import dev.sgreach.model.NetworkAcl;
import dev.sgreach.model.NetworkAcl.Action;
import dev.sgreach.model.NetworkInterface;
import dev.sgreach.model.Ports;
import dev.sgreach.model.Traffic;
import dev.sgreach.model.Warning;
import dev.sgreach.path.Hop.Step;
import org.junit.jupiter.api.Test;

/** Network ACL facts, one test each, named after DOMAIN-PATH.md section 1. */
class AclFactsTest {

  /** An ACL on subnet-db only, with these entries; the other subnets keep the allow-all default ACL. */
  private static Network dbAcl(NetworkAcl.Entry... entries) {
    NetworkAcl.Builder acl = NetworkAcl.builder("acl-db").vpc("vpc-a").subnets("subnet-db");
    for (NetworkAcl.Entry e : entries) {
      acl.entry(e);
    }
    return Fixture.standard()
        .put(NetworkAcl.defaultAllowAll("acl-default", "vpc-a", "subnet-pub", "subnet-app"))
        .put(acl.build()).build();
  }

  private static NetworkAcl.Entry in(int n, Action a, Ports p, String cidr) {
    return NetworkAcl.Entry.inbound(n, a, p, cidr);
  }

  private static NetworkAcl.Entry out(int n, Action a, Ports p, String cidr) {
    return NetworkAcl.Entry.outbound(n, a, p, cidr);
  }

  /** Table 1a, "Order": the lowest rule number decides, whatever order Describe lists the entries in. */
  @Test
  void the_lowest_numbered_matching_entry_decides_not_the_listed_order() {
    Network n = dbAcl(in(200, Action.ALLOW, Ports.tcp(5432), "10.0.0.0/16"),
        in(100, Action.DENY, Ports.tcp(5432), "10.0.2.0/24"),
        out(100, Action.ALLOW, Ports.allTraffic(), "0.0.0.0/0"));
    PathVerdict v = verdict(n, eni(n, "eni-app"), eni(n, "eni-db"), Traffic.tcp(5432));
    assertThat(v.outcome()).as(v.explain()).isEqualTo(Outcome.DENIED);
    Hop block = v.blockingHop().orElseThrow();
    assertThat(block.step()).isEqualTo(Step.ACL_INBOUND);
    assertThat(block.component()).isEqualTo("acl-db");
    assertThat(block.code()).contains(ExplanationCode.SUBNET_ACL_RESTRICTION);
    assertThat(block.aclEntries()).extracting(NetworkAcl.Entry::ruleNumber).containsExactly(100);
    // from another subnet rule 100 does not match, and 200 admits it
    PathVerdict web = verdict(n, eni(n, "eni-web"), eni(n, "eni-db"), Traffic.tcp(5432));
    assertThat(web.outcome()).as(web.explain()).isEqualTo(Outcome.ALLOWED);
  }

  /** Table 1a, "Final rule": what no entry matches is denied by the {@code *} rule, listed or not. */
  @Test
  void a_packet_no_entry_matches_is_denied_by_the_final_star_rule() {
    Network n = dbAcl(in(100, Action.ALLOW, Ports.tcp(22), "10.0.0.0/16"),
        out(100, Action.ALLOW, Ports.allTraffic(), "0.0.0.0/0"));
    PathVerdict v = verdict(n, eni(n, "eni-app"), eni(n, "eni-db"), Traffic.tcp(5432));
    Hop block = v.blockingHop().orElseThrow();
    assertThat(block.aclEntries()).singleElement().satisfies(e -> {
      assertThat(e.isFinalDeny()).isTrue();
      assertThat(e.ruleNumber()).isEqualTo(32767);
    });
    assertThat(block.detail()).contains("denied by inbound rule *: deny all traffic from 0.0.0.0/0");
    assertThat(v.fixes()).singleElement().satisfies(f -> {
      assertThat(f.describe()).isEqualTo("add to acl-db: inbound rule 200: allow tcp 5432 from 10.0.2.20/32");
      assertThat(f.awsCliCommand()).isEqualTo("aws ec2 create-network-acl-entry --network-acl-id acl-db --ingress"
          + " --rule-number 200 --protocol 6 --port-range From=5432,To=5432 --cidr-block 10.0.2.20/32"
          + " --rule-action allow");
    });
  }

  /** Table 1a, "Address families": IPv4 entries never match IPv6 packets. */
  @Test
  void ipv4_entries_do_not_match_ipv6_packets() {
    Network n = Fixture.standard().put(NetworkAcl.builder("acl-default").vpc("vpc-a").isDefault(true)
        .subnets("subnet-pub", "subnet-app", "subnet-db")
        .inbound(100, Action.ALLOW, Ports.allTraffic(), "0.0.0.0/0")
        .outbound(100, Action.ALLOW, Ports.allTraffic(), "0.0.0.0/0").build()).build();
    PathVerdict v4 = verdict(n, eni(n, "eni-app"), eni(n, "eni-web"), Traffic.tcp(443));
    assertThat(v4.outcome()).as(v4.explain()).isEqualTo(Outcome.ALLOWED);
    PathVerdict v6 = verdict(n, eni(n, "eni-app", "2600:1f18:a:2::20"), eni(n, "eni-web", "2600:1f18:a:1::10"),
        Traffic.tcp(443));
    assertThat(v6.blockingHop().orElseThrow().aclEntries()).singleElement()
        .satisfies(e -> assertThat(e.ruleNumber()).as("the IPv6 final deny").isEqualTo(32768));
    assertThat(v6.fixes()).singleElement().satisfies(f -> assertThat(f.awsCliCommand())
        .contains("--egress", "--ipv6-cidr-block 2600:1f18:a:1::10/128"));
  }

  /** Table 1b: ICMP entries match on type and code (-1 any); other protocol numbers match whole. */
  @Test
  void icmp_entries_match_type_and_code_and_other_protocols_match_whole() {
    Network n = dbAcl(in(100, Action.ALLOW, Ports.icmp(8, -1), "10.0.0.0/16"),
        in(110, Action.ALLOW, Ports.protocol(50), "10.0.0.0/16"),
        out(100, Action.ALLOW, Ports.allTraffic(), "0.0.0.0/0"));
    assertThat(verdict(n, eni(n, "eni-app"), eni(n, "eni-db"), Traffic.icmp(8, 0)).outcome())
        .isEqualTo(Outcome.ALLOWED);
    assertThat(verdict(n, eni(n, "eni-app"), eni(n, "eni-db"), Traffic.icmp(3, 4)).outcome())
        .isEqualTo(Outcome.DENIED);
    assertThat(verdict(n, eni(n, "eni-app"), eni(n, "eni-db"), Traffic.protocol(50)).outcome())
        .isEqualTo(Outcome.ALLOWED);
    assertThat(verdict(n, eni(n, "eni-app"), eni(n, "eni-db"), Traffic.protocol(47)).outcome())
        .isEqualTo(Outcome.DENIED);
  }

  /** Table 1b: the reply to an echo request is an echo reply, which the ACLs judge on its own type. */
  @Test
  void the_reply_to_an_echo_request_is_judged_as_an_echo_reply() {
    Network n = dbAcl(in(100, Action.ALLOW, Ports.icmp(8, 0), "10.0.0.0/16"),
        out(100, Action.ALLOW, Ports.icmp(8, 0), "10.0.0.0/16"));
    PathVerdict v = verdict(n, eni(n, "eni-app"), eni(n, "eni-db"), Traffic.icmp(8, 0));
    Hop block = v.blockingHop().orElseThrow();
    assertThat(v.reply()).contains(block);
    assertThat(block.step()).isEqualTo(Step.ACL_OUTBOUND);
    assertThat(v.fixes()).singleElement().satisfies(f -> assertThat(f.awsCliCommand())
        .contains("--egress", "--protocol 1 --icmp-type-code Type=0,Code=0"));
    // a message with no reply is judged one way
    Network oneWay = dbAcl(in(100, Action.ALLOW, Ports.icmp(3, 4), "10.0.0.0/16"));
    PathVerdict unreachable = verdict(oneWay, eni(oneWay, "eni-app"), eni(oneWay, "eni-db"), Traffic.icmp(3, 4));
    assertThat(unreachable.outcome()).as(unreachable.explain()).isEqualTo(Outcome.ALLOWED);
  }

  /** Table 1c: a new custom ACL has only the {@code *} rules and blocks everything. */
  @Test
  void a_custom_acl_without_entries_blocks_everything() {
    Network n = dbAcl();
    PathVerdict v = verdict(n, eni(n, "eni-app"), eni(n, "eni-db"), Traffic.tcp(443));
    assertThat(v.blockingHop().orElseThrow().component()).isEqualTo("acl-db");
    assertThat(v.fixes().get(0).aclEntry().orElseThrow().ruleNumber()).as("first rule of an empty ACL")
        .isEqualTo(100);
  }

  /** Table 1d: the reply must pass on the client's whole ephemeral range; the proof gives the exact ports. */
  @Test
  void a_reply_admitted_on_part_of_the_ephemeral_range_is_denied_for_exactly_the_rest() {
    Network n = dbAcl(in(100, Action.ALLOW, Ports.tcp(5432), "10.0.0.0/16"),
        out(100, Action.ALLOW, Ports.tcp(49152, 65535), "10.0.0.0/16"));
    PathVerdict linux = verdict(n, eni(n, "eni-app"), eni(n, "eni-db"), Traffic.tcp(5432), ClientPorts.LINUX);
    assertThat(linux.outcome()).as(linux.explain()).isEqualTo(Outcome.DENIED);
    assertThat(linux.deniedReplyPorts()).isEqualTo(ImmutableRangeSet.of(Range.closed(32768, 49151)));
    assertThat(linux.explain()).contains("reply to the client's ephemeral ports (Linux 32768-61000, as given)",
        "the reply is denied for ports 32768-49151 of 32768-61000");
    assertThat(linux.fixes()).singleElement().satisfies(f -> assertThat(f.awsCliCommand()).isEqualTo(
        "aws ec2 create-network-acl-entry --network-acl-id acl-db --egress --rule-number 200 --protocol 6"
            + " --port-range From=32768,To=49151 --cidr-block 10.0.2.20/32 --rule-action allow"));
    PathVerdict windows = verdict(n, eni(n, "eni-app"), eni(n, "eni-db"), Traffic.tcp(5432), ClientPorts.WINDOWS);
    assertThat(windows.outcome()).as(windows.explain()).isEqualTo(Outcome.ALLOWED);
    PathVerdict any = verdict(n, eni(n, "eni-app"), eni(n, "eni-db"), Traffic.tcp(5432), ClientPorts.ANY_CLIENT);
    assertThat(any.deniedReplyPorts()).isEqualTo(ImmutableRangeSet.of(Range.closed(1024, 49151)));
  }

  /** Table 1d: the range assumed follows the client's kind, and the verdict records it. */
  @Test
  void the_default_ephemeral_range_follows_the_kind_of_client() {
    Network n = Fixture.standard().build();
    assertThat(PacketPaths.defaultClientPorts(eni(n, "eni-app"))).isEqualTo(ClientPorts.LINUX);
    assertThat(PacketPaths.defaultClientPorts(eni(n, "eni-nat"))).isEqualTo(ClientPorts.NAT_GATEWAY);
    assertThat(PacketPaths.defaultClientPorts(outside("8.8.8.8"))).isEqualTo(ClientPorts.ANY_CLIENT);
    NetworkInterface lb = NetworkInterface.builder("eni-lb").interfaceType("network_load_balancer").build();
    assertThat(ClientPorts.defaultFor(lb)).isEqualTo(ClientPorts.ELASTIC_LOAD_BALANCING);
    NetworkInterface lambda = NetworkInterface.builder("eni-fn").interfaceType("lambda").build();
    assertThat(ClientPorts.defaultFor(lambda)).isEqualTo(ClientPorts.LAMBDA);
    assertThat(ClientPorts.LINUX.describe()).isEqualTo("Linux 32768-61000");
    PathVerdict assumed = PacketPaths.of(n).check(eni(n, "eni-app"), eni(n, "eni-db"), Traffic.tcp(1));
    assertThat(assumed.clientPorts()).isEqualTo(ClientPorts.LINUX);
    assertThat(assumed.clientPortsAssumed()).isTrue();
    assertThat(assumed.explain()).contains("(Linux 32768-61000, assumed)");
  }

  /** Section 1.6: ACLs judge traffic that enters or leaves a subnet, not traffic inside it. */
  @Test
  void traffic_inside_one_subnet_meets_no_acl() {
    Network n = Fixture.standard()
        .put(NetworkInterface.builder("eni-db2").vpc("vpc-a").subnet("subnet-db").addresses("10.0.3.31").build())
        .put(NetworkAcl.builder("acl-default").vpc("vpc-a").isDefault(true)
            .subnets("subnet-pub", "subnet-app", "subnet-db").build()).build();
    PathVerdict v = verdict(n, eni(n, "eni-db"), eni(n, "eni-db2"), Traffic.tcp(5432));
    assertThat(v.outcome()).as(v.explain()).isEqualTo(Outcome.ALLOWED);
    assertThat(v.forward()).extracting(Hop::step).containsExactly(Step.SAME_SUBNET, Step.DELIVERY);
    assertThat(verdict(n, eni(n, "eni-app"), eni(n, "eni-db"), Traffic.tcp(5432)).outcome())
        .isEqualTo(Outcome.DENIED);
  }

  /** Table 1e: DNS to the Route 53 Resolver and instance metadata are not filtered, and say why. */
  @Test
  void amazon_dns_and_instance_metadata_are_exempt_with_the_reason() {
    Network n = Fixture.standard().put(NetworkAcl.builder("acl-default").vpc("vpc-a").isDefault(true)
        .subnets("subnet-pub", "subnet-app", "subnet-db").build()).build();
    PathVerdict dns = verdict(n, eni(n, "eni-app"), outside("10.0.0.2"), Traffic.udp(53));
    assertThat(dns.outcome()).as(dns.explain()).isEqualTo(Outcome.ALLOWED);
    assertThat(dns.forward()).singleElement().satisfies(h -> {
      assertThat(h.step()).isEqualTo(Step.EXEMPT);
      assertThat(h.detail()).contains("Route 53 Resolver", "network ACLs do not filter");
    });
    assertThat(verdict(n, eni(n, "eni-app"), outside("169.254.169.253"), Traffic.tcp(53)).outcome())
        .isEqualTo(Outcome.ALLOWED);
    assertThat(verdict(n, eni(n, "eni-app", "2600:1f18:a:2::20"), outside("fd00:ec2::254"), Traffic.tcp(80))
        .outcome()).isEqualTo(Outcome.ALLOWED);
    PathVerdict imds = verdict(n, eni(n, "eni-app"), outside("169.254.169.254"), Traffic.tcp(80));
    assertThat(imds.forward().get(0).detail()).contains("instance metadata service");
    // only what AWS documents is exempt: the rest is unknown, not allowed
    assertThat(verdict(n, eni(n, "eni-app"), outside("169.254.169.123"), Traffic.udp(123)).outcome())
        .as("Time Sync: not confirmed").isEqualTo(Outcome.UNKNOWN);
    assertThat(verdict(n, eni(n, "eni-app"), outside("10.0.0.2"), Traffic.tcp(22)).outcome())
        .isEqualTo(Outcome.UNKNOWN);
  }

  /** Section 1.5: an explicit association wins; else the default ACL; else the ACL is unknown, never allowed. */
  @Test
  void a_subnet_uses_its_explicit_acl_else_the_default_else_it_is_unknown() {
    Network explicit = Fixture.standard()
        .put(NetworkAcl.defaultAllowAll("acl-default", "vpc-a", "subnet-pub", "subnet-app"))
        .put(NetworkAcl.builder("acl-db").vpc("vpc-a").subnets("subnet-db").build()).build();
    assertThat(verdict(explicit, eni(explicit, "eni-app"), eni(explicit, "eni-db"), Traffic.tcp(5432))
        .blockingHop().orElseThrow().component()).isEqualTo("acl-db");
    Network implicit = Fixture.standard().put(NetworkAcl.defaultAllowAll("acl-default", "vpc-a")).build();
    PathVerdict byDefault = verdict(implicit, eni(implicit, "eni-app"), eni(implicit, "eni-db"), Traffic.tcp(5432));
    assertThat(byDefault.outcome()).as(byDefault.explain()).isEqualTo(Outcome.ALLOWED);
    assertThat(byDefault.forward()).filteredOn(h -> h.step() == Step.ACL_INBOUND).singleElement()
        .satisfies(h -> assertThat(h.component()).as("the default ACL serves unlisted subnets")
            .isEqualTo("acl-default"));
    Network noDefault = Fixture.standard().put(NetworkAcl.builder("acl-default").vpc("vpc-a")
        .subnets("subnet-pub", "subnet-app").inbound(100, Action.ALLOW, Ports.allTraffic(), "0.0.0.0/0")
        .outbound(100, Action.ALLOW, Ports.allTraffic(), "0.0.0.0/0").build()).build();
    PathVerdict v = verdict(noDefault, eni(noDefault, "eni-app"), eni(noDefault, "eni-db"), Traffic.tcp(5432));
    assertThat(v.outcome()).as(v.explain()).isEqualTo(Outcome.UNKNOWN);
    assertThat(v.forward()).filteredOn(h -> h.outcome() == Outcome.UNKNOWN).first().satisfies(h -> {
      assertThat(h.step()).isEqualTo(Step.ACL_INBOUND);
      assertThat(h.detail()).contains("the network ACL of subnet-db is not in the snapshot");
    });
  }

  /** Section 1.5 with the walk going on: an unknown ACL does not hide a later deny. */
  @Test
  void an_unknown_acl_still_lets_a_later_deny_decide() {
    Network n = Fixture.standard()
        .put(NetworkAcl.builder("acl-default").vpc("vpc-a").subnets("subnet-pub", "subnet-app")
            .inbound(100, Action.ALLOW, Ports.allTraffic(), "0.0.0.0/0").build()).build();
    PathVerdict v = verdict(n, eni(n, "eni-db"), eni(n, "eni-app"), Traffic.tcp(443));
    assertThat(v.outcome()).as(v.explain()).isEqualTo(Outcome.DENIED);
    assertThat(v.hops()).extracting(Hop::outcome).contains(Outcome.UNKNOWN, Outcome.DENIED);
  }

  /** Section 1.5: a subnet two ACLs claim is a data error: unknown, with a warning on the network. */
  @Test
  void a_subnet_two_acls_claim_is_unknown_and_warned() {
    Network n = Fixture.standard().put(NetworkAcl.builder("acl-db").vpc("vpc-a").subnets("subnet-db")
        .inbound(100, Action.ALLOW, Ports.allTraffic(), "0.0.0.0/0").build())
        .put(NetworkAcl.builder("acl-db2").vpc("vpc-a").subnets("subnet-db").build()).build();
    assertThat(n.warnings()).extracting(Warning::kind).contains(Warning.Kind.AMBIGUOUS_ASSOCIATION);
    assertThat(n.warnings()).extracting(Warning::message).anySatisfy(m -> assertThat(m)
        .contains("subnet-db is associated with both acl-default and acl-db"));
    assertThat(verdict(n, eni(n, "eni-app"), eni(n, "eni-db"), Traffic.tcp(5432)).outcome())
        .isEqualTo(Outcome.UNKNOWN);
  }

  /**
   * Section 1.7: through a NAT gateway the NAT subnet's ACL sees the client's packet inbound, and the reply from the
   * internet on the NAT gateway's own ports 1024-65535.
   */
  @Test
  void the_nat_subnet_acl_must_admit_replies_on_the_nat_gateways_ports() {
    Network n = Fixture.standard()
        .put(NetworkAcl.defaultAllowAll("acl-default", "vpc-a", "subnet-app", "subnet-db"))
        .put(NetworkAcl.builder("acl-pub").vpc("vpc-a").subnets("subnet-pub")
            .inbound(100, Action.ALLOW, Ports.allTraffic(), "10.0.0.0/16")
            .inbound(200, Action.ALLOW, Ports.tcp(32768, 65535), "0.0.0.0/0")
            .outbound(100, Action.ALLOW, Ports.allTraffic(), "0.0.0.0/0").build()).build();
    PathVerdict v = verdict(n, eni(n, "eni-app"), outside("8.8.8.8"), Traffic.tcp(443));
    assertThat(v.outcome()).as(v.explain()).isEqualTo(Outcome.DENIED);
    Hop block = v.blockingHop().orElseThrow();
    assertThat(v.reply()).contains(block);
    assertThat(block.component()).isEqualTo("acl-pub");
    assertThat(block.deniedPorts()).isEqualTo(ImmutableRangeSet.of(Range.closed(1024, 32767)));
    assertThat(v.sourceAsSeen()).as("8.8.8.8 sees the NAT gateway's Elastic IP").contains(Cidr.parse("3.3.3.3"));
  }
}
