package io.cncfdemo.deploy;

import io.cncfdemo.support.Check;
import io.cncfdemo.support.CncfDemoValue;
import java.time.Duration;
import java.util.Objects;
import org.immutables.value.Value;

/**
 * How {@code Demo...deployTo(cluster, options)} works: who listens, how long a stage may take to
 * become ready, how many objects are applied at once, and how often a request the API server could
 * not answer is tried.
 */
@CncfDemoValue
public abstract class DeployOptions {
  public static final Duration DEFAULT_STAGE_TIMEOUT = Duration.ofMinutes(5);
  public static final int DEFAULT_PARALLELISM = 8;
  public static final int DEFAULT_ATTEMPTS = 10;

  /** The listener of the defaults: hears nothing. */
  public static final DeployListener DEFAULT_LISTENER = new DeployListener() {};

  DeployOptions() {}

  /** The defaults: no listener, 5 minutes per stage, 8 objects at once, 10 attempts per request. */
  public static DeployOptions defaults() {
    return ImmutableDeployOptions.builder().build();
  }

  @Value.Default
  public DeployListener listener() {
    return DEFAULT_LISTENER;
  }

  @Value.Default
  public Duration stageTimeout() {
    return DEFAULT_STAGE_TIMEOUT;
  }

  @Value.Default
  public int parallelism() {
    return DEFAULT_PARALLELISM;
  }

  @Value.Default
  public int attempts() {
    return DEFAULT_ATTEMPTS;
  }

  /** Whether each stage waits until the one before is ready. */
  @Value.Default
  public boolean waitForReadiness() {
    return true;
  }

  /** The same options with this listener. */
  public DeployOptions listener(DeployListener listener) {
    return ImmutableDeployOptions.copyOf(this)
        .copyWithListener(Objects.requireNonNull(listener, "listener"));
  }

  /** The same options with this much time for each stage to become ready (1 second to 2 hours). */
  public DeployOptions stageTimeout(Duration timeout) {
    return ImmutableDeployOptions.copyOf(this)
        .copyWithStageTimeout(
            Check.between("stageTimeout", timeout, Duration.ofSeconds(1), Duration.ofHours(2)));
  }

  /** The same options applying this many objects at once (1 to 64). */
  public DeployOptions parallelism(int parallelism) {
    return ImmutableDeployOptions.copyOf(this)
        .copyWithParallelism(Check.between("parallelism", parallelism, 1, 64));
  }

  /**
   * The same options trying each request this many times (1 to 100) when the API server is
   * unreachable, busy (429), in conflict (409) or failing (5xx), with exponential backoff from 100
   * ms to 5 s between attempts.
   */
  public DeployOptions attempts(int attempts) {
    return ImmutableDeployOptions.copyOf(this)
        .copyWithAttempts(Check.between("attempts", attempts, 1, 100));
  }

  /**
   * The same options applying the stages in order without waiting for readiness in between — what
   * {@code kubectl apply -f} does; for API servers without controllers, or when something else
   * waits.
   */
  public DeployOptions withoutWaiting() {
    return ImmutableDeployOptions.copyOf(this).copyWithWaitForReadiness(false);
  }
}
