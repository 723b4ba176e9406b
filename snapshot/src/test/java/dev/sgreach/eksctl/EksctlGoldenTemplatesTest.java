package dev.sgreach.eksctl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sgreach.model.Cidr;
import dev.sgreach.model.Network;
import dev.sgreach.model.NetworkInterface;
import dev.sgreach.model.Peer;
import dev.sgreach.model.Rule;
import dev.sgreach.model.SecurityGroup;
import dev.sgreach.planned.PlannedNetwork;
import dev.sgreach.planned.PlannedResource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * The groups and rules {@link EksctlConfig} predicts, compared with CloudFormation that eksctl itself rendered (its
 * test data, in {@code src/test/resources/eksctl/cfn}; see the README there). Groups are named by their logical id;
 * the cluster stack's exports ({@code SecurityGroup}, {@code SharedNodeSecurityGroup}, {@code ClusterSecurityGroupId})
 * by the group they export. Every difference is named in the test that allows it.
 *
 * <p>Not compared: {@code nodegroup_access_entry/*.json} render the five rules of {@code nodegroup-example-1.json}
 * without SSH and with an empty nodegroup name (the fakes supply none); the S3 gateway endpoint of
 * {@code custom_vpc_private_endpoint.json} has no ENI and no group, so sgreach does not generate it.
 */
class EksctlGoldenTemplatesTest {
  private static final String CFN_DEFAULT_EGRESS = "CloudFormation default egress";
  private static final Map<String, String> EXPORTS = Map.of("SecurityGroup", "ControlPlaneSecurityGroup",
      "SharedNodeSecurityGroup", "ClusterSharedNodeSecurityGroup", "ClusterSecurityGroupId", "ClusterSecurityGroup");

  /** Names the prediction's groups as the templates do: logical ids; the EKS cluster SG as its export. */
  private static Map<String, String> names(PlannedNetwork p) {
    Map<String, String> out = new HashMap<>();
    for (PlannedResource r : p.resources().values()) {
      String logical = r.address().endsWith("/cluster-security-group") ? "ClusterSecurityGroup"
          : r.address().substring(r.address().lastIndexOf('/') + 1);
      r.securityGroupIds().forEach(id -> out.put(id, logical));
    }
    return out;
  }

  private static String template(String name) {
    return EXPORTS.getOrDefault(name, name);
  }

  private static TreeSet<String> templateRules(CfnTemplate... templates) {
    TreeSet<String> out = new TreeSet<>();
    for (CfnTemplate t : templates) {
      for (String line : t.rules()) {
        String[] words = line.split(" ", 6);
        out.add(CfnTemplate.line(template(words[0]), words[1], words[2], words[3], template(words[4]),
            words[5].substring(1, words[5].length() - 1)));
      }
    }
    return out;
  }

  /** The predicted rules of the named groups (CloudFormation's implicit default egress left out). */
  private static TreeSet<String> predictedRules(PlannedNetwork p, Predicate<String> groupName) {
    Map<String, String> names = names(p);
    TreeSet<String> out = new TreeSet<>();
    for (SecurityGroup sg : p.network().securityGroups().values()) {
      String name = names.get(sg.id());
      if (name == null || !groupName.test(name)) {
        continue;
      }
      List<Rule> rules = new ArrayList<>(sg.ingress());
      rules.addAll(sg.egress());
      for (Rule r : rules) {
        if (r.description().equals(CFN_DEFAULT_EGRESS)) {
          continue;
        }
        String proto = r.ports().isAllTraffic() ? "-1" : r.ports().protocol().awsName();
        String ports = r.ports().isAllTraffic() ? "all" : r.ports().from() + "-" + r.ports().to();
        String peer = r.peer() instanceof Peer.GroupPeer g ? names.getOrDefault(g.groupId(), g.groupId())
            : r.peer().describe();
        out.add(CfnTemplate.line(name, r.direction().word(), proto, ports, peer, r.description()));
      }
    }
    return out;
  }

  private static TreeSet<String> predictedGroups(PlannedNetwork p, Predicate<String> groupName) {
    Map<String, String> names = names(p);
    TreeSet<String> out = new TreeSet<>();
    for (SecurityGroup sg : p.network().securityGroups().values()) {
      String name = names.get(sg.id());
      if (name != null && groupName.test(name)) {
        out.add(name + ": " + sg.description());
      }
    }
    return out;
  }

  private static List<String> groupNames(PlannedNetwork p, NetworkInterface eni) {
    Map<String, String> names = names(p);
    return eni.securityGroupIds().stream().map(id -> names.getOrDefault(id, id)).toList();
  }

  /** The groups on the first node of a nodegroup are the template's launch-template groups, in order. */
  private static void assertNodeGroupsAsLaunchTemplate(PlannedNetwork p, String nodes, CfnTemplate template) {
    assertThat(groupNames(p, firstEni(p, nodes))).as("groups on " + nodes)
        .containsExactlyElementsOf(template.launchTemplateGroups().stream().map(EksctlGoldenTemplatesTest::template)
            .toList());
  }

  private static NetworkInterface firstEni(PlannedNetwork p, String address) {
    return p.network().interfaces().get(p.resource(address).orElseThrow().interfaceIds().get(0));
  }

  @Test
  void a_cluster_and_its_old_format_nodegroup_match_what_eksctl_rendered_in_2019_but_for_the_cluster_sg_rules() {
    PlannedNetwork p = EksctlConfig.parse("wonderful-party.yaml", """
        apiVersion: eksctl.io/v1alpha5
        kind: ClusterConfig
        metadata: {name: wonderful-party-1565212003, region: us-west-2, version: "1.13"}
        availabilityZones: [us-west-2b, us-west-2d, us-west-2c]
        nodeGroups: [{name: ng-0}]
        """).predict();
    CfnTemplate cluster = CfnTemplate.load("/eksctl/cfn/cluster-example-1.json");
    CfnTemplate nodegroup = CfnTemplate.load("/eksctl/cfn/nodegroup-example-old-format-1.json");

    assertThat(predictedGroups(p, n -> !n.equals("ClusterSecurityGroup")))
        .containsExactlyElementsOf(new TreeSet<>(List.of(
            "ClusterSharedNodeSecurityGroup: Communication between all nodes in the cluster",
            "ControlPlaneSecurityGroup: Communication between the control plane and worker nodegroups",
            "SG: Communication between the control plane and worker nodes in group ng-0")))
        .containsAll(cluster.groups()).containsAll(nodegroup.groups());

    // difference 1: the EKS cluster SG came with EKS 1.14 (after this template); eksctl now adds two cross rules
    // between it and the shared SG (DOMAIN.md section 1, IngressDefaultClusterToNodeSG/IngressNodeToDefaultClusterSG)
    TreeSet<String> predicted = predictedRules(p, n -> !n.equals("ClusterSecurityGroup"));
    List<String> crossRules = predicted.stream().filter(l -> l.contains("ClusterSecurityGroup ")).toList();
    assertThat(crossRules).containsExactly(
        "ClusterSharedNodeSecurityGroup ingress -1 all ClusterSecurityGroup \"Allow managed and unmanaged nodes to"
            + " communicate with each other (all ports)\"");
    predicted.removeAll(crossRules);
    // difference 2: the old format's IngressInterCluster rules were resources of their own, without the
    // "[IngressInterCluster] " prefix now written in the description (DOMAIN.md section 1 note 7)
    TreeSet<String> withoutPrefixes = new TreeSet<>();
    predicted.forEach(l -> withoutPrefixes.add(l.replace("\"[IngressInterCluster] ", "\"")
        .replace("\"[IngressInterClusterAPI] ", "\"")));
    assertThat(withoutPrefixes).containsExactlyElementsOf(templateRules(cluster, nodegroup));

    assertNodeGroupsAsLaunchTemplate(p, "eksctl-wonderful-party-1565212003-nodegroup-ng-0/NodeGroup", nodegroup);
    NetworkInterface node = firstEni(p, "eksctl-wonderful-party-1565212003-nodegroup-ng-0/NodeGroup");
    // the subnets: public ones first in the zones' order, then private ones (SubnetPublicUSWEST2B 192.168.0.0/19 ...)
    assertThat(Cidr.parse("192.168.0.0/19").contains(node.privateIpv4().get(0))).as("node %s in the public subnet of"
        + " us-west-2b", node.privateIpv4()).isTrue();
    assertThat(p.resource("eks:wonderful-party-1565212003/control-plane").orElseThrow().interfaceIds().stream()
        .map(id -> p.network().interfaces().get(id).privateIpv4().get(0).toCidrString()))
        .as("control-plane ENIs in the private subnets 192.168.96.0/19 (b), 128.0/19 (d), 160.0/19 (c)")
        .containsExactly("192.168.96.10/32", "192.168.128.10/32", "192.168.160.10/32");
  }

  @Test
  void a_nodegroup_with_ssh_matches_what_eksctl_renders_rule_for_rule() {
    PlannedNetwork p = EksctlConfig.parse("n5.yaml", """
        apiVersion: eksctl.io/v1alpha5
        kind: ClusterConfig
        metadata: {name: test, region: us-west-2}
        nodeGroups:
          - name: n5
            ssh: {publicKeyName: my-key}
        """).predict();
    CfnTemplate nodegroup = CfnTemplate.load("/eksctl/cfn/nodegroup-example-1.json");

    assertThat(predictedGroups(p, "SG"::equals)).containsExactlyElementsOf(nodegroup.groups());
    TreeSet<String> predicted = predictedRules(p, n -> n.equals("SG") || n.equals("ControlPlaneSecurityGroup"));
    assertThat(predicted).containsExactlyElementsOf(templateRules(nodegroup));
    assertNodeGroupsAsLaunchTemplate(p, "eksctl-test-nodegroup-n5/NodeGroup", nodegroup);
    SecurityGroup sg = p.network().securityGroup(p.resource("eksctl-test-nodegroup-n5/SG").orElseThrow()
        .securityGroupId().orElseThrow()).orElseThrow();
    assertThat(sg.tags()).containsEntry("kubernetes.io/cluster/test", "owned")
        .containsEntry("Name", "eksctl-test-nodegroup-n5/SG");
  }

  @Test
  void a_managed_nodegroup_with_ssh_gets_the_remote_access_group_eksctl_renders() {
    PlannedNetwork p = EksctlConfig.parse("lt.yaml", """
        apiVersion: eksctl.io/v1alpha5
        kind: ClusterConfig
        metadata: {name: lt, region: us-west-2}
        managedNodeGroups:
          - name: ssh-enabled
            ssh: {allow: true, publicKeyName: test-keypair}
        """).predict();
    CfnTemplate template = CfnTemplate.load("/eksctl/cfn/launch_template/ssh_enabled.json");

    assertThat(predictedGroups(p, "SSH"::equals)).containsExactlyElementsOf(template.groups());
    assertThat(predictedRules(p, "SSH"::equals)).containsExactlyElementsOf(templateRules(template));
    String ssh = p.resource("eksctl-lt-nodegroup-ssh-enabled/SSH").orElseThrow().securityGroupId().orElseThrow();
    assertThat(p.network().securityGroup(ssh).orElseThrow().name()).as("GroupName ${AWS::StackName}-remoteAccess")
        .isEqualTo("eksctl-lt-nodegroup-ssh-enabled-remoteAccess");
    assertNodeGroupsAsLaunchTemplate(p, "eksctl-lt-nodegroup-ssh-enabled/ManagedNodeGroup", template);
  }

  @Test
  void a_private_cluster_in_a_user_vpc_puts_the_interface_endpoints_eksctl_renders_in_its_private_subnets() {
    PlannedNetwork p = EksctlConfig.parse("private.yaml", """
        apiVersion: eksctl.io/v1alpha5
        kind: ClusterConfig
        metadata: {name: private, region: us-west-2}
        privateCluster: {enabled: true}
        vpc:
          id: vpc-custom
          sharedNodeSecurityGroup: sg-test
          subnets:
            private:
              us-west-2a: {id: subnet-custom1}
              us-west-2b: {id: subnet-custom2}
        """).predict();
    CfnTemplate template = CfnTemplate.load("/eksctl/cfn/custom_vpc_private_endpoint.json");

    TreeSet<String> predicted = new TreeSet<>();
    Network n = p.network();
    for (PlannedResource r : p.resources().values()) {
      if (r.type().equals("AWS::EC2::VPCEndpoint")) {
        String logical = r.address().substring(r.address().lastIndexOf('/') + 1);
        for (String id : r.interfaceIds()) {
          NetworkInterface e = n.interfaces().get(id);
          predicted.add(logical + " " + e.subnetId() + " " + e.securityGroupIds());
          assertThat(e.interfaceType()).isEqualTo("vpc_endpoint");
          assertThat(e.vpcId()).isEqualTo("vpc-custom");
        }
      }
    }
    assertThat(predicted).containsExactlyElementsOf(template.interfaceEndpoints());
  }
}
