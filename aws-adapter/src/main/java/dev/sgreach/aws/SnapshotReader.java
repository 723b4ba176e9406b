package dev.sgreach.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sgreach.model.Network;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.ec2.model.GetManagedPrefixListEntriesResponse;
import software.amazon.awssdk.services.ec2.model.ManagedPrefixList;
import software.amazon.awssdk.services.ec2.model.NetworkInterface;
import software.amazon.awssdk.services.ec2.model.PrefixList;
import software.amazon.awssdk.services.ec2.model.SecurityGroup;
import software.amazon.awssdk.services.ec2.model.SecurityGroupRule;
import software.amazon.awssdk.services.ec2.model.Vpc;
import software.amazon.awssdk.services.ec2.model.VpcPeeringConnection;
import software.amazon.awssdk.services.eks.model.Cluster;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.LoadBalancer;

/**
 * Reads saved AWS API responses (AWS CLI JSON) into one {@link Network}: whole snapshot folders, single files named
 * by the {@link ResponseKind} they hold, or both. Several files of one kind (pages, accounts, regions, recordings)
 * are merged.
 *
 * <pre>{@code
 * Network n = SnapshotReader.create()
 *     .file(ResponseKind.SECURITY_GROUPS, Path.of("ec2.DescribeSecurityGroups_1.json"))
 *     .file(ResponseKind.NETWORK_INTERFACES, Path.of("ec2.DescribeNetworkInterfaces_1.json"))
 *     .read();
 * }</pre>
 *
 * <p>Each file may be a plain response or a cloud-custodian placebo recording ({@code {"status_code": 200,
 * "data": {...}}}), which is unwrapped; a recorded error response is refused. Unknown fields are ignored. Any bad
 * value stops the read with a {@link SnapshotException} naming file, JSON path and value: never a partial network.
 */
public final class SnapshotReader {
  private static final Logger LOG = LoggerFactory.getLogger(SnapshotReader.class);
  private static final int MAX_DEPTH = 6;

  private final List<Source> sources = new ArrayList<>();

  /** One response file to read. */
  private record Source(ResponseKind kind, Path file, String shownAs, String itemsField, String prefixListId) {}

  private SnapshotReader() {}

  /** An empty reader. */
  public static SnapshotReader create() {
    return new SnapshotReader();
  }

  /**
   * Adds every response a snapshot folder holds, in any of the layouts sgreach knows: the sgreach / CloudMapper
   * layout ({@code ec2-describe-security-groups.json}, ...), Batfish's {@code aws_configs} ({@code SecurityGroups.json},
   * ...), and subfolders of either at any depth up to 6 ({@code aws_configs/accounts/<account>/<region>/},
   * {@code aws_configs/us-west-2/}, CloudMapper's {@code account-data/<account>/<region>/}).
   *
   * @throws SnapshotException when the folder holds no security groups, rules or network interfaces at all, naming
   *     the files looked for
   */
  public SnapshotReader folder(Path folder) {
    if (!Files.isDirectory(folder)) {
      throw new SnapshotException(folder.toString(), "$", null, "is not a folder");
    }
    List<Source> found = new ArrayList<>();
    for (Path dir : directories(folder)) {
      for (ResponseKind kind : ResponseKind.values()) {
        if (kind.isFolder()) {
          for (Path file : jsonFiles(dir.resolve(kind.fileName()))) {
            String name = file.getFileName().toString();
            found.add(new Source(kind, file, shown(folder, file), kind.resultField(),
                name.substring(0, name.length() - ".json".length())));
          }
        } else {
          Stream.concat(Stream.of(kind.fileName()), kind.batfishFileName().stream())
              .map(dir::resolve).filter(Files::isRegularFile)
              .forEach(file -> found.add(new Source(kind, file, shown(folder, file), kind.resultField(), null)));
        }
      }
    }
    Set<ResponseKind> kinds = found.stream().map(Source::kind).collect(Collectors.toCollection(
        () -> EnumSet.noneOf(ResponseKind.class)));
    if (!kinds.contains(ResponseKind.SECURITY_GROUPS) && !kinds.contains(ResponseKind.NETWORK_INTERFACES)
        && !kinds.contains(ResponseKind.SECURITY_GROUP_RULES)) {
      throw new SnapshotException(folder.toString(), "$", null, "holds no security groups or network interfaces:"
          + " looked for " + String.join(", ", lookedFor()) + " in it and its subfolders");
    }
    sources.addAll(found);
    return this;
  }

