package io.cncfdemo.local.simulated;

import java.time.Duration;
import java.util.List;

/**
 * The command lines of the control-plane processes. The API server runs with what envtest and
 * kwokctl use, tuned for one machine: no request limits, no priority and fairness, no endpoint
 * reconciler; etcd without fsync on tmpfs.
 */
final class ControlPlaneCommands {
  static final String SERVICE_CIDR = "10.96.0.0/16";
  static final String SERVICE_IP = "10.96.0.1";
  static final String POD_CIDR = "10.244.0.0/16";

  /**
   * The client rate limits of the controller manager and the scheduler: none to speak of, as
   * kwokctl's {@code disableQPSLimits} (one machine, no other tenant to protect).
   */
  static final int UNLIMITED_QPS = 5000;

  static final int UNLIMITED_BURST = 10000;

  /** How long a simulated node's lease lasts; kwok renews it every quarter of that. */
  static final Duration NODE_LEASE = Duration.ofSeconds(240);

  /**
   * How long the node lifecycle controller waits for a renewal before it marks a node unknown: a
   * renewal interval of {@link #NODE_LEASE} and then some, as a kubelet's 40 s lease has 50 s.
   */
  static final Duration NODE_MONITOR_GRACE = Duration.ofMinutes(5);

  private ControlPlaneCommands() {}

  static List<String> etcd(
      KubernetesBinaries binaries, ControlPlaneFiles files, ControlPlanePorts ports) {
    var peer = "http://127.0.0.1:" + ports.etcdPeer();
    return List.of(
        binaries.binary("etcd").toString(),
        "--name=cncfdemo",
        "--data-dir=" + files.etcdData(),
        "--listen-client-urls=" + ports.etcdUrl(),
        "--advertise-client-urls=" + ports.etcdUrl(),
        "--listen-peer-urls=" + peer,
        "--initial-advertise-peer-urls=" + peer,
        "--initial-cluster=cncfdemo=" + peer,
        "--initial-cluster-state=new",
        "--unsafe-no-fsync=true",
        "--quota-backend-bytes=" + (4L << 30),
        "--log-level=warn");
  }

  static List<String> apiServer(
      KubernetesBinaries binaries, ControlPlaneFiles files, ControlPlanePorts ports) {
    return List.of(
        binaries.binary("kube-apiserver").toString(),
        "--etcd-servers=" + ports.etcdUrl(),
        "--bind-address=127.0.0.1",
        "--advertise-address=127.0.0.1",
        "--secure-port=" + ports.apiServer(),
        "--tls-cert-file=" + files.pki("apiserver.crt"),
        "--tls-private-key-file=" + files.pki("apiserver.key"),
        "--client-ca-file=" + files.pki("ca.crt"),
        "--service-account-issuer=https://kubernetes.default.svc.cluster.local",
        "--service-account-key-file=" + files.pki("sa.pub"),
        "--service-account-signing-key-file=" + files.pki("sa.key"),
        "--service-cluster-ip-range=" + SERVICE_CIDR,
        "--authorization-mode=RBAC",
        "--allow-privileged=true",
        "--endpoint-reconciler-type=none",
        "--max-requests-inflight=0",
        "--max-mutating-requests-inflight=0",
        "--enable-priority-and-fairness=false",
        // The nodes register Ready (SimulatedNodes): without this plugin they are not tainted
        // not-ready on creation for the controller manager to GET and PATCH the taint off again,
        // a thousand times as a thousand register.
        "--disable-admission-plugins=TaintNodesByCondition",
        // The aggregator (metrics.k8s.io) proves itself to metrics-server with this client
        // certificate and passes
        // the caller's identity in these headers.
        "--proxy-client-cert-file=" + files.pki("front-proxy-client.crt"),
        "--proxy-client-key-file=" + files.pki("front-proxy-client.key"),
        "--requestheader-client-ca-file=" + files.pki("ca.crt"),
        "--requestheader-allowed-names=" + MetricsApi.FRONT_PROXY_CLIENT,
        "--requestheader-username-headers=X-Remote-User",
        "--requestheader-group-headers=X-Remote-Group",
        "--requestheader-extra-headers-prefix=X-Remote-Extra-",
        "--profiling=false",
        "--v=1");
  }

