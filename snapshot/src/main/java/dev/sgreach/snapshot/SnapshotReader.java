package dev.sgreach.snapshot;

import dev.sgreach.model.Network;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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
 *
 * <p>Files are parsed with Jackson's streaming parser straight into the model (no JSON tree, no AWS SDK), several
 * at a time on up to four threads: describe-security-group-rules files first, since the groups they name take their
 * rules from them and the groups files then skip those groups' {@code IpPermissions} unread; then the largest first.
 * The results are assembled in the order the files were added, so the network, and the first error reported, do not
 * depend on timing.
 */
public final class SnapshotReader {
  private static final Logger LOG = LoggerFactory.getLogger(SnapshotReader.class);
  private static final int MAX_DEPTH = 6;
  /** Threads that parse files at once; at most this many (and never more than the processors). */
  static int maxThreads = 4;

  /** One response file to read, as added. */
  private record Source(ResponseKind kind, Path file, String shownAs, String itemsField, String prefixListId) {}

  private final List<Source> sources = new ArrayList<>();

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
   * {@code .json} is taken as the list id (use {@link #prefixListEntries} otherwise), and for the per-table transit
   * gateway responses as the route table id.
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
    String listId = kind == ResponseKind.MANAGED_PREFIX_LIST_ENTRIES || kind.isPerTable()
        ? name.replaceFirst("\\.json$", "") : null;
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
    // A group's IpPermissions are used only where describe-security-group-rules does not name the group, so the
    // rules files are read first and the groups files skip the IpPermissions of the groups they name.
    Set<String> ruledGroups = ConcurrentHashMap.newKeySet();
    CountDownLatch rulesRead = new CountDownLatch(1);
    Predicate<String> ruled = id -> {
      await(rulesRead);
      return ruledGroups.contains(id);
    };
    List<ResponseFile> files = sources.stream().map(s -> new ResponseFile(s.kind(), s.file(), s.shownAs(),
        s.itemsField(), s.prefixListId(), ruled, ruledGroups)).toList();
    // rules files first, then the largest first, so that big files do not queue behind each other on one thread
    long[] sizes = files.stream().mapToLong(ResponseFile::size).toArray();
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < files.size(); i++) {
      order.add(i);
    }
    order.sort(Comparator.comparing((Integer i) -> files.get(i).kind() != ResponseKind.SECURITY_GROUP_RULES)
        .thenComparing(Comparator.comparingLong((Integer i) -> sizes[i]).reversed()));
    List<Integer> rules = order.stream().filter(i -> files.get(i).kind() == ResponseKind.SECURITY_GROUP_RULES)
        .toList();
    int threads = Math.min(files.size(), Math.max(1, Math.min(maxThreads,
        Runtime.getRuntime().availableProcessors())));
    List<List<Consumer<NetworkAssembler>>> parsed = new ArrayList<>(files.size());
    for (int i = 0; i < files.size(); i++) {
      parsed.add(null);
    }
    if (threads == 1) {
      for (int i : rules) {
        parsed.set(i, read(files.get(i)));
      }
      rulesRead.countDown();
      for (int i : order.subList(rules.size(), order.size())) {
        parsed.set(i, read(files.get(i)));
      }
      return assemble(parsed);
    }
    ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
      Thread t = new Thread(r, "sgreach-snapshot-reader");
      t.setDaemon(true);
      return t;
    });
    try {
      // the pool takes tasks in order, so every rules file has started before a groups file can wait for them
      List<Future<List<Consumer<NetworkAssembler>>>> futures = new ArrayList<>(files.size());
      for (int i = 0; i < files.size(); i++) {
        futures.add(null);
      }
      for (int i : order) {
        ResponseFile f = files.get(i);
        futures.set(i, pool.submit(() -> read(f)));
      }
      for (int i : rules) {
        parsed.set(i, join(futures.get(i)));
      }
      rulesRead.countDown();
      for (int i = 0; i < files.size(); i++) {
        parsed.set(i, join(futures.get(i)));
      }
      return assemble(parsed);
    } finally {
      rulesRead.countDown();
      pool.shutdownNow();
    }
  }

  /** Feeds the parsed files to one assembler in the order they were added, and builds the network. */
  private static Network assemble(List<List<Consumer<NetworkAssembler>>> parsed) {
    NetworkAssembler assembler = new NetworkAssembler();
    for (List<Consumer<NetworkAssembler>> feeds : parsed) {
      feed(assembler, feeds);
    }
    return assembler.build();
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while reading a snapshot", e);
    }
  }

  private static List<Consumer<NetworkAssembler>> read(ResponseFile f) {
    LOG.debug("reading {} as {}", f.file(), f.kind());
    return f.read();
  }

  private static void feed(NetworkAssembler assembler, List<Consumer<NetworkAssembler>> feeds) {
    for (Consumer<NetworkAssembler> feed : feeds) {
      feed.accept(assembler);
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
