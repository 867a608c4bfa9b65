package io.cncfdemo.deploy;

import io.cncfdemo.cluster.ClusterCapabilities;
import io.cncfdemo.component.Component;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What {@code Demo...deployTo(cluster)} would do on a cluster, decided before anything is applied
 * ({@code Demo...plan(cluster)}): what the cluster offers, which cluster add-ons the demo adds
 * because the cluster lacks what they provide, and every need the cluster does not meet.
 *
 * @param capabilities what the cluster offers
 * @param addons the default add-ons the demo adds, e.g. {@code metricsServer()}
 * @param findings the unmet needs; empty when the deploy may go ahead
 * @param foregroundCpuMillis the CPU the demo's foreground pods request, in millicores
 * @param backgroundCpuMillis the CPU its background pods request, in millicores: preemptible, so
 *     not counted against the nodes
 */
public record DeployPlan(
    ClusterCapabilities capabilities,
    List<Component> addons,
    List<Finding> findings,
    long foregroundCpuMillis,
    long backgroundCpuMillis) {

  public DeployPlan {
    addons = List.copyOf(addons);
    findings = List.copyOf(findings);
  }

  /** Whether the cluster meets every need: {@code deployTo} goes ahead. */
  public boolean passes() {
    return findings.isEmpty();
  }

  /** The add-ons as written in the DSL, e.g. {@code [metricsServer(), ingressNginx()]}. */
  public List<String> addonNames() {
    return addons.stream().map(Component::describe).toList();
  }

  /** The findings as one message, one per line, for a {@link DeployException}. */
  public String problems() {
    return findings.stream()
        .map(finding -> "  - " + finding.message())
        .collect(
            Collectors.joining(
                "\n",
                "the demo cannot run on this cluster ("
                    + findings.size()
                    + (findings.size() == 1 ? " problem" : " problems")
                    + "), nothing was applied:\n",
                ""));
  }
}
