package dev.sgreach.snapshot;

import com.google.common.collect.ImmutableList;
import dev.sgreach.model.Cidr;
import dev.sgreach.model.EksClusterInfo;
import dev.sgreach.model.LoadBalancer;
import dev.sgreach.model.Network;
import dev.sgreach.model.NetworkInterface;
import dev.sgreach.model.Peer;
import dev.sgreach.model.Ports;
import dev.sgreach.model.PrefixList;
import dev.sgreach.model.Rule;
import dev.sgreach.model.SecurityGroup;
import dev.sgreach.model.Vpc;
import dev.sgreach.model.VpcPeering;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

/**
 * Seeded random networks holding every form a snapshot folder can carry: groups with every kind of peer (IPv4 and
 * IPv6 blocks, prefix lists, references with owner, VPC, peering and status), every protocol form, descriptions
 * (with quotes, unicode and control characters), rule ids and tags; ENIs with several private, IPv6 and public
 * addresses, delegated prefixes, attachments, requesters and interface types; VPCs with several blocks; peerings;
 * prefix lists with known and unknown entries; EKS clusters and load balancers. Same seed, same network.
 *
 * <p>What AWS never returns is left out, because a snapshot cannot carry it: the same rule twice in a group, more
 * public IPv4 addresses on an ENI than private ones to associate them with, and an IPv6 delegated prefix listed
 * before an IPv4 one (AWS lists {@code Ipv4Prefixes} and {@code Ipv6Prefixes} apart).
 */
public final class RandomSnapshots {
  private static final String[] TEXTS = {"", "web", "Allow nodes \"ng1\"", "ümlaut ✓", "tab\there", "line\nbreak",
      "back\\slash", "  padded  "};
  private static final String[] TYPES = {"interface", "branch", "trunk", "vpc_endpoint", "nat_gateway", "efa",
      "network_load_balancer"};

  private final Random random;

  public RandomSnapshots(long seed) {
    this.random = new Random(seed);
  }

  public Network network() {
    int vpcCount = 1 + random.nextInt(3);
    List<String> vpcs = new ArrayList<>();
    Network.Builder n = Network.builder();
    for (int i = 0; i < vpcCount; i++) {
      String id = "vpc-" + hex(8);
      vpcs.add(id);
      List<Cidr> blocks = new ArrayList<>();
      blocks.add(Cidr.parse("10." + i + ".0.0/16"));
      if (random.nextBoolean()) {
        blocks.add(Cidr.parse("100.64." + i + ".0/24"));
      }
      if (random.nextBoolean()) {
        blocks.add(Cidr.parse("2600:1f18:" + i + "::/56"));
      }
      n.add(new Vpc(id, random.nextBoolean() ? "" : "111122223333", ImmutableList.copyOf(blocks)));
    }
    if (vpcCount > 1) {
      n.add(new VpcPeering("pcx-" + hex(8), vpcs.get(0), vpcs.get(1),
          pick("active", "deleted", "pending-acceptance", "rejected")));
    }
    List<String> lists = new ArrayList<>();
    for (int i = random.nextInt(3); i > 0; i--) {
      String id = "pl-" + hex(8);
      lists.add(id);
      n.add(random.nextBoolean() ? PrefixList.of(id, text(), blocks(1 + random.nextInt(3)))
          : PrefixList.withUnknownEntries(id, text()));
    }
    List<String> groupIds = new ArrayList<>();
    int groups = 1 + random.nextInt(6);
    for (int i = 0; i < groups; i++) {
      groupIds.add("sg-" + hex(17));
    }
    for (String id : groupIds) {
      SecurityGroup.Builder g = SecurityGroup.builder(id).name(text()).description(text())
          .vpc(pick(vpcs.toArray(String[]::new))).owner(random.nextBoolean() ? "111122223333" : "");
      for (int t = random.nextInt(3); t > 0; t--) {
        g.tag(pick("Name", "kubernetes.io/cluster/demo", "aws:eks:cluster-name", "team") + t, text());
      }
      Set<Rule> rules = new LinkedHashSet<>();
      for (int r = random.nextInt(12); r > 0; r--) {
        Rule rule = new Rule(random.nextBoolean() ? dev.sgreach.model.Direction.INGRESS
            : dev.sgreach.model.Direction.EGRESS, ports(), peer(groupIds, lists, vpcs), text(),
            random.nextInt(3) == 0 ? "" : "sgr-" + hex(17));
        rules.add(rule);
      }
      rules.forEach(g::rule);
      n.add(g.build());
    }
    for (int i = random.nextInt(8); i > 0; i--) {
      NetworkInterface.Builder e = NetworkInterface.builder("eni-" + hex(17)).vpc(pick(vpcs.toArray(String[]::new)))
          .subnet(random.nextBoolean() ? "subnet-" + hex(8) : "").availabilityZone(pick("us-east-1a", ""))
          .interfaceType(pick(TYPES)).description(text()).owner(pick("111122223333", ""))
          .requester(pick("", "amazon-elb", "727156767781"), random.nextBoolean());
      if (random.nextBoolean()) {
        e.attachment(new NetworkInterface.Attachment(random.nextBoolean() ? Optional.of("i-" + hex(17))
            : Optional.empty(), pick("111122223333", "amazon-aws", ""), random.nextInt(3)));
      }
      int privates = random.nextInt(4);
      Set<String> used = new LinkedHashSet<>();
      for (int a = 0; a < privates; a++) {
        used.add("10." + random.nextInt(3) + "." + random.nextInt(256) + "." + (1 + random.nextInt(254)));
      }
      used.forEach(e::address);
      for (int a = random.nextInt(3); a > 0; a--) {
        e.address("2600:1f18:0:" + a + "::" + hex(3));
      }
      for (int p = random.nextInt(3); p > 0; p--) {
        e.prefix("10.9." + p + ".0/28");
      }
      for (int p = random.nextInt(2); p > 0; p--) {
        e.prefix("2600:1f18:9:" + p + "::/80");
      }
      for (int p = Math.min(random.nextInt(3), Math.max(1, used.size())); p > 0; p--) {
        e.publicIp("54.0." + random.nextInt(256) + "." + p);
      }
      for (int s = random.nextInt(4); s > 0; s--) {
        e.groups(random.nextInt(5) == 0 ? "sg-0000000000missing" : pick(groupIds.toArray(String[]::new)));
      }
      if (random.nextBoolean()) {
        e.tag("Name", text());
      }
      n.add(dedupeGroups(e.build()));
    }
    if (random.nextBoolean()) {
      n.add(new EksClusterInfo("cluster-" + hex(4), vpcs.get(0), groupIds.get(0),
          ImmutableList.copyOf(groupIds.subList(0, 1)), ImmutableList.of("subnet-" + hex(8)), random.nextBoolean(),
          random.nextBoolean(), random.nextBoolean() ? ImmutableList.of("203.0.113.0/24") : ImmutableList.of()));
    }
    if (random.nextBoolean()) {
      n.add(new LoadBalancer("arn:aws:elasticloadbalancing:us-east-1:111:loadbalancer/app/lb/" + hex(16), text(),
          pick("application", "network", ""), pick("internet-facing", "internal", ""), vpcs.get(0),
          ImmutableList.copyOf(groupIds.subList(0, 1))));
    }
    return n.build();
  }

