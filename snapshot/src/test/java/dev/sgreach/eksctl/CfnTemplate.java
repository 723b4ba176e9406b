package dev.sgreach.eksctl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The security groups, rules and launch-template groups of a CloudFormation template eksctl rendered, as lines that
 * name groups by their logical id ({@code SG}), by what they import from the cluster stack ({@code SecurityGroup},
 * {@code SharedNodeSecurityGroup}, {@code ClusterSecurityGroupId}) or by literal id: the same form
 * {@link EksctlGoldenTemplatesTest} writes sgreach's prediction in.
 */
final class CfnTemplate {
  private final JsonNode resources;

  private CfnTemplate(JsonNode resources) {
    this.resources = resources;
  }

  static CfnTemplate load(String resource) {
    try (InputStream in = CfnTemplate.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("no test resource " + resource);
      }
      JsonNode root = new ObjectMapper().readTree(in);
      return new CfnTemplate(root.has("Resources") ? root.get("Resources") : root);
    } catch (IOException e) {
      throw new IllegalStateException(resource + " is not JSON", e);
    }
  }

  /** A reference as a name: the logical id of a {@code Ref}, the export of an {@code Fn::ImportValue}, a literal. */
  static String name(JsonNode ref) {
    if (ref == null || ref.isNull()) {
      return "(none)";
    }
    if (ref.isTextual()) {
      return ref.textValue();
    }
    if (ref.has("Ref")) {
      return ref.get("Ref").textValue();
    }
    if (ref.has("Fn::ImportValue")) {
      String v = ref.get("Fn::ImportValue").textValue();
      return v.substring(v.indexOf("::") + 2);
    }
    if (ref.has("Fn::GetAtt")) {
      return ref.get("Fn::GetAtt").toString();
    }
    return ref.toString();
  }

  /** Every group: {@code <logical id>: <GroupDescription>}. */
  TreeSet<String> groups() {
    TreeSet<String> out = new TreeSet<>();
    forEach("AWS::EC2::SecurityGroup", (id, p) -> out.add(id + ": " + p.path("GroupDescription").asText()));
    return out;
  }

  /** Every rule, inline or a resource of its own, as {@link #line}s. */
  TreeSet<String> rules() {
    TreeSet<String> out = new TreeSet<>();
    forEach("AWS::EC2::SecurityGroup", (id, p) -> {
      for (JsonNode r : p.path("SecurityGroupIngress")) {
        out.add(line(id, "ingress", r, peer(r, "SourceSecurityGroupId")));
      }
      for (JsonNode r : p.path("SecurityGroupEgress")) {
        out.add(line(id, "egress", r, peer(r, "DestinationSecurityGroupId")));
      }
    });
    forEach("AWS::EC2::SecurityGroupIngress", (id, p) -> out.add(line(name(p.get("GroupId")), "ingress", p,
        peer(p, "SourceSecurityGroupId"))));
    forEach("AWS::EC2::SecurityGroupEgress", (id, p) -> out.add(line(name(p.get("GroupId")), "egress", p,
        peer(p, "DestinationSecurityGroupId"))));
    return out;
  }

  /** The groups a launch template puts on the nodes' ENIs, in order. */
  List<String> launchTemplateGroups() {
    List<String> out = new ArrayList<>();
    forEach("AWS::EC2::LaunchTemplate", (id, p) -> {
      JsonNode data = p.path("LaunchTemplateData");
      JsonNode groups = data.has("SecurityGroupIds") ? data.get("SecurityGroupIds")
          : data.path("NetworkInterfaces").path(0).path("Groups");
      groups.forEach(g -> out.add(name(g)));
    });
    return out;
  }

  /** Interface endpoints: {@code <logical id> <subnet> <groups>} for each subnet. */
  TreeSet<String> interfaceEndpoints() {
    TreeSet<String> out = new TreeSet<>();
    forEach("AWS::EC2::VPCEndpoint", (id, p) -> {
      if (p.path("VpcEndpointType").asText().equals("Interface")) {
        List<String> groups = new ArrayList<>();
        p.path("SecurityGroupIds").forEach(g -> groups.add(name(g)));
        p.path("SubnetIds").forEach(s -> out.add(id + " " + name(s) + " " + groups));
      }
    });
    return out;
  }

  private static String peer(JsonNode r, String groupField) {
    if (r.has(groupField)) {
      return name(r.get(groupField));
    }
    if (r.has("CidrIp")) {
      return name(r.get("CidrIp"));
    }
    if (r.has("CidrIpv6")) {
      return name(r.get("CidrIpv6"));
    }
    return "(no peer)";
  }

  /**
   * {@code <group> <direction> <protocol> <from>-<to> <peer> "<description>"}; ports of an all-traffic rule are
   * irrelevant in EC2 and written {@code all}.
   */
  static String line(String group, String direction, JsonNode r, String peer) {
    String proto = r.path("IpProtocol").asText();
    String ports = proto.equals("-1") ? "all" : r.path("FromPort").asInt() + "-" + r.path("ToPort").asInt();
    return line(group, direction, proto, ports, peer, r.path("Description").asText(""));
  }

  static String line(String group, String direction, String proto, String ports, String peer, String description) {
    return group + " " + direction + " " + proto + " " + ports + " " + peer + " \"" + description + "\"";
  }

  private void forEach(String type, java.util.function.BiConsumer<String, JsonNode> action) {
    for (Map.Entry<String, JsonNode> e : resources.properties()) {
      if (type.equals(e.getValue().path("Type").asText())) {
        action.accept(e.getKey(), e.getValue().path("Properties"));
      }
    }
  }
}
