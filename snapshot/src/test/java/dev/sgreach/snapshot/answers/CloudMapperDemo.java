package dev.sgreach.snapshot.answers;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sgreach.engine.Endpoint;
import dev.sgreach.model.Cidr;
import dev.sgreach.model.Network;
import dev.sgreach.model.NetworkInterface;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * CloudMapper's demo account ({@code realdata/cloudmapper/account-data/demo/us-east-1/}) as sgreach sees it: the
 * network {@code Snapshots.read} makes of the folder (8 groups, the one ENI of the ECS task), plus one ENI per node
 * that CloudMapper's {@code prepare} draws, carrying that resource's groups as its own describe file names them.
 *
 * <p>CloudMapper splits a resource into one node per subnet (ELB, ALB, RDS, Redshift, Lambda, interface endpoints), so
 * there is one ENI per (resource, subnet), as AWS itself creates them. Addresses come from the data where it has them
 * (instances' {@code PrivateIpAddress}, Redshift's {@code ClusterNodes}); every other address is <b>synthetic</b>:
 * {@code .200}, {@code .201}, ... of the subnet's CIDR from {@code ec2-describe-subnets.json}, in file order. ENI ids
 * are the data's where it has one that is unique (the SQS endpoint's, the ECS task's); the three instances all name
 * {@code eni-00000000} in the demo, so theirs become {@code eni-00000000.<instance id>}; the rest are
 * {@code eni-cm-<kind>-<name>-<subnet>}.
 *
 * <p>The S3 gateway endpoint has neither an ENI nor a group (gateway endpoints are route-table targets), so it gets no
 * ENI; CIDR nodes ({@code 0.0.0.0/0}, the offices of {@code config.json.demo}) stand for outside addresses.
 */
final class CloudMapperDemo {
  static final String FOLDER = "cloudmapper/account-data/demo/us-east-1/";
  static final String PREFIX = "arn:aws:";
  private static final String ACCOUNT = "123456789012";
  private static final String REGION = "us-east-1";

  /** A CloudMapper node with an ENI: its node id in data.json, a short label, and the ENI standing for it. */
  record Node(String id, String label, String eniId) {}

  /** A CloudMapper edge: source and target node ids, and the ids of the groups it gives as reasons. */
  record Edge(String source, String target, List<String> reasonGroups) {
    boolean isSecurityGroupEdge() {
      return !reasonGroups.isEmpty();
    }
  }

  final Network network;
  final Map<String, Node> nodesById;
  final Map<String, Node> nodesByLabel;
  /** Addresses made up for nodes whose data has none, by ENI id. */
  final Map<String, String> syntheticAddresses;
  /** Subnet id to CIDR, from ec2-describe-subnets.json. */
  final Map<String, Cidr> subnets;
  /** The node id of the S3 gateway endpoint, which has no ENI. */
  final String s3GatewayNode;

  private CloudMapperDemo(Network network, Map<String, Node> nodes, Map<String, String> synthetic,
      Map<String, Cidr> subnets, String s3GatewayNode) {
    this.network = network;
    this.nodesById = nodes;
    Map<String, Node> byLabel = new LinkedHashMap<>();
    nodes.values().forEach(n -> byLabel.put(n.label(), n));
    this.nodesByLabel = byLabel;
    this.syntheticAddresses = synthetic;
    this.subnets = subnets;
    this.s3GatewayNode = s3GatewayNode;
  }

  static JsonNode file(String name) {
    return RealData.json(FOLDER + name);
  }

  // ---------------------------------------------------------------- CloudMapper's answer

  /** The 35 edges of {@code gh-pages/data.json}, in file order. */
  static List<Edge> cloudMapperEdges() {
    List<Edge> edges = new ArrayList<>();
    for (JsonNode e : RealData.json("cloudmapper/gh-pages/data.json")) {
      JsonNode d = e.path("data");
      if (!d.has("source")) {
        continue;
      }
      List<String> reasons = new ArrayList<>();
      for (JsonNode reason : d.path("node_data")) {
        if (reason.isObject()) {
          reasons.add(reason.path("GroupId").asText());
        }
      }
      edges.add(new Edge(d.path("source").asText(), d.path("target").asText(), reasons));
    }
    return edges;
  }

  /** The ids of data.json's leaf nodes: resources and CIDRs, not the account, region, VPC, AZ and subnet boxes. */
  static Set<String> cloudMapperLeafNodes() {
    Set<String> out = new LinkedHashSet<>();
    for (JsonNode e : RealData.json("cloudmapper/gh-pages/data.json")) {
      JsonNode d = e.path("data");
      if (!d.has("source") && !Set.of("account", "region", "vpc", "az", "subnet").contains(d.path("type").asText())) {
        out.add(d.path("id").asText());
      }
    }
    return out;
  }

