package io.cncfdemo.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cncfdemo.exception.InvalidInputException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Every setting a user types is checked at once, with the field, the value and what is allowed. */
class ValidationTest {
  private static final LoadSource SOURCE = LoadSources.constantRate("http://127.0.0.1:9/");

  @Test
  void httpLoad() {
    var load = HttpLoad.defaults();
    assertThatThrownBy(() -> load.duration(Duration.ofMillis(500)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("duration must be between 1s and 24h, was \"500ms\"");
    assertThatThrownBy(() -> load.duration(Duration.ofHours(25)))
        .hasMessage("duration must be between 1s and 24h, was \"25h\"");
    assertThatThrownBy(() -> load.duration(null))
        .hasMessage("duration must be a positive duration such as 30s, 5m or 1h, was null");
    assertThatThrownBy(() -> load.connections(0))
        .hasMessage("connections must be between 1 and 100000, was 0");
    assertThatThrownBy(() -> load.threads(0))
        .hasMessage("threads must be between 1 and 256, was 0");
    assertThatThrownBy(() -> load.rate(0)).hasMessage("rate must be between 1 and 10000000, was 0");
    assertThatThrownBy(() -> load.timeout(Duration.ofMillis(10)))
        .hasMessage("timeout must be between 100ms and 5m, was \"10ms\"");
    assertThatThrownBy(() -> load.threads(8).connections(4).validate())
        .hasMessage("connections must be at least the threads (8), one per thread or more, was 4");
    assertThat(load.connections(1).threads(1).validate().connections()).isEqualTo(1);
  }

  @Test
  void controlPlaneLoad() {
    var load = ControlPlaneLoad.defaults();
    assertThatThrownBy(() -> load.pods(0))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("pods must be between 1 and 10000, was 0");
    assertThatThrownBy(() -> load.apiCalls(0))
        .hasMessage("apiCalls must be between 1 and 10000, was 0");
    assertThatThrownBy(() -> load.rolloutReplicas(0))
        .hasMessage("rolloutReplicas must be between 1 and 1000, was 0");
    assertThatThrownBy(() -> load.parallelism(101))
        .hasMessage("parallelism must be between 1 and 100, was 101");
    assertThatThrownBy(() -> load.timeout(Duration.ofSeconds(1)))
        .hasMessage("timeout must be between 10s and 1h, was \"1s\"");
    assertThatThrownBy(() -> load.image("Not An Image"))
        .hasMessage(
            "image must be an image reference such as registry.k8s.io/pause:3.10, was \"Not An"
                + " Image\"");
    assertThat(load.pods(100).withoutPreemption())
        .satisfies(
            l -> {
              assertThat(l.pods()).isEqualTo(100);
              assertThat(l.preemption()).isFalse();
            });
  }

  @Test
  void benchmark() {
    var benchmark = Benchmark.of(SOURCE);
    assertThatThrownBy(() -> benchmark.duration(Duration.ZERO))
        .hasMessage("duration must be a positive duration such as 30s, 5m or 1h, was \"0s\"");
    assertThatThrownBy(() -> benchmark.named(" "))
        .hasMessage("name must be a non-empty text, was \" \"");
    assertThatThrownBy(() -> benchmark.named("x".repeat(101)))
        .hasMessageStartingWith("name must be 1 to 100 characters, was \"xxx");
    assertThatThrownBy(() -> benchmark.collectTimeout(Duration.ofHours(1)))
        .hasMessage("collectTimeout must be between 1s and 10m, was \"1h\"");
    assertThatThrownBy(() -> benchmark.threads(8).connections(4).run())
        .hasMessage("connections must be at least the threads (8), one per thread or more, was 4");
    assertThatThrownBy(() -> benchmark.withoutHttp().run())
        .hasMessage(
            "load must be an HTTP load source, chaos, or a control-plane load on a cluster: as it"
                + " is, nothing would be measured, was \"none\"");
    assertThatThrownBy(() -> benchmark.controlPlane(ControlPlaneLoad.defaults()).run())
        .hasMessage(
            "controlPlane must be given with a cluster to measure: Benchmark.of(cluster) or"
                + " Benchmark.of(demo), was \"50 pods, 50 API calls each, rollout of 5,"
                + " preemption\"");
    assertThatThrownBy(() -> benchmark.chaos(Chaos.deleteCountlyApiPod()).run())
        .hasMessage(
            "chaos must be given with a deployed demo to act on: Benchmark.of(demo), was \"delete"
                + " one pod of Deployment countly-api\"");
  }

  @Test
  void chaos() {
    assertThatThrownBy(() -> Chaos.deletePod("Countly API"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith("deployment must be a lowercase RFC 1123 subdomain");
    assertThatThrownBy(() -> Chaos.of("", () -> {}))
        .hasMessage("description must be a non-empty text, was \"\"");
    assertThatThrownBy(() -> Chaos.deleteCountlyApiPod().at(Duration.ofSeconds(-1)))
        .hasMessage("at must be between 0s and 24h, was \"-1s\"");
    assertThat(Chaos.deleteCountlyApiPod().at(Duration.ofSeconds(90)))
        .hasToString("delete one pod of Deployment countly-api at 1m30s");
  }

  @Test
  void settings_areValues_thatAChangeCopies() {
    assertThat(HttpLoad.defaults().connections(8).rate(100))
        .isEqualTo(HttpLoad.of(HttpLoad.DEFAULT_DURATION).rate(100).connections(8))
        .isNotEqualTo(HttpLoad.defaults().connections(8));
    assertThat(ControlPlaneLoad.defaults().pods(10))
        .isEqualTo(ControlPlaneLoad.defaults().pods(10))
        .isNotEqualTo(ControlPlaneLoad.defaults().pods(10).withoutPreemption());
    assertThat(Chaos.deletePod("web").at(Duration.ofSeconds(5)))
        .isEqualTo(Chaos.deletePod("web").at(Duration.ofSeconds(5)))
        .isNotEqualTo(Chaos.deletePod("web"));

    var benchmark = Benchmark.of(SOURCE);
    var longer = benchmark.duration(Duration.ofMinutes(2)).chaos(Chaos.deletePod("web"));
    assertThat(benchmark.httpLoad()).isEqualTo(HttpLoad.defaults());
    assertThat(benchmark)
        .hasToString("Benchmark[" + SOURCE.describe() + ", " + HttpLoad.defaults() + "]");
    assertThat(longer.httpLoad().duration()).isEqualTo(Duration.ofMinutes(2));
    assertThat(longer)
        .hasToString(
            "Benchmark["
                + SOURCE.describe()
                + ", "
                + HttpLoad.of(Duration.ofMinutes(2))
                + ", chaos: [delete one pod of Deployment web]]");
  }
}
