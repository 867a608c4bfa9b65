package io.cncfdemo.cli.kubectl;

import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.Locale;

/**
 * How kubectl names an object in its messages: {@code configmap/foo}, {@code deployment.apps/web}.
 */
final class ResourceNames {
  private ResourceNames() {}

  static String of(HasMetadata object) {
    return kindAndGroup(object.getKind(), object.getApiVersion())
        + "/"
        + object.getMetadata().getName();
  }

  /** {@code deployment.apps}: the kind in lower case, then the API group when there is one. */
  static String kindAndGroup(String kind, String apiVersion) {
    var group =
        apiVersion != null && apiVersion.contains("/")
            ? apiVersion.substring(0, apiVersion.indexOf('/'))
            : "";
    return kind.toLowerCase(Locale.ROOT) + (group.isEmpty() ? "" : "." + group);
  }
}
