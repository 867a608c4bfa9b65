package io.cncfdemo.benchmark;

import io.cncfdemo.exception.InvalidInputException;
import io.cncfdemo.cluster.ProvisioningPlan;
import io.cncfdemo.cluster.RunningCluster;
import io.cncfdemo.deploy.DeployedDemo;
import io.cncfdemo.support.Check;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A benchmark to run, as one sentence; every method but {@link #run()} returns a new, validated value.
 *
 * <pre>{@code
 * BenchmarkReport report = Benchmark.of(demo).duration(Duration.ofMinutes(5)).connections(64)
 *     .chaos(Chaos.deleteCountlyApiPod()).run();
 * report.saveHtml(Path.of("target/report.html"));
 * }</pre>
 *
 * <p>What runs, in order: the HTTP load from its {@link LoadSource} with the {@link Chaos} during it, its results
 * published to and read back from the {@link ResultStore}; then the control-plane benchmark (pod start-up, API latency,
 * rollout, preemption) when there is a cluster; then the cost, from the cluster's plan. A part that fails is left out
 * and the report's notes say why; bad settings fail at once with {@link InvalidInputException}.
 */
public final class Benchmark {
  private final State state;

  /** Everything a benchmark is; copied on every change. */
  static final class State {
    Optional<RunningCluster> cluster = Optional.empty();
    Optional<DeployedDemo> demo = Optional.empty();
    Optional<LoadSource> load = Optional.empty();
    HttpLoad http = HttpLoad.defaults();
    Optional<ControlPlaneLoad> controlPlane = Optional.empty();
    List<Chaos> chaos = List.of();
    Optional<ResultStore> results = Optional.empty();
    Optional<ProvisioningPlan> plan = Optional.empty();
    BenchmarkListener listener = new BenchmarkListener() {};
    Optional<String> name = Optional.empty();
    Duration collectTimeout = DEFAULT_COLLECT_TIMEOUT;

    State copy() {
      var copy = new State();
      copy.cluster = cluster;
      copy.demo = demo;
      copy.load = load;
      copy.http = http;
      copy.controlPlane = controlPlane;
      copy.chaos = chaos;
      copy.results = results;
      copy.plan = plan;
      copy.listener = listener;
      copy.name = name;
      copy.collectTimeout = collectTimeout;
      return copy;
    }
  }

  /** How long results may take to reach Prometheus after they are pushed (a scrape or two). */
  public static final Duration DEFAULT_COLLECT_TIMEOUT = Duration.ofSeconds(60);

  private Benchmark(State state) {
    this.state = state;
  }

  /**
   * The whole benchmark of a deployed demo: its wrk Job as the HTTP load ({@link LoadSources#inCluster}), results
   * through its Pushgateway and Prometheus, the control-plane benchmark with {@link ControlPlaneLoad#defaults()}, the
   * cost from the cluster's plan. Add chaos with {@link #chaos(Chaos)}.
   */
  public static Benchmark of(DeployedDemo demo) {
    Objects.requireNonNull(demo, "demo");
    var state = new State();
    state.cluster = Optional.of(demo.cluster());
    state.demo = Optional.of(demo);
    state.load = Optional.of(LoadSources.inCluster(demo));
    state.controlPlane = Optional.of(ControlPlaneLoad.defaults());
    state.results = Optional.of(ResultStore.inCluster(demo.cluster().client(), demo.namespace()));
    return new Benchmark(state);
  }

  /** The control-plane benchmark of a cluster, and its cost; add HTTP load with {@link #load(LoadSource)}. */
  public static Benchmark of(RunningCluster cluster) {
    var state = new State();
    state.cluster = Optional.of(Objects.requireNonNull(cluster, "cluster"));
    state.controlPlane = Optional.of(ControlPlaneLoad.defaults());
    return new Benchmark(state);
  }

  /** An HTTP benchmark from {@code source} alone, e.g. {@code LoadSources.constantRate("http://127.0.0.1:8080/")}. */
  public static Benchmark of(LoadSource source) {
    var state = new State();
    state.load = Optional.of(Objects.requireNonNull(source, "source"));
    return new Benchmark(state);
  }

  private Benchmark change(java.util.function.Consumer<State> edit) {
    var copy = state.copy();
    edit.accept(copy);
    return new Benchmark(copy);
  }

  /** The same benchmark with its HTTP load from {@code source} instead. */
  public Benchmark load(LoadSource source) {
    Objects.requireNonNull(source, "source");
    return change(s -> s.load = Optional.of(source));
  }

  /** The same benchmark without HTTP load. */
  public Benchmark withoutHttp() {
    return change(s -> s.load = Optional.empty());
  }

  /** The same benchmark with this HTTP load shape. */
  public Benchmark http(HttpLoad load) {
    Objects.requireNonNull(load, "load");
    return change(s -> s.http = load);
  }

  /** The HTTP load for this long (1 second to 24 hours). */
  public Benchmark duration(Duration duration) {
    return http(state.http.duration(duration));
  }

  /** The HTTP load over this many connections (at least the threads). */
  public Benchmark connections(int connections) {
    return http(state.http.connections(connections));
  }

  /** The HTTP load from this many threads (at most the connections). */
  public Benchmark threads(int threads) {
    return http(state.http.threads(threads));
  }

  /** The HTTP load at a constant rate, in requests per second (see {@link HttpLoad#rate(int)}). */
  public Benchmark rate(int requestsPerSecond) {
    return http(state.http.rate(requestsPerSecond));
  }

  /** A response slower than this counts as a timeout error. */
  public Benchmark timeout(Duration timeout) {
    return http(state.http.timeout(timeout));
  }

  /** The same benchmark with this control-plane load (needs a cluster). */
  public Benchmark controlPlane(ControlPlaneLoad load) {
    Objects.requireNonNull(load, "load");
    return change(s -> s.controlPlane = Optional.of(load));
  }

  /** The same benchmark without the control-plane part. */
  public Benchmark withoutControlPlane() {
    return change(s -> s.controlPlane = Optional.empty());
  }

  /** The same benchmark with this chaos too, during the HTTP load. */
  public Benchmark chaos(Chaos chaos) {
    Objects.requireNonNull(chaos, "chaos");
    return change(s -> {
      var all = new ArrayList<>(s.chaos);
      all.add(chaos);
      s.chaos = List.copyOf(all);
    });
  }

  /** The same benchmark publishing and reading its HTTP results here, e.g. {@link ResultStore#pushgateway}. */
  public Benchmark resultStore(ResultStore store) {
    Objects.requireNonNull(store, "store");
    return change(s -> s.results = Optional.of(store));
  }

  /** How long to wait for published results to show in the store (1 second to 10 minutes). */
  public Benchmark collectTimeout(Duration timeout) {
    var checked = Check.between("collectTimeout", timeout, Duration.ofSeconds(1), Duration.ofMinutes(10));
    return change(s -> s.collectTimeout = checked);
  }

  /** The same benchmark priced with this plan instead of the cluster's own, e.g. to price a load against a URL. */
  public Benchmark plan(ProvisioningPlan plan) {
    Objects.requireNonNull(plan, "plan");
    return change(s -> s.plan = Optional.of(plan));
  }

  /** The same benchmark reporting progress to {@code listener}. */
  public Benchmark listener(BenchmarkListener listener) {
    Objects.requireNonNull(listener, "listener");
    return change(s -> s.listener = listener);
  }

  /** The run's name, its column in a {@link Comparison} (1 to 100 characters); by default the provider and region. */
  public Benchmark named(String name) {
    Check.notBlank("name", name);
    if (name.length() > 100) {
      throw new InvalidInputException("name", name, "1 to 100 characters");
    }
    return change(s -> s.name = Optional.of(name));
  }

  /** The HTTP load's shape. */
  public HttpLoad httpLoad() {
    return state.http;
  }

  /** Runs the benchmark and returns its report; blocks for about the HTTP duration plus the control-plane part. */
  public BenchmarkReport run() {
    return new BenchmarkRun(state.copy()).run();
  }

  @Override
  public String toString() {
    return "Benchmark[" + state.load.map(LoadSource::describe).orElse("no HTTP load") + ", " + state.http
        + state.controlPlane.map(cp -> ", control plane: " + cp).orElse("") + (state.chaos.isEmpty() ? "" : ", chaos: " + state.chaos) + "]";
  }
}
