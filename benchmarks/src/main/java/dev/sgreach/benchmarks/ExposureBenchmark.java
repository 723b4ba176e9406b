package dev.sgreach.benchmarks;

import dev.sgreach.engine.Exposure;
import java.util.List;
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

/** The region's full internet exposure, {@code exposure()} (target: under 100 ms), beside the naive evaluator. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(1)
public class ExposureBenchmark extends RegionState {

  @Setup(Level.Trial)
  public void report() {
    generateRegion();
    System.out.printf("[exposure] %d of %d ENIs exposed to the internet%n", engine.exposure().interfaces().size(),
        network.interfaces().size());
  }

  @Benchmark
  public Exposure engineExposure() {
    return engine.exposure();
  }

  @Benchmark
  public List<NaiveEvaluator.Exposed> naiveExposure() {
    return naive.exposure();
  }
}