  static List<String> controllerManager(
      KubernetesBinaries binaries, ControlPlaneFiles files, ControlPlanePorts ports) {
    var kubeconfig = files.kubeconfig("kube-controller-manager").toString();
    return List.of(
        binaries.binary("kube-controller-manager").toString(),
        "--kubeconfig=" + kubeconfig,
        "--bind-address=127.0.0.1",
        "--secure-port=" + ports.controllerManager(),
        "--leader-elect=false",
        "--use-service-account-credentials=true",
        "--service-account-private-key-file=" + files.pki("sa.key"),
        "--root-ca-file=" + files.pki("ca.crt"),
        "--cluster-signing-cert-file=" + files.pki("ca.crt"),
        "--cluster-signing-key-file=" + files.pki("ca.key"),
        // Without the TTL controller: it annotates every node with how long its kubelet may cache
        // Secrets and ConfigMaps (rewriting all of them each time the cluster grows past 100, 500,
        // 1000 nodes: some 3 PATCHes per node as a thousand register), which no simulated kubelet
        // reads; the nodes are created with the annotation at 0.
        "--controllers=*,-nodeipam,-ttl",
        "--kube-api-qps=" + UNLIMITED_QPS,
        "--kube-api-burst=" + UNLIMITED_BURST,
        "--node-monitor-grace-period=" + NODE_MONITOR_GRACE.toSeconds() + "s",
        // The HPA reacts within seconds rather than minutes: metrics-server reports every 10s, the
        // HPA looks every 5s
        // and counts a new pod's CPU once it is ready (no 5-minute initialization period on a
        // simulated cluster).
        "--horizontal-pod-autoscaler-sync-period=5s",
        "--horizontal-pod-autoscaler-cpu-initialization-period=10s",
        "--horizontal-pod-autoscaler-initial-readiness-delay=5s",
        "--profiling=false",
        "--v=1");
  }

  static List<String> scheduler(
      KubernetesBinaries binaries, ControlPlaneFiles files, ControlPlanePorts ports) {
    // its kubeconfig, rate limits and leader election are in its configuration file
    return List.of(
        binaries.binary("kube-scheduler").toString(),
        "--config=" + files.schedulerConfig(),
        "--bind-address=127.0.0.1",
        "--secure-port=" + ports.scheduler(),
        "--v=1");
  }

  /**
   * kwok reads {@code ~/.kwok/kwok.yaml} when there is one: it runs with HOME set to the working
   * directory.
   */
  static List<String> kwok(
      KubernetesBinaries binaries, ControlPlaneFiles files, ControlPlanePorts ports) {
    return List.of(
        "env",
        "HOME=" + files.directory(),
        binaries.binary("kwok").toString(),
        "--kubeconfig=" + files.kubeconfig("kwok"),
        "--config=" + files.kwokConfig(),
        "--manage-all-nodes=false",
        "--manage-nodes-with-annotation-selector=" + SimulatedNodes.KWOK_ANNOTATION + "=fake",
        "--cidr=" + POD_CIDR,
        // Every simulated node's InternalIP: metrics-server scrapes each node's kubelet there,
        // which is kwok's server.
        "--node-ip=127.0.0.1",
        // kwok renews each node's lease every quarter of its duration: every 60 s rather than a
        // kubelet's 10 s, so that 1,000 idle nodes cost the API server ~17 writes/s, not 100 (the
        // controller manager's grace period is stretched to match).
        "--node-lease-duration-seconds=" + NODE_LEASE.toSeconds(),
        "--server-address=127.0.0.1:" + ports.kwok(),
        "--v=INFO");
  }

  /**
   * metrics-server scraping kwok's server as every node's kubelet (plain HTTP on 127.0.0.1, the
   * path from the node's {@code metrics.k8s.io/resource-metrics-path} annotation), serving {@code
   * metrics.k8s.io} on 127.0.0.1 to the aggregator. Its kubeconfig gives it the API access the
   * official manifest's RBAC grants.
   */
  static List<String> metricsServer(
      KubernetesBinaries binaries, ControlPlaneFiles files, ControlPlanePorts ports) {
    var kubeconfig = files.kubeconfig(MetricsApi.NAME).toString();
    return List.of(
        binaries.binary(KubernetesBinaries.METRICS_SERVER).toString(),
        "--kubeconfig=" + kubeconfig,
        "--authentication-kubeconfig=" + kubeconfig,
        "--authorization-kubeconfig=" + kubeconfig,
        "--bind-address=127.0.0.1",
        "--secure-port=" + ports.metricsServer(),
        "--tls-cert-file=" + files.pki("metrics-server.crt"),
        "--tls-private-key-file=" + files.pki("metrics-server.key"),
        "--kubelet-preferred-address-types=InternalIP",
        "--kubelet-port=" + ports.kwok(),
        "--deprecated-kubelet-completely-insecure=true",
        "--kubelet-request-timeout=5s",
        "--metric-resolution=" + MetricsApi.RESOLUTION.toSeconds() + "s",
        "--profiling=false",
        "--v=1");
  }
}
