package io.cncfdemo.baremetal.internal;

import io.cncfdemo.baremetal.internal.ClusterLayout.Node;
import io.cncfdemo.baremetal.internal.ssh.Shell;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The files the bootstrap writes on hosts: one start script per service (its command line, {@code
 * exec}ed by the supervisor or the systemd unit) and the configuration files of containerd, the CNI
 * plugins, the kubelet and kube-proxy. Pure text, from the layout and each host's facts.
 */
public final class Configs {
  public static final String SERVICES = Layout.ETC + "/services";
  static final String PATH =
      Layout.BIN + ":/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";
  private static final String PKI = Layout.PKI + "/";

  private Configs() {}

  /**
   * The start script of a service: the command, {@code exec}ed; {@code systemd} lines become unit
   * settings.
   */
  public static String serviceScript(
      String cluster, String name, List<String> command, List<String> systemd) {
    var out =
        new StringBuilder("#!/bin/sh\n# cncfdemo service ")
            .append(name)
            .append(" of cluster ")
            .append(cluster)
            .append("; written by the bootstrap, removed by destroy\n");
    for (var setting : systemd) {
      out.append("# systemd: ").append(setting).append('\n');
    }
    out.append("export PATH=").append(PATH).append('\n');
    out.append("exec ")
        .append(command.stream().map(Configs::word).collect(Collectors.joining(" \\\n  ")))
        .append('\n');
    return out.toString();
  }

  private static String word(String word) {
    return word.matches("[A-Za-z0-9_./:=,@+-]+") ? word : Shell.quote(word);
  }

  public static String servicePath(String name) {
    return SERVICES + "/" + name + ".sh";
  }

  public static List<String> etcd(ClusterLayout layout, Node master) {
    var address = url(master.address());
    var initial =
        layout.masters().stream()
            .map(node -> memberName(node) + "=https://" + url(node.address()) + ":2380")
            .collect(Collectors.joining(","));
    return List.of(
        Layout.BIN + "/etcd",
        "--name=" + memberName(master),
        "--data-dir=" + Layout.ETCD_DATA,
        "--listen-client-urls=https://" + address + ":2379,https://127.0.0.1:2379",
        "--advertise-client-urls=https://" + address + ":2379",
        "--listen-peer-urls=https://" + address + ":2380",
        "--initial-advertise-peer-urls=https://" + address + ":2380",
        "--initial-cluster=" + initial,
        "--initial-cluster-state=new",
        "--initial-cluster-token=" + layout.spec().name(),
        "--cert-file=" + PKI + "etcd-server-" + master.index() + ".crt",
        "--key-file=" + PKI + "etcd-server-" + master.index() + ".key",
        "--trusted-ca-file=" + PKI + "etcd-ca.crt",
        "--client-cert-auth=true",
        "--peer-cert-file=" + PKI + "etcd-peer-" + master.index() + ".crt",
        "--peer-key-file=" + PKI + "etcd-peer-" + master.index() + ".key",
        "--peer-trusted-ca-file=" + PKI + "etcd-ca.crt",
        "--peer-client-cert-auth=true",
        "--listen-metrics-urls=http://127.0.0.1:2381",
        "--log-level=warn");
  }

  public static List<String> apiServer(ClusterLayout layout, Node master) {
    var etcd =
        layout.masters().stream()
            .map(node -> "https://" + url(node.address()) + ":2379")
            .collect(Collectors.joining(","));
    return List.of(
        Layout.BIN + "/kube-apiserver",
        "--advertise-address=" + master.address(),
        "--bind-address=0.0.0.0",
        "--secure-port=" + ClusterLayout.API_PORT,
        "--etcd-servers=" + etcd,
        "--etcd-cafile=" + PKI + "etcd-ca.crt",
        "--etcd-certfile=" + PKI + "apiserver-etcd-client.crt",
        "--etcd-keyfile=" + PKI + "apiserver-etcd-client.key",
        "--tls-cert-file=" + PKI + "apiserver.crt",
        "--tls-private-key-file=" + PKI + "apiserver.key",
        "--client-ca-file=" + PKI + "ca.crt",
        "--kubelet-client-certificate=" + PKI + "apiserver-kubelet-client.crt",
        "--kubelet-client-key=" + PKI + "apiserver-kubelet-client.key",
        "--kubelet-certificate-authority=" + PKI + "ca.crt",
        "--kubelet-preferred-address-types=InternalIP,Hostname",
        "--service-account-issuer=https://kubernetes.default.svc.cluster.local",
        "--service-account-key-file=" + PKI + "sa.pub",
        "--service-account-signing-key-file=" + PKI + "sa.key",
        "--service-cluster-ip-range=" + ClusterLayout.SERVICE_CIDR,
        "--authorization-mode=Node,RBAC",
        "--enable-admission-plugins=NodeRestriction",
        "--allow-privileged=true",
        "--requestheader-client-ca-file=" + PKI + "front-proxy-ca.crt",
        "--requestheader-allowed-names=front-proxy-client",
        "--requestheader-extra-headers-prefix=X-Remote-Extra-",
        "--requestheader-group-headers=X-Remote-Group",
        "--requestheader-username-headers=X-Remote-User",
        "--proxy-client-cert-file=" + PKI + "front-proxy-client.crt",
        "--proxy-client-key-file=" + PKI + "front-proxy-client.key",
        "--enable-aggregator-routing=true",
        "--profiling=false",
        "--v=1");
  }

