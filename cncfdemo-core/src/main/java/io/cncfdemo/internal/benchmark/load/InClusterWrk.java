package io.cncfdemo.internal.benchmark.load;

import io.cncfdemo.benchmark.BenchmarkJobs;
import io.cncfdemo.benchmark.DemoUnderTest;
import io.cncfdemo.benchmark.HttpFigures;
import io.cncfdemo.benchmark.HttpLoad;
import io.cncfdemo.benchmark.HttpMetrics;
import io.cncfdemo.benchmark.LoadContext;
import io.cncfdemo.benchmark.LoadSource;
import io.cncfdemo.component.Stage;
import io.cncfdemo.exception.CncfDemoException;
import io.cncfdemo.internal.benchmark.RunMetadataCollector;
import io.cncfdemo.support.Backoff;
import io.cncfdemo.support.Durations;
import io.cncfdemo.support.KubernetesClients;
import io.cncfdemo.support.Poll;
import io.cncfdemo.support.PrometheusText;
import io.cncfdemo.support.WaitTimeoutException;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The load of wrk Jobs in the cluster: a copy of the demo's suspended wrk Job per run, with the
 * run's settings in its environment (see {@link BenchmarkJobs}). The Job pushes its results to the
 * demo's Pushgateway; they are read back through Prometheus, else from the Pushgateway, else from
 * the wrk container's log, where the script prints them too. wrk 4 measures as a closed loop and
 * corrects its percentiles after the run with the mean interval per connection (its {@code
 * stats_correct}); it holds no rate.
 */
public final class InClusterWrk implements LoadSource {
  private static final Logger LOG = LoggerFactory.getLogger(InClusterWrk.class);
  private static final Duration COLLECT_TIMEOUT = Duration.ofMinutes(2);
  private final DemoUnderTest demo;

  public InClusterWrk(DemoUnderTest demo) {
    this.demo = demo;
  }

  @Override
  public String describe() {
    return "wrk Job in the cluster against "
        + template()
            .map(job -> job.getMetadata().getAnnotations().get(BenchmarkJobs.TARGET_ANNOTATION))
            .orElse("(no wrk Job in the demo)");
  }

  @Override
  public boolean publishesItself() {
    return true;
  }

  @Override
  public HttpFigures run(HttpLoad load, LoadContext context) {
    load.validate();
    if (RunMetadataCollector.simulated(demo.cluster())) {
      throw new CncfDemoException(
          "no HTTP load on the simulated cluster: its nodes run no container, so wrk cannot load"
              + " Countly there; benchmark a URL with LoadSources.constantRate(url) or LocalWrk"
              + " instead");
    }
    var template =
        template()
            .orElseThrow(
                () ->
                    new CncfDemoException(
                        "the demo in namespace "
                            + demo.namespace()
                            + " has no load Job: add wrk(url) to Demo.with(...), e.g."
                            + " wrk(\"http://countly-api:3001/o/ping\")"));
    var client = demo.cluster().client();
    var namespace = demo.namespace();
    var job =
        client
            .batch()
            .v1()
            .jobs()
            .inNamespace(namespace)
            .resource(BenchmarkJobs.runJob(template, load, context.runId()))
            .create();
    var name = job.getMetadata().getName();
    LOG.info("started Job {}/{} for run {}: {}", namespace, name, context.runId(), load);
    var pod = awaitLoad(name, context);
    var limit = load.duration().plus(BenchmarkJobs.SCHEDULE_TIMEOUT);
    try {
      Poll.with(Backoff.fixed(Duration.ofSeconds(1)).deadline(limit))
          .ignoring(KubernetesClients::isTransient)
          .untilDone(
              "Job " + name + " to finish",
              () -> {
                if (finished(
                    client.batch().v1().jobs().inNamespace(namespace).withName(name).get())) {
                  return Poll.done(true);
                }
                context.progress(OptionalDouble.empty(), 0);
                return Poll.notYet("running");
              });
    } catch (WaitTimeoutException e) {
      throw new CncfDemoException(
          "Job " + name + " did not finish within " + Durations.format(limit), e);
    }
    var stored =
        context.resultStore().flatMap(store -> store.collect(context.runId(), COLLECT_TIMEOUT));
    if (stored.isPresent()) {
      return stored.get();
    }
    LOG.warn(
        "the results of run {} are in neither Prometheus nor the Pushgateway; reading the log of"
            + " pod {}",
        context.runId(),
        pod);
    var log =
        client
            .pods()
            .inNamespace(namespace)
            .withName(pod)
            .inContainer(BenchmarkJobs.LOAD_CONTAINER)
            .getLog();
    return HttpMetrics.figures(PrometheusText.parse(log), "job log")
        .orElseThrow(
            () ->
                new CncfDemoException(
                    "Job "
                        + name
                        + " left no results: not in the Pushgateway, not in the log of pod "
                        + pod));
  }

  private Optional<Job> template() {
    return demo.compiled().stage(Stage.BENCHMARK).stream()
        .filter(Job.class::isInstance)
        .map(Job.class::cast)
        .filter(
            job ->
                job.getMetadata().getAnnotations() != null
                    && job.getMetadata()
                        .getAnnotations()
                        .containsKey(BenchmarkJobs.TARGET_ANNOTATION))
        .findFirst();
  }

  /** Waits until the wrk container runs, tells the context, and returns the pod's name. */
  private String awaitLoad(String job, LoadContext context) {
    var client = demo.cluster().client();
    String started;
    try {
      started =
          Poll.with(Backoff.fixed(Duration.ofMillis(500)).deadline(BenchmarkJobs.SCHEDULE_TIMEOUT))
              .ignoring(KubernetesClients::isTransient)
              .untilDone(
                  "the wrk container of Job " + job,
                  () -> {
                    var pods =
                        client
                            .pods()
                            .inNamespace(demo.namespace())
                            .withLabels(Map.of("job-name", job))
                            .list()
                            .getItems();
                    return pods.stream()
                        .filter(
                            pod ->
                                loadContainer(pod)
                                    .filter(
                                        status ->
                                            status.getState() != null
                                                && (status.getState().getRunning() != null
                                                    || status.getState().getTerminated() != null))
                                    .isPresent())
                        .findFirst()
                        .map(pod -> Poll.done(pod.getMetadata().getName()))
                        .orElseGet(
                            () -> Poll.notYet(pods.isEmpty() ? "no pod yet" : "not running yet"));
                  });
    } catch (WaitTimeoutException e) {
      throw new CncfDemoException(
          "the wrk container of Job "
              + job
              + " did not start within "
              + Durations.format(BenchmarkJobs.SCHEDULE_TIMEOUT),
          e);
    }
    context.loadStarted();
    return started;
  }

  private static Optional<ContainerStatus> loadContainer(Pod pod) {
    if (pod.getStatus() == null) {
      return Optional.empty();
    }
    return Stream.concat(
            pod.getStatus().getInitContainerStatuses().stream(),
            pod.getStatus().getContainerStatuses().stream())
        .filter(status -> BenchmarkJobs.LOAD_CONTAINER.equals(status.getName()))
        .findFirst();
  }

  private static boolean finished(Job job) {
    return job == null
        || (job.getStatus() != null
            && job.getStatus().getConditions() != null
            && job.getStatus().getConditions().stream()
                .anyMatch(
                    c ->
                        ("Complete".equals(c.getType()) || "Failed".equals(c.getType()))
                            && "True".equals(c.getStatus())));
  }
}
