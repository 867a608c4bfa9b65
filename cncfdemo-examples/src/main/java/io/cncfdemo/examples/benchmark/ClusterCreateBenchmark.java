package io.cncfdemo.examples.benchmark;

import static io.cncfdemo.Providers.local;

import io.cncfdemo.Cluster;
import io.cncfdemo.local.simulated.SimulatedCluster;
import io.cncfdemo.support.Backoff;
import io.cncfdemo.support.KubernetesClients;
import io.cncfdemo.support.Poll;
import io.cncfdemo.support.Wakeup;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How long {@code Cluster.on(local()).minions(N).create()} takes until every node is Ready, and the
 * resident memory of its processes then, beside {@code kwokctl create cluster --runtime binary}
 * followed by {@code kwokctl scale node --replicas N+1} (the same node count: ours has a master)
 * until every node is Ready, from the same binaries. kwokctl runs without metrics-server (its
 * metrics-server needs a manifest from GitHub, and this runs offline), so ours is measured twice:
 * as it comes ({@code local()}, metrics-server on) and like kwokctl ({@code
 * local().metrics(false)}). Runs alternate between the three, so all see the same machine. A
 * benchmark main: {@code java -cp … io.cncfdemo.examples.benchmark.ClusterCreateBenchmark [--runs
 * 3] [--minions 3,1000]}; needs {@code CNCFDEMO_K8S_BIN} (scripts/k8s-binaries.sh).
 */
public final class ClusterCreateBenchmark {
  private static final Duration TIMEOUT = Duration.ofMinutes(5);

  private ClusterCreateBenchmark() {}

  public static void main(String[] args) throws Exception {
    int runs = BenchFigures.runs(args);
    var sizes = sizes(BenchFigures.option(args, "--minions", "3,1000"));
    var binaries = Path.of(System.getenv().getOrDefault("CNCFDEMO_K8S_BIN", "bin"));
    var figures = new BenchFigures.Table();
    for (int minions : sizes) {
      var ours = new ArrayList<Long>();
      var oursRss = new ArrayList<Long>();
      var bare = new ArrayList<Long>();
      var bareRss = new ArrayList<Long>();
      var peer = new ArrayList<Long>();
      var peerRss = new ArrayList<Long>();
      for (int run = 1; run <= runs; run++) {
        measureOurs(minions, true, ours, oursRss);
        measureOurs(minions, false, bare, bareRss);
        long start = System.nanoTime();
        try (var kwokctl = KwokctlCluster.create(binaries, "bench", minions + 1)) {
          awaitReadyNodes(kwokctl.kubeconfig(), minions + 1);
          peer.add(millisSince(start));
          peerRss.add(ProcessMemory.residentKib(kwokctl.pids()));
        }
        System.out.printf(
            "minions(%d) run %d: create() %d ms (%d MiB), metrics(false) %d ms (%d MiB),"
                + " kwokctl %d ms (%d MiB)%n",
            minions,
            run,
            ours.get(run - 1),
            oursRss.get(run - 1) / 1024,
            bare.get(run - 1),
            bareRss.get(run - 1) / 1024,
            peer.get(run - 1),
            peerRss.get(run - 1) / 1024);
      }
      double peerMillis = BenchFigures.median(peer);
      double oursMillis = BenchFigures.median(ours);
      boolean goal = minions <= 3 || minions >= 1000;
      int goalMillis = minions <= 3 ? 3_000 : 15_000;
      figures.add(
          "create() minions(" + minions + ") until every node Ready",
          BenchFigures.secondsOfMillis(oursMillis),
          BenchFigures.secondsOfMillis(peerMillis),
          BenchFigures.ratio(oursMillis, peerMillis, "kwokctl"),
          goal ? "≤ " + goalMillis / 1000 + " s" : "—",
          goal ? oursMillis <= goalMillis : null);
      double bareMillis = BenchFigures.median(bare);
      figures.add(
          "create() minions(" + minions + "), local().metrics(false) like kwokctl",
          BenchFigures.secondsOfMillis(bareMillis),
          BenchFigures.secondsOfMillis(peerMillis),
          BenchFigures.ratio(bareMillis, peerMillis, "kwokctl"),
          "—",
          null);
      figures.add(
          "RSS of the processes at " + (minions + 1) + " nodes (metrics(false) vs kwokctl)",
          BenchFigures.mebibytes((long) BenchFigures.median(bareRss)),
          BenchFigures.mebibytes((long) BenchFigures.median(peerRss)),
          BenchFigures.ratio(BenchFigures.median(bareRss), BenchFigures.median(peerRss), "kwokctl"),
          "—",
          null);
      figures.add(
          "RSS of the processes at " + (minions + 1) + " nodes, with metrics-server",
          BenchFigures.mebibytes((long) BenchFigures.median(oursRss)),
          "—",
          "—",
          "—",
          null);
    }
    System.out.println();
    figures.publish(System.out);
  }

  private static void measureOurs(
      int minions, boolean metrics, List<Long> millis, List<Long> residentKib) {
    long start = System.nanoTime();
    try (var cluster =
        (SimulatedCluster)
            Cluster.on(local().metrics(metrics)).minions(minions).named("bench").create()) {
      millis.add(millisSince(start));
      residentKib.add(ProcessMemory.residentKib(cluster.controlPlane().pids().values()));
    }
  }

  /** Waits, on a watch, until {@code count} nodes are Ready. */
  private static void awaitReadyNodes(Path kubeconfig, int count) throws Exception {
    var ready = ConcurrentHashMap.<String>newKeySet();
    var wakeup = new Wakeup();
    try (var client =
            KubernetesClients.create(Config.fromKubeconfig(Files.readString(kubeconfig)));
        var informer = client.nodes().inform(handler(ready, wakeup))) {
      Poll.with(Backoff.fixed(Duration.ofMillis(50)).deadline(TIMEOUT))
          .wakeOn(wakeup)
          .until(count + " kwokctl nodes to be Ready", () -> ready.size() >= count);
    }
  }

  private static ResourceEventHandler<Node> handler(Set<String> ready, Wakeup wakeup) {
    return new ResourceEventHandler<>() {
      @Override
      public void onAdd(Node node) {
        update(node);
      }

      @Override
      public void onUpdate(Node before, Node node) {
        update(node);
      }

      @Override
      public void onDelete(Node node, boolean unknownFinalState) {
        ready.remove(node.getMetadata().getName());
      }

      private void update(Node node) {
        boolean isReady =
            node.getStatus() != null
                && node.getStatus().getConditions() != null
                && node.getStatus().getConditions().stream()
                    .anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus()));
        if (isReady) {
          ready.add(node.getMetadata().getName());
        } else {
          ready.remove(node.getMetadata().getName());
        }
        wakeup.signal();
      }
    };
  }

  private static long millisSince(long start) {
    return (System.nanoTime() - start) / 1_000_000;
  }

  private static List<Integer> sizes(String list) {
    return Arrays.stream(list.split(",")).map(String::trim).map(Integer::valueOf).toList();
  }
}