  public static List<String> controllerManager(ClusterLayout layout) {
    return withKubeconfig(
        "kube-controller-manager",
        "controller-manager",
        List.of(
            "--cluster-name=" + layout.spec().name(),
            "--cluster-signing-cert-file=" + PKI + "ca.crt",
            "--cluster-signing-key-file=" + PKI + "ca.key",
            "--root-ca-file=" + PKI + "ca.crt",
            "--requestheader-client-ca-file=" + PKI + "front-proxy-ca.crt",
            "--service-account-private-key-file=" + PKI + "sa.key",
            "--service-cluster-ip-range=" + ClusterLayout.SERVICE_CIDR,
            "--use-service-account-credentials=true",
            "--controllers=*,bootstrapsigner,tokencleaner,-nodeipam",
            "--leader-elect=" + (layout.masters().size() > 1)));
  }

  public static List<String> scheduler(ClusterLayout layout) {
    return withKubeconfig(
        "kube-scheduler", "scheduler", List.of("--leader-elect=" + (layout.masters().size() > 1)));
  }

  /**
   * A controller of the masters: its kubeconfig for the API, for authentication and authorization;
   * on localhost.
   */
  private static List<String> withKubeconfig(
      String binary, String kubeconfigName, List<String> flags) {
    var kubeconfig = Layout.ETC + "/" + kubeconfigName + ".kubeconfig";
    var command =
        new java.util.ArrayList<>(
            List.of(
                Layout.BIN + "/" + binary,
                "--kubeconfig=" + kubeconfig,
                "--authentication-kubeconfig=" + kubeconfig,
                "--authorization-kubeconfig=" + kubeconfig,
                "--bind-address=127.0.0.1"));
    command.addAll(flags);
    command.addAll(List.of("--profiling=false", "--v=1"));
    return List.copyOf(command);
  }

  /** A kubeconfig of the host that names its certificate files (which stay where they are). */
  public static String kubeconfig(
      String cluster, String server, String user, String certificate, String key) {
    return kubeconfig(
        cluster,
        server,
        user,
        "certificate-authority: " + PKI + "ca.crt",
        "client-certificate: " + PKI + certificate + ".crt",
        "client-key: " + PKI + key + ".key");
  }