  /**
   * Adds one response file. For {@link ResponseKind#MANAGED_PREFIX_LIST_ENTRIES} the file name without
   * {@code .json} is taken as the list id (use {@link #prefixListEntries} otherwise).
   */
  public SnapshotReader file(ResponseKind kind, Path file) {
    return file(kind, file, kind.resultField());
  }

  /**
   * Adds one file whose items sit under a different top-level field than the AWS response's, e.g. test fixtures
   * that keep describe-security-groups items under {@code "DESCRIBE_SGS"}.
   */
  public SnapshotReader file(ResponseKind kind, Path file, String itemsField) {
    String name = file.getFileName().toString();
    String listId = kind == ResponseKind.MANAGED_PREFIX_LIST_ENTRIES ? name.replaceFirst("\\.json$", "") : null;
    sources.add(new Source(kind, file, name, itemsField, listId));
    return this;
  }

  /** Adds a get-managed-prefix-list-entries response for the list with this id. */
  public SnapshotReader prefixListEntries(String prefixListId, Path file) {
    sources.add(new Source(ResponseKind.MANAGED_PREFIX_LIST_ENTRIES, file, file.getFileName().toString(),
        ResponseKind.MANAGED_PREFIX_LIST_ENTRIES.resultField(), prefixListId));
    return this;
  }

  /**
   * Reads every file added and builds the network.
   *
   * @throws SnapshotException on the first bad file or value
   */
  public Network read() {
    if (sources.isEmpty()) {
      throw new SnapshotException("(no files)", "$", null, "nothing to read: add a folder or response files");
    }
    NetworkAssembler assembler = new NetworkAssembler();
    for (Source s : sources) {
      LOG.debug("reading {} as {}", s.file(), s.kind());
      read(s, assembler);
    }
    return assembler.build();
  }

