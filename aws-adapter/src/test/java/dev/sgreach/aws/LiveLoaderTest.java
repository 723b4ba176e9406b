package dev.sgreach.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.sgreach.engine.Endpoint;
import dev.sgreach.engine.Reachability;
import dev.sgreach.model.Direction;
import dev.sgreach.model.Layer;
import dev.sgreach.model.Network;
import dev.sgreach.model.NetworkAcl;
import dev.sgreach.model.Peer;
import dev.sgreach.model.Ports;
import dev.sgreach.model.RouteTable;
import dev.sgreach.model.RouteTarget;
import dev.sgreach.model.Rule;
import dev.sgreach.model.Traffic;
import dev.sgreach.model.TransitGateway;
import dev.sgreach.snapshot.Snapshots;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The live loader against moto's EC2, EKS and ELBv2 server, directly and through a fault-injecting proxy. */
@ExtendWith(MotoExtension.class)
class LiveLoaderTest {
  @TempDir
  Path dir;

  private MotoServer moto;
  private MotoWorld world;
  private FaultProxy proxy;
  private final List<String> progress = new ArrayList<>();
  private final LoadListener recorder = new LoadListener() {
    @Override
    public void page(String action, int page, int items, int total) {
      progress.add(action + " page " + page);
    }
  };

  @BeforeEach
  void createWorld(MotoServer server) {
    moto = server;
    world = new MotoWorld(server.endpoint());
    world.build();
    proxy = new FaultProxy(server.endpoint());
  }

  @AfterEach
  void close() {
    if (proxy != null) {
      proxy.close();
    }
    world.close();
  }

  private LiveLoader.Builder loader(URI endpoint) {
    return LiveLoader.builder().region(MotoWorld.REGION).credentials(MotoWorld.CREDENTIALS).endpoint(endpoint)
        .listener(recorder);
  }

  private Network load(LiveLoader.Builder b) {
    try (LiveLoader l = b.build()) {
      return l.load();
    }
  }

  /** Equal networks, compared part by part first so that a difference is shown where it is. */
  private static void assertSameNetwork(Network actual, Network expected) {
    assertThat(actual.securityGroups()).isEqualTo(expected.securityGroups());
    assertThat(actual.interfaces()).isEqualTo(expected.interfaces());
    assertThat(actual.prefixLists()).isEqualTo(expected.prefixLists());
    assertThat(actual.vpcs()).isEqualTo(expected.vpcs());
    assertThat(actual.peerings()).isEqualTo(expected.peerings());
    assertThat(actual.eksClusters()).isEqualTo(expected.eksClusters());
    assertThat(actual.loadBalancers()).isEqualTo(expected.loadBalancers());
    assertThat(actual.subnets()).isEqualTo(expected.subnets());
    assertThat(actual.networkAcls()).isEqualTo(expected.networkAcls());
    assertThat(actual.routeTables()).isEqualTo(expected.routeTables());
    assertThat(actual.internetGateways()).isEqualTo(expected.internetGateways());
    assertThat(actual.natGateways()).isEqualTo(expected.natGateways());
    assertThat(actual.vpcEndpoints()).isEqualTo(expected.vpcEndpoints());
    assertThat(actual.transitGateways()).isEqualTo(expected.transitGateways());
    assertThat(actual.layers()).isEqualTo(expected.layers());
    assertThat(actual).isEqualTo(expected);
  }

  private static Set<String> forms(Network n, String group, Direction direction) {
    return n.securityGroup(group).orElseThrow().rules(direction).stream().map(LiveLoaderTest::form)
        .collect(Collectors.toSet());
  }

  private static String form(Rule r) {
    String peer = r.peer() instanceof Peer.GroupPeer g ? "group " + g.groupId() : r.peer().toString();
    return r.ports() + " " + peer;
  }

