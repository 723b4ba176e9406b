package dev.sgreach.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sgreach.engine.Endpoint;
import dev.sgreach.engine.Exposure;
import dev.sgreach.engine.Member;
import dev.sgreach.engine.Outcome;
import dev.sgreach.engine.Reachability;
import dev.sgreach.model.Network;
import dev.sgreach.model.NetworkInterface;
import dev.sgreach.model.Peer;
import dev.sgreach.model.Protocol;
import dev.sgreach.model.Rule;
import dev.sgreach.model.SecurityGroup;
import dev.sgreach.model.Traffic;
import dev.sgreach.model.Warning;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The generator makes what it promises, and the naive evaluator the benchmarks compare against agrees with the engine
 * (a correctness guard for the side-by-side figures; nothing here is timed).
 */
class RegionGeneratorTest {
  static final long SEED = 20240611L;
  static final RegionGenerator.Spec SPEC = RegionGenerator.Spec.small(SEED);
  static final Network NETWORK = RegionGenerator.generate(SPEC);
  static final Reachability ENGINE = Reachability.of(NETWORK);
  static final NaiveEvaluator NAIVE = new NaiveEvaluator(NETWORK);

  @Test
  void countsMatchTheSpec() {
    assertThat(NETWORK.securityGroups()).hasSize(SPEC.securityGroups());
    assertThat(NETWORK.interfaces()).hasSize(SPEC.interfaces());
    assertThat(NETWORK.vpcs()).hasSize(SPEC.vpcs());
    assertThat(NETWORK.peerings().values().stream().filter(p -> p.isActive()).count()).isEqualTo(2);
    for (SecurityGroup sg : NETWORK.securityGroups().values()) {
      assertThat(sg.ingress()).hasSize(SPEC.rulesPerDirection());
      assertThat(sg.egress()).hasSize(SPEC.rulesPerDirection());
    }
    for (NetworkInterface e : NETWORK.interfaces().values()) {
      assertThat(e.securityGroupIds()).hasSizeBetween(1, 5);
      assertThat(e.privateIpv4()).hasSizeBetween(1, 3);
      for (String g : e.securityGroupIds()) {
        assertThat(NETWORK.securityGroup(g).orElseThrow().vpcId()).isEqualTo(e.vpcId());
      }
    }
    assertThat(NETWORK.interfaces().values().stream().filter(e -> !e.ipv6().isEmpty()).count()).isPositive();
    // no ENI carries a missing group, no address is claimed twice: every verdict is allowed or denied
    assertThat(NETWORK.warnings()).extracting(Warning::kind)
        .doesNotContain(Warning.Kind.MISSING_SECURITY_GROUP, Warning.Kind.DUPLICATE_ADDRESS,
            Warning.Kind.MISSING_PREFIX_LIST, Warning.Kind.UNKNOWN_PREFIX_LIST_ENTRIES);
  }

  @Test
  void ruleMixIsRealistic() {
    List<Rule> rules = new ArrayList<>();
    NETWORK.securityGroups().values().forEach(sg -> {
      rules.addAll(sg.ingress());
      rules.addAll(sg.egress());
    });
    Map<String, Long> peers = rules.stream().collect(Collectors.groupingBy(r -> r.peer() instanceof Peer.GroupPeer
        ? "group" : r.peer() instanceof Peer.PrefixListPeer ? "prefix-list"
        : ((Peer.CidrPeer) r.peer()).cidr().isIpv4() ? "ipv4" : "ipv6", Collectors.counting()));
    double n = rules.size();
    assertThat(peers.get("group") / n).isBetween(0.30, 0.45);
    assertThat(peers.get("ipv4") / n).isBetween(0.35, 0.55);
    assertThat(peers.get("ipv6") / n).isBetween(0.05, 0.20);
    assertThat(peers.get("prefix-list") / n).isBetween(0.01, 0.08);
    Set<Integer> lengths = rules.stream().filter(r -> r.peer() instanceof Peer.CidrPeer c && c.cidr().isIpv4())
        .map(r -> ((Peer.CidrPeer) r.peer()).cidr().length()).collect(Collectors.toCollection(TreeSet::new));
    assertThat(lengths).contains(0, 8, 12, 16, 20, 24, 28, 32);
    Set<Integer> protocols = rules.stream().map(r -> r.ports().protocol().number()).collect(Collectors.toSet());
    assertThat(protocols).contains(-1, 1, 6, 17, 58, 50);
    assertThat(rules.stream().filter(r -> r.peer() instanceof Peer.GroupPeer g && g.peeringId() != null
        && "active".equals(g.peeringStatus()))).isNotEmpty();
  }

