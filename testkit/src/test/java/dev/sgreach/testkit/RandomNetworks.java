package dev.sgreach.testkit;

import dev.sgreach.engine.Endpoint;
import dev.sgreach.model.Network;
import dev.sgreach.model.NetworkInterface;
import dev.sgreach.model.Peer;
import dev.sgreach.model.Ports;
import dev.sgreach.model.PrefixList;
import dev.sgreach.model.SecurityGroup;
import dev.sgreach.model.Traffic;
import dev.sgreach.model.VpcPeering;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A small seeded generator of networks for property tests: a few groups with random rules (CIDR, group, prefix-list
 * peers, including stale references and a prefix list with unknown entries), a few ENIs in one or two VPCs, some
 * carrying a group missing from the snapshot, and random questions about them.
 */
final class RandomNetworks {
  private static final int[] PORTS = {22, 53, 80, 443, 5432, 8080};
  private static final String[] CIDRS = {"0.0.0.0/0", "10.0.0.0/16", "10.0.1.0/24", "10.0.0.5/32", "192.168.0.0/16",
      "::/0", "2600:1f18::/64"};

  private final Random rnd;
  private final List<String> groups = new ArrayList<>();
  private final List<NetworkInterface> enis = new ArrayList<>();

  RandomNetworks(long seed) {
    this.rnd = new Random(seed);
  }

  Network network() {
    int n = 2 + rnd.nextInt(4);
    for (int i = 0; i < n; i++) {
      groups.add("sg-" + i);
    }
    Network.Builder b = Network.builder()
        .add(PrefixList.of("pl-known", "office", "10.0.1.0/24"))
        .add(PrefixList.withUnknownEntries("pl-unknown", "vpn"));
    if (rnd.nextBoolean()) {
      b.add(VpcPeering.active("pcx-1", "vpc-1", "vpc-2"));
    }
    for (String id : groups) {
      SecurityGroup.Builder g = SecurityGroup.builder(id).name("g" + id.substring(3)).vpc(vpc());
      for (int r = rnd.nextInt(5); r > 0; r--) {
        g.allowIn(ports(), peer());
      }
      for (int r = rnd.nextInt(4); r > 0; r--) {
        g.allowOut(ports(), peer());
      }
      b.add(g.build());
    }
    int e = 3 + rnd.nextInt(5);
    for (int i = 0; i < e; i++) {
      NetworkInterface.Builder eni = NetworkInterface.builder("eni-" + i).vpc(vpc())
          .address("10.0." + rnd.nextInt(2) + "." + (i + 1));
      if (rnd.nextInt(4) == 0) {
        eni.address("2600:1f18::" + (i + 1));
      }
      for (int k = rnd.nextInt(3); k > 0; k--) {
        eni.groups(rnd.nextInt(12) == 0 ? "sg-missing" : pick(groups));
      }
      NetworkInterface built = eni.build();
      enis.add(built);
      b.add(built);
    }
    return b.build();
  }

  private String vpc() {
    return rnd.nextInt(4) == 0 ? "vpc-2" : "vpc-1";
  }

  private Ports ports() {
    int port = PORTS[rnd.nextInt(PORTS.length)];
    return switch (rnd.nextInt(8)) {
      case 0 -> Ports.allTraffic();
      case 1 -> Ports.tcp(port, Math.min(65535, port + rnd.nextInt(3) * 1000));
      case 2 -> Ports.udp(port);
      case 3 -> rnd.nextBoolean() ? Ports.icmp(8, 0) : Ports.icmpAll();
      case 4 -> Ports.protocol(50);
      default -> Ports.tcp(port);
    };
  }

  private Peer peer() {
    return switch (rnd.nextInt(6)) {
      case 0, 1 -> Peer.cidr(CIDRS[rnd.nextInt(CIDRS.length)]);
      case 2 -> Peer.prefixList(rnd.nextInt(3) == 0 ? "pl-unknown" : "pl-known");
      case 3 -> Peer.group(rnd.nextInt(8) == 0 ? "sg-gone" : pick(groups));
      default -> Peer.group(pick(groups));
    };
  }

  /** A random endpoint: an ENI, an outside address, or a group some ENI carries. */
  Endpoint endpoint() {
    int k = rnd.nextInt(6);
    if (k == 0) {
      return Endpoint.address(rnd.nextBoolean() ? "203.0.113.9" : "10.0.1.200");
    }
    NetworkInterface eni = pick(enis);
    if (k == 1 && !eni.securityGroupIds().isEmpty()) {
      return Endpoint.securityGroup(eni.securityGroupIds().get(0));
    }
    return Endpoint.eni(eni.id());
  }

  Traffic traffic() {
    return switch (rnd.nextInt(6)) {
      case 0 -> Traffic.udp(53);
      case 1 -> Traffic.icmp(8, 0);
      case 2 -> Traffic.protocol(50);
      default -> Traffic.tcp(PORTS[rnd.nextInt(PORTS.length)] + rnd.nextInt(2) * 500);
    };
  }

  private <T> T pick(List<T> list) {
    return list.get(rnd.nextInt(list.size()));
  }
}
