package dev.sgreach.path;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sgreach.engine.Endpoint;
import dev.sgreach.engine.NaiveEvaluator;
import dev.sgreach.engine.NaiveOutcome;
import dev.sgreach.engine.Outcome;
import dev.sgreach.engine.Reachability;
import dev.sgreach.engine.Verdict;
import dev.sgreach.model.Cidr;
import dev.sgreach.model.Layer;
import dev.sgreach.model.Network;
import dev.sgreach.model.NetworkInterface;
import dev.sgreach.model.Peer;
import dev.sgreach.model.Ports;
import dev.sgreach.model.Rule;
import dev.sgreach.model.SecurityGroup;
import dev.sgreach.model.Vpc;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Property test of the whole path in the engine: on seeded random networks with every layer ({@link
 * RandomPathNetworks}, their ENIs given random security groups), {@link Reachability}'s fast answer and its verdict
 * both equal the two naive oracles together: the security-group oracle ({@link NaiveEvaluator}) AND the path oracle
 * ({@link NaivePathOracle}), Kleene-wise, on the query's client ports. NACLs (rule order, first match, the {@code *}
 * deny, IPv4 and IPv6, ephemeral replies), route selection, gateways, peering and transit-gateway hops come from the
 * path generator; the groups' egress rules name random blocks and ports, their ingress rules admit {@code 0.0.0.0/0}
 * or {@code ::/0} on random ports, so that the oracles' verdicts do not hinge on a source translated on the way
 * (which {@code WholePathVerdictsTest} checks by example); references between groups are the SG property test's.
 * Queries from or to an ENI's public address are left to the path property test.
 *
 * <p>Seeds 1..150, {@value #QUERIES} queries each; {@code -Dsgreach.path.seed=17} reruns one seed.
 */
class EngineWholePathAgreesWithOraclesTest {
  static final int QUERIES = 40;

  @TestFactory
  Stream<DynamicTest> the_engine_over_the_whole_path_agrees_with_the_two_oracles() {
    String one = System.getProperty("sgreach.path.seed");
    LongStream seeds = one != null && !one.isBlank() ? LongStream.of(Long.parseLong(one.trim()))
        : LongStream.rangeClosed(1, 150);
    return seeds.mapToObj(seed -> DynamicTest.dynamicTest("seed " + seed, () -> check(seed)));
  }

  /**
   * The planted error: an engine that leaves the path out (security groups alone) disagrees with the two oracles on
   * some seed, so the property test would notice an engine that dropped the path between the sides.
   */
  @org.junit.jupiter.api.Test
  void an_engine_without_the_path_is_caught() {
    long caught = LongStream.rangeClosed(1, 150)
        .filter(seed -> !disagreements(seed, EnumSet.of(Layer.SECURITY_GROUPS)).isEmpty()).findFirst().orElse(-1);
    assertThat(caught).as("a seed where the security-group-only engine disagrees").isPositive();
  }

  private static void check(long seed) {
    List<String> wrong = disagreements(seed, EnumSet.allOf(Layer.class));
    assertThat(wrong).as("seed %d; rerun: ./mvnw -pl core test -Dtest=EngineWholePathAgreesWithOraclesTest"
        + " -Dsgreach.path.seed=%d", seed, seed).isEmpty();
  }

  /** True for an outside end whose address is some ENI's public or Elastic IP, which the engine resolves to it. */
  private static boolean someEnisPublicAddress(Network network, PathEnd end) {
    return end.isOutside() && network.interfaces().values().stream()
        .anyMatch(e -> e.publicIpv4().stream().anyMatch(p -> p.contains(end.address())));
  }

  /** {@code vpc-.../ADDRESS} for an ENI's end, the bare address for an outside one. */
  private static String endpoint(PathEnd end) {
    String address = end.address().addressString();
    return end.eni().map(e -> e.vpcId().isEmpty() ? address : e.vpcId() + "/" + address).orElse(address);
  }

  private static List<String> disagreements(long seed, java.util.Set<Layer> layers) {
    RandomPathNetworks g = new RandomPathNetworks(seed);
    Network network = withGroups(g.network(), new Random(seed * 7919));
    NaiveEvaluator sgOracle = new NaiveEvaluator(network);
    NaivePathOracle pathOracle = new NaivePathOracle(network);
    Map<ClientPorts, Reachability> engines = new HashMap<>();
    List<String> wrong = new ArrayList<>();
    int judged = 0;
    for (int i = 0; i < QUERIES; i++) {
      RandomPathNetworks.Query q = g.query();
      if (q.from().isPublicAddress() || q.to().isPublicAddress()
          || someEnisPublicAddress(network, q.from()) || someEnisPublicAddress(network, q.to())) {
        continue; // an ENI's public address stands for that ENI (AwsFactsTest and the SG oracle judge those)
      }
      // an ENI's address with its VPC: the random VPCs may share private blocks, and an address alone is then
      // ambiguous (the engine refuses it)
      String from = endpoint(q.from());
      String to = endpoint(q.to());
      Outcome expected = and(sg(sgOracle.outcome(from, to, q.traffic())),
          pathOracle.judge(q.from(), q.to(), q.traffic(), q.clientPorts()).outcome());
      Reachability r = engines.computeIfAbsent(q.clientPorts(), c -> Reachability.of(network, layers, c));
      Outcome fast = r.outcome(Endpoint.parse(from), Endpoint.parse(to), q.traffic());
      Verdict v = r.reach(Endpoint.parse(from), Endpoint.parse(to), q.traffic());
      judged++;
      if (fast != expected || v.outcome() != expected) {
        wrong.add(q + ": oracles " + expected.word() + ", engine " + fast.word() + " (verdict " + v.outcome().word()
            + ")\n" + v.explain());
      }
    }
    assertThat(judged).as("seed %d: queries judged", seed).isPositive();
    return wrong;
  }

  /** The security-group oracle's outcome as the engine's. */
  static Outcome sg(NaiveOutcome o) {
    return switch (o) {
      case ALLOWED -> Outcome.ALLOWED;
      case DENIED -> Outcome.DENIED;
      case UNKNOWN -> Outcome.UNKNOWN;
    };
  }

  /** Kleene AND of two outcomes. */
  static Outcome and(Outcome a, Outcome b) {
    if (a == Outcome.DENIED || b == Outcome.DENIED) {
      return Outcome.DENIED;
    }
    return a == Outcome.ALLOWED && b == Outcome.ALLOWED ? Outcome.ALLOWED : Outcome.UNKNOWN;
  }

  private static final List<Ports> PORTS = List.of(Ports.allTraffic(), Ports.tcp(443), Ports.tcp(0, 65535),
      Ports.tcp(1024, 65535), Ports.tcp(22), Ports.udp(53), Ports.udp(0, 65535), Ports.icmpAll(),
      Ports.icmp(8, -1), Ports.icmpv6All());

  /** The network with 2-3 random groups per VPC, each ENI carrying 0-2 of its VPC's. */
  static Network withGroups(Network n, Random r) {
    Network.Builder b = n.toBuilder();
    Map<String, List<String>> byVpc = new HashMap<>();
    List<String> vpcs = new ArrayList<>(n.vpcs().keySet());
    n.interfaces().values().forEach(e -> {
      if (!vpcs.contains(e.vpcId())) {
        vpcs.add(e.vpcId());
      }
    });
    int k = 0;
    for (String vpc : vpcs) {
      List<String> ids = new ArrayList<>();
      List<Cidr> blocks = new ArrayList<>(List.of(Cidr.parse("0.0.0.0/0"), Cidr.parse("::/0"),
          Cidr.parse("10.0.0.0/8"), Cidr.parse("8.8.8.0/24"), Cidr.parse("2600::/16")));
      Vpc v = n.vpcs().get(vpc);
      if (v != null) {
        blocks.addAll(v.cidrs());
      }
      for (int i = 0, count = 2 + r.nextInt(2); i < count; i++) {
        String id = "sg-r" + (k++);
        SecurityGroup.Builder g = SecurityGroup.builder(id).vpc(vpc).name(id);
        for (int j = 0, rules = 1 + r.nextInt(3); j < rules; j++) {
          g.rule(Rule.egress(PORTS.get(r.nextInt(PORTS.size())), Peer.cidr(blocks.get(r.nextInt(blocks.size())))));
        }
        for (int j = 0, rules = 1 + r.nextInt(3); j < rules; j++) {
          g.rule(Rule.ingress(PORTS.get(r.nextInt(PORTS.size())), Peer.cidr(r.nextBoolean() ? "0.0.0.0/0" : "::/0")));
        }
        b.add(g.build());
        ids.add(id);
      }
      byVpc.put(vpc, ids);
    }
    for (NetworkInterface e : n.interfaces().values()) {
      List<String> pool = byVpc.get(e.vpcId());
      List<String> carried = new ArrayList<>();
      for (int i = 0, count = r.nextInt(3); i < count && pool != null; i++) {
        String id = pool.get(r.nextInt(pool.size()));
        if (!carried.contains(id)) {
          carried.add(id);
        }
      }
      b.replace(e.toBuilder().groups(carried).build());
    }
    return b.build();
  }
}
