package dev.sgreach.snapshot;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.google.common.collect.ImmutableList;
import dev.sgreach.model.Cidr;
import dev.sgreach.model.Direction;
import dev.sgreach.model.EksClusterInfo;
import dev.sgreach.model.LoadBalancer;
import dev.sgreach.model.Network;
import dev.sgreach.model.NetworkInterface;
import dev.sgreach.model.Peer;
import dev.sgreach.model.PrefixList;
import dev.sgreach.model.Rule;
import dev.sgreach.model.SecurityGroup;
import dev.sgreach.model.Vpc;
import dev.sgreach.model.VpcPeering;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Writes a {@link Network} as a snapshot folder in the sgreach / CloudMapper layout, as plain AWS CLI JSON, streamed
 * to each file (no document is built in memory). Items are sorted by id, rules keep the model's order, and the JSON
 * is pretty-printed the same way every time (two-space indents, {@code \n} line ends, a final newline), so that
 * equal networks give byte-identical folders. The model-to-AWS half of the mapping lives here; reading it back is
 * {@link ResponseItems}'. A folder is written whole into a new folder beside it and then renamed into place, so that
 * a write that fails never leaves a half-written snapshot nor loses the old one.
 */
final class SnapshotWriter {
  private static final JsonFactory JSON = JsonFactory.builder().build();

  private SnapshotWriter() {}

  @FunctionalInterface
  interface Item<T> {
    void write(JsonGenerator g, T item) throws IOException;
  }

  /** Opens a file for writing: {@link Files#newOutputStream}, or a test's stand-in that fails like a full disk. */
  @FunctionalInterface
  interface Opener {
    OutputStream open(Path file) throws IOException;
  }

  static Opener opener = Files::newOutputStream;

  /**
   * Writes the network as the folder, all or nothing: every file goes to a new hidden folder beside it
   * ({@code .NAME.sgreach-new-...}), which then takes the folder's place by renaming; entries of an old folder that
   * are not this layout's files ({@code queries.txt}, {@code eksctl.yaml}, region subfolders) are moved into the new
   * one. A write that fails (a full disk, a value that cannot be written) removes the new folder and leaves the old
   * one as it was.
   */
  static void write(Network network, Path folder) {
    Path target = folder.toAbsolutePath().normalize();
    if (Files.exists(target) && !Files.isDirectory(target)) {
      throw new UncheckedIOException(new java.nio.file.FileSystemException(folder.toString(), null,
          "is not a folder, so it cannot hold a snapshot"));
    }
    Path parent = target.getParent();
    Path fresh;
    try {
      Files.createDirectories(parent);
      fresh = Files.createTempDirectory(parent, "." + target.getFileName() + ".sgreach-new-");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a folder beside " + folder, e);
    }
    try {
      writeFiles(network, fresh);
      replace(target, fresh);
    } catch (RuntimeException | Error e) {
      deleteQuietly(fresh);
      throw e;
    }
  }

  /** Puts {@code fresh} in the place of {@code target}, keeping the old folder's entries that are not the layout's. */
  private static void replace(Path target, Path fresh) {
    try {
      if (!Files.exists(target)) {
        Files.move(fresh, target, StandardCopyOption.ATOMIC_MOVE);
        return;
      }
      Path old = Files.createTempDirectory(target.getParent(), "." + target.getFileName() + ".sgreach-old-");
      Files.delete(old);
      Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
      try {
        Files.move(fresh, target, StandardCopyOption.ATOMIC_MOVE);
      } catch (IOException | RuntimeException e) {
        Files.move(old, target, StandardCopyOption.ATOMIC_MOVE);
        throw e;
      }
      List<Path> kept;
      try (Stream<Path> entries = Files.list(old)) {
        kept = entries.filter(p -> !isLayoutEntry(p)).sorted().toList();
      }
      for (Path entry : kept) {
        try {
          Files.move(entry, target.resolve(entry.getFileName().toString()), StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
          throw new UncheckedIOException("wrote the new snapshot to " + target + ", but could not move "
              + entry.getFileName() + " of the old folder back into it: it is in " + old, e);
        }
      }
      deleteQuietly(old);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot put the new snapshot in place of " + target, e);
    }
  }

  /** True for the files and per-item folders this writer writes, which the new folder replaces. */
  private static boolean isLayoutEntry(Path entry) {
    String name = entry.getFileName().toString();
    return Stream.of(ResponseKind.values()).anyMatch(k -> k.fileName().equals(name));
  }

  private static void deleteQuietly(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException | UncheckedIOException e) {
      // a leftover hidden folder beside the snapshot is harmless; the write's own error is the one to report
    }
  }

