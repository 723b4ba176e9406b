package dev.sgreach.eksctl;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import dev.sgreach.eks.EksTopology;
import dev.sgreach.eks.NodeGroupConfig;
import dev.sgreach.eksctl.ClusterSpec.At;
import dev.sgreach.model.Cidr;
import dev.sgreach.model.EksClusterInfo;
import dev.sgreach.model.Network;
import dev.sgreach.model.NetworkInterface;
import dev.sgreach.model.Peer;
import dev.sgreach.model.PrefixList;
import dev.sgreach.model.Rule;
import dev.sgreach.model.SecurityGroup;
import dev.sgreach.model.Vpc;
import dev.sgreach.planned.InputException;
import dev.sgreach.planned.Placeholders;
import dev.sgreach.planned.PlannedNetwork;
import dev.sgreach.planned.PlannedResource;
import dev.sgreach.planned.Unknown;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Feeds a {@link ClusterSpec} to the EKS topology builder and turns what it generates into a {@link PlannedNetwork},
 * alone or inside a snapshot of the existing VPC: user-given groups come from the snapshot (with the rules eksctl adds
 * to them) or stay unknown, ids the file abbreviates are matched in the snapshot, and every address the builder had to
 * choose is listed as an unknown with the block the real one will be in.
 */
final class Prediction {
  private static final Cidr ANY4 = Cidr.parse("0.0.0.0/0");
  private static final Cidr ANY6 = Cidr.parse("::/0");
  /** Stand-in blocks where the real ones are not known: eksctl's default VPC block, IPv6 documentation space. */
  private static final String STAND_IN_VPC = "192.168.0.0/16";
  private static final String STAND_IN_IPV6 = "2001:db8:e6c7::/56";

  private final String file;
  private final ClusterSpec spec;
  private final Optional<Network> base;
  private final List<Unknown> unknowns = new ArrayList<>();
  private final Set<String> baseGroups = new HashSet<>();
  private final Set<String> baseSubnets = new HashSet<>();
  private final Set<String> baseVpcs = new HashSet<>();
  private final Map<String, String> subnetVpc = new LinkedHashMap<>();
  private final Set<Cidr> knownBlocks = new HashSet<>();
  private boolean vpcCidrKnown = true;
  private String vpcCidr;
  private String vpcId;
  private boolean controlPlaneSubnetsUnknown;

  Prediction(String file, ClusterSpec spec, Optional<Network> base) {
    this.file = file;
    this.spec = spec;
    this.base = base;
    base.ifPresent(n -> {
      baseGroups.addAll(n.securityGroups().keySet());
      baseVpcs.addAll(n.vpcs().keySet());
      for (NetworkInterface e : n.interfaces().values()) {
        baseGroups.addAll(e.securityGroupIds());
        if (!e.subnetId().isEmpty()) {
          baseSubnets.add(e.subnetId());
          if (!e.vpcId().isEmpty()) {
            subnetVpc.putIfAbsent(e.subnetId(), e.vpcId());
          }
        }
        if (!e.vpcId().isEmpty()) {
          baseVpcs.add(e.vpcId());
        }
      }
    });
  }

  /**
   * An id as written, or the one id of the snapshot it abbreviates: AWS ids have 8 or 17 hex digits, so a shorter one
   * (the seed writes {@code sg-07bb}) is taken as the start of an id.
   */
  private String resolve(At<String> id, Set<String> known, String what) {
    String v = id.value();
    if (base.isEmpty() || known.contains(v)) {
      return v;
    }
    int dash = v.indexOf('-');
    if (dash < 0 || v.length() - dash - 1 >= 8) {
      return v;
    }
    List<String> candidates = new ArrayList<>(new TreeSet<>(known.stream().filter(k -> k.startsWith(v)).toList()));
    if (candidates.size() > 1) {
      throw new InputException(file, id.path(), v, "is the start of " + candidates.size() + " " + what + " ids in the"
          + " snapshot (" + String.join(", ", candidates) + "): write the whole id");
    }
    return candidates.isEmpty() ? v : candidates.get(0);
  }

  private String group(At<String> id) {
    return resolve(id, baseGroups, "security group");
  }

  private List<String> groups(List<At<String>> ids) {
    return ids.stream().map(this::group).toList();
  }