  @Test
  void loadsEveryRuleFormAndTheEnginesVerdictsFollow() {
    Network n = load(loader(moto.endpoint()));

    assertThat(forms(n, world.web, Direction.INGRESS)).containsExactlyInAnyOrder(
        form(Rule.ingress(Ports.tcp(443), Peer.cidr("0.0.0.0/0"))),
        form(Rule.ingress(Ports.tcp(443), Peer.cidr("::/0"))),
        form(Rule.ingress(Ports.tcp(8080, 8090), Peer.group(world.db))),
        form(Rule.ingress(Ports.udp(53), Peer.prefixList(world.prefixList))),
        form(Rule.ingress(Ports.icmp(3, 4), Peer.cidr("10.0.0.0/8"))),
        form(Rule.ingress(Ports.icmpv6All(), Peer.cidr("2001:db8::/32"))),
        form(Rule.ingress(Ports.protocol(50), Peer.cidr("10.0.0.0/8"))),
        form(Rule.ingress(Ports.allTraffic(), Peer.group(world.bastion))),
        form(Rule.ingress(Ports.tcp(22), Peer.group(world.remote))));
    assertThat(forms(n, world.web, Direction.EGRESS)).containsExactly(
        form(Rule.egress(Ports.allTraffic(), Peer.cidr("0.0.0.0/0"))));
    assertThat(n.securityGroup(world.web).orElseThrow().rules(Direction.INGRESS))
        .allSatisfy(r -> assertThat(r.ruleId()).startsWith("sgr-"));
    assertThat(n.securityGroup(world.web).orElseThrow().tags()).containsEntry("tier", "web");
    assertThat(n.securityGroups()).containsKeys(world.fillers.toArray(String[]::new));
    assertThat(n.interfaces()).containsKeys(world.eniWeb, world.eniDb, world.eniRemote);
    assertThat(n.interfacesOfInstance(world.instance)).hasSize(1);
    assertThat(n.vpcs()).containsKeys(world.vpcA, world.vpcB);
    assertThat(n.peerings().get(world.peering).status()).isEqualTo("active");
    assertThat(n.prefixList(world.prefixList).orElseThrow().entriesKnown()).isTrue();
    assertThat(n.eksClusters().get("demo").publicAccessCidrs()).containsExactly("203.0.113.0/24");
    assertThat(n.eksClusters().get("demo").securityGroupIds()).containsExactly(world.web);
    assertThat(n.loadBalancers().values()).singleElement().satisfies(lb -> {
      assertThat(lb.securityGroupIds()).containsExactly(world.web);
      // describe-listeners, describe-target-groups, -attributes and -health: the listener, the group, its target
      assertThat(lb.listeners()).hasValueSatisfying(l -> assertThat(l).singleElement()
          .satisfies(x -> assertThat(x.port()).isEqualTo(80)));
      assertThat(n.targetGroupsOf(lb)).singleElement().satisfies(g -> {
        assertThat(g.arn()).isEqualTo(world.targetGroup);
        assertThat(g.targets()).hasValueSatisfying(t -> assertThat(t).containsExactly(
            new dev.sgreach.model.TargetGroup.Target(world.instance, 8081)));
      });
    });

    // the security groups' verdicts (the world's packet path is checked by the path tests)
    Reachability r = Reachability.of(n, EnumSet.of(Layer.SECURITY_GROUPS));
    Endpoint web = Endpoint.eni(world.eniWeb);
    assertThat(r.reach(Endpoint.address("8.8.8.8"), web, Traffic.tcp(443)).isAllowed()).isTrue();
    assertThat(r.reach(Endpoint.address("8.8.8.8"), web, Traffic.tcp(22)).isDenied()).isTrue();
    assertThat(r.reach(Endpoint.eni(world.eniDb), web, Traffic.tcp(8085)).isAllowed()).isTrue();
    assertThat(r.reach(Endpoint.eni(world.eniDb), web, Traffic.tcp(9000)).isDenied()).isTrue();
    assertThat(r.reach(Endpoint.address("192.168.4.4"), web, Traffic.udp(53)).isAllowed()).isTrue();
    assertThat(r.reach(Endpoint.address("172.16.4.4"), web, Traffic.udp(53)).isDenied()).isTrue();
    assertThat(r.reach(Endpoint.address("10.9.9.9"), web, Traffic.icmp(3, 4)).isAllowed()).isTrue();
    assertThat(r.reach(Endpoint.address("10.9.9.9"), web, Traffic.icmp(8, 0)).isDenied()).isTrue();
    assertThat(r.reach(Endpoint.address("10.9.9.9"), web, Traffic.protocol(50)).isAllowed()).isTrue();
    assertThat(r.reach(Endpoint.instance(world.instance), web, Traffic.tcp(3306)).isAllowed()).isTrue();
    assertThat(r.reach(Endpoint.eni(world.eniRemote), web, Traffic.tcp(22)).isAllowed()).isTrue();
    assertThat(r.reach(Endpoint.eni(world.eniRemote), web, Traffic.tcp(23)).isDenied()).isTrue();
  }

