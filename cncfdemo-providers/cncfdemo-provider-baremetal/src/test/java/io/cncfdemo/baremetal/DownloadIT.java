package io.cncfdemo.baremetal;

import static io.cncfdemo.Providers.bareMetal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cncfdemo.Cluster;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hosts download the software themselves, here from a mirror this test serves (there is no
 * internet here): each file checked against its published sum, a wrong one refused, and the cluster
 * comes up on what was downloaded.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DownloadIT {
  static TestHosts hosts;
  static TestMirror mirror;
  static Cluster cluster;
  static BareMetalClusterProvider provider;

  @TempDir static Path dir;

  @BeforeAll
  static void hostsAndMirror() throws Exception {
    hosts =
        TestHosts.create()
            .bridge("br0", "10.233.0.1/24")
            .host("h1", "br0=10.233.0.11/24")
            .host("h2", "br0=10.233.0.12/24");
    mirror = TestMirror.serve(Files.createDirectories(dir.resolve("mirror")), "10.233.0.1");
    var pause = TestImages.build(dir, "registry.k8s.io/pause:3.10", "sleep", "infinity");
    provider =
        BareMetalClusterProvider.builder().kubeconfigDirectory(dir.resolve("kubeconfigs")).build();
    cluster =
        Cluster.on(
                bareMetal("10.233.0.11", "10.233.0.12")
                    .sshKey(hosts.key())
                    .knownHosts(hosts.knownHosts("h1", "h2"))
                    .fromMirror(mirror.url())
                    .images(pause))
            .named("dl")
            .using(provider);
  }

  @AfterAll
  static void remove() {
    try {
      if (cluster != null) {
        cluster.destroy();
      }
    } finally {
      if (mirror != null) {
        mirror.close();
      }
      if (hosts != null) {
        hosts.close();
      }
    }
  }

  @Test
  @Order(1)
  void aFileWhoseSumDoesNotMatch_isNotInstalled() throws Exception {
    var kubelet = "https://dl.k8s.io/release/v1.35.4/bin/linux/amd64/kubelet";
    var sums = mirror.file(kubelet + ".sha256");
    var right = Files.readString(sums);
    Files.writeString(sums, "0".repeat(64) + "\n");
    try {
      assertThatThrownBy(cluster::create)
          .hasMessageContaining(
              "download.sh failed: the SHA-256 of "
                  + mirror.url()
                  + "/dl.k8s.io/release/v1.35.4/bin/linux/amd64/kubelet is "
                  + right.trim()
                  + ", not "
                  + "0".repeat(64)
                  + ": not installed");
      assertThat(hosts.exec("h2", "ls /opt/cncfdemo/bin/ 2>/dev/null || true"))
          .doesNotContain("kubelet");
    } finally {
      Files.writeString(sums, right);
    }
  }

  @Test
  @Order(2)
  void theHostsDownloadWhatTheyNeed_andTheClusterComesUpOnIt() {
    try (var running = cluster.create()) {
      assertThat(running.client().nodes().list().getItems())
          .extracting("metadata.name")
          .containsExactly("h2");
    }
    assertThat(provider.lastChanges())
        .contains(
            "download binaries on 10.233.0.12: changed: downloaded kubelet kube-proxy"
                + " containerd-1.7.27-linux-amd64.tar.gz runc.amd64"
                + " cni-plugins-linux-amd64-v1.6.2.tgz",
            // the master's files came in the first, failed, run: resumed, they are not fetched
            // again
            "download binaries on 10.233.0.11: unchanged");
    assertThat(hosts.exec("h1", "ls /opt/cncfdemo/bin"))
        .contains("etcd", "kube-apiserver", "kube-controller-manager", "kube-scheduler");

    try (var again = cluster.create()) {
      assertThat(provider.lastChanges())
          .allSatisfy(line -> assertThat(line).endsWith(": unchanged"));
    }
  }
}
