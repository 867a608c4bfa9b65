package io.cncfdemo.baremetal.internal;

import io.cncfdemo.baremetal.internal.ClusterLayout.Node;
import io.cncfdemo.baremetal.internal.ssh.SshException;
import io.cncfdemo.baremetal.internal.ssh.SshSession;
import io.cncfdemo.exception.CncfDemoException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The bootstrap over SSH, step by step, each step idempotent: on a host where it is done already it
 * changes nothing and says {@code unchanged}, so a second {@code create()} changes nothing and one
 * that was interrupted finishes where it stopped. Masters get etcd and the control plane, minions
 * containerd, runc, the CNI plugins, kubelet and kube-proxy; every host the name of the masters in
 * /etc/hosts and routes to the pods of the other minions.
 */
public final class Bootstrap {
  /** Told after each step; may throw to stop the bootstrap there (a test seam). */
  public interface StepListener {
    void done(String step);
  }

  /** What a step did on one host: {@code unchanged}, or what changed. */
  public record Change(String step, Node node, String what) {
    public boolean changed() {
      return !what.equals("unchanged");
    }
  }

  static final Duration SERVICE_TIMEOUT = Duration.ofMinutes(2);

  private final Hosts hosts;
  private final ClusterLayout layout;
  private final java.util.Optional<Binaries> binaries;
  private final Map<Node, HostFacts> facts;
  private final List<Path> images;
  private final Consumer<String> progress;
  private final StepListener afterStep;
  private final List<Change> changes = new ArrayList<>();

  /**
   * @param binaries what to upload, or empty when the hosts download the software themselves
   */
  public Bootstrap(
      Hosts hosts,
      java.util.Optional<Binaries> binaries,
      Map<Node, HostFacts> facts,
      Consumer<String> progress,
      StepListener afterStep) {
    this.hosts = hosts;
    this.layout = hosts.layout();
    this.binaries = binaries;
    this.facts = facts;
    this.images = layout.target().images();
    this.progress = progress;
    this.afterStep = afterStep;
  }

  /** Every change of the run, in order. */
  public List<Change> changes() {
    return List.copyOf(changes);
  }

  /** The node name of each host. */
  public String nodeName(Node node) {
    return HostChecks.nodeName(node, facts.get(node));
  }

  /**
   * Runs every step on the hosts, up to the running control plane and the started node services.
   */
  public void run() {
    var cluster = layout.spec().name();
    var all = layout.nodes();
    step("record the host as it is", all, node -> script(node, "baseline.sh", List.of(cluster)));
    step(
        "/etc/hosts",
        all,
        node ->
            script(
                node,
                "hosts-file.sh",
                List.of(cluster, layout.firstMaster().address() + " " + layout.mastersName())));
    if (binaries.isPresent()) {
      step("upload binaries", all, this::uploadBinaries);
    } else {
      step("download binaries", all, this::downloadBinaries);
    }
    step(
        "certificates",
        List.of(layout.firstMaster()),
        node ->
            script(
                node,
                "pki.sh",
                List.of(
                    cluster,
                    layout.mastersName(),
                    String.join(" ", layout.masters().stream().map(Node::address).toList()),
                    ClusterLayout.KUBERNETES_SERVICE_IP)));
    var pki = readPki();
    step(
        "certificates",
        layout.masters().subList(1, layout.masters().size()),
        node -> files(node, masterPki(pki)));
    step("certificates", layout.minions(), node -> minionCertificates(node, pki));
    step("control plane files", layout.masters(), this::masterFiles);
    step("etcd", layout.masters(), node -> start(node, "etcd", "2379"));
    step(
        "kube-apiserver",
        layout.masters(),
        node -> start(node, "kube-apiserver", String.valueOf(ClusterLayout.API_PORT)));
    step(
        "kube-controller-manager",
        layout.masters(),
        node -> start(node, "kube-controller-manager", "10257"));
    step("kube-scheduler", layout.masters(), node -> start(node, "kube-scheduler", "10259"));
    step("node files", layout.minions(), this::minionFiles);
    step("network", all, this::network);
    step(
        "containerd",
        layout.minions(),
        node ->
            start(
                node,
                "containerd",
                Layout.CONTAINERD_SOCKET,
                Layout.ETC + "/containerd/config.toml"));
    if (!images.isEmpty()) {
      step("images", layout.minions(), this::importImages);
    }
    step(
        "kubelet",
        layout.minions(),
        node ->
            start(
                node,
                "kubelet",
                "10250",
                Layout.ETC + "/kubelet/config.yaml",
                Layout.ETC + "/kubelet.kubeconfig",
                Layout.PKI + "/kubelet-server.crt"));
    step(
        "kube-proxy",
        layout.minions(),
        node ->
            start(
                node,
                "kube-proxy",
                "10256",
                Layout.ETC + "/kube-proxy/config.yaml",
                Layout.ETC + "/kube-proxy.kubeconfig"));
  }

