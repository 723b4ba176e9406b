package dev.sgreach.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.collect.ImmutableList;
import dev.sgreach.engine.NaiveEvaluator.Addr;
import dev.sgreach.engine.NaiveEvaluator.Party;
import dev.sgreach.model.Cidr;
import dev.sgreach.model.Layer;
import dev.sgreach.model.Listener;
import dev.sgreach.model.LoadBalancer;
import dev.sgreach.model.Network;
import dev.sgreach.model.NetworkInterface;
import dev.sgreach.model.Peer;
import dev.sgreach.model.Ports;
import dev.sgreach.model.Rule;
import dev.sgreach.model.SecurityGroup;
import dev.sgreach.model.TargetGroup;
import dev.sgreach.model.Traffic;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link LoadBalancerPath} against a naive oracle written from the elbv2 user guides on its own: on seeded random
 * networks ({@link RandomNetworks}), one or two ENIs become a Network Load Balancer's (with the groups it carries, or
 * none), with random listeners (or none collected), PrivateLink enforcement, and a target group of random protocol,
 * target type and {@code preserve_client_ip.enabled} (or none collected); an outside client and a target ENI. The
 * oracle decides who the target sees on its own (NLB user guide, "Edit target group attributes": client IP
 * preservation defaults), judges the target's ingress with the client's address or the load balancer's (its ENI's
 * primary private IPv4 address, the only one it sends from), and a reference to the load
 * balancer's groups by a network whose target groups keep only such rules.
 */
class LoadBalancerPathAgreesWithOracleTest {
  static final String ARN = "arn:aws:elasticloadbalancing:us-east-1:111122223333:loadbalancer/net/plb/0f0e0d0c0b0a0908";
  static final List<String> CLIENTS = List.of("8.8.8.8", "203.0.113.7", "52.217.1.1", "10.0.0.250", "100.64.0.1",
      "10.1.2.3");

