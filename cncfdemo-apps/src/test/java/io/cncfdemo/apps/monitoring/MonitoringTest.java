package io.cncfdemo.apps.monitoring;

import static io.cncfdemo.apps.Apps.boinc;
import static io.cncfdemo.apps.Apps.grafana;
import static io.cncfdemo.apps.Apps.prometheus;
import static io.cncfdemo.apps.Apps.pushgateway;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cncfdemo.Demo;
import io.cncfdemo.apps.internal.ConfigFiles;
import io.cncfdemo.component.Stage;
import io.cncfdemo.demo.CompiledDemo;
import io.cncfdemo.demo.DemoWiringException;
import io.cncfdemo.exception.InvalidInputException;
import io.cncfdemo.support.Yaml;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBinding;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MonitoringTest {

  static CompiledDemo compile(Demo demo) {
    return demo.compile();
  }

  @Test
  void everyDemo_getsPrometheusPushgatewayAndGrafana_unlessWithoutMonitoring() {
    var monitored = Demo.with(boinc()).compile();
    assertThat(monitored.stage(Stage.MONITORING))
        .extracting(o -> o.getKind() + "/" + o.getMetadata().getName())
        .containsExactly(
            "ServiceAccount/prometheus",
            "ClusterRole/cncfdemo-prometheus",
            "ClusterRoleBinding/cncfdemo-prometheus",
            "ConfigMap/prometheus-config",
            "StatefulSet/prometheus",
            "Service/prometheus-headless",
            "Service/prometheus",
            "NetworkPolicy/prometheus",
            "Deployment/pushgateway",
            "Service/pushgateway",
            "NetworkPolicy/pushgateway",
            "Secret/grafana-admin",
            "ConfigMap/grafana-datasources",
            "ConfigMap/grafana-dashboard-providers",
            "ConfigMap/grafana-dashboards",
            "Deployment/grafana",
            "Service/grafana",
            "NetworkPolicy/grafana",
            "Ingress/grafana");
    assertThat(Demo.with(boinc()).withoutMonitoring().compile().stage(Stage.MONITORING)).isEmpty();
    assertThat(Demo.defaultGroups()).contains(MonitoringDefaults.GROUP);
  }

  @Test
  void aPrometheusGivenExplicitly_replacesTheDefault() {
    var compiled =
        Demo.with(boinc(), prometheus().retention(Duration.ofDays(30)).storage("50Gi")).compile();

    var prometheus = compiled.find(StatefulSet.class, "prometheus").orElseThrow();
    assertThat(prometheus.getSpec().getTemplate().getSpec().getContainers().get(0).getArgs())
        .contains("--storage.tsdb.retention.time=720h");
    assertThat(
            prometheus
                .getSpec()
                .getVolumeClaimTemplates()
                .get(0)
                .getSpec()
                .getResources()
                .getRequests()
                .get("storage"))
        .hasToString("50Gi");
    assertThat(compiled.objects()).filteredOn(o -> o instanceof StatefulSet).hasSize(1);
  }

  @Test
  void prometheus_discoversWithItsOwnServiceAccount_boundToAClusterRoleOfTheNamespace() {
    var compiled = Demo.with(boinc()).inNamespace("shop").compile();

    var role = compiled.find(ClusterRole.class, "shop-prometheus").orElseThrow();
    assertThat(role.getRules())
        .anySatisfy(rule -> assertThat(rule.getResources()).contains("pods", "nodes/proxy"));
    assertThat(role.getRules())
        .allSatisfy(
            rule ->
                assertThat(rule.getVerbs()).doesNotContain("create", "update", "delete", "patch"));
    var binding = compiled.find(ClusterRoleBinding.class, "shop-prometheus").orElseThrow();
    assertThat(binding.getSubjects())
        .singleElement()
        .extracting("name", "namespace")
        .containsExactly("prometheus", "shop");
    var pod =
        compiled
            .find(StatefulSet.class, "prometheus")
            .orElseThrow()
            .getSpec()
            .getTemplate()
            .getSpec();
    assertThat(pod.getServiceAccountName()).isEqualTo("prometheus");
    assertThat(pod.getAutomountServiceAccountToken()).isTrue();
    assertThat(
            compiled
                .find(Deployment.class, "grafana")
                .orElseThrow()
                .getSpec()
                .getTemplate()
                .getSpec()
                .getAutomountServiceAccountToken())
        .isFalse();
  }

  @Test
  void prometheusConfig_scrapesAnnotatedPodsAndServices_thePushgatewayWithItsLabels_andCadvisor() {
    var config =
        Demo.with(boinc())
            .compile()
            .find(ConfigMap.class, "prometheus-config")
            .orElseThrow()
            .getData();
    Map<String, Object> parsed =
        Yaml.serialization().unmarshal(config.get(PrometheusConfig.CONFIG_FILE), Map.class);

    assertThat(parsed)
        .extractingByKey("rule_files")
        .asList()
        .containsExactly(PrometheusConfig.RULES_FILE);
    assertThat(config.get(PrometheusConfig.CONFIG_FILE))
        .contains(
            "__meta_kubernetes_pod_annotation_prometheus_io_scrape",
            "__meta_kubernetes_service_annotation_prometheus_io_scrape",
            "role: endpointslice",
            "honor_labels: true",
            "pushgateway.cncfdemo.svc:9091",
            "/proxy/metrics/cadvisor");
    assertThat(config.get(PrometheusConfig.RULES_FILE))
        .contains("record: cncfdemo:boinc_cpu_share:ratio", "alert: TargetDown");
  }

  @Test
  void
      grafana_isProvisionedWithThePrometheusDatasourceAndFiveDashboards_andAGeneratedAdminPassword() {
    var compiled = Demo.with(boinc()).compile();

    var datasource =
        compiled
            .find(ConfigMap.class, "grafana-datasources")
            .orElseThrow()
            .getData()
            .get("datasources.yaml");
    assertThat(datasource)
        .contains(
            "url: http://prometheus.cncfdemo.svc:9090", "uid: prometheus", "type: prometheus");
    var dashboards = compiled.find(ConfigMap.class, "grafana-dashboards").orElseThrow().getData();
    assertThat(dashboards)
        .containsOnlyKeys(
            "countly.json", "mongodb.json", "cluster.json", "boinc.json", "benchmark.json");
    dashboards.forEach(
        (name, json) -> {
          Map<String, Object> dashboard = Yaml.serialization().unmarshal(json, Map.class);
          assertThat(dashboard).as(name).containsKeys("uid", "title", "panels");
          assertThat(dashboard.get("panels")).as(name).asList().isNotEmpty();
        });
    assertThat(dashboards.get("countly.json"))
        .contains("nginx_ingress_controller_requests", "histogram_quantile");
    assertThat(dashboards.get("mongodb.json")).contains("cncfdemo:mongodb_operations:rate1m");
    assertThat(dashboards.get("boinc.json")).contains("cncfdemo:boinc_cpu_share:ratio");
    assertThat(dashboards.get("benchmark.json"))
        .contains("wrk_requests_per_second", "wrk_latency_seconds");
    var admin = compiled.find(Secret.class, "grafana-admin").orElseThrow();
    assertThat(admin.getData()).containsKeys("admin-user", "admin-password");
    var env =
        compiled
            .find(Deployment.class, "grafana")
            .orElseThrow()
            .getSpec()
            .getTemplate()
            .getSpec()
            .getContainers()
            .get(0)
            .getEnv();
    assertThat(env)
        .filteredOn(e -> e.getName().equals("GF_SECURITY_ADMIN_PASSWORD"))
        .singleElement()
        .satisfies(
            e ->
                assertThat(e.getValueFrom().getSecretKeyRef().getName())
                    .isEqualTo("grafana-admin"));
  }

  @Test
  void grafanaWithoutPrometheus_andPrometheusWithoutPushgateway_sayWhatToAdd() {
    assertThatThrownBy(() -> Demo.with(grafana()).withoutMonitoring())
        .isInstanceOf(DemoWiringException.class)
        .hasMessage("grafana() needs a Prometheus: add prometheus(), or drop withoutMonitoring()");
    assertThatThrownBy(() -> Demo.with(prometheus()).withoutMonitoring())
        .isInstanceOf(DemoWiringException.class)
        .hasMessage(
            "prometheus() needs a Pushgateway: add pushgateway(), drop withoutMonitoring(), or use"
                + " wrk(url).withoutResultPush()");
    assertThat(
            Demo.with(prometheus(), pushgateway(), grafana())
                .withoutMonitoring()
                .compile()
                .stage(Stage.MONITORING))
        .isNotEmpty();
  }

  @Test
  void badInput_isRejectedWithTheFieldTheValueAndWhatIsAllowed() {
    assertThatThrownBy(() -> prometheus().retention(Duration.ofMinutes(30)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("retention must be between 2h and 8760h, was \"30m\"");
    assertThatThrownBy(() -> prometheus().scrapeInterval(Duration.ofSeconds(1)))
        .hasMessage("scrapeInterval must be between 5s and 5m, was \"1s\"");
    assertThatThrownBy(() -> prometheus().image("prom/prometheus"))
        .hasMessageStartingWith("image must be an image pinned");
    assertThatThrownBy(() -> pushgateway().image("prom/pushgateway:latest"))
        .hasMessageEndingWith("was \"prom/pushgateway:latest\"");
    assertThatThrownBy(() -> grafana().ingressClass(""))
        .hasMessageStartingWith("ingressClass must be a lowercase RFC 1123 subdomain");
    assertThatThrownBy(() -> prometheus().storage("10 GB"))
        .hasMessage("storage must be a memory quantity such as 256Mi or 2Gi, was \"10 GB\"");
  }

  @Test
  void configFiles_areWrittenByTheSerializer_notAssembledAsText() {
    assertThat(ConfigFiles.yaml(Map.of("a", "b: c"))).isEqualTo("a: 'b: c'\n");
  }
}
