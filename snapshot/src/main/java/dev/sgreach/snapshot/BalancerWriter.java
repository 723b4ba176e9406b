package dev.sgreach.snapshot;

import static dev.sgreach.snapshot.SnapshotWriter.optional;
import static dev.sgreach.snapshot.SnapshotWriter.response;
import static dev.sgreach.snapshot.SnapshotWriter.sorted;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.sgreach.model.Listener;
import dev.sgreach.model.LoadBalancer;
import dev.sgreach.model.Network;
import dev.sgreach.model.TargetGroup;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes the ELBv2 responses beyond describe-load-balancers as {@link BalancerItems} reads them: listeners when any
 * load balancer's are known, target groups, and the attributes and targets wrappers for the groups that have them.
 */
final class BalancerWriter {
  private BalancerWriter() {}

  static void write(Network network, Path folder) {
    List<LoadBalancer> lbs = sorted(network.loadBalancers().values(), LoadBalancer::arn);
    if (lbs.stream().anyMatch(lb -> lb.listeners().isPresent())) {
      List<Listener> all = lbs.stream().flatMap(lb -> lb.listeners().orElse(com.google.common.collect.ImmutableList
          .of()).stream()).toList();
      response(folder, ResponseKind.LISTENERS, all, BalancerWriter::listener);
    }
    List<TargetGroup> groups = sorted(network.targetGroups().values(), TargetGroup::arn);
    if (groups.isEmpty()) {
      return;
    }
    response(folder, ResponseKind.TARGET_GROUPS, groups, BalancerWriter::targetGroup);
    List<TargetGroup> withAttributes = groups.stream().filter(g -> g.preserveClientIp().isPresent()).toList();
    if (!withAttributes.isEmpty()) {
      response(folder, ResponseKind.TARGET_GROUP_ATTRIBUTES, withAttributes, BalancerWriter::attributes);
    }
    List<TargetGroup> withTargets = groups.stream().filter(g -> g.targets().isPresent()).toList();
    if (!withTargets.isEmpty()) {
      response(folder, ResponseKind.TARGET_HEALTH, withTargets, BalancerWriter::health);
    }
  }

  private static void listener(JsonGenerator g, Listener l) throws IOException {
    g.writeStartObject();
    g.writeStringField("ListenerArn", l.arn());
    g.writeStringField("LoadBalancerArn", l.loadBalancerArn());
    g.writeNumberField("Port", l.port());
    g.writeStringField("Protocol", l.protocol());
    g.writeEndObject();
  }

  private static void targetGroup(JsonGenerator g, TargetGroup t) throws IOException {
    g.writeStartObject();
    g.writeStringField("TargetGroupArn", t.arn());
    optional(g, "TargetGroupName", t.name());
    optional(g, "Protocol", t.protocol());
    if (t.port() > 0) {
      g.writeNumberField("Port", t.port());
    }
    optional(g, "VpcId", t.vpcId());
    g.writeStringField("TargetType", t.targetType());
    SnapshotWriter.strings(g, "LoadBalancerArns", t.loadBalancerArns());
    g.writeEndObject();
  }

  private static void attributes(JsonGenerator g, TargetGroup t) throws IOException {
    g.writeStartObject();
    g.writeStringField("TargetGroupArn", t.arn());
    g.writeArrayFieldStart("Attributes");
    g.writeStartObject();
    g.writeStringField("Key", BalancerItems.PRESERVE_CLIENT_IP);
    g.writeStringField("Value", String.valueOf(t.preserveClientIp().orElseThrow()));
    g.writeEndObject();
    g.writeEndArray();
    g.writeEndObject();
  }

  private static void health(JsonGenerator g, TargetGroup t) throws IOException {
    g.writeStartObject();
    g.writeStringField("TargetGroupArn", t.arn());
    g.writeArrayFieldStart("TargetHealthDescriptions");
    for (TargetGroup.Target x : t.targets().orElseThrow()) {
      g.writeStartObject();
      g.writeObjectFieldStart("Target");
      g.writeStringField("Id", x.id());
      g.writeNumberField("Port", x.port());
      g.writeEndObject();
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeEndObject();
  }
}