  static java.util.stream.LongStream seeds() {
    return java.util.stream.LongStream.range(0, 400);
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void agrees(long seed) {
    Random rnd = new Random(seed * 31 + 7);
    Network base = RandomNetworks.generate(seed);
    List<NetworkInterface> v4 = base.interfaces().values().stream()
        .filter(e -> !e.privateIpv4().isEmpty() && e.interfaceType().equals("interface")).toList();
    if (v4.size() < 2) {
      return;
    }
    // the load balancer's ENIs, carrying its groups
    List<NetworkInterface> shuffled = new ArrayList<>(v4);
    java.util.Collections.shuffle(shuffled, rnd);
    int lbEnis = 1 + rnd.nextInt(Math.min(2, shuffled.size() - 1));
    Network.Builder b = base.toBuilder();
    List<String> lbGroups = switch (rnd.nextInt(4)) {
      case 0 -> List.of();
      case 1 -> shuffled.get(0).securityGroupIds();
      default -> {
        // a group of its own, admitting clients on a listener-like port and sending anywhere
        b.add(SecurityGroup.builder("sg-plb").vpc(shuffled.get(0).vpcId())
            .allowIn(rnd.nextBoolean() ? Ports.tcp(0, 1024) : Ports.allTraffic(), Peer.cidr(pick(rnd, "0.0.0.0/0",
                "8.8.8.0/24", "10.0.0.0/8")))
            .allowOut(Ports.allTraffic(), Peer.cidr("0.0.0.0/0")).build());
        yield List.of("sg-plb");
      }
    };
    for (int i = 0; i < lbEnis; i++) {
      b.replace(shuffled.get(i).toBuilder().interfaceType("network_load_balancer")
          .description("ELB net/plb/0f0e0d0c0b0a0908").clearGroups().groups(lbGroups).build());
    }
    NetworkInterface target = shuffled.get(lbEnis);
    if (rnd.nextInt(3) != 0) {
      // a group of the target's own admitting the client, the load balancer's group or its address
      Peer from = switch (rnd.nextInt(4)) {
        case 0 -> Peer.cidr("0.0.0.0/0");
        case 1 -> Peer.group("sg-plb");
        case 2 -> Peer.cidr(shuffled.get(0).privateIpv4().get(0).addressString() + "/32");
        default -> Peer.cidr("10.0.0.0/8");
      };
      b.add(SecurityGroup.builder("sg-ptarget").vpc(target.vpcId()).allowIn(rnd.nextBoolean() ? Ports.tcp(0, 9000)
          : Ports.allTraffic(), from).allowOut(Ports.allTraffic(), Peer.cidr("0.0.0.0/0")).build());
      target = target.toBuilder().groups("sg-ptarget").build();
      b.replace(target);
    }
    LoadBalancer lb = new LoadBalancer(ARN, "plb", "network", "internet-facing", target.vpcId(),
        ImmutableList.copyOf(lbGroups), Optional.empty(), rnd.nextBoolean());
    if (rnd.nextInt(4) != 0) {
      ImmutableList.Builder<Listener> ls = ImmutableList.builder();
      for (int k = rnd.nextInt(3); k > 0; k--) {
        ls.add(new Listener(ARN + "/l" + k, ARN, pick(rnd, "TCP", "UDP", "TCP_UDP", "TLS"),
            List.of(22, 80, 443, 8080).get(rnd.nextInt(4))));
      }
      lb = lb.withListeners(ls.build());
    }
    b.add(lb);
    TargetGroup group = new TargetGroup(ARN.replace(":loadbalancer/net/", ":targetgroup/"), "tg",
        pick(rnd, "TCP", "UDP", "TCP_UDP", "TLS"), 80, pick(rnd, "instance", "ip"), target.vpcId(),
        ImmutableList.of(ARN));
    if (rnd.nextBoolean()) {
      group = group.withPreserveClientIp(rnd.nextBoolean());
    }
    b.add(group);
    Network n = b.build();
    Cidr targetAt = target.privateIpv4().get(0);
    String clientText = CLIENTS.get(rnd.nextInt(CLIENTS.size()));
    if (n.interfaces().values().stream().anyMatch(e -> e.privateAddresses().contains(Cidr.parse(clientText)))) {
      return; // the client must be an outside party
    }
    Traffic listener = rnd.nextBoolean() ? Traffic.tcp(List.of(22, 80, 443).get(rnd.nextInt(3)))
        : Traffic.udp(List.of(53, 80).get(rnd.nextInt(2)));
    int targetPort = List.of(22, 80, 443, 8080, 3306).get(rnd.nextInt(5));
    boolean privateLink = rnd.nextBoolean();

    Reachability r = Reachability.of(n, EnumSet.of(Layer.SECURITY_GROUPS), RandomNetworks.podModeOf(n));
    LoadBalancerPath.Result engine = LoadBalancerPath.reach(r, Member.outside(Cidr.parse(clientText)), lb, group,
        Member.of(target, targetAt), listener, targetPort, privateLink);
    NaiveOutcome oracle = oracle(n, lb, group, target, targetAt, clientText, listener, targetPort, privateLink);

    assertThat(engine.outcome().name()).as("seed %d: %s", seed, engine.explain()).isEqualTo(oracle.name());
    SEEN.add(engine.outcome() + (engine.clientIp().preserved() ? " preserved" : " not preserved"));
  }

  /** What the seeds covered: every outcome, with and without client IP preservation. */
  private static final Set<String> SEEN = java.util.concurrent.ConcurrentHashMap.newKeySet();

  @org.junit.jupiter.api.AfterAll
  static void theSeedsCoverEveryOutcomeWithAndWithoutPreservation() {
    assertThat(SEEN).as("a generator that stopped covering a case").contains("ALLOWED preserved",
        "DENIED preserved", "UNKNOWN preserved", "ALLOWED not preserved", "DENIED not preserved",
        "UNKNOWN not preserved");
  }

  private static String pick(Random rnd, String... values) {
    return values[rnd.nextInt(values.length)];
  }

  /** The naive answer: for some ENI of the load balancer, the front hop and the back hop. */
  static NaiveOutcome oracle(Network n, LoadBalancer lb, TargetGroup group, NetworkInterface target, Cidr targetAt,
      String client, Traffic listener, int targetPort, boolean privateLink) {
    NaiveEvaluator naive = new NaiveEvaluator(n);
    Addr clientAddr = NaiveEvaluator.parseAddr(client);
    Party clientParty = new Party(null, List.of(clientAddr));
    Addr targetAddr = NaiveEvaluator.parseAddr(targetAt.addressString());
    Party targetParty = new Party(target, List.of(targetAddr));
    Traffic onTarget = Traffic.of(listener.protocol(), targetPort);
    NaiveOutcome any = NaiveOutcome.DENIED;
    for (NetworkInterface e : n.interfaces().values()) {
      if (!e.description().equals("ELB net/plb/0f0e0d0c0b0a0908")) {
        continue;
      }
      Addr lbAddr = NaiveEvaluator.parseAddr(e.privateIpv4().get(0).addressString());
      Party lbParty = new Party(e, List.of(lbAddr));
      NaiveOutcome listens = naive.naiveListeners(e) == null ? NaiveOutcome.UNKNOWN
          : naive.naiveListeners(e).stream().anyMatch(l -> carries(l.protocol(), listener) && l.port()
              == listener.port()) ? NaiveOutcome.ALLOWED : NaiveOutcome.DENIED;
      boolean skip = privateLink && !lb.enforceInboundRulesOnPrivateLink() && !e.securityGroupIds().isEmpty();
      NaiveOutcome front = listens.and(skip ? NaiveOutcome.ALLOWED : naive.reach(clientParty, lbParty, listener));
      NaiveOutcome back;
      if (!seesClient(lb, group)) {
        back = naive.reach(lbParty, targetParty, onTarget);
      } else {
        NaiveOutcome egress = naive.side(lbParty, true, targetParty, targetAddr, onTarget);
        NaiveOutcome asClient = naive.side(targetParty, false, clientParty, clientAddr, onTarget);
        NaiveOutcome byReference = new NaiveEvaluator(onlyReferencesTo(n, target, lb))
            .side(targetParty, false, lbParty, lbAddr, onTarget);
        back = egress.and(asClient.or(byReference));
      }
      any = any.or(front.and(back));
    }
    return any;
  }

  /** The elbv2 NLB defaults, restated: UDP-like groups always; else the attribute; else on unless ip targets. */
  static boolean seesClient(LoadBalancer lb, TargetGroup g) {
    if (!lb.type().equals("network")) {
      return false;
    }
    if (Set.of("UDP", "TCP_UDP", "QUIC", "TCP_QUIC").contains(g.protocol())) {
      return true;
    }
    return g.preserveClientIp().orElse(!g.targetType().equals("ip"));
  }

  static boolean carries(String protocol, Traffic t) {
    int p = t.protocol().number();
    return switch (protocol) {
      case "TCP", "TLS" -> p == 6;
      case "UDP" -> p == 17;
      default -> p == 6 || p == 17;
    };
  }

  /** The network with the target's groups keeping only inbound rules that reference one of the LB's groups. */
  static Network onlyReferencesTo(Network n, NetworkInterface target, LoadBalancer lb) {
    Network.Builder b = n.toBuilder();
    for (String id : target.securityGroupIds()) {
      SecurityGroup g = n.securityGroups().get(id);
      if (g == null) {
        continue;
      }
      SecurityGroup.Builder kept = SecurityGroup.builder(g.id()).name(g.name()).vpc(g.vpcId());
      for (Rule r : g.ingress()) {
        if (r.peer() instanceof Peer.GroupPeer p && lb.securityGroupIds().contains(p.groupId())) {
          kept.rule(r);
        }
      }
      g.egress().forEach(kept::rule);
      b.replace(kept.build());
    }
    return b.build();
  }
}
