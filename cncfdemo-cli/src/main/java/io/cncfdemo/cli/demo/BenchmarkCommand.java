package io.cncfdemo.cli.demo;

import io.cncfdemo.benchmark.Benchmark;
import io.cncfdemo.benchmark.BenchmarkReport;
import io.cncfdemo.benchmark.Chaos;
import io.cncfdemo.benchmark.LoadProfile;
import io.cncfdemo.cli.common.CliContext;
import io.cncfdemo.cli.common.ClusterOptions;
import io.cncfdemo.cli.common.DurationOption;
import io.cncfdemo.cli.common.ExitCodes;
import io.cncfdemo.cli.common.OutputOption;
import io.cncfdemo.cli.common.UsageException;
import io.cncfdemo.cli.progress.Progress;
import io.cncfdemo.exception.CncfDemoException;
import io.cncfdemo.support.Durations;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code cncfdemo benchmark}: benchmarks the demo started in a namespace, and saves the report as
 * HTML and JSON.
 */
@Command(
    name = "benchmark",
    mixinStandardHelpOptions = true,
    description = {
      "Benchmarks the demo started in the namespace: HTTP load against Countly (wrk in the"
          + " cluster), the control plane (pod start-up, API latency, rollout, preemption), chaos"
          + " if asked, and the cost from the cluster's plan.",
      "On the simulated local cluster (cncfdemo bootstrap local), where no container runs, the"
          + " load is simulated: idle, --peak requests/s for half of --time, idle again, as the"
          + " CPU of countly-api's pods, so that its HPA scales it and BOINC is preempted; a"
          + " countly-api pod is deleted at the peak; the report charts it all over time. --peak"
          + " gives a real cluster the same load profile.",
      "Prints a summary; saves the full report as HTML and JSON when asked (compare runs with"
          + " 'cncfdemo compare')."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  cncfdemo benchmark --time 5m --save-html report.html --save-json local.json",
      "  cncfdemo benchmark --time 2m --save-html report.html   (the autoscaling story, locally)",
      "  cncfdemo benchmark --time 2m --rate 500 --connections 64 --threads 4 --chaos --cluster"
          + " demo",
      "  cncfdemo benchmark --time 30s -n my-demo --output json > run.json"
    })
public final class BenchmarkCommand implements Callable<Integer> {
  private static final Pattern ZERO = Pattern.compile("(0+(ms|s|m|h))+");

  /** The peak on the simulated cluster: 400 requests/s × 5 ms = 2 CPUs, the HPA's maximum. */
  static final int DEFAULT_PEAK = 400;

  private final CliContext context;

  @Option(
      names = {"-t", "--time"},
      defaultValue = "5m",
      paramLabel = "DURATION",
      description = "How long the HTTP load runs, e.g. 30s, 5m (default: ${DEFAULT-VALUE}).")
  String time;

  @Option(
      names = "--rate",
      paramLabel = "N",
      description = "Hold a constant rate of N requests/s (default: as fast as it goes).")
  Integer rate;

  @Option(
      names = "--peak",
      paramLabel = "N",
      description =
          "Offer a load profile: idle, N requests/s for half of --time, idle (default on the"
              + " simulated local cluster: "
              + DEFAULT_PEAK
              + ").")
  Integer peak;

  @Option(
      names = "--no-profile",
      description =
          "No load profile, not even on the simulated local cluster: the steady benchmark (HTTP"
              + " load where containers serve it, and the control plane).")
  boolean noProfile;

  @Option(
      names = "--connections",
      paramLabel = "N",
      description = "Open HTTP connections (at least the threads).")
  Integer connections;

  @Option(
      names = "--threads",
      paramLabel = "N",
      description = "Load-generating threads (at most the connections).")
  Integer threads;

  @Option(
      names = "--chaos",
      description = "Delete a countly-api pod during the load and time its replacement.")
  boolean chaos;

  @Option(
      names = "--save-html",
      paramLabel = "FILE",
      description = "Save the report as one self-contained HTML page.")
  Path saveHtml;

  @Option(
      names = "--save-json",
      paramLabel = "FILE",
      description = "Save the report as JSON (for 'cncfdemo compare').")
  Path saveJson;

  @Option(
      names = "--name",
      paramLabel = "NAME",
      description = "The run's name in comparisons (default: provider and region).")
  String name;

  @Option(
      names = {"-n", "--namespace"},
      defaultValue = io.cncfdemo.Demo.DEFAULT_NAME,
      description = "The demo's namespace (default: ${DEFAULT-VALUE}).")
  String namespace;