  /** The CIDR nodes CloudMapper draws: 0.0.0.0/0 ("Public") and the named office CIDRs of config.json.demo. */
  static boolean isCidrNode(String node) {
    return node.matches("[0-9.]+/[0-9]+");
  }

  /** The node's endpoint: its ENI, or for a CIDR node an outside address inside the CIDR. */
  Endpoint endpoint(String node) {
    if (isCidrNode(node)) {
      return Endpoint.address(representative(node));
    }
    Node n = nodesById.get(node);
    if (n == null) {
      throw new IllegalArgumentException("no ENI stands for CloudMapper node " + node);
    }
    return Endpoint.eni(n.eniId());
  }

  /** An address in a CIDR node: the CIDR's own address, or 8.8.8.8 for 0.0.0.0/0. */
  static String representative(String cidrNode) {
    return cidrNode.equals("0.0.0.0/0") ? "8.8.8.8" : cidrNode.substring(0, cidrNode.indexOf('/'));
  }

  /** The label of a node id (a CIDR stays itself). */
  String label(String node) {
    Node n = nodesById.get(node);
    return n != null ? n.label() : node;
  }

  /** The node id of a label ({@code bastion}, {@code weblb.1}, ...) or of a CIDR. */
  String node(String label) {
    if (isCidrNode(label)) {
      return label;
    }
    Node n = nodesByLabel.get(label);
    if (n == null) {
      throw new IllegalArgumentException("no node labelled " + label + "; labels: " + nodesByLabel.keySet());
    }
    return n.id();
  }

  /** The node an ENI stands for. */
  String nodeOfEni(String eniId) {
    return nodesById.values().stream().filter(n -> n.eniId().equals(eniId)).map(Node::id).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no node for " + eniId));
  }

  // ---------------------------------------------------------------- building

  static CloudMapperDemo build() {
    return new Builder().build();
  }

  private static final class Builder {
    final Network base = RealData.network(FOLDER);
    final Network.Builder network = base.toBuilder();
    final Map<String, Node> nodes = new LinkedHashMap<>();
    final Map<String, String> synthetic = new LinkedHashMap<>();
    final Map<String, Cidr> subnets = new LinkedHashMap<>();
    final Map<String, String> subnetAz = new HashMap<>();
    final Map<String, Integer> nextHost = new HashMap<>();
    String s3Gateway;

    CloudMapperDemo build() {
      for (JsonNode s : file("ec2-describe-subnets.json").path("Subnets")) {
        subnets.put(s.path("SubnetId").asText(), Cidr.parse(s.path("CidrBlock").asText()));
        subnetAz.put(s.path("SubnetId").asText(), s.path("AvailabilityZone").asText());
      }
      instances();
      classicLoadBalancers();
      applicationLoadBalancers();
      databases();
      redshift();
      elasticsearch();
      lambdas();
      vpcEndpoints();
      ecsTasks();
      return new CloudMapperDemo(network.build(), nodes, synthetic, subnets, s3Gateway);
    }

    private NetworkInterface.Builder eni(String id, String vpc, String subnet) {
      return NetworkInterface.builder(id).vpc(vpc).subnet(subnet).availabilityZone(subnetAz.getOrDefault(subnet, ""))
          .owner(ACCOUNT);
    }

    /** The next synthetic address of the subnet: .200, .201, ... */
    private String syntheticAddress(String eniId, String subnet) {
      int host = 200 + nextHost.merge(subnet, 1, Integer::sum) - 1;
      String cidr = subnets.get(subnet).toCidrString();
      String address = cidr.substring(0, cidr.lastIndexOf('.') + 1) + host;
      synthetic.put(eniId, address);
      return address;
    }

    private void add(String nodeId, String label, NetworkInterface eni) {
      network.add(eni);
      nodes.put(nodeId, new Node(nodeId, label, eni.id()));
    }

    private static List<String> texts(JsonNode array, String field) {
      List<String> out = new ArrayList<>();
      for (JsonNode x : array) {
        out.add(field == null ? x.asText() : x.path(field).asText());
      }
      return out;
    }

    private static String digit(String subnet) {
      return subnet.substring(subnet.length() - 1);
    }

    private static String arn(String service, String rest) {
      return PREFIX + service + ":" + REGION + ":" + ACCOUNT + ":" + rest;
    }

