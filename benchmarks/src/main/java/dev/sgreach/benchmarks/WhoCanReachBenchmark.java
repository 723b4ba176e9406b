package dev.sgreach.benchmarks;

import dev.sgreach.engine.Endpoint;
import dev.sgreach.engine.Reachers;
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
 * {@code whoCanReach(eni, tcp(443))} on random pre-drawn targets (target: under 1 ms), beside the naive evaluator
 * judging the flow from every one of the region's ENIs to the target.
 *
 * <ul>
 *   <li>{@code engineWhoCanReach}: the answer decided (per ENI class, with the address runs its rules select);</li>
 *   <li>{@code engineWhoCanReachListed}: the same, then every allowed ENI listed ({@code allowedInterfaces()});</li>
 *   <li>{@code naiveWhoCanReach}: the naive evaluator's point query from each ENI of the region to the target.</li>
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class WhoCanReachBenchmark extends RegionState {
  static final int TARGETS = 256;
  static final Traffic HTTPS = Traffic.tcp(443);

  NetworkInterface[] targets;
  Endpoint[] targetEndpoints;
  int cursor;

  @Setup(Level.Trial)
  public void drawTargets() {
    generateRegion();
    List<NetworkInterface> enis = List.copyOf(network.interfaces().values());
    Random rnd = new Random(seed * 17 + 3);
    targets = new NetworkInterface[TARGETS];
    targetEndpoints = new Endpoint[TARGETS];
    long reachers = 0;
    for (int i = 0; i < TARGETS; i++) {
      targets[i] = enis.get(rnd.nextInt(enis.size()));
      targetEndpoints[i] = Endpoint.eni(targets[i].id());
      reachers += engine.whoCanReach(targetEndpoints[i], HTTPS).allowedInterfaces().size();
    }
    System.out.printf("[targets] %d random targets, on average %d ENIs can reach each on tcp/443%n", TARGETS,
        reachers / TARGETS);
  }

  private int next() {
    cursor = (cursor + 1) & (TARGETS - 1);
    return cursor;
  }

  @Benchmark
  public Reachers engineWhoCanReach() {
    return engine.whoCanReach(targetEndpoints[next()], HTTPS);
  }

  @Benchmark
  public List<NetworkInterface> engineWhoCanReachListed() {
    return engine.whoCanReach(targetEndpoints[next()], HTTPS).allowedInterfaces();
  }

  @Benchmark
  public List<NetworkInterface> naiveWhoCanReach() {
    return naive.whoCanReach(targets[next()], HTTPS);
  }
}
