package dev.sgreach.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sgreach.model.Network;
import dev.sgreach.model.NetworkInterface;
import dev.sgreach.model.Peer;
import dev.sgreach.model.Rule;
import dev.sgreach.model.SecurityGroup;
import dev.sgreach.model.Traffic;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The generator is deterministic, stays within its promises, and produces every kind of verdict often. */
class RandomNetworksTest {

  @Test
  void same_seed_same_network_and_queries() {
    for (long seed = 1; seed <= 20; seed++) {
      RandomNetworks a = new RandomNetworks(seed);
      RandomNetworks b = new RandomNetworks(seed);
      assertThat(a.network()).isEqualTo(b.network());
      for (int i = 0; i < 20; i++) {
        assertThat(a.endpoint()).isEqualTo(b.endpoint());
        assertThat(a.traffic()).isEqualTo(b.traffic());
      }
    }
    assertThat(RandomNetworks.generate(1)).isNotEqualTo(RandomNetworks.generate(2));
  }

  @Test
  void sizes_and_no_shared_addresses() {
    for (long seed = 1; seed <= 250; seed++) {
      Network n = RandomNetworks.generate(seed);
      assertThat(n.interfaces().size()).isBetween(3, 15);
      assertThat(n.securityGroups().size()).isBetween(3, 12);
      for (SecurityGroup sg : n.securityGroups().values()) {
        // up to 8 random rules per direction, plus the default egress pair
        assertThat(sg.ingress().size()).isLessThanOrEqualTo(8);
        assertThat(sg.egress().size()).isLessThanOrEqualTo(10);
      }
      for (NetworkInterface e : n.interfaces().values()) {
        assertThat(e.privateIpv4().size()).isLessThanOrEqualTo(3);
        assertThat(e.ipv6().size()).isLessThanOrEqualTo(2);
        assertThat(e.privateAddresses()).isNotEmpty();
        assertThat(e.securityGroupIds().size()).isLessThanOrEqualTo(6);
      }
      assertThat(n.warnings()).noneMatch(w -> w.kind() == dev.sgreach.model.Warning.Kind.DUPLICATE_ADDRESS);
    }
  }

  @Test
  void every_corner_occurs() {
    int missingOnEni = 0;
    int staleRef = 0;
    int inactiveRef = 0;
    int crossVpcRef = 0;
    int unknownList = 0;
    int prefixes = 0;
    int v6only = 0;
    int unfiltered = 0;
    int unfilteredTypeWithGroups = 0;
    int bare = 0;
    int publicIps = 0;
    int multiEniInstances = 0;
    int groupEndpoints = 0;
    int publicEndpoints = 0;
    int secondaryElasticIps = 0;
    for (long seed = 1; seed <= 250; seed++) {
      RandomNetworks gen = new RandomNetworks(seed);
      Network n = gen.network();
      java.util.Map<String, Integer> perInstance = new java.util.HashMap<>();
      for (NetworkInterface e : n.interfaces().values()) {
        missingOnEni += e.securityGroupIds().stream().anyMatch(RandomNetworks.MISSING_GROUPS::contains) ? 1 : 0;
        prefixes += e.prefixes().size();
        v6only += e.privateIpv4().isEmpty() ? 1 : 0;
        boolean unfilteredType = RandomNetworks.UNFILTERED_TYPES.contains(e.interfaceType());
        unfiltered += unfilteredType && e.securityGroupIds().isEmpty() ? 1 : 0;
        unfilteredTypeWithGroups += unfilteredType && !e.securityGroupIds().isEmpty() ? 1 : 0;
        bare += !unfilteredType && e.securityGroupIds().isEmpty() ? 1 : 0;
        publicIps += e.publicIpv4().size();
        secondaryElasticIps += (int) e.publicIpv4ByPrivate().keySet().stream()
            .filter(p -> !p.equals(e.privateIpv4().get(0))).count();
        e.instanceId().ifPresent(i -> perInstance.merge(i, 1, Integer::sum));
      }
      multiEniInstances += (int) perInstance.values().stream().filter(c -> c > 1).count();
      for (int i = 0; i < 20; i++) {
        String endpoint = gen.endpoint();
        groupEndpoints += endpoint.startsWith("sg-") || endpoint.startsWith("i-") || endpoint.startsWith("{") ? 1 : 0;
        String e = endpoint;
        publicEndpoints += n.interfaces().values().stream()
            .anyMatch(x -> x.publicIpv4().stream().anyMatch(p -> p.addressString().equals(e))) ? 1 : 0;
      }
      for (SecurityGroup sg : n.securityGroups().values()) {
        for (Rule r : Iterables.concat(sg)) {
          if (r.peer() instanceof Peer.GroupPeer g) {
            staleRef += g.groupId().equals(RandomNetworks.STALE_GROUP) ? 1 : 0;
            String s = g.peeringStatus();
            inactiveRef += s != null && !s.isEmpty() && !s.equals("active") ? 1 : 0;
            SecurityGroup target = n.securityGroups().get(g.groupId());
            crossVpcRef += target != null && !target.vpcId().equals(sg.vpcId()) ? 1 : 0;
          } else if (r.peer() instanceof Peer.PrefixListPeer p) {
            unknownList += n.prefixList(p.prefixListId()).map(l -> !l.entriesKnown()).orElse(true) ? 1 : 0;
          }
        }
      }
    }
    assertThat(missingOnEni).isGreaterThan(50);
    assertThat(staleRef).isGreaterThan(50);
    assertThat(inactiveRef).isGreaterThan(50);
    assertThat(crossVpcRef).isGreaterThan(50);
    assertThat(unknownList).isGreaterThan(50);
    assertThat(prefixes).isGreaterThan(50);
    assertThat(v6only).isGreaterThan(20);
    assertThat(unfiltered).isGreaterThan(50);
    assertThat(unfilteredTypeWithGroups).isGreaterThan(20);
    assertThat(bare).isGreaterThan(50);
    assertThat(publicIps).isGreaterThan(100);
    assertThat(multiEniInstances).isGreaterThan(100);
    assertThat(groupEndpoints).isGreaterThan(500);
    assertThat(publicEndpoints).isGreaterThan(200);
    assertThat(secondaryElasticIps).isGreaterThan(20);
  }

  @Test
  void verdicts_are_a_healthy_mix() {
    Map<NaiveOutcome, Integer> count = new EnumMap<>(NaiveOutcome.class);
    int total = 0;
    for (long seed = 1; seed <= 250; seed++) {
      RandomNetworks g = new RandomNetworks(seed);
      NaiveEvaluator o = new NaiveEvaluator(g.network());
      for (int i = 0; i < 40; i++) {
        String from = g.endpoint();
        String to = g.endpoint();
        Traffic t = g.traffic();
        count.merge(o.reach(from, to, t), 1, Integer::sum);
        total++;
      }
    }
    System.out.println("oracle verdicts over " + total + " random queries: " + count);
    assertThat(count.getOrDefault(NaiveOutcome.ALLOWED, 0)).isGreaterThan(total / 10);
    assertThat(count.getOrDefault(NaiveOutcome.DENIED, 0)).isGreaterThan(total / 10);
    assertThat(count.getOrDefault(NaiveOutcome.UNKNOWN, 0)).isGreaterThan(total / 50);
  }

  /** Both directions' rules of a group. */
  private static final class Iterables {
    static Iterable<Rule> concat(SecurityGroup sg) {
      return com.google.common.collect.Iterables.concat(sg.ingress(), sg.egress());
    }
  }
}
