package dev.sgreach.engine;

import dev.sgreach.model.Cidr;
import dev.sgreach.model.Direction;
import dev.sgreach.model.Network;
import dev.sgreach.model.NetworkInterface;
import dev.sgreach.model.Peer;
import dev.sgreach.model.Ports;
import dev.sgreach.model.Rule;
import dev.sgreach.model.SecurityGroup;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Seeded random changes to a network, for the diff's property test: one to four of removing, adding or altering a
 * rule, regrouping an ENI, removing an ENI, adding an ENI (a copy of another with a fresh id and address), and
 * moving an ENI's address.
 */
final class RandomChanges {
  private final Random rnd;

  private RandomChanges(long seed) {
    this.rnd = new Random(seed * 31 + 7);
  }

  /** The network after this seed's changes. */
  static Network change(Network n, long seed) {
    RandomChanges c = new RandomChanges(seed);
    int count = 1 + c.rnd.nextInt(4);
    Network out = n;
    for (int i = 0; i < count; i++) {
      out = c.once(out, i);
    }
    return out;
  }

  private <T> T pick(List<T> list) {
    return list.get(rnd.nextInt(list.size()));
  }

  private Network once(Network n, int step) {
    List<SecurityGroup> groups = new ArrayList<>(n.securityGroups().values());
    List<NetworkInterface> enis = new ArrayList<>(n.interfaces().values());
    Network.Builder b = n.toBuilder();
    switch (rnd.nextInt(7)) {
      case 0 -> { // remove a rule
        SecurityGroup g = pick(groups);
        List<Rule> rules = new ArrayList<>(g.ingress());
        rules.addAll(g.egress());
        if (!rules.isEmpty()) {
          b.replace(g.toBuilder().removeRule(pick(rules)).build());
        }
      }
      case 1 -> { // add a rule copied from another group, or a fresh one
        SecurityGroup g = pick(groups);
        SecurityGroup from = pick(groups);
        List<Rule> rules = new ArrayList<>(from.ingress());
        rules.addAll(from.egress());
        Rule r = rules.isEmpty() || rnd.nextBoolean() ? fresh(groups) : pick(rules);
        b.replace(g.toBuilder().rule(r).build());
      }
      case 2 -> { // alter a rule's ports
        SecurityGroup g = pick(groups);
        List<Rule> rules = new ArrayList<>(g.ingress());
        rules.addAll(g.egress());
        if (!rules.isEmpty()) {
          Rule r = pick(rules);
          int p = 1 + rnd.nextInt(2000);
          b.replace(g.toBuilder().removeRule(r)
              .rule(new Rule(r.direction(), Ports.tcp(p, p + rnd.nextInt(50)), r.peer(), r.description(), r.ruleId()))
              .build());
        }
      }
      case 3 -> { // regroup an ENI
        NetworkInterface e = pick(enis);
        List<String> ids = new ArrayList<>(e.securityGroupIds());
        if (!ids.isEmpty() && rnd.nextBoolean()) {
          ids.remove(rnd.nextInt(ids.size()));
        } else {
          String g = pick(groups).id();
          if (!ids.contains(g)) {
            ids.add(g);
          }
        }
        b.replace(e.toBuilder().clearGroups().groups(ids).build());
      }
      case 4 -> b.removeInterface(pick(enis).id());
      case 5 -> { // a copy of an ENI with a fresh id and address
        NetworkInterface e = pick(enis);
        NetworkInterface.Builder eb = NetworkInterface.builder("eni-new" + step + rnd.nextInt(1000)).vpc(e.vpcId())
            .subnet(e.subnetId()).interfaceType(e.interfaceType()).groups(e.securityGroupIds())
            .address("10.0." + (200 + step) + "." + (1 + rnd.nextInt(250)));
        b.add(eb.build());
      }
      default -> { // move an ENI's first IPv4 address
        NetworkInterface e = pick(enis);
        if (!e.privateIpv4().isEmpty()) {
          NetworkInterface.Builder eb = NetworkInterface.builder(e.id()).vpc(e.vpcId()).subnet(e.subnetId())
              .interfaceType(e.interfaceType()).groups(e.securityGroupIds())
              .address("10.0." + (210 + step) + "." + (1 + rnd.nextInt(250)));
          e.attachment().ifPresent(eb::attachment);
          e.ipv6().forEach(eb::address);
          e.prefixes().forEach(eb::prefix);
          b.replace(eb.build());
        }
      }
    }
    return b.build();
  }

  private Rule fresh(List<SecurityGroup> groups) {
    Direction d = rnd.nextBoolean() ? Direction.INGRESS : Direction.EGRESS;
    int port = List.of(22, 80, 443, 5432, 8080, 10250).get(rnd.nextInt(6));
    Peer peer = switch (rnd.nextInt(3)) {
      case 0 -> Peer.cidr(Cidr.parse(List.of("0.0.0.0/0", "10.0.0.0/16", "10.0.1.0/24", "10.0.200.0/24",
          "203.0.113.0/24").get(rnd.nextInt(5))));
      case 1 -> Peer.group(pick(groups).id());
      default -> Peer.cidr(Cidr.parse("10.0.0.0/8"));
    };
    return new Rule(d, Ports.tcp(port, port), peer, "random change", "");
  }
}
