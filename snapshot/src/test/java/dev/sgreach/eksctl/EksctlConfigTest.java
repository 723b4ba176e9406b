package dev.sgreach.eksctl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sgreach.engine.Endpoint;
import dev.sgreach.engine.Outcome;
import dev.sgreach.engine.Reachability;
import dev.sgreach.model.Cidr;
import dev.sgreach.model.EksClusterInfo;
import dev.sgreach.model.Network;
import dev.sgreach.model.NetworkInterface;
import dev.sgreach.model.Peer;
import dev.sgreach.model.Ports;
import dev.sgreach.model.Rule;
import dev.sgreach.model.SecurityGroup;
import dev.sgreach.model.Traffic;
import dev.sgreach.planned.InputException;
import dev.sgreach.planned.PlannedNetwork;
import dev.sgreach.planned.Unknown;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Each ClusterConfig field that makes or attaches a group, and each refusal, read through {@link EksctlConfig}. */
class EksctlConfigTest {
  private static final String HEAD = "apiVersion: eksctl.io/v1alpha5\nkind: ClusterConfig\n"
      + "metadata: {name: c1, region: eu-west-1, version: \"1.30\"}\n";

  private static PlannedNetwork predict(String body) {
    return EksctlConfig.parse("c1.yaml", HEAD + body).predict();
  }

  private static InputException refused(String body) {
    try {
      predict(body);
    } catch (InputException e) {
      return e;
    }
    throw new AssertionError("expected the file to be refused:\n" + body);
  }

  private static SecurityGroup group(PlannedNetwork p, String address) {
    return p.network().securityGroup(p.resource(address).orElseThrow().securityGroupId().orElseThrow())
        .orElseThrow();
  }

  private static List<NetworkInterface> enis(PlannedNetwork p, String address) {
    return p.resource(address).orElseThrow().interfaceIds().stream().map(id -> p.network().interfaces().get(id))
        .toList();
  }

  private static String clusterSg(PlannedNetwork p) {
    return group(p, "eks:c1/cluster-security-group").id();
  }

  private static Outcome reach(Network n, NetworkInterface from, NetworkInterface to, Traffic t) {
    return Reachability.of(n).reach(Endpoint.eni(from.id()), Endpoint.eni(to.id()), t).outcome();
  }

