package dev.sgreach.cli;

import picocli.CommandLine.IVersionProvider;

/** The version from the jar manifest's {@code Implementation-Version}, which the shaded jar carries. */
final class ManifestVersion implements IVersionProvider {
  @Override
  public String[] getVersion() {
    String v = Main.class.getPackage().getImplementationVersion();
    return new String[] {"sgreach " + (v == null ? "(development build)" : v)};
  }
}