  /**
   * The admin kubeconfig for this machine: the first master's address, the cluster CA and the admin
   * certificate.
   */
  public String adminKubeconfig() {
    var pki = readPki();
    var cluster = layout.spec().name();
    return Configs.embeddedKubeconfig(
        cluster,
        layout.externalApiServerUrl(),
        cluster + "-admin",
        pki.get("ca.crt"),
        pki.get("admin.crt"),
        pki.get("admin.key"));
  }

  private void step(String name, List<Node> nodes, Function<Node, String> work) {
    if (nodes.isEmpty()) {
      return;
    }
    var results = hosts.all(nodes, work);
    results.forEach(
        (node, what) -> {
          synchronized (changes) {
            changes.add(new Change(name, node, what));
          }
          progress.accept(name + " on " + Preflight.label(node) + ": " + what);
        });
    afterStep.done(name);
  }

  private String script(Node node, String script, List<String> args) {
    var session = hosts.session(node);
    var result = session.script(Scripts.text(script), args, SERVICE_TIMEOUT);
    if (!result.ok()) {
      throw new SshException(
          session.target().describe() + ": " + script + " failed: " + result.output());
    }
    var lines = result.stdout().strip().lines().toList();
    return lines.isEmpty() ? "unchanged" : lines.get(lines.size() - 1);
  }

  private String files(Node node, RemoteFiles files) {
    var changed = files.ensure(hosts.session(node));
    return changed.isEmpty() ? "unchanged" : "changed: " + String.join(", ", changed);
  }

  private String uploadBinaries(Node node) {
    var files = new RemoteFiles();
    var local = binaries.orElseThrow();
    for (var name : local.forRole(node.isMaster())) {
      var target =
          name.startsWith("cni/")
              ? Layout.CNI_BIN + "/" + name.substring(4)
              : Layout.BIN + "/" + name;
      files.put(target, RemoteFiles.Content.file(local.file(name), "0755"));
    }
    return files(node, files);
  }

  private String downloadBinaries(Node node) {
    var version = Downloads.kubernetesVersion(layout.spec().kubernetesVersion());
    var lines =
        Downloads.of(
                node.isMaster(), facts.get(node).get("arch"), version, layout.target().mirror())
            .stream()
            .map(Downloads.Download::line)
            .toList();
    return script(node, "download.sh", lines);
  }

