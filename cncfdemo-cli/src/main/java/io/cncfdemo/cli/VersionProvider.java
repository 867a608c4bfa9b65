package io.cncfdemo.cli;

import picocli.CommandLine.IVersionProvider;

/** {@code cncfdemo --version}: the version of the jar, and the Java it runs on. */
final class VersionProvider implements IVersionProvider {
  @Override
  public String[] getVersion() {
    var version = VersionProvider.class.getPackage().getImplementationVersion();
    return new String[] {
      "cncfdemo " + (version == null ? "(development build)" : version),
      "Java " + Runtime.version() + ", " + System.getProperty("java.vendor")
    };
  }
}
