package dev.sgreach.cli;

import com.google.common.collect.ImmutableList;
import dev.sgreach.engine.Member;
import dev.sgreach.engine.Outcome;
import dev.sgreach.engine.Reachability;
import dev.sgreach.engine.Verdict;
import dev.sgreach.model.Traffic;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.stream.IntStream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** {@code sgreach reach}: one query with its proof, or a file of queries answered one a line. */
@Command(name = "reach", mixinStandardHelpOptions = true, versionProvider = ManifestVersion.class,
    header = "Can FROM open a connection to TO with this traffic, and why (not)?",
    description = {
        "With --from, --to and --port: prints the verdict and its proof (the rules that admit the flow, or the "
            + "blocking side, the near misses and the rule to add, with its aws cli command).%n",
        "With --queries FILE ('-' for standard input): reads one query 'FROM TO SPEC' a line (blank lines "
            + "skipped, '#' starts a comment) and prints 'FROM<TAB>TO<TAB>SPEC<TAB>allowed|denied|unknown' a line, "
            + "in input order, with the fields echoed as written. Every line is checked before any is answered: "
            + "a bad line prints nothing on standard output, one line on standard error naming the file, the line "
            + "and the bad value, and exits 2. A queries file is UTF-8 text of at most 10,000,000 queries and 1 GiB, "
            + "each line at most 1 MiB.%n",
        "FROM and TO: an ENI id (eni-...), an instance id (i-...: all its ENIs), a security group id (sg-...: "
            + "every ENI carrying it), an IPv4/IPv6 address (an ENI's, or an outside party's), or an EKS role "
            + "eks:CLUSTER/ROLE[:NAME], ROLE one of control-plane, nodes, managed-nodes, self-managed-nodes, "
            + "nodegroup:NG, fargate, pods-with-sg[:SG], load-balancers[:LB], endpoints, bastions, shared-sg-members, "
            + "cluster-sg, shared-sg (e.g. eks:ekscluster1/nodegroup:ng1). Group-valued endpoints are answered per "
            + "member pair, saying whether all, some or none get through; the verdict is allowed only when all do.%n",
        "SPEC: tcp/PORT, udp/PORT, icmp/TYPE/CODE, icmpv6/TYPE/CODE, or an IP protocol number such as 50."},
    exitCodeListHeading = "%nExit status:%n",
    exitCodeList = {
        "0:allowed (--queries: every query allowed)",
        "1:denied (--queries: some query denied or unknown)",
        "2:bad input: options, traffic spec, endpoint, snapshot or queries file",
        "3:unknown: the answer depends on data missing from the snapshot"})
final class ReachCommand extends AnalysisCommand {
  /** Queries answered together on one thread: a run is one task of the common pool, large enough to amortise it. */
  private static final int ANSWER_RUN = 8192;

  @Option(names = "--from", paramLabel = "X", description = "The source endpoint.")
  String from;

  @Option(names = "--to", paramLabel = "Y", description = "The destination endpoint.")
  String to;

  @Option(names = "--port", paramLabel = "SPEC", converter = TrafficConverter.class,
      description = "The traffic: tcp/PORT, udp/PORT, icmp/TYPE/CODE, icmpv6/TYPE/CODE or a protocol number.")
  Traffic traffic;

  @Option(names = "--queries", paramLabel = "FILE", description = "Answer the queries in FILE ('-': stdin).")
  String queries;

  @Override
  boolean deniedIsAnAnswer() {
    return true;
  }

  @Override
  Integer answer() {
    if (queries != null) {
      if (from != null || to != null || traffic != null) {
        throw new ParameterException(spec.commandLine(), "--queries cannot be combined with --from, --to or --port");
      }
      return answerQueries();
    }
    List<String> missing = new ArrayList<>();
    if (from == null) {
      missing.add("'--from=X'");
    }
    if (to == null) {
      missing.add("'--to=Y'");
    }
    if (traffic == null) {
      missing.add("'--port=SPEC'");
    }
    if (!missing.isEmpty()) {
      throw new ParameterException(spec.commandLine(), "Missing required option" + (missing.size() > 1 ? "s" : "")
          + ": " + String.join(", ", missing) + " (or --queries=FILE)");
    }
    Verdict v = reachability().reach(endpoint(from), endpoint(to), traffic);
    print(v.explain(), Json.verdict(v));
    return exitCode(v.outcome());
  }

  static int exitCode(Outcome outcome) {
    return switch (outcome) {
      case ALLOWED -> ExitCodes.OK;
      case DENIED -> ExitCodes.DENIED;
      case UNKNOWN -> ExitCodes.UNKNOWN;
    };
  }

