package io.cncfdemo.internal.benchmark.results;

import io.cncfdemo.benchmark.HttpFigures;
import io.cncfdemo.benchmark.HttpMetrics;
import io.cncfdemo.benchmark.ResultStore;
import io.cncfdemo.exception.CncfDemoException;
import io.cncfdemo.support.Backoff;
import io.cncfdemo.support.Poll;
import io.cncfdemo.support.WaitTimeoutException;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The {@link ResultStore} of a Pushgateway and, optionally, the Prometheus that scrapes it. */
public final class PushgatewayStore implements ResultStore {
  /** The Pushgateway group's job label, as wrk Jobs push: {@code /metrics/job/wrk/instance/RUN}. */
  public static final String JOB = "wrk";

  private static final Logger LOG = LoggerFactory.getLogger(PushgatewayStore.class);
  private static final Duration POLL = Duration.ofMillis(500);
  private final Pushgateway pushgateway;
  private final Optional<PrometheusApi> prometheus;

  public PushgatewayStore(Pushgateway pushgateway, Optional<PrometheusApi> prometheus) {
    this.pushgateway = pushgateway;
    this.prometheus = prometheus;
  }

  @Override
  public String describe() {
    return pushgateway.describe()
        + prometheus.map(p -> ", read through " + p.describe()).orElse("");
  }

  @Override
  public void publish(String runId, HttpFigures figures) {
    pushgateway.push(JOB, runId, HttpMetrics.samples(figures));
    LOG.info("pushed the results of run {} to {}", runId, pushgateway.describe());
  }

  @Override
  public Optional<HttpFigures> collect(String runId, Duration timeout) {
    if (prometheus.isPresent()) {
      var query =
          "{__name__=~\""
              + HttpMetrics.PREFIX
              + ".+\",job=\""
              + JOB
              + "\",instance=\""
              + runId
              + "\"}";
      try {
        return Poll.with(Backoff.fixed(POLL).deadline(timeout))
            .ignoring(CncfDemoException.class::isInstance)
            .untilDone(
                "the results of run " + runId + " in " + prometheus.get().describe(),
                () -> {
                  var figures = HttpMetrics.figures(prometheus.get().query(query), "prometheus");
                  return figures.isPresent() ? Poll.done(figures) : Poll.notYet("none yet");
                });
      } catch (WaitTimeoutException e) {
        LOG.warn(
            "{} has no results of run {} after {} s ({}); reading the Pushgateway",
            prometheus.get().describe(),
            runId,
            timeout.toSeconds(),
            e.reason());
      }
    }
    try {
      return HttpMetrics.figures(pushgateway.group(JOB, runId), "pushgateway");
    } catch (CncfDemoException e) {
      LOG.warn("{} has no results of run {}: {}", pushgateway.describe(), runId, e.getMessage());
      return Optional.empty();
    }
  }
}
