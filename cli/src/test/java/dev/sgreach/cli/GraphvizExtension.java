package dev.sgreach.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Makes sure Graphviz's {@code dot} runs before tests that render SVG: when it is missing, runs the project's own
 * {@code .ci/ensure-graphviz} (which installs the Debian package {@code graphviz} where it can). A {@code dot} that
 * still does not run fails the test class with the script's words: never a skip.
 */
final class GraphvizExtension implements BeforeAllCallback {
  private static volatile String version;

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    ensure();
  }

  /** {@code dot -V}'s answer, installing Graphviz first when needed. */
  static synchronized String ensure() throws IOException, InterruptedException {
    if (version != null) {
      return version;
    }
    String v = dotVersion();
    if (v == null) {
      Process p = new ProcessBuilder("bash", Cli.ROOT.resolve(".ci/ensure-graphviz").toString())
          .redirectErrorStream(true).start();
      String said = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
      if (!p.waitFor(15, TimeUnit.MINUTES)) {
        p.destroyForcibly();
        throw new AssertionError(".ci/ensure-graphviz did not finish within 15 minutes: " + said);
      }
      v = dotVersion();
      if (p.exitValue() != 0 || v == null) {
        throw new AssertionError("Graphviz's dot is needed to render SVG and could not be installed by"
            + " .ci/ensure-graphviz (exit " + p.exitValue() + "): " + said);
      }
    }
    version = v;
    return v;
  }

  private static String dotVersion() throws InterruptedException {
    try {
      Process p = new ProcessBuilder("dot", "-V").redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
      return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0 ? out : null;
    } catch (IOException notInstalled) {
      return null;
    }
  }
}