  /**
   * A kubeconfig that carries its certificates and key, for another machine (PEM texts, embedded as
   * base64).
   */
  public static String embeddedKubeconfig(
      String cluster,
      String server,
      String user,
      String caPem,
      String certificatePem,
      String keyPem) {
    var base64 = java.util.Base64.getEncoder();
    return kubeconfig(
        cluster,
        server,
        user,
        "certificate-authority-data: "
            + base64.encodeToString(caPem.getBytes(java.nio.charset.StandardCharsets.UTF_8)),
        "client-certificate-data: "
            + base64.encodeToString(
                certificatePem.getBytes(java.nio.charset.StandardCharsets.UTF_8)),
        "client-key-data: "
            + base64.encodeToString(keyPem.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
  }

  private static String kubeconfig(
      String cluster, String server, String user, String ca, String certificate, String key) {
    return """
    apiVersion: v1
    kind: Config
    clusters:
    - name: %1$s
      cluster:
        server: %2$s
        %4$s
    users:
    - name: %3$s
      user:
        %5$s
        %6$s
    contexts:
    - name: %1$s
      context: {cluster: %1$s, user: %3$s}
    current-context: %1$s
    """
        .formatted(cluster, server, user, ca, certificate, key);
  }

  public static String containerdConfig(HostFacts facts) {
    return """
    # containerd of cncfdemo: its own directories and socket, runc from %1$s, CNI plugins from %2$s
    version = 2
    root = "%3$s/containerd"
    state = "%4$s/containerd"
    [grpc]
      address = "%5$s"
    [plugins."io.containerd.internal.v1.opt"]
      path = "/opt/cncfdemo/containerd"
    [plugins."io.containerd.grpc.v1.cri"]
      sandbox_image = "%6$s"
      restrict_oom_score_adj = %7$s
      [plugins."io.containerd.grpc.v1.cri".containerd]
        snapshotter = "overlayfs"
        default_runtime_name = "runc"
        [plugins."io.containerd.grpc.v1.cri".containerd.runtimes.runc]
          runtime_type = "io.containerd.runc.v2"
          [plugins."io.containerd.grpc.v1.cri".containerd.runtimes.runc.options]
            BinaryName = "%1$s/runc"
            SystemdCgroup = %8$s
      [plugins."io.containerd.grpc.v1.cri".cni]
        bin_dir = "%2$s"
        conf_dir = "%9$s/cni/net.d"
    """
        .formatted(
            Layout.BIN,
            Layout.CNI_BIN,
            Layout.STATE,
            Layout.RUN,
            Layout.CONTAINERD_SOCKET,
            SANDBOX_IMAGE,
            facts.restrictOomScoreAdj(),
            facts.systemd(),
            Layout.ETC);
  }

  /**
   * The pause image every pod's sandbox runs; it must be among the imported images (or pullable).
   */
  public static final String SANDBOX_IMAGE = "registry.k8s.io/pause:3.10";

  public static List<String> containerd() {
    return List.of(
        Layout.BIN + "/containerd", "--config=" + Layout.ETC + "/containerd/config.toml");
  }

  public static String cniConfig(Node minion) {
    return """
    {
      "cniVersion": "0.4.0",
      "name": "cncfdemo",
      "plugins": [
        {
          "type": "bridge",
          "bridge": "%s",
          "isGateway": true,
          "ipMasq": false,
          "hairpinMode": true,
          "ipam": {
            "type": "host-local",
            "ranges": [[{"subnet": "%s", "gateway": "%s"}]],
            "routes": [{"dst": "0.0.0.0/0"}],
            "dataDir": "%s/cni/networks"
          }
        },
        {"type": "portmap", "capabilities": {"portMappings": true}}
      ]
    }
    """
        .formatted(Layout.BRIDGE, minion.podSubnet(), minion.podGateway(), Layout.STATE);
  }

  public static String kubeletConfig(HostFacts facts) {
    var out =
        new StringBuilder(
            """
            apiVersion: kubelet.config.k8s.io/v1beta1
            kind: KubeletConfiguration
            authentication:
              anonymous: {enabled: false}
              webhook: {enabled: true}
              x509: {clientCAFile: %1$sca.crt}
            authorization: {mode: Webhook}
            tlsCertFile: %1$skubelet-server.crt
            tlsPrivateKeyFile: %1$skubelet-server.key
            containerRuntimeEndpoint: unix://%2$s
            cgroupDriver: %3$s
            clusterDomain: cluster.local
            clusterDNS: [%4$s]
            podLogsDir: %5$s/pods
            readOnlyPort: 0
            failSwapOn: true
            serializeImagePulls: false
            """
                .formatted(
                    PKI,
                    Layout.CONTAINERD_SOCKET,
                    facts.systemd() ? "systemd" : "cgroupfs",
                    ClusterLayout.CLUSTER_DNS_IP,
                    Layout.LOG));
    if (facts.cgroupV1()) {
      // kubelet 1.35 refuses cgroup v1 unless told otherwise (KubeletConfiguration.failCgroupV1)
      out.append("failCgroupV1: false\n");
    }
    return out.toString();
  }

  public static List<String> kubelet(Node minion, String nodeName) {
    return List.of(
        Layout.BIN + "/kubelet",
        "--config=" + Layout.ETC + "/kubelet/config.yaml",
        "--kubeconfig=" + Layout.ETC + "/kubelet.kubeconfig",
        "--root-dir=" + Layout.STATE + "/kubelet",
        "--cert-dir=" + Layout.STATE + "/kubelet/pki",
        "--hostname-override=" + nodeName,
        "--node-ip=" + minion.address(),
        "--v=1");
  }

  public static String kubeProxyConfig(String nodeName, Node minion) {
    return """
    apiVersion: kubeproxy.config.k8s.io/v1alpha1
    kind: KubeProxyConfiguration
    clientConnection: {kubeconfig: %s/kube-proxy.kubeconfig}
    mode: iptables
    clusterCIDR: %s
    hostnameOverride: %s
    bindAddress: %s
    healthzBindAddress: 0.0.0.0:10256
    metricsBindAddress: 127.0.0.1:10249
    iptables: {localhostNodePorts: false}
    conntrack: {maxPerCore: 0, min: 0, tcpEstablishedTimeout: 0s, tcpCloseWaitTimeout: 0s}
    """
        .formatted(Layout.ETC, ClusterLayout.POD_CIDR, nodeName, minion.address());
  }

  public static List<String> kubeProxy() {
    return List.of(
        Layout.BIN + "/kube-proxy", "--config=" + Layout.ETC + "/kube-proxy/config.yaml", "--v=1");
  }

  /** The etcd member name of a master. */
  static String memberName(Node master) {
    return "master-" + master.index();
  }

  private static String url(String address) {
    return address.contains(":") ? "[" + address + "]" : address;
  }
}
