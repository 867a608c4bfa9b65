package io.cncfdemo.cluster;

import io.cncfdemo.exception.InvalidInputException;
import io.cncfdemo.support.Check;
import java.time.Duration;

/**
 * Load that a cluster simulates instead of serving: offered to a Deployment, it becomes the CPU its
 * ready pods use as the resource metrics API reports it, so that a HorizontalPodAutoscaler scales
 * the Deployment as it would under real traffic. The simulated local cluster offers it ({@link
 * RunningCluster#simulatedLoad()}); a benchmark on a real cluster sends real requests instead.
 */
public interface SimulatedLoad {

  /**
   * From now until the next offer to the same Deployment, each of its ready pods uses {@code
   * requestsPerSecond / readyPods × cpuPerRequest} of CPU, following the Deployment as it scales;
   * an offer of 0 requests per second leaves its pods idle. Returns at once: the metrics API
   * reports the change within about one metrics resolution (10 seconds on the simulated cluster).
   *
   * @param namespace the Deployment's namespace
   * @param deployment the Deployment's name
   * @param requestsPerSecond the load offered to the whole Deployment, at least 0
   * @param cpuPerRequest the CPU time one request costs, e.g. 5ms
   */
  void offer(String namespace, String deployment, double requestsPerSecond, Duration cpuPerRequest);

  /** Checks an offer's numbers, raising what {@link #offer} raises for them. */
  static void check(double requestsPerSecond, Duration cpuPerRequest) {
    if (!(requestsPerSecond >= 0) || Double.isInfinite(requestsPerSecond)) {
      throw new InvalidInputException(
          "requestsPerSecond", Double.toString(requestsPerSecond), "a finite number of at least 0");
    }
    Check.positive("cpuPerRequest", cpuPerRequest);
  }
}