  /** The first master's certificates and keys, by file name (PEM text). */
  private Map<String, String> readPki() {
    var session = hosts.session(layout.firstMaster());
    var result =
        session.script(
            "cd "
                + Layout.PKI
                + " || exit 1; for f in *.crt *.key sa.pub; do [ -f \"$f\" ] &&"
                + " { echo \"=== $f\"; cat \"$f\"; }; done",
            List.of(),
            SshSession.DEFAULT_TIMEOUT);
    if (!result.ok()) {
      throw new SshException(
          session.target().describe() + ": could not read the certificates: " + result.output());
    }
    var files = new LinkedHashMap<String, String>();
    String current = null;
    var text = new StringBuilder();
    for (var line : result.stdout().split("\n", -1)) {
      if (line.startsWith("=== ")) {
        if (current != null) {
          files.put(current, text.toString());
        }
        current = line.substring(4);
        text.setLength(0);
      } else if (current != null) {
        text.append(line).append('\n');
      }
    }
    if (current != null) {
      files.put(current, text.toString().replaceAll("\n+$", "\n"));
    }
    return files;
  }

  private static RemoteFiles masterPki(Map<String, String> pki) {
    var files = new RemoteFiles();
    pki.forEach(
        (name, text) ->
            files.text(Layout.PKI + "/" + name, text, name.endsWith(".key") ? "0600" : "0644"));
    return files;
  }

  private String minionCertificates(Node node, Map<String, String> pki) {
    var session = hosts.session(node);
    var name = nodeName(node);
    var files =
        new RemoteFiles()
            .text(Layout.PKI + "/ca.crt", pki.get("ca.crt"), "0644")
            .text(Layout.PKI + "/kube-proxy.crt", pki.get("kube-proxy.crt"), "0644")
            .text(Layout.PKI + "/kube-proxy.key", pki.get("kube-proxy.key"), "0600");
    var changed = new ArrayList<>(files.ensure(session));
    var requests =
        session.script(
            Scripts.text("node-csr.sh"), List.of(name, node.address()), SshSession.DEFAULT_TIMEOUT);
    if (!requests.ok()) {
      throw new SshException(
          session.target().describe()
              + ": could not make certificate requests: "
              + requests.output());
    }
    var master = hosts.session(layout.firstMaster());
    for (var request : requests.stdout().split("(?m)^# ")) {
      if (request.isBlank()) {
        continue;
      }
      var kind = request.substring(0, request.indexOf('\n'));
      var csr = request.substring(request.indexOf('\n') + 1);
      var signed =
          master.script(
              Scripts.text("sign.sh"),
              List.of(kind, name, node.address(), csr),
              SshSession.DEFAULT_TIMEOUT);
      if (!signed.ok() || !signed.stdout().contains("BEGIN CERTIFICATE")) {
        throw new SshException(
            master.target().describe()
                + ": could not sign the "
                + kind
                + " certificate of "
                + name
                + ": "
                + signed.output());
      }
      session.write(signed.stdout(), Layout.PKI + "/" + kind + ".crt", "0644");
      changed.add(Layout.PKI + "/" + kind + ".crt");
    }
    return changed.isEmpty() ? "unchanged" : "changed: " + String.join(", ", changed);
  }

  private String masterFiles(Node node) {
    var cluster = layout.spec().name();
    var local = "https://127.0.0.1:" + ClusterLayout.API_PORT;
    var files =
        new RemoteFiles()
            .text(
                Configs.servicePath("etcd"),
                Configs.serviceScript(cluster, "etcd", Configs.etcd(layout, node), List.of()),
                "0755")
            .text(
                Configs.servicePath("kube-apiserver"),
                Configs.serviceScript(
                    cluster, "kube-apiserver", Configs.apiServer(layout, node), List.of()),
                "0755")
            .text(
                Configs.servicePath("kube-controller-manager"),
                Configs.serviceScript(
                    cluster,
                    "kube-controller-manager",
                    Configs.controllerManager(layout),
                    List.of()),
                "0755")
            .text(
                Configs.servicePath("kube-scheduler"),
                Configs.serviceScript(
                    cluster, "kube-scheduler", Configs.scheduler(layout), List.of()),
                "0755")
            .text(
                Layout.ETC + "/controller-manager.kubeconfig",
                Configs.kubeconfig(
                    cluster,
                    local,
                    "system:kube-controller-manager",
                    "controller-manager",
                    "controller-manager"),
                "0600")
            .text(
                Layout.ETC + "/scheduler.kubeconfig",
                Configs.kubeconfig(
                    cluster, local, "system:kube-scheduler", "scheduler", "scheduler"),
                "0600")
            .text(
                Layout.ETC + "/admin.kubeconfig",
                Configs.kubeconfig(cluster, local, "cncfdemo-admin", "admin", "admin"),
                "0600");
    return files(node, files);
  }

