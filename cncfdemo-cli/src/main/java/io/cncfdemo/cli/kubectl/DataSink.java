package io.cncfdemo.cli.kubectl;

/**
 * Where {@link DataSources} puts the keys it reads: the data of a ConfigMap or of a Secret, each
 * with kubectl's checks.
 */
interface DataSink {

  /** Adds a key from the content of a file. */
  void addFile(String key, byte[] content);

  /** Adds a key from a {@code --from-literal} value. */
  void addLiteral(String key, String value);
}
