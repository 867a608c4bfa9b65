package io.cncfdemo.cli.demo;

import static io.cncfdemo.apps.Apps.ingressNginx;
import static org.assertj.core.api.Assertions.assertThat;

import io.cncfdemo.cluster.ClusterCapabilities;
import io.cncfdemo.cluster.ClusterCapabilities.PodSecurityAdmission;
import io.cncfdemo.cluster.ClusterClass;
import io.cncfdemo.cluster.LoadBalancerSupport;
import io.cncfdemo.cluster.NodeCapacity;
import io.cncfdemo.deploy.DeployPlan;
import io.cncfdemo.deploy.Finding;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** {@code start --dry-run} prints the cluster, what the demo adds and every finding. */
class PlanReportTest {
  private static final ClusterCapabilities CLUSTER =
      new ClusterCapabilities(
          "v1.31.4",
          List.of(new ClusterClass("standard", "rancher.io/local-path", true)),
          true,
          false,
          List.of(),
          LoadBalancerSupport.UNKNOWN,
          new PodSecurityAdmission(true, Map.of()),
          List.of(
              new NodeCapacity("a", 4000, 8L << 30, true),
              new NodeCapacity("b", 2000, 8L << 30, true),
              new NodeCapacity("m", 2000, 8L << 30, false)),
          Set.of());

  @Test
  void aPlanThatFails_listsEveryFinding() {
    var plan =
        new DeployPlan(
            CLUSTER,
            List.of(ingressNginx()),
            List.of(
                new Finding(
                    Optional.empty(),
                    "the demo requests 9.5 CPU in the foreground, the nodes offer 6",
                    "add minions")),
            9500,
            4000);

    assertThat(PlanReport.text(plan))
        .isEqualTo(
            """
            Cluster: Kubernetes v1.31.4, 2 schedulable nodes with 6 CPU and 16Gi memory
              default StorageClass: standard (rancher.io/local-path)
              metrics API: yes, custom metrics API: no
              default IngressClass: none
              load balancers: unknown
            Demo: 9.5 CPU requested in the foreground, 4 in the background (preemptible)
            Adds: ingressNginx()
            Preflight fails (1): start would apply nothing.
              - the demo requests 9.5 CPU in the foreground, the nodes offer 6: add minions
            """);
    assertThat(PlanReport.json(plan))
        .containsEntry("addons", List.of("ingressNginx()"))
        .containsEntry("passes", false)
        .containsEntry(
            "findings",
            List.of("the demo requests 9.5 CPU in the foreground, the nodes offer 6: add minions"));
  }

  @Test
  void aPlanThatPasses_saysSo() {
    var plan = new DeployPlan(CLUSTER, List.of(), List.of(), 1500, 0);

    assertThat(PlanReport.text(plan))
        .contains("Adds: no add-on\nPreflight passes: start would deploy.\n");
    assertThat(PlanReport.json(plan)).containsEntry("passes", true);
  }
}
