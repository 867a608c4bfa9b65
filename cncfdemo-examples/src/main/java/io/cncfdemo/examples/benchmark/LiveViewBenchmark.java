package io.cncfdemo.examples.benchmark;

import static io.cncfdemo.Providers.local;
import static io.cncfdemo.apps.Apps.boinc;
import static io.cncfdemo.apps.Apps.countly;
import static io.cncfdemo.apps.Apps.mongoSharded;

import io.cncfdemo.Cluster;
import io.cncfdemo.Demo;
import io.cncfdemo.cluster.RunningCluster;
import io.cncfdemo.deploy.DeployOptions;
import io.cncfdemo.event.EventStream;
import io.cncfdemo.event.Payload;
import io.cncfdemo.live.LiveView;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;

/**
 * Whether {@code --ui} slows {@code deployTo}: the full demo deployed to one simulated cluster
 * {@code --runs N} times each (default 3), alternately plain and with everything {@code --ui
 * --save-events} adds (an event stream, a live page with a browser following it, a JSON-lines
 * file), and the medians; then the cost of one event, measured over many, times the events of a
 * deploy. Prints a table; appends the figures to {@code $CNCFDEMO_BENCH_OUT} when set. {@code java
 * -cp … io.cncfdemo.examples.benchmark.LiveViewBenchmark [--runs N]}
 */
public final class LiveViewBenchmark {
  private static final double GOAL = 1.05;

  private LiveViewBenchmark() {}

  public static void main(String[] args) throws Exception {
    int runs = args.length == 2 && args[0].equals("--runs") ? Integer.parseInt(args[1]) : 3;
    var work = Files.createTempDirectory("cncfdemo-live-bench");
    var plain = new ArrayList<Long>();
    var live = new ArrayList<Long>();
    int eventsPerDeploy = 0;
    try (RunningCluster cluster =
        Cluster.on(local().nodeCpu("16").nodeMemory("64Gi"))
            .minions(3)
            .named("livebench")
            .create()) {
      for (int run = 0; run < runs; run++) {
        plain.add(deploy(cluster, "plain-" + run, DeployOptions.defaults()));
        try (var events = EventStream.create().saveTo(work.resolve("run-" + run + ".jsonl"));
            var view = LiveView.open(events)) {
          var browser = follow(view);
          live.add(
              deploy(
                  cluster,
                  "live-" + run,
                  DeployOptions.defaults().listener(events.deployListener())));
          eventsPerDeploy = events.history().size();
          browser.cancel(true);
        }
        System.out.printf(
            "run %d: deployTo %d ms, with --ui --save-events %d ms%n",
            run + 1, plain.get(run), live.get(run));
      }
    }
    double perEventMicros = perEventMicros(work.resolve("many.jsonl"));
    long plainMedian = median(plain);
    long liveMedian = median(live);
    double ratio = (double) liveMedian / plainMedian;
    double overheadMillis = perEventMicros * eventsPerDeploy / 1000;
    double overheadShare = overheadMillis / plainMedian;
    System.out.printf(
        Locale.ROOT,
        "%nmedians of %d runs: deployTo %d ms, with --ui --save-events %d ms: %.3f×%n"
            + "one event (stream + page queue + file): %.1f µs; %d events a deploy: %.2f ms, %.4f%%"
            + " of the deploy%n",
        runs,
        plainMedian,
        liveMedian,
        ratio,
        perEventMicros,
        eventsPerDeploy,
        overheadMillis,
        overheadShare * 100);
    append(
        String.format(
            Locale.ROOT, "deployTo with --ui (full demo, simulated cluster, median of %d)", runs),
        seconds(liveMedian),
        seconds(plainMedian) + " without",
        String.format(Locale.ROOT, "%.2f× without", ratio),
        String.format(Locale.ROOT, "≤ %.2f×", GOAL),
        ratio <= GOAL ? "meets" : "misses");
    append(
        "event publishing per deploy (stream, page, file)",
        String.format(Locale.ROOT, "%.2f ms", overheadMillis),
        seconds(plainMedian) + " deploy",
        String.format(Locale.ROOT, "%.5f× the deploy", overheadShare),
        "< 0.01×",
        overheadShare < 0.01 ? "meets" : "misses");
  }

  private static long deploy(RunningCluster cluster, String name, DeployOptions options) {
    var demo = Demo.with(countly(), mongoSharded(3), boinc()).named(name);
    long start = System.nanoTime();
    var unused = demo.deployTo(cluster, options);
    long millis = (System.nanoTime() - start) / 1_000_000;
    demo.teardown(cluster);
    return millis;
  }

  /** Microseconds per event published with a browser following and a file, over 200,000. */
  private static double perEventMicros(Path file) throws Exception {
    int count = 200_000;
    try (var events = EventStream.create().saveTo(file);
        var view = LiveView.open(events)) {
      var browser = follow(view);
      for (int i = 0; i < 20_000; i++) {
        events.publish(
            new Payload.ObjectWaiting("StatefulSet demo/mongo-" + i, "1/3 replicas ready"));
      }
      long start = System.nanoTime();
      for (int i = 0; i < count; i++) {
        events.publish(
            new Payload.ObjectWaiting("StatefulSet demo/mongo-" + i, "1/3 replicas ready"));
      }
      long nanos = System.nanoTime() - start;
      browser.cancel(true);
      return nanos / 1000.0 / count;
    }
  }

  /** A browser following the page's events, reading (and dropping) all it gets. */
  private static CompletableFuture<HttpResponse<Void>> follow(LiveView view) {
    return HttpClient.newHttpClient()
        .sendAsync(
            HttpRequest.newBuilder(view.url().resolve("events")).build(),
            HttpResponse.BodyHandlers.discarding());
  }

  private static String seconds(long millis) {
    return String.format(Locale.ROOT, "%.2f s", millis / 1000.0);
  }

  private static long median(List<Long> values) {
    var sorted = values.stream().sorted().toList();
    int middle = sorted.size() / 2;
    return sorted.size() % 2 == 1
        ? sorted.get(middle)
        : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
  }

  private static void append(
      String figure, String ours, String peer, String ratio, String goal, String verdict)
      throws IOException {
    var line = String.join("\t", figure, ours, peer, ratio, goal, verdict);
    System.out.println(line);
    var out = System.getenv("CNCFDEMO_BENCH_OUT");
    if (out != null && !out.isBlank()) {
      Files.writeString(
          Path.of(out),
          line + "\n",
          StandardCharsets.UTF_8,
          StandardOpenOption.CREATE,
          StandardOpenOption.APPEND);
    }
  }
}
