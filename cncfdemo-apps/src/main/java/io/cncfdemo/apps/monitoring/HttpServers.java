package io.cncfdemo.apps.monitoring;

import io.cncfdemo.apps.common.Resources;
import io.cncfdemo.apps.internal.Containers;
import io.cncfdemo.apps.internal.Hardening.RootFilesystem;
import io.fabric8.kubernetes.api.model.ContainerBuilder;

/**
 * The container shape the monitoring tools share: one HTTP port, probed on a readiness and a health
 * path.
 */
final class HttpServers {
  private HttpServers() {}

  static ContainerBuilder container(
      String name,
      String image,
      Resources resources,
      int port,
      String readyPath,
      String healthPath) {
    return Containers.hardened(name, image, resources, RootFilesystem.READ_ONLY)
        .addNewPort()
        .withName("http")
        .withContainerPort(port)
        .withProtocol("TCP")
        .endPort()
        .withReadinessProbe(Containers.httpProbe(readyPath, port, 10, 3))
        .withLivenessProbe(Containers.httpProbe(healthPath, port, 20, 6));
  }
}
