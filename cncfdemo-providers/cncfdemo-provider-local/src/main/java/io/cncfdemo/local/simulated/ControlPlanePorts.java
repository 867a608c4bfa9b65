package io.cncfdemo.local.simulated;

/**
 * The loopback ports of one simulated control plane, each free when chosen.
 *
 * @param etcdClient etcd's client port
 * @param etcdPeer etcd's peer port
 * @param apiServer kube-apiserver's secure port
 * @param controllerManager kube-controller-manager's secure port
 * @param scheduler kube-scheduler's secure port
 * @param kwok kwok's server: health, and each simulated kubelet's {@code /metrics/resource}
 * @param metricsServer metrics-server's secure port, behind the API server's aggregator
 */
record ControlPlanePorts(
    int etcdClient,
    int etcdPeer,
    int apiServer,
    int controllerManager,
    int scheduler,
    int kwok,
    int metricsServer) {
  static ControlPlanePorts choose() {
    return new ControlPlanePorts(
        LoopbackPorts.free(),
        LoopbackPorts.free(),
        LoopbackPorts.free(),
        LoopbackPorts.free(),
        LoopbackPorts.free(),
        LoopbackPorts.free(),
        LoopbackPorts.free());
  }

  String etcdUrl() {
    return "http://127.0.0.1:" + etcdClient;
  }

  String apiServerUrl() {
    return "https://127.0.0.1:" + apiServer;
  }
}
