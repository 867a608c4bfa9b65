package io.cncfdemo.deploy;

/**
 * How far one workload of a deployed demo is: ready replicas of a Deployment or StatefulSet,
 * succeeded pods of a Job.
 *
 * @param kind {@code Deployment}, {@code StatefulSet}, {@code DaemonSet} or {@code Job}
 * @param name its name
 * @param desired replicas wanted (completions for a Job)
 * @param ready replicas ready (succeeded pods for a Job)
 */
public record WorkloadStatus(String kind, String name, int desired, int ready) {
  /** Whether every wanted replica is ready, or the Job has completed. */
  public boolean isReady() {
    return ready >= desired;
  }

  @Override
  public String toString() {
    return kind + " " + name + " " + ready + "/" + desired;
  }
}
