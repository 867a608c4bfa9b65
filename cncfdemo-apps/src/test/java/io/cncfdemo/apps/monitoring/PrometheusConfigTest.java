package io.cncfdemo.apps.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.cncfdemo.apps.FullDemo;
import io.cncfdemo.apps.Tools;
import io.fabric8.kubernetes.api.model.ConfigMap;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code promtool check config} on the demo's prometheus.yml and rules, exactly as its ConfigMap
 * holds them. Needs a promtool with Kubernetes service discovery: Debian's package {@code
 * prometheus} (2.42) is built without it.
 */
class PrometheusConfigTest {
  static final String INSTALL =
      "a promtool with Kubernetes service discovery: run scripts/install-promtool.sh (builds"
          + " Prometheus 3.5.0's promtool from its Go module into /usr/local/bin; needs Go)."
          + " Debian's package prometheus is not enough: its promtool is built without"
          + " kubernetes_sd_configs";

  @Test
  @DisplayName(
      "promtool check config accepts the demo's prometheus.yml and its rules, as the ConfigMap"
          + " holds them")
  void promtool_acceptsTheConfigAndRules(@TempDir Path dir) throws Exception {
    var promtool = Tools.require("promtool", INSTALL);
    var shipped =
        FullDemo.compiled().find(ConfigMap.class, "prometheus-config").orElseThrow().getData();
    var inCluster =
        new PrometheusConfig(
            "cncfdemo",
            "pushgateway.cncfdemo.svc:9091",
            Prometheus.DEFAULT_SCRAPE_INTERVAL,
            PrometheusConfig.IN_CLUSTER_SERVICE_ACCOUNT);
    assertThat(inCluster.files())
        .as("the ConfigMap holds what PrometheusConfig generates")
        .isEqualTo(shipped);
    // promtool checks that the token and CA files exist: the same configuration, with them where
    // this test put them.
    var serviceAccount = Files.createDirectories(dir.resolve("serviceaccount"));
    Files.writeString(serviceAccount.resolve("token"), "token");
    Files.writeString(serviceAccount.resolve("ca.crt"), "");
    var config =
        new PrometheusConfig(
            inCluster.namespace(),
            inCluster.pushgateway(),
            inCluster.scrapeInterval(),
            serviceAccount.toString());
    for (var file : config.files().entrySet()) {
      Files.writeString(dir.resolve(file.getKey()), file.getValue());
    }

    var result =
        Tools.run(
            List.of(
                promtool.toString(),
                "check",
                "config",
                "--lint=all",
                dir.resolve(PrometheusConfig.CONFIG_FILE).toString()),
            Map.of(),
            60);

    if (result.output().contains("field kubernetes_sd_configs not found")) {
      fail("%s cannot check Kubernetes service discovery; this test needs %s", promtool, INSTALL);
    }
    assertThat(result.exitCode()).as("promtool check config said:%n%s", result.output()).isZero();
    assertThat(result.output())
        .contains(
            "is valid prometheus config file syntax",
            "SUCCESS: 1 rule files found",
            "Checking " + dir.resolve(PrometheusConfig.RULES_FILE),
            "SUCCESS: 8 rules found");
  }

  @Test
  @DisplayName("promtool check rules accepts the rules file alone")
  void promtool_acceptsTheRules(@TempDir Path dir) throws Exception {
    var promtool = Tools.require("promtool", INSTALL);
    var rules = dir.resolve(PrometheusConfig.RULES_FILE);
    Files.writeString(rules, PrometheusRules.yaml("cncfdemo"));

    var result =
        Tools.run(List.of(promtool.toString(), "check", "rules", rules.toString()), Map.of(), 60);

    assertThat(result.exitCode()).as("promtool check rules said:%n%s", result.output()).isZero();
  }
}
