package dev.sgreach.aws;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
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
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
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
    // Files are parsed in parallel into SDK objects, then handed to the assembler in the order they were added, so
    // the network, and the first error reported, do not depend on timing.
    int threads = Math.min(sources.size(), Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors())));
    ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
      Thread t = new Thread(r, "sgreach-snapshot-reader");
      t.setDaemon(true);
      return t;
    });
    try {
      List<Future<List<Consumer<NetworkAssembler>>>> parsed = new ArrayList<>();
      for (Source s : sources) {
        parsed.add(pool.submit(() -> parse(s)));
      }
      NetworkAssembler assembler = new NetworkAssembler();
      for (Future<List<Consumer<NetworkAssembler>>> f : parsed) {
        for (Consumer<NetworkAssembler> feed : join(f)) {
          feed.accept(assembler);
        }
      }
      return assembler.build();
    } finally {
      pool.shutdownNow();
    }
  }

  private static <T> T join(Future<T> f) {
    try {
      return f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while reading a snapshot", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      if (e.getCause() instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException(e.getCause());
    }
  }

  /** Files larger than this are read item by item, so a region's JSON never sits in memory as one tree. */
  static long streamThreshold = 8L * 1024 * 1024;

  /** Hands one item, read into an SDK object, to the assembler. */
  @FunctionalInterface
  private interface Feed<T> {
    void to(NetworkAssembler assembler, T item, Loc loc);
  }

  /** Reads one JSON item of a response's item array. */
  @FunctionalInterface
  private interface ItemReader {
    Consumer<NetworkAssembler> read(JsonNode item, Loc loc);
  }

  private static <B, T> ItemReader item(ObjectMapper mapper, Class<? extends B> builderClass, Function<B, T> build,
      Feed<T> feed) {
    return (node, at) -> {
      T sdk = AwsJson.toSdk(mapper, node, builderClass, build, at);
      return a -> feed.to(a, sdk, at);
    };
  }

  /** How to read one item of the kinds whose response is an array of items; null for the other kinds. */
  private static ItemReader itemReader(ResponseKind kind) {
    return switch (kind) {
      case SECURITY_GROUPS -> item(AwsJson.UPPER, SecurityGroup.serializableBuilderClass(),
          SecurityGroup.Builder::build, NetworkAssembler::securityGroup);
      case SECURITY_GROUP_RULES -> item(AwsJson.UPPER, SecurityGroupRule.serializableBuilderClass(),
          SecurityGroupRule.Builder::build, NetworkAssembler::securityGroupRule);
      case NETWORK_INTERFACES -> item(AwsJson.UPPER, NetworkInterface.serializableBuilderClass(),
          NetworkInterface.Builder::build, NetworkAssembler::networkInterface);
      case VPCS -> item(AwsJson.UPPER, Vpc.serializableBuilderClass(), Vpc.Builder::build, NetworkAssembler::vpc);
      case VPC_PEERING_CONNECTIONS -> item(AwsJson.UPPER, VpcPeeringConnection.serializableBuilderClass(),
          VpcPeeringConnection.Builder::build, NetworkAssembler::peering);
      case MANAGED_PREFIX_LISTS -> item(AwsJson.UPPER, ManagedPrefixList.serializableBuilderClass(),
          ManagedPrefixList.Builder::build, NetworkAssembler::managedPrefixList);
      case PREFIX_LISTS -> item(AwsJson.UPPER, PrefixList.serializableBuilderClass(), PrefixList.Builder::build,
          NetworkAssembler::awsManagedPrefixList);
      case LOAD_BALANCERS -> item(AwsJson.UPPER, LoadBalancer.serializableBuilderClass(),
          LoadBalancer.Builder::build, NetworkAssembler::loadBalancer);
      default -> null;
    };
  }

  /** One file read into SDK objects, as feeds for the assembler in item order. */
  private static List<Consumer<NetworkAssembler>> parse(Source s) {
    LOG.debug("reading {} as {}", s.file(), s.kind());
    ItemReader reader = itemReader(s.kind());
    if (reader != null && size(s.file()) > streamThreshold) {
      List<Consumer<NetworkAssembler>> streamed = stream(s, reader);
      if (streamed != null) {
        return streamed;
      }
    }
    return fromTree(s, reader);
  }

  private static long size(Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      return 0; // the tree path reports a missing or unreadable file properly
    }
  }

  /**
   * Reads a plain response ({@code {"SecurityGroups": [...], ...}}) item by item. Returns null for anything else
   * (a wrapped recording, a missing or non-array items field, trailing text), which the tree path then reads and
   * reports.
   */
  private static List<Consumer<NetworkAssembler>> stream(Source s, ItemReader reader) {
    List<Consumer<NetworkAssembler>> out = new ArrayList<>();
    Loc at = Loc.root(s.shownAs()).field(s.itemsField());
    boolean found = false;
    try (JsonParser p = AwsJson.UPPER.getFactory().createParser(s.file().toFile())) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        return null;
      }
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        JsonToken value = p.nextToken();
        if (name.equals("status_code")) {
          return null;
        }
        if (name.equals(s.itemsField()) && !found) {
          if (value != JsonToken.START_ARRAY) {
            return null;
          }
          for (int i = 0; p.nextToken() != JsonToken.END_ARRAY; i++) {
            JsonNode item = AwsJson.UPPER.readTree(p);
            out.add(reader.read(item, at.index(i)));
          }
          found = true;
        } else {
          p.skipChildren();
        }
      }
      return found && p.nextToken() == null ? out : null;
    } catch (JsonProcessingException e) {
      throw AwsJson.syntaxError(e, s.shownAs());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + s.file(), e);
    }
  }

  private static List<Consumer<NetworkAssembler>> fromTree(Source s, ItemReader reader) {
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
    List<Consumer<NetworkAssembler>> out = new ArrayList<>();
    if (reader != null) {
      if (!items.isArray()) {
        throw at.fail(AwsJson.text(items), "is not a JSON array");
      }
      Iterator<JsonNode> it = items.elements();
      for (int i = 0; it.hasNext(); i++) {
        out.add(reader.read(it.next(), at.index(i)));
      }
      return out;
    }
    switch (s.kind()) {
      case MANAGED_PREFIX_LIST_ENTRIES -> {
        GetManagedPrefixListEntriesResponse r = AwsJson.toSdk(AwsJson.UPPER, root,
            GetManagedPrefixListEntriesResponse.serializableBuilderClass(),
            GetManagedPrefixListEntriesResponse.Builder::build, loc);
        out.add(a -> a.prefixListEntries(s.prefixListId(), r.entries(), at));
      }
      case EKS_CLUSTER -> {
        Cluster c = AwsJson.toSdk(AwsJson.LOWER, items, Cluster.serializableBuilderClass(), Cluster.Builder::build,
            at);
        out.add(a -> a.eksCluster(c, at));
      }
      default -> throw new IllegalStateException("unhandled " + s.kind());
    }
    return out;
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
