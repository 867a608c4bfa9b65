package io.cncfdemo.support;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.io.IOException;
import java.time.Duration;

/**
 * The fabric8 clients the library builds, and how their requests are retried. There is exactly one
 * retry layer: the library's ({@link #retry(int)} in the deployer, the teardown and the differ;
 * {@link Poll#ignoring} in waits). fabric8's own request retry ({@code requestRetryBackoffLimit},
 * 10 by default) is off on every client built here, so one failing request is tried as often as the
 * library says, not ten times as often. Watches and informers keep fabric8's reconnect, which is
 * not a request retry.
 */
public final class KubernetesClients {
  /** The first pause of {@link #retry(int)}; it doubles up to {@link #MAX_BACKOFF}. */
  public static final Duration FIRST_BACKOFF = Duration.ofMillis(100);

  public static final Duration MAX_BACKOFF = Duration.ofSeconds(5);

  /**
   * The share by which {@link #retry(int)} shortens each pause at random, so parallel requests do
   * not retry in step.
   */
  public static final double JITTER = 0.2;

  private KubernetesClients() {}

  /** A client of {@code config}, whose own request retry is turned off (on {@code config} too). */
  public static KubernetesClient create(Config config) {
    config.setRequestRetryBackoffLimit(0);
    return new KubernetesClientBuilder().withConfig(config).build();
  }

  /**
   * Retries a request the API server could not answer: connection refused or reset (code 0), 409
   * conflict, 429 throttling, 5xx; {@code attempts} in all, pausing 100 ms, doubling up to 5 s,
   * each pause shortened at random by up to a fifth ({@link #JITTER}).
   */
  public static Retry retry(int attempts) {
    return Retry.on(
        KubernetesClients::isTransient,
        Backoff.exponential(FIRST_BACKOFF, MAX_BACKOFF).jitter(JITTER).attempts(attempts));
  }

  /**
   * Whether {@code error} is a request the API server could not answer now but may answer later.
   */
  public static boolean isTransient(RuntimeException error) {
    if (!(error instanceof KubernetesClientException e)) {
      return false;
    }
    int code = e.getCode();
    if (code == 409 || code == 429 || (code >= 500 && code <= 504)) {
      return true;
    }
    if (code == 0 || code == -1) {
      for (Throwable cause = e; cause != null; cause = cause.getCause()) {
        if (cause instanceof IOException) {
          return true;
        }
      }
    }
    return false;
  }

  /** {@code HTTP 503}, or the root cause's message when no answer came. */
  public static String describe(KubernetesClientException e) {
    return e.getCode() > 0 ? "HTTP " + e.getCode() : String.valueOf(rootCause(e).getMessage());
  }

  private static Throwable rootCause(Throwable e) {
    var cause = e;
    while (cause.getCause() != null && cause.getCause() != cause) {
      cause = cause.getCause();
    }
    return cause;
  }
}
