package io.cncfdemo.benchmark;

import static io.cncfdemo.benchmark.LoadProfile.step;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.cncfdemo.exception.InvalidInputException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class LoadProfileTest {
  private static final Duration TEN = Duration.ofSeconds(10);

  @Test
  void steps_holdEachRate_forItsDuration() {
    var profile = LoadProfile.steps(step(TEN, 0), step(Duration.ofSeconds(30), 400), step(TEN, 0));

    assertThat(profile.duration()).isEqualTo(Duration.ofSeconds(50));
    assertThat(profile.peakRequestsPerSecond()).isEqualTo(400);
    assertThat(profile.requestsPerSecondAt(Duration.ofSeconds(5))).isZero();
    assertThat(profile.requestsPerSecondAt(Duration.ofSeconds(10))).isEqualTo(400);
    assertThat(profile.requestsPerSecondAt(Duration.ofSeconds(39))).isEqualTo(400);
    assertThat(profile.requestsPerSecondAt(Duration.ofSeconds(40))).isZero();
    assertThat(profile.requestsPerSecondAt(Duration.ofSeconds(60))).as("after the end").isZero();
    assertThat(profile.atPeak()).isEqualTo(Duration.ofSeconds(25));
    assertThat(profile.loadEnd()).isEqualTo(Duration.ofSeconds(40));
    assertThat(profile.cpuPerRequest()).isEqualTo(LoadProfile.DEFAULT_CPU_PER_REQUEST);
    assertThat(profile.deployment()).isEqualTo("countly-api");
    assertThat(profile)
        .hasToString(
            "10s at 0 requests/s, 30s at 400 requests/s, 10s at 0 requests/s (to countly-api, 5ms"
                + " CPU per request when simulated)");
  }

  @Test
  void ramp_goesUpLinearly_holds_andComesDown() {
    var profile = LoadProfile.ramp(100, TEN, Duration.ofSeconds(20), TEN);

    assertThat(profile.duration()).isEqualTo(Duration.ofSeconds(40));
    assertThat(profile.requestsPerSecondAt(Duration.ZERO)).isZero();
    assertThat(profile.requestsPerSecondAt(Duration.ofSeconds(5))).isCloseTo(50, within(1e-9));
    assertThat(profile.requestsPerSecondAt(Duration.ofSeconds(20))).isEqualTo(100);
    assertThat(profile.requestsPerSecondAt(Duration.ofSeconds(35))).isCloseTo(50, within(1e-9));
    assertThat(profile.atPeak()).isEqualTo(Duration.ofSeconds(20));
    assertThat(profile.asSteps(Duration.ofSeconds(5)))
        .extracting(LoadProfile.Stretch::fromRequestsPerSecond)
        .containsExactly(25.0, 75.0, 100.0, 75.0, 25.0);
  }

  @Test
  void peak_isIdleForATenth_loadedForFourTenths_andIdleForTheLastHalf() {
    var profile = LoadProfile.peak(300, Duration.ofMinutes(2));

    assertThat(profile.stretches())
        .containsExactly(
            step(Duration.ofSeconds(12), 0),
            step(Duration.ofSeconds(48), 300),
            step(Duration.ofSeconds(60), 0));
    assertThat(profile.atPeak()).isEqualTo(Duration.ofSeconds(36));
    assertThat(profile.loadEnd()).isEqualTo(Duration.ofSeconds(60));
  }

  @Test
  void badInput_namesTheFieldTheValueAndWhatIsAllowed() {
    assertThatThrownBy(LoadProfile::steps)
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("steps must be at least one step(duration, rate), was \"none\"");
    assertThatThrownBy(() -> LoadProfile.steps(step(TEN, 0), step(TEN, -1)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage(
            "steps[1].requestsPerSecond must be between 0 and 10000000 requests per second, was"
                + " \"-1\"");
    assertThatThrownBy(() -> LoadProfile.steps(step(TEN, Double.NaN)))
        .hasMessage(
            "steps[0].requestsPerSecond must be between 0 and 10000000 requests per second, was"
                + " \"NaN\"");
    assertThatThrownBy(() -> LoadProfile.steps(step(Duration.ofMillis(500), 10)))
        .hasMessage("steps[0].duration must be between 1s and 24h, was \"500ms\"");
    assertThatThrownBy(() -> LoadProfile.steps(step(TEN, 0), step(TEN, 0)))
        .hasMessage(
            "steps must be at least one step with load above 0 requests/s, was \"idle"
                + " throughout\"");
    assertThatThrownBy(
            () -> LoadProfile.steps(step(Duration.ofHours(20), 1), step(Duration.ofHours(5), 0)))
        .hasMessage("steps must be at most 24h, was \"25h in all\"");
    assertThatThrownBy(() -> LoadProfile.ramp(10, Duration.ZERO, TEN, TEN))
        .hasMessage(
            "steps[0].duration must be a positive duration such as 30s, 5m or 1h, was \"0s\"");
    assertThatThrownBy(() -> LoadProfile.peak(100, Duration.ofSeconds(5)))
        .hasMessage("total must be between 10s and 24h, was \"5s\"");
    assertThatThrownBy(() -> LoadProfile.peak(0, Duration.ofMinutes(1)))
        .hasMessage("requestsPerSecond must be above 0 and at most 10000000, was \"0\"");
    var profile = LoadProfile.peak(100, Duration.ofMinutes(1));
    assertThatThrownBy(() -> profile.cpuPerRequest(Duration.ofSeconds(11)))
        .hasMessage("cpuPerRequest must be between 1ms and 10s, was \"11s\"");
    assertThatThrownBy(() -> profile.deployment("Countly API"))
        .hasMessageStartingWith("deployment must be ");
  }

  @Test
  void aBenchmark_withAProfile_takesItsDuration_andNeedsADemo() {
    var profile = LoadProfile.peak(100, Duration.ofMinutes(1));
    var benchmark =
        Benchmark.of(LoadSources.constantRate("http://127.0.0.1:9/")).loadProfile(profile);

    assertThat(benchmark.httpLoad().duration()).isEqualTo(Duration.ofMinutes(1));
    assertThat(benchmark.loadProfile()).contains(profile);
    assertThatThrownBy(benchmark::run)
        .isInstanceOf(InvalidInputException.class)
        .hasMessage(
            "loadProfile must be given with a deployed demo: Benchmark.of(demo), was \""
                + profile
                + "\"");
    assertThatThrownBy(() -> benchmark.sampleEvery(Duration.ofMinutes(2)))
        .hasMessage("sampleEvery must be between 1s and 1m, was \"2m\"");
  }
}
