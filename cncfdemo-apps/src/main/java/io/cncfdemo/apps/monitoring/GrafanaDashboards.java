package io.cncfdemo.apps.monitoring;

import static io.cncfdemo.apps.internal.Maps.of;

import io.cncfdemo.apps.internal.ConfigFiles;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The dashboards Grafana is provisioned with, as Grafana's JSON model: Countly traffic, MongoDB
 * operations, cluster CPU and memory, BOINC's share, and benchmark results.
 */
final class GrafanaDashboards {
  /** The uid of the provisioned Prometheus data source that every panel queries. */
  static final String DATASOURCE_UID = "prometheus";

  private GrafanaDashboards() {}

  /** The dashboards by file name. */
  static Map<String, String> files(String namespace) {
    var ns = "namespace=\"" + namespace + "\"";
    var ingress = "exported_namespace=\"" + namespace + "\", ingress=\"countly\"";
    var files = new LinkedHashMap<String, String>();
    files.put(
        "countly.json",
        dashboard(
            "cncfdemo-countly",
            "Countly",
            List.of(
                panel(
                    "Requests per second by status (ingress)",
                    "reqps",
                    target(
                        "sum by (status) (rate(nginx_ingress_controller_requests{"
                            + ingress
                            + "}[1m]))",
                        "{{status}}")),
                panel(
                    "Latency (ingress)",
                    "s",
                    quantile(0.5, ingress),
                    quantile(0.95, ingress),
                    quantile(0.99, ingress)),
                panel(
                    "API pods",
                    "short",
                    target(
                        "count(count by (pod) (container_memory_working_set_bytes{"
                            + ns
                            + ", container=\"api\"}))",
                        "pods")),
                panel(
                    "CPU of Countly",
                    "cores",
                    target(
                        "sum by (container) (rate(container_cpu_usage_seconds_total{"
                            + ns
                            + ", container=~\"api|frontend\"}[5m]))",
                        "{{container}}")))));
    files.put(
        "mongodb.json",
        dashboard(
            "cncfdemo-mongodb",
            "MongoDB",
            List.of(
                panel(
                    "Operations per second by type",
                    "ops",
                    target(PrometheusRules.MONGO_OPS, "{{legacy_op_type}}")),
                panel(
                    "Client connections",
                    "short",
                    target(
                        "sum(mongodb_ss_connections{" + ns + ", conn_type=\"current\"})",
                        "current")),
                panel(
                    "Network",
                    "Bps",
                    target("sum(rate(mongodb_ss_network_bytesIn{" + ns + "}[1m]))", "in"),
                    target("sum(rate(mongodb_ss_network_bytesOut{" + ns + "}[1m]))", "out")),
                panel(
                    "CPU of mongod",
                    "cores",
                    target(
                        "sum by (pod) (rate(container_cpu_usage_seconds_total{"
                            + ns
                            + ", container=\"mongod\"}[5m]))",
                        "{{pod}}")))));
    files.put(
        "cluster.json",
        dashboard(
            "cncfdemo-cluster",
            "Cluster CPU and memory",
            List.of(
                panel(
                    "CPU per node",
                    "percentunit",
                    target(PrometheusRules.NODE_CPU, "{{instance}}")),
                panel(
                    "Memory per node",
                    "percentunit",
                    target(PrometheusRules.NODE_MEMORY, "{{instance}}")),
                panel(
                    "CPU by namespace",
                    "cores",
                    target(
                        "sum by (namespace)"
                            + " (rate(container_cpu_usage_seconds_total{container!=\"\"}[5m]))",
                        "{{namespace}}")),
                panel(
                    "Memory by namespace",
                    "bytes",
                    target(
                        "sum by (namespace) (container_memory_working_set_bytes{container!=\"\"})",
                        "{{namespace}}")))));
    files.put(
        "boinc.json",
        dashboard(
            "cncfdemo-boinc",
            "BOINC share",
            List.of(
                panel(
                    "BOINC share of the cluster's CPU",
                    "percentunit",
                    target(PrometheusRules.BOINC_CPU_SHARE, "BOINC")),
                panel(
                    "CPU: BOINC and foreground",
                    "cores",
                    target(
                        "sum(rate(container_cpu_usage_seconds_total{"
                            + ns
                            + ", container=\"boinc\"}[5m]))",
                        "BOINC"),
                    target(
                        "sum(rate(container_cpu_usage_seconds_total{"
                            + ns
                            + ", container!=\"\", container!=\"boinc\"}[5m]))",
                        "foreground")))));
    files.put(
        "benchmark.json",
        dashboard(
            "cncfdemo-benchmark",
            "Benchmark results",
            List.of(
                panel(
                    "Requests per second",
                    "reqps",
                    target("wrk_requests_per_second", "{{instance}}")),
                panel("Latency", "s", target("wrk_latency_seconds", "{{instance}} p{{quantile}}")),
                panel(
                    "Errors",
                    "short",
                    target("sum by (instance, type) (wrk_errors_total)", "{{instance}} {{type}}")),
                panel("Requests", "short", target("wrk_requests_total", "{{instance}}")))));
    return files;
  }

  private static Map<String, Object> quantile(double q, String selector) {
    return target(
        "histogram_quantile("
            + q
            + ", sum by (le) (rate(nginx_ingress_controller_request_duration_seconds_bucket{"
            + selector
            + "}[5m])))",
        "p" + Math.round(q * 100));
  }

  private static String dashboard(String uid, String title, List<Map<String, Object>> panels) {
    var placed = new ArrayList<Map<String, Object>>();
    for (int i = 0; i < panels.size(); i++) {
      var panel = new LinkedHashMap<>(panels.get(i));
      panel.put("id", i + 1);
      panel.put("gridPos", of("h", 8, "w", 12, "x", (i % 2) * 12, "y", (i / 2) * 8));
      placed.add(panel);
    }
    return ConfigFiles.json(
        of(
            "uid",
            uid,
            "title",
            title,
            "tags",
            List.of("cncfdemo"),
            "timezone",
            "browser",
            "schemaVersion",
            39,
            "version",
            1,
            "editable",
            false,
            "refresh",
            "30s",
            "time",
            of("from", "now-1h", "to", "now"),
            "panels",
            placed));
  }

  @SafeVarargs
  private static Map<String, Object> panel(
      String title, String unit, Map<String, Object>... targets) {
    var refs = new ArrayList<Map<String, Object>>();
    for (int i = 0; i < targets.length; i++) {
      var target = new LinkedHashMap<>(targets[i]);
      target.put("refId", String.valueOf((char) ('A' + i)));
      refs.add(target);
    }
    return of(
        "type",
        "timeseries",
        "title",
        title,
        "datasource",
        datasource(),
        "fieldConfig",
        of("defaults", of("unit", unit), "overrides", List.of()),
        "targets",
        refs);
  }

  private static Map<String, Object> target(String expr, String legend) {
    return of("datasource", datasource(), "expr", expr, "legendFormat", legend);
  }

  private static Map<String, Object> datasource() {
    return of("type", "prometheus", "uid", DATASOURCE_UID);
  }
}
