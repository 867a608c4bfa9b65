package io.cncfdemo.internal.demo;

import io.cncfdemo.component.DemoContext;
import io.cncfdemo.demo.PodSecurityLevel;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.scheduling.v1.PriorityClassBuilder;
import java.util.List;
import java.util.LinkedHashMap;

/** The objects every demo starts with: its namespace, under Pod Security admission, and its two PriorityClasses. */
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
    var namespace = new NamespaceBuilder()
        .withNewMetadata()
          .withName(context.namespace())
          .addToLabels(labels)
          .addToLabels("pod-security.kubernetes.io/enforce", level.label())
          .addToLabels("pod-security.kubernetes.io/enforce-version", "latest")
          .addToLabels("pod-security.kubernetes.io/audit", PodSecurityLevel.RESTRICTED.label())
          .addToLabels("pod-security.kubernetes.io/warn", PodSecurityLevel.RESTRICTED.label())
        .endMetadata()
        .build();
    var foreground = new PriorityClassBuilder()
        .withNewMetadata().withName(context.foregroundPriorityClass()).addToLabels(labels).endMetadata()
        .withValue(FOREGROUND_PRIORITY)
        .withGlobalDefault(false)
        .withPreemptionPolicy("PreemptLowerPriority")
        .withDescription("Foreground workloads of the " + context.demoName() + " demo: applications, datastores, monitoring.")
        .build();
    var background = new PriorityClassBuilder()
        .withNewMetadata().withName(context.backgroundPriorityClass()).addToLabels(labels).endMetadata()
        .withValue(BACKGROUND_PRIORITY)
        .withGlobalDefault(false)
        .withPreemptionPolicy("Never")
        .withDescription("Background work of the " + context.demoName() + " demo: fills idle capacity, preempted first.")
        .build();
    return List.of(namespace, foreground, background);
  }
}
