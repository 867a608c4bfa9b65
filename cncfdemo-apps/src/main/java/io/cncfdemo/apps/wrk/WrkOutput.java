package io.cncfdemo.apps.wrk;

import io.cncfdemo.benchmark.ErrorCounts;
import io.cncfdemo.benchmark.HttpFigures;
import io.cncfdemo.benchmark.Latency;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What wrk 4 prints when it ends, parsed: threads and connections, latency (average, maximum and,
 * with {@code --latency}, its distribution) in {@code us}, {@code ms}, {@code s}, {@code m} or
 * {@code h}, requests, time and bytes read, socket errors, non-2xx/3xx responses and requests per
 * second. The fallback when the script's results are missing; it has no 99.9th percentile and no
 * figures over time.
 *
 * @param threads load threads
 * @param connections open connections
 * @param latencyMeanMs mean latency
 * @param latencyMaxMs the slowest response
 * @param distributionMs latency percentiles (50, 75, 90, 99) in ms, when wrk ran with {@code
 *     --latency}
 * @param requests completed requests
 * @param seconds the run's duration
 * @param bytes bytes read
 * @param errors socket errors and non-2xx/3xx responses
 * @param requestsPerSecond requests per second as wrk computed it
 */
public record WrkOutput(
    int threads,
    int connections,
    double latencyMeanMs,
    double latencyMaxMs,
    TreeMap<Double, Double> distributionMs,
    long requests,
    double seconds,
    long bytes,
    ErrorCounts errors,
    double requestsPerSecond) {

  private static final String NUMBER = "([0-9]+(?:\\.[0-9]+)?)";
  private static final Pattern SETUP = Pattern.compile("(\\d+) threads and (\\d+) connections");
  private static final Pattern LATENCY =
      Pattern.compile(
          "^\\s*Latency\\s+"
              + NUMBER
              + "(us|ms|s|m|h)\\s+"
              + NUMBER
              + "(us|ms|s|m|h)\\s+"
              + NUMBER
              + "(us|ms|s|m|h)",
          Pattern.MULTILINE);
  private static final Pattern PERCENTILE =
      Pattern.compile(
          "^\\s*" + NUMBER + "%\\s+" + NUMBER + "(us|ms|s|m|h)\\s*$", Pattern.MULTILINE);
  private static final Pattern TOTALS =
      Pattern.compile(
          "(\\d+) requests in " + NUMBER + "(us|ms|s|m|h), " + NUMBER + "(B|KB|MB|GB|TB|PB) read");
  private static final Pattern SOCKET =
      Pattern.compile("Socket errors: connect (\\d+), read (\\d+), write (\\d+), timeout (\\d+)");
  private static final Pattern STATUS = Pattern.compile("Non-2xx or 3xx responses: (\\d+)");
  private static final Pattern RATE = Pattern.compile("Requests/sec:\\s+" + NUMBER);

  public WrkOutput {
    distributionMs = new TreeMap<>(distributionMs);
  }

  /**
   * The summary in {@code text}, wrk's whole output; empty when it holds none (wrk failed before
   * the end).
   */
  public static Optional<WrkOutput> parse(String text) {
    var totals = TOTALS.matcher(text);
    var latency = LATENCY.matcher(text);
    if (!totals.find() || !latency.find()) {
      return Optional.empty();
    }
    var setup = SETUP.matcher(text);
    boolean hasSetup = setup.find();
    var distribution = new TreeMap<Double, Double>();
    var percentile = PERCENTILE.matcher(text);
    while (percentile.find()) {
      distribution.put(
          Double.parseDouble(percentile.group(1)),
          millis(percentile.group(2), percentile.group(3)));
    }
    var socket = SOCKET.matcher(text);
    boolean hasSocket = socket.find();
    var status = STATUS.matcher(text);
    var rate = RATE.matcher(text);
    long requests = Long.parseLong(totals.group(1));
    double seconds = millis(totals.group(2), totals.group(3)) / 1000;
    var errors =
        new ErrorCounts(
            count(hasSocket, socket, 1),
            count(hasSocket, socket, 2),
            count(hasSocket, socket, 3),
            status.find() ? Long.parseLong(status.group(1)) : 0,
            count(hasSocket, socket, 4));
    return Optional.of(
        new WrkOutput(
            hasSetup ? Integer.parseInt(setup.group(1)) : 0,
            hasSetup ? Integer.parseInt(setup.group(2)) : 0,
            millis(latency.group(1), latency.group(2)),
            millis(latency.group(5), latency.group(6)),
            distribution,
            requests,
            seconds,
            bytes(totals.group(4), totals.group(5)),
            errors,
            rate.find() ? Double.parseDouble(rate.group(1)) : requests / seconds));
  }

  /**
   * As report figures. Percentiles wrk did not print are taken from the nearest it did (p99.9 from
   * the maximum); {@code source} and {@code method} name what ran and how it measured.
   */
  public HttpFigures figures(String source, String method, OptionalInt targetRate) {
    double p50 = distributionMs.getOrDefault(50.0, latencyMeanMs);
    double p90 = distributionMs.getOrDefault(90.0, p50);
    double p99 = distributionMs.getOrDefault(99.0, latencyMaxMs);
    return new HttpFigures(
        source,
        method + "; from wrk's text output: p99.9 shown as the maximum",
        "wrk output",
        seconds,
        requests,
        requestsPerSecond,
        bytes,
        errors,
        new Latency(p50, p90, p99, latencyMaxMs, latencyMaxMs, latencyMeanMs),
        Optional.empty(),
        targetRate,
        connections,
        threads,
        List.of());
  }

  /** A wrk time, e.g. {@code 635.91us}, in milliseconds. */
  static double millis(String number, String unit) {
    double value = Double.parseDouble(number);
    return switch (unit) {
      case "us" -> value / 1000;
      case "ms" -> value;
      case "s" -> value * 1000;
      case "m" -> value * 60_000;
      case "h" -> value * 3_600_000;
      default -> throw new IllegalArgumentException("not a wrk time unit: " + unit);
    };
  }

  /** A wrk size, e.g. {@code 1.71GB}, in bytes (wrk counts in powers of 1024). */
  static long bytes(String number, String unit) {
    int power = List.of("B", "KB", "MB", "GB", "TB", "PB").indexOf(unit.toUpperCase(Locale.ROOT));
    return Math.round(Double.parseDouble(number) * Math.pow(1024, power));
  }

  private static long count(boolean found, Matcher matcher, int group) {
    return found ? Long.parseLong(matcher.group(group)) : 0;
  }
}
