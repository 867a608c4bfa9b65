package io.cncfdemo.cli.demo;

import io.cncfdemo.cluster.ClusterCapabilities;
import io.cncfdemo.cluster.ClusterClass;
import io.cncfdemo.deploy.DeployPlan;
import io.cncfdemo.deploy.Finding;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** What {@code cncfdemo start --dry-run} prints: the preflight of the demo on the cluster. */
final class PlanReport {
  private PlanReport() {}

  /** The plan as lines for people. */
  static String text(DeployPlan plan) {
    var c = plan.capabilities();
    var lines = new ArrayList<String>();
    lines.add(
        "Cluster: Kubernetes "
            + c.kubernetesVersion()
            + ", "
            + c.schedulableNodes()
            + " schedulable nodes with "
            + cpus(c.allocatableCpuMillis())
            + " CPU and "
            + gibibytes(c.allocatableMemoryBytes())
            + " memory");
    lines.add("  default StorageClass: " + named(c.defaultStorageClass()));
    lines.add(
        "  metrics API: "
            + yesNo(c.metricsApi())
            + ", custom metrics API: "
            + yesNo(c.customMetricsApi()));
    lines.add("  default IngressClass: " + named(c.defaultIngressClass()));
    lines.add("  load balancers: " + c.loadBalancers().name().toLowerCase(Locale.ROOT));
    lines.add(
        "Demo: "
            + cpus(plan.foregroundCpuMillis())
            + " CPU requested in the foreground, "
            + cpus(plan.backgroundCpuMillis())
            + " in the background (preemptible)");
    lines.add(
        "Adds: " + (plan.addons().isEmpty() ? "no add-on" : String.join(", ", plan.addonNames())));
    if (plan.passes()) {
      lines.add("Preflight passes: start would deploy.");
    } else {
      lines.add("Preflight fails (" + plan.findings().size() + "): start would apply nothing.");
      plan.findings().forEach(finding -> lines.add("  - " + finding.message()));
    }
    return lines.stream().collect(Collectors.joining("\n", "", "\n"));
  }

  /** The plan as a JSON-ready map. */
  static Map<String, Object> json(DeployPlan plan) {
    ClusterCapabilities c = plan.capabilities();
    var cluster = new LinkedHashMap<String, Object>();
    cluster.put("kubernetesVersion", c.kubernetesVersion());
    cluster.put("schedulableNodes", c.schedulableNodes());
    cluster.put("allocatableCpuMillis", c.allocatableCpuMillis());
    cluster.put("allocatableMemoryBytes", c.allocatableMemoryBytes());
    cluster.put(
        "defaultStorageClass", c.defaultStorageClass().map(ClusterClass::name).orElse(null));
    cluster.put("metricsApi", c.metricsApi());
    cluster.put("customMetricsApi", c.customMetricsApi());
    cluster.put(
        "defaultIngressClass", c.defaultIngressClass().map(ClusterClass::name).orElse(null));
    cluster.put("loadBalancers", c.loadBalancers().name());
    var result = new LinkedHashMap<String, Object>();
    result.put("cluster", cluster);
    result.put("foregroundCpuMillis", plan.foregroundCpuMillis());
    result.put("backgroundCpuMillis", plan.backgroundCpuMillis());
    result.put("addons", plan.addonNames());
    result.put("passes", plan.passes());
    List<String> findings = plan.findings().stream().map(Finding::message).toList();
    result.put("findings", findings);
    return result;
  }

  private static String named(java.util.Optional<ClusterClass> clusterClass) {
    return clusterClass.map(c -> c.name() + " (" + c.controller() + ")").orElse("none");
  }

  private static String yesNo(boolean value) {
    return value ? "yes" : "no";
  }

  private static String cpus(long millicores) {
    return new java.math.BigDecimal(millicores)
        .movePointLeft(3)
        .stripTrailingZeros()
        .toPlainString();
  }

  private static String gibibytes(long bytes) {
    return new java.math.BigDecimal(bytes)
            .divide(java.math.BigDecimal.valueOf(1L << 30), 1, java.math.RoundingMode.HALF_UP)
            .stripTrailingZeros()
            .toPlainString()
        + "Gi";
  }
}
