package io.cncfdemo.benchmark;

import java.util.Objects;

/**
 * Something that happened during a run, marked on the {@link Timeline}'s time axis.
 *
 * @param atSeconds when, in seconds since the load started (events from the API server have whole
 *     seconds)
 * @param kind what: {@value #PREEMPTED}, {@value #CHAOS}, {@value #SCALE_UP}, {@value #SCALE_DOWN},
 *     {@value #RECOVERED} or {@value #LOAD_END}
 * @param object what it happened to, e.g. {@code pod/boinc-7f9c-x2k4p}
 * @param message what the cluster or the benchmark said about it
 */
public record TimelineEvent(double atSeconds, String kind, String object, String message) {
  /** The scheduler preempted a pod (its {@code Preempted} event). */
  public static final String PREEMPTED = "preempted";

  /** The benchmark caused a failure on purpose. */
  public static final String CHAOS = "chaos";

  /** The HPA raised the replica count (its {@code SuccessfulRescale} event). */
  public static final String SCALE_UP = "scale-up";

  /** The HPA lowered the replica count (its {@code SuccessfulRescale} event). */
  public static final String SCALE_DOWN = "scale-down";

  /** The ready replicas were back to their count before a chaos strike. */
  public static final String RECOVERED = "recovered";

  /** The load profile ended. */
  public static final String LOAD_END = "load-end";

  public TimelineEvent {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(object, "object");
    Objects.requireNonNull(message, "message");
  }
}