  private static void writeFiles(Network network, Path folder) {
    List<SecurityGroup> groups = sorted(network.securityGroups().values(), SecurityGroup::id);
    response(folder, ResponseKind.SECURITY_GROUPS, groups, SnapshotWriter::securityGroup);
    response(folder, ResponseKind.SECURITY_GROUP_RULES, groups, SnapshotWriter::securityGroupRules);
    Function<String, String> names = id -> network.securityGroup(id).map(SecurityGroup::name)
        .filter(n -> !n.isEmpty()).orElse(null);
    response(folder, ResponseKind.NETWORK_INTERFACES, sorted(network.interfaces().values(), NetworkInterface::id),
        (g, e) -> networkInterface(g, e, names));
    if (!network.vpcs().isEmpty()) {
      response(folder, ResponseKind.VPCS, sorted(network.vpcs().values(), Vpc::id), SnapshotWriter::vpc);
    }
    if (!network.peerings().isEmpty()) {
      response(folder, ResponseKind.VPC_PEERING_CONNECTIONS, sorted(network.peerings().values(), VpcPeering::id),
          SnapshotWriter::peering);
    }
    List<PrefixList> lists = sorted(network.prefixLists().values(), PrefixList::id);
    if (!lists.isEmpty()) {
      response(folder, ResponseKind.MANAGED_PREFIX_LISTS, lists, SnapshotWriter::prefixList);
    }
    for (PrefixList list : lists) {
      if (list.entries().isPresent()) {
        document(folder.resolve(ResponseKind.MANAGED_PREFIX_LIST_ENTRIES.fileName()).resolve(list.id() + ".json"),
            g -> {
              g.writeArrayFieldStart(ResponseKind.MANAGED_PREFIX_LIST_ENTRIES.resultField());
              for (Cidr c : list.entries().get()) {
                g.writeStartObject();
                g.writeStringField("Cidr", c.toCidrString());
                g.writeEndObject();
              }
              g.writeEndArray();
            });
      }
    }
    for (EksClusterInfo cluster : sorted(network.eksClusters().values(), EksClusterInfo::name)) {
      document(folder.resolve(ResponseKind.EKS_CLUSTER.fileName()).resolve(cluster.name() + ".json"), g -> {
        g.writeFieldName(ResponseKind.EKS_CLUSTER.resultField());
        eksCluster(g, cluster);
      });
    }
    if (!network.loadBalancers().isEmpty()) {
      response(folder, ResponseKind.LOAD_BALANCERS, sorted(network.loadBalancers().values(), LoadBalancer::arn),
          SnapshotWriter::loadBalancer);
    }
    BalancerWriter.write(network, folder);
    PathWriter.write(network, folder);
  }

  // ---------------------------------------------------------------- items

  /** A group as describe-security-groups returns it, its rules grouped as AWS groups them. */
  private static void securityGroup(JsonGenerator g, SecurityGroup sg) throws IOException {
    g.writeStartObject();
    g.writeStringField("GroupId", sg.id());
    optional(g, "GroupName", sg.name());
    optional(g, "Description", sg.description());
    optional(g, "VpcId", sg.vpcId());
    optional(g, "OwnerId", sg.ownerId());
    permissions(g, "IpPermissions", sg.ingress());
    permissions(g, "IpPermissionsEgress", sg.egress());
    tags(g, "Tags", sg.tags());
    g.writeEndObject();
  }

