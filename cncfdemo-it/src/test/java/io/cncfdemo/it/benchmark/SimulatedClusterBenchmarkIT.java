package io.cncfdemo.it.benchmark;

import static io.cncfdemo.apps.Apps.countly;
import static io.cncfdemo.apps.Apps.mongoSharded;
import static org.assertj.core.api.Assertions.assertThat;

import io.cncfdemo.Demo;
import io.cncfdemo.benchmark.Benchmark;
import io.cncfdemo.benchmark.BenchmarkListener;
import io.cncfdemo.benchmark.BenchmarkPhase;
import io.cncfdemo.benchmark.BenchmarkProgress;
import io.cncfdemo.benchmark.Chaos;
import io.cncfdemo.benchmark.ControlPlaneLoad;
import io.cncfdemo.benchmark.Percentiles;
import io.cncfdemo.cluster.RunningCluster;
import io.cncfdemo.junit.LocalCluster;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The control-plane benchmark and the chaos measurement on the simulated local cluster: a real API
 * server, controllers and scheduler, kwok nodes. No container runs, so there is no HTTP load here.
 */
@LocalCluster(minions = 3, nodeCpu = "8", nodeMemory = "32Gi", name = "bench")
class SimulatedClusterBenchmarkIT {
  static final Path OUT = Path.of("target/benchmark");

  @Test
  void theControlPlaneBenchmark_measuresStartupApiRolloutAndPreemption_andCleansUp(
      RunningCluster cluster) throws Exception {
    var phases = new CopyOnWriteArrayList<BenchmarkPhase>();
    var progress = new CopyOnWriteArrayList<BenchmarkProgress>();
    var listener =
        new BenchmarkListener() {
          @Override
          public void phaseStarted(BenchmarkPhase phase, Duration expected) {
            phases.add(phase);
          }

          @Override
          public void progress(BenchmarkProgress update) {
            progress.add(update);
          }
        };

    var report =
        Benchmark.of(cluster)
            .controlPlane(ControlPlaneLoad.defaults().pods(30).apiCalls(30).rolloutReplicas(4))
            .listener(listener)
            .named("local, simulated")
            .run();

    assertThat(report.notes()).isEmpty();
    var figures = report.controlPlane().orElseThrow();
    var startup = figures.podStartup();
    assertThat(startup.pods()).isEqualTo(30);
    for (var percentiles :
        List.of(
            startup.createdToScheduled(),
            startup.scheduledToRunning(),
            startup.createdToRunning())) {
      assertOrdered(percentiles, 30);
    }
    assertThat(startup.createdToRunning().p50Ms())
        .isGreaterThanOrEqualTo(startup.createdToScheduled().p50Ms());
    assertThat(figures.apiLatency())
        .extracting(api -> api.call())
        .containsExactly(
            "CREATE configmaps",
            "GET configmaps",
            "LIST configmaps",
            "LIST pods",
            "DELETE configmaps");
    figures.apiLatency().forEach(api -> assertOrdered(api.latency(), 30));
    var rollout = figures.rollout().orElseThrow();
    assertThat(rollout.replicas()).isEqualTo(4);
    assertThat(rollout.createdToAvailableSeconds()).isPositive().isLessThan(60);
    assertThat(rollout.updateSeconds()).isPositive().isLessThan(60);
    var preemption = figures.preemption().orElseThrow();
    assertThat(preemption.victims()).isGreaterThanOrEqualTo(2);
    assertThat(preemption.createdToRunningSeconds()).isPositive().isLessThan(60);
    assertThat(phases).containsExactly(BenchmarkPhase.CONTROL_PLANE);
    assertThat(progress).isNotEmpty().allMatch(p -> p.phase() == BenchmarkPhase.CONTROL_PLANE);

    var metadata = report.metadata();
    assertThat(metadata.provider()).isEqualTo("local");
    assertThat(metadata.clusterName()).hasValue("bench");
    assertThat(metadata.kubernetesVersion())
        .hasValueSatisfying(version -> assertThat(version).startsWith("v1.35"));
    assertThat(metadata.nodeTypes()).isEqualTo(Map.of("kwok (simulated)", 4));
    var cost = report.cost().orElseThrow();
    assertThat(cost.hourlyUsd()).isZero();
    assertThat(cost.usdPerMillionRequests()).isEmpty();

    var client = cluster.client();
    var namespace = "cncfdemo-bench-" + metadata.runId();
    client
        .namespaces()
        .withName(namespace)
        .waitUntilCondition(ns -> ns == null, 60, TimeUnit.SECONDS);
    assertThat(
            client
                .scheduling()
                .v1()
                .priorityClasses()
                .withLabel("cncfdemo.io/benchmark", metadata.runId())
                .list()
                .getItems())
        .isEmpty();

    var json = report.saveJson(OUT.resolve("control-plane.json"));
    var html = report.saveHtml(OUT.resolve("control-plane.html"));
    var dom = Chromium.dumpDom(html);
    assertThat(dom)
        .contains(
            "id=\"chart-pod-startup\"",
            "id=\"api-latency\"",
            "id=\"rollout\"",
            "id=\"preemption\"");
    assertThat(ReportDom.assertFiguresEqualJson(dom, Files.readString(json)))
        .isGreaterThanOrEqualTo(40);
    Chromium.screenshot(html, OUT.resolve("control-plane.png"), 2000);
  }

  @Test
  void chaos_deletesACountlyApiPod_andTimesItsReplacement(RunningCluster cluster) {
    var demo =
        Demo.with(countly(), mongoSharded(1)).named("chaos").inNamespace("chaos").deployTo(cluster);
    demo.awaitReady(Duration.ofMinutes(3));

    var report =
        Benchmark.of(demo)
            .duration(Duration.ofSeconds(10))
            .controlPlane(
                ControlPlaneLoad.defaults()
                    .pods(10)
                    .apiCalls(10)
                    .rolloutReplicas(2)
                    .withoutPreemption())
            .chaos(Chaos.deleteCountlyApiPod())
            .named("local, chaos")
            .run();

    assertThat(report.http()).isEmpty();
    assertThat(report.notes())
        .first()
        .asString()
        .startsWith("HTTP benchmark left out: no HTTP load on the simulated cluster");
    assertThat(report.chaos())
        .singleElement()
        .satisfies(
            event -> {
              assertThat(event.action()).isEqualTo("delete one pod of Deployment countly-api");
              assertThat(event.target()).startsWith("countly-api-");
              assertThat(event.replacementReadySeconds()).isPresent();
              assertThat(event.replacementReadySeconds().getAsDouble()).isPositive().isLessThan(60);
              assertThat(event.throughputRecoverySeconds()).isEmpty();
            });
    assertThat(report.controlPlane()).isPresent();
    assertThat(report.metadata().demo())
        .anyMatch(workload -> workload.startsWith("Deployment countly-api "));
    report.saveHtml(OUT.resolve("simulated-chaos.html"));
    assertThat(demo.status())
        .filteredOn(w -> w.name().equals("countly-api"))
        .singleElement()
        .satisfies(api -> assertThat(api.isReady()).isTrue());
  }

  private static void assertOrdered(Percentiles percentiles, int count) {
    assertThat(percentiles.count()).isEqualTo(count);
    assertThat(percentiles.p50Ms())
        .isGreaterThanOrEqualTo(0)
        .isLessThanOrEqualTo(percentiles.p90Ms());
    assertThat(percentiles.p90Ms()).isLessThanOrEqualTo(percentiles.p99Ms());
    assertThat(percentiles.p99Ms()).isLessThanOrEqualTo(percentiles.maxMs());
  }
}
