package io.cncfdemo.deploy;

import io.cncfdemo.support.Check;
import java.time.Duration;
import java.util.Objects;

/**
 * How {@code Demo...deployTo(cluster, options)} works: who listens, how long a stage may take to become ready, how
 * many objects are applied at once, and how often a request the API server could not answer is tried.
 */
public final class DeployOptions {
  public static final Duration DEFAULT_STAGE_TIMEOUT = Duration.ofMinutes(5);
  public static final int DEFAULT_PARALLELISM = 8;
  public static final int DEFAULT_ATTEMPTS = 10;

  private final DeployListener listener;
  private final Duration stageTimeout;
  private final int parallelism;
  private final int attempts;
  private final boolean waitForReadiness;

  private DeployOptions(DeployListener listener, Duration stageTimeout, int parallelism, int attempts,
      boolean waitForReadiness) {
    this.listener = listener;
    this.stageTimeout = stageTimeout;
    this.parallelism = parallelism;
    this.attempts = attempts;
    this.waitForReadiness = waitForReadiness;
  }

  /** The defaults: no listener, 5 minutes per stage, 8 objects at once, 10 attempts per request. */
  public static DeployOptions defaults() {
    return new DeployOptions(new DeployListener() {}, DEFAULT_STAGE_TIMEOUT, DEFAULT_PARALLELISM, DEFAULT_ATTEMPTS, true);
  }

  /** The same options with this listener. */
  public DeployOptions listener(DeployListener listener) {
    return new DeployOptions(Objects.requireNonNull(listener, "listener"), stageTimeout, parallelism, attempts, waitForReadiness);
  }

  /** The same options with this much time for each stage to become ready (1 second to 2 hours). */
  public DeployOptions stageTimeout(Duration timeout) {
    return new DeployOptions(listener,
        Check.between("stageTimeout", timeout, Duration.ofSeconds(1), Duration.ofHours(2)), parallelism, attempts, waitForReadiness);
  }

  /** The same options applying this many objects at once (1 to 64). */
  public DeployOptions parallelism(int parallelism) {
    return new DeployOptions(listener, stageTimeout, Check.between("parallelism", parallelism, 1, 64), attempts,
        waitForReadiness);
  }

  /**
   * The same options trying each request this many times (1 to 100) when the API server is unreachable, busy (429),
   * in conflict (409) or failing (5xx), with exponential backoff from 100 ms to 5 s between attempts.
   */
  public DeployOptions attempts(int attempts) {
    return new DeployOptions(listener, stageTimeout, parallelism, Check.between("attempts", attempts, 1, 100),
        waitForReadiness);
  }

  /**
   * The same options applying the stages in order without waiting for readiness in between — what
   * {@code kubectl apply -f} does; for API servers without controllers, or when something else waits.
   */
  public DeployOptions withoutWaiting() {
    return new DeployOptions(listener, stageTimeout, parallelism, attempts, false);
  }

  public boolean waitForReadiness() {
    return waitForReadiness;
  }

  public DeployListener listener() {
    return listener;
  }

  public Duration stageTimeout() {
    return stageTimeout;
  }

  public int parallelism() {
    return parallelism;
  }

  public int attempts() {
    return attempts;
  }
}
