package dev.sgreach.benchmarks;

import dev.sgreach.engine.NetworkDiff;
import dev.sgreach.engine.Outcome;
import dev.sgreach.engine.Reachability;
import dev.sgreach.model.Direction;
import dev.sgreach.model.Network;
import dev.sgreach.model.NetworkInterface;
import dev.sgreach.model.Ports;
import dev.sgreach.model.Rule;
import dev.sgreach.model.SecurityGroup;
import dev.sgreach.model.Traffic;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
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
 * {@link NetworkDiff} between the generated region and a copy of it in which 1% of the rules changed (half removed,
 * half moved to other ports), beside a naive diff in the same run.
 *
 * <ul>
 *   <li>{@code engineDiff}: {@code NetworkDiff.between} over the two compiled engines (built once in setup);</li>
 *   <li>{@code engineDiffWithIndexes}: the same, compiling both networks first (what {@code ./sgreach diff} does);</li>
 *   <li>{@code naiveDiff}: the naive evaluator's point query before and after for every ordered ENI pair of the
 *       region, at each key where a changed rule's ports start or stop (the only keys whose verdict can change);
 *       quadratic in the ENIs, so run it at a small {@code scale}.</li>
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class DiffBenchmark extends RegionState {
  Network after;
  Reachability afterEngine;
  NaiveEvaluator naiveAfter;
  List<Traffic> keys;
  int changedRules;

  @Setup(Level.Trial)
  public void changeOnePercent() {
    generateRegion();
    Random rnd = new Random(seed * 31 + 1);
    Network.Builder b = network.toBuilder();
    TreeSet<Integer> ports = new TreeSet<>();
    int total = 0;
    for (SecurityGroup g : network.securityGroups().values()) {
      SecurityGroup.Builder gb = null;
      for (Direction d : Direction.values()) {
        for (Rule r : g.rules(d)) {
          total++;
          if (rnd.nextInt(100) != 0) {
            continue;
          }
          gb = gb == null ? g.toBuilder() : gb;
          gb.removeRule(r);
          if (r.ports().protocol().hasPorts()) {
            ports.add(r.ports().from());
            ports.add(r.ports().to());
          }
          if (rnd.nextBoolean()) {
            int p = 1 + rnd.nextInt(60000);
            gb.rule(new Rule(r.direction(), Ports.tcp(p), r.peer(), "moved", ""));
            ports.add(p);
          }
          changedRules++;
        }
      }
      if (gb != null) {
        b.replace(gb.build());
      }
    }
    after = b.build();
    afterEngine = Reachability.of(after);
    naiveAfter = new NaiveEvaluator(after);
    keys = new ArrayList<>();
    ports.forEach(p -> keys.add(Traffic.tcp(p)));
    NetworkDiff d = NetworkDiff.between(engine, afterEngine);
    System.out.printf("[diff] %d of %d rules changed; %d flow changes (%d opened, %d closed), %d keys for the naive"
        + " diff%n", changedRules, total, d.flows().size(), d.opened().size(), d.closed().size(), keys.size());
  }

  @Benchmark
  public NetworkDiff engineDiff() {
    return NetworkDiff.between(engine, afterEngine);
  }

  @Benchmark
  public NetworkDiff engineDiffWithIndexes() {
    return NetworkDiff.between(network, after);
  }

  @Benchmark
  public long naiveDiff() {
    long changed = 0;
    List<NetworkInterface> enis = List.copyOf(network.interfaces().values());
    for (NetworkInterface a : enis) {
      for (NetworkInterface c : enis) {
        if (a == c) {
          continue;
        }
        for (Traffic t : keys) {
          Outcome x = naive.outcome(a, c, t);
          Outcome y = naiveAfter.outcome(after.interfaces().get(a.id()), after.interfaces().get(c.id()), t);
          if (x != y) {
            changed++;
          }
        }
      }
    }
    return changed;
  }
}
