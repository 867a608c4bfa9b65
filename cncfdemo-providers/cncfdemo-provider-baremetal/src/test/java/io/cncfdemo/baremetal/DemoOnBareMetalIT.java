package io.cncfdemo.baremetal;

import static io.cncfdemo.Providers.bareMetal;
import static io.cncfdemo.apps.Apps.pushgateway;
import static org.assertj.core.api.Assertions.assertThat;

import io.cncfdemo.Cluster;
import io.cncfdemo.Demo;
import io.cncfdemo.cluster.RunningCluster;
import io.cncfdemo.deploy.DeployOptions;
import io.cncfdemo.support.Backoff;
import io.cncfdemo.support.Poll;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo of {@code Demo.with(...)} deployed onto a bare-metal cluster of test hosts. Images
 * cannot be pulled here: the Pushgateway runs from an image built of Debian's
 * prometheus-pushgateway and imported by the bootstrap, so that pod runs for real; the images of
 * Prometheus and Grafana exist nowhere here (Debian's Prometheus lacks the Kubernetes service
 * discovery the demo's configuration uses), so their pods wait for a pull that cannot happen.
 */
class DemoOnBareMetalIT {
  static TestHosts hosts;
  static RunningCluster running;
  static Cluster cluster;

  @TempDir static Path dir;

  @BeforeAll
  static void cluster() throws Exception {
    hosts =
        TestHosts.create()
            .bridge("br0", "10.233.0.1/24")
            .host("h1", "br0=10.233.0.11/24")
            .host("h2", "br0=10.233.0.12/24")
            .host("h3", "br0=10.233.0.13/24");
    var pause = TestImages.build(dir, "registry.k8s.io/pause:3.10", "sleep", "infinity");
    var pushgateway =
        TestImages.build(
            dir,
            "cncfdemo.test/pushgateway:debian",
            "--add",
            "/usr/bin/prometheus-pushgateway:/bin/pushgateway",
            "--entrypoint",
            "/bin/pushgateway");
    var provider =
        BareMetalClusterProvider.builder().kubeconfigDirectory(dir.resolve("kubeconfigs")).build();
    cluster =
        Cluster.on(
                bareMetal("10.233.0.11", "10.233.0.12", "10.233.0.13")
                    .sshUser("ops")
                    .sshKey(hosts.key())
                    .knownHosts(hosts.knownHosts("h1", "h2", "h3"))
                    .images(pause, pushgateway))
            .named("demo")
            .using(provider);
    running = cluster.create();
  }

  @AfterAll
  static void removeCluster() {
    try {
      if (running != null && Integer.getInteger("cncfdemo.it.keep", 0) == 0) {
        running.close();
        cluster.destroy();
      }
    } finally {
      if (hosts != null) {
        hosts.close();
      }
    }
  }

  @Test
  void theDemo_deploys_andThePodsWhoseImagesAreHereRunForReal() {
    var demo = Demo.with(pushgateway().image("cncfdemo.test/pushgateway:debian"));

    var deployed = demo.deployTo(running, DeployOptions.defaults().withoutWaiting());

    var client = running.client();
    var namespace = deployed.namespace();
    assertThat(deployed.changedCount()).isPositive();
    // no default StorageClass on these hosts: the provider declares the nodes' disks the storage,
    // so the demo brought local-path storage for Prometheus' volume
    assertThat(demo.plan(running).addonNames()).contains("localPathStorage()");
    client
        .apps()
        .deployments()
        .inNamespace(namespace)
        .withName("pushgateway")
        .waitUntilReady(3, TimeUnit.MINUTES);
    // the other default components' images exist nowhere here: their pods wait for a pull that
    // cannot happen
    for (var name : new String[] {"prometheus", "grafana"}) {
      var pods =
          client
              .pods()
              .inNamespace(namespace)
              .withLabel("app.kubernetes.io/name", name)
              .list()
              .getItems();
      assertThat(pods)
          .as(name)
          .isNotEmpty()
          .allSatisfy(
              pod ->
                  assertThat(pod.getStatus().getConditions())
                      .noneMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus())));
    }

    // a metric pushed from a minion host through the Pushgateway's Service, read back through it
    // from the other one
    var pushgateway =
        client
            .services()
            .inNamespace(namespace)
            .withName("pushgateway")
            .get()
            .getSpec()
            .getClusterIP();
    // kube-proxy on h3 programs the Service's rules on its own sync, a moment after the pod is
    // Ready
    Poll.with(Backoff.fixed(Duration.ofSeconds(1)).deadline(Duration.ofSeconds(60)))
        .ignoring(IllegalStateException.class::isInstance)
        .until(
            "the Pushgateway's Service to take a push from h3",
            () -> {
              hosts.exec(
                  "h3",
                  "printf 'cncfdemo_bare_metal_test 42\\n' | curl -sf -m 5 --data-binary @-"
                      + " http://"
                      + pushgateway
                      + ":9091/metrics/job/bare-metal");
              return true;
            });
    var metrics =
        Poll.with(Backoff.fixed(Duration.ofSeconds(1)).deadline(Duration.ofSeconds(60)))
            .ignoring(IllegalStateException.class::isInstance)
            .untilDone(
                "the Pushgateway's Service to answer h2",
                () ->
                    Poll.done(
                        hosts.exec("h2", "curl -sf -m 5 http://" + pushgateway + ":9091/metrics")));
    assertThat(metrics).contains("cncfdemo_bare_metal_test{instance=\"\",job=\"bare-metal\"} 42");
  }
}
