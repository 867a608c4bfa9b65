package io.cncfdemo.apps.wrk;

import io.cncfdemo.apps.common.AppCapabilities;
import io.cncfdemo.apps.common.Imaged;
import io.cncfdemo.apps.common.Resources;
import io.cncfdemo.apps.common.Sized;
import io.cncfdemo.apps.internal.Images;
import io.cncfdemo.benchmark.BenchmarkJobs;
import io.cncfdemo.benchmark.HttpLoad;
import io.cncfdemo.component.Capability;
import io.cncfdemo.component.Component;
import io.cncfdemo.component.DemoContext;
import io.cncfdemo.component.Nameable;
import io.cncfdemo.component.Stage;
import io.cncfdemo.support.Check;
import io.cncfdemo.support.CncfDemoValue;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Pattern;
import org.immutables.value.Value;

/**
 * An HTTP load test with wrk against one URL, as a Job of the {@link Stage#BENCHMARK} stage: the
 * demo holds it suspended, as a template, and each benchmark run ({@code Benchmark.of(demo)})
 * starts a copy with its own duration, connections and threads (see {@link
 * io.cncfdemo.benchmark.BenchmarkJobs}). Its script ({@code countly.lua}) writes events through
 * Countly's write API and reads them through its read API when given {@link #countlyKeys} or {@link
 * #countlyApp(boolean)} (the keys {@code countly()}'s setup Job stored), and GETs the URL
 * otherwise. Its results go to the demo's Pushgateway ({@code wrk_requests_per_second}, {@code
 * wrk_latency_seconds{quantile}}, ...) unless {@link #withoutResultPush()}; they are in its log
 * too.
 *
 * <p>{@code wrk(url).duration(Duration.ofMinutes(5)).connections(100).threads(4)}
 */
@CncfDemoValue
public abstract class Wrk implements Component, Nameable<Wrk>, Imaged<Wrk>, Sized<Wrk> {
  public static final String DEFAULT_NAME = "wrk";

  /**
   * wrk 4.0.2; wrk has had few releases since, and this is the widely used image that has version
   * tags.
   */
  public static final String DEFAULT_IMAGE = "williamyeh/wrk:4.0.2";

  public static final String DEFAULT_PUSH_IMAGE = "curlimages/curl:8.12.1";

  /** The share of requests that read, in percent, when Countly keys are given. */
  public static final int DEFAULT_READ_PERCENT = 20;

  public static final Resources DEFAULT_RESOURCES =
      Resources.requests("500m", "64Mi").limits("2", "256Mi");
  static final Pattern URL = Pattern.compile("https?://[a-zA-Z0-9.-]+(:[0-9]{1,5})?(/[^\\s]*)?");
  static final String URL_RULE =
      "an http:// or https:// URL such as http://countly-api:3001/o/ping";

  Wrk() {}

  /** A load test of {@code url}. */
  public static Wrk of(String url) {
    return ImmutableWrk.builder().target(Check.matches("target", url, URL, URL_RULE)).build();
  }

  /** The URL under load. */
  public abstract String target();

  /** The component's name, and its Job's: {@value #DEFAULT_NAME} unless {@link #named(String)}. */
  @Value.Default
  public String jobName() {
    return DEFAULT_NAME;
  }

  /** The load's shape when the Job runs as it is; a benchmark run overrides it with its own. */
  @Value.Default
  public HttpLoad httpLoad() {
    return HttpLoad.defaults();
  }

  public Duration duration() {
    return httpLoad().duration();
  }

  /** Open HTTP connections, spread over the threads. */
  public int connections() {
    return httpLoad().connections();
  }

  public int threads() {
    return httpLoad().threads();
  }

  /** A response slower than this counts as a timeout error. */
  public Duration timeout() {
    return httpLoad().timeout();
  }

  /**
   * The requests per second to hold, for a constant-rate (wrk2-style) engine. Plain wrk has no
   * constant-rate mode: it sends as fast as the connections allow, so the Job records the rate in
   * the annotation {@code cncfdemo.io/rate} and does not pass it to wrk.
   */
  public OptionalInt rate() {
    return httpLoad().rate();
  }

  /** The Countly app to write events to and read them from; without, wrk GETs {@link #target()}. */
  public abstract Optional<CountlyKeys> countlyKeys();

  /**
   * Whether wrk writes to and reads from the app that {@code countly()}'s setup Job created, its
   * keys read from the Secret the Job filled (requires {@link AppCapabilities#COUNTLY_APP}).
   */
  @Value.Default
  public boolean countlyApp() {
    return false;
  }

  /**
   * With {@link #countlyKeys()}: the percentage of requests that read through the read API, the
   * rest write.
   */
  @Value.Default
  public int readPercent() {
    return DEFAULT_READ_PERCENT;
  }

  @Value.Default
  @Override
  public String image() {
    return DEFAULT_IMAGE;
  }

  @Value.Default
  public String pushImage() {
    return DEFAULT_PUSH_IMAGE;
  }

  @Value.Default
  @Override
  public Resources resources() {
    return DEFAULT_RESOURCES;
  }

  /** Whether the results are pushed to the demo's Pushgateway. */
  @Value.Default
  public boolean pushResults() {
    return true;
  }

  /**
   * The same test under another name, to have several in one demo: {@code
   * wrk(url).named("wrk-dashboard")}.
   */
  @Override
  public Wrk named(String name) {
    return ImmutableWrk.copyOf(this).copyWithJobName(Check.dnsLabel("name", name));
  }

