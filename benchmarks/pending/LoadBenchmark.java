package dev.sgreach.benchmarks;

import dev.sgreach.aws.Snapshots;
import dev.sgreach.engine.Reachability;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * PENDING the adapter branch (dev.sgreach.aws.Snapshots): move to src/main/java once merged.
 *
 * <p>Load and index of the region's AWS CLI JSON: {@code Snapshots.read(folder)} then {@code Reachability.of}
 * (target: under 10 s in under 2 GB of heap; the fork runs with -Xmx2g). The folder is written once per trial with
 * {@code Snapshots.write}; the live heap after each iteration is printed.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgsAppend = "-Xmx2g")
public class LoadBenchmark extends RegionState {
  Path folder;
  Reachability last;

  @Override
  protected boolean buildEngine() {
    return false;
  }

  @Setup(Level.Trial)
  public void writeSnapshot() throws IOException {
    generateRegion();
    folder = Files.createTempDirectory("sgreach-bench-region");
    Snapshots.write(network, folder);
    try (Stream<Path> files = Files.walk(folder)) {
      long bytes = files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
      System.out.printf("[snapshot] %s: %d MB of JSON%n", folder, bytes / (1024 * 1024));
    }
    network = null; // only the JSON stays: the benchmark measures reading it
    naive = null;
  }

  @Benchmark
  public Reachability readAndIndex() {
    last = Reachability.of(Snapshots.read(folder));
    return last;
  }

  @TearDown(Level.Iteration)
  public void heap() {
    System.out.printf("%n[heap] snapshot network + index live after GC: %d MB%n", liveHeapMb());
  }

  @TearDown(Level.Trial)
  public void removeSnapshot() throws IOException {
    try (Stream<Path> files = Files.walk(folder)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }
}