  @Test
  void loadsThePacketPathWithEveryPartAndCoversItsLayers() {
    Network n = load(loader(moto.endpoint()));

    assertThat(n.layers()).containsExactlyInAnyOrder(Layer.SECURITY_GROUPS, Layer.NETWORK_ACLS, Layer.ROUTES);
    assertThat(n.subnets()).containsKeys(world.subnetA1, world.subnetA2, world.subnetB);
    assertThat(n.subnets().get(world.subnetA1).cidrs()).containsExactly(dev.sgreach.model.Cidr.parse("10.0.1.0/24"));
    NetworkAcl acl = n.networkAcls().get(world.acl);
    assertThat(acl.subnetIds()).containsExactly(world.subnetA2);
    assertThat(acl.entries(false)).contains(
        NetworkAcl.Entry.inbound(100, NetworkAcl.Action.ALLOW, Ports.tcp(443), "10.0.0.0/16"),
        NetworkAcl.Entry.inbound(120, NetworkAcl.Action.DENY, Ports.allTraffic(), "10.0.1.0/24"),
        NetworkAcl.Entry.inbound(130, NetworkAcl.Action.ALLOW, Ports.udp(1024, 65535), "::/0"));
    RouteTable pub = n.routeTables().get(world.publicTable);
    assertThat(pub.subnetIds()).containsExactly(world.subnetA1);
    assertThat(pub.routes()).contains(RouteTable.Route.to("0.0.0.0/0", RouteTarget.of(world.igw)));
    assertThat(pub.routes()).anySatisfy(r -> assertThat(r.prefixListId()).isPresent());
    assertThat(n.routeTables().get(world.mainTableA).main()).isTrue();
    assertThat(n.routeTables().get(world.mainTableA).routes())
        .contains(RouteTable.Route.to("0.0.0.0/0", RouteTarget.of(world.nat)));
    assertThat(n.internetGateways().get(world.igw).isAttachedTo(world.vpcA)).isTrue();
    assertThat(n.internetGateways().get(world.eigw).egressOnly()).isTrue();
    assertThat(n.natGateways().get(world.nat).addresses()).singleElement()
        .satisfies(a -> assertThat(a.publicIp()).isPresent());
    assertThat(n.vpcEndpoints().get(world.s3Endpoint).routeTableIds()).containsExactly(world.publicTable);
    TransitGateway g = n.transitGateways().get(world.tgw);
    assertThat(g.attachments()).extracting(TransitGateway.Attachment::id)
        .containsExactlyInAnyOrder(world.attachmentA, world.attachmentB);
    assertThat(g.attachment(world.attachmentA).orElseThrow().subnetIds()).containsExactly(world.subnetA1);
    // moto associates every attachment with the gateway's default table: whichever it is, the gateway holds it
    assertThat(g.attachment(world.attachmentA).orElseThrow().routeTableId()).hasValueSatisfying(
        table -> assertThat(g.routeTable(table)).isPresent());
    assertThat(g.routeTable(world.tgwTable)).hasValueSatisfying(t -> {
      assertThat(t.propagationsKnown()).isTrue();
      assertThat(t.propagations()).contains(world.attachmentB);
      assertThat(t.staticRoutesComplete()).isTrue();
      assertThat(t.propagatedRoutes()).isPresent();
    });

    // a VPC filter keeps that VPC's path and the transit gateways attached to it, whole
    Network onlyB = load(loader(moto.endpoint()).vpcIds(world.vpcB));
    assertThat(onlyB.subnets()).containsOnlyKeys(world.subnetB);
    assertThat(onlyB.networkAcls().values()).allSatisfy(a -> assertThat(a.vpcId()).isEqualTo(world.vpcB));
    assertThat(onlyB.internetGateways()).doesNotContainKeys(world.igw, world.eigw);
    assertThat(onlyB.transitGateways().get(world.tgw).attachments()).hasSize(2);

    Network sgOnly = load(loader(moto.endpoint()).withoutPath());
    assertThat(sgOnly.layers()).containsExactly(Layer.SECURITY_GROUPS);
    assertThat(sgOnly.subnets()).isEmpty();
  }

