package io.cncfdemo.support;

import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.List;
import java.util.Map;

/**
 * Aggregated APIs, such as the resource metrics API: whether the API server's aggregator reports an
 * APIService Available, the one condition that says its backend answers.
 */
public final class ApiServices {
  private ApiServices() {}

  /**
   * Whether the APIService {@code name} (e.g. {@code v1beta1.metrics.k8s.io}) exists and its
   * condition {@code Available} is {@code True}.
   */
  public static boolean available(KubernetesClient client, String name) {
    var service =
        client
            .genericKubernetesResources("apiregistration.k8s.io/v1", "APIService")
            .withName(name)
            .get();
    if (service == null
        || !(service.getAdditionalProperties().get("status") instanceof Map<?, ?> status)
        || !(status.get("conditions") instanceof List<?> conditions)) {
      return false;
    }
    return conditions.stream()
        .anyMatch(
            condition ->
                condition instanceof Map<?, ?> map
                    && "Available".equals(map.get("type"))
                    && "True".equals(map.get("status")));
  }
}
