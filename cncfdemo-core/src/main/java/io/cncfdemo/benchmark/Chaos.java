package io.cncfdemo.benchmark;

import io.cncfdemo.exception.InvalidInputException;
import io.cncfdemo.internal.benchmark.chaos.ChaosAction;
import io.cncfdemo.internal.benchmark.chaos.CustomAction;
import io.cncfdemo.internal.benchmark.chaos.PodDeletion;
import io.cncfdemo.support.Check;
import io.cncfdemo.support.CncfDemoValue;
import io.cncfdemo.support.Durations;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * A failure a benchmark causes on purpose while its HTTP load runs, chaos-monkey style, and when:
 * the report records the error spike, the time until throughput recovers and, for a deleted pod,
 * the time until a replacement is Ready.
 *
 * <p>{@code Chaos.deleteCountlyApiPod().at(Duration.ofSeconds(60))}
 */
@CncfDemoValue
public abstract class Chaos {
  /** The Deployment of Countly's API, as {@code countly()} names it. */
  public static final String COUNTLY_API = "countly-api";

  public static final Duration DEFAULT_REPLACEMENT_TIMEOUT = Duration.ofMinutes(5);

  Chaos() {}

  /**
   * Deletes one Ready pod of the demo's Deployment {@code deployment}, and times its replacement.
   */
  public static Chaos deletePod(String deployment) {
    return of(
        new PodDeletion(Check.dnsSubdomain("deployment", deployment), DEFAULT_REPLACEMENT_TIMEOUT));
  }

  /** Deletes one pod of Countly's API: {@code deletePod("countly-api")}. */
  public static Chaos deleteCountlyApiPod() {
    return deletePod(COUNTLY_API);
  }

  /**
   * Runs {@code action} to cause a failure the library has no name for, e.g. {@code () ->
   * target.failFor(d)} of a {@link LoopbackTarget}, or a call to your own fault injector; {@code
   * description} names it in the report.
   */
  public static Chaos of(String description, Runnable action) {
    return of(
        new CustomAction(
            Check.notBlank("description", description), Objects.requireNonNull(action, "action")));
  }

  private static Chaos of(ChaosAction action) {
    return ImmutableChaos.builder().action(action).build();
  }

  abstract ChaosAction action();

  /**
   * When, after the HTTP load started; empty: at the peak of a {@link LoadProfile}, or a third of
   * the load's duration.
   */
  public abstract Optional<Duration> at();

  /**
   * The same chaos, {@code offset} after the HTTP load started (0 to 24 hours); by default at the
   * peak of the benchmark's {@link LoadProfile} ({@link LoadProfile#atPeak()}), or without one a
   * third of the way into the load, leaving time to recover.
   */
  public Chaos at(Duration offset) {
    if (offset == null || offset.isNegative() || offset.compareTo(HttpLoad.MAX_DURATION) > 0) {
      throw new InvalidInputException(
          "at", offset == null ? null : Durations.format(offset), "between 0s and 24h");
    }
    return ImmutableChaos.copyOf(this).copyWithAt(offset);
  }

  /** The offset for a load of {@code duration}, shaped by {@code profile} if any. */
  Duration offset(Duration duration, Optional<LoadProfile> profile) {
    return at().orElseGet(() -> profile.map(LoadProfile::atPeak).orElse(duration.dividedBy(3)));
  }

  /** What it does, in words. */
  public String describe() {
    return action().describe();
  }

  @Override
  public String toString() {
    return describe() + at().map(offset -> " at " + Durations.format(offset)).orElse("");
  }
}
