package io.cncfdemo.internal.demo;

import io.cncfdemo.component.DemoContext;
import io.cncfdemo.demo.PodSecurityLevel;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyBuilder;
import io.fabric8.kubernetes.api.model.scheduling.v1.PriorityClassBuilder;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The objects every demo starts with: its namespace, under Pod Security admission, its two
 * PriorityClasses, and the namespace's default-deny NetworkPolicy (no traffic in or out but DNS)
 * over which each component allows what it needs.
 */
final class Foundation {
  /** Priority of foreground workloads; above the default 0 of pods without a class. */
  static final int FOREGROUND_PRIORITY = 100_000;

  /** Priority of background work; below the default 0, so that any ordinary pod preempts it. */
  static final int BACKGROUND_PRIORITY = -100;

  private Foundation() {}

  static List<HasMetadata> objects(DemoContext context, PodSecurityLevel level) {
    var labels = new LinkedHashMap<String, String>();
    labels.put("app.kubernetes.io/part-of", context.demoName());
    labels.put("app.kubernetes.io/managed-by", DefaultDemoContext.MANAGED_BY);
    var namespace =
        new NamespaceBuilder()
            .withNewMetadata()
            .withName(context.namespace())
            .addToLabels(labels)
            .addToLabels("pod-security.kubernetes.io/enforce", level.label())
            .addToLabels("pod-security.kubernetes.io/enforce-version", "latest")
            .addToLabels("pod-security.kubernetes.io/audit", PodSecurityLevel.RESTRICTED.label())
            .addToLabels("pod-security.kubernetes.io/warn", PodSecurityLevel.RESTRICTED.label())
            .endMetadata()
            .build();
    var foreground =
        new PriorityClassBuilder()
            .withNewMetadata()
            .withName(context.foregroundPriorityClass())
            .addToLabels(labels)
            .endMetadata()
            .withValue(FOREGROUND_PRIORITY)
            .withGlobalDefault(false)
            .withPreemptionPolicy("PreemptLowerPriority")
            .withDescription(
                "Foreground workloads of the "
                    + context.demoName()
                    + " demo: applications, datastores, monitoring.")
            .build();
    var background =
        new PriorityClassBuilder()
            .withNewMetadata()
            .withName(context.backgroundPriorityClass())
            .addToLabels(labels)
            .endMetadata()
            .withValue(BACKGROUND_PRIORITY)
            .withGlobalDefault(false)
            .withPreemptionPolicy("Never")
            .withDescription(
                "Background work of the "
                    + context.demoName()
                    + " demo: fills idle capacity, preempted first.")
            .build();
    return List.of(namespace, foreground, background, defaultDeny(labels), dns(labels));
  }

  /** Every pod of the namespace isolated both ways; components add their allow rules. */
  private static NetworkPolicy defaultDeny(Map<String, String> labels) {
    return new NetworkPolicyBuilder()
        .withNewMetadata()
        .withName("default-deny")
        .addToLabels(labels)
        .endMetadata()
        .withNewSpec()
        .withNewPodSelector()
        .endPodSelector()
        .withPolicyTypes("Ingress", "Egress")
        .endSpec()
        .build();
  }

  /**
   * Every pod may ask the cluster's DNS (kube-dns, or CoreDNS under that label, in kube-system).
   */
  private static NetworkPolicy dns(Map<String, String> labels) {
    return new NetworkPolicyBuilder()
        .withNewMetadata()
        .withName("allow-dns")
        .addToLabels(labels)
        .endMetadata()
        .withNewSpec()
        .withNewPodSelector()
        .endPodSelector()
        .withPolicyTypes("Egress")
        .addNewEgress()
        .addNewTo()
        .withNewNamespaceSelector()
        .addToMatchLabels("kubernetes.io/metadata.name", "kube-system")
        .endNamespaceSelector()
        .withNewPodSelector()
        .addToMatchLabels("k8s-app", "kube-dns")
        .endPodSelector()
        .endTo()
        .addNewPort()
        .withProtocol("UDP")
        .withPort(new IntOrString(53))
        .endPort()
        .addNewPort()
        .withProtocol("TCP")
        .withPort(new IntOrString(53))
        .endPort()
        .endEgress()
        .endSpec()
        .build();
  }
}
