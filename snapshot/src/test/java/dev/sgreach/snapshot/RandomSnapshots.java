package dev.sgreach.snapshot;

import com.google.common.collect.ImmutableList;
import dev.sgreach.model.Cidr;
import dev.sgreach.model.EksClusterInfo;
import dev.sgreach.model.InternetGateway;
import dev.sgreach.model.Layer;
import dev.sgreach.model.LoadBalancer;
import dev.sgreach.model.NatGateway;
import dev.sgreach.model.Network;
import dev.sgreach.model.NetworkAcl;
import dev.sgreach.model.NetworkInterface;
import dev.sgreach.model.Peer;
import dev.sgreach.model.Ports;
import dev.sgreach.model.PrefixList;
import dev.sgreach.model.RouteTable;
import dev.sgreach.model.RouteTarget;
import dev.sgreach.model.Rule;
import dev.sgreach.model.SecurityGroup;
import dev.sgreach.model.Subnet;
import dev.sgreach.model.TransitGateway;
import dev.sgreach.model.Vpc;
import dev.sgreach.model.VpcEndpoint;
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
 * prefix lists with known and unknown entries; EKS clusters and load balancers; the packet path's subnets, ACLs,
 * route tables, gateways, endpoints and transit gateways. Same seed, same network.
 *
 * <p>What AWS never returns is left out, because a snapshot cannot carry it: the same rule twice in a group, more
 * public IPv4 addresses on an ENI than private ones to associate them with (each is associated with a private one, as
 * describe-network-interfaces lists them, except an ENI's lone public address without private IPv4 ones), and an IPv6
 * delegated prefix listed before an IPv4 one (AWS lists {@code Ipv4Prefixes} and {@code Ipv6Prefixes} apart).
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
      VpcPeering.Side requester = random.nextBoolean() ? VpcPeering.Side.UNKNOWN
          : new VpcPeering.Side("111122223333", "us-east-1", ImmutableList.of(Cidr.parse("10.0.0.0/16")));
      VpcPeering.Side accepter = random.nextBoolean() ? VpcPeering.Side.UNKNOWN
          : new VpcPeering.Side(pick("444455556666", ""), pick("eu-west-1", ""), ImmutableList.of(
              Cidr.parse("10.1.0.0/16"), Cidr.parse("10.201.0.0/16"), Cidr.parse("2600:1f18:1::/56")));
      n.add(new VpcPeering("pcx-" + hex(8), vpcs.get(0), vpcs.get(1),
          pick("active", "deleted", "pending-acceptance", "rejected"), requester, accepter));
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
      List<String> privateIps = new ArrayList<>(used);
      if (privateIps.isEmpty()) {
        if (random.nextBoolean()) {
          e.publicIp("54.0." + random.nextInt(256) + ".1"); // the ENI's Association alone: tied to no private address
        }
      } else {
        int publics = Math.min(random.nextInt(3), privateIps.size());
        for (int p = 1; p <= publics; p++) { // in the order of the private addresses, as AWS lists them
          e.publicIp("54.0." + random.nextInt(256) + "." + p, privateIps.get(p - 1));
        }
      }
      for (int s = random.nextInt(4); s > 0; s--) {
        e.groups(random.nextInt(5) == 0 ? "sg-0000000000missing" : pick(groupIds.toArray(String[]::new)));
      }
      if (random.nextBoolean()) {
        e.tag("Name", text());
      }
      n.add(dedupeGroups(e.build()));
    }
    if (random.nextInt(4) != 0) {
      pathParts(n, vpcs, lists, groupIds);
    }
    if (random.nextBoolean()) {
      n.add(new EksClusterInfo("cluster-" + hex(4), vpcs.get(0), groupIds.get(0),
          ImmutableList.copyOf(groupIds.subList(0, 1)), ImmutableList.of("subnet-" + hex(8)), random.nextBoolean(),
          random.nextBoolean(), random.nextBoolean() ? ImmutableList.of("203.0.113.0/24") : ImmutableList.of()));
    }
    if (random.nextBoolean()) {
      loadBalancing(n, vpcs.get(0), groupIds);
    }
    return n.build();
  }

  /**
   * One or two load balancers, their listeners known or not (all of them alike: describe-listeners is one answer),
   * and sometimes target groups with or without their attributes and registered targets.
   */
  private void loadBalancing(Network.Builder n, String vpc, List<String> groupIds) {
    boolean listeners = random.nextBoolean();
    List<String> arns = new ArrayList<>();
    for (int i = 0, count = 1 + random.nextInt(2); i < count; i++) {
      String arn = "arn:aws:elasticloadbalancing:us-east-1:111:loadbalancer/" + pick("app", "net") + "/lb" + i
          + "/" + hex(16);
      arns.add(arn);
      LoadBalancer lb = new LoadBalancer(arn, text(), pick("application", "network", ""),
          pick("internet-facing", "internal", ""), vpc, random.nextBoolean()
              ? ImmutableList.copyOf(groupIds.subList(0, 1)) : ImmutableList.of(), java.util.Optional.empty(),
          random.nextBoolean());
      if (listeners) {
        ImmutableList.Builder<dev.sgreach.model.Listener> ls = ImmutableList.builder();
        for (int l = random.nextInt(3); l > 0; l--) {
          ls.add(new dev.sgreach.model.Listener(arn.replace(":loadbalancer/", ":listener/") + "/" + hex(8), arn,
              pick("TCP", "UDP", "TCP_UDP", "TLS", "HTTP", "HTTPS"), 1 + random.nextInt(65535)));
        }
        lb = lb.withListeners(ls.build());
      }
      n.add(lb);
    }
    for (int i = random.nextInt(3); i > 0; i--) {
      dev.sgreach.model.TargetGroup g = new dev.sgreach.model.TargetGroup(
          "arn:aws:elasticloadbalancing:us-east-1:111:targetgroup/tg" + i + "/" + hex(16), text(),
          pick("TCP", "UDP", "HTTP", ""), random.nextInt(65536), pick("instance", "ip", "alb"), vpc,
          ImmutableList.copyOf(arns.subList(0, random.nextInt(arns.size() + 1))));
      if (random.nextBoolean()) {
        g = g.withPreserveClientIp(random.nextBoolean());
      }
      if (random.nextBoolean()) {
        ImmutableList.Builder<dev.sgreach.model.TargetGroup.Target> ts = ImmutableList.builder();
        for (int t = random.nextInt(3); t > 0; t--) {
          ts.add(new dev.sgreach.model.TargetGroup.Target(pick("i-" + hex(17), "10.0.0." + random.nextInt(250)),
              random.nextInt(65536)));
        }
        g = g.withTargets(ts.build());
      }
      n.add(g);
    }
  }

  /**
   * Subnets, network ACLs with every protocol form (and with and without the {@code *} entries), route tables with
   * every target kind, state, origin, prefix-list destinations and edge associations, internet, egress-only and NAT
   * gateways, VPC endpoints of each type, and transit gateways with VPC and peering attachments and route tables whose
   * propagations and routes are known, truncated or unknown; sometimes only an empty ACL or route-table answer.
   */
  private void pathParts(Network.Builder n, List<String> vpcs, List<String> lists, List<String> groupIds) {
    List<String> subnets = new ArrayList<>();
    for (int v = 0; v < vpcs.size(); v++) {
      for (int i = random.nextInt(3); i > 0; i--) {
        String id = "subnet-" + hex(8);
        subnets.add(id);
        List<Cidr> blocks = new ArrayList<>();
        if (random.nextInt(4) != 0) {
          blocks.add(Cidr.parse("10." + v + "." + i + ".0/24"));
        }
        if (blocks.isEmpty() || random.nextBoolean()) {
          blocks.add(Cidr.parse("2600:1f18:" + v + ":" + i + "::/64"));
        }
        n.add(new Subnet(id, vpcs.get(v), pick("111122223333", ""), pick("us-east-1a", "us-east-1b", ""),
            pick("use1-az1", ""), ImmutableList.copyOf(blocks)));
      }
    }
    if (random.nextInt(5) == 0) {
      n.collected(Layer.NETWORK_ACLS);
    }
    for (int a = random.nextInt(3); a > 0; a--) {
      NetworkAcl.Builder acl = NetworkAcl.builder("acl-" + hex(17)).vpc(pick(vpcs.toArray(String[]::new)))
          .owner(pick("111122223333", "")).isDefault(random.nextBoolean());
      if (!subnets.isEmpty() && random.nextBoolean()) {
        acl.subnets(pick(subnets.toArray(String[]::new)));
      }
      for (boolean egress : new boolean[] {false, true}) {
        Set<Integer> numbers = new LinkedHashSet<>();
        for (int e = random.nextInt(5); e > 0; e--) {
          numbers.add(1 + random.nextInt(NetworkAcl.MAX_RULE_NUMBER));
        }
        for (int number : numbers) {
          boolean v6 = random.nextInt(3) == 0;
          acl.entry(new NetworkAcl.Entry(number, egress, aclPorts(v6), Cidr.parse(v6
              ? pick("::/0", "2600:1f18::/56") : pick("0.0.0.0/0", "10.0.0.0/16", "192.168.1.5/32")),
              random.nextBoolean() ? NetworkAcl.Action.ALLOW : NetworkAcl.Action.DENY));
        }
        if (random.nextBoolean()) {
          acl.entry(new NetworkAcl.Entry(32767, egress, Ports.allTraffic(), Cidr.parse("0.0.0.0/0"),
              NetworkAcl.Action.DENY));
          acl.entry(new NetworkAcl.Entry(32768, egress, Ports.allTraffic(), Cidr.parse("::/0"),
              NetworkAcl.Action.DENY));
        }
      }
      n.add(acl.build());
    }
    if (random.nextInt(5) == 0) {
      n.collected(Layer.ROUTES);
    }
    List<String> tables = new ArrayList<>();
    for (int t = random.nextInt(3); t > 0; t--) {
      String id = "rtb-" + hex(17);
      tables.add(id);
      boolean main = t == 1 && random.nextBoolean();
      RouteTable.Builder table = RouteTable.builder(id).vpc(pick(vpcs.toArray(String[]::new)))
          .owner(pick("111122223333", "")).main(main);
      if (!subnets.isEmpty() && random.nextBoolean()) {
        table.subnets(pick(subnets.toArray(String[]::new)));
      }
      if (!main && random.nextInt(4) == 0) {
        table.gateway("igw-" + hex(8));
      }
      table.route("10.0.0.0/16", RouteTarget.LOCAL);
      for (int r = random.nextInt(5); r > 0; r--) {
        RouteTable.Route route = random.nextInt(5) == 0 && !lists.isEmpty()
            ? RouteTable.Route.toPrefixList(pick(lists.toArray(String[]::new)), RouteTarget.of("vpce-" + hex(8)))
            : new RouteTable.Route(Optional.of(Cidr.parse(pick("0.0.0.0/0", "::/0", "192.168.0.0/16",
                "10.1.0.0/16", "2600:1f18:9::/48"))), Optional.empty(), RouteTarget.of(pick("igw-" + hex(8),
                "eigw-" + hex(8), "nat-" + hex(8), "pcx-" + hex(8), "tgw-" + hex(8), "vgw-" + hex(8),
                "eni-" + hex(17), "i-" + hex(17), "lgw-" + hex(8), "cagw-" + hex(8),
                "arn:aws:networkmanager::111122223333:core-network/core-network-" + hex(8))),
                null, null);
        if (random.nextInt(4) == 0) {
          route = route.withState(RouteTable.State.BLACKHOLE);
        }
        if (random.nextInt(5) == 0) {
          route = route.withOrigin(RouteTable.Origin.ENABLE_VGW_ROUTE_PROPAGATION);
        }
        table.route(route);
      }
      if (random.nextInt(5) == 0) {
        table.route(new RouteTable.Route(Optional.of(Cidr.parse("172.31.0.0/16")), Optional.empty(),
            RouteTarget.none(), RouteTable.State.BLACKHOLE, null));
      }
      n.add(table.build());
    }
    for (int g = random.nextInt(3); g > 0; g--) {
      boolean egressOnly = random.nextBoolean();
      String vpc = pick(vpcs.toArray(String[]::new));
      n.add(new InternetGateway((egressOnly ? "eigw-" : "igw-") + hex(8), egressOnly, pick("111122223333", ""),
          random.nextInt(4) == 0 ? ImmutableList.of() : ImmutableList.of(new InternetGateway.Attachment(vpc,
              egressOnly ? pick("attached", "detached") : pick("available", "detaching")))));
    }
    if (!subnets.isEmpty() && random.nextBoolean()) {
      boolean isPrivate = random.nextBoolean();
      n.add(new NatGateway("nat-" + hex(17), pick(vpcs.toArray(String[]::new)), pick(subnets.toArray(String[]::new)),
          pick("available", "deleted", ""), isPrivate, ImmutableList.of(new NatGateway.Address(
              Cidr.parseAddress("10.0.1." + (1 + random.nextInt(250))),
              isPrivate ? Optional.empty() : Optional.of(Cidr.parseAddress("3.3.3." + (1 + random.nextInt(250)))),
              pick("eni-" + hex(17), "")))));
    }
    for (int e = random.nextInt(3); e > 0; e--) {
      VpcEndpoint.Type type = pick(VpcEndpoint.Type.values());
      n.add(new VpcEndpoint("vpce-" + hex(17), type, pick(vpcs.toArray(String[]::new)),
          pick("com.amazonaws.us-east-1.s3", "com.amazonaws.us-east-1.ecr.api", ""), pick("available", "pending"),
          tables.isEmpty() ? ImmutableList.of() : ImmutableList.of(tables.get(0)),
          subnets.isEmpty() ? ImmutableList.of() : ImmutableList.of(subnets.get(0)),
          ImmutableList.of("eni-" + hex(17)), groupIds.isEmpty() ? ImmutableList.of()
              : ImmutableList.of(groupIds.get(0))));
    }
    if (random.nextBoolean()) {
      transitGateways(n, vpcs, subnets);
    }
  }

  private void transitGateways(Network.Builder n, List<String> vpcs, List<String> subnets) {
    String a = "tgw-" + hex(17);
    String b = "tgw-" + hex(17);
    String peering = "tgw-attach-" + hex(17);
    for (String id : List.of(a, b)) {
      TransitGateway.Builder g = TransitGateway.builder(id).owner(pick("111122223333", "444455556666", ""))
          .state(pick("available", "", "pending"));
      if (random.nextBoolean()) {
        g.securityGroupReferencing(random.nextBoolean());
      }
      String table = "tgw-rtb-" + hex(17);
      List<String> attachments = new ArrayList<>();
      for (int i = random.nextInt(3); i > 0; i--) {
        String attachment = "tgw-attach-" + hex(17);
        attachments.add(attachment);
        g.attachment(new TransitGateway.Attachment(attachment, "vpc", pick(vpcs.toArray(String[]::new)),
            pick("111122223333", ""), pick("available", "deleted"), random.nextBoolean() ? Optional.of(table)
                : Optional.empty(), subnets.isEmpty() ? ImmutableList.of() : ImmutableList.of(subnets.get(0)),
            random.nextBoolean(), random.nextBoolean() ? Optional.empty() : Optional.of(random.nextBoolean()),
            random.nextBoolean() ? Optional.empty() : Optional.of(random.nextBoolean())));
      }
      if (random.nextBoolean()) {
        g.attachment(new TransitGateway.Attachment(peering, "peering", id.equals(a) ? b : a, "", "available",
            Optional.of(table), ImmutableList.of(), false, Optional.empty(), Optional.empty()));
      }
      if (random.nextInt(4) != 0) {
        List<TransitGateway.Route> routes = new ArrayList<>();
        if (!attachments.isEmpty()) {
          routes.add(TransitGateway.Route.to("192.168.0.0/16", attachments.get(0)));
        }
        if (random.nextBoolean()) {
          routes.add(TransitGateway.Route.blackhole("172.16.0.0/12"));
        }
        Optional<ImmutableList<TransitGateway.Route>> propagated = random.nextBoolean() || attachments.isEmpty()
            ? Optional.empty() : Optional.of(ImmutableList.of(new TransitGateway.Route(Cidr.parse("10.9.0.0/16"),
                ImmutableList.of(attachments.get(0)), true, false)));
        boolean propagationsKnown = random.nextInt(3) != 0;
        g.routeTable(new TransitGateway.RouteTable(table, propagationsKnown ? ImmutableList.copyOf(attachments
            .subList(0, random.nextInt(attachments.size() + 1))) : ImmutableList.of(), ImmutableList.copyOf(routes),
            random.nextInt(3) != 0, propagated, propagationsKnown));
      }
      n.add(g.build());
    }
  }

  private Ports aclPorts(boolean v6) {
    return switch (random.nextInt(7)) {
      case 0 -> Ports.allTraffic();
      case 1 -> Ports.tcp(random.nextInt(65536));
      case 2 -> Ports.udp(1024, 65535);
      case 3 -> v6 ? Ports.icmpv6(128, 0) : Ports.icmp(3, 4);
      case 4 -> v6 ? Ports.icmpv6All() : Ports.icmpAll();
      case 5 -> Ports.icmpv6All(); // with an IPv4 block AWS admits every ICMPv6 type
      default -> Ports.protocol(pickNumber(0, 47, 50));
    };
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
