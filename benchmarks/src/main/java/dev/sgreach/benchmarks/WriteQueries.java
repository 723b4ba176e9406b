package dev.sgreach.benchmarks;

import dev.sgreach.model.NetworkInterface;
import dev.sgreach.model.Traffic;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

/**
 * Writes a queries file for {@code sgreach reach --queries} over a generated region:
 * {@code WriteQueries SCALE SEED COUNT FILE}. Each line is {@code FROM TO SPEC} between two random ENIs of the region
 * that {@code WriteRegion FOLDER SCALE SEED} writes, with {@link PointQueryBenchmark}'s traffic mix; the same
 * arguments always give the same file.
 */
public final class WriteQueries {
  private WriteQueries() {}

  public static void main(String[] args) throws IOException {
    double scale = Double.parseDouble(args[0]);
    long seed = Long.parseLong(args[1]);
    int count = Integer.parseInt(args[2]);
    Path file = Path.of(args[3]);
    List<NetworkInterface> enis = List.copyOf(
        RegionGenerator.generate(RegionGenerator.Spec.scaled(scale, seed)).interfaces().values());
    Random rnd = new Random(seed * 13 + count);
    try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      for (int i = 0; i < count; i++) {
        Traffic t = PointQueryBenchmark.TRAFFIC.get(rnd.nextInt(PointQueryBenchmark.TRAFFIC.size()));
        out.write(enis.get(rnd.nextInt(enis.size())).id() + " " + enis.get(rnd.nextInt(enis.size())).id() + " "
            + t.spec() + "\n");
      }
    }
  }
}
