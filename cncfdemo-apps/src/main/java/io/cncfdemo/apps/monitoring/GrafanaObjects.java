package io.cncfdemo.apps.monitoring;

import static io.cncfdemo.apps.internal.Maps.of;

import io.cncfdemo.apps.common.AppCapabilities;
import io.cncfdemo.apps.internal.ConfigFiles;
import io.cncfdemo.apps.internal.Containers;
import io.cncfdemo.apps.internal.KubeObjects;
import io.cncfdemo.apps.internal.NetworkRules;
import io.cncfdemo.apps.internal.Passwords;
import io.cncfdemo.apps.internal.PodSpecs;
import io.cncfdemo.apps.internal.Texts;
import io.cncfdemo.apps.internal.Volumes;
import io.cncfdemo.component.DemoContext;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The objects of {@link Grafana} in one demo. */
final class GrafanaObjects {
  /** The image's {@code grafana} user. */
  static final long GRAFANA_USER = 472;

  static final int PORT = 3000;
  static final String ADMIN_SECRET = "grafana-admin";
  static final String DASHBOARDS = "/etc/grafana/dashboards";

  private final Grafana grafana;
  private final DemoContext context;
  private final Map<String, String> labels;

  GrafanaObjects(Grafana grafana, DemoContext context) {
    this.grafana = grafana;
    this.context = context;
    this.labels = context.labels(grafana, "dashboards");
  }

  List<HasMetadata> all() {
    var selector = context.selector(grafana, "dashboards");
    var admin = new LinkedHashMap<String, String>();
    admin.put("admin-user", "admin");
    admin.put("admin-password", Passwords.of(context, "grafana-admin-password"));
    var datasources =
        Map.of(
            "datasources.yaml",
            ConfigFiles.yaml(
                of(
                    "apiVersion",
                    1,
                    "datasources",
                    List.of(
                        of(
                            "name",
                            "Prometheus",
                            "uid",
                            GrafanaDashboards.DATASOURCE_UID,
                            "type",
                            "prometheus",
                            "access",
                            "proxy",
                            "url",
                            context.require(AppCapabilities.PROMETHEUS).url(),
                            "isDefault",
                            true,
                            "editable",
                            false)))));
    var providers =
        Map.of(
            "dashboards.yaml",
            ConfigFiles.yaml(
                of(
                    "apiVersion",
                    1,
                    "providers",
                    List.of(
                        of(
                            "name",
                            "cncfdemo",
                            "folder",
                            "cncfdemo",
                            "type",
                            "file",
                            "disableDeletion",
                            true,
                            "allowUiUpdates",
                            false,
                            "options",
                            of("path", DASHBOARDS))))));
    var dashboards = GrafanaDashboards.files(context.namespace());
    var all = new LinkedHashMap<String, String>(datasources);
    all.putAll(providers);
    all.putAll(dashboards);
    var container =
        HttpServers.container(
                Grafana.NAME,
                grafana.image(),
                grafana.resources(),
                PORT,
                "/api/health",
                "/api/health")
            // /api/health asks Grafana's database too: readiness; alive is the process accepting
            // connections.
            .withLivenessProbe(Containers.tcpProbe(PORT, 20, 6))
            .withEnv(
                Containers.fromSecret("GF_SECURITY_ADMIN_USER", ADMIN_SECRET, "admin-user"),
                Containers.fromSecret("GF_SECURITY_ADMIN_PASSWORD", ADMIN_SECRET, "admin-password"),
                Containers.env("GF_SERVER_ROOT_URL", "http://" + host() + "/"),
                Containers.env("GF_USERS_ALLOW_SIGN_UP", "false"),
                Containers.env("GF_LOG_MODE", "console"),
                Containers.env("GF_ANALYTICS_REPORTING_ENABLED", "false"),
                Containers.env("GF_ANALYTICS_CHECK_FOR_UPDATES", "false"),
                Containers.env("GF_ANALYTICS_CHECK_FOR_PLUGIN_UPDATES", "false"))
            .withVolumeMounts(
                Volumes.mount("data", "/var/lib/grafana", false),
                Volumes.mount("logs", "/var/log/grafana", false),
                Volumes.mount("tmp", "/tmp", false),
                Volumes.mount("datasources", "/etc/grafana/provisioning/datasources", true),
                Volumes.mount("providers", "/etc/grafana/provisioning/dashboards", true),
                Volumes.mount("dashboards", DASHBOARDS, true))
            .build();
    var spec =
        PodSpecs.base(context.foregroundPriorityClass(), GRAFANA_USER)
            .withContainers(container)
            .withVolumes(
                Volumes.emptyDir("data", "1Gi"),
                Volumes.emptyDir("logs", "64Mi"),
                Volumes.emptyDir("tmp", "64Mi"),
                Volumes.configMap("datasources", "grafana-datasources"),
                Volumes.configMap("providers", "grafana-dashboard-providers"),
                Volumes.configMap("dashboards", "grafana-dashboards"))
            .build();
    return List.of(
        KubeObjects.secret(ADMIN_SECRET, labels, admin),
        KubeObjects.configMap("grafana-datasources", labels, datasources),
        KubeObjects.configMap("grafana-dashboard-providers", labels, providers),
        KubeObjects.configMap("grafana-dashboards", labels, dashboards),
        KubeObjects.deployment(
            Grafana.NAME,
            labels,
            selector,
            1,
            PodSpecs.template(
                labels,
                of2("checksum/config", Texts.checksum(all), PodSpecs.scrape(PORT, "/metrics")),
                spec)),
        KubeObjects.service(Grafana.NAME, labels, selector, KubeObjects.port("http", PORT)),
        // Ingress controllers (other namespaces) and Prometheus (its /metrics) reach it; it queries
        // Prometheus.
        NetworkRules.forPods(Grafana.NAME, labels, selector)
            .from(NetworkRules.otherNamespaces(context.namespace()), PORT)
            .from(NetworkRules.component(Prometheus.NAME), PORT)
            .to(NetworkRules.component(Prometheus.NAME), Prometheus.PORT)
            .build(),
        KubeObjects.ingress(
            Grafana.NAME,
            labels,
            host(),
            grafana.ingressClass(),
            List.of(KubeObjects.route("/", Grafana.NAME, PORT))));
  }

  private String host() {
    return Grafana.NAME + "." + context.domain();
  }

  private static Map<String, String> of2(String key, String value, Map<String, String> more) {
    var map = new LinkedHashMap<String, String>(more);
    map.put(key, value);
    return map;
  }
}
