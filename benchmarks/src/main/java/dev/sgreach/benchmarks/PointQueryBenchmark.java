package dev.sgreach.benchmarks;

import dev.sgreach.engine.Endpoint;
import dev.sgreach.engine.Member;
import dev.sgreach.engine.Outcome;
import dev.sgreach.engine.Verdict;
import dev.sgreach.model.NetworkInterface;
import dev.sgreach.model.Traffic;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Point queries between random pre-drawn pairs of ENIs on a random mix of traffic (target: under 1 µs).
 *
 * <ul>
 *   <li>{@code engineOutcome}: {@code Reachability.outcome(member, member, traffic)}, the fast path without proof, on
 *       members the engine resolved once ({@code resolve(eni(id))}), as a batch of queries asks them;</li>
 *   <li>{@code engineReach}: {@code Reachability.reach(eni, eni, traffic)}, the verdict with its proof;</li>
 *   <li>{@code naiveOutcome}: the naive evaluator scanning both ENIs' groups' rules;</li>
 *   <li>{@code naiveFullScan}: the naive evaluator scanning every rule of every group in the region.</li>
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class PointQueryBenchmark extends RegionState {
  static final int QUERIES = 4096;
  static final List<Traffic> TRAFFIC = List.of(Traffic.tcp(443), Traffic.tcp(443), Traffic.tcp(22),
      Traffic.tcp(5432), Traffic.tcp(8080), Traffic.tcp(10250), Traffic.tcp(31000), Traffic.udp(53),
      Traffic.udp(123), Traffic.icmp(8, 0), Traffic.icmpv6(128, 0), Traffic.protocol(50));

  NetworkInterface[] from;
  NetworkInterface[] to;
  Member[] fromMember;
  Member[] toMember;
  Endpoint[] fromEndpoint;
  Endpoint[] toEndpoint;
  Traffic[] traffic;
  int cursor;

  @Setup(Level.Trial)
  public void drawQueries() {
    generateRegion();
    NetworkInterface[] enis = network.interfaces().values().toArray(new NetworkInterface[0]);
    Random rnd = new Random(seed * 31 + 7);
    from = new NetworkInterface[QUERIES];
    to = new NetworkInterface[QUERIES];
    fromMember = new Member[QUERIES];
    toMember = new Member[QUERIES];
    fromEndpoint = new Endpoint[QUERIES];
    toEndpoint = new Endpoint[QUERIES];
    traffic = new Traffic[QUERIES];
    int allowed = 0;
    for (int i = 0; i < QUERIES; i++) {
      from[i] = enis[rnd.nextInt(enis.length)];
      to[i] = enis[rnd.nextInt(enis.length)];
      fromMember[i] = engine.resolve(Endpoint.eni(from[i].id())).get(0);
      toMember[i] = engine.resolve(Endpoint.eni(to[i].id())).get(0);
      fromEndpoint[i] = Endpoint.eni(from[i].id());
      toEndpoint[i] = Endpoint.eni(to[i].id());
      traffic[i] = TRAFFIC.get(rnd.nextInt(TRAFFIC.size()));
      allowed += engine.outcome(fromMember[i], toMember[i], traffic[i]) == Outcome.ALLOWED ? 1 : 0;
    }
    System.out.printf("[queries] %d random pairs, %d%% allowed%n", QUERIES, allowed * 100 / QUERIES);
  }

  private int next() {
    cursor = (cursor + 1) & (QUERIES - 1);
    return cursor;
  }

  @Benchmark
  public Outcome engineOutcome() {
    int i = next();
    return engine.outcome(fromMember[i], toMember[i], traffic[i]);
  }

  @Benchmark
  public Verdict engineReach() {
    int i = next();
    return engine.reach(fromEndpoint[i], toEndpoint[i], traffic[i]);
  }

  @Benchmark
  public Outcome naiveOutcome() {
    int i = next();
    return naive.outcome(from[i], to[i], traffic[i]);
  }

  @Benchmark
  public Outcome naiveFullScan() {
    int i = next();
    return naive.outcomeFullScan(from[i], to[i], traffic[i]);
  }
}
