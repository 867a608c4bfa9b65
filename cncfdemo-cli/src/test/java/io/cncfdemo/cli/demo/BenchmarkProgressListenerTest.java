package io.cncfdemo.cli.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.cncfdemo.benchmark.BenchmarkPhase;
import io.cncfdemo.benchmark.BenchmarkProgress;
import io.cncfdemo.cli.common.Console;
import io.cncfdemo.cli.progress.Progress;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/**
 * The benchmark's progress as plain lines: the phase, then the time left and requests/s every ten
 * seconds.
 */
class BenchmarkProgressListenerTest {
  @Test
  void plainLines_showTheTimeLeftAndTheRate_everyTenSeconds() {
    var out = new StringWriter();
    var console =
        new Console(new PrintWriter(out, true), new PrintWriter(new StringWriter(), true), false);
    try (var progress = Progress.on(console, false)) {
      var listener = new BenchmarkProgressListener(progress, false);
      listener.phaseStarted(BenchmarkPhase.HTTP, Duration.ofSeconds(30));
      for (int second = 0; second <= 30; second++) {
        listener.progress(
            new BenchmarkProgress(
                BenchmarkPhase.HTTP,
                Duration.ofSeconds(second),
                Duration.ofSeconds(30 - second),
                OptionalDouble.of(1000 + second),
                second == 30 ? 2 : 0));
      }
      listener.chaosStruck(
          "delete one pod of Deployment countly-api", "countly-api-1", Duration.ofMillis(15_000));
    }
    assertThat(out.toString().replaceAll(" \\(\\d+\\.\\ds\\)", ""))
        .isEqualTo(
            """
            http: about 30 s
              30 s left, 1000 requests/s
              20 s left, 1010 requests/s
              10 s left, 1020 requests/s
              0 s left, 1030 requests/s, 2 errors
              chaos at 15.0 s: delete one pod of Deployment countly-api (countly-api-1)
            """);
  }

  @Test
  void json_showsNoProgress() {
    var out = new StringWriter();
    var console =
        new Console(new PrintWriter(out, true), new PrintWriter(new StringWriter(), true), false);
    try (var progress = Progress.on(console, true)) {
      var listener = new BenchmarkProgressListener(progress, false);
      listener.phaseStarted(BenchmarkPhase.CONTROL_PLANE, Duration.ofSeconds(30));
      listener.note("left out");
    }
    assertThat(out.toString()).isEmpty();
  }
}
