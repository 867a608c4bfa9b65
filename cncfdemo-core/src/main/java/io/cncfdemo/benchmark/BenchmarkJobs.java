package io.cncfdemo.benchmark;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * How the benchmark runs load Jobs of a demo's {@code BENCHMARK} stage, such as {@code wrk(url)}'s:
 * the demo holds each as a suspended template marked with {@link #TARGET_ANNOTATION}; each run
 * creates a copy that is not suspended, with the environment variables below set on every
 * container, so that the run's duration, connections, threads, timeout and id reach the load tool
 * (Kubernetes expands {@code $(NAME)} in a container's command and arguments).
 */
public final class BenchmarkJobs {
  /** On a load Job: the URL it loads. */
  public static final String TARGET_ANNOTATION = "cncfdemo.io/target";

  /** On a load Job: the constant rate asked for, when one was. */
  public static final String RATE_ANNOTATION = "cncfdemo.io/rate";

  /**
   * The run's id: the Pushgateway group's {@code instance}, {@code
   * /metrics/job/wrk/instance/$(CNCFDEMO_RUN)}.
   */
  public static final String RUN = "CNCFDEMO_RUN";

  /** The load's duration in whole seconds, e.g. {@code 300s} (see {@link #wrkSeconds}). */
  public static final String DURATION = "WRK_DURATION";

  public static final String CONNECTIONS = "WRK_CONNECTIONS";
  public static final String THREADS = "WRK_THREADS";

  /** The timeout per request in whole seconds, e.g. {@code 5s}. */
  public static final String TIMEOUT = "WRK_TIMEOUT";

  /** The constant rate in requests per second, empty for as fast as possible. */
  public static final String RATE = "WRK_RATE";

  /**
   * The container that generates the load; its log holds the results in the Prometheus text format.
   */
  public static final String LOAD_CONTAINER = "wrk";

  /**
   * How long a run's Job may take beyond the load's duration to be scheduled, pull its image and
   * report.
   */
  public static final Duration SCHEDULE_TIMEOUT = Duration.ofMinutes(10);

  private BenchmarkJobs() {}

  /**
   * A duration as wrk parses it, in whole seconds rounded up and at least one, e.g. {@code 90s}:
   * wrk takes neither {@code 1m30s} nor milliseconds.
   */
  public static String wrkSeconds(Duration duration) {
    long seconds = duration.toSeconds() + (duration.toNanosPart() > 0 ? 1 : 0);
    return Math.max(1, seconds) + "s";
  }

  /**
   * The Job a run starts: a copy of {@code template}, not suspended, named after the template and
   * the end of {@code runId}, with the run's settings in every container's environment and a
   * deadline of the load's duration plus {@link #SCHEDULE_TIMEOUT}; the template is left as it was.
   */
  public static Job runJob(Job template, HttpLoad load, String runId) {
    var env =
        List.of(
            new EnvVar(RUN, runId, null),
            new EnvVar(DURATION, wrkSeconds(load.duration()), null),
            new EnvVar(CONNECTIONS, Integer.toString(load.connections()), null),
            new EnvVar(THREADS, Integer.toString(load.threads()), null),
            new EnvVar(TIMEOUT, wrkSeconds(load.timeout()), null),
            new EnvVar(
                RATE,
                load.rate().isPresent() ? Integer.toString(load.rate().getAsInt()) : "",
                null));
    var name = template.getMetadata().getName();
    var suffix = runId.substring(Math.max(0, runId.length() - 20));
    var job =
        new JobBuilder(template)
            .editMetadata()
            .withName((name.length() > 40 ? name.substring(0, 40) : name) + "-" + suffix)
            .withResourceVersion(null)
            .withUid(null)
            .addToLabels("cncfdemo.io/run", suffix)
            .endMetadata()
            .editSpec()
            .withSuspend(false)
            .withTtlSecondsAfterFinished(3600)
            .withActiveDeadlineSeconds(load.duration().plus(SCHEDULE_TIMEOUT).toSeconds())
            .endSpec()
            .build();
    var pod = job.getSpec().getTemplate().getSpec();
    Stream.concat(pod.getInitContainers().stream(), pod.getContainers().stream())
        .forEach(container -> override(container, env));
    return job;
  }

  private static void override(Container container, List<EnvVar> env) {
    var merged = new ArrayList<EnvVar>();
    var names = env.stream().map(EnvVar::getName).toList();
    if (container.getEnv() != null) {
      container.getEnv().stream()
          .filter(var -> !names.contains(var.getName()))
          .forEach(merged::add);
    }
    merged.addAll(env);
    container.setEnv(merged);
  }
}
