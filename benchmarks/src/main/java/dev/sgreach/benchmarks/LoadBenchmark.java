package dev.sgreach.benchmarks;

import dev.sgreach.snapshot.Snapshots;
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
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Reading the region's AWS CLI JSON with the streaming snapshot reader, {@code Snapshots.read(folder)}
 * ({@link #read}; divide the folder's size, printed in setup, by the time for MB/s), and load plus index,
 * {@code Reachability.of(Snapshots.read(folder))} ({@link #readAndIndex}; target: under 10 s in under 2 GB of heap, the
 * fork runs with -Xmx2g). The folder is written once per trial with {@code Snapshots.write} (in a child JVM, see
 * {@link WriteRegion}); the live heap after each iteration is printed. {@code -p rules=10 -p scale=0.5} is the
 * 108 MB start-up region of RESULTS.md.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgsAppend = "-Xmx2g")
public class LoadBenchmark {
  /** As in {@link RegionState}: 1.0 is the busy region. */
  @Param({"1.0"})
  public double scale;

  @Param({"42"})
  public long seed;

  /** Rules per group and direction (the busy region has 60). */
  @Param({"60"})
  public int rules;

  Path folder;
  Reachability last;

  @Setup(Level.Trial)
  public void writeSnapshot() throws IOException {
    folder = Files.createTempDirectory("sgreach-bench-region");
    // written by a child JVM with the default heap: the writer needs more than this fork's 2 GB
    String java = ProcessHandle.current().info().command().orElse("java");
    Process writer = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
        WriteRegion.class.getName(), folder.toString(), Double.toString(scale), Long.toString(seed),
        Integer.toString(rules))
        .inheritIO().start();
    try {
      if (writer.waitFor() != 0) {
        throw new IllegalStateException("writing the region failed: exit " + writer.exitValue());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    try (Stream<Path> files = Files.walk(folder)) {
      long bytes = files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
      System.out.printf("[snapshot] %s: %d bytes (%.1f MB) of JSON%n", folder, bytes, bytes / 1e6);
    }
  }

  @Setup(Level.Iteration)
  public void dropLast() {
    last = null; // the previous result must not share the heap with the next read
  }

  @Benchmark
  public Object read() {
    last = null;
    return Snapshots.read(folder);
  }

  @Benchmark
  public Reachability readAndIndex() {
    last = Reachability.of(Snapshots.read(folder));
    return last;
  }

  @TearDown(Level.Iteration)
  public void heap() {
    System.out.printf("%n[heap] snapshot network + index live after GC: %d MB%n", RegionState.liveHeapMb());
  }

  @TearDown(Level.Trial)
  public void removeSnapshot() throws IOException {
    try (Stream<Path> files = Files.walk(folder)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }
}
