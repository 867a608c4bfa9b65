package io.cncfdemo.internal.benchmark.controlplane;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The times a watch saw each pod created, scheduled and running (Running and Ready), on this JVM's
 * monotonic clock: millisecond resolution, where the API's timestamps have whole seconds.
 */
final class PodTimes implements Watcher<Pod> {
  private static final Logger LOG = LoggerFactory.getLogger(PodTimes.class);

  /** One pod's times in {@link System#nanoTime()}; 0 until seen. */
  static final class Times {
    volatile long created;
    volatile long scheduled;
    volatile long running;
    volatile boolean deleted;
  }

  private final Map<String, Times> pods = new ConcurrentHashMap<>();

  @Override
  public void eventReceived(Action action, Pod pod) {
    long now = System.nanoTime();
    var times = pods.computeIfAbsent(pod.getMetadata().getName(), name -> new Times());
    synchronized (times) {
      if (times.created == 0) {
        times.created = now;
      }
      if (times.scheduled == 0 && PausePods.isScheduled(pod)) {
        times.scheduled = now;
      }
      if (times.running == 0 && PausePods.isRunning(pod)) {
        times.running = now;
      }
      if (action == Action.DELETED || pod.getMetadata().getDeletionTimestamp() != null) {
        times.deleted = true;
      }
    }
  }

  @Override
  public void onClose(WatcherException cause) {
    LOG.warn("the pod watch of the control-plane benchmark closed: {}", cause.getMessage());
  }

  Times of(String pod) {
    return pods.computeIfAbsent(pod, name -> new Times());
  }

  long running(Iterable<String> names) {
    long count = 0;
    for (var name : names) {
      if (of(name).running != 0) {
        count++;
      }
    }
    return count;
  }
}
