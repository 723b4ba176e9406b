package dev.sgreach.benchmarks;

import dev.sgreach.engine.Reachability;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Compiling the region's {@code Network} into the engine's index, {@code Reachability.of(network)}. The naive
 * evaluator has nothing to build. After each iteration the live heap (network plus the last index) is printed.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 5)
@Fork(1)
public class IndexBuildBenchmark extends RegionState {
  Reachability last;

  @Override
  protected boolean buildEngine() {
    return false;
  }

  @Benchmark
  public Reachability buildIndex() {
    last = Reachability.of(network);
    return last;
  }

  @TearDown(Level.Iteration)
  public void heap() {
    System.out.printf("%n[heap] network + index live after GC: %d MB%n", liveHeapMb());
  }
}