  @Test
  void sameSeedSameRegionOtherSeedOtherRegion() {
    assertThat(RegionGenerator.generate(SPEC)).isEqualTo(NETWORK);
    assertThat(RegionGenerator.generate(RegionGenerator.Spec.small(SEED + 1))).isNotEqualTo(NETWORK);
  }

  @Test
  void naiveEvaluatorAgreesWithTheEngineOnRandomPointQueries() {
    Random rnd = new Random(SEED);
    List<NetworkInterface> enis = List.copyOf(NETWORK.interfaces().values());
    Map<Outcome, Integer> seen = new EnumMap<>(Outcome.class);
    for (int q = 0; q < 600; q++) {
      NetworkInterface a = enis.get(rnd.nextInt(enis.size()));
      // half the time pick a destination the source's rules are likely to name: same VPC
      NetworkInterface b = enis.get(rnd.nextInt(enis.size()));
      Traffic t = PointQueryBenchmark.TRAFFIC.get(rnd.nextInt(PointQueryBenchmark.TRAFFIC.size()));
      Outcome engine = ENGINE.outcome(Member.of(a), Member.of(b), t);
      String where = "seed " + SEED + ", query " + q + ": " + a.id() + " -> " + b.id() + " " + t;
      assertThat(NAIVE.outcome(a, b, t)).as(where).isEqualTo(engine);
      assertThat(NAIVE.outcomeFullScan(a, b, t)).as(where).isEqualTo(engine);
      assertThat(ENGINE.reach(Endpoint.eni(a.id()), Endpoint.eni(b.id()), t).outcome()).as(where).isEqualTo(engine);
      seen.merge(engine, 1, Integer::sum);
    }
    // the comparison means something only if both answers occur
    assertThat(seen.getOrDefault(Outcome.ALLOWED, 0)).isGreaterThan(20);
    assertThat(seen.getOrDefault(Outcome.DENIED, 0)).isGreaterThan(20);
  }

  @Test
  void naiveWhoCanReachAgreesWithTheEngine() {
    Random rnd = new Random(SEED + 5);
    List<NetworkInterface> enis = List.copyOf(NETWORK.interfaces().values());
    for (int q = 0; q < 30; q++) {
      NetworkInterface target = enis.get(rnd.nextInt(enis.size()));
      Traffic t = q % 3 == 0 ? Traffic.udp(53) : Traffic.tcp(443);
      Set<String> engine = ENGINE.whoCanReach(Endpoint.eni(target.id()), t).allowedInterfaces().stream()
          .map(NetworkInterface::id).collect(Collectors.toSet());
      Set<String> naive = NAIVE.whoCanReach(target, t).stream().map(NetworkInterface::id)
          .collect(Collectors.toSet());
      assertThat(naive).as("seed %d, target %s on %s", SEED + 5, target.id(), t).isEqualTo(engine);
    }
  }

  @Test
  void naiveExposureAgreesWithTheEngine() {
    Exposure exposure = ENGINE.exposure();
    List<NaiveEvaluator.Exposed> naive = NAIVE.exposure();
    assertThat(naive).extracting(x -> x.eni().id())
        .containsExactlyElementsOf(exposure.interfaces().stream().map(x -> x.eni().id()).toList());
    assertThat(naive.size()).isPositive().isLessThan(NETWORK.interfaces().size());
    for (int i = 0; i < naive.size(); i++) {
      Exposure.Exposed e = exposure.interfaces().get(i);
      assertThat(naive.get(i).tcp()).as(e.eni().id()).isEqualTo(e.open().allowed(Protocol.TCP));
      assertThat(naive.get(i).udp()).as(e.eni().id()).isEqualTo(e.open().allowed(Protocol.UDP));
    }
  }

