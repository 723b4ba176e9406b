package dev.sgreach.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.common.collect.Range;
import com.google.common.collect.RangeSet;
import dev.sgreach.engine.Exposure;
import dev.sgreach.engine.Fix;
import dev.sgreach.engine.Flow;
import dev.sgreach.engine.Member;
import dev.sgreach.engine.NearMiss;
import dev.sgreach.engine.OpenPorts;
import dev.sgreach.engine.Outcome;
import dev.sgreach.engine.Reachers;
import dev.sgreach.engine.RuleMatch;
import dev.sgreach.engine.SideCheck;
import dev.sgreach.engine.Verdict;
import dev.sgreach.model.Cidr;
import dev.sgreach.model.Layer;
import dev.sgreach.model.NetworkInterface;
import dev.sgreach.model.Peer;
import dev.sgreach.model.Protocol;
import dev.sgreach.model.Rule;
import dev.sgreach.model.SecurityGroup;
import dev.sgreach.model.Traffic;
import dev.sgreach.model.Warning;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * The {@code --json} forms: plain objects with stable key order, pretty-printed, one document per run. Keys use
 * camelCase; enums are lower-case words ({@code allowed}, {@code ingress}).
 */
final class Json {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private Json() {}

  /** The document as text, ending with a newline. */
  static String write(JsonNode node) {
    try {
      return MAPPER.writeValueAsString(node) + "\n";
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A generator that prints as {@link #write} does (the same indentation), for output too large to hold. */
  static JsonGenerator streaming(java.io.Writer out) throws java.io.IOException {
    JsonGenerator g = MAPPER.getFactory().createGenerator(out);
    g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    g.useDefaultPrettyPrinter();
    return g;
  }

  /** Writes one node at the generator's place. */
  static void writeTree(JsonGenerator g, JsonNode node) throws java.io.IOException {
    MAPPER.writeTree(g, node);
  }

  static ArrayNode array() {
    return NODES.arrayNode();
  }

  /** How many member flows a verdict may have for {@code flows} to list each one with its proof. */
  static final int FLOWS_LISTED = 100;

  /**
   * {@code reach}: the verdict with its member flows grouped ({@code groups}: per group its outcome, how many member
   * flows it stands for, its sources and destinations with their counts, the first pairs when it is not every pair of
   * them, and the proof of its first flow), every member flow with its proof when there are at most
   * {@value #FLOWS_LISTED} ({@code flows}; {@code flowsListed} says whether they are), the fixes and the warnings.
   */
  static ObjectNode verdict(Verdict v) {
    ObjectNode o = NODES.objectNode();
    o.put("from", v.from().label());
    o.put("to", v.to().label());
    o.set("traffic", traffic(v.traffic()));
    o.put("outcome", v.outcome().word());
    o.put("coverage", v.coverage().word());
    o.put("memberFlows", v.memberFlows());
    o.put("allowedFlows", v.allowedFlows());
    ArrayNode groups = o.putArray("groups");
    v.groups().forEach(g -> groups.add(group(g)));
    boolean listed = v.memberFlows() <= FLOWS_LISTED;
    o.put("flowsListed", listed);
    ArrayNode flows = o.putArray("flows");
    if (listed) {
      v.flows().forEach(f -> flows.add(flow(f)));
    }
    ArrayNode fixes = o.putArray("fixes");
    v.fixes().forEach(f -> fixes.add(fix(f)));
    ArrayNode warnings = o.putArray("warnings");
    v.warnings().forEach(w -> warnings.add(warning(w)));
    o.set("layersChecked", strings(v.layersChecked().stream().map(Layer::words).toList()));
    ArrayNode pathFixes = o.putArray("pathFixes");
    v.pathFixes().forEach(x -> pathFixes.add(pathFix(x)));
    o.put("explanation", v.explain());
    return o;
  }

  /** A change of the packet path: what it is and its {@code aws ec2} command. */
  static ObjectNode pathFix(dev.sgreach.path.PathFix x) {
    ObjectNode o = NODES.objectNode();
    o.put("change", x.describe());
    o.put("awsCli", x.awsCliCommand());
    return o;
  }

  /** A flow's packet path: the outcome, the source the destination sees, and every hop both ways. */
  static ObjectNode path(dev.sgreach.path.PathVerdict p) {
    ObjectNode o = NODES.objectNode();
    o.put("outcome", p.outcome().word());
    p.sourceAsSeen().ifPresent(a -> o.put("sourceAsSeen", a.addressString()));
    o.put("clientPorts", p.clientPorts().describe());
    o.put("clientPortsAssumed", p.clientPortsAssumed());
    for (String part : new String[] {"forward", "reply"}) {
      ArrayNode hops = o.putArray(part);
      for (dev.sgreach.path.Hop h : part.equals("forward") ? p.forward() : p.reply()) {
        ObjectNode n = hops.addObject();
        n.put("step", h.step().words());
        n.put("component", h.component());
        n.put("outcome", h.outcome().word());
        h.code().ifPresent(c -> n.put("code", c.name()));
        n.put("detail", h.detail());
      }
    }
    p.blockingHop().ifPresent(h -> o.put("blockingHop", h.describe()));
    return o;
  }

  /** {@code reach --queries}: one answer. */
  static ObjectNode query(int line, String from, String to, String spec, Outcome outcome) {
    ObjectNode o = NODES.objectNode();
    o.put("line", line);
    o.put("from", from);
    o.put("to", to);
    o.put("spec", spec);
    o.put("outcome", outcome.word());
    return o;
  }

  static ObjectNode traffic(Traffic t) {
    ObjectNode o = NODES.objectNode();
    o.put("spec", t.spec());
    o.put("protocol", t.protocol().awsName());
    if (t.protocol().hasPorts()) {
      o.put("port", t.port());
    } else if (t.protocol().isIcmp()) {
      o.put("type", t.icmpType());
      o.put("code", t.icmpCode());
    }
    return o;
  }

  static ObjectNode flow(Flow f) {
    ObjectNode o = NODES.objectNode();
    o.set("source", member(f.source()));
    o.set("destination", member(f.destination()));
    o.put("outcome", f.outcome().word());
    f.remark().ifPresent(r -> o.put("remark", r));
    f.egress().ifPresent(s -> o.set("egress", side(s)));
    f.ingress().ifPresent(s -> o.set("ingress", side(s)));
    ArrayNode blocking = o.putArray("blockedBy");
    f.blockingSides().forEach(s -> blocking.add(s.direction().word()));
    ArrayNode fixes = o.putArray("fixes");
    f.fixes().forEach(x -> fixes.add(fix(x)));
    f.path().ifPresent(p -> o.set("path", path(p)));
    return o;
  }

  /** A group of member flows: outcome, count, the two sides, the first pairs unless it is every pair, the proof. */
  static ObjectNode group(dev.sgreach.engine.FlowGroup g) {
    ObjectNode o = NODES.objectNode();
    o.put("outcome", g.outcome().word());
    o.put("memberFlows", g.count());
    o.put("everyPair", g.isEveryPair());
    o.set("sources", members(g.sources()));
    o.set("destinations", members(g.destinations()));
    if (!g.isEveryPair()) {
      ArrayNode pairs = o.putArray("firstPairs");
      g.pairs(FLOWS_LISTED).forEach(p -> pairs.addObject().put("source", p.source().label())
          .put("destination", p.destination().label()));
    }
    o.set("proof", flow(g.proof()));
    return o;
  }

  /** One side of a group: how many members, and each one's label. */
  private static ObjectNode members(List<Member> members) {
    ObjectNode o = NODES.objectNode();
    o.put("count", members.size());
    o.set("members", strings(members.stream().map(Member::label).toList()));
    return o;
  }

  static ObjectNode member(Member m) {
    ObjectNode o = NODES.objectNode();
    o.put("label", m.label());
    if (m.eni().isPresent()) {
      o.put("eni", m.eni().get().id());
    } else {
      o.put("outside", true);
    }
    o.set("addresses", strings(m.addresses().stream().map(Cidr::toString).toList()));
    return o;
  }

  static ObjectNode side(SideCheck s) {
    ObjectNode o = NODES.objectNode();
    o.put("direction", s.direction().word());
    o.put("outcome", s.outcome().word());
    o.put("localAddress", s.localAddress().toString());
    o.put("remoteAddress", s.remoteAddress().toString());
    s.note().ifPresent(n -> o.put("note", n));
    ArrayNode matches = o.putArray("matchedRules");
    for (RuleMatch m : s.matches()) {
      ObjectNode r = rule(m.group(), m.rule());
      r.put("matchedAddress", m.matchedAddress().toString());
      matches.add(r);
    }
    ArrayNode near = o.putArray("nearMisses");
    for (NearMiss n : s.nearMisses()) {
      ObjectNode r = rule(n.group(), n.rule());
      r.put("reason", n.reason());
      near.add(r);
    }
    o.set("missing", strings(s.missing()));
    return o;
  }

  static ObjectNode rule(SecurityGroup group, Rule rule) {
    ObjectNode o = NODES.objectNode();
    o.put("groupId", group.id());
    o.put("groupName", group.name());
    o.setAll(rule(rule));
    return o;
  }

  static ObjectNode rule(Rule rule) {
    ObjectNode o = NODES.objectNode();
    o.put("direction", rule.direction().word());
    o.put("protocol", rule.ports().protocol().awsName());
    o.put("fromPort", rule.ports().awsFromPort());
    o.put("toPort", rule.ports().awsToPort());
    o.set("peer", peer(rule.peer()));
    o.put("description", rule.description());
    o.put("ruleId", rule.ruleId());
    o.put("text", rule.describe());
    return o;
  }

  static ObjectNode peer(Peer p) {
    ObjectNode o = NODES.objectNode();
    if (p instanceof Peer.CidrPeer c) {
      o.put("type", "cidr");
      o.put("cidr", c.cidr().toCidrString());
    } else if (p instanceof Peer.GroupPeer g) {
      o.put("type", "securityGroup");
      o.put("groupId", g.groupId());
      if (g.userId() != null) {
        o.put("userId", g.userId());
      }
    } else if (p instanceof Peer.PrefixListPeer pl) {
      o.put("type", "prefixList");
      o.put("prefixListId", pl.prefixListId());
    }
    return o;
  }

  static ObjectNode fix(Fix f) {
    ObjectNode o = NODES.objectNode();
    o.put("groupId", f.groupId());
    o.put("group", f.groupLabel());
    o.set("rule", rule(f.rule()));
    o.put("text", f.describe());
    o.put("awsCli", f.awsCliCommand());
    return o;
  }

  static ObjectNode warning(Warning w) {
    ObjectNode o = NODES.objectNode();
    o.put("kind", w.kind().name().toLowerCase(Locale.ROOT));
    o.put("subject", w.subject());
    o.put("message", w.message());
    return o;
  }

  /** {@code ports}: allowed and unknown keys per protocol, as inclusive ranges. */
  static ObjectNode openPorts(String from, String to, OpenPorts open) {
    ObjectNode o = NODES.objectNode();
    o.put("from", from);
    o.put("to", to);
    o.set("allowed", keySets(open, false));
    o.set("unknown", keySets(open, true));
    o.put("text", open.toString());
    return o;
  }

  private static ObjectNode keySets(OpenPorts open, boolean unknown) {
    ObjectNode o = NODES.objectNode();
    for (Protocol p : List.of(Protocol.TCP, Protocol.UDP, Protocol.ICMP, Protocol.ICMPV6)) {
      o.set(p.awsName(), ranges(unknown ? open.unknown(p) : open.allowed(p), p.isIcmp()));
    }
    o.set("protocols", ranges(unknown ? open.unknownProtocols() : open.allowedProtocols(), false));
    return o;
  }

  /** Inclusive ranges: {@code {"from":80,"to":90}}, or for ICMP keys {@code {"from":{"type":8,"code":0},...}}. */
  private static ArrayNode ranges(RangeSet<Integer> set, boolean icmp) {
    ArrayNode a = NODES.arrayNode();
    for (Range<Integer> r : set.asRanges()) {
      int lo = r.lowerEndpoint();
      int hi = r.upperEndpoint() - 1; // canonical closed-open
      ObjectNode x = a.addObject();
      if (icmp) {
        x.set("from", NODES.objectNode().put("type", lo / 256).put("code", lo % 256));
        x.set("to", NODES.objectNode().put("type", hi / 256).put("code", hi % 256));
      } else {
        x.put("from", lo);
        x.put("to", hi);
      }
    }
    return a;
  }

  /** {@code who-can-reach} ({@code key} "to") and {@code what-can-be-reached} ({@code key} "from"). */
  static ObjectNode reachers(String key, String endpoint, Reachers r) {
    ObjectNode o = NODES.objectNode();
    o.put(key, endpoint);
    o.set("traffic", traffic(r.traffic()));
    o.set("interfaces", interfaces(r.allowedInterfaces()));
    o.set("outsideBlocks", strings(r.outsideBlocks().stream().map(Cidr::toCidrString).toList()));
    o.set("unknownInterfaces", interfaces(r.unknownInterfaces()));
    o.set("outsideUnknown", strings(r.outsideUnknown()));
    o.set("outsideUnknownBlocks", strings(r.outsideUnknownBlocks().stream().map(Cidr::toCidrString).toList()));
    return o;
  }

  private static ArrayNode interfaces(Collection<NetworkInterface> enis) {
    ArrayNode a = NODES.arrayNode();
    for (NetworkInterface e : enis) {
      ObjectNode x = a.addObject();
      x.put("eni", e.id());
      x.set("addresses", strings(e.privateAddresses().stream().map(Cidr::toString).toList()));
      x.set("securityGroups", strings(e.securityGroupIds()));
    }
    return a;
  }

  /** {@code exposure}. */
  static ObjectNode exposure(Exposure exposure) {
    ObjectNode o = NODES.objectNode();
    o.put("exposed", exposedWord(exposure.outcome()));
    o.set("layersChecked", strings(exposure.layersChecked().stream().map(Layer::words).toList()));
    if (exposure.pathChecked()) {
      o.put("reallyExposed", !exposure.real().isEmpty());
    }
    ArrayNode a = o.putArray("interfaces");
    for (Exposure.Exposed x : exposure.interfaces()) {
      ObjectNode e = a.addObject();
      e.put("eni", x.eni().id());
      e.put("path", x.path().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
      x.pathProof().ifPresent(p -> e.set("pathProof", path(p)));
      e.put("exposed", exposedWord(x.outcome()));
      e.set("addresses", strings(x.eni().privateAddresses().stream().map(Cidr::toString).toList()));
      e.put("fromAnywhere", x.fromAnywhere());
      e.put("hasPublicAddress", x.hasPublicAddress());
      e.set("publicAddresses", strings(x.publicAddresses().stream().map(Cidr::toString).toList()));
      e.set("allowed", keySets(x.open(), false));
      e.set("unknown", keySets(x.open(), true));
      ArrayNode rules = e.putArray("rules");
      for (RuleMatch m : x.rules()) {
        ObjectNode r = rule(m.group(), m.rule());
        r.put("publicBlock", m.matchedAddress().toCidrString());
        rules.add(r);
      }
    }
    return o;
  }

  /** {@code yes}, {@code maybe} or {@code no}: exposure is three-valued, as the text and the exit status say. */
  private static String exposedWord(Outcome o) {
    return switch (o) {
      case ALLOWED -> "yes";
      case UNKNOWN -> "maybe";
      case DENIED -> "no";
    };
  }

  private static ArrayNode strings(Collection<String> values) {
    ArrayNode a = NODES.arrayNode();
    values.forEach(a::add);
    return a;
  }
}