  /**
   * Checks every line, then the endpoints against the snapshot, and only then answers, from the engine's fast path
   * (no proof): nothing is printed unless every line is good. The file is read while the snapshot loads. The queries
   * are answered in runs on several threads, each answer kept as one byte, then written in input order through a
   * buffer: no output text is held beyond the buffer.
   */
  private int answerQueries() {
    String name = queries.equals("-") ? "<stdin>" : queries;
    // the queries file is read on a second thread while the snapshot loads; its errors come first, as if read first
    FutureTask<QueryFile.Queries> reading = new FutureTask<>(() -> {
      try (InputStream in = open()) {
        return QueryFile.read(in, name, !queries.equals("-"));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read queries file " + name + ": " + e.getMessage(), e);
      }
    });
    Thread reader = new Thread(reading, "sgreach-queries-reader");
    reader.setDaemon(true);
    reader.start();
    Reachability engine;
    try {
      engine = reachability(); // an empty queries file still needs a readable snapshot
    } catch (RuntimeException | Error e) {
      finish(reading);
      throw e;
    }
    QueryFile.Queries parsed = finish(reading);
    List<ImmutableList<Member>> members = resolveAll(parsed, name, engine);
    List<Traffic> traffic = parsed.traffic();
    Outcome[] outcomes = Outcome.values();
    byte[] answer = new byte[parsed.size()];
    // the engine is thread-safe: runs of queries are answered on several threads (the common pool), in input order
    // (grouping them by destination first cost more than the caches gave back: measured in benchmarks/RESULTS.md)
    int runs = (parsed.size() + ANSWER_RUN - 1) / ANSWER_RUN;
    IntStream all = IntStream.range(0, runs);
    (runs > 1 ? all.parallel() : all).forEach(r -> {
      for (int i = r * ANSWER_RUN; i < Math.min(parsed.size(), (r + 1) * ANSWER_RUN); i++) {
        answer[i] = (byte) engine.outcome(members.get(parsed.from(i)), members.get(parsed.to(i)),
            traffic.get(parsed.spec(i))).ordinal();
      }
    });
    boolean allAllowed = true;
    for (byte a : answer) {
      allAllowed &= a == Outcome.ALLOWED.ordinal();
    }
    PrintWriter out = spec.commandLine().getOut();
    try (QueryAnswers answers = snapshot.json ? QueryAnswers.json(out) : QueryAnswers.text(out)) {
      for (int i = 0; i < parsed.size(); i++) {
        answers.write(parsed.line(i), parsed.endpoints().get(parsed.from(i)), parsed.endpoints().get(parsed.to(i)),
            parsed.specs().get(parsed.spec(i)), outcomes[answer[i]]);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the answers: " + e.getMessage(), e);
    }
    return allAllowed ? ExitCodes.OK : ExitCodes.DENIED;
  }

  /** The queries the reader thread read, or the error it met (a bad line, an unreadable file, exhaustion). */
  private static QueryFile.Queries finish(FutureTask<QueryFile.Queries> reading) {
    try {
      return reading.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while reading the queries file", e);
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

  /**
   * Every distinct endpoint resolved to its members; a bad one is reported at the first line that names it, and
   * every query is checked for two outside parties, in query order. Many endpoints are resolved on several threads
   * first (each lookup is a few cache misses on a region's ENI table), each result or error kept for that pass;
   * on one thread when plug-in endpoint parsers are installed.
   */
  private List<ImmutableList<Member>> resolveAll(QueryFile.Queries parsed, String name, Reachability engine) {
    int count = parsed.endpoints().size();
    Object[] resolved = new Object[count]; // the members, or the RuntimeException resolving met
    IntStream all = IntStream.range(0, count);
    // plug-in endpoint parsers were never promised to be called from several threads: with any, one thread resolves
    boolean parallel = count >= ANSWER_RUN && environment().parsers().isEmpty();
    (parallel ? all.parallel() : all).forEach(e -> {
      try {
        resolved[e] = engine.resolve(endpoint(parsed.endpoints().get(e)));
      } catch (RuntimeException ex) {
        resolved[e] = ex;
      }
    });
    List<ImmutableList<Member>> members = new ArrayList<>(count);
    boolean[] outside = new boolean[count];
    for (int e = 0; e < count; e++) {
      @SuppressWarnings("unchecked")
      ImmutableList<Member> m = resolved[e] instanceof ImmutableList<?> l ? (ImmutableList<Member>) l : null;
      members.add(m);
      outside[e] = m != null && m.stream().anyMatch(Member::isOutside);
    }
    for (int i = 0; i < parsed.size(); i++) {
      for (int e : new int[] {parsed.from(i), parsed.to(i)}) {
        if (resolved[e] instanceof IllegalArgumentException ex) {
          throw new BadInputException(name + ":" + parsed.line(i) + ": " + ex.getMessage(), ex);
        }
        if (resolved[e] instanceof RuntimeException ex) {
          throw ex;
        }
      }
      if (outside[parsed.from(i)] && outside[parsed.to(i)]) {
        try {
          engine.outcome(members.get(parsed.from(i)), members.get(parsed.to(i)), parsed.traffic().get(parsed.spec(i)));
        } catch (IllegalArgumentException ex) { // two outside parties: the engine says why it cannot answer
          throw new BadInputException(name + ":" + parsed.line(i) + ": " + ex.getMessage(), ex);
        }
      }
    }
    return members;
  }

  private InputStream open() throws IOException {
    if (queries.equals("-")) {
      return environment().stdin().get();
    }
    Path path = environment().resolve(queries);
    try {
      return Files.newInputStream(path);
    } catch (NoSuchFileException e) {
      throw new BadInputException("queries file " + queries + " does not exist", e);
    }
  }
}
