package io.cncfdemo.apps.wrk;

import static io.cncfdemo.apps.Apps.wrk;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cncfdemo.Demo;
import io.cncfdemo.InvalidInputException;
import io.cncfdemo.component.Stage;
import io.cncfdemo.demo.DemoWiringException;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class WrkTest {
  static final String URL = "http://countly-api:3001/o/ping";

  @Test
  void wrk_isASuspendedJobOfTheBenchmarkStage_thatPushesItsResults() {
    var compiled = Demo.with(wrk(URL).withDuration(Duration.ofMinutes(5)).withConnections(100).withThreads(4)).compile();

    assertThat(compiled.stage(Stage.BENCHMARK)).extracting(o -> o.getKind() + "/" + o.getMetadata().getName())
        .containsExactly("ConfigMap/wrk-script", "Job/wrk");
    var job = compiled.find(Job.class, "wrk").orElseThrow();
    assertThat(job.getSpec().getSuspend()).isTrue();
    assertThat(job.getSpec().getBackoffLimit()).isZero();
    var pod = job.getSpec().getTemplate().getSpec();
    assertThat(pod.getInitContainers()).singleElement().satisfies(load -> assertThat(load.getArgs())
        .containsExactly("-t4", "-c100", "-d5m", "--timeout", "5s", "--latency", "-s", "/etc/wrk/report.lua", URL));
    assertThat(pod.getContainers()).singleElement().satisfies(push -> assertThat(push.getCommand())
        .contains("--data-binary", "@/results/metrics.prom", "http://pushgateway.cncfdemo.svc:9091/metrics/job/wrk/instance/wrk"));
    assertThat(compiled.find(ConfigMap.class, "wrk-script").orElseThrow().getData().get("report.lua"))
        .contains("wrk_requests_per_second", "wrk_latency_seconds", "WRK_RESULTS");
  }

  @Test
  void rate_isRecordedForAConstantRateEngine_notPassedToPlainWrk() {
    var job = Demo.with(wrk(URL).withRate(500)).compile().find(Job.class, "wrk").orElseThrow();

    assertThat(job.getMetadata().getAnnotations()).containsEntry("cncfdemo.io/rate", "500").containsEntry("cncfdemo.io/target", URL);
    assertThat(job.getSpec().getTemplate().getSpec().getInitContainers().get(0).getArgs()).noneMatch(arg -> arg.startsWith("-R"));
  }

  @Test
  void withoutResultPush_needsNoPushgateway_andRunsWrkAlone() {
    var compiled = Demo.with(wrk(URL).withoutResultPush().named("wrk-dashboard")).withoutMonitoring().compile();

    var pod = compiled.find(Job.class, "wrk-dashboard").orElseThrow().getSpec().getTemplate().getSpec();
    assertThat(pod.getInitContainers()).isEmpty();
    assertThat(pod.getContainers()).extracting("name").containsExactly("wrk");
    assertThatThrownBy(() -> Demo.with(wrk(URL)).withoutMonitoring()).isInstanceOf(DemoWiringException.class)
        .hasMessage("wrk(\"" + URL + "\") needs a Pushgateway: add pushgateway(), drop withoutMonitoring(), or use wrk(url).withoutResultPush()");
  }

  @Test
  void badInput_isRejectedWithTheFieldTheValueAndWhatIsAllowed() {
    assertThatThrownBy(() -> wrk("ftp://countly")).isInstanceOf(InvalidInputException.class)
        .hasMessage("target must be an http:// or https:// URL such as http://countly-api:3001/o/ping, was \"ftp://countly\"");
    assertThatThrownBy(() -> wrk(URL).withDuration(Duration.ZERO)).hasMessage("duration must be a positive duration such as 30s, 5m or 1h, was \"0s\"");
    assertThatThrownBy(() -> wrk(URL).withDuration(Duration.ofHours(25))).hasMessage("duration must be between 1s and 24h, was \"25h\"");
    assertThatThrownBy(() -> wrk(URL).withThreads(0)).hasMessage("threads must be between 1 and 256, was 0");
    assertThatThrownBy(() -> wrk(URL).withConnections(0)).hasMessage("connections must be between 1 and 100000, was 0");
    assertThatThrownBy(() -> wrk(URL).withRate(0)).hasMessage("rate must be between 1 and 10000000, was 0");
    assertThatThrownBy(() -> wrk(URL).named("Load Test")).hasMessageStartingWith("name must be a lowercase RFC 1123 label");
    assertThatThrownBy(() -> Demo.with(wrk(URL).withThreads(8).withConnections(4)).compile())
        .hasMessage("connections must be at least the threads (8), one per thread or more, was 4");
  }
}