  @Test
  void followsEveryPageOfEveryOperation() {
    for (int i = 0; i < 6; i++) {
      String name = "extra-" + i;
      world.eks.createCluster(r -> r.name(name).roleArn("arn:aws:iam::123456789012:role/eks")
          .resourcesVpcConfig(v -> v.subnetIds(world.subnetA1)));
    }
    Network direct = load(loader(moto.endpoint()));
    proxy.pageEc2();

    Network paged = load(loader(proxy.endpoint()).pageSize(5));

    assertSameNetwork(paged, direct);
    assertThat(paged.securityGroups()).hasSizeGreaterThan(MotoWorld.FILLER_GROUPS + 4);
    assertThat(proxy.pages(LiveCalls.DESCRIBE_SECURITY_GROUPS)).isGreaterThanOrEqualTo(4);
    assertThat(proxy.pages(LiveCalls.DESCRIBE_SECURITY_GROUP_RULES)).isGreaterThanOrEqualTo(3);
    assertThat(progress).contains(LiveCalls.DESCRIBE_SECURITY_GROUPS + " page 4",
        LiveCalls.LIST_CLUSTERS + " page 2");
    assertThat(paged.eksClusters()).hasSize(7);
  }

  @Test
  void aRuleAddedAfterALoadAppearsInTheReload() {
    try (LiveLoader l = loader(moto.endpoint()).build()) {
      Network before = l.load();
      world.openWeb9443();
      Network after = l.load();

      Endpoint from = Endpoint.address("172.16.0.9");
      Endpoint web = Endpoint.eni(world.eniWeb);
      assertThat(Reachability.of(before, EnumSet.of(Layer.SECURITY_GROUPS)).reach(from, web, Traffic.tcp(9443)).isDenied()).isTrue();
      assertThat(Reachability.of(after, EnumSet.of(Layer.SECURITY_GROUPS)).reach(from, web, Traffic.tcp(9443)).isAllowed()).isTrue();
      assertThat(forms(after, world.web, Direction.INGRESS))
          .contains(form(Rule.ingress(Ports.tcp(9443), Peer.cidr("172.16.0.0/12"))));
    }
  }

  @Test
  void throttlingAndServerErrorsAreRetried() {
    proxy.fail(LiveCalls.DESCRIBE_SECURITY_GROUPS, FaultProxy.Fault.EC2_THROTTLED, 2)
        .fail(LiveCalls.DESCRIBE_NETWORK_INTERFACES, FaultProxy.Fault.EC2_INTERNAL_ERROR, 2)
        .fail(LiveCalls.DESCRIBE_LOAD_BALANCERS, FaultProxy.Fault.ELB_THROTTLED, 1)
        .fail(LiveCalls.LIST_CLUSTERS, FaultProxy.Fault.EKS_SERVER_ERROR, 1);

    Network n = load(loader(proxy.endpoint()).maxAttempts(3));

    assertSameNetwork(n, load(loader(moto.endpoint())));
    assertThat(proxy.requests(LiveCalls.DESCRIBE_SECURITY_GROUPS)).isEqualTo(3);
    assertThat(proxy.requests(LiveCalls.DESCRIBE_NETWORK_INTERFACES)).isEqualTo(3);
    assertThat(proxy.requests(LiveCalls.DESCRIBE_LOAD_BALANCERS)).isEqualTo(2);
    assertThat(proxy.requests(LiveCalls.LIST_CLUSTERS)).isEqualTo(2);
  }

  @Test
  void throttlingThatOutlastsTheRetriesFailsTheLoadAndWritesNothing() {
    proxy.failAlways(LiveCalls.DESCRIBE_SECURITY_GROUPS, FaultProxy.Fault.EC2_THROTTLED);
    Path out = dir.resolve("snapshot");

    LiveLoadException e = catchThrowableOfType(LiveLoadException.class, () -> {
      try (LiveLoader l = loader(proxy.endpoint()).maxAttempts(3).build()) {
        l.loadTo(out);
      }
    });

    assertThat(e).hasMessage("ec2:DescribeSecurityGroups failed in us-east-1 after 3 attempts: RequestLimitExceeded"
        + " (HTTP 503): Request limit exceeded. Nothing was loaded.");
    assertThat(e.action()).isEqualTo("ec2:DescribeSecurityGroups");
    assertThat(e.region()).isEqualTo("us-east-1");
    assertThat(e.errorCode()).contains("RequestLimitExceeded");
    assertThat(e.isAccessDenied()).isFalse();
    assertThat(proxy.requests(LiveCalls.DESCRIBE_SECURITY_GROUPS)).isEqualTo(3);
    assertThat(out).doesNotExist();
  }

