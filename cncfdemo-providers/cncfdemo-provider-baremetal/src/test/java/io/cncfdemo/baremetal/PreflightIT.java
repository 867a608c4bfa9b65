package io.cncfdemo.baremetal;

import static io.cncfdemo.Providers.bareMetal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.cncfdemo.Cluster;
import io.cncfdemo.cluster.Inventory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hosts that are not ready are all reported at once, each with its problems, and no host is
 * changed.
 */
class PreflightIT {
  static final List<String> REACHABLE = List.of("h1", "h2", "h3", "h4", "h6");
  static TestHosts hosts;

  @TempDir static Path dir;

  @BeforeAll
  static void hosts() {
    hosts =
        TestHosts.create()
            .bridge("br0", "10.233.0.1/24")
            .host("h1", "br0=10.233.0.11/24")
            .hostWithSwap(
                "h2",
                "Filename\tType\tSize\tUsed\tPriority\n/dev/vdb1 partition\t4194300\t0\t-2",
                "br0=10.233.0.12/24")
            .host("h3", "br0=10.233.0.13/24")
            .host("h4", "br0=10.233.0.14/24")
            .host("h5", "br0=10.233.0.15/24")
            .host("h6", "br0=10.233.0.16/24");
    hosts.stop("h5");
    hosts.exec(
        "h6",
        "setsid python3 -c 'import socket, time; s = socket.socket(); s.bind((\"0.0.0.0\", 10250));"
            + " s.listen(); time.sleep(3600)' < /dev/null > /dev/null 2>&1 & sleep 1");
  }

  @AfterAll
  static void removeHosts() {
    if (hosts != null) {
      hosts.close();
    }
  }

  @Test
  void everyHostsProblems_areReportedTogether_andNothingChangesOnAnyHost() throws Exception {
    var wrongPin = "SHA256:uNiVztksCsDhcc0u9e8BujQXVUpKZIDTMczCvj3tD2s";
    var inventory =
        Files.writeString(
            dir.resolve("cluster.yaml"),
            """
            user: ops
            key: %s
            knownHosts: %s
            hosts:
              - {address: 10.233.0.11, role: master}
              - {address: 10.233.0.12, role: minion}
              - {address: 10.233.0.13, role: minion, hostKey: %s}
              - {address: 10.233.0.14, role: minion, user: nosudo}
              - {address: 10.233.0.15, role: minion}
              - {address: 10.233.0.16, role: minion}
            """
                .formatted(hosts.key(), hosts.knownHosts("h1", "h2", "h3", "h4", "h6"), wrongPin));
    var before = new LinkedHashMap<String, HostSnapshot>();
    for (var host : REACHABLE) {
      before.put(host, HostSnapshot.take(hosts, host));
    }
    var provider =
        BareMetalClusterProvider.builder().kubeconfigDirectory(dir.resolve("kubeconfigs")).build();

    var failure =
        catchThrowableOfType(
            PreflightException.class,
            () ->
                Cluster.on(bareMetal(Inventory.read(inventory)))
                    .named("pre")
                    .using(provider)
                    .create());

    assertThat(failure.problems())
        .containsOnlyKeys(
            "10.233.0.12 (minion)",
            "10.233.0.13 (minion)",
            "10.233.0.14 (minion)",
            "10.233.0.15 (minion)",
            "10.233.0.16 (minion)");
    assertThat(failure.problems().get("10.233.0.12 (minion)"))
        .containsExactly(
            "swap is on (1 area(s) in /proc/swaps) and the kubelet does not start with swap: turn"
                + " it off with swapoff -a and remove it from /etc/fstab");
    assertThat(failure.problems().get("10.233.0.13 (minion)"))
        .containsExactly(
            "ops@10.233.0.13:22: the host key "
                + hosts.fingerprint("h3")
                + " (ssh-ed25519) does not match the pinned "
                + wrongPin
                + "; refused. If the host was"
                + " reinstalled, pin its new key; otherwise the connection may be intercepted");
    assertThat(failure.problems().get("10.233.0.14 (minion)"))
        .containsExactly(
            "sudo: nosudo may not run commands as root without a password (sudo -n true said: sudo:"
                + " a password is required); allow it, e.g. with echo 'nosudo ALL=(ALL)"
                + " NOPASSWD:ALL' > /etc/sudoers.d/nosudo");
    assertThat(failure.problems().get("10.233.0.15 (minion)"))
        .singleElement()
        .asString()
        .startsWith("ops@10.233.0.15:22: cannot connect");
    assertThat(failure.problems().get("10.233.0.16 (minion)"))
        .containsExactly("port(s) 10250 are in use by another" + " program (ss -ltnp shows which)");
    assertThat(failure)
        .hasMessageStartingWith(
            "preflight found problems on 5 of 6 host(s), and nothing was changed on"
                + " any:\n  10.233.0.12 (minion): swap is on");
    for (var host : REACHABLE) {
      assertThat(before.get(host).differences(HostSnapshot.take(hosts, host))).as(host).isEmpty();
    }
    assertThat(provider.kubeconfigFile(Cluster.on(bareMetal("x")).named("pre").spec()))
        .doesNotExist();
  }

  @Test
  void destroy_onHostsWhereNothingWasInstalled_isHarmless_andReportsEachHost() {
    var before = HostSnapshot.take(hosts, "h1");
    var provider =
        BareMetalClusterProvider.builder().kubeconfigDirectory(dir.resolve("kubeconfigs")).build();

    Cluster.on(
            bareMetal("10.233.0.11", "10.233.0.16")
                .sshKey(hosts.key())
                .knownHosts(hosts.knownHosts("h1", "h6")))
        .named("pre")
        .using(provider)
        .destroy();

    assertThat(provider.lastTeardown())
        .isEqualTo(
            Map.of(
                "10.233.0.11 (master)",
                List.of("nothing of cncfdemo here"),
                "10.233.0.16 (minion)",
                List.of("nothing of cncfdemo here")));
    assertThat(before.differences(HostSnapshot.take(hosts, "h1"))).isEmpty();
  }
}
