package io.cncfdemo.baremetal;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LabelSelectorBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;

/**
 * The workloads the cluster tests run: busybox's httpd with a readiness probe, one per minion, and
 * a one-shot fetch.
 */
final class Workloads {
  static final String IMAGE = "cncfdemo.test/busybox:1";

  private Workloads() {}

  static Deployment web(int replicas) {
    return new DeploymentBuilder()
        .withNewMetadata()
        .withName("web")
        .withNamespace("default")
        .endMetadata()
        .withNewSpec()
        .withReplicas(replicas)
        .withNewSelector()
        .addToMatchLabels("app", "web")
        .endSelector()
        .withNewTemplate()
        .withNewMetadata()
        .addToLabels("app", "web")
        .endMetadata()
        .withNewSpec()
        .addNewTopologySpreadConstraint()
        .withMaxSkew(1)
        .withTopologyKey("kubernetes.io/hostname")
        .withWhenUnsatisfiable("DoNotSchedule")
        .withLabelSelector(new LabelSelectorBuilder().addToMatchLabels("app", "web").build())
        .endTopologySpreadConstraint()
        .addNewContainer()
        .withName("httpd")
        .withImage(IMAGE)
        .withImagePullPolicy("Never")
        .withCommand(
            "sh",
            "-c",
            "mkdir -p /www && hostname > /www/index.html && exec httpd -f -p 8080 -h /www")
        .addNewPort()
        .withContainerPort(8080)
        .endPort()
        .withNewReadinessProbe()
        .withNewHttpGet()
        .withPath("/")
        .withPort(new IntOrString(8080))
        .endHttpGet()
        .withPeriodSeconds(2)
        .endReadinessProbe()
        .endContainer()
        .endSpec()
        .endTemplate()
        .endSpec()
        .build();
  }

  static Service webService() {
    return new ServiceBuilder()
        .withNewMetadata()
        .withName("web")
        .withNamespace("default")
        .endMetadata()
        .withNewSpec()
        .addToSelector("app", "web")
        .addNewPort()
        .withPort(80)
        .withTargetPort(new IntOrString(8080))
        .endPort()
        .endSpec()
        .build();
  }

  /** A pod on this node that fetches the URL once and prints it. */
  static Pod fetch(String name, String node, String url) {
    return new PodBuilder()
        .withNewMetadata()
        .withName(name)
        .withNamespace("default")
        .endMetadata()
        .withNewSpec()
        .withNodeName(node)
        .withRestartPolicy("Never")
        .addNewContainer()
        .withName("fetch")
        .withImage(IMAGE)
        .withImagePullPolicy("Never")
        .withCommand("wget", "-qO-", url)
        .endContainer()
        .endSpec()
        .build();
  }
}
