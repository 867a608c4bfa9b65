package io.cncfdemo.apps.monitoring;

import static io.cncfdemo.apps.internal.Maps.of;

import io.cncfdemo.apps.internal.ConfigFiles;
import java.util.List;
import java.util.Map;

/** The recording and alerting rules of a demo, which its Grafana dashboards build on. */
final class PrometheusRules {
  /** The share of the cluster's CPU that BOINC uses. */
  static final String BOINC_CPU_SHARE = "cncfdemo:boinc_cpu_share:ratio";

  /** CPU use per node, 0 to 1. */
  static final String NODE_CPU = "cncfdemo:node_cpu_utilisation:ratio";

  /** Working-set memory per node, 0 to 1. */
  static final String NODE_MEMORY = "cncfdemo:node_memory_utilisation:ratio";

  /** MongoDB operations per second through mongos, by type. */
  static final String MONGO_OPS = "cncfdemo:mongodb_operations:rate1m";

  private PrometheusRules() {}

  static String yaml(String namespace) {
    var boincCpu =
        "sum(rate(container_cpu_usage_seconds_total{namespace=\""
            + namespace
            + "\", container=\"boinc\"}[5m]))";
    return ConfigFiles.yaml(
        of(
            "groups",
            List.of(
                of(
                    "name",
                    "cncfdemo-recording",
                    "rules",
                    List.of(
                        record(
                            NODE_CPU,
                            "sum by (instance)"
                                + " (rate(container_cpu_usage_seconds_total{id=\"/\"}[5m])) / sum"
                                + " by (instance) (machine_cpu_cores)"),
                        record(
                            NODE_MEMORY,
                            "sum by (instance) (container_memory_working_set_bytes{id=\"/\"})"
                                + " / sum by (instance) (machine_memory_bytes)"),
                        record(BOINC_CPU_SHARE, boincCpu + " / sum(machine_cpu_cores)"),
                        record(
                            MONGO_OPS,
                            "sum by (legacy_op_type) (rate(mongodb_ss_opcounters[1m]))"))),
                of(
                    "name",
                    "cncfdemo-alerts",
                    "rules",
                    List.of(
                        alert(
                            "TargetDown",
                            "up == 0",
                            "10m",
                            "warning",
                            "{{ $labels.job }} target {{ $labels.instance }} has been down for 10"
                                + " minutes."),
                        alert(
                            "MongosExporterDown",
                            "absent(up{namespace=\""
                                + namespace
                                + "\", app_kubernetes_io_component=\"mongos\"} == 1)",
                            "10m",
                            "warning",
                            "No mongos of the demo reports metrics: MongoDB routers or their"
                                + " exporters are down."),
                        alert(
                            "NodeCpuSaturated",
                            NODE_CPU + " > 0.95",
                            "30m",
                            "info",
                            "Node {{ $labels.instance }} has used more than 95% CPU for 30 minutes;"
                                + " BOINC should be yielding."),
                        alert(
                            "PrometheusConfigReloadFailed",
                            "prometheus_config_last_reload_successful == 0",
                            "5m",
                            "warning",
                            "Prometheus could not load its configuration."))))));
  }

  private static Map<String, Object> record(String name, String expr) {
    return of("record", name, "expr", expr);
  }

  private static Map<String, Object> alert(
      String name, String expr, String duration, String severity, String summary) {
    return of(
        "alert",
        name,
        "expr",
        expr,
        "for",
        duration,
        "labels",
        of("severity", severity),
        "annotations",
        of("summary", summary));
  }
}