  static String example(String name) {
    try (InputStream in = EksctlConfigTest.class.getResourceAsStream("/eksctl/examples/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  // ------------------------------------------------------------------ nodegroups

  @Test
  void self_managed_nodes_carry_attach_ids_then_the_shared_group_then_their_own_whose_rules_are_the_users() {
    PlannedNetwork p = predict("""
        nodeGroups:
          - name: ng1
            desiredCapacity: 2
            securityGroups: {attachIDs: [sg-0aaa1111bbbb22223, sg-0ccc]}
        """);
    String shared = group(p, "eksctl-c1-cluster/ClusterSharedNodeSecurityGroup").id();
    String own = group(p, "eksctl-c1-nodegroup-ng1/SG").id();
    assertThat(enis(p, "eksctl-c1-nodegroup-ng1/NodeGroup")).hasSize(2)
        .allSatisfy(e -> assertThat(e.securityGroupIds()).containsExactly("sg-0aaa1111bbbb22223", "sg-0ccc", shared,
            own));
    assertThat(p.unknowns(Unknown.Kind.SECURITY_GROUP_RULES)).extracting(Unknown::resource)
        .containsExactly("nodeGroups[ng1].securityGroups.attachIDs", "nodeGroups[ng1].securityGroups.attachIDs");
    SecurityGroup attached = p.network().securityGroup("sg-0aaa1111bbbb22223").orElseThrow();
    assertThat(attached.ingress()).as("the user's rules stand as one rule to an unknown set").singleElement()
        .satisfies(r -> assertThat(r.peer()).isInstanceOf(Peer.PrefixListPeer.class));
    assertThat(p.network().prefixList("sg-0aaa1111bbbb22223:rules").orElseThrow().entriesKnown()).isFalse();
  }

  @Test
  void without_shared_and_local_groups_nodes_carry_only_their_attach_ids_and_eksctl_adds_no_control_plane_rules() {
    PlannedNetwork p = predict("""
        nodeGroups:
          - name: ng1
            desiredCapacity: 1
            securityGroups: {attachIDs: [sg-0aaa1111bbbb22223], withShared: false, withLocal: false}
        """);
    assertThat(enis(p, "eksctl-c1-nodegroup-ng1/NodeGroup")).singleElement()
        .satisfies(e -> assertThat(e.securityGroupIds()).containsExactly("sg-0aaa1111bbbb22223"));
    assertThat(p.resource("eksctl-c1-nodegroup-ng1/SG")).isEmpty();
    assertThat(group(p, "eksctl-c1-cluster/ControlPlaneSecurityGroup").ingress()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"ng-1", "ng-2", "ng-3", "ng-4"})
  void a_key_or_allow_opens_ssh_to_public_nodes_from_anywhere(String ng) {
    PlannedNetwork p = EksctlConfig.parse("07-ssh-keys.yaml", example("07-ssh-keys.yaml")).predict();
    assertThat(group(p, "eksctl-cluster-7-nodegroup-" + ng + "/SG").ingress()).filteredOn(r -> r.ports()
        .equals(Ports.tcp(22))).extracting(r -> r.peer().describe()).containsExactly("0.0.0.0/0", "::/0");
  }

  @ParameterizedTest
  @ValueSource(strings = {"ng-5", "ng-6", "ng-7"})
  void allow_false_ssm_only_or_no_ssh_section_opens_no_ssh(String ng) {
    PlannedNetwork p = EksctlConfig.parse("07-ssh-keys.yaml", example("07-ssh-keys.yaml")).predict();
    assertThat(group(p, "eksctl-cluster-7-nodegroup-" + ng + "/SG").ingress())
        .noneMatch(r -> r.ports().admits(Traffic.tcp(22)));
  }

  @Test
  void managed_nodes_carry_the_cluster_sg_attach_ids_and_an_ssh_group_open_only_to_the_source_groups() {
    PlannedNetwork p = EksctlConfig.parse("15-managed-nodes.yaml", example("15-managed-nodes.yaml")).predict();
    String cluster = group(p, "eks:cluster-15/cluster-security-group").id();
    SecurityGroup ssh = group(p, "eksctl-cluster-15-nodegroup-managed-ng-public/SSH");
    assertThat(ssh.ingress()).containsExactly(Rule.ingress(Ports.tcp(22), Peer.group("sg-00241fbb12c607007")));
    assertThat(enis(p, "eksctl-cluster-15-nodegroup-managed-ng-public/ManagedNodeGroup")).hasSize(3)
        .allSatisfy(e -> assertThat(e.securityGroupIds()).containsExactly(cluster, "sg-1", "sg-2", ssh.id()))
        .allSatisfy(e -> assertThat(e.availabilityZone()).isIn("us-west-2a", "us-west-2b"))
        .allSatisfy(e -> assertThat(e.publicIpv4()).as("public networking").hasSize(1));
    assertThat(enis(p, "eksctl-cluster-15-nodegroup-managed-ng-private/ManagedNodeGroup"))
        .allSatisfy(e -> assertThat(e.publicIpv4()).isEmpty());
    // a user launch template decides the groups: the nodes carry a group whose rules are all unknown
    assertThat(enis(p, "eksctl-cluster-15-nodegroup-custom-launch-template/ManagedNodeGroup"))
        .allSatisfy(e -> assertThat(e.securityGroupIds()).containsExactly("launch-template:lt-1234"));
    assertThat(p.unknowns(Unknown.Kind.SECURITY_GROUP_RULES)).extracting(Unknown::subject)
        .contains("launch-template:lt-1234:rules");
  }

  @Test
  void private_nodes_with_ssh_admit_it_from_the_vpc_block_and_an_unknown_vpc_block_makes_that_rule_unknown() {
    PlannedNetwork own = predict("""
        vpc: {cidr: 10.20.0.0/16}
        nodeGroups: [{name: ng1, privateNetworking: true, ssh: {allow: true}}]
        """);
    assertThat(group(own, "eksctl-c1-nodegroup-ng1/SG").ingress()).contains(Rule.ingress(Ports.tcp(22),
        Peer.cidr("10.20.0.0/16")).withDescription("Allow SSH access to worker nodes in group ng1 (private, only"
        + " inside VPC)"));

    PlannedNetwork existing = predict("""
        vpc: {subnets: {private: {eu-west-1a: {id: subnet-0a1b2c3d4e5f60718}, eu-west-1b: {id: subnet-0a1b2c3d4e5f60719}}}}
        nodeGroups: [{name: ng1, privateNetworking: true, ssh: {allow: true}}]
        """);
    assertThat(group(existing, "eksctl-c1-nodegroup-ng1/SG").ingress()).filteredOn(r -> r.ports()
        .equals(Ports.tcp(22))).singleElement().satisfies(r -> assertThat(r.peer().describe())
        .isEqualTo("eksctl:c1/vpc-cidr"));
    assertThat(existing.unknowns(Unknown.Kind.RULE)).singleElement()
        .satisfies(u -> assertThat(u.effect()).contains("names the VPC's block"));
    assertThat(existing.network().vpcs()).as("no VPC block is claimed").isEmpty();
  }

  @Test
  void efa_makes_a_self_referencing_group_unless_eks_builds_it_in_for_managed_nodes_from_1_33() {
    PlannedNetwork p = predict("nodeGroups: [{name: ng1, efaEnabled: true}]\n"
        + "managedNodeGroups: [{name: m1, efaEnabled: true}]\n");
    SecurityGroup efa = group(p, "eksctl-c1-nodegroup-ng1/EFASG");
    assertThat(efa.ingress()).containsExactly(Rule.ingress(Ports.allTraffic(), Peer.group(efa.id()))
        .withDescription("Allow worker nodes in group ng1 to communicate to itself (EFA-enabled)"));
    assertThat(enis(p, "eksctl-c1-nodegroup-ng1/NodeGroup")).allSatisfy(e -> assertThat(e.securityGroupIds())
        .endsWith(efa.id()));
    assertThat(p.resource("eksctl-c1-nodegroup-m1/EFASG")).as("Kubernetes 1.30 < 1.33: EFASG for managed too")
        .isPresent();
    PlannedNetwork newer = EksctlConfig.parse("c.yaml", HEAD.replace("1.30", "1.33")
        + "managedNodeGroups: [{name: m1, efaEnabled: true}]\n").predict();
    assertThat(newer.resource("eksctl-c1-nodegroup-m1/EFASG")).isEmpty();
  }

  @Test
  void fargate_profiles_make_no_groups_and_no_enis_until_pods_run() {
    PlannedNetwork p = EksctlConfig.parse("16.yaml", example("16-fargate-profile.yaml")).predict();
    PlannedNetwork without = EksctlConfig.parse("16.yaml", example("16-fargate-profile.yaml")
        .replaceAll("(?s)fargateProfiles:.*", "")).predict();
    assertThat(p.network()).isEqualTo(without.network());
  }

  @Test
  void node_to_node_traffic_is_unknown_exactly_where_the_users_shared_group_decides() {
    PlannedNetwork p = predict("""
        vpc: {sharedNodeSecurityGroup: sg-07bb}
        nodeGroups: [{name: ng1, desiredCapacity: 2}]
        """);
    List<NetworkInterface> nodes = enis(p, "eksctl-c1-nodegroup-ng1/NodeGroup");
    NetworkInterface cp = enis(p, "eks:c1/control-plane").get(0);
    Network n = p.network();
    assertThat(reach(n, nodes.get(0), nodes.get(1), Traffic.udp(53))).as("only the shared group could admit it")
        .isEqualTo(Outcome.UNKNOWN);
    assertThat(reach(n, cp, nodes.get(0), Traffic.tcp(10250))).as("the nodegroup SG admits the control plane")
        .isEqualTo(Outcome.ALLOWED);
    assertThat(reach(n, nodes.get(0), cp, Traffic.tcp(443))).as("IngressInterClusterCP on the control-plane SG")
        .isEqualTo(Outcome.ALLOWED);
    assertThat(p.network().securityGroup("sg-07bb").orElseThrow().ingress()).as("eksctl's rule is known")
        .contains(Rule.ingress(Ports.allTraffic(), Peer.group(clusterSg(p))).withDescription("Allow managed and"
            + " unmanaged nodes to communicate with each other (all ports)"));
  }

  // ------------------------------------------------------------------ cluster-level groups and the VPC

  @Test
  void user_control_plane_groups_replace_eksctls_and_receive_its_nodegroup_rules() {
    PlannedNetwork p = predict("""
        vpc: {securityGroup: sg-0c0ffee0c0ffee000, controlPlaneSecurityGroupIDs: [sg-0c0ffee0c0ffee000, sg-5678]}
        nodeGroups: [{name: ng1}]
        """);
    assertThat(p.resource("eksctl-c1-cluster/ControlPlaneSecurityGroup")).isEmpty();
    assertThat(enis(p, "eks:c1/control-plane")).allSatisfy(e -> assertThat(e.securityGroupIds())
        .containsExactly(clusterSg(p), "sg-0c0ffee0c0ffee000", "sg-5678"));
    SecurityGroup cp = p.network().securityGroup("sg-0c0ffee0c0ffee000").orElseThrow();
    String own = group(p, "eksctl-c1-nodegroup-ng1/SG").id();
    assertThat(cp.ingress()).contains(Rule.ingress(Ports.tcp(443), Peer.group(own)).withDescription("Allow control"
        + " plane to receive API requests from worker nodes in group ng1"));
    assertThat(p.network().eksClusters().get("c1").securityGroupIds()).containsExactly("sg-0c0ffee0c0ffee000",
        "sg-5678");
  }

  @Test
  void extra_cidrs_and_remote_networks_open_443_on_eksctls_control_plane_group() {
    PlannedNetwork p = predict("""
        vpc: {extraCIDRs: [10.99.0.0/16], extraIPv6CIDRs: ["2001:db8:1::/48"]}
        remoteNetworkConfig: {remoteNodeNetworks: [{cidrs: [10.80.146.0/24]}]}
        """);
    assertThat(group(p, "eksctl-c1-cluster/ControlPlaneSecurityGroup").ingress()).containsExactly(
        Rule.ingress(Ports.tcp(443), Peer.cidr("10.99.0.0/16"))
            .withDescription("Allow Extra CIDR 0 (10.99.0.0/16) to communicate to controlplane"),
        Rule.ingress(Ports.tcp(443), Peer.cidr("2001:db8:1::/48"))
            .withDescription("Allow Extra IPv6 CIDR 0 (2001:db8:1::/48) to communicate to controlplane"),
        Rule.ingress(Ports.tcp(443), Peer.cidr("10.80.146.0/24"))
            .withDescription("Allow nodes/pods from remote network (10.80.146.0/24) to communicate to controlplane"));
  }

  @Test
  void endpoint_access_and_public_cidrs_go_to_the_describe_cluster_record() {
    EksClusterInfo info = predict("vpc: {clusterEndpoints: {privateAccess: true, publicAccess: true},"
        + " publicAccessCIDRs: [1.1.1.1/32]}\n").network().eksClusters().get("c1");
    assertThat(info.endpointPrivateAccess()).isTrue();
    assertThat(info.endpointPublicAccess()).isTrue();
    assertThat(info.publicAccessCidrs()).containsExactly("1.1.1.1/32");
    EksClusterInfo defaults = predict("").network().eksClusters().get("c1");
    assertThat(defaults.endpointPrivateAccess()).isFalse();
    assertThat(defaults.publicAccessCidrs()).containsExactly("0.0.0.0/0");
  }

  @Test
  void a_private_cluster_has_eksctls_endpoints_logs_with_cloudwatch_logging_and_none_when_skipped() {
    PlannedNetwork p = predict("""
        privateCluster: {enabled: true, additionalEndpointServices: [autoscaling]}
        cloudWatch: {clusterLogging: {enableTypes: ["*"]}}
        managedNodeGroups: [{name: m1, privateNetworking: true}]
        """);
    assertThat(p.resources().keySet()).filteredOn(k -> k.contains("VPCEndpoint")).containsExactly(
        "eksctl-c1-cluster/VPCEndpointEC2", "eksctl-c1-cluster/VPCEndpointECRAPI", "eksctl-c1-cluster/VPCEndpointECRDKR",
        "eksctl-c1-cluster/VPCEndpointSTS", "eksctl-c1-cluster/VPCEndpointAUTOSCALING",
        "eksctl-c1-cluster/VPCEndpointLOGS");
    String shared = group(p, "eksctl-c1-cluster/ClusterSharedNodeSecurityGroup").id();
    assertThat(enis(p, "eksctl-c1-cluster/VPCEndpointEC2")).hasSize(3)
        .allSatisfy(e -> assertThat(e.securityGroupIds()).containsExactly(shared));
    assertThat(p.network().eksClusters().get("c1").endpointPublicAccess()).isFalse();
    assertThat(p.network().interfaces().values()).as("no public subnets in a fully-private VPC eksctl makes")
        .allSatisfy(e -> assertThat(Cidr.parse("192.168.96.0/19").overlaps(e.privateIpv4().get(0))
            || Cidr.parse("192.168.128.0/18").contains(e.privateIpv4().get(0))).isTrue());
    PlannedNetwork skipped = predict("privateCluster: {enabled: true, skipEndpointCreation: true}\n");
    assertThat(skipped.resources().keySet()).noneMatch(k -> k.contains("VPCEndpoint"));
  }

  @Test
  void an_ipv6_cluster_sends_the_cluster_sg_egress_to_ipv6_anywhere_and_gives_enis_ipv6_stand_ins() {
    PlannedNetwork p = EksctlConfig.parse("30.yaml", example("30-vpc-with-ip-family.yaml")).predict();
    SecurityGroup cluster = group(p, "eks:cluster-2/cluster-security-group");
    assertThat(cluster.egress()).extracting(r -> r.peer().describe()).containsExactly("::/0");
    NetworkInterface node = enis(p, "eksctl-cluster-2-nodegroup-mng-1/ManagedNodeGroup").get(0);
    assertThat(node.ipv6()).hasSize(1);
    assertThat(p.unknowns(Unknown.Kind.ADDRESS)).filteredOn(u -> u.subject().equals(node.ipv6().get(0).toString()))
        .singleElement().satisfies(u -> assertThat(u.within()).contains(Cidr.parse("::/0")));
  }

  @Test
  void every_address_the_prediction_chose_is_an_unknown_inside_its_subnet() {
    PlannedNetwork p = predict("nodeGroups: [{name: ng1, privateNetworking: true}]\n");
    NetworkInterface node = enis(p, "eksctl-c1-nodegroup-ng1/NodeGroup").get(0);
    assertThat(p.standInAddresses()).containsEntry(node.privateIpv4().get(0), Cidr.parse("192.168.96.0/19"));
    assertThat(p.unknowns(Unknown.Kind.ADDRESS)).as("3 control-plane ENIs and 2 nodes, one private address each")
        .hasSize(5).hasSize(p.network().interfaces().size());
  }

  // ------------------------------------------------------------------ over a snapshot

  @Test
  void over_a_snapshot_short_ids_name_its_ids_and_the_shared_group_keeps_its_rules_plus_eksctls() {
    SecurityGroup shared = SecurityGroup.builder("sg-07bb1234567890abc").name("shared").vpc("vpc-0123456789abcdef0")
        .allowIn(Ports.tcp(22), Peer.cidr("10.0.0.0/8")).build();
    Network base = Network.builder().add(shared)
        .add(NetworkInterface.builder("eni-0aaaaaaaaaaaaaaa1").vpc("vpc-0123456789abcdef0")
            .subnet("subnet-04b9aaaaaaaaaaaaa").address("10.1.64.5").groups(shared.id()).build())
        .add(dev.sgreach.model.Vpc.of("vpc-0123456789abcdef0", "10.1.0.0/16"))
        .build();
    PlannedNetwork p = EksctlConfig.parse("c1.yaml", HEAD + """
        vpc:
          sharedNodeSecurityGroup: sg-07bb
          subnets: {private: {eu-west-1a: {id: subnet-04b9}, eu-west-1b: {id: subnet-0337}}}
        managedNodeGroups: [{name: m1, privateNetworking: true}]
        """).over(base);
    SecurityGroup after = p.network().securityGroup("sg-07bb1234567890abc").orElseThrow();
    assertThat(after.ingress()).containsExactly(shared.ingress().get(0), Rule.ingress(Ports.allTraffic(),
        Peer.group(clusterSg(p))).withDescription("Allow managed and unmanaged nodes to communicate with each other"
        + " (all ports)"));
    NetworkInterface cp = enis(p, "eks:c1/control-plane").get(0);
    assertThat(cp.subnetId()).isEqualTo("subnet-04b9aaaaaaaaaaaaa");
    assertThat(cp.vpcId()).isEqualTo("vpc-0123456789abcdef0");
    assertThat(Cidr.parse("10.1.0.0/16").contains(cp.privateIpv4().get(0))).isTrue();
    assertThat(p.unknowns(Unknown.Kind.SECURITY_GROUP_RULES)).isEmpty();
    assertThat(p.network().interfaces()).containsKey("eni-0aaaaaaaaaaaaaaa1");
  }

  @Test
  void a_short_id_that_starts_two_snapshot_ids_is_refused_naming_both() {
    Network base = Network.builder()
        .add(SecurityGroup.builder("sg-07bb1111111111111").build())
        .add(SecurityGroup.builder("sg-07bb2222222222222").build()).build();
    assertThatThrownBy(() -> EksctlConfig.parse("c1.yaml", HEAD + "vpc: {sharedNodeSecurityGroup: sg-07bb}\n")
        .over(base)).isInstanceOf(InputException.class).hasMessage("c1.yaml: $.vpc.sharedNodeSecurityGroup:"
        + " 'sg-07bb' is the start of 2 security group ids in the snapshot (sg-07bb1111111111111,"
        + " sg-07bb2222222222222): write the whole id");
  }

  @Test
  void predicting_twice_gives_the_same_network() {
    String yaml = example("05-advanced-nodegroups.yaml");
    assertThat(EksctlConfig.parse("05.yaml", yaml).predict().network())
        .isEqualTo(EksctlConfig.parse("05.yaml", yaml).predict().network());
  }

  // ------------------------------------------------------------------ bad input

  @Test
  void unknown_fields_are_ignored() {
    PlannedNetwork p = predict("iam: {withOIDC: true}\nsomethingNew: {a: 1}\nnodeGroups: [{name: ng1, futureField:"
        + " [1, 2]}]\n");
    assertThat(p.resource("eksctl-c1-nodegroup-ng1/SG")).isPresent();
  }

  @Test
  void a_field_of_the_wrong_type_is_refused_with_its_path_and_value() {
    assertThat(refused("managedNodeGroups: [{name: m1, privateNetworking: \"yes\"}]\n")).hasMessage(
        "c1.yaml: $.managedNodeGroups[0].privateNetworking: 'yes' is not true or false");
    assertThat(refused("nodeGroups: {name: ng1}\n")).hasMessage(
        "c1.yaml: $.nodeGroups: '{\"name\":\"ng1\"}' is not a list");
    assertThat(refused("nodeGroups: [{name: ng1, desiredCapacity: many}]\n")).hasMessage(
        "c1.yaml: $.nodeGroups[0].desiredCapacity: 'many' is not a whole number");
    assertThat(refused("vpc: {extraCIDRs: [10.0.0.300/16]}\n")).hasMessage(
        "c1.yaml: $.vpc.extraCIDRs[0]: '10.0.0.300/16' is not a CIDR block");
    assertThat(refused("vpc: {subnets: {private: {eu-west-1a: {id: [subnet-1]}}}}\n")).hasMessage(
        "c1.yaml: $.vpc.subnets.private.eu-west-1a.id: '[\"subnet-1\"]' is not a string");
  }

  @Test
  void what_eksctl_refuses_is_refused_naming_the_field() {
    assertThat(refused("managedNodeGroups: [{name: m1, securityGroups: {withShared: true}}]\n").path())
        .isEqualTo("$.managedNodeGroups[0].securityGroups.withShared");
    assertThat(refused("privateCluster: {enabled: true}\nvpc: {clusterEndpoints: {publicAccess: false}}\n").path())
        .isEqualTo("$.vpc.clusterEndpoints");
    assertThat(refused("privateCluster: {enabled: true}\nnodeGroups: [{name: ng1}]\n").getMessage())
        .isEqualTo("c1.yaml: $.nodeGroups[0].privateNetworking: must be true in a fully-private cluster"
            + " (privateCluster.enabled): eksctl refuses nodegroups in public subnets there");
    assertThat(refused("vpc: {manageSharedNodeSecurityGroupRules: false}\n").path())
        .isEqualTo("$.vpc.manageSharedNodeSecurityGroupRules");
    assertThat(refused("privateCluster: {enabled: true, skipEndpointCreation: true, additionalEndpointServices:"
        + " [logs]}\n").path()).isEqualTo("$.privateCluster.additionalEndpointServices");
    assertThat(refused("nodeGroups: [{name: ng1, ssh: {enableSsm: false}}]\n").path())
        .isEqualTo("$.nodeGroups[0].ssh.enableSsm");
    assertThat(refused("nodeGroups: [{name: a}]\nmanagedNodeGroups: [{name: a}]\n").path())
        .isEqualTo("$.managedNodeGroups[0].name");
  }

  @Test
  void a_file_that_is_not_a_v1alpha5_cluster_config_is_refused() {
    assertThatThrownBy(() -> EksctlConfig.parse("x.yaml", "apiVersion: eksctl.io/v1alpha4\nkind: ClusterConfig\n"))
        .hasMessage("x.yaml: $.apiVersion: 'eksctl.io/v1alpha4' is not an apiVersion this version of sgreach reads"
            + " (eksctl.io/v1alpha5)");
    assertThatThrownBy(() -> EksctlConfig.parse("x.yaml", "a: [1, 2\n")).isInstanceOf(InputException.class)
        .hasMessageStartingWith("x.yaml: $: is not valid YAML (line");
    assertThatThrownBy(() -> EksctlConfig.parse("x.yaml", HEAD + "vpc: {cidr: 10.0.0.0/16}\nvpc: {}\n"))
        .isInstanceOf(InputException.class).hasMessageContaining("Duplicate field 'vpc'");
    assertThatThrownBy(() -> EksctlConfig.parse("x.yaml", "- just\n- a list\n"))
        .hasMessage("x.yaml: $: '[\"just\",\"a list\"]' is not an eksctl ClusterConfig: the file holds no YAML map");
  }

  @ParameterizedTest
  @ValueSource(strings = {"02-custom-vpc-cidr-no-nodes.yaml", "04-existing-vpc.yaml", "05-advanced-nodegroups.yaml",
      "07-ssh-keys.yaml", "09-nat-gateways.yaml", "15-managed-nodes.yaml", "16-fargate-profile.yaml",
      "22-managed-nodes-launch-template.yaml", "24-nodegroup-subnets.yaml", "30-vpc-with-ip-family.yaml",
      "36-outposts-vpc.yaml", "37-outposts-fully-private.yaml", "38-cluster-subnets-sgs.yaml", "43-hybrid-nodes.yaml",
      "49-control-plane-on-private-subnets.yaml"})
  void every_eksctl_example_predicts_a_cluster_with_its_cluster_sg_and_control_plane(String name) {
    EksctlConfig config = EksctlConfig.parse(name, example(name));
    PlannedNetwork p = config.predict();
    String c = config.clusterName();
    assertThat(p.resource("eks:" + c + "/cluster-security-group")).isPresent();
    assertThat(p.resource("eks:" + c + "/control-plane").orElseThrow().interfaceIds()).isNotEmpty();
    assertThat(p.network().eksClusters()).containsKey(c);
  }
}
