package dev.sgreach.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * Renders DOT to SVG with Graphviz's {@code dot -Tsvg}. Graphviz is not bundled: on Debian it is the package
 * {@code graphviz}; a missing program is bad input (exit 2) with one line saying what to install.
 */
final class Graphviz {
  private static final long TIMEOUT_SECONDS = 300;

  private Graphviz() {}

  /** The SVG of this DOT, from {@code program -Tsvg} ({@code program} is {@code dot} or a path to it). */
  static String svg(String dot, String program) {
    Process p;
    try {
      p = new ProcessBuilder(program, "-Tsvg").start();
    } catch (IOException e) {
      throw new BadInputException("cannot run Graphviz's '" + program + "' (" + Errors.oneLine(e.getMessage())
          + "): install the Debian package graphviz (apt-get install graphviz), give its path with --dot, or use"
          + " --format dot or --format mermaid");
    }
    CompletableFuture<Void> in = CompletableFuture.runAsync(() -> {
      try (OutputStream o = p.getOutputStream()) {
        o.write(dot.getBytes(StandardCharsets.UTF_8));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
    CompletableFuture<byte[]> errors = CompletableFuture.supplyAsync(() -> readAll(p.getErrorStream()));
    byte[] out = readAll(p.getInputStream());
    try {
      if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new IllegalStateException("Graphviz's '" + program + "' did not finish within " + TIMEOUT_SECONDS + " s");
      }
      String stderr = new String(errors.get(), StandardCharsets.UTF_8).strip();
      if (p.exitValue() != 0) {
        throw new IllegalStateException("Graphviz's '" + program + "' failed with exit status " + p.exitValue()
            + (stderr.isEmpty() ? "" : ": " + stderr.lines().findFirst().orElse("")));
      }
      in.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      p.destroyForcibly();
      throw new IllegalStateException("interrupted while Graphviz ran", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("talking to Graphviz's '" + program + "' failed: " + e.getCause().getMessage(),
          e.getCause());
    }
    return new String(out, StandardCharsets.UTF_8);
  }

  private static byte[] readAll(InputStream s) {
    try (InputStream in = s; ByteArrayOutputStream b = new ByteArrayOutputStream()) {
      in.transferTo(b);
      return b.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
