package io.cncfdemo.apps.wrk;

import static io.cncfdemo.apps.Apps.wrk;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cncfdemo.Demo;
import io.cncfdemo.benchmark.BenchmarkJobs;
import io.cncfdemo.benchmark.HttpLoad;
import io.cncfdemo.component.Stage;
import io.cncfdemo.demo.DemoWiringException;
import io.cncfdemo.exception.InvalidInputException;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class WrkTest {
  static final String URL = "http://countly-api:3001/o/ping";

  @Test
  void wrk_isASuspendedJobOfTheBenchmarkStage_thatPushesItsResults() {
    var compiled =
        Demo.with(wrk(URL).duration(Duration.ofMinutes(5)).connections(100).threads(4)).compile();

    assertThat(compiled.stage(Stage.BENCHMARK))
        .extracting(o -> o.getKind() + "/" + o.getMetadata().getName())
        .containsExactly("ConfigMap/wrk-script", "Job/wrk", "NetworkPolicy/wrk");
    var job = compiled.find(Job.class, "wrk").orElseThrow();
    assertThat(job.getSpec().getSuspend()).isTrue();
    assertThat(job.getSpec().getBackoffLimit()).isZero();
    var pod = job.getSpec().getTemplate().getSpec();
    assertThat(pod.getInitContainers())
        .singleElement()
        .satisfies(
            load -> {
              assertThat(load.getArgs())
                  .containsExactly(
                      "-t$(WRK_THREADS)",
                      "-c$(WRK_CONNECTIONS)",
                      "-d$(WRK_DURATION)",
                      "--timeout",
                      "$(WRK_TIMEOUT)",
                      "--latency",
                      "-s",
                      "/etc/wrk/countly.lua",
                      URL);
              assertThat(load.getEnv())
                  .extracting(e -> e.getName() + "=" + e.getValue())
                  .contains(
                      "WRK_THREADS=4",
                      "WRK_CONNECTIONS=100",
                      "WRK_DURATION=300s",
                      "WRK_TIMEOUT=5s",
                      "WRK_RATE=",
                      "CNCFDEMO_RUN=wrk",
                      "WRK_RESULTS=/results/metrics.prom");
            });
    assertThat(pod.getContainers())
        .singleElement()
        .satisfies(
            push -> {
              assertThat(push.getCommand())
                  .contains(
                      "--upload-file",
                      "/results/metrics.prom",
                      "http://pushgateway.cncfdemo.svc:9091/metrics/job/wrk/instance/$(CNCFDEMO_RUN)");
              assertThat(push.getEnv())
                  .extracting(e -> e.getName() + "=" + e.getValue())
                  .containsExactly("CNCFDEMO_RUN=wrk");
            });
    assertThat(
            compiled.find(ConfigMap.class, "wrk-script").orElseThrow().getData().get("countly.lua"))
        .contains(
            "wrk_requests_per_second",
            "wrk_latency_seconds",
            "WRK_RESULTS",
            "/i?app_key=",
            "method=events");
  }

  @Test
  void aBenchmarkRun_startsACopyOfTheTemplate_withItsSettingsInEveryVariableTheCommandsUse() {
    var template = Demo.with(wrk(URL)).compile().find(Job.class, "wrk").orElseThrow();
    var load =
        HttpLoad.of(Duration.ofSeconds(90))
            .connections(32)
            .threads(4)
            .timeout(Duration.ofMillis(1500))
            .rate(250);

    var run = BenchmarkJobs.runJob(template, load, "aws-us-west-2-20261125-101530-9f3a");

    assertThat(run.getMetadata().getName()).isEqualTo("wrk-20261125-101530-9f3a");
    assertThat(run.getSpec().getSuspend()).isFalse();
    assertThat(template.getSpec().getSuspend()).as("the template is left as it was").isTrue();
    assertThat(template.getSpec().getTemplate().getSpec().getInitContainers().get(0).getEnv())
        .extracting(e -> e.getName() + "=" + e.getValue())
        .contains("CNCFDEMO_RUN=wrk", "WRK_DURATION=60s");
    var pod = run.getSpec().getTemplate().getSpec();
    for (var container : List.of(pod.getInitContainers().get(0), pod.getContainers().get(0))) {
      var env =
          container.getEnv().stream()
              .filter(e -> e.getValue() != null)
              .collect(Collectors.toMap(EnvVar::getName, EnvVar::getValue));
      var commandLine =
          String.join(" ", container.getCommand()) + " " + String.join(" ", container.getArgs());
      var references =
          Pattern.compile("\\$\\(([A-Z_]+)\\)")
              .matcher(commandLine)
              .results()
              .map(r -> r.group(1))
              .toList();
      assertThat(references)
          .as(container.getName())
          .isNotEmpty()
          .allSatisfy(name -> assertThat(env).containsKey(name));
      assertThat(env).containsEntry("CNCFDEMO_RUN", "aws-us-west-2-20261125-101530-9f3a");
    }
    assertThat(pod.getInitContainers().get(0).getEnv())
        .extracting(e -> e.getName() + "=" + e.getValue())
        .contains(
            "WRK_DURATION=90s",
            "WRK_CONNECTIONS=32",
            "WRK_THREADS=4",
            "WRK_TIMEOUT=2s",
            "WRK_RATE=250")
        .doesNotContain("WRK_DURATION=1m");
  }

  @Test
  void countlyKeys_goIntoASecret_thatTheLoadReadsFrom() {
    var compiled =
        Demo.with(
                wrk(URL)
                    .countlyKeys(new CountlyKeys("appkey1", "apikey2", "appid3"))
                    .readPercent(30))
            .compile();

    var secret = compiled.find(Secret.class, "wrk-countly").orElseThrow();
    assertThat(secret.getData()).containsOnlyKeys("appKey", "apiKey", "appId");
    var load =
        compiled
            .find(Job.class, "wrk")
            .orElseThrow()
            .getSpec()
            .getTemplate()
            .getSpec()
            .getInitContainers()
            .get(0);
    assertThat(load.getEnv())
        .filteredOn(e -> e.getName().startsWith("COUNTLY_"))
        .extracting(
            e ->
                e.getName()
                    + "<-"
                    + e.getValueFrom().getSecretKeyRef().getName()
                    + "/"
                    + e.getValueFrom().getSecretKeyRef().getKey())
        .containsExactly(
            "COUNTLY_APP_KEY<-wrk-countly/appKey",
            "COUNTLY_API_KEY<-wrk-countly/apiKey",
            "COUNTLY_APP_ID<-wrk-countly/appId");
    assertThat(load.getEnv())
        .extracting(e -> e.getName() + "=" + e.getValue())
        .contains("WRK_READ_PERCENT=30");
    assertThat(new CountlyKeys("a", "b", "c"))
        .hasToString("CountlyKeys[appKey=…, apiKey=…, appId=c]");
    assertThatThrownBy(() -> new CountlyKeys("a&b", "b", "c"))
        .hasMessage(
            "appKey must be letters and digits, as Countly makes its keys and ids, was \"a&b\"");
    assertThatThrownBy(() -> wrk(URL).readPercent(101))
        .hasMessage("readPercent must be between 0 and 100, was 101");
  }

  @Test
  void rate_isRecordedForAConstantRateEngine_notPassedToPlainWrk() {
    var job = Demo.with(wrk(URL).rate(500)).compile().find(Job.class, "wrk").orElseThrow();

    assertThat(job.getMetadata().getAnnotations())
        .containsEntry("cncfdemo.io/rate", "500")
        .containsEntry("cncfdemo.io/target", URL);
    assertThat(job.getSpec().getTemplate().getSpec().getInitContainers().get(0).getArgs())
        .noneMatch(arg -> arg.startsWith("-R"));
  }

  @Test
  void withoutResultPush_needsNoPushgateway_andRunsWrkAlone() {
    var compiled =
        Demo.with(wrk(URL).withoutResultPush().named("wrk-dashboard"))
            .withoutMonitoring()
            .compile();

    var pod =
        compiled.find(Job.class, "wrk-dashboard").orElseThrow().getSpec().getTemplate().getSpec();
    assertThat(pod.getInitContainers()).isEmpty();
    assertThat(pod.getContainers()).extracting("name").containsExactly("wrk");
    assertThatThrownBy(() -> Demo.with(wrk(URL)).withoutMonitoring())
        .isInstanceOf(DemoWiringException.class)
        .hasMessage(
            "wrk(\""
                + URL
                + "\") needs a Pushgateway: add pushgateway(), drop withoutMonitoring(), or use"
                + " wrk(url).withoutResultPush()");
  }

  @Test
  void badInput_isRejectedWithTheFieldTheValueAndWhatIsAllowed() {
    assertThatThrownBy(() -> wrk("ftp://countly"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage(
            "target must be an http:// or https:// URL such as http://countly-api:3001/o/ping, was"
                + " \"ftp://countly\"");
    assertThatThrownBy(() -> wrk(URL).duration(Duration.ZERO))
        .hasMessage("duration must be a positive duration such as 30s, 5m or 1h, was \"0s\"");
    assertThatThrownBy(() -> wrk(URL).duration(Duration.ofHours(25)))
        .hasMessage("duration must be between 1s and 24h, was \"25h\"");
    assertThatThrownBy(() -> wrk(URL).threads(0))
        .hasMessage("threads must be between 1 and 256, was 0");
    assertThatThrownBy(() -> wrk(URL).connections(0))
        .hasMessage("connections must be between 1 and 100000, was 0");
    assertThatThrownBy(() -> wrk(URL).rate(0))
        .hasMessage("rate must be between 1 and 10000000, was 0");
    assertThatThrownBy(() -> wrk(URL).named("Load Test"))
        .hasMessageStartingWith("name must be a lowercase RFC 1123 label");
    assertThatThrownBy(() -> Demo.with(wrk(URL).threads(8).connections(4)).compile())
        .hasMessage("connections must be at least the threads (8), one per thread or more, was 4");
  }

  @Test
  void wrksSettings_areAnHttpLoad_andLocalWrkIsAValueToo() {
    var load = HttpLoad.of(Duration.ofMinutes(2)).connections(32).threads(4);

    assertThat(wrk(URL).httpLoad(load))
        .isEqualTo(wrk(URL).duration(Duration.ofMinutes(2)).connections(32).threads(4));
    assertThat(wrk(URL).httpLoad(load).environment())
        .containsEntry("WRK_CONNECTIONS", "32")
        .containsEntry("WRK_THREADS", "4");
    assertThatThrownBy(() -> wrk(URL).httpLoad(null))
        .hasMessage("httpLoad must be an HTTP load such as HttpLoad.defaults(), was null");

    var local = LocalWrk.against("http://127.0.0.1:8080/").readPercent(30);
    assertThat(local)
        .isEqualTo(LocalWrk.against("http://127.0.0.1:8080/").readPercent(30))
        .isNotEqualTo(local.readPercent(40));
    assertThat(local).hasToString("wrk on this machine against http://127.0.0.1:8080/");
    assertThatThrownBy(() -> local.readPercent(101))
        .hasMessage("readPercent must be between 0 and 100, was 101");
    assertThatThrownBy(() -> LocalWrk.against("127.0.0.1"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith("url must be an http:// or https:// URL");
  }
}
