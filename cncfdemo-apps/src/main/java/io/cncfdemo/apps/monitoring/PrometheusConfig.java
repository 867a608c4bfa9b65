package io.cncfdemo.apps.monitoring;

import static io.cncfdemo.apps.internal.Maps.of;

import io.cncfdemo.apps.internal.ConfigFiles;
import io.cncfdemo.support.Durations;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The Prometheus configuration of a demo: {@value #CONFIG_FILE} (Kubernetes service discovery of
 * annotated pods and services, the kubelets' cAdvisor, the Pushgateway) and the rules file {@value
 * #RULES_FILE} next to it. Both are plain files, checked by {@code promtool check config} in the
 * tests.
 *
 * @param namespace the demo's namespace, for rules about its pods
 * @param pushgateway the Pushgateway's {@code host:port}
 * @param scrapeInterval how often every target is scraped
 * @param serviceAccountDirectory where the pod finds its service-account token and the cluster's CA
 */
public record PrometheusConfig(
    String namespace, String pushgateway, Duration scrapeInterval, String serviceAccountDirectory) {
  public static final String CONFIG_FILE = "prometheus.yml";
  public static final String RULES_FILE = "cncfdemo.rules.yml";

  /** Where Kubernetes mounts a pod's service-account credentials. */
  public static final String IN_CLUSTER_SERVICE_ACCOUNT =
      "/var/run/secrets/kubernetes.io/serviceaccount";

  /** Both files by name, as the ConfigMap holds them and {@code --config.file} finds them. */
  public Map<String, String> files() {
    return Map.of(CONFIG_FILE, config(), RULES_FILE, PrometheusRules.yaml(namespace));
  }

  /** The contents of {@value #CONFIG_FILE}. */
  public String config() {
    var interval = Durations.format(scrapeInterval);
    return ConfigFiles.yaml(
        of(
            "global",
                of(
                    "scrape_interval",
                    interval,
                    "evaluation_interval",
                    interval,
                    "external_labels",
                    of("cncfdemo_namespace", namespace)),
            // Relative to this file: the rules are mounted next to it.
            "rule_files", List.of(RULES_FILE),
            "scrape_configs",
                List.of(
                    of(
                        "job_name",
                        "prometheus",
                        "static_configs",
                        List.of(of("targets", List.of("localhost:9090")))),
                    // The Pushgateway keeps the labels of what was pushed (job, instance), not
                    // those of the gateway.
                    of(
                        "job_name",
                        "pushgateway",
                        "honor_labels",
                        true,
                        "static_configs",
                        List.of(of("targets", List.of(pushgateway)))),
                    annotated("kubernetes-pods", "pod"),
                    annotated("kubernetes-service-endpoints", "endpointslice"),
                    cadvisor())));
  }

  /**
   * Targets that opt in with the annotation {@code prometheus.io/scrape: "true"}, on the port and
   * path of {@code prometheus.io/port} and {@code prometheus.io/path}, in any namespace (so that an
   * ingress controller's metrics are found too). For endpoints the annotations are the Service's.
   */
  private static Map<String, Object> annotated(String job, String role) {
    var object = role.equals("pod") ? "pod" : "service";
    var prefix = "__meta_kubernetes_" + object + "_annotation_prometheus_io_";
    var relabel =
        new java.util.ArrayList<Object>(
            List.of(
                of("source_labels", List.of(prefix + "scrape"), "action", "keep", "regex", "true"),
                of(
                    "source_labels",
                    List.of(prefix + "path"),
                    "action",
                    "replace",
                    "target_label",
                    "__metrics_path__",
                    "regex",
                    "(.+)"),
                of(
                    "source_labels",
                    List.of("__address__", prefix + "port"),
                    "action",
                    "replace",
                    "target_label",
                    "__address__",
                    "regex",
                    "([^:]+)(?::\\d+)?;(\\d+)",
                    "replacement",
                    "$1:$2"),
                of(
                    "action",
                    "labelmap",
                    "regex",
                    "__meta_kubernetes_" + object + "_label_app_kubernetes_io_(.+)",
                    "replacement",
                    "app_kubernetes_io_$1"),
                of(
                    "source_labels",
                    List.of("__meta_kubernetes_namespace"),
                    "action",
                    "replace",
                    "target_label",
                    "namespace")));
    if (role.equals("pod")) {
      relabel.add(
          1,
          of(
              "source_labels",
              List.of("__meta_kubernetes_pod_phase"),
              "action",
              "drop",
              "regex",
              "Pending|Succeeded|Failed"));
      relabel.add(
          of(
              "source_labels",
              List.of("__meta_kubernetes_pod_name"),
              "action",
              "replace",
              "target_label",
              "pod"));
    } else {
      relabel.add(
          of(
              "source_labels",
              List.of("__meta_kubernetes_service_name"),
              "action",
              "replace",
              "target_label",
              "service"));
    }
    return of(
        "job_name",
        job,
        "kubernetes_sd_configs",
        List.of(of("role", role)),
        "relabel_configs",
        relabel);
  }

  /** Container CPU and memory of every node, through the API server's proxy to each kubelet. */
  private Map<String, Object> cadvisor() {
    return of(
        "job_name",
        "kubernetes-cadvisor",
        "scheme",
        "https",
        "authorization",
        of("credentials_file", serviceAccountDirectory + "/token"),
        "tls_config",
        of("ca_file", serviceAccountDirectory + "/ca.crt"),
        "kubernetes_sd_configs",
        List.of(of("role", "node")),
        "relabel_configs",
        List.of(
            of("action", "labelmap", "regex", "__meta_kubernetes_node_label_(.+)"),
            of("target_label", "__address__", "replacement", "kubernetes.default.svc:443"),
            of(
                "source_labels",
                List.of("__meta_kubernetes_node_name"),
                "regex",
                "(.+)",
                "target_label",
                "__metrics_path__",
                "replacement",
                "/api/v1/nodes/$1/proxy/metrics/cadvisor")));
  }
}
