package io.cncfdemo.baremetal.internal;

import static io.cncfdemo.Providers.bareMetal;
import static org.assertj.core.api.Assertions.assertThat;

import io.cncfdemo.Cluster;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class HostChecksTest {
  static final ClusterLayout LAYOUT =
      ClusterLayout.of(Cluster.on(bareMetal("10.0.0.11", "10.0.0.12")).spec());
  static final String GOOD =
      """
      os=Linux
      arch=x86_64
      hostname=node-1
      swaps=0
      overlay=yes
      br_netfilter=module
      cgroup=v1
      memory_cgroup=yes
      cluster=
      addresses=10.0.0.12/24
      free_kb=50000000
      ports_in_use=
      missing=
      """;

  @Test
  void aGoodHost_hasNoProblems() {
    assertThat(
            HostChecks.problems(
                LAYOUT.minions().get(0),
                HostFacts.parse(GOOD),
                "c",
                java.util.Optional.of("x86_64"),
                Duration.ZERO))
        .isEmpty();
  }

  @Test
  void eachBrokenRule_isOneProblemSayingWhatFixesIt() {
    var facts =
        HostFacts.parse(
            GOOD.replace("arch=x86_64", "arch=aarch64")
                .replace("swaps=0", "swaps=2")
                .replace("overlay=yes", "overlay=no")
                .replace("memory_cgroup=yes", "memory_cgroup=no")
                .replace("cluster=", "cluster=other")
                .replace("ports_in_use=", "ports_in_use=10250 10256")
                .replace("missing=", "missing=openssl iptables")
                .replace("free_kb=50000000", "free_kb=1024")
                .replace("hostname=node-1", "hostname=Node_1")
                .replace("addresses=10.0.0.12/24", "addresses=10.96.0.5/24"));

    assertThat(
            HostChecks.problems(
                LAYOUT.minions().get(0),
                facts,
                "c",
                java.util.Optional.of("x86_64"),
                Duration.ofSeconds(-95)))
        .containsExactly(
            "it is an aarch64 machine and the binaries to upload are built for x86_64",
            "it already belongs to the cncfdemo cluster other; destroy that one first or choose"
                + " another host",
            "port(s) 10250, 10256 are in use by another program (ss -ltnp shows which)",
            "its clock is 95 s behind this machine's (at most 30 s may be): sync it, e.g. with"
                + " chrony",
            "these commands are missing: openssl, iptables (Debian and Ubuntu: apt-get install"
                + " openssl iptables iproute2 procps)",
            "only 1 MiB are free under /var/lib; it needs at least 2 GiB",
            "its address 10.96.0.5/24 lies in the cluster's pod range 10.244.0.0/14 or service"
                + " range 10.96.0.0/12",
            "swap is on (2 area(s) in /proc/swaps) and the kubelet does not start with swap: turn"
                + " it off with swapoff -a and remove it from /etc/fstab",
            "the overlay file system is neither loaded nor loadable (modprobe overlay), and"
                + " containerd needs it",
            "the memory cgroup controller is off (enable it on the kernel command line:"
                + " cgroup_enable=memory), and the kubelet needs it",
            "its host name Node_1 is no valid node name (a lowercase RFC 1123 subdomain): set"
                + " hostname: in the inventory");
  }

  @Test
  void mastersRunNoKubelet_soSwapIsNoProblemThere() {
    var facts = HostFacts.parse(GOOD.replace("swaps=0", "swaps=1"));
    assertThat(
            HostChecks.problems(
                LAYOUT.masters().get(0),
                facts,
                "c",
                java.util.Optional.of("x86_64"),
                Duration.ZERO))
        .isEmpty();
    assertThat(
            HostChecks.problems(
                LAYOUT.masters().get(0),
                HostFacts.parse("os=Darwin"),
                "c",
                java.util.Optional.of("x86_64"),
                Duration.ZERO))
        .containsExactly("its operating system is Darwin; Kubernetes nodes run Linux");
  }

  @Test
  void facts_tellHowToConfigureTheHost() {
    var facts = HostFacts.parse("systemd=no\ncap_sys_resource=no\ncgroup=v1\nnoise\n");
    assertThat(facts.systemd()).isFalse();
    assertThat(facts.restrictOomScoreAdj()).isTrue();
    assertThat(facts.cgroupV1()).isTrue();
    assertThat(facts.number("missing")).isEqualTo(-1);
  }
}
