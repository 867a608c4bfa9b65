package io.cncfdemo.baremetal;

import static io.cncfdemo.Providers.bareMetal;
import static org.assertj.core.api.Assertions.assertThat;

import io.cncfdemo.Cluster;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three masters: etcd as one cluster across them, an API server on each, leader election between
 * the controllers.
 */
class MultiMasterIT {
  static TestHosts hosts;

  @TempDir static Path dir;

  @BeforeAll
  static void hosts() {
    hosts =
        TestHosts.create()
            .bridge("br0", "10.233.0.1/24")
            .host("h1", "br0=10.233.0.11/24")
            .host("h2", "br0=10.233.0.12/24")
            .host("h3", "br0=10.233.0.13/24")
            .host("h4", "br0=10.233.0.14/24");
  }

  @AfterAll
  static void removeHosts() {
    if (hosts != null) {
      hosts.close();
    }
  }

  @Test
  void threeMasters_serveOneClusterFromEachApiServer() throws Exception {
    var pause = TestImages.build(dir, "registry.k8s.io/pause:3.10", "sleep", "infinity");
    var provider = BareMetalClusterProvider.builder().kubeconfigDirectory(dir).build();
    var cluster =
        Cluster.on(
                bareMetal("10.233.0.11", "10.233.0.12", "10.233.0.13", "10.233.0.14")
                    .sshKey(hosts.key())
                    .knownHosts(hosts.knownHosts("h1", "h2", "h3", "h4"))
                    .images(pause))
            .masters(3)
            .named("ha")
            .using(provider);

    try (var running = cluster.create()) {
      assertThat(running.client().nodes().list().getItems())
          .extracting("metadata.name")
          .containsExactly("h4");
      var admin = Config.fromKubeconfig(Files.readString(running.kubeconfig()));
      for (var master : new String[] {"10.233.0.11", "10.233.0.12", "10.233.0.13"}) {
        var config = new ConfigBuilder(admin).withMasterUrl("https://" + master + ":6443").build();
        try (var client = new KubernetesClientBuilder().withConfig(config).build()) {
          assertThat(client.raw("/readyz")).as(master).isEqualTo("ok");
          assertThat(client.nodes().withName("h4").get()).as(master).isNotNull();
        }
      }
      // each component's leader takes its lease in its own time after the nodes are Ready: wait for
      // them
      for (var lease : new String[] {"kube-controller-manager", "kube-scheduler"}) {
        assertThat(
                running
                    .client()
                    .leases()
                    .inNamespace("kube-system")
                    .withName(lease)
                    .waitUntilCondition(Objects::nonNull, 2, TimeUnit.MINUTES))
            .as(lease)
            .isNotNull();
      }
      // the kubernetes Service lists every API server (each adds itself when its reconciler runs)
      var endpoints =
          running
              .client()
              .endpoints()
              .inNamespace("default")
              .withName("kubernetes")
              .waitUntilCondition(
                  found ->
                      found != null
                          && !found.getSubsets().isEmpty()
                          && found.getSubsets().get(0).getAddresses().size() == 3,
                  2,
                  TimeUnit.MINUTES);
      assertThat(endpoints.getSubsets().get(0).getAddresses())
          .extracting("ip")
          .containsExactlyInAnyOrder("10.233.0.11", "10.233.0.12", "10.233.0.13");
    }
    for (var master : new String[] {"h1", "h2", "h3"}) {
      assertThat(hosts.exec(master, "ps -eo comm=")).as(master).contains("etcd", "kube-apiserver");
    }
    cluster.destroy();
    assertThat(provider.lastTeardown())
        .hasSize(4)
        .allSatisfy((host, lines) -> assertThat(lines).contains("/etc/cncfdemo removed"));
  }
}
