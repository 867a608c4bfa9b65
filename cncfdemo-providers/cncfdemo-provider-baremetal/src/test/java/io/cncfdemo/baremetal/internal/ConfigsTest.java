package io.cncfdemo.baremetal.internal;

import static io.cncfdemo.Providers.bareMetal;
import static org.assertj.core.api.Assertions.assertThat;

import io.cncfdemo.Cluster;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConfigsTest {
  static final ClusterLayout THREE_MASTERS =
      ClusterLayout.of(
          Cluster.on(bareMetal("10.0.0.11", "10.0.0.12", "10.0.0.13", "10.0.0.14"))
              .masters(3)
              .named("lab")
              .spec());

  @Test
  void etcd_ofEachMaster_joinsTheOthers_overTls() {
    var second = THREE_MASTERS.masters().get(1);
    assertThat(Configs.etcd(THREE_MASTERS, second))
        .contains(
            "--name=master-1",
            "--initial-cluster=master-0=https://10.0.0.11:2380,master-1=https://10.0.0.12:2380,master-2=https://10.0.0.13:2380",
            "--listen-client-urls=https://10.0.0.12:2379,https://127.0.0.1:2379",
            "--client-cert-auth=true",
            "--peer-cert-file=/etc/cncfdemo/pki/etcd-peer-1.crt",
            "--initial-cluster-token=lab");
    assertThat(Configs.apiServer(THREE_MASTERS, second))
        .contains(
            "--advertise-address=10.0.0.12",
            "--etcd-servers=https://10.0.0.11:2379,https://10.0.0.12:2379,https://10.0.0.13:2379",
            "--authorization-mode=Node,RBAC",
            "--enable-admission-plugins=NodeRestriction");
    assertThat(Configs.controllerManager(THREE_MASTERS))
        .contains("--leader-elect=true", "--cluster-name=lab");
  }

  @Test
  void theKubelet_isConfiguredForTheHostsCgroupsAndInit() {
    var v1 = Configs.kubeletConfig(HostFacts.parse("cgroup=v1\nsystemd=no"));
    assertThat(v1)
        .contains(
            "cgroupDriver: cgroupfs\n",
            "failCgroupV1: false\n",
            "failSwapOn: true\n",
            "containerRuntimeEndpoint: unix:///run/cncfdemo/containerd/containerd.sock\n",
            "clusterDNS: [10.96.0.10]\n");
    var v2 = Configs.kubeletConfig(HostFacts.parse("cgroup=v2\nsystemd=yes"));
    assertThat(v2).contains("cgroupDriver: systemd\n").doesNotContain("failCgroupV1");
    assertThat(Configs.containerdConfig(HostFacts.parse("cap_sys_resource=no\nsystemd=no")))
        .contains(
            "restrict_oom_score_adj = true\n",
            "SystemdCgroup = false\n",
            "BinaryName = \"/opt/cncfdemo/bin/runc\"\n",
            "sandbox_image = \"registry.k8s.io/pause:3.10\"\n",
            "bin_dir = \"/opt/cncfdemo/cni/bin\"\n");
    assertThat(Configs.containerdConfig(HostFacts.parse("cap_sys_resource=yes\nsystemd=yes")))
        .contains("restrict_oom_score_adj = false\n", "SystemdCgroup = true\n");
  }

  @Test
  void eachMinion_getsItsOwnPodSubnet_onTheBridge() {
    var minion = THREE_MASTERS.minions().get(0);
    assertThat(Configs.cniConfig(minion))
        .contains(
            "\"bridge\": \"cncfdemo0\"",
            "\"ranges\": [[{\"subnet\": \"10.244.0.0/24\", \"gateway\": \"10.244.0.1\"}]]",
            "\"ipMasq\": false",
            "\"dataDir\": \"/var/lib/cncfdemo/cni/networks\"");
    assertThat(Configs.kubelet(minion, "node-4"))
        .contains(
            "--hostname-override=node-4",
            "--node-ip=10.0.0.14",
            "--root-dir=/var/lib/cncfdemo/kubelet");
    assertThat(Configs.kubeProxyConfig("node-4", minion))
        .contains(
            "mode: iptables\n",
            "clusterCIDR: 10.244.0.0/14\n",
            "hostnameOverride: node-4\n",
            "conntrack: {maxPerCore: 0, min: 0,");
  }

  @Test
  void serviceScripts_execTheirCommand_quotingWhatNeedsIt() {
    assertThat(
            Configs.serviceScript(
                "lab",
                "x",
                List.of("/opt/cncfdemo/bin/x", "--flag=a b", "--ok=1"),
                List.of("Delegate=yes")))
        .isEqualTo(
            """
            #!/bin/sh
            # cncfdemo service x of cluster lab; written by the bootstrap, removed by destroy
            # systemd: Delegate=yes
            export PATH=/opt/cncfdemo/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
            exec /opt/cncfdemo/bin/x \\
              '--flag=a b' \\
              --ok=1
            """);
    assertThat(
            Configs.kubeconfig(
                "lab",
                "https://masters.lab.k8s:6443",
                "system:kube-proxy",
                "kube-proxy",
                "kube-proxy"))
        .contains(
            "server: https://masters.lab.k8s:6443\n",
            "certificate-authority: /etc/cncfdemo/pki/ca.crt\n",
            "client-certificate: /etc/cncfdemo/pki/kube-proxy.crt\n",
            "client-key: /etc/cncfdemo/pki/kube-proxy.key\n");
  }
}
