package dev.sgreach.benchmarks;

import dev.sgreach.engine.Outcome;
import dev.sgreach.model.NetworkInterface;
import dev.sgreach.model.Traffic;
import dev.sgreach.path.PacketPaths;
import dev.sgreach.path.PathEnd;
import dev.sgreach.path.PathVerdict;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The packet-path layer alone on a region with the whole path ({@code -p subnets=1000} by default: 1,000 subnets with
 * their ACLs of 20 entries per direction and route tables): {@code pathOutcome} is {@link PacketPaths#outcome}
 * between random ENI pairs on random traffic (the fast path), {@code pathCheck} the explained {@link PacketPaths#check},
 * {@code compile} {@link PacketPaths#of} over the region.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class PathBenchmark {
  /** The region's scale (see {@link RegionState#scale}). */
  @Param({"1.0"})
  public double scale;

  /** Subnets of the region's packet path. */
  @Param({"1000"})
  public int subnets;

  PacketPaths paths;
  dev.sgreach.model.Network network;
  PathEnd[] from;
  PathEnd[] to;
  Traffic[] traffic;
  int cursor;

  @Setup(Level.Trial)
  public void setUp() {
    network = RegionGenerator.generate(RegionGenerator.Spec.scaled(scale, 42).withPath(subnets));
    paths = PacketPaths.of(network);
    NetworkInterface[] enis = network.interfaces().values().toArray(new NetworkInterface[0]);
    Random rnd = new Random(42 * 31 + 7);
    int n = PointQueryBenchmark.QUERIES;
    from = new PathEnd[n];
    to = new PathEnd[n];
    traffic = new Traffic[n];
    int allowed = 0;
    for (int i = 0; i < n; i++) {
      Traffic t;
      do {
        t = PointQueryBenchmark.TRAFFIC.get(rnd.nextInt(PointQueryBenchmark.TRAFFIC.size()));
      } while (t.family() == 6);
      traffic[i] = t;
      from[i] = PathEnd.of(enis[rnd.nextInt(enis.length)]);
      to[i] = PathEnd.of(enis[rnd.nextInt(enis.length)]);
      allowed += paths.outcome(from[i], to[i], traffic[i]) == Outcome.ALLOWED ? 1 : 0;
    }
    System.out.printf("%n[path] %s; %d random IPv4 pairs, %d%% of paths allowed%n", network, n, allowed * 100 / n);
  }

  private int next() {
    cursor = (cursor + 1) & (PointQueryBenchmark.QUERIES - 1);
    return cursor;
  }

  @Benchmark
  public Outcome pathOutcome() {
    int i = next();
    return paths.outcome(from[i], to[i], traffic[i]);
  }

  @Benchmark
  public Outcome pathOutcomeHot() {
    int i = next() & 15;
    return paths.outcome(from[i], to[i], traffic[i]);
  }

  @Benchmark
  public PathVerdict pathCheck() {
    int i = next();
    return paths.check(from[i], to[i], traffic[i]);
  }

  @Benchmark
  @BenchmarkMode(Mode.SingleShotTime)
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  public PacketPaths compile() {
    return PacketPaths.of(network);
  }
}