  private static void read(Source s, NetworkAssembler into) {
    Loc loc = Loc.root(s.shownAs());
    JsonNode root = AwsJson.readTree(s.file(), s.shownAs());
    if (root.isObject() && root.has("status_code") && root.has("data")) {
      JsonNode status = root.get("status_code");
      if (!status.isInt() || status.intValue() != 200) {
        JsonNode error = root.get("data").path("Error");
        throw loc.field("status_code").fail(AwsJson.text(status), "is a recorded error response, not data"
            + (error.isObject() ? " (" + error.path("Code").asText() + ": " + error.path("Message").asText() + ")"
            : ""));
      }
      root = root.get("data");
      loc = loc.field("data");
    }
    if (!root.isObject()) {
      throw loc.fail(AwsJson.text(root), "is not a JSON object holding a " + s.kind().resultField() + " field");
    }
    JsonNode items = root.get(s.itemsField());
    Loc at = loc.field(s.itemsField());
    if (items == null) {
      List<String> fields = new ArrayList<>();
      root.fieldNames().forEachRemaining(fields::add);
      throw at.fail(null, s.itemsField() + " is missing: this is not a " + s.kind() + " response (its fields: "
          + String.join(", ", fields) + ")");
    }
    switch (s.kind()) {
      case SECURITY_GROUPS -> each(items, at, AwsJson.UPPER, SecurityGroup.serializableBuilderClass(),
          SecurityGroup.Builder::build, into::securityGroup);
      case SECURITY_GROUP_RULES -> each(items, at, AwsJson.UPPER, SecurityGroupRule.serializableBuilderClass(),
          SecurityGroupRule.Builder::build, into::securityGroupRule);
      case NETWORK_INTERFACES -> each(items, at, AwsJson.UPPER, NetworkInterface.serializableBuilderClass(),
          NetworkInterface.Builder::build, into::networkInterface);
      case VPCS -> each(items, at, AwsJson.UPPER, Vpc.serializableBuilderClass(), Vpc.Builder::build, into::vpc);
      case VPC_PEERING_CONNECTIONS -> each(items, at, AwsJson.UPPER,
          VpcPeeringConnection.serializableBuilderClass(), VpcPeeringConnection.Builder::build, into::peering);
      case MANAGED_PREFIX_LISTS -> each(items, at, AwsJson.UPPER, ManagedPrefixList.serializableBuilderClass(),
          ManagedPrefixList.Builder::build, into::managedPrefixList);
      case MANAGED_PREFIX_LIST_ENTRIES -> {
        GetManagedPrefixListEntriesResponse r = AwsJson.toSdk(AwsJson.UPPER, root,
            GetManagedPrefixListEntriesResponse.serializableBuilderClass(),
            GetManagedPrefixListEntriesResponse.Builder::build, loc);
        into.prefixListEntries(s.prefixListId(), r.entries(), at);
      }
      case PREFIX_LISTS -> each(items, at, AwsJson.UPPER, PrefixList.serializableBuilderClass(),
          PrefixList.Builder::build, into::awsManagedPrefixList);
      case EKS_CLUSTER -> into.eksCluster(AwsJson.toSdk(AwsJson.LOWER, items, Cluster.serializableBuilderClass(),
          Cluster.Builder::build, at), at);
      case LOAD_BALANCERS -> each(items, at, AwsJson.UPPER, LoadBalancer.serializableBuilderClass(),
          LoadBalancer.Builder::build, into::loadBalancer);
      default -> throw new IllegalStateException("unhandled " + s.kind());
    }
  }

  private static <B, T> void each(JsonNode items, Loc loc, ObjectMapper mapper, Class<? extends B> builderClass,
      Function<B, T> build, BiConsumer<T, Loc> sink) {
    if (!items.isArray()) {
      throw loc.fail(AwsJson.text(items), "is not a JSON array");
    }
    Iterator<JsonNode> it = items.elements();
    for (int i = 0; it.hasNext(); i++) {
      Loc at = loc.index(i);
      sink.accept(AwsJson.toSdk(mapper, it.next(), builderClass, build, at), at);
    }
  }

  private static List<String> lookedFor() {
    List<String> names = new ArrayList<>();
    for (ResponseKind k : List.of(ResponseKind.SECURITY_GROUPS, ResponseKind.SECURITY_GROUP_RULES,
        ResponseKind.NETWORK_INTERFACES)) {
      names.add(k.fileName());
      k.batfishFileName().ifPresent(names::add);
    }
    return names;
  }

  private static String shown(Path root, Path file) {
    return root.relativize(file).toString();
  }

  /** The folder and its subfolders in a stable order, leaving out the per-item folders of the layout. */
  private static List<Path> directories(Path folder) {
    Set<String> itemFolders = Stream.of(ResponseKind.values()).filter(ResponseKind::isFolder)
        .map(ResponseKind::fileName).collect(Collectors.toSet());
    try (Stream<Path> walk = Files.walk(folder, MAX_DEPTH)) {
      return walk.filter(Files::isDirectory)
          .filter(d -> d.equals(folder) || !itemFolders.contains(d.getFileName().toString()))
          .sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + folder, e);
    }
  }

  private static List<Path> jsonFiles(Path dir) {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(f -> f.getFileName().toString().endsWith(".json") && Files.isRegularFile(f)).sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + dir, e);
    }
  }
}
