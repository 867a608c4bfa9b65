package io.cncfdemo.local.simulated;

import io.cncfdemo.cluster.ClusterSpec;
import io.cncfdemo.cluster.LocalTarget;
import io.cncfdemo.exception.CncfDemoException;
import io.cncfdemo.support.Backoff;
import io.cncfdemo.support.KubernetesClients;
import io.cncfdemo.support.Poll;
import io.cncfdemo.support.PrivateFiles;
import io.cncfdemo.support.WaitTimeoutException;
import io.cncfdemo.support.Wakeup;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real Kubernetes control plane on this machine — etcd, kube-apiserver, kube-controller-manager,
 * kube-scheduler — with nodes simulated by kwok, so that the real scheduler places pods, the real
 * controllers roll out workloads and pods become Running without a container runtime. {@link
 * #close()} stops every process and removes every file; a JVM shutdown hook and a watchdog per
 * process make sure nothing outlives the JVM.
 */
public final class SimulatedControlPlane implements AutoCloseable {
  /**
   * The Kubernetes version the control plane runs: the one {@code scripts/k8s-binaries.sh} builds.
   */
  public static final String KUBERNETES_VERSION = KubernetesBinaries.KUBERNETES_VERSION;

  private static final Logger LOG = LoggerFactory.getLogger(SimulatedControlPlane.class);
  private static final Set<SimulatedControlPlane> RUNNING = ConcurrentHashMap.newKeySet();
  private static final Duration POLL = Duration.ofMillis(50);

  static {
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> RUNNING.forEach(SimulatedControlPlane::close), "cncfdemo-local-shutdown"));
  }

  private final ClusterSpec spec;
  private final ControlPlaneFiles files;
  private final ControlPlanePorts ports;
  private final List<SupervisedProcess> processes = Collections.synchronizedList(new ArrayList<>());
  private final Duration startupTimeout;
  private KubernetesBinaries binaries;
  private KubernetesClient client;
  private SimulatedVolumes volumes;
  private volatile Path adminKubeconfig;
  private volatile boolean closed;

  private SimulatedControlPlane(ClusterSpec spec, Path directory, Duration startupTimeout) {
    this.spec = spec;
    this.files = new ControlPlaneFiles(directory);
    this.ports = ControlPlanePorts.choose();
    this.startupTimeout = startupTimeout;
  }

  /**
   * Starts a control plane and its simulated nodes and returns once every node is Ready. On failure
   * everything started so far is stopped and removed, and the error quotes the log of the process
   * that failed.
   */
  public static SimulatedControlPlane start(ClusterSpec spec, Duration startupTimeout) {
    var binaries = KubernetesBinaries.locate(((LocalTarget) spec.target()).metrics());
    int cleaned = WorkDirectories.cleanStale();
    if (cleaned > 0) {
      LOG.info("removed {} stale simulated control plane(s) left by JVMs that are gone", cleaned);
    }
    var plane =
        new SimulatedControlPlane(spec, WorkDirectories.create(spec.name()), startupTimeout);
    plane.binaries = binaries;
    RUNNING.add(plane);
    try {
      plane.boot();
      return plane;
    } catch (RuntimeException e) {
      plane.close();
      throw e;
    }
  }

  /**
   * Ends the processes of control planes whose JVM died and removes their files; returns how many
   * there were.
   */
  public static int cleanStale() {
    return WorkDirectories.cleanStale();
  }

  public KubernetesClient client() {
    return client;
  }

  /** The admin kubeconfig, mode 0600. */
  public Path kubeconfig() {
    return adminKubeconfig;
  }

  /** The working directory; gone after {@link #close()}. */
  public Path directory() {
    return files.directory();
  }

  /** The pids of the running control-plane processes, by name. */
  public java.util.Map<String, Long> pids() {
    var pids = new java.util.LinkedHashMap<String, Long>();
    synchronized (processes) {
      processes.stream()
          .filter(SupervisedProcess::isAlive)
          .forEach(process -> pids.put(process.name(), process.pid()));
    }
    return pids;
  }

  /**
   * Stops kube-apiserver, for tests of what clients do while it is away; {@link #startApiServer()}
   * brings it back.
   */
  public void stopApiServer() {
    process("kube-apiserver").stop();
    processes.removeIf(process -> process.name().equals("kube-apiserver"));
  }

  /**
   * Starts kube-apiserver again on the same port and data after {@link #stopApiServer()}; returns
   * once it is ready.
   */
  public void startApiServer() {
    var apiServer =
        launch("kube-apiserver", ControlPlaneCommands.apiServer(binaries, files, ports));
    awaitApiServer(apiServer);
  }

  /**
   * Starts every process at once — each retries its connections until etcd and the API server
   * answer — and, once the API server is ready, metrics-server (which needs its RBAC as it starts)
   * and the nodes, in bulk; then waits (on watches) for them to be Ready, the metrics API to be
   * Available and the default ServiceAccount. etcd starts before the certificates are made, the
   * admin client while the others start.
   */
  private void boot() {
    var started = Instant.now();
    // etcd needs no certificates: it starts while they are made
    launch("etcd", ControlPlaneCommands.etcd(binaries, files, ports));
    var pki = writePki();
    var admin = CompletableFuture.supplyAsync(() -> adminClient(pki));
    writeKwokConfig();
    writeSchedulerConfig();
    LOG.debug("certificates written in {} ms", Duration.between(started, Instant.now()).toMillis());
    var apiServer =
        launch("kube-apiserver", ControlPlaneCommands.apiServer(binaries, files, ports));
    launch(
        "kube-controller-manager", ControlPlaneCommands.controllerManager(binaries, files, ports));
    launch("kube-scheduler", ControlPlaneCommands.scheduler(binaries, files, ports));
    var kwok = launch("kwok", ControlPlaneCommands.kwok(binaries, files, ports));
    try {
      client = admin.join();
    } catch (CompletionException e) {
      throw e.getCause() instanceof RuntimeException cause ? cause : e;
    }
    LOG.debug("processes started after {} ms", Duration.between(started, Instant.now()).toMillis());
    awaitApiServer(apiServer);
    LOG.debug("API server ready after {} ms", Duration.between(started, Instant.now()).toMillis());
    SupervisedProcess metricsServer = null;
    if (metrics()) {
      // metrics-server reads its RBAC's objects as it starts
      MetricsApi.register(client, files.pki("ca.crt"), ports.metricsServer());
      metricsServer =
          launch(MetricsApi.NAME, ControlPlaneCommands.metricsServer(binaries, files, ports));
    }
    try (var readiness = NodeReadiness.watch(client)) {
      NodeRegistration.createAll(
          client, SimulatedNodes.registered(spec, (LocalTarget) spec.target(), ports.kwok()));
      LOG.debug(
          "{} nodes created after {} ms",
          spec.nodes(),
          Duration.between(started, Instant.now()).toMillis());
      volumes = SimulatedVolumes.start(client);
      await(
          spec.nodes() + " nodes to become Ready",
          kwok,
          readiness.wakeup(),
          () -> readiness.readyNodes() >= spec.nodes());
    }
    LOG.debug("nodes Ready after {} ms", Duration.between(started, Instant.now()).toMillis());
    if (metricsServer != null) {
      await(
          "the resource metrics API (metrics-server on 127.0.0.1:"
              + ports.metricsServer()
              + ") to be Available",
          metricsServer,
          () -> MetricsApi.available(client));
    }
    await(
        "the controller manager to create the default ServiceAccount",
        process("kube-controller-manager"),
        () -> client.serviceAccounts().inNamespace("default").withName("default").get() != null);
    LOG.info(
        "simulated cluster {} ready in {} ms: {} nodes, API server {}",
        spec.name(),
        Duration.between(started, Instant.now()).toMillis(),
        spec.nodes(),
        ports.apiServerUrl());
  }

  /**
   * The admin kubeconfig, with the one RSA key (for fabric8), and the client that reads it: made
   * while the processes start.
   */
  private KubernetesClient adminClient(Pki pki) {
    adminKubeconfig =
        KubeconfigFile.write(
            files.kubeconfig("admin"),
            spec.name(),
            ports.apiServerUrl(),
            pki,
            pki.rsaClient("cncfdemo-admin", "system:masters"));
    return KubernetesClients.create(Config.fromKubeconfig(readString(adminKubeconfig)));
  }

  private boolean metrics() {
    return ((LocalTarget) spec.target()).metrics();
  }

  private void awaitApiServer(SupervisedProcess apiServer) {
    await(
        "kube-apiserver to be ready on " + ports.apiServerUrl(),
        apiServer,
        () -> {
          try {
            return "ok".equals(client.raw("/readyz"));
          } catch (RuntimeException e) {
            return false;
          }
        });
  }

  private Pki writePki() {
    try {
      Files.createDirectories(files.pki("ca.crt").getParent());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    var pki = Pki.newAuthority(spec.name());
    PrivateFiles.write(files.pki("ca.crt"), Pki.pem(pki.caCertificate()));
    PrivateFiles.write(files.pki("ca.key"), pki.caKeyPem());
    var serving =
        pki.serving(
            "kube-apiserver",
            List.of(
                "localhost",
                "kubernetes",
                "kubernetes.default",
                "kubernetes.default.svc",
                "kubernetes.default.svc.cluster.local"),
            List.of("127.0.0.1", ControlPlaneCommands.SERVICE_IP));
    PrivateFiles.write(files.pki("apiserver.crt"), serving.certificatePem());
    PrivateFiles.write(files.pki("apiserver.key"), serving.keyPem());
    var serviceAccountKey = Pki.newKeyPair();
    PrivateFiles.write(files.pki("sa.key"), Pki.pem(serviceAccountKey.getPrivate()));
    PrivateFiles.write(files.pki("sa.pub"), Pki.pem(serviceAccountKey.getPublic()));
    var server = ports.apiServerUrl();
    KubeconfigFile.write(
        files.kubeconfig("kube-controller-manager"),
        spec.name(),
        server,
        pki,
        pki.client("system:kube-controller-manager", null));
    KubeconfigFile.write(
        files.kubeconfig("kube-scheduler"),
        spec.name(),
        server,
        pki,
        pki.client("system:kube-scheduler", null));
    KubeconfigFile.write(
        files.kubeconfig("kwok"), spec.name(), server, pki, pki.client("kwok", "system:masters"));
    MetricsApi.writePki(pki, files, spec.name(), server);
    return pki;
  }

  private void writeSchedulerConfig() {
    try (var config = SimulatedControlPlane.class.getResourceAsStream("kube-scheduler.yaml")) {
      PrivateFiles.write(
          files.schedulerConfig(),
          new String(config.readAllBytes(), StandardCharsets.UTF_8)
              .replace("@KUBECONFIG@", files.kubeconfig("kube-scheduler").toString())
              .replace("@QPS@", Integer.toString(ControlPlaneCommands.UNLIMITED_QPS))
              .replace("@BURST@", Integer.toString(ControlPlaneCommands.UNLIMITED_BURST)));
    } catch (IOException e) {
      throw new UncheckedIOException("could not write the scheduler's configuration", e);
    }
  }

  private void writeKwokConfig() {
    try (var stages = SimulatedControlPlane.class.getResourceAsStream("kwok-stages.yaml")) {
      var text =
          new String(stages.readAllBytes(), StandardCharsets.UTF_8)
              .replace("@KUBELET_VERSION@", "v" + KubernetesBinaries.KUBERNETES_VERSION);
      if (metrics()) {
        try (var usage = SimulatedControlPlane.class.getResourceAsStream("kwok-metrics.yaml")) {
          text += "\n---\n" + new String(usage.readAllBytes(), StandardCharsets.UTF_8);
        }
      }
      PrivateFiles.write(files.kwokConfig(), text);
    } catch (IOException e) {
      throw new UncheckedIOException("could not write kwok's stages", e);
    }
  }

  private SupervisedProcess launch(String name, List<String> command) {
    var process = SupervisedProcess.start(name, command, files.log(name));
    processes.add(process);
    return process;
  }

  private SupervisedProcess process(String name) {
    synchronized (processes) {
      return processes.stream()
          .filter(process -> process.name().equals(name))
          .findFirst()
          .orElseThrow(() -> new IllegalStateException(name + " is not running"));
    }
  }

  private void await(String what, SupervisedProcess watched, BooleanSupplier condition) {
    await(what, watched, new Wakeup(), condition);
  }

  /**
   * Waits for the condition, looking again at once when {@code wakeup} is signalled; fails at once
   * when any process exits, quoting its log, and at the timeout quoting {@code watched}'s.
   */
  private void await(
      String what, SupervisedProcess watched, Wakeup wakeup, BooleanSupplier condition) {
    try {
      Poll.with(Backoff.fixed(POLL).deadline(startupTimeout))
          .wakeOn(wakeup)
          .until(
              what,
              () -> {
                synchronized (processes) {
                  processes.forEach(SupervisedProcess::checkAlive);
                }
                return condition.getAsBoolean();
              });
    } catch (WaitTimeoutException e) {
      throw new CncfDemoException(
          "gave up waiting for "
              + what
              + " after "
              + startupTimeout.toSeconds()
              + "s; the end of "
              + watched.name()
              + "'s log:\n"
              + watched.tail(30),
          e);
    }
  }

  private static String readString(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Stops every process, newest first, and removes the working directory. Safe to call twice. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    if (volumes != null) {
      volumes.close();
    }
    if (client != null) {
      client.close();
    }
    List<SupervisedProcess> toStop;
    synchronized (processes) {
      toStop = new ArrayList<>(processes);
    }
    Collections.reverse(toStop);
    // the API server's clients first, all at once, then etcd: each answers TERM faster when what
    // it talks to is still there
    SupervisedProcess.stopAll(
        toStop.stream().filter(process -> !process.name().equals("etcd")).toList());
    SupervisedProcess.stopAll(
        toStop.stream().filter(process -> process.name().equals("etcd")).toList());
    WorkDirectories.delete(files.directory());
    RUNNING.remove(this);
    LOG.info("simulated cluster {} stopped and removed", spec.name());
  }
}
