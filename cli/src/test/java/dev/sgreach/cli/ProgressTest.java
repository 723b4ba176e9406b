package dev.sgreach.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sgreach.aws.LoadListener;
import dev.sgreach.eks.SeedClusters;
import dev.sgreach.model.Network;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Progress shows on a terminal as one line redrawn in place and erased at the end, and is silent otherwise. */
class ProgressTest {
  private static final String ERASE = "\r\033[K";
  private final StringWriter err = new StringWriter();
  private final AtomicLong nanos = new AtomicLong();

  private Progress progress(boolean terminal) {
    return new Progress(new PrintWriter(err, true), terminal, nanos::get);
  }

  @Test
  void on_a_terminal_a_status_is_redrawn_in_place_at_most_every_100_ms_and_erased_at_the_end() {
    try (Progress p = progress(true)) {
      p.show("ec2:DescribeSecurityGroups: page 1");
      nanos.addAndGet(50_000_000);
      p.show("skipped: drawn 50 ms after the last");
      nanos.addAndGet(60_000_000);
      p.show("line\nbreaks stay on one line");
    }
    assertThat(err.toString()).isEqualTo(ERASE + "sgreach: ec2:DescribeSecurityGroups: page 1"
        + ERASE + "sgreach: line breaks stay on one line" + ERASE);
  }

  @Test
  void a_live_loads_pages_become_statuses() {
    try (Progress p = progress(true)) {
      LoadListener l = LiveProgress.of(p);
      l.page("ec2:DescribeNetworkInterfaces", 3, 1000, 3000);
      nanos.addAndGet(200_000_000);
      l.finished("ec2:DescribeNetworkInterfaces", 3, 3000);
    }
    assertThat(err.toString()).isEqualTo(ERASE + "sgreach: ec2:DescribeNetworkInterfaces: page 3, 3,000 items so far"
        + ERASE + "sgreach: ec2:DescribeNetworkInterfaces: 3,000 items" + ERASE);
  }

  @Test
  void elsewhere_nothing_is_printed() {
    try (Progress p = progress(false); Progress.Task t = p.task("loading")) {
      p.show("status");
      LiveProgress.of(p).page("ec2:DescribeVpcs", 2, 1, 2);
    }
    assertThat(err.toString()).isEmpty();
  }

  /** Loads the seed cluster slowly, as a large snapshot would load. */
  private static Environment slowLoad(boolean terminal) {
    Network n = SeedClusters.publicAndPrivate();
    return Cli.env().withProgress(terminal).withLoader(dir -> {
      try {
        Thread.sleep(2500);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return n;
    });
  }

  @Test
  void loading_a_slow_snapshot_shows_its_name_and_seconds_on_a_terminal_then_erases_them() {
    Cli.Result r = Cli.run(slowLoad(true), "lint", "--snapshot", "big-region");
    assertThat(r.exitCode()).as(r.err()).isEqualTo(0);
    assertThat(r.err()).startsWith(ERASE + "sgreach: loading snapshot big-region... 1 s").endsWith(ERASE);
    assertThat(r.out()).startsWith("lint of EKS cluster ekscluster1\n");
    Cli.Result piped = Cli.run(slowLoad(false), "lint", "--snapshot", "big-region");
    assertThat(piped.err()).isEmpty();
    assertThat(piped.out()).isEqualTo(r.out());
  }
}
