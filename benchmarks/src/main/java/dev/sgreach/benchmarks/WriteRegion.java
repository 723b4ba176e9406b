package dev.sgreach.benchmarks;

import dev.sgreach.snapshot.Snapshots;
import java.nio.file.Path;

/**
 * Writes a generated region as a snapshot folder: {@code WriteRegion FOLDER SCALE SEED [RULES_PER_DIRECTION]}.
 * {@code 1.0 42} is DESIGN.md's busy region (10,000 groups x 60 + 60 rules, 100,000 ENIs, about 700 MB of JSON);
 * {@code 0.5 42 10} is the start-up region of RESULTS.md (5,000 groups x 10 + 10 rules, 50,000 ENIs, about 108 MB).
 * The load benchmark runs this in a child JVM, so that its own fork measures only reading.
 */
public final class WriteRegion {
  private WriteRegion() {}

  public static void main(String[] args) {
    Path folder = Path.of(args[0]);
    double scale = Double.parseDouble(args[1]);
    long seed = Long.parseLong(args[2]);
    RegionGenerator.Spec scaled = RegionGenerator.Spec.scaled(scale, seed);
    RegionGenerator.Spec spec = args.length > 3 ? new RegionGenerator.Spec(scaled.securityGroups(),
        Integer.parseInt(args[3]), scaled.interfaces(), scaled.vpcs(), scaled.enisPerWorkload(), seed) : scaled;
    Snapshots.write(RegionGenerator.generate(spec), folder);
  }
}