  @Mixin ClusterOptions clusterOptions;

  @Mixin OutputOption output;

  @Mixin io.cncfdemo.cli.live.LiveOptions live;

  public BenchmarkCommand(CliContext context) {
    this.context = context;
  }

  /**
   * The benchmark's settings from the options, checked by the library, before any cluster is
   * touched.
   */
  Benchmark configure(Benchmark benchmark) {
    benchmark = benchmark.duration(duration(time));
    if (connections != null) {
      // one thread first, so that any valid pair of connections and threads can be set in turn
      benchmark =
          benchmark
              .threads(1)
              .connections(connections)
              .threads(
                  threads != null
                      ? threads
                      : Math.min(io.cncfdemo.benchmark.HttpLoad.DEFAULT_THREADS, connections));
    } else if (threads != null) {
      benchmark = benchmark.threads(threads);
    }
    benchmark = rate == null ? benchmark : benchmark.rate(rate);
    benchmark = chaos ? benchmark.chaos(Chaos.deleteCountlyApiPod()) : benchmark;
    return name == null ? benchmark : benchmark.named(name);
  }

  /**
   * The benchmark with the load profile of {@code --peak}, and on a simulated cluster by default,
   * with a countly-api pod deleted at its peak; the control-plane part is left out of the story.
   */
  Benchmark story(Benchmark benchmark, boolean simulated) {
    if (noProfile || (peak == null && !simulated)) {
      return benchmark;
    }
    if (benchmark.httpLoad().duration().compareTo(LoadProfile.MIN_TOTAL) < 0) {
      throw new UsageException(
          "--time must be at least "
              + Durations.format(LoadProfile.MIN_TOTAL)
              + " for the load profile (idle, the peak, idle), was "
              + time
              + "; --no-profile runs the steady benchmark");
    }
    var profile =
        LoadProfile.peak(peak == null ? DEFAULT_PEAK : peak, benchmark.httpLoad().duration());
    var story = benchmark.withoutControlPlane().loadProfile(profile);
    return chaos || !simulated ? story : story.chaos(Chaos.deleteCountlyApiPod());
  }

  /** A duration as kubectl writes it; a zero one goes to the library, which says what it takes. */
  static Duration duration(String text) {
    return text != null && ZERO.matcher(text).matches()
        ? Duration.ZERO
        : DurationOption.parse("time", text);
  }

  @Override
  public Integer call() {
    var checked =
        configure(
            Benchmark.of(io.cncfdemo.benchmark.LoadSources.constantRate("http://127.0.0.1:1/")));
    if (peak != null && noProfile) {
      throw new UsageException("--peak offers a load profile, which --no-profile leaves out");
    }
    if (peak != null) {
      var unused = LoadProfile.peak(peak, checked.httpLoad().duration());
    }
    BenchmarkReport report;
    try (var cluster = clusterOptions.connect(context.environment())) {
      var apps =
          DemoRecord.read(cluster.client(), namespace)
              .orElseThrow(
                  () ->
                      new CncfDemoException(
                          "no demo started by cncfdemo in namespace "
                              + namespace
                              + "; start one with: cncfdemo start"
                              + (namespace.equals(io.cncfdemo.Demo.DEFAULT_NAME)
                                  ? ""
                                  : " -n " + namespace)));
      var demo = DemoOptions.demo(apps, namespace);
      var deployed = demo.deployedOn(cluster);
      try (var progress =
          live.around(Progress.on(context.console(), output.json()), context.console())) {
        var benchmark =
            story(configure(Benchmark.of(deployed)), cluster.simulatedLoad().isPresent())
                .listener(
                    live.benchmark(
                        new BenchmarkProgressListener(progress, context.console().isTerminal())));
        report = benchmark.run();
        progress.finish("benchmark done");
      }
    } catch (io.fabric8.kubernetes.client.KubernetesClientException e) {
      throw new CncfDemoException("could not benchmark the demo: " + e.getMessage(), e);
    }
    var html = saveHtml == null ? null : report.saveHtml(saveHtml);
    var json = saveJson == null ? null : report.saveJson(saveJson);
    if (output.json()) {
      context.console().print(report.toJson().strip() + "\n");
      return ExitCodes.OK;
    }
    var console = context.console();
    console.line("");
    console.print(BenchmarkSummary.render(report));
    if (html != null) {
      console.line("HTML report: " + html);
    }
    if (json != null) {
      console.line(
          "JSON report: "
              + json
              + " (compare runs with: cncfdemo compare "
              + json
              + " OTHER.json --save-html compare.html)");
    }
    return ExitCodes.OK;
  }
}
