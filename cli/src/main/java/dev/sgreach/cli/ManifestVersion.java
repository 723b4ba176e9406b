package dev.sgreach.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/**
 * The version for {@code --version}: the build's project version, which the build writes into
 * {@code version.properties} beside this class (so it is right from the jar, the shaded jar and the class folders
 * alike); the jar manifest's {@code Implementation-Version} carries the same.
 */
final class ManifestVersion implements IVersionProvider {
  @Override
  public String[] getVersion() {
    return new String[] {"sgreach " + version()};
  }

  /** The project version, e.g. {@code 0.1.0-SNAPSHOT}. */
  static String version() {
    try (InputStream in = ManifestVersion.class.getResourceAsStream("version.properties")) {
      if (in != null) {
        Properties p = new Properties();
        p.load(in);
        String v = p.getProperty("version", "");
        if (!v.isEmpty() && !v.startsWith("${")) {
          return v;
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the version", e);
    }
    String manifest = Main.class.getPackage().getImplementationVersion();
    return manifest == null ? "(development build)" : manifest;
  }
}