  PlannedNetwork run() {
    EksTopology.Builder b = EksTopology.builder(spec.name()).region(spec.region())
        .kubernetesVersion(spec.version());
    base.ifPresent(n -> {
      List<Cidr> taken = new ArrayList<>();
      n.interfaces().values().forEach(e -> taken.addAll(e.privateAddresses()));
      b.avoidAddresses(taken);
    });
    Map<String, String> subnetByKey = vpc(b);
    endpoints(b);
    groupsOfCluster(b);
    b.stackTags(spec.tags());
    for (ClusterSpec.NodeGroup ng : spec.nodeGroups()) {
      b.nodeGroup(nodeGroup(ng, subnetByKey));
    }
    spec.fargateProfiles().forEach(b::fargateProfile);
    EksTopology.Generated g;
    try {
      g = b.generate();
    } catch (IllegalArgumentException e) {
      throw new InputException(file, "$", null, "describes a cluster eksctl cannot create: " + e.getMessage(), e);
    }
    return assemble(g);
  }

  // ------------------------------------------------------------------ VPC

  /** Describes the VPC to the builder; returns subnet ids by their {@code vpc.subnets} key. */
  private Map<String, String> vpc(EksTopology.Builder b) {
    ClusterSpec.Vpc v = spec.vpc();
    Map<String, String> byKey = new LinkedHashMap<>();
    if (!v.existing()) {
      v.cidr().ifPresent(b::vpcCidr);
      vpcCidr = v.cidr().orElse(STAND_IN_VPC);
      List<String> zones = spec.availabilityZones();
      if (zones.isEmpty()) {
        // eksctl picks zones at random: 2 in us-east-1, else 3; the names are placeholders
        int n = spec.region().equals("us-east-1") ? 2 : 3;
        List<String> picked = new ArrayList<>();
        for (int i = 0; i < n; i++) {
          picked.add(spec.region() + (char) ('a' + i));
        }
        zones = picked;
      }
      b.availabilityZones(zones);
      for (Cidr c : EksTopology.eksctlSubnetBlocks(vpcCidr, zones.size())) {
        knownBlocks.add(c);
      }
      if (spec.ipv6()) {
        b.ipv6(STAND_IN_IPV6);
      }
      if (spec.privateCluster().enabled()) {
        b.privateCluster(false);
      }
      return byKey;
    }
    // an existing VPC: its id, block and subnets come from the file, else from the snapshot, else stay unknown
    List<String> subnetIds = new ArrayList<>();
    for (ClusterSpec.Subnet s : v.subnets()) {
      String id = s.id().map(i -> resolve(i, baseSubnets, "subnet"))
          .orElse("eksctl:" + spec.name() + "/subnet/" + (s.isPrivate() ? "private/" : "public/") + s.key());
      byKey.put((s.isPrivate() ? "private:" : "public:") + s.key(), id);
      subnetIds.add(id);
    }
    vpcId = v.id().map(i -> resolve(i, baseVpcs, "VPC")).orElseGet(() -> subnetIds.stream()
        .map(subnetVpc::get).filter(x -> x != null).findFirst().orElse("eksctl:" + spec.name() + "/vpc"));
    Optional<String> cidr = v.cidr().or(() -> base.flatMap(n -> Optional.ofNullable(n.vpcs().get(vpcId))).flatMap(x -> x.cidrs().stream()
        .filter(Cidr::isIpv4).findFirst()).map(Cidr::toCidrString));
    vpcCidrKnown = cidr.isPresent();
    vpcCidr = cidr.orElse(STAND_IN_VPC);
    b.existingVpc(vpcId, vpcCidr);
    List<String> zones = new ArrayList<>();
    for (ClusterSpec.Subnet s : v.subnets()) {
      if (!zones.contains(s.zone())) {
        zones.add(s.zone());
      }
    }
    List<Cidr> slots = EksTopology.eksctlSubnetBlocks(vpcCidr, zones.size());
    for (ClusterSpec.Subnet s : v.subnets()) {
      int z = zones.indexOf(s.zone());
      String block = s.cidr().orElseGet(() -> slots.get((s.isPrivate() ? zones.size() : 0) + z).toCidrString());
      if (s.cidr().isPresent()) {
        knownBlocks.add(Cidr.parse(block));
      }
      b.existingSubnet(s.isPrivate(), s.zone(), byKey.get((s.isPrivate() ? "private:" : "public:") + s.key()), block);
    }
    if (spec.ipv6()) {
      b.ipv6(STAND_IN_IPV6);
    }
    if (spec.privateCluster().enabled()) {
      b.privateCluster(false);
    }
    List<String> cpSubnets = new ArrayList<>();
    for (At<String> a : v.controlPlaneSubnetIds()) {
      String id = subnetNamed(byKey, a, true);
      if (!byKey.containsValue(id)) {
        controlPlaneSubnetsUnknown = true;
      }
      cpSubnets.add(id);
    }
    if (!cpSubnets.isEmpty() && !controlPlaneSubnetsUnknown) {
      b.controlPlaneSubnets(cpSubnets);
    }
    return byKey;
  }

