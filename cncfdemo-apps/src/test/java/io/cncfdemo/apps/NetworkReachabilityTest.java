package io.cncfdemo.apps;

import static io.cncfdemo.apps.Apps.wrk;
import static org.assertj.core.api.Assertions.assertThat;

import io.cncfdemo.apps.NetworkPolicyEvaluator.Endpoint;
import io.cncfdemo.demo.CompiledDemo;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The full demo's NetworkPolicies as a reachability matrix: every pod of the demo (one per set of
 * pod labels, named {@code component/part}), an ingress controller in another namespace, the
 * cluster's DNS and the outside (API server, kubelets, internet), against every port each serves.
 * The allowed connections are exactly the listed ones.
 */
class NetworkReachabilityTest {
  static final String NS = "cncfdemo";
  static final Endpoint INGRESS_CONTROLLER =
      Endpoint.pod(
          "ingress-nginx/controller",
          "ingress-nginx",
          Map.of(
              "app.kubernetes.io/name",
              "ingress-nginx",
              "app.kubernetes.io/component",
              "controller"));
  static final Endpoint DNS =
      Endpoint.pod("kube-dns", "kube-system", Map.of("k8s-app", "kube-dns"));
  static final Endpoint OUTSIDE = Endpoint.outside("outside");

  /**
   * What the endpoints outside the demo serve: the controller's metrics, DNS, the API server,
   * kubelets, the web.
   */
  static final Map<Endpoint, List<String>> FOREIGN_PORTS =
      Map.of(
          INGRESS_CONTROLLER,
          List.of("10254/TCP"),
          DNS,
          List.of("53/UDP", "53/TCP"),
          OUTSIDE,
          List.of("443/TCP", "6443/TCP", "10250/TCP", "80/TCP"));

  static CompiledDemo demo() {
    return FullDemo.demo().and(wrk("http://countly-api:3001/").countlyApp(true)).compile();
  }

  /** One endpoint per distinct set of pod labels, with the ports its containers serve. */
  static Map<Endpoint, List<String>> pods(CompiledDemo compiled) {
    var pods = new LinkedHashMap<Endpoint, List<String>>();
    for (var workload : Workloads.workloads(compiled.objects())) {
      var template = Workloads.template(workload).orElseThrow();
      var labels = template.getMetadata().getLabels();
      var name =
          labels.get("app.kubernetes.io/name") + "/" + labels.get("app.kubernetes.io/component");
      var ports = new ArrayList<String>();
      template
          .getSpec()
          .getContainers()
          .forEach(
              container ->
                  container.getPorts().stream()
                      .map(ContainerPort::getContainerPort)
                      .forEach(port -> ports.add(port + "/TCP")));
      pods.putIfAbsent(Endpoint.pod(name, NS, labels), ports);
    }
    return pods;
  }

  static List<String> matrix(CompiledDemo compiled) {
    var policies =
        compiled.objects().stream()
            .filter(NetworkPolicy.class::isInstance)
            .map(NetworkPolicy.class::cast)
            .toList();
    var evaluator = new NetworkPolicyEvaluator(policies);
    var targets = new LinkedHashMap<>(pods(compiled));
    targets.putAll(FOREIGN_PORTS);
    var sources = new ArrayList<>(pods(compiled).keySet());
    sources.addAll(List.of(INGRESS_CONTROLLER, OUTSIDE));
    var allowed = new TreeSet<String>();
    for (var from : sources) {
      targets.forEach(
          (to, ports) -> {
            if (from.outside() && to.outside()
                || !from.namespace().equals(NS) && !to.namespace().equals(NS)) {
              return;
            }
            for (var port : ports) {
              var number = Integer.parseInt(port.substring(0, port.indexOf('/')));
              if (evaluator.allowed(from, to, number, port.substring(port.indexOf('/') + 1))) {
                allowed.add(from.name() + " -> " + to.name() + ":" + port);
              }
            }
          });
    }
    return List.copyOf(allowed);
  }