    void instances() {
      for (JsonNode r : file("ec2-describe-instances.json").path("Reservations")) {
        for (JsonNode i : r.path("Instances")) {
          String id = i.path("InstanceId").asText();
          String name = id;
          for (JsonNode t : i.path("Tags")) {
            if (t.path("Key").asText().equals("Name")) {
              name = t.path("Value").asText();
            }
          }
          for (JsonNode n : i.path("NetworkInterfaces")) {
            String subnet = n.path("SubnetId").asText(i.path("SubnetId").asText());
            NetworkInterface.Builder e = eni(n.path("NetworkInterfaceId").asText() + "." + id,
                i.path("VpcId").asText(), subnet)
                .description("Primary network interface")
                .attachedTo(id, n.path("Attachment").path("DeviceIndex").asInt())
                .groups(texts(n.path("Groups"), "GroupId"));
            n.path("PrivateIpAddresses").forEach(a -> e.address(a.path("PrivateIpAddress").asText()));
            if (n.path("PrivateIpAddresses").isEmpty()) {
              e.address(n.path("PrivateIpAddress").asText());
            }
            if (n.path("Association").has("PublicIp")) {
              e.publicIp(n.path("Association").path("PublicIp").asText());
            }
            add(arn("ec2", "instance/" + id), name.toLowerCase(java.util.Locale.ROOT), e.build());
          }
        }
      }
    }

    void classicLoadBalancers() {
      for (JsonNode lb : file("elb-describe-load-balancers.json").path("LoadBalancerDescriptions")) {
        String name = lb.path("LoadBalancerName").asText();
        for (String subnet : texts(lb.path("Subnets"), null)) {
          String id = "eni-cm-elb-" + name + "-" + subnet;
          add(arn("elasticloadbalancing", "instance/" + name + "/" + REGION + "." + subnet), name + "." + digit(subnet),
              eni(id, lb.path("VPCId").asText(), subnet).description("ELB " + name).requester("amazon-elb", true)
                  .address(syntheticAddress(id, subnet)).groups(texts(lb.path("SecurityGroups"), null)).build());
        }
      }
    }

    void applicationLoadBalancers() {
      for (JsonNode lb : file("elbv2-describe-load-balancers.json").path("LoadBalancers")) {
        String name = lb.path("LoadBalancerName").asText();
        String lbArn = lb.path("LoadBalancerArn").asText();
        for (String subnet : texts(lb.path("AvailabilityZones"), "SubnetId")) {
          String id = "eni-cm-elbv2-" + name + "-" + subnet;
          add(arn("elasticloadbalancingv2", "instance/" + name + "/" + REGION + "." + subnet),
              name + "." + digit(subnet),
              eni(id, lb.path("VpcId").asText(), subnet)
                  .description("ELB " + lbArn.substring(lbArn.indexOf("loadbalancer/") + "loadbalancer/".length()))
                  .requester("amazon-elb", true).address(syntheticAddress(id, subnet))
                  .groups(texts(lb.path("SecurityGroups"), null)).build());
        }
      }
    }

    void databases() {
      for (JsonNode db : file("rds-describe-db-instances.json").path("DBInstances")) {
        String dbArn = db.path("DBInstanceArn").asText();
        for (String subnet : texts(db.path("DBSubnetGroup").path("Subnets"), "SubnetIdentifier")) {
          String id = "eni-cm-rds-" + db.path("DBInstanceIdentifier").asText() + "-" + subnet;
          add(dbArn + "." + subnet, "rds." + digit(subnet),
              eni(id, db.path("DBSubnetGroup").path("VpcId").asText(), subnet).description("RDSNetworkInterface")
                  .requester("amazon-rds", true).address(syntheticAddress(id, subnet))
                  .groups(texts(db.path("VpcSecurityGroups"), "VpcSecurityGroupId")).build());
        }
      }
    }

    void redshift() {
      JsonNode groups = file("redshift-describe-cluster-subnet-groups.json").path("ClusterSubnetGroups");
      for (JsonNode c : file("redshift-describe-clusters.json").path("Clusters")) {
        List<String> groupSubnets = new ArrayList<>();
        for (JsonNode g : groups) {
          if (g.path("ClusterSubnetGroupName").asText().equals(c.path("ClusterSubnetGroupName").asText())
              && g.path("VpcId").asText().equals(c.path("VpcId").asText())) {
            groupSubnets.addAll(texts(g.path("Subnets"), "SubnetIdentifier"));
          }
        }
        // as CloudMapper does: one node per subnet of the group that holds a cluster node's private address
        for (String subnet : groupSubnets) {
          String id = "eni-cm-redshift-" + c.path("ClusterIdentifier").asText() + "-" + subnet;
          NetworkInterface.Builder e = eni(id, c.path("VpcId").asText(), subnet)
              .description("RedshiftNetworkInterface").requester("amazon-redshift", true)
              .groups(texts(c.path("VpcSecurityGroups"), "VpcSecurityGroupId"));
          boolean any = false;
          for (JsonNode n : c.path("ClusterNodes")) {
            if (subnets.get(subnet).contains(Cidr.parseAddress(n.path("PrivateIPAddress").asText()))) {
              e.address(n.path("PrivateIPAddress").asText());
              if (n.has("PublicIPAddress")) {
                e.publicIp(n.path("PublicIPAddress").asText());
              }
              any = true;
            }
          }
          if (any) {
            add(c.path("Endpoint").path("Address").asText() + "." + subnet, "redshift." + digit(subnet), e.build());
          }
        }
      }
    }

