package io.cncfdemo.benchmark;

import io.cncfdemo.support.Check;
import java.time.Duration;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What the control-plane benchmark does, in a scratch namespace it removes afterwards: start {@link #pods()} pods,
 * time {@link #apiCalls()} API requests of each kind, roll out a Deployment of {@link #rolloutReplicas()} replicas,
 * and, unless {@link #withoutPreemption()}, time the preemption of a background pod. Every method returns a new,
 * validated value.
 */
public final class ControlPlaneLoad {
  public static final int DEFAULT_PODS = 50;
  public static final int DEFAULT_API_CALLS = 50;
  public static final int DEFAULT_ROLLOUT_REPLICAS = 5;
  public static final int DEFAULT_PARALLELISM = 10;
  public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(5);
  /** The pause container: starts in milliseconds, does nothing, as kube-burner and ClusterLoader2 use. */
  public static final String DEFAULT_IMAGE = "registry.k8s.io/pause:3.10";
  private static final Pattern IMAGE = Pattern.compile("[a-z0-9]+([._/:@-][a-zA-Z0-9_]+)*");

  private final int pods;
  private final int apiCalls;
  private final int rolloutReplicas;
  private final int parallelism;
  private final boolean preemption;
  private final Duration timeout;
  private final String image;

  private ControlPlaneLoad(int pods, int apiCalls, int rolloutReplicas, int parallelism, boolean preemption,
      Duration timeout, String image) {
    this.pods = pods;
    this.apiCalls = apiCalls;
    this.rolloutReplicas = rolloutReplicas;
    this.parallelism = parallelism;
    this.preemption = preemption;
    this.timeout = timeout;
    this.image = image;
  }

  /** 50 pods created 10 at a time, 50 API calls of each kind, a Deployment of 5, preemption, 5 minutes at most. */
  public static ControlPlaneLoad defaults() {
    return new ControlPlaneLoad(DEFAULT_PODS, DEFAULT_API_CALLS, DEFAULT_ROLLOUT_REPLICAS, DEFAULT_PARALLELISM, true,
        DEFAULT_TIMEOUT, DEFAULT_IMAGE);
  }

  /** Start this many pods (1 to 10000) and measure their start-up latency. */
  public ControlPlaneLoad pods(int pods) {
    return new ControlPlaneLoad(Check.between("pods", pods, 1, 10_000), apiCalls, rolloutReplicas, parallelism, preemption,
        timeout, image);
  }

  /** Time this many requests (1 to 10000) of each kind: GET, LIST, CREATE, DELETE. */
  public ControlPlaneLoad apiCalls(int calls) {
    return new ControlPlaneLoad(pods, Check.between("apiCalls", calls, 1, 10_000), rolloutReplicas, parallelism, preemption,
        timeout, image);
  }

  /** Roll out a Deployment of this many replicas (1 to 1000). */
  public ControlPlaneLoad rolloutReplicas(int replicas) {
    return new ControlPlaneLoad(pods, apiCalls, Check.between("rolloutReplicas", replicas, 1, 1000), parallelism, preemption,
        timeout, image);
  }

  /** Create this many pods at once (1 to 100), as kube-burner's QPS and burst do. */
  public ControlPlaneLoad parallelism(int parallelism) {
    return new ControlPlaneLoad(pods, apiCalls, rolloutReplicas, Check.between("parallelism", parallelism, 1, 100), preemption,
        timeout, image);
  }

  /** Give up on a step that takes longer than this (10 seconds to 1 hour). */
  public ControlPlaneLoad timeout(Duration timeout) {
    return new ControlPlaneLoad(pods, apiCalls, rolloutReplicas, parallelism, preemption,
        Check.between("timeout", timeout, Duration.ofSeconds(10), Duration.ofHours(1)), image);
  }

  /** Use this image for every pod, e.g. a mirror of the pause image. */
  public ControlPlaneLoad image(String image) {
    return new ControlPlaneLoad(pods, apiCalls, rolloutReplicas, parallelism, preemption, timeout,
        Check.matches("image", image, IMAGE, "an image reference such as registry.k8s.io/pause:3.10"));
  }

  /** Skip the preemption measurement, e.g. where creating PriorityClasses is not allowed. */
  public ControlPlaneLoad withoutPreemption() {
    return new ControlPlaneLoad(pods, apiCalls, rolloutReplicas, parallelism, false, timeout, image);
  }

  public int pods() {
    return pods;
  }

  public int apiCalls() {
    return apiCalls;
  }

  public int rolloutReplicas() {
    return rolloutReplicas;
  }

  public int parallelism() {
    return parallelism;
  }

  public boolean preemption() {
    return preemption;
  }

  public Duration timeout() {
    return timeout;
  }

  public String image() {
    return image;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ControlPlaneLoad that && pods == that.pods && apiCalls == that.apiCalls
        && rolloutReplicas == that.rolloutReplicas && parallelism == that.parallelism && preemption == that.preemption
        && timeout.equals(that.timeout) && image.equals(that.image);
  }

  @Override
  public int hashCode() {
    return Objects.hash(pods, apiCalls, rolloutReplicas, parallelism, preemption, timeout, image);
  }

  @Override
  public String toString() {
    return pods + " pods, " + apiCalls + " API calls each, rollout of " + rolloutReplicas + (preemption ? ", preemption" : "");
  }
}
