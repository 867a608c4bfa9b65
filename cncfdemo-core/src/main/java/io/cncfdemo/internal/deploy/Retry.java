package io.cncfdemo.internal.deploy;

import io.cncfdemo.exception.CncfDemoException;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.io.IOException;
import java.time.Duration;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Calls the API server again, with exponential backoff, when it could not answer: connection refused or reset
 * (code 0), 409 conflict, 429 throttling, 5xx. Any other error is the answer and is thrown at once.
 */
final class Retry {
  static final Duration FIRST_BACKOFF = Duration.ofMillis(100);
  static final Duration MAX_BACKOFF = Duration.ofSeconds(5);
  private static final Logger LOG = LoggerFactory.getLogger(Retry.class);

  private final int attempts;

  Retry(int attempts) {
    this.attempts = attempts;
  }

  <T> T call(String what, Supplier<T> request) {
    var backoff = FIRST_BACKOFF;
    for (int attempt = 1; ; attempt++) {
      try {
        return request.get();
      } catch (KubernetesClientException e) {
        if (!isTransient(e) || attempt >= attempts) {
          throw e;
        }
        LOG.debug("{}: attempt {} of {} failed ({}); again in {} ms", what, attempt, attempts, describe(e), backoff.toMillis());
        sleep(backoff, what);
        backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
      }
    }
  }

  static boolean isTransient(KubernetesClientException e) {
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

  static String describe(KubernetesClientException e) {
    return e.getCode() > 0 ? "HTTP " + e.getCode() : String.valueOf(rootCause(e).getMessage());
  }

  private static Throwable rootCause(Throwable e) {
    var cause = e;
    while (cause.getCause() != null && cause.getCause() != cause) {
      cause = cause.getCause();
    }
    return cause;
  }

  private static void sleep(Duration duration, String what) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CncfDemoException("interrupted while retrying " + what, e);
    }
  }
}
