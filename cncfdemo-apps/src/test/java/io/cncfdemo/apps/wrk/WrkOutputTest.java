package io.cncfdemo.apps.wrk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.cncfdemo.benchmark.ErrorCounts;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** wrk 4's text output, as it prints it, parsed. */
class WrkOutputTest {
  static final String FAST =
      """
      Running 10s test @ http://127.0.0.1:8080/
        2 threads and 10 connections
        Thread Stats   Avg      Stdev     Max   +/- Stdev
          Latency   635.91us    0.89ms  12.92ms   93.69%
          Req/Sec    56.20k     8.07k   62.00k    86.54%
        Latency Distribution
           50%  250.00us
           75%  491.00us
           90%  700.00us
           99%    5.80ms
        22464657 requests in 10.10s, 1.71GB read
      Requests/sec: 2224497.39
      Transfer/sec:    173.52MB
      """;

  static final String STALLED =
      """
      Running 1m test @ http://countly-api:3001/i
        4 threads and 64 connections
        Thread Stats   Avg      Stdev     Max   +/- Stdev
          Latency   312.40ms  801.22ms    1.67m    91.02%
          Req/Sec    52.31     30.10   150.00     68.75%
        Latency Distribution
           50%   45.21ms
           75%  120.08ms
           90%  900.50ms
           99%    4.21s
        12030 requests in 1.00m, 3.52MB read
        Socket errors: connect 3, read 17, write 0, timeout 211
        Non-2xx or 3xx responses: 57
      Requests/sec:    200.22
      Transfer/sec:     60.05KB
      """;

  @Test
  void microseconds_milliseconds_andGigabytes() {
    var output = WrkOutput.parse(FAST).orElseThrow();

    assertThat(output.threads()).isEqualTo(2);
    assertThat(output.connections()).isEqualTo(10);
    assertThat(output.latencyMeanMs()).isCloseTo(0.63591, within(1e-9));
    assertThat(output.latencyMaxMs()).isCloseTo(12.92, within(1e-9));
    assertThat(output.distributionMs())
        .containsEntry(50.0, 0.25)
        .containsEntry(75.0, 0.491)
        .containsEntry(99.0, 5.8);
    assertThat(output.requests()).isEqualTo(22_464_657);
    assertThat(output.seconds()).isCloseTo(10.10, within(1e-9));
    assertThat(output.bytes()).isEqualTo(Math.round(1.71 * 1024 * 1024 * 1024));
    assertThat(output.errors()).isEqualTo(ErrorCounts.NONE);
    assertThat(output.requestsPerSecond()).isCloseTo(2224497.39, within(1e-6));
  }

  @Test
  void seconds_minutes_socketErrors_andNon2xxResponses() {
    var output = WrkOutput.parse(STALLED).orElseThrow();

    assertThat(output.latencyMeanMs()).isCloseTo(312.40, within(1e-9));
    assertThat(output.latencyMaxMs()).isCloseTo(1.67 * 60_000, within(1e-6));
    assertThat(output.distributionMs()).containsEntry(99.0, 4210.0).containsEntry(90.0, 900.5);
    assertThat(output.seconds()).isCloseTo(60, within(1e-9));
    assertThat(output.bytes()).isEqualTo(Math.round(3.52 * 1024 * 1024));
    assertThat(output.errors()).isEqualTo(new ErrorCounts(3, 17, 0, 57, 211));
    assertThat(output.errors().total()).isEqualTo(288);
  }

  @Test
  void withoutLatencyDistribution_thePercentilesComeFromMeanAndMax() {
    var plain = FAST.replaceAll("(?s)  Latency Distribution.*?5\\.80ms\n", "");
    var figures =
        WrkOutput.parse(plain).orElseThrow().figures("wrk", "closed loop", OptionalInt.of(500));

    assertThat(figures.latency().p50Ms()).isCloseTo(0.63591, within(1e-9));
    assertThat(figures.latency().p99Ms()).isEqualTo(12.92);
    assertThat(figures.latency().p999Ms()).isEqualTo(12.92);
    assertThat(figures.method())
        .isEqualTo("closed loop; from wrk's text output: p99.9 shown as the maximum");
    assertThat(figures.collectedVia()).isEqualTo("wrk output");
    assertThat(figures.targetRate()).hasValue(500);
    assertThat(figures.timeline()).isEmpty();
  }

  @Test
  void anUnfinishedOrFailedRun_hasNoSummary() {
    assertThat(WrkOutput.parse("unable to connect to 127.0.0.1:1 Connection refused")).isEmpty();
    assertThat(
            WrkOutput.parse(
                "Running 10s test @ http://127.0.0.1:8080/\n  2 threads and 10 connections\n"))
        .isEmpty();
  }

  @Test
  void unitsOfTimeAndSize() {
    assertThat(WrkOutput.millis("12.5", "us")).isCloseTo(0.0125, within(1e-12));
    assertThat(WrkOutput.millis("2", "h")).isEqualTo(7_200_000);
    assertThat(WrkOutput.bytes("512.00", "B")).isEqualTo(512);
    assertThat(WrkOutput.bytes("1.50", "KB")).isEqualTo(1536);
  }
}
