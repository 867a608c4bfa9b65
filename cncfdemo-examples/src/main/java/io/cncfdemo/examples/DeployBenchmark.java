package io.cncfdemo.examples;

import static io.cncfdemo.Providers.local;
import static io.cncfdemo.apps.Apps.boinc;
import static io.cncfdemo.apps.Apps.countly;
import static io.cncfdemo.apps.Apps.mongoSharded;

import io.cncfdemo.Cluster;
import io.cncfdemo.Demo;
import io.cncfdemo.cluster.RunningCluster;
import io.cncfdemo.demo.CompiledDemo;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Deploys the full demo to one simulated cluster, several times each, three ways, and prints the
 * medians and their ratios: {@code deployTo} (stages gated on readiness); {@code kubectl apply
 * --server-side -f} of the same YAML at once followed by {@code kubectl wait} for the same
 * readiness (Deployments available, StatefulSets ready, Jobs complete); and kubectl stage by stage,
 * a {@code kubectl wait} after each stage file, which is what it takes to get the same ordering
 * from kubectl. A benchmark main, not a test: {@code java -cp …
 * io.cncfdemo.examples.DeployBenchmark [runs]}.
 */
public final class DeployBenchmark {
  private DeployBenchmark() {}

  public static void main(String[] args) throws Exception {
    int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
    var work = Files.createTempDirectory("cncfdemo-bench");
    try (RunningCluster cluster =
        Cluster.on(local().nodeCpu("16").nodeMemory("64Gi")).minions(3).named("bench").create()) {
      var library = new ArrayList<Long>();
      var kubectlAtOnce = new ArrayList<Long>();
      var kubectlStaged = new ArrayList<Long>();
      for (int run = 0; run < runs; run++) {
        library.add(timeLibrary(cluster, "lib-" + run));
        kubectlAtOnce.add(timeKubectlAtOnce(cluster, work, "kat-" + run));
        kubectlStaged.add(timeKubectlStaged(cluster, work, "kst-" + run));
        System.out.printf(
            "run %d: deployTo %d ms, kubectl at once %d ms, kubectl staged %d ms%n",
            run + 1, library.get(run), kubectlAtOnce.get(run), kubectlStaged.get(run));
      }
      long lib = median(library);
      long atOnce = median(kubectlAtOnce);
      long staged = median(kubectlStaged);
      System.out.printf(
          "%nmedians of %d runs: deployTo %d ms, kubectl apply+wait %d ms, kubectl staged %d ms%n",
          runs, lib, atOnce, staged);
      System.out.printf(
          "kubectl apply+wait / deployTo = %.2f; kubectl staged / deployTo = %.2f%n",
          (double) atOnce / lib, (double) staged / lib);
    } finally {
      try (var files = Files.walk(work)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
      }
    }
  }

  private static Demo demo(String name) {
    return Demo.with(countly(), mongoSharded(3), boinc()).named(name);
  }

  private static long timeLibrary(RunningCluster cluster, String name) {
    var demo = demo(name);
    long start = System.nanoTime();
    demo.deployTo(cluster);
    long millis = (System.nanoTime() - start) / 1_000_000;
    demo.teardown(cluster);
    return millis;
  }

  private static long timeKubectlAtOnce(RunningCluster cluster, Path work, String name)
      throws Exception {
    var compiled = demo(name).compile(cluster.spec().minions());
    var file = Files.writeString(work.resolve(name + ".yaml"), compiled.toYaml());
    long start = System.nanoTime();
    kubectl(cluster, "apply", "--server-side", "-f", file.toString());
    waitFor(cluster, compiled);
    long millis = (System.nanoTime() - start) / 1_000_000;
    kubectl(cluster, "delete", "--wait", "-f", file.toString());
    return millis;
  }

  private static long timeKubectlStaged(RunningCluster cluster, Path work, String name)
      throws Exception {
    var compiled = demo(name).compile(cluster.spec().minions());
    var directory = work.resolve(name);
    var files = compiled.writeTo(directory);
    long start = System.nanoTime();
    for (int i = 0; i < files.size(); i++) {
      kubectl(cluster, "apply", "--server-side", "-f", files.get(i).toString());
      waitFor(cluster, new CompiledDemo(compiled.namespace(), List.of(compiled.stages().get(i))));
    }
    long millis = (System.nanoTime() - start) / 1_000_000;
    kubectl(cluster, "delete", "--wait", "-f", directory.toString());
    return millis;
  }

  /**
   * kubectl wait for what deployTo waits for: Deployments available, StatefulSets ready, Jobs
   * complete.
   */
  private static void waitFor(RunningCluster cluster, CompiledDemo compiled) throws Exception {
    var namespace = compiled.namespace();
    var objects = compiled.objects();
    if (objects.stream().anyMatch(o -> o.getKind().equals("Deployment"))) {
      kubectl(
          cluster,
          "wait",
          "-n",
          namespace,
          "--for=condition=Available",
          "deployment",
          "--all",
          "--timeout=5m");
    }
    for (var object : objects) {
      if (object instanceof StatefulSet statefulSet) {
        kubectl(
            cluster,
            "wait",
            "-n",
            namespace,
            "--for=jsonpath={.status.readyReplicas}=" + statefulSet.getSpec().getReplicas(),
            "statefulset/" + statefulSet.getMetadata().getName(),
            "--timeout=5m");
      }
    }
    if (objects.stream().anyMatch(o -> o.getKind().equals("Job"))) {
      kubectl(
          cluster,
          "wait",
          "-n",
          namespace,
          "--for=condition=Complete",
          "job",
          "--all",
          "--timeout=5m");
    }
  }

  private static void kubectl(RunningCluster cluster, String... args)
      throws IOException, InterruptedException {
    var command =
        new ArrayList<>(List.of("kubectl", "--kubeconfig", cluster.kubeconfig().toString()));
    command.addAll(List.of(args));
    var process = new ProcessBuilder(command).redirectErrorStream(true).start();
    var output = new String(process.getInputStream().readAllBytes());
    if (process.waitFor() != 0) {
      throw new IllegalStateException(String.join(" ", command) + " failed:\n" + output);
    }
  }

  private static long median(List<Long> values) {
    var sorted = new ArrayList<>(values);
    sorted.sort(Long::compare);
    return sorted.get(sorted.size() / 2);
  }
}