  private static void permissions(JsonGenerator g, String field, List<Rule> rules) throws IOException {
    g.writeArrayFieldStart(field);
    for (GroupedPermission p : GroupedPermission.of(rules)) {
      g.writeStartObject();
      g.writeStringField("IpProtocol", p.ports().protocol().awsName());
      if (p.fromPort() != null) {
        g.writeNumberField("FromPort", p.fromPort());
        g.writeNumberField("ToPort", p.toPort());
      }
      g.writeArrayFieldStart("IpRanges");
      for (Rule r : p.ipv4()) {
        peer(g, "CidrIp", ((Peer.CidrPeer) r.peer()).cidr().toCidrString(), r);
      }
      g.writeEndArray();
      g.writeArrayFieldStart("Ipv6Ranges");
      for (Rule r : p.ipv6()) {
        peer(g, "CidrIpv6", ((Peer.CidrPeer) r.peer()).cidr().toCidrString(), r);
      }
      g.writeEndArray();
      g.writeArrayFieldStart("PrefixListIds");
      for (Rule r : p.prefixLists()) {
        peer(g, "PrefixListId", ((Peer.PrefixListPeer) r.peer()).prefixListId(), r);
      }
      g.writeEndArray();
      g.writeArrayFieldStart("UserIdGroupPairs");
      for (Rule r : p.groups()) {
        Peer.GroupPeer ref = (Peer.GroupPeer) r.peer();
        g.writeStartObject();
        optional(g, "Description", r.description());
        groupReference(g, ref);
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
    }
    g.writeEndArray();
  }

  private static void peer(JsonGenerator g, String field, String value, Rule r) throws IOException {
    g.writeStartObject();
    g.writeStringField(field, value);
    optional(g, "Description", r.description());
    g.writeEndObject();
  }

  private static void groupReference(JsonGenerator g, Peer.GroupPeer ref) throws IOException {
    g.writeStringField("GroupId", ref.groupId());
    optional(g, "UserId", ref.userId());
    optional(g, "VpcId", ref.vpcId());
    optional(g, "VpcPeeringConnectionId", ref.peeringId());
    optional(g, "PeeringStatus", ref.peeringStatus());
  }

  /** A group's rules as describe-security-group-rules returns them: one entry per rule, ports -1 where unused. */
  private static void securityGroupRules(JsonGenerator g, SecurityGroup sg) throws IOException {
    for (Direction d : List.of(Direction.INGRESS, Direction.EGRESS)) {
      for (Rule r : sg.rules(d)) {
        g.writeStartObject();
        optional(g, "SecurityGroupRuleId", r.ruleId());
        g.writeStringField("GroupId", sg.id());
        optional(g, "GroupOwnerId", sg.ownerId());
        g.writeBooleanField("IsEgress", d == Direction.EGRESS);
        g.writeStringField("IpProtocol", r.ports().protocol().awsName());
        g.writeNumberField("FromPort", r.ports().awsFromPort());
        g.writeNumberField("ToPort", r.ports().awsToPort());
        if (r.peer() instanceof Peer.CidrPeer c) {
          g.writeStringField(c.cidr().isIpv4() ? "CidrIpv4" : "CidrIpv6", c.cidr().toCidrString());
        } else if (r.peer() instanceof Peer.PrefixListPeer l) {
          g.writeStringField("PrefixListId", l.prefixListId());
        } else if (r.peer() instanceof Peer.GroupPeer ref) {
          g.writeObjectFieldStart("ReferencedGroupInfo");
          groupReference(g, ref);
          g.writeEndObject();
        }
        optional(g, "Description", r.description());
        g.writeEndObject();
      }
    }
  }

  /**
   * An ENI as describe-network-interfaces returns it. The first private IPv4 address is the primary one; each public
   * IP goes under the private address it is associated with ({@link NetworkInterface#publicIpv4ByPrivate()}), and one
   * whose private address is not known under the next private address without one, in order; the primary address's
   * (or, without private IPv4 addresses, the first) public IP is also shown as the ENI's {@code Association}.
   */
  private static void networkInterface(JsonGenerator g, NetworkInterface e, Function<String, String> groupNames)
      throws IOException {
    List<Cidr> publics = AwsValues.publicIpPerPrivateAddress(e);
    g.writeStartObject();
    g.writeStringField("NetworkInterfaceId", e.id());
    g.writeStringField("InterfaceType", e.interfaceType());
    optional(g, "Description", e.description());
    optional(g, "VpcId", e.vpcId());
    optional(g, "SubnetId", e.subnetId());
    optional(g, "AvailabilityZone", e.availabilityZone());
    optional(g, "OwnerId", e.ownerId());
    optional(g, "RequesterId", e.requesterId());
    g.writeBooleanField("RequesterManaged", e.requesterManaged());
    if (e.attachment().isPresent()) {
      NetworkInterface.Attachment a = e.attachment().get();
      g.writeObjectFieldStart("Attachment");
      optional(g, "InstanceId", a.instanceId().orElse(""));
      optional(g, "InstanceOwnerId", a.instanceOwnerId());
      g.writeNumberField("DeviceIndex", a.deviceIndex());
      g.writeEndObject();
    }
    if (!publics.isEmpty() && publics.get(0) != null) {
      association(g, publics.get(0));
    }
    if (!e.privateIpv4().isEmpty()) {
      g.writeStringField("PrivateIpAddress", e.privateIpv4().get(0).addressString());
    }
    g.writeArrayFieldStart("PrivateIpAddresses");
    for (int i = 0; i < e.privateIpv4().size(); i++) {
      g.writeStartObject();
      g.writeBooleanField("Primary", i == 0);
      g.writeStringField("PrivateIpAddress", e.privateIpv4().get(i).addressString());
      if (i < publics.size() && publics.get(i) != null) {
        association(g, publics.get(i));
      }
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeArrayFieldStart("Ipv6Addresses");
    for (Cidr a : e.ipv6()) {
      g.writeStartObject();
      g.writeStringField("Ipv6Address", a.addressString());
      g.writeEndObject();
    }
    g.writeEndArray();
    prefixes(g, "Ipv4Prefixes", "Ipv4Prefix", e.prefixes().stream().filter(Cidr::isIpv4).toList());
    prefixes(g, "Ipv6Prefixes", "Ipv6Prefix", e.prefixes().stream().filter(Cidr::isIpv6).toList());
    g.writeArrayFieldStart("Groups");
    for (String id : e.securityGroupIds()) {
      g.writeStartObject();
      g.writeStringField("GroupId", id);
      String name = groupNames.apply(id);
      if (name != null) {
        g.writeStringField("GroupName", name);
      }
      g.writeEndObject();
    }
    g.writeEndArray();
    tags(g, "TagSet", e.tags());
    g.writeEndObject();
  }

  private static void association(JsonGenerator g, Cidr publicIp) throws IOException {
    g.writeObjectFieldStart("Association");
    g.writeStringField("PublicIp", publicIp.addressString());
    g.writeEndObject();
  }

  static void prefixes(JsonGenerator g, String field, String inner, List<Cidr> prefixes) throws IOException {
    g.writeArrayFieldStart(field);
    for (Cidr p : prefixes) {
      g.writeStartObject();
      g.writeStringField(inner, p.toCidrString());
      g.writeEndObject();
    }
    g.writeEndArray();
  }

  /** A VPC as describe-vpcs returns it: the first IPv4 block as {@code CidrBlock}, every block in the sets. */
  private static void vpc(JsonGenerator g, Vpc v) throws IOException {
    List<Cidr> v4 = v.cidrs().stream().filter(Cidr::isIpv4).toList();
    g.writeStartObject();
    g.writeStringField("VpcId", v.id());
    optional(g, "OwnerId", v.ownerId());
    if (!v4.isEmpty()) {
      g.writeStringField("CidrBlock", v4.get(0).toCidrString());
    }
    prefixes(g, "CidrBlockAssociationSet", "CidrBlock", v4);
    prefixes(g, "Ipv6CidrBlockAssociationSet", "Ipv6CidrBlock", v.cidrs().stream().filter(Cidr::isIpv6).toList());
    g.writeEndObject();
  }

  private static void peering(JsonGenerator g, VpcPeering p) throws IOException {
    g.writeStartObject();
    g.writeStringField("VpcPeeringConnectionId", p.id());
    peeringSide(g, "RequesterVpcInfo", p.requesterVpcId(), p.requester());
    peeringSide(g, "AccepterVpcInfo", p.accepterVpcId(), p.accepter());
    g.writeObjectFieldStart("Status");
    optional(g, "Code", p.status());
    g.writeEndObject();
    g.writeEndObject();
  }

  /** One side of a peering: its VPC, owner, Region and blocks (the first IPv4 one also as {@code CidrBlock}). */
  private static void peeringSide(JsonGenerator g, String field, String vpcId, VpcPeering.Side side)
      throws IOException {
    List<Cidr> v4 = side.cidrs().stream().filter(Cidr::isIpv4).toList();
    g.writeObjectFieldStart(field);
    g.writeStringField("VpcId", vpcId);
    optional(g, "OwnerId", side.ownerId());
    optional(g, "Region", side.region());
    if (!v4.isEmpty()) {
      g.writeStringField("CidrBlock", v4.get(0).toCidrString());
      prefixes(g, "CidrBlockSet", "CidrBlock", v4);
    }
    List<Cidr> v6 = side.cidrs().stream().filter(Cidr::isIpv6).toList();
    if (!v6.isEmpty()) {
      prefixes(g, "Ipv6CidrBlockSet", "Ipv6CidrBlock", v6);
    }
    g.writeEndObject();
  }

  /** A list as describe-managed-prefix-lists returns it; its entries go to a file of their own. */
  private static void prefixList(JsonGenerator g, PrefixList list) throws IOException {
    List<Cidr> entries = list.entries().orElse(ImmutableList.of());
    String family = entries.isEmpty() ? "" : entries.stream().allMatch(Cidr::isIpv4) ? "IPv4"
        : entries.stream().allMatch(Cidr::isIpv6) ? "IPv6" : "";
    g.writeStartObject();
    g.writeStringField("PrefixListId", list.id());
    optional(g, "PrefixListName", list.name());
    optional(g, "AddressFamily", family);
    g.writeEndObject();
  }

  /** A cluster as eks describe-cluster returns it (its networking). */
  private static void eksCluster(JsonGenerator g, EksClusterInfo c) throws IOException {
    g.writeStartObject();
    g.writeStringField("name", c.name());
    g.writeObjectFieldStart("resourcesVpcConfig");
    optional(g, "vpcId", c.vpcId());
    optional(g, "clusterSecurityGroupId", c.clusterSecurityGroupId());
    strings(g, "securityGroupIds", c.securityGroupIds());
    strings(g, "subnetIds", c.subnetIds());
    g.writeBooleanField("endpointPublicAccess", c.endpointPublicAccess());
    g.writeBooleanField("endpointPrivateAccess", c.endpointPrivateAccess());
    strings(g, "publicAccessCidrs", c.publicAccessCidrs());
    g.writeEndObject();
    g.writeEndObject();
  }

  private static void loadBalancer(JsonGenerator g, LoadBalancer lb) throws IOException {
    g.writeStartObject();
    g.writeStringField("LoadBalancerArn", lb.arn());
    optional(g, "LoadBalancerName", lb.name());
    optional(g, "Type", lb.type());
    optional(g, "Scheme", lb.scheme());
    optional(g, "VpcId", lb.vpcId());
    strings(g, "SecurityGroups", lb.securityGroupIds());
    if (!lb.enforceInboundRulesOnPrivateLink()) {
      g.writeStringField("EnforceSecurityGroupInboundRulesOnPrivateLinkTraffic", "off");
    }
    g.writeEndObject();
  }

  // ---------------------------------------------------------------- plumbing

  static void optional(JsonGenerator g, String field, String value) throws IOException {
    if (value != null && !value.isEmpty()) {
      g.writeStringField(field, value);
    }
  }

  static void strings(JsonGenerator g, String field, List<String> values) throws IOException {
    g.writeArrayFieldStart(field);
    for (String v : values) {
      g.writeString(v);
    }
    g.writeEndArray();
  }

  private static void tags(JsonGenerator g, String field, Map<String, String> tags) throws IOException {
    g.writeArrayFieldStart(field);
    for (Map.Entry<String, String> t : tags.entrySet()) {
      g.writeStartObject();
      g.writeStringField("Key", t.getKey());
      g.writeStringField("Value", t.getValue());
      g.writeEndObject();
    }
    g.writeEndArray();
  }

  /** Writes one response file; {@code item} writes the array entries of one element (any number of them). */
  static <T> void response(Path folder, ResponseKind kind, List<T> items, Item<T> item) {
    document(folder.resolve(kind.fileName()), g -> {
      g.writeArrayFieldStart(kind.resultField());
      for (T i : items) {
        item.write(g, i);
      }
      g.writeEndArray();
    });
  }

  @FunctionalInterface
  interface Body {
    void write(JsonGenerator g) throws IOException;
  }

  /** Writes {@code {...}} pretty-printed with a final newline; {@code body} writes the fields. */
  static void document(Path file, Body body) {
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      try (OutputStream out = new BufferedOutputStream(opener.open(file), 1 << 16);
          JsonGenerator g = JSON.createGenerator(out)) {
        g.setPrettyPrinter(new DefaultPrettyPrinter()
            .withObjectIndenter(new DefaultIndenter("  ", "\n"))
            .withArrayIndenter(new DefaultIndenter("  ", "\n"))
            .withSeparators(Separators.createDefaultInstance()
                .withObjectFieldValueSpacing(Separators.Spacing.AFTER)));
        g.writeStartObject();
        body.write(g);
        g.writeEndObject();
        g.writeRaw('\n');
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }

  static <T> List<T> sorted(Collection<T> items, Function<T, String> id) {
    return items.stream().sorted(Comparator.comparing(id)).toList();
  }
}
