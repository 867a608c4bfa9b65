package io.cncfdemo.it.benchmark;

import static io.cncfdemo.apps.Apps.boinc;
import static io.cncfdemo.apps.Apps.countly;
import static io.cncfdemo.apps.Apps.mongoSharded;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.cncfdemo.Demo;
import io.cncfdemo.benchmark.Benchmark;
import io.cncfdemo.benchmark.BenchmarkReport;
import io.cncfdemo.benchmark.Chaos;
import io.cncfdemo.benchmark.LoadSources;
import io.cncfdemo.benchmark.LoopbackTarget;
import io.cncfdemo.cluster.RunningCluster;
import io.cncfdemo.deploy.DeployOptions;
import io.cncfdemo.event.EventStream;
import io.cncfdemo.event.Payload;
import io.cncfdemo.junit.LocalCluster;
import io.cncfdemo.live.LiveView;
import io.cncfdemo.support.Backoff;
import io.cncfdemo.support.Poll;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * The live page in a real headless Chromium while a demo deploys on the simulated cluster and a
 * short benchmark runs: the stages turn ready in order, the charts gain points, a reload mid-run
 * shows the whole history, the page refuses requests without its token, and the saved events replay
 * to the same final page. Screenshots go to {@code target/live/*.png}.
 */
@LocalCluster(minions = 3, nodeCpu = "8", nodeMemory = "32Gi", name = "live")
class LiveViewInBrowserIT {
  static final Path OUT = Path.of("target/live");
  private static final List<String> STAGES =
      List.of(
          "FOUNDATION", "MONITORING", "DATASTORE", "INITIALIZATION", "APPLICATION", "BACKGROUND");
  private static final String STAGE_STATES =
      "JSON.stringify([...document.querySelectorAll('.stage')].map(s => s.dataset.stage + '='"
          + " + s.dataset.state))";
  private static final String WAITING_ROWS =
      "document.querySelectorAll('tr[data-state=\"waiting\"]').length";
  private static final String THROUGHPUT_POINTS =
      "Number((document.getElementById('chart-throughput') || {dataset: {}}).dataset.points || 0)";
  private static final String MAIN = "document.querySelector('main').outerHTML";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void thePage_followsADeployAndABenchmark_andItsReplayEndsTheSame(RunningCluster cluster)
      throws Exception {
    var file = OUT.resolve("run.jsonl");
    var events = EventStream.create().saveTo(file);
    String live;
    try (var view = LiveView.open(events);
        var chromium = DevTools.start()) {
      assertThat(status(view.url().resolve("/"))).isEqualTo(403);
      assertThat(status(view.url().resolve("/events"))).isEqualTo(403);
      assertThat(status(view.url())).isEqualTo(200);
      var javaBrowser = follow(view.url().resolve("events"));
      chromium.navigate(view.url());
      chromium.awaitTrue(
          "document.getElementById('status').dataset.state === 'live'", Duration.ofSeconds(10));

      deploy(cluster, events, chromium);
      benchmark(events, chromium);

      chromium.awaitTrue(
          "document.getElementById('status').dataset.state === 'finished'", Duration.ofSeconds(10));
      assertThat(
              chromium
                  .evaluate("document.getElementById('report-link').classList.contains('shown')")
                  .asBoolean())
          .isTrue();
      var report =
          http.send(
              HttpRequest.newBuilder(view.url().resolve("report")).build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(report.statusCode()).isEqualTo(200);
      assertThat(report.body()).contains("id=\"chart-throughput\"");
      assertThat(javaBrowser.get().lines().filter(line -> line.startsWith("id: ")).count())
          .as("a second browser at the same time got every event")
          .isEqualTo(events.history().size());
      live = chromium.evaluate(MAIN).asText();

      chromium.viewport(1280, 900, false);
      chromium.screenshot(OUT.resolve("live-wide.png"), true);
      chromium.screenshot(OUT.resolve("live.png"), false);
      chromium.viewport(420, 900, true);
      assertThat(
              chromium
                  .evaluate("document.documentElement.scrollWidth <= window.innerWidth")
                  .asBoolean())
          .as("nothing wider than a narrow window")
          .isTrue();
      chromium.screenshot(OUT.resolve("live-narrow-dark.png"), true);
    }

    try (var replay = LiveView.open(EventStream.replay(file));
        var chromium = DevTools.start()) {
      chromium.navigate(replay.url());
      chromium.awaitTrue(
          "document.getElementById('status').dataset.state === 'finished'", Duration.ofSeconds(20));
      assertThat(chromium.evaluate(MAIN).asText()).as("the replayed page").isEqualTo(live);
    }
  }

  private void deploy(RunningCluster cluster, EventStream events, DevTools chromium)
      throws Exception {
    var demo = Demo.with(countly(), mongoSharded(2), boinc()).named("live");
    var deploy =
        CompletableFuture.runAsync(
            () ->
                demo.deployTo(cluster, DeployOptions.defaults().listener(events.deployListener())));
    var readyCounts = new ArrayList<Integer>();
    var waiting = new ArrayList<Integer>();
    Poll.with(Backoff.fixed(Duration.ofMillis(100)).deadline(Duration.ofMinutes(4)))
        .until(
            "the deploy is done",
            () -> {
              var states = strings(chromium, STAGE_STATES);
              int ready = (int) states.stream().filter(s -> s.endsWith("=ready")).count();
              assertThat(states.subList(0, ready)).allMatch(s -> s.endsWith("=ready"));
              readyCounts.add(ready);
              waiting.add(number(chromium, WAITING_ROWS));
              return deploy.isDone();
            });
    deploy.join();
    chromium.awaitTrue(
        "document.querySelector('li[data-kind=\"deploy-done\"]')", Duration.ofSeconds(10));
    var stages = strings(chromium, STAGE_STATES);
    assertThat(stages).containsExactlyElementsOf(STAGES.stream().map(s -> s + "=ready").toList());
    assertThat(readyCounts).as("stages ready, seen again and again").isSorted();
    assertThat(readyCounts.stream().distinct().count())
        .as("the stages were seen turning ready one after the other: %s", readyCounts)
        .isGreaterThanOrEqualTo(3);
    assertThat(waiting).as("objects shown waiting, with their reasons").anyMatch(n -> n > 0);
    chromium.screenshot(OUT.resolve("live-deployed.png"), false);
  }

  private void benchmark(EventStream events, DevTools chromium) throws Exception {
    try (var target = LoopbackTarget.start()) {
      var fails =
          Chaos.of("the target answers 503 for 2 s", () -> target.failFor(Duration.ofSeconds(2)))
              .at(Duration.ofSeconds(4));
      var run =
          CompletableFuture.supplyAsync(
              () ->
                  Benchmark.of(LoadSources.constantRate(target.url().toString()))
                      .duration(Duration.ofSeconds(10))
                      .connections(4)
                      .threads(1)
                      .rate(200)
                      .chaos(fails)
                      .named("live")
                      .listener(events.benchmarkListener())
                      .run());
      var points = new ArrayList<Integer>();
      var reloaded = new boolean[1];
      Poll.with(Backoff.fixed(Duration.ofMillis(200)).deadline(Duration.ofMinutes(2)))
          .until(
              "the benchmark is done",
              () -> {
                int now = number(chromium, THROUGHPUT_POINTS);
                points.add(now);
                if (!reloaded[0] && now >= 6 && !run.isDone()) {
                  reloaded[0] = true;
                  reloadAndSeeTheWholeRun(chromium, now, events);
                }
                return run.isDone();
              });
      BenchmarkReport report = run.join();
      assertThat(reloaded[0]).as("reloaded while the benchmark ran").isTrue();
      assertThat(points.stream().filter(n -> n > 0).distinct().count())
          .as("the throughput chart gained points while the benchmark ran: %s", points)
          .isGreaterThanOrEqualTo(4);
      var html = report.saveHtml(OUT.resolve("report.html"));
      events.publish(new Payload.ReportSaved(html.toAbsolutePath().toString()));
      events.close();
      chromium.awaitTrue(
          "document.querySelector('#chart-throughput .marker.chaos')", Duration.ofSeconds(10));
    }
  }

  private static void reloadAndSeeTheWholeRun(
      DevTools chromium, int pointsBefore, EventStream events) {
    try {
      long published = events.history().size();
      chromium.reload();
      chromium.awaitTrue(
          "Number(document.getElementById('status').dataset.events) >= " + published,
          Duration.ofSeconds(10));
      assertThat(strings(chromium, STAGE_STATES))
          .hasSize(STAGES.size())
          .allMatch(s -> s.endsWith("=ready"));
      chromium.awaitTrue(THROUGHPUT_POINTS + " >= " + pointsBefore, Duration.ofSeconds(5));
      chromium.screenshot(OUT.resolve("live-benchmark.png"), false);
    } catch (Exception e) {
      throw new IllegalStateException("the reload failed", e);
    }
  }

  private int status(URI uri) throws Exception {
    return http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.discarding())
        .statusCode();
  }

  private CompletableFuture<String> follow(URI events) {
    return http.sendAsync(
            HttpRequest.newBuilder(events).build(), HttpResponse.BodyHandlers.ofString())
        .thenApply(HttpResponse::body);
  }

  private static List<String> strings(DevTools chromium, String expression) {
    try {
      return List.of(JSON.readValue(chromium.evaluate(expression).asText(), String[].class));
    } catch (Exception e) {
      throw new IllegalStateException("cannot evaluate " + expression, e);
    }
  }

  private static int number(DevTools chromium, String expression) {
    try {
      return chromium.evaluate(expression).asInt();
    } catch (Exception e) {
      throw new IllegalStateException("cannot evaluate " + expression, e);
    }
  }
}