  @Test
  void aServerErrorOnALaterPageFailsTheWholeLoad() {
    proxy.pageEc2().failAlways(LiveCalls.DESCRIBE_SECURITY_GROUP_RULES, FaultProxy.Fault.EC2_INTERNAL_ERROR);

    LiveLoadException e = catchThrowableOfType(LiveLoadException.class,
        () -> load(loader(proxy.endpoint()).pageSize(5).maxAttempts(2)));

    assertThat(e).hasMessage("ec2:DescribeSecurityGroupRules failed in us-east-1 after 2 attempts: InternalError"
        + " (HTTP 500): An internal error has occurred. Nothing was loaded.");
    assertThat(proxy.pages(LiveCalls.DESCRIBE_SECURITY_GROUPS)).isGreaterThan(1);
  }

  @Test
  void accessDeniedNamesTheMissingPermissionAndIsNotRetried() {
    proxy.failAlways(LiveCalls.DESCRIBE_SECURITY_GROUP_RULES, FaultProxy.Fault.EC2_UNAUTHORIZED);

    LiveLoadException e = catchThrowableOfType(LiveLoadException.class, () -> load(loader(proxy.endpoint())));

    assertThat(e).hasMessage("ec2:DescribeSecurityGroupRules was denied in us-east-1 (UnauthorizedOperation): the"
        + " credentials lack the IAM permission ec2:DescribeSecurityGroupRules; grant it (docs/iam-policy.json lists"
        + " every action sgreach needs). Nothing was loaded.");
    assertThat(e.isAccessDenied()).isTrue();
    assertThat(proxy.requests(LiveCalls.DESCRIBE_SECURITY_GROUP_RULES)).isEqualTo(1);
  }

  @Test
  void eksAccessDeniedNamesTheEksAction() {
    proxy.failAlways(LiveCalls.DESCRIBE_CLUSTER, FaultProxy.Fault.EKS_DENIED);

    LiveLoadException e = catchThrowableOfType(LiveLoadException.class, () -> load(loader(proxy.endpoint())));

    assertThat(e.action()).isEqualTo("eks:DescribeCluster");
    assertThat(e).hasMessageStartingWith("eks:DescribeCluster was denied in us-east-1 (AccessDeniedException): the"
        + " credentials lack the IAM permission eks:DescribeCluster;");
  }

  @Test
  void credentialsNeverAppearInMessagesOrProgress() {
    StringWriter shown = new StringWriter();
    proxy.failAlways(LiveCalls.DESCRIBE_VPCS, FaultProxy.Fault.EC2_UNAUTHORIZED);

    LiveLoadException e = catchThrowableOfType(LiveLoadException.class, () -> load(loader(proxy.endpoint())
        .listener(LoadListener.printingTo(new PrintWriter(shown)))));

    assertThat(shown.toString()).contains("ec2:DescribeSecurityGroups: ");
    for (String text : List.of(e.getMessage(), shown.toString())) {
      assertThat(text).doesNotContain(MotoWorld.SECRET_KEY).doesNotContain(MotoWorld.ACCESS_KEY)
          .doesNotContain("SECRETBLOB").doesNotContain("arn:aws:iam");
    }
  }