  @Test
  void withThePathEveryEniSitsInASubnetWithItsOwnAclAndRouteTableAndTheGroupsStayTheSame() {
    RegionGenerator.Spec spec = SPEC.withPath(40);
    Network n = RegionGenerator.generate(spec);

    assertThat(n.securityGroups()).isEqualTo(NETWORK.securityGroups());
    assertThat(n.subnets()).hasSize(40);
    assertThat(n.networkAcls()).hasSize(40);
    assertThat(n.routeTables()).hasSize(40);
    assertThat(n.layers()).contains(dev.sgreach.model.Layer.NETWORK_ACLS, dev.sgreach.model.Layer.ROUTES);
    for (dev.sgreach.model.NetworkAcl acl : n.networkAcls().values()) {
      assertThat(acl.entries(false)).hasSize(20);
      assertThat(acl.entries(true)).hasSize(20);
      assertThat(acl.subnetIds()).singleElement().satisfies(s -> assertThat(n.subnets()).containsKey(s));
    }
    for (NetworkInterface e : n.interfaces().values()) {
      dev.sgreach.model.Subnet s = n.subnets().get(e.subnetId());
      assertThat(s).as(e.id()).isNotNull();
      assertThat(e.privateAddresses()).as(e.id()).allSatisfy(a -> assertThat(s.contains(a)).isTrue());
      assertThat(e.availabilityZone()).isEqualTo(s.availabilityZone());
    }
    assertThat(n.warnings()).extracting(Warning::kind).doesNotContain(Warning.Kind.DUPLICATE_ADDRESS,
        Warning.Kind.AMBIGUOUS_ASSOCIATION);
    assertThat(n.transitGateways().values()).singleElement()
        .satisfies(g -> assertThat(g.attachments()).hasSize(spec.vpcs()));
    // the path layer has something to say both ways on this region
    dev.sgreach.path.PacketPaths paths = dev.sgreach.path.PacketPaths.of(n);
    Random rnd = new Random(SEED + 9);
    List<NetworkInterface> enis = List.copyOf(n.interfaces().values());
    Map<Outcome, Integer> seen = new EnumMap<>(Outcome.class);
    for (int q = 0; q < 400; q++) {
      NetworkInterface a = enis.get(rnd.nextInt(enis.size()));
      NetworkInterface b = enis.get(rnd.nextInt(enis.size()));
      Traffic t = PointQueryBenchmark.TRAFFIC.get(rnd.nextInt(PointQueryBenchmark.TRAFFIC.size()));
      if (t.family() == 6) {
        continue;
      }
      seen.merge(paths.outcome(dev.sgreach.path.PathEnd.of(a), dev.sgreach.path.PathEnd.of(b), t), 1,
          Integer::sum);
    }
    assertThat(seen.getOrDefault(Outcome.ALLOWED, 0)).isGreaterThan(20);
    assertThat(seen.getOrDefault(Outcome.DENIED, 0)).isGreaterThan(10);
  }

  @Test
  void sdk_mapping_benchmark_maps_the_region_back_to_the_same_groups_and_interfaces() {
    dev.sgreach.model.Network mapped = dev.sgreach.aws.SdkMapping.toNetwork(
        dev.sgreach.aws.SdkMapping.securityGroups(NETWORK), java.util.List.of(),
        dev.sgreach.aws.SdkMapping.networkInterfaces(NETWORK));
    // DescribeSecurityGroups groups rules by protocol and ports, so only the order of rules may change
    assertThat(mapped.securityGroups().keySet()).isEqualTo(NETWORK.securityGroups().keySet());
    NETWORK.securityGroups().forEach((id, g) -> {
      dev.sgreach.model.SecurityGroup m = mapped.securityGroups().get(id);
      assertThat(m.ingress()).as(id).containsExactlyInAnyOrderElementsOf(g.ingress());
      assertThat(m.egress()).as(id).containsExactlyInAnyOrderElementsOf(g.egress());
      assertThat(m.toBuilder().clearRules().build()).isEqualTo(g.toBuilder().clearRules().build());
    });
    assertThat(mapped.interfaces()).isEqualTo(NETWORK.interfaces());
  }
}