    void elasticsearch() {
      for (Path f : list("es-describe-elasticsearch-domain")) {
        JsonNode d = RealData.json(f).path("DomainStatus");
        JsonNode vpc = d.path("VPCOptions");
        for (String subnet : texts(vpc.path("SubnetIds"), null)) {
          String id = "eni-cm-es-" + d.path("DomainName").asText() + "-" + subnet;
          // CloudMapper keeps the domain's ARN as the node id (it does not suffix it per subnet)
          add(d.path("ARN").asText(), "es", eni(id, vpc.path("VPCId").asText(), subnet)
              .description("ES " + d.path("DomainName").asText()).requester("amazon-elasticsearch", true)
              .address(syntheticAddress(id, subnet)).groups(texts(vpc.path("SecurityGroupIds"), null)).build());
        }
      }
    }

    void lambdas() {
      for (JsonNode fn : file("lambda-list-functions.json").path("Functions")) {
        JsonNode vpc = fn.path("VpcConfig");
        for (String subnet : texts(vpc.path("SubnetIds"), null)) {
          String id = "eni-cm-lambda-" + fn.path("FunctionName").asText() + "-" + subnet;
          add(fn.path("FunctionArn").asText() + "." + subnet, "lambda." + digit(subnet),
              eni(id, vpc.path("VpcId").asText(), subnet).interfaceType("lambda")
                  .description("AWS Lambda VPC ENI-" + fn.path("FunctionName").asText())
                  .requester("lambda", true).address(syntheticAddress(id, subnet))
                  .groups(texts(vpc.path("SecurityGroupIds"), null)).build());
        }
      }
    }

    void vpcEndpoints() {
      for (JsonNode ep : file("ec2-describe-vpc-endpoints.json").path("VpcEndpoints")) {
        String id = ep.path("VpcEndpointId").asText();
        String node = arn("endpoint", "instance/" + id);
        if (ep.path("VpcEndpointType").asText().equals("Gateway")) {
          s3Gateway = node;
          continue;
        }
        String service = ep.path("ServiceName").asText();
        service = service.substring(service.lastIndexOf('.') + 1);
        List<String> subnetIds = texts(ep.path("SubnetIds"), null);
        List<String> eniIds = texts(ep.path("NetworkInterfaceIds"), null);
        for (int k = 0; k < subnetIds.size(); k++) {
          String subnet = subnetIds.get(k);
          String eniId = eniIds.get(k);
          add(node + "." + subnet, service + "." + digit(subnet),
              eni(eniId, ep.path("VpcId").asText(), subnet).interfaceType("vpc_endpoint")
                  .description("VPC Endpoint Interface " + id).requester("vpc-endpoint", true)
                  .address(syntheticAddress(eniId, subnet)).groups(texts(ep.path("Groups"), "GroupId")).build());
        }
      }
    }

    void ecsTasks() {
      for (Path cluster : list("ecs-describe-tasks")) {
        for (Path f : list(base(cluster))) {
          for (JsonNode task : RealData.json(f).path("tasks")) {
            for (JsonNode a : task.path("attachments")) {
              for (JsonNode d : a.path("details")) {
                if (d.path("name").asText().equals("networkInterfaceId")) {
                  String eni = d.path("value").asText();
                  // the task's ENI is in ec2-describe-network-interfaces.json: the adapter has read it already
                  if (base.networkInterface(eni).isEmpty()) {
                    throw new IllegalStateException("ECS task ENI " + eni + " is not in the snapshot");
                  }
                  nodes.put(task.path("taskArn").asText(), new Node(task.path("taskArn").asText(), "ecs", eni));
                }
              }
            }
          }
        }
      }
    }

    private static String base(Path p) {
      return RealData.ROOT.resolve(FOLDER).relativize(p).toString();
    }

    private static List<Path> list(String folderUnderDemo) {
      try (Stream<Path> s = Files.list(RealData.path(FOLDER + folderUnderDemo))) {
        return s.sorted().toList();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
