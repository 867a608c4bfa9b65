package io.cncfdemo.examples.benchmark;

import io.cncfdemo.exception.CncfDemoException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A cluster made by {@code kwokctl create cluster --runtime binary}, the peer of the simulated
 * local cluster: kwokctl built by {@code scripts/k8s-binaries.sh} from the same pinned kwok module,
 * pointed by its configuration at the same cached binaries (etcd, kube-apiserver, controller
 * manager, scheduler, kwok), so it downloads nothing. Without metrics-server: kwokctl's
 * metrics-server component applies a manifest it fetches from GitHub, which needs the internet. Its
 * working directory ({@code KWOK_WORKDIR}) is a temporary one, removed on {@link #close()}; {@code
 * ~/.kube/config} is not touched.
 */
final class KwokctlCluster implements AutoCloseable {
  private final Path kwokctl;
  private final Path workDir;
  private final String name;

  private KwokctlCluster(Path kwokctl, Path workDir, String name) {
    this.kwokctl = kwokctl;
    this.workDir = workDir;
    this.name = name;
  }

  /** kwokctl in the binaries' directory; fails saying how to build it when it is not there. */
  static Path locate(Path binaries) {
    var kwokctl = binaries.resolve("kwokctl");
    if (!Files.isExecutable(kwokctl)) {
      throw new CncfDemoException(
          kwokctl + " is missing; run scripts/k8s-binaries.sh (it builds kwokctl too)");
    }
    return kwokctl;
  }

  /**
   * Creates a cluster (kwokctl waits until its components are ready) and then {@code nodes} nodes
   * with {@code kwokctl scale node}; returns without waiting for the nodes to be Ready.
   */
  static KwokctlCluster create(Path binaries, String name, int nodes)
      throws IOException, InterruptedException {
    var workDir = Files.createTempDirectory("cncfdemo-kwokctl");
    var cluster = new KwokctlCluster(locate(binaries), workDir, name);
    try {
      var config = workDir.resolve("kwokctl.yaml");
      Files.writeString(config, configuration(binaries), StandardCharsets.UTF_8);
      cluster.run(
          "create",
          "cluster",
          "--name=" + name,
          "--config=" + config,
          "--kubeconfig=" + workDir.resolve("kubeconfig"),
          "--wait=5m");
      cluster.run("scale", "node", "--name=" + name, "--replicas=" + nodes);
      return cluster;
    } catch (IOException | InterruptedException | RuntimeException e) {
      cluster.close();
      throw e;
    }
  }

  /** The cluster's admin kubeconfig. */
  Path kubeconfig() {
    return workDir.resolve("kubeconfig");
  }

  /** The pids of the cluster's processes, from kwokctl's pid files. */
  List<Long> pids() throws IOException {
    var pids = new ArrayList<Long>();
    var directory = clusterDirectory().resolve("pids");
    if (Files.isDirectory(directory)) {
      try (Stream<Path> files = Files.list(directory)) {
        for (var file : files.toList()) {
          pids.add(Long.parseLong(Files.readString(file).trim()));
        }
      }
    }
    return pids;
  }

  private Path clusterDirectory() {
    return workDir.resolve("clusters").resolve(name);
  }

  private static String configuration(Path binaries) {
    return String.join(
        "\n",
        "apiVersion: config.kwok.x-k8s.io/v1alpha1",
        "kind: KwokctlConfiguration",
        "options:",
        "  runtime: binary",
        "  etcdBinary: " + binaries.resolve("etcd"),
        "  kubeApiserverBinary: " + binaries.resolve("kube-apiserver"),
        "  kubeControllerManagerBinary: " + binaries.resolve("kube-controller-manager"),
        "  kubeSchedulerBinary: " + binaries.resolve("kube-scheduler"),
        "  kwokControllerBinary: " + binaries.resolve("kwok"),
        "");
  }

  private String run(String... args) throws IOException, InterruptedException {
    var command = new ArrayList<String>();
    command.add(kwokctl.toString());
    command.addAll(List.of(args));
    var builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().put("KWOK_WORKDIR", workDir.toString());
    var process = builder.start();
    var output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (process.waitFor() != 0) {
      throw new CncfDemoException(String.join(" ", command) + " failed:\n" + output);
    }
    return output;
  }

  /** Deletes the cluster (kwokctl stops its processes) and its working directory. */
  @Override
  public void close() throws IOException, InterruptedException {
    try {
      if (Files.isDirectory(clusterDirectory())) {
        run("delete", "cluster", "--name=" + name, "--kubeconfig=" + kubeconfig());
      }
    } finally {
      try (Stream<Path> files = Files.walk(workDir)) {
        files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
      }
    }
  }
}