  private void endpoints(EksTopology.Builder b) {
    ClusterSpec.Vpc v = spec.vpc();
    ClusterSpec.PrivateCluster pc = spec.privateCluster();
    if (pc.enabled()) {
      if (!pc.skipEndpointCreation()) {
        b.vpcEndpoints("ec2", "ecr.api", "ecr.dkr", "sts");
        b.vpcEndpoints(pc.additionalServices().toArray(String[]::new));
        if (spec.clusterLogging()) {
          b.vpcEndpoints("logs"); // eksctl adds it when CloudWatch logging is on
        }
      }
    } else {
      b.endpointAccess(v.publicAccess().orElse(true), v.privateAccess().orElse(false));
    }
    if (!v.publicAccessCidrs().isEmpty()) {
      b.publicAccessCidrs(v.publicAccessCidrs());
    }
    if (!spec.vpc().existing() && !spec.vpc().controlPlaneSubnetIds().isEmpty()) {
      controlPlaneSubnetsUnknown = true; // subnets of a VPC eksctl does not make
    }
  }

  private void groupsOfCluster(EksTopology.Builder b) {
    ClusterSpec.Vpc v = spec.vpc();
    v.sharedNodeSecurityGroup().ifPresent(s -> b.sharedNodeSecurityGroup(group(s)));
    v.manageSharedNodeSecurityGroupRules().ifPresent(b::manageSharedNodeSecurityGroupRules);
    if (!v.controlPlaneSecurityGroups().isEmpty()) {
      b.controlPlaneSecurityGroups(groups(v.controlPlaneSecurityGroups()));
    }
    b.extraControlPlaneCidrs(v.extraCidrs());
    b.remoteNetworkCidrs(spec.remoteNetworkCidrs());
  }

  /** A subnet named by its {@code vpc.subnets} key (of the preferred kind first) or by id. */
  private String subnetNamed(Map<String, String> byKey, At<String> name, boolean preferPrivate) {
    String first = (preferPrivate ? "private:" : "public:") + name.value();
    String second = (preferPrivate ? "public:" : "private:") + name.value();
    return byKey.containsKey(first) ? byKey.get(first) : byKey.containsKey(second) ? byKey.get(second)
        : resolve(name, baseSubnets, "subnet");
  }

  private NodeGroupConfig nodeGroup(ClusterSpec.NodeGroup ng, Map<String, String> subnetByKey) {
    NodeGroupConfig c = (ng.managed() ? NodeGroupConfig.managed(ng.name()) : NodeGroupConfig.selfManaged(ng.name()))
        .withNodes(ng.nodes()).withPrivateNetworking(ng.privateNetworking())
        .withAttachedSecurityGroups(groups(ng.attachIds())).withShared(ng.withShared()).withLocal(ng.withLocal())
        .withSsh(ng.sshAllowed(), groups(ng.sshSourceSecurityGroups())).withEfa(ng.efa())
        .withAvailabilityZones(ng.availabilityZones())
        .withSubnets(ng.subnets().stream().map(s -> subnetNamed(subnetByKey, s, ng.privateNetworking())).toList());
    if (ng.launchTemplate().isPresent()) {
      c = c.withLaunchTemplate(ng.launchTemplate().get().value());
    }
    return c;
  }

  // ------------------------------------------------------------------ the result