  /**
   * The same test with this load shape, e.g. {@code
   * HttpLoad.of(Duration.ofMinutes(5)).connections(100)}.
   */
  public Wrk httpLoad(HttpLoad load) {
    return ImmutableWrk.copyOf(this)
        .copyWithHttpLoad(
            Check.notNull("httpLoad", load, "an HTTP load such as HttpLoad.defaults()"));
  }

  /** The same test for this long (see {@link HttpLoad#duration(Duration)}). */
  public Wrk duration(Duration duration) {
    return httpLoad(httpLoad().duration(duration));
  }

  /** The same test over this many connections (see {@link HttpLoad#connections(int)}). */
  public Wrk connections(int connections) {
    return httpLoad(httpLoad().connections(connections));
  }

  /** The same test from this many threads (see {@link HttpLoad#threads(int)}). */
  public Wrk threads(int threads) {
    return httpLoad(httpLoad().threads(threads));
  }

  /** The same test with this timeout per request (see {@link HttpLoad#timeout(Duration)}). */
  public Wrk timeout(Duration timeout) {
    return httpLoad(httpLoad().timeout(timeout));
  }

  /** The same test recording this rate (see {@link HttpLoad#rate(int)} and {@link #rate()}). */
  public Wrk rate(int requestsPerSecond) {
    return httpLoad(httpLoad().rate(requestsPerSecond));
  }

  /**
   * Writes events through Countly's write API ({@code /i}) and reads them through its read API
   * ({@code /o}) of the app with these keys, instead of GETting the URL; the keys go into a Secret.
   */
  public Wrk countlyKeys(CountlyKeys keys) {
    return ImmutableWrk.copyOf(this)
        .copyWithCountlyApp(false)
        .copyWithCountlyKeys(Check.notNull("countlyKeys", keys, "the keys of a Countly app"));
  }

  /**
   * Writes events through Countly's write API and reads them through its read API of the app that
   * {@code countly()}'s setup Job created (its keys from the Secret {@code countly-keys}), instead
   * of GETting the URL; replaces {@link #countlyKeys(CountlyKeys)}.
   */
  public Wrk countlyApp(boolean useIt) {
    var copy = ImmutableWrk.copyOf(this).copyWithCountlyApp(useIt);
    return useIt ? copy.copyWithCountlyKeys(Optional.empty()) : copy;
  }

  /** With Countly keys, this percentage of requests (0 to 100) reads, the rest write. */
  public Wrk readPercent(int percent) {
    return ImmutableWrk.copyOf(this)
        .copyWithReadPercent(Check.between("readPercent", percent, 0, 100));
  }

  @Override
  public Wrk image(String image) {
    return ImmutableWrk.copyOf(this).copyWithImage(Images.pinned("image", image));
  }

  public Wrk pushImage(String image) {
    return ImmutableWrk.copyOf(this).copyWithPushImage(Images.pinned("pushImage", image));
  }

  @Override
  public Wrk resources(Resources resources) {
    return ImmutableWrk.copyOf(this)
        .copyWithResources(Check.notNull("resources", resources, "CPU and memory"));
  }

  /** Results only in the Job's log: for a demo without monitoring. */
  public Wrk withoutResultPush() {
    return ImmutableWrk.copyOf(this).copyWithPushResults(false);
  }

  @Override
  public String name() {
    return jobName();
  }

  @Override
  public String describe() {
    return "wrk(\"" + target() + "\")";
  }

  @Override
  public Set<Capability<?>> requires() {
    var needs = new HashSet<Capability<?>>();
    if (pushResults()) {
      needs.add(AppCapabilities.PUSHGATEWAY);
    }
    if (countlyApp()) {
      needs.add(AppCapabilities.COUNTLY_APP);
    }
    return Set.copyOf(needs);
  }

  /**
   * The command line wrk runs with: the settings come from the container's environment ({@code
   * $(WRK_THREADS)}, ...), which holds this component's values and which a benchmark run overrides.
   */
  public List<String> arguments() {
    return List.of(
        "-t$(" + BenchmarkJobs.THREADS + ")",
        "-c$(" + BenchmarkJobs.CONNECTIONS + ")",
        "-d$(" + BenchmarkJobs.DURATION + ")",
        "--timeout",
        "$(" + BenchmarkJobs.TIMEOUT + ")",
        "--latency",
        "-s",
        WrkObjects.SCRIPT_PATH,
        target());
  }

  /**
   * The environment the load container starts with: this component's settings, as {@link
   * #arguments()} reads them.
   */
  public Map<String, String> environment() {
    var env = new java.util.LinkedHashMap<String, String>();
    env.put(BenchmarkJobs.RUN, jobName());
    env.put(BenchmarkJobs.THREADS, Integer.toString(threads()));
    env.put(BenchmarkJobs.CONNECTIONS, Integer.toString(connections()));
    env.put(BenchmarkJobs.DURATION, BenchmarkJobs.wrkSeconds(duration()));
    env.put(BenchmarkJobs.TIMEOUT, BenchmarkJobs.wrkSeconds(timeout()));
    env.put(BenchmarkJobs.RATE, rate().isPresent() ? Integer.toString(rate().getAsInt()) : "");
    env.put("WRK_SOURCE", "wrk Job in the cluster against " + target());
    env.put("WRK_READ_PERCENT", Integer.toString(readPercent()));
    return env;
  }

  @Override
  public Map<Stage, List<HasMetadata>> objects(DemoContext context) {
    httpLoad().validate();
    return Map.of(Stage.BENCHMARK, WrkObjects.all(this, context));
  }

  @Override
  public String toString() {
    return describe();
  }
}
