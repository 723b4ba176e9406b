package dev.sgreach.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Progress of long work (live collection, loading and indexing a large snapshot) as one status line on standard
 * error, redrawn in place ({@code \r}, erase to the end of the line) and erased when the work ends, so that what stays
 * on the screen is the answer. Shown only when standard error is a terminal; in a pipe, a file or a CI log it prints
 * nothing at all.
 *
 * <ul>
 *   <li>{@link #show(String)}: a new status, drawn at most every {@value #MIN_REDRAW_MILLIS} ms;</li>
 *   <li>{@link #task(String)}: work without steps of its own (reading a folder): after {@value #TASK_DELAY_MILLIS} ms
 *       its name and the elapsed seconds, updated each second, so quick work never flickers;</li>
 *   <li>{@link #loadListener()}: a live load's pages as statuses ({@code ec2:DescribeNetworkInterfaces: page 3,
 *       3,000 items so far}).</li>
 * </ul>
 */
final class Progress implements AutoCloseable {
  static final long MIN_REDRAW_MILLIS = 100;
  static final long TASK_DELAY_MILLIS = 1000;
  private static final String ERASE_LINE = "\r\033[K";

  private final PrintWriter err;
  private final boolean enabled;
  private final LongSupplier nanoClock;
  private long lastDrawn = Long.MIN_VALUE;
  private boolean onScreen;

  Progress(PrintWriter err, boolean enabled, LongSupplier nanoClock) {
    this.err = err;
    this.enabled = enabled;
    this.nanoClock = nanoClock;
  }

  /**
   * True when standard error is a terminal: the JVM has a console, and where Linux tells ({@code /proc/self/fd/2}),
   * standard error itself is a terminal device rather than a file or pipe.
   */
  static boolean standardErrorIsTerminal() {
    if (System.console() == null) {
      return false;
    }
    Path fd2 = Path.of("/proc/self/fd/2");
    try {
      if (Files.isSymbolicLink(fd2)) {
        String target = Files.readSymbolicLink(fd2).toString();
        return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
      }
    } catch (java.io.IOException | SecurityException | UnsupportedOperationException e) {
      // cannot tell: trust the console
    }
    return true;
  }

  /** Shows a status, unless one was drawn less than {@value #MIN_REDRAW_MILLIS} ms ago. */
  synchronized void show(String status) {
    if (!enabled) {
      return;
    }
    long now = nanoClock.getAsLong();
    if (onScreen && now - lastDrawn < TimeUnit.MILLISECONDS.toNanos(MIN_REDRAW_MILLIS)) {
      return;
    }
    lastDrawn = now;
    onScreen = true;
    err.print(ERASE_LINE + "sgreach: " + Errors.oneLine(status));
    err.flush();
  }

  /** Erases the status line, if one is shown. */
  @Override
  public synchronized void close() {
    if (onScreen) {
      err.print(ERASE_LINE);
      err.flush();
      onScreen = false;
    }
  }

  /** A unit of work without steps; closing it erases its line. */
  interface Task extends AutoCloseable {
    @Override
    void close();
  }

  /** Shows {@code what} and the elapsed seconds once the work has taken {@value #TASK_DELAY_MILLIS} ms. */
  Task task(String what) {
    if (!enabled) {
      return () -> {};
    }
    long start = nanoClock.getAsLong();
    ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "sgreach-progress");
      t.setDaemon(true);
      return t;
    });
    ticker.scheduleAtFixedRate(() -> show(what + "... " + String.format(Locale.ROOT, "%.0f s",
        (nanoClock.getAsLong() - start) / 1e9)), TASK_DELAY_MILLIS, 1000, TimeUnit.MILLISECONDS);
    return () -> {
      ticker.shutdownNow();
      try {
        ticker.awaitTermination(1, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      close();
    };
  }
}