  private String minionFiles(Node node) {
    var cluster = layout.spec().name();
    var hostFacts = facts.get(node);
    var name = nodeName(node);
    var containerd =
        List.of("LimitNOFILE=infinity", "Delegate=yes", "KillMode=process", "OOMScoreAdjust=-999");
    var files =
        new RemoteFiles()
            .text(
                Layout.ETC + "/containerd/config.toml", Configs.containerdConfig(hostFacts), "0644")
            .text(Layout.ETC + "/cni/net.d/10-cncfdemo.conflist", Configs.cniConfig(node), "0644")
            .text(Layout.ETC + "/kubelet/config.yaml", Configs.kubeletConfig(hostFacts), "0644")
            .text(
                Layout.ETC + "/kubelet.kubeconfig",
                Configs.kubeconfig(
                    cluster,
                    layout.apiServerUrl(),
                    "system:node:" + name,
                    "kubelet-client",
                    "kubelet-client"),
                "0600")
            .text(
                Layout.ETC + "/kube-proxy/config.yaml", Configs.kubeProxyConfig(name, node), "0644")
            .text(
                Layout.ETC + "/kube-proxy.kubeconfig",
                Configs.kubeconfig(
                    cluster,
                    layout.apiServerUrl(),
                    "system:kube-proxy",
                    "kube-proxy",
                    "kube-proxy"),
                "0600")
            .text(
                Configs.servicePath("containerd"),
                Configs.serviceScript(cluster, "containerd", Configs.containerd(), containerd),
                "0755")
            .text(
                Configs.servicePath("kubelet"),
                Configs.serviceScript(cluster, "kubelet", Configs.kubelet(node, name), List.of()),
                "0755")
            .text(
                Configs.servicePath("kube-proxy"),
                Configs.serviceScript(cluster, "kube-proxy", Configs.kubeProxy(), List.of()),
                "0755");
    return files(node, files);
  }

  private String network(Node node) {
    var routes = new ArrayList<String>();
    for (var minion : layout.minions()) {
      if (!minion.equals(node)) {
        routes.add(minion.podSubnet() + "=" + minion.address());
      }
    }
    return script(
        node,
        "network.sh",
        List.of(
            node.role().label(),
            node.address(),
            ClusterLayout.POD_CIDR,
            ClusterLayout.SERVICE_CIDR,
            String.join(" ", routes)));
  }

  private String importImages(Node node) {
    var files = new RemoteFiles();
    var remote = new ArrayList<String>();
    for (int i = 0; i < images.size(); i++) {
      var path = Layout.STATE + "/images/" + i + "-" + images.get(i).getFileName();
      files.put(path, RemoteFiles.Content.file(images.get(i), "0644"));
      remote.add(path);
    }
    files.ensure(hosts.session(node));
    return script(node, "images.sh", remote);
  }

  private String start(Node node, String service, String listensOn, String... files) {
    var args = new ArrayList<>(List.of("start", service));
    args.addAll(List.of(files));
    var started = script(node, "service.sh", args);
    var session = hosts.session(node);
    var wait =
        session.script(
            Scripts.text("service.sh"),
            List.of("wait", service, listensOn, String.valueOf(SERVICE_TIMEOUT.toSeconds())),
            SERVICE_TIMEOUT.plusSeconds(30));
    if (!wait.ok()) {
      throw new CncfDemoException(Preflight.label(node) + ": " + wait.output());
    }
    return started;
  }
}
