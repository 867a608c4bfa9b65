package io.cncfdemo.benchmark;

import io.cncfdemo.cluster.ProvisioningPlan;
import io.cncfdemo.cluster.RunningCluster;
import io.cncfdemo.component.Nameable;
import io.cncfdemo.exception.InvalidInputException;
import io.cncfdemo.support.Check;
import io.cncfdemo.support.CncfDemoValue;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A benchmark to run, as one sentence; every method but {@link #run()} returns a new, validated
 * value.
 *
 * <pre>{@code
 * BenchmarkReport report = Benchmark.of(demo).duration(Duration.ofMinutes(5)).connections(64)
 *     .chaos(Chaos.deleteCountlyApiPod()).run();
 * report.saveHtml(Path.of("target/report.html"));
 * }</pre>
 *
 * <p>What runs, in order: the HTTP load from its {@link LoadSource} with the {@link Chaos} during
 * it, its results published to and read back from the {@link ResultStore}; then the control-plane
 * benchmark (pod start-up, API latency, rollout, preemption) when there is a cluster; then the
 * cost, from the cluster's plan. A part that fails is left out and the report's notes say why; bad
 * settings fail at once with {@link InvalidInputException}.
 */
@CncfDemoValue
public abstract class Benchmark implements Nameable<Benchmark> {
  /** How long results may take to reach Prometheus after they are pushed (a scrape or two). */
  public static final Duration DEFAULT_COLLECT_TIMEOUT = Duration.ofSeconds(60);

  /** The listener of a benchmark given none: hears nothing. */
  public static final BenchmarkListener DEFAULT_LISTENER = new BenchmarkListener() {};

  /** How often the timeline of a run with a {@link LoadProfile} is sampled by default. */
  public static final Duration DEFAULT_SAMPLE_INTERVAL = Duration.ofSeconds(2);

  private static final int MAX_NAME_LENGTH = 100;

  Benchmark() {}

  /**
   * The whole benchmark of a deployed demo: its wrk Job as the HTTP load ({@link
   * LoadSources#inCluster}), results through its Pushgateway and Prometheus, the control-plane
   * benchmark with {@link ControlPlaneLoad#defaults()}, the cost from the cluster's plan. Add chaos
   * with {@link #chaos(Chaos)}.
   */
  public static Benchmark of(DemoUnderTest demo) {
    Objects.requireNonNull(demo, "demo");
    return ImmutableBenchmark.builder()
        .cluster(demo.cluster())
        .demo(demo)
        .load(LoadSources.inCluster(demo))
        .controlPlane(ControlPlaneLoad.defaults())
        .resultStore(ResultStore.inCluster(demo.cluster().client(), demo.namespace()))
        .build();
  }

  /**
   * The control-plane benchmark of a cluster, and its cost; add HTTP load with {@link
   * #load(LoadSource)}.
   */
  public static Benchmark of(RunningCluster cluster) {
    return ImmutableBenchmark.builder()
        .cluster(Objects.requireNonNull(cluster, "cluster"))
        .controlPlane(ControlPlaneLoad.defaults())
        .build();
  }

  /**
   * An HTTP benchmark from {@code source} alone, e.g. {@code
   * LoadSources.constantRate("http://127.0.0.1:8080/")}.
   */
  public static Benchmark of(LoadSource source) {
    return ImmutableBenchmark.builder().load(Objects.requireNonNull(source, "source")).build();
  }

  /** The cluster measured and priced, if any. */
  abstract Optional<RunningCluster> cluster();

  /** The deployed demo that chaos acts on, if any. */
  abstract Optional<DemoUnderTest> demo();

  /** Where the HTTP load comes from; empty: no HTTP load. */
  abstract Optional<LoadSource> load();

  /** The load over time, when given: drives the offered load and records the timeline. */
  public abstract Optional<LoadProfile> loadProfile();

  /** How often the timeline of a run with a load profile is sampled. */
  @Value.Default
  Duration sampleInterval() {
    return DEFAULT_SAMPLE_INTERVAL;
  }

  /** The HTTP load's shape. */
  @Value.Default
  public HttpLoad httpLoad() {
    return HttpLoad.defaults();
  }

  /** The control-plane part; empty: left out. */
  abstract Optional<ControlPlaneLoad> controlPlane();

  /** The failures caused during the HTTP load, in the order given. */
  abstract List<Chaos> chaos();

  /** Where the HTTP results are published and read back from. */
  abstract Optional<ResultStore> resultStore();

  /** The plan that prices the run instead of the cluster's own. */
  abstract Optional<ProvisioningPlan> plan();

  @Value.Default
  BenchmarkListener listener() {
    return DEFAULT_LISTENER;
  }

  /** The run's name; by default the provider and region. */
  abstract Optional<String> name();

  @Value.Default
  Duration collectTimeout() {
    return DEFAULT_COLLECT_TIMEOUT;
  }

  /** The same benchmark with its HTTP load from {@code source} instead. */
  public Benchmark load(LoadSource source) {
    return ImmutableBenchmark.copyOf(this).copyWithLoad(Objects.requireNonNull(source, "source"));
  }

  /** The same benchmark without HTTP load. */
  public Benchmark withoutHttp() {
    return ImmutableBenchmark.copyOf(this).copyWithLoad(Optional.empty());
  }

  /** The same benchmark with this HTTP load shape. */
  public Benchmark httpLoad(HttpLoad load) {
    return ImmutableBenchmark.copyOf(this).copyWithHttpLoad(Objects.requireNonNull(load, "load"));
  }

  /**
   * The same benchmark offering the load of {@code profile} over time, idle → peak → idle, for the
   * profile's duration, and recording the demo's story on the way: requests per second, the
   * Deployment's replicas (desired by its HPA, ready), CPU per replica against the HPA's target,
   * BOINC pods running, preemptions, chaos and scaling marked on the time axis ({@link
   * BenchmarkReport#timeline()}). On the simulated cluster the load is simulated ({@link
   * io.cncfdemo.cluster.RunningCluster#simulatedLoad()}: CPU, no request); on a real cluster the
   * HTTP load source runs each step at its rate. Needs {@link #of(DemoUnderTest)}.
   */
  public Benchmark loadProfile(LoadProfile profile) {
    Objects.requireNonNull(profile, "profile");
    return ImmutableBenchmark.copyOf(this)
        .copyWithLoadProfile(profile)
        .copyWithHttpLoad(httpLoad().duration(profile.duration()));
  }

  /** How often to sample the timeline of a run with a load profile (1 second to 1 minute). */
  public Benchmark sampleEvery(Duration interval) {
    return ImmutableBenchmark.copyOf(this)
        .copyWithSampleInterval(
            Check.between("sampleEvery", interval, Duration.ofSeconds(1), Duration.ofMinutes(1)));
  }

  /** The HTTP load for this long (1 second to 24 hours). */
  public Benchmark duration(Duration duration) {
    return httpLoad(httpLoad().duration(duration));
  }

  /** The HTTP load over this many connections (at least the threads). */
  public Benchmark connections(int connections) {
    return httpLoad(httpLoad().connections(connections));
  }

  /** The HTTP load from this many threads (at most the connections). */
  public Benchmark threads(int threads) {
    return httpLoad(httpLoad().threads(threads));
  }

  /** The HTTP load at a constant rate, in requests per second (see {@link HttpLoad#rate(int)}). */
  public Benchmark rate(int requestsPerSecond) {
    return httpLoad(httpLoad().rate(requestsPerSecond));
  }

  /** A response slower than this counts as a timeout error. */
  public Benchmark timeout(Duration timeout) {
    return httpLoad(httpLoad().timeout(timeout));
  }

  /** The same benchmark with this control-plane load (needs a cluster). */
  public Benchmark controlPlane(ControlPlaneLoad load) {
    return ImmutableBenchmark.copyOf(this)
        .copyWithControlPlane(Objects.requireNonNull(load, "load"));
  }

  /** The same benchmark without the control-plane part. */
  public Benchmark withoutControlPlane() {
    return ImmutableBenchmark.copyOf(this).copyWithControlPlane(Optional.empty());
  }

  /** The same benchmark with this chaos too, during the HTTP load. */
  public Benchmark chaos(Chaos chaos) {
    return ImmutableBenchmark.builder()
        .from(this)
        .addChaos(Objects.requireNonNull(chaos, "chaos"))
        .build();
  }

  /**
   * The same benchmark publishing and reading its HTTP results here, e.g. {@link
   * ResultStore#pushgateway}.
   */
  public Benchmark resultStore(ResultStore store) {
    return ImmutableBenchmark.copyOf(this)
        .copyWithResultStore(Objects.requireNonNull(store, "store"));
  }

  /** How long to wait for published results to show in the store (1 second to 10 minutes). */
  public Benchmark collectTimeout(Duration timeout) {
    return ImmutableBenchmark.copyOf(this)
        .copyWithCollectTimeout(
            Check.between(
                "collectTimeout", timeout, Duration.ofSeconds(1), Duration.ofMinutes(10)));
  }

  /**
   * The same benchmark priced with this plan instead of the cluster's own, e.g. to price a load
   * against a URL.
   */
  public Benchmark plan(ProvisioningPlan plan) {
    return ImmutableBenchmark.copyOf(this).copyWithPlan(Objects.requireNonNull(plan, "plan"));
  }

  /** The same benchmark reporting progress to {@code listener}. */
  public Benchmark listener(BenchmarkListener listener) {
    return ImmutableBenchmark.copyOf(this)
        .copyWithListener(Objects.requireNonNull(listener, "listener"));
  }

  /**
   * The run's name, its column in a {@link Comparison} (1 to 100 characters); by default the
   * provider and region.
   */
  @Override
  public Benchmark named(String name) {
    Check.notBlank("name", name);
    if (name.length() > MAX_NAME_LENGTH) {
      throw new InvalidInputException("name", name, "1 to " + MAX_NAME_LENGTH + " characters");
    }
    return ImmutableBenchmark.copyOf(this).copyWithName(name);
  }

  /**
   * Runs the benchmark and returns its report; blocks for about the HTTP duration plus the
   * control-plane part.
   */
  public BenchmarkReport run() {
    return new BenchmarkRun(this).run();
  }

  @Override
  public String toString() {
    return "Benchmark["
        + load().map(LoadSource::describe).orElse("no HTTP load")
        + loadProfile().map(profile -> ", profile: " + profile).orElse("")
        + ", "
        + httpLoad()
        + controlPlane().map(cp -> ", control plane: " + cp).orElse("")
        + (chaos().isEmpty() ? "" : ", chaos: " + chaos())
        + "]";
  }
}