  @Test
  void theSnapshotWrittenReadsBackAsAnEqualNetwork() throws Exception {
    Path out = dir.resolve("snapshot");
    Network loaded;
    try (LiveLoader l = loader(moto.endpoint()).build()) {
      loaded = l.loadTo(out);
    }

    assertSameNetwork(Snapshots.read(out), loaded);
    assertThat(out.resolve("ec2-describe-security-group-rules.json")).exists();
    assertThat(out.resolve("eks-describe-cluster/demo.json")).exists();
    assertThat(out.resolve("ec2-get-managed-prefix-list-entries/" + world.prefixList + ".json")).exists();
    try (var files = Files.walk(out)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        assertThat(Files.readString(f)).doesNotContain(MotoWorld.SECRET_KEY);
      }
    }
  }

  @Test
  void filtersByVpcClusterAndTag() {
    Network onlyB = load(loader(moto.endpoint()).vpcIds(world.vpcB));
    assertThat(onlyB.securityGroups().values()).allSatisfy(g -> assertThat(g.vpcId()).isEqualTo(world.vpcB));
    assertThat(onlyB.securityGroups()).containsKey(world.remote);
    assertThat(onlyB.interfaces()).containsOnlyKeys(world.eniRemote);
    assertThat(onlyB.vpcs()).containsOnlyKeys(world.vpcB);
    assertThat(onlyB.peerings()).containsOnlyKeys(world.peering);
    assertThat(onlyB.loadBalancers()).isEmpty();

    Network tagged = load(loader(moto.endpoint()).tag("tier", "db").withoutLoadBalancers());
    assertThat(tagged.securityGroups()).containsOnlyKeys(world.db);

    Network cluster = load(loader(proxy.endpoint()).cluster("demo"));
    assertThat(cluster.eksClusters()).containsOnlyKeys("demo");
    assertThat(proxy.requests(LiveCalls.LIST_CLUSTERS)).isZero();

    Network withoutEks = load(loader(proxy.endpoint()).withoutEks());
    assertThat(withoutEks.eksClusters()).isEmpty();
    assertThat(proxy.requests(LiveCalls.LIST_CLUSTERS)).isZero();
  }

  @Test
  void aVpcFilterThatMatchesNoVpcFailsTheLoadAndLeavesTheOldSnapshotAsItWas() throws Exception {
    // like --cluster nope: a load limited to a VPC the region does not have would write an empty snapshot, which
    // every question would then answer with an all-clear
    Path out = Snapshots.write(dev.sgreach.eks.SeedClusters.privateOnly(), dir.resolve("old"));
    java.util.Map<String, String> before = new java.util.TreeMap<>();
    try (var files = Files.walk(out)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        before.put(out.relativize(f).toString(), Files.readString(f));
      }
    }

    LiveLoadException e = catchThrowableOfType(LiveLoadException.class, () -> {
      try (LiveLoader l = loader(moto.endpoint()).vpcIds(world.vpcB, "vpc-0123456789abcdef0").build()) {
        l.loadTo(out);
      }
    });

    assertThat(e).hasMessageStartingWith("no VPC vpc-0123456789abcdef0 in " + MotoWorld.REGION + ": describe-vpcs"
        + " found only " + world.vpcB).hasMessageContaining("Nothing was loaded");
    assertThat(e.action()).isEqualTo(LiveCalls.DESCRIBE_VPCS);
    java.util.Map<String, String> after = new java.util.TreeMap<>();
    try (var files = Files.walk(out)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        after.put(out.relativize(f).toString(), Files.readString(f));
      }
    }
    assertThat(after).isEqualTo(before);
    assertThat(catchThrowableOfType(IllegalArgumentException.class, () -> loader(moto.endpoint())
        .vpcIds("vpc-typo$(x)"))).hasMessage("'vpc-typo$(x)' is not a VPC id (vpc- and up to 17 lowercase letters or"
            + " digits)");
  }

  @Test
  void clientsGivenToTheLoaderStayOpenAndKeepTheirOwnConfiguration() {
    Network n;
    try (LiveLoader l = LiveLoader.builder().ec2(world.ec2).eks(world.eks).elasticLoadBalancing(world.elbv2)
        .build()) {
      n = l.load();
    }

    assertThat(n.securityGroups()).containsKey(world.web);
    assertThat(world.ec2.describeVpcs().vpcs()).isNotEmpty();
    assertThat(world.eks.listClusters().clusters()).contains("demo");
  }

  @Test
  void theSnapshotFacadeLoadsAndWrites() {
    Path out = dir.resolve("facade");
    StringWriter err = new StringWriter();
    System.setProperty("aws.accessKeyId", MotoWorld.ACCESS_KEY);
    System.setProperty("aws.secretAccessKey", MotoWorld.SECRET_KEY);
    try {
      Network n = LiveSnapshot.collect(new LiveSnapshot.Options("us-east-1", null, List.of(world.vpcA), null,
          moto.endpoint(), out), LoadListener.printingTo(new PrintWriter(err)));

      assertSameNetwork(Snapshots.read(out), n);
      assertThat(n.interfaces()).containsKeys(world.eniWeb, world.eniDb).doesNotContainKey(world.eniRemote);
      assertThat(err.toString()).contains("ec2:DescribeNetworkInterfaces: ");
    } finally {
      System.clearProperty("aws.accessKeyId");
      System.clearProperty("aws.secretAccessKey");
    }
  }
}
