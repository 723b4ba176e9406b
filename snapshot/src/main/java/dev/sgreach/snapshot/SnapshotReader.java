package dev.sgreach.snapshot;

import dev.sgreach.model.AwsId;
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
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads saved AWS API responses (AWS CLI JSON) into one {@link Network}: whole snapshot folders, single files named
 * by the {@link ResponseKind} they hold, or both. Several files of one kind (accounts, regions, recordings) are
 * merged where they agree; where two describe one thing differently, the read fails naming both.
 *
 * <pre>{@code
 * Network n = SnapshotReader.create()
 *     .file(ResponseKind.SECURITY_GROUPS, Path.of("ec2.DescribeSecurityGroups_1.json"))
 *     .file(ResponseKind.NETWORK_INTERFACES, Path.of("ec2.DescribeNetworkInterfaces_1.json"))
 *     .read();
 * }</pre>
 *
 * <p>Each file may be a plain response or a cloud-custodian placebo recording ({@code {"status_code": 200,
 * "data": {...}}}), which is unwrapped; a recorded error response is refused, and so is one page of a longer answer
 * (a {@code NextToken}). Unknown fields are ignored. Any bad value stops the read with a {@link SnapshotException}
 * naming file, JSON path and value: never a partial network.
 *
 * <p>Files are parsed with Jackson's streaming parser straight into the model (no JSON tree, no AWS SDK), several
 * at a time on up to four threads, the largest first. The results are assembled in the order the files were added,
 * so the network, and the first error reported, do not depend on timing. A worker that runs out of memory or stack
 * hands the error to the calling thread, which throws it.
 */
