package dev.sgreach.benchmarks;

import dev.sgreach.aws.Snapshots;
import java.nio.file.Path;

/**
 * Writes a generated region as a snapshot folder: {@code WriteRegion FOLDER SCALE SEED}. The load benchmark runs this
 * in a child JVM with the default heap, so that its own 2 GB fork measures only reading (the writer holds each
 * response as one string and needs more than 2 GB for the busy region).
 */
public final class WriteRegion {
  private WriteRegion() {}

  public static void main(String[] args) {
    Path folder = Path.of(args[0]);
    double scale = Double.parseDouble(args[1]);
    long seed = Long.parseLong(args[2]);
    Snapshots.write(RegionGenerator.generate(RegionGenerator.Spec.scaled(scale, seed)), folder);
  }
}
