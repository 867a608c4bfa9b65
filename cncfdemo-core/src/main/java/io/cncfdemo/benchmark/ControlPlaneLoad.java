package io.cncfdemo.benchmark;

import io.cncfdemo.support.Check;
import io.cncfdemo.support.CncfDemoValue;
import java.time.Duration;
import java.util.regex.Pattern;
import org.immutables.value.Value;

/**
 * What the control-plane benchmark does, in a scratch namespace it removes afterwards: start {@link
 * #pods()} pods, time {@link #apiCalls()} API requests of each kind, roll out a Deployment of
 * {@link #rolloutReplicas()} replicas, and, unless {@link #withoutPreemption()}, time the
 * preemption of a background pod. Every method returns a new, validated value.
 */
@CncfDemoValue
public abstract class ControlPlaneLoad {
  public static final int DEFAULT_PODS = 50;
  public static final int DEFAULT_API_CALLS = 50;
  public static final int DEFAULT_ROLLOUT_REPLICAS = 5;
  public static final int DEFAULT_PARALLELISM = 10;
  public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(5);

  /**
   * The pause container: starts in milliseconds, does nothing, as kube-burner and ClusterLoader2
   * use.
   */
  public static final String DEFAULT_IMAGE = "registry.k8s.io/pause:3.10";

  private static final Pattern IMAGE = Pattern.compile("[a-z0-9]+([._/:@-][a-zA-Z0-9_]+)*");
  private static final String IMAGE_RULE = "an image reference such as registry.k8s.io/pause:3.10";
  private static final Duration MIN_TIMEOUT = Duration.ofSeconds(10);
  private static final Duration MAX_TIMEOUT = Duration.ofHours(1);

  ControlPlaneLoad() {}

  /**
   * 50 pods created 10 at a time, 50 API calls of each kind, a Deployment of 5, preemption, 5
   * minutes at most.
   */
  public static ControlPlaneLoad defaults() {
    return ImmutableControlPlaneLoad.builder().build();
  }

  @Value.Default
  public int pods() {
    return DEFAULT_PODS;
  }

  @Value.Default
  public int apiCalls() {
    return DEFAULT_API_CALLS;
  }

  @Value.Default
  public int rolloutReplicas() {
    return DEFAULT_ROLLOUT_REPLICAS;
  }

  @Value.Default
  public int parallelism() {
    return DEFAULT_PARALLELISM;
  }

  /** Whether the preemption of a background pod is timed. */
  @Value.Default
  public boolean preemption() {
    return true;
  }

  @Value.Default
  public Duration timeout() {
    return DEFAULT_TIMEOUT;
  }

  @Value.Default
  public String image() {
    return DEFAULT_IMAGE;
  }

  /** Start this many pods (1 to 10000) and measure their start-up latency. */
  public ControlPlaneLoad pods(int pods) {
    return ImmutableControlPlaneLoad.copyOf(this)
        .copyWithPods(Check.between("pods", pods, 1, 10_000));
  }

  /** Time this many requests (1 to 10000) of each kind: GET, LIST, CREATE, DELETE. */
  public ControlPlaneLoad apiCalls(int calls) {
    return ImmutableControlPlaneLoad.copyOf(this)
        .copyWithApiCalls(Check.between("apiCalls", calls, 1, 10_000));
  }

  /** Roll out a Deployment of this many replicas (1 to 1000). */
  public ControlPlaneLoad rolloutReplicas(int replicas) {
    return ImmutableControlPlaneLoad.copyOf(this)
        .copyWithRolloutReplicas(Check.between("rolloutReplicas", replicas, 1, 1000));
  }

  /** Create this many pods at once (1 to 100), as kube-burner's QPS and burst do. */
  public ControlPlaneLoad parallelism(int parallelism) {
    return ImmutableControlPlaneLoad.copyOf(this)
        .copyWithParallelism(Check.between("parallelism", parallelism, 1, 100));
  }

  /** Give up on a step that takes longer than this (10 seconds to 1 hour). */
  public ControlPlaneLoad timeout(Duration timeout) {
    return ImmutableControlPlaneLoad.copyOf(this)
        .copyWithTimeout(Check.between("timeout", timeout, MIN_TIMEOUT, MAX_TIMEOUT));
  }

  /** Use this image for every pod, e.g. a mirror of the pause image. */
  public ControlPlaneLoad image(String image) {
    return ImmutableControlPlaneLoad.copyOf(this)
        .copyWithImage(Check.matches("image", image, IMAGE, IMAGE_RULE));
  }

  /** Skip the preemption measurement, e.g. where creating PriorityClasses is not allowed. */
  public ControlPlaneLoad withoutPreemption() {
    return ImmutableControlPlaneLoad.copyOf(this).copyWithPreemption(false);
  }

  @Override
  public String toString() {
    return pods()
        + " pods, "
        + apiCalls()
        + " API calls each, rollout of "
        + rolloutReplicas()
        + (preemption() ? ", preemption" : "");
  }
}
