package dev.sgreach.aws;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.AddPrefixListEntry;
import software.amazon.awssdk.services.ec2.model.DomainType;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.ec2.model.IpRange;
import software.amazon.awssdk.services.ec2.model.Ipv6Range;
import software.amazon.awssdk.services.ec2.model.PrefixListId;
import software.amazon.awssdk.services.ec2.model.RuleAction;
import software.amazon.awssdk.services.ec2.model.UserIdGroupPair;
import software.amazon.awssdk.services.ec2.model.VpcEndpointType;
import software.amazon.awssdk.services.eks.EksClient;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;

/**
 * A small account built through the SDK on moto's server: two peered VPCs, a prefix list, security groups with every
 * rule form, interfaces, an instance, an EKS cluster, a load balancer and filler groups for paging; and the packet
 * path: an internet gateway with a public route table, a NAT gateway on the main table, a custom network ACL with
 * TCP, deny and IPv6 entries, an egress-only gateway, an S3 gateway endpoint, and a transit gateway joining the two
 * VPCs with a route table, an association and a propagation.
 */
final class MotoWorld implements AutoCloseable {
  static final Region REGION = Region.US_EAST_1;
  static final String ACCESS_KEY = "AKIASGREACHTEST00001";
  static final String SECRET_KEY = "sgreach-test-secret-do-not-print";
  static final StaticCredentialsProvider CREDENTIALS = StaticCredentialsProvider.create(
      AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY));
  static final int FILLER_GROUPS = 13;
  private static final ClientOverrideConfiguration NO_RETRIES = ClientOverrideConfiguration.builder()
      .retryStrategy(AwsRetryStrategy.doNotRetry()).build();

  final Ec2Client ec2;
  final EksClient eks;
  final ElasticLoadBalancingV2Client elbv2;

  String vpcA;
  String vpcB;
  String subnetA1;
  String subnetA2;
  String peering;
  String prefixList;
  String web;
  String db;
  String bastion;
  String remote;
  String eniWeb;
  String eniDb;
  String eniRemote;
  String instance;
  /** The web load balancer's target group, registering {@link #instance} on 8081. */
  String targetGroup;
  final List<String> fillers = new ArrayList<>();
  String subnetB;
  String igw;
  String publicTable;
  String mainTableA;
  String nat;
  String acl;
  String eigw;
  String s3Endpoint;
  String tgw;
  String tgwTable;
  String attachmentA;
  String attachmentB;

  MotoWorld(URI endpoint) {
    ec2 = Ec2Client.builder().region(REGION).credentialsProvider(CREDENTIALS).endpointOverride(endpoint)
        .httpClientBuilder(UrlConnectionHttpClient.builder())
        .overrideConfiguration(NO_RETRIES).build();
    eks = EksClient.builder().region(REGION).credentialsProvider(CREDENTIALS).endpointOverride(endpoint)
        .httpClientBuilder(UrlConnectionHttpClient.builder())
        .overrideConfiguration(NO_RETRIES).build();
    elbv2 = ElasticLoadBalancingV2Client.builder().region(REGION).credentialsProvider(CREDENTIALS)
        .endpointOverride(endpoint).httpClientBuilder(UrlConnectionHttpClient.builder())
        .overrideConfiguration(NO_RETRIES).build();
  }

  /** Creates everything. */
  MotoWorld build() {
    vpcA = ec2.createVpc(r -> r.cidrBlock("10.0.0.0/16")).vpc().vpcId();
    vpcB = ec2.createVpc(r -> r.cidrBlock("10.1.0.0/16")).vpc().vpcId();
    subnetA1 = ec2.createSubnet(r -> r.vpcId(vpcA).cidrBlock("10.0.1.0/24").availabilityZone("us-east-1a"))
        .subnet().subnetId();
    subnetA2 = ec2.createSubnet(r -> r.vpcId(vpcA).cidrBlock("10.0.2.0/24").availabilityZone("us-east-1b"))
        .subnet().subnetId();
    subnetB = ec2.createSubnet(r -> r.vpcId(vpcB).cidrBlock("10.1.1.0/24").availabilityZone("us-east-1a"))
        .subnet().subnetId();
    peering = ec2.createVpcPeeringConnection(r -> r.vpcId(vpcA).peerVpcId(vpcB)).vpcPeeringConnection()
        .vpcPeeringConnectionId();
    ec2.acceptVpcPeeringConnection(r -> r.vpcPeeringConnectionId(peering));
    prefixList = ec2.createManagedPrefixList(r -> r.prefixListName("corp").addressFamily("IPv4").maxEntries(5)
        .entries(AddPrefixListEntry.builder().cidr("192.168.0.0/16").description("office").build()))
        .prefixList().prefixListId();

    web = group("web", vpcA);
    db = group("db", vpcA);
    bastion = group("bastion", vpcA);
    remote = group("remote", vpcB);
    for (int i = 0; i < FILLER_GROUPS; i++) {
      fillers.add(group("filler-" + i, vpcA));
    }
    ec2.authorizeSecurityGroupIngress(r -> r.groupId(web).ipPermissions(
        perm("tcp", 443, 443).ipRanges(IpRange.builder().cidrIp("0.0.0.0/0").description("https").build()).build(),
        perm("tcp", 443, 443).ipv6Ranges(Ipv6Range.builder().cidrIpv6("::/0").build()).build(),
        perm("tcp", 8080, 8090).userIdGroupPairs(UserIdGroupPair.builder().groupId(db).build()).build(),
        perm("udp", 53, 53).prefixListIds(PrefixListId.builder().prefixListId(prefixList).build()).build(),
        perm("icmp", 3, 4).ipRanges(IpRange.builder().cidrIp("10.0.0.0/8").build()).build(),
        perm("icmpv6", -1, -1).ipv6Ranges(Ipv6Range.builder().cidrIpv6("2001:db8::/32").build()).build(),
        perm("50", -1, -1).ipRanges(IpRange.builder().cidrIp("10.0.0.0/8").build()).build(),
        perm("-1", -1, -1).userIdGroupPairs(UserIdGroupPair.builder().groupId(bastion)
            .build()).build(),
        perm("tcp", 22, 22).userIdGroupPairs(UserIdGroupPair.builder().groupId(remote)
            .vpcPeeringConnectionId(peering).build()).build()));

    eniWeb = eni(subnetA1, "10.0.1.10", web);
    eniDb = eni(subnetA1, "10.0.1.20", db);
    eniRemote = eni(subnetB, "10.1.1.10", remote);
    String image = ec2.describeImages(r -> r.maxResults(5)).images().get(0).imageId();
    instance = ec2.runInstances(r -> r.imageId(image).minCount(1).maxCount(1).instanceType("t3.micro")
        .subnetId(subnetA1).privateIpAddress("10.0.1.30").securityGroupIds(bastion)).instances().get(0)
        .instanceId();

    eks.createCluster(r -> r.name("demo").roleArn("arn:aws:iam::123456789012:role/eks").resourcesVpcConfig(v -> v
        .subnetIds(subnetA1, subnetA2).securityGroupIds(web).endpointPublicAccess(true).endpointPrivateAccess(true)
        .publicAccessCidrs("203.0.113.0/24")));
    String lb = elbv2.createLoadBalancer(r -> r.name("web").subnets(subnetA1, subnetA2).securityGroups(web))
        .loadBalancers().get(0).loadBalancerArn();
    targetGroup = elbv2.createTargetGroup(r -> r.name("web-tg").protocol("HTTP").port(8080).vpcId(vpcA)
        .targetType("instance")).targetGroups().get(0).targetGroupArn();
    elbv2.registerTargets(r -> r.targetGroupArn(targetGroup).targets(t -> t.id(instance).port(8081)));
    elbv2.createListener(r -> r.loadBalancerArn(lb).protocol("HTTP").port(80)
        .defaultActions(a -> a.type("forward").targetGroupArn(targetGroup)));
    buildPath();
    return this;
  }

  private void buildPath() {
    igw = ec2.createInternetGateway().internetGateway().internetGatewayId();
    ec2.attachInternetGateway(r -> r.internetGatewayId(igw).vpcId(vpcA));
    publicTable = ec2.createRouteTable(r -> r.vpcId(vpcA)).routeTable().routeTableId();
    ec2.createRoute(r -> r.routeTableId(publicTable).destinationCidrBlock("0.0.0.0/0").gatewayId(igw));
    ec2.associateRouteTable(r -> r.routeTableId(publicTable).subnetId(subnetA1));
    String allocation = ec2.allocateAddress(r -> r.domain(DomainType.VPC)).allocationId();
    nat = ec2.createNatGateway(r -> r.subnetId(subnetA1).allocationId(allocation)).natGateway().natGatewayId();
    mainTableA = ec2.describeRouteTables(r -> r.filters(Filter.builder().name("vpc-id").values(vpcA).build(),
        Filter.builder().name("association.main").values("true").build())).routeTables().get(0).routeTableId();
    ec2.createRoute(r -> r.routeTableId(mainTableA).destinationCidrBlock("0.0.0.0/0").natGatewayId(nat));

    acl = ec2.createNetworkAcl(r -> r.vpcId(vpcA)).networkAcl().networkAclId();
    ec2.createNetworkAclEntry(r -> r.networkAclId(acl).ruleNumber(100).egress(false).protocol("6")
        .ruleAction(RuleAction.ALLOW).cidrBlock("10.0.0.0/16").portRange(p -> p.from(443).to(443)));
    // no ICMP entry: moto 5.2.5 does not return an entry's IcmpTypeCode (the reader refuses an ICMP entry without
    // one; the form is covered on real captures)
    ec2.createNetworkAclEntry(r -> r.networkAclId(acl).ruleNumber(120).egress(false).protocol("-1")
        .ruleAction(RuleAction.DENY).cidrBlock("10.0.1.0/24"));
    ec2.createNetworkAclEntry(r -> r.networkAclId(acl).ruleNumber(130).egress(false).protocol("17")
        .ruleAction(RuleAction.ALLOW).ipv6CidrBlock("::/0").portRange(p -> p.from(1024).to(65535)));
    ec2.createNetworkAclEntry(r -> r.networkAclId(acl).ruleNumber(100).egress(true).protocol("-1")
        .ruleAction(RuleAction.ALLOW).cidrBlock("0.0.0.0/0"));
    String association = ec2.describeNetworkAcls(r -> r.filters(Filter.builder().name("association.subnet-id")
        .values(subnetA2).build())).networkAcls().get(0).associations().stream()
        .filter(a -> subnetA2.equals(a.subnetId())).findFirst().orElseThrow().networkAclAssociationId();
    ec2.replaceNetworkAclAssociation(r -> r.associationId(association).networkAclId(acl));

    eigw = ec2.createEgressOnlyInternetGateway(r -> r.vpcId(vpcA)).egressOnlyInternetGateway()
        .egressOnlyInternetGatewayId();
    s3Endpoint = ec2.createVpcEndpoint(r -> r.vpcId(vpcA).vpcEndpointType(VpcEndpointType.GATEWAY)
        .serviceName("com.amazonaws.us-east-1.s3").routeTableIds(publicTable)).vpcEndpoint().vpcEndpointId();

    tgw = ec2.createTransitGateway(r -> r.description("hub")).transitGateway().transitGatewayId();
    attachmentA = ec2.createTransitGatewayVpcAttachment(r -> r.transitGatewayId(tgw).vpcId(vpcA)
        .subnetIds(subnetA1)).transitGatewayVpcAttachment().transitGatewayAttachmentId();
    attachmentB = ec2.createTransitGatewayVpcAttachment(r -> r.transitGatewayId(tgw).vpcId(vpcB)
        .subnetIds(subnetB)).transitGatewayVpcAttachment().transitGatewayAttachmentId();
    tgwTable = ec2.createTransitGatewayRouteTable(r -> r.transitGatewayId(tgw)).transitGatewayRouteTable()
        .transitGatewayRouteTableId();
    ec2.associateTransitGatewayRouteTable(r -> r.transitGatewayRouteTableId(tgwTable)
        .transitGatewayAttachmentId(attachmentA));
    ec2.enableTransitGatewayRouteTablePropagation(r -> r.transitGatewayRouteTableId(tgwTable)
        .transitGatewayAttachmentId(attachmentB));
    // no static route: moto 5.2.5 returns static transit gateway routes without their attachments, which only a
    // blackhole route has
  }

  /** Adds an ingress rule to {@code web}: tcp/9443 from 172.16.0.0/12. */
  void openWeb9443() {
    ec2.authorizeSecurityGroupIngress(r -> r.groupId(web).ipPermissions(perm("tcp", 9443, 9443)
        .ipRanges(IpRange.builder().cidrIp("172.16.0.0/12").build()).build()));
  }

  private String group(String name, String vpc) {
    return ec2.createSecurityGroup(r -> r.groupName(name).description(name + " tier").vpcId(vpc)
        .tagSpecifications(t -> t.resourceType("security-group").tags(tag -> tag.key("tier").value(name))))
        .groupId();
  }

  private String eni(String subnet, String ip, String group) {
    return ec2.createNetworkInterface(r -> r.subnetId(subnet).privateIpAddress(ip).groups(group))
        .networkInterface().networkInterfaceId();
  }

  private static IpPermission.Builder perm(String protocol, int from, int to) {
    return IpPermission.builder().ipProtocol(protocol).fromPort(from).toPort(to);
  }

  @Override
  public void close() {
    ec2.close();
    eks.close();
    elbv2.close();
  }
}
