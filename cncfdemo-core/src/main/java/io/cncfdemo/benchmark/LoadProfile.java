package io.cncfdemo.benchmark;

import io.cncfdemo.exception.InvalidInputException;
import io.cncfdemo.support.Check;
import io.cncfdemo.support.CncfDemoValue;
import io.cncfdemo.support.Durations;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;
import org.immutables.value.Value;

/**
 * The load a benchmark offers over time, idle → peak → idle: steps of constant load ({@link
 * #steps}), a linear ramp ({@link #ramp}), or the demo's story in one call ({@link #peak}). On the
 * simulated cluster it becomes the CPU of the Deployment's pods ({@link
 * io.cncfdemo.cluster.SimulatedLoad}), so that its HorizontalPodAutoscaler scales it; on a real
 * cluster it is the rate the HTTP load source holds, step by step.
 *
 * <pre>{@code
 * LoadProfile.steps(step(Duration.ofSeconds(10), 0), step(Duration.ofSeconds(40), 400),
 *     step(Duration.ofSeconds(30), 0)).cpuPerRequest(Duration.ofMillis(5))
 * }</pre>
 */
@CncfDemoValue
public abstract class LoadProfile {
  /** What one request costs the simulated Countly API: 5 ms of CPU. */
  public static final Duration DEFAULT_CPU_PER_REQUEST = Duration.ofMillis(5);

  /** The Deployment the load is offered to. */
  public static final String DEFAULT_DEPLOYMENT = Chaos.COUNTLY_API;

  /** At most this many requests per second in a step: {@value}. */
  public static final double MAX_REQUESTS_PER_SECOND = HttpLoad.MAX_RATE;

  private static final Duration MIN_STEP = Duration.ofSeconds(1);

  /** The shortest profile {@link #peak} makes: a tenth idle, the peak, idle again. */
  public static final Duration MIN_TOTAL = Duration.ofSeconds(10);

  private static final Duration MAX_CPU_PER_REQUEST = Duration.ofSeconds(10);

  /**
   * One stretch of the profile: for {@code duration}, the load goes linearly from {@code
   * fromRequestsPerSecond} to {@code toRequestsPerSecond} (equal for a step).
   *
   * @param duration how long the stretch lasts
   * @param fromRequestsPerSecond the load at its start
   * @param toRequestsPerSecond the load at its end
   */
  public record Stretch(
      Duration duration, double fromRequestsPerSecond, double toRequestsPerSecond) {
    public Stretch {
      Objects.requireNonNull(duration, "duration");
    }
  }

  LoadProfile() {}

  /**
   * A step of {@code requestsPerSecond} for {@code duration}, to give to {@link #steps}: 0 is idle.
   */
  public static Stretch step(Duration duration, double requestsPerSecond) {
    return new Stretch(duration, requestsPerSecond, requestsPerSecond);
  }

  /**
   * The steps in order, e.g. idle, peak, idle; each of 1 second to 24 hours and 0 to {@value
   * #MAX_REQUESTS_PER_SECOND} requests per second, at most 24 hours in all.
   */
  public static LoadProfile steps(Stretch... steps) {
    if (steps == null || steps.length == 0) {
      throw new InvalidInputException("steps", "none", "at least one step(duration, rate)");
    }
    return of(List.of(steps));
  }

  /**
   * From idle to {@code peakRequestsPerSecond} linearly over {@code up}, held for {@code hold},
   * back to idle linearly over {@code down}.
   */
  public static LoadProfile ramp(
      double peakRequestsPerSecond, Duration up, Duration hold, Duration down) {
    return of(
        List.of(
            new Stretch(up, 0, peakRequestsPerSecond),
            step(hold, peakRequestsPerSecond),
            new Stretch(down, peakRequestsPerSecond, 0)));
  }

  /**
   * The demo's story in {@code total} (10 seconds to 24 hours): idle for its first tenth, {@code
   * requestsPerSecond} for the four tenths after it, idle for the last half, so that the autoscaler
   * has time to scale up, and back down before the end.
   */
  public static LoadProfile peak(double requestsPerSecond, Duration total) {
    Check.between("total", total, MIN_TOTAL, HttpLoad.MAX_DURATION);
    if (!(requestsPerSecond > 0 && requestsPerSecond <= MAX_REQUESTS_PER_SECOND)) {
      throw new InvalidInputException(
          "requestsPerSecond",
          format(requestsPerSecond),
          "above 0 and at most " + format(MAX_REQUESTS_PER_SECOND));
    }
    var idle = total.dividedBy(10);
    var peak = total.multipliedBy(4).dividedBy(10);
    return steps(
        step(idle, 0), step(peak, requestsPerSecond), step(total.minus(idle).minus(peak), 0));
  }

  private static LoadProfile of(List<Stretch> stretches) {
    var total = Duration.ZERO;
    for (int i = 0; i < stretches.size(); i++) {
      var stretch = Objects.requireNonNull(stretches.get(i), "steps[" + i + "]");
      var field = "steps[" + i + "]";
      Check.between(field + ".duration", stretch.duration(), MIN_STEP, HttpLoad.MAX_DURATION);
      rate(field + ".requestsPerSecond", stretch.fromRequestsPerSecond());
      rate(field + ".requestsPerSecond", stretch.toRequestsPerSecond());
      total = total.plus(stretch.duration());
    }
    if (total.compareTo(HttpLoad.MAX_DURATION) > 0) {
      throw new InvalidInputException("steps", Durations.format(total) + " in all", "at most 24h");
    }
    if (stretches.stream()
        .allMatch(s -> s.fromRequestsPerSecond() == 0 && s.toRequestsPerSecond() == 0)) {
      throw new InvalidInputException(
          "steps", "idle throughout", "at least one step with load above 0 requests/s");
    }
    return ImmutableLoadProfile.builder().stretches(stretches).build();
  }