  @Test
  @DisplayName("the full demo's pods reach exactly what they need, and nothing else")
  void fullDemo_reachabilityMatrix() {
    var expected =
        new ArrayList<String>(
            List.of(
                // boinc/client
                "boinc/client -> outside:443/TCP",
                "boinc/client -> outside:80/TCP",
                // countly/api
                "countly/api -> mongo/mongos:27017/TCP",
                // countly/frontend
                "countly/frontend -> countly/api:3001/TCP",
                "countly/frontend -> mongo/mongos:27017/TCP",
                // countly/setup
                "countly/setup -> countly/api:3001/TCP",
                "countly/setup -> countly/frontend:6001/TCP",
                "countly/setup -> outside:443/TCP",
                "countly/setup -> outside:6443/TCP",
                // grafana/dashboards
                "grafana/dashboards -> prometheus/server:9090/TCP",
                // ingress-nginx/controller
                "ingress-nginx/controller -> countly/api:3001/TCP",
                "ingress-nginx/controller -> countly/frontend:6001/TCP",
                "ingress-nginx/controller -> grafana/dashboards:3000/TCP",
                // mongo/config-server
                "mongo/config-server -> mongo/config-server:27017/TCP",
                "mongo/config-server -> mongo/mongos:27017/TCP",
                "mongo/config-server -> mongo/shard-0:27017/TCP",
                "mongo/config-server -> mongo/shard-1:27017/TCP",
                "mongo/config-server -> mongo/shard-2:27017/TCP",
                // mongo/init
                "mongo/init -> mongo/config-server:27017/TCP",
                "mongo/init -> mongo/mongos:27017/TCP",
                "mongo/init -> mongo/shard-0:27017/TCP",
                "mongo/init -> mongo/shard-1:27017/TCP",
                "mongo/init -> mongo/shard-2:27017/TCP",
                // mongo/mongos
                "mongo/mongos -> mongo/config-server:27017/TCP",
                "mongo/mongos -> mongo/mongos:27017/TCP",
                "mongo/mongos -> mongo/shard-0:27017/TCP",
                "mongo/mongos -> mongo/shard-1:27017/TCP",
                "mongo/mongos -> mongo/shard-2:27017/TCP",
                // mongo/shard-0
                "mongo/shard-0 -> mongo/config-server:27017/TCP",
                "mongo/shard-0 -> mongo/mongos:27017/TCP",
                "mongo/shard-0 -> mongo/shard-0:27017/TCP",
                "mongo/shard-0 -> mongo/shard-1:27017/TCP",
                "mongo/shard-0 -> mongo/shard-2:27017/TCP",
                // mongo/shard-1
                "mongo/shard-1 -> mongo/config-server:27017/TCP",
                "mongo/shard-1 -> mongo/mongos:27017/TCP",
                "mongo/shard-1 -> mongo/shard-0:27017/TCP",
                "mongo/shard-1 -> mongo/shard-1:27017/TCP",
                "mongo/shard-1 -> mongo/shard-2:27017/TCP",
                // mongo/shard-2
                "mongo/shard-2 -> mongo/config-server:27017/TCP",
                "mongo/shard-2 -> mongo/mongos:27017/TCP",
                "mongo/shard-2 -> mongo/shard-0:27017/TCP",
                "mongo/shard-2 -> mongo/shard-1:27017/TCP",
                "mongo/shard-2 -> mongo/shard-2:27017/TCP",
                // outside
                "outside -> prometheus/server:9090/TCP",
                "outside -> pushgateway/gateway:9091/TCP",
                // prometheus/server
                "prometheus/server -> grafana/dashboards:3000/TCP",
                "prometheus/server -> ingress-nginx/controller:10254/TCP",
                "prometheus/server -> mongo/mongos:9216/TCP",
                "prometheus/server -> outside:10250/TCP",
                "prometheus/server -> outside:443/TCP",
                "prometheus/server -> outside:6443/TCP",
                "prometheus/server -> pushgateway/gateway:9091/TCP",
                // wrk/load
                "wrk/load -> countly/api:3001/TCP",
                "wrk/load -> pushgateway/gateway:9091/TCP"));
    // Every pod of the demo may ask the cluster DNS, over UDP and TCP.
    for (var pod :
        List.of(
            "boinc/client",
            "countly/api",
            "countly/frontend",
            "countly/setup",
            "grafana/dashboards",
            "mongo/config-server",
            "mongo/init",
            "mongo/mongos",
            "mongo/shard-0",
            "mongo/shard-1",
            "mongo/shard-2",
            "prometheus/server",
            "pushgateway/gateway",
            "wrk/load")) {
      expected.add(pod + " -> kube-dns:53/TCP");
      expected.add(pod + " -> kube-dns:53/UDP");
    }
    assertThat(matrix(demo())).containsExactlyInAnyOrderElementsOf(expected);
  }
}
