package dev.sgreach.eksctl;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import dev.sgreach.eksctl.ClusterSpec.At;
import dev.sgreach.model.Cidr;
import dev.sgreach.planned.InputException;
import dev.sgreach.planned.InputNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads an eksctl {@code ClusterConfig} ({@code apiVersion: eksctl.io/v1alpha5}) into a {@link ClusterSpec}, applying
 * eksctl's defaults (DOMAIN-CHANGE.md tables 2a and 2c) and refusing what eksctl refuses, each refusal naming the YAML
 * path and value. Fields that decide nothing about security groups, and fields this version does not know, are
 * ignored without error; a field it reads with the wrong type is an error.
 */
final class ConfigReader {
  static final String API_VERSION = "eksctl.io/v1alpha5";
  /** eksctl's region when the file gives none ({@code api.DefaultRegion}). */
  static final String DEFAULT_REGION = "us-west-2";
  /** eksctl's {@code desiredCapacity} when none is given ({@code api.DefaultNodeCount}). */
  static final int DEFAULT_NODES = 2;
  private static final Set<String> OPTIONAL_ENDPOINT_SERVICES = Set.of("cloudformation", "autoscaling", "logs");

  private final String file;

  private ConfigReader(String file) {
    this.file = file;
  }

  static ClusterSpec read(String file, String yaml) {
    JsonNode tree;
    try {
      YAMLMapper mapper = YAMLMapper.builder().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION).build();
      tree = mapper.readTree(yaml);
    } catch (JsonProcessingException e) {
      String where = e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ", column "
          + e.getLocation().getColumnNr() + ")";
      throw new InputException(file, "$", null, "is not valid YAML" + where + ": " + e.getOriginalMessage(), e);
    }
    return new ConfigReader(file).spec(InputNode.root(file, tree));
  }

  private ClusterSpec spec(InputNode root) {
    if (!root.isObject()) {
      throw root.error("is not an eksctl ClusterConfig: the file holds no YAML map");
    }
    String api = root.get("apiVersion").text();
    if (!api.equals(API_VERSION)) {
      throw root.get("apiVersion").error("is not an apiVersion this version of sgreach reads (" + API_VERSION + ")");
    }
    if (!root.get("kind").text().equals("ClusterConfig")) {
      throw root.get("kind").error("is not ClusterConfig");
    }
    InputNode meta = root.get("metadata").object();
    String name = meta.get("name").text();
    if (!name.matches("[A-Za-z][A-Za-z0-9-]{0,99}")) {
      throw meta.get("name").error("is not an EKS cluster name: 1-100 letters, digits and dashes, starting with a"
          + " letter");
    }
    String region = meta.get("region").optText().orElse(DEFAULT_REGION);
    String version = meta.get("version").optScalarText().orElse("1.32");
    Map<String, String> tags = new LinkedHashMap<>();
    for (Map.Entry<String, InputNode> t : meta.get("tags").members()) {
      tags.put(t.getKey(), t.getValue().optScalarText().orElse(""));
    }
    List<String> zones = root.get("availabilityZones").texts();
    boolean ipv6 = root.get("kubernetesNetworkConfig").object().get("ipFamily").optText()
        .map(f -> family(root.get("kubernetesNetworkConfig").get("ipFamily"), f)).orElse(false);
    ClusterSpec.PrivateCluster pc = privateCluster(root.get("privateCluster").object());
    ClusterSpec.Vpc vpc = vpc(root.get("vpc").object(), pc);
    InputNode logging = root.get("cloudWatch").object().get("clusterLogging").object();
    boolean clusterLogging = !logging.get("enableTypes").texts().isEmpty();
    List<String> remote = new ArrayList<>();
    InputNode rnc = root.get("remoteNetworkConfig").object();
    for (String key : List.of("remoteNodeNetworks", "remotePodNetworks")) {
      for (InputNode n : rnc.get(key).list()) {
        for (InputNode c : n.object().get("cidrs").list()) {
          remote.add(cidr(c));
        }
      }
    }
    List<ClusterSpec.NodeGroup> ngs = new ArrayList<>();
    Set<String> names = new LinkedHashSet<>();
    // in the order the file lists them (the builder places nodes, and so their stand-in addresses, in that order)
    for (Map.Entry<String, InputNode> m : root.members()) {
      if (m.getKey().equals("nodeGroups") || m.getKey().equals("managedNodeGroups")) {
        for (InputNode n : m.getValue().list()) {
          ngs.add(nodeGroup(n.object(), m.getKey().equals("managedNodeGroups"), pc, names));
        }
      }
    }
    List<String> fargate = new ArrayList<>();
    for (InputNode f : root.get("fargateProfiles").list()) {
      fargate.add(f.object().get("name").text());
    }
    return new ClusterSpec(name, region, version, ImmutableMap.copyOf(tags), ImmutableList.copyOf(zones), vpc, ipv6,
        pc, clusterLogging, ImmutableList.copyOf(remote), ImmutableList.copyOf(ngs), ImmutableList.copyOf(fargate));
  }

  private static boolean family(InputNode at, String f) {
    switch (f.toLowerCase(Locale.ROOT)) {
      case "ipv4":
        return false;
      case "ipv6":
        return true;
      default:
        throw at.error("is not an ipFamily: IPv4 or IPv6");
    }
  }

  private static String cidr(InputNode n) {
    String text = n.text();
    try {
      Cidr c = Cidr.parse(text);
      return c.toCidrString();
    } catch (IllegalArgumentException e) {
      throw n.error("is not a CIDR block");
    }
  }

  private ClusterSpec.PrivateCluster privateCluster(InputNode pc) {
    boolean enabled = pc.get("enabled").optBool().orElse(false);
    boolean skip = pc.get("skipEndpointCreation").optBool().orElse(false);
    List<String> extra = new ArrayList<>();
    for (InputNode s : pc.get("additionalEndpointServices").list()) {
      String v = s.text();
      if (!OPTIONAL_ENDPOINT_SERVICES.contains(v)) {
        throw s.error("is not an endpoint service eksctl adds: cloudformation, autoscaling or logs");
      }
      extra.add(v);
    }
    if (skip && !extra.isEmpty()) {
      throw pc.get("additionalEndpointServices").error("cannot be set with skipEndpointCreation: eksctl creates no"
          + " endpoints then");
    }
    return new ClusterSpec.PrivateCluster(enabled, skip, ImmutableList.copyOf(extra));
  }

  private static Optional<At<String>> idAt(InputNode n) {
    return n.optText().map(v -> new At<>(v.trim(), n.path()));
  }

  private static ImmutableList<At<String>> idsAt(InputNode n) {
    List<At<String>> out = new ArrayList<>();
    for (InputNode e : n.list()) {
      out.add(new At<>(e.text().trim(), e.path()));
    }
    return ImmutableList.copyOf(out);
  }

  private ClusterSpec.Vpc vpc(InputNode vpc, ClusterSpec.PrivateCluster pc) {
    Optional<String> cidr = vpc.get("cidr").isPresent() ? Optional.of(cidr(vpc.get("cidr"))) : Optional.empty();
    cidr.ifPresent(c -> {
      Cidr block = Cidr.parse(c);
      if (!block.isIpv4() || block.length() < 16 || block.length() > 24) {
        throw vpc.get("cidr").error("must be an IPv4 block from /16 to /24 (eksctl's limits)");
      }
    });
    List<ClusterSpec.Subnet> subnets = new ArrayList<>();
    InputNode sn = vpc.get("subnets").object();
    for (String kind : List.of("private", "public")) {
      for (Map.Entry<String, InputNode> e : sn.get(kind).members()) {
        InputNode s = e.getValue().object();
        String zone = s.get("az").optText().orElse(e.getKey());
        Optional<String> block = s.get("cidr").isPresent() ? Optional.of(cidr(s.get("cidr"))) : Optional.empty();
        Optional<At<String>> id = idAt(s.get("id"));
        if (id.isEmpty() && block.isEmpty()) {
          throw s.error("names neither an id nor a cidr: eksctl needs one to find the subnet");
        }
        subnets.add(new ClusterSpec.Subnet(kind.equals("private"), e.getKey(), zone, id, block, s.path()));
      }
    }
    if (pc.enabled() && vpc.get("clusterEndpoints").isPresent()) {
      throw vpc.get("clusterEndpoints").error("cannot be set for a fully-private cluster (privateCluster.enabled):"
          + " eksctl refuses it, the endpoint is private only");
    }
    InputNode ce = vpc.get("clusterEndpoints").object();
    Optional<Boolean> privateAccess = ce.get("privateAccess").optBool();
    Optional<Boolean> publicAccess = ce.get("publicAccess").optBool();
    if (!privateAccess.orElse(false) && !publicAccess.orElse(true)) {
      throw ce.error("turns off both the public and the private endpoint: an EKS cluster needs one");
    }
    List<At<String>> cpSgs = new ArrayList<>();
    idAt(vpc.get("securityGroup")).ifPresent(cpSgs::add);
    for (At<String> a : idsAt(vpc.get("controlPlaneSecurityGroupIDs"))) {
      if (cpSgs.stream().noneMatch(x -> x.value().equals(a.value()))) {
        cpSgs.add(a);
      }
    }
    Optional<At<String>> shared = idAt(vpc.get("sharedNodeSecurityGroup"));
    Optional<Boolean> manage = vpc.get("manageSharedNodeSecurityGroupRules").optBool();
    if (manage.isPresent() && !manage.get() && shared.isEmpty()) {
      throw vpc.get("manageSharedNodeSecurityGroupRules").error("cannot be false when eksctl makes the shared node"
          + " security group: give vpc.sharedNodeSecurityGroup");
    }
    List<String> extra = new ArrayList<>();
    for (InputNode c : vpc.get("extraCIDRs").list()) {
      String v = cidr(c);
      if (!Cidr.parse(v).isIpv4()) {
        throw c.error("is not an IPv4 block (IPv6 blocks go in vpc.extraIPv6CIDRs)");
      }
      extra.add(v);
    }
    for (InputNode c : vpc.get("extraIPv6CIDRs").list()) {
      String v = cidr(c);
      if (!Cidr.parse(v).isIpv6()) {
        throw c.error("is not an IPv6 block");
      }
      extra.add(v);
    }
    List<String> publicCidrs = new ArrayList<>();
    for (InputNode c : vpc.get("publicAccessCIDRs").list()) {
      publicCidrs.add(cidr(c));
    }
    return new ClusterSpec.Vpc(idAt(vpc.get("id")), cidr, ImmutableList.copyOf(subnets),
        ImmutableList.copyOf(cpSgs), shared, manage, vpc.get("manageSharedNodeSecurityGroupRules").path(),
        ImmutableList.copyOf(extra), privateAccess, publicAccess, ce.path(), ImmutableList.copyOf(publicCidrs),
        idsAt(vpc.get("controlPlaneSubnetIDs")));
  }

  private ClusterSpec.NodeGroup nodeGroup(InputNode ng, boolean managed, ClusterSpec.PrivateCluster pc,
      Set<String> names) {
    String name = ng.get("name").text();
    if (!names.add(name)) {
      throw ng.get("name").error("is the name of another nodegroup: eksctl needs unique names");
    }
    int nodes = ng.get("desiredCapacity").optInteger().orElseGet(() -> ng.get("minSize").optInteger()
        .orElse(DEFAULT_NODES));
    if (nodes < 0) {
      throw ng.get("desiredCapacity").error("is below zero");
    }
    boolean privateNetworking = ng.get("privateNetworking").optBool().orElse(false);
    if (pc.enabled() && !privateNetworking) {
      throw ng.get("privateNetworking").error("must be true in a fully-private cluster (privateCluster.enabled):"
          + " eksctl refuses nodegroups in public subnets there");
    }
    InputNode sg = ng.get("securityGroups").object();
    Optional<At<String>> lt = ng.get("launchTemplate").isPresent()
        ? idAt(ng.get("launchTemplate").object().get("id")) : Optional.empty();
    if (managed) {
      for (String field : List.of("withShared", "withLocal")) {
        if (sg.get(field).isPresent()) {
          throw sg.get(field).error("is not supported for managed nodegroups: eksctl refuses it");
        }
      }
      if (ng.get("launchTemplate").isPresent() && lt.isEmpty()) {
        throw ng.get("launchTemplate").get("id").error("is missing: a launch template is named by its id");
      }
      if (lt.isPresent() && (ng.get("securityGroups").isPresent() || ng.get("ssh").isPresent())) {
        throw (ng.get("securityGroups").isPresent() ? ng.get("securityGroups") : ng.get("ssh")).error("cannot be set"
            + " with a launchTemplate: the template's network settings apply (eksctl refuses both)");
      }
    }
    boolean withShared = sg.get("withShared").optBool().orElse(true);
    boolean withLocal = sg.get("withLocal").optBool().orElse(true);
    InputNode ssh = ng.get("ssh").object();
    Optional<Boolean> allow = ssh.get("allow").optBool();
    boolean keyGiven = false;
    for (String key : List.of("publicKey", "publicKeyPath", "publicKeyName")) {
      keyGiven |= ssh.get(key).optText().map(v -> !v.isBlank()).orElse(false);
    }
    if (ssh.get("enableSsm").optBool().map(v -> !v).orElse(false)) {
      throw ssh.get("enableSsm").error("cannot be false: SSM is always on and eksctl refuses false");
    }
    // eksctl's setSSHDefaults: a key turns SSH on unless allow is false; allow without a key uses the default key
    boolean sshAllowed = keyGiven ? allow.orElse(true) : allow.orElse(false);
    return new ClusterSpec.NodeGroup(name, managed, ng.path(), nodes, privateNetworking, idsAt(sg.get("attachIDs")),
        withShared, withLocal, sshAllowed, idsAt(ssh.get("sourceSecurityGroupIds")),
        ng.get("efaEnabled").optBool().orElse(false), lt, ImmutableList.copyOf(ng.get("availabilityZones").texts()),
        idsAt(ng.get("subnets")));
  }
}