public final class SnapshotReader {
  private static final Logger LOG = LoggerFactory.getLogger(SnapshotReader.class);
  /** Threads that parse files at once; at most this many (and never more than the processors). */
  static int maxThreads = 4;
  /** An AWS region's name, as the Batfish and CloudMapper layouts name their region folders. */
  private static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z]+)+-[0-9]{1,2}");

  /**
   * One response file to be read.
   *
   * @param kind the response it holds
   * @param file where it is
   * @param shownAs how messages name it (relative to the snapshot folder it was found in)
   */
  public record Input(ResponseKind kind, Path file, String shownAs) {}

  /** One response file to read, as added. */
  private record Source(ResponseKind kind, Path file, String shownAs, String itemsField, String prefixListId) {}

  private final List<Source> sources = new ArrayList<>();
  private final List<Path> ignored = new ArrayList<>();

  private SnapshotReader() {}

  /** An empty reader. */
  public static SnapshotReader create() {
    return new SnapshotReader();
  }

  /**
   * Adds every response a snapshot folder holds, in the layouts sgreach documents, and nothing else:
   * <ul>
   *   <li>the folder's own files, named as the sgreach / CloudMapper layout names them
   *       ({@code ec2-describe-security-groups.json}, ...) or as Batfish's {@code aws_configs} does
   *       ({@code SecurityGroups.json}, ...), with the per-item folders {@code ec2-get-managed-prefix-list-entries/}
   *       and {@code eks-describe-cluster/};
   *   <li>region folders ({@code us-west-2/}) and Batfish's account folders ({@code accounts/<account>/} and
   *       {@code accounts/<account>/<region>/}), each a folder of the same files;
   *   <li>a Batfish project's {@code aws_configs/} and CloudMapper's {@code account-data/<account>/<region>/}, read
   *       as above.
   * </ul>
   * Any other subfolder ({@code 2023-backup/}, {@code .git/}) is not read: {@link #ignored()} lists them. Every
   * folder that holds a response must hold both describe-security-groups and describe-network-interfaces: without
   * the ENIs nothing could be reached or exposed, and an answer from it would be a silent all-clear.
   *
   * @throws SnapshotException when the path is empty or not a folder, when no folder of the layout holds security
   *     groups, rules or network interfaces (naming the files looked for), or, once read, when a folder lacks one of
   *     the two files (naming it)
   */
  public SnapshotReader folder(Path folder) {
    if (folder.toString().isEmpty()) {
      throw new SnapshotException("(empty path)", "$", "", "an empty path names no snapshot folder (it would read the"
          + " working directory): give the folder's path");
    }
    if (!Files.isDirectory(folder)) {
      throw new SnapshotException(folder.toString(), "$", null, Files.exists(folder) ? "is not a folder"
          : "no such folder");
    }
    List<Source> found = new ArrayList<>();
    for (Path dir : layoutFolders(folder)) {
      for (ResponseKind kind : ResponseKind.values()) {
        if (kind.isFolder()) {
          for (Path file : jsonFiles(dir.resolve(kind.fileName()))) {
            String name = file.getFileName().toString();
            found.add(new Source(kind, file, shown(folder, file), kind.resultField(),
                ownerId(kind, name.substring(0, name.length() - ".json".length()), shown(folder, file))));
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
          + " looked for " + String.join(", ", lookedFor()) + " in it and its subfolders"
          + (ignored.isEmpty() ? "" : " (not in " + ignored.stream().map(p -> shown(folder, p) + "/")
              .collect(Collectors.joining(", ")) + ", which are not folders of the layout: region, accounts/,"
              + " aws_configs/, account-data/)"));
    }
    sources.addAll(found);
    completeness.add(() -> requireGroupsAndInterfaces(folder, found));
    return this;
  }

  /** The checks a folder's files must pass once they are all read (see {@link #folder}). */
  private final List<Runnable> completeness = new ArrayList<>();

  /** Each folder that holds a response holds both the groups and the network interfaces. */
  private static void requireGroupsAndInterfaces(Path root, List<Source> found) {
    java.util.Map<Path, Set<ResponseKind>> byFolder = new java.util.LinkedHashMap<>();
    for (Source s : found) {
      Path dir = s.kind().isFolder() ? s.file().getParent().getParent() : s.file().getParent();
      byFolder.computeIfAbsent(dir, d -> EnumSet.noneOf(ResponseKind.class)).add(s.kind());
    }
    byFolder.forEach((dir, kinds) -> {
      for (ResponseKind needed : List.of(ResponseKind.SECURITY_GROUPS, ResponseKind.NETWORK_INTERFACES)) {
        if (!kinds.contains(needed)) {
          String where = dir.equals(root) ? root.toString() : shown(root, dir);
          throw new SnapshotException(where, "$", null, "holds no " + needed.fileName()
              + needed.batfishFileName().map(b -> " (nor " + b + ")").orElse("") + ": a snapshot folder needs both"
              + " the security groups and the network interfaces; without "
              + (needed == ResponseKind.NETWORK_INTERFACES ? "the ENIs nothing could be reached or exposed"
                  : "the groups no ENI's rules are known")
              + ", so save aws ec2 " + (needed == ResponseKind.NETWORK_INTERFACES ? "describe-network-interfaces"
                  : "describe-security-groups") + " there as " + needed.fileName());
        }
      }
    });
  }

  /**
   * The id a file of a per-id folder is named by: a prefix-list entries file's list, a per-table transit gateway
   * response's route table; null for every other kind.
   */
  private static String ownerId(ResponseKind kind, String name, String shownAs) {
    if (kind == ResponseKind.MANAGED_PREFIX_LIST_ENTRIES) {
      return listId(name, shownAs);
    }
    if (kind.isPerTable()) {
      if (!AwsId.TRANSIT_GATEWAY_ROUTE_TABLE.matches(name)) {
        throw new SnapshotException(shownAs, "$", name, "names no transit gateway route table: each file of "
            + kind.fileName() + "/ is named by its route table's id, as in tgw-rtb-0a1b2c3d.json, and this is not "
            + AwsId.TRANSIT_GATEWAY_ROUTE_TABLE.description());
      }
      return name;
    }
    return null;
  }

  /** A prefix-list entries file's name, which is its list's id. */
  private static String listId(String name, String shownAs) {
    if (!AwsId.PREFIX_LIST.matches(name)) {
      throw new SnapshotException(shownAs, "$", name, "names no prefix list: each file of "
          + ResponseKind.MANAGED_PREFIX_LIST_ENTRIES.fileName() + "/ is named by its list's id, as in pl-0a1b2c3d.json,"
          + " and this is not " + AwsId.PREFIX_LIST.description());
    }
    return name;
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
    String listId = ownerId(kind, name.replaceFirst("\\.json$", ""), name);
    sources.add(new Source(kind, file, name, itemsField, listId));
    return this;
  }

  /** Adds a get-managed-prefix-list-entries response for the list with this id. */
  public SnapshotReader prefixListEntries(String prefixListId, Path file) {
    String name = file.getFileName().toString();
    sources.add(new Source(ResponseKind.MANAGED_PREFIX_LIST_ENTRIES, file, name,
        ResponseKind.MANAGED_PREFIX_LIST_ENTRIES.resultField(), AwsId.PREFIX_LIST.matches(prefixListId)
            ? prefixListId : listId(String.valueOf(prefixListId), name)));
    return this;
  }

  /** The files added so far, in the order they are assembled. */
  public List<Input> inputs() {
    return sources.stream().map(s -> new Input(s.kind(), s.file(), s.shownAs())).toList();
  }

  /** The subfolders of the folders added that are not part of the layout, and so are not read. */
  public List<Path> ignored() {
    return List.copyOf(ignored);
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
    List<ResponseFile> files = sources.stream().map(s -> new ResponseFile(s.kind(), s.file(), s.shownAs(),
        s.itemsField(), s.prefixListId())).toList();
    // the largest first, so that big files do not queue behind each other on one thread
    long[] sizes = files.stream().mapToLong(ResponseFile::size).toArray();
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < files.size(); i++) {
      order.add(i);
    }
    order.sort(Comparator.comparingLong((Integer i) -> sizes[i]).reversed());
    int threads = Math.min(files.size(), Math.max(1, Math.min(maxThreads,
        Runtime.getRuntime().availableProcessors())));
    List<List<Consumer<NetworkAssembler>>> parsed = new ArrayList<>(files.size());
    for (int i = 0; i < files.size(); i++) {
      parsed.add(null);
    }
    if (threads == 1) {
      for (int i : order) {
        parsed.set(i, read(files.get(i)));
      }
    } else {
      ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
        Thread t = new Thread(r, "sgreach-snapshot-reader");
        t.setDaemon(true);
        return t;
      });
      try {
        List<Future<List<Consumer<NetworkAssembler>>>> futures = new ArrayList<>(files.size());
        for (int i = 0; i < files.size(); i++) {
          futures.add(null);
        }
        for (int i : order) {
          ResponseFile f = files.get(i);
          futures.set(i, pool.submit(() -> read(f)));
        }
        for (int i = 0; i < files.size(); i++) {
          parsed.set(i, join(futures.get(i)));
        }
      } finally {
        pool.shutdownNow();
      }
    }
    completeness.forEach(Runnable::run);
    return assemble(parsed);
  }

  /** Feeds the parsed files to one assembler in the order they were added, and builds the network. */
  private static Network assemble(List<List<Consumer<NetworkAssembler>>> parsed) {
    NetworkAssembler assembler = new NetworkAssembler();
    for (List<Consumer<NetworkAssembler>> feeds : parsed) {
      for (Consumer<NetworkAssembler> feed : feeds) {
        feed.accept(assembler);
      }
    }
    return assembler.build();
  }

  private static List<Consumer<NetworkAssembler>> read(ResponseFile f) {
    LOG.debug("reading {} as {}", f.file(), f.kind());
    return f.read();
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
        throw err; // out of memory or stack on a worker: the caller's to report
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

  /**
   * The folders of the layout under {@code root}, in a stable order: the root, its region and account folders, and
   * those of a Batfish {@code aws_configs/} or a CloudMapper {@code account-data/} in it. Other subfolders are
   * noted in {@link #ignored} and not read.
   */
  private List<Path> layoutFolders(Path root) {
    List<Path> out = new ArrayList<>();
    out.add(root);
    for (Path sub : subfolders(root)) {
      String name = sub.getFileName().toString();
      if (name.equals("aws_configs")) {
        dataFolder(sub, out);
      } else if (name.equals("account-data")) {
        for (Path account : subfolders(sub)) {
          out.add(account);
          regions(account, out);
        }
      } else if (!layoutSubfolder(sub, out)) {
        ignore(sub);
      }
    }
    return out;
  }

  /** A folder of files with region and account folders in it (the root, or Batfish's {@code aws_configs}). */
  private void dataFolder(Path dir, List<Path> out) {
    out.add(dir);
    for (Path sub : subfolders(dir)) {
      if (!layoutSubfolder(sub, out)) {
        ignore(sub);
      }
    }
  }

  /** Adds {@code sub} when it is a region folder, an {@code accounts/} folder, or a per-item folder. */
  private boolean layoutSubfolder(Path sub, List<Path> out) {
    String name = sub.getFileName().toString();
    if (isItemFolder(name)) {
      return true; // read through its kind
    }
    if (REGION.matcher(name).matches()) {
      out.add(sub);
      return true;
    }
    if (name.equals("accounts")) {
      for (Path account : subfolders(sub)) {
        out.add(account);
        regions(account, out);
      }
      return true;
    }
    return false;
  }

  /** The region folders of an account folder. */
  private void regions(Path account, List<Path> out) {
    for (Path region : subfolders(account)) {
      String name = region.getFileName().toString();
      if (REGION.matcher(name).matches()) {
        out.add(region);
      } else if (!isItemFolder(name)) {
        ignore(region);
      }
    }
  }

  private void ignore(Path dir) {
    LOG.debug("not reading {}: not a folder of the snapshot layout", dir);
    ignored.add(dir);
  }

  private static boolean isItemFolder(String name) {
    return Stream.of(ResponseKind.values()).anyMatch(k -> k.isFolder() && k.fileName().equals(name));
  }

  private static List<Path> subfolders(Path dir) {
    try (Stream<Path> list = Files.list(dir)) {
      return list.filter(Files::isDirectory).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + dir, e);
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