  private static void rate(String field, double rate) {
    if (!(rate >= 0 && rate <= MAX_REQUESTS_PER_SECOND)) {
      throw new InvalidInputException(
          field,
          format(rate),
          "between 0 and " + format(MAX_REQUESTS_PER_SECOND) + " requests per second");
    }
  }

  /** The stretches in order. */
  public abstract List<Stretch> stretches();

  /** The CPU time one request costs, on the simulated cluster. */
  @Value.Default
  public Duration cpuPerRequest() {
    return DEFAULT_CPU_PER_REQUEST;
  }

  /** The Deployment the load is offered to. */
  @Value.Default
  public String deployment() {
    return DEFAULT_DEPLOYMENT;
  }

  /**
   * The same profile with requests costing this much CPU on the simulated cluster (1 millisecond to
   * 10 seconds): more CPU per request, more replicas for the same load.
   */
  public LoadProfile cpuPerRequest(Duration cpu) {
    return ImmutableLoadProfile.copyOf(this)
        .copyWithCpuPerRequest(
            Check.between("cpuPerRequest", cpu, Duration.ofMillis(1), MAX_CPU_PER_REQUEST));
  }

  /** The same profile offered to the demo's Deployment {@code deployment}. */
  public LoadProfile deployment(String deployment) {
    return ImmutableLoadProfile.copyOf(this)
        .copyWithDeployment(Check.dnsSubdomain("deployment", deployment));
  }

  /** How long the whole profile lasts. */
  public Duration duration() {
    return stretches().stream().map(Stretch::duration).reduce(Duration.ZERO, Duration::plus);
  }

  /** The highest load of the profile, in requests per second. */
  public double peakRequestsPerSecond() {
    return stretches().stream()
        .mapToDouble(s -> Math.max(s.fromRequestsPerSecond(), s.toRequestsPerSecond()))
        .max()
        .orElse(0);
  }

  /** When the last stretch with load ends, counted from the start: idle from there on. */
  public Duration loadEnd() {
    var end = Duration.ZERO;
    var at = Duration.ZERO;
    for (var stretch : stretches()) {
      at = at.plus(stretch.duration());
      if (stretch.fromRequestsPerSecond() > 0 || stretch.toRequestsPerSecond() > 0) {
        end = at;
      }
    }
    return end;
  }

  /** The load {@code at} after the start; 0 before and after the profile. */
  public double requestsPerSecondAt(Duration at) {
    long nanos = at.toNanos();
    for (var stretch : stretches()) {
      long length = stretch.duration().toNanos();
      if (nanos < length) {
        double share = nanos < 0 ? 0 : (double) nanos / length;
        return stretch.fromRequestsPerSecond()
            + share * (stretch.toRequestsPerSecond() - stretch.fromRequestsPerSecond());
      }
      nanos -= length;
    }
    return 0;
  }

  /**
   * The middle of the first stretch that holds the peak, counted from the start: where {@code
   * Chaos...at(profile.atPeak())} strikes hardest.
   */
  public Duration atPeak() {
    var start = Duration.ZERO;
    double peak = peakRequestsPerSecond();
    for (var stretch : stretches()) {
      if (stretch.fromRequestsPerSecond() == peak && stretch.toRequestsPerSecond() == peak) {
        return start.plus(stretch.duration().dividedBy(2));
      }
      start = start.plus(stretch.duration());
    }
    start = Duration.ZERO;
    for (var stretch : stretches()) {
      if (stretch.toRequestsPerSecond() == peak) {
        return start.plus(stretch.duration());
      }
      start = start.plus(stretch.duration());
    }
    return duration().dividedBy(2);
  }

  /**
   * The profile as steps of at most {@code resolution} each, a ramp cut into steps at its mean
   * load: what a load source holding one rate at a time runs.
   */
  List<Stretch> asSteps(Duration resolution) {
    var out = new ArrayList<Stretch>();
    for (var stretch : stretches()) {
      if (stretch.fromRequestsPerSecond() == stretch.toRequestsPerSecond()) {
        out.add(stretch);
        continue;
      }
      long pieces =
          Math.max(
              1, (stretch.duration().toNanos() + resolution.toNanos() - 1) / resolution.toNanos());
      var piece = stretch.duration().dividedBy(pieces);
      for (long i = 0; i < pieces; i++) {
        double mid = (i + 0.5) / pieces;
        out.add(
            step(
                piece,
                stretch.fromRequestsPerSecond()
                    + mid * (stretch.toRequestsPerSecond() - stretch.fromRequestsPerSecond())));
      }
    }
    return out;
  }

  private static String format(double rate) {
    return rate == Math.rint(rate) && !Double.isInfinite(rate)
        ? String.format(Locale.ROOT, "%.0f", rate)
        : Double.toString(rate);
  }

  @Override
  public String toString() {
    return stretches().stream()
            .map(
                s ->
                    Durations.format(s.duration())
                        + " at "
                        + (s.fromRequestsPerSecond() == s.toRequestsPerSecond()
                            ? format(s.fromRequestsPerSecond())
                            : format(s.fromRequestsPerSecond())
                                + "→"
                                + format(s.toRequestsPerSecond()))
                        + " requests/s")
            .collect(Collectors.joining(", "))
        + " (to "
        + deployment()
        + ", "
        + Durations.format(cpuPerRequest())
        + " CPU per request when simulated)";
  }
}