  /** An ENI carries each group once (AWS lists a group once). */
  private static NetworkInterface dedupeGroups(NetworkInterface e) {
    return e.toBuilder().clearGroups().groups(new LinkedHashSet<>(e.securityGroupIds())).build();
  }

  private Ports ports() {
    return switch (random.nextInt(9)) {
      case 0 -> Ports.allTraffic();
      case 1 -> Ports.tcp(random.nextInt(65536));
      case 2 -> Ports.tcp(0, 65535);
      case 3 -> Ports.udp(1024, 1024 + random.nextInt(60000));
      case 4 -> Ports.icmp(random.nextInt(3) - 1 < 0 ? -1 : random.nextInt(256), -1);
      case 5 -> Ports.icmp(3, 4);
      case 6 -> Ports.icmpv6All();
      case 7 -> Ports.icmpv6(128, 0);
      default -> Ports.protocol(pickNumber(0, 47, 50, 132, 255));
    };
  }

  private Peer peer(List<String> groupIds, List<String> lists, List<String> vpcs) {
    return switch (random.nextInt(6)) {
      case 0 -> Peer.cidr(pick("0.0.0.0/0", "10.0.0.0/8", "10.1.2.0/24", "192.168.1.5/32", "128.0.0.0/1"));
      case 1 -> Peer.cidr(pick("::/0", "2600:1f18::/56", "2001:db8::1/128", "fd00::/8"));
      case 2 -> lists.isEmpty() ? Peer.prefixList("pl-0000absent") : Peer.prefixList(pick(lists.toArray(String[]::new)));
      case 3 -> new Peer.GroupPeer(pick(groupIds.toArray(String[]::new)), random.nextBoolean() ? "111122223333" : null,
          null, null, null);
      case 4 -> new Peer.GroupPeer("sg-" + hex(17), "444455556666", pick(vpcs.toArray(String[]::new)),
          "pcx-" + hex(8), pick("active", "deleted"));
      default -> Peer.group(pick(groupIds.toArray(String[]::new)));
    };
  }

  private List<Cidr> blocks(int count) {
    Set<Cidr> out = new LinkedHashSet<>();
    for (int i = 0; i < count; i++) {
      out.add(random.nextBoolean() ? Cidr.parse("172." + (16 + random.nextInt(16)) + ".0.0/16")
          : Cidr.parse("2a05:d0" + hex(2) + "::/32"));
    }
    return List.copyOf(out);
  }

  private String text() {
    return TEXTS[random.nextInt(TEXTS.length)];
  }

  @SafeVarargs
  private <T> T pick(T... values) {
    return values[random.nextInt(values.length)];
  }

  private int pickNumber(int... values) {
    return values[random.nextInt(values.length)];
  }

  private String hex(int digits) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < digits; i++) {
      b.append(Character.forDigit(random.nextInt(16), 16));
    }
    return b.toString();
  }
}