  private PlannedNetwork assemble(EksTopology.Generated g) {
    Network gen = g.network();
    Network.Builder nb = base.map(Network::toBuilder).orElseGet(Network::builder);
    for (Vpc v : gen.vpcs().values()) {
      if (!baseVpcs.contains(v.id()) && vpcCidrKnown) {
        nb.add(v);
      }
    }
    String vpcPlaceholder = "eksctl:" + spec.name() + "/vpc-cidr";
    boolean vpcPlaceholderUsed = false;
    for (SecurityGroup sg : gen.securityGroups().values()) {
      SecurityGroup.Builder sb = sg.toBuilder().clearRules();
      for (Rule r : rulesOf(sg)) {
        if (!vpcCidrKnown && r.peer() instanceof Peer.CidrPeer p && p.cidr().toCidrString().equals(vpcCidr)) {
          sb.rule(Placeholders.withUnknownPeer(r, vpcPlaceholder));
          vpcPlaceholderUsed = true;
          unknowns.add(Unknown.of(originOf(g, sg.id()), "vpc.cidr", Unknown.Kind.RULE, vpcPlaceholder,
              sg.id() + ": " + r.describe() + " names the VPC's block, which neither the file nor a snapshot gives:"
                  + " verdicts it could decide are unknown"));
        } else {
          sb.rule(r);
        }
      }
      nb.replace(sb.build());
    }
    if (vpcPlaceholderUsed) {
      nb.add(Placeholders.unknownAddresses(vpcPlaceholder, "the IPv4 block of VPC " + vpcId));
    }
    userGroups(g, nb);
    for (NetworkInterface eni : gen.interfaces().values()) {
      nb.replace(eni);
    }
    if (!baseVpcs.contains(vpcId)) {
      copyPath(gen, nb); // a VPC eksctl makes: its subnets, routes, gateways and endpoints are eksctl's too
    }
    for (EksClusterInfo info : gen.eksClusters().values()) {
      if (base.isPresent() && base.get().eksClusters().containsKey(info.name())) {
        throw new InputException(file, "$.metadata.name", info.name(), "is a cluster the snapshot already holds:"
            + " eksctl creates new clusters only");
      }
      nb.add(info);
    }
    Network network;
    try {
      network = nb.build();
    } catch (IllegalArgumentException e) {
      throw new InputException(file, "$", null, "cannot be placed in the snapshot: " + e.getMessage(), e);
    }
    addressUnknowns(g, network);
    return new PlannedNetwork(file, network, resources(g, network), ImmutableList.copyOf(unknowns));
  }

  /** The packet path the builder generated for a VPC eksctl creates. */
  private static void copyPath(Network gen, Network.Builder nb) {
    gen.subnets().values().forEach(nb::add);
    gen.networkAcls().values().forEach(nb::add);
    gen.routeTables().values().forEach(nb::add);
    gen.internetGateways().values().forEach(nb::add);
    gen.natGateways().values().forEach(nb::add);
    gen.vpcEndpoints().values().forEach(nb::add);
    gen.prefixLists().values().forEach(nb::add);
  }

  private static List<Rule> rulesOf(SecurityGroup sg) {
    List<Rule> all = new ArrayList<>(sg.ingress());
    all.addAll(sg.egress());
    return all;
  }

  /**
   * User-given groups: from the snapshot with eksctl's rules added; else eksctl's rules and, each way, a rule to an
   * unknown set standing for the user's own rules.
   */
  private void userGroups(EksTopology.Generated g, Network.Builder nb) {
    for (Map.Entry<String, String> u : g.userGroups().entrySet()) {
      String id = u.getKey();
      List<Rule> added = g.rulesOnUserGroups().get(id);
      Optional<SecurityGroup> known = base.flatMap(n -> n.securityGroup(id));
      SecurityGroup.Builder sb = known.map(SecurityGroup::toBuilder)
          .orElseGet(() -> SecurityGroup.builder(id).vpc(vpcId));
      Set<String> have = new HashSet<>();
      known.ifPresent(k -> rulesOf(k).forEach(r -> have.add(key(r))));
      for (Rule r : added) {
        if (have.add(key(r))) {
          sb.rule(r);
        }
      }
      if (known.isPresent()) {
        nb.replace(sb.build());
        continue;
      }
      String placeholder = id + ":rules";
      nb.replace(Placeholders.partlyKnown(sb.build(), placeholder, "the rules of " + id + " (" + u.getValue()
          + "), not known"));
      nb.add(Placeholders.unknownAddresses(placeholder, "peers of the rules of " + id + ", not known"));
      unknowns.add(Unknown.of(u.getValue(), "", Unknown.Kind.SECURITY_GROUP_RULES, placeholder, id + " is the user's"
          + " group (" + u.getValue() + ") and " + (base.isPresent() ? "the snapshot does not hold it"
          : "no snapshot was given") + ": its rules are not known, so verdicts that depend on them are unknown"
          + (added.isEmpty() ? "" : " (eksctl adds " + added.size() + " rule(s) to it, which are known)")));
    }
  }

