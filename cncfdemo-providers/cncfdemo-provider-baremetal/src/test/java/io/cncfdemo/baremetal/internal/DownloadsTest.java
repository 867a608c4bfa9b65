package io.cncfdemo.baremetal.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class DownloadsTest {
  @Test
  void aMinion_downloadsTheReleasesOfItsArchitecture_withTheirPublishedSums() {
    assertThat(Downloads.of(false, "aarch64", "1.35.4", Optional.empty()))
        .extracting(Downloads.Download::line)
        .containsExactly(
            "https://dl.k8s.io/release/v1.35.4/bin/linux/arm64/kubelet"
                + " https://dl.k8s.io/release/v1.35.4/bin/linux/arm64/kubelet.sha256"
                + " .=/opt/cncfdemo/bin/kubelet",
            "https://dl.k8s.io/release/v1.35.4/bin/linux/arm64/kube-proxy"
                + " https://dl.k8s.io/release/v1.35.4/bin/linux/arm64/kube-proxy.sha256"
                + " .=/opt/cncfdemo/bin/kube-proxy",
            "https://github.com/containerd/containerd/releases/download/v1.7.27/containerd-1.7.27-linux-arm64.tar.gz"
                + " https://github.com/containerd/containerd/releases/download/v1.7.27/containerd-1.7.27-linux-arm64.tar.gz.sha256sum"
                + " bin/containerd=/opt/cncfdemo/bin/containerd"
                + " bin/containerd-shim-runc-v2=/opt/cncfdemo/bin/containerd-shim-runc-v2"
                + " bin/ctr=/opt/cncfdemo/bin/ctr",
            "https://github.com/opencontainers/runc/releases/download/v1.2.6/runc.arm64"
                + " https://github.com/opencontainers/runc/releases/download/v1.2.6/runc.sha256sum"
                + " .=/opt/cncfdemo/bin/runc",
            "https://github.com/containernetworking/plugins/releases/download/v1.6.2/cni-plugins-linux-arm64-v1.6.2.tgz"
                + " https://github.com/containernetworking/plugins/releases/download/v1.6.2/cni-plugins-linux-arm64-v1.6.2.tgz.sha256"
                + " ./bridge=/opt/cncfdemo/cni/bin/bridge"
                + " ./host-local=/opt/cncfdemo/cni/bin/host-local"
                + " ./loopback=/opt/cncfdemo/cni/bin/loopback"
                + " ./portmap=/opt/cncfdemo/cni/bin/portmap");
  }

  @Test
  void aMirror_keepsEachUpstreamFileUnderItsHostAndPath() {
    assertThat(Downloads.of(true, "x86_64", "1.35.4", Optional.of("http://mirror.lan/files")))
        .extracting(Downloads.Download::url)
        .containsExactly(
            "http://mirror.lan/files/dl.k8s.io/release/v1.35.4/bin/linux/amd64/kube-apiserver",
            "http://mirror.lan/files/dl.k8s.io/release/v1.35.4/bin/linux/amd64/kube-controller-manager",
            "http://mirror.lan/files/dl.k8s.io/release/v1.35.4/bin/linux/amd64/kube-scheduler",
            "http://mirror.lan/files/github.com/etcd-io/etcd/releases/download/v3.6.16/etcd-v3.6.16-linux-amd64.tar.gz");
  }

  @Test
  void theKubernetesVersion_isAPatchRelease() {
    assertThat(Downloads.kubernetesVersion("1.35")).isEqualTo("1.35.4");
    assertThat(Downloads.kubernetesVersion("1.33.7")).isEqualTo("1.33.7");
    assertThatThrownBy(() -> Downloads.kubernetesVersion("1.33"))
        .hasMessage(
            "kubernetesVersion must be 1.N.P, the patch release the hosts download (such as"
                + " 1.35.4), was \"1.33\"");
    assertThatThrownBy(() -> Downloads.of(true, "riscv64", "1.35.4", Optional.empty()))
        .hasMessage("arch must be x86_64 or aarch64 to download binaries for, was \"riscv64\"");
  }
}
