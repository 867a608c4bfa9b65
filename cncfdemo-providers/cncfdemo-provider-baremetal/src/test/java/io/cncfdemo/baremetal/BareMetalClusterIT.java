package io.cncfdemo.baremetal;

import static io.cncfdemo.Providers.bareMetal;
import static org.assertj.core.api.Assertions.assertThat;

import io.cncfdemo.Cluster;
import io.cncfdemo.cluster.RunningCluster;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real cluster on three hosts this test makes (1 master, 2 minions): the real control plane, real
 * kubelets with containerd and runc, pod networking between the hosts, kube-proxy; then a second
 * create, and destroy.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BareMetalClusterIT {
  static final List<String> HOSTS = List.of("h1", "h2", "h3");
  static TestHosts hosts;
  static Map<String, HostSnapshot> before = new java.util.HashMap<>();
  static Path images;
  static Cluster cluster;
  static RunningCluster running;
  static List<String> progress = new java.util.concurrent.CopyOnWriteArrayList<>();
  static BareMetalClusterProvider provider;

  @TempDir static Path dir;

  @BeforeAll
  static void hosts() throws Exception {
    hosts =
        TestHosts.create()
            .bridge("br0", "10.233.0.1/24")
            .host("h1", "br0=10.233.0.11/24")
            .host("h2", "br0=10.233.0.12/24")
            .host("h3", "br0=10.233.0.13/24");
    // firewall rules of the host's own, which destroy must leave alone: one that keeps SSH open, in
    // a chain of its
    // own, and a chain whose name looks like the ones the cluster makes (but was there before)
    hosts.exec(
        "h2",
        "iptables -N SSH-GUARD && iptables -A SSH-GUARD -p tcp --dport 22 -j ACCEPT && iptables -I"
            + " INPUT -j SSH-GUARD && iptables -t nat -N CNI-MINE && iptables -t nat -A POSTROUTING"
            + " -j CNI-MINE");
    for (var host : HOSTS) {
      before.put(host, HostSnapshot.take(hosts, host));
    }
    assertThat(before.get("h2").sections().get(4)).contains("-A INPUT -j SSH-GUARD", ":CNI-MINE");
    var pause = TestImages.build(dir, "registry.k8s.io/pause:3.10", "sleep", "infinity");
    var busybox = TestImages.build(dir, "cncfdemo.test/busybox:1", "sleep", "infinity");
    provider =
        BareMetalClusterProvider.builder()
            .kubeconfigDirectory(dir.resolve("kubeconfigs"))
            .progress(progress::add)
            .build();
    cluster =
        Cluster.on(
                bareMetal("10.233.0.11", "10.233.0.12", "10.233.0.13")
                    .sshUser("ops")
                    .sshKey(hosts.key())
                    .knownHosts(hosts.knownHosts("h1", "h2", "h3"))
                    .images(pause, busybox))
            .named("it")
            .using(provider);
  }

  @AfterAll
  static void removeHosts() {
    if (running != null) {
      running.close();
    }
    if (hosts != null) {
      hosts.close();
    }
  }

  @Test
  @Order(1)
  void create_bringsUpARealClusterWithReadyNodes() throws Exception {
    running = cluster.create();

    var nodes = running.client().nodes().list().getItems();
    assertThat(nodes).extracting("metadata.name").containsExactlyInAnyOrder("h2", "h3");
    assertThat(Files.getPosixFilePermissions(running.kubeconfig()))
        .isEqualTo(PosixFilePermissions.fromString("rw-------"));
    assertThat(hosts.exec("h1", "ps -eo comm="))
        .contains("etcd", "kube-apiserver", "kube-controller", "kube-scheduler");
    assertThat(hosts.exec("h2", "ps -eo comm=")).contains("containerd", "kubelet", "kube-proxy");
    assertThat(nodes)
        .allSatisfy(
            node ->
                assertThat(node.getMetadata().getLabels())
                    .containsKey("node-role.kubernetes.io/worker"));
    // what destroy must take away again, seen by the same snapshot that later finds it gone
    assertThat(before.get("h2").differences(HostSnapshot.take(hosts, "h2")))
        .contains("sysctls: + net/ipv4/ip_forward=1")
        .anySatisfy(
            line -> assertThat(line).startsWith("files: + /opt/cncfdemo/bin/kubelet f 755 "))
        .anySatisfy(
            line ->
                assertThat(line)
                    .startsWith("routes: + 10.244.1.0/24 via 10.233.0.13 dev eth0 proto 211"))
        .anySatisfy(line -> assertThat(line).startsWith("iptables: + :KUBE-SERVICES"))
        .anySatisfy(line -> assertThat(line).startsWith("processes: + /opt/cncfdemo/bin/kubelet"))
        .anySatisfy(line -> assertThat(line).startsWith("mounts: + /var/lib/cncfdemo/"));
  }

  @Test
  @Order(2)
  void pods_runOnBothMinions_reachEachOther_andAServiceReachesThemThroughKubeProxy() {
    var client = running.client();
    client.apps().deployments().inNamespace("default").resource(Workloads.web(2)).create();
    client.services().inNamespace("default").resource(Workloads.webService()).create();
    client
        .apps()
        .deployments()
        .inNamespace("default")
        .withName("web")
        .waitUntilReady(3, TimeUnit.MINUTES);

    var pods = client.pods().inNamespace("default").withLabel("app", "web").list().getItems();
    assertThat(pods).extracting("spec.nodeName").containsExactlyInAnyOrder("h2", "h3");
    var onH3 =
        pods.stream()
            .filter(pod -> pod.getSpec().getNodeName().equals("h3"))
            .findFirst()
            .orElseThrow();
    var names = pods.stream().map(pod -> pod.getMetadata().getName()).toList();

    // a pod on h2 fetches the page of the pod on h3, through the pod network and the routes between
    // the hosts
    client
        .pods()
        .inNamespace("default")
        .resource(
            Workloads.fetch("fetch", "h2", "http://" + onH3.getStatus().getPodIP() + ":8080/"))
        .create();
    client
        .pods()
        .inNamespace("default")
        .withName("fetch")
        .waitUntilCondition(
            pod -> pod != null && "Succeeded".equals(pod.getStatus().getPhase()),
            2,
            TimeUnit.MINUTES);
    assertThat(client.pods().inNamespace("default").withName("fetch").getLog())
        .contains(onH3.getMetadata().getName());

    // from the host h3, the Service's cluster IP reaches both pods: kube-proxy's rules balance
    // between them
    var clusterIp =
        client.services().inNamespace("default").withName("web").get().getSpec().getClusterIP();
    var answers = new java.util.HashSet<String>();
    for (int i = 0; i < 30 && answers.size() < 2; i++) {
      answers.add(hosts.exec("h3", "curl -s -m 5 http://" + clusterIp + "/").trim());
    }
    assertThat(answers).containsExactlyInAnyOrderElementsOf(names);
    assertThat(before.get("h3").differences(HostSnapshot.take(hosts, "h3")))
        .contains("links: + cncfdemo0");
  }

  @Test
  @Order(3)
  void aSecondCreate_changesNothing() {
    var pids = servicePids();

    try (var again = cluster.create()) {
      assertThat(again.client().nodes().list().getItems()).hasSize(2);
    }

    assertThat(provider.lastChanges())
        .isNotEmpty()
        .allSatisfy(change -> assertThat(change).endsWith(": unchanged"));
    assertThat(servicePids()).isEqualTo(pids);
  }

  @Test
  @Order(4)
  void destroy_removesEverything_leavesTheHostsAsTheyWere_andSshWorking() {
    running.close();
    running = null;
    var kubeconfig = provider.kubeconfigFile(cluster.spec());

    cluster.destroy();

    for (var host : HOSTS) {
      assertThat(before.get(host).differences(HostSnapshot.take(hosts, host))).as(host).isEmpty();
    }
    assertThat(provider.lastTeardown().get("10.233.0.12 (minion)"))
        .contains(
            "/opt/cncfdemo removed",
            "bridge cncfdemo0 removed",
            "routes to the pod subnets removed");
    assertThat(provider.lastTeardown().get("10.233.0.11 (master)"))
        .contains("etcd stopped", "kube-apiserver stopped", "/var/lib/cncfdemo removed");
    assertThat(kubeconfig).doesNotExist();
    for (var host : HOSTS) {
      assertThat(hosts.exec(host, "echo")).isNotNull();
    }
    try (var connector =
        new io.cncfdemo.baremetal.internal.ssh.SshConnector(
            java.util.Optional.of(hosts.knownHosts("h1", "h2", "h3")), Map.of())) {
      for (var host : HOSTS) {
        var session =
            connector.connect(
                new io.cncfdemo.baremetal.internal.ssh.SshTarget(
                    hosts.address(host),
                    22,
                    "root",
                    java.util.Optional.of(hosts.key()),
                    java.util.Optional.empty(),
                    java.util.Optional.empty()));
        assertThat(session.exec("hostname", java.time.Duration.ofSeconds(10)).stdout())
            .isEqualTo(host + "\n");
      }
    }

    cluster.destroy();
    assertThat(provider.lastTeardown().values())
        .allSatisfy(lines -> assertThat(lines).containsExactly("nothing of cncfdemo here"));
  }

  @Test
  @Order(5)
  void aCreateInterruptedHalfWay_finishesOnTheNextRun() {
    var interrupting =
        BareMetalClusterProvider.builder()
            .kubeconfigDirectory(dir.resolve("kubeconfigs"))
            .afterStep(
                step -> {
                  if (step.equals("kube-apiserver")) {
                    throw new IllegalStateException("interrupted after " + step);
                  }
                })
            .build();
    var spec = cluster.spec();
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> Cluster.on(spec.target()).named("it").using(interrupting).create())
        .hasMessage("interrupted after kube-apiserver");

    try (var resumed = cluster.create()) {
      assertThat(resumed.client().nodes().list().getItems()).hasSize(2);
    }
    assertThat(provider.lastChanges())
        .anySatisfy(
            change -> assertThat(change).startsWith("upload binaries on 10.233.0.11: unchanged"));
    assertThat(provider.lastChanges())
        .anySatisfy(change -> assertThat(change).startsWith("kubelet on 10.233.0.12: started"));

    cluster.destroy();
    for (var host : HOSTS) {
      assertThat(before.get(host).differences(HostSnapshot.take(hosts, host))).as(host).isEmpty();
    }
  }

  private static Map<String, String> servicePids() {
    var pids = new java.util.TreeMap<String, String>();
    for (var host : HOSTS) {
      pids.put(host, hosts.exec(host, "cat /run/cncfdemo/*.pid"));
    }
    return pids;
  }
}