  /** Rules are the same rule when direction, protocol, ports and peer agree (EC2 refuses such a duplicate). */
  private static String key(Rule r) {
    return r.direction() + " " + r.ports() + " " + r.peer().describe();
  }

  private void addressUnknowns(EksTopology.Generated g, Network network) {
    Map<String, String> originOfEni = new LinkedHashMap<>();
    g.origins().forEach((k, ids) -> ids.forEach(id -> originOfEni.putIfAbsent(id, k)));
    for (NetworkInterface eni : g.network().interfaces().values()) {
      String where = originOfEni.getOrDefault(eni.id(), eni.id());
      boolean cp = where.endsWith("/control-plane");
      List<Cidr> all = new ArrayList<>(eni.privateAddresses());
      all.addAll(eni.publicIpv4());
      for (Cidr a : all) {
        Cidr block = g.assignedAddresses().get(a);
        if (block == null) {
          continue;
        }
        Cidr within = block;
        if (!knownBlocks.contains(block) && !block.equals(ANY4)) {
          within = block.isIpv6() ? ANY6 : vpcCidrKnown ? Cidr.parse(vpcCidr) : ANY4;
        }
        if (cp && controlPlaneSubnetsUnknown) {
          within = ANY4;
        }
        boolean isPublic = eni.publicIpv4().contains(a);
        unknowns.add(Unknown.address(where, (isPublic ? "public" : "private") + " address of " + eni.id(), a, within,
            "AWS assigns it at launch: " + a + " stands in for an address in " + within.toCidrString()
                + (cp && controlPlaneSubnetsUnknown ? " (the control-plane subnets the file names are not described"
                + " in it)" : "")));
      }
    }
  }

  private static String originOf(EksTopology.Generated g, String id) {
    for (Map.Entry<String, ImmutableList<String>> e : g.origins().entrySet()) {
      if (e.getValue().contains(id)) {
        return e.getKey();
      }
    }
    return id;
  }

  private ImmutableMap<String, PlannedResource> resources(EksTopology.Generated g, Network network) {
    ImmutableMap.Builder<String, PlannedResource> out = ImmutableMap.builder();
    for (Map.Entry<String, ImmutableList<String>> e : g.origins().entrySet()) {
      Set<String> sgs = new LinkedHashSet<>();
      Set<String> enis = new LinkedHashSet<>();
      for (String id : e.getValue()) {
        if (network.securityGroups().containsKey(id)) {
          sgs.add(id);
        } else if (network.interfaces().containsKey(id)) {
          enis.add(id);
        }
      }
      out.put(e.getKey(), new PlannedResource(e.getKey(), typeOf(e.getKey()), PlannedResource.Action.CREATE,
          ImmutableList.copyOf(sgs), ImmutableList.copyOf(enis), true));
    }
    return out.build();
  }

  private static String typeOf(String origin) {
    String logical = origin.substring(origin.lastIndexOf('/') + 1);
    if (origin.startsWith("eks:")) {
      return logical.equals("control-plane") ? "AWS::EKS::Cluster (control-plane ENIs)"
          : "AWS::EKS::Cluster (cluster security group)";
    }
    if (logical.startsWith("VPCEndpoint")) {
      return "AWS::EC2::VPCEndpoint";
    }
    return switch (logical) {
      case "VPC" -> "AWS::EC2::VPC";
      case "NodeGroup" -> "AWS::AutoScaling::AutoScalingGroup";
      case "ManagedNodeGroup" -> "AWS::EKS::Nodegroup";
      default -> "AWS::EC2::SecurityGroup";
    };
  }
}
