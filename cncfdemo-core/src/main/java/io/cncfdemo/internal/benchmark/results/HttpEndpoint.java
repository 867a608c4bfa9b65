package io.cncfdemo.internal.benchmark.results;

/**
 * An HTTP server the benchmark talks to (a Pushgateway, a Prometheus), reached directly or through
 * the Kubernetes API server's service proxy. Paths start with {@code /} and carry their query
 * string, already encoded.
 */
public interface HttpEndpoint {

  /**
   * The body of a GET; fails with {@link io.cncfdemo.exception.CncfDemoException} on a transport
   * error or a status of 400 or more.
   */
  String get(String path);

  /** PUTs {@code body} as {@code contentType}; fails like {@link #get}. */
  void put(String path, String contentType, String body);

  /** Where it is, for messages. */
  String describe();
}
