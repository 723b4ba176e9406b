package dev.sgreach.benchmarks;

import dev.sgreach.engine.Reachability;
import dev.sgreach.model.Network;
import java.lang.management.ManagementFactory;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The generated region every benchmark runs against, built once per trial (per fork): {@link RegionGenerator} at
 * {@link #scale} (1.0 is DESIGN.md's busy region: 10,000 groups x 120 rules, 100,000 ENIs) with {@link #subnets}
 * subnets of packet-path data (0: none), the engine's compiled
 * {@link Reachability} and the {@link NaiveEvaluator} it is reported beside.
 */
@State(Scope.Benchmark)
public class RegionState {
  /** 1.0 = 10,000 security groups and 100,000 ENIs; smaller for quick runs ({@code -p scale=0.1}). */
  @Param({"1.0"})
  public double scale;

  /** The generator's seed. */
  @Param({"42"})
  public long seed;

  /**
   * Subnets of the region's packet path, each with its ACL (20 entries per direction) and route table; 0 for none
   * (security groups alone). {@code -p subnets=1000} is the path benchmark's region.
   */
  @Param({"0"})
  public int subnets;

  /** The generated region. */
  public Network network;
  /** The engine over it (built in setup unless a subclass says not to). */
  public Reachability engine;
  /** The naive evaluator over it. */
  public NaiveEvaluator naive;

  @Setup(Level.Trial)
  public void generateRegion() {
    if (network != null) {
      return; // subclasses' setups call this first: JMH does not promise an order between setup methods
    }
    long t0 = System.nanoTime();
    RegionGenerator.Spec spec = RegionGenerator.Spec.scaled(scale, seed);
    network = RegionGenerator.generate(subnets == 0 ? spec : spec.withPath(subnets));
    long t1 = System.nanoTime();
    naive = new NaiveEvaluator(network);
    if (buildEngine()) {
      engine = Reachability.of(network);
    }
    long t2 = System.nanoTime();
    System.out.printf("%n[region] %s generated in %.1f s, engine built in %.1f s, live heap after GC %d MB%n",
        network, (t1 - t0) / 1e9, (t2 - t1) / 1e9, liveHeapMb());
  }

  /** Whether setup compiles the engine (the index-build benchmark does it itself). */
  protected boolean buildEngine() {
    return true;
  }

  /** Heap in use after a full GC, in MB: what the live objects take. */
  public static long liveHeapMb() {
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / (1024 * 1024);
  }
}
